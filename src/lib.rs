//! The distributor relationship assessment's browser app: a thin Leptos shell over the
//! `assessment` domain crate. Screens live in [`ui`], storage in [`storage`] and [`persist`].

pub mod browser;
pub mod embed;
pub mod import;
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
    let document = leptos::prelude::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            use wasm_bindgen::JsCast;
            leptos::mount::mount_to(root.unchecked_into(), App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
