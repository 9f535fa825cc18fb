//! The workshop's bar charts, as numbers: which bars a chart has, what each counts, and how long
//! it is drawn. Every bar starts at zero, and every bar of one chart is drawn on the chart's one
//! scale, so a length can be read as a value (and is tested as one). The screens draw a bar as
//! `fraction` of its track; the radar's geometry is in [`crate::radar`].

use crate::workshop::{ItemStats, WorkshopReport};

/// A bar's length as a fraction of its track: `value / max`, from zero, at most 1. A scale of
/// zero draws nothing.
pub fn fraction(value: u64, max: u64) -> f64 {
    if max == 0 {
        0.0
    } else {
        value.min(max) as f64 / max as f64
    }
}

/// One group of respondents in a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    /// Everyone, when the sides are not shown separately.
    All,
    BrandOwner,
    Distributor,
    /// Respondents who gave no perspective (only in data from elsewhere), when the sides are
    /// shown.
    NoSide,
}

/// One bar: how many of a series chose a level, and its length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub series: Series,
    pub count: usize,
    pub fraction: f64,
}

/// How one question was answered, level by level, split by side where both sides are shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    /// The series, in the order each level's bars are drawn.
    pub series: Vec<Series>,
    /// The chart's scale: the respondents of its largest series (a bar this long means
    /// "every one of them").
    pub scale: usize,
    /// For levels 1 to 5, one bar per series.
    pub levels: [Vec<Bar>; 5],
    /// Per series: not applicable, and don't know (counted, not drawn).
    pub not_applicable: Vec<usize>,
    pub dont_know: Vec<usize>,
}

/// The histogram of `report.all.items[index]`. The sides are split only when both are shown
/// (each has at least the minimum group size), as everywhere in a workshop: a side too small
/// to be shown is not shown here either.
pub fn histogram(report: &WorkshopReport, index: usize) -> Histogram {
    let all = Tally::of(&report.all.items[index]);
    let mut parts: Vec<(Series, Tally)> = match (&report.brand_owner, &report.distributor) {
        (Some(bo), Some(d)) => vec![
            (Series::BrandOwner, Tally::of(&bo.items[index])),
            (Series::Distributor, Tally::of(&d.items[index])),
        ],
        _ => vec![(Series::All, all)],
    };
    if parts.len() == 2 {
        let rest = all.less(&parts[0].1).less(&parts[1].1);
        if rest.respondents > 0 {
            parts.push((Series::NoSide, rest));
        }
    }
    let scale = parts.iter().map(|(_, s)| s.respondents).max().unwrap_or(0);
    let levels = std::array::from_fn(|l| {
        parts
            .iter()
            .map(|(series, s)| Bar {
                series: *series,
                count: s.counts[l],
                fraction: fraction(s.counts[l] as u64, scale as u64),
            })
            .collect()
    });
    Histogram {
        series: parts.iter().map(|(s, _)| *s).collect(),
        scale,
        levels,
        not_applicable: parts.iter().map(|(_, s)| s.not_applicable).collect(),
        dont_know: parts.iter().map(|(_, s)| s.dont_know).collect(),
    }
}

/// What a histogram counts of an item's answers.
#[derive(Debug, Clone, Copy)]
struct Tally {
    respondents: usize,
    counts: [usize; 5],
    not_applicable: usize,
    dont_know: usize,
}

impl Tally {
    fn of(s: &ItemStats) -> Self {
        Self {
            respondents: s.respondents,
            counts: s.counts,
            not_applicable: s.not_applicable,
            dont_know: s.dont_know,
        }
    }

    /// These counts less a part of them (one side's).
    fn less(mut self, part: &Tally) -> Self {
        self.respondents -= part.respondents;
        for (c, p) in self.counts.iter_mut().zip(part.counts) {
            *c -= p;
        }
        self.not_applicable -= part.not_applicable;
        self.dont_know -= part.dont_know;
        self
    }
}

/// One row of a mirror (butterfly) chart: the brand owner's bar grows to one side, the
/// distributor's to the other, both from zero on the chart's scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MirrorRow {
    pub brand_owner: f64,
    pub distributor: f64,
}

/// A mirror row of two values on the scale `max` (100 for section percentages, 50 for means in
/// tenths of a level).
pub fn mirror(brand_owner: u32, distributor: u32, max: u32) -> MirrorRow {
    MirrorRow {
        brand_owner: fraction(u64::from(brand_owner), u64::from(max)),
        distributor: fraction(u64::from(distributor), u64::from(max)),
    }
}

/// The scale of a chart of section scores, in percent.
pub const PERCENT_SCALE: u32 = 100;
/// The scale of a chart of mean levels, in tenths (level 5).
pub const LEVEL_TENTHS_SCALE: u32 = 50;
