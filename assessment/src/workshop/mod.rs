//! Workshops: many participants' answers brought together, and where they disagree.
//!
//! A [`Workshop`] holds participants (anonymous by default, numbered in the order they were
//! added); this file adds and removes them. The stored format (encode, decode, its errors) is
//! in `stored.rs`; [`aggregate`] and the statistics it gives (items, sections, sides, divided
//! items, perception gaps, the trust gate) are in `stats.rs`.

use crate::answers::{Answers, Perspective};
use crate::wizard::Assessment;

mod stats;
mod stored;

pub use stats::{aggregate, Group, ItemGap, ItemStats, SectionGap, SectionStats, WorkshopReport};
pub use stored::{
    decode_workshop, decode_workshop_at, encode_workshop, WorkshopError, WORKSHOP_SCHEMA,
};

/// One participant's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// What makes two additions the same participant: `record:<id>` for a result file,
    /// `link:<payload>` for a share link.
    pub key: String,
    /// Optional; the workshop shows participants by number unless labels are switched on.
    pub label: String,
    pub perspective: Option<Perspective>,
    pub answers: Answers,
}

impl Participant {
    pub fn from_assessment(a: &Assessment) -> Self {
        Self {
            key: format!("record:{}", a.id),
            label: a.label.clone(),
            perspective: a.perspective,
            answers: a.answers.clone(),
        }
    }

    pub fn from_link(payload: &str, shared: crate::share::Shared) -> Self {
        Self {
            key: format!("link:{payload}"),
            label: String::new(),
            perspective: shared.perspective,
            answers: shared.answers,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    pub id: String,
    pub name: String,
    /// As the facilitator typed it (an `<input type=date>` gives `YYYY-MM-DD`).
    pub date: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub participants: Vec<Participant>,
}

impl Workshop {
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        date: impl Into<String>,
        now_ms: i64,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            date: date.into(),
            created_ms: now_ms,
            updated_ms: now_ms,
            participants: Vec::new(),
        }
    }

    /// Adds a participant; `false` (and nothing changes) when one with the same key is there.
    pub fn add(&mut self, p: Participant, now_ms: i64) -> bool {
        if self.participants.iter().any(|x| x.key == p.key) {
            return false;
        }
        self.participants.push(p);
        self.updated_ms = self.updated_ms.max(now_ms);
        true
    }

    pub fn remove(&mut self, key: &str, now_ms: i64) {
        self.participants.retain(|p| p.key != key);
        self.updated_ms = self.updated_ms.max(now_ms);
    }
}
