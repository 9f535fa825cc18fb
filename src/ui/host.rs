//! Talking to the page that embeds the app (see `crate::embed` for the message format).

use assessment::{score, Step};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::embed::{self, EmbedOptions};
use crate::state::AppState;

fn post(message: &serde_json::Value, options: &EmbedOptions) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let Some(target) = options.target_origin() else {
        return;
    };
    if let Ok(data) = js_sys::JSON::parse(&message.to_string()) {
        let _ = parent.post_message(&data, target);
    }
}

fn content_height() -> f64 {
    document()
        .document_element()
        .map_or(0.0, |e| e.get_bounding_client_rect().height())
}

/// Applies the host's look (accent colour, font scale) through the CSSOM, never a `style`
/// attribute, so a strict Content-Security-Policy allows it.
pub fn apply_look(options: &EmbedOptions) {
    let Some(root) = document().document_element() else {
        return;
    };
    if options.embed {
        let _ = root.class_list().add_1("dra-embed");
    }
    let Ok(html) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let style = html.style();
    if let Some(accent) = &options.accent {
        let _ = style.set_property("--dra-accent", accent);
        let _ = style.set_property("--dra-focus", accent);
    }
    if let Some(scale) = options.font_scale {
        // Two decimals through integers: float formatting would add about 10 KB to the bundle.
        let hundredths = (scale * 100.0).round() as u32;
        let _ = style.set_property(
            "--dra-font-scale",
            &format!("{}.{:02}", hundredths / 100, hundredths % 100),
        );
    }
}

/// Sends ready, resize, page and completed messages, and answers the host's size requests.
pub fn connect(state: AppState) {
    let options = state.embed.get_value();
    if !options.embed {
        return;
    }
    post(&embed::ready(), &options);

    // Resize: whenever the document's height changes.
    let opts = options.clone();
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
        post(&embed::resize(content_height()), &opts);
    });
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        observer.observe(&root);
        let observer = send_wrapper::SendWrapper::new(observer);
        on_cleanup(move || observer.disconnect());
    }
    on_resize.forget();

    // Page: index 0 is the welcome page, then one per section page, then the results; one
    // message per change of page (the index is a memo over the page, not over the answers).
    let opts = options.clone();
    let index = Memo::new(move |_| {
        let scope = state.scope();
        let pages = scope.len();
        let index = match state.step() {
            Step::Welcome => 0,
            Step::Section(_) => state
                .assessment
                .with_untracked(|a| a.page_number(&scope))
                .map_or(1, |(p, _)| p),
            Step::Results => pages + 1,
        };
        (index, pages + 2)
    });
    Effect::new(move |_| {
        let (index, count) = index.get();
        post(&embed::page(index, count), &opts);
    });

    // Completed: once, when the results are first reached.
    let opts = options.clone();
    Effect::new(move |was: Option<bool>| {
        let done = state.assessment.with(|a| a.completed_ms.is_some());
        if was == Some(false) && done {
            let report = opts.sends_scores().then(|| {
                state
                    .assessment
                    .with_untracked(|a| score(state.q(), &a.answers, &a.asked(&state.scope())))
            });
            post(&embed::completed(state.q(), report.as_ref()), &opts);
        }
        done
    });

    // The host may ask for the size; anything else, or from another origin, is ignored.
    let opts = options;
    let handle = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        if opts
            .parent_origin
            .as_deref()
            .is_some_and(|o| o != ev.origin())
        {
            return;
        }
        let data: Option<serde_json::Value> = js_sys::JSON::stringify(&ev.data())
            .ok()
            .and_then(|s| s.as_string())
            .and_then(|s| serde_json::from_str(&s).ok());
        if data.as_ref().is_some_and(embed::is_size_request) {
            post(&embed::resize(content_height()), &opts);
        }
    });
    on_cleanup(move || handle.remove());
}
