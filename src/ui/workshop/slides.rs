//! What the presenter shows, one idea per slide: the overview (both sides on one radar, and the
//! band), the perception gaps as a mirror chart, the five questions that divide the room most,
//! one slide per section (its scores by side and its most divided questions), and the
//! questions for discussion from the content file.

use assessment::chart::{Series, LEVEL_TENTHS_SCALE, PERCENT_SCALE};
use assessment::i18n::fill;
use assessment::model::Questionnaire;
use assessment::workshop::{Group, ItemStats, Workshop, WorkshopReport};
use leptos::prelude::*;

use super::charts::{series_name, Histogram, Mirror, ScoreBars};
use super::report::{band_text, item_gap_lines, section_gap_lines, Radar};
use super::{participants, question, title};
use crate::browser;
use crate::present::{range_or_dash, tenths_or_dash};
use crate::state::AppState;
use crate::ui::radar::RadarChart;
use crate::ui::HEADING_ID;

/// How many questions the slides list: the most divided overall, the largest question gaps,
/// and the most divided of one section.
const TOP_DIVIDED: usize = 5;
const TOP_GAPS: usize = 3;
const SECTION_DIVIDED: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    Overview,
    Gaps,
    Divided,
    Section(usize),
    Discussion,
}

/// The deck for a report: the closing slide only when the content file has questions for
/// discussion.
pub fn slides(q: &Questionnaire, r: &WorkshopReport) -> Vec<Slide> {
    let mut out = vec![Slide::Overview, Slide::Gaps, Slide::Divided];
    out.extend(r.all.sections.iter().map(|s| Slide::Section(s.section)));
    if r.all
        .sections
        .iter()
        .any(|s| !q.sections[s.section].discussion.is_empty())
    {
        out.push(Slide::Discussion);
    }
    out
}

fn side_means(g: &Option<Group>, section: usize) -> Option<u32> {
    g.as_ref()
        .and_then(|g| g.section(section))
        .and_then(|s| s.mean)
}

#[component]
pub fn SlideView(slide: Slide, report: WorkshopReport, workshop: Workshop) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let (heading, body) = match slide {
        Slide::Overview => (m.overview.to_owned(), overview(state, &report, &workshop)),
        Slide::Gaps => (m.gaps_heading.to_owned(), gaps(state, &report)),
        Slide::Divided => (m.divided_heading.to_owned(), divided(state, &report)),
        Slide::Section(s) => (title(state, s), section(state, &report, s)),
        Slide::Discussion => (m.discussion_heading.to_owned(), discussion(state, &report)),
    };
    view! {
        <section class="dra-slide" aria-roledescription=m.slide aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1" class="dra-slide__title"><bdi>{heading}</bdi></h1>
            <div class="dra-slide__body">{body}</div>
        </section>
    }
}

fn overview(state: AppState, r: &WorkshopReport, w: &Workshop) -> AnyView {
    let m = state.t();
    let Radar {
        labels,
        series,
        names,
    } = Radar::of(state, r);
    let gate = crate::ui::gate_flag(state, r.trust, (m.ws_gate_at_risk, m.ws_gate_not_assessed));
    let who = fill(
        m.ws_sides,
        &[
            ("participants", &participants(m, r.all.respondents)),
            ("bo", &m.int(r.brand_owner_count as u64)),
            ("d", &m.int(r.distributor_count as u64)),
        ],
    );
    view! {
        <div class="dra-slide__split">
            <div class="dra-slide__chart">
                <RadarChart title=fill(m.ws_chart_title, &[("series", &names.join(", "))]) labels=labels series=series />
            </div>
            <div class="dra-slide__text">
                <p class="dra-slide__big">{band_text(state, r)}</p>
                {gate.map(|g| view! { <p class="dra-flag">{g}</p> })}
                <p><bdi>{w.name.clone()}</bdi>{format!(" \u{b7} {} \u{b7} {who}", browser::day(&w.date, m))}</p>
                <ul class="dra-bar-legend dra-bar-legend--radar">
                    {names.iter().enumerate().map(|(n, name)| view! { <li class=format!("dra-legend__s{n}")>{*name}</li> }).collect_view()}
                </ul>
                {(names.len() < 3).then(|| view! {
                    <p class="dra-slide__note">{fill(m.slide_sides_hidden, &[("min", &m.int(state.q().scoring.workshop.min_group_size as u64))])}</p>
                })}
            </div>
        </div>
    }
    .into_any()
}

