//! My assessments: every assessment saved in this browser, with open, rename, retake, export,
//! share-free export to files, import from files, delete (with undo) and compare.

use std::collections::HashMap;

use assessment::exchange::export_with_raw;
use assessment::history::{default_pair, default_sides_pair, summarize};
use assessment::i18n::fill;
use assessment::{Assessment, RecordError};
use leptos::html;
use leptos::prelude::*;

use super::import::ImportCard;
use super::{modal_while, HEADING_ID};
use crate::browser;
use crate::notice::{Action, Notice, Said};
use crate::persist::{self, Entry};
use crate::present::{isolate, label_or_untitled as title, score_line, FileKind};
use crate::route::Route;
use crate::state::{new_id, now_ms, AppState};

/// Names being typed in a rename, by record id: kept here, above the cards, so that a card
/// redrawn because another tab saved its record keeps what is being typed.
type Drafts = RwSignal<HashMap<String, String>>;

/// Deletes what is stored under `key` (or the record `id`, with the pointer to the current one)
/// with an undo, or says why it could not.
fn delete_with_undo(state: AppState, id: Option<&str>, key: String, label: Option<String>) {
    let result = state.with_store(|s| match id {
        Some(id) => persist::delete(s, id),
        None => persist::delete_key(s, &key),
    });
    match result {
        Ok(Some(text)) => {
            if id.is_some_and(|id| state.assessment.with_untracked(|c| c.id == id)) {
                state.start_new();
            }
            state.notify(Notice::Deleted { key, label, text });
        }
        Ok(None) => {}
        Err(e) => state.notify(Notice::Said(Said::Failed(Action::Delete, e))),
    }
    state.library_changed();
}

#[component]
pub fn History() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let entries = state.stored(move |s| persist::list(s, q));
    let retaking = RwSignal::new(None::<Assessment>);
    let drafts: Drafts = RwSignal::new(HashMap::new());
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
                    Entry::Unreadable { key, .. } => state.with_store(|s| persist::raw(s, key)),
                    Entry::Readable(_) => None,
                })
                .collect()
        });
        let refs: Vec<&Assessment> = all.iter().collect();
        let raw_refs: Vec<&str> = raw.iter().map(String::as_str).collect();
        let text = export_with_raw(&refs, &raw_refs, q, now_ms());
        let day = browser::file_date(now_ms());
        if state
            .download(FileKind::AllAssessments, ("", None), &day, &text)
            .is_some()
        {
            // Damaged records that are not JSON cannot go into the file: say so.
            let left_out = raw
                .iter()
                .filter(|t| {
                    !serde_json::from_str::<serde_json::Value>(t).is_ok_and(|v| v.is_object())
                })
                .count();
            if left_out > 0 {
                state.notify(Notice::Said(Said::ExportLeftOut(left_out)));
            }
        }
    };
    let compare = move |_| {
        let all = readable();
        let refs: Vec<&Assessment> = all.iter().collect();
        if let Some((a, b)) = default_pair(&refs) {
            state.navigate(Route::Compare(a, b));
        }
    };
    let sides_pair = move || {
        let all = readable();
        let refs: Vec<&Assessment> = all.iter().collect();
        default_sides_pair(&refs)
    };
    let compare_sides = move |_| {
        if let Some((a, b)) = sides_pair() {
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
                <Show when=move || sides_pair().is_some()>
                    <button type="button" class="dra-button" on:click=compare_sides>{m.compare_sides}</button>
                </Show>
                <Show when=move || entries.with(|e| !e.is_empty())>
                    <button type="button" class="dra-button" on:click=export_all>{m.export_all}</button>
                </Show>
            </div>
            <ImportCard />
            <Show when=move || entries.with(Vec::is_empty)>
                <p class="dra-card">{m.no_assessments}</p>
            </Show>
            <ul class="dra-records">
                <For
                    each=move || entries.get()
                    key=|e| match e {
                        Entry::Readable(a) => format!("{}:{}:{}", a.id, a.updated_ms, a.label),
                        Entry::Unreadable { key, .. } => format!("!{key}"),
                    }
                    children=move |entry| view! { <li><Record entry=entry retaking=retaking drafts=drafts /></li> }
                />
            </ul>
            <RetakeDialog retaking=retaking />
        </section>
    }
}

