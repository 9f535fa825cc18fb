//! Two sides of one relationship: a brand owner's and a distributor's assessment side by side,
//! a mirror per section and per question asked of both, the perception gaps flagged with the
//! content file's thresholds and who sees it higher. Laid out from `assessment::sides`.

use assessment::chart::{LEVEL_TENTHS_SCALE, PERCENT_SCALE};
use assessment::i18n::fill;
use assessment::sides::{ItemSides, TwoSides};
use assessment::{Answer, Perspective};
use leptos::prelude::*;

use super::workshop::charts::{Mirror, MirrorLine};
use super::TableWrap;
use crate::present::{percent_or_dash, DASH};
use crate::state::AppState;

/// An answer as a table shows it: "4 Managed", "Don't know", a dash for none.
pub fn answer_text(state: AppState, a: Option<Answer>) -> String {
    let m = state.t();
    match a {
        Some(Answer::Level(l)) => format!(
            "{} {}",
            l.get(),
            state.text(&state.q().level_names[usize::from(l.get() - 1)])
        ),
        Some(Answer::NotApplicable) => m.not_applicable.to_owned(),
        Some(Answer::DontKnow) => m.dont_know.to_owned(),
        None => m.unanswered.to_owned(),
    }
}

fn higher_text(state: AppState, side: Option<Perspective>) -> String {
    let m = state.t();
    side.map_or_else(
        || m.seen_alike.to_owned(),
        |p| fill(m.sides_higher, &[("side", p.name(m))]),
    )
}

fn question(state: AppState, row: &ItemSides) -> String {
    state.text(&state.q().item(row.item).question).to_owned()
}

fn level_tenths(a: Option<Answer>) -> u32 {
    match a {
        Some(Answer::Level(l)) => u32::from(l.get()) * 10,
        _ => 0,
    }
}

#[component]
pub fn TwoSidesBody(sides: TwoSides) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q(), state.t());
    let rules = &q.scoring.workshop;
    let points = m.int(u64::from(rules.perception_gap_section_points));
    let levels = m.tenths(rules.perception_gap_item_tenths);
    let title = |s: usize| state.text(&q.sections[s].title).to_owned();
    let section_lines: Vec<MirrorLine> = sides
        .sections
        .iter()
        .map(|s| MirrorLine {
            name: title(s.section),
            brand_owner: s.brand_owner.unwrap_or(0),
            distributor: s.distributor.unwrap_or(0),
            brand_owner_text: percent_or_dash(m, s.brand_owner),
            distributor_text: percent_or_dash(m, s.distributor),
        })
        .collect();
    let section_gaps: Vec<_> = sides.sections.iter().filter(|s| s.gap).copied().collect();
    let section_summary = match section_gaps.len() {
        0 => fill(m.sides_no_section_gaps, &[("points", &points)]),
        n => m.count(m.sides_section_gaps, n, &[("points", &points)]),
    };
    let item_gaps: Vec<ItemSides> = sides.item_gaps().into_iter().copied().collect();
    let item_summary = match item_gaps.len() {
        0 => fill(m.sides_no_item_gaps, &[("levels", &levels)]),
        n => m.count(m.sides_item_gaps, n, &[("levels", &levels)]),
    };
    let item_lines: Vec<MirrorLine> = item_gaps
        .iter()
        .map(|g| MirrorLine {
            name: format!(
                "{} \u{b7} {}",
                question(state, g),
                higher_text(state, g.higher())
            ),
            brand_owner: level_tenths(g.brand_owner),
            distributor: level_tenths(g.distributor),
            brand_owner_text: answer_text(state, g.brand_owner),
            distributor_text: answer_text(state, g.distributor),
        })
        .collect();
    let overall = fill(
        m.label_value,
        &[
            ("label", m.overall),
            (
                "value",
                &format!(
                    "{} {} \u{b7} {} {}",
                    m.brand_owner,
                    percent_or_dash(m, sides.overall_brand_owner),
                    m.distributor,
                    percent_or_dash(m, sides.overall_distributor)
                ),
            ),
        ],
    );
    view! {
        <p class="dra-lead">{m.sides_lead}</p>
        <section class="dra-card dra-sides" aria-labelledby="dra-sides-sections">
            <h2 id="dra-sides-sections">{m.sides_table}</h2>
            <p class="dra-overall__score">{overall}</p>
            <p>{section_summary}</p>
            <Mirror lines=section_lines scale=PERCENT_SCALE caption=m.sides_chart_title.to_owned() name_heading=m.col_section />
            {(!section_gaps.is_empty()).then(|| view! {
                <ul class="dra-gap-list">
                    {section_gaps.iter().map(|s| view! {
                        <li>
                            <span class="dra-gap-badge">{m.perception_gap}</span>" "
                            <strong>{title(s.section)}</strong>": "
                            {higher_text(state, s.higher())}
                            " \u{b7} "
                            {m.count(m.points_apart, s.difference().unwrap_or(0) as usize, &[])}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
        <section class="dra-card dra-sides" aria-labelledby="dra-sides-items">
            <h2 id="dra-sides-items">{m.sides_items_heading}</h2>
            <p>{item_summary}</p>
            {(!item_gaps.is_empty()).then(|| view! {
                <h3>{m.sides_gaps_first}</h3>
                <Mirror lines=item_lines scale=LEVEL_TENTHS_SCALE caption=m.sides_gaps_first.to_owned() name_heading=m.col_question stacked=true hide_table=true />
            })}
            <details class="dra-details">
                <summary>{m.sides_all_items}</summary>
                <TableWrap label=m.sides_all_items.to_owned()>
                    <table class="dra-table">
                        <caption>{m.sides_all_items}</caption>
                        <thead><tr>
                            <th scope="col">{m.col_question}</th>
                            <th scope="col">{m.brand_owner}</th>
                            <th scope="col">{m.distributor}</th>
                            <th scope="col">{m.col_seen_higher}</th>
                        </tr></thead>
                        <tbody>
                            {sides.items.iter().map(|row| view! {
                                <tr class:dra-row--gap=row.gap>
                                    <th scope="row">{question(state, row)}</th>
                                    <td>{answer_text(state, row.brand_owner)}</td>
                                    <td>{answer_text(state, row.distributor)}</td>
                                    <td>{if row.levels().is_some() { higher_text(state, row.higher()) } else { DASH.to_owned() }}
                                        {row.gap.then(|| view! { " " <span class="dra-gap-badge">{m.perception_gap}</span> })}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableWrap>
            </details>
        </section>
    }
}
