//! What a workshop report shows: the overview, the divided questions, the perception gaps and
//! the tables per section.

use assessment::i18n::fill;
use assessment::scoring::TrustGate;
use assessment::workshop::{Group, WorkshopReport};
use leptos::prelude::*;

use super::charts::{Histogram, Mirror, MirrorLine};
use super::{question, title};
use crate::present::{percent_or_dash, range_or_dash, score_line, tenths_or_dash, DASH};
use crate::state::AppState;
use crate::ui::radar::RadarChart;
use crate::ui::TableWrap;
use assessment::chart::{LEVEL_TENTHS_SCALE, PERCENT_SCALE};

pub(super) fn band_text(state: AppState, r: &WorkshopReport) -> String {
    let m = state.t();
    match (r.all.overall, r.band) {
        (Some(p), Some(b)) => score_line(
            m,
            m.group_overall_line,
            p,
            state.text(&state.q().scoring.bands[b].name),
            r.trust == TrustGate::AtRisk,
        ),
        _ => m.group_overall_not_enough.to_owned(),
    }
}

fn side_note(state: AppState, r: &WorkshopReport) -> Option<String> {
    let m = state.t();
    let min = m.int(state.q().scoring.workshop.min_group_size as u64);
    let hidden = |g: &Option<Group>, n: usize| g.is_none() && n > 0;
    let template = match (
        hidden(&r.brand_owner, r.brand_owner_count),
        hidden(&r.distributor, r.distributor_count),
    ) {
        (true, true) => m.ws_hidden_both,
        (true, false) => m.ws_hidden_brand_owner,
        (false, true) => m.ws_hidden_distributor,
        (false, false) => return None,
    };
    Some(fill(template, &[("min", &min)]))
}

/// The radar of a workshop: the group's section means and each side's that is shown, with the
/// series' names (for the legend and the chart's title).
pub(super) struct Radar {
    pub labels: Vec<String>,
    pub series: Vec<Vec<Option<u32>>>,
    pub names: Vec<&'static str>,
}

impl Radar {
    pub fn of(state: AppState, r: &WorkshopReport) -> Self {
        let m = state.t();
        let means = |g: &Group| g.sections.iter().map(|s| s.mean).collect::<Vec<_>>();
        let mut out = Radar {
            labels: r
                .all
                .sections
                .iter()
                .map(|s| title(state, s.section))
                .collect(),
            series: vec![means(&r.all)],
            names: vec![m.group_mean],
        };
        for (name, g) in [
            (m.brand_owner, &r.brand_owner),
            (m.distributor, &r.distributor),
        ] {
            if let Some(g) = g {
                out.series.push(means(g));
                out.names.push(name);
            }
        }
        out
    }
}

