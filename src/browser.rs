//! Small pieces of browser glue: downloads, the clipboard, reading files, dates.

use assessment::i18n::{Locale, Messages};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_class_name("dra-hidden");
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Not revoked at once: the browser may still be starting the download after `click()`.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// Copies text to the clipboard; `false` when the browser refused.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Reads a file as UTF-8 text; `None` when the browser could not read it.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// Reads many files as UTF-8 text at once (in parallel, one await for all); `None` for each file
/// the browser could not read.
pub async fn read_texts(files: &[web_sys::File]) -> Vec<Option<String>> {
    // A failed read resolves to `undefined` instead of failing the whole batch.
    let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let promises = js_sys::Array::new();
    for f in files {
        promises.push(&f.text().catch(&on_error));
    }
    let all = JsFuture::from(js_sys::Promise::all(&promises)).await;
    drop(on_error);
    match all {
        Ok(values) => js_sys::Array::from(&values)
            .iter()
            .map(|v| v.as_string())
            .collect(),
        Err(_) => files.iter().map(|_| None).collect(),
    }
}

/// The tag dates are formatted with: the browser's own variant of the app's language when it
/// has one (en-GB, de-CH), else the language itself.
fn date_locale(m: &Messages) -> String {
    let code = m.locale.code();
    web_sys::window()
        .map(|w| w.navigator().languages())
        .and_then(|langs| {
            langs
                .iter()
                .filter_map(|v| v.as_string())
                .find(|t| Locale::from_tag(t) == Some(m.locale))
        })
        .unwrap_or_else(|| code.to_owned())
}

/// Formats a time with `Intl` options given as (name, value) pairs.
fn format_time(ms: i64, m: &Messages, options: &[(&str, &str)]) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let o = js_sys::Object::new();
    for (k, v) in options {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    d.to_locale_string(&date_locale(m), &o).into()
}

/// A date for people, in the app's language (e.g. "26 Nov 2026", "26. Nov. 2026").
pub fn date(ms: i64, m: &Messages) -> String {
    format_time(
        ms,
        m,
        &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
    )
}

/// A calendar day written as `YYYY-MM-DD` (a date input's value), for people in the app's
/// language; anything else is shown as it is.
pub fn day(iso: &str, m: &Messages) -> String {
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [y, mo, d] if (1..=12).contains(&mo) && (1..=31).contains(&d) => {
            let ms = js_sys::Date::utc(f64::from(y), f64::from(mo - 1))
                + f64::from(d - 1) * 86_400_000.0;
            format_time(
                ms as i64,
                m,
                &[
                    ("day", "numeric"),
                    ("month", "short"),
                    ("year", "numeric"),
                    ("timeZone", "UTC"),
                ],
            )
        }
        _ => iso.to_owned(),
    }
}

/// A date and time for people, in the app's language (e.g. "26 Nov 2026, 17:05").
pub fn date_time(ms: i64, m: &Messages) -> String {
    format_time(
        ms,
        m,
        &[
            ("day", "numeric"),
            ("month", "short"),
            ("year", "numeric"),
            ("hour", "numeric"),
            ("minute", "2-digit"),
        ],
    )
}

/// The date part of a file name: 2026-11-26.
pub fn file_date(ms: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The URL parameters a share link leaves out: the language (the receiver of a link reads it in
/// their own, not the sender's) and every embed option of `crate::embed::EmbedOptions` (a link
/// copied inside a frame opens as a page of its own, not as the host's frame).
pub const NOT_SHARED: [&str; 9] = crate::embed::PARAMETERS;

/// The page's address without its fragment and without the parameters in [`NOT_SHARED`], for
/// share links.
pub fn base_url() -> String {
    let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else {
        return String::new();
    };
    match web_sys::Url::new(&href) {
        Ok(url) => {
            let params = url.search_params();
            for name in NOT_SHARED {
                params.delete(name);
            }
            url.set_hash("");
            url.href()
        }
        Err(_) => href.split(['?', '#']).next().unwrap_or("").to_owned(),
    }
}

/// When the page's URL names a language (`?lang=`), makes it name `code` instead, so that a
/// reload keeps the language chosen with the switch.
pub fn set_lang_in_url(code: &str) {
    let Some(w) = web_sys::window() else { return };
    let Some(url) = w
        .location()
        .href()
        .ok()
        .and_then(|h| web_sys::Url::new(&h).ok())
    else {
        return;
    };
    let params = url.search_params();
    if params.has("lang") {
        params.set("lang", code);
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
        }
    }
}

/// The page's URL parameters, decoded (`+` as a space), in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let decode = |s: &str| {
        js_sys::decode_uri_component(&s.replace('+', " "))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Opens the browser's print dialog (where "Save as PDF" is).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[cfg(test)]
mod tests {
    use crate::embed::EmbedOptions;

    #[test]
    fn share_links_leave_out_every_embed_option() {
        // Each name left out is one the embed options read: set alone, it changes them.
        let samples = [
            ("lang", "de"),
            ("embed", "1"),
            ("perspective", "distributor"),
            ("sections", "REL"),
            ("accent", "#123"),
            ("font_scale", "1.5"),
            ("results", "0"),
            ("share_scores", "1"),
            ("parent_origin", "https://a.example"),
        ];
        assert_eq!(samples.map(|(k, _)| k), super::NOT_SHARED);
        let default = EmbedOptions::from_params([]);
        for (k, v) in samples {
            assert_ne!(EmbedOptions::from_params([(k, v)]), default, "{k}");
        }
    }
}
