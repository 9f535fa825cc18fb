//! Workshops in storage. Like records, a workshop is read only under its own key, and one that
//! cannot be read is listed (to download or delete), never dropped.

use assessment::workshop::{decode_workshop_at, encode_workshop, Workshop, WorkshopError};
use assessment::Questionnaire;

use super::keys::{workshop_key, WORKSHOP_PREFIX};
use super::records::delete_key;
use crate::storage::{Store, StoreError};

/// One stored workshop, as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkshopEntry {
    Readable(Workshop),
    Unreadable { key: String, reason: WorkshopError },
}

/// Every stored workshop, newest first, then those that cannot be read.
pub fn list_workshops(store: &Store, q: &Questionnaire) -> Vec<WorkshopEntry> {
    let mut list: Vec<WorkshopEntry> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| {
            let id = key.strip_prefix(WORKSHOP_PREFIX)?.to_owned();
            let text = store.get(&key).ok().flatten()?;
            Some(match decode_workshop_at(&text, q, &id) {
                Ok(w) => WorkshopEntry::Readable(w),
                Err(reason) => WorkshopEntry::Unreadable { key, reason },
            })
        })
        .collect();
    assessment::lean::sort_by_key(&mut list, |e| match e {
        WorkshopEntry::Readable(w) => (0, -w.created_ms, w.id.clone()),
        WorkshopEntry::Unreadable { key, .. } => (1, 0, key.clone()),
    });
    list
}

/// Whether any workshop is stored here (read at start without the workshop decoder).
pub fn has_workshops(store: &Store) -> bool {
    store
        .keys()
        .unwrap_or_default()
        .iter()
        .any(|k| k.starts_with(WORKSHOP_PREFIX))
}

/// How many stored workshops this version cannot read.
pub fn unreadable_workshops(store: &Store, q: &Questionnaire) -> usize {
    list_workshops(store, q)
        .iter()
        .filter(|e| matches!(e, WorkshopEntry::Unreadable { .. }))
        .count()
}

pub fn read_workshop(store: &Store, q: &Questionnaire, id: &str) -> Option<Workshop> {
    let text = store.get(&workshop_key(id)).ok().flatten()?;
    decode_workshop_at(&text, q, id).ok()
}

pub fn save_workshop(store: &Store, q: &Questionnaire, w: &Workshop) -> Result<(), StoreError> {
    store.set(&workshop_key(&w.id), &encode_workshop(w, q))
}

/// Removes a workshop and returns its text, so that the deletion can be undone.
pub fn delete_workshop(store: &Store, id: &str) -> Result<Option<String>, StoreError> {
    delete_key(store, &workshop_key(id))
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use assessment::default_questionnaire;

    use super::*;
    use crate::storage::{MemoryBackend, MemoryMode};

    #[test]
    fn unreadable_workshops_are_listed_not_dropped() {
        let q = default_questionnaire().unwrap();
        let w = Workshop::new("w1", "Kick-off", "2026-12-01", 5);
        let other = encode_workshop(&Workshop::new("w2", "x", "", 1), &q);
        let s: Store = Rc::new(MemoryBackend::with(
            MemoryMode::Normal,
            &[("dra.workshop.bad", "{"), ("dra.workshop.w3", &other)],
        ));
        save_workshop(&s, &q, &w).unwrap();
        let list = list_workshops(&s, &q);
        assert!(matches!(&list[0], WorkshopEntry::Readable(x) if x.id == "w1"));
        assert!(
            matches!(&list[1], WorkshopEntry::Unreadable { key, .. } if key == "dra.workshop.bad")
        );
        assert!(
            matches!(&list[2], WorkshopEntry::Unreadable { key, .. } if key == "dra.workshop.w3"),
            "a workshop stored under another's key is damage"
        );
        assert_eq!(read_workshop(&s, &q, "w3"), None);
        assert!(has_workshops(&s));
        assert_eq!(unreadable_workshops(&s, &q), 2);
        assert_eq!(delete_workshop(&s, "bad").unwrap().as_deref(), Some("{"));
        assert_eq!(list_workshops(&s, &q).len(), 2);
        let empty: Store = Rc::new(MemoryBackend::with(
            MemoryMode::Normal,
            &[("dra.record.x", "{")],
        ));
        assert!(!has_workshops(&empty));
        assert_eq!(unreadable_workshops(&empty, &q), 0);
    }
}
