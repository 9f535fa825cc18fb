//! Scoring against hand-computed expectations.

use assessment::scoring::TrustGate;
use assessment::{
    default_questionnaire, parse_questionnaire, score, Answer, Answers, Level, Questionnaire, Scope,
};

fn lvl(n: u8) -> Option<Answer> {
    Some(Answer::Level(Level::new(n).unwrap()))
}

/// Answers every item with `f(section id, item index)`.
fn answer_all(q: &Questionnaire, f: impl Fn(&str, usize) -> Option<Answer>) -> Answers {
    let mut answers = Answers::new();
    for section in &q.sections {
        for (i, item) in section.items.iter().enumerate() {
            if let Some(a) = f(&section.id, i) {
                answers.set(item.id.clone(), a);
            }
        }
    }
    answers
}

struct Expect {
    /// Displayed percentage per section in content order; `None` = not enough answers.
    sections: Vec<Option<u32>>,
    overall: Option<u32>,
    band: Option<&'static str>,
    trust: TrustGate,
    scored: usize,
}

fn check(name: &str, q: &Questionnaire, answers: &Answers, want: Expect) {
    let report = score(q, answers, &Scope::all(q));
    let got: Vec<Option<u32>> = report
        .sections
        .iter()
        .map(|s| s.score.map(|sc| sc.percent))
        .collect();
    assert_eq!(got, want.sections, "{name}: section percentages");
    let overall = report.overall.score;
    assert_eq!(overall.map(|s| s.percent), want.overall, "{name}: overall");
    assert_eq!(
        overall.map(|s| q.scoring.bands[s.band].name.get("en", "en")),
        want.band,
        "{name}: overall band"
    );
    assert_eq!(report.overall.trust, want.trust, "{name}: trust gate");
    assert_eq!(
        report.overall.sections_scored, want.scored,
        "{name}: sections scored"
    );
    assert_eq!(
        report.overall.sections_enabled,
        q.sections.len(),
        "{name}: sections enabled"
    );
}

#[test]
fn default_questionnaire_table() {
    let q = default_questionnaire().unwrap();
    let rows: Vec<(&str, Answers, Expect)> = vec![
        (
            "all level 3",
            answer_all(&q, |_, _| lvl(3)),
            Expect {
                sections: vec![Some(50); 4],
                overall: Some(50),
                band: Some("Developing"),
                trust: TrustGate::Passed,
                scored: 4,
            },
        ),
        (
            "all level 5",
            answer_all(&q, |_, _| lvl(5)),
            Expect {
                sections: vec![Some(100); 4],
                overall: Some(100),
                band: Some("Partnership"),
                trust: TrustGate::Passed,
                scored: 4,
            },
        ),
        (
            "all level 1",
            answer_all(&q, |_, _| lvl(1)),
            Expect {
                sections: vec![Some(0); 4],
                overall: Some(0),
                band: Some("Transactional"),
                trust: TrustGate::AtRisk,
                scored: 4,
            },
        ),
        (
            "trust all 1, the rest 5: at risk, no higher than Trust's band",
            answer_all(&q, |s, _| if s == "TRU" { lvl(1) } else { lvl(5) }),
            Expect {
                sections: vec![Some(100), Some(100), Some(100), Some(0)],
                overall: Some(75),
                band: Some("Transactional"),
                trust: TrustGate::AtRisk,
                scored: 4,
            },
        ),
        (
            "one section all not applicable: the mean of the other three",
            answer_all(&q, |s, _| match s {
                "REL" => lvl(5),
                "MOT" => Some(Answer::NotApplicable),
                "CHO" => lvl(3),
                _ => lvl(4),
            }),
            Expect {
                sections: vec![Some(100), None, Some(50), Some(75)],
                overall: Some(75),
                band: Some("Partnership"),
                trust: TrustGate::Passed,
                scored: 3,
            },
        ),
        (
            "6 of 9 rated is not enough (7 needed); 8 of 10 with every critical one is",
            answer_all(&q, |s, i| match s {
                "MOT" if i < 6 => lvl(5),
                "MOT" => Some(Answer::DontKnow),
                "REL" if i < 8 => lvl(1),
                "REL" => None,
                _ => lvl(3),
            }),
            Expect {
                sections: vec![Some(0), None, Some(50), Some(50)],
                // (0 + 50 + 50) / 3 = 33.3
                overall: Some(33),
                band: Some("Transactional"),
                trust: TrustGate::Passed,
                scored: 3,
            },
        ),
        (
            "trust with too few answers: not assessed, never Partnership",
            answer_all(&q, |s, i| match s {
                "TRU" if i < 3 => lvl(5),
                "TRU" => None,
                _ => lvl(5),
            }),
            Expect {
                sections: vec![Some(100), Some(100), Some(100), None],
                overall: Some(100),
                band: Some("Developing"),
                trust: TrustGate::NotAssessed,
                scored: 3,
            },
        ),
        (
            "nothing answered",
            Answers::new(),
            Expect {
                sections: vec![None; 4],
                overall: None,
                band: None,
                trust: TrustGate::NotAssessed,
                scored: 0,
            },
        ),
    ];
    for (name, answers, want) in rows {
        check(name, &q, &answers, want);
    }
}

