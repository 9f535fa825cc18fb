//! My assessments: every assessment saved in this browser, with open, rename, retake, export,
//! share-free export to files, import from files, delete (with undo) and compare.

use assessment::exchange::{export_with_raw, import_json, ImportError, MAX_IMPORT_BYTES};
use assessment::history::{default_pair, summarize};
use assessment::i18n::{fill, Messages};
use assessment::{Assessment, RecordError};
use leptos::html;
use leptos::prelude::*;

use super::{modal_while, FilePicker, HEADING_ID};
use crate::browser;
use crate::persist::{self, Action, Entry, Notice, Said};
use crate::route::Route;
use crate::state::{new_id, now_ms, AppState};
use crate::storage::StoreError;

fn title(label: &str, m: &Messages) -> String {
    if label.trim().is_empty() {
        m.untitled_assessment.to_owned()
    } else {
        label.to_owned()
    }
}

#[component]
pub fn History() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
    let entries = state.stored(move |s| persist::list(s, q));
    let retaking = RwSignal::new(None::<Assessment>);
    let readable = move || {
        entries.with(|e| {
            e.iter()
                .filter_map(|x| match x {
                    Entry::Readable(a) => Some(a.clone()),
                    Entry::Unreadable { .. } => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let export_all = move |_| {
        let all = readable();
        let raw: Vec<String> = entries.with_untracked(|e| {
            e.iter()
                .filter_map(|x| match x {
                    Entry::Unreadable { id, .. } => state.with_store(|s| persist::raw(s, id)),
                    Entry::Readable(_) => None,
                })
                .collect()
        });
        let refs: Vec<&Assessment> = all.iter().collect();
        let raw_refs: Vec<&str> = raw.iter().map(String::as_str).collect();
        let text = export_with_raw(&refs, &raw_refs, q, now_ms());
        let name = format!(
            "distributor-assessments-{}.json",
            browser::file_date(now_ms())
        );
        if browser::download(&name, "application/json", &text).is_err() {
            state.notify(Notice::Said(Said::DownloadBlocked));
        }
    };
    let compare = move |_| {
        let all = readable();
        let refs: Vec<&Assessment> = all.iter().collect();
        if let Some((a, b)) = default_pair(&refs) {
            state.navigate(Route::Compare(a, b));
        }
    };
    view! {
        <section class="dra-page dra-history" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{m.nav_history}</h1>
            <p class="dra-lead">{m.history_lead}</p>
            <div class="dra-actions">
                <button type="button" class="dra-button dra-button--primary" on:click=move |_| {
                    state.start_new();
                    state.navigate(Route::Assessment);
                }>{m.new_assessment}</button>
                <Show when=move || entries.with(|e| e.iter().filter(|x| matches!(x, Entry::Readable(_))).count() >= 2)>
                    <button type="button" class="dra-button" on:click=compare>{m.compare_two}</button>
                </Show>
                <Show when=move || entries.with(|e| !e.is_empty())>
                    <button type="button" class="dra-button" on:click=export_all>{m.export_all}</button>
                </Show>
            </div>
            <Import />
            <Show when=move || entries.with(Vec::is_empty)>
                <p class="dra-card">{m.no_assessments}</p>
            </Show>
            <ul class="dra-records">
                <For
                    each=move || entries.get()
                    key=|e| match e {
                        Entry::Readable(a) => format!("{}:{}:{}", a.id, a.updated_ms, a.label),
                        Entry::Unreadable { id, .. } => format!("!{id}"),
                    }
                    children=move |entry| view! { <li><Record entry=entry retaking=retaking /></li> }
                />
            </ul>
            <RetakeDialog retaking=retaking />
        </section>
    }
}

#[component]
fn Record(entry: Entry, retaking: RwSignal<Option<Assessment>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
    let a = match entry {
        Entry::Readable(a) => a,
        Entry::Unreadable { id, reason, kept } => {
            return view! { <Unreadable id=id reason=reason kept=kept /> }.into_any()
        }
    };
    let heading_id = format!("dra-record-{}", a.id);
    let labelled_by = heading_id.clone();
    let name = title(&a.label, m);
    let s = summarize(&a, q);
    let status = if s.completed_ms.is_some() && s.progress.answered == s.progress.total {
        m.status_complete.to_owned()
    } else {
        fill(
            m.progress_short,
            &[
                ("answered", &m.int(s.progress.answered as u64)),
                ("total", &m.int(s.progress.total as u64)),
            ],
        )
    };
    let who = a
        .perspective
        .map_or(m.perspective_not_chosen.to_owned(), |p| {
            fill(m.as_side, &[("side", p.lower_name(m))])
        });
    let meta = fill(
        m.record_meta,
        &[
            ("date", &browser::date_time(s.created_ms, m)),
            ("side", &who),
            ("status", &status),
        ],
    );
    let overall = match s.overall {
        Some((p, band)) => {
            let line = fill(
                m.overall_line,
                &[
                    ("percent", &m.percent(p)),
                    ("band", state.text(&q.scoring.bands[band].name)),
                ],
            );
            if s.at_risk {
                line + m.at_risk_suffix
            } else {
                line
            }
        }
        None => m.not_scored_yet.to_owned(),
    };
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(a.label.clone());
    let record = StoredValue::new(a);
    let open = move |_| state.open(record.get_value());
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut a = record.get_value();
        a.label = draft.get_untracked().trim().to_owned();
        a.updated_ms = now_ms();
        let result = state.with_store(|s| persist::save_all(s, q, std::slice::from_ref(&a)));
        match result {
            Ok(()) => {
                if state.assessment.with_untracked(|c| c.id == a.id) {
                    state.assessment.set(a);
                }
                renaming.set(false);
                state.library_changed();
            }
            Err(e) => state.notify(Notice::Said(Said::Failed(Action::Rename, e))),
        }
    };
    let export_json = move |_| {
        let a = record.get_value();
        let text = assessment::exchange::export_json(&[&a], q, now_ms());
        let name = format!(
            "distributor-assessment-{}{}.json",
            slug_part(&a.label),
            browser::file_date(a.created_ms)
        );
        let _ = browser::download(&name, "application/json", &text);
    };
    let export_csv = move |_| {
        let a = record.get_value();
        let text = assessment::csv::export_csv(&a, q, m.locale.code());
        let name = format!(
            "distributor-assessment-{}{}.csv",
            slug_part(&a.label),
            browser::file_date(a.created_ms)
        );
        let _ = browser::download(&name, "text/csv;charset=utf-8", &text);
    };
    let delete = move |_| {
        let a = record.get_value();
        match state.with_store(|s| persist::delete(s, &a.id)) {
            Ok(Some(text)) => {
                if state.assessment.with_untracked(|c| c.id == a.id) {
                    state.start_new();
                }
                state.notify(Notice::Deleted {
                    key: persist::record_key(&a.id),
                    label: Some(a.label.clone()),
                    text,
                });
                state.library_changed();
            }
            Ok(None) => state.library_changed(),
            Err(e) => state.notify(Notice::Said(Said::Failed(Action::Delete, e))),
        }
    };
    let input_id = format!("{heading_id}-name");
    view! {
        <article class="dra-card dra-record" aria-labelledby=labelled_by>
            <h2 id=heading_id>{name.clone()}</h2>
            <p class="dra-muted">{meta}</p>
            <p class="dra-record__score">{overall}</p>
            <Show when=move || renaming.get()>
                <form class="dra-rename" on:submit=save_name>
                    <label for=input_id.clone()>{m.name}</label>
                    <input id=input_id.clone() type="text" maxlength="120" prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev)) />
                    <button type="submit" class="dra-button dra-button--small">{m.save_name}</button>
                    <button type="button" class="dra-button dra-button--small" on:click=move |_| renaming.set(false)>{m.cancel}</button>
                </form>
            </Show>
            <div class="dra-actions dra-actions--compact">
                <button type="button" class="dra-button dra-button--small dra-button--primary" on:click=open>{m.open}</button>
                <button type="button" class="dra-button dra-button--small" on:click=move |_| renaming.set(true)>{m.rename}</button>
                <button type="button" class="dra-button dra-button--small" on:click=move |_| retaking.set(Some(record.get_value()))>{m.retake}</button>
                <button type="button" class="dra-button dra-button--small" on:click=export_json>{m.export_json}</button>
                <button type="button" class="dra-button dra-button--small" on:click=export_csv>{m.export_csv}</button>
                <button type="button" class="dra-button dra-button--small" on:click=delete>{m.delete}</button>
            </div>
        </article>
    }
    .into_any()
}

fn slug_part(label: &str) -> String {
    let slug = browser::slug(label);
    if slug.is_empty() {
        slug
    } else {
        format!("{slug}-")
    }
}

/// A stored record this version cannot read: said plainly, and kept until the user deletes it.
#[component]
fn Unreadable(id: String, reason: RecordError, kept: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let heading_id = format!("dra-record-{id}");
    let labelled_by = heading_id.clone();
    let explanation = if kept {
        m.unreadable_newer
    } else {
        m.unreadable_damaged
    };
    let delete = move |_| match state.with_store(|s| persist::delete(s, &id)) {
        Ok(Some(text)) => {
            state.notify(Notice::Deleted {
                key: persist::record_key(&id),
                label: None,
                text,
            });
            state.library_changed();
        }
        _ => state.library_changed(),
    };
    view! {
        <article class="dra-card dra-record dra-record--unreadable" aria-labelledby=labelled_by>
            <h2 id=heading_id>{m.unreadable_heading}</h2>
            <p>{fill(m.unreadable_reason, &[("reason", &reason.message(m))])}</p>
            <p class="dra-muted">{explanation}</p>
            <div class="dra-actions dra-actions--compact">
                <button type="button" class="dra-button dra-button--small" on:click=delete>{m.delete}</button>
            </div>
        </article>
    }
}

/// Asks whether a retake starts from the previous answers or blank.
#[component]
fn RetakeDialog(retaking: RwSignal<Option<Assessment>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let dialog = NodeRef::<html::Dialog>::new();
    modal_while(dialog, move || retaking.with(Option::is_some));
    let start = move |prefill: bool| {
        if let Some(old) = retaking.get_untracked() {
            let scope = state.scope();
            let new = old.retake(new_id(), state.q, &scope, prefill, now_ms());
            retaking.set(None);
            state.open(new);
        }
    };
    view! {
        <dialog node_ref=dialog class="dra-dialog" aria-labelledby="dra-retake-title"
            on:close=move |_| retaking.set(None)>
            <h2 id="dra-retake-title">{m.retake_heading}</h2>
            <p>
                {move || retaking.with(|r| r.as_ref().map(|a| fill(m.retake_text, &[("name", &title(&a.label, m))])))}
            </p>
            <div class="dra-actions">
                <button type="button" class="dra-button dra-button--primary" on:click=move |_| start(true)>{m.retake_prefill}</button>
                <button type="button" class="dra-button" on:click=move |_| start(false)>{m.retake_blank}</button>
                <button type="button" class="dra-button" on:click=move |_| retaking.set(None)>{m.cancel}</button>
            </div>
        </dialog>
    }
}

/// Records read from files, waiting for the user to say what to do with those that exist here.
#[derive(Debug, Clone, PartialEq)]
struct Pending {
    fresh: Vec<Assessment>,
    conflicts: Vec<Assessment>,
    lines: Vec<String>,
}

/// What happens to imported records whose id is already saved here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnConflict {
    Replace,
    KeepBoth,
    Skip,
}

