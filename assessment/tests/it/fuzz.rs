//! Property tests for every decoder: 100,000 generated cases each, none may panic, and every
//! encoder's output decodes back to what went in.

use std::sync::atomic::{AtomicU32, Ordering};

use assessment::csv::{export_csv, field, BOM};
use assessment::exchange::{export_json, import_json};
use assessment::i18n::Locale;
use assessment::share::{decode_share, encode_share, ShareError};
use assessment::workshop::{
    decode_workshop, decode_workshop_at, encode_workshop, Participant, Workshop, WorkshopError,
};
use assessment::{decode_record, encode_record, Answer, Item, Level, Scope};
use proptest::prelude::*;

use crate::generators::{assessment, mutated, q, runner};
use crate::support::{finished, fixture, parse_csv, sign};

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
    let valid = encode_record(&finished("x", "label", 1), q());
    runner()
        .run(&prop_oneof![mutated(valid), ".{0,200}"], |text| {
            let _ = decode_record(&text, q());
            Ok(())
        })
        .unwrap();
}

#[test]
fn import_decoder_never_panics() {
    let a = finished("x", "label", 1);
    let valid = export_json(&[&a, &a], q(), 0);
    runner()
        .run(&prop_oneof![mutated(valid), ".{0,200}"], |text| {
            let _ = import_json(&text, q());
            Ok(())
        })
        .unwrap();
}

#[test]
fn workshop_decoder_never_panics() {
    let mut w = Workshop::new("w1", "Kick-off \u{2013} Munich", "2026-11-26", 1);
    let a = finished("a", "Anna", 1);
    w.add(Participant::from_assessment(&a), 2);
    let payload = encode_share(q(), a.perspective, &a.answers);
    let shared = decode_share(&payload, q()).unwrap();
    w.add(Participant::from_link(&payload, shared), 3);
    let valid = encode_workshop(&w, q());
    assert_eq!(decode_workshop(&valid, q()).unwrap(), w);
    // A workshop saved by the version-1 release, migrated on reading.
    let v1 = fixture("workshop-record.json");
    assert!(decode_workshop(&v1, q()).is_ok());
    runner()
        .run(
            &prop_oneof![2 => mutated(valid), 1 => mutated(v1), 1 => ".{0,200}"],
            |text| {
                // Under its own key a workshop reads as it does without one; under another
                // key it is damage; what cannot be read fails the same way under any key.
                match (
                    decode_workshop(&text, q()),
                    decode_workshop_at(&text, q(), "w1"),
                ) {
                    (Ok(w), at) if w.id == "w1" => prop_assert_eq!(at, Ok(w)),
                    (Ok(w), Err(WorkshopError::KeyMismatch { own, .. })) => {
                        prop_assert_eq!(own, w.id)
                    }
                    (Err(e), at) => prop_assert_eq!(at, Err(e)),
                    (read, at) => prop_assert!(false, "{read:?} but {at:?}"),
                }
                Ok(())
            },
        )
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
    let a = finished("x", "", 1);
    let valid = encode_share(q(), a.perspective, &a.answers);
    // A mutated link almost never passes the checksum (about 2^-32), so most cases would stop
    // there: half of them are signed again after the change, to reach what comes after it
    // (questionnaire, version, side, answers). The rest stay raw.
    let resigned = mutated(valid.clone()).prop_map(|text| match text.rsplit_once('.') {
        Some((body, _)) => sign(body),
        None => text,
    });
    let past_checksum = AtomicU32::new(0);
    runner()
        .run(
            &prop_oneof![
                4 => resigned,
                2 => mutated(valid),
                1 => "[A-Za-z0-9._~-]{0,80}",
                1 => ".{0,80}"
            ],
            |text| {
                match decode_share(&text, q()) {
                    Ok(shared) => {
                        past_checksum.fetch_add(1, Ordering::Relaxed);
                        // A link that reads is the one link for its answers: no two links
                        // carry the same answers (a workshop adds each link once).
                        if shared.made_with_version == q().version {
                            prop_assert_eq!(
                                encode_share(q(), shared.perspective, &shared.answers),
                                text
                            );
                        }
                    }
                    Err(ShareError::Truncated | ShareError::Altered) => {}
                    Err(_) => {
                        past_checksum.fetch_add(1, Ordering::Relaxed);
                    }
                }
                Ok(())
            },
        )
        .unwrap();
    // Most re-signed cases get past the checksum, or this test fuzzes too little.
    let n = past_checksum.into_inner();
    assert!(n > 100_000 / 5, "{n} cases past the checksum");
}

/// Any text, with the characters a CSV field must survive: line breaks, quotes, separators
/// (`,` and `;`, which some spreadsheets use) and the starts of a formula.
pub fn awkward_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "(?s).{0,60}",
        "[=+@\t\r\n\",; a-z-]{0,20}",
        "[=+@\t\r-][=+@\t\r\n\",; a-z-]{0,20}",
    ]
}

#[test]
fn csv_fields_round_trip() {
    runner()
        .run(&awkward_text(), |text| {
            let rows = parse_csv(&format!("{}\r\n", field(&text)));
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
        .run(&(assessment(), 0..Locale::ALL.len()), |(a, locale)| {
            // In any shipped language: the answer words are the catalogue's.
            let m = Locale::ALL[locale].messages();
            let text = export_csv(&a, q(), m.locale.code());
            prop_assert!(text.starts_with(BOM));
            let rows = parse_csv(&text[BOM.len()..]);
            // One row per question asked of the side, in content order; section-action rows
            // have no item.
            let rows: Vec<&Vec<String>> = rows[1..].iter().filter(|r| !r[1].is_empty()).collect();
            let scope = a.asked(&Scope::all(q()));
            let asked: Vec<&Item> = scope
                .sections()
                .flat_map(|s| scope.items(q(), s).map(|(_, item)| item))
                .collect();
            prop_assert_eq!(rows.len(), asked.len());
            for (row, item) in rows.into_iter().zip(asked) {
                prop_assert_eq!(&row[1], &item.id);
                let back = match row[4].as_str() {
                    w if w == m.not_applicable => Some(Answer::NotApplicable),
                    w if w == m.dont_know => Some(Answer::DontKnow),
                    w if w == m.unanswered => None,
                    _ => Some(Answer::Level(Level::new(row[3].parse().unwrap()).unwrap())),
                };
                // As scored: "Not applicable" where none is offered reads as unanswered.
                prop_assert_eq!(back, item.effective(a.answers.get(&item.id)));
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn compact_questionnaire_decoder_never_panics() {
    let valid = assessment::compact::encode(q()).expect("the bundled texts have no separator");
    runner()
        .run(
            &prop_oneof![mutated(valid), "[0-9\u{1f}a]{0,200}"],
            |text| {
                let _ = assessment::compact::decode(&text);
                Ok(())
            },
        )
        .unwrap();
}
