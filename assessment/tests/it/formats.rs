//! Export and import files, CSV, share links and questionnaire migrations.

use crate::support::{bundled, finished, level, next_version, parse_csv, sign};
use assessment::csv::{export_csv, field, BOM};
use assessment::exchange::{
    export_json, import_json, ImportError, MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS,
};
use assessment::history::{compare, default_pair, summarize};
use assessment::share::{decode_share, encode_share, ShareError};
use assessment::{
    decode_record, default_questionnaire, encode_record, Answer, Perspective, RecordError, Scope,
    Step,
};
use serde_json::{json, Value};

#[test]
fn export_then_import_round_trips() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "Acme \u{2013} Germany", 1000);
    let b = finished("b", "", 2000);
    let text = export_json(&[&a, &b], &q, 5000);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], json!("distributor-assessment-export"));
    assert_eq!(v["version"], json!(1));
    assert_eq!(v["records"].as_array().unwrap().len(), 2);
    let report = import_json(&text, &q).unwrap();
    assert_eq!(report.records, vec![a.clone(), b]);
    assert!(report.rejected.is_empty());
    // A single stored record is a valid file too.
    let single = import_json(&encode_record(&a, &q), &q).unwrap();
    assert_eq!(single.records, vec![a]);
}

#[test]
fn records_this_version_cannot_read_are_exported_as_they_are() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let newer = r#"{"schema":9,"id":"z","hologram":true}"#;
    let text = assessment::exchange::export_with_raw(&[&a], &[newer, "not json"], &q, 0);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["records"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["records"][1],
        serde_json::from_str::<Value>(newer).unwrap()
    );
    let report = import_json(&text, &q).unwrap();
    assert_eq!(report.records, vec![a]);
    assert_eq!(
        report.rejected,
        vec![(2, RecordError::NewerSchema { found: 9 })]
    );
}

#[test]
fn a_bad_record_is_rejected_alone_with_its_position() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let mut v: Value = serde_json::from_str(&export_json(&[&a, &a, &a], &q, 0)).unwrap();
    v["records"][1]["answers"]["REL1"] = json!("11");
    v["records"][2]["questionnaire"]["version"] = json!(9);
    let report = import_json(&v.to_string(), &q).unwrap();
    assert_eq!(report.records.len(), 1);
    assert_eq!(report.rejected.len(), 2);
    assert_eq!(report.rejected[0].0, 2);
    assert!(matches!(report.rejected[0].1, RecordError::Invalid(_)));
    assert_eq!(
        report.rejected[1],
        (3, RecordError::NewerQuestionnaire { found: 9, known: 2 })
    );
}

#[test]
fn a_record_with_a_bad_id_is_rejected_with_its_reason() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let mut v: Value = serde_json::from_str(&export_json(&[&a, &a], &q, 0)).unwrap();
    v["records"][0]["id"] = json!("../a");
    let report = import_json(&v.to_string(), &q).unwrap();
    assert_eq!(report.records, vec![a]);
    assert_eq!(
        report.rejected,
        vec![(1, RecordError::BadId("../a".into()))]
    );
}

#[test]
fn whole_files_are_refused_with_a_reason() {
    let q = default_questionnaire().unwrap();
    let cases: Vec<(String, &str)> = vec![
        ("{\"format\": ".into(), "not valid JSON"),
        ("[1, 2]".into(), "not a JSON object"),
        ("{\"records\": []}".into(), "no \"format\" field"),
        (
            "{\"format\": \"survey\", \"version\": 1, \"records\": []}".into(),
            "its format is \"survey\"",
        ),
        (
            json!({"format": "distributor-assessment-export", "version": 2, "records": []})
                .to_string(),
            "newer version",
        ),
        (
            json!({"format": "distributor-assessment-export", "version": 1}).to_string(),
            "no \"records\" list",
        ),
    ];
    for (text, want) in cases {
        let err = import_json(&text, &q).unwrap_err();
        assert!(err.to_string().contains(want), "{err} should say {want}");
    }
}

