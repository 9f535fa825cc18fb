//! The questionnaire wizard as a plain state machine: where the respondent is, their answers, and
//! the moves between pages. The app holds an [`Assessment`] in a signal and renders it.

use crate::answers::{Answer, Answers, Perspective};
use crate::model::{Questionnaire, Scope};

/// Where the respondent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Welcome,
    /// A section page, by the section's index in the questionnaire.
    Section(usize),
    Results,
}

/// An item, by section index and index within the section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ItemRef {
    pub section: usize,
    pub item: usize,
}

/// Answered items (any answer, "not applicable" and "don't know" included) of all items shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

/// One respondent's assessment: who they are answering as, what they answered, where they are.
/// Times are milliseconds since the Unix epoch, supplied by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub id: String,
    /// A free label such as "Acme Distribution -- Germany"; may be empty.
    pub label: String,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub perspective: Option<Perspective>,
    pub answers: Answers,
    pub step: Step,
    pub created_ms: i64,
    pub updated_ms: i64,
    /// When the respondent first reached the results.
    pub completed_ms: Option<i64>,
    /// Set when the record was made with an earlier questionnaire version and migrated on
    /// reading (not stored: the record is saved in this version).
    pub upgraded_from: Option<u32>,
}

impl Assessment {
    /// A new, empty assessment at the welcome page.
    pub fn new(id: impl Into<String>, q: &Questionnaire, now_ms: i64) -> Self {
        Self {
            id: id.into(),
            label: String::new(),
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version,
            perspective: None,
            answers: Answers::new(),
            step: Step::Welcome,
            created_ms: now_ms,
            updated_ms: now_ms,
            completed_ms: None,
            upgraded_from: None,
        }
    }

    /// A new assessment for the same relationship: same label and perspective, at the first
    /// page; with the old answers when `prefill` is set, blank otherwise.
    pub fn retake(
        &self,
        new_id: impl Into<String>,
        q: &Questionnaire,
        scope: &Scope,
        prefill: bool,
        now_ms: i64,
    ) -> Self {
        let mut a = Self::new(new_id, q, now_ms);
        a.label = self.label.clone();
        a.perspective = self.perspective;
        if prefill {
            a.answers = self.answers.clone();
        }
        a.step = first_page(scope);
        a
    }

    /// Whether there is anything to continue: a perspective chosen, an answer given, or a page
    /// other than the welcome page reached.
    pub fn is_started(&self) -> bool {
        self.perspective.is_some() || !self.answers.is_empty() || self.step != Step::Welcome
    }

    /// Records the perspective and moves to the first page.
    pub fn start(&mut self, scope: &Scope, perspective: Perspective, now_ms: i64) {
        self.perspective = Some(perspective);
        self.step = first_page(scope);
        self.touch(now_ms);
    }

    /// Moves to the next page; from the last section page to the results.
    pub fn next(&mut self, scope: &Scope, now_ms: i64) {
        self.step = match self.normalized(scope) {
            Step::Welcome => first_page(scope),
            Step::Section(s) => scope
                .sections()
                .find(|&n| n > s)
                .map_or(Step::Results, Step::Section),
            Step::Results => Step::Results,
        };
        if self.step == Step::Results && self.completed_ms.is_none() {
            self.completed_ms = Some(now_ms);
        }
        self.touch(now_ms);
    }

    /// Moves to the previous page; from the first section page to the welcome page.
    pub fn back(&mut self, scope: &Scope, now_ms: i64) {
        self.step = match self.normalized(scope) {
            Step::Welcome => Step::Welcome,
            Step::Section(s) => scope
                .sections()
                .filter(|&n| n < s)
                .last()
                .map_or(Step::Welcome, Step::Section),
            Step::Results => scope.sections().last().map_or(Step::Welcome, Step::Section),
        };
        self.touch(now_ms);
    }

    /// Continues an assessment from the welcome page: the first section page with an unanswered
    /// item, or the results when everything is answered.
    pub fn resume(&mut self, q: &Questionnaire, scope: &Scope, now_ms: i64) {
        let step = self
            .unanswered(q, scope)
            .first()
            .map_or(Step::Results, |r| Step::Section(r.section));
        self.go_to(step, scope, now_ms);
    }

