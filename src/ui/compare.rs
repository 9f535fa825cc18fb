//! Two assessments compared. The same side at two times: both outlines on one radar, section
//! scores with the change, and the items whose answer moved. A brand owner's and a
//! distributor's: the two-sides view (`sides`). The heading says which it is.

use assessment::history::{compare, pair_kind, summarize, PairKind};
use assessment::i18n::fill;
use assessment::sides::two_sides;
use assessment::{Assessment, Perspective};
use leptos::prelude::*;

use super::radar::RadarChart;
use super::sides::{answer_text, TwoSidesBody};
use super::{TableWrap, HEADING_ID};
use crate::browser;
use crate::persist::{self, Entry};
use crate::present::{isolate, label_or_untitled, DASH};
use crate::route::Route;
use crate::state::AppState;

/// An assessment in a picker or a legend, told apart from the others with the same name: name,
/// side, when it was started, and how far it got.
pub fn describe(state: AppState, a: &Assessment) -> String {
    let m = state.t();
    let s = summarize(a, state.q());
    let mut parts = vec![isolate(&label_or_untitled(&a.label, m))];
    if let Some(p) = a.perspective {
        parts.push(p.lower_name(m).to_owned());
    }
    parts.push(browser::date_time(a.created_ms, m));
    if s.draft {
        parts.push(fill(
            m.status_in_progress,
            &[
                ("answered", &m.int(s.progress.answered as u64)),
                ("total", &m.int(s.progress.total as u64)),
            ],
        ));
    }
    parts.join(" \u{b7} ")
}

/// What a heading calls the pair: their common name, or both names.
pub fn pair_name(state: AppState, a: &Assessment, b: &Assessment) -> String {
    let m = state.t();
    let (x, y) = (
        label_or_untitled(&a.label, m),
        label_or_untitled(&b.label, m),
    );
    if x == y {
        isolate(&x)
    } else {
        format!("{} / {}", isolate(&x), isolate(&y))
    }
}

#[component]
pub fn Compare(before: String, after: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let all: Vec<Assessment> = state
        .with_store(|s| persist::list(s, q))
        .into_iter()
        .filter_map(|e| match e {
            Entry::Readable(a) => Some(a),
            Entry::Unreadable { .. } => None,
        })
        .collect();
    let find = |id: &str| all.iter().find(|x| x.id == id).cloned();
    let (a, b) = (find(&before), find(&after));
    let kind = match (&a, &b) {
        (Some(a), Some(b)) => pair_kind(a, b),
        _ => PairKind::OverTime,
    };
    let picker = |id: &'static str,
                  which: &'static str,
                  side: Option<Perspective>,
                  selected: String,
                  other: String,
                  first: bool| {
        let options = all
            .iter()
            .filter(|x| side.is_none() || x.perspective == side)
            .map(|x| {
                let id = x.id.clone();
                view! { <option value=id.clone() selected=id == selected>{describe(state, x)}</option> }
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
    let heading = match (&a, &b, kind) {
        (Some(a), Some(b), PairKind::TwoSides) => {
            fill(m.sides_heading, &[("name", &pair_name(state, a, b))])
        }
        (Some(a), Some(b), PairKind::OverTime) => {
            fill(m.over_time_heading, &[("name", &pair_name(state, a, b))])
        }
        _ => m.compare_heading.to_owned(),
    };
    let pickers = match kind {
        PairKind::TwoSides => view! {
            <div class="dra-card dra-compare__pick">
                {picker("dra-compare-earlier", m.brand_owner, Some(Perspective::BrandOwner), before.clone(), after.clone(), true)}
                {picker("dra-compare-later", m.distributor, Some(Perspective::Distributor), after.clone(), before.clone(), false)}
            </div>
        },
        PairKind::OverTime => view! {
            <div class="dra-card dra-compare__pick">
                {picker("dra-compare-earlier", m.earlier, None, before.clone(), after.clone(), true)}
                {picker("dra-compare-later", m.later, None, after.clone(), before.clone(), false)}
            </div>
        },
    };
    let body = match (a, b) {
        (Some(a), Some(b)) if kind == PairKind::TwoSides => {
            let scope = state.scope();
            match two_sides(q, &scope, &a, &b) {
                Some(t) => view! { <TwoSidesBody sides=t /> }.into_any(),
                None => {
                    view! { <p class="dra-card" role="alert">{m.sides_need_both}</p> }.into_any()
                }
            }
        }
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
                <p class="dra-lead">{m.over_time_lead}</p>
                <div class="dra-chart">
                    <RadarChart title=m.compare_chart_title.to_owned() labels=labels series=series />
                    <p class="dra-legend">
                        <span class="dra-legend__s0">{fill(m.label_value, &[("label", m.earlier), ("value", &describe(state, &a))])}</span>
                        <span class="dra-legend__s1">{fill(m.label_value, &[("label", m.later), ("value", &describe(state, &b))])}</span>
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
            <h1 id=HEADING_ID tabindex="-1">{heading}</h1>
            {pickers}
            {body}
            <p><a href="#/history">{m.back_to_history}</a></p>
        </section>
    }
}
