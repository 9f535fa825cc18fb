//! The domain crate's integration tests, in one binary: one build and one run, instead of a
//! binary per file that each compiles the shared helpers again. A module per area; what they
//! share is in `support`. The version-1 fixtures stay in `tests/fixtures/v1`.

mod support;

mod content;
mod errors;
mod exports;
mod formats;
mod fuzz;
mod i18n;
mod properties;
mod record;
mod scoring;
mod thresholds;
mod v2_rules;
mod wizard;
mod workshop;