#[test]
fn counts_keep_not_applicable_and_dont_know_apart() {
    let q = default_questionnaire().unwrap();
    let answers = answer_all(&q, |s, i| match (s, i) {
        ("REL", 0) => Some(Answer::NotApplicable),
        ("REL", 1 | 2) => Some(Answer::DontKnow),
        ("REL", 3) => None,
        _ => lvl(2),
    });
    let report = score(&q, &answers, &Scope::all(&q));
    let rel = &report.sections[0].counts;
    assert_eq!(
        (
            rel.items,
            rel.rated,
            rel.not_applicable,
            rel.dont_know,
            rel.unanswered
        ),
        (10, 6, 1, 2, 1)
    );
    assert_eq!(
        report.sections[0].required, 8,
        "three quarters of 10, rounded up"
    );
    assert_eq!(
        report.sections[1].required, 7,
        "three quarters of 9, rounded up"
    );
    assert_eq!(
        report.sections[0].score, None,
        "6 of 10 rated is not enough"
    );
    // Level 2 everywhere: 25 %.
    assert_eq!(report.sections[1].score.unwrap().percent, 25);
}

#[test]
fn weakest_items_rank_by_weight_times_gap_with_trust_first_on_ties() {
    let q = default_questionnaire().unwrap();
    // Everything at 5 except: REL1 (w3) at 3 -> 6; MOT2 (w3) at 3 -> 6; TRU1B (w3) at 3 -> 6;
    // REL3 (w2) at 1 -> 8; MOT5 (w1) at 1 -> 4; CHO1 (w2) at 2 -> 6; TRU4B (w3) at 4 -> 3.
    let mut answers = answer_all(&q, |_, _| lvl(5));
    for (id, level) in [
        ("REL1", 3),
        ("MOT2", 3),
        ("TRU1B", 3),
        ("REL3", 1),
        ("MOT5", 1),
        ("CHO1", 2),
        ("TRU4B", 4),
    ] {
        answers.set(id, lvl(level).unwrap());
    }
    let report = score(&q, &answers, &Scope::all(&q));
    let ids: Vec<(&str, u32)> = report
        .weakest
        .iter()
        .map(|w| (q.sections[w.section].items[w.item].id.as_str(), w.priority))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("REL3", 8),
            ("TRU1B", 6),
            ("REL1", 6),
            ("MOT2", 6),
            ("CHO1", 6)
        ],
        "top five: highest priority, then Trust, then content order"
    );
}

#[test]
fn level_five_is_never_weak() {
    let q = default_questionnaire().unwrap();
    let report = score(&q, &answer_all(&q, |_, _| lvl(5)), &Scope::all(&q));
    assert!(report.weakest.is_empty());
}

