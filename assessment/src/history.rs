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
    /// Displayed overall percentage and band index, when it could be scored.
    pub overall: Option<(u32, usize)>,
    pub at_risk: bool,
}

pub fn summarize(a: &Assessment, q: &Questionnaire) -> Summary {
    let scope = Scope::all(q);
    let report = score(q, &a.answers, &a.asked(&scope));
    Summary {
        id: a.id.clone(),
        label: a.label.clone(),
        perspective: a.perspective,
        questionnaire_version: a.questionnaire_version,
        created_ms: a.created_ms,
        updated_ms: a.updated_ms,
        completed_ms: a.completed_ms,
        progress: a.progress(q, &scope),
        overall: report.overall.score.map(|s| (s.percent, s.band)),
        at_risk: report.overall.trust == TrustGate::AtRisk,
    }
}

/// The two assessments to compare by default: the latest two (by creation) with the same label
/// as the latest one, older first; else the latest two overall.
pub fn default_pair(assessments: &[&Assessment]) -> Option<(String, String)> {
    let mut sorted: Vec<&&Assessment> = assessments.iter().collect();
    sorted.sort_by_key(|a| std::cmp::Reverse((a.created_ms, a.id.clone())));
    let latest = sorted.first()?;
    let same: Vec<&&&Assessment> = sorted.iter().filter(|a| a.label == latest.label).collect();
    let pair = if same.len() >= 2 {
        (same[1].id.clone(), same[0].id.clone())
    } else {
        (sorted.get(1)?.id.clone(), sorted[0].id.clone())
    };
    Some(pair)
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
