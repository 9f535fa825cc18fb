//! The questionnaire file: the bundled one validates, and broken ones report every problem with
//! its location.

use assessment::i18n::Locale;
use assessment::{default_questionnaire, parse_questionnaire, Who};
use serde_json::{json, Value};

use crate::support::{bundled, errors};

#[test]
fn the_bundled_questionnaire_validates() {
    let q = default_questionnaire().unwrap_or_else(|e| panic!("bundled content is invalid:\n{e}"));
    let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["REL", "MOT", "CHO", "TRU"]);
    let titles: Vec<&str> = q.sections.iter().map(|s| s.title.get("en", "en")).collect();
    assert_eq!(
        titles,
        [
            "The Relationship",
            "Motivation & Rewards",
            "Choice & Getting the Most",
            "Trust & Foundations"
        ]
    );
    assert_eq!((q.version, q.item_count()), (2, 39));
    let per_section: Vec<usize> = q.sections.iter().map(|s| s.items.len()).collect();
    assert_eq!(per_section, [10, 9, 10, 10]);
    let bands: Vec<&str> = q
        .scoring
        .bands
        .iter()
        .map(|b| b.name.get("en", "en"))
        .collect();
    assert_eq!(bands, ["Transactional", "Developing", "Partnership"]);
    assert_eq!(q.item_index("CHO3"), Some((2, 3)));
    assert_eq!(q.sections[2].items[3].who, Who::Distributor);
    assert_eq!(
        q.sections[0].items[1].who,
        Who::Both,
        "REL2 is asked of both sides"
    );
    assert_eq!(q.sections[0].items[2].who, Who::BrandOwner, "REL3");
    // Weights of version 2: REL6, CHO4 and both TRU4 parts critical; CHO2's parts important.
    for (id, weight) in [
        ("REL6", 3),
        ("CHO4", 3),
        ("TRU4B", 3),
        ("TRU4D", 3),
        ("CHO2A", 2),
        ("CHO2B", 2),
    ] {
        let (s, i) = q.item_index(id).unwrap();
        assert_eq!(q.sections[s].items[i].weight, weight, "{id}");
    }
}

#[test]
fn the_bundled_items_name_the_roles() {
    // Items name "the brand owner", "the distributor" or "both companies", never "we" or "the partner".
    let q = default_questionnaire().unwrap();
    for section in &q.sections {
        assert!(
            section.items.iter().filter(|i| i.critical).count() >= 2,
            "{}: at least two critical items",
            section.id
        );
        for item in &section.items {
            let text = item.question.get("en", "en").to_lowercase();
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                assert!(!["we", "our", "us"].contains(&word), "{}: {text}", item.id);
            }
            assert!(!text.contains("the partner"), "{}: {text}", item.id);
        }
    }
}

#[test]
fn every_problem_is_collected_and_located() {
    let mut doc = bundled();
    doc["sections"][2]["items"][4]["levels"]
        .as_array_mut()
        .unwrap()
        .pop();
    doc["sections"][0]["items"][1]["weight"] = json!(7);
    doc["sections"][1]["items"][0]["id"] = json!("REL1");
    doc["sections"][3]["items"][2]["question"]["en"] = json!("  ");
    doc["sections"][3]["items"][3]["who"] = json!("partner");
    let got = errors(&doc);
    assert_eq!(
        got,
        [
            "sections[0].items[1].weight: 7 is out of range (1-3)",
            "sections[0].items[1].critical: an item is critical exactly when its weight is 3",
            "sections[1].items[0].id: duplicate id \"REL1\"",
            "sections[2].items[4].levels: expected 5 levels, found 4",
            "sections[3].items[2].question.en: empty text",
            "sections[3].items[3].who: \"partner\" is not one of both, brand_owner, distributor",
            "sections[1].actions[0].when.item: no item of this section has the id \"MOT1\"",
            "sections[1].actions[1].when.item: no item of this section has the id \"MOT1\"",
        ]
    );
}

#[test]
fn bands_must_cover_0_to_100_without_gaps() {
    let mut doc = bundled();
    doc["scoring"]["bands"][0]["min_percent"] = json!(10);
    doc["scoring"]["bands"][2]["min_percent"] = json!(40);
    assert_eq!(
        errors(&doc),
        [
            "scoring.bands[0].min_mean_level: 10 % is a mean level of 1.4, not 1.0",
            "scoring.bands[2].min_mean_level: 40 % is a mean level of 2.6, not 3.8",
            "scoring.bands[0].min_percent: the first band must start at 0, not 10",
            "scoring.bands[2].min_percent: bands must be in increasing order: 40 does not follow 40",
        ]
    );
    let mut doc = bundled();
    doc["scoring"]["bands"][2]["min_percent"] = json!(101);
    assert_eq!(
        errors(&doc),
        [
            "scoring.bands[2].min_mean_level: 101 % is a mean level of 5.0, not 3.8",
            "scoring.bands[2].min_percent: 101 is above 100"
        ]
    );
}

