//! The results: overall score and band with the reasons for a cap or a flag, unanswered items,
//! the radar chart with its table and one block per section; what they advise is in `advice`.

use assessment::explain::overall_reasons;
use assessment::i18n::fill;
use assessment::scoring::TrustGate;
use assessment::share::{encode_share, FRAGMENT_PREFIX};
use assessment::wizard::first_page;
use assessment::{score, Assessment, Report, Step};
use leptos::prelude::*;

use super::advice::{Actions, DontKnow, Explain, Weakest};
use super::item::item_dom_id;
use super::radar::RadarChart;
use super::{TableWrap, HEADING_ID};
use crate::browser;
use crate::present::FileKind;
use crate::state::AppState;

fn band_name(state: AppState, band: usize) -> &'static str {
    state.text(&state.q().scoring.bands[band].name)
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let assessment = Signal::derive(move || state.assessment.get());
    // An embedding host may ask for no results: then nothing offers them (links, files, print).
    let show_results = state.embed.with_value(|e| e.show_results);
    let share = RwSignal::new(None::<(String, bool)>);
    let copy_link = move |_| {
        let url = state.assessment.with_untracked(|a| {
            format!(
                "{}#{FRAGMENT_PREFIX}{}",
                browser::base_url(),
                encode_share(q, a.perspective, &a.answers)
            )
        });
        leptos::task::spawn_local(async move {
            let copied = browser::copy(&url).await;
            share.set(Some((url, copied)));
        });
    };
    view! {
        <section class="dra-page dra-results" aria-labelledby=HEADING_ID>
            <p class="dra-brand">{state.text(&q.title)}</p>
            <h1 id=HEADING_ID tabindex="-1">{m.results}</h1>
            {if show_results {
                view! { <ResultsBody assessment=assessment read_only=false /> }.into_any()
            } else {
                view! {
                    <p class="dra-card dra-lead">{m.results_hidden}</p>
                }.into_any()
            }}
            <div class="dra-actions dra-no-print">
                <button type="button" class="dra-button"
                    on:click=move |_| state.update(|a, scope, now| a.go_to(first_page(scope), scope, now))>
                    {m.edit_answers}
                </button>
                <span class="dra-actions dra-actions--inline" class:dra-hidden=!show_results>
                <button type="button" class="dra-button" on:click=|_| browser::print()>
                    {m.print_pdf}
                </button>
                <button type="button" class="dra-button" on:click=move |_| {
                    // From memory, so it works even when storage is full or blocked.
                    let a = state.assessment.get_untracked();
                    let text = assessment::exchange::export_json(&[&a], q, crate::state::now_ms());
                    let _ = state.download(FileKind::Assessment, (&a.label, a.perspective), &browser::file_date(a.created_ms), &text);
                }>{m.export_json}</button>
                <button type="button" class="dra-button" on:click=move |_| {
                    let a = state.assessment.get_untracked();
                    let text = assessment::csv::export_csv(&a, q, state.locale.get_untracked().code());
                    let _ = state.download(FileKind::AssessmentCsv, (&a.label, a.perspective), &browser::file_date(a.created_ms), &text);
                }>{m.export_csv}</button>
                </span>
            </div>
            // The confirmation sits next to the button that made it, the link just below.
            <div class="dra-share dra-no-print" class:dra-hidden=!show_results>
                <div class="dra-share__row">
                    <button type="button" class="dra-button" on:click=copy_link>{m.copy_share_link}</button>
                    <p id="dra-share-status" class="dra-share__status" role="status">
                        {move || share.get().map(|(_, copied)| if copied { m.share_copied } else { m.share_copy_yourself })}
                    </p>
                </div>
                {move || share.get().map(|(url, _)| view! {
                    <div class="dra-card dra-share__link">
                        <label for="dra-share-link">{m.share_link}</label>
                        <input id="dra-share-link" type="text" readonly prop:value=url
                            aria-describedby="dra-share-note" on:focus=|ev| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            } />
                        <p id="dra-share-note" class="dra-muted">{m.share_note}</p>
                    </div>
                })}
            </div>
            <div class="dra-actions dra-no-print">
                <button type="button" class="dra-button" on:click=move |_| state.start_new()>
                    {m.start_again}
                </button>
            </div>
        </section>
    }
}

