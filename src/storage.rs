//! Local storage behind a small trait, so that the app can run on real `localStorage`, on memory
//! when storage is blocked, and so that tests can hand it storage that is blocked or full.
//!
//! This is the only module that touches `localStorage`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use assessment::i18n::{fill, Messages, EN};
use wasm_bindgen::JsValue;

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StoreError {
    /// The browser refused access (blocked, private mode, sandboxed frame).
    Unavailable,
    /// The quota is used up: the value was not written.
    Full,
    /// Anything else the browser threw, with its message.
    Other(String),
}

impl StoreError {
    /// What went wrong, for people.
    pub fn message(&self, m: &Messages) -> String {
        match self {
            StoreError::Unavailable => m.storage_unavailable.to_owned(),
            StoreError::Full => m.storage_full.to_owned(),
            StoreError::Other(detail) => fill(m.storage_failed, &[("detail", detail)]),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

/// A string key-value store.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// Whether values survive a reload (false for the in-memory fallback).
    fn is_persistent(&self) -> bool;
}

/// A cheap handle to the store the app uses.
pub type Store = Rc<dyn Backend>;

/// The browser's `localStorage`, through gloo-storage.
///
/// gloo-storage's `LocalStorage::raw()` panics (`expect_throw`) when storage is blocked, and
/// merely reading `window.localStorage` throws in a blocked context, so [`LocalBackend::open`]
/// probes through web-sys first. Values stay raw strings (gloo's typed `get`/`set` would wrap
/// every record in a second layer of JSON, and a damaged record must be moved byte for byte), and
/// failures keep their type ([`StoreError::Full`] for a quota error), so the calls go to the
/// `Storage` handle gloo hands out.
#[derive(Debug)]
pub struct LocalBackend(web_sys::Storage);

impl LocalBackend {
    /// Opens `localStorage`, or says why it cannot be used.
    pub fn open() -> Result<Self, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(Self(
                <gloo_storage::LocalStorage as gloo_storage::Storage>::raw(),
            )),
            _ => Err(StoreError::Unavailable),
        }
    }
}

fn classify(err: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
        "SecurityError" => StoreError::Unavailable,
        _ => StoreError::Other(
            js_sys::Reflect::get(&err, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or(name),
        ),
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.0.length().map_err(classify)?;
        Ok((0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect())
    }

    fn is_persistent(&self) -> bool {
        true
    }
}

/// How a [`MemoryBackend`] behaves when written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryMode {
    /// Works normally.
    Normal,
    /// Refuses every write with [`StoreError::Full`], like a browser whose quota is used up.
    Full,
}

/// An in-memory store: the fallback when `localStorage` is unavailable, and a test double.
#[derive(Debug)]
pub struct MemoryBackend {
    values: RefCell<BTreeMap<String, String>>,
    mode: MemoryMode,
}

impl MemoryBackend {
    pub fn new(mode: MemoryMode) -> Self {
        Self {
            values: RefCell::default(),
            mode,
        }
    }

    /// A store that starts with these values.
    pub fn with(mode: MemoryMode, values: &[(&str, &str)]) -> Self {
        let store = Self::new(mode);
        store.values.borrow_mut().extend(
            values
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        store
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.values.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self.mode {
            MemoryMode::Full => Err(StoreError::Full),
            MemoryMode::Normal => {
                self.values
                    .borrow_mut()
                    .insert(key.to_owned(), value.to_owned());
                Ok(())
            }
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.values.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.values.borrow().keys().cloned().collect())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

/// The store to use: `localStorage` when the browser allows it, else memory.
pub fn open_default() -> (Store, Option<StoreError>) {
    match LocalBackend::open() {
        Ok(local) => (Rc::new(local), None),
        Err(e) => (Rc::new(MemoryBackend::new(MemoryMode::Normal)), Some(e)),
    }
}
