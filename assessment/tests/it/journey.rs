//! The respondent's way through and what they hand on: question numbers, where to pick up,
//! drafts in the list, the default pairs to compare, and two sides of one relationship.

use assessment::history::{default_pair, default_sides_pair, pair_kind, summarize, PairKind};
use assessment::sides::two_sides;
use assessment::{default_questionnaire, Answer, Assessment, Perspective, Scope, Step, Who};

use crate::support::{finished, level};

fn as_side(mut a: Assessment, side: Perspective) -> Assessment {
    a.perspective = Some(side);
    a
}

fn draft(id: &str, label: &str, created: i64, side: Perspective, answered: usize) -> Assessment {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let mut a = Assessment::new(id, &q, created);
    a.label = label.into();
    a.start(&scope, side, created + 1);
    for r in a.asked_items(&q, &scope).into_iter().take(answered) {
        let item = q.item(r).id.clone();
        a.answer(&item, level(3), created + 2);
    }
    a
}

#[test]
fn questions_are_numbered_over_what_the_side_is_asked() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    for side in Perspective::ALL {
        let a = draft("a", "", 1, side, 0);
        let items = a.asked_items(&q, &scope);
        assert_eq!(items.len(), a.progress(&q, &scope).total, "{side:?}");
        assert!(items.windows(2).all(|w| w[0] < w[1]), "in content order");
        assert!(items.iter().all(|r| q.item(*r).who.includes(Some(side))));
    }
    // The two sides are asked different questions, so the same question can have two numbers.
    let bo = draft("a", "", 1, Perspective::BrandOwner, 0).asked_items(&q, &scope);
    let d = draft("b", "", 1, Perspective::Distributor, 0).asked_items(&q, &scope);
    assert_ne!(bo, d);
}

#[test]
fn picking_up_on_a_page_starts_at_its_first_unanswered_question() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let mut a = draft("a", "", 1, Perspective::Distributor, 3);
    let items = a.asked_items(&q, &scope);
    assert_eq!(a.first_unanswered_in(&q, &scope, 0), Some(items[3]));
    // An answer further down does not move the place: the gap before it comes first.
    let later = q.item(items[5]).id.clone();
    a.answer(&later, Answer::DontKnow, 5);
    assert_eq!(a.first_unanswered_in(&q, &scope, 0), Some(items[3]));
    // A page with every question answered has no place to pick up.
    let first_section: Vec<_> = items.iter().filter(|r| r.section == 0).collect();
    for r in &first_section {
        let id = q.item(**r).id.clone();
        a.answer(&id, level(2), 6);
    }
    assert_eq!(a.first_unanswered_in(&q, &scope, 0), None);
    assert_eq!(
        a.first_unanswered_in(&q, &scope, 1).map(|r| r.section),
        Some(1)
    );
    a.resume(&q, &scope, 7);
    assert_eq!(a.step, Step::Section(1));
}

#[test]
fn a_draft_is_listed_with_its_progress_and_no_score() {
    let q = default_questionnaire().unwrap();
    let d = draft("d", "Acme", 1, Perspective::BrandOwner, 5);
    let s = summarize(&d, &q);
    assert!(s.draft);
    assert_eq!(s.progress.answered, 5);
    assert_eq!(s.overall, None, "5 answers are no score");
    assert!(!s.at_risk);
    let f = finished("f", "Acme", 1);
    let s = summarize(&f, &q);
    assert!(!s.draft);
    assert!(s.overall.is_some());
}

#[test]
fn compare_proposes_the_latest_two_of_the_same_side_and_name() {
    use Perspective::{BrandOwner as Bo, Distributor as D};
    let old = finished("old", "Acme", 100);
    let new = finished("new", "Acme", 200);
    // The newest of all is the distributor's retake of Acme: the same name, the other side.
    let other_side = as_side(finished("other", "Acme", 300), D);
    let all = [&old, &new, &other_side];
    assert_eq!(default_pair(&all), Some(("old".into(), "new".into())));
    assert_eq!(pair_kind(&old, &new), PairKind::OverTime);
    assert_eq!(pair_kind(&old, &other_side), PairKind::TwoSides);
    // A draft is not proposed while two finished ones of the group exist...
    let newer_draft = draft("draft", "Acme", 400, Bo, 5);
    let all = [&old, &new, &other_side, &newer_draft];
    assert_eq!(default_pair(&all), Some(("old".into(), "new".into())));
    // ...but a group of one finished and one draft is still a pair.
    let all = [&new, &newer_draft];
    assert_eq!(default_pair(&all), Some(("new".into(), "draft".into())));
    // No name in common: the latest two of one side, never a pair across the sides first.
    let a = finished("a", "North", 100);
    let b = finished("b", "South", 200);
    let c = as_side(finished("c", "West", 300), D);
    assert_eq!(default_pair(&[&a, &b, &c]), Some(("a".into(), "b".into())));
    // Nothing alike at all: the latest two.
    let e = as_side(finished("e", "East", 400), D);
    assert_eq!(default_pair(&[&a, &e]), Some(("a".into(), "e".into())));
    assert_eq!(default_pair(&[&a]), None);
}

