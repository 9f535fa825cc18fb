//! Every error a person can meet has plain words (what happened, what to do) in every locale,
//! without the technical detail, and the detail where there is one.

use std::collections::BTreeSet;

use assessment::exchange::{import_json, ImportError, MAX_IMPORT_BYTES};
use assessment::i18n::{Locale, Messages};
use assessment::share::{decode_share, ShareError};
use assessment::workshop::{decode_workshop, WorkshopError};
use assessment::{decode_record, default_questionnaire, Questionnaire, RecordError};
use serde_json::json;

fn q() -> Questionnaire {
    default_questionnaire().unwrap()
}

fn record_variant(e: &RecordError) -> &'static str {
    // No wildcard: a new variant does not compile until it is added here and below.
    match e {
        RecordError::NotJson(_) => "NotJson",
        RecordError::NotARecord(_) => "NotARecord",
        RecordError::NewerSchema { .. } => "NewerSchema",
        RecordError::NewerQuestionnaire { .. } => "NewerQuestionnaire",
        RecordError::OtherQuestionnaire(_) => "OtherQuestionnaire",
        RecordError::UnknownQuestionnaireVersion(_) => "UnknownQuestionnaireVersion",
        RecordError::Invalid(_) => "Invalid",
        RecordError::BadId(_) => "BadId",
        RecordError::KeyMismatch { .. } => "KeyMismatch",
    }
}

fn record_errors() -> Vec<RecordError> {
    let q = q();
    let valid: serde_json::Value = serde_json::from_str(&assessment::encode_record(
        &assessment::Assessment::new("rec-1", &q, 1),
        &q,
    ))
    .unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = valid.clone();
        f(&mut v);
        decode_record(&v.to_string(), &q).unwrap_err()
    };
    let mut v1 = q.clone();
    v1.migrations.clear();
    vec![
        decode_record("{\"schema\": 1, \"id\"", &q).unwrap_err(),
        decode_record("{\"id\": \"x\"}", &q).unwrap_err(),
        with(&|v| v["schema"] = json!(2)),
        with(&|v| v["questionnaire"]["version"] = json!(3)),
        with(&|v| v["questionnaire"]["id"] = json!("supplier-relationship")),
        {
            let mut v = valid.clone();
            v["questionnaire"]["version"] = json!(1);
            decode_record(&v.to_string(), &v1).unwrap_err()
        },
        with(&|v| v["answers"] = json!({"REL1": "7"})),
        with(&|v| v["id"] = json!("rec 1")),
        assessment::decode_record_at(&valid.to_string(), &q, "rec-2").unwrap_err(),
    ]
}

fn import_variant(e: &ImportError) -> &'static str {
    match e {
        ImportError::TooLarge { .. } => "TooLarge",
        ImportError::NotJson(_) => "NotJson",
        ImportError::NotAnExport(_) => "NotAnExport",
        ImportError::NewerFormat { .. } => "NewerFormat",
        ImportError::TooManyRecords { .. } => "TooManyRecords",
    }
}

fn import_errors() -> Vec<ImportError> {
    let q = q();
    let export = |version: u64, n: usize| {
        json!({"format": "distributor-assessment-export", "version": version,
               "records": vec![json!({}); n]})
        .to_string()
    };
    vec![
        import_json(&" ".repeat(MAX_IMPORT_BYTES as usize + 1), &q).unwrap_err(),
        import_json("{\"format\": ", &q).unwrap_err(),
        import_json("{\"records\": []}", &q).unwrap_err(),
        import_json(&export(2, 0), &q).unwrap_err(),
        import_json(&export(1, 1001), &q).unwrap_err(),
    ]
}

fn workshop_variant(e: &WorkshopError) -> &'static str {
    match e {
        WorkshopError::Invalid(_) => "Invalid",
        WorkshopError::Newer => "Newer",
        WorkshopError::OtherQuestionnaire(_) => "OtherQuestionnaire",
        WorkshopError::BadId(_) => "BadId",
        WorkshopError::KeyMismatch { .. } => "KeyMismatch",
    }
}

fn workshop_errors() -> Vec<WorkshopError> {
    let q = q();
    let other = json!({"schema": 1, "id": "w", "name": "", "date": "",
        "questionnaire": {"id": "supplier-relationship", "version": 1},
        "created": 0, "updated": 0, "participants": []});
    let mut bad_id = other.clone();
    bad_id["questionnaire"] = json!({"id": q.id, "version": q.version});
    bad_id["id"] = json!("w/1");
    vec![
        decode_workshop("{\"schema\": 1, \"id\": ", &q).unwrap_err(),
        decode_workshop("{\"schema\": 2}", &q).unwrap_err(),
        decode_workshop(&other.to_string(), &q).unwrap_err(),
        decode_workshop(&bad_id.to_string(), &q).unwrap_err(),
        {
            bad_id["id"] = json!("w1");
            assessment::workshop::decode_workshop_at(&bad_id.to_string(), &q, "w2").unwrap_err()
        },
    ]
}

