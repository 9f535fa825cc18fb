//! A workshop's statistics. [`aggregate`] computes, in one pass over the participants (linear in
//! their number):
//!
//! - per item: respondents, the count at each level, not applicable and don't know, mean (shown
//!   to one decimal), median, minimum and maximum;
//! - per section: the mean, median, minimum and maximum of the participants' section scores
//!   (each computed as in [`crate::score`]), and the don't-know and not-applicable counts;
//! - the same for each perspective, but a side's breakdown is hidden (`None`) when it has fewer
//!   than `min_group_size` respondents, to keep people anonymous;
//! - divided items: answers spanning `disagreement_span_levels` levels or more (2 and 4 span 3),
//!   most divided first (widest span, then largest variance, then content order);
//! - perception gaps, only when both sides are shown and only on items both sides rated: items
//!   whose side means (as displayed, one decimal) differ by `perception_gap_item_tenths` tenths
//!   of a level or more, and sections whose side means (as displayed, whole percent) differ by
//!   `perception_gap_section_points` or more;
//! - the group's overall score (the weighted mean of the unrounded section means, rounded once),
//!   its band, and the trust gate,
//!   which puts the result at risk when the group's or either shown side's trust mean is below
//!   the gate.
//!
//! All thresholds come from the content file's `scoring.workshop` and `scoring.trust_gate`.

use crate::answers::{Answer, Perspective};
use crate::model::{Questionnaire, Scope};
use crate::ratio::{Ratio, RatioSum};
use crate::scoring::{score, TrustGate};
use crate::wizard::ItemRef;

use super::Participant;

/// How one item was answered across a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemStats {
    pub item: ItemRef,
    /// Participants who answered it at all (a level, not applicable or don't know).
    pub respondents: usize,
    /// Participants at each level, 1 to 5.
    pub counts: [usize; 5],
    pub not_applicable: usize,
    pub dont_know: usize,
    sum: u64,
    sum_sq: u64,
}

impl ItemStats {
    fn new(item: ItemRef) -> Self {
        Self {
            item,
            respondents: 0,
            counts: [0; 5],
            not_applicable: 0,
            dont_know: 0,
            sum: 0,
            sum_sq: 0,
        }
    }

    fn add(&mut self, a: Answer) {
        self.respondents += 1;
        match a {
            Answer::Level(l) => {
                let v = u64::from(l.get());
                self.counts[usize::from(l.get() - 1)] += 1;
                self.sum += v;
                self.sum_sq += v * v;
            }
            Answer::NotApplicable => self.not_applicable += 1,
            Answer::DontKnow => self.dont_know += 1,
        }
    }

    /// Participants who gave a level.
    pub fn rated(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The mean level in tenths, rounded half up (34 = 3.4).
    pub fn mean_tenths(&self) -> Option<u32> {
        let n = self.rated() as u64;
        (n > 0).then(|| u32::try_from((20 * self.sum + n) / (2 * n)).unwrap_or(u32::MAX))
    }

    /// The median level in halves (7 = 3.5).
    pub fn median_halves(&self) -> Option<u32> {
        let n = self.rated();
        if n == 0 {
            return None;
        }
        let nth = |k: usize| -> u32 {
            let mut seen = 0;
            for (level, c) in self.counts.iter().enumerate() {
                seen += c;
                if seen > k {
                    return level as u32 + 1;
                }
            }
            5
        };
        Some(if n % 2 == 1 {
            2 * nth(n / 2)
        } else {
            nth(n / 2 - 1) + nth(n / 2)
        })
    }

    pub fn min(&self) -> Option<u8> {
        self.counts.iter().position(|&c| c > 0).map(|i| i as u8 + 1)
    }

    pub fn max(&self) -> Option<u8> {
        self.counts
            .iter()
            .rposition(|&c| c > 0)
            .map(|i| i as u8 + 1)
    }

    /// How many levels the answers span: `max - min + 1` (0 with no levels).
    pub fn span(&self) -> u8 {
        match (self.min(), self.max()) {
            (Some(lo), Some(hi)) => hi - lo + 1,
            _ => 0,
        }
    }

    /// The variance of the levels as an exact fraction (numerator, denominator).
    fn variance(&self) -> (u128, u128) {
        let n = self.rated() as u128;
        if n == 0 {
            return (0, 1);
        }
        let (s, sq) = (u128::from(self.sum), u128::from(self.sum_sq));
        (n * sq - s * s, n * n)
    }
}

/// A section's scores across a group.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionStats {
    pub section: usize,
    /// Participants whose answers scored this section.
    pub scored: usize,
    pub mean: Option<u32>,
    pub median: Option<u32>,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub not_applicable: usize,
    pub dont_know: usize,
}

