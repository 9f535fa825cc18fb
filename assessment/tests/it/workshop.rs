//! Workshop aggregation against hand-computed fixtures, and the stored workshop format.

use crate::support::{level, next_version};
use assessment::scoring::TrustGate;
use assessment::share::{decode_share, encode_share, pasted_payload, ShareError};
use assessment::workshop::{
    aggregate, decode_workshop, decode_workshop_at, encode_workshop, Participant, Recognised,
    Workshop, WorkshopError,
};
use assessment::Assessment;
use assessment::{default_questionnaire, Answer, Answers, Perspective, Questionnaire, Scope};

/// A participant answering every item 3 except where `overrides` says otherwise.
fn participant(
    q: &Questionnaire,
    key: &str,
    p: Option<Perspective>,
    overrides: &[(&str, Answer)],
) -> Participant {
    let mut answers: Answers = q.item_ids().map(|id| (id, level(3))).collect();
    for (id, a) in overrides {
        answers.set(*id, *a);
    }
    Participant {
        key: key.into(),
        label: String::new(),
        perspective: p,
        answers,
    }
}

fn trust_all(q: &Questionnaire, l: u8) -> Vec<(&str, Answer)> {
    q.sections[3]
        .items
        .iter()
        .map(|i| (i.id.as_str(), level(l)))
        .collect()
}

/// Three brand-owner and three distributor participants:
/// REL1: brand owners 4, 4, 5; distributors 2, 2, 3. Trust: brand owners all 5, distributors all 2.
fn room(q: &Questionnaire) -> Vec<Participant> {
    let bo = Some(Perspective::BrandOwner);
    let d = Some(Perspective::Distributor);
    let mut out = Vec::new();
    for (n, (p, rel1, tru)) in [
        (bo, 4, 5),
        (bo, 4, 5),
        (bo, 5, 5),
        (d, 2, 2),
        (d, 2, 2),
        (d, 3, 2),
    ]
    .into_iter()
    .enumerate()
    {
        let mut o = trust_all(q, tru);
        o.push(("REL1", level(rel1)));
        out.push(participant(q, &format!("p{n}"), p, &o));
    }
    out
}

#[test]
fn item_statistics_by_hand() {
    let q = default_questionnaire().unwrap();
    let r = aggregate(&q, &Scope::all(&q), &room(&q));
    assert_eq!(r.all.respondents, 6);
    let rel1 = &r.all.items[0];
    assert_eq!(rel1.counts, [0, 2, 1, 2, 1]);
    // 4+4+5+2+2+3 = 20 over 6 = 3.33 -> 3.3; sorted 2 2 3 4 4 5 -> median 3.5.
    assert_eq!(rel1.mean_tenths(), Some(33));
    assert_eq!(rel1.median_halves(), Some(7));
    assert_eq!((rel1.min(), rel1.max(), rel1.span()), (Some(2), Some(5), 4));
    assert_eq!(r.all.items[1].span(), 1);
    // Only REL1 and the ten Trust items (2 and 5) span 3 levels or more. All span 4 levels; the
    // trust items are split into two camps (variance 2.25 against REL1's 1.22), so they come
    // first, in content order, then REL1.
    let trust: Vec<usize> = (29..39).collect();
    assert_eq!(r.divided[..10], trust[..]);
    assert_eq!(r.divided[10..], [0]);
}