fn share_variant(e: &ShareError) -> &'static str {
    match e {
        ShareError::Truncated => "Truncated",
        ShareError::Altered => "Altered",
        ShareError::UnknownFormat(_) => "UnknownFormat",
        ShareError::OtherQuestionnaire(_) => "OtherQuestionnaire",
        ShareError::UnknownVersion(_) => "UnknownVersion",
        ShareError::NotCanonical(_) => "NotCanonical",
        ShareError::NotAssessmentLink(_) => "NotAssessmentLink",
    }
}

fn share_errors() -> Vec<ShareError> {
    let q = q();
    let good = assessment::share::encode_share(&q, None, &Default::default());
    vec![
        decode_share(&good[..good.len() - 3], &q).unwrap_err(),
        decode_share(&good.replace(".x.", ".b."), &q).unwrap_err(),
        decode_share("2.x.1.b.AAAA.AAAAAA", &q).unwrap_err(),
        ShareError::OtherQuestionnaire("supplier-relationship".into()),
        ShareError::UnknownVersion("9".into()),
        decode_share(&good.replacen("1.", "01.", 1), &q).unwrap_err(),
        decode_share("https://example.com/page", &q).unwrap_err(),
    ]
}

/// An error's plain words, detail and one-line message in a catalogue's language.
type Words = Box<dyn Fn(&Messages) -> (String, Option<String>, String)>;

/// Every error above, each variant once, with how it is worded.
fn cases() -> Vec<(String, Words)> {
    let mut out: Vec<(String, Words)> = Vec::new();
    let mut seen = BTreeSet::new();
    for e in record_errors() {
        assert!(
            seen.insert(format!("Record::{}", record_variant(&e))),
            "{e:?}"
        );
        out.push((
            format!("{e:?}"),
            Box::new(move |m| (e.plain(m), e.detail(m), e.message(m))),
        ));
    }
    for e in import_errors() {
        assert!(
            seen.insert(format!("Import::{}", import_variant(&e))),
            "{e:?}"
        );
        out.push((
            format!("{e:?}"),
            Box::new(move |m| (e.plain(m), e.detail(m), e.message(m))),
        ));
    }
    for e in workshop_errors() {
        assert!(
            seen.insert(format!("Workshop::{}", workshop_variant(&e))),
            "{e:?}"
        );
        out.push((
            format!("{e:?}"),
            Box::new(move |m| (e.plain(m), e.detail(m), e.message(m))),
        ));
    }
    for e in share_errors() {
        assert!(
            seen.insert(format!("Share::{}", share_variant(&e))),
            "{e:?}"
        );
        out.push((
            format!("{e:?}"),
            Box::new(move |m| (e.plain(m), e.detail(m), e.message(m))),
        ));
    }
    // Each variant of each type once (the counts follow the matches above).
    assert_eq!(seen.len(), 9 + 5 + 5 + 7, "{seen:?}");
    out
}

/// Words that belong to the detail, never to the plain words, per locale.
fn technical_words(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::En => &["json", "schema", "pars", "key", "field", "format"],
        Locale::De => &["json", "schema", "pars", "schlüssel", "feld", "format"],
        Locale::Fr => &["json", "schéma", "analys", "clé", "champ", "format"],
    }
}

#[test]
fn every_error_has_plain_words_in_every_locale() {
    for (name, words) in cases() {
        for locale in Locale::ALL {
            let m = locale.messages();
            let (plain, detail, message) = words(m);
            let code = locale.code();
            assert!(!plain.trim().is_empty(), "{code} {name}: no plain words");
            assert!(
                plain.starts_with(char::is_uppercase) && plain.ends_with('.'),
                "{code} {name}: whole sentences: {plain}"
            );
            assert!(!plain.contains('{'), "{code} {name}: {plain}");
            let lower = plain.to_lowercase();
            for word in technical_words(locale) {
                assert!(!lower.contains(word), "{code} {name}: {word:?} in {plain}");
            }
            // Numbers only where the person needs them to act (sizes and counts).
            if !name.starts_with("TooLarge") && !name.starts_with("TooManyRecords") {
                assert!(
                    !plain.contains(|c: char| c.is_ascii_digit()),
                    "{code} {name}: {plain}"
                );
            }
            if let Some(detail) = &detail {
                assert!(!detail.is_empty(), "{code} {name}");
                assert!(!plain.contains(detail.as_str()), "{code} {name}: {plain}");
                assert!(!detail.contains('{'), "{code} {name}: {detail}");
            }
            assert!(!message.is_empty());
        }
    }
}

