//! The results: overall score and band, the trust gate, unanswered items, the radar chart with
//! its table, one block per section, and the weakest items with recommended actions.

use assessment::scoring::TrustGate;
use assessment::share::{encode_share, FRAGMENT_PREFIX};
use assessment::{score, Assessment, Questionnaire, Report, Step};
use leptos::prelude::*;

use super::item::item_dom_id;
use super::radar::RadarChart;
use super::{TableWrap, HEADING_ID};
use crate::browser;
use crate::state::AppState;

fn band_name(q: &Questionnaire, band: usize) -> &str {
    let lang = q.default_locale.as_str();
    q.scoring.bands[band].name.get(lang, lang)
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
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
            <p class="dra-brand">{q.title.get(&q.default_locale, &q.default_locale).to_owned()}</p>
            <h1 id=HEADING_ID tabindex="-1">"Results"</h1>
            {if show_results {
                view! { <ResultsBody assessment=assessment read_only=false /> }.into_any()
            } else {
                view! {
                    <p class="dra-card dra-lead">
                        "Thank you: your answers are complete. They are kept in this browser only."
                    </p>
                }.into_any()
            }}
            <div class="dra-actions dra-no-print">
                <button type="button" class="dra-button"
                    on:click=move |_| state.update(|a, scope, now| {
                        let first = scope.sections().next().map_or(Step::Welcome, Step::Section);
                        a.go_to(first, scope, now);
                    })>
                    "Edit answers"
                </button>
                <span class="dra-actions" class:dra-hidden=!show_results>
                <button type="button" class="dra-button" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }>
                    "Print / Save as PDF"
                </button>
                <button type="button" class="dra-button" on:click=copy_link>"Copy share link"</button>
                <button type="button" class="dra-button" on:click=move |_| {
                    // From memory, so it works even when storage is full or blocked.
                    let a = state.assessment.get_untracked();
                    let text = assessment::exchange::export_json(&[&a], q, crate::state::now_ms());
                    let name = format!("distributor-assessment-{}.json", browser::file_date(a.created_ms));
                    let _ = browser::download(&name, "application/json", &text);
                }>"Export JSON"</button>
                <button type="button" class="dra-button" on:click=move |_| {
                    let a = state.assessment.get_untracked();
                    let text = assessment::csv::export_csv(&a, q, &q.default_locale);
                    let name = format!("distributor-assessment-{}.csv", browser::file_date(a.created_ms));
                    let _ = browser::download(&name, "text/csv;charset=utf-8", &text);
                }>"Export CSV"</button>
                </span>
                <button type="button" class="dra-button" on:click=move |_| state.start_new()>
                    "Start again"
                </button>
            </div>
            {move || share.get().map(|(url, copied)| view! {
                <div class="dra-card dra-share dra-no-print">
                    <label for="dra-share-link">"Share link"</label>
                    <input id="dra-share-link" type="text" readonly prop:value=url
                        aria-describedby="dra-share-note" on:focus=|ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        } />
                    <p id="dra-share-note" class="dra-muted" role="status">
                        {if copied { "Copied to the clipboard. " } else { "Copy the link from the box above. " }}
                        "The link carries the perspective and the answers (not the label) in the part after #, which browsers never send to a server."
                    </p>
                </div>
            })}
        </section>
    }
}

/// Everything the results show about one assessment. `read_only` hides what needs the
/// assessment to be editable here (links back to unanswered questions).
#[component]
pub fn ResultsBody(assessment: Signal<Assessment>, read_only: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
    let report = Memo::new(move |_| {
        let scope = state.scope();
        assessment.with(|a| score(q, &a.answers, &scope))
    });
    let about = move || {
        assessment.with(|a| {
            let mut parts = Vec::new();
            if !a.label.is_empty() {
                parts.push(a.label.clone());
            }
            if let Some(p) = a.perspective {
                parts.push(format!("answered as {}", p.lower_name()));
            }
            parts.push(browser::date(a.completed_ms.unwrap_or(a.updated_ms)));
            parts.join(" \u{b7} ")
        })
    };
    view! {
        <p class="dra-about">{about}</p>
        {move || view! { <Overall report=report.get() /> }}
        {(!read_only).then(|| view! { <Unanswered /> })}
        {move || view! { <Chart report=report.get() /> }}
        {move || view! { <TopActions report=report.get() /> }}
        {move || view! { <Sections report=report.get() /> }}
        {move || view! { <Weakest report=report.get() /> }}
    }
}

