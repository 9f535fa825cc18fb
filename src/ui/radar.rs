//! The radar chart of section scores, drawn as SVG from the domain crate's geometry.

use assessment::i18n::{fill, Messages};
use assessment::radar::{coord, wrap, Radar};
use leptos::prelude::*;

use crate::state::AppState;

/// The label font is 17px (style/main.css); lines are 1.15em apart.
const LINE_HEIGHT: f64 = 19.5;

fn percent_text(m: &Messages, p: Option<u32>) -> String {
    p.map_or_else(|| m.not_scored.to_owned(), |p| m.percent(p))
}

/// A radar chart with rings at the band edges: one outline per series (each a percentage per
/// axis, `None` when not scored). `title` names the chart for assistive technology; the numbers
/// are also in a table next to it.
#[component]
pub fn RadarChart(
    title: String,
    labels: Vec<String>,
    series: Vec<Vec<Option<u32>>>,
    #[prop(default = vec![40, 70])] rings: Vec<u32>,
) -> impl IntoView {
    let m = expect_context::<AppState>().t();
    let radar = Radar {
        axes: labels.len(),
        cx: 280.0,
        cy: 0.0,
        r: 120.0,
    };
    let svg_class = if series.len() > 1 {
        "dra-radar dra-radar--compare"
    } else {
        "dra-radar"
    };
    // Two outlines are a before/after pair: label "50 % → 75 %". With more, the label carries
    // the first outline's value (the group's); the table beside the chart has the rest.
    let value_text = |axis: usize| {
        if series.len() == 2 {
            format!(
                "{} \u{2192} {}",
                percent_text(m, series[0][axis]),
                percent_text(m, series[1][axis])
            )
        } else {
            percent_text(m, series.first().and_then(|v| v[axis]))
        }
    };
    let desc = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            fill(
                m.label_value,
                &[("label", label), ("value", &value_text(i))],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    // Lay the labels out first: the picture's height depends on how many lines they take.
    let placed: Vec<(String, f64, &'static str, Vec<String>)> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut lines = wrap(label, 13);
            lines.push(value_text(i));
            let (x, y, anchor) = radar.label(i, lines.len(), LINE_HEIGHT);
            (coord(x), y, anchor, lines)
        })
        .collect();
    let top = placed
        .iter()
        .map(|l| l.1 - LINE_HEIGHT)
        .fold(-radar.r - 4.0, f64::min);
    let bottom = placed
        .iter()
        .map(|l| l.1 + (l.3.len() as f64 - 1.0) * LINE_HEIGHT + 8.0)
        .fold(radar.r + 4.0, f64::max);
    let view_box = format!("0 {} 560 {}", coord(top), coord(bottom - top));
    view! {
        <svg class=svg_class viewBox=view_box role="img" aria-labelledby="dra-radar-title dra-radar-desc">
            <title id="dra-radar-title">{title}</title>
            <desc id="dra-radar-desc">{desc}</desc>
            <polygon class="dra-radar__ring dra-radar__ring--outer" points=radar.ring(100.0) />
            {rings.iter().map(|r| view! { <polygon class="dra-radar__ring" points=radar.ring(f64::from(*r)) /> }).collect_view()}
            {(0..labels.len()).map(|i| {
                let (x, y) = radar.point(i, 100.0);
                view! { <line class="dra-radar__axis" x1=coord(radar.cx) y1=coord(radar.cy) x2=coord(x) y2=coord(y) /> }
            }).collect_view()}
            {series.iter().enumerate().map(|(n, values)| {
                let points: Vec<Option<f64>> = values.iter().map(|v| v.map(f64::from)).collect();
                let dots = values.iter().enumerate().filter_map(|(i, v)| v.map(|p| {
                    let (x, y) = radar.point(i, f64::from(p));
                    view! { <circle class="dra-radar__dot" cx=coord(x) cy=coord(y) r="4" /> }
                })).collect_view();
                view! {
                    <g class=format!("dra-radar__series dra-radar__series--{n}")>
                        <polygon class="dra-radar__shape" points=radar.polygon(&points) />
                        {dots}
                    </g>
                }
            }).collect_view()}
            {placed.into_iter().map(|(x, y, anchor, lines)| {
                let count = lines.len();
                view! {
                    <text class="dra-radar__label" x=x.clone() y=coord(y) text-anchor=anchor>
                        {lines.into_iter().enumerate().map(|(n, line)| {
                            let class = if n + 1 == count { "dra-radar__value" } else { "" };
                            let dy = if n == 0 { "0" } else { "1.15em" };
                            view! { <tspan x=x.clone() dy=dy class=class>{line}</tspan> }
                        }).collect_view()}
                    </text>
                }
            }).collect_view()}
        </svg>
    }
}