#[test]
fn references_and_texts_are_checked() {
    let mut doc = bundled();
    doc["scoring"]["trust_gate"]["section"] = json!("TRUST");
    doc["scoring"]["trust_gate"]["not_assessed_cap_band"] = json!("bronze");
    doc["sections"][0]["band_texts"]
        .as_object_mut()
        .unwrap()
        .remove("partnership");
    doc["sections"][1]["title"]["es"] = json!("Motivación");
    doc["sections"][2].as_object_mut().unwrap().remove("intro");
    doc["sections"][3]["discussion"][0]["de"] = json!(" ");
    doc["format"] = json!(2);
    assert_eq!(
        errors(&doc),
        [
            "format: format 2 is not supported (this app reads format 1)",
            "sections[1].title.es: locale not declared in \"locales\"",
            "sections[2].intro: missing",
            "sections[3].discussion[0].de: empty text",
            "scoring.trust_gate.section: no section has the id \"TRUST\"",
            "scoring.trust_gate.not_assessed_cap_band: no band has the id \"bronze\"",
            "sections[0].band_texts.partnership: missing",
        ]
    );
}

#[test]
fn discussion_prompts_are_optional() {
    let mut doc = bundled();
    for s in doc["sections"].as_array_mut().unwrap() {
        s.as_object_mut().unwrap().remove("discussion");
    }
    let q = assessment::parse_questionnaire(&doc.to_string()).unwrap();
    assert!(q.sections.iter().all(|s| s.discussion.is_empty()));
    let bundled = assessment::default_questionnaire().unwrap();
    assert!(bundled.sections.iter().all(|s| !s.discussion.is_empty()));
}

#[test]
fn every_declared_locale_needs_every_text() {
    let mut doc = bundled();
    doc["locales"] = json!(["en", "de", "fr", "es"]);
    let got = errors(&doc);
    assert!(
        got.contains(&"title: no text for locale \"es\"".to_owned()),
        "{got:?}"
    );
    assert!(
        got.contains(&"sections[3].items[6].levels[4]: no text for locale \"es\"".to_owned()),
        "{got:?}"
    );
    let mut doc = bundled();
    doc["sections"][0]["items"][0]["levels"][2]
        .as_object_mut()
        .unwrap()
        .remove("fr");
    assert_eq!(
        errors(&doc),
        ["sections[0].items[0].levels[2]: no text for locale \"fr\""]
    );
}

/// Every language the app ships is complete in the bundled questionnaire: the file declares it
/// (so validation requires every text in it), and the translations are not English copies.
#[test]
fn every_content_text_has_every_shipped_locale() {
    let q = default_questionnaire().unwrap();
    for locale in Locale::ALL {
        assert!(
            q.locales.iter().any(|l| l == locale.code()),
            "the content file does not declare {}",
            locale.code()
        );
    }
    let doc = bundled();
    let mut texts = Vec::new();
    collect_texts(&doc, &mut texts);
    // 39 questions with 5 levels, their actions, and the rest.
    assert!(texts.len() > 39 * 6, "{}", texts.len());
    for locale in Locale::ALL {
        let same: Vec<&str> = texts
            .iter()
            .filter(|t| locale != Locale::En && t[locale.code()] == t["en"])
            .map(|t| t["en"].as_str().unwrap())
            .collect();
        // A few short labels are the same in both languages ("Absent / ad hoc"); sentences are not.
        assert!(
            same.iter().all(|t| t
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
                <= 3),
            "{}: untranslated {same:?}",
            locale.code()
        );
    }
}

/// Every per-locale text object (an object with an "en" key) in a content document.
fn collect_texts<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(map) if map.contains_key("en") => out.push(v),
        Value::Object(map) => map.values().for_each(|x| collect_texts(x, out)),
        Value::Array(items) => items.iter().for_each(|x| collect_texts(x, out)),
        _ => {}
    }
}

#[test]
fn not_json_is_one_clear_error() {
    let err = parse_questionnaire("{\"format\": 1,").unwrap_err();
    assert_eq!(err.0.len(), 1);
    assert!(
        err.0[0].message.starts_with("not a questionnaire file: "),
        "{}",
        err
    );
    let err = parse_questionnaire("{}").unwrap_err();
    let text = err.to_string();
    for want in [
        "format: missing",
        "id: missing",
        "version: missing",
        "sections: at least one section is needed",
    ] {
        assert!(text.lines().any(|l| l == want), "{want} in\n{text}");
    }
}

#[test]
fn content_ids_follow_the_one_id_rule() {
    let mut doc = bundled();
    doc["sections"][0]["items"][1]["id"] = json!("REL 2");
    doc["sections"][0]["items"][2]["id"] = json!("x".repeat(assessment::MAX_ID_LEN));
    doc["sections"][0]["items"][3]["id"] = json!("x".repeat(assessment::MAX_ID_LEN + 1));
    doc["sections"][1]["items"][1]["id"] = json!("MOT/2");
    let got = errors(&doc);
    let long = "x".repeat(assessment::MAX_ID_LEN + 1);
    for want in [
        "sections[0].items[1].id: \"REL 2\" is not a valid id (1-64 letters, digits, '-' or '_')"
            .to_owned(),
        format!(
            "sections[0].items[3].id: \"{long}\" is not a valid id (1-64 letters, digits, '-' or '_')"
        ),
        "sections[1].items[1].id: \"MOT/2\" is not a valid id (1-64 letters, digits, '-' or '_')"
            .to_owned(),
    ] {
        assert!(got.contains(&want), "{want} in {got:#?}");
    }
    assert!(
        !got.iter().any(|e| e.starts_with("sections[0].items[2].id")),
        "64 characters are allowed: {got:#?}"
    );
}
