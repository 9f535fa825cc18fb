//! A respondent's answers.

use crate::i18n::Messages;
use std::collections::BTreeMap;

/// A maturity level, 1 (absent / ad hoc) to 5 (embedded / best practice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn new(n: u8) -> Option<Self> {
        (Self::MIN..=Self::MAX).contains(&n).then_some(Self(n))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// All five levels, lowest first.
    pub fn all() -> impl Iterator<Item = Level> {
        (Self::MIN..=Self::MAX).map(Level)
    }
}

/// One item's answer. "Not applicable" and "Don't know" are kept apart: both are left out of the
/// score, and don't-know answers are counted and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Level(Level),
    NotApplicable,
    DontKnow,
}

impl Answer {
    /// The compact code used in stored records: `1`..`5`, `na` or `dk`.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Level(l) => ["1", "2", "3", "4", "5"][usize::from(l.get() - 1)],
            Answer::NotApplicable => "na",
            Answer::DontKnow => "dk",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "na" => Some(Answer::NotApplicable),
            "dk" => Some(Answer::DontKnow),
            _ => code
                .parse::<u8>()
                .ok()
                .filter(|_| code.len() == 1)
                .and_then(Level::new)
                .map(Answer::Level),
        }
    }

    pub fn level(self) -> Option<Level> {
        match self {
            Answer::Level(l) => Some(l),
            _ => None,
        }
    }
}

/// The side of the relationship the respondent speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Perspective {
    BrandOwner,
    Distributor,
}

impl Perspective {
    pub const ALL: [Perspective; 2] = [Perspective::BrandOwner, Perspective::Distributor];

    /// The other side of the relationship.
    pub fn other(self) -> Self {
        match self {
            Perspective::BrandOwner => Perspective::Distributor,
            Perspective::Distributor => Perspective::BrandOwner,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Perspective::BrandOwner => "brand_owner",
            Perspective::Distributor => "distributor",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The side's name, as a label: "Brand owner".
    pub fn name(self, m: &Messages) -> &'static str {
        match self {
            Perspective::BrandOwner => m.brand_owner,
            Perspective::Distributor => m.distributor,
        }
    }

    /// The side's name within a sentence: "answered as brand owner".
    pub fn lower_name(self, m: &Messages) -> &'static str {
        match self {
            Perspective::BrandOwner => m.brand_owner_lower,
            Perspective::Distributor => m.distributor_lower,
        }
    }
}

/// Answers by item id. Ids the questionnaire does not know are kept (they may come from another
/// version of it) and are ignored by scoring.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, item: &str) -> Option<Answer> {
        self.0.get(item).copied()
    }

    pub fn set(&mut self, item: impl Into<String>, answer: Answer) {
        self.0.insert(item.into(), answer);
    }

    pub fn clear(&mut self, item: &str) {
        self.0.remove(item);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, Answer)> {
        self.0.iter().map(|(k, v)| (k.as_str(), *v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<String>> FromIterator<(K, Answer)> for Answers {
    fn from_iter<T: IntoIterator<Item = (K, Answer)>>(iter: T) -> Self {
        Self(crate::lean::map_from(
            iter.into_iter().map(|(k, v)| (k.into(), v)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for a in Level::all()
            .map(Answer::Level)
            .chain([Answer::NotApplicable, Answer::DontKnow])
        {
            assert_eq!(Answer::from_code(a.code()), Some(a));
        }
        for bad in ["0", "6", "", "33", "+3", "NA", " 3"] {
            assert_eq!(Answer::from_code(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn perspectives_round_trip() {
        for p in Perspective::ALL {
            assert_eq!(Perspective::from_code(p.code()), Some(p));
        }
        assert_eq!(Perspective::from_code("partner"), None);
    }
}
