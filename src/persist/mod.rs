//! Where things live in storage, and what happens when reading or writing them fails: the keys
//! ([`keys`]), assessments ([`records`]), workshops ([`workshops`]) and the remembered
//! switches ([`preferences`]). Only this module decides keys; only `crate::storage` touches
//! `localStorage`. What the person is told is in `crate::notice`.

pub mod keys;
pub mod preferences;
pub mod records;
pub mod workshops;

pub use keys::{
    corrupt_key, record_key, workshop_key, CURRENT_KEY, RECORD_PREFIX, WORKSHOP_PREFIX,
};
pub use preferences::{read_locale, read_theme, save_locale, save_theme};
pub use records::{
    delete, delete_key, exists, list, load, raw, read, restore, save, save_all, BatchError, Entry,
};
pub use workshops::{
    delete_workshop, has_workshops, list_workshops, read_workshop, save_workshop,
    unreadable_workshops, WorkshopEntry,
};

use crate::notice::Notice;
use crate::storage::Store;

/// At start: how many stored assessments (records and the copies of damaged ones) this version
/// cannot read, less `told`, the number a notice already speaks of (the one in progress, found
/// damaged). The workshops are counted apart ([`unreadable_workshops`]), by code in a chunk.
pub fn unreadable_records(store: &Store, q: &assessment::Questionnaire, told: usize) -> usize {
    list(store, q)
        .iter()
        .filter(|e| matches!(e, Entry::Unreadable { .. }))
        .count()
        .saturating_sub(told)
}

/// The notice for what is stored here and cannot be read; none when everything reads.
pub fn unreadable_notice(records: usize, workshops: usize) -> Option<Notice> {
    (records + workshops > 0).then_some(Notice::StoredUnreadable { records, workshops })
}