#[component]
fn Record(entry: Entry, retaking: RwSignal<Option<Assessment>>, drafts: Drafts) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let a = match entry {
        Entry::Readable(a) => a,
        Entry::Unreadable {
            key,
            id,
            reason,
            kept,
        } => return view! { <Unreadable key_=key id=id reason=reason kept=kept /> }.into_any(),
    };
    let heading_id = format!("dra-record-{}", a.id);
    let labelled_by = heading_id.clone();
    let name = title(&a.label, m);
    let s = summarize(&a, q);
    let (answered, total) = (
        m.int(s.progress.answered as u64),
        m.int(s.progress.total as u64),
    );
    let counts = [("answered", answered.as_str()), ("total", total.as_str())];
    let status = if s.draft {
        fill(m.status_in_progress, &counts)
    } else if s.progress.answered == s.progress.total {
        m.status_complete.to_owned()
    } else {
        fill(m.progress_short, &counts)
    };
    let who = a
        .perspective
        .map_or(m.perspective_not_chosen, |p| p.name(m));
    let meta = fill(
        m.record_meta,
        &[
            ("side", who),
            ("created", &browser::date_time(s.created_ms, m)),
            ("changed", &browser::date_time(s.updated_ms, m)),
            ("status", &status),
        ],
    );
    // A draft has no score yet: 5 answers of 30 would mislead.
    let overall = s.overall.map(|(p, band)| {
        score_line(
            m,
            m.overall_line,
            p,
            state.text(&q.scoring.bands[band].name),
            s.at_risk,
        )
    });
    let id = a.id.clone();
    let (id1, id2, id3, id4) = (id.clone(), id.clone(), id.clone(), id.clone());
    let renaming = move || drafts.with(|d| d.contains_key(&id1));
    let draft = move || drafts.with(|d| d.get(&id2).cloned().unwrap_or_default());
    let set_draft = move |v: Option<String>| {
        drafts.update(|d| match v {
            Some(v) => {
                d.insert(id3.clone(), v);
            }
            None => {
                d.remove(&id3);
            }
        });
    };
    let set_draft2 = set_draft.clone();
    let set_draft3 = set_draft.clone();
    let label_now = a.label.clone();
    let record = StoredValue::new(a);
    let open = move |_| state.open(record.get_value());
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // From what is stored now (another tab may have saved it since this card was drawn).
        let Some(mut a) = state.with_store(|s| persist::read(s, q, &id4)) else {
            return;
        };
        a.label = drafts
            .with_untracked(|d| d.get(&id4).cloned().unwrap_or_default())
            .trim()
            .to_owned();
        a.updated_ms = now_ms();
        let result = state.with_store(|s| persist::save_all(s, q, std::slice::from_ref(&a)));
        match result {
            Ok(()) => {
                if state.assessment.with_untracked(|c| c.id == a.id) {
                    state.assessment.set(a);
                }
                set_draft(None);
                state.library_changed();
            }
            Err(e) => state.notify(Notice::Said(Said::Failed(Action::Rename, e.error))),
        }
    };
    let export_json = move |_| {
        let a = record.get_value();
        let text = assessment::exchange::export_json(&[&a], q, now_ms());
        let day = browser::file_date(a.created_ms);
        let _ = state.download(FileKind::Assessment, (&a.label, a.perspective), &day, &text);
    };
    let export_csv = move |_| {
        let a = record.get_value();
        let text = assessment::csv::export_csv(&a, q, m.locale.code());
        let day = browser::file_date(a.created_ms);
        let _ = state.download(
            FileKind::AssessmentCsv,
            (&a.label, a.perspective),
            &day,
            &text,
        );
    };
    let delete = move |_| {
        let a = record.get_value();
        delete_with_undo(
            state,
            Some(&a.id),
            persist::record_key(&a.id),
            Some(a.label.clone()),
        );
    };
    let input_id = format!("{heading_id}-name");
    view! {
        <article class="dra-card dra-record" aria-labelledby=labelled_by>
            <h2 id=heading_id><bdi>{name.clone()}</bdi></h2>
            <p class="dra-muted">{meta}</p>
            {overall.map(|o| view! { <p class="dra-record__score">{o}</p> })}
            <Show when=renaming.clone()>
                <form class="dra-rename" on:submit=save_name.clone()>
                    <label for=input_id.clone()>{m.name}</label>
                    <input id=input_id.clone() type="text" maxlength="120" prop:value=draft.clone()
                        on:input={let set = set_draft2.clone(); move |ev| set(Some(event_target_value(&ev)))} />
                    <button type="submit" class="dra-button dra-button--small">{m.save_name}</button>
                    <button type="button" class="dra-button dra-button--small" on:click={let set = set_draft2.clone(); move |_| set(None)}>{m.cancel}</button>
                </form>
            </Show>
            <div class="dra-actions dra-actions--compact">
                <button type="button" class="dra-button dra-button--small dra-button--primary" on:click=open>{m.open}</button>
                <button type="button" class="dra-button dra-button--small" on:click=move |_| set_draft3(Some(label_now.clone()))>{m.rename}</button>
                <button type="button" class="dra-button dra-button--small" on:click=move |_| retaking.set(Some(record.get_value()))>{m.retake}</button>
                <button type="button" class="dra-button dra-button--small" on:click=export_json>{m.export_json}</button>
                <button type="button" class="dra-button dra-button--small" on:click=export_csv>{m.export_csv}</button>
                <button type="button" class="dra-button dra-button--small" on:click=delete>{m.delete}</button>
            </div>
        </article>
    }
    .into_any()
}

