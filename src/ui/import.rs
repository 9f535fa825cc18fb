//! What every import shows: its report (a status region on the screen it was started from, kept
//! in the state so it survives a change of language) and, on whatever screen the person is on,
//! the question about records that exist here already.

use assessment::i18n::fill;
use leptos::html;
use leptos::prelude::*;

use super::{file_list, modal_while, FilePicker};
use crate::browser;
use crate::import::{self, Line, OnConflict, Pending, Target};
use crate::persist;
use crate::present::{isolate, label_or_untitled};
use crate::state::{new_id, AppState};

/// The report of the last import started from `target`, as a list in a status region. A line
/// that holds back a participant who looks like one already there has an "Add anyway" button,
/// which calls `add_anyway` with the line's index.
#[component]
pub fn Report(
    id: &'static str,
    target: Target,
    #[prop(optional)] add_anyway: Option<Callback<usize>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let lines = move || {
        state.import_report.with(|r| match r {
            Some((t, lines)) if *t == target => lines
                .iter()
                .map(|l| {
                    let held = match l {
                        Line::LooksLike { source, .. } => Some(source.describe(m)),
                        _ => None,
                    };
                    (l.message(m), l.detail(m), held)
                })
                .collect(),
            _ => Vec::new(),
        })
    };
    view! {
        <div role="status" id=id class="dra-import__report">
            {move || {
                let lines: Vec<(String, Option<String>, Option<String>)> = lines();
                (!lines.is_empty()).then(|| view! {
                    <ul>{lines.into_iter().enumerate().map(|(index, (l, detail, held))| view! {
                        <li>
                            {l}
                            {held.zip(add_anyway).map(|(source, add)| view! {
                                " "
                                <button type="button" class="dra-button dra-button--small"
                                    aria-label=fill(m.ws_add_anyway_named, &[("source", &source)])
                                    on:click=move |_| add.run(index)>{m.ws_add_anyway}</button>
                            })}
                            {detail.map(|d| view! {
                                <details class="dra-details"><summary>{m.details}</summary><p>{d}</p></details>
                            })}
                        </li>
                    }).collect_view()}</ul>
                })
            }}
        </div>
    }
}

/// Saves a pending import as the person chose and reports it.
pub fn decide(state: AppState, p: Pending, choice: OnConflict) {
    let q = state.q();
    let (lines, written, lost) = import::commit(p, choice, new_id, |batch| {
        state.with_store(|s| persist::save_all(s, q, batch))
    });
    state.keep_not_restored(lost);
    if !written.is_empty() {
        state.library_changed();
        if let Some(current) = written
            .iter()
            .find(|a| state.assessment.with_untracked(|c| c.id == a.id))
        {
            state.assessment.set(current.clone());
        }
    }
    state.report_import(Target::History, lines);
}

/// Import into My assessments: a file picker (keyboard-friendly) and a drop zone.
#[component]
pub fn ImportCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let dragging = RwSignal::new(false);
    let take_files = move |files: Option<web_sys::FileList>| {
        let files = file_list(files);
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let read = import::read(files, q).await;
            let pending = import::classify(read, |id| {
                state.with_store(|s| persist::exists(s, id).then(|| persist::read(s, q, id)))
            });
            if pending.conflicts.is_empty() {
                decide(state, pending, OnConflict::Skip);
            } else {
                state.pending_import.set(Some(pending));
            }
        });
    };
    view! {
        <div class="dra-card dra-import"
            class:dra-import--dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                take_files(ev.data_transfer().and_then(|d| d.files()));
            }>
            <h2>{m.import}</h2>
            <p class="dra-muted" id="dra-import-help">{m.import_help}</p>
            <FilePicker id="dra-import-input" label=m.import_files help="dra-import-help dra-import-report" on_files=take_files />
            <Report id="dra-import-report" target=Target::History />
        </div>
    }
}

/// Asks what to do with imported records whose id is saved here already. Lives beside the
/// notices, so it is asked on whatever screen the person is when the files have been read.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let dialog = NodeRef::<html::Dialog>::new();
    let pending = state.pending_import;
    modal_while(dialog, move || pending.with(Option::is_some));
    let choose = move |choice: OnConflict| {
        if let Some(p) = pending.get_untracked() {
            pending.set(None);
            decide(state, p, choice);
        }
    };
    view! {
        <dialog node_ref=dialog class="dra-dialog" aria-labelledby="dra-conflict-title"
            on:close=move |_| { if pending.with_untracked(Option::is_some) { choose(OnConflict::Skip) } }>
            <h2 id="dra-conflict-title">{m.conflict_heading}</h2>
            <p>{m.conflict_text}</p>
            <ul>
                {move || pending.with(|p| p.as_ref().map(|p| p.conflicts.iter().map(|a| view! {
                    <li>{fill(m.conflict_item, &[("name", &isolate(&label_or_untitled(&a.label, m))), ("date", &browser::date(a.updated_ms, m))])}</li>
                }).collect_view()))}
            </ul>
            <div class="dra-actions">
                <button type="button" class="dra-button dra-button--primary" on:click=move |_| choose(OnConflict::KeepBoth)>{m.keep_both}</button>
                <button type="button" class="dra-button" on:click=move |_| choose(OnConflict::Replace)>{m.replace_saved}</button>
                <button type="button" class="dra-button" on:click=move |_| choose(OnConflict::Skip)>{m.skip_them}</button>
            </div>
        </dialog>
    }
}
