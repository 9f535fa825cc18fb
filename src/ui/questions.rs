//! A section page: a header that stays in view (where am I, is it saved, the way back to the
//! results), the section's heading and intro, the answering instructions before the first
//! section, its numbered questions, and Back / Next (See results on the last page).

use assessment::i18n::fill;
use assessment::wizard::first_page;
use assessment::{ItemRef, Step};
use leptos::prelude::*;

use super::item::{item_dom_id, ItemField};
use super::progress::ProgressBar;
use super::{focus_element, HEADING_ID};
use crate::notice::Notice;
use crate::state::AppState;

/// Whether choosing an answer should bring the next question into view: on a narrow screen
/// (a phone, where one question fills the screen), and never when the person asked the system
/// for reduced motion.
fn moves_to_next() -> bool {
    let matches = |query: &str| {
        window()
            .match_media(query)
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    };
    matches("(max-width: 40rem)") && !matches("(prefers-reduced-motion: reduce)")
}

/// Scrolls the question into view smoothly, leaving focus where it is (on the answer chosen).
fn scroll_to_question(item_id: &str) {
    if let Some(el) = document().get_element_by_id(&item_dom_id(item_id)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

#[component]
pub fn SectionPage(section: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let sec = &q.sections[section];
    let scope = state.scope();
    let (page, pages) = state
        .assessment
        .with_untracked(|a| a.page_number(&scope))
        .unwrap_or((1, scope.len()));
    // The questions asked of the respondent's side, numbered over the whole questionnaire.
    let numbered: Vec<ItemRef> = state
        .assessment
        .with_untracked(|a| a.asked_items(q, &scope));
    let total = numbered.len();
    let number_of = move |r: ItemRef| numbered.iter().position(|x| *x == r).map(|p| p + 1);
    let asked: Vec<(usize, usize)> = state.assessment.with_untracked(|a| {
        a.asked(&scope)
            .items(q, section)
            .filter_map(|(i, _)| number_of(ItemRef { section, item: i }).map(|n| (i, n)))
            .collect()
    });
    let is_first = page == 1;
    let is_last = page == pages;
    // Where to pick up: the first question still open here (the first one when all are done).
    let pick_up = state
        .assessment
        .with_untracked(|a| a.first_unanswered_in(q, &scope, section))
        .map(|r| r.item);
    let first_here = asked.first().map(|&(i, n)| (i, n));
    let start_at = pick_up
        .and_then(|i| asked.iter().find(|(x, _)| *x == i).copied())
        .or(first_here);
    // "Question x of y": the question the person is at (the last one focused or answered).
    let current = RwSignal::new(start_at.map_or(0, |(_, n)| n));
    let welcome_back = state.welcome_back.get_untracked();
    let saved_once = RwSignal::new(false);
    on_cleanup(move || {
        state.welcome_back.set(false);
    });
    if welcome_back {
        // Opened again on the page the person left: to its first open question.
        if let Some((i, _)) = start_at.filter(|_| pick_up.is_some()) {
            let target = item_dom_id(&sec.items[i].id);
            request_animation_frame(move || focus_element(&target));
        }
    }
    let asked_for_next = asked.clone();
    let on_answered = Callback::new(move |(item, bring_next): (usize, bool)| {
        saved_once.set(true);
        state.welcome_back.set(false);
        let at = asked_for_next.iter().position(|(i, _)| *i == item);
        let next = at.and_then(|p| asked_for_next.get(p + 1)).copied();
        match next {
            Some((i, n)) if bring_next && moves_to_next() => {
                current.set(n);
                scroll_to_question(&state.q().sections[section].items[i].id);
            }
            _ => {
                if let Some(&(_, n)) = at.and_then(|p| asked_for_next.get(p)) {
                    current.set(n);
                }
            }
        }
    });
    // Only while this page is the one shown: a second click (or Enter) that arrives before the
    // next page is drawn must not move on again and skip a page.
    let shown = move || state.page.get_untracked() == Step::Section(section);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if shown() {
            state.update(|a, scope, now| a.next(scope, now));
        }
    };
    // "Saved" after the first change on this page, and no more announcements after that: the
    // text does not change while saving keeps working. Never when nothing can be kept.
    let saved = move || {
        saved_once.get()
            && state
                .notices
                .with(|n| !n.contains(&Notice::NotSaved) && !n.contains(&Notice::NotKept))
    };
    let to_start = move |_| {
        state.welcome_back.set(false);
        let first = first_page(&state.scope());
        if state.page.get_untracked() == first {
            if let Some(&(i, n)) = first_here.as_ref() {
                current.set(n);
                focus_element(&item_dom_id(&state.q().sections[section].items[i].id));
            }
        } else {
            state.update(|a, scope, now| a.go_to(first, scope, now));
        }
    };
    let progress = Memo::new(move |_| {
        let scope = state.scope();
        state.assessment.with(|a| a.progress(state.q(), &scope))
    });
    view! {
        <section class="dra-page dra-section" aria-labelledby=HEADING_ID>
            <p class="dra-brand">{state.text(&q.title)}</p>
            <div class="dra-where" role="region" aria-label=m.progress_where>
                <div class="dra-where__row">
                    <p class="dra-where__place">
                        <span>{fill(m.section_of, &[("page", &m.int(page as u64)), ("pages", &m.int(pages as u64))])}</span>
                        <span aria-hidden="true">" \u{b7} "</span>
                        <span>{move || fill(m.question_of, &[("n", &m.int(current.get() as u64)), ("total", &m.int(total as u64))])}</span>
                    </p>
                    <BackToResults class="dra-button dra-button--small dra-no-print" />
                </div>
                <div class="dra-where__row">
                    <ProgressBar />
                    <p class="dra-saved" role="status">{move || saved().then_some(m.saved)}</p>
                </div>
                <Show when=move || state.welcome_back.get()>
                    <p class="dra-welcome-back">
                        {move || {
                            let p = progress.get();
                            fill(m.welcome_back, &[("answered", &m.int(p.answered as u64)), ("total", &m.int(p.total as u64))])
                        }}
                        " "
                        <button type="button" class="dra-link" on:click=to_start>{m.go_to_start}</button>
                    </p>
                </Show>
            </div>
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
                {asked.iter().map(|&(i, n)| view! {
                    <ItemField section=section item=i number=n
                        on_answered=on_answered
                        on_focus=Callback::new(move |()| current.set(n)) />
                }).collect_view()}
                <div class="dra-nav">
                    <button type="button" class="dra-button"
                        on:click=move |_| if shown() { state.update(|a, scope, now| a.back(scope, now)) }>
                        {m.back}
                    </button>
                    <BackToResults class="dra-button" />
                    <button type="submit" class="dra-button dra-button--primary">
                        {if is_last { m.see_results } else { m.next }}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// "Back to results", while the person came to this page from the results.
#[component]
fn BackToResults(class: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.from_results.with(Option::is_some)>
            <button type="button" class=class
                on:click=move |_| state.update(|a, scope, now| a.go_to(Step::Results, scope, now))>
                {state.t().back_to_results}
            </button>
        </Show>
    }
}
