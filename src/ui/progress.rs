//! The progress bar: answered items of all items shown.

use assessment::i18n::fill;
use leptos::prelude::*;

use crate::state::AppState;

#[component]
pub fn ProgressBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let progress = Memo::new(move |_| {
        let scope = state.scope();
        state.assessment.with(|a| a.progress(state.q(), &scope))
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
                aria-label=m.progress_label
                aria-valuemin="0"
                aria-valuemax=move || progress.get().total
                aria-valuenow=move || progress.get().answered
                aria-valuetext=move || {
                    let p = progress.get();
                    fill(m.progress_value, &[("answered", &m.int(p.answered as u64)), ("total", &m.int(p.total as u64))])
                }
            >
                <div class="dra-progress__bar" style:width=move || format!("{}%", percent())></div>
            </div>
            <p class="dra-progress__label" aria-hidden="true">
                {move || {
                    let p = progress.get();
                    fill(m.progress_short, &[("answered", &m.int(p.answered as u64)), ("total", &m.int(p.total as u64))])
                }}
            </p>
        </div>
    }
}
