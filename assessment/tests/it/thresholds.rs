//! Every threshold comes from the content file. `changed()` is the bundled questionnaire with
//! all of its thresholds set to other values; for each threshold, a case comes out one way
//! with the changed value and another with the shipped one, in scoring and in workshops.

use assessment::model::Trigger;
use assessment::workshop::{aggregate, Participant, WorkshopReport};
use assessment::{
    default_questionnaire, parse_questionnaire, score, Answer, Answers, Cap, Item, ItemRef,
    Perspective, Questionnaire, Report, Risk, Scope, TrustGate,
};
use serde_json::{json, Value};

use crate::support::{bundled, level};

const REL: usize = 0;
const MOT: usize = 1;
const TRU: usize = 3;
const TRANSACTIONAL: usize = 0;
const DEVELOPING: usize = 1;
const PARTNERSHIP: usize = 2;

fn changed_doc() -> Value {
    let mut doc = bundled();
    let s = &mut doc["scoring"];
    s["bands"][1]["min_percent"] = json!(30);
    s["bands"][1]["min_mean_level"] = json!(2.2);
    s["bands"][2]["min_percent"] = json!(60);
    s["bands"][2]["min_mean_level"] = json!(3.4);
    s["min_rated_fraction"] = json!({"numerator": 1, "denominator": 2});
    s["all_critical_rated"] = json!(false);
    s["trust_gate"] = json!({
        "section": "TRU", "below_percent": 55, "critical_at_most": 2,
        "at_risk_cap_band": "transactional", "not_assessed_cap_band": "partnership"
    });
    s["critical_actions_at_most"] = json!(3);
    s["weakest_items"] = json!(3);
    s["tie_break_section"] = json!("REL");
    s["workshop"] = json!({
        "disagreement_span_levels": 2, "perception_gap_item_tenths": 10,
        "perception_gap_section_points": 10, "min_group_size": 2
    });
    doc
}

/// The bundled questionnaire with every threshold changed.
fn changed() -> Questionnaire {
    changed_but(|_| {})
}

