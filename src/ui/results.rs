//! The results: overall score and band, the trust gate, unanswered items, the radar chart with
//! its table, one block per section, and the weakest items with recommended actions.

use assessment::scoring::TrustGate;
use assessment::{score, Questionnaire, Report, Step};
use leptos::prelude::*;

use super::item::item_dom_id;
use super::radar::{Axis, RadarChart};
use super::HEADING_ID;
use crate::state::AppState;

fn band_name(q: &Questionnaire, band: usize) -> &str {
    let lang = q.default_locale.as_str();
    q.scoring.bands[band].name.get(lang, lang)
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
    let report = Memo::new(move |_| {
        let scope = state.scope();
        state.assessment.with(|a| score(q, &a.answers, &scope))
    });
    view! {
        <section class="dra-page dra-results" aria-labelledby=HEADING_ID>
            <p class="dra-brand">{q.title.get(&q.default_locale, &q.default_locale).to_owned()}</p>
            <h1 id=HEADING_ID tabindex="-1">"Results"</h1>
            {move || view! { <Overall report=report.get() /> }}
            <Unanswered />
            {move || view! { <Chart report=report.get() /> }}
            {move || view! { <Sections report=report.get() /> }}
            {move || view! { <Weakest report=report.get() /> }}
            <div class="dra-actions dra-no-print">
                <button type="button" class="dra-button"
                    on:click=move |_| state.update(|a, scope, now| {
                        let first = scope.sections().next().map_or(Step::Welcome, Step::Section);
                        a.go_to(first, scope, now);
                    })>
                    "Edit answers"
                </button>
                <button type="button" class="dra-button" on:click=move |_| state.start_new()>
                    "Start again"
                </button>
            </div>
        </section>
    }
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
    let axes: Vec<Axis> = report
        .sections
        .iter()
        .map(|s| Axis {
            label: q.sections[s.section].title.get(lang, lang).to_owned(),
            percent: s.score.map(|sc| sc.percent),
        })
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
            <RadarChart title="Section scores (0 to 100 %)".to_owned() axes=axes rings=rings />
            <div class="dra-table-wrap">
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
            </div>
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
            view! {
                <section class=class>
                    <h2>{heading}</h2>
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
