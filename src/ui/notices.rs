//! Messages about saved data, in a polite live region at the top of every screen.

use leptos::prelude::*;

use crate::state::AppState;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="dra-notices" role="status" aria-live="polite">
            <For
                each=move || state.notices.get()
                key=|n| n.clone()
                children=move |notice| {
                    let class = if notice.is_warning() { "dra-notice dra-notice--warning" } else { "dra-notice" };
                    let dismissed = notice.clone();
                    view! {
                        <div class=class>
                            <p>{notice.message()}</p>
                            <button type="button" class="dra-button dra-button--small"
                                on:click=move |_| state.dismiss(&dismissed)>
                                "Dismiss"
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}
