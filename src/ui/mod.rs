//! The screens. Each reads the shared [`AppState`] from context and renders the domain types.

mod advice;
mod compare;
mod history;
mod host;
mod import;
mod item;
pub(crate) mod lazy;
mod nav;
mod notices;
mod progress;
mod questions;
mod radar;
mod results;
mod shared;
mod sides;
mod welcome;
mod workshop;

use assessment::i18n::fill;
use assessment::Step;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::notice::Notice;
use crate::route::Route;
use crate::state::AppState;
use crate::storage::{Store, StoreError};

pub use lazy::ChunkMissing;
pub use radar::RadarChart;

/// The app on the browser's own storage, as `storage::open_default` opened it (memory when the
/// browser blocks it, with the error that says why).
#[component]
pub fn App(store: Store, error: Option<StoreError>) -> impl IntoView {
    let notices = match error {
        Some(StoreError::Unavailable | StoreError::Full | StoreError::Other(_)) => {
            vec![Notice::NotKept]
        }
        None => Vec::new(),
    };
    view! { <AppWith store=store notices=notices /> }
}

/// The app on a given store, with notices to show from the start.
#[component]
pub fn AppWith(store: Store, #[prop(optional)] notices: Vec<Notice>) -> impl IntoView {
    let q = crate::lang::english();
    let state = AppState::new(q, store, notices);
    provide_context(state);
    let before_print =
        window_event_listener(leptos::ev::beforeprint, move |_| set_print_footer(state));
    on_cleanup(move || before_print.remove());
    focus_heading_on_page_change(state);
    follow_the_locale(state);
    announce_unreadable(state);
    let embedded = state.embed.with_value(|e| e.embed);
    state.embed.with_value(host::apply_look);
    host::connect(state);
    // Embedded, the frame shows the assessment only (and shared links).
    let route = move || match state.route.get() {
        Route::Shared(p) => Route::Shared(p),
        _ if embedded => Route::Assessment,
        other => other,
    };
    // A change of language rebuilds every screen in the new language; the answers live in the
    // state, so nothing is lost (and the phone menu stays open on the language switch).
    let menu_open = RwSignal::new(false);
    view! {
        <div class="dra">
            {move || {
                state.locale.track();
                view! {
                    <nav::TopNav route=Signal::derive(route) open=menu_open
                        hidden=Signal::derive(move || embedded || matches!(route(), Route::Present(_))) />
                    <p class="dra-visually-hidden" aria-live="polite">{announcement(state)}</p>
                    <notices::Notices />
                    <import::ConflictDialog />
                    <Screen route=Signal::derive(route) />
                }
            }}
        </div>
    }
}

/// The screen for the route.
#[component]
fn Screen(route: Signal<Route>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || match route.get() {
            Route::Assessment => match state.step() {
                Step::Welcome => view! { <welcome::Welcome /> }.into_any(),
                Step::Section(s) => view! { <questions::SectionPage section=s /> }.into_any(),
                Step::Results => lazy::lazy(lazy::results),
            },
            // Everything past the respondent's path is loaded when first shown.
            Route::History | Route::Compare(..) => lazy::lazy(move || lazy::records(route.get_untracked())),
            Route::Shared(p) => lazy::lazy(move || lazy::shared(p.clone())),
            Route::Workshops | Route::Workshop(_) | Route::Present(_) => {
                lazy::lazy(move || lazy::workshops(route.get_untracked()))
            }
        }}
    }
}

/// A table that may scroll sideways on small screens: focusable so keyboard users can scroll it,
/// and named after the table.
#[component]
pub fn TableWrap(label: String, children: Children) -> impl IntoView {
    view! { <div class="dra-table-wrap" tabindex="0" role="region" aria-label=label>{children()}</div> }
}