/// Everything the results show about one assessment. `read_only` hides what needs the
/// assessment to be editable here (links back to unanswered questions).
#[component]
pub fn ResultsBody(assessment: Signal<Assessment>, read_only: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let q = state.q();
    let report = Memo::new(move |_| {
        let scope = state.scope();
        assessment.with(|a| score(q, &a.answers, &a.asked(&scope)))
    });
    let about = move || {
        assessment.with(|a| {
            let mut parts = Vec::new();
            if !a.label.is_empty() {
                parts.push(crate::present::isolate(&a.label));
            }
            if let Some(p) = a.perspective {
                parts.push(fill(m.answered_as, &[("side", p.lower_name(m))]));
            }
            parts.push(browser::date(a.completed_ms.unwrap_or(a.updated_ms), m));
            parts.join(" \u{b7} ")
        })
    };
    view! {
        <p class="dra-about">{about}</p>
        {move || view! { <Overall report=report.get() /> }}
        <Unanswered assessment=assessment read_only=read_only />
        {move || view! { <Chart report=report.get() /> }}
        {move || view! { <Actions report=report.get() /> }}
        {move || view! { <Sections report=report.get() /> }}
        {move || view! { <Weakest report=report.get() /> }}
        {move || view! { <DontKnow report=report.get() /> }}
        <Explain />
    }
}

#[component]
fn Overall(report: Report) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let o = &report.overall;
    let reasons = overall_reasons(q, &report, m);
    let class = match o.score {
        Some(s) => format!("dra-overall dra-band-{}", q.scoring.bands[s.band].id),
        None => "dra-overall".to_owned(),
    };
    view! {
        <div class=class>
            {match o.score {
                Some(s) => view! {
                    <p class="dra-overall__score">
                        {m.overall}" "<strong>{m.percent(s.percent)}</strong>" "
                        <span class="dra-overall__band">{band_name(state, s.band)}</span>
                        {(o.trust == TrustGate::AtRisk).then_some(m.at_risk_suffix)}
                    </p>
                }.into_any(),
                None => view! {
                    <p class="dra-overall__score">{m.overall_not_enough}</p>
                }.into_any(),
            }}
            {(o.sections_scored < o.sections_enabled && o.sections_scored > 0).then(|| view! {
                <p>{fill(m.based_on_sections, &[
                    ("scored", &m.int(o.sections_scored as u64)),
                    ("total", &m.int(o.sections_enabled as u64)),
                ])}</p>
            })}
            {reasons.into_iter().map(|r| view! { <p class="dra-flag">{r}</p> }).collect_view()}
        </div>
    }
}