/// Import from files: a file picker (keyboard-friendly) and a drop zone.
#[component]
fn Import() -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let report = RwSignal::new(Vec::<String>::new());
    let pending = RwSignal::new(None::<Pending>);
    let dragging = RwSignal::new(false);
    let dialog = NodeRef::<html::Dialog>::new();
    modal_while(dialog, move || pending.with(Option::is_some));
    let take_files = move |files: Option<web_sys::FileList>| {
        let files = super::file_list(files);
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let read = read_files(state, files).await;
            if read.conflicts.is_empty() {
                report.set(commit(state, read, OnConflict::Skip));
            } else {
                pending.set(Some(read));
            }
        });
    };
    let decide = move |choice: OnConflict| {
        if let Some(p) = pending.get_untracked() {
            pending.set(None);
            report.set(commit(state, p, choice));
        }
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
            <div role="status" id="dra-import-report" class="dra-import__report">
                <Show when=move || report.with(|r| !r.is_empty())>
                    <ul>{move || report.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </Show>
            </div>
            <dialog node_ref=dialog class="dra-dialog" aria-labelledby="dra-conflict-title"
                on:close=move |_| { if pending.with_untracked(Option::is_some) { decide(OnConflict::Skip) } }>
                <h2 id="dra-conflict-title">{m.conflict_heading}</h2>
                <p>{m.conflict_text}</p>
                <ul>
                    {move || pending.with(|p| p.as_ref().map(|p| p.conflicts.iter().map(|a| view! {
                        <li>{fill(m.conflict_item, &[("name", &title(&a.label, m)), ("date", &browser::date(a.updated_ms, m))])}</li>
                    }).collect_view()))}
                </ul>
                <div class="dra-actions">
                    <button type="button" class="dra-button dra-button--primary" on:click=move |_| decide(OnConflict::KeepBoth)>{m.keep_both}</button>
                    <button type="button" class="dra-button" on:click=move |_| decide(OnConflict::Replace)>{m.replace_saved}</button>
                    <button type="button" class="dra-button" on:click=move |_| decide(OnConflict::Skip)>{m.skip_them}</button>
                </div>
            </dialog>
        </div>
    }
}

