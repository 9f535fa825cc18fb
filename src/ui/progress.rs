//! The progress bar: answered items of all items shown.

use leptos::prelude::*;

use crate::state::AppState;

#[component]
pub fn ProgressBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let progress = Memo::new(move |_| {
        let scope = state.scope();
        state.assessment.with(|a| a.progress(state.q, &scope))
    });
    let percent = move || {
        let p = progress.get();
        (p.answered * 100).checked_div(p.total).unwrap_or(0)
    };
    view! {
        <div class="dra-progress">
            <div
                class="dra-progress__track"
                role="progressbar"
                aria-label="Questions answered"
                aria-valuemin="0"
                aria-valuemax=move || progress.get().total
                aria-valuenow=move || progress.get().answered
                aria-valuetext=move || {
                    let p = progress.get();
                    format!("{} of {} questions answered", p.answered, p.total)
                }
            >
                <div class="dra-progress__bar" style:width=move || format!("{}%", percent())></div>
            </div>
            <p class="dra-progress__label" aria-hidden="true">
                {move || {
                    let p = progress.get();
                    format!("{} of {} answered", p.answered, p.total)
                }}
            </p>
        </div>
    }
}
