//! Where assessments live in storage, and what happens when reading or writing them fails.
//!
//! Keys: `dra.record.<id>` holds one assessment (the domain crate's stored record),
//! `dra.current` the id of the one in progress, `dra.corrupt.<id>` the raw text of a record
//! that could not be read, `dra.workshop.<id>` one workshop, and `dra.theme` / `dra.lang` the
//! colour scheme and language chosen with the switches.

use assessment::i18n::{fill, Locale, Messages};
use assessment::workshop::{decode_workshop, encode_workshop, Workshop};
use assessment::{decode_record, encode_record, Assessment, Questionnaire, RecordError};

use crate::storage::{Store, StoreError};

pub const CURRENT_KEY: &str = "dra.current";
pub const RECORD_PREFIX: &str = "dra.record.";

pub fn record_key(id: &str) -> String {
    format!("{RECORD_PREFIX}{id}")
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
    Recovered { key: String, reason: RecordError },
    /// A stored record could not be read, and could not be copied aside either: left untouched.
    Unreadable { key: String, reason: RecordError },
    /// A stored record from a newer app or questionnaire version was found and kept as it is.
    KeptNewer { reason: RecordError },
    /// Something happened that the user should know about (another tab changed the record,
    /// a shared result was saved, something the user did failed); worded when shown, so it
    /// follows a change of language.
    Said(Said),
    /// Something was deleted; its storage key and text are kept here so that it can be put back.
    /// `label` is the name the user gave it (empty: untitled), or `None` for a record that
    /// could not be read.
    Deleted {
        key: String,
        label: Option<String>,
        text: String,
    },
}

