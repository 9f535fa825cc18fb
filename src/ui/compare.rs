//! Two assessments side by side: both outlines on one radar, section scores with the change,
//! and the items whose answer moved.

use assessment::history::compare;
use assessment::{Answer, Assessment, Questionnaire};
use leptos::prelude::*;

use super::radar::RadarChart;
use super::{TableWrap, HEADING_ID};
use crate::browser;
use crate::persist::{self, Entry};
use crate::route::Route;
use crate::state::AppState;

fn answer_text(q: &Questionnaire, a: Option<Answer>) -> String {
    let lang = q.default_locale.as_str();
    match a {
        Some(Answer::Level(l)) => format!(
            "{} {}",
            l.get(),
            q.level_names[usize::from(l.get() - 1)].get(lang, lang)
        ),
        Some(Answer::NotApplicable) => "Not applicable".to_owned(),
        Some(Answer::DontKnow) => "Don't know".to_owned(),
        None => "Unanswered".to_owned(),
    }
}

fn name(a: &Assessment) -> String {
    let label = if a.label.trim().is_empty() {
        "Untitled"
    } else {
        a.label.as_str()
    };
    format!("{label}, {}", browser::date_time(a.created_ms))
}

#[component]
pub fn Compare(before: String, after: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
    let lang = q.default_locale.as_str();
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
    let picker = |which: &'static str, selected: String, other: String, first: bool| {
        let options = all
            .iter()
            .map(|x| {
                let id = x.id.clone();
                view! { <option value=id.clone() selected=id == selected>{name(x)}</option> }
            })
            .collect_view();
        let id = format!("dra-compare-{}", which.to_lowercase());
        view! {
            <label for=id.clone()>{which}</label>
            <select id=id on:change=move |ev| {
                let chosen = event_target_value(&ev);
                let route = if first { Route::Compare(chosen, other.clone()) } else { Route::Compare(other.clone(), chosen) };
                state.navigate(route);
            }>{options}</select>
        }
    };
    let pickers = view! {
        <div class="dra-card dra-compare__pick">
            {picker("Earlier", before.clone(), after.clone(), true)}
            {picker("Later", after.clone(), before.clone(), false)}
        </div>
    };
    let body = match (a, b) {
        (Some(a), Some(b)) => {
            let c = compare(q, &a, &b);
            let labels: Vec<String> = c.sections.iter().map(|s| q.sections[s.section].title.get(lang, lang).to_owned()).collect();
            let series = vec![
                c.sections.iter().map(|s| s.before).collect(),
                c.sections.iter().map(|s| s.after).collect(),
            ];
            let pct = |p: Option<u32>| p.map_or_else(|| "not scored".to_owned(), |p| format!("{p} %"));
            let change = |before: Option<u32>, after: Option<u32>| match (before, after) {
                (Some(b), Some(a)) => format!("{:+}", i64::from(a) - i64::from(b)),
                _ => "\u{2013}".to_owned(),
            };
            view! {
                <div class="dra-chart">
                    <RadarChart title="Section scores, earlier and later (0 to 100 %)".to_owned() labels=labels series=series />
                    <p class="dra-legend">
                        <span class="dra-legend__s0">{format!("Earlier: {}", name(&a))}</span>
                        <span class="dra-legend__s1">{format!("Later: {}", name(&b))}</span>
                    </p>
                    <TableWrap label="Section scores, earlier and later".to_owned()>
                        <table class="dra-table">
                            <caption>"Section scores, earlier and later"</caption>
                            <thead><tr><th scope="col">"Section"</th><th scope="col">"Earlier"</th><th scope="col">"Later"</th><th scope="col">"Change"</th></tr></thead>
                            <tbody>
                                {c.sections.iter().map(|s| view! {
                                    <tr>
                                        <th scope="row">{q.sections[s.section].title.get(lang, lang).to_owned()}</th>
                                        <td>{pct(s.before)}</td><td>{pct(s.after)}</td><td>{change(s.before, s.after)}</td>
                                    </tr>
                                }).collect_view()}
                                <tr>
                                    <th scope="row">"Overall"</th>
                                    <td>{pct(c.overall_before)}</td><td>{pct(c.overall_after)}</td><td>{change(c.overall_before, c.overall_after)}</td>
                                </tr>
                            </tbody>
                        </table>
                    </TableWrap>
                </div>
                <section class="dra-card">
                    <h2>{match c.moved.len() { 0 => "No answer changed".to_owned(), 1 => "1 answer changed".to_owned(), n => format!("{n} answers changed") }}</h2>
                    <ul class="dra-moved">
                        {c.moved.iter().map(|m| {
                            let item = &q.sections[m.item.section].items[m.item.item];
                            view! {
                                <li>
                                    <p class="dra-weakest__question">{item.question.get(lang, lang).to_owned()}</p>
                                    <p class="dra-muted">{format!("{} \u{2192} {}", answer_text(q, m.before), answer_text(q, m.after))}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }.into_any()
        }
        _ => view! {
            <p class="dra-card" role="alert">"One of these assessments is no longer saved here. Choose two others above."</p>
        }.into_any(),
    };
    view! {
        <section class="dra-page dra-compare" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">"Compare assessments"</h1>
            {pickers}
            {body}
            <p><a href="#/history">"Back to My assessments"</a></p>
        </section>
    }
}
