//! Where assessments live in storage, and what happens when reading or writing them fails.
//!
//! Keys: `dra.record.<id>` holds one assessment (the domain crate's stored record),
//! `dra.current` the id of the one in progress, and `dra.corrupt.<id>` the raw text of a record
//! that could not be read.

use assessment::{decode_record, encode_record, Assessment, Questionnaire};

use crate::storage::{Store, StoreError};

pub const CURRENT_KEY: &str = "dra.current";

pub fn record_key(id: &str) -> String {
    format!("dra.record.{id}")
}

pub fn corrupt_key(id: &str) -> String {
    format!("dra.corrupt.{id}")
}

/// Something the user needs to know about their saved data.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Notice {
    /// Storage cannot be used at all: answers live only in this page.
    NotKept,
    /// The last change could not be written (storage full or failing); it is kept in the page.
    NotSaved,
    /// A stored record could not be read; its raw text was moved to `key`.
    Recovered { key: String, reason: String },
    /// A stored record could not be read, and could not be copied aside either: left untouched.
    Unreadable { key: String, reason: String },
    /// A stored record from a newer app or questionnaire version was found and kept as it is.
    KeptNewer { reason: String },
}

impl Notice {
    /// The message shown to the user.
    pub fn message(&self) -> String {
        match self {
            Notice::NotKept => "This browser does not let the page store data, so your answers will \
                not be kept after you close or reload the page. You can still complete the assessment."
                .to_owned(),
            Notice::NotSaved => "Your latest answers could not be saved because the browser's storage \
                is full or failing. They are kept on this page for now: do not close it until this \
                message goes away."
                .to_owned(),
            Notice::Recovered { key, reason } => format!(
                "A saved assessment could not be read ({reason}), so a new one has been started. \
                 Its data has been kept unchanged in this browser's storage under the key \u{201c}{key}\u{201d}."
            ),
            Notice::Unreadable { key, reason } => format!(
                "A saved assessment could not be read ({reason}), so a new one has been started. \
                 It could not be copied aside, so it has been left untouched under the key \u{201c}{key}\u{201d}."
            ),
            Notice::KeptNewer { reason } => format!(
                "An assessment saved by a newer version of this app was found and kept unchanged ({reason}). \
                 A new assessment has been started."
            ),
        }
    }

    /// Whether this notice warns that data may be lost (shown more prominently).
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Notice::NotKept | Notice::NotSaved | Notice::Unreadable { .. }
        )
    }
}

/// Loads the assessment in progress, or starts a new one with `new_id`.
pub fn load(
    store: &Store,
    q: &Questionnaire,
    new_id: String,
    now_ms: i64,
) -> (Assessment, Vec<Notice>) {
    let mut notices = Vec::new();
    let fresh = |notices: Vec<Notice>| (Assessment::new(new_id.clone(), q, now_ms), notices);
    let Ok(Some(current)) = store.get(CURRENT_KEY) else {
        return fresh(notices);
    };
    let key = record_key(&current);
    let Ok(Some(text)) = store.get(&key) else {
        return fresh(notices);
    };
    match decode_record(&text, q) {
        Ok(a) => (a, notices),
        Err(e) if e.keep_untouched() => {
            notices.push(Notice::KeptNewer {
                reason: e.to_string(),
            });
            fresh(notices)
        }
        Err(e) => {
            notices.push(move_aside(store, &current, &key, &text, e.to_string()));
            fresh(notices)
        }
    }
}

/// Copies an unreadable record's raw text to its own key and, once the copy reads back
/// identical, removes the original. If anything fails the original stays where it was.
fn move_aside(store: &Store, id: &str, key: &str, text: &str, reason: String) -> Notice {
    let backup = corrupt_key(id);
    let copied = store.set(&backup, text).is_ok()
        && store.get(&backup).ok().flatten().as_deref() == Some(text);
    if copied && store.remove(key).is_ok() {
        Notice::Recovered {
            key: backup,
            reason,
        }
    } else {
        Notice::Unreadable {
            key: key.to_owned(),
            reason,
        }
    }
}

