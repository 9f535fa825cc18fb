//! The colour scheme and language chosen with the switches.

use assessment::i18n::Locale;

use super::keys::{LOCALE_KEY, THEME_KEY};
use crate::storage::{Store, StoreError};

/// The colour scheme the user chose (`light` or `dark`); absent: follow the system.
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