#[test]
fn sides_gaps_and_the_trust_gate_by_hand() {
    let q = default_questionnaire().unwrap();
    let r = aggregate(&q, &Scope::all(&q), &room(&q));
    assert_eq!((r.brand_owner_count, r.distributor_count), (3, 3));
    let (bo, d) = (
        r.brand_owner.as_ref().unwrap(),
        r.distributor.as_ref().unwrap(),
    );
    // REL1: brand owners 13/3 = 4.3, distributors 7/3 = 2.3: 2.0 levels apart, a gap.
    assert_eq!(bo.items[0].mean_tenths(), Some(43));
    assert_eq!(d.items[0].mean_tenths(), Some(23));
    assert_eq!(
        r.item_gaps.len(),
        1 + 10,
        "REL1 and the ten trust items (5 against 2)"
    );
    assert_eq!(
        r.item_gaps[0]
            .brand_owner_tenths
            .abs_diff(r.item_gaps[0].distributor_tenths),
        30
    );
    // REL section (weights sum 24, all 3 = 48/96): brand owners 51, 51, 54 of 96 -> 54 %;
    // distributors are not asked REL3 (weight 2): 41, 41, 44 of 88 -> 48 %: 6 points, no gap.
    // Trust: 100 % against 25 %.
    assert_eq!(bo.sections[0].mean, Some(54));
    assert_eq!(d.sections[0].mean, Some(48));
    assert_eq!(r.section_gaps.len(), 1);
    assert_eq!(
        (
            r.section_gaps[0].section,
            r.section_gaps[0].brand_owner,
            r.section_gaps[0].distributor
        ),
        (3, 100, 25)
    );
    // The group's trust mean is 62.5 -> 63, but the distributors' 25 % puts the result at risk.
    assert_eq!(r.all.sections[3].mean, Some(63));
    assert_eq!(r.trust, TrustGate::AtRisk);
    // Overall: the mean of the unrounded section means, rounded once:
    // REL (53.13 + 53.13 + 56.25 + 46.59 + 46.59 + 50) / 6 = 50.95 %, MOT 50, CHO 50,
    // TRU 62.5 -> 53.36 -> 53
    // (rounding the section means first, 51 50 50 63, would give 53.5 -> 54).
    assert_eq!(r.all.sections[0].mean, Some(51));
    assert_eq!(r.all.overall, Some(53));
    assert_eq!(r.band, Some(1));
    // Section spread.
    assert_eq!(
        (
            r.all.sections[3].min,
            r.all.sections[3].max,
            r.all.sections[3].median
        ),
        (Some(25), Some(100), Some(63))
    );
}

#[test]
fn group_figures_are_exact_and_rounded_once_half_up() {
    let q = default_questionnaire().unwrap();
    // REL1 at 2, 2, 2 and 3: a mean of exactly 2.25, shown as 2.3 (tenths, half up).
    let rel1: Vec<Participant> = [2, 2, 2, 3]
        .into_iter()
        .enumerate()
        .map(|(n, l)| participant(&q, &format!("r{n}"), None, &[("REL1", level(l))]))
        .collect();
    let r = aggregate(&q, &Scope::all(&q), &rel1);
    assert_eq!(r.all.items[0].mean_tenths(), Some(23));
    assert_eq!(r.all.items[0].median_halves(), Some(4));
    // Trust (weights 3 x 7 and 2 x 3, so a score is k / 108): one participant at 9 / 108
    // (8.33 %), the other at 72 / 108 (66.67 %). The mean is exactly 37.5 %, which floating
    // point makes 37.49999999999999 (8.333... + 66.666... over 2); exact, it shows as 38 %.
    let mut low = trust_all(&q, 1);
    for item in &mut low[..3] {
        item.1 = level(2);
    }
    let mut high = trust_all(&q, 3);
    for item in &mut high[..6] {
        item.1 = level(4);
    }
    let pair = [
        participant(&q, "low", None, &low),
        participant(&q, "high", None, &high),
    ];
    let r = aggregate(&q, &Scope::all(&q), &pair);
    let tru = &r.all.sections[3];
    assert_eq!(
        (tru.mean, tru.median, tru.min, tru.max),
        (Some(38), Some(38), Some(8), Some(67))
    );
    // Overall: (50 + 50 + 50 + 37.5) / 4 = 46.875 % -> 47 %.
    assert_eq!(r.all.overall, Some(47));
}

