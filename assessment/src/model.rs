//! The validated questionnaire. Build it with [`crate::parse_questionnaire`]; every value here has
//! passed validation, so the scoring code can index without checks failing.

use std::collections::BTreeMap;

use crate::answers::{Answer, Answers, Perspective};

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

/// Who is asked an item (and scored on it), or who acts on an action: only the side that can see
/// a practice is asked about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Both,
    BrandOwner,
    Distributor,
}

impl Who {
    /// Whether a respondent of side `side` is concerned. A respondent of unknown side (`None`,
    /// only in data from elsewhere) is concerned by everything.
    pub fn includes(self, side: Option<Perspective>) -> bool {
        match (self, side) {
            (Who::Both, _) | (_, None) => true,
            (Who::BrandOwner, Some(p)) => p == Perspective::BrandOwner,
            (Who::Distributor, Some(p)) => p == Perspective::Distributor,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// 3 critical, 2 important, 1 supporting.
    pub weight: u32,
    /// Critical practices must be rated for their section to be scored, and a critical Trust
    /// practice at the gate's level puts the relationship at risk.
    pub critical: bool,
    /// Who is asked.
    pub who: Who,
    /// Whether "Not applicable" is offered (it is not where every relationship has the practice).
    pub offers_not_applicable: bool,
    pub question: Text,
    /// The descriptions of levels 1 to 5.
    pub levels: [Text; 5],
}

impl Item {
    /// The answer as scoring reads it: "Not applicable" on an item that offers none (carried over
    /// from an earlier version) counts as no answer yet; it stays stored.
    pub fn effective(&self, answer: Option<Answer>) -> Option<Answer> {
        match answer {
            Some(Answer::NotApplicable) if !self.offers_not_applicable => None,
            other => other,
        }
    }
}

/// What sets an action off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The item (index within the section) is rated at this level or below.
    ItemAtMost { item: usize, level: u8 },
    /// The section is scored in this band (index).
    Band(usize),
}

/// A recommended action that belongs to a practice (or a section's band).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub id: String,
    pub trigger: Trigger,
    /// Who acts; shown to respondents of that side (both: to everyone).
    pub who: Who,
    /// The first step, worded so that the side reading it can start.
    pub step: Text,
    /// In how many days the step should be done.
    pub horizon_days: u32,
}

impl Action {
    /// The practice (item index within the section) the action belongs to; `None` for a
    /// section-wide action set off by a band.
    pub fn item(&self) -> Option<usize> {
        match self.trigger {
            Trigger::ItemAtMost { item, .. } => Some(item),
            Trigger::Band(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    /// Questions for a workshop to discuss about this section; the presenter's closing slide
    /// shows them.
    pub discussion: Vec<Text>,
    /// The section's weight in the overall score.
    pub weight: u32,
    /// One text per band, in the order of [`ScoringRules::bands`].
    pub band_texts: Vec<Text>,
    /// Recommended actions, each with its trigger.
    pub actions: Vec<Action>,
    pub items: Vec<Item>,
}

/// A score band; it covers `min_percent` up to the next band's minimum minus one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub id: String,
    pub name: Text,
    /// What a score in this band means.
    pub meaning: Text,
    pub min_percent: u32,
}

/// Trust is the foundation: the overall band is never above the gate section's band; the result
/// is "at risk" when the gate section's displayed percentage is below `below_percent` or a
/// critical practice of it is rated at `critical_at_most` or below, and its band is then capped at
/// `at_risk_cap_band`; when the gate section is not scored, the overall says "trust not assessed"
/// and is capped at `not_assessed_cap_band`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustGateRule {
    pub section: usize,
    pub below_percent: u32,
    pub critical_at_most: u8,
    pub at_risk_cap_band: usize,
    pub not_assessed_cap_band: usize,
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
    /// A section is scored when at least `ceil(items * numerator / denominator)` of the items
    /// asked have a level ...
    pub min_rated_numerator: u32,
    pub min_rated_denominator: u32,
    /// ... and, when set, every critical item asked in it has a level.
    pub all_critical_rated: bool,
    pub trust_gate: Option<TrustGateRule>,
    /// A critical practice at this level or below always shows its actions.
    pub critical_actions_at_most: u8,
    /// How many weakest items the results list (critical items at level 1 always are listed).
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
    /// Old id -> new ids: the old answer goes to each part.
    pub split: Vec<(String, Vec<String>)>,
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

    /// The item of an [`crate::ItemRef`].
    pub fn item(&self, r: crate::ItemRef) -> &Item {
        &self.sections[r.section].items[r.item]
    }

    /// Items added by the migrations after `version` (new questions for a record made with it).
    pub fn added_since(&self, version: u32) -> Vec<&str> {
        self.migrations
            .iter()
            .filter(|m| m.from >= version)
            .flat_map(|m| m.added.iter().map(String::as_str))
            .filter(|id| self.item_index(id).is_some())
            .collect()
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
            ids.retain(|id| !m.split.iter().any(|(_, parts)| parts.contains(id)));
            ids.extend(m.split.iter().map(|(old, _)| old.clone()));
            for id in &mut ids {
                if let Some((old, _)) = m.renamed.iter().find(|(_, new)| new == id) {
                    *id = old.clone();
                }
            }
            ids.extend(m.removed.iter().cloned());
            at = m.from;
        }
        crate::lean::sort(&mut ids);
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
            let parts: Vec<(String, Answer)> = m
                .split
                .iter()
                .filter_map(|(old, new)| out.get(old).map(|a| (new, a)))
                .flat_map(|(new, a)| new.iter().map(move |n| (n.clone(), a)))
                .collect();
            let old_ids = m.renamed.iter().map(|(o, _)| o);
            for old in old_ids.chain(m.split.iter().map(|(o, _)| o)) {
                out.clear(old);
            }
            for (new, a) in moved.into_iter().chain(parts) {
                out.set(new, a);
            }
            at = m.to;
        }
        (at == self.version).then_some(out)
    }
}

/// Which sections and items a respondent is shown and scored on: the sections an embedding page
/// chose (all by default), and of their items those asked of the respondent's side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    enabled: Vec<bool>,
    side: Option<Perspective>,
}

impl Scope {
    /// Every section.
    pub fn all(q: &Questionnaire) -> Self {
        Self {
            enabled: vec![true; q.sections.len()],
            side: None,
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
            Self {
                enabled,
                side: None,
            }
        } else {
            Self::all(q)
        }
    }

    /// The same sections, for a respondent of `side` (`None`: every item).
    pub fn side(&self, side: Option<Perspective>) -> Self {
        Self {
            enabled: self.enabled.clone(),
            side,
        }
    }

    /// The respondent's side this scope asks for.
    pub fn perspective(&self) -> Option<Perspective> {
        self.side
    }

    /// Whether the item is asked of this scope's side.
    pub fn asks(&self, item: &Item) -> bool {
        item.who.includes(self.side)
    }

    /// The items of an enabled section asked of this scope's side, as (index, item).
    pub fn items<'q>(
        &self,
        q: &'q Questionnaire,
        section: usize,
    ) -> impl Iterator<Item = (usize, &'q Item)> + 'q {
        let side = self.side;
        let on = self.contains(section);
        q.sections[section]
            .items
            .iter()
            .enumerate()
            .filter(move |(_, item)| on && item.who.includes(side))
    }

    /// How many items this scope asks.
    pub fn item_count(&self, q: &Questionnaire) -> usize {
        self.sections().map(|s| self.items(q, s).count()).sum()
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
