//! Many assessments: a one-line summary of each, and the comparison of two.

use crate::answers::{Answer, Perspective};
use crate::model::{Questionnaire, Scope};
use crate::scoring::{score, TrustGate};
use crate::wizard::{Assessment, ItemRef, Progress};

/// What the list of saved assessments shows for one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub label: String,
    pub perspective: Option<Perspective>,
    pub questionnaire_version: u32,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub completed_ms: Option<i64>,
    pub progress: Progress,
    /// Never taken to the results: "in progress, 5 of 30", with no score.
    pub draft: bool,
    /// Displayed overall percentage and band index, when it could be scored (never for a
    /// draft: a score from 5 answers of 30 would mislead).
    pub overall: Option<(u32, usize)>,
    pub at_risk: bool,
}

pub fn summarize(a: &Assessment, q: &Questionnaire) -> Summary {
    let scope = Scope::all(q);
    let report = score(q, &a.answers, &a.asked(&scope));
    let draft = a.completed_ms.is_none();
    Summary {
        id: a.id.clone(),
        label: a.label.clone(),
        perspective: a.perspective,
        questionnaire_version: a.questionnaire_version,
        created_ms: a.created_ms,
        updated_ms: a.updated_ms,
        completed_ms: a.completed_ms,
        progress: a.progress(q, &scope),
        draft,
        overall: report
            .overall
            .score
            .filter(|_| !draft)
            .map(|s| (s.percent, s.band)),
        at_risk: !draft && report.overall.trust == TrustGate::AtRisk,
    }
}

/// What a pair of assessments is compared for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    /// The same side at two times: what changed.
    OverTime,
    /// A brand owner's and a distributor's view of the relationship.
    TwoSides,
}

/// A pair from the two sides is read side by side; any other pair as a change over time.
pub fn pair_kind(a: &Assessment, b: &Assessment) -> PairKind {
    match (a.perspective, b.perspective) {
        (Some(x), Some(y)) if x != y => PairKind::TwoSides,
        _ => PairKind::OverTime,
    }
}

/// Newest first (by creation, then id, so that the order never depends on the input's).
fn newest_first<'a>(assessments: &[&'a Assessment]) -> Vec<&'a Assessment> {
    let mut sorted: Vec<&Assessment> = assessments.to_vec();
    crate::lean::sort_by(&mut sorted, |a, b| {
        (b.created_ms, &b.id).cmp(&(a.created_ms, &a.id))
    });
    sorted
}

/// The two assessments to compare over time by default, older first: the latest two with the
/// same name and the same side, finished ones before drafts (a draft is compared only when a
/// group has fewer than two finished); the group whose newest member is the newest wins. With
/// no such pair, the latest two of one side, then the latest two overall.
pub fn default_pair(assessments: &[&Assessment]) -> Option<(String, String)> {
    let sorted = newest_first(assessments);
    let pick = |group: Vec<&Assessment>| -> Option<(String, String)> {
        let finished: Vec<&Assessment> = group
            .iter()
            .copied()
            .filter(|a| a.completed_ms.is_some())
            .collect();
        let chosen = if finished.len() >= 2 { finished } else { group };
        (chosen.len() >= 2).then(|| (chosen[1].id.clone(), chosen[0].id.clone()))
    };
    let same = |f: &dyn Fn(&Assessment, &Assessment) -> bool| {
        sorted
            .iter()
            .find_map(|&first| pick(sorted.iter().copied().filter(|a| f(first, a)).collect()))
    };
    same(&|x, y| x.label == y.label && x.perspective == y.perspective)
        .or_else(|| same(&|x, y| x.perspective == y.perspective))
        .or_else(|| pick(sorted.clone()))
}

/// The two sides to put side by side by default, as (brand owner, distributor): the latest
/// brand owner's and distributor's assessments with the same name, else the latest of each.
/// Finished ones are preferred to drafts.
pub fn default_sides_pair(assessments: &[&Assessment]) -> Option<(String, String)> {
    let sorted = newest_first(assessments);
    let of = |side: Perspective, label: Option<&str>| {
        let candidates = || {
            sorted
                .iter()
                .copied()
                .filter(move |a| a.perspective == Some(side) && label.is_none_or(|l| a.label == l))
        };
        candidates()
            .find(|a| a.completed_ms.is_some())
            .or_else(|| candidates().next())
    };
    let named = sorted.iter().find_map(|a| {
        let bo = of(Perspective::BrandOwner, Some(&a.label))?;
        let d = of(Perspective::Distributor, Some(&a.label))?;
        Some((bo, d))
    });
    let (bo, d) = match named {
        Some(pair) => pair,
        None => (
            of(Perspective::BrandOwner, None)?,
            of(Perspective::Distributor, None)?,
        ),
    };
    Some((bo.id.clone(), d.id.clone()))
}

/// One section's score before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionChange {
    pub section: usize,
    pub before: Option<u32>,
    pub after: Option<u32>,
}

impl SectionChange {
    /// After minus before, in percentage points, when both are scored.
    pub fn change(&self) -> Option<i64> {
        Some(i64::from(self.after?) - i64::from(self.before?))
    }
}

/// An item whose answer differs between the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemChange {
    pub item: ItemRef,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub sections: Vec<SectionChange>,
    pub overall_before: Option<u32>,
    pub overall_after: Option<u32>,
    /// Items whose answer changed, in content order.
    pub moved: Vec<ItemChange>,
}

/// Compares `before` with `after` over every section.
pub fn compare(q: &Questionnaire, before: &Assessment, after: &Assessment) -> Comparison {
    let scope = Scope::all(q);
    let rb = score(q, &before.answers, &before.asked(&scope));
    let ra = score(q, &after.answers, &after.asked(&scope));
    let asked = after.asked(&scope);
    let sections = rb
        .sections
        .iter()
        .zip(&ra.sections)
        .map(|(b, a)| SectionChange {
            section: b.section,
            before: b.score.map(|s| s.percent),
            after: a.score.map(|s| s.percent),
        })
        .collect();
    let mut moved = Vec::new();
    for s in asked.sections() {
        for (i, item) in asked.items(q, s) {
            let (b, a) = (before.answers.get(&item.id), after.answers.get(&item.id));
            if b != a {
                moved.push(ItemChange {
                    item: ItemRef {
                        section: s,
                        item: i,
                    },
                    before: b,
                    after: a,
                });
            }
        }
    }
    Comparison {
        sections,
        overall_before: rb.overall.score.map(|s| s.percent),
        overall_after: ra.overall.score.map(|s| s.percent),
        moved,
    }
}