#[test]
fn enabled_sections_limit_the_score() {
    let q = default_questionnaire().unwrap();
    let answers = answer_all(&q, |s, _| if s == "REL" { lvl(5) } else { lvl(1) });
    let scope = Scope::only(&q, &["REL", "CHO"]);
    let report = score(&q, &answers, &scope);
    assert_eq!(report.sections.len(), 2);
    assert_eq!(report.overall.score.unwrap().percent, 50);
    assert_eq!(report.overall.sections_enabled, 2);
    assert_eq!(
        report.overall.trust,
        TrustGate::Off,
        "trust is not in scope"
    );
    assert_eq!(
        Scope::only(&q, &["nope"]),
        Scope::all(&q),
        "unknown ids fall back to all"
    );
}

/// A small questionnaire with mixed item weights and section weights 1 and 4.
const FIXTURE: &str = r#"{
  "format": 1, "id": "fixture", "version": 1, "locales": ["en"], "default_locale": "en",
  "title": {"en": "Fixture"}, "description": {"en": "A fixture."},
  "instructions": [], "level_names": [{"en": "One"}, {"en": "Two"}, {"en": "Three"}, {"en": "Four"}, {"en": "Five"}],
  "scoring": {
    "bands": [{"id": "low", "name": {"en": "Low"}, "meaning": {"en": "L."}, "min_percent": 0},
              {"id": "mid", "name": {"en": "Mid"}, "meaning": {"en": "M."}, "min_percent": 40},
              {"id": "high", "name": {"en": "High"}, "meaning": {"en": "H."}, "min_percent": 70}],
    "min_rated_fraction": {"numerator": 1, "denominator": 2},
    "trust_gate": {"section": "B", "below_percent": 40, "critical_at_most": 1, "at_risk_cap_band": "mid", "not_assessed_cap_band": "mid"},
    "weakest_items": 3, "tie_break_section": "B",
    "workshop": {"disagreement_span_levels": 3, "perception_gap_item_tenths": 15, "perception_gap_section_points": 15, "min_group_size": 3}
  },
  "sections": [
    {"id": "A", "title": {"en": "A"}, "intro": {"en": "A."}, "weight": 1,
     "band_texts": {"low": {"en": "l"}, "mid": {"en": "m"}, "high": {"en": "h"}}, "actions": [],
     "items": [
       {"id": "A1", "weight": 3, "critical": true, "who": "both", "question": {"en": "A1?"}, "levels": [{"en": "1"}, {"en": "2"}, {"en": "3"}, {"en": "4"}, {"en": "5"}]},
       {"id": "A2", "weight": 3, "critical": true, "who": "both", "question": {"en": "A2?"}, "levels": [{"en": "1"}, {"en": "2"}, {"en": "3"}, {"en": "4"}, {"en": "5"}]},
       {"id": "A3", "weight": 3, "critical": true, "who": "both", "question": {"en": "A3?"}, "levels": [{"en": "1"}, {"en": "2"}, {"en": "3"}, {"en": "4"}, {"en": "5"}]},
       {"id": "A4", "weight": 1, "who": "both", "question": {"en": "A4?"}, "levels": [{"en": "1"}, {"en": "2"}, {"en": "3"}, {"en": "4"}, {"en": "5"}]}
     ]},
    {"id": "B", "title": {"en": "B"}, "intro": {"en": "B."}, "weight": 4,
     "band_texts": {"low": {"en": "l"}, "mid": {"en": "m"}, "high": {"en": "h"}}, "actions": [],
     "items": [
       {"id": "B1", "weight": 1, "who": "both", "question": {"en": "B1?"}, "levels": [{"en": "1"}, {"en": "2"}, {"en": "3"}, {"en": "4"}, {"en": "5"}]},
       {"id": "B2", "weight": 1, "who": "both", "question": {"en": "B2?"}, "levels": [{"en": "1"}, {"en": "2"}, {"en": "3"}, {"en": "4"}, {"en": "5"}]}
     ]}
  ]
}"#;

fn fixture_answers(levels: &[(&str, u8)]) -> Answers {
    levels
        .iter()
        .map(|(id, l)| (*id, Answer::Level(Level::new(*l).unwrap())))
        .collect()
}