/// The first recommended actions, for the printed one-page report.
#[component]
fn TopActions(report: Report) -> impl IntoView {
    let q = expect_context::<AppState>().q;
    let lang = q.default_locale.as_str();
    let top = report.top_actions(q, 5);
    (!top.is_empty()).then(|| view! {
        <section class="dra-print-only dra-top-actions">
            <h2>"Top actions"</h2>
            <ol>
                {top.into_iter().map(|(s, a)| view! {
                    <li>{format!("{}: {}", q.sections[s].title.get(lang, lang), q.sections[s].actions[a].get(lang, lang))}</li>
                }).collect_view()}
            </ol>
        </section>
    })
}

#[component]
fn Overall(report: Report) -> impl IntoView {
    let q = expect_context::<AppState>().q;
    let o = &report.overall;
    let gate_section = q.scoring.trust_gate.as_ref().map(|g| {
        (
            q.sections[g.section]
                .title
                .get(&q.default_locale, &q.default_locale)
                .to_owned(),
            g,
        )
    });
    let flag = match (o.trust, &gate_section) {
        (TrustGate::AtRisk, Some((name, g))) => Some(format!(
            "At risk: {name} scored below {} %, so the overall result cannot be better than {}.",
            g.below_percent,
            band_name(q, g.cap_band)
        )),
        (TrustGate::NotAssessed, Some((name, g))) => Some(format!(
            "Trust not assessed: {name} has too few answers, so the overall result cannot be better than {}.",
            band_name(q, g.cap_band)
        )),
        _ => None,
    };
    let class = match o.score {
        Some(s) => format!("dra-overall dra-band-{}", q.scoring.bands[s.band].id),
        None => "dra-overall".to_owned(),
    };
    view! {
        <div class=class>
            {match o.score {
                Some(s) => view! {
                    <p class="dra-overall__score">
                        "Overall "<strong>{format!("{} %", s.percent)}</strong>" "
                        <span class="dra-overall__band">{band_name(q, s.band).to_owned()}</span>
                        {(o.trust == TrustGate::AtRisk).then_some(" (at risk)")}
                    </p>
                }.into_any(),
                None => view! {
                    <p class="dra-overall__score">"Overall: not enough answers to score yet."</p>
                }.into_any(),
            }}
            {(o.sections_scored < o.sections_enabled && o.sections_scored > 0).then(|| view! {
                <p>{format!("Based on {} of {} sections.", o.sections_scored, o.sections_enabled)}</p>
            })}
            {flag.map(|f| view! { <p class="dra-flag">{f}</p> })}
        </div>
    }
}

