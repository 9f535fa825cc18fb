//! Messages about saved data, in a polite live region at the top of every screen.

use leptos::prelude::*;

use crate::notice::{Action, Notice, Said};
use crate::persist;
use crate::state::AppState;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    view! {
        <div class="dra-notices" role="status" aria-live="polite">
            <For
                each=move || state.notices.get()
                key=|n| n.clone()
                children=move |notice| {
                    let class = if notice.is_warning() { "dra-notice dra-notice--warning" } else { "dra-notice" };
                    let dismissed = notice.clone();
                    let undo = match &notice {
                        Notice::Deleted { key, text, .. } => {
                            let (key, text, this) = (key.clone(), text.clone(), notice.clone());
                            Some(view! {
                                <button type="button" class="dra-button dra-button--small"
                                    on:click=move |_| {
                                        match state.with_store(|s| persist::restore(s, &key, &text)) {
                                            Ok(()) => {
                                                state.dismiss(&this);
                                                state.library_changed();
                                            }
                                            Err(e) => state.notify(Notice::Said(Said::Failed(Action::Undo, e))),
                                        }
                                    }>
                                    {m.undo}
                                </button>
                            })
                        }
                        _ => None,
                    };
                    let detail = notice.detail(m).map(|d| view! {
                        <details class="dra-details">
                            <summary>{m.details}</summary>
                            <p>{d}</p>
                        </details>
                    });
                    let places: Vec<_> = notice.place(m).into_iter().map(|(href, text)| view! {
                        <a href=href class="dra-notice__link">{text}</a>
                    }).collect();
                    view! {
                        <div class=class>
                            <div class="dra-notice__body">
                                <p>{notice.message(m)}</p>
                                {(!places.is_empty()).then(|| view! { <p class="dra-notice__places">{places}</p> })}
                                {detail}
                            </div>
                            {undo}
                            <button type="button" class="dra-button dra-button--small"
                                on:click=move |_| state.dismiss(&dismissed)>
                                {m.dismiss}
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}
