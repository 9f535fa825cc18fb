//! The workshop charts' geometry: every bar from zero, one scale per chart, split by side only
//! where both sides are shown.

use crate::support::level;
use assessment::chart::{fraction, histogram, mirror, Series, LEVEL_TENTHS_SCALE, PERCENT_SCALE};
use assessment::workshop::{aggregate, Participant};
use assessment::{default_questionnaire, Answer, Answers, Perspective, Questionnaire, Scope};

fn people(q: &Questionnaire, rel1: &[(Option<Perspective>, Answer)]) -> Vec<Participant> {
    rel1.iter()
        .enumerate()
        .map(|(n, (p, a))| {
            let mut answers: Answers = q.item_ids().map(|id| (id, level(3))).collect();
            answers.set("REL1", *a);
            Participant {
                key: format!("record:{n}"),
                label: String::new(),
                perspective: *p,
                answers,
            }
        })
        .collect()
}

#[test]
fn lengths_are_proportional_from_zero() {
    assert_eq!(fraction(0, 3), 0.0);
    assert_eq!(fraction(3, 3), 1.0);
    // The reported case: 2 of 3 and 3 of 3 must not be drawn alike.
    assert!((fraction(2, 3) - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(fraction(5, 3), 1.0, "never past the end");
    assert_eq!(fraction(1, 0), 0.0, "an empty scale draws nothing");
    // Gaps of 4.3, 4.5, 4.8 and 5.0 are four lengths; 79 % and 61 % two.
    let gaps: Vec<f64> = [43, 45, 48, 50]
        .iter()
        .map(|&t| mirror(t, 0, LEVEL_TENTHS_SCALE).brand_owner)
        .collect();
    assert_eq!(gaps, [0.86, 0.9, 0.96, 1.0]);
    let m = mirror(79, 61, PERCENT_SCALE);
    assert_eq!((m.brand_owner, m.distributor), (0.79, 0.61));
    for v in 0..=100u64 {
        for w in v..=100u64 {
            assert!(fraction(v, 100) <= fraction(w, 100), "monotonic");
        }
    }
}

#[test]
fn a_histogram_is_split_by_side_on_one_scale() {
    let q = default_questionnaire().unwrap();
    let (bo, d) = (
        Some(Perspective::BrandOwner),
        Some(Perspective::Distributor),
    );
    let room = people(
        &q,
        &[
            (bo, level(4)),
            (bo, level(4)),
            (bo, level(5)),
            (d, level(2)),
            (d, level(2)),
            (d, level(4)),
            (d, Answer::DontKnow),
            (None, level(1)),
        ],
    );
    let r = aggregate(&q, &Scope::all(&q), &room);
    let h = histogram(&r, 0);
    assert_eq!(
        h.series,
        [Series::BrandOwner, Series::Distributor, Series::NoSide]
    );
    assert_eq!(h.scale, 4, "the largest series: four distributors");
    let counts: Vec<Vec<usize>> = h
        .levels
        .iter()
        .map(|bars| bars.iter().map(|b| b.count).collect())
        .collect();
    assert_eq!(
        counts,
        [
            vec![0, 0, 1],
            vec![0, 2, 0],
            vec![0, 0, 0],
            vec![2, 1, 0],
            vec![1, 0, 0]
        ]
    );
    // Every bar is its count on the one scale, both sides alike.
    for bars in &h.levels {
        for b in bars {
            assert_eq!(b.fraction, b.count as f64 / 4.0);
        }
    }
    assert_eq!(h.dont_know, [0, 1, 0]);
    assert_eq!(h.not_applicable, [0, 0, 0]);
}

#[test]
fn a_side_below_the_minimum_is_not_split_out() {
    let q = default_questionnaire().unwrap();
    let (bo, d) = (
        Some(Perspective::BrandOwner),
        Some(Perspective::Distributor),
    );
    // Two distributors: fewer than the minimum group of three.
    let room = people(
        &q,
        &[
            (bo, level(4)),
            (bo, level(4)),
            (bo, level(5)),
            (d, level(1)),
            (d, level(2)),
        ],
    );
    let r = aggregate(&q, &Scope::all(&q), &room);
    assert!(r.distributor.is_none());
    let h = histogram(&r, 0);
    assert_eq!(h.series, [Series::All]);
    assert_eq!(h.scale, 5);
    let counts: Vec<usize> = h.levels.iter().map(|b| b[0].count).collect();
    assert_eq!(counts, [1, 1, 0, 2, 1]);
}