#[component]
fn Unanswered() -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
    let lang = q.default_locale.as_str();
    let unanswered = Memo::new(move |_| {
        let scope = state.scope();
        state.assessment.with(|a| a.unanswered(q, &scope))
    });
    move || {
        let list = unanswered.get();
        (!list.is_empty()).then(|| {
            let n = list.len();
            view! {
                <div class="dra-card dra-unanswered dra-no-print">
                    <h2>{if n == 1 { "1 question unanswered".to_owned() } else { format!("{n} questions unanswered") }}</h2>
                    <p>"Unanswered questions are left out of the score. Answer them to make the result more complete:"</p>
                    <ul>
                        {list.into_iter().map(|r| {
                            let item = &q.sections[r.section].items[r.item];
                            let target = item_dom_id(&item.id);
                            view! {
                                <li>
                                    <button type="button" class="dra-link"
                                        on:click=move |_| {
                                            state.focus_next.set_value(Some(target.clone()));
                                            state.update(|a, scope, now| a.go_to(Step::Section(r.section), scope, now));
                                        }>
                                        {item.question.get(lang, lang).to_owned()}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
fn Chart(report: Report) -> impl IntoView {
    let q = expect_context::<AppState>().q;
    let lang = q.default_locale.as_str();
    let labels: Vec<String> = report
        .sections
        .iter()
        .map(|s| q.sections[s.section].title.get(lang, lang).to_owned())
        .collect();
    let values: Vec<Option<u32>> = report
        .sections
        .iter()
        .map(|s| s.score.map(|sc| sc.percent))
        .collect();
    let rings = q
        .scoring
        .bands
        .iter()
        .skip(1)
        .map(|b| b.min_percent)
        .collect();
    view! {
        <div class="dra-chart">
            <RadarChart title="Section scores (0 to 100 %)".to_owned() labels=labels series=vec![values] rings=rings />
            <TableWrap label="Section scores".to_owned()>
            <table class="dra-table">
                <caption>"Section scores"</caption>
                <thead>
                    <tr><th scope="col">"Section"</th><th scope="col">"Score"</th><th scope="col">"Band"</th><th scope="col">"Don't know"</th></tr>
                </thead>
                <tbody>
                    {report.sections.iter().map(|s| {
                        let (pct, band) = match s.score {
                            Some(sc) => (format!("{} %", sc.percent), band_name(q, sc.band).to_owned()),
                            None => ("not scored".to_owned(), "\u{2013}".to_owned()),
                        };
                        view! {
                            <tr>
                                <th scope="row">{q.sections[s.section].title.get(lang, lang).to_owned()}</th>
                                <td>{pct}</td>
                                <td>{band}</td>
                                <td>{s.counts.dont_know}</td>
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
    let q = expect_context::<AppState>().q;
    let lang = q.default_locale.as_str();
    report
        .sections
        .into_iter()
        .map(|s| {
            let sec = &q.sections[s.section];
            let title = sec.title.get(lang, lang);
            let heading = match s.score {
                Some(sc) => format!("{title}: {} % {}", sc.percent, band_name(q, sc.band)),
                None => format!("{title}: not enough answers"),
            };
            let body = match s.score {
                Some(sc) => sec.band_texts[sc.band].get(lang, lang).to_owned(),
                None => format!(
                    "Based on {} of {} questions; at least {} need a level from 1 to 5 for a score.",
                    s.counts.rated, s.counts.items, s.required
                ),
            };
            let class = match s.score {
                Some(sc) => format!("dra-card dra-section-result dra-band-{}", q.scoring.bands[sc.band].id),
                None => "dra-card dra-section-result".to_owned(),
            };
            let counts = s.counts;
            let heading_id = format!("dra-section-{}", sec.id);
            let labelled_by = heading_id.clone();
            view! {
                <section class=class aria-labelledby=labelled_by>
                    <h2 id=heading_id>{heading}</h2>
                    <p>{body}</p>
                    <p class="dra-muted">
                        {format!(
                            "{} rated \u{b7} {} not applicable \u{b7} {} don't know \u{b7} {} unanswered",
                            counts.rated, counts.not_applicable, counts.dont_know, counts.unanswered
                        )}
                    </p>
                    {s.show_actions.then(|| view! {
                        <h3>"Recommended actions"</h3>
                        <ul class="dra-actions-list">
                            {sec.actions.iter().map(|a| view! { <li>{a.get(lang, lang).to_owned()}</li> }).collect_view()}
                        </ul>
                    })}
                </section>
            }
        })
        .collect_view()
}

#[component]
fn Weakest(report: Report) -> impl IntoView {
    let q = expect_context::<AppState>().q;
    let lang = q.default_locale.as_str();
    (!report.weakest.is_empty()).then(|| {
        view! {
            <section class="dra-card dra-weakest">
                <h2>"Where to start: the weakest practices"</h2>
                <ol>
                    {report.weakest.iter().map(|w| {
                        let sec = &q.sections[w.section];
                        let item = &sec.items[w.item];
                        let n = usize::from(w.level.get() - 1);
                        view! {
                            <li>
                                <p class="dra-weakest__question">{item.question.get(lang, lang).to_owned()}</p>
                                <p class="dra-muted">
                                    {format!("{} \u{b7} now at level {} {}: {}",
                                        sec.title.get(lang, lang), w.level.get(), q.level_names[n].get(lang, lang),
                                        item.levels[n].get(lang, lang))}
                                </p>
                                {w.show_actions.then(|| view! {
                                    <details>
                                        <summary>{format!("Recommended actions for {}", sec.title.get(lang, lang))}</summary>
                                        <ul>
                                            {sec.actions.iter().map(|a| view! { <li>{a.get(lang, lang).to_owned()}</li> }).collect_view()}
                                        </ul>
                                    </details>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}