/// Reads and checks every file; nothing is saved yet.
async fn read_files(state: AppState, files: Vec<web_sys::File>) -> Pending {
    let (q, m) = (state.q, state.t());
    let mut out = Pending {
        fresh: Vec::new(),
        conflicts: Vec::new(),
        lines: Vec::new(),
    };
    for file in files {
        let name = file.name();
        let refused =
            |reason: String| fill(m.file_refused, &[("file", &name), ("reason", &reason)]);
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let bytes = file.size() as u64;
            out.lines
                .push(refused(ImportError::TooLarge { bytes }.message(m)));
            continue;
        }
        let Some(text) = browser::read_text(&file).await else {
            out.lines.push(refused(m.file_unreadable.to_owned()));
            continue;
        };
        let report = match import_json(&text, q) {
            Ok(r) => r,
            Err(e) => {
                out.lines.push(refused(e.message(m)));
                continue;
            }
        };
        for (pos, err) in &report.rejected {
            out.lines.push(fill(
                m.record_refused,
                &[
                    ("file", &name),
                    ("n", &m.int(*pos as u64)),
                    ("reason", &err.message(m)),
                ],
            ));
        }
        for a in report.records {
            let seen = out.fresh.iter().chain(&out.conflicts).any(|b| b.id == a.id);
            let saved = state.with_store(|s| persist::read(s, q, &a.id));
            let args = [("file", name.as_str()), ("name", &title(&a.label, m))];
            if seen {
                out.lines.push(fill(m.import_twice, &args));
            } else if saved.as_ref() == Some(&a) {
                out.lines.push(fill(m.import_already_saved, &args));
            } else if saved.is_some() || state.with_store(|s| persist::exists(s, &a.id)) {
                out.conflicts.push(a);
            } else {
                out.fresh.push(a);
            }
        }
    }
    out
}