/// The questions without an answer: on screen (editable results only) as links back to each
/// question, on paper as a plain numbered list of things still to answer.
#[component]
fn Unanswered(assessment: Signal<Assessment>, read_only: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let unanswered = Memo::new(move |_| {
        let scope = state.scope();
        assessment.with(|a| {
            let numbers = a.asked_items(q, &scope);
            a.unanswered(q, &scope)
                .into_iter()
                .map(|r| (r, numbers.iter().position(|x| *x == r).map_or(0, |p| p + 1)))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = unanswered.get();
        (!list.is_empty()).then(|| {
            let on_screen = (!read_only).then(|| view! {
                <div class="dra-card dra-unanswered dra-no-print">
                    <h2>{m.count(m.unanswered_heading, list.len(), &[])}</h2>
                    <p>{m.unanswered_help}</p>
                    <ul>
                        {list.iter().map(|&(r, _)| {
                            let item = q.item(r);
                            let target = item_dom_id(&item.id);
                            view! {
                                <li>
                                    <button type="button" class="dra-link"
                                        on:click=move |_| {
                                            state.focus_next.set_value(Some(target.clone()));
                                            state.from_results.set(Some(window().scroll_y().unwrap_or(0.0)));
                                            state.update(|a, scope, now| a.go_to(Step::Section(r.section), scope, now));
                                        }>
                                        {state.text(&item.question)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            });
            view! {
                {on_screen}
                <section class="dra-card dra-print-only dra-print-unanswered">
                    <h2>{m.print_unanswered}</h2>
                    <p>{m.print_unanswered_intro}</p>
                    <ul>
                        {list.iter().map(|&(r, n)| view! {
                            <li>{format!("{}. {}", m.int(n as u64), state.text(&q.item(r).question))}</li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
#[component]
fn Chart(report: Report) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let labels: Vec<String> = report
        .sections
        .iter()
        .map(|s| state.text(&q.sections[s.section].title).to_owned())
        .collect();
    let values: Vec<Option<u32>> = report
        .sections
        .iter()
        .map(|s| s.score.map(|sc| sc.percent))
        .collect();
    let rings = q.scoring.bands[1..].iter().map(|b| b.min_percent).collect();
    view! {
        <div class="dra-chart">
            <RadarChart title=m.chart_title.to_owned() labels=labels series=vec![values] rings=rings />
            <TableWrap label=m.section_scores.to_owned()>
            <table class="dra-table">
                <caption>{m.section_scores}</caption>
                <thead>
                    <tr><th scope="col">{m.col_section}</th><th scope="col">{m.col_score}</th><th scope="col">{m.col_band}</th><th scope="col">{m.dont_know}</th></tr>
                </thead>
                <tbody>
                    {report.sections.iter().map(|s| {
                        let (pct, band) = match s.score {
                            Some(sc) => (m.percent(sc.percent), band_name(state, sc.band)),
                            None => (m.not_scored.to_owned(), "\u{2013}"),
                        };
                        view! {
                            <tr>
                                <th scope="row">{state.text(&q.sections[s.section].title)}</th>
                                <td>{pct}</td>
                                <td>{band}</td>
                                <td>{m.int(s.counts.dont_know as u64)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </TableWrap>
        </div>
    }
}

#[component]
fn Sections(report: Report) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let cards = report
        .sections
        .into_iter()
        .map(|s| {
            let sec = &q.sections[s.section];
            let title = state.text(&sec.title);
            let heading = match s.score {
                Some(sc) => fill(m.section_heading, &[
                    ("section", title),
                    ("percent", &m.percent(sc.percent)),
                    ("band", band_name(state, sc.band)),
                ]),
                None => fill(m.section_heading_unscored, &[("section", title)]),
            };
            let body = match s.score {
                Some(sc) => state.text(&sec.band_texts[sc.band]).to_owned(),
                None => fill(m.section_too_few, &[
                    ("rated", &m.int(s.counts.rated as u64)),
                    ("items", &m.int(s.counts.items as u64)),
                    ("required", &m.int(s.required as u64)),
                ]),
            };
            let class = match s.score {
                Some(sc) => format!("dra-card dra-section-result dra-band-{}", q.scoring.bands[sc.band].id),
                None => "dra-card dra-section-result".to_owned(),
            };
            let c = s.counts;
            let counts = fill(m.section_counts, &[
                ("rated", &m.int(c.rated as u64)),
                ("na", &m.int(c.not_applicable as u64)),
                ("dk", &m.int(c.dont_know as u64)),
                ("unanswered", &m.int(c.unanswered as u64)),
            ]);
            let heading_id = format!("dra-section-{}", sec.id);
            let labelled_by = heading_id.clone();
            let open = s.critical_open.clone();
            view! {
                <section class=class aria-labelledby=labelled_by>
                    <h2 id=heading_id>{heading}</h2>
                    <p>{body}</p>
                    {(!open.is_empty()).then(|| view! {
                        <p>{m.critical_open}</p>
                        <ul>
                            {open.iter().map(|&i| view! { <li>{state.text(&sec.items[i].question)}</li> }).collect_view()}
                        </ul>
                    })}
                    <p class="dra-muted">{counts}</p>
                </section>
            }
        })
        .collect_view();
    view! { <div class="dra-section-results">{cards}</div> }
}
