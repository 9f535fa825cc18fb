//! What the results advise: the actions for the respondent's side, the weakest practices with
//! their next rung, the "Don't know" answers to find out about, and how to read a result.

use assessment::i18n::fill;
use assessment::model::Who;
use assessment::Report;
use leptos::prelude::*;

use crate::state::AppState;

/// How many actions are shown before "Show n more".
const FIRST_ACTIONS: usize = 6;

/// The actions the answers triggered for the respondent's side, most important first.
#[component]
pub fn Actions(report: Report) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    // The first few in view (and on paper); the rest one press away.
    let first = report.actions.len().min(FIRST_ACTIONS);
    let more = report.actions.len() - first;
    let items = move |actions: &[assessment::TriggeredAction]| {
        actions
            .iter()
            .map(|t| {
                let sec = &q.sections[t.section];
                let action = &sec.actions[t.action];
                let who = match action.who {
                    Who::Both => m.both_companies,
                    Who::BrandOwner => m.brand_owner,
                    Who::Distributor => m.distributor,
                };
                let practice = match action.item() {
                    Some(item) => state.text(&sec.items[item].question),
                    None => state.text(&sec.title),
                };
                let meta = fill(
                    m.action_meta,
                    &[
                        ("who", who),
                        ("days", &m.int(u64::from(action.horizon_days))),
                        ("practice", practice),
                    ],
                );
                view! {
                    <li>
                        <p class="dra-action__step">{state.text(&action.step)}</p>
                        <p class="dra-muted">{meta}</p>
                    </li>
                }
            })
            .collect_view()
    };
    (!report.actions.is_empty()).then(|| {
        view! {
            <section class="dra-card dra-next-steps" aria-labelledby="dra-next-steps">
                <h2 id="dra-next-steps">{m.actions_heading}</h2>
                <p class="dra-muted">{m.actions_intro}</p>
                <ol class="dra-actions-list">{items(&report.actions[..first])}</ol>
                {(more > 0).then(|| view! {
                    <details class="dra-details dra-actions-more">
                        <summary class="dra-no-print">{m.count(m.actions_more, more, &[])}</summary>
                        <ol class="dra-actions-list" start=first + 1>{items(&report.actions[first..])}</ol>
                    </details>
                    <p class="dra-print-only dra-muted">{m.count(m.print_actions_more, more, &[])}</p>
                })}
            </section>
        }
    })
}

#[component]
pub fn Weakest(report: Report) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    (!report.weakest.is_empty()).then(|| {
        view! {
            <section class="dra-card dra-weakest" aria-labelledby="dra-weakest">
                <h2 id="dra-weakest">{m.weakest_heading}</h2>
                <p class="dra-muted">{m.weakest_order}</p>
                <ol>
                    {report.weakest.iter().map(|w| {
                        let sec = &q.sections[w.section];
                        let item = &sec.items[w.item];
                        let n = usize::from(w.level.get() - 1);
                        let now = fill(m.weakest_now, &[
                            ("section", state.text(&sec.title)),
                            ("level", &w.level.get().to_string()),
                            ("name", state.text(&q.level_names[n])),
                            ("description", state.text(&item.levels[n])),
                        ]);
                        let next = w.next_level().map(|l| fill(m.next_rung, &[
                            ("level", &l.get().to_string()),
                            ("description", state.text(&item.levels[usize::from(l.get() - 1)])),
                        ]));
                        view! {
                            <li>
                                <p class="dra-weakest__question">
                                    {w.critical.then(|| view! { <span class="dra-badge">{m.critical_badge}</span>" " })}
                                    {state.text(&item.question)}
                                </p>
                                <p class="dra-muted">{now}</p>
                                {next.map(|t| view! { <p class="dra-weakest__next">{t}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}

/// "Don't know" answers: things to find out.
#[component]
pub fn DontKnow(report: Report) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    (!report.dont_know.is_empty()).then(|| view! {
        <section class="dra-card dra-dont-know" aria-labelledby="dra-dont-know">
            <h2 id="dra-dont-know">{m.dont_know_heading}</h2>
            <p>{m.dont_know_intro}</p>
            <ul>
                {report.dont_know.iter().map(|r| view! { <li>{state.text(&q.item(*r).question)}</li> }).collect_view()}
            </ul>
        </section>
    })
}

/// How a result is made: levels to percentages, weights, enough answers, the Trust rule and
/// the bands with their thresholds and meaning.
#[component]
pub fn Explain() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let rules = &q.scoring;
    let overall = rules.trust_gate.as_ref().map(|g| {
        fill(
            m.explain_overall,
            &[
                ("section", state.text(&q.sections[g.section].title)),
                ("percent", &m.percent(g.below_percent)),
                ("level", &g.critical_at_most.to_string()),
            ],
        )
    });
    view! {
        <section class="dra-card dra-explain" aria-labelledby="dra-explain">
            <h2 id="dra-explain">{m.explain_heading}</h2>
            <p>{m.explain_levels}</p>
            <p>{fill(m.explain_enough, &[
                ("numerator", &m.int(u64::from(rules.min_rated_numerator))),
                ("denominator", &m.int(u64::from(rules.min_rated_denominator))),
            ])}</p>
            {overall.map(|t| view! { <p>{t}</p> })}
            <h3>{m.explain_bands}</h3>
            <dl class="dra-bands">
                {rules.bands.iter().map(|b| view! {
                    <dt class=format!("dra-band-{}", b.id)>{state.text(&b.name)}</dt>
                    <dd>{state.text(&b.meaning)}</dd>
                }).collect_view()}
            </dl>
        </section>
    }
}
