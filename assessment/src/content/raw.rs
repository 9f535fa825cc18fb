//! The content file as written: serde types whose fields are mostly optional or defaulted, so
//! that a file with mistakes still parses and the checks can report each one, located.

use std::collections::BTreeMap;

use serde::Deserialize;

pub(super) type RawText = BTreeMap<String, String>;

#[derive(Deserialize)]
pub(super) struct RawQuestionnaire {
    pub(super) format: Option<u32>,
    pub(super) id: Option<String>,
    pub(super) version: Option<u32>,
    #[serde(default)]
    pub(super) locales: Vec<String>,
    pub(super) default_locale: Option<String>,
    pub(super) title: Option<RawText>,
    pub(super) description: Option<RawText>,
    #[serde(default)]
    pub(super) instructions: Vec<RawText>,
    #[serde(default)]
    pub(super) level_names: Vec<RawText>,
    pub(super) scoring: Option<RawScoring>,
    #[serde(default)]
    pub(super) sections: Vec<RawSection>,
    #[serde(default)]
    pub(super) migrations: Vec<RawMigration>,
}

#[derive(Deserialize)]
pub(super) struct RawMigration {
    pub(super) from: u32,
    pub(super) to: u32,
    #[serde(default)]
    pub(super) renamed: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) split: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) removed: Vec<String>,
    #[serde(default)]
    pub(super) added: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct RawScoring {
    #[serde(default)]
    pub(super) bands: Vec<RawBand>,
    pub(super) min_rated_fraction: Option<RawFraction>,
    #[serde(default)]
    pub(super) all_critical_rated: bool,
    pub(super) trust_gate: Option<RawTrustGate>,
    pub(super) critical_actions_at_most: Option<u8>,
    pub(super) weakest_items: Option<usize>,
    pub(super) tie_break_section: Option<String>,
    pub(super) workshop: Option<RawWorkshop>,
}

#[derive(Deserialize)]
pub(super) struct RawBand {
    pub(super) id: Option<String>,
    pub(super) name: Option<RawText>,
    pub(super) meaning: Option<RawText>,
    pub(super) min_percent: Option<u32>,
    /// Documentation: the band's lower bound as a mean level (40 % = 2.6); checked if given.
    pub(super) min_mean_level: Option<f64>,
}

#[derive(Deserialize)]
pub(super) struct RawFraction {
    pub(super) numerator: u32,
    pub(super) denominator: u32,
}

#[derive(Deserialize)]
pub(super) struct RawTrustGate {
    pub(super) section: String,
    pub(super) below_percent: u32,
    pub(super) critical_at_most: Option<u8>,
    pub(super) at_risk_cap_band: String,
    pub(super) not_assessed_cap_band: String,
}

#[derive(Deserialize)]
pub(super) struct RawWorkshop {
    pub(super) disagreement_span_levels: u32,
    pub(super) perception_gap_item_tenths: u32,
    pub(super) perception_gap_section_points: u32,
    pub(super) min_group_size: u32,
}

#[derive(Deserialize)]
pub(super) struct RawSection {
    pub(super) id: Option<String>,
    pub(super) title: Option<RawText>,
    pub(super) intro: Option<RawText>,
    /// Questions for a workshop to discuss about this section (optional).
    #[serde(default)]
    pub(super) discussion: Vec<RawText>,
    pub(super) weight: Option<u32>,
    #[serde(default)]
    pub(super) band_texts: BTreeMap<String, RawText>,
    #[serde(default)]
    pub(super) actions: Vec<RawAction>,
    #[serde(default)]
    pub(super) items: Vec<RawItem>,
}

#[derive(Deserialize)]
pub(super) struct RawAction {
    pub(super) id: Option<String>,
    pub(super) when: Option<RawWhen>,
    pub(super) who: Option<String>,
    pub(super) step: Option<RawText>,
    pub(super) horizon_days: Option<u32>,
}

#[derive(Deserialize)]
pub(super) struct RawWhen {
    pub(super) item: Option<String>,
    pub(super) at_most: Option<u8>,
    pub(super) band: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct RawItem {
    pub(super) id: Option<String>,
    pub(super) weight: Option<u32>,
    pub(super) critical: Option<bool>,
    pub(super) who: Option<String>,
    pub(super) not_applicable: Option<bool>,
    pub(super) question: Option<RawText>,
    #[serde(default)]
    pub(super) levels: Vec<RawText>,
}