/// What a screen reader hears when the page changes: the section and the progress.
fn announcement(state: AppState) -> impl Fn() -> String + Send + Sync + Copy + 'static {
    // Only a change of page is announced, not every answer: the progress is read untracked.
    let page = Memo::new(move |_| (state.route.get(), state.step()));
    move || {
        let m = state.t();
        let scope = state.scope();
        match page.get() {
            (Route::Assessment, Step::Section(s)) => state.assessment.with_untracked(|a| {
                let p = a.progress(state.q(), &scope);
                let (page, pages) = a.page_number(&scope).unwrap_or((1, scope.len()));
                fill(
                    m.announce_section,
                    &[
                        ("page", &m.int(page as u64)),
                        ("pages", &m.int(pages as u64)),
                        ("title", state.text(&state.q().sections[s].title)),
                        ("answered", &m.int(p.answered as u64)),
                        ("total", &m.int(p.total as u64)),
                    ],
                )
            }),
            (Route::Assessment, Step::Results) => m.announce_results.to_owned(),
            _ => String::new(),
        }
    }
}

/// At start, one notice for what is stored here and this version cannot read. The workshops
/// are read by the workshop decoder, which is in a chunk: fetched only when a workshop is
/// stored, and when it cannot be fetched the notice speaks of the assessments alone.
fn announce_unreadable(state: AppState) {
    use crate::persist;
    // The assessment in progress, found damaged, already has a notice of its own.
    let told = state.notices.with_untracked(|all| {
        all.iter()
            .filter(|n| matches!(n, Notice::Recovered { .. } | Notice::Unreadable { .. }))
            .count()
    });
    let q = state.q();
    let records = state.with_store(|s| persist::unreadable_records(s, q, told));
    let announce = move |workshops| {
        if let Some(n) = persist::unreadable_notice(records, workshops) {
            state.notify(n);
        }
    };
    if state.with_store(persist::has_workshops) {
        leptos::task::spawn_local(async move {
            announce(lazy::unreadable_workshops(state).await.unwrap_or(0));
        });
    } else {
        announce(0);
    }
}

/// Keeps `<html lang dir>` and the document title in the current language.
fn follow_the_locale(state: AppState) {
    Effect::new(move |_| {
        let locale = state.locale.get();
        crate::panic::set_locale(locale);
        set_print_footer(state);
        let document = document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", locale.code());
            let _ = root.set_attribute("dir", locale.dir());
        }
        // The head's own <title>: `document.title` would pick the first <title> in the
        // document, which may be a chart's.
        if let Some(head) = document.head() {
            let title = match head.query_selector("title") {
                Ok(Some(t)) => Some(t),
                _ => document
                    .create_element("title")
                    .ok()
                    .filter(|t| head.append_child(t).is_ok()),
            };
            if let Some(t) = title {
                t.set_text_content(Some(state.text(&state.q().title)));
            }
        }
    });
}

/// What every printed page's footer says -- the questionnaire, its version, the day it was
/// printed, "Page n of m" -- as custom properties on the root element, which the `@page`
/// margin boxes in the style sheet read (the style sheet cannot know the words or the day).
/// Set through the CSSOM, which the strict CSP allows; again just before each print.
fn set_print_footer(state: AppState) {
    let m = state.t();
    let footer = fill(
        m.print_footer,
        &[
            ("title", state.text(&state.q().title)),
            ("version", &m.int(u64::from(state.q().version))),
            ("date", &crate::browser::date(crate::state::now_ms(), m)),
        ],
    );
    let (before, rest) = m.print_page.split_once("{page}").unwrap_or(("", ""));
    let (between, after) = rest.split_once("{pages}").unwrap_or((" / ", ""));
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (name, value) in [
        ("--dra-print-footer", footer.as_str()),
        ("--dra-print-page-before", before),
        ("--dra-print-page-between", between),
        ("--dra-print-page-after", after),
    ] {
        let _ = style.set_property(name, &crate::present::css_string(value));
    }
}

