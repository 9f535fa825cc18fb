//! Scoring, as questionnaire version 2's rules define it (`shared/design/questionnaire-v2.md`).
//!
//! Only the items asked of the respondent's side count ([`Scope::asks`]). For a section with
//! answered items `i` (a level 1-5; "not applicable" and "don't know" left out):
//!
//! ```text
//! section ratio = sum(w_i * (level_i - 1)) / sum(w_i * 4)
//! overall ratio = sum(W_s * ratio_s) / sum(W_s)     over the scored, enabled sections s
//! displayed %   = round_half_up(100 * ratio)        computed from the exact ratio, once
//! ```
//!
//! where `w_i` is the item weight (3 critical, 2 important, 1 supporting) and `W_s` the section
//! weight. Level 1 is 0 %, level 5 is 100 %.
//!
//! - **Enough answers**: a section is scored only when at least `ceil(asked * fraction)` of its
//!   asked items have a level (three quarters in version 2) and, when the rules say so, every
//!   critical item asked is rated; otherwise "not enough answers", naming the critical ones open.
//! - "Not applicable" on an item that offers none counts as no answer.
//! - Bands are decided on the displayed whole number.
//! - **Trust is the foundation**: the overall band is never above the gate section's band; "at
//!   risk" when the gate section is below its threshold or one of its critical practices is at
//!   the gate's level or below (band capped at `at_risk_cap_band`); gate section not scored:
//!   "trust not assessed" (capped at `not_assessed_cap_band`). The report says which rule capped.
//! - **Weakest practices**: rated items ranked by `weight * (5 - level)` (weight x gap), highest
//!   first; ties go to the tie-break section (Trust), then content order. Every critical item at
//!   level 1 is listed, even beyond the usual number.
//! - **Actions** for the respondent's side: an item's action when the item is rated at its level
//!   or below (a critical item at `critical_actions_at_most` or below always), a band action when
//!   its section is in that band; ordered by the item's weight x gap (band actions after the
//!   item actions, lowest section first), then content order.

use crate::answers::{Answer, Answers, Level};
use crate::model::{Questionnaire, Scope, Trigger};
use crate::ratio::Ratio;
use crate::wizard::ItemRef;

/// How a section's asked items were answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Items in the section asked of the respondent.
    pub items: usize,
    /// Items answered with a level 1-5.
    pub rated: usize,
    pub not_applicable: usize,
    pub dont_know: usize,
    pub unanswered: usize,
}

/// A score: the exact ratio, the displayed percentage and the band it falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub ratio: Ratio,
    pub percent: u32,
    /// Index into the questionnaire's bands.
    pub band: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionReport {
    /// Index into the questionnaire's sections.
    pub section: usize,
    pub counts: Counts,
    /// How many items need a level for the section to be scored.
    pub required: usize,
    /// Critical items asked but not rated (indices within the section), when they must be.
    pub critical_open: Vec<usize>,
    /// `None`: not enough answers.
    pub score: Option<Score>,
}

/// The state of the trust gate for the overall result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustGate {
    /// The gate section is scored, at or above the threshold, no critical practice at risk.
    Passed,
    /// The relationship is at risk (see [`Overall::risks`]).
    AtRisk,
    /// The gate section had too few answers: "trust not assessed".
    NotAssessed,
    /// The content has no gate, or the gate section is not enabled.
    Off,
}

/// Why the relationship is at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Risk {
    /// The gate section's displayed percentage is below the threshold.
    LowTrust { percent: u32, below: u32 },
    /// A critical practice of the gate section is rated at the gate's level or below.
    Critical { item: ItemRef, level: Level },
}

/// Which rule lowered the overall band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// Never above the Trust band.
    TrustBand,
    AtRisk,
    NotAssessed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overall {
    /// `None` when no section could be scored. The band here is already capped.
    pub score: Option<Score>,
    /// The band the percentage alone would give.
    pub uncapped_band: Option<usize>,
    /// Why the band is lower than the percentage alone gives; `None` when it is not.
    pub cap: Option<Cap>,
    pub sections_scored: usize,
    pub sections_enabled: usize,
    pub trust: TrustGate,
    pub risks: Vec<Risk>,
}

