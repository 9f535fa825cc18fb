//! What the tests share: the bundled content as JSON and derived versions of it, content
//! errors as lines, sample assessments, answers, a CSV reader and the share-link checksum.

use assessment::{
    default_questionnaire, parse_questionnaire, Answer, Assessment, Level, Perspective,
    Questionnaire, Scope, DEFAULT_CONTENT,
};
use serde_json::{json, Value};

/// The bundled questionnaire file as JSON, to change in a test.
pub fn bundled() -> Value {
    serde_json::from_str(DEFAULT_CONTENT).unwrap()
}

/// Validates a questionnaire file and returns its error lines (none when it is valid).
pub fn errors(doc: &Value) -> Vec<String> {
    match parse_questionnaire(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

/// The next version of the bundled questionnaire (3): REL8 renamed to REL10, MOT5 removed, TRU8
/// added; the bundled migration 1 -> 2 stays before it.
pub fn next_version() -> Questionnaire {
    let mut doc = bundled();
    doc["version"] = json!(3);
    assert_eq!(doc["sections"][0]["items"][8]["id"], json!("REL8"));
    doc["sections"][0]["items"][8]["id"] = json!("REL10");
    for a in doc["sections"][0]["actions"].as_array_mut().unwrap() {
        if a["when"]["item"] == json!("REL8") {
            a["when"]["item"] = json!("REL10");
        }
    }
    assert_eq!(doc["sections"][1]["items"][4]["id"], json!("MOT5"));
    doc["sections"][1]["items"]
        .as_array_mut()
        .unwrap()
        .remove(4);
    doc["sections"][1]["actions"]
        .as_array_mut()
        .unwrap()
        .retain(|a| a["when"]["item"] != json!("MOT5"));
    let mut added = doc["sections"][3]["items"][9].clone();
    added["id"] = json!("TRU8");
    doc["sections"][3]["items"]
        .as_array_mut()
        .unwrap()
        .push(added);
    doc["migrations"].as_array_mut().unwrap().push(
        json!({"from": 2, "to": 3, "renamed": {"REL8": "REL10"}, "removed": ["MOT5"], "added": ["TRU8"]}),
    );
    parse_questionnaire(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// A share-link body with its checksum (as `assessment::share` computes it: FNV-1a over the
/// body, six base64url characters), so that tests can make links that pass the checksum.
pub fn sign(body: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let h = body.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let sum: String = (0..6)
        .rev()
        .map(|i| char::from(ALPHABET[((u64::from(h) >> (i * 6)) & 63) as usize]))
        .collect();
    format!("{body}.{sum}")
}

pub fn level(n: u8) -> Answer {
    Answer::Level(Level::new(n).unwrap())
}

/// A finished assessment with a spread of answers (every kind of answer, one item unanswered).
pub fn finished(id: &str, label: &str, created: i64) -> Assessment {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let mut a = Assessment::new(id, &q, created);
    a.label = label.into();
    a.start(&scope, Perspective::BrandOwner, created + 1);
    for (n, id) in q.item_ids().enumerate() {
        let answer = match n % 9 {
            7 => Answer::NotApplicable,
            8 => Answer::DontKnow,
            k => level((k % 5) as u8 + 1),
        };
        if n != 13 {
            a.answer(id, answer, created + 2);
        }
    }
    a.go_to(assessment::Step::Results, &scope, created + 3);
    a
}

/// A minimal CSV reader for the tests: quoted fields (which may hold commas, quotes and line
/// breaks), doubled quotes, CRLF rows; a last row without a line end is dropped. It scans with
/// `str::find`, so that it stays fast in a debug build (the fuzz tests read 100,000 files).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            // Up to the closing quote; a doubled quote is one quote.
            let mut r = quoted;
            loop {
                let Some(i) = r.find('"') else {
                    cell.push_str(r);
                    r = "";
                    break;
                };
                cell.push_str(&r[..i]);
                r = &r[i + 1..];
                match r.strip_prefix('"') {
                    Some(more) => {
                        cell.push('"');
                        r = more;
                    }
                    None => break,
                }
            }
            rest = r;
            continue;
        }
        let end = rest.find(['"', ',', '\r', '\n']).unwrap_or(rest.len());
        cell.push_str(&rest[..end]);
        rest = &rest[end..];
        match rest.as_bytes().first() {
            None | Some(b'"') => continue,
            Some(b',') => row.push(std::mem::take(&mut cell)),
            Some(b'\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            // A carriage return outside quotes ends nothing: the line feed after it does.
            Some(_) => {}
        }
        rest = &rest[1..];
    }
    rows
}

/// A file of `tests/fixtures/v1`, written by the version-1 release.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/v1/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}
