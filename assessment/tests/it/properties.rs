//! Properties of scoring and aggregation that hold for any answers: percentages in range, the
//! overall band never above the Trust band, caps only with their reason, means within the
//! levels, and counts that add up.

use assessment::workshop::{aggregate, Group, Participant};
use assessment::{score, Cap, Perspective, Scope, TrustGate};
use proptest::prelude::*;

use crate::generators::{answers, perspective, q, runner_with};

/// Any choice of enabled sections (at least one, as `Scope::only` gives) and any side.
fn scope() -> impl Strategy<Value = Scope> {
    (proptest::collection::vec(any::<bool>(), 4), perspective()).prop_map(|(on, side)| {
        let ids: Vec<&str> = q()
            .sections
            .iter()
            .zip(on)
            .filter(|(_, on)| *on)
            .map(|(s, _)| s.id.as_str())
            .collect();
        Scope::only(q(), &ids).side(side)
    })
}

#[test]
fn scores_keep_their_promises() {
    let gate = q().scoring.trust_gate.clone().unwrap();
    runner_with(50_000)
        .run(&(answers(), scope()), |(answers, scope)| {
            let r = score(q(), &answers, &scope);
            for s in &r.sections {
                let c = s.counts;
                prop_assert_eq!(
                    c.rated + c.not_applicable + c.dont_know + c.unanswered,
                    c.items
                );
                if let Some(sc) = s.score {
                    prop_assert!(sc.percent <= 100, "{sc:?}");
                    prop_assert_eq!(sc.band, q().scoring.band_of(sc.percent));
                    prop_assert!(c.rated >= s.required && s.critical_open.is_empty());
                }
            }
            let o = &r.overall;
            let trust = r.section(gate.section).and_then(|s| s.score);
            prop_assert_eq!(o.trust == TrustGate::AtRisk, !o.risks.is_empty());
            if let Some(sc) = o.score {
                prop_assert!(sc.percent <= 100, "{sc:?}");
                let uncapped = o.uncapped_band.unwrap();
                prop_assert_eq!(uncapped, q().scoring.band_of(sc.percent));
                // Never above the Trust band.
                if let Some(t) = trust {
                    prop_assert!(sc.band <= t.band, "{sc:?} above {t:?}");
                }
                // A cap lowers the band, and only with its reason.
                match o.cap {
                    None => prop_assert_eq!(sc.band, uncapped),
                    Some(cap) => {
                        prop_assert!(sc.band < uncapped);
                        prop_assert!(o.trust != TrustGate::Off, "a cap without the gate");
                        match cap {
                            Cap::TrustBand => prop_assert_eq!(Some(sc.band), trust.map(|t| t.band)),
                            Cap::AtRisk => {
                                prop_assert_eq!(o.trust, TrustGate::AtRisk);
                                prop_assert_eq!(sc.band, gate.at_risk_cap_band);
                            }
                            Cap::NotAssessed => {
                                prop_assert_eq!(o.trust, TrustGate::NotAssessed);
                                prop_assert_eq!(sc.band, gate.not_assessed_cap_band);
                            }
                        }
                    }
                }
                match o.trust {
                    TrustGate::AtRisk => prop_assert!(sc.band <= gate.at_risk_cap_band),
                    TrustGate::NotAssessed => {
                        prop_assert!(sc.band <= gate.not_assessed_cap_band)
                    }
                    _ => {}
                }
            } else {
                prop_assert!(o.cap.is_none() && o.uncapped_band.is_none());
                prop_assert_eq!(o.sections_scored, 0);
            }
            Ok(())
        })
        .unwrap();
}

fn participants() -> impl Strategy<Value = Vec<Participant>> {
    proptest::collection::vec((perspective(), answers()), 0..10).prop_map(|people| {
        people
            .into_iter()
            .enumerate()
            .map(|(n, (perspective, answers))| Participant {
                key: format!("p{n}"),
                label: String::new(),
                perspective,
                answers,
            })
            .collect()
    })
}