/// The detail of each case, in English and German.
#[test]
fn the_detail_says_what_exactly_is_wrong() {
    let en = Locale::En.messages();
    let de = Locale::De.messages();
    let details = |m: &Messages| -> Vec<Option<String>> {
        cases().iter().map(|(_, words)| words(m).1).collect()
    };
    let want_en: Vec<Option<&str>> = vec![
        // Records
        Some("line 1, column 18: EOF while parsing an object"),
        Some("no \"schema\" field"),
        Some("record format 2; this version reads up to 1"),
        Some("questionnaire version 3; this app has version 2"),
        Some("questionnaire “supplier-relationship”"),
        Some("questionnaire version 1"),
        Some("the answer to REL1 is \"7\", not 1-5, na or dk"),
        Some("the id “rec 1” is not allowed: an id is 1 to 64 letters, digits, '-' or '_'"),
        Some("stored under the id “rec-2”, but its own id is “rec-1”"),
        // Import files
        Some("5,242,881 bytes; the limit is 5,242,880 bytes"),
        Some("line 1, column 11: EOF while parsing a value"),
        Some("no \"format\" field"),
        Some("export format 2; this version reads up to 1"),
        None,
        // Workshops
        Some("line 1, column 20: EOF while parsing a value"),
        None,
        Some("questionnaire “supplier-relationship”"),
        Some("the id “w/1” is not allowed: an id is 1 to 64 letters, digits, '-' or '_'"),
        Some("stored under the id “w2”, but its own id is “w1”"),
        // Links
        None,
        None,
        Some("link format 2; this version reads format 1"),
        Some("questionnaire “supplier-relationship”"),
        Some("questionnaire version 9"),
        Some("“01” is not a number as this app writes it: digits only, with no sign and no leading zero"),
        Some("Found: https://example.com/page"),
    ];
    let got = details(en);
    assert_eq!(got.len(), want_en.len());
    for (got, want) in got.iter().zip(&want_en) {
        assert_eq!(got.as_deref(), *want);
    }
    let got = details(de);
    assert_eq!(
        got[0].as_deref(),
        Some("Zeile 1, Spalte 18: EOF while parsing an object")
    );
    assert_eq!(
        got[9].as_deref(),
        Some("5.242.881 Byte; die Grenze liegt bei 5.242.880 Byte")
    );
    assert_eq!(
        got[3].as_deref(),
        Some("Fragebogenversion 3; diese App hat Version 2")
    );
    assert_eq!(got[1].as_deref(), Some("das Feld „schema“ fehlt"));
}

#[test]
fn the_one_line_message_is_unchanged() {
    let en = Locale::En.messages();
    let messages: Vec<String> = cases().iter().map(|(_, words)| words(en).2).collect();
    assert_eq!(
        messages[0],
        "the saved assessment is not valid JSON (EOF while parsing an object at line 1 column 18)"
    );
    assert_eq!(
        messages[11],
        "the file is not an assessment export (no \"format\" field)"
    );
    assert_eq!(messages[25], "this is not an assessment link");
    assert_eq!(
        messages[19],
        "this link is incomplete: it may have been cut short when it was copied. Ask for the whole link"
    );
}

/// Sizes are shown rounded down, never up, and the words say the file is over the limit.
#[test]
fn a_file_too_large_is_described_truthfully() {
    const MB: u64 = 1 << 20;
    let (en, de) = (Locale::En.messages(), Locale::De.messages());
    for (bytes, en_size, de_size) in [
        (5 * MB + 1, "5.00 MB", "5,00\u{a0}MB"),
        // 5.01 MB, rounded up to the next byte.
        ((501 * MB).div_ceil(100), "5.01 MB", "5,01\u{a0}MB"),
        ((127 * MB).div_ceil(10), "12.7 MB", "12,7\u{a0}MB"),
    ] {
        let e = ImportError::TooLarge { bytes };
        assert_eq!(
            e.message(en),
            format!("the file is {en_size}, more than the 5 MB limit")
        );
        assert_eq!(
            e.message(de),
            format!("Die Datei ist {de_size} groß, mehr als die Grenze von 5\u{a0}MB")
        );
        assert!(
            e.plain(en).starts_with(&format!(
                "This file is too large to import: {en_size}, more than the 5 MB limit."
            )),
            "{}",
            e.plain(en)
        );
        assert!(
            e.plain(de)
                .starts_with(&format!("Diese Datei ist zu groß für den Import: {de_size}, mehr als die Grenze von 5\u{a0}MB.")),
            "{}",
            e.plain(de)
        );
    }
    // Three significant digits, rounded down.
    for (bytes, want) in [
        (0, "0.00 MB"),
        (MB / 2, "0.50 MB"),
        (10 * MB - 1, "9.99 MB"),
        (10 * MB, "10.0 MB"),
        (100 * MB - 1, "99.9 MB"),
        (100 * MB, "100 MB"),
        (2_000 * MB + MB - 1, "2,000 MB"),
    ] {
        assert_eq!(en.file_size(bytes), want, "{bytes}");
    }
    assert_eq!(Locale::Fr.messages().file_size(5 * MB + 1), "5,00\u{a0}Mo");
}

#[test]
fn plain_words_read_as_expected() {
    let en = Locale::En.messages();
    let plain: Vec<String> = cases().iter().map(|(_, words)| words(en).0).collect();
    assert_eq!(
        plain[0],
        "This assessment is damaged and cannot be opened. If you have another copy of it, such as an exported file, use that one."
    );
    assert_eq!(
        plain[13],
        "This file holds 1,001 assessments, but at most 1,000 can be imported at once. Export fewer assessments per file and import those files."
    );
}
