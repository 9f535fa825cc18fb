//! The scoring block and the actions: thresholds, bands, the trust gate, and each action's
//! trigger, all checked against the sections and bands they name.

use std::collections::BTreeSet;

use super::checks::Checker;
use super::raw::{RawAction, RawScoring, RawWhen};
use crate::model::{Action, Band, ScoringRules, Section, Trigger, TrustGateRule, WorkshopRules};

/// One action: its trigger names an item of its own section (with a level 1-4) or a band.
/// A level from 1 to `max`; `missing` is the message when it is absent (`None`: use `default`
/// without a word).
fn level(
    c: &mut Checker,
    path: &str,
    value: Option<u8>,
    max: u8,
    missing: Option<&str>,
    default: u8,
) -> u8 {
    match value {
        Some(l) if (1..=max).contains(&l) => l,
        Some(l) => {
            c.err(path, format!("{l} is not a level from 1 to {max}"));
            default
        }
        None => {
            if let Some(why) = missing {
                c.err(path, format!("missing: {why}"));
            }
            default
        }
    }
}

pub(super) fn action(
    c: &mut Checker,
    p: &str,
    ra: RawAction,
    section: &Section,
    rules: &ScoringRules,
    ids: &mut BTreeSet<String>,
) -> Action {
    let id = c.id(&format!("{p}.id"), ra.id, ids);
    let trigger = match c.required(&format!("{p}.when"), ra.when) {
        Some(RawWhen {
            item: Some(item),
            at_most,
            band: None,
        }) => {
            let index = section.items.iter().position(|i| i.id == item);
            if index.is_none() {
                c.err(
                    format!("{p}.when.item"),
                    format!("no item of this section has the id \"{item}\""),
                );
            }
            let level = level(
                c,
                &format!("{p}.when.at_most"),
                at_most,
                4,
                Some("the level (1-4) at or below which the action applies"),
                1,
            );
            Trigger::ItemAtMost {
                item: index.unwrap_or(0),
                level,
            }
        }
        Some(RawWhen {
            item: None,
            at_most: None,
            band: Some(band),
        }) => match rules.bands.iter().position(|b| b.id == band) {
            Some(b) => Trigger::Band(b),
            None => {
                c.err(
                    format!("{p}.when.band"),
                    format!("no band has the id \"{band}\""),
                );
                Trigger::Band(0)
            }
        },
        Some(_) => {
            c.err(
                format!("{p}.when"),
                "give either an item with at_most, or a band",
            );
            Trigger::Band(0)
        }
        None => Trigger::Band(0),
    };
    let who = c.who(&format!("{p}.who"), ra.who);
    let step = c.text(&format!("{p}.step"), ra.step);
    let horizon_days = c
        .required(&format!("{p}.horizon_days"), ra.horizon_days)
        .unwrap_or(90);
    if !(1..=730).contains(&horizon_days) {
        c.err(
            format!("{p}.horizon_days"),
            format!("{horizon_days} is not between 1 and 730"),
        );
    }
    Action {
        id,
        trigger,
        who,
        step,
        horizon_days,
    }
}