/// Writes an assessment and marks it as the one in progress.
pub fn save(store: &Store, q: &Questionnaire, a: &Assessment) -> Result<(), StoreError> {
    store.set(&record_key(&a.id), &encode_record(a, q))?;
    store.set(CURRENT_KEY, &a.id)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use assessment::{default_questionnaire, Answer, Perspective, Scope, Step};

    use super::*;
    use crate::storage::{MemoryBackend, MemoryMode};

    fn store(mode: MemoryMode, values: &[(&str, &str)]) -> Store {
        Rc::new(MemoryBackend::with(mode, values))
    }

    #[test]
    fn nothing_stored_starts_fresh_without_notices() {
        let q = default_questionnaire().unwrap();
        let (a, notices) = load(&store(MemoryMode::Normal, &[]), &q, "new".into(), 5);
        assert_eq!(
            (a.id.as_str(), a.step, a.created_ms),
            ("new", Step::Welcome, 5)
        );
        assert!(notices.is_empty());
    }

    #[test]
    fn a_saved_assessment_loads_back() {
        let q = default_questionnaire().unwrap();
        let s = store(MemoryMode::Normal, &[]);
        let mut a = Assessment::new("a1", &q, 1);
        a.start(&Scope::all(&q), Perspective::Distributor, 2);
        a.answer("REL1", Answer::DontKnow, 3);
        save(&s, &q, &a).unwrap();
        assert_eq!(s.get(CURRENT_KEY).unwrap().as_deref(), Some("a1"));
        let (loaded, notices) = load(&s, &q, "other".into(), 9);
        assert_eq!(loaded, a);
        assert!(notices.is_empty());
    }

    #[test]
    fn a_dangling_current_pointer_starts_fresh() {
        let q = default_questionnaire().unwrap();
        let (a, notices) = load(
            &store(MemoryMode::Normal, &[(CURRENT_KEY, "gone")]),
            &q,
            "new".into(),
            0,
        );
        assert_eq!(a.id, "new");
        assert!(notices.is_empty());
    }

    #[test]
    fn a_corrupt_record_is_moved_aside_byte_for_byte() {
        let q = default_questionnaire().unwrap();
        let raw = "{\"schema\":1,\u{0}garbage";
        let s = store(
            MemoryMode::Normal,
            &[(CURRENT_KEY, "x"), ("dra.record.x", raw)],
        );
        let (a, notices) = load(&s, &q, "new".into(), 0);
        assert_eq!(a.id, "new");
        assert!(matches!(&notices[..], [Notice::Recovered { key, .. }] if key == "dra.corrupt.x"));
        assert_eq!(s.get("dra.corrupt.x").unwrap().as_deref(), Some(raw));
        assert_eq!(s.get("dra.record.x").unwrap(), None);
        assert!(notices[0].message().contains("dra.corrupt.x"));
    }

    #[test]
    fn a_corrupt_record_that_cannot_be_copied_is_left_in_place() {
        let q = default_questionnaire().unwrap();
        let s = store(
            MemoryMode::Full,
            &[(CURRENT_KEY, "x"), ("dra.record.x", "nope")],
        );
        let (_, notices) = load(&s, &q, "new".into(), 0);
        assert!(matches!(&notices[..], [Notice::Unreadable { key, .. }] if key == "dra.record.x"));
        assert_eq!(s.get("dra.record.x").unwrap().as_deref(), Some("nope"));
        assert_eq!(s.get("dra.corrupt.x").unwrap(), None);
        assert!(notices[0].is_warning());
    }

    #[test]
    fn a_newer_record_is_kept_untouched() {
        let q = default_questionnaire().unwrap();
        let newer = "{\"schema\":2,\"id\":\"x\"}";
        let s = store(
            MemoryMode::Normal,
            &[(CURRENT_KEY, "x"), ("dra.record.x", newer)],
        );
        let (a, notices) = load(&s, &q, "new".into(), 0);
        assert_eq!(a.id, "new");
        assert!(matches!(&notices[..], [Notice::KeptNewer { .. }]));
        assert_eq!(s.get("dra.record.x").unwrap().as_deref(), Some(newer));
        assert_eq!(s.get("dra.corrupt.x").unwrap(), None);
    }

    #[test]
    fn saving_to_full_storage_is_an_error() {
        let q = default_questionnaire().unwrap();
        let s = store(MemoryMode::Full, &[]);
        let a = Assessment::new("a1", &q, 0);
        assert_eq!(save(&s, &q, &a), Err(StoreError::Full));
    }
}
