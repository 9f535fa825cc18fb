//! One question: a fieldset whose legend is the question's number and text, with its labelled
//! radio inputs.

use assessment::{Answer, Level};
use leptos::prelude::*;

use crate::state::AppState;

/// The id of an item's fieldset, for links from the results.
pub fn item_dom_id(item_id: &str) -> String {
    format!("dra-item-{item_id}")
}

/// The item at `section`/`item` of the questionnaire, numbered `number`. `on_answered` hears
/// (item, whether to bring the next question into view): only for a first answer chosen by
/// pointer, so that arrow keys moving through the options never scroll the page away.
#[component]
pub fn ItemField(
    section: usize,
    item: usize,
    number: usize,
    on_answered: Callback<(usize, bool)>,
    on_focus: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let it = &q.sections[section].items[item];
    let id = it.id.as_str();
    let current = Memo::new(move |_| state.assessment.with(|a| a.answers.get(id)));
    let by_pointer = StoredValue::new(false);
    let option = move |answer: Answer, label: AnyView| {
        view! {
            <label class="dra-option">
                <input type="radio" name=id value=answer.code()
                    prop:checked=move || current.get() == Some(answer)
                    on:change=move |_| {
                        let first = current.get_untracked().is_none();
                        state.update(|a, _, now| a.answer(id, answer, now));
                        on_answered.run((item, first && by_pointer.get_value()));
                    } />
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
        <fieldset class="dra-item" id=item_dom_id(id) tabindex="-1"
            on:pointerdown=move |_| by_pointer.set_value(true)
            on:keydown=move |_| by_pointer.set_value(false)
            on:focusin=move |_| on_focus.run(())>
            <legend class="dra-item__question">
                <span class="dra-item__number">{format!("{}.", m.int(number as u64))}</span>
                " "
                {state.text(&it.question)}
            </legend>
            <div class="dra-options">{levels}</div>
            <div class="dra-options dra-options--other">
                // Not offered where every relationship has the practice (all of Trust).
                {it.offers_not_applicable.then(|| option(Answer::NotApplicable, m.not_applicable.into_any()))}
                {option(Answer::DontKnow, m.dont_know.into_any())}
            </div>
        </fieldset>
    }
}