    /// Jumps to a step (for "Edit answers" and links to unanswered items).
    pub fn go_to(&mut self, step: Step, scope: &Scope, now_ms: i64) {
        self.step = step;
        self.step = self.normalized(scope);
        if self.step == Step::Results && self.completed_ms.is_none() {
            self.completed_ms = Some(now_ms);
        }
        self.touch(now_ms);
    }

    pub fn answer(&mut self, item_id: &str, answer: Answer, now_ms: i64) {
        self.answers.set(item_id, answer);
        self.touch(now_ms);
    }

    /// The step, moved onto an enabled section if the stored one is not (or no longer) enabled:
    /// the next enabled section, else the results.
    pub fn normalized(&self, scope: &Scope) -> Step {
        match self.step {
            Step::Section(s) if !scope.contains(s) => scope
                .sections()
                .find(|&n| n > s)
                .map_or(Step::Results, Step::Section),
            other => other,
        }
    }

    /// The current page as (1-based number, number of section pages), on a section page.
    pub fn page_number(&self, scope: &Scope) -> Option<(usize, usize)> {
        match self.normalized(scope) {
            Step::Section(s) => scope
                .sections()
                .position(|n| n == s)
                .map(|p| (p + 1, scope.len())),
            _ => None,
        }
    }

    /// The scope narrowed to the items asked of this respondent's side.
    pub fn asked(&self, scope: &Scope) -> Scope {
        scope.side(self.perspective)
    }

    /// Answered items of the items asked (a "Not applicable" where none is offered is no answer).
    pub fn progress(&self, q: &Questionnaire, scope: &Scope) -> Progress {
        let scope = self.asked(scope);
        let mut progress = Progress {
            answered: 0,
            total: 0,
        };
        for s in scope.sections() {
            for (_, item) in scope.items(q, s) {
                progress.total += 1;
                if item.effective(self.answers.get(&item.id)).is_some() {
                    progress.answered += 1;
                }
            }
        }
        progress
    }

    /// The items asked of this respondent, in content order: a question's number is its
    /// position here plus one ("question 12 of 30").
    pub fn asked_items(&self, q: &Questionnaire, scope: &Scope) -> Vec<ItemRef> {
        let scope = self.asked(scope);
        scope
            .sections()
            .flat_map(|s| {
                scope
                    .items(q, s)
                    .map(move |(i, _)| ItemRef {
                        section: s,
                        item: i,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Where to pick up on a section page: its first question without an answer, or none when
    /// every question on it is answered.
    pub fn first_unanswered_in(
        &self,
        q: &Questionnaire,
        scope: &Scope,
        section: usize,
    ) -> Option<ItemRef> {
        self.unanswered(q, scope)
            .into_iter()
            .find(|r| r.section == section)
    }

    /// Items asked but not answered at all, in content order.
    pub fn unanswered(&self, q: &Questionnaire, scope: &Scope) -> Vec<ItemRef> {
        self.asked_items(q, scope)
            .into_iter()
            .filter(|r| {
                let item = q.item(*r);
                item.effective(self.answers.get(&item.id)).is_none()
            })
            .collect()
    }

    /// Questions added since the version this record was made with, asked and not yet answered
    /// (empty unless the record was migrated).
    pub fn new_questions(&self, q: &Questionnaire, scope: &Scope) -> Vec<ItemRef> {
        let Some(from) = self.upgraded_from else {
            return Vec::new();
        };
        let added = q.added_since(from);
        self.unanswered(q, scope)
            .into_iter()
            .filter(|r| added.contains(&q.item(*r).id.as_str()))
            .collect()
    }

    fn touch(&mut self, now_ms: i64) {
        self.updated_ms = self.updated_ms.max(now_ms);
    }
}

/// The first section page of `scope` (the results when it has no section).
pub fn first_page(scope: &Scope) -> Step {
    scope.sections().next().map_or(Step::Results, Step::Section)
}