#[test]
fn no_participants() {
    let q = default_questionnaire().unwrap();
    let r = aggregate(&q, &Scope::all(&q), &[]);
    assert_eq!(r.all.respondents, 0);
    assert_eq!(r.all.items.len(), 39);
    assert!(r
        .all
        .items
        .iter()
        .all(|i| i.mean_tenths().is_none() && i.median_halves().is_none() && i.span() == 0));
    assert!(r
        .all
        .sections
        .iter()
        .all(|s| s.mean.is_none() && s.scored == 0));
    assert_eq!(
        (r.all.overall, r.band, r.trust),
        (None, None, TrustGate::NotAssessed)
    );
    assert!(r.divided.is_empty() && r.item_gaps.is_empty());
    assert!(r.brand_owner.is_none() && r.distributor.is_none());
}

#[test]
fn a_single_respondent_is_the_group_and_no_side_is_shown() {
    let q = default_questionnaire().unwrap();
    let one = participant(
        &q,
        "x",
        Some(Perspective::Distributor),
        &[("REL1", level(5)), ("REL2", Answer::DontKnow)],
    );
    let r = aggregate(&q, &Scope::all(&q), &[one]);
    assert_eq!(r.all.items[0].mean_tenths(), Some(50));
    assert_eq!(r.all.items[0].median_halves(), Some(10));
    assert_eq!(r.all.items[1].dont_know, 1);
    assert_eq!(r.all.items[1].respondents, 1);
    assert_eq!(r.all.items[1].rated(), 0);
    assert_eq!(r.all.sections[0].dont_know, 1);
    assert_eq!(r.distributor_count, 1);
    assert!(r.distributor.is_none(), "fewer than 3: hidden");
    assert!(r.divided.is_empty());
}

#[test]
fn everything_not_applicable() {
    let q = default_questionnaire().unwrap();
    let na: Answers = q.item_ids().map(|id| (id, Answer::NotApplicable)).collect();
    let people: Vec<Participant> = (0..4)
        .map(|n| Participant {
            key: n.to_string(),
            label: String::new(),
            perspective: None,
            answers: na.clone(),
        })
        .collect();
    let r = aggregate(&q, &Scope::all(&q), &people);
    assert!(r.all.sections.iter().all(|s| s.mean.is_none()));
    assert_eq!(r.all.sections[0].not_applicable, 4 * 10);
    // Trust offers no "Not applicable": such answers count as none.
    assert_eq!(r.all.sections[3].not_applicable, 0);
    assert_eq!(r.all.items[0].not_applicable, 4);
    assert_eq!(r.all.overall, None);
    assert_eq!(r.trust, TrustGate::NotAssessed);
}

#[test]
fn one_perspective_only_has_no_gaps() {
    let q = default_questionnaire().unwrap();
    let people: Vec<Participant> = (0..4)
        .map(|n| {
            participant(
                &q,
                &n.to_string(),
                Some(Perspective::BrandOwner),
                &[("REL1", level(1 + n as u8))],
            )
        })
        .collect();
    let r = aggregate(&q, &Scope::all(&q), &people);
    assert!(r.brand_owner.is_some());
    assert!(r.distributor.is_none());
    assert!(r.item_gaps.is_empty() && r.section_gaps.is_empty());
    assert_eq!(r.all.items[0].span(), 4);
    assert_eq!(r.trust, TrustGate::Passed);
}

#[test]
fn participants_are_added_once() {
    let q = default_questionnaire().unwrap();
    let mut w = Workshop::new("w", "Kick-off", "2026-11-26", 1);
    assert_eq!(
        w.add(participant(&q, "record:a", None, &[]), 2),
        Recognised::New
    );
    assert_eq!(
        w.add(participant(&q, "record:a", None, &[]), 3),
        Recognised::Same(0),
        "same record: the same person"
    );
    assert_eq!(
        w.add(participant(&q, "record:b", None, &[]), 4),
        Recognised::New,
        "another record with the same answers: another person"
    );
    assert_eq!(w.participants.len(), 2);
    w.remove("record:a", 5);
    assert_eq!(w.participants.len(), 1);
    assert_eq!(w.updated_ms, 5);
}

