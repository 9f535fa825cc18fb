//! A panic hook that replaces the page with a friendly message instead of leaving it blank.
//!
//! It uses plain web-sys: with `panic = "abort"` in release builds the reactive system is gone by
//! the time the hook runs, so nothing here may rely on Leptos.

use std::sync::atomic::{AtomicUsize, Ordering};

use assessment::i18n::{Locale, Messages};
use wasm_bindgen::JsValue;

/// The language the failure message is shown in (an index into `Locale::ALL`), kept outside
/// the reactive system, which may be gone when the hook runs.
static LOCALE: AtomicUsize = AtomicUsize::new(0);

/// Remembers the app's current language for the failure message.
pub fn set_locale(locale: Locale) {
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    LOCALE.store(index, Ordering::Relaxed);
}

fn messages() -> &'static Messages {
    let index = LOCALE.load(Ordering::Relaxed);
    crate::lang::messages(Locale::ALL.get(index).copied().unwrap_or_default())
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        show_failure();
    }));
}

/// Replaces the app's root (or the body) with the failure message and a reload link.
pub fn show_failure() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let root = document
        .get_element_by_id("app")
        .or_else(|| document.body().map(Into::into))?;
    let box_ = document.create_element("div").ok()?;
    box_.set_class_name("dra-fatal");
    box_.set_attribute("role", "alert").ok()?;
    let p = document.create_element("p").ok()?;
    p.set_text_content(Some(messages().failure));
    let a = document.create_element("a").ok()?;
    a.set_attribute("href", "").ok()?;
    a.set_text_content(Some(messages().reload));
    box_.append_child(&p).ok()?;
    box_.append_child(&a).ok()?;
    root.set_inner_html("");
    root.append_child(&box_).ok()?;
    Some(())
}