/// The same, with one threshold put back (or changed again) by `f`.
fn changed_but(f: impl FnOnce(&mut Value)) -> Questionnaire {
    let mut doc = changed_doc();
    f(&mut doc["scoring"]);
    parse_questionnaire(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn shipped() -> Questionnaire {
    default_questionnaire().unwrap()
}

#[test]
fn every_threshold_differs_from_the_shipped_one() {
    let (t, q) = (changed().scoring, shipped().scoring);
    for b in 1..3 {
        assert_ne!(t.bands[b].min_percent, q.bands[b].min_percent, "band {b}");
    }
    assert_ne!(
        t.min_rated_numerator * q.min_rated_denominator,
        q.min_rated_numerator * t.min_rated_denominator
    );
    assert_ne!(t.all_critical_rated, q.all_critical_rated);
    let (tg, qg) = (t.trust_gate.unwrap(), q.trust_gate.unwrap());
    assert_ne!(tg.below_percent, qg.below_percent);
    assert_ne!(tg.critical_at_most, qg.critical_at_most);
    assert_ne!(tg.at_risk_cap_band, qg.at_risk_cap_band);
    assert_ne!(tg.not_assessed_cap_band, qg.not_assessed_cap_band);
    assert_ne!(t.critical_actions_at_most, q.critical_actions_at_most);
    assert_ne!(t.weakest_items, q.weakest_items);
    assert_ne!(t.tie_break_section, q.tie_break_section);
    let (tw, qw) = (t.workshop, q.workshop);
    assert_ne!(tw.disagreement_span_levels, qw.disagreement_span_levels);
    assert_ne!(tw.perception_gap_item_tenths, qw.perception_gap_item_tenths);
    assert_ne!(
        tw.perception_gap_section_points,
        qw.perception_gap_section_points
    );
    assert_ne!(tw.min_group_size, qw.min_group_size);
}

/// Every item answered with `f(section, item)`, whoever is asked it.
fn answers(q: &Questionnaire, f: impl Fn(usize, &Item) -> Option<Answer>) -> Answers {
    let mut out = Answers::new();
    for (s, section) in q.sections.iter().enumerate() {
        for item in &section.items {
            if let Some(a) = f(s, item) {
                out.set(item.id.clone(), a);
            }
        }
    }
    out
}

fn all(l: u8) -> impl Fn(usize, &Item) -> Option<Answer> {
    move |_, _| Some(level(l))
}

/// A brand owner's report.
fn report(q: &Questionnaire, a: &Answers) -> Report {
    score(q, a, &Scope::all(q).side(Some(Perspective::BrandOwner)))
}

fn band(r: &Report) -> Option<usize> {
    r.overall.score.map(|s| s.band)
}

#[test]
fn band_limits() {
    // Critical practices at 3 and the rest at 4; Trust at 4. The Relationship: 60 of 96 =
    // 62.5 % -> 63 %; overall (62.5 + 63.75 + 67.5 + 75) / 4 = 67.2 % -> 67 %: a partnership
    // from 60 %, still developing with the shipped 70 %.
    let a = |q: &Questionnaire| {
        answers(q, |s, item| {
            Some(level(if s != TRU && item.critical { 3 } else { 4 }))
        })
    };
    let (t, q) = (changed(), shipped());
    let (rt, rq) = (report(&t, &a(&t)), report(&q, &a(&q)));
    let rel = |r: &Report| r.section(REL).unwrap().score.map(|s| (s.percent, s.band));
    assert_eq!(rel(&rt), Some((63, PARTNERSHIP)));
    assert_eq!(rel(&rq), Some((63, DEVELOPING)));
    assert_eq!(rt.overall.score.map(|s| s.percent), Some(67));
    assert_eq!(
        (band(&rt), band(&rq)),
        (Some(PARTNERSHIP), Some(DEVELOPING))
    );
    // A group of three such brand owners: the same.
    let group = |q: &Questionnaire| workshop(q, &vec![(Some(Perspective::BrandOwner), a(q)); 3]);
    assert_eq!(group(&t).all.overall, Some(67));
    assert_eq!(
        (group(&t).band, group(&q).band),
        (Some(PARTNERSHIP), Some(DEVELOPING))
    );
}

#[test]
fn how_many_answers_a_section_needs() {
    // Motivation: 6 of its 9 practices rated (the critical ones among them). Enough from half;
    // not with the shipped three quarters (7).
    let rated = ["MOT1", "MOT2", "MOT3", "MOT4", "MOT6", "MOT8"];
    let a = |q: &Questionnaire| {
        answers(q, |s, item| {
            (s != MOT || rated.contains(&item.id.as_str())).then(|| level(3))
        })
    };
    let (t, q) = (changed(), shipped());
    let mot = |q: &Questionnaire| report(q, &a(q)).section(MOT).cloned().unwrap();
    assert_eq!(
        (mot(&t).required, mot(&t).score.map(|s| s.percent)),
        (5, Some(50))
    );
    assert_eq!((mot(&q).required, mot(&q).score), (7, None));
}

#[test]
fn whether_every_critical_practice_must_be_rated() {
    // The Relationship without REL1 (critical): 9 of 10 rated is enough by number, but the
    // shipped rule wants every critical practice rated.
    let a = |q: &Questionnaire| answers(q, |_, item| (item.id != "REL1").then(|| level(3)));
    let (t, q) = (changed(), shipped());
    let rel = |q: &Questionnaire| report(q, &a(q)).section(REL).cloned().unwrap();
    assert!(rel(&t).critical_open.is_empty());
    assert_eq!(rel(&t).score.map(|s| s.percent), Some(50));
    assert_eq!((rel(&q).critical_open, rel(&q).score), (vec![0], None));
}

#[test]
fn the_trust_gate_threshold() {
    // Everything at level 3: Trust at 50 % is below 55 %, not below the shipped 40 %.
    let (t, q) = (changed(), shipped());
    let rt = report(&t, &answers(&t, all(3)));
    assert_eq!(rt.overall.trust, TrustGate::AtRisk);
    assert_eq!(
        rt.overall.risks,
        [Risk::LowTrust {
            percent: 50,
            below: 55
        }]
    );
    assert_eq!(
        report(&q, &answers(&q, all(3))).overall.trust,
        TrustGate::Passed
    );
    // In a workshop too.
    let group = |q: &Questionnaire| workshop(q, &vec![(None, answers(q, all(3))); 3]).trust;
    assert_eq!(
        (group(&t), group(&q)),
        (TrustGate::AtRisk, TrustGate::Passed)
    );
}

#[test]
fn the_level_at_which_a_critical_trust_practice_puts_the_relationship_at_risk() {
    // TRU1B (critical) at level 2, the rest of Trust at 5 (92 %): at risk from level 2, not
    // with the shipped level 1.
    let a = |q: &Questionnaire| {
        answers(q, |s, item| {
            Some(level(match (s, item.id.as_str()) {
                (_, "TRU1B") => 2,
                (TRU, _) => 5,
                _ => 3,
            }))
        })
    };
    let (t, q) = (changed(), shipped());
    let rt = report(&t, &a(&t));
    assert_eq!(rt.section(TRU).unwrap().score.unwrap().percent, 92);
    assert_eq!(
        rt.overall.risks,
        [Risk::Critical {
            item: ItemRef {
                section: TRU,
                item: 0
            },
            level: assessment::Level::new(2).unwrap()
        }]
    );
    assert_eq!(report(&q, &a(&q)).overall.trust, TrustGate::Passed);
}

#[test]
fn the_band_an_at_risk_result_is_capped_at() {
    // Everything at 5 but TRU1B at 1: at risk everywhere; capped at transactional, not at the
    // shipped developing.
    let a = |q: &Questionnaire| {
        answers(q, |_, item| {
            Some(level(if item.id == "TRU1B" { 1 } else { 5 }))
        })
    };
    let (t, q) = (changed(), shipped());
    let (rt, rq) = (report(&t, &a(&t)), report(&q, &a(&q)));
    assert_eq!(
        (rt.overall.cap, rq.overall.cap),
        (Some(Cap::AtRisk), Some(Cap::AtRisk))
    );
    assert_eq!(
        (band(&rt), band(&rq)),
        (Some(TRANSACTIONAL), Some(DEVELOPING))
    );
    // A group whose Trust mean (50 %) is below the gate, everything else at 100 %: overall
    // 88 %; capped at transactional, and at developing with the shipped cap put back.
    let group = |q: &Questionnaire| {
        let a = answers(q, |s, _| Some(level(if s == TRU { 3 } else { 5 })));
        workshop(q, &vec![(None, a); 3])
    };
    let back = changed_but(|s| s["trust_gate"]["at_risk_cap_band"] = json!("developing"));
    assert_eq!(group(&t).all.overall, Some(88));
    assert_eq!(group(&t).trust, TrustGate::AtRisk);
    assert_eq!(
        (group(&t).band, group(&back).band),
        (Some(TRANSACTIONAL), Some(DEVELOPING))
    );
}

#[test]
fn the_band_a_result_without_trust_is_capped_at() {
    // Trust unanswered, everything else at 5: not assessed; no cap below partnership, where
    // the shipped rule caps at developing.
    let a = |q: &Questionnaire| answers(q, |s, _| (s != TRU).then(|| level(5)));
    let (t, q) = (changed(), shipped());
    let (rt, rq) = (report(&t, &a(&t)), report(&q, &a(&q)));
    assert_eq!(rt.overall.trust, TrustGate::NotAssessed);
    assert_eq!((rt.overall.cap, band(&rt)), (None, Some(PARTNERSHIP)));
    assert_eq!(
        (rq.overall.cap, band(&rq)),
        (Some(Cap::NotAssessed), Some(DEVELOPING))
    );
    let group = |q: &Questionnaire| workshop(q, &vec![(None, a(q)); 3]);
    let back = changed_but(|s| s["trust_gate"]["not_assessed_cap_band"] = json!("developing"));
    assert_eq!(group(&t).trust, TrustGate::NotAssessed);
    assert_eq!(
        (group(&t).band, group(&back).band),
        (Some(PARTNERSHIP), Some(DEVELOPING))
    );
}

#[test]
fn the_level_at_which_a_critical_practice_always_shows_its_actions() {
    // A brand owner's action on a critical practice that triggers at level 1 or 2: with the
    // practice at 3 it shows from 3, not with the shipped 2.
    let q = shipped();
    let (s, a, item) = q
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, sec)| {
            sec.actions
                .iter()
                .enumerate()
                .map(move |(a, act)| (s, a, act))
        })
        .find_map(|(s, a, act)| match act.trigger {
            Trigger::ItemAtMost { item, level }
                if level < 3
                    && q.sections[s].items[item].critical
                    && act.who.includes(Some(Perspective::BrandOwner))
                    && q.sections[s].items[item]
                        .who
                        .includes(Some(Perspective::BrandOwner)) =>
            {
                Some((s, a, q.sections[s].items[item].id.clone()))
            }
            _ => None,
        })
        .expect("a critical practice with an action below level 3");
    let answers =
        |q: &Questionnaire| answers(q, |_, i| Some(level(if i.id == item { 3 } else { 5 })));
    let shows = |q: &Questionnaire| {
        report(q, &answers(q))
            .actions
            .iter()
            .any(|t| (t.section, t.action) == (s, a))
    };
    assert!(shows(&changed()), "{item}");
    assert!(!shows(&q), "{item}");
}

