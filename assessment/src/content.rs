//! The questionnaire file: raw serde types, and validation into [`crate::Questionnaire`] with every
//! problem collected and located (`sections[2].items[4].levels: expected 5 levels, found 4`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Deserialize;

use crate::id::{valid_id, MAX_ID_LEN};
use crate::model::{Item, Questionnaire, Section, Text, Who};

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

mod migrations;
mod rules;

use migrations::validate_migrations;
use rules::{action, validate_scoring};

type RawText = BTreeMap<String, String>;

#[derive(Deserialize)]
struct RawQuestionnaire {
    format: Option<u32>,
    id: Option<String>,
    version: Option<u32>,
    #[serde(default)]
    locales: Vec<String>,
    default_locale: Option<String>,
    title: Option<RawText>,
    description: Option<RawText>,
    #[serde(default)]
    instructions: Vec<RawText>,
    #[serde(default)]
    level_names: Vec<RawText>,
    scoring: Option<RawScoring>,
    #[serde(default)]
    sections: Vec<RawSection>,
    #[serde(default)]
    migrations: Vec<RawMigration>,
}

#[derive(Deserialize)]
struct RawMigration {
    from: u32,
    to: u32,
    #[serde(default)]
    renamed: BTreeMap<String, String>,
    #[serde(default)]
    split: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    removed: Vec<String>,
    #[serde(default)]
    added: Vec<String>,
}

#[derive(Deserialize)]
struct RawScoring {
    #[serde(default)]
    bands: Vec<RawBand>,
    min_rated_fraction: Option<RawFraction>,
    #[serde(default)]
    all_critical_rated: bool,
    trust_gate: Option<RawTrustGate>,
    critical_actions_at_most: Option<u8>,
    weakest_items: Option<usize>,
    tie_break_section: Option<String>,
    workshop: Option<RawWorkshop>,
}

#[derive(Deserialize)]
struct RawBand {
    id: Option<String>,
    name: Option<RawText>,
    meaning: Option<RawText>,
    min_percent: Option<u32>,
    /// Documentation: the band's lower bound as a mean level (40 % = 2.6); checked if given.
    min_mean_level: Option<f64>,
}

#[derive(Deserialize)]
struct RawFraction {
    numerator: u32,
    denominator: u32,
}

#[derive(Deserialize)]
struct RawTrustGate {
    section: String,
    below_percent: u32,
    critical_at_most: Option<u8>,
    at_risk_cap_band: String,
    not_assessed_cap_band: String,
}

#[derive(Deserialize)]
struct RawWorkshop {
    disagreement_span_levels: u32,
    perception_gap_item_tenths: u32,
    perception_gap_section_points: u32,
    min_group_size: u32,
}

