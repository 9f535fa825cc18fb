//! The distributor relationship assessment's domain: the questionnaire as validated data, answers,
//! scoring, the wizard's state machine and every stored format.
//!
//! Nothing here touches a browser, a clock or a random-number generator: ids and times are passed
//! in, so every function is deterministic and tested natively. The app in the workspace root is a
//! thin shell that renders these types.

pub mod answers;
pub mod chart;
pub mod compact;
pub mod content;
pub mod csv;
pub mod exchange;
pub mod explain;
pub mod history;
pub mod i18n;
pub mod id;
pub mod lean;
pub mod model;
pub mod problem;
pub mod radar;
pub mod ratio;
pub mod record;
pub mod scoring;
pub mod share;
pub mod sides;
pub mod wizard;
pub mod workshop;

pub use answers::{Answer, Answers, Level, Perspective};
pub use content::{parse_questionnaire, ContentError, ContentErrors};
pub use id::{valid_id, MAX_ID_LEN};
pub use model::{Band, Item, Migration, Questionnaire, Scope, Section, Text, Who};
pub use ratio::Ratio;
pub use record::{
    decode_record, decode_record_at, decode_record_value, encode_record, encode_record_value,
    RecordError, RECORD_SCHEMA,
};
pub use scoring::{
    score, Cap, Counts, Overall, Report, Risk, Score, SectionReport, TriggeredAction, TrustGate,
    WeakItem,
};
pub use wizard::{Assessment, ItemRef, Progress, Step};

/// The questionnaire that ships with the app, as JSON.
pub const DEFAULT_CONTENT: &str = include_str!("../content/distributor.json");

/// Parses and validates the bundled questionnaire.
///
/// A test proves that the bundled file validates, so this cannot fail in a released build;
/// it still returns the errors rather than panicking, so the app can show them.
pub fn default_questionnaire() -> Result<Questionnaire, ContentErrors> {
    parse_questionnaire(DEFAULT_CONTENT)
}