#[test]
fn how_many_weakest_practices_are_listed_and_which_section_comes_first() {
    // Everything at 2: every practice is weak; the heaviest (critical, 3 x 3) tie.
    let (t, q) = (changed(), shipped());
    let (rt, rq) = (
        report(&t, &answers(&t, all(2))),
        report(&q, &answers(&q, all(2))),
    );
    assert_eq!((rt.weakest.len(), rq.weakest.len()), (3, 5));
    // Ties go to the Relationship here, to Trust as shipped.
    assert_eq!((rt.weakest[0].section, rq.weakest[0].section), (REL, TRU));
}

/// A workshop of participants (side, answers), over every section.
fn workshop(q: &Questionnaire, people: &[(Option<Perspective>, Answers)]) -> WorkshopReport {
    let people: Vec<Participant> = people
        .iter()
        .enumerate()
        .map(|(n, (perspective, answers))| Participant {
            key: format!("p{n}"),
            label: String::new(),
            perspective: *perspective,
            answers: answers.clone(),
        })
        .collect();
    aggregate(q, &Scope::all(q), &people)
}

fn sides(q: &Questionnaire, bo: &[Answers], d: &[Answers]) -> WorkshopReport {
    let people: Vec<(Option<Perspective>, Answers)> = bo
        .iter()
        .map(|a| (Some(Perspective::BrandOwner), a.clone()))
        .chain(
            d.iter()
                .map(|a| (Some(Perspective::Distributor), a.clone())),
        )
        .collect();
    workshop(q, &people)
}