/// Means, medians and ranges of a group within what the levels and percentages allow.
fn check_group(g: &Group, people: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(g.respondents, people);
    for i in &g.items {
        prop_assert_eq!(i.rated() + i.not_applicable + i.dont_know, i.respondents);
        prop_assert!(i.respondents <= people);
        match (i.mean_tenths(), i.median_halves(), i.min(), i.max()) {
            (Some(mean), Some(median), Some(lo), Some(hi)) => {
                prop_assert!(lo <= hi && (1..=5).contains(&lo) && hi <= 5);
                // Within the levels given, so within 1.0 to 5.0.
                prop_assert!((10 * u32::from(lo)..=10 * u32::from(hi)).contains(&mean));
                prop_assert!((2 * u32::from(lo)..=2 * u32::from(hi)).contains(&median));
            }
            (None, None, None, None) => prop_assert_eq!(i.rated(), 0),
            other => prop_assert!(false, "{other:?}"),
        }
    }
    for s in &g.sections {
        prop_assert!(s.scored <= people);
        match (s.mean, s.median, s.min, s.max) {
            (Some(mean), Some(median), Some(lo), Some(hi)) => {
                prop_assert!(lo <= hi && hi <= 100);
                prop_assert!((lo..=hi).contains(&mean) && (lo..=hi).contains(&median));
            }
            (None, None, None, None) => prop_assert_eq!(s.scored, 0),
            other => prop_assert!(false, "{other:?}"),
        }
    }
    if let Some(overall) = g.overall {
        prop_assert!(overall <= 100);
    }
    Ok(())
}

#[test]
fn aggregates_keep_their_promises() {
    let min_group = q().scoring.workshop.min_group_size as usize;
    runner_with(10_000)
        .run(&participants(), |people| {
            let r = aggregate(q(), &Scope::all(q()), &people);
            check_group(&r.all, people.len())?;
            let count =
                |p: Option<Perspective>| people.iter().filter(|x| x.perspective == p).count();
            let unknown = count(None);
            prop_assert_eq!(r.brand_owner_count, count(Some(Perspective::BrandOwner)));
            prop_assert_eq!(r.distributor_count, count(Some(Perspective::Distributor)));
            prop_assert_eq!(
                r.brand_owner_count + r.distributor_count + unknown,
                people.len()
            );
            // A side is shown exactly when it has enough respondents.
            prop_assert_eq!(r.brand_owner.is_some(), r.brand_owner_count >= min_group);
            prop_assert_eq!(r.distributor.is_some(), r.distributor_count >= min_group);
            if let Some(bo) = &r.brand_owner {
                check_group(bo, r.brand_owner_count)?;
            }
            if let Some(d) = &r.distributor {
                check_group(d, r.distributor_count)?;
            }
            // Both sides shown: each item's counts are the sides' counts (plus those of
            // respondents without a side).
            if let (Some(bo), Some(d)) = (&r.brand_owner, &r.distributor) {
                for ((all, b), d) in r.all.items.iter().zip(&bo.items).zip(&d.items) {
                    for l in 0..5 {
                        prop_assert!(b.counts[l] + d.counts[l] <= all.counts[l]);
                        if unknown == 0 {
                            prop_assert_eq!(b.counts[l] + d.counts[l], all.counts[l]);
                        }
                    }
                    if unknown == 0 {
                        prop_assert_eq!(b.respondents + d.respondents, all.respondents);
                        prop_assert_eq!(b.not_applicable + d.not_applicable, all.not_applicable);
                        prop_assert_eq!(b.dont_know + d.dont_know, all.dont_know);
                    }
                }
            } else {
                prop_assert!(r.item_gaps.is_empty() && r.section_gaps.is_empty());
            }
            prop_assert_eq!(r.band.is_some(), r.all.overall.is_some());
            if let (Some(band), Some(trust)) = (
                r.band,
                r.all
                    .section(q().scoring.trust_gate.as_ref().unwrap().section),
            ) {
                if let Some(mean) = trust.mean {
                    prop_assert!(band <= q().scoring.band_of(mean), "never above Trust");
                }
            }
            for &k in &r.divided {
                prop_assert!(
                    u32::from(r.all.items[k].span())
                        >= q().scoring.workshop.disagreement_span_levels
                );
            }
            Ok(())
        })
        .unwrap();
}