impl Notice {
    /// The message shown to the user.
    pub fn message(&self, m: &Messages) -> String {
        match self {
            Notice::NotKept => m.notice_not_kept.to_owned(),
            Notice::NotSaved => m.notice_not_saved.to_owned(),
            Notice::Recovered { key, reason } => fill(
                m.notice_recovered,
                &[("reason", &reason.message(m)), ("key", key)],
            ),
            Notice::Unreadable { key, reason } => fill(
                m.notice_unreadable,
                &[("reason", &reason.message(m)), ("key", key)],
            ),
            Notice::KeptNewer { reason } => {
                fill(m.notice_kept_newer, &[("reason", &reason.message(m))])
            }
            Notice::Said(said) => said.message(m),
            Notice::Deleted { label, .. } => {
                let label = match label.as_deref() {
                    None => m.unreadable_label,
                    Some(l) if l.trim().is_empty() => m.untitled_assessment,
                    Some(l) => l,
                };
                fill(m.notice_deleted, &[("label", label)])
            }
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

/// What a [`Notice::Said`] says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Said {
    DownloadBlocked,
    /// The assessment left behind could not be saved and was downloaded under this name.
    UnsavedDownloaded(String),
    UnsavedBlocked,
    DeletedElsewhere,
    ChangedElsewhere,
    SharedSaved,
    /// The current assessment was made with an earlier questionnaire version; this many
    /// questions asked of its side are new.
    Upgraded(usize),
    /// Storage refused what the user asked for.
    Failed(Action, StoreError),
}

/// What the user asked for, when storage refused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Rename,
    Delete,
    Undo,
    SaveShared,
    SaveWorkshop,
    AddParticipants,
}

impl Said {
    pub fn message(&self, m: &Messages) -> String {
        match self {
            Said::DownloadBlocked => m.download_blocked.to_owned(),
            Said::UnsavedDownloaded(name) => fill(m.unsaved_downloaded, &[("name", name)]),
            Said::UnsavedBlocked => m.unsaved_blocked.to_owned(),
            Said::DeletedElsewhere => m.deleted_elsewhere.to_owned(),
            Said::Upgraded(n) => m.count(m.upgraded_notice, *n, &[]),
            Said::ChangedElsewhere => m.changed_elsewhere.to_owned(),
            Said::SharedSaved => m.shared_saved.to_owned(),
            Said::Failed(action, e) => {
                let template = match action {
                    Action::Rename => m.rename_failed,
                    Action::Delete => m.delete_failed,
                    Action::Undo => m.undo_failed,
                    Action::SaveShared => m.shared_save_failed,
                    Action::SaveWorkshop => m.workshop_save_failed,
                    Action::AddParticipants => m.workshop_add_failed,
                };
                fill(template, &[("reason", &e.message(m))])
            }
        }
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
        Ok(a) => {
            // Made with an earlier questionnaire version: say how many questions are new (the
            // record already points at the first one).
            let new = a.new_questions(q, &assessment::Scope::all(q)).len();
            if new > 0 {
                notices.push(Notice::Said(Said::Upgraded(new)));
            }
            (a, notices)
        }
        Err(e) if e.keep_untouched() => {
            notices.push(Notice::KeptNewer { reason: e });
            fresh(notices)
        }
        Err(e) => {
            notices.push(move_aside(store, &current, &key, &text, e));
            fresh(notices)
        }
    }
}

/// Copies an unreadable record's raw text to its own key and, once the copy reads back
/// identical, removes the original. If anything fails the original stays where it was.
fn move_aside(store: &Store, id: &str, key: &str, text: &str, reason: RecordError) -> Notice {
    // Never over an earlier backup: dra.corrupt.<id>, then .2, .3, ...
    let backup = std::iter::once(corrupt_key(id))
        .chain((2..).map(|n| format!("{}.{n}", corrupt_key(id))))
        .find(|k| matches!(store.get(k), Ok(None)))
        .unwrap_or_else(|| corrupt_key(id));
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

/// One stored record, as the list of saved assessments shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Readable(Assessment),
    /// A record this version cannot read: damaged, or from a newer version (`kept` is then
    /// true: it is valid and left exactly as it is).
    Unreadable {
        id: String,
        reason: RecordError,
        kept: bool,
    },
}

impl Entry {
    pub fn id(&self) -> &str {
        match self {
            Entry::Readable(a) => &a.id,
            Entry::Unreadable { id, .. } => id,
        }
    }
}

/// Every stored record, newest first (unreadable ones last).
pub fn list(store: &Store, q: &Questionnaire) -> Vec<Entry> {
    let mut entries: Vec<Entry> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| {
            let id = key.strip_prefix(RECORD_PREFIX)?.to_owned();
            let text = store.get(&key).ok().flatten()?;
            Some(match decode_record(&text, q) {
                Ok(a) => Entry::Readable(a),
                Err(e) => Entry::Unreadable {
                    id,
                    kept: e.keep_untouched(),
                    reason: e,
                },
            })
        })
        .collect();
    entries.sort_by_key(|e| match e {
        Entry::Readable(a) => (0, -a.created_ms, a.id.clone()),
        Entry::Unreadable { id, .. } => (1, 0, id.clone()),
    });
    entries
}

/// Reads one assessment by id.
pub fn read(store: &Store, q: &Questionnaire, id: &str) -> Option<Assessment> {
    let text = store.get(&record_key(id)).ok().flatten()?;
    decode_record(&text, q).ok()
}

/// A record's stored text, as it is.
pub fn raw(store: &Store, id: &str) -> Option<String> {
    store.get(&record_key(id)).ok().flatten()
}

/// Removes a record and returns its text, so that the deletion can be undone.
pub fn delete(store: &Store, id: &str) -> Result<Option<String>, StoreError> {
    let key = record_key(id);
    let text = store.get(&key)?;
    store.remove(&key)?;
    if store.get(CURRENT_KEY)?.as_deref() == Some(id) {
        store.remove(CURRENT_KEY)?;
    }
    Ok(text)
}

/// Puts something deleted back exactly as it was, under its storage key.
pub fn restore(store: &Store, key: &str, text: &str) -> Result<(), StoreError> {
    store.set(key, text)
}

