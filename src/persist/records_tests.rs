//! Tests of `records.rs`: loading, moving aside, listing, deleting and writing in batches,
//! on memory stores that fail as told.

use std::rc::Rc;

use assessment::i18n::EN;
use assessment::{default_questionnaire, Answer, Perspective, Scope, Step};

use super::*;
use crate::persist::keys::CURRENT_KEY;
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
    assert!(notices[0].detail(&EN).unwrap().contains("dra.corrupt.x"));
    assert!(
        !notices[0].message(&EN).contains("dra.corrupt.x"),
        "the key is detail"
    );
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
    assert!(matches!(&notices[..], [Notice::Recovered { key, .. }] if key == "dra.corrupt.x.2"));
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
    assert_eq!(
        save_all(&s, &q, &batch).map_err(|e| e.error),
        Err(StoreError::Full)
    );
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

/// A store whose calls fail as told: `get` of these keys, `remove` of these keys, or every
/// `set` after the first `sets_ok`.
#[derive(Debug)]
struct Failing {
    inner: MemoryBackend,
    get_fails: Vec<&'static str>,
    remove_fails: Vec<&'static str>,
    sets_ok: std::cell::Cell<usize>,
}

impl Failing {
    fn new(values: &[(&str, &str)]) -> Self {
        Self {
            inner: MemoryBackend::with(MemoryMode::Normal, values),
            get_fails: Vec::new(),
            remove_fails: Vec::new(),
            sets_ok: std::cell::Cell::new(usize::MAX),
        }
    }
}

impl crate::storage::Backend for Failing {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.get_fails.iter().any(|k| key.starts_with(k)) {
            return Err(StoreError::Other("get".into()));
        }
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self.sets_ok.get() {
            0 => Err(StoreError::Full),
            n => {
                self.sets_ok.set(n - 1);
                self.inner.set(key, value)
            }
        }
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.remove_fails.contains(&key) {
            return Err(StoreError::Other("remove".into()));
        }
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
    fn is_persistent(&self) -> bool {
        true
    }
}

#[test]
fn a_delete_whose_pointer_cannot_be_cleared_removes_nothing() {
    let q = default_questionnaire().unwrap();
    let text = encode_record(&Assessment::new("a", &q, 1), &q);
    let mut f = Failing::new(&[(CURRENT_KEY, "a"), ("dra.record.a", &text)]);
    f.remove_fails.push(CURRENT_KEY);
    let s: Store = Rc::new(f);
    assert!(delete(&s, "a").is_err());
    assert_eq!(
        s.get("dra.record.a").unwrap().as_deref(),
        Some(text.as_str())
    );
}

#[test]
fn a_record_under_another_records_key_is_damage() {
    let q = default_questionnaire().unwrap();
    let other = encode_record(&Assessment::new("b", &q, 1), &q);
    let s = store(
        MemoryMode::Normal,
        &[(CURRENT_KEY, "a"), ("dra.record.a", &other)],
    );
    assert_eq!(read(&s, &q, "a"), None);
    assert!(matches!(
        &list(&s, &q)[..],
        [Entry::Unreadable { kept: false, id, .. }] if id == "a"
    ));
    let (fresh, notices) = load(&s, &q, "new".into(), 0);
    assert_eq!(fresh.id, "new");
    assert!(matches!(&notices[..], [Notice::Recovered { .. }]));
    assert_eq!(s.get("dra.record.b").unwrap(), None, "b was never written");
}

#[test]
fn moved_aside_copies_are_listed_to_download_or_delete() {
    let q = default_questionnaire().unwrap();
    let s = store(MemoryMode::Normal, &[("dra.corrupt.x", "{oops")]);
    let entries = list(&s, &q);
    assert!(matches!(
        &entries[..],
        [Entry::Unreadable { key, kept: false, .. }] if key == "dra.corrupt.x"
    ));
    assert_eq!(
        delete_key(&s, "dra.corrupt.x").unwrap().as_deref(),
        Some("{oops")
    );
    assert!(list(&s, &q).is_empty());
}

#[test]
fn moving_aside_on_failing_storage_ends_and_keeps_the_record() {
    let q = default_questionnaire().unwrap();
    let mut f = Failing::new(&[(CURRENT_KEY, "x"), ("dra.record.x", "nope")]);
    f.get_fails.push("dra.corrupt.");
    let s: Store = Rc::new(f);
    let (_, notices) = load(&s, &q, "new".into(), 0);
    assert!(matches!(&notices[..], [Notice::Unreadable { .. }]));
    assert_eq!(s.get("dra.record.x").unwrap().as_deref(), Some("nope"));
}

#[test]
fn an_undo_that_fails_hands_back_what_it_could_not_put_back() {
    let q = default_questionnaire().unwrap();
    let old = encode_record(&Assessment::new("a", &q, 1), &q);
    let f = Failing::new(&[("dra.record.a", &old)]);
    // The first write (a) succeeds, the second (b) fails, and so does putting a back.
    f.sets_ok.set(1);
    let s: Store = Rc::new(f);
    let mut changed = Assessment::new("a", &q, 1);
    changed.label = "changed".into();
    let err = save_all(&s, &q, &[changed, Assessment::new("b", &q, 1)]).unwrap_err();
    assert_eq!(err.error, StoreError::Full);
    assert_eq!(err.not_restored, vec![("dra.record.a".to_owned(), old)]);
}