#[test]
fn size_and_count_limits() {
    let q = default_questionnaire().unwrap();
    let big = " ".repeat(MAX_IMPORT_BYTES as usize + 1);
    assert_eq!(
        import_json(&big, &q).unwrap_err(),
        ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }
    );
    assert_eq!(
        ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }
        .to_string(),
        "the file is 5.00 MB, more than the 5 MB limit"
    );
    let records = vec![json!({}); MAX_IMPORT_RECORDS + 1];
    let doc = json!({"format": "distributor-assessment-export", "version": 1, "records": records});
    assert_eq!(
        import_json(&doc.to_string(), &q).unwrap_err(),
        ImportError::TooManyRecords { found: 1001 }
    );
    let records = vec![json!({}); MAX_IMPORT_RECORDS];
    let doc = json!({"format": "distributor-assessment-export", "version": 1, "records": records});
    assert_eq!(
        import_json(&doc.to_string(), &q).unwrap().rejected.len(),
        1000,
        "1,000 is allowed"
    );
}

#[test]
fn csv_has_one_row_per_item() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let text = export_csv(&a, &q, "en");
    assert!(text.starts_with(BOM));
    let rows = parse_csv(&text[BOM.len()..]);
    // One row per question asked of a brand owner (38), then a row per section whose band
    // triggered a section action (its item column empty).
    let band_rows = rows.iter().filter(|r| r[1].is_empty()).count();
    assert_eq!(rows.len(), 1 + 38 + band_rows);
    assert!(
        rows.iter().all(|r| r[1] != "CHO3"),
        "not asked of brand owners"
    );
    assert_eq!(
        rows[0],
        [
            "Section",
            "Item",
            "Question",
            "Level",
            "Level name",
            "Weight",
            "Item score (%)",
            "Actions"
        ]
    );
    // Item 0 (REL1, weight 3) has level 1; item 2 level 3; item 7 not applicable; 13 unanswered.
    assert_eq!(rows[1][..2], ["The Relationship", "REL1"]);
    assert_eq!(rows[1][3..7], ["1", "Initial", "3", "0"]);
    // REL1 at level 1 triggers its actions, each with its horizon.
    let rel1 = q.sections[0].actions.iter().find(|a| {
        a.who != assessment::Who::Distributor
            && matches!(
                a.trigger,
                assessment::model::Trigger::ItemAtMost { item: 0, .. }
            )
    });
    let rel1 = rel1.unwrap();
    assert!(
        rows[1][7].contains(&format!(
            "{} ({} d)",
            rel1.step.get("en", "en"),
            rel1.horizon_days
        )),
        "{}",
        rows[1][7]
    );
    assert_eq!(rows[3][3..], ["3", "Defined", "2", "50", ""]);
    assert_eq!(rows[8][3..], ["", "Not applicable", "2", "", ""]);
    assert_eq!(rows[9][3..], ["", "Don't know", "2", "", ""]);
    let mot4 = rows.iter().find(|r| r[1] == "MOT4").unwrap();
    assert_eq!(mot4[3..5], ["", "Unanswered"]);
    assert!(text.contains("\r\n"));
}

#[test]
fn csv_fields_are_quoted_and_formula_safe() {
    assert_eq!(field("plain"), "\"plain\"");
    assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(field(risky), format!("\"'{}\"", risky.replace('"', "\"\"")));
    }
    assert_eq!(field("a=b"), "\"a=b\"");
}

#[test]
fn share_links_round_trip_and_are_short() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let payload = encode_share(&q, a.perspective, &a.answers);
    assert!(
        payload.starts_with("1.distributor-relationship.2.b."),
        "{payload}"
    );
    assert!(
        payload.len() < 60,
        "{} characters: {payload}",
        payload.len()
    );
    let shared = decode_share(&payload, &q).unwrap();
    assert_eq!(shared.answers, a.answers);
    assert_eq!(shared.perspective, Some(Perspective::BrandOwner));
    assert_eq!(shared.made_with_version, 2);
    let empty = encode_share(&q, None, &Default::default());
    let shared = decode_share(&empty, &q).unwrap();
    assert!(shared.answers.is_empty());
    assert_eq!(shared.perspective, None);
}