#[component]
pub(super) fn Overview(report: WorkshopReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let Radar {
        labels,
        series,
        names,
    } = Radar::of(state, &report);
    let side_mean = |g: &Option<Group>, s: usize| {
        percent_or_dash(
            m,
            g.as_ref().and_then(|g| g.section(s)).and_then(|x| x.mean),
        )
    };
    let gate = crate::ui::gate_flag(
        state,
        report.trust,
        (m.ws_gate_at_risk, m.ws_gate_not_assessed),
    );
    view! {
        <section class="dra-card" aria-labelledby="dra-ws-overview">
            <h2 id="dra-ws-overview">{m.overview}</h2>
            <p class="dra-overall__score">{band_text(state, &report)}</p>
            {gate.map(|g| view! { <p class="dra-flag">{g}</p> })}
            {side_note(state, &report).map(|n| view! { <p class="dra-muted">{n}</p> })}
            <div class="dra-chart dra-chart--plain">
                <RadarChart title=fill(m.ws_chart_title, &[("series", &names.join(", "))]) labels=labels series=series />
                <p class="dra-legend" class:dra-hidden=names.len() < 2>
                    {names.iter().enumerate().map(|(n, name)| view! { <span class=format!("dra-legend__s{n}")>{*name}</span> }).collect_view()}
                </p>
                <TableWrap label=m.ws_table.to_owned()>
                    <table class="dra-table">
                        <caption>{m.ws_table}</caption>
                        <thead><tr>
                            <th scope="col">{m.col_section}</th><th scope="col">{m.col_mean}</th><th scope="col">{m.col_range}</th>
                            <th scope="col">{m.brand_owner}</th><th scope="col">{m.distributor}</th>
                            <th scope="col">{m.not_applicable}</th><th scope="col">{m.dont_know}</th>
                        </tr></thead>
                        <tbody>
                            {report.all.sections.iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{title(state, s.section)}</th>
                                    <td>{percent_or_dash(m, s.mean)}</td>
                                    <td>{match (s.min, s.max) {
                                        (Some(a), Some(b)) => format!("{}{DASH}{}", m.int(u64::from(a)), m.percent(b)),
                                        _ => DASH.to_owned(),
                                    }}</td>
                                    <td>{side_mean(&report.brand_owner, s.section)}</td>
                                    <td>{side_mean(&report.distributor, s.section)}</td>
                                    <td>{m.int(s.not_applicable as u64)}</td>
                                    <td>{m.int(s.dont_know as u64)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableWrap>
            </div>
        </section>
    }
}

/// How many divided questions and question gaps are listed before "Show all".
const FIRST: usize = 10;

#[component]
pub(super) fn ShowAll(total: usize, all: RwSignal<bool>) -> impl IntoView {
    let m = expect_context::<AppState>().t();
    (total > FIRST).then(|| {
        view! {
            <button type="button" class="dra-button dra-button--small dra-no-print"
                aria-expanded=move || all.get().to_string()
                on:click=move |_| all.update(|a| *a = !*a)>
                {move || if all.get() {
                    fill(m.show_first, &[("n", &m.int(FIRST as u64))])
                } else {
                    fill(m.show_all, &[("n", &m.int(total as u64))])
                }}
            </button>
        }
    })
}

#[component]
pub(super) fn Divided(report: WorkshopReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let span = q.scoring.workshop.disagreement_span_levels;
    let all = RwSignal::new(false);
    let total = report.divided.len();
    let report = StoredValue::new(report);
    view! {
        <section class="dra-card" aria-labelledby="dra-ws-divided">
            <h2 id="dra-ws-divided">{m.divided_heading}</h2>
            <p class="dra-muted">{fill(m.divided_help, &[("span", &m.int(u64::from(span)))])}</p>
            {move || if total == 0 {
                view! { <p>{m.divided_none}</p> }.into_any()
            } else {
                let report = report.get_value();
                let shown = if all.get() { total } else { total.min(FIRST) };
                view! {
                    <ol class="dra-divided">
                        {report.divided.iter().take(shown).map(|&k| {
                            let s = report.all.items[k];
                            let about = fill(m.divided_item, &[
                                ("section", &title(state, s.item.section)),
                                ("min", &s.min().unwrap_or(0).to_string()),
                                ("max", &s.max().unwrap_or(0).to_string()),
                                ("mean", &tenths_or_dash(m, s.mean_tenths())),
                                ("n", &m.int(s.respondents as u64)),
                            ]);
                            let caption = fill(m.hist_caption, &[("question", &question(state, &s))]);
                            view! {
                                <li>
                                    <p class="dra-weakest__question">{question(state, &s)}</p>
                                    <p class="dra-muted">{about}</p>
                                    <Histogram report=report.clone() index=k caption=caption />
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <ShowAll total=total all=all />
        </section>
    }
}

/// The sections whose two sides differ by the threshold or more, as mirror lines.
pub(super) fn section_gap_lines(state: AppState, r: &WorkshopReport) -> Vec<MirrorLine> {
    let m = state.t();
    r.section_gaps
        .iter()
        .map(|g| MirrorLine {
            name: title(state, g.section),
            brand_owner: g.brand_owner,
            distributor: g.distributor,
            brand_owner_text: m.percent(g.brand_owner),
            distributor_text: m.percent(g.distributor),
        })
        .collect()
}

/// The first `take` questions whose two sides' means differ by the threshold or more (largest
/// gap first), as mirror lines.
pub(super) fn item_gap_lines(state: AppState, r: &WorkshopReport, take: usize) -> Vec<MirrorLine> {
    let m = state.t();
    r.item_gaps
        .iter()
        .take(take)
        .filter_map(|g| {
            let s = r.all.item(g.item)?;
            Some(MirrorLine {
                name: question(state, s),
                brand_owner: g.brand_owner_tenths,
                distributor: g.distributor_tenths,
                brand_owner_text: m.tenths(g.brand_owner_tenths),
                distributor_text: m.tenths(g.distributor_tenths),
            })
        })
        .collect()
}

#[component]
pub(super) fn Gaps(report: WorkshopReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let rules = &q.scoring.workshop;
    let body = if report.brand_owner.is_none() || report.distributor.is_none() {
        view! { <p>{fill(m.gaps_need, &[
            ("min", &m.int(rules.min_group_size as u64)),
            ("bo", &m.int(report.brand_owner_count as u64)),
            ("d", &m.int(report.distributor_count as u64)),
        ])}</p> }
        .into_any()
    } else if report.item_gaps.is_empty() && report.section_gaps.is_empty() {
        view! { <p>{m.gaps_none}</p> }.into_any()
    } else {
        let all = RwSignal::new(false);
        let n_items = report.item_gaps.len();
        let report = StoredValue::new(report);
        view! {
            {move || {
                let r = report.get_value();
                let shown = if all.get() { n_items } else { n_items.min(FIRST) };
                view! {
                    {(!r.section_gaps.is_empty()).then(|| view! {
                        <h3>{m.gaps_sections}</h3>
                        <Mirror lines=section_gap_lines(state, &r) scale=PERCENT_SCALE
                            caption=m.gaps_sections_table.to_owned() name_heading=m.col_section />
                    })}
                    {(n_items > 0).then(|| view! {
                        <h3>{m.gaps_questions}</h3>
                        <Mirror lines=item_gap_lines(state, &r, shown) scale=LEVEL_TENTHS_SCALE
                            caption=m.gaps_questions_table.to_owned() name_heading=m.col_question />
                    })}
                }
            }}
            <ShowAll total=n_items all=all />
        }
        .into_any()
    };
    view! {
        <section class="dra-card" aria-labelledby="dra-ws-gaps">
            <h2 id="dra-ws-gaps">{m.gaps_heading}</h2>
            <p class="dra-muted">{fill(m.gaps_help, &[
                ("levels", &m.tenths(rules.perception_gap_item_tenths)),
                ("points", &m.int(u64::from(rules.perception_gap_section_points))),
            ])}</p>
            {body}
        </section>
    }
}

#[component]
pub(super) fn ItemTables(report: WorkshopReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let side = |g: &Option<Group>, k: usize| {
        tenths_or_dash(m, g.as_ref().and_then(|g| g.items[k].mean_tenths()))
    };
    report.all.sections.iter().map(|sec| {
        let rows = report.all.items.iter().enumerate().filter(|(_, s)| s.item.section == sec.section).map(|(k, s)| {
            let median = s.median_halves().map_or_else(|| DASH.to_owned(), |h| m.tenths(h * 5));
            view! {
                <tr>
                    <th scope="row">{question(state, s)}</th>
                    <td>{m.int(s.respondents as u64)}</td>
                    <td>{tenths_or_dash(m, s.mean_tenths())}</td>
                    <td>{median}</td>
                    <td>{range_or_dash(s.min(), s.max())}</td>
                    <td>{s.counts.iter().map(|c| m.int(*c as u64)).collect::<Vec<_>>().join(" / ")}</td>
                    <td>{m.int(s.not_applicable as u64)}</td>
                    <td>{m.int(s.dont_know as u64)}</td>
                    <td>{side(&report.brand_owner, k)}</td>
                    <td>{side(&report.distributor, k)}</td>
                </tr>
            }
        }).collect_view();
        let name = title(state, sec.section);
        let caption = fill(m.ws_items_table, &[("section", &name)]);
        view! {
            <details class="dra-card dra-item-table">
                <summary>{fill(m.ws_items_summary, &[("section", &name)])}</summary>
                <TableWrap label=caption.clone()>
                    <table class="dra-table">
                        <caption>{caption}</caption>
                        <thead><tr>
                            <th scope="col">{m.col_question}</th><th scope="col">{m.col_respondents}</th><th scope="col">{m.col_mean}</th>
                            <th scope="col">{m.col_median}</th><th scope="col">{m.col_range}</th><th scope="col">{m.col_levels}</th>
                            <th scope="col">{m.not_applicable}</th><th scope="col">{m.dont_know}</th>
                            <th scope="col">{m.brand_owner}</th><th scope="col">{m.distributor}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableWrap>
            </details>
        }
    }).collect_view()
}