/// Saves what was read, all or nothing, and says what happened.
fn commit(state: AppState, p: Pending, choice: OnConflict) -> Vec<String> {
    let m = state.t();
    let mut lines = p.lines;
    let mut batch = p.fresh;
    match choice {
        OnConflict::Replace => batch.extend(p.conflicts),
        OnConflict::KeepBoth => batch.extend(p.conflicts.into_iter().map(|mut a| {
            a.id = new_id();
            a
        })),
        OnConflict::Skip if !p.conflicts.is_empty() => {
            lines.push(m.count(m.import_skipped, p.conflicts.len(), &[]));
        }
        OnConflict::Skip => {}
    }
    if batch.is_empty() {
        lines.insert(0, m.import_nothing.to_owned());
        return lines;
    }
    match state.with_store(|s| persist::save_all(s, state.q, &batch)) {
        Ok(()) => {
            lines.insert(0, m.count(m.import_done, batch.len(), &[]));
            state.library_changed();
            if let Some(current) = batch
                .iter()
                .find(|a| state.assessment.with_untracked(|c| c.id == a.id))
            {
                state.assessment.set(current.clone());
            }
        }
        Err(StoreError::Full) => lines.insert(0, m.count(m.import_full, batch.len(), &[])),
        Err(e) => lines.insert(0, fill(m.import_failed, &[("reason", &e.message(m))])),
    }
    lines
}
