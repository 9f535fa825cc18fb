//! A shared result, opened from a link: shown read-only, with print, "Save to my assessments",
//! "Answer from your side" (a fresh assessment from the other perspective) and "Compare with
//! mine" (the two-sides view against an assessment of the other side saved here).

use assessment::i18n::fill;
use assessment::share::decode_share;
use assessment::sides::two_sides;
use assessment::{Assessment, Perspective, Step};
use leptos::prelude::*;

use super::compare::describe;
use super::results::ResultsBody;
use super::sides::TwoSidesBody;
use super::HEADING_ID;
use crate::browser;
use crate::notice::{Action, Notice, Said};
use crate::persist::{self, Entry};
use crate::route::Route;
use crate::state::{new_id, now_ms, AppState};

#[component]
pub fn SharedView(payload: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let shared = match decode_share(&payload, q) {
        Ok(s) => s,
        Err(e) => {
            return view! {
                <section class="dra-page" aria-labelledby=HEADING_ID>
                    <h1 id=HEADING_ID tabindex="-1">{m.link_failed_heading}</h1>
                    <div class="dra-card dra-notice--warning" role="alert">
                        <p>{fill(m.link_failed, &[("reason", &e.plain(m))])}</p>
                        {e.detail(m).map(|d| view! {
                            <details class="dra-details"><summary>{m.details}</summary><p>{d}</p></details>
                        })}
                    </div>
                    <p><a href="#/">{m.go_to_assessment}</a></p>
                </section>
            }
            .into_any();
        }
    };
    let now = now_ms();
    let mut a = Assessment::new(new_id(), q, now);
    a.perspective = shared.perspective;
    a.answers = shared.answers;
    a.step = Step::Results;
    a.completed_ms = Some(now);
    // The reader is on the other side of the relationship (a host may fix one side only).
    let fixed = state.embed.with_value(|e| e.perspective);
    let other = shared
        .perspective
        .map(Perspective::other)
        .filter(|o| fixed.is_none_or(|f| f == *o));
    let assessment = RwSignal::new(a);
    let label = RwSignal::new(String::new());
    let comparing = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut a = assessment.get_untracked();
        a.label = label.get_untracked().trim().to_owned();
        match state.with_store(|s| persist::save_all(s, q, std::slice::from_ref(&a))) {
            Ok(()) => {
                state.library_changed();
                state.notify(Notice::Said(Said::SharedSaved));
                state.navigate(Route::History);
            }
            Err(e) => {
                state.keep_not_restored(e.not_restored);
                state.notify(Notice::Said(Said::Failed(Action::SaveShared, e.error)));
            }
        }
    };
    let answer_from_side = move |side: Perspective| {
        state.start_new();
        state.update(|a, scope, now| a.start(scope, side, now));
        state.navigate(Route::Assessment);
    };
    view! {
        <section class="dra-page dra-results" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{m.shared_heading}</h1>
            <p class="dra-lead">{m.shared_lead}</p>
            <ResultsBody assessment=Signal::derive(move || assessment.get()) read_only=true />
            <div class="dra-actions dra-no-print">
                <button type="button" class="dra-button" on:click=|_| browser::print()>{m.print_pdf}</button>
                {other.map(|side| view! {
                    <button type="button" class="dra-button" on:click=move |_| answer_from_side(side)>
                        {fill(m.answer_from_side, &[("side", side.lower_name(m))])}
                    </button>
                    <button type="button" class="dra-button" aria-expanded=move || comparing.get().to_string()
                        aria-controls="dra-compare-mine" on:click=move |_| comparing.update(|c| *c = !*c)>
                        {m.compare_with_mine}
                    </button>
                })}
            </div>
            {other.map(|side| view! {
                <div id="dra-compare-mine" class="dra-no-print">
                    <Show when=move || comparing.get()>
                        <CompareWithMine shared=assessment side=side />
                    </Show>
                </div>
            })}
            <form class="dra-card dra-no-print dra-save-shared" on:submit=save>
                <label for="dra-shared-label">{m.name_optional}</label>
                <input id="dra-shared-label" type="text" maxlength="120" prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev)) />
                <button type="submit" class="dra-button dra-button--primary">{m.save_to_history}</button>
            </form>
        </section>
    }
    .into_any()
}

/// The shared result beside one of the reader's own assessments of the other side: the one
/// open here when it is of that side, else the latest finished one.
#[component]
fn CompareWithMine(shared: RwSignal<Assessment>, side: Perspective) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let mine = state.stored(move |s| {
        let mut list: Vec<Assessment> = persist::list(s, q)
            .into_iter()
            .filter_map(|e| match e {
                Entry::Readable(a) if a.perspective == Some(side) => Some(a),
                _ => None,
            })
            .collect();
        assessment::lean::sort_by(&mut list, |a, b| {
            (b.created_ms, &b.id).cmp(&(a.created_ms, &a.id))
        });
        list
    });
    let current = state.assessment.with_untracked(|a| a.id.clone());
    let initial = mine.with_untracked(|list| {
        list.iter()
            .find(|a| a.id == current)
            .or_else(|| list.iter().find(|a| a.completed_ms.is_some()))
            .or_else(|| list.first())
            .map(|a| a.id.clone())
    });
    let chosen = RwSignal::new(initial);
    move || {
        let list = mine.get();
        if list.is_empty() {
            return view! {
                <p class="dra-card" role="status">{fill(m.compare_with_mine_none, &[("side", side.lower_name(m))])}</p>
            }
            .into_any();
        }
        let picked = chosen
            .get()
            .and_then(|id| list.iter().find(|a| a.id == id).cloned())
            .unwrap_or_else(|| list[0].clone());
        let scope = state.scope();
        let body = shared.with(|s| two_sides(q, &scope, s, &picked));
        let selected = picked.id.clone();
        view! {
            <section class="dra-compare-mine" aria-labelledby="dra-compare-mine-heading">
                <h2 id="dra-compare-mine-heading">{fill(m.sides_heading, &[("name", m.shared_link_side)])}</h2>
                <div class="dra-card dra-compare__pick">
                    <label for="dra-compare-mine-pick">{m.yours}</label>
                    <select id="dra-compare-mine-pick" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                        {list.iter().map(|a| {
                            let id = a.id.clone();
                            view! { <option value=id.clone() selected=id == selected>{describe(state, a)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {body.map(|t| view! { <TwoSidesBody sides=t /> })}
            </section>
        }
        .into_any()
    }
}
