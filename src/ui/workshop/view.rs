//! One workshop: its header, adding results, what is computed from them, the participants.

use assessment::csv::workshop_csv;
use assessment::i18n::fill;
use assessment::workshop::{aggregate, Workshop};
use leptos::prelude::*;

use super::import::AddResults;
use super::participants;
use super::report::{Divided, Gaps, ItemTables, Overview};
use crate::browser;
use crate::notice::{Action, Notice, Said};
use crate::persist;
use crate::present::FileKind;
use crate::route::Route;
use crate::state::{now_ms, AppState};
use crate::ui::HEADING_ID;

/// One workshop: adding results, and everything computed from them.
#[component]
pub fn WorkshopView(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let Some(initial) = state.with_store(|s| persist::read_workshop(s, q, &id)) else {
        return view! {
            <section class="dra-page" aria-labelledby=HEADING_ID>
                <h1 id=HEADING_ID tabindex="-1">{m.workshop_not_found}</h1>
                <p class="dra-card" role="alert">{m.workshop_not_found_text}</p>
                <p><a href="#/workshops">{m.back_to_workshops}</a></p>
            </section>
        }
        .into_any();
    };
    let stored_id = id.clone();
    let stored = state.stored(move |s| persist::read_workshop(s, q, &stored_id));
    // The last version read, so the page stays whole for the moment a workshop deleted in
    // another tab takes to be noticed (a notice says so).
    let workshop = Memo::new(move |prev: Option<&Workshop>| {
        stored
            .get()
            .or_else(|| prev.cloned())
            .unwrap_or_else(|| initial.clone())
    });
    let report =
        Memo::new(move |_| workshop.with(|w| aggregate(q, &state.scope(), &w.participants)));
    let empty = move || workshop.with(|w| w.participants.is_empty());
    let show_labels = RwSignal::new(false);
    let export = move |_| {
        let w = workshop.get_untracked();
        let text = workshop_csv(&report.get_untracked(), q, m.locale.code());
        let _ = state.download(FileKind::WorkshopCsv, (&w.name, None), &w.date, &text);
    };
    let remove_id = StoredValue::new(id.clone());
    let remove = move |key: String| {
        // From the stored workshop, so that what another tab added stays.
        let Some(mut w) =
            state.with_store(|s| persist::read_workshop(s, q, &remove_id.get_value()))
        else {
            return;
        };
        w.remove(&key, now_ms());
        match state.with_store(|s| persist::save_workshop(s, q, &w)) {
            Ok(()) => state.library_changed(),
            Err(e) => state.notify(Notice::Said(Said::Failed(Action::SaveWorkshop, e))),
        }
    };
    let wid = id.clone();
    view! {
        <section class="dra-page dra-workshop" aria-labelledby=HEADING_ID>
            <p class="dra-brand"><a href="#/workshops">{m.nav_workshops}</a></p>
            <h1 id=HEADING_ID tabindex="-1"><bdi>{move || workshop.with(|w| w.name.clone())}</bdi></h1>
            <p class="dra-about">{move || workshop.with(|w| {
                let r = report.get();
                format!("{} \u{b7} {}", browser::day(&w.date, m), fill(m.ws_sides, &[
                    ("participants", &participants(m, w.participants.len())),
                    ("bo", &m.int(r.brand_owner_count as u64)),
                    ("d", &m.int(r.distributor_count as u64)),
                ]))
            })}</p>
            {move || (!empty()).then(|| {
                let wid = wid.clone();
                view! {
                    <div class="dra-actions dra-no-print">
                        <button type="button" class="dra-button dra-button--primary"
                            on:click=move |_| state.navigate(Route::Present(wid.clone()))>{m.present}</button>
                        <button type="button" class="dra-button" on:click=export>{m.export_summary}</button>
                        <button type="button" class="dra-button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{m.print}</button>
                    </div>
                }
            })}
            {move || empty().then(|| view! { <EmptyWorkshop /> })}
            <AddResults id=id.clone() />
            {move || (!empty()).then(|| view! {
                <Overview report=report.get() />
                <Divided report=report.get() />
                <Gaps report=report.get() />
                <ItemTables report=report.get() />
            })}
            <section class="dra-card dra-no-print" aria-labelledby="dra-ws-people" class:dra-hidden=empty>
                <h2 id="dra-ws-people">{m.participants_heading}</h2>
                <label class="dra-choice dra-choice--inline">
                    <input type="checkbox" prop:checked=move || show_labels.get()
                        on:change=move |ev| show_labels.set(event_target_checked(&ev)) />
                    <span>{m.show_labels}</span>
                </label>
                <ol class="dra-people">
                    {move || workshop.with(|w| w.participants.iter().enumerate().map(|(n, p)| {
                        let key = p.key.clone();
                        let side = p.perspective.map_or(m.perspective_not_given, |x| x.name(m));
                        let label = p.label.clone();
                        let number = m.int(n as u64 + 1);
                        let name = fill(m.participant_n, &[("n", &number)]);
                        let remove_name = fill(m.remove_participant_n, &[("n", &number)]);
                        view! {
                            <li>
                                <span>{name}" \u{b7} "{side}
                                    {move || (show_labels.get() && !label.is_empty()).then(|| view! { " \u{b7} " <bdi>{label.clone()}</bdi> })}
                                </span>
                                <button type="button" class="dra-button dra-button--small" aria-label=remove_name
                                    on:click=move |_| remove(key.clone())>{m.remove}</button>
                            </li>
                        }
                    }).collect_view())}
                </ol>
            </section>
        </section>
    }
    .into_any()
}

/// What an empty workshop shows instead of scores: the three steps to fill it.
#[component]
fn EmptyWorkshop() -> impl IntoView {
    let m = expect_context::<AppState>().t();
    let url = browser::base_url();
    let said = RwSignal::new(None::<bool>);
    let copy_url = url.clone();
    let copy = move |_| {
        let url = copy_url.clone();
        leptos::task::spawn_local(async move { said.set(Some(browser::copy(&url).await)) });
    };
    view! {
        <section class="dra-card dra-ws-empty" aria-labelledby="dra-ws-empty">
            <h2 id="dra-ws-empty">{m.ws_empty_heading}</h2>
            <ol class="dra-steps">
                <li>
                    <p>{m.ws_empty_step1}</p>
                    <p class="dra-ws-empty__link"><code>{url}</code>" "
                        <button type="button" class="dra-button dra-button--small" on:click=copy>{m.copy_link}</button>
                        <span role="status">{move || said.get().map(|ok| if ok { m.link_copied } else { m.link_not_copied })}</span>
                    </p>
                </li>
                <li><p>{m.ws_empty_step2}</p></li>
                <li><p>{m.ws_empty_step3}</p></li>
            </ol>
        </section>
    }
}
