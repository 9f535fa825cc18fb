//! The top navigation and the preferences in it: the links, the language and theme switches,
//! and on a phone the Menu button that opens them.

use assessment::i18n::Locale;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::focus_element;
use crate::route::Route;
use crate::state::AppState;

/// The top navigation: one row at every width. On a wide screen the links and the switches sit
/// in that row; on a phone a "Menu" button (a disclosure: `aria-expanded`, Escape closes it and
/// goes back to the button) opens them below the row, over the page.
#[component]
pub fn TopNav(route: Signal<Route>, open: RwSignal<bool>, hidden: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    // Any change of screen closes the menu.
    Effect::new(move |previous: Option<Route>| {
        let now = route.get();
        if previous.is_some_and(|p| p != now) {
            open.set(false);
        }
        now
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            focus_element(MENU_BUTTON_ID);
        }
    };
    let current = move |here: fn(&Route) -> bool| move || here(&route.get()).then_some("page");
    view! {
        <nav class="dra-topnav dra-no-print" aria-label=m.nav_label class:dra-hidden=move || hidden.get()
            on:keydown=on_keydown>
            <button type="button" id=MENU_BUTTON_ID class="dra-button dra-button--small dra-menu-button"
                aria-expanded=move || open.get().to_string() aria-controls="dra-nav-menu"
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="dra-menu-button__icon" aria-hidden="true"></span>
                {m.menu}
            </button>
            <div id="dra-nav-menu" class="dra-topnav__menu" class:dra-topnav__menu--open=move || open.get()>
                <a href="#/" on:click=move |_| open.set(false) aria-current=current(|r| *r == Route::Assessment)>{m.nav_assessment}</a>
                <a href="#/history" on:click=move |_| open.set(false) aria-current=current(|r| matches!(r, Route::History | Route::Compare(..)))>
                    {m.nav_history}
                </a>
                <a href="#/workshops" on:click=move |_| open.set(false) aria-current=current(|r| matches!(r, Route::Workshops | Route::Workshop(_) | Route::Present(_)))>
                    {m.nav_workshops}
                </a>
                <div class="dra-prefs">
                    <LanguageSwitch open=open />
                    <ThemeSwitch />
                </div>
            </div>
        </nav>
    }
}

/// The id of the phone navigation's menu button.
const MENU_BUTTON_ID: &str = "dra-menu-button";

/// The language switch: a labelled select listing each language in itself. Switching rebuilds
/// the screens in the new language and puts focus back on the switch.
#[component]
fn LanguageSwitch(open: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let current = state.locale.get_untracked();
    view! {
        <span class="dra-lang">
            <label for=LANGUAGE_ID>{m.language}</label>
            <select id=LANGUAGE_ID on:change=move |ev| {
                if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                    state.set_locale(l, move || {
                        // The language in use: the new one, or the old one when the new one
                        // could not be fetched.
                        if let Some(select) = document()
                            .get_element_by_id(LANGUAGE_ID)
                            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                        {
                            select.set_value(state.locale.get_untracked().code());
                        }
                        // The language could not be fetched: on a phone the open menu would
                        // cover the notice that says so, so it closes onto its button.
                        if state.locale.get_untracked() != l && open.get_untracked() {
                            open.set(false);
                            request_animation_frame(|| focus_element(MENU_BUTTON_ID));
                        } else {
                            request_animation_frame(|| focus_element(LANGUAGE_ID));
                        }
                    });
                }
            }>
                {Locale::ALL.into_iter().map(|l| view! {
                    <option value=l.code() lang=l.code() selected=l == current>{l.native_name()}</option>
                }).collect_view()}
            </select>
        </span>
    }
}

/// The id of the language switch.
pub const LANGUAGE_ID: &str = "dra-language";

/// Light or dark: follows the system until the user presses the switch, then remembers.
#[component]
fn ThemeSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let system_dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let chosen = RwSignal::new(state.with_store(crate::persist::read_theme));
    let dark = move || chosen.with(|c| c.as_deref().map_or(system_dark, |t| t == "dark"));
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = match chosen.get() {
                Some(t) => root.set_attribute("data-theme", &t),
                None => root.remove_attribute("data-theme"),
            };
        }
    });
    view! {
        <button type="button" class="dra-button dra-button--small dra-theme" aria-pressed=move || dark().to_string()
            on:click=move |_| {
                let next = if dark() { "light" } else { "dark" };
                let _ = state.with_store(|s| crate::persist::save_theme(s, next));
                chosen.set(Some(next.to_owned()));
            }>
            {state.t().dark_mode}
        </button>
    }
}
