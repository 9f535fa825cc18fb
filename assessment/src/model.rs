//! The validated questionnaire. Build it with [`crate::parse_questionnaire`]; every value here has
//! passed validation, so the scoring code can index without checks failing.

use std::collections::BTreeMap;

use crate::answers::{Answer, Answers};

/// A text in every locale the questionnaire declares (locale tag -> text).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub(crate) BTreeMap<String, String>);

impl Text {
    /// The text in `locale`, else in `fallback`, else the first one present.
    pub fn get<'a>(&'a self, locale: &str, fallback: &str) -> &'a str {
        self.0
            .get(locale)
            .or_else(|| self.0.get(fallback))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The locales this text is written in.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// Which side of the relationship is best placed to answer an item. Every respondent may answer
/// every item; this is information, not a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Both,
    BrandOwner,
    Distributor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// 3 critical, 2 important, 1 supporting.
    pub weight: u32,
    pub who: Who,
    pub question: Text,
    /// The descriptions of levels 1 to 5.
    pub levels: [Text; 5],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    /// The section's weight in the overall score.
    pub weight: u32,
    /// One text per band, in the order of [`ScoringRules::bands`].
    pub band_texts: Vec<Text>,
    /// Recommended actions, shown when the section's band is one of [`ScoringRules::action_bands`].
    pub actions: Vec<Text>,
    pub items: Vec<Item>,
}

/// A score band; it covers `min_percent` up to the next band's minimum minus one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub id: String,
    pub name: Text,
    pub min_percent: u32,
}

/// When the gate section's displayed percentage is below `below_percent`, the overall result is
/// "at risk" and its band is capped at `cap_band`; when the gate section has too few answers, the
/// overall says "trust not assessed" and is capped the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustGateRule {
    pub section: usize,
    pub below_percent: u32,
    pub cap_band: usize,
}

/// Thresholds used when many respondents' results are brought together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopRules {
    /// An item is divided when its answers span this many levels or more (2 and 4 span 3).
    pub disagreement_span_levels: u32,
    /// An item is a perception gap when the two sides' means differ by this many tenths of a level.
    pub perception_gap_item_tenths: u32,
    /// A section is a perception gap when the two sides differ by this many percentage points.
    pub perception_gap_section_points: u32,
    /// A side's breakdown is hidden below this many respondents.
    pub min_group_size: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoringRules {
    /// Sorted by `min_percent`, the first at 0.
    pub bands: Vec<Band>,
    /// A section is scored when at least `ceil(items * numerator / denominator)` items have a level.
    pub min_rated_numerator: u32,
    pub min_rated_denominator: u32,
    pub trust_gate: Option<TrustGateRule>,
    /// Bands (indices) whose sections show their recommended actions.
    pub action_bands: Vec<usize>,
    /// How many weakest items the results list.
    pub weakest_items: usize,
    /// Items of this section come first among equally weak items.
    pub tie_break_section: Option<usize>,
    pub workshop: WorkshopRules,
}

impl ScoringRules {
    /// The band (index) of a displayed percentage.
    pub fn band_of(&self, percent: u32) -> usize {
        self.bands
            .iter()
            .rposition(|b| b.min_percent <= percent)
            .unwrap_or(0)
    }

    /// How many items with a level a section of `items` items needs to be scored.
    pub fn min_rated(&self, items: usize) -> usize {
        let n = items as u64 * u64::from(self.min_rated_numerator);
        let d = u64::from(self.min_rated_denominator);
        usize::try_from(n.div_ceil(d)).unwrap_or(usize::MAX)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    pub id: String,
    pub version: u32,
    /// Every text exists in each of these locales.
    pub locales: Vec<String>,
    pub default_locale: String,
    pub title: Text,
    pub description: Text,
    /// How to answer, shown once before the first section.
    pub instructions: Vec<Text>,
    /// The names of levels 1 to 5.
    pub level_names: [Text; 5],
    pub scoring: ScoringRules,
    pub sections: Vec<Section>,
    /// How answers given to earlier versions carry over, oldest first; the last one ends at
    /// `version`.
    pub migrations: Vec<Migration>,
}

/// What changed from one questionnaire version to the next.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Migration {
    pub from: u32,
    pub to: u32,
    /// Old id -> new id: the answer moves to the new id.
    pub renamed: Vec<(String, String)>,
    /// Items that no longer exist: their answers are kept in the record but not scored.
    pub removed: Vec<String>,
    /// New items: unanswered in a migrated record.
    pub added: Vec<String>,
}

