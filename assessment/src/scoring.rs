//! Scoring, exactly as the content brief defines it.
//!
//! For a section with answered items `i` (a level 1-5; "not applicable" and "don't know" left out):
//!
//! ```text
//! section ratio = sum(w_i * (level_i - 1)) / sum(w_i * 4)
//! overall ratio = sum(W_s * ratio_s) / sum(W_s)     over the scored, enabled sections s
//! displayed %   = round_half_up(100 * ratio)        computed from the exact ratio, once
//! ```
//!
//! where `w_i` is the item weight (3 critical, 2 important, 1 supporting) and `W_s` the section
//! weight (1 unless the content file says otherwise).
//!
//! - A section is scored only when at least `ceil(items * min_rated_fraction)` of its items have a
//!   level (half, rounded up: 4 of 7, 4 of 8). Otherwise it reads "not enough answers, based on X of Y".
//! - Bands are decided on the displayed whole number: with bands at 0/40/70, 39 is the lowest band,
//!   40 to 69 the middle one and 70 and above the top one.
//! - Trust gate: when the gate section is scored below the threshold (displayed number), the overall
//!   result is "at risk" and its band is capped; when the gate section is enabled but not scored,
//!   the overall says "trust not assessed" and is capped the same way.
//! - Weakest items: items with a level, ranked by `weight * (5 - level)`, highest first; ties go to
//!   the tie-break section (Trust), then content order. Items at level 5 are never weak.

use crate::answers::{Answer, Answers, Level};
use crate::model::{Questionnaire, Scope};
use crate::ratio::Ratio;

/// How a section's items were answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Items in the section.
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
    /// `None`: not enough answers.
    pub score: Option<Score>,
    /// Whether the section's recommended actions apply (its band is one of the action bands).
    pub show_actions: bool,
}

/// The state of the trust gate for the overall result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustGate {
    /// The gate section scored at or above the threshold.
    Passed,
    /// The gate section scored below the threshold: the overall is labelled "at risk".
    AtRisk,
    /// The gate section had too few answers: "trust not assessed".
    NotAssessed,
    /// The content has no gate, or the gate section is not enabled.
    Off,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overall {
    /// `None` when no section could be scored. The band here is already capped by the gate.
    pub score: Option<Score>,
    /// Whether the trust gate lowered the band.
    pub capped: bool,
    pub sections_scored: usize,
    pub sections_enabled: usize,
    pub trust: TrustGate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeakItem {
    pub section: usize,
    pub item: usize,
    pub level: Level,
    /// `weight * (5 - level)`.
    pub priority: u32,
    /// Whether to show the section's actions with it: the section is not in a band that hides
    /// actions (a section without a score shows them).
    pub show_actions: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// One per enabled section, in content order.
    pub sections: Vec<SectionReport>,
    pub overall: Overall,
    pub weakest: Vec<WeakItem>,
}

impl Report {
    pub fn section(&self, section: usize) -> Option<&SectionReport> {
        self.sections.iter().find(|s| s.section == section)
    }

    /// The first `n` recommended actions, as (section, action index): the actions of sections
    /// that show them, lowest-scoring section first.
    pub fn top_actions(&self, q: &Questionnaire, n: usize) -> Vec<(usize, usize)> {
        let mut sections: Vec<&SectionReport> =
            self.sections.iter().filter(|s| s.show_actions).collect();
        sections.sort_by_key(|s| (s.score.map_or(0, |sc| sc.ratio.round_percent()), s.section));
        sections
            .iter()
            .flat_map(|s| (0..q.sections[s.section].actions.len()).map(move |a| (s.section, a)))
            .take(n)
            .collect()
    }
}

/// Scores `answers` against `q`, over the sections in `scope`.
pub fn score(q: &Questionnaire, answers: &Answers, scope: &Scope) -> Report {
    let rules = &q.scoring;
    let mut sections = Vec::new();
    for s in scope.sections() {
        let section = &q.sections[s];
        let mut counts = Counts {
            items: section.items.len(),
            ..Counts::default()
        };
        let (mut num, mut den) = (0u128, 0u128);
        for item in &section.items {
            match answers.get(&item.id) {
                Some(Answer::Level(l)) => {
                    counts.rated += 1;
                    num += u128::from(item.weight) * u128::from(l.get() - 1);
                    den += u128::from(item.weight) * 4;
                }
                Some(Answer::NotApplicable) => counts.not_applicable += 1,
                Some(Answer::DontKnow) => counts.dont_know += 1,
                None => counts.unanswered += 1,
            }
        }
        let required = rules.min_rated(counts.items).max(1);
        let score = if counts.rated >= required {
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
        let show_actions = score.is_some_and(|sc| rules.action_bands.contains(&sc.band));
        sections.push(SectionReport {
            section: s,
            counts,
            required,
            score,
            show_actions,
        });
    }

    let overall = overall(q, scope, &sections);
    let weakest = weakest(q, answers, &sections);
    Report {
        sections,
        overall,
        weakest,
    }
}

fn overall(q: &Questionnaire, scope: &Scope, sections: &[SectionReport]) -> Overall {
    let rules = &q.scoring;
    let parts: Vec<(u128, Ratio)> = sections
        .iter()
        .filter_map(|r| {
            r.score
                .map(|sc| (u128::from(q.sections[r.section].weight), sc.ratio))
        })
        .collect();
    let trust = match &rules.trust_gate {
        Some(gate) if scope.contains(gate.section) => {
            match sections
                .iter()
                .find(|r| r.section == gate.section)
                .and_then(|r| r.score)
            {
                Some(sc) if sc.percent < gate.below_percent => TrustGate::AtRisk,
                Some(_) => TrustGate::Passed,
                None => TrustGate::NotAssessed,
            }
        }
        _ => TrustGate::Off,
    };
    let mut capped = false;
    let score = Ratio::weighted_mean(&parts).map(|ratio| {
        let percent = ratio.round_percent();
        let mut band = rules.band_of(percent);
        if let (Some(gate), TrustGate::AtRisk | TrustGate::NotAssessed) = (&rules.trust_gate, trust)
        {
            if band > gate.cap_band {
                band = gate.cap_band;
                capped = true;
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
        capped,
        sections_scored: parts.len(),
        sections_enabled: sections.len(),
        trust,
    }
}

fn weakest(q: &Questionnaire, answers: &Answers, sections: &[SectionReport]) -> Vec<WeakItem> {
    let rules = &q.scoring;
    let mut weak: Vec<WeakItem> = Vec::new();
    for report in sections {
        let show_actions = report.score.is_none() || report.show_actions;
        for (i, item) in q.sections[report.section].items.iter().enumerate() {
            if let Some(Answer::Level(level)) = answers.get(&item.id) {
                let priority = item.weight * u32::from(Level::MAX - level.get());
                if priority > 0 {
                    weak.push(WeakItem {
                        section: report.section,
                        item: i,
                        level,
                        priority,
                        show_actions,
                    });
                }
            }
        }
    }
    let tie = rules.tie_break_section;
    weak.sort_by_key(|w| {
        (
            std::cmp::Reverse(w.priority),
            Some(w.section) != tie,
            w.section,
            w.item,
        )
    });
    weak.truncate(rules.weakest_items);
    weak
}
