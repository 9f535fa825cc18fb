//! Two sides of one relationship: a brand owner's and a distributor's assessment side by side.
//!
//! Unlike a workshop, there is no minimum group size: both people chose to share. Each side's
//! section scores are its own (over what that side is asked); items are compared only where
//! both sides are asked them. A perception gap uses the content file's workshop thresholds:
//! a section whose scores differ by `perception_gap_section_points` or more, an item whose
//! levels differ by `perception_gap_item_tenths` tenths of a level or more.

use crate::answers::{Answer, Perspective};
use crate::model::{Questionnaire, Scope, Who};
use crate::scoring::score;
use crate::wizard::{Assessment, ItemRef};

/// Which side sees it higher, from the two values (none when they are equal).
fn higher<T: Ord>(brand_owner: T, distributor: T) -> Option<Perspective> {
    match brand_owner.cmp(&distributor) {
        std::cmp::Ordering::Greater => Some(Perspective::BrandOwner),
        std::cmp::Ordering::Less => Some(Perspective::Distributor),
        std::cmp::Ordering::Equal => None,
    }
}

/// One section as each side scores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionSides {
    pub section: usize,
    pub brand_owner: Option<u32>,
    pub distributor: Option<u32>,
    /// The two scores differ by the section threshold or more.
    pub gap: bool,
}

impl SectionSides {
    /// The side that scores it higher, when both are scored and differ.
    pub fn higher(&self) -> Option<Perspective> {
        higher(self.brand_owner?, self.distributor?)
    }

    /// The difference in percentage points, when both are scored.
    pub fn difference(&self) -> Option<u32> {
        Some(self.brand_owner?.abs_diff(self.distributor?))
    }
}

/// One question asked of both sides, with each side's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemSides {
    pub item: ItemRef,
    pub brand_owner: Option<Answer>,
    pub distributor: Option<Answer>,
    /// Both gave a level, and the levels differ by the item threshold or more.
    pub gap: bool,
}

impl ItemSides {
    /// Both sides' levels, when both gave one.
    pub fn levels(&self) -> Option<(u8, u8)> {
        match (self.brand_owner?, self.distributor?) {
            (Answer::Level(b), Answer::Level(d)) => Some((b.get(), d.get())),
            _ => None,
        }
    }

    /// The side that sees it higher, when both gave a level and they differ.
    pub fn higher(&self) -> Option<Perspective> {
        self.levels().and_then(|(b, d)| higher(b, d))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoSides {
    pub brand_owner_id: String,
    pub distributor_id: String,
    pub sections: Vec<SectionSides>,
    /// The questions asked of both sides, in content order.
    pub items: Vec<ItemSides>,
    pub overall_brand_owner: Option<u32>,
    pub overall_distributor: Option<u32>,
}

impl TwoSides {
    /// The items flagged as perception gaps, widest first (then in content order).
    pub fn item_gaps(&self) -> Vec<&ItemSides> {
        let mut gaps: Vec<&ItemSides> = self.items.iter().filter(|i| i.gap).collect();
        crate::lean::sort_by_key(&mut gaps, |i| {
            std::cmp::Reverse(i.levels().map_or(0, |(b, d)| b.abs_diff(d)))
        });
        gaps
    }

    /// The number of sections flagged as perception gaps.
    pub fn section_gaps(&self) -> usize {
        self.sections.iter().filter(|s| s.gap).count()
    }
}

/// Puts `a` and `b` side by side when one is a brand owner's and the other a distributor's
/// (in either order); `None` otherwise.
pub fn two_sides(
    q: &Questionnaire,
    scope: &Scope,
    a: &Assessment,
    b: &Assessment,
) -> Option<TwoSides> {
    let (bo, d) = match (a.perspective?, b.perspective?) {
        (Perspective::BrandOwner, Perspective::Distributor) => (a, b),
        (Perspective::Distributor, Perspective::BrandOwner) => (b, a),
        _ => return None,
    };
    let rules = &q.scoring.workshop;
    let rb = score(q, &bo.answers, &bo.asked(scope));
    let rd = score(q, &d.answers, &d.asked(scope));
    let sections = rb
        .sections
        .iter()
        .zip(&rd.sections)
        .map(|(x, y)| {
            let (b, d) = (x.score.map(|s| s.percent), y.score.map(|s| s.percent));
            SectionSides {
                section: x.section,
                brand_owner: b,
                distributor: d,
                gap: matches!((b, d), (Some(b), Some(d)) if b.abs_diff(d) >= rules.perception_gap_section_points),
            }
        })
        .collect();
    let mut items = Vec::new();
    for s in scope.sections() {
        for (i, item) in scope.items(q, s).filter(|(_, it)| it.who == Who::Both) {
            let mut row = ItemSides {
                item: ItemRef {
                    section: s,
                    item: i,
                },
                brand_owner: item.effective(bo.answers.get(&item.id)),
                distributor: item.effective(d.answers.get(&item.id)),
                gap: false,
            };
            row.gap = row.levels().is_some_and(|(b, d)| {
                u32::from(b.abs_diff(d)) * 10 >= rules.perception_gap_item_tenths
            });
            items.push(row);
        }
    }
    Some(TwoSides {
        brand_owner_id: bo.id.clone(),
        distributor_id: d.id.clone(),
        sections,
        items,
        overall_brand_owner: rb.overall.score.map(|s| s.percent),
        overall_distributor: rd.overall.score.map(|s| s.percent),
    })
}