impl Overall {
    /// Whether a rule lowered the band.
    pub fn capped(&self) -> bool {
        self.cap.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeakItem {
    pub section: usize,
    pub item: usize,
    pub level: Level,
    /// `weight * (5 - level)`.
    pub priority: u32,
    pub critical: bool,
}

impl WeakItem {
    /// The next level up (the "next rung"): what it takes to get there is its level text.
    pub fn next_level(&self) -> Option<Level> {
        Level::new(self.level.get() + 1)
    }
}

/// An action triggered for this respondent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggeredAction {
    pub section: usize,
    /// Index into the section's actions.
    pub action: usize,
    /// The weight x gap of the item that triggered it; 0 for a band action.
    pub priority: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// One per enabled section with items asked, in content order.
    pub sections: Vec<SectionReport>,
    pub overall: Overall,
    pub weakest: Vec<WeakItem>,
    /// The actions for the respondent's side, in the order to take them.
    pub actions: Vec<TriggeredAction>,
    /// Items answered "Don't know": things to find out, in content order.
    pub dont_know: Vec<ItemRef>,
}

impl Report {
    pub fn section(&self, section: usize) -> Option<&SectionReport> {
        self.sections.iter().find(|s| s.section == section)
    }
}

/// Scores `answers` against `q`, over the sections and the side in `scope`.
pub fn score(q: &Questionnaire, answers: &Answers, scope: &Scope) -> Report {
    let rules = &q.scoring;
    let mut sections = Vec::new();
    let mut dont_know = Vec::new();
    for s in scope.sections() {
        let mut counts = Counts::default();
        let mut critical_open = Vec::new();
        let (mut num, mut den) = (0u128, 0u128);
        for (i, item) in scope.items(q, s) {
            counts.items += 1;
            let answer = item.effective(answers.get(&item.id));
            match answer {
                Some(Answer::Level(l)) => {
                    counts.rated += 1;
                    num += u128::from(item.weight) * u128::from(l.get() - 1);
                    den += u128::from(item.weight) * 4;
                }
                Some(Answer::NotApplicable) => counts.not_applicable += 1,
                Some(Answer::DontKnow) => {
                    counts.dont_know += 1;
                    dont_know.push(ItemRef {
                        section: s,
                        item: i,
                    });
                }
                None => counts.unanswered += 1,
            }
            if item.critical && rules.all_critical_rated && answer.and_then(Answer::level).is_none()
            {
                critical_open.push(i);
            }
        }
        if counts.items == 0 {
            continue;
        }
        let required = rules.min_rated(counts.items).max(1);
        let score = if counts.rated >= required && critical_open.is_empty() {
            Ratio::new(num, den).map(|ratio| {
                let percent = ratio.round_percent();
                Score {
                    ratio,
                    percent,
                    band: rules.band_of(percent),
                }
            })
        } else {
            None
        };
        sections.push(SectionReport {
            section: s,
            counts,
            required,
            critical_open,
            score,
        });
    }

    let overall = overall(q, answers, scope, &sections);
    let weakest = weakest(q, answers, scope, &sections);
    let actions = actions(q, answers, scope, &sections);
    Report {
        sections,
        overall,
        weakest,
        actions,
        dont_know,
    }
}

fn overall(
    q: &Questionnaire,
    answers: &Answers,
    scope: &Scope,
    sections: &[SectionReport],
) -> Overall {
    let rules = &q.scoring;
    let parts: Vec<(u128, Ratio)> = sections
        .iter()
        .filter_map(|r| {
            r.score
                .map(|sc| (u128::from(q.sections[r.section].weight), sc.ratio))
        })
        .collect();
    let gate = rules
        .trust_gate
        .as_ref()
        .filter(|g| sections.iter().any(|r| r.section == g.section));
    let trust_score = gate.and_then(|g| {
        sections
            .iter()
            .find(|r| r.section == g.section)
            .and_then(|r| r.score)
    });
    let mut risks = Vec::new();
    if let (Some(g), Some(sc)) = (gate, trust_score) {
        if sc.percent < g.below_percent {
            risks.push(Risk::LowTrust {
                percent: sc.percent,
                below: g.below_percent,
            });
        }
    }
    if let Some(g) = gate {
        for (i, item) in scope.items(q, g.section) {
            if let Some(Answer::Level(level)) = item.effective(answers.get(&item.id)) {
                if item.critical && level.get() <= g.critical_at_most {
                    risks.push(Risk::Critical {
                        item: ItemRef {
                            section: g.section,
                            item: i,
                        },
                        level,
                    });
                }
            }
        }
    }
    let trust = match (gate, trust_score) {
        (None, _) => TrustGate::Off,
        _ if !risks.is_empty() => TrustGate::AtRisk,
        (Some(_), None) => TrustGate::NotAssessed,
        (Some(_), Some(_)) => TrustGate::Passed,
    };
    let mut cap = None;
    let mut uncapped_band = None;
    let score = Ratio::weighted_mean(&parts).map(|ratio| {
        let percent = ratio.round_percent();
        let mut band = rules.band_of(percent);
        uncapped_band = Some(band);
        // Each rule that applies lowers the band to its limit; the lowest limit is the reason.
        let mut limits: Vec<(usize, Cap)> = Vec::new();
        if let Some(g) = gate {
            if let Some(sc) = trust_score {
                limits.push((sc.band, Cap::TrustBand));
            }
            match trust {
                TrustGate::AtRisk => limits.push((g.at_risk_cap_band, Cap::AtRisk)),
                TrustGate::NotAssessed => limits.push((g.not_assessed_cap_band, Cap::NotAssessed)),
                _ => {}
            }
        }
        for (limit, why) in limits {
            if band > limit {
                band = limit;
                cap = Some(why);
            }
        }
        Score {
            ratio,
            percent,
            band,
        }
    });
    Overall {
        score,
        uncapped_band,
        cap,
        sections_scored: parts.len(),
        sections_enabled: sections.len(),
        trust,
        risks,
    }
}

fn weakest(
    q: &Questionnaire,
    answers: &Answers,
    scope: &Scope,
    sections: &[SectionReport],
) -> Vec<WeakItem> {
    let rules = &q.scoring;
    let mut weak: Vec<WeakItem> = Vec::new();
    for report in sections {
        for (i, item) in scope.items(q, report.section) {
            if let Some(Answer::Level(level)) = item.effective(answers.get(&item.id)) {
                let priority = item.weight * u32::from(Level::MAX - level.get());
                if priority > 0 {
                    weak.push(WeakItem {
                        section: report.section,
                        item: i,
                        level,
                        priority,
                        critical: item.critical,
                    });
                }
            }
        }
    }
    let tie = rules.tie_break_section;
    crate::lean::sort_by_key(&mut weak, |w| {
        (
            std::cmp::Reverse(w.priority),
            Some(w.section) != tie,
            w.section,
            w.item,
        )
    });
    let must = weak
        .iter()
        .filter(|w| w.critical && w.level.get() == Level::MIN)
        .count();
    weak.truncate(rules.weakest_items.max(must));
    weak
}

fn actions(
    q: &Questionnaire,
    answers: &Answers,
    scope: &Scope,
    sections: &[SectionReport],
) -> Vec<TriggeredAction> {
    let rules = &q.scoring;
    let side = scope.perspective();
    let mut out: Vec<(TriggeredAction, u32)> = Vec::new();
    for report in sections {
        let section = &q.sections[report.section];
        for (a, action) in section.actions.iter().enumerate() {
            if !action.who.includes(side) {
                continue;
            }
            let priority = match action.trigger {
                Trigger::ItemAtMost { item, level } => {
                    let it = &section.items[item];
                    if !scope.asks(it) {
                        continue;
                    }
                    let at_most = if it.critical {
                        level.max(rules.critical_actions_at_most)
                    } else {
                        level
                    };
                    match it.effective(answers.get(&it.id)) {
                        Some(Answer::Level(l)) if l.get() <= at_most => {
                            it.weight * u32::from(Level::MAX - l.get())
                        }
                        _ => continue,
                    }
                }
                Trigger::Band(b) => match report.score {
                    Some(sc) if sc.band == b => 0,
                    _ => continue,
                },
            };
            let section_percent = report.score.map_or(0, |sc| sc.percent);
            out.push((
                TriggeredAction {
                    section: report.section,
                    action: a,
                    priority,
                },
                section_percent,
            ));
        }
    }
    let tie = rules.tie_break_section;
    crate::lean::sort_by_key(&mut out, |(t, percent)| {
        (
            std::cmp::Reverse(t.priority),
            // Band actions: lowest section first.
            if t.priority == 0 { *percent } else { 0 },
            Some(t.section) != tie,
            t.section,
            t.action,
        )
    });
    out.into_iter().map(|(t, _)| t).collect()
}