/// A finished assessment of `side` with every item at `l`, REL1 at `rel1`.
fn assessment(q: &Questionnaire, id: &str, side: Perspective, l: u8, rel1: u8) -> Assessment {
    let mut a = Assessment::new(id, q, 1);
    a.perspective = Some(side);
    for item in q.item_ids() {
        a.answers.set(item, level(l));
    }
    a.answers.set("REL1", level(rel1));
    a
}

/// The participant a pasted share link of `a` gives.
fn by_link(q: &Questionnaire, a: &Assessment) -> Participant {
    let link = format!(
        "https://example.org/app/#r={}",
        encode_share(q, a.perspective, &a.answers)
    );
    let payload = pasted_payload(&link).unwrap();
    Participant::from_link(payload, decode_share(payload, q).unwrap())
}

#[test]
fn a_person_added_by_file_and_by_link_counts_once() {
    let q = default_questionnaire().unwrap();
    let ana = assessment(&q, "ana", Perspective::BrandOwner, 3, 4);
    let ben = assessment(&q, "ben", Perspective::BrandOwner, 3, 2);

    // File, then link.
    let mut w = Workshop::new("w", "Kick-off", "2026-11-26", 1);
    assert_eq!(
        w.add(Participant::from_assessment(&ana), 2),
        Recognised::New
    );
    assert_eq!(
        w.add(Participant::from_assessment(&ben), 2),
        Recognised::New
    );
    assert_eq!(w.add(by_link(&q, &ben), 3), Recognised::LooksLike(1));
    assert_eq!(w.participants.len(), 2, "not added");

    // Link, then file.
    let mut w = Workshop::new("w", "Kick-off", "2026-11-26", 1);
    assert_eq!(w.add(by_link(&q, &ana), 2), Recognised::New);
    assert_eq!(
        w.add(Participant::from_assessment(&ana), 3),
        Recognised::LooksLike(0)
    );
    // The same link twice looks like the same person too.
    assert_eq!(w.add(by_link(&q, &ana), 3), Recognised::LooksLike(0));
    assert_eq!(w.participants.len(), 1);
}

#[test]
fn the_same_answers_from_the_other_side_are_another_person() {
    let q = default_questionnaire().unwrap();
    let ana = assessment(&q, "ana", Perspective::BrandOwner, 3, 4);
    let mut dan = ana.clone();
    dan.id = "dan".into();
    dan.perspective = Some(Perspective::Distributor);
    let mut w = Workshop::new("w", "Kick-off", "2026-11-26", 1);
    assert_eq!(
        w.add(Participant::from_assessment(&ana), 2),
        Recognised::New
    );
    assert_eq!(w.add(by_link(&q, &dan), 3), Recognised::New);
    assert_eq!(w.participants.len(), 2);
}

