//! The welcome screen: what this is, the perspective choice, and Start (or Continue).

use assessment::i18n::fill;
use assessment::Perspective;
use leptos::prelude::*;

use super::HEADING_ID;
use crate::state::AppState;

#[component]
pub fn Welcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let in_progress = move || state.assessment.with(|a| a.is_started());
    // Each side is asked only what it can see, so the two sides' counts differ.
    let facts = assessment::explain::welcome_facts(q, &state.scope(), m);
    view! {
        <section class="dra-page dra-welcome" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{state.text(&q.title)}</h1>
            <p class="dra-lead">{state.text(&q.description)}</p>
            <ul class="dra-facts">
                <li>{facts}</li>
                <li>{m.welcome_saved}</li>
                <li>{m.welcome_private}</li>
            </ul>
            <Show when=in_progress fallback=move || view! { <StartForm /> }>
                <ContinueBox />
            </Show>
        </section>
    }
}

#[component]
fn ContinueBox() -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let summary = move || {
        let scope = state.scope();
        state.assessment.with(|a| {
            let p = a.progress(state.q(), &scope);
            let (answered, total) = (m.int(p.answered as u64), m.int(p.total as u64));
            let mut args = vec![("answered", answered.as_str()), ("total", total.as_str())];
            let template = match a.perspective {
                Some(side) => {
                    args.push(("side", side.lower_name(m)));
                    m.continue_summary_as
                }
                None => m.continue_summary,
            };
            fill(template, &args)
        })
    };
    view! {
        <div class="dra-card">
            <p>{summary}</p>
            <div class="dra-actions">
                <button type="button" class="dra-button dra-button--primary"
                    on:click=move |_| {
                        // To the first open question, not the top of its page.
                        let scope = state.scope();
                        let first = state.assessment.with_untracked(|a| a.unanswered(state.q(), &scope).first().copied());
                        if let Some(r) = first {
                            state.focus_next.set_value(Some(super::item::item_dom_id(&state.q().item(r).id)));
                        }
                        state.update(|a, scope, now| a.resume(state.q(), scope, now));
                    }>
                    {m.continue_button}
                </button>
                <button type="button" class="dra-button" on:click=move |_| state.start_new()>
                    {m.start_new}
                </button>
            </div>
        </div>
    }
}

#[component]
fn StartForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let fixed = state.embed.with_value(|e| e.perspective);
    let chosen = RwSignal::new(fixed);
    let error = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen.get() {
            Some(p) => state.update(|a, scope, now| a.start(scope, p, now)),
            None => {
                error.set(true);
                super::focus_element("dra-perspective-brand_owner");
            }
        }
    };
    view! {
        <form class="dra-card dra-start" on:submit=on_submit novalidate>
            <fieldset class="dra-perspective" class:dra-hidden=fixed.is_some()
                aria-describedby=move || error.get().then_some("dra-perspective-error")>
                <legend>{m.perspective_question}</legend>
                {Perspective::ALL
                    .into_iter()
                    .map(|p| {
                        let id = format!("dra-perspective-{}", p.code());
                        view! {
                            <label class="dra-choice" for=id.clone()>
                                <input type="radio" id=id.clone() name="dra-perspective" value=p.code()
                                    prop:checked=move || chosen.get() == Some(p)
                                    on:change=move |_| { chosen.set(Some(p)); error.set(false); } />
                                <span>{p.name(m)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
                <Show when=move || error.get()>
                    <p id="dra-perspective-error" class="dra-error" role="alert">
                        {m.perspective_missing}
                    </p>
                </Show>
            </fieldset>
            {fixed.map(|p| view! { <p>{fill(m.answering_as, &[("side", p.lower_name(m))])}</p> })}
            <button type="submit" class="dra-button dra-button--primary">{m.start}</button>
        </form>
    }
}
