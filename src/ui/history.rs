//! My assessments: every assessment saved in this browser, with open, rename, retake, export,
//! share-free export to files, import from files, delete (with undo) and compare.

use assessment::exchange::{export_with_raw, import_json, MAX_IMPORT_BYTES};
use assessment::history::{default_pair, summarize};
use assessment::Assessment;
use leptos::html;
use leptos::prelude::*;

use super::{count, modal_while, FilePicker, HEADING_ID};
use crate::browser;
use crate::persist::{self, Entry, Notice};
use crate::route::Route;
use crate::state::{new_id, now_ms, AppState};
use crate::storage::StoreError;

fn title(label: &str) -> String {
    if label.trim().is_empty() {
        "Untitled assessment".to_owned()
    } else {
        label.to_owned()
    }
}

#[component]
pub fn History() -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
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
            state.notify(Notice::Problem(
                "The browser did not allow the download.".to_owned(),
            ));
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
            <h1 id=HEADING_ID tabindex="-1">"My assessments"</h1>
            <p class="dra-lead">
                "Every assessment you make is kept in this browser. Open one to continue or to see its results, \
                 retake it to see what changed, or move it to another browser with a file."
            </p>
            <div class="dra-actions">
                <button type="button" class="dra-button dra-button--primary" on:click=move |_| {
                    state.start_new();
                    state.navigate(Route::Assessment);
                }>"New assessment"</button>
                <Show when=move || entries.with(|e| e.iter().filter(|x| matches!(x, Entry::Readable(_))).count() >= 2)>
                    <button type="button" class="dra-button" on:click=compare>"Compare two"</button>
                </Show>
                <Show when=move || entries.with(|e| !e.is_empty())>
                    <button type="button" class="dra-button" on:click=export_all>"Export all (JSON)"</button>
                </Show>
            </div>
            <Import />
            <Show when=move || entries.with(Vec::is_empty)>
                <p class="dra-card">"No saved assessments yet."</p>
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
    let q = state.q;
    let a = match entry {
        Entry::Readable(a) => a,
        Entry::Unreadable { id, reason, kept } => {
            return view! { <Unreadable id=id reason=reason kept=kept /> }.into_any()
        }
    };
    let heading_id = format!("dra-record-{}", a.id);
    let labelled_by = heading_id.clone();
    let name = title(&a.label);
    let s = summarize(&a, q);
    let lang = q.default_locale.as_str();
    let status = if s.completed_ms.is_some() && s.progress.answered == s.progress.total {
        "complete".to_owned()
    } else {
        format!("{} of {} answered", s.progress.answered, s.progress.total)
    };
    let who = a
        .perspective
        .map_or("perspective not chosen".to_owned(), |p| {
            format!("as {}", p.lower_name())
        });
    let meta = format!(
        "Started {} \u{b7} {who} \u{b7} {status}",
        browser::date_time(s.created_ms)
    );
    let overall = match s.overall {
        Some((p, band)) => format!(
            "Overall {p} % {}{}",
            q.scoring.bands[band].name.get(lang, lang),
            if s.at_risk { " (at risk)" } else { "" }
        ),
        None => "Not scored yet".to_owned(),
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
            Err(e) => state.notify(Notice::Problem(format!(
                "The new name could not be saved: {e}."
            ))),
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
        let text = assessment::csv::export_csv(&a, q, &q.default_locale);
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
                    label: title(&a.label),
                    text,
                });
                state.library_changed();
            }
            Ok(None) => state.library_changed(),
            Err(e) => state.notify(Notice::Problem(format!(
                "The assessment could not be deleted: {e}."
            ))),
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
                    <label for=input_id.clone()>"Name"</label>
                    <input id=input_id.clone() type="text" maxlength="120" prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev)) />
                    <button type="submit" class="dra-button dra-button--small">"Save name"</button>
                    <button type="button" class="dra-button dra-button--small" on:click=move |_| renaming.set(false)>"Cancel"</button>
                </form>
            </Show>
            <div class="dra-actions dra-actions--compact">
                <button type="button" class="dra-button dra-button--small dra-button--primary" on:click=open>"Open"</button>
                <button type="button" class="dra-button dra-button--small" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button type="button" class="dra-button dra-button--small" on:click=move |_| retaking.set(Some(record.get_value()))>"Retake"</button>
                <button type="button" class="dra-button dra-button--small" on:click=export_json>"Export JSON"</button>
                <button type="button" class="dra-button dra-button--small" on:click=export_csv>"Export CSV"</button>
                <button type="button" class="dra-button dra-button--small" on:click=delete>"Delete"</button>
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
fn Unreadable(id: String, reason: String, kept: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading_id = format!("dra-record-{id}");
    let labelled_by = heading_id.clone();
    let explanation = if kept {
        "It was saved by a newer version of this app and is kept exactly as it is; \
         \u{201c}Export all\u{201d} includes it, so a newer version can import it."
    } else {
        "It is damaged. It is kept as it is until you delete it; \u{201c}Export all\u{201d} includes it if it is still valid JSON."
    };
    let delete = move |_| match state.with_store(|s| persist::delete(s, &id)) {
        Ok(Some(text)) => {
            state.notify(Notice::Deleted {
                key: persist::record_key(&id),
                label: "an assessment that could not be read".to_owned(),
                text,
            });
            state.library_changed();
        }
        _ => state.library_changed(),
    };
    view! {
        <article class="dra-card dra-record dra-record--unreadable" aria-labelledby=labelled_by>
            <h2 id=heading_id>"An assessment that cannot be opened"</h2>
            <p>{format!("Reason: {reason}.")}</p>
            <p class="dra-muted">{explanation}</p>
            <div class="dra-actions dra-actions--compact">
                <button type="button" class="dra-button dra-button--small" on:click=delete>"Delete"</button>
            </div>
        </article>
    }
}