pub(super) fn validate_scoring(
    c: &mut Checker,
    rs: RawScoring,
    sections: &[Section],
) -> Option<ScoringRules> {
    let mut band_ids = BTreeSet::new();
    let mut bands = Vec::new();
    if rs.bands.is_empty() {
        c.err("scoring.bands", "at least one band is needed");
    }
    for (b, rb) in rs.bands.into_iter().enumerate() {
        let p = format!("scoring.bands[{b}]");
        let id = c.id(&format!("{p}.id"), rb.id, &mut band_ids);
        let name = c.text(&format!("{p}.name"), rb.name);
        let meaning = c.text(&format!("{p}.meaning"), rb.meaning);
        let min = c
            .required(&format!("{p}.min_percent"), rb.min_percent)
            .unwrap_or(0);
        if let Some(level) = rb.min_mean_level {
            // min_percent = (level - 1) / 4 * 100, so level = 1 + min_percent / 25; compared in
            // tenths, in whole numbers (no float formatting in the bundle).
            let expected = (100 + 4 * u64::from(min) + 5) / 10;
            let given = (level * 10.0).round().clamp(0.0, 1e6) as u64;
            if given != expected {
                let tenths = |t: u64| format!("{}.{}", t / 10, t % 10);
                c.err(
                    format!("{p}.min_mean_level"),
                    format!(
                        "{min} % is a mean level of {}, not {}",
                        tenths(expected),
                        tenths(given)
                    ),
                );
            }
        }
        bands.push(Band {
            id,
            name,
            meaning,
            min_percent: min,
        });
    }
    // Bands must cover 0-100 without gaps or overlaps: the first starts at 0, each later one
    // starts above the one before, and none starts above 100.
    if let Some(first) = bands.first() {
        if first.min_percent != 0 {
            c.err(
                "scoring.bands[0].min_percent",
                format!("the first band must start at 0, not {}", first.min_percent),
            );
        }
    }
    for (b, pair) in bands.windows(2).enumerate() {
        if pair[1].min_percent <= pair[0].min_percent {
            c.err(
                format!("scoring.bands[{}].min_percent", b + 1),
                format!(
                    "bands must be in increasing order: {} does not follow {}",
                    pair[1].min_percent, pair[0].min_percent
                ),
            );
        }
    }
    for (b, band) in bands.iter().enumerate() {
        if band.min_percent > 100 {
            c.err(
                format!("scoring.bands[{b}].min_percent"),
                format!("{} is above 100", band.min_percent),
            );
        }
    }
    let band_index = |id: &str| bands.iter().position(|b| b.id == id);
    let section_index = |id: &str| sections.iter().position(|s| s.id == id);

    let (num, den) = match rs.min_rated_fraction {
        Some(f) if f.denominator > 0 && f.numerator <= f.denominator => {
            (f.numerator, f.denominator)
        }
        Some(f) => {
            c.err(
                "scoring.min_rated_fraction",
                format!(
                    "{}/{} is not a fraction between 0 and 1",
                    f.numerator, f.denominator
                ),
            );
            (1, 2)
        }
        None => {
            c.err("scoring.min_rated_fraction", "missing");
            (1, 2)
        }
    };
    let trust_gate = match rs.trust_gate {
        None => None,
        Some(g) => {
            let section = section_index(&g.section);
            if section.is_none() {
                c.err(
                    "scoring.trust_gate.section",
                    format!("no section has the id \"{}\"", g.section),
                );
            }
            let mut cap = |field: &str, id: &str| {
                let b = band_index(id);
                if b.is_none() {
                    c.err(
                        format!("scoring.trust_gate.{field}"),
                        format!("no band has the id \"{id}\""),
                    );
                }
                b.unwrap_or(0)
            };
            let at_risk_cap_band = cap("at_risk_cap_band", &g.at_risk_cap_band);
            let not_assessed_cap_band = cap("not_assessed_cap_band", &g.not_assessed_cap_band);
            let critical_at_most = level(
                c,
                "scoring.trust_gate.critical_at_most",
                g.critical_at_most,
                5,
                Some(
                    "the level at or below which a critical practice puts the relationship at risk",
                ),
                1,
            );
            if g.below_percent > 100 {
                c.err(
                    "scoring.trust_gate.below_percent",
                    format!("{} is above 100", g.below_percent),
                );
            }
            Some(TrustGateRule {
                section: section.unwrap_or(0),
                below_percent: g.below_percent,
                critical_at_most,
                at_risk_cap_band,
                not_assessed_cap_band,
            })
        }
    };
    let critical_actions_at_most = level(
        c,
        "scoring.critical_actions_at_most",
        rs.critical_actions_at_most,
        4,
        None,
        2,
    );
    let tie_break_section = rs.tie_break_section.as_deref().and_then(|id| {
        let s = section_index(id);
        if s.is_none() {
            c.err(
                "scoring.tie_break_section",
                format!("no section has the id \"{id}\""),
            );
        }
        s
    });
    let workshop = match c.required("scoring.workshop", rs.workshop) {
        Some(w) => {
            if w.disagreement_span_levels == 0 || w.disagreement_span_levels > 5 {
                c.err(
                    "scoring.workshop.disagreement_span_levels",
                    "must be between 1 and 5",
                );
            }
            if w.perception_gap_item_tenths == 0 || w.perception_gap_item_tenths > 40 {
                c.err(
                    "scoring.workshop.perception_gap_item_tenths",
                    "must be between 1 and 40",
                );
            }
            if w.perception_gap_section_points == 0 || w.perception_gap_section_points > 100 {
                c.err(
                    "scoring.workshop.perception_gap_section_points",
                    "must be between 1 and 100",
                );
            }
            WorkshopRules {
                disagreement_span_levels: w.disagreement_span_levels,
                perception_gap_item_tenths: w.perception_gap_item_tenths,
                perception_gap_section_points: w.perception_gap_section_points,
                min_group_size: w.min_group_size,
            }
        }
        None => WorkshopRules {
            disagreement_span_levels: 3,
            perception_gap_item_tenths: 15,
            perception_gap_section_points: 15,
            min_group_size: 3,
        },
    };
    Some(ScoringRules {
        bands,
        min_rated_numerator: num,
        min_rated_denominator: den,
        all_critical_rated: rs.all_critical_rated,
        trust_gate,
        critical_actions_at_most,
        weakest_items: rs.weakest_items.unwrap_or(5),
        tie_break_section,
        workshop,
    })
}