/// A stored record this version cannot read: said plainly, the reason behind "Details", and
/// kept until the person deletes it (after downloading it, if they like).
#[component]
fn Unreadable(key_: String, id: String, reason: RecordError, kept: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let heading_id = format!("dra-unreadable-{}", crate::route::percent_encode(&key_));
    let labelled_by = heading_id.clone();
    let explanation = if kept {
        m.unreadable_newer
    } else {
        m.unreadable_damaged
    };
    let (k1, k2) = (key_.clone(), key_.clone());
    let is_record = key_ == persist::record_key(&id);
    let download = move |_| {
        if let Some(text) = state.with_store(|s| persist::raw(s, &k1)) {
            let day = browser::file_date(now_ms());
            let _ = state.download(FileKind::Unreadable, ("", None), &day, &text);
        }
    };
    let delete = move |_| {
        let id = is_record.then_some(id.as_str());
        delete_with_undo(state, id, k2.clone(), None);
    };
    view! {
        <article class="dra-card dra-record dra-record--unreadable" aria-labelledby=labelled_by>
            <h2 id=heading_id>{m.unreadable_heading}</h2>
            <p class="dra-muted">{explanation}</p>
            <details class="dra-details">
                <summary>{m.details}</summary>
                <p>{fill(m.unreadable_reason, &[("reason", &reason.detail(m).unwrap_or_else(|| reason.plain(m)))])}</p>
                <p>{fill(m.notice_detail_key, &[("key", &isolate(&key_))])}</p>
            </details>
            <div class="dra-actions dra-actions--compact">
                <button type="button" class="dra-button dra-button--small" on:click=download>{m.download}</button>
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
            let new = old.retake(new_id(), state.q(), &scope, prefill, now_ms());
            retaking.set(None);
            state.open(new);
        }
    };
    view! {
        <dialog node_ref=dialog class="dra-dialog" aria-labelledby="dra-retake-title"
            on:close=move |_| retaking.set(None)>
            <h2 id="dra-retake-title">{m.retake_heading}</h2>
            <p>
                {move || retaking.with(|r| r.as_ref().map(|a| fill(m.retake_text, &[("name", &isolate(&title(&a.label, m)))])))}
            </p>
            <div class="dra-actions">
                <button type="button" class="dra-button dra-button--primary" on:click=move |_| start(true)>{m.retake_prefill}</button>
                <button type="button" class="dra-button" on:click=move |_| start(false)>{m.retake_blank}</button>
                <button type="button" class="dra-button" on:click=move |_| retaking.set(None)>{m.cancel}</button>
            </div>
        </dialog>
    }
}