/// Asks whether a retake starts from the previous answers or blank.
#[component]
fn RetakeDialog(retaking: RwSignal<Option<Assessment>>) -> impl IntoView {
    let state = expect_context::<AppState>();
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
            <h2 id="dra-retake-title">"Retake this assessment"</h2>
            <p>
                {move || retaking.with(|r| r.as_ref().map(|a| format!(
                    "A new assessment of \u{201c}{}\u{201d} is made; the old one stays as it is, so you can compare them.",
                    title(&a.label))))}
            </p>
            <div class="dra-actions">
                <button type="button" class="dra-button dra-button--primary" on:click=move |_| start(true)>"Start from the previous answers"</button>
                <button type="button" class="dra-button" on:click=move |_| start(false)>"Start blank"</button>
                <button type="button" class="dra-button" on:click=move |_| retaking.set(None)>"Cancel"</button>
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
    let report = RwSignal::new(Vec::<String>::new());
    let pending = RwSignal::new(None::<Pending>);
    let dragging = RwSignal::new(false);
    let dialog = NodeRef::<html::Dialog>::new();
    modal_while(dialog, move || pending.with(Option::is_some));
    let take_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
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
            <h2>"Import"</h2>
            <p class="dra-muted" id="dra-import-help">
                "Choose or drop JSON files exported from this app (at most 5 MB and 1,000 assessments each)."
            </p>
            <FilePicker id="dra-import-input" label="Import JSON files" help="dra-import-help dra-import-report" on_files=take_files />
            <div role="status" id="dra-import-report" class="dra-import__report">
                <Show when=move || report.with(|r| !r.is_empty())>
                    <ul>{move || report.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </Show>
            </div>
            <dialog node_ref=dialog class="dra-dialog" aria-labelledby="dra-conflict-title"
                on:close=move |_| { if pending.with_untracked(Option::is_some) { decide(OnConflict::Skip) } }>
                <h2 id="dra-conflict-title">"Some of these assessments are already here"</h2>
                <p>"These assessments in the files have the same identity as assessments saved in this browser:"</p>
                <ul>
                    {move || pending.with(|p| p.as_ref().map(|p| p.conflicts.iter().map(|a| view! {
                        <li>{format!("{} (last changed {})", title(&a.label), browser::date(a.updated_ms))}</li>
                    }).collect_view()))}
                </ul>
                <div class="dra-actions">
                    <button type="button" class="dra-button dra-button--primary" on:click=move |_| decide(OnConflict::KeepBoth)>"Keep both"</button>
                    <button type="button" class="dra-button" on:click=move |_| decide(OnConflict::Replace)>"Replace the saved ones"</button>
                    <button type="button" class="dra-button" on:click=move |_| decide(OnConflict::Skip)>"Skip them"</button>
                </div>
            </dialog>
        </div>
    }
}

