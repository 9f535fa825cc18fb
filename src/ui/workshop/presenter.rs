//! The presenter view.

use assessment::i18n::fill;
use assessment::workshop::{aggregate, Group};
use leptos::prelude::*;

use super::report::{band_text, Distribution};
use super::{participants, question, title};
use crate::persist;
use crate::present::{percent_or_dash, tenths_or_dash};
use crate::route::Route;
use crate::state::AppState;
use crate::ui::HEADING_ID;

/// The presenter view: large type, one slide at a time (an overview, then one per section with
/// its most divided questions first); the arrow keys move, Escape leaves.
#[component]
pub fn Presenter(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
    let Some(w) = state.with_store(|s| persist::read_workshop(s, q, &id)) else {
        return view! { <p role="alert">{m.workshop_not_found_text}</p> }.into_any();
    };
    let report = aggregate(q, &state.scope(), &w.participants);
    let sections: Vec<usize> = report.all.sections.iter().map(|s| s.section).collect();
    let slides = sections.len() + 1;
    let slide = RwSignal::new(0usize);
    let back_to = id.clone();
    let leave = move || state.navigate(Route::Workshop(back_to.clone()));
    let leave2 = leave.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        "ArrowRight" | "PageDown" => {
            ev.prevent_default();
            slide.update(|s| *s = (*s + 1).min(slides - 1));
        }
        "ArrowLeft" | "PageUp" => {
            ev.prevent_default();
            slide.update(|s| *s = s.saturating_sub(1));
        }
        "Home" => slide.set(0),
        "End" => slide.set(slides - 1),
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
    let name = w.name.clone();
    let report = StoredValue::new(report);
    let sections = StoredValue::new(sections);
    view! {
        <section class="dra-presenter" aria-roledescription=m.slide_show aria-labelledby=HEADING_ID>
            <p class="dra-presenter__where" aria-live="polite">
                {move || format!("{name} \u{b7} {}", fill(m.slide_of, &[
                    ("n", &m.int(slide.get() as u64 + 1)),
                    ("total", &m.int(slides as u64)),
                ]))}
            </p>
            {move || {
                let r = report.get_value();
                match slide.get() {
                    0 => view! {
                        <h1 id=HEADING_ID tabindex="-1">{m.overview}</h1>
                        <p class="dra-presenter__big">{band_text(state, &r)}</p>
                        <ul class="dra-presenter__list">
                            {r.all.sections.iter().map(|s| view! {
                                <li>{fill(m.label_value, &[("label", &title(state, s.section)), ("value", &percent_or_dash(m, s.mean))])}</li>
                            }).collect_view()}
                        </ul>
                        <p>{fill(m.ws_sides, &[
                            ("participants", &participants(m, r.all.respondents)),
                            ("bo", &m.int(r.brand_owner_count as u64)),
                            ("d", &m.int(r.distributor_count as u64)),
                        ])}</p>
                    }.into_any(),
                    n => {
                        let section = sections.with_value(|s| s[n - 1]);
                        let stats = r.all.section(section).cloned();
                        let mut items: Vec<usize> = r.divided.iter().copied().filter(|&k| r.all.items[k].item.section == section).collect();
                        items.extend((0..r.all.items.len()).filter(|&k| r.all.items[k].item.section == section && !r.divided.contains(&k)));
                        let side = |g: &Option<Group>| percent_or_dash(m, g.as_ref().and_then(|g| g.section(section)).and_then(|x| x.mean));
                        view! {
                            <h1 id=HEADING_ID tabindex="-1">{title(state, section)}</h1>
                            <p class="dra-presenter__big">{fill(m.group_mean_value, &[("value", &percent_or_dash(m, stats.and_then(|s| s.mean)))])}</p>
                            <p>{fill(m.presenter_sides, &[("bo", &side(&r.brand_owner)), ("d", &side(&r.distributor))])}</p>
                            <ol class="dra-presenter__items">
                                {items.into_iter().map(|k| {
                                    let s = r.all.items[k];
                                    let divided = r.divided.contains(&k);
                                    let about = fill(if divided { m.presenter_item_divided } else { m.presenter_item }, &[
                                        ("mean", &tenths_or_dash(m, s.mean_tenths())),
                                        ("min", &s.min().unwrap_or(0).to_string()),
                                        ("max", &s.max().unwrap_or(0).to_string()),
                                    ]);
                                    view! {
                                        <li class:dra-presenter__divided=divided>
                                            <p class="dra-weakest__question">{question(state, &s)}</p>
                                            <p>{about}</p>
                                            <Distribution stats=s />
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }
            }}
            <div class="dra-actions dra-presenter__nav">
                <button type="button" class="dra-button" on:click=move |_| slide.update(|s| *s = s.saturating_sub(1))
                    disabled=move || slide.get() == 0>{m.previous}</button>
                <button type="button" class="dra-button" on:click=move |_| slide.update(|s| *s = (*s + 1).min(slides - 1))
                    disabled=move || slide.get() + 1 == slides>{m.next}</button>
                <button type="button" class="dra-button" on:click=move |_| leave2()>{m.close_presenter}</button>
            </div>
            <p class="dra-muted">{m.presenter_keys}</p>
        </section>
    }
    .into_any()
}