/// Shows `dialog` as a modal while `open()` is true, and closes it when it turns false.
pub fn modal_while(
    dialog: NodeRef<leptos::html::Dialog>,
    open: impl Fn() -> bool + Send + Sync + 'static,
) {
    Effect::new(move |_| {
        let open = open();
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });
}

/// A keyboard-friendly multiple-file picker for JSON files: a button-like label for a visually
/// hidden input; the chosen files go to `on_files`, and the input is cleared for the next choice.
#[component]
pub fn FilePicker(
    id: &'static str,
    label: &'static str,
    /// The ids (space-separated) of the text that explains what to choose and of the report of
    /// what happened, so both are read with the control.
    help: &'static str,
    on_files: impl Fn(Option<web_sys::FileList>) + 'static,
) -> impl IntoView {
    view! {
        <label class="dra-button dra-file" for=id>{label}</label>
        <input id=id class="dra-visually-hidden" type="file" accept=".json,application/json" multiple
            aria-describedby=help
            on:change=move |ev| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                on_files(input.files());
                input.set_value("");
            } />
    }
}

/// The files of a file input or a drop (none when the browser gave no list).
pub fn file_list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    files
        .map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect())
        .unwrap_or_default()
}

/// The trust gate's flag when it applies: `templates` are the at-risk and the not-assessed
/// messages, filled with the gate's section, threshold and capped band.
pub fn gate_flag(
    state: AppState,
    trust: assessment::TrustGate,
    (at_risk, not_assessed): (&str, &str),
) -> Option<String> {
    let (q, m) = (state.q(), state.t());
    let g = q.scoring.trust_gate.as_ref()?;
    let (template, cap) = match trust {
        assessment::TrustGate::AtRisk => (at_risk, g.at_risk_cap_band),
        assessment::TrustGate::NotAssessed => (not_assessed, g.not_assessed_cap_band),
        _ => return None,
    };
    Some(fill(
        template,
        &[
            ("section", state.text(&q.sections[g.section].title)),
            ("percent", &m.percent(g.below_percent)),
            ("band", state.text(&q.scoring.bands[cap].name)),
        ],
    ))
}

/// The id of every screen's main heading.
pub const HEADING_ID: &str = "dra-heading";

/// When the page changes (not on first load), moves focus to the new page's heading (or to the
/// element asked for in `focus_next`) and scrolls it into view, so keyboard and screen-reader
/// users start reading the new page.
fn focus_heading_on_page_change(state: AppState) {
    Effect::new(move |previous: Option<(Route, Step)>| {
        let step = (state.route.get(), state.step());
        if previous.as_ref().is_some_and(|p| *p != step) {
            let target = state
                .focus_next
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(|| HEADING_ID.to_owned());
            // Back on the results after a jump to a question: where they were scrolled to.
            let back_at = match step {
                (Route::Assessment, Step::Results) => state.from_results.get_untracked(),
                (Route::Assessment, Step::Section(_)) => None,
                _ => {
                    state.from_results.set(None);
                    None
                }
            };
            if back_at.is_some() && step.1 == Step::Results {
                state.from_results.set(None);
            }
            request_animation_frame(move || {
                // A screen still loading its chunk: the landing waits for it (see lazy.rs).
                if document().get_element_by_id(&target).is_none() {
                    state.after_load.set_value(Some((target, back_at)));
                } else {
                    land(&target, back_at);
                }
            });
        }
        step
    });
}

/// Focuses the element with id `target`, scrolled into view or to `back_at`.
pub fn land(target: &str, back_at: Option<f64>) {
    match back_at {
        Some(y) => {
            focus_without_scrolling(target);
            window().scroll_to_with_x_and_y(0.0, y);
        }
        None => focus_element(target),
    }
}

/// Focuses an element by id without scrolling to it.
fn focus_without_scrolling(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Focuses an element by id (it needs a tabindex if it is not focusable by itself).
pub fn focus_element(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}
