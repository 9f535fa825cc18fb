//! A panic hook that replaces the page with a friendly message instead of leaving it blank.
//!
//! It uses plain web-sys: with `panic = "abort"` in release builds the reactive system is gone by
//! the time the hook runs, so nothing here may rely on Leptos.

use wasm_bindgen::JsValue;

/// The message shown when the app fails.
pub const MESSAGE: &str = "Sorry, something went wrong and the assessment stopped. \
    Your answers saved so far are kept in this browser: reload the page to continue.";

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
    p.set_text_content(Some(MESSAGE));
    let a = document.create_element("a").ok()?;
    a.set_attribute("href", "").ok()?;
    a.set_text_content(Some("Reload the page"));
    box_.append_child(&p).ok()?;
    box_.append_child(&a).ok()?;
    root.set_inner_html("");
    root.append_child(&box_).ok()?;
    Some(())
}
