//! The list of workshops (those that cannot be read too, to download or delete) and the form
//! that creates one.

use assessment::workshop::{Workshop, WorkshopError};
use leptos::prelude::*;

use super::participants;
use crate::browser;
use crate::notice::{Action, Notice, Said};
use crate::persist::{self, WorkshopEntry};
use crate::present::FileKind;
use crate::route::Route;
use crate::state::{new_id, now_ms, AppState};
use crate::ui::HEADING_ID;

#[component]
pub fn Workshops() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let list = state.stored(move |s| persist::list_workshops(s, q));
    let name = RwSignal::new(String::new());
    let date = RwSignal::new(browser::file_date(now_ms()));
    let error = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            error.set(true);
            crate::ui::focus_element("dra-workshop-name");
            return;
        }
        let w = Workshop::new(new_id(), n, date.get_untracked(), now_ms());
        match state.with_store(|s| persist::save_workshop(s, q, &w)) {
            Ok(()) => {
                state.library_changed();
                state.navigate(Route::Workshop(w.id));
            }
            Err(e) => state.notify(Notice::Said(Said::Failed(Action::SaveWorkshop, e))),
        }
    };
    view! {
        <section class="dra-page" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{m.nav_workshops}</h1>
            <p class="dra-lead">{m.workshops_lead}</p>
            <form class="dra-card dra-form-grid" on:submit=create novalidate>
                <h2>{m.new_workshop}</h2>
                <label for="dra-workshop-name">{m.name}</label>
                <input id="dra-workshop-name" type="text" maxlength="120" prop:value=move || name.get()
                    aria-describedby=move || error.get().then_some("dra-workshop-name-error")
                    on:input=move |ev| { name.set(event_target_value(&ev)); error.set(false); } />
                <Show when=move || error.get()>
                    <p id="dra-workshop-name-error" class="dra-error" role="alert">{m.workshop_name_missing}</p>
                </Show>
                <label for="dra-workshop-date">{m.date}</label>
                <input id="dra-workshop-date" type="date" prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev)) />
                <div><button type="submit" class="dra-button dra-button--primary">{m.create_workshop}</button></div>
            </form>
            <ul class="dra-records">
                {move || list.get().into_iter().map(|entry| view! {
                    <li>{match entry {
                        WorkshopEntry::Readable(w) => view! { <Card w=w /> }.into_any(),
                        WorkshopEntry::Unreadable { key, reason } => view! { <Unreadable key_=key reason=reason /> }.into_any(),
                    }}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Deletes what is stored under `key` with an undo, or says why it could not.
fn delete_with_undo(state: AppState, key: String, label: Option<String>) {
    match state.with_store(|s| persist::delete_key(s, &key)) {
        Ok(Some(text)) => state.notify(Notice::Deleted { key, label, text }),
        Ok(None) => {}
        Err(e) => state.notify(Notice::Said(Said::Failed(Action::Delete, e))),
    }
    state.library_changed();
}

#[component]
fn Card(w: Workshop) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let heading = format!("dra-workshop-{}", w.id);
    let labelled = heading.clone();
    let id = w.id.clone();
    let key = persist::workshop_key(&w.id);
    let label = w.name.clone();
    view! {
        <article class="dra-card dra-record" aria-labelledby=labelled>
            <h2 id=heading><bdi>{w.name.clone()}</bdi></h2>
            <p class="dra-muted">{format!("{} \u{b7} {}", browser::day(&w.date, m), participants(m, w.participants.len()))}</p>
            <div class="dra-actions dra-actions--compact">
                <button type="button" class="dra-button dra-button--small dra-button--primary"
                    on:click=move |_| state.navigate(Route::Workshop(id.clone()))>{m.open}</button>
                <button type="button" class="dra-button dra-button--small"
                    on:click=move |_| delete_with_undo(state, key.clone(), Some(label.clone()))>{m.delete}</button>
            </div>
        </article>
    }
}

/// A stored workshop this version cannot read: said plainly, the reason behind "Details", and
/// kept until the person deletes it (after downloading it, if they like).
#[component]
fn Unreadable(key_: String, reason: WorkshopError) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let heading = format!("dra-ws-unreadable-{}", crate::route::percent_encode(&key_));
    let labelled = heading.clone();
    let (k1, k2) = (key_.clone(), key_);
    let download = move |_| {
        if let Some(text) = state.with_store(|s| persist::raw(s, &k1)) {
            let day = browser::file_date(now_ms());
            let _ = state.download(FileKind::Unreadable, ("workshop", None), &day, &text);
        }
    };
    view! {
        <article class="dra-card dra-record dra-record--unreadable" aria-labelledby=labelled>
            <h2 id=heading>{m.workshop_unreadable_heading}</h2>
            <p class="dra-muted">{m.workshop_unreadable_damaged}</p>
            <details class="dra-details">
                <summary>{m.details}</summary>
                <p>{reason.detail(m).unwrap_or_else(|| reason.plain(m))}</p>
            </details>
            <div class="dra-actions dra-actions--compact">
                <button type="button" class="dra-button dra-button--small" on:click=download>{m.download}</button>
                <button type="button" class="dra-button dra-button--small"
                    on:click=move |_| delete_with_undo(state, k2.clone(), None)>{m.delete}</button>
            </div>
        </article>
    }
}
