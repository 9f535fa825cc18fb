//! The checks of a content file's parts: texts in every locale, ids, who is asked, the five
//! levels, and each section with its items, band texts and actions. Every problem is collected
//! with its path; nothing stops at the first.

use std::collections::{BTreeMap, BTreeSet};

use super::raw::{RawAction, RawItem, RawSection, RawText};
use super::rules::action;
use super::{ContentError, ITEM_WEIGHTS, SECTION_WEIGHTS};
use crate::id::{valid_id, MAX_ID_LEN};
use crate::model::{Item, ScoringRules, Section, Text, Who};

/// Collects errors while the raw file is turned into the model.
pub(super) struct Checker {
    pub(super) locales: Vec<String>,
    pub(super) errors: Vec<ContentError>,
}

impl Checker {
    pub(super) fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ContentError {
            path: path.into(),
            message: message.into(),
        });
    }

    pub(super) fn required<T>(&mut self, path: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.err(path, "missing");
        }
        value
    }

    /// A text must be present, non-blank, in every declared locale.
    pub(super) fn text(&mut self, path: &str, raw: Option<RawText>) -> Text {
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

    pub(super) fn id(
        &mut self,
        path: &str,
        raw: Option<String>,
        seen: &mut BTreeSet<String>,
    ) -> String {
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

    pub(super) fn who(&mut self, path: &str, raw: Option<String>) -> Who {
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

    pub(super) fn five_texts(&mut self, path: &str, raw: Vec<RawText>, what: &str) -> [Text; 5] {
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

/// What a section keeps of its raw form until the bands are known: its band texts and actions.
pub(super) type Pending = (BTreeMap<String, RawText>, Vec<RawAction>);

/// The sections and their items (before the scoring rules, which refer to section ids), with
/// what can only be checked once the bands are known.
pub(super) fn sections(c: &mut Checker, raw: Vec<RawSection>) -> (Vec<Section>, Vec<Pending>) {
    let mut section_ids = BTreeSet::new();
    let mut item_ids = BTreeSet::new();
    if raw.is_empty() {
        c.err("sections", "at least one section is needed");
    }
    let mut sections = Vec::new();
    let mut pending = Vec::new();
    for (s, rs) in raw.into_iter().enumerate() {
        let p = format!("sections[{s}]");
        let sid = c.id(&format!("{p}.id"), rs.id, &mut section_ids);
        let title = c.text(&format!("{p}.title"), rs.title);
        let intro = c.text(&format!("{p}.intro"), rs.intro);
        let discussion = rs
            .discussion
            .into_iter()
            .enumerate()
            .map(|(n, t)| c.text(&format!("{p}.discussion[{n}]"), Some(t)))
            .collect();
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
        let items = rs
            .items
            .into_iter()
            .enumerate()
            .map(|(i, ri)| item(c, &format!("{p}.items[{i}]"), ri, &mut item_ids))
            .collect();
        pending.push((rs.band_texts, rs.actions));
        sections.push(Section {
            id: sid,
            title,
            intro,
            discussion,
            weight,
            band_texts: Vec::new(),
            actions: Vec::new(),
            items,
        });
    }
    (sections, pending)
}

fn item(c: &mut Checker, ip: &str, ri: RawItem, ids: &mut BTreeSet<String>) -> Item {
    let id = c.id(&format!("{ip}.id"), ri.id, ids);
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
    Item {
        id,
        weight,
        critical,
        who,
        offers_not_applicable: ri.not_applicable.unwrap_or(true),
        question,
        levels,
    }
}

/// Each section's actions (their triggers name bands and items) and one band text per band.
pub(super) fn band_texts_and_actions(
    c: &mut Checker,
    sections: &mut [Section],
    pending: Vec<Pending>,
    rules: &ScoringRules,
) {
    let mut action_ids = BTreeSet::new();
    for (s, (mut texts, actions)) in pending.into_iter().enumerate() {
        let actions = actions
            .into_iter()
            .enumerate()
            .map(|(a, ra)| {
                let p = format!("sections[{s}].actions[{a}]");
                action(c, &p, ra, &sections[s], rules, &mut action_ids)
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
