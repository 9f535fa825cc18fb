//! Questionnaire version 2's scoring rules, one table per rule, on the bundled questionnaire.

use assessment::explain::overall_reasons;
use assessment::i18n::EN;
use assessment::model::{Trigger, Who};
use assessment::{
    default_questionnaire, parse_questionnaire, score, Answer, Answers, Cap, Level, Perspective,
    Questionnaire, Report, Risk, Scope, TrustGate,
};
use serde_json::{json, Value};

use crate::support::{bundled, errors, fixture, level};

/// Every item asked of `side` answered with `f(section id, item id)`.
fn answers(
    q: &Questionnaire,
    side: Perspective,
    f: impl Fn(&str, &str) -> Option<Answer>,
) -> Answers {
    let scope = Scope::all(q).side(Some(side));
    let mut out = Answers::new();
    for s in scope.sections() {
        for (_, item) in scope.items(q, s) {
            if let Some(a) = f(&q.sections[s].id, &item.id) {
                out.set(item.id.clone(), a);
            }
        }
    }
    out
}

fn report(q: &Questionnaire, side: Perspective, a: &Answers) -> Report {
    score(q, a, &Scope::all(q).side(Some(side)))
}

fn band(q: &Questionnaire, r: &Report) -> Option<&'static str> {
    r.overall
        .score
        .map(|s| match q.scoring.bands[s.band].id.as_str() {
            "transactional" => "transactional",
            "developing" => "developing",
            "partnership" => "partnership",
            other => panic!("unknown band {other}"),
        })
}

const TRU: usize = 3;

