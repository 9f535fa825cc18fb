//! The workshop's bar charts, drawn from the domain's geometry (`assessment::chart`): every bar
//! from zero on its chart's one scale, its count or value written on it, and the exact numbers in
//! a table beside it. Each bar carries `data-value` and each chart `data-scale`, so that the
//! end-to-end tests can measure drawn lengths against values.

use assessment::chart::{fraction, histogram, mirror, Series};
use assessment::i18n::{fill, Messages};
use assessment::workshop::WorkshopReport;
use leptos::prelude::*;

use crate::state::AppState;
use crate::ui::TableWrap;

pub fn series_name(m: &'static Messages, s: Series) -> &'static str {
    match s {
        Series::All => m.everyone,
        Series::BrandOwner => m.brand_owner,
        Series::Distributor => m.distributor,
        Series::NoSide => m.no_side_given,
    }
}

fn series_class(s: Series) -> &'static str {
    match s {
        Series::All => "dra-bar--all",
        Series::BrandOwner => "dra-bar--bo",
        Series::Distributor => "dra-bar--d",
        Series::NoSide => "dra-bar--none",
    }
}

fn percent_of(f: f64) -> String {
    format!("{:.3}%", f * 100.0)
}

/// A legend of the series, as a list.
#[component]
fn Legend(series: Vec<Series>) -> impl IntoView {
    let m = expect_context::<AppState>().t();
    (series.len() > 1).then(|| {
        view! {
            <ul class="dra-bar-legend" aria-hidden="true">
                {series.into_iter().map(|s| view! {
                    <li><span class=format!("dra-bar-legend__key {}", series_class(s))></span>{series_name(m, s)}</li>
                }).collect_view()}
            </ul>
        }
    })
}