fn gaps(state: AppState, r: &WorkshopReport) -> AnyView {
    let (q, m) = (state.q(), state.t());
    let rules = &q.scoring.workshop;
    if r.brand_owner.is_none() || r.distributor.is_none() {
        return view! { <p class="dra-slide__big">{fill(m.gaps_need, &[
            ("min", &m.int(rules.min_group_size as u64)),
            ("bo", &m.int(r.brand_owner_count as u64)),
            ("d", &m.int(r.distributor_count as u64)),
        ])}</p> }
        .into_any();
    }
    if r.item_gaps.is_empty() && r.section_gaps.is_empty() {
        return view! { <p class="dra-slide__big">{m.gaps_none}</p> }.into_any();
    }
    let more = r.item_gaps.len().saturating_sub(TOP_GAPS);
    view! {
        {(!r.section_gaps.is_empty()).then(|| view! {
            <h2>{m.gaps_sections}</h2>
            <Mirror lines=section_gap_lines(state, r) scale=PERCENT_SCALE
                caption=m.gaps_sections_table.to_owned() name_heading=m.col_section hide_table=true />
        })}
        {(!r.item_gaps.is_empty()).then(|| view! {
            <h2>{m.gaps_questions}</h2>
            <Mirror lines=item_gap_lines(state, r, TOP_GAPS) scale=LEVEL_TENTHS_SCALE
                caption=m.gaps_questions_table.to_owned() name_heading=m.col_question hide_table=true />
        })}
        {(more > 0).then(|| view! { <p class="dra-slide__note">{m.count(m.slide_more_gaps, more, &[])}</p> })}
    }
    .into_any()
}

/// "Brand owner: 1–4, mean 2.3" for a side shown, per side; everyone's when the sides are not.
fn by_side(state: AppState, r: &WorkshopReport, k: usize) -> Vec<String> {
    let m = state.t();
    let line = |series: Series, s: &ItemStats| {
        fill(
            m.slide_side_answers,
            &[
                ("who", series_name(m, series)),
                ("range", &range_or_dash(s.min(), s.max())),
                ("mean", &tenths_or_dash(m, s.mean_tenths())),
            ],
        )
    };
    match (&r.brand_owner, &r.distributor) {
        (Some(bo), Some(d)) => vec![
            line(Series::BrandOwner, &bo.items[k]),
            line(Series::Distributor, &d.items[k]),
        ],
        _ => vec![line(Series::All, &r.all.items[k])],
    }
}

fn divided(state: AppState, r: &WorkshopReport) -> AnyView {
    let m = state.t();
    if r.divided.is_empty() {
        return view! { <p class="dra-slide__big">{m.divided_none}</p> }.into_any();
    }
    view! {
        <ol class="dra-slide__divided">
            {r.divided.iter().take(TOP_DIVIDED).map(|&k| {
                let s = r.all.items[k];
                view! {
                    <li>
                        <p class="dra-slide__question">{question(state, &s)}</p>
                        <ul class="dra-slide__sides">
                            {by_side(state, r, k).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

fn section(state: AppState, r: &WorkshopReport, section: usize) -> AnyView {
    let m = state.t();
    let group = r.all.section(section).and_then(|s| s.mean);
    let mut bars = vec![(Series::All, group)];
    if r.brand_owner.is_some() && r.distributor.is_some() {
        bars.push((Series::BrandOwner, side_means(&r.brand_owner, section)));
        bars.push((Series::Distributor, side_means(&r.distributor, section)));
    }
    let divided: Vec<usize> = r
        .divided
        .iter()
        .copied()
        .filter(|&k| r.all.items[k].item.section == section)
        .collect();
    let more = divided.len().saturating_sub(SECTION_DIVIDED);
    view! {
        <div class="dra-slide__split dra-slide__split--narrow">
            <div>
                <h2>{m.slide_scores}</h2>
                <ScoreBars bars=bars />
                {(r.brand_owner.is_none() || r.distributor.is_none()).then(|| view! {
                    <p class="dra-slide__note">{fill(m.slide_sides_hidden, &[("min", &m.int(state.q().scoring.workshop.min_group_size as u64))])}</p>
                })}
            </div>
            <div>
                <h2>{m.slide_divided_here}</h2>
                {if divided.is_empty() {
                    view! { <p>{m.slide_none_divided_here}</p> }.into_any()
                } else {
                    view! {
                        <ol class="dra-slide__hists">
                            {divided.iter().take(SECTION_DIVIDED).map(|&k| {
                                let s = r.all.items[k];
                                let caption = fill(m.hist_caption, &[("question", &question(state, &s))]);
                                view! {
                                    <li>
                                        <p class="dra-slide__question">{question(state, &s)}</p>
                                        <Histogram report=r.clone() index=k caption=caption hide_table=true />
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        {(more > 0).then(|| view! { <p class="dra-slide__note">{m.count(m.slide_more_divided, more, &[])}</p> })}
                    }.into_any()
                }}
            </div>
        </div>
    }
    .into_any()
}

fn discussion(state: AppState, r: &WorkshopReport) -> AnyView {
    let q = state.q();
    view! {
        <dl class="dra-slide__prompts">
            {r.all.sections.iter().filter(|s| !q.sections[s.section].discussion.is_empty()).map(|s| view! {
                <dt>{title(state, s.section)}</dt>
                {q.sections[s.section].discussion.iter().map(|t| view! { <dd>{state.text(t)}</dd> }).collect_view()}
            }).collect_view()}
        </dl>
    }
    .into_any()
}
