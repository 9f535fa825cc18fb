//! The distributor relationship assessment's browser app: a thin Leptos shell over the
//! `assessment` domain crate. Screens live in [`ui`], storage in [`storage`] and [`persist`].

pub mod browser;
pub mod embed;
pub mod import;
pub mod lang;
pub mod notice;
pub mod panic;
pub mod persist;
pub mod present;
pub mod route;
pub mod state;
pub mod storage;
pub mod ui;

pub use ui::{App, AppWith};

/// Mounts the app into the page's `#app` element (replacing its loading message), or into the
/// body when there is none.
pub fn start() {
    panic::install();
    // One language first: a German or French reader's chunk arrives before the first screen,
    // which then opens in their language (English if it cannot be fetched).
    let (store, error) = storage::open_default();
    let locale = lang::initial(&state::url_options(), &store);
    if lang::is_loaded(locale) {
        mount(store, error);
    } else {
        // Before mounting, Leptos's executor is not set up yet: the browser's promise queue.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = lang::load(locale).await;
            mount(store, error);
        });
    }
}

fn mount(store: storage::Store, error: Option<storage::StoreError>) {
    let app = move || leptos::view! { <App store=store error=error /> };
    let document = leptos::prelude::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            use wasm_bindgen::JsCast;
            leptos::mount::mount_to(root.unchecked_into(), app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}
