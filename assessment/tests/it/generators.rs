//! The generators of the property tests (proptest runs natively only): the bundled
//! questionnaire, runners, answers, sides, assessments and mutated texts.

use std::sync::OnceLock;

use assessment::{
    default_questionnaire, Answer, Answers, Assessment, Level, Perspective, Questionnaire, Step,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Cases per decoder, as the architecture promises.
pub const CASES: u32 = 100_000;

/// The bundled questionnaire, validated once for all the property tests.
pub fn q() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| default_questionnaire().unwrap())
}

pub fn runner() -> TestRunner {
    runner_with(CASES)
}

pub fn runner_with(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// An answer from a code: 0 none, 1-5 a level, 6 not applicable, 7 don't know.
pub fn answer_of(code: u8) -> Option<Answer> {
    match code {
        0 => None,
        1..=5 => Level::new(code).map(Answer::Level),
        6 => Some(Answer::NotApplicable),
        _ => Some(Answer::DontKnow),
    }
}

/// Answers to every item of the bundled questionnaire, each any answer or none.
pub fn answers() -> impl Strategy<Value = Answers> {
    proptest::collection::vec(0u8..8, q().item_count()).prop_map(|codes| {
        q().item_ids()
            .zip(codes)
            .filter_map(|(id, c)| answer_of(c).map(|a| (id, a)))
            .collect()
    })
}

/// A side, or none (data from elsewhere).
pub fn perspective() -> impl Strategy<Value = Option<Perspective>> {
    prop_oneof![
        Just(None),
        Just(Some(Perspective::BrandOwner)),
        Just(Some(Perspective::Distributor))
    ]
}

/// Any assessment of the bundled questionnaire.
pub fn assessment() -> impl Strategy<Value = Assessment> {
    (
        "[a-z0-9]{1,12}",
        ".{0,40}",
        perspective(),
        answers(),
        0usize..6,
        0i64..4_000_000_000_000,
        proptest::option::of(0i64..4_000_000_000_000),
    )
        .prop_map(|(id, label, perspective, answers, step, time, completed)| {
            let mut a = Assessment::new(id, q(), time);
            a.label = label;
            a.perspective = perspective;
            a.answers = answers;
            a.step = match step {
                0 => Step::Welcome,
                5 => Step::Results,
                s => Step::Section(s - 1),
            };
            a.completed_ms = completed;
            a
        })
}

/// Text derived from `valid` by deleting, inserting or replacing a few bytes.
pub fn mutated(valid: String) -> impl Strategy<Value = String> {
    let len = valid.len().max(1);
    proptest::collection::vec((0..len, 0u8..3, any::<u8>()), 1..4).prop_map(move |edits| {
        let mut bytes = valid.clone().into_bytes();
        for (at, kind, b) in edits {
            let at = at.min(bytes.len());
            match kind {
                0 if at < bytes.len() => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, b),
                _ if at < bytes.len() => bytes[at] = b,
                _ => {}
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}