#[test]
fn a_second_person_with_identical_answers_can_be_added_anyway() {
    let q = default_questionnaire().unwrap();
    let ana = assessment(&q, "ana", Perspective::Distributor, 4, 4);
    let mut w = Workshop::new("w", "Kick-off", "2026-11-26", 1);
    assert_eq!(w.add(by_link(&q, &ana), 2), Recognised::New);
    // A colleague who answered exactly alike sends the very same link.
    let twin = by_link(&q, &ana);
    assert_eq!(w.add(twin.clone(), 3), Recognised::LooksLike(0));
    assert_eq!(w.add_anyway(twin.clone(), 4), Ok(1));
    assert_eq!(w.add_anyway(twin, 5), Ok(2), "and a third");
    assert_eq!(w.participants.len(), 3);
    let keys: std::collections::BTreeSet<_> = w.participants.iter().map(|p| &p.key).collect();
    assert_eq!(keys.len(), 3, "each has a key of its own");
    assert_eq!(w.updated_ms, 5);
    // Removing one removes only that one.
    let second = w.participants[1].key.clone();
    w.remove(&second, 6);
    assert_eq!(w.participants.len(), 2);
    // The same record is never added twice, even when asked.
    assert_eq!(
        w.add(Participant::from_assessment(&ana), 7),
        Recognised::LooksLike(0)
    );
    assert_eq!(w.add_anyway(Participant::from_assessment(&ana), 7), Ok(2));
    assert_eq!(w.add_anyway(Participant::from_assessment(&ana), 8), Err(2));
    assert_eq!(w.participants.len(), 3);
    // What was added anyway survives storage.
    let back = decode_workshop(&encode_workshop(&w, &q), &q).unwrap();
    assert_eq!(back, w);
}

#[test]
fn version_1_files_and_links_of_one_person_are_recognised_after_migration() {
    let q = default_questionnaire().unwrap();
    let text = include_str!("../fixtures/v1/export.json");
    let file = assessment::exchange::import_json(text, &q).unwrap();
    let link = include_str!("../fixtures/v1/share-link.txt").trim();
    let mut w = Workshop::new("w", "Kick-off", "2026-11-26", 1);
    for a in &file.records {
        assert_eq!(w.add(Participant::from_assessment(a), 2), Recognised::New);
    }
    let shared = decode_share(link, &q).unwrap();
    assert_eq!(
        w.add(Participant::from_link(link, shared), 3),
        Recognised::LooksLike(0),
        "the v1 link is the finished brand-owner record of the v1 file"
    );
}

#[test]
fn pasted_links_that_are_not_assessment_links_are_called_that() {
    let q = default_questionnaire().unwrap();
    let good = encode_share(&q, None, &Answers::new());
    for text in [
        format!("https://example.org/app/#r={good}"),
        format!("  #r={good} "),
        format!("r={good}"),
        good.clone(),
    ] {
        assert_eq!(pasted_payload(&text), Ok(good.as_str()), "{text}");
    }
    for text in [
        "https://example.com/page",
        "https://example.com/page#section-2",
        "https://intranet.example/app/#/workshops",
    ] {
        assert!(
            matches!(pasted_payload(text), Err(ShareError::NotAssessmentLink(_))),
            "{text}"
        );
    }
    for text in ["hello world", "example.com/survey", "see you.tomorrow"] {
        assert!(
            matches!(
                decode_share(pasted_payload(text).unwrap(), &q),
                Err(ShareError::NotAssessmentLink(_))
            ),
            "{text}"
        );
    }
    // Digits written oddly are still a changed link, and a larger format a newer one.
    assert!(matches!(
        decode_share(&good.replacen("1.", "01.", 1), &q),
        Err(ShareError::NotCanonical(_))
    ));
    assert!(matches!(
        decode_share(&good.replacen("1.", "2.", 1), &q),
        Err(ShareError::UnknownFormat(_))
    ));
}

#[test]
fn stored_workshops_round_trip_and_migrate() {
    let q = default_questionnaire().unwrap();
    let mut w = Workshop::new("w1", "Kick-off \u{2013} Munich", "2026-11-26", 1);
    for p in room(&q) {
        w.add(p, 2);
    }
    let text = encode_workshop(&w, &q);
    assert_eq!(decode_workshop(&text, &q).unwrap(), w);
    let v2 = next_version();
    let migrated = decode_workshop(&text, &v2).unwrap();
    assert_eq!(
        migrated.participants[0].answers.get("REL10"),
        w.participants[0].answers.get("REL8")
    );
    let newer = encode_workshop(&migrated, &v2);
    assert_eq!(decode_workshop(&newer, &q), Err(WorkshopError::Newer));
    assert!(matches!(
        decode_workshop("{\"schema\":1}", &q),
        Err(WorkshopError::Invalid(_))
    ));
    assert_eq!(
        decode_workshop("{\"schema\":2}", &q),
        Err(WorkshopError::Newer)
    );
}

