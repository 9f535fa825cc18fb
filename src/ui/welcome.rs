//! The welcome screen: what this is, the perspective choice, and Start (or Continue).

use assessment::Perspective;
use leptos::prelude::*;

use super::HEADING_ID;
use crate::state::AppState;

#[component]
pub fn Welcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
    let lang = q.default_locale.as_str();
    let in_progress = move || state.assessment.with(|a| a.is_started());
    view! {
        <section class="dra-page dra-welcome" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{q.title.get(lang, lang).to_owned()}</h1>
            <p class="dra-lead">{q.description.get(lang, lang).to_owned()}</p>
            <ul class="dra-facts">
                <li>{format!("{} questions in {} sections; about 10\u{2013}15 minutes.", q.item_count(), q.sections.len())}</li>
                <li>"You can stop at any time and come back: every answer is saved as you go."</li>
                <li>"Your answers stay in this browser. Nothing is sent anywhere."</li>
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
    let summary = move || {
        let scope = state.scope();
        state.assessment.with(|a| {
            let p = a.progress(state.q, &scope);
            let who = a
                .perspective
                .map(|p| format!(" as {}", p.lower_name()))
                .unwrap_or_default();
            format!(
                "You have an assessment in progress{who}: {} of {} questions answered.",
                p.answered, p.total
            )
        })
    };
    view! {
        <div class="dra-card">
            <p>{summary}</p>
            <div class="dra-actions">
                <button type="button" class="dra-button dra-button--primary"
                    on:click=move |_| state.update(|a, scope, now| a.resume(state.q, scope, now))>
                    "Continue"
                </button>
                <button type="button" class="dra-button" on:click=move |_| state.start_new()>
                    "Start a new assessment"
                </button>
            </div>
        </div>
    }
}

#[component]
fn StartForm() -> impl IntoView {
    let state = expect_context::<AppState>();
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
                <legend>"Which side of the relationship are you answering for?"</legend>
                {Perspective::ALL
                    .into_iter()
                    .map(|p| {
                        let id = format!("dra-perspective-{}", p.code());
                        view! {
                            <label class="dra-choice" for=id.clone()>
                                <input type="radio" id=id.clone() name="dra-perspective" value=p.code()
                                    prop:checked=move || chosen.get() == Some(p)
                                    on:change=move |_| { chosen.set(Some(p)); error.set(false); } />
                                <span>{p.to_string()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
                <Show when=move || error.get()>
                    <p id="dra-perspective-error" class="dra-error" role="alert">
                        "Choose a side to start: brand owner or distributor."
                    </p>
                </Show>
            </fieldset>
            {fixed.map(|p| view! { <p>{format!("You are answering as {}.", p.lower_name())}</p> })}
            <button type="submit" class="dra-button dra-button--primary">"Start"</button>
        </form>
    }
}
