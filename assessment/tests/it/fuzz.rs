//! Property tests for every decoder: 100,000 generated cases each, none may panic, and every
//! encoder's output decodes back to what went in.
#![cfg(not(target_arch = "wasm32"))]

use assessment::csv::{export_csv, field, BOM};
use assessment::exchange::{export_json, import_json};
use assessment::share::{decode_share, encode_share};
use assessment::Scope;
use assessment::{
    decode_record, default_questionnaire, encode_record, Answer, Answers, Assessment, Level,
    Perspective, Questionnaire, Step,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::OnceLock;

const CASES: u32 = 100_000;

fn q() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| default_questionnaire().unwrap())
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    })
}

fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        (1u8..=5).prop_map(|l| Some(Answer::Level(Level::new(l).unwrap()))),
        Just(Some(Answer::NotApplicable)),
        Just(Some(Answer::DontKnow)),
    ]
}

/// Any assessment of the bundled questionnaire.
fn assessment() -> impl Strategy<Value = Assessment> {
    let n = q().item_count();
    (
        "[a-z0-9]{1,12}",
        ".{0,40}",
        prop_oneof![
            Just(None),
            Just(Some(Perspective::BrandOwner)),
            Just(Some(Perspective::Distributor))
        ],
        proptest::collection::vec(answer(), n),
        0usize..6,
        0i64..4_000_000_000_000,
        proptest::option::of(0i64..4_000_000_000_000),
    )
        .prop_map(|(id, label, perspective, answers, step, time, completed)| {
            let mut a = Assessment::new(id, q(), time);
            a.label = label;
            a.perspective = perspective;
            a.answers = q()
                .item_ids()
                .zip(answers)
                .filter_map(|(id, ans)| ans.map(|x| (id, x)))
                .collect::<Answers>();
            a.step = match step {
                0 => Step::Welcome,
                5 => Step::Results,
                s => Step::Section(s - 1),
            };
            a.completed_ms = completed;
            a
        })
}

/// Text derived from `valid` by deleting, inserting or replacing a few bytes.
fn mutated(valid: String) -> impl Strategy<Value = String> {
    let len = valid.len().max(1);
    proptest::collection::vec((0..len, 0u8..3, any::<u8>()), 1..4).prop_map(move |edits| {
        let mut bytes = valid.clone().into_bytes();
        for (at, kind, b) in edits {
            let at = at.min(bytes.len());
            match kind {
                0 if at < bytes.len() => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, b),
                _ if at < bytes.len() => bytes[at] = b,
                _ => {}
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

#[test]
fn stored_records_round_trip() {
    runner()
        .run(&assessment(), |a| {
            prop_assert_eq!(decode_record(&encode_record(&a, q()), q()), Ok(a));
            Ok(())
        })
        .unwrap();
}

#[test]
fn stored_record_decoder_never_panics() {
    let valid = encode_record(&crate::support::finished("x", "label", 1), q());
    runner()
        .run(&prop_oneof![mutated(valid), ".{0,200}"], |text| {
            let _ = decode_record(&text, q());
            Ok(())
        })
        .unwrap();
}

#[test]
fn import_decoder_never_panics() {
    let a = crate::support::finished("x", "label", 1);
    let valid = export_json(&[&a, &a], q(), 0);
    runner()
        .run(&prop_oneof![mutated(valid), ".{0,200}"], |text| {
            let _ = import_json(&text, q());
            Ok(())
        })
        .unwrap();
}

#[test]
fn share_links_round_trip() {
    runner()
        .run(&assessment(), |a| {
            let shared = decode_share(&encode_share(q(), a.perspective, &a.answers), q()).unwrap();
            prop_assert_eq!(shared.answers, a.answers);
            prop_assert_eq!(shared.perspective, a.perspective);
            Ok(())
        })
        .unwrap();
}

#[test]
fn share_link_decoder_never_panics() {
    let a = crate::support::finished("x", "", 1);
    let valid = encode_share(q(), a.perspective, &a.answers);
    runner()
        .run(
            &prop_oneof![mutated(valid), "[A-Za-z0-9._~-]{0,80}", ".{0,80}"],
            |text| {
                let _ = decode_share(&text, q());
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn csv_fields_round_trip() {
    runner()
        .run(&".{0,60}", |text| {
            let rows = crate::support::parse_csv(&format!("{}\r\n", field(&text)));
            prop_assert_eq!(rows.len(), 1);
            let parsed = &rows[0];
            prop_assert_eq!(parsed.len(), 1);
            let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
            let back = if risky {
                parsed[0].strip_prefix('\'').unwrap().to_owned()
            } else {
                parsed[0].clone()
            };
            prop_assert_eq!(back, text);
            Ok(())
        })
        .unwrap();
}

#[test]
fn csv_export_round_trips_the_levels() {
    runner()
        .run(&assessment(), |a| {
            let text = export_csv(&a, q(), "en");
            prop_assert!(text.starts_with(BOM));
            let rows = crate::support::parse_csv(&text[BOM.len()..]);
            // One row per question asked of the side; section-action rows have no item.
            let items: Vec<&Vec<String>> = rows[1..].iter().filter(|r| !r[1].is_empty()).collect();
            prop_assert_eq!(items.len(), a.asked(&Scope::all(q())).item_count(q()));
            for row in items {
                let back = match row[4].as_str() {
                    "Not applicable" => Some(Answer::NotApplicable),
                    "Don't know" => Some(Answer::DontKnow),
                    "Unanswered" => None,
                    _ => Some(Answer::Level(Level::new(row[3].parse().unwrap()).unwrap())),
                };
                // As scored: "Not applicable" where none is offered reads as unanswered.
                let (sec, i) = q().item_index(&row[1]).unwrap();
                let item = &q().sections[sec].items[i];
                prop_assert_eq!(back, item.effective(a.answers.get(&row[1])));
            }
            Ok(())
        })
        .unwrap();
}
