//! The stored record: round trip, and every way reading it can fail.

use assessment::{
    decode_record, decode_record_at, default_questionnaire, encode_record, Answer, Assessment,
    Level, Perspective, RecordError, Scope, Step,
};
use serde_json::{json, Value};

fn sample() -> Assessment {
    let q = default_questionnaire().unwrap();
    let mut a = Assessment::new("rec-1", &q, 1_764_000_000_000);
    a.label = "Acme Distribution \u{2013} Germany".into();
    a.start(&Scope::all(&q), Perspective::BrandOwner, 1_764_000_000_500);
    a.answer(
        "REL1",
        Answer::Level(Level::new(4).unwrap()),
        1_764_000_001_000,
    );
    a.answer("MOT4", Answer::NotApplicable, 1_764_000_002_000);
    a.answer("TRU7", Answer::DontKnow, 1_764_000_003_000);
    a.next(&Scope::all(&q), 1_764_000_004_000);
    a
}

fn decode(v: &Value) -> Result<Assessment, RecordError> {
    decode_record(&v.to_string(), &default_questionnaire().unwrap())
}

fn encoded() -> Value {
    let q = default_questionnaire().unwrap();
    serde_json::from_str(&encode_record(&sample(), &q)).unwrap()
}

#[test]
fn round_trips() {
    let q = default_questionnaire().unwrap();
    let a = sample();
    let text = encode_record(&a, &q);
    assert_eq!(decode_record(&text, &q).unwrap(), a);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], json!(1));
    assert_eq!(v["page"], json!("section:MOT"));
    assert_eq!(
        v["answers"],
        json!({"REL1": "4", "MOT4": "na", "TRU7": "dk"})
    );
    assert_eq!(v["perspective"], json!("brand_owner"));
    assert_eq!(
        v["questionnaire"],
        json!({"id": "distributor-relationship", "version": 2})
    );
}

#[test]
fn pages_round_trip() {
    let q = default_questionnaire().unwrap();
    for step in [
        Step::Welcome,
        Step::Section(0),
        Step::Section(3),
        Step::Results,
    ] {
        let mut a = sample();
        a.step = step;
        assert_eq!(
            decode_record(&encode_record(&a, &q), &q).unwrap().step,
            step
        );
    }
}

#[test]
fn a_newer_record_is_not_corrupt() {
    let mut v = encoded();
    v["schema"] = json!(2);
    v["something_new"] = json!(true);
    let err = decode(&v).unwrap_err();
    assert_eq!(err, RecordError::NewerSchema { found: 2 });
    assert!(err.keep_untouched());
    let mut v = encoded();
    v["questionnaire"]["version"] = json!(3);
    let err = decode(&v).unwrap_err();
    assert_eq!(err, RecordError::NewerQuestionnaire { found: 3, known: 2 });
    assert!(err.keep_untouched());
}

#[test]
fn damaged_records_are_reported_as_such() {
    let cases: Vec<(Value, &str)> = vec![
        (json!([1, 2]), "not an assessment record"),
        (json!({"id": "x"}), "no \"schema\" field"),
        (json!({"schema": "1"}), "not a whole number"),
        (
            json!({"schema": 0}),
            "\"schema\" is missing, 0 or not a whole number",
        ),
        (
            {
                let mut v = encoded();
                v["answers"]["REL1"] = json!("7");
                v
            },
            "the answer to REL1 is \"7\"",
        ),
        (
            {
                let mut v = encoded();
                v["perspective"] = json!("partner");
                v
            },
            "unknown perspective",
        ),
        (
            {
                let mut v = encoded();
                v["page"] = json!("elsewhere");
                v
            },
            "unknown page",
        ),
        (
            {
                let mut v = encoded();
                v["id"] = json!("");
                v
            },
            "no id",
        ),
        (
            {
                let mut v = encoded();
                v.as_object_mut().unwrap().remove("answers");
                v
            },
            "missing field `answers`",
        ),
        (
            {
                let mut v = encoded();
                v["created"] = json!("yesterday");
                v
            },
            "invalid type",
        ),
    ];
    for (v, want) in cases {
        let err = decode(&v).unwrap_err();
        assert!(!err.keep_untouched(), "{v}");
        assert!(
            err.to_string().contains(want),
            "{err} should mention {want}"
        );
    }
    let err =
        decode_record("{\"schema\": 1, \"id\"", &default_questionnaire().unwrap()).unwrap_err();
    assert!(matches!(err, RecordError::NotJson(_)), "{err:?}");
}