#[derive(Deserialize)]
struct RawSection {
    id: Option<String>,
    title: Option<RawText>,
    intro: Option<RawText>,
    weight: Option<u32>,
    #[serde(default)]
    band_texts: BTreeMap<String, RawText>,
    #[serde(default)]
    actions: Vec<RawAction>,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
struct RawAction {
    id: Option<String>,
    when: Option<RawWhen>,
    who: Option<String>,
    step: Option<RawText>,
    horizon_days: Option<u32>,
}

#[derive(Deserialize)]
struct RawWhen {
    item: Option<String>,
    at_most: Option<u8>,
    band: Option<String>,
}

#[derive(Deserialize)]
struct RawItem {
    id: Option<String>,
    weight: Option<u32>,
    critical: Option<bool>,
    who: Option<String>,
    not_applicable: Option<bool>,
    question: Option<RawText>,
    #[serde(default)]
    levels: Vec<RawText>,
}

/// Collects errors while the raw file is turned into the model.
struct Checker {
    locales: Vec<String>,
    errors: Vec<ContentError>,
}

impl Checker {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ContentError {
            path: path.into(),
            message: message.into(),
        });
    }

    fn required<T>(&mut self, path: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.err(path, "missing");
        }
        value
    }

    /// A text must be present, non-blank, in every declared locale.
    fn text(&mut self, path: &str, raw: Option<RawText>) -> Text {
        let Some(raw) = raw else {
            self.err(path, "missing");
            return Text::default();
        };
        for locale in self.locales.clone() {
            match raw.get(&locale) {
                Some(s) if !s.trim().is_empty() => {}
                Some(_) => self.err(format!("{path}.{locale}"), "empty text"),
                None => self.err(path, format!("no text for locale \"{locale}\"")),
            }
        }
        for locale in raw.keys() {
            if !self.locales.contains(locale) {
                self.err(
                    format!("{path}.{locale}"),
                    "locale not declared in \"locales\"",
                );
            }
        }
        Text(raw)
    }

    fn id(&mut self, path: &str, raw: Option<String>, seen: &mut BTreeSet<String>) -> String {
        let Some(id) = self.required(path, raw) else {
            return String::new();
        };
        if !valid_id(&id) {
            self.err(
                path,
                format!("\"{id}\" is not a valid id (1-{MAX_ID_LEN} letters, digits, '-' or '_')"),
            );
        } else if !seen.insert(id.clone()) {
            self.err(path, format!("duplicate id \"{id}\""));
        }
        id
    }

    fn who(&mut self, path: &str, raw: Option<String>) -> Who {
        match self.required(path, raw).as_deref() {
            Some("both") | None => Who::Both,
            Some("brand_owner") => Who::BrandOwner,
            Some("distributor") => Who::Distributor,
            Some(other) => {
                self.err(
                    path,
                    format!("\"{other}\" is not one of both, brand_owner, distributor"),
                );
                Who::Both
            }
        }
    }

    fn five_texts(&mut self, path: &str, raw: Vec<RawText>, what: &str) -> [Text; 5] {
        if raw.len() != 5 {
            self.err(path, format!("expected 5 {what}, found {}", raw.len()));
        }
        let mut out: [Text; 5] = Default::default();
        for (i, t) in raw.into_iter().enumerate().take(5) {
            out[i] = self.text(&format!("{path}[{i}]"), Some(t));
        }
        out
    }
}

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
    let mut section_ids = BTreeSet::new();
    let mut item_ids = BTreeSet::new();
    let raw_sections = raw.sections;
    if raw_sections.is_empty() {
        c.err("sections", "at least one section is needed");
    }
    let mut sections: Vec<Section> = Vec::new();
    let mut raw_band_texts = Vec::new();
    for (s, rs) in raw_sections.into_iter().enumerate() {
        let p = format!("sections[{s}]");
        let sid = c.id(&format!("{p}.id"), rs.id, &mut section_ids);
        let title = c.text(&format!("{p}.title"), rs.title);
        let intro = c.text(&format!("{p}.intro"), rs.intro);
        let weight = rs.weight.unwrap_or(1);
        if !SECTION_WEIGHTS.contains(&weight) {
            c.err(
                format!("{p}.weight"),
                format!(
                    "{weight} is out of range ({}-{})",
                    SECTION_WEIGHTS.start(),
                    SECTION_WEIGHTS.end()
                ),
            );
        }
        if rs.items.is_empty() {
            c.err(format!("{p}.items"), "a section needs at least one item");
        }
        let mut items = Vec::new();
        for (i, ri) in rs.items.into_iter().enumerate() {
            let ip = format!("{p}.items[{i}]");
            let iid = c.id(&format!("{ip}.id"), ri.id, &mut item_ids);
            let weight = c.required(&format!("{ip}.weight"), ri.weight).unwrap_or(1);
            if !ITEM_WEIGHTS.contains(&weight) {
                c.err(
                    format!("{ip}.weight"),
                    format!(
                        "{weight} is out of range ({}-{})",
                        ITEM_WEIGHTS.start(),
                        ITEM_WEIGHTS.end()
                    ),
                );
            }
            let critical = ri.critical.unwrap_or(false);
            if critical != (weight == *ITEM_WEIGHTS.end()) {
                c.err(
                    format!("{ip}.critical"),
                    "an item is critical exactly when its weight is 3",
                );
            }
            let who = c.who(&format!("{ip}.who"), ri.who);
            let question = c.text(&format!("{ip}.question"), ri.question);
            let levels = c.five_texts(&format!("{ip}.levels"), ri.levels, "levels");
            items.push(Item {
                id: iid,
                weight,
                critical,
                who,
                offers_not_applicable: ri.not_applicable.unwrap_or(true),
                question,
                levels,
            });
        }
        raw_band_texts.push((rs.band_texts, rs.actions));
        sections.push(Section {
            id: sid,
            title,
            intro,
            weight,
            band_texts: Vec::new(),
            actions: Vec::new(),
            items,
        });
    }

    let scoring = match c.required("scoring", raw.scoring) {
        Some(rs) => validate_scoring(&mut c, rs, &sections),
        None => None,
    };
    // Band texts and action triggers need the band ids.
    let mut action_ids = BTreeSet::new();
    if let Some(rules) = &scoring {
        for (s, (mut texts, actions)) in raw_band_texts.into_iter().enumerate() {
            let actions = actions
                .into_iter()
                .enumerate()
                .map(|(a, ra)| {
                    let p = format!("sections[{s}].actions[{a}]");
                    action(&mut c, &p, ra, &sections[s], rules, &mut action_ids)
                })
                .collect();
            sections[s].actions = actions;
            let p = format!("sections[{s}].band_texts");
            let mut out = Vec::new();
            for band in &rules.bands {
                let t = texts.remove(&band.id);
                out.push(c.text(&format!("{p}.{}", band.id), t));
            }
            for unknown in texts.keys() {
                c.err(format!("{p}.{unknown}"), "no band has this id");
            }
            sections[s].band_texts = out;
        }
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
