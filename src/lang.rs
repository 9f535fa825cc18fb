//! One language first. The app's words and the questionnaire's texts in English are in the main
//! module; German and French each come in a chunk of their own (`ui::lazy`), fetched at start when
//! the person's language is one of them, or when the language switch asks for it. A language
//! that has not arrived falls back to English, so nothing ever waits on a chunk to show words.
//!
//! The questionnaire per language is validated and written by the build script (`src/build.rs`):
//! the bundled questionnaire with that language's texts only, in the compact form
//! (`assessment::compact`) that is read without the JSON parser or the validator.

use std::cell::RefCell;

use assessment::compact;
use assessment::i18n::{Locale, Messages, EN};
use assessment::Questionnaire;

use crate::embed::EmbedOptions;
use crate::storage::Store;
use crate::ui::ChunkMissing;

/// The bundled questionnaire with its English texts.
const CONTENT_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/content-en.q"));

/// What a language's chunk brings: its catalogue and the questionnaire in it (compact form).
pub struct Language {
    pub messages: &'static Messages,
    pub content: &'static str,
}

thread_local! {
    /// The languages loaded besides English, with their questionnaires read.
    static LOADED: RefCell<Vec<(Locale, &'static Messages, &'static Questionnaire)>> =
        const { RefCell::new(Vec::new()) };
}

/// The language to start in: the `lang` URL parameter, else the one the user chose here before,
/// else the first of the browser's languages the app has, else English.
pub fn initial(embed: &EmbedOptions, store: &Store) -> Locale {
    if let Some(l) = embed.lang {
        return l;
    }
    if let Some(l) = crate::persist::read_locale(store) {
        return l;
    }
    let languages: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Locale::negotiate(languages.iter().map(String::as_str))
}

/// The bundled questionnaire in English, read once. The build script read it back before
/// writing it, so it cannot fail here.
pub fn english() -> &'static Questionnaire {
    static Q: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    Q.get_or_init(|| compact::decode(CONTENT_EN).expect("the build script checked it"))
}

/// Whether `locale`'s words and texts are here.
pub fn is_loaded(locale: Locale) -> bool {
    locale == Locale::En || LOADED.with_borrow(|l| l.iter().any(|(x, ..)| *x == locale))
}

/// The catalogue of `locale`, or the English one while it has not arrived.
pub fn messages(locale: Locale) -> &'static Messages {
    LOADED
        .with_borrow(|l| l.iter().find(|(x, ..)| *x == locale).map(|(_, m, _)| *m))
        .unwrap_or(&EN)
}

/// The questionnaire with `locale`'s texts, once that language is here (English: read once).
pub fn questionnaire(locale: Locale) -> Option<&'static Questionnaire> {
    match locale {
        Locale::En => Some(english()),
        _ => LOADED.with_borrow(|l| l.iter().find(|(x, ..)| *x == locale).map(|(.., q)| *q)),
    }
}

/// Fetches `locale`'s chunk unless it is here already.
pub async fn load(locale: Locale) -> Result<(), ChunkMissing> {
    if is_loaded(locale) {
        return Ok(());
    }
    let language = match locale {
        Locale::En => return Ok(()),
        Locale::De => crate::ui::lazy::german().await?,
        Locale::Fr => crate::ui::lazy::french().await?,
    };
    // Checked when the app was built, so this cannot fail; if it did, the language would stay
    // unavailable rather than show a half-translated questionnaire.
    let q = compact::decode(language.content).ok_or(ChunkMissing)?;
    let q: &'static Questionnaire = Box::leak(Box::new(q));
    LOADED.with_borrow_mut(|l| {
        if !l.iter().any(|(x, ..)| *x == locale) {
            l.push((locale, language.messages, q));
        }
    });
    Ok(())
}
