//! One question: a fieldset whose legend is the question, with seven labelled radio inputs.

use assessment::{Answer, Level};
use leptos::prelude::*;

use crate::state::AppState;

/// The id of an item's fieldset, for links from the results.
pub fn item_dom_id(item_id: &str) -> String {
    format!("dra-item-{item_id}")
}

/// The item at `section`/`item` of the questionnaire.
#[component]
pub fn ItemField(section: usize, item: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
    let it = &q.sections[section].items[item];
    let id = it.id.as_str();
    let current = Memo::new(move |_| state.assessment.with(|a| a.answers.get(id)));
    let option = move |answer: Answer, label: AnyView| {
        view! {
            <label class="dra-option">
                <input type="radio" name=id value=answer.code()
                    prop:checked=move || current.get() == Some(answer)
                    on:change=move |_| state.update(|a, _, now| a.answer(id, answer, now)) />
                <span class="dra-option__text">{label}</span>
            </label>
        }
    };
    let levels = Level::all()
        .map(|level| {
            let n = usize::from(level.get() - 1);
            let label = view! {
                <span class="dra-option__level">{format!("{} {}", level.get(), state.text(&q.level_names[n]))}</span>
                " \u{2014} "
                <span class="dra-option__desc">{state.text(&it.levels[n])}</span>
            };
            option(Answer::Level(level), label.into_any())
        })
        .collect_view();
    view! {
        <fieldset class="dra-item" id=item_dom_id(id) tabindex="-1">
            <legend class="dra-item__question">{state.text(&it.question)}</legend>
            <div class="dra-options">{levels}</div>
            <div class="dra-options dra-options--other">
                // Not offered where every relationship has the practice (all of Trust).
                {it.offers_not_applicable.then(|| option(Answer::NotApplicable, m.not_applicable.into_any()))}
                {option(Answer::DontKnow, m.dont_know.into_any())}
            </div>
        </fieldset>
    }
}
