//! Two assessments side by side: both outlines on one radar, section scores with the change,
//! and the items whose answer moved.

use assessment::history::compare;
use assessment::i18n::{fill, Messages};
use assessment::{Answer, Assessment};
use leptos::prelude::*;

use super::radar::RadarChart;
use super::{TableWrap, HEADING_ID};
use crate::browser;
use crate::persist::{self, Entry};
use crate::present::{isolate, label_or_untitled, DASH};
use crate::route::Route;
use crate::state::AppState;

fn answer_text(state: AppState, a: Option<Answer>) -> String {
    let m = state.t();
    match a {
        Some(Answer::Level(l)) => format!(
            "{} {}",
            l.get(),
            state.text(&state.q.level_names[usize::from(l.get() - 1)])
        ),
        Some(Answer::NotApplicable) => m.not_applicable.to_owned(),
        Some(Answer::DontKnow) => m.dont_know.to_owned(),
        None => m.unanswered.to_owned(),
    }
}

fn name(a: &Assessment, m: &Messages) -> String {
    format!(
        "{}, {}",
        isolate(&label_or_untitled(&a.label, m)),
        browser::date_time(a.created_ms, m)
    )
}

#[component]
pub fn Compare(before: String, after: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
    let all: Vec<Assessment> = state
        .with_store(|s| persist::list(s, q))
        .into_iter()
        .filter_map(|e| match e {
            Entry::Readable(a) => Some(a),
            Entry::Unreadable { .. } => None,
        })
        .collect();
    let find = |id: &str| all.iter().find(|a| a.id == id).cloned();
    let (a, b) = (find(&before), find(&after));
    let picker = |id: &'static str,
                  which: &'static str,
                  selected: String,
                  other: String,
                  first: bool| {
        let options = all
            .iter()
            .map(|x| {
                let id = x.id.clone();
                view! { <option value=id.clone() selected=id == selected>{name(x, m)}</option> }
            })
            .collect_view();
        view! {
            <label for=id>{which}</label>
            <select id=id on:change=move |ev| {
                let chosen = event_target_value(&ev);
                let route = if first { Route::Compare(chosen, other.clone()) } else { Route::Compare(other.clone(), chosen) };
                state.navigate(route);
            }>{options}</select>
        }
    };
    let pickers = view! {
        <div class="dra-card dra-compare__pick">
            {picker("dra-compare-earlier", m.earlier, before.clone(), after.clone(), true)}
            {picker("dra-compare-later", m.later, after.clone(), before.clone(), false)}
        </div>
    };
    let body = match (a, b) {
        (Some(a), Some(b)) => {
            let c = compare(q, &a, &b);
            let labels: Vec<String> = c
                .sections
                .iter()
                .map(|s| state.text(&q.sections[s.section].title).to_owned())
                .collect();
            let series = vec![
                c.sections.iter().map(|s| s.before).collect(),
                c.sections.iter().map(|s| s.after).collect(),
            ];
            let pct = |p: Option<u32>| p.map_or_else(|| m.not_scored.to_owned(), |p| m.percent(p));
            let change = |before: Option<u32>, after: Option<u32>| match (before, after) {
                (Some(b), Some(a)) if a >= b => format!("+{}", m.int(u64::from(a - b))),
                (Some(b), Some(a)) => format!("\u{2212}{}", m.int(u64::from(b - a))),
                _ => DASH.to_owned(),
            };
            view! {
                <div class="dra-chart">
                    <RadarChart title=m.compare_chart_title.to_owned() labels=labels series=series />
                    <p class="dra-legend">
                        <span class="dra-legend__s0">{fill(m.label_value, &[("label", m.earlier), ("value", &name(&a, m))])}</span>
                        <span class="dra-legend__s1">{fill(m.label_value, &[("label", m.later), ("value", &name(&b, m))])}</span>
                    </p>
                    <TableWrap label=m.compare_table.to_owned()>
                        <table class="dra-table">
                            <caption>{m.compare_table}</caption>
                            <thead><tr><th scope="col">{m.col_section}</th><th scope="col">{m.earlier}</th><th scope="col">{m.later}</th><th scope="col">{m.col_change}</th></tr></thead>
                            <tbody>
                                {c.sections.iter().map(|s| view! {
                                    <tr>
                                        <th scope="row">{state.text(&q.sections[s.section].title)}</th>
                                        <td>{pct(s.before)}</td><td>{pct(s.after)}</td><td>{change(s.before, s.after)}</td>
                                    </tr>
                                }).collect_view()}
                                <tr>
                                    <th scope="row">{m.overall}</th>
                                    <td>{pct(c.overall_before)}</td><td>{pct(c.overall_after)}</td><td>{change(c.overall_before, c.overall_after)}</td>
                                </tr>
                            </tbody>
                        </table>
                    </TableWrap>
                </div>
                <section class="dra-card">
                    <h2>{match c.moved.len() { 0 => m.no_answer_changed.to_owned(), n => m.count(m.answers_changed, n, &[]) }}</h2>
                    <ul class="dra-moved">
                        {c.moved.iter().map(|moved| {
                            let item = &q.sections[moved.item.section].items[moved.item.item];
                            view! {
                                <li>
                                    <p class="dra-weakest__question">{state.text(&item.question)}</p>
                                    <p class="dra-muted">{format!("{} \u{2192} {}", answer_text(state, moved.before), answer_text(state, moved.after))}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }.into_any()
        }
        _ => view! {
            <p class="dra-card" role="alert">{m.compare_missing}</p>
        }
        .into_any(),
    };
    view! {
        <section class="dra-page dra-compare" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{m.compare_heading}</h1>
            {pickers}
            {body}
            <p><a href="#/history">{m.back_to_history}</a></p>
        </section>
    }
}