/// Statistics for a group of participants.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub respondents: usize,
    /// Every item of the enabled sections, in content order.
    pub items: Vec<ItemStats>,
    pub sections: Vec<SectionStats>,
    /// The weighted mean of the unrounded section means, rounded once to a whole percent.
    pub overall: Option<u32>,
}

impl Group {
    pub fn section(&self, section: usize) -> Option<&SectionStats> {
        self.sections.iter().find(|s| s.section == section)
    }

    pub fn item(&self, item: ItemRef) -> Option<&ItemStats> {
        self.items.iter().find(|s| s.item == item)
    }
}

/// A perception gap on one item: the two sides' means in tenths of a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemGap {
    pub item: ItemRef,
    pub brand_owner_tenths: u32,
    pub distributor_tenths: u32,
}

/// A perception gap on one section: the two sides' mean scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionGap {
    pub section: usize,
    pub brand_owner: u32,
    pub distributor: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopReport {
    pub all: Group,
    pub brand_owner_count: usize,
    pub distributor_count: usize,
    /// `None` when the side has fewer respondents than the minimum group size.
    pub brand_owner: Option<Group>,
    pub distributor: Option<Group>,
    /// Items of `all.items` (indices) whose answers span the disagreement threshold or more,
    /// most divided first.
    pub divided: Vec<usize>,
    pub item_gaps: Vec<ItemGap>,
    pub section_gaps: Vec<SectionGap>,
    /// The group's band (capped by the trust gate), when the overall could be computed.
    pub band: Option<usize>,
    pub trust: TrustGate,
}

/// The median of sorted scores, exactly: the middle one, or the mean of the middle two.
fn median(sorted: &[Ratio]) -> Option<Ratio> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Ratio::weighted_mean(&[(1, sorted[n / 2 - 1]), (1, sorted[n / 2])]),
    }
}

/// One participant, read once: their answer to each item shown and their score per section.
struct Row {
    perspective: Option<Perspective>,
    answers: Vec<Option<Answer>>,
    scores: Vec<Option<Ratio>>,
}

fn group<'a>(
    q: &Questionnaire,
    scope: &Scope,
    refs: &[ItemRef],
    rows: impl Iterator<Item = &'a Row>,
) -> Group {
    let mut items: Vec<ItemStats> = refs.iter().map(|r| ItemStats::new(*r)).collect();
    let sections: Vec<usize> = scope.sections().collect();
    let mut scores: Vec<Vec<Ratio>> = vec![Vec::new(); sections.len()];
    let mut sums: Vec<RatioSum> = vec![RatioSum::new(); sections.len()];
    let mut respondents = 0;
    for row in rows {
        respondents += 1;
        for (stats, a) in items.iter_mut().zip(&row.answers) {
            if let Some(a) = a {
                stats.add(*a);
            }
        }
        for ((values, sum), r) in scores.iter_mut().zip(&mut sums).zip(&row.scores) {
            if let Some(r) = r {
                values.push(*r);
                sum.add(*r);
            }
        }
    }
    // Every figure is computed exactly and rounded once, to a whole percent, half up.
    let sections: Vec<SectionStats> = sections
        .iter()
        .zip(scores.iter_mut())
        .zip(&sums)
        .map(|((&s, values), sum)| {
            crate::lean::sort(values);
            let own = items.iter().filter(|x| x.item.section == s);
            let (na, dk) = own.fold((0, 0), |(na, dk), x| {
                (na + x.not_applicable, dk + x.dont_know)
            });
            SectionStats {
                section: s,
                scored: values.len(),
                mean: sum.mean_percent(),
                median: median(values).map(Ratio::round_percent),
                min: values.first().map(|r| r.round_percent()),
                max: values.last().map(|r| r.round_percent()),
                not_applicable: na,
                dont_know: dk,
            }
        })
        .collect();
    // The overall is the weighted mean of the unrounded section means, rounded once.
    let weighted: Vec<(u128, &RatioSum)> = sections
        .iter()
        .zip(&sums)
        .map(|(s, sum)| (u128::from(q.sections[s.section].weight), sum))
        .collect();
    Group {
        respondents,
        items,
        sections,
        overall: RatioSum::weighted_mean_percent(&weighted),
    }
}

