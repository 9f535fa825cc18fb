//! The presenter: a full-viewport 16:9 deck, one slide at a time (what the slides are is in
//! `slides.rs`). The arrow keys, Page Up/Down, Home and End move; Escape leaves; a counter says
//! where the room is. The type is sized from the slide's height, so a slide lays out alike at
//! every screen size and never scrolls.

use assessment::i18n::fill;
use assessment::workshop::aggregate;
use leptos::prelude::*;

use super::slides::{slides, SlideView};
use crate::persist;
use crate::route::Route;
use crate::state::AppState;
use crate::ui::HEADING_ID;

#[component]
pub fn Presenter(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let Some(w) = state.with_store(|s| persist::read_workshop(s, q, &id)) else {
        return view! { <p role="alert">{m.workshop_not_found_text}</p> }.into_any();
    };
    let report = aggregate(q, &state.scope(), &w.participants);
    let deck = slides(q, &report);
    let total = deck.len();
    let slide = RwSignal::new(0usize);
    let back_to = id.clone();
    let leave = move || state.navigate(Route::Workshop(back_to.clone()));
    let leave2 = leave.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " => {
            ev.prevent_default();
            slide.update(|s| *s = (*s + 1).min(total - 1));
        }
        "ArrowLeft" | "ArrowUp" | "PageUp" => {
            ev.prevent_default();
            slide.update(|s| *s = s.saturating_sub(1));
        }
        "Home" => {
            ev.prevent_default();
            slide.set(0);
        }
        "End" => {
            ev.prevent_default();
            slide.set(total - 1);
        }
        "Escape" => leave(),
        _ => {}
    });
    on_cleanup(move || handle.remove());
    Effect::new(move |prev: Option<usize>| {
        let s = slide.get();
        if prev.is_some_and(|p| p != s) {
            request_animation_frame(|| crate::ui::focus_element(HEADING_ID));
        }
        s
    });
    let workshop = StoredValue::new(w);
    let report = StoredValue::new(report);
    let deck = StoredValue::new(deck);
    view! {
        <div class="dra-deck" role="region" aria-roledescription=m.slide_show
            aria-label=fill(m.slides_of, &[("name", &workshop.with_value(|w| w.name.clone()))])>
            <div class="dra-deck__frame">
                {move || {
                    let n = slide.get();
                    view! {
                        <SlideView slide=deck.with_value(|d| d[n]) report=report.get_value()
                            workshop=workshop.get_value() />
                    }
                }}
                <div class="dra-deck__bar">
                    <p class="dra-deck__count" aria-live="polite">
                        {move || fill(m.slide_of, &[
                            ("n", &m.int(slide.get() as u64 + 1)),
                            ("total", &m.int(total as u64)),
                        ])}
                    </p>
                    <p class="dra-deck__keys">{m.presenter_keys}</p>
                    <div class="dra-deck__buttons">
                        <button type="button" class="dra-button" on:click=move |_| slide.update(|s| *s = s.saturating_sub(1))
                            disabled=move || slide.get() == 0>{m.previous}</button>
                        <button type="button" class="dra-button" on:click=move |_| slide.update(|s| *s = (*s + 1).min(total - 1))
                            disabled=move || slide.get() + 1 == total>{m.next}</button>
                        <button type="button" class="dra-button" on:click=move |_| leave2()>{m.close_presenter}</button>
                    </div>
                </div>
            </div>
        </div>
    }
    .into_any()
}
