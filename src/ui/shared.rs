//! A shared result, opened from a link: shown read-only, with "Save to my assessments".

use assessment::i18n::fill;
use assessment::share::decode_share;
use assessment::{Assessment, Step};
use leptos::prelude::*;

use super::results::ResultsBody;
use super::HEADING_ID;
use crate::notice::{Action, Notice, Said};
use crate::persist;
use crate::route::Route;
use crate::state::{new_id, now_ms, AppState};

#[component]
pub fn SharedView(payload: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
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
    let assessment = RwSignal::new(a);
    let label = RwSignal::new(String::new());
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
    view! {
        <section class="dra-page dra-results" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{m.shared_heading}</h1>
            <p class="dra-lead">{m.shared_lead}</p>
            <ResultsBody assessment=Signal::derive(move || assessment.get()) read_only=true />
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