/// Aggregates the participants over the sections in `scope`.
pub fn aggregate(q: &Questionnaire, scope: &Scope, participants: &[Participant]) -> WorkshopReport {
    let rules = &q.scoring.workshop;
    let min_group = rules.min_group_size as usize;
    let refs: Vec<ItemRef> = scope
        .sections()
        .flat_map(|s| {
            (0..q.sections[s].items.len()).map(move |i| ItemRef {
                section: s,
                item: i,
            })
        })
        .collect();
    let rows: Vec<Row> = participants
        .iter()
        .map(|p| Row {
            perspective: p.perspective,
            // Only what the participant's side was asked counts.
            answers: refs
                .iter()
                .map(|r| {
                    let item = q.item(*r);
                    item.who
                        .includes(p.perspective)
                        .then(|| item.effective(p.answers.get(&item.id)))
                        .flatten()
                })
                .collect(),
            scores: {
                let report = score(q, &p.answers, &scope.side(p.perspective));
                scope
                    .sections()
                    .map(|s| report.section(s).and_then(|r| r.score).map(|sc| sc.ratio))
                    .collect()
            },
        })
        .collect();
    let all = group(q, scope, &refs, rows.iter());
    let side = |p: Perspective| rows.iter().filter(move |x| x.perspective == Some(p));
    let brand_owner_count = side(Perspective::BrandOwner).count();
    let distributor_count = side(Perspective::Distributor).count();
    let shown = |n: usize| n >= min_group.max(1);
    let brand_owner =
        shown(brand_owner_count).then(|| group(q, scope, &refs, side(Perspective::BrandOwner)));
    let distributor =
        shown(distributor_count).then(|| group(q, scope, &refs, side(Perspective::Distributor)));

    let mut divided: Vec<usize> = (0..all.items.len())
        .filter(|&i| u32::from(all.items[i].span()) >= rules.disagreement_span_levels)
        .collect();
    crate::lean::sort_by(&mut divided, |&a, &b| {
        let (x, y) = (&all.items[a], &all.items[b]);
        let (vx, dx) = x.variance();
        let (vy, dy) = y.variance();
        y.span()
            .cmp(&x.span())
            .then((vy * dx).cmp(&(vx * dy)))
            .then(a.cmp(&b))
    });

    let mut item_gaps = Vec::new();
    let mut section_gaps = Vec::new();
    if let (Some(bo), Some(d)) = (&brand_owner, &distributor) {
        // Perception gaps only on items asked of both sides.
        let both = |b: &ItemStats| q.item(b.item).who == crate::model::Who::Both;
        for (b, s) in bo.items.iter().zip(&d.items).filter(|(b, _)| both(b)) {
            if let (Some(x), Some(y)) = (b.mean_tenths(), s.mean_tenths()) {
                if x.abs_diff(y) >= rules.perception_gap_item_tenths {
                    item_gaps.push(ItemGap {
                        item: b.item,
                        brand_owner_tenths: x,
                        distributor_tenths: y,
                    });
                }
            }
        }
        crate::lean::sort_by_key(&mut item_gaps, |g| {
            std::cmp::Reverse(g.brand_owner_tenths.abs_diff(g.distributor_tenths))
        });
        for (b, s) in bo.sections.iter().zip(&d.sections) {
            if let (Some(x), Some(y)) = (b.mean, s.mean) {
                if x.abs_diff(y) >= rules.perception_gap_section_points {
                    section_gaps.push(SectionGap {
                        section: b.section,
                        brand_owner: x,
                        distributor: y,
                    });
                }
            }
        }
    }

    let trust = match &q.scoring.trust_gate {
        Some(gate) if scope.contains(gate.section) => {
            let means: Vec<Option<u32>> = [Some(&all), brand_owner.as_ref(), distributor.as_ref()]
                .into_iter()
                .flatten()
                .map(|g| g.section(gate.section).and_then(|s| s.mean))
                .collect();
            if means.iter().flatten().any(|&m| m < gate.below_percent) {
                TrustGate::AtRisk
            } else if means[0].is_none() {
                TrustGate::NotAssessed
            } else {
                TrustGate::Passed
            }
        }
        _ => TrustGate::Off,
    };
    // As for one respondent: never above the group's Trust band, and capped when at risk or
    // not assessed.
    let band = all.overall.map(|p| {
        let b = q.scoring.band_of(p);
        let Some(gate) = q
            .scoring
            .trust_gate
            .as_ref()
            .filter(|g| scope.contains(g.section))
        else {
            return b;
        };
        let trust_band = all
            .section(gate.section)
            .and_then(|s| s.mean)
            .map_or(b, |m| q.scoring.band_of(m));
        match trust {
            TrustGate::AtRisk => b.min(trust_band).min(gate.at_risk_cap_band),
            TrustGate::NotAssessed => b.min(gate.not_assessed_cap_band),
            _ => b.min(trust_band),
        }
    });
    WorkshopReport {
        all,
        brand_owner_count,
        distributor_count,
        brand_owner,
        distributor,
        divided,
        item_gaps,
        section_gaps,
        band,
        trust,
    }
}