/// How one question (`report.all.items[index]`) was answered, level by level: one column per
/// side where both sides are shown, else one for everyone. `caption` names the table; on a
/// slide (`hide_table`) the table is for screen readers only.
#[component]
pub fn Histogram(
    report: WorkshopReport,
    index: usize,
    caption: String,
    #[prop(optional)] hide_table: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let h = histogram(&report, index);
    let n = |c: usize| m.int(c as u64);
    let levels = h.levels.clone();
    let plot = view! {
        <div class="dra-hist__plot" aria-hidden="true" data-scale=h.scale>
            {levels.iter().enumerate().map(|(l, bars)| view! {
                <div class="dra-hist__level">
                    <div class="dra-hist__bars">
                        {bars.iter().map(|b| view! {
                            <div class="dra-hist__col">
                                <div class="dra-hist__track">
                                    <div class=format!("dra-hist__bar {}", series_class(b.series))
                                        data-value=b.count style:block-size=percent_of(b.fraction)>
                                        <span class="dra-hist__count">{n(b.count)}</span>
                                    </div>
                                </div>
                            </div>
                        }).collect_view()}
                    </div>
                    <span class="dra-hist__label">{n(l + 1)}</span>
                </div>
            }).collect_view()}
        </div>
    };
    let table = view! {
        <table class="dra-table dra-table--compact">
            <caption>{caption.clone()}</caption>
            <thead><tr>
                <th scope="col">{m.col_who}</th>
                {(1..=5).map(|l| view! { <th scope="col">{fill(m.level_n, &[("n", &n(l))])}</th> }).collect_view()}
                <th scope="col">{m.not_applicable}</th><th scope="col">{m.dont_know}</th>
            </tr></thead>
            <tbody>
                {h.series.iter().enumerate().map(|(k, s)| view! {
                    <tr>
                        <th scope="row">{series_name(m, *s)}</th>
                        {h.levels.iter().map(|bars| view! { <td>{n(bars[k].count)}</td> }).collect_view()}
                        <td>{n(h.not_applicable[k])}</td><td>{n(h.dont_know[k])}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    };
    view! {
        <div class="dra-hist">
            {plot}
            <Legend series=h.series.clone() />
            {if hide_table {
                view! { <div class="dra-visually-hidden">{table}</div> }.into_any()
            } else {
                view! { <TableWrap label=caption>{table}</TableWrap> }.into_any()
            }}
        </div>
    }
}

/// One row of a mirror chart: a name and the two sides' values (`scale` is the chart's end: 100
/// for percentages, 50 for mean levels in tenths).
#[derive(Debug, Clone, PartialEq)]
pub struct MirrorLine {
    pub name: String,
    pub brand_owner: u32,
    pub distributor: u32,
    pub brand_owner_text: String,
    pub distributor_text: String,
}

/// A mirror (butterfly) chart: the brand owner's bars grow to the start side, the
/// distributor's to the end side, both from the middle on one scale, with the values beside
/// them and in a table.
#[component]
pub fn Mirror(
    lines: Vec<MirrorLine>,
    scale: u32,
    caption: String,
    name_heading: &'static str,
    #[prop(optional)] hide_table: bool,
    /// Each name on its own line above its two bars (at every width, as on a phone): for long
    /// names such as questions.
    #[prop(optional)]
    stacked: bool,
) -> impl IntoView {
    let m = expect_context::<AppState>().t();
    let table = view! {
        <table class="dra-table">
            <caption>{caption.clone()}</caption>
            <thead><tr><th scope="col">{name_heading}</th><th scope="col">{m.brand_owner}</th><th scope="col">{m.distributor}</th></tr></thead>
            <tbody>
                {lines.iter().map(|l| view! {
                    <tr><th scope="row">{l.name.clone()}</th><td>{l.brand_owner_text.clone()}</td><td>{l.distributor_text.clone()}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    };
    view! {
        <div class="dra-mirror" class:dra-mirror--stacked=stacked aria-hidden="true" data-scale=scale>
            <span class="dra-mirror__head dra-mirror__head--bo">{m.brand_owner}</span>
            <span class="dra-mirror__head dra-mirror__head--d">{m.distributor}</span>
            {lines.iter().map(|l| {
                let f = mirror(l.brand_owner, l.distributor, scale);
                view! {
                    <span class="dra-mirror__name">{l.name.clone()}</span>
                    <span class="dra-mirror__value dra-mirror__value--bo">{l.brand_owner_text.clone()}</span>
                    <div class="dra-mirror__track dra-mirror__track--bo">
                        <div class="dra-mirror__bar dra-bar--bo" data-value=l.brand_owner style:inline-size=percent_of(f.brand_owner)></div>
                    </div>
                    <div class="dra-mirror__track dra-mirror__track--d">
                        <div class="dra-mirror__bar dra-bar--d" data-value=l.distributor style:inline-size=percent_of(f.distributor)></div>
                    </div>
                    <span class="dra-mirror__value dra-mirror__value--d">{l.distributor_text.clone()}</span>
                }
            }).collect_view()}
        </div>
        {if hide_table {
            view! { <div class="dra-visually-hidden">{table}</div> }.into_any()
        } else {
            view! { <TableWrap label=caption>{table}</TableWrap> }.into_any()
        }}
    }
}

/// Horizontal bars of percentages (0 to 100): one per series, with the value written beside it.
/// The numbers are the text itself, so there is no table.
#[component]
pub fn ScoreBars(bars: Vec<(Series, Option<u32>)>) -> impl IntoView {
    let m = expect_context::<AppState>().t();
    view! {
        <dl class="dra-scores" data-scale="100">
            {bars.into_iter().map(|(s, v)| view! {
                <dt>{series_name(m, s)}</dt>
                <dd>
                    <span class="dra-scores__track" aria-hidden="true">
                        <span class=format!("dra-scores__bar {}", series_class(s)) data-value=v.unwrap_or(0)
                            style:inline-size=percent_of(fraction(u64::from(v.unwrap_or(0)), 100))></span>
                    </span>
                    <span class="dra-scores__value">{crate::present::percent_or_dash(m, v)}</span>
                </dd>
            }).collect_view()}
        </dl>
    }
}