#[test]
fn how_many_respondents_a_side_needs_to_be_shown() {
    // Two brand owners and two distributors: shown from 2, hidden with the shipped 3.
    let (t, q) = (changed(), shipped());
    let r = |q: &Questionnaire| {
        let a = answers(q, all(3));
        sides(q, &[a.clone(), a.clone()], &[a.clone(), a])
    };
    assert!(r(&t).brand_owner.is_some() && r(&t).distributor.is_some());
    assert!(r(&q).brand_owner.is_none() && r(&q).distributor.is_none());
}

#[test]
fn how_far_apart_answers_must_be_to_divide_the_group() {
    // REL1 answered 3, 4 and 4: spans 2 levels, divided from 2, not with the shipped 3.
    let r = |q: &Questionnaire| {
        let people: Vec<(Option<Perspective>, Answers)> = [3, 4, 4]
            .into_iter()
            .map(|l| {
                (
                    None,
                    answers(q, |_, i| Some(level(if i.id == "REL1" { l } else { 3 }))),
                )
            })
            .collect();
        workshop(q, &people).divided
    };
    assert_eq!(r(&changed()), [0]);
    assert!(r(&shipped()).is_empty());
}

#[test]
fn how_far_apart_the_sides_must_be_on_a_practice() {
    // REL1: brand owners 4.0, distributors 3.0: a gap from 1.0 level, not with the shipped 1.5.
    let r = |q: &Questionnaire| {
        let bo = answers(q, |_, i| Some(level(if i.id == "REL1" { 4 } else { 3 })));
        let d = answers(q, all(3));
        sides(q, &[bo.clone(), bo.clone(), bo], &[d.clone(), d.clone(), d])
    };
    let gaps = r(&changed()).item_gaps;
    assert_eq!(gaps.len(), 1);
    assert_eq!(
        (
            gaps[0].item,
            gaps[0].brand_owner_tenths,
            gaps[0].distributor_tenths
        ),
        (
            ItemRef {
                section: REL,
                item: 0
            },
            40,
            30
        )
    );
    assert!(r(&shipped()).item_gaps.is_empty());
}

#[test]
fn how_far_apart_the_sides_must_be_on_a_section() {
    // The Relationship: brand owners 50 %, distributors 60 % (53 of 88, with REL1, REL2 and
    // REL5 at 4): a gap from 10 points, not with the shipped 15.
    let r = |q: &Questionnaire| {
        let bo = answers(q, all(3));
        let up = ["REL1", "REL2", "REL5"];
        let d = answers(q, |_, i| {
            Some(level(if up.contains(&i.id.as_str()) { 4 } else { 3 }))
        });
        sides(q, &[bo.clone(), bo.clone(), bo], &[d.clone(), d.clone(), d])
    };
    let gaps = r(&changed()).section_gaps;
    assert_eq!(gaps.len(), 1);
    assert_eq!(
        (gaps[0].section, gaps[0].brand_owner, gaps[0].distributor),
        (REL, 50, 60)
    );
    assert!(r(&shipped()).section_gaps.is_empty());
}
