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

/// How a participant being added relates to those already in a workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognised {
    /// Nobody like them is there.
    New,
    /// The same assessment (the same record id) is there already, as the participant at this
    /// index: it is never added twice.
    Same(usize),
    /// Someone with the same perspective and the same answers is there, as the participant at
    /// this index, and nothing tells the two apart (a share link carries no record id): most
    /// likely the same person, by file and by link; the facilitator may add them anyway.
    LooksLike(usize),
}

impl Participant {
    /// The record id behind a participant added from a file; `None` for a share link.
    pub fn record_id(&self) -> Option<&str> {
        self.key.strip_prefix("record:")
    }

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

    /// Whether `p` is already here, or looks like someone who is. Two records (files) are the
    /// same person exactly when their ids are equal, whatever their answers: a record id names
    /// one assessment, and two assessments with equal answers are two people. Where one side is
    /// a share link (no id), the same perspective and the same answers (migrated to this
    /// questionnaire version) look like the same person.
    pub fn recognise(&self, p: &Participant) -> Recognised {
        let mut looks = None;
        for (n, e) in self.participants.iter().enumerate() {
            match (e.record_id(), p.record_id()) {
                (Some(a), Some(b)) if a == b => return Recognised::Same(n),
                (Some(_), Some(_)) => {}
                _ => {
                    if looks.is_none() && e.perspective == p.perspective && e.answers == p.answers {
                        looks = Some(n);
                    }
                }
            }
        }
        looks.map_or(Recognised::New, Recognised::LooksLike)
    }

    /// Adds a participant unless [`Workshop::recognise`] finds them here already (the answer
    /// is returned, and nothing changes unless it is [`Recognised::New`]).
    pub fn add(&mut self, p: Participant, now_ms: i64) -> Recognised {
        let found = self.recognise(&p);
        if found == Recognised::New {
            self.push(p, now_ms);
        }
        found
    }

    /// Adds a participant who looked like someone already here, because the facilitator says
    /// it is another person: `Ok` with their index. The same assessment is never added twice:
    /// `Err` with the index of the one here. Another with the same key (two people whose
    /// answers give the same share link) gets a key of its own.
    pub fn add_anyway(&mut self, mut p: Participant, now_ms: i64) -> Result<usize, usize> {
        if let Recognised::Same(n) = self.recognise(&p) {
            return Err(n);
        }
        let base = p.key.clone();
        let mut n = 1;
        while self.participants.iter().any(|x| x.key == p.key) {
            n += 1;
            p.key = format!("{base}~{n}");
        }
        self.push(p, now_ms);
        Ok(self.participants.len() - 1)
    }

    fn push(&mut self, p: Participant, now_ms: i64) {
        self.participants.push(p);
        self.updated_ms = self.updated_ms.max(now_ms);
    }

    pub fn remove(&mut self, key: &str, now_ms: i64) {
        self.participants.retain(|p| p.key != key);
        self.updated_ms = self.updated_ms.max(now_ms);
    }
}
