//! CSV and JSON exports with awkward texts, and in every language: a CSV keeps its shape and
//! stays formula-safe whatever the content says, its words follow the export's language, and
//! the JSON export does not depend on the language at all.

use assessment::csv::{export_csv, workshop_csv, BOM, HEADER};
use assessment::exchange::{export_json, import_json};
use assessment::i18n::Locale;
use assessment::workshop::{aggregate, Participant};
use assessment::{default_questionnaire, parse_questionnaire, Answer, Questionnaire, Scope};
use serde_json::{json, Value};

use crate::support::{bundled, finished, parse_csv};

const RISKY: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Texts a content file from elsewhere might hold, for the English locale.
const AWKWARD: [&str; 8] = [
    "=HYPERLINK(\"http://example.com\")\nsecond line",
    "Quotes \"like this\", commas, semicolons; and\r\na CRLF",
    "+1 for the team",
    "-1 for the team",
    "@SUM(A1:A9)",
    "\ttabbed",
    "line\nbreaks\nthree",
    "; starts with a semicolon, \"ends\" with a quote\"",
];

/// The bundled questionnaire with awkward English texts where the CSV shows them: a section
/// title, questions, the level names and an action.
fn awkward() -> Questionnaire {
    let mut doc = bundled();
    doc["sections"][0]["title"]["en"] = json!(AWKWARD[0]);
    for (i, text) in AWKWARD.iter().enumerate() {
        doc["sections"][0]["items"][i]["question"]["en"] = json!(text);
    }
    for (l, text) in AWKWARD[2..7].iter().enumerate() {
        doc["level_names"][l]["en"] = json!(text);
    }
    // The action a brand owner sees for REL1 at level 1.
    let action = doc["sections"][0]["actions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["when"]["item"] == json!("REL1") && a["who"] != json!("distributor"))
        .unwrap();
    action["step"]["en"] = json!(AWKWARD[4]);
    parse_questionnaire(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// The file's rows, checked: after the byte-order mark, every row has `width` fields and no
/// field starts a formula.
fn rows(text: &str, width: usize) -> Vec<Vec<String>> {
    let body = text.strip_prefix(BOM).expect("a byte-order mark");
    assert!(body.ends_with("\r\n"));
    let rows = parse_csv(body);
    for row in &rows {
        assert_eq!(row.len(), width, "{row:?}");
        for cell in row {
            assert!(!cell.starts_with(RISKY), "a formula: {cell:?}");
        }
    }
    rows
}

/// A cell as the content wrote it: without the apostrophe that neutralises a formula.
fn unescaped(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(RISKY) => rest,
        _ => cell,
    }
}

#[test]
fn awkward_texts_keep_the_csv_in_shape_and_formula_safe() {
    let (plain, q) = (default_questionnaire().unwrap(), awkward());
    let a = finished("a", "", 1);
    let want = rows(&export_csv(&a, &plain, "en"), HEADER.len());
    let got = rows(&export_csv(&a, &q, "en"), HEADER.len());
    // The same rows and fields as with the bundled texts.
    assert_eq!(got.len(), want.len());
    assert_eq!(got[0], HEADER);
    // Each text comes back as written.
    let rel: Vec<&Vec<String>> = got.iter().filter(|r| r[1].starts_with("REL")).collect();
    assert_eq!(rel.len(), 10);
    assert!(rel.iter().all(|r| unescaped(&r[0]) == AWKWARD[0]));
    for (i, text) in AWKWARD.iter().enumerate() {
        let row = got
            .iter()
            .find(|r| r[1] == q.sections[0].items[i].id)
            .unwrap();
        assert_eq!(unescaped(&row[2]), *text, "question {i}");
    }
    // finished() answers REL1 at level 1: its level name and its action.
    assert_eq!(unescaped(&got[1][4]), AWKWARD[2]);
    assert!(got[1][7].contains(AWKWARD[4]), "{}", got[1][7]);
    // The escaped cells, written as the file has them.
    assert_eq!(got[1][0], format!("'{}", AWKWARD[0]));
    assert_eq!(got[1][4], format!("'{}", AWKWARD[2]));
}

#[test]
fn awkward_texts_keep_the_workshop_csv_in_shape_and_formula_safe() {
    let q = awkward();
    let people: Vec<Participant> = ["a", "b", "c"]
        .iter()
        .map(|id| Participant::from_assessment(&finished(id, "", 1)))
        .collect();
    let r = aggregate(&q, &Scope::all(&q), &people);
    let got = rows(&workshop_csv(&r, &q, "en"), 19);
    assert_eq!(got.len(), 1 + 4 + 39);
    assert_eq!(unescaped(&got[1][0]), AWKWARD[0]);
    for (i, text) in AWKWARD.iter().enumerate() {
        assert_eq!(unescaped(&got[5 + i][2]), *text, "question {i}");
    }
}

#[test]
fn the_csv_speaks_the_export_language_and_keeps_its_columns() {
    let q = default_questionnaire().unwrap();
    // finished(): REL1 at level 1, REL7 not applicable, REL8 don't know, MOT4 unanswered.
    let a = finished("a", "", 1);
    let english = rows(&export_csv(&a, &q, "en"), HEADER.len());
    for (code, locale) in [("de", Locale::De), ("fr", Locale::Fr)] {
        let m = locale.messages();
        let got = rows(&export_csv(&a, &q, code), HEADER.len());
        assert_eq!(got.len(), english.len(), "{code}");
        // Column names, item ids, levels, weights and scores are the same in every language.
        assert_eq!(got[0], HEADER, "{code}");
        for (row, en) in got.iter().zip(&english) {
            assert_eq!(
                (&row[1], &row[3], &row[5], &row[6]),
                (&en[1], &en[3], &en[5], &en[6])
            );
        }
        // The words are the export's.
        assert_eq!(got[1][0], q.sections[0].title.get(code, "en"), "{code}");
        assert_eq!(got[1][2], q.sections[0].items[0].question.get(code, "en"));
        assert_eq!(got[1][4], q.level_names[0].get(code, "en"));
        let word = |id: &str| got.iter().find(|r| r[1] == id).unwrap()[4].clone();
        assert_eq!(word("REL7"), m.not_applicable, "{code}");
        assert_eq!(word("REL8"), m.dont_know, "{code}");
        assert_eq!(word("MOT4"), m.unanswered, "{code}");
        assert_ne!(m.not_applicable, "Not applicable");
    }
    assert_eq!(english[8][4], "Not applicable");
    assert_eq!(english[9][4], "Don't know");
    // A language the app does not ship: the content's default texts, English words.
    let other = rows(&export_csv(&a, &q, "es"), HEADER.len());
    assert_eq!(other, english);
}

#[test]
fn the_workshop_csv_keeps_its_columns_and_numbers_in_every_language() {
    let q = default_questionnaire().unwrap();
    let people: Vec<Participant> = ["a", "b", "c"]
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let mut a = finished(id, "", 1);
            a.answers.set(
                "REL1",
                Answer::Level(assessment::Level::new(n as u8 + 2).unwrap()),
            );
            Participant::from_assessment(&a)
        })
        .collect();
    let r = aggregate(&q, &Scope::all(&q), &people);
    let english = rows(&workshop_csv(&r, &q, "en"), 19);
    for code in ["de", "fr"] {
        let got = rows(&workshop_csv(&r, &q, code), 19);
        assert_eq!(got[0], english[0], "{code}: English column names");
        assert_eq!(got[5][0], q.sections[0].title.get(code, "en"));
        assert_eq!(got[5][2], q.sections[0].items[0].question.get(code, "en"));
        // REL1 at 2, 3 and 4: mean 3.0, with a '.' in every language.
        assert_eq!(
            (&got[5][4], &english[5][4]),
            (&"3.0".to_owned(), &"3.0".to_owned())
        );
        for (row, en) in got.iter().zip(&english) {
            assert_eq!(row[3..], en[3..], "{code}: numbers and flags");
        }
    }
}

#[test]
fn json_exports_hold_codes_in_every_language() {
    let q = default_questionnaire().unwrap();
    let mut a = finished("a", "Müller & Söhne \u{2013} Zürich", 1);
    a.label.push_str(" · « Crème » \"quoted\"\n");
    let text = export_json(&[&a], &q, 0);
    // No word of any catalogue, only codes.
    let v: Value = serde_json::from_str(&text).unwrap();
    let record = &v["records"][0];
    assert_eq!(record["perspective"], json!("brand_owner"));
    assert_eq!(record["answers"]["REL7"], json!("na"));
    assert_eq!(record["answers"]["REL8"], json!("dk"));
    for locale in Locale::ALL {
        let m = locale.messages();
        for word in [m.not_applicable, m.dont_know, m.brand_owner, m.distributor] {
            assert!(!text.contains(word), "{}: {word}", locale.code());
        }
    }
    // The label comes back exactly, whatever it holds.
    let back = import_json(&text, &q).unwrap();
    assert_eq!(back.records, vec![a]);
}