/// Reads and checks every file; nothing is saved yet.
async fn read_files(state: AppState, files: Vec<web_sys::File>) -> Pending {
    let q = state.q;
    let mut out = Pending {
        fresh: Vec::new(),
        conflicts: Vec::new(),
        lines: Vec::new(),
    };
    for file in files {
        let name = file.name();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let mb = (file.size() / 1_048_576.0).ceil() as u64;
            out.lines.push(format!(
                "{name}: not imported: the file is {mb} MB; files over 5 MB are not read."
            ));
            continue;
        }
        let text = match browser::read_text(&file).await {
            Ok(t) => t,
            Err(e) => {
                out.lines.push(format!("{name}: not imported: {e}."));
                continue;
            }
        };
        let report = match import_json(&text, q) {
            Ok(r) => r,
            Err(e) => {
                out.lines.push(format!("{name}: not imported: {e}."));
                continue;
            }
        };
        for (pos, err) in &report.rejected {
            out.lines
                .push(format!("{name}: assessment {pos} not imported: {err}."));
        }
        for a in report.records {
            let seen = out.fresh.iter().chain(&out.conflicts).any(|b| b.id == a.id);
            let saved = state.with_store(|s| persist::read(s, q, &a.id));
            if seen {
                out.lines.push(format!("{name}: \u{201c}{}\u{201d} appears twice in this import; the first one is kept.", title(&a.label)));
            } else if saved.as_ref() == Some(&a) {
                out.lines.push(format!(
                    "{name}: \u{201c}{}\u{201d} is already saved here, unchanged.",
                    title(&a.label)
                ));
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
    let mut lines = p.lines;
    let mut batch = p.fresh;
    match choice {
        OnConflict::Replace => batch.extend(p.conflicts),
        OnConflict::KeepBoth => batch.extend(p.conflicts.into_iter().map(|mut a| {
            a.id = new_id();
            a
        })),
        OnConflict::Skip if !p.conflicts.is_empty() => {
            lines.push(format!(
                "{} already saved here were skipped.",
                count(p.conflicts.len(), "assessment", "assessments")
            ));
        }
        OnConflict::Skip => {}
    }
    if batch.is_empty() {
        lines.insert(0, "Nothing was imported.".to_owned());
        return lines;
    }
    match state.with_store(|s| persist::save_all(s, state.q, &batch)) {
        Ok(()) => {
            lines.insert(
                0,
                format!(
                    "Imported {}.",
                    count(batch.len(), "assessment", "assessments")
                ),
            );
            state.library_changed();
            if let Some(current) = batch
                .iter()
                .find(|a| state.assessment.with_untracked(|c| c.id == a.id))
            {
                state.assessment.set(current.clone());
            }
        }
        Err(StoreError::Full) => lines.insert(
            0,
            format!(
                "Nothing was imported: the browser's storage is full ({} would not fit). \
                 Export and delete assessments you no longer need, then import again.",
                count(batch.len(), "assessment", "assessments")
            ),
        ),
        Err(e) => lines.insert(0, format!("Nothing was imported: {e}.")),
    }
    lines
}
