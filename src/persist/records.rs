//! Assessments in storage: the one in progress (`load`, `save`), the list My assessments shows,
//! reading, deleting with undo, and writing several at once (all or nothing).
//!
//! A record is read only under its own key: one whose own id differs from the id in its key is
//! damage (autosave and Delete would otherwise touch the *other* record).

use assessment::{encode_record, Assessment, Questionnaire, RecordError};

use super::keys::{free_corrupt_key, record_key, CORRUPT_PREFIX, CURRENT_KEY, RECORD_PREFIX};
use crate::notice::{Notice, Said};
use crate::storage::{Store, StoreError};

/// Decodes a record stored under the key of `id`.
fn decode_at(text: &str, q: &Questionnaire, id: &str) -> Result<Assessment, RecordError> {
    assessment::decode_record_at(text, q, id)
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
    match decode_at(&text, q, &current) {
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
    let copied =
        free_corrupt_key(id, |k| store.get(k).ok().map(|v| v.is_some())).filter(|backup| {
            store.set(backup, text).is_ok()
                && store.get(backup).ok().flatten().as_deref() == Some(text)
        });
    match copied {
        Some(backup) if store.remove(key).is_ok() => Notice::Recovered {
            key: backup,
            reason,
        },
        _ => Notice::Unreadable {
            key: key.to_owned(),
            reason,
        },
    }
}

/// One stored record, as the list of saved assessments shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Readable(Assessment),
    /// A record this version cannot read: damaged, or from a newer version (`kept` is then
    /// true: it is valid and left exactly as it is). `key` is where it is stored (a record's
    /// key, or the key of a damaged record's moved-aside copy).
    Unreadable {
        key: String,
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

/// Every stored record, newest first, then those that cannot be read (the moved-aside copies
/// of damaged ones too, so that they can be downloaded or deleted).
pub fn list(store: &Store, q: &Questionnaire) -> Vec<Entry> {
    let mut entries: Vec<Entry> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| {
            let (id, moved) = match key.strip_prefix(RECORD_PREFIX) {
                Some(id) => (id.to_owned(), false),
                None => (key.strip_prefix(CORRUPT_PREFIX)?.to_owned(), true),
            };
            let text = store.get(&key).ok().flatten()?;
            let decoded = if moved {
                // A moved-aside copy is never opened, only shown with the reason it was moved.
                match decode_at(&text, q, &id) {
                    Ok(_) => Err(RecordError::NotJson(String::new())),
                    Err(e) => Err(e),
                }
            } else {
                decode_at(&text, q, &id)
            };
            Some(match decoded {
                Ok(a) => Entry::Readable(a),
                Err(e) => Entry::Unreadable {
                    key,
                    id,
                    kept: e.keep_untouched(),
                    reason: e,
                },
            })
        })
        .collect();
    assessment::lean::sort_by_key(&mut entries, |e| match e {
        Entry::Readable(a) => (0, -a.created_ms, a.id.clone()),
        Entry::Unreadable { key, .. } => (1, 0, key.clone()),
    });
    entries
}

/// Reads one assessment by id.
pub fn read(store: &Store, q: &Questionnaire, id: &str) -> Option<Assessment> {
    let text = store.get(&record_key(id)).ok().flatten()?;
    decode_at(&text, q, id).ok()
}

/// A stored text, as it is.
pub fn raw(store: &Store, key: &str) -> Option<String> {
    store.get(key).ok().flatten()
}

/// Removes a record and returns its text, so that the deletion can be undone. When it is the
/// one in progress, the pointer goes first: if that fails, nothing has been removed.
pub fn delete(store: &Store, id: &str) -> Result<Option<String>, StoreError> {
    if store.get(CURRENT_KEY)?.as_deref() == Some(id) {
        store.remove(CURRENT_KEY)?;
    }
    delete_key(store, &record_key(id))
}

/// Removes whatever is stored under `key` (a record, a moved-aside copy, a workshop) and returns
/// its text for an undo.
pub fn delete_key(store: &Store, key: &str) -> Result<Option<String>, StoreError> {
    let text = store.get(key)?;
    if text.is_some() {
        store.remove(key)?;
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

/// Why [`save_all`] wrote nothing: the error, and -- if undoing the writes already made failed
/// too -- the keys and earlier texts that could not be put back (the caller keeps them, in a
/// download, so that nothing is lost).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchError {
    pub error: StoreError,
    pub not_restored: Vec<(String, String)>,
}

/// Writes several assessments, or none of them: when a write fails, the records already
/// written are put back as they were before, and the error is returned.
pub fn save_all(store: &Store, q: &Questionnaire, list: &[Assessment]) -> Result<(), BatchError> {
    let mut undo: Vec<(String, Option<String>)> = Vec::new();
    for a in list {
        let key = record_key(&a.id);
        let write = store
            .get(&key)
            .and_then(|before| store.set(&key, &encode_record(a, q)).map(|()| before));
        match write {
            Ok(before) => undo.push((key, before)),
            Err(error) => {
                let mut not_restored = Vec::new();
                // Remove first: that frees the room the old text needs.
                for (key, before) in undo.into_iter().rev() {
                    let removed = store.remove(&key).is_ok();
                    if let Some(text) = before {
                        if !removed || store.set(&key, &text).is_err() {
                            not_restored.push((key, text));
                        }
                    }
                }
                return Err(BatchError {
                    error,
                    not_restored,
                });
            }
        }
    }
    Ok(())
}

/// Writes an assessment and marks it as the one in progress.
pub fn save(store: &Store, q: &Questionnaire, a: &Assessment) -> Result<(), StoreError> {
    store.set(&record_key(&a.id), &encode_record(a, q))?;
    store.set(CURRENT_KEY, &a.id)
}

#[cfg(test)]
#[path = "records_tests.rs"]
mod tests;