#[test]
fn a_link_cut_short_anywhere_says_so() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let payload = encode_share(&q, a.perspective, &a.answers);
    for cut in 0..payload.len() {
        let err = decode_share(&payload[..cut], &q).unwrap_err();
        assert!(
            matches!(err, ShareError::Truncated | ShareError::Altered),
            "cut at {cut}: {err:?}"
        );
        if cut > 32 {
            assert_eq!(err, ShareError::Truncated, "cut at {cut}");
        }
    }
}

#[test]
fn a_changed_link_is_detected() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let payload = encode_share(&q, a.perspective, &a.answers);
    let answers_at = payload.len() - 7 - 15;
    for (i, c) in payload.char_indices().skip(answers_at).take(15) {
        let swapped = if c == 'A' { 'B' } else { 'A' };
        let mut altered = payload.clone();
        altered.replace_range(i..i + 1, &swapped.to_string());
        assert_eq!(
            decode_share(&altered, &q).unwrap_err(),
            ShareError::Altered,
            "{altered}"
        );
    }
}

#[test]
fn the_checksum_helper_signs_as_the_app_does() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let payload = encode_share(&q, a.perspective, &a.answers);
    let (body, _) = payload.rsplit_once('.').unwrap();
    assert_eq!(sign(body), payload);
}

#[test]
fn links_with_numbers_written_another_way_are_refused() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "", 1);
    let payload = encode_share(&q, a.perspective, &a.answers);
    let (body, _) = payload.rsplit_once('.').unwrap();
    let fields: Vec<&str> = body.split('.').collect();
    assert_eq!((fields[0], fields[2]), ("1", "2"));
    // Each passes the checksum, and Rust's parse::<u32> reads each as the same number.
    for (format, version) in [
        ("+1", "2"),
        ("01", "2"),
        ("0001", "2"),
        (" 1", "2"),
        ("1 ", "2"),
        ("1", "+2"),
        ("1", "02"),
        ("1", "0002"),
        ("1", " 2"),
        ("1", "2\n"),
        ("1", "-2"),
        ("1", ""),
        // Found by the fuzzer: an empty format was taken for a link cut short before its
        // first dot, and let through when the rest was whole.
        ("", "2"),
    ] {
        let mut f = fields.clone();
        (f[0], f[2]) = (format, version);
        let link = sign(&f.join("."));
        let odd = if format == "1" { version } else { format };
        let err = decode_share(&link, &q).unwrap_err();
        assert_eq!(err, ShareError::NotCanonical(odd.into()), "{link:?}");
        assert_eq!(
            err.plain(&assessment::i18n::EN),
            ShareError::Altered.plain(&assessment::i18n::EN)
        );
        assert!(err
            .detail(&assessment::i18n::EN)
            .unwrap()
            .contains("no leading zero"));
    }
    // Canonical but unknown numbers say what they are.
    let mut f = fields.clone();
    f[2] = "10";
    assert_eq!(
        decode_share(&sign(&f.join(".")), &q).unwrap_err(),
        ShareError::UnknownVersion("10".into())
    );
    f[2] = "0";
    assert_eq!(
        decode_share(&sign(&f.join(".")), &q).unwrap_err(),
        ShareError::UnknownVersion("0".into())
    );
    f[2] = "99999999999";
    assert_eq!(
        decode_share(&sign(&f.join(".")), &q).unwrap_err(),
        ShareError::UnknownVersion("99999999999".into())
    );
    // Without a checksum that fits, a changed version is simply a changed link.
    assert_eq!(
        decode_share(&payload.replacen(".2.", ".02.", 1), &q).unwrap_err(),
        ShareError::Altered
    );
}