#[test]
fn another_questionnaire_is_kept_untouched() {
    let mut v = encoded();
    v["questionnaire"]["id"] = json!("supplier-relationship");
    let err = decode(&v).unwrap_err();
    assert_eq!(
        err,
        RecordError::OtherQuestionnaire("supplier-relationship".into())
    );
    assert!(err.keep_untouched());
}

#[test]
fn a_section_that_no_longer_exists_resumes_at_welcome_with_answers() {
    let mut v = encoded();
    v["page"] = json!("section:GONE");
    let a = decode(&v).unwrap();
    assert_eq!(a.step, Step::Welcome);
    assert_eq!(a.answers.len(), 3);
}

#[test]
fn record_ids_are_restricted_like_content_ids() {
    let long = "x".repeat(65);
    for bad in ["a/b", "a%2Fb", "a b", "caf\u{e9}", "a.b", long.as_str()] {
        let mut v = encoded();
        v["id"] = json!(bad);
        let err = decode(&v).unwrap_err();
        let RecordError::BadId(shown) = &err else {
            panic!("{bad}: {err:?}");
        };
        assert_eq!(*shown, bad.chars().take(40).collect::<String>());
        assert!(!err.keep_untouched(), "a bad id is damage");
        let detail = err.detail(&assessment::i18n::EN).unwrap();
        assert!(detail.contains(shown.as_str()), "{detail}");
        assert!(err
            .to_string()
            .starts_with("the saved assessment is damaged: the id"));
    }
    let mut v = encoded();
    v["id"] = json!("");
    assert_eq!(
        decode(&v).unwrap_err(),
        RecordError::Invalid(assessment::problem::Problem::NoId)
    );
    let mut v = encoded();
    v["id"] = json!("A-z_09");
    assert_eq!(decode(&v).unwrap().id, "A-z_09");
}

#[test]
fn a_record_stored_under_another_records_key_is_damage() {
    let q = default_questionnaire().unwrap();
    let text = encode_record(&sample(), &q);
    assert_eq!(decode_record_at(&text, &q, "rec-1").unwrap(), sample());
    let err = decode_record_at(&text, &q, "rec-2").unwrap_err();
    assert_eq!(
        err,
        RecordError::KeyMismatch {
            stored_under: "rec-2".into(),
            own: "rec-1".into()
        }
    );
    assert!(!err.keep_untouched());
    assert_eq!(
        err.detail(&assessment::i18n::EN).as_deref(),
        Some("stored under the id “rec-2”, but its own id is “rec-1”")
    );
    assert_eq!(
        err.to_string(),
        "the saved assessment is damaged: stored under the id “rec-2”, but its own id is “rec-1”"
    );
    // What this version cannot read is reported as such before the id is looked at, and kept.
    let mut v = encoded();
    v["schema"] = json!(2);
    let err = decode_record_at(&v.to_string(), &q, "rec-2").unwrap_err();
    assert_eq!(err, RecordError::NewerSchema { found: 2 });
    assert!(err.keep_untouched());
    // Damage inside the record is reported as it would be without the key.
    let mut v = encoded();
    v["page"] = json!("elsewhere");
    assert_eq!(decode_record_at(&v.to_string(), &q, "rec-1"), decode(&v));
}
