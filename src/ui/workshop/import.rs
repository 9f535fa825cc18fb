//! Adding results to a workshop: files (picked or dropped) and pasted share links, through the
//! app's one import pipeline (`crate::import`). Every change starts from the workshop as it is
//! stored, so a participant another tab added meanwhile is kept.

use assessment::share::{decode_share, pasted_payload};
use assessment::workshop::{Participant, Recognised};
use leptos::prelude::*;

use crate::import::{self, Line, Refusal, Source, Target};
use crate::notice::{Action, Notice, Said};
use crate::persist;
use crate::state::{now_ms, AppState};
use crate::ui::import::Report;
use crate::ui::{file_list, FilePicker};

/// Adds participants to the stored workshop `id` and reports. Each is recognised first
/// ([`Workshop::recognise`]): the same assessment is not added again, and one that looks like a
/// participant already there is held in the report, to be added anyway. Returns whether it was
/// saved (nothing is added when saving fails).
fn add(state: AppState, id: &str, found: Vec<(Source, Participant)>, mut lines: Vec<Line>) -> bool {
    let q = state.q();
    let Some(mut w) = state.with_store(|s| persist::read_workshop(s, q, id)) else {
        return false;
    };
    let (mut added, mut held) = (0, Vec::new());
    for (source, p) in found {
        match w.add(p.clone(), now_ms()) {
            Recognised::New => added += 1,
            Recognised::Same(n) => held.push(Line::AlreadyIn {
                source,
                number: n + 1,
            }),
            Recognised::LooksLike(n) => held.push(Line::LooksLike {
                source,
                number: n + 1,
                held: Box::new(p),
            }),
        }
    }
    let mut saved = true;
    let mut head = if added > 0 {
        match state.with_store(|s| persist::save_workshop(s, q, &w)) {
            Ok(()) => {
                state.library_changed();
                vec![Line::Added(added)]
            }
            Err(e) => {
                saved = false;
                state.notify(Notice::Said(Said::Failed(Action::AddParticipants, e)));
                // Nothing was added, so nobody can be added "anyway" against it either.
                held.clear();
                vec![Line::NoneAdded]
            }
        }
    } else {
        vec![Line::NoneAdded]
    };
    if !held.is_empty() {
        head.push(Line::DuplicatesSkipped(held.len()));
    }
    head.append(&mut held);
    head.append(&mut lines);
    state.report_import(Target::Workshop(id.to_owned()), head);
    saved
}

/// "Add anyway" on the report's line `index`: adds the participant it holds to the stored
/// workshop and rewords the line.
fn add_anyway(state: AppState, id: &str, index: usize) {
    let q = state.q();
    let target = Target::Workshop(id.to_owned());
    let Some(Line::LooksLike { source, held, .. }) = state.import_report.with_untracked(|r| {
        r.as_ref()
            .filter(|(t, _)| *t == target)
            .and_then(|(_, lines)| lines.get(index).cloned())
    }) else {
        return;
    };
    let Some(mut w) = state.with_store(|s| persist::read_workshop(s, q, id)) else {
        return;
    };
    let line = match w.add_anyway(*held, now_ms()) {
        Ok(n) => match state.with_store(|s| persist::save_workshop(s, q, &w)) {
            Ok(()) => {
                state.library_changed();
                Line::AddedAnyway {
                    source,
                    number: n + 1,
                }
            }
            Err(e) => {
                state.notify(Notice::Said(Said::Failed(Action::AddParticipants, e)));
                return;
            }
        },
        // Meanwhile the very same assessment was added (in another tab, say).
        Err(n) => Line::AlreadyIn {
            source,
            number: n + 1,
        },
    };
    state.import_report.update(|r| {
        if let Some((_, lines)) = r.as_mut().filter(|(t, _)| *t == target) {
            if let Some(l) = lines.get_mut(index) {
                *l = line;
            }
        }
    });
}

/// The card with the file picker, the drop zone, the links box and the report.
#[component]
pub fn AddResults(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let links = RwSignal::new(String::new());
    let id = StoredValue::new(id);
    let take_files = move |files: Option<web_sys::FileList>| {
        let files = file_list(files);
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let read = import::read(files, q).await;
            let found = read
                .records
                .iter()
                .map(|(file, a)| (Source::File(file.clone()), Participant::from_assessment(a)))
                .collect();
            add(state, &id.get_value(), found, read.lines);
        });
    };
    let add_links = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let mut lines = Vec::new();
        let mut kept = Vec::new();
        for (n, line) in links.get_untracked().lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let source = Source::Link(n + 1);
            let read =
                pasted_payload(line).and_then(|payload| Ok((payload, decode_share(payload, q)?)));
            match read {
                Ok((payload, shared)) => {
                    found.push((source, Participant::from_link(payload, shared)))
                }
                Err(e) => {
                    lines.push(Line::Refused(source, Refusal::Link(e)));
                    kept.push(line.to_owned());
                }
            }
        }
        if !kept.is_empty() {
            lines.push(Line::LinksKept);
        }
        // Only what was added leaves the box: refused lines stay to be corrected, and nothing
        // leaves it when the workshop could not be saved.
        if add(state, &id.get_value(), found, lines) {
            links.set(kept.join("\n"));
        }
    };
    view! {
        <div class="dra-card dra-import dra-no-print"
            on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=move |ev: web_sys::DragEvent| { ev.prevent_default(); take_files(ev.data_transfer().and_then(|d| d.files())); }>
            <h2>{m.add_results}</h2>
            <p class="dra-muted" id="dra-ws-help">{m.add_results_help}</p>
            <FilePicker id="dra-ws-files" label=m.add_result_files help="dra-ws-help dra-ws-report" on_files=take_files />
            <form class="dra-links" on:submit=add_links>
                <label for="dra-ws-links">{m.links_label}</label>
                <textarea id="dra-ws-links" rows="3" aria-describedby="dra-ws-report" prop:value=move || links.get()
                    on:input=move |ev| links.set(event_target_value(&ev))></textarea>
                <button type="submit" class="dra-button">{m.add_links}</button>
            </form>
            <Report id="dra-ws-report" target=Target::Workshop(id.get_value())
                add_anyway=Callback::new(move |index| add_anyway(state, &id.get_value(), index)) />
        </div>
    }
}