/// Whether a record with this id is stored.
pub fn exists(store: &Store, id: &str) -> bool {
    matches!(store.get(&record_key(id)), Ok(Some(_)))
}

/// Writes several assessments, or none of them: when a write fails, the records already
/// written are put back as they were before, and the error is returned.
pub fn save_all(store: &Store, q: &Questionnaire, list: &[Assessment]) -> Result<(), StoreError> {
    let mut undo: Vec<(String, Option<String>)> = Vec::new();
    for a in list {
        let key = record_key(&a.id);
        let write = store
            .get(&key)
            .and_then(|before| store.set(&key, &encode_record(a, q)).map(|()| before));
        let before = match write {
            Ok(before) => before,
            Err(e) => {
                // Remove first: that frees the room the old text needs.
                for (key, before) in undo.into_iter().rev() {
                    let _ = store.remove(&key);
                    if let Some(text) = before {
                        let _ = store.set(&key, &text);
                    }
                }
                return Err(e);
            }
        };
        undo.push((key, before));
    }
    Ok(())
}

/// The colour scheme the user chose (`light` or `dark`); absent: follow the system.
pub const THEME_KEY: &str = "dra.theme";

pub fn read_theme(store: &Store) -> Option<String> {
    store
        .get(THEME_KEY)
        .ok()
        .flatten()
        .filter(|t| t == "light" || t == "dark")
}

pub fn save_theme(store: &Store, theme: &str) -> Result<(), StoreError> {
    store.set(THEME_KEY, theme)
}

/// The language the user chose with the switch; absent: from the URL or the browser.
pub const LOCALE_KEY: &str = "dra.lang";

pub fn read_locale(store: &Store) -> Option<Locale> {
    store
        .get(LOCALE_KEY)
        .ok()
        .flatten()
        .and_then(|t| Locale::from_tag(&t))
}

pub fn save_locale(store: &Store, locale: Locale) -> Result<(), StoreError> {
    store.set(LOCALE_KEY, locale.code())
}

pub const WORKSHOP_PREFIX: &str = "dra.workshop.";

pub fn workshop_key(id: &str) -> String {
    format!("{WORKSHOP_PREFIX}{id}")
}

/// Every stored workshop that can be read, newest first, and how many could not be read.
pub fn list_workshops(store: &Store, q: &Questionnaire) -> (Vec<Workshop>, usize) {
    let mut unreadable = 0;
    let mut list: Vec<Workshop> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(WORKSHOP_PREFIX))
        .filter_map(|k| {
            let text = store.get(&k).ok().flatten()?;
            let w = decode_workshop(&text, q).ok();
            unreadable += usize::from(w.is_none());
            w
        })
        .collect();
    list.sort_by_key(|w| std::cmp::Reverse((w.created_ms, w.id.clone())));
    (list, unreadable)
}

pub fn read_workshop(store: &Store, q: &Questionnaire, id: &str) -> Option<Workshop> {
    let text = store.get(&workshop_key(id)).ok().flatten()?;
    decode_workshop(&text, q).ok()
}

pub fn save_workshop(store: &Store, q: &Questionnaire, w: &Workshop) -> Result<(), StoreError> {
    store.set(&workshop_key(&w.id), &encode_workshop(w, q))
}

/// Removes a workshop and returns its text, so that the deletion can be undone.
pub fn delete_workshop(store: &Store, id: &str) -> Result<Option<String>, StoreError> {
    let key = workshop_key(id);
    let text = store.get(&key)?;
    store.remove(&key)?;
    Ok(text)
}