#[test]
fn a_workshop_id_is_restricted_like_record_ids_but_participant_keys_are_not() {
    let q = default_questionnaire().unwrap();
    let mut w = Workshop::new("w1", "Kick-off", "2026-11-26", 1);
    // A link participant's key holds the whole payload, dots included; it is only compared.
    w.add(
        participant(
            &q,
            "link:1.distributor-relationship.2.x.AAAA.AAAAAA",
            None,
            &[],
        ),
        2,
    );
    assert_eq!(decode_workshop(&encode_workshop(&w, &q), &q).unwrap(), w);
    for bad in ["", "w 1", "w/1", "w%31", "\u{fc}"] {
        w.id = bad.into();
        let err = decode_workshop(&encode_workshop(&w, &q), &q).unwrap_err();
        assert_eq!(err, WorkshopError::BadId(bad.into()));
        assert!(err
            .detail(&assessment::i18n::EN)
            .unwrap()
            .contains("is not allowed"));
    }
}

#[test]
fn a_workshop_stored_under_another_workshops_key_is_damage() {
    let q = default_questionnaire().unwrap();
    let mut w = Workshop::new("w1", "Kick-off", "2026-11-26", 1);
    w.add(participant(&q, "record:a", None, &[]), 2);
    let text = encode_workshop(&w, &q);
    assert_eq!(decode_workshop_at(&text, &q, "w1").unwrap(), w);
    let err = decode_workshop_at(&text, &q, "w2").unwrap_err();
    assert_eq!(
        err,
        WorkshopError::KeyMismatch {
            stored_under: "w2".into(),
            own: "w1".into()
        }
    );
    assert_eq!(
        err.detail(&assessment::i18n::EN).as_deref(),
        Some("stored under the id “w2”, but its own id is “w1”")
    );
    assert_eq!(
        err.plain(&assessment::i18n::EN),
        WorkshopError::Invalid(assessment::problem::Problem::NoId).plain(&assessment::i18n::EN),
        "in plain words, damage"
    );
    assert_eq!(
        decode_workshop_at("{\"schema\":2}", &q, "w2"),
        Err(WorkshopError::Newer)
    );
}

#[test]
fn the_summary_csv_has_sections_then_items() {
    let q = default_questionnaire().unwrap();
    let r = aggregate(&q, &Scope::all(&q), &room(&q));
    let text = assessment::csv::workshop_csv(&r, &q, "en");
    let lines: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .trim_end()
        .split("\r\n")
        .collect();
    assert_eq!(lines.len(), 1 + 4 + 39);
    assert!(lines[0].starts_with("\"Section\",\"Item\",\"Question\",\"Respondents\",\"Mean\""));
    assert!(
        lines[4].starts_with(
            "\"Trust & Foundations\",\"\",\"Section score (%)\",\"6\",\"63\",\"63\",\"25\",\"100\""
        ),
        "{}",
        lines[4]
    );
    assert!(
        lines[4].ends_with("\"100\",\"25\",\"\",\"yes\""),
        "{}",
        lines[4]
    );
    // REL1: mean 3.3, median 3.5, 2 to 5, counts 0 2 1 2 1, sides 4.3 and 2.3, divided, a gap.
    assert_eq!(
        lines[5],
        format!(
            "\"The Relationship\",\"REL1\",\"{}\",\"6\",\"3.3\",\"3.5\",\"2\",\"5\",\"0\",\"2\",\"1\",\"2\",\"1\",\"0\",\"0\",\"4.3\",\"2.3\",\"yes\",\"yes\"",
            q.sections[0].items[0].question.get("en", "en")
        )
    );
}