#[test]
fn two_sides_proposes_the_same_relationship_seen_from_each_side() {
    use Perspective::Distributor as D;
    let bo_acme = finished("bo-acme", "Acme", 100);
    let d_acme = as_side(finished("d-acme", "Acme", 150), D);
    let bo_other = finished("bo-other", "Other", 300);
    let d_new = as_side(finished("d-new", "Newco", 200), D);
    assert_eq!(
        default_sides_pair(&[&bo_acme, &d_acme, &bo_other, &d_new]),
        Some(("bo-acme".into(), "d-acme".into())),
        "the same name wins over the latest"
    );
    assert_eq!(
        default_sides_pair(&[&bo_other, &d_new]),
        Some(("bo-other".into(), "d-new".into())),
        "no name in common: the latest of each"
    );
    assert_eq!(default_sides_pair(&[&bo_acme, &bo_other]), None);
}

#[test]
fn two_sides_flags_perception_gaps_with_the_content_thresholds() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let rules = &q.scoring.workshop;
    assert_eq!(
        (
            rules.perception_gap_item_tenths,
            rules.perception_gap_section_points
        ),
        (15, 15)
    );
    let both: Vec<_> = scope
        .sections()
        .flat_map(|s| scope.items(&q, s).map(move |(i, it)| (s, i, it)))
        .filter(|(_, _, it)| it.who == Who::Both)
        .collect();
    let mut bo = draft("bo", "Acme", 1, Perspective::BrandOwner, 0);
    let mut d = draft("d", "Acme", 2, Perspective::Distributor, 0);
    for (_, _, it) in &both {
        bo.answer(&it.id, level(4), 3);
        d.answer(&it.id, level(4), 3);
    }
    let (first, second, third) = (&both[0].2.id, &both[1].2.id, &both[2].2.id);
    d.answer(first, level(2), 4); // two levels lower: a gap, the brand owner sees it higher
    d.answer(second, level(3), 4); // one level: no gap (15 tenths needed)
    d.answer(third, Answer::DontKnow, 4); // no level on one side: no gap
    let t = two_sides(&q, &scope, &d, &bo).expect("one of each side, in any order");
    assert_eq!(
        (t.brand_owner_id.as_str(), t.distributor_id.as_str()),
        ("bo", "d")
    );
    assert_eq!(
        t.items.len(),
        both.len(),
        "only the questions asked of both"
    );
    let gaps = t.item_gaps();
    assert_eq!(gaps.len(), 1);
    assert_eq!(&q.item(gaps[0].item).id, first);
    assert_eq!(gaps[0].higher(), Some(Perspective::BrandOwner));
    let second_row = t
        .items
        .iter()
        .find(|i| &q.item(i.item).id == second)
        .unwrap();
    assert!(!second_row.gap);
    assert_eq!(second_row.higher(), Some(Perspective::BrandOwner));
    let third_row = t
        .items
        .iter()
        .find(|i| &q.item(i.item).id == third)
        .unwrap();
    assert_eq!((third_row.gap, third_row.higher()), (false, None));

    // A section gap: the distributor rates a whole section two levels lower.
    let section = both[0].0;
    for (s, _, it) in &both {
        if *s == section {
            d.answer(&it.id, level(2), 5);
        }
    }
    let t = two_sides(&q, &scope, &bo, &d).unwrap();
    let row = t.sections.iter().find(|s| s.section == section).unwrap();
    assert!(row.gap, "{row:?}");
    assert!(row.difference().unwrap() >= rules.perception_gap_section_points);
    assert_eq!(row.higher(), Some(Perspective::BrandOwner));
    assert!(t.section_gaps() >= 1);
    // One threshold higher than the difference: no gap.
    let mut doc = crate::support::bundled();
    doc["scoring"]["workshop"]["perception_gap_section_points"] =
        serde_json::json!(row.difference().unwrap() + 1);
    let strict = assessment::parse_questionnaire(&doc.to_string()).unwrap();
    let t = two_sides(&strict, &Scope::all(&strict), &bo, &d).unwrap();
    assert!(
        !t.sections
            .iter()
            .find(|s| s.section == section)
            .unwrap()
            .gap
    );
}

#[test]
fn two_sides_needs_one_of_each_side() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let a = finished("a", "", 1);
    let b = finished("b", "", 2);
    assert!(two_sides(&q, &scope, &a, &b).is_none());
    let mut none = b.clone();
    none.perspective = None;
    assert!(two_sides(&q, &scope, &a, &none).is_none());
}
