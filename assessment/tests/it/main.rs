//! The domain crate's integration tests, in one binary: one build and one run, instead of a
//! binary per file that each compiles the shared helpers again. A module per area; what they
//! share is in `support` (and, for the property tests, `generators`). The version-1 fixtures
//! stay in `tests/fixtures/v1`.

mod support;

mod charts;
mod content;
mod errors;
mod exports;
mod formats;
mod i18n;
mod journey;
mod record;
mod scoring;
mod thresholds;
mod v2_rules;
mod wizard;
mod workshop;

// proptest is a native dev-dependency: the property tests are not built for wasm32.
#[cfg(not(target_arch = "wasm32"))]
mod fuzz;
#[cfg(not(target_arch = "wasm32"))]
mod generators;
#[cfg(not(target_arch = "wasm32"))]
mod properties;