#[test]
fn links_for_other_questionnaires_and_versions() {
    let q = default_questionnaire().unwrap();
    let v3 = next_version();
    let a = finished("a", "", 1);
    let from_v3 = encode_share(&v3, a.perspective, &a.answers);
    assert_eq!(
        decode_share(&from_v3, &q).unwrap_err(),
        ShareError::UnknownVersion("3".into())
    );
    let err = decode_share("2.x.1.b.AAAA.AAAAAA", &q).unwrap_err();
    assert_eq!(err, ShareError::UnknownFormat("2".into()));
    assert!(err.to_string().contains("newer version"));
    // A version-2 link opens in a version-3 app, migrated.
    let from_v2 = encode_share(&q, a.perspective, &a.answers);
    let shared = decode_share(&from_v2, &v3).unwrap();
    assert_eq!(shared.made_with_version, 2);
    assert_eq!(shared.answers.get("REL10"), a.answers.get("REL8"));
    assert_eq!(shared.answers.get("REL8"), None);
    assert_eq!(
        shared.answers.get("MOT5"),
        a.answers.get("MOT5"),
        "removed items keep their answer"
    );
    assert_eq!(
        shared.answers.get("TRU8"),
        None,
        "added items are unanswered"
    );
}

#[test]
fn records_from_older_versions_are_migrated() {
    let q = default_questionnaire().unwrap();
    let v2 = next_version();
    let a = finished("a", "", 1);
    let old = encode_record(&a, &q);
    let migrated = decode_record(&old, &v2).unwrap();
    assert_eq!(migrated.questionnaire_version, 3);
    assert_eq!(migrated.answers.get("REL10"), a.answers.get("REL8"));
    assert_eq!(migrated.answers.get("MOT5"), a.answers.get("MOT5"));
    // The removed item is kept but not scored: scores equal those without it.
    let report = assessment::score(&v2, &migrated.answers, &Scope::all(&v2));
    let mut without = migrated.answers.clone();
    without.clear("MOT5");
    assert_eq!(report, assessment::score(&v2, &without, &Scope::all(&v2)));
    // TRU8 is unanswered.
    assert!(migrated
        .unanswered(&v2, &Scope::all(&v2))
        .iter()
        .any(|r| v2.sections[r.section].items[r.item].id == "TRU8"));
    // And a version-3 record is newer than the version-2 app: kept, not damaged.
    let newer = encode_record(&migrated, &v2);
    let err = decode_record(&newer, &q).unwrap_err();
    assert_eq!(err, RecordError::NewerQuestionnaire { found: 3, known: 2 });
    assert!(err.keep_untouched());
}

#[test]
fn renames_within_one_step_happen_at_once() {
    let mut doc = bundled();
    doc["version"] = json!(3);
    doc["migrations"]
        .as_array_mut()
        .unwrap()
        .push(json!({"from": 2, "to": 3, "renamed": {"REL1": "REL2", "REL2": "REL1"}}));
    let v3 = assessment::parse_questionnaire(&doc.to_string()).unwrap();
    let mut answers = assessment::Answers::new();
    answers.set("REL1", level(1));
    answers.set("REL2", level(5));
    let swapped = v3.migrate_answers(2, &answers).unwrap();
    assert_eq!(
        (swapped.get("REL1"), swapped.get("REL2")),
        (Some(level(5)), Some(level(1)))
    );
}

