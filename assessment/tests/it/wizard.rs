//! The wizard's transitions, progress and unanswered items.

use assessment::{
    default_questionnaire, Answer, Assessment, ItemRef, Level, Perspective, Progress, Scope, Step,
};

#[test]
fn walks_forward_and_back_through_every_section() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let mut a = Assessment::new("a1", &q, 1000);
    assert!(!a.is_started());
    assert_eq!(a.step, Step::Welcome);
    a.start(&scope, Perspective::Distributor, 2000);
    assert!(a.is_started());
    assert_eq!(a.step, Step::Section(0));
    assert_eq!(a.page_number(&scope), Some((1, 4)));
    let mut seen = vec![a.step];
    for t in 0..4 {
        a.next(&scope, 3000 + t);
        seen.push(a.step);
    }
    assert_eq!(
        seen,
        [
            Step::Section(0),
            Step::Section(1),
            Step::Section(2),
            Step::Section(3),
            Step::Results
        ]
    );
    assert_eq!(
        a.completed_ms,
        Some(3003),
        "completed when the results are first reached"
    );
    a.next(&scope, 4000);
    assert_eq!(a.step, Step::Results, "results is the last page");
    a.back(&scope, 5000);
    assert_eq!(a.step, Step::Section(3));
    assert_eq!(a.page_number(&scope), Some((4, 4)));
    for _ in 0..3 {
        a.back(&scope, 5000);
    }
    assert_eq!(a.step, Step::Section(0));
    a.back(&scope, 6000);
    assert_eq!(a.step, Step::Welcome);
    a.back(&scope, 6000);
    assert_eq!(a.step, Step::Welcome);
    assert_eq!(
        (a.created_ms, a.updated_ms, a.completed_ms),
        (1000, 6000, Some(3003))
    );
}

#[test]
fn only_enabled_sections_are_pages() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::only(&q, &["MOT", "TRU"]);
    let mut a = Assessment::new("a1", &q, 0);
    a.start(&scope, Perspective::BrandOwner, 0);
    assert_eq!(a.step, Step::Section(1));
    a.next(&scope, 0);
    assert_eq!(
        (a.step, a.page_number(&scope)),
        (Step::Section(3), Some((2, 2)))
    );
    a.next(&scope, 0);
    assert_eq!(a.step, Step::Results);
    a.back(&scope, 0);
    assert_eq!(a.step, Step::Section(3));
    // A stored page that is not enabled moves forward to the next enabled one.
    a.step = Step::Section(2);
    assert_eq!(a.normalized(&scope), Step::Section(3));
    a.step = Step::Section(0);
    a.next(&scope, 0);
    assert_eq!(
        a.step,
        Step::Section(3),
        "from REL (disabled) the next page after MOT"
    );
    assert_eq!(
        a.progress(&q, &scope),
        Progress {
            answered: 0,
            total: 19
        },
        "MOT (9) and TRU (10), all asked of a brand owner"
    );
}

#[test]
fn progress_counts_every_kind_of_answer() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let mut a = Assessment::new("a1", &q, 0);
    assert_eq!(
        a.progress(&q, &scope),
        Progress {
            answered: 0,
            total: 39
        },
        "no side chosen yet: every question"
    );
    a.answer("REL1", Answer::Level(Level::new(3).unwrap()), 1);
    a.answer("REL2", Answer::NotApplicable, 2);
    a.answer("TRU7", Answer::DontKnow, 3);
    a.answer("REL1", Answer::Level(Level::new(4).unwrap()), 4);
    assert_eq!(
        a.progress(&q, &scope),
        Progress {
            answered: 3,
            total: 39
        }
    );
    // As a distributor, the brand-owner-only questions are not asked and do not count.
    let mut d = a.clone();
    d.perspective = Some(assessment::Perspective::Distributor);
    let asked = scope.side(d.perspective).item_count(&q);
    assert!(asked < 39);
    assert_eq!(d.progress(&q, &scope).total, asked);
    assert!(a.is_started(), "an answer alone is something to continue");
    let unanswered = a.unanswered(&q, &scope);
    assert_eq!(unanswered.len(), 36);
    assert_eq!(
        unanswered[0],
        ItemRef {
            section: 0,
            item: 2
        }
    );
    assert!(
        !unanswered.contains(&ItemRef {
            section: 3,
            item: 9
        }),
        "TRU7 (don't know) is answered"
    );
    assert_eq!(a.updated_ms, 4);
}

#[test]
fn go_to_jumps_and_marks_completion_on_results() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let mut a = Assessment::new("a1", &q, 0);
    a.go_to(Step::Section(2), &scope, 10);
    assert_eq!(a.step, Step::Section(2));
    assert_eq!(a.completed_ms, None);
    a.go_to(Step::Results, &scope, 20);
    assert_eq!(a.completed_ms, Some(20));
    a.go_to(Step::Section(9), &scope, 30);
    assert_eq!(
        a.step,
        Step::Results,
        "a section that does not exist is past the last page"
    );
}

#[test]
fn resume_goes_to_the_first_page_with_an_unanswered_item() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let mut a = Assessment::new("a1", &q, 0);
    for item in q.sections[0].items.iter().chain(&q.sections[1].items) {
        a.answer(&item.id, Answer::DontKnow, 1);
    }
    a.answer("CHO1", Answer::NotApplicable, 1);
    a.resume(&q, &scope, 2);
    assert_eq!(a.step, Step::Section(2));
    for section in &q.sections {
        for item in &section.items {
            a.answer(&item.id, Answer::Level(Level::new(2).unwrap()), 3);
        }
    }
    a.step = Step::Welcome;
    a.resume(&q, &scope, 4);
    assert_eq!(a.step, Step::Results);
}
