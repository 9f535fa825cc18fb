//! A section page: heading, intro, the answering instructions before the first section, the
//! section's items, and Back / Next (See results on the last page).

use assessment::i18n::fill;
use leptos::prelude::*;

use super::item::ItemField;
use super::progress::ProgressBar;
use super::HEADING_ID;
use crate::state::AppState;

#[component]
pub fn SectionPage(section: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
    let sec = &q.sections[section];
    let scope = state.scope();
    let (page, pages) = state
        .assessment
        .with_untracked(|a| a.page_number(&scope))
        .unwrap_or((1, scope.len()));
    // Only the questions asked of the respondent's side.
    let asked: Vec<usize> = state
        .assessment
        .with_untracked(|a| a.asked(&scope).items(q, section).map(|(i, _)| i).collect());
    let is_first = page == 1;
    let is_last = page == pages;
    // Only while this page is the one shown: a second click (or Enter) that arrives before the
    // next page is drawn must not move on again and skip a page.
    let shown = move || state.page.get_untracked() == assessment::Step::Section(section);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if shown() {
            state.update(|a, scope, now| a.next(scope, now));
        }
    };
    view! {
        <section class="dra-page dra-section" aria-labelledby=HEADING_ID>
            <p class="dra-brand">{state.text(&q.title)}</p>
            <ProgressBar />
            <p class="dra-page-count">{fill(m.section_of, &[("page", &m.int(page as u64)), ("pages", &m.int(pages as u64))])}</p>
            <h1 id=HEADING_ID tabindex="-1">{state.text(&sec.title)}</h1>
            <p class="dra-lead">{state.text(&sec.intro)}</p>
            {is_first.then(|| view! {
                <div class="dra-instructions">
                    <h2>{m.how_to_answer}</h2>
                    <ul>
                        {q.instructions.iter().map(|t| view! { <li>{state.text(t)}</li> }).collect_view()}
                    </ul>
                </div>
            })}
            <form class="dra-form" on:submit=on_submit novalidate>
                {asked.iter().map(|&i| view! { <ItemField section=section item=i /> }).collect_view()}
                <div class="dra-nav">
                    <button type="button" class="dra-button"
                        on:click=move |_| if shown() { state.update(|a, scope, now| a.back(scope, now)) }>
                        {m.back}
                    </button>
                    <button type="submit" class="dra-button dra-button--primary">
                        {if is_last { m.see_results } else { m.next }}
                    </button>
                </div>
            </form>
        </section>
    }
}