#[test]
fn item_ids_of_earlier_versions() {
    let v3 = next_version();
    let v2 = v3.item_ids_at(2).unwrap();
    let q = default_questionnaire().unwrap();
    let mut want: Vec<String> = q.item_ids().map(str::to_owned).collect();
    want.sort();
    assert_eq!(v2, want);
    // Back through the bundled migration: version 1's 30 ids, the split ones whole again.
    let v1 = v3.item_ids_at(1).unwrap();
    assert_eq!(v1.len(), 30);
    for id in [
        "REL4", "MOT7", "CHO2", "TRU1", "TRU2", "TRU4", "REL8", "MOT5",
    ] {
        assert!(v1.contains(&id.to_owned()), "{id}");
    }
    for id in ["REL4A", "TRU1B", "REL9", "MOT8", "CHO9", "REL10", "TRU8"] {
        assert!(!v1.contains(&id.to_owned()), "{id}");
    }
    assert_eq!(v3.item_ids_at(4), None);
    assert_eq!(v3.item_ids_at(0), None);
}

#[test]
fn broken_migration_chains_are_content_errors() {
    let mut doc = bundled();
    doc["version"] = json!(3);
    doc["migrations"] = json!([
        {"from": 1, "to": 2},
        {"from": 2, "to": 4, "renamed": {"A": "NOPE"}, "added": ["ALSO_NOPE"], "removed": ["REL1"]}
    ]);
    let errors = assessment::parse_questionnaire(&doc.to_string())
        .unwrap_err()
        .to_string();
    for want in [
        "migrations[1]: must go from one version to the next, not 2 to 4",
        "migrations[1].to: the last migration must end at this version (3)",
        "migrations[1].renamed.A: no item has the id \"NOPE\"",
        "migrations[1].added: no item has the id \"ALSO_NOPE\"",
        "migrations[1].removed: \"REL1\" still exists in this version",
    ] {
        assert!(errors.lines().any(|l| l == want), "{want} in\n{errors}");
    }
}

#[test]
fn summaries_and_the_default_comparison() {
    let q = default_questionnaire().unwrap();
    let a = finished("a", "Acme", 1000);
    let s = summarize(&a, &q);
    // A brand owner is asked 38 of the 39 questions (not CHO3); one is unanswered and one is a
    // "Not applicable" on a Trust practice, which offers none and so counts as no answer.
    assert_eq!((s.progress.answered, s.progress.total), (36, 38));
    assert!(s.overall.is_some());
    let mut b = finished("b", "Acme", 2000);
    let c = finished("c", "Other", 1500);
    assert_eq!(default_pair(&[&a, &b, &c]), Some(("a".into(), "b".into())));
    b.label = "New".into();
    assert_eq!(
        default_pair(&[&a, &b, &c]),
        Some(("c".into(), "b".into())),
        "no label pair: the latest two"
    );
    assert_eq!(default_pair(&[&a]), None);
}

#[test]
fn comparison_lists_score_changes_and_moved_items() {
    let q = default_questionnaire().unwrap();
    let before = finished("a", "", 1);
    let mut after = before.clone();
    after.answers.set("REL1", level(5));
    after.answers.set("TRU2B", Answer::DontKnow);
    let c = compare(&q, &before, &after);
    assert_eq!(c.moved.len(), 2);
    assert_eq!(c.moved[0].before, Some(level(1)));
    assert_eq!(c.moved[0].after, Some(level(5)));
    let rel = c.sections[0];
    assert!(rel.change().unwrap() > 0);
    for unchanged in &c.sections[1..3] {
        assert_eq!(unchanged.before, unchanged.after);
    }
    assert!(c.overall_after > c.overall_before);
}

#[test]
fn retake_prefilled_or_blank() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let old = finished("a", "Acme", 1);
    let again = old.retake("b", &q, &scope, true, 50);
    assert_eq!(
        (again.id.as_str(), again.label.as_str(), again.perspective),
        ("b", "Acme", old.perspective)
    );
    assert_eq!(again.answers, old.answers);
    assert_eq!(
        (again.step, again.completed_ms, again.created_ms),
        (Step::Section(0), None, 50)
    );
    let blank = old.retake("c", &q, &scope, false, 60);
    assert!(blank.answers.is_empty());
    assert_eq!(blank.label, "Acme");
}
