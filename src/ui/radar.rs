//! The radar chart of section scores, drawn as SVG from the domain crate's geometry.

use assessment::radar::Radar;
use leptos::prelude::*;

/// One axis of the chart: a label and a percentage (`None`: not scored).
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub label: String,
    pub percent: Option<u32>,
}

/// A radar chart with rings at the band edges. `title` names the chart for assistive technology;
/// the numbers are also in a table next to it.
#[component]
pub fn RadarChart(
    title: String,
    axes: Vec<Axis>,
    #[prop(default = vec![40, 70])] rings: Vec<u32>,
) -> impl IntoView {
    let radar = Radar {
        axes: axes.len(),
        cx: 280.0,
        cy: 160.0,
        r: 110.0,
    };
    let values: Vec<Option<f64>> = axes.iter().map(|a| a.percent.map(f64::from)).collect();
    let desc = axes
        .iter()
        .map(|a| match a.percent {
            Some(p) => format!("{}: {p} %", a.label),
            None => format!("{}: not scored", a.label),
        })
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <svg class="dra-radar" viewBox="0 0 560 320" role="img" aria-labelledby="dra-radar-title dra-radar-desc">
            <title id="dra-radar-title">{title}</title>
            <desc id="dra-radar-desc">{desc}</desc>
            <polygon class="dra-radar__ring dra-radar__ring--outer" points=radar.ring(100.0) />
            {rings.iter().map(|r| view! { <polygon class="dra-radar__ring" points=radar.ring(f64::from(*r)) /> }).collect_view()}
            {(0..axes.len()).map(|i| {
                let (x, y) = radar.point(i, 100.0);
                view! { <line class="dra-radar__axis" x1=radar.cx y1=radar.cy x2=x y2=y /> }
            }).collect_view()}
            <polygon class="dra-radar__shape" points=radar.polygon(&values) />
            {axes.iter().enumerate().filter_map(|(i, a)| a.percent.map(|p| {
                let (x, y) = radar.point(i, f64::from(p));
                view! { <circle class="dra-radar__dot" cx=x cy=y r="4" /> }
            })).collect_view()}
            {axes.iter().enumerate().map(|(i, a)| {
                let (x, y, anchor) = radar.label(i);
                let value = a.percent.map_or_else(|| "not scored".to_owned(), |p| format!("{p} %"));
                view! {
                    <text class="dra-radar__label" x=x y=y text-anchor=anchor>
                        <tspan x=x>{a.label.clone()}</tspan>
                        <tspan x=x dy="1.2em" class="dra-radar__value">{value}</tspan>
                    </text>
                }
            }).collect_view()}
        </svg>
    }
}