#[test]
fn each_side_is_asked_only_what_it_can_see() {
    let q = default_questionnaire().unwrap();
    let asked = |p: Perspective| -> Vec<String> {
        let scope = Scope::all(&q).side(Some(p));
        scope
            .sections()
            .flat_map(|s| {
                scope
                    .items(&q, s)
                    .map(|(_, i)| i.id.clone())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let bo = asked(Perspective::BrandOwner);
    let d = asked(Perspective::Distributor);
    for id in ["CHO1", "CHO2A", "CHO2B", "REL3"] {
        assert!(bo.contains(&id.to_owned()), "{id} asked of brand owners");
        assert!(
            !d.contains(&id.to_owned()),
            "{id} not asked of distributors"
        );
    }
    assert!(d.contains(&"REL2".to_owned()) && bo.contains(&"REL2".to_owned()));
    assert_ne!(bo, d);
    // Counts and scores are over the items asked: a distributor who rated everything asked is
    // complete, and a brand-owner-only answer in the record changes nothing.
    let all4 = answers(&q, Perspective::Distributor, |_, _| Some(level(4)));
    let mut with_extra = all4.clone();
    with_extra.set("CHO1", level(1));
    let r = report(&q, Perspective::Distributor, &all4);
    assert_eq!(r, report(&q, Perspective::Distributor, &with_extra));
    let items: usize = r.sections.iter().map(|s| s.counts.items).sum();
    assert_eq!(items, d.len());
    assert!(r.sections.iter().all(|s| s.counts.unanswered == 0));
    let mut a = assessment::Assessment::new("x", &q, 0);
    a.start(&Scope::all(&q), Perspective::Distributor, 1);
    a.answers = all4;
    assert_eq!(a.progress(&q, &Scope::all(&q)).total, d.len());
    assert!(a.unanswered(&q, &Scope::all(&q)).is_empty());
}

#[test]
fn enough_answers_needs_three_quarters_and_every_critical_practice() {
    let q = default_questionnaire().unwrap();
    let tru = &q.sections[TRU];
    let critical: Vec<&str> = tru
        .items
        .iter()
        .filter(|i| i.critical)
        .map(|i| i.id.as_str())
        .collect();
    let plain: Vec<&str> = tru
        .items
        .iter()
        .filter(|i| !i.critical)
        .map(|i| i.id.as_str())
        .collect();
    let n = tru.items.len();
    let required = n.saturating_mul(3).div_ceil(4);
    // (name, Trust answers, scored?, critical ones reported open)
    type TrustAnswers<'a> = Box<dyn Fn(&str) -> Option<Answer> + 'a>;
    let cases: Vec<(&str, TrustAnswers, bool, usize)> = vec![
        ("all rated", Box::new(|_| Some(level(4))), true, 0),
        (
            "three don't know on failing critical practices",
            Box::new(|id| {
                Some(if critical[..3].contains(&id) {
                    Answer::DontKnow
                } else {
                    level(4)
                })
            }),
            false,
            3,
        ),
        (
            "one critical practice unanswered, the rest rated",
            Box::new(|id| (id != critical[0]).then(|| level(4))),
            false,
            1,
        ),
        (
            "non-critical don't know beyond a quarter",
            Box::new(|id| {
                Some(if plain.contains(&id) || id == critical[0] {
                    Answer::DontKnow
                } else {
                    level(4)
                })
            }),
            false,
            1,
        ),
    ];
    for (name, f, scored, open) in cases {
        let a = answers(&q, Perspective::BrandOwner, |s, id| {
            if s == "TRU" {
                f(id)
            } else {
                Some(level(5))
            }
        });
        let r = report(&q, Perspective::BrandOwner, &a);
        let t = r.section(TRU).unwrap();
        assert_eq!(t.required, required, "{name}");
        assert_eq!(t.score.is_some(), scored, "{name}: scored");
        assert_eq!(t.critical_open.len(), open, "{name}: critical open");
        if !scored {
            assert_eq!(r.overall.trust, TrustGate::NotAssessed, "{name}");
            assert_ne!(
                band(&q, &r),
                Some("partnership"),
                "{name}: never Partnership"
            );
            let reasons = overall_reasons(&q, &r, &EN).join(" ");
            assert!(reasons.contains("Trust not assessed"), "{name}: {reasons}");
        }
    }
}

#[test]
fn trust_offers_no_not_applicable_and_such_an_answer_counts_as_none() {
    let q = default_questionnaire().unwrap();
    assert!(q.sections[TRU]
        .items
        .iter()
        .all(|i| !i.offers_not_applicable));
    assert!(q.sections[..TRU]
        .iter()
        .flat_map(|s| &s.items)
        .all(|i| i.offers_not_applicable));
    let a = answers(&q, Perspective::Distributor, |s, _| {
        Some(if s == "TRU" {
            Answer::NotApplicable
        } else {
            level(3)
        })
    });
    let r = report(&q, Perspective::Distributor, &a);
    let t = r.section(TRU).unwrap();
    assert_eq!(
        (t.counts.not_applicable, t.counts.unanswered),
        (0, t.counts.items)
    );
    assert!(t.score.is_none());
}

#[test]
fn the_overall_band_is_never_above_the_trust_band() {
    let q = default_questionnaire().unwrap();
    // (Trust level everywhere, other sections' level, overall band, cap)
    let cases = [
        (3, 5, "developing", Some(Cap::TrustBand)), // Trust 50 %, the rest 100 %
        (2, 5, "transactional", Some(Cap::TrustBand)), // Trust 25 %: at risk, transactional
        (4, 5, "partnership", None),
        (5, 3, "developing", None),
    ];
    for (t, other, want, cap) in cases {
        let a = answers(&q, Perspective::BrandOwner, |s, _| {
            Some(level(if s == "TRU" { t } else { other }))
        });
        let r = report(&q, Perspective::BrandOwner, &a);
        assert_eq!(band(&q, &r), Some(want), "trust {t}, others {other}");
        assert_eq!(r.overall.cap, cap, "trust {t}, others {other}");
    }
    let a = answers(&q, Perspective::BrandOwner, |s, _| {
        Some(level(if s == "TRU" { 3 } else { 5 }))
    });
    let r = report(&q, Perspective::BrandOwner, &a);
    assert_eq!(r.overall.score.unwrap().percent, 88, "(3 x 100 + 50) / 4");
    let reasons = overall_reasons(&q, &r, &EN);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(
        reasons[0].contains("never higher than Trust & Foundations (Developing)"),
        "{}",
        reasons[0]
    );
}

#[test]
fn one_critical_trust_practice_at_level_one_flags_at_risk() {
    let q = default_questionnaire().unwrap();
    let critical = q.sections[TRU]
        .items
        .iter()
        .find(|i| i.critical)
        .unwrap()
        .id
        .clone();
    let plain = q.sections[TRU]
        .items
        .iter()
        .find(|i| !i.critical)
        .unwrap()
        .id
        .clone();
    for (id, at_risk) in [(&critical, true), (&plain, false)] {
        let a = answers(&q, Perspective::Distributor, |_, i| {
            Some(if i == id.as_str() { level(1) } else { level(5) })
        });
        let r = report(&q, Perspective::Distributor, &a);
        let trust = r.section(TRU).unwrap().score.unwrap();
        assert!(trust.percent >= 40, "Trust is above the threshold");
        assert_eq!(r.overall.trust == TrustGate::AtRisk, at_risk, "{id}");
        if at_risk {
            assert!(matches!(r.overall.risks[..], [Risk::Critical { .. }]));
            assert_eq!(band(&q, &r), Some("developing"));
            let reasons = overall_reasons(&q, &r, &EN).join(" ");
            assert!(
                reasons.contains("a critical trust practice is at level 1"),
                "{reasons}"
            );
        }
    }
    // Below 40 % is at risk too, and says so.
    let a = answers(&q, Perspective::Distributor, |s, _| {
        Some(level(if s == "TRU" { 2 } else { 5 }))
    });
    let r = report(&q, Perspective::Distributor, &a);
    assert!(r.overall.risks.iter().any(|x| matches!(
        x,
        Risk::LowTrust {
            percent: 25,
            below: 40
        }
    )));
}

#[test]
fn actions_are_for_the_readers_side_and_ordered_by_weight_times_gap() {
    let q = default_questionnaire().unwrap();
    for side in Perspective::ALL {
        let a = answers(&q, side, |_, _| Some(level(1)));
        let r = report(&q, side, &a);
        assert!(!r.actions.is_empty());
        let mut last = u32::MAX;
        for t in &r.actions {
            let action = &q.sections[t.section].actions[t.action];
            assert!(
                action.who == Who::Both || action.who.includes(Some(side)),
                "{} for {side:?}",
                action.id
            );
            assert!(t.priority <= last, "ordered by weight x gap");
            last = t.priority;
        }
        // Every practice asked has an action at level 1 for this side.
        let scope = Scope::all(&q).side(Some(side));
        for s in scope.sections() {
            for (i, item) in scope.items(&q, s) {
                let has = r.actions.iter().any(|t| {
                    t.section == s && matches!(q.sections[s].actions[t.action].trigger, Trigger::ItemAtMost { item, .. } if item == i)
                });
                assert!(has, "{} has an action for {side:?}", item.id);
            }
        }
    }
    // Nothing at level 5 triggers an item action.
    let a = answers(&q, Perspective::BrandOwner, |_, _| Some(level(5)));
    assert!(report(&q, Perspective::BrandOwner, &a).actions.is_empty());
}

#[test]
fn a_critical_practice_at_level_two_always_shows_its_actions() {
    let mut doc = bundled();
    // Make every action of the first critical REL practice trigger at level 1 only.
    let item = doc["sections"][0]["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(doc["sections"][0]["items"][0]["critical"], json!(true));
    for a in doc["sections"][0]["actions"].as_array_mut().unwrap() {
        if a["when"]["item"] == json!(item) {
            a["when"]["at_most"] = json!(1);
        }
    }
    let q = parse_questionnaire(&doc.to_string()).unwrap();
    let a = answers(&q, Perspective::BrandOwner, |_, id| {
        Some(if id == item { level(2) } else { level(5) })
    });
    let r = report(&q, Perspective::BrandOwner, &a);
    assert!(
        r.section(0).unwrap().score.unwrap().band == 2,
        "the section is in Partnership"
    );
    assert!(
        !r.actions.is_empty(),
        "the critical practice's actions show anyway"
    );
    assert!(r.actions.iter().all(|t| t.section == 0));
}

#[test]
fn weakest_practices_list_every_critical_one_at_level_one_and_the_next_rung() {
    let q = default_questionnaire().unwrap();
    let a = answers(&q, Perspective::BrandOwner, |_, _| Some(level(1)));
    let r = report(&q, Perspective::BrandOwner, &a);
    let critical = Scope::all(&q)
        .side(Some(Perspective::BrandOwner))
        .sections()
        .flat_map(|s| {
            q.sections[s]
                .items
                .iter()
                .filter(|i| i.critical && i.who.includes(Some(Perspective::BrandOwner)))
                .collect::<Vec<_>>()
        })
        .count();
    assert!(critical > q.scoring.weakest_items);
    assert_eq!(r.weakest.len(), critical);
    assert!(r
        .weakest
        .iter()
        .all(|w| w.critical && w.next_level() == Level::new(2)));
    // "Don't know" answers are things to find out.
    let a = answers(&q, Perspective::BrandOwner, |s, _| {
        Some(if s == "MOT" {
            Answer::DontKnow
        } else {
            level(3)
        })
    });
    let r = report(&q, Perspective::BrandOwner, &a);
    assert_eq!(
        r.dont_know.len(),
        q.sections[1]
            .items
            .iter()
            .filter(|i| i.who.includes(Some(Perspective::BrandOwner)))
            .count()
    );
}

#[test]
fn the_new_fields_are_validated_with_located_errors() {
    let base = bundled();
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 9] = [
        (
            |d| d["sections"][0]["actions"][0]["when"]["item"] = json!("NOPE"),
            "sections[0].actions[0].when.item: no item of this section has the id \"NOPE\"",
        ),
        (
            |d| {
                d["sections"][0]["actions"][0]["when"]
                    .as_object_mut()
                    .unwrap()
                    .remove("at_most");
            },
            "sections[0].actions[0].when.at_most: missing",
        ),
        (
            |d| d["sections"][0]["actions"][0]["when"]["at_most"] = json!(5),
            "sections[0].actions[0].when.at_most: 5 is not a level from 1 to 4",
        ),
        (
            |d| d["sections"][0]["actions"][0]["who"] = json!("everyone"),
            "sections[0].actions[0].who: \"everyone\" is not one of",
        ),
        (
            |d| d["sections"][0]["items"][0]["critical"] = json!(false),
            "sections[0].items[0].critical: an item is critical exactly when its weight is 3",
        ),
        (
            |d| {
                d["scoring"]["trust_gate"]
                    .as_object_mut()
                    .unwrap()
                    .remove("critical_at_most");
            },
            "scoring.trust_gate.critical_at_most: missing",
        ),
        (
            |d| d["scoring"]["trust_gate"]["at_risk_cap_band"] = json!("gold"),
            "scoring.trust_gate.at_risk_cap_band: no band has the id \"gold\"",
        ),
        (
            |d| d["scoring"]["bands"][1]["min_mean_level"] = json!(3.0),
            "scoring.bands[1].min_mean_level: 40 % is a mean level of 2.6, not 3.0",
        ),
        (
            |d| d["migrations"][0]["split"]["REL4"] = json!(["REL4A", "REL4Z"]),
            "migrations[0].split.REL4: no item has the id \"REL4Z\"",
        ),
    ];
    assert!(errors(&base).is_empty());
    for (edit, want) in cases {
        let mut doc = base.clone();
        edit(&mut doc);
        let got = errors(&doc);
        assert!(
            got.iter().any(|e| e.starts_with(want)),
            "want {want:?}, got {got:?}"
        );
    }
    let mut doc = base.clone();
    doc["sections"][3]["actions"][0]["when"] =
        json!({"band": "transactional", "item": "TRU3", "at_most": 2});
    assert!(errors(&doc)
        .iter()
        .any(|e| e.starts_with("sections[3].actions[0].when: give either")));
}

// ---------------------------------------------------------------------------------------------
// Version 1 data, made with the version-1 release (tests/fixtures/v1), opens in version 2.

fn v1_storage() -> std::collections::BTreeMap<String, String> {
    serde_json::from_str(&fixture("local-storage.json")).unwrap()
}

const SPLITS: [(&str, [&str; 2]); 6] = [
    ("REL4", ["REL4A", "REL4B"]),
    ("MOT7", ["MOT7A", "MOT7B"]),
    ("CHO2", ["CHO2A", "CHO2B"]),
    ("TRU1", ["TRU1B", "TRU1D"]),
    ("TRU2", ["TRU2B", "TRU2D"]),
    ("TRU4", ["TRU4B", "TRU4D"]),
];

/// Every v1 answer is still there: unchanged ids keep theirs, split ones went to each part.
fn assert_carried(v1: &serde_json::Map<String, Value>, a: &Answers) {
    for (id, code) in v1 {
        let want = Answer::from_code(code.as_str().unwrap()).unwrap();
        match SPLITS.iter().find(|(old, _)| old == id) {
            Some((_, parts)) => {
                for p in parts {
                    assert_eq!(a.get(p), Some(want), "{id} -> {p}");
                }
                assert_eq!(a.get(id), None, "{id} moved");
            }
            None => assert_eq!(a.get(id), Some(want), "{id} kept"),
        }
    }
}

#[test]
fn stored_v1_records_open_with_every_answer_and_the_new_questions_first() {
    let q = default_questionnaire().unwrap();
    assert_eq!(q.version, 2);
    let store = v1_storage();
    let current = &store["dra.current"];
    for (key, text) in store.iter().filter(|(k, _)| k.starts_with("dra.record.")) {
        let raw: Value = serde_json::from_str(text).unwrap();
        let a = assessment::decode_record(text, &q).unwrap_or_else(|e| panic!("{key}: {e}"));
        assert_eq!(a.questionnaire_version, 2);
        assert_eq!(a.upgraded_from, Some(1));
        assert_carried(raw["answers"].as_object().unwrap(), &a.answers);
        let new: Vec<&str> = a
            .new_questions(&q, &Scope::all(&q))
            .iter()
            .map(|r| q.item(*r).id.as_str())
            .collect();
        assert_eq!(new, ["REL9", "MOT8", "CHO9"], "{key}");
        // Taken to the first new question's page.
        assert_eq!(a.step, assessment::Step::Section(0), "{key}");
        // Saved again, it is a version-2 record that opens unchanged (and is no longer "new").
        let again = assessment::decode_record(&assessment::encode_record(&a, &q), &q).unwrap();
        assert_eq!(again.answers, a.answers);
        assert_eq!(again.upgraded_from, None);
        if key.ends_with(current.as_str()) {
            assert!(a.completed_ms.is_none());
        } else {
            assert!(a.completed_ms.is_some());
            let r = score(&q, &a.answers, &a.asked(&Scope::all(&q)));
            assert!(r.overall.score.is_some(), "the completed one still scores");
        }
    }
}

#[test]
fn a_v1_export_file_imports_every_record() {
    let q = default_questionnaire().unwrap();
    let text = fixture("export.json");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let report = assessment::exchange::import_json(&text, &q).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(report.records.len(), 2);
    for (a, r) in report
        .records
        .iter()
        .zip(raw["records"].as_array().unwrap())
    {
        assert_eq!(a.id, r["id"].as_str().unwrap());
        assert_carried(r["answers"].as_object().unwrap(), &a.answers);
    }
}

#[test]
fn a_v1_share_link_shows_its_scores() {
    let q = default_questionnaire().unwrap();
    let payload = fixture("share-link.txt");
    let shared = assessment::share::decode_share(payload.trim(), &q).unwrap();
    assert_eq!(shared.perspective, Some(Perspective::BrandOwner));
    // The same answers as the completed stored record the link was made from.
    let store = v1_storage();
    let done = store.iter().find(|(k, _)| k.contains("v1-done")).unwrap().1;
    let raw: Value = serde_json::from_str(done).unwrap();
    assert_carried(raw["answers"].as_object().unwrap(), &shared.answers);
    let r = score(
        &q,
        &shared.answers,
        &Scope::all(&q).side(shared.perspective),
    );
    assert!(r.overall.score.is_some());
}

#[test]
fn a_v1_workshop_opens_with_all_its_participants() {
    let q = default_questionnaire().unwrap();
    let w = assessment::workshop::decode_workshop(&fixture("workshop-record.json"), &q).unwrap();
    assert_eq!(w.participants.len(), 6);
    assert_eq!(w.name, "Q4 review, Hamburg");
    let report = assessment::workshop::aggregate(&q, &Scope::all(&q), &w.participants);
    assert_eq!(report.all.respondents, 6);
    assert_eq!((report.brand_owner_count, report.distributor_count), (3, 3));
    for p in &w.participants {
        assert_eq!(p.answers.get("TRU1B"), p.answers.get("TRU1D"));
        assert!(p.answers.get("TRU1B").is_some());
    }
    // Perception gaps only on items asked of both sides.
    assert!(report
        .item_gaps
        .iter()
        .all(|g| q.item(g.item).who == Who::Both));
}