/// Writes an assessment and marks it as the one in progress.
pub fn save(store: &Store, q: &Questionnaire, a: &Assessment) -> Result<(), StoreError> {
    store.set(&record_key(&a.id), &encode_record(a, q))?;
    store.set(CURRENT_KEY, &a.id)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use assessment::i18n::EN;
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
        assert!(notices[0].message(&EN).contains("dra.corrupt.x"));
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
    fn an_earlier_backup_is_never_overwritten() {
        let q = default_questionnaire().unwrap();
        let s = store(
            MemoryMode::Normal,
            &[
                (CURRENT_KEY, "x"),
                ("dra.record.x", "second"),
                ("dra.corrupt.x", "first"),
            ],
        );
        let (_, notices) = load(&s, &q, "new".into(), 0);
        assert!(
            matches!(&notices[..], [Notice::Recovered { key, .. }] if key == "dra.corrupt.x.2")
        );
        assert_eq!(s.get("dra.corrupt.x").unwrap().as_deref(), Some("first"));
        assert_eq!(s.get("dra.corrupt.x.2").unwrap().as_deref(), Some("second"));
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

    /// A store with a quota in bytes (keys and values), like a browser's.
    #[derive(Debug)]
    struct Quota {
        inner: MemoryBackend,
        bytes: usize,
    }

    impl crate::storage::Backend for Quota {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            let used: usize = self
                .inner
                .keys()?
                .iter()
                .filter(|k| *k != key)
                .map(|k| k.len() + self.inner.get(k).unwrap().unwrap().len())
                .sum();
            if used + key.len() + value.len() > self.bytes {
                return Err(StoreError::Full);
            }
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.inner.keys()
        }
        fn is_persistent(&self) -> bool {
            false
        }
    }

    #[test]
    fn an_import_that_fills_storage_writes_nothing() {
        let q = default_questionnaire().unwrap();
        let existing = Assessment::new("b", &q, 1);
        let old_text = encode_record(&existing, &q);
        let inner = MemoryBackend::with(MemoryMode::Normal, &[("dra.record.b", &old_text)]);
        // Room for what is there, plus one more record, plus a little.
        let one = "dra.record.a".len() + encode_record(&Assessment::new("a", &q, 1), &q).len();
        let s: Store = Rc::new(Quota {
            inner,
            bytes: "dra.record.b".len() + old_text.len() + one + 200,
        });
        let mut changed = existing.clone();
        changed.label = "a much longer label that takes more room".repeat(4);
        let batch = [
            Assessment::new("a", &q, 1),
            changed,
            Assessment::new("c", &q, 1),
        ];
        assert_eq!(save_all(&s, &q, &batch), Err(StoreError::Full));
        assert_eq!(
            s.get("dra.record.a").unwrap(),
            None,
            "the first write was undone"
        );
        assert_eq!(
            read(&s, &q, "b"),
            Some(existing),
            "the overwritten record is back"
        );
        assert_eq!(s.get("dra.record.c").unwrap(), None);
    }

    #[test]
    fn list_read_delete_restore() {
        let q = default_questionnaire().unwrap();
        let s = store(
            MemoryMode::Normal,
            &[("dra.record.bad", "{"), ("other.key", "x")],
        );
        let older = Assessment::new("old", &q, 1);
        let newer = Assessment::new("new", &q, 2);
        save_all(&s, &q, &[older.clone(), newer.clone()]).unwrap();
        save(&s, &q, &newer).unwrap();
        let ids: Vec<String> = list(&s, &q).iter().map(|e| e.id().to_owned()).collect();
        assert_eq!(ids, ["new", "old", "bad"]);
        assert!(matches!(
            &list(&s, &q)[2],
            Entry::Unreadable { kept: false, .. }
        ));
        let text = delete(&s, "new").unwrap().unwrap();
        assert!(!exists(&s, "new"));
        assert_eq!(
            s.get(CURRENT_KEY).unwrap(),
            None,
            "the deleted one is no longer current"
        );
        restore(&s, &record_key("new"), &text).unwrap();
        assert_eq!(read(&s, &q, "new"), Some(newer));
    }

    #[test]
    fn saving_to_full_storage_is_an_error() {
        let q = default_questionnaire().unwrap();
        let s = store(MemoryMode::Full, &[]);
        let a = Assessment::new("a1", &q, 0);
        assert_eq!(save(&s, &q, &a), Err(StoreError::Full));
    }
}