impl Questionnaire {
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// The (section, item) indices of an item id.
    pub fn item_index(&self, id: &str) -> Option<(usize, usize)> {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(s, sec)| sec.items.iter().position(|i| i.id == id).map(|i| (s, i)))
    }

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// Every item id of this version, in content order.
    pub fn item_ids(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.id.as_str()))
    }

    /// The item ids of an earlier (or this) version, sorted, worked out backwards through the
    /// migrations. `None` when the version is newer than this one or no migration reaches it.
    pub fn item_ids_at(&self, version: u32) -> Option<Vec<String>> {
        if version > self.version || version == 0 {
            return None;
        }
        let mut ids: Vec<String> = self.item_ids().map(str::to_owned).collect();
        let mut at = self.version;
        for m in self.migrations.iter().rev() {
            if at == version {
                break;
            }
            if m.to != at {
                return None;
            }
            ids.retain(|id| !m.added.contains(id));
            for id in &mut ids {
                if let Some((old, _)) = m.renamed.iter().find(|(_, new)| new == id) {
                    *id = old.clone();
                }
            }
            ids.extend(m.removed.iter().cloned());
            at = m.from;
        }
        ids.sort();
        ids.dedup();
        (at == version).then_some(ids)
    }

    /// Carries answers given to `version` over to this version: renamed items move, removed ones
    /// stay (unscored), added ones are unanswered. `None` when no migration path exists.
    pub fn migrate_answers(&self, version: u32, answers: &Answers) -> Option<Answers> {
        if version > self.version || version == 0 {
            return None;
        }
        let mut out = answers.clone();
        let mut at = version;
        for m in self.migrations.iter().filter(|m| m.from >= version) {
            if m.from != at {
                return None;
            }
            // All renames of one step at once, so that swaps and chains keep every answer.
            let moved: Vec<(String, Answer)> = m
                .renamed
                .iter()
                .filter_map(|(old, new)| out.get(old).map(|a| (new.clone(), a)))
                .collect();
            for (old, _) in &m.renamed {
                out.clear(old);
            }
            for (new, a) in moved {
                out.set(new, a);
            }
            at = m.to;
        }
        (at == self.version).then_some(out)
    }
}

/// Which sections a respondent is shown and scored on (an embedding page may choose a subset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    enabled: Vec<bool>,
}

impl Scope {
    /// Every section.
    pub fn all(q: &Questionnaire) -> Self {
        Self {
            enabled: vec![true; q.sections.len()],
        }
    }

    /// Only the sections whose ids are listed; unknown ids are ignored. An empty result means
    /// every section, so that a mistyped option never leaves the respondent with nothing to do.
    pub fn only<S: AsRef<str>>(q: &Questionnaire, ids: &[S]) -> Self {
        let enabled: Vec<bool> = q
            .sections
            .iter()
            .map(|s| ids.iter().any(|id| id.as_ref() == s.id))
            .collect();
        if enabled.iter().any(|e| *e) {
            Self { enabled }
        } else {
            Self::all(q)
        }
    }

    pub fn contains(&self, section: usize) -> bool {
        self.enabled.get(section).copied().unwrap_or(false)
    }

    /// The enabled section indices, in content order.
    pub fn sections(&self) -> impl Iterator<Item = usize> + '_ {
        self.enabled
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.then_some(i))
    }

    pub fn len(&self) -> usize {
        self.sections().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