#[test]
fn mixed_weights_and_rounding_at_the_band_edge() {
    let q = parse_questionnaire(FIXTURE).unwrap();
    // A: 3*4 + 3*4 + 3*4 + 1*3 = 39 of 40 -> 97.5 %, shown as 98 %.
    // B: 1*4 + 1*1 = 5 of 8 -> 62.5 %, shown as 63 %.
    // Overall: (1 * 97.5 + 4 * 62.5) / 5 = 69.5 % exactly -> 70 %, High.
    let answers = fixture_answers(&[
        ("A1", 5),
        ("A2", 5),
        ("A3", 5),
        ("A4", 4),
        ("B1", 5),
        ("B2", 2),
    ]);
    check(
        "69.5 shows as 70 (High by itself, Mid as B, the trust section, is Mid)",
        &q,
        &answers,
        Expect {
            sections: vec![Some(98), Some(63)],
            overall: Some(70),
            band: Some("Mid"),
            trust: TrustGate::Passed,
            scored: 2,
        },
    );
    let report = score(&q, &answers, &Scope::all(&q));
    let overall = report.overall.score.unwrap().ratio;
    assert_eq!((overall.numerator(), overall.denominator()), (139, 200));
}

#[test]
fn the_trust_gate_reads_the_displayed_number() {
    let q = parse_questionnaire(FIXTURE).unwrap();
    // B: (1 + 1) / 8 = 25 % -> at risk; A all 5 -> overall (100 + 4 * 25) / 5 = 40 %.
    let at_risk = fixture_answers(&[
        ("A1", 5),
        ("A2", 5),
        ("A3", 5),
        ("A4", 5),
        ("B1", 2),
        ("B2", 2),
    ]);
    let report = score(&q, &at_risk, &Scope::all(&q));
    assert_eq!(report.overall.trust, TrustGate::AtRisk);
    assert_eq!(report.overall.score.unwrap().percent, 40);
    assert_eq!(
        report.overall.cap,
        Some(assessment::Cap::TrustBand),
        "40 % is Mid, but never above the trust section's Low"
    );

    // B: (2 + 1) / 8 = 37.5 %, displayed as 38 %. With the gate at "below 38" the displayed
    // number passes, although the unrounded value would not.
    let q38 =
        parse_questionnaire(&FIXTURE.replace("\"below_percent\": 40", "\"below_percent\": 38"))
            .unwrap();
    let edge = fixture_answers(&[
        ("A1", 5),
        ("A2", 5),
        ("A3", 5),
        ("A4", 5),
        ("B1", 3),
        ("B2", 2),
    ]);
    let report = score(&q38, &edge, &Scope::all(&q38));
    assert_eq!(report.sections[1].score.unwrap().percent, 38);
    assert_eq!(report.overall.trust, TrustGate::Passed);
    let q39 =
        parse_questionnaire(&FIXTURE.replace("\"below_percent\": 40", "\"below_percent\": 39"))
            .unwrap();
    assert_eq!(
        score(&q39, &edge, &Scope::all(&q39)).overall.trust,
        TrustGate::AtRisk
    );
}

#[test]
fn a_capped_overall_says_so() {
    // Trust 0 % and the rest 100 %: 75 % would be Partnership, capped at Developing.
    let dq = default_questionnaire().unwrap();
    let answers = answer_all(&dq, |s, _| if s == "TRU" { lvl(1) } else { lvl(5) });
    assert!(score(&dq, &answers, &Scope::all(&dq)).overall.capped());
    // A band already below the cap is not "capped".
    let q = parse_questionnaire(FIXTURE).unwrap();
    let low = score(
        &q,
        &fixture_answers(&[
            ("A1", 5),
            ("A2", 5),
            ("A3", 5),
            ("A4", 5),
            ("B1", 1),
            ("B2", 1),
        ]),
        &Scope::all(&q),
    );
    assert_eq!(low.overall.score.unwrap().percent, 20);
    assert_eq!(low.overall.trust, TrustGate::AtRisk);
    assert!(!low.overall.capped());
}
