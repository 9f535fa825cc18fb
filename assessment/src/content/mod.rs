//! The questionnaire file: parsed into raw serde types ([`raw`]), then validated into
//! [`crate::Questionnaire`] with every problem collected and located
//! (`sections[2].items[4].levels: expected 5 levels, found 4`): the texts, sections and items in
//! `checks`, the scoring block and actions in `rules`, the version chain in `migrations`.

use std::collections::BTreeSet;
use std::fmt;

use crate::model::Questionnaire;

/// The content file format this code reads.
pub const CONTENT_FORMAT: u32 = 1;

/// Item weights allowed: 1 supporting, 2 important, 3 critical.
pub const ITEM_WEIGHTS: std::ops::RangeInclusive<u32> = 1..=3;

/// Section weights allowed in the overall score.
pub const SECTION_WEIGHTS: std::ops::RangeInclusive<u32> = 1..=100;

/// One problem in a content file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// A path such as `sections[2].items[4].levels`, or empty for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every problem found in a content file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

mod checks;
mod migrations;
mod raw;
mod rules;

use checks::Checker;
use migrations::validate_migrations;
use raw::RawQuestionnaire;
use rules::validate_scoring;

/// Parses a questionnaire file and validates it, returning every problem found.
pub fn parse_questionnaire(json: &str) -> Result<Questionnaire, ContentErrors> {
    let raw: RawQuestionnaire = serde_json::from_str(json).map_err(|e| {
        ContentErrors(vec![ContentError {
            path: String::new(),
            message: format!("not a questionnaire file: {e}"),
        }])
    })?;
    validate(raw)
}

fn validate(raw: RawQuestionnaire) -> Result<Questionnaire, ContentErrors> {
    let mut c = Checker {
        locales: raw.locales.clone(),
        errors: Vec::new(),
    };
    match raw.format {
        Some(CONTENT_FORMAT) => {}
        Some(other) => c.err(
            "format",
            format!("format {other} is not supported (this app reads format {CONTENT_FORMAT})"),
        ),
        None => c.err("format", "missing"),
    }
    if raw.locales.is_empty() {
        c.err("locales", "at least one locale is needed");
    }
    let default_locale = c
        .required("default_locale", raw.default_locale)
        .unwrap_or_default();
    if !default_locale.is_empty() && !raw.locales.contains(&default_locale) {
        c.err(
            "default_locale",
            format!("\"{default_locale}\" is not in \"locales\""),
        );
    }
    let id = c.id("id", raw.id, &mut BTreeSet::new());
    let version = c.required("version", raw.version).unwrap_or(0);
    if version == 0 && c.errors.iter().all(|e| e.path != "version") {
        c.err("version", "must be 1 or more");
    }
    let title = c.text("title", raw.title);
    let description = c.text("description", raw.description);
    let instructions = raw
        .instructions
        .into_iter()
        .enumerate()
        .map(|(i, t)| c.text(&format!("instructions[{i}]"), Some(t)))
        .collect();
    let level_names = c.five_texts("level_names", raw.level_names, "level names");

    // Sections first: the scoring rules refer to section ids.
    let (mut sections, pending) = checks::sections(&mut c, raw.sections);

    let scoring = match c.required("scoring", raw.scoring) {
        Some(rs) => validate_scoring(&mut c, rs, &sections),
        None => None,
    };
    // Band texts and action triggers need the band ids.
    if let Some(rules) = &scoring {
        checks::band_texts_and_actions(&mut c, &mut sections, pending, rules);
    }

    let migrations = validate_migrations(&mut c, raw.migrations, version, &sections);

    match scoring {
        Some(scoring) if c.errors.is_empty() => Ok(Questionnaire {
            id,
            version,
            locales: raw.locales,
            default_locale,
            title,
            description,
            instructions,
            level_names,
            scoring,
            sections,
            migrations,
        }),
        _ => Err(ContentErrors(c.errors)),
    }
}
