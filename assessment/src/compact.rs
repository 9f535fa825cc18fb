//! The bundled questionnaire in a compact form, for the app to embed.
//!
//! The app's build script validates the content file with [`crate::parse_questionnaire`] and
//! writes the result with [`encode`]; the app reads it back with [`decode`] when it starts. The
//! form is every value of a [`Questionnaire`] in field order, each followed by a separator
//! character: text as it is, numbers in decimal, booleans as `0`/`1`, lists after their length.
//! It has no keys and needs no parser: reading it is a walk through the fields, so neither the
//! JSON deserialiser nor the validator has to be in the app's first download. It is not a file
//! format for people; questionnaires from elsewhere are JSON and always validated.

use crate::model::{
    Action, Band, Item, Migration, Questionnaire, ScoringRules, Section, Text, Trigger,
    TrustGateRule, Who, WorkshopRules,
};

/// Ends every value. The unit separator is a control character that a validated text never
/// holds ([`encode`] refuses one that does).
const END: char = '\u{1f}';

/// `q` in the compact form, or the first text that holds the separator character.
pub fn encode(q: &Questionnaire) -> Result<String, String> {
    let mut w = Writer::default();
    q.put(&mut w);
    match w.refused {
        Some(text) => Err(format!(
            "a text holds the control character U+001F: {text:?}"
        )),
        None => Ok(w.out),
    }
}

/// The questionnaire [`encode`] wrote, or `None` if `s` is not such a text in full.
pub fn decode(s: &str) -> Option<Questionnaire> {
    let mut r = Reader { rest: s.split(END) };
    let q = Questionnaire::take(&mut r)?;
    // `s` ends with the separator, so exactly one empty piece is left.
    (r.rest.next() == Some("") && r.rest.next().is_none()).then_some(q)
}

#[derive(Default)]
struct Writer {
    out: String,
    refused: Option<String>,
}

impl Writer {
    fn str(&mut self, s: &str) {
        if s.contains(END) && self.refused.is_none() {
            self.refused = Some(s.to_owned());
        }
        self.out.push_str(s);
        self.out.push(END);
    }

    fn num(&mut self, n: u64) {
        self.str(&n.to_string());
    }
}

struct Reader<'a> {
    rest: std::str::Split<'a, char>,
}

impl<'a> Reader<'a> {
    fn str(&mut self) -> Option<&'a str> {
        self.rest.next()
    }

    fn num(&mut self) -> Option<u64> {
        self.str()?.parse().ok()
    }
}

/// A value that can be written to and read from the compact form.
trait Compact: Sized {
    fn put(&self, w: &mut Writer);
    fn take(r: &mut Reader) -> Option<Self>;
}

impl Compact for String {
    fn put(&self, w: &mut Writer) {
        w.str(self);
    }
    fn take(r: &mut Reader) -> Option<Self> {
        r.str().map(str::to_owned)
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl Compact for $t {
            fn put(&self, w: &mut Writer) {
                w.num(*self as u64);
            }
            fn take(r: &mut Reader) -> Option<Self> {
                r.num()?.try_into().ok()
            }
        }
    )*};
}
numbers!(u8, u32, usize);

impl Compact for bool {
    fn put(&self, w: &mut Writer) {
        w.num(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Option<Self> {
        match r.num()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.num(self.len() as u64);
        self.iter().for_each(|v| v.put(w));
    }
    fn take(r: &mut Reader) -> Option<Self> {
        let n = r.num()?;
        // Each value takes at least one piece, so a length beyond what is left is a lie.
        (0..n).map(|_| T::take(r)).collect()
    }
}

impl<T: Compact> Compact for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.num(0),
            Some(v) => {
                w.num(1);
                v.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Option<Self> {
        match r.num()? {
            0 => Some(None),
            1 => T::take(r).map(Some),
            _ => None,
        }
    }
}

impl<A: Compact, B: Compact> Compact for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Some((A::take(r)?, B::take(r)?))
    }
}

impl Compact for [Text; 5] {
    fn put(&self, w: &mut Writer) {
        self.iter().for_each(|t| t.put(w));
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Some([
            Text::take(r)?,
            Text::take(r)?,
            Text::take(r)?,
            Text::take(r)?,
            Text::take(r)?,
        ])
    }
}

impl Compact for Text {
    fn put(&self, w: &mut Writer) {
        let pairs: Vec<(String, String)> = self.0.clone().into_iter().collect();
        pairs.put(w);
    }
    fn take(r: &mut Reader) -> Option<Self> {
        let pairs: Vec<(String, String)> = Vec::take(r)?;
        Some(Text(crate::lean::map_from(pairs)))
    }
}

impl Compact for Who {
    fn put(&self, w: &mut Writer) {
        w.num(match self {
            Who::Both => 0,
            Who::BrandOwner => 1,
            Who::Distributor => 2,
        });
    }
    fn take(r: &mut Reader) -> Option<Self> {
        [Who::Both, Who::BrandOwner, Who::Distributor]
            .get(usize::try_from(r.num()?).ok()?)
            .copied()
    }
}

impl Compact for Trigger {
    fn put(&self, w: &mut Writer) {
        match *self {
            Trigger::ItemAtMost { item, level } => {
                w.num(0);
                item.put(w);
                level.put(w);
            }
            Trigger::Band(band) => {
                w.num(1);
                band.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Option<Self> {
        match r.num()? {
            0 => Some(Trigger::ItemAtMost {
                item: Compact::take(r)?,
                level: Compact::take(r)?,
            }),
            1 => Some(Trigger::Band(Compact::take(r)?)),
            _ => None,
        }
    }
}

/// A struct written as its fields in the order listed.
macro_rules! fields {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Compact for $t {
            fn put(&self, w: &mut Writer) {
                $(self.$f.put(w);)*
            }
            fn take(r: &mut Reader) -> Option<Self> {
                Some($t { $($f: Compact::take(r)?,)* })
            }
        }
    )*};
}

fields! {
    Item { id, weight, critical, who, offers_not_applicable, question, levels }
    Action { id, trigger, who, step, horizon_days }
    Section { id, title, intro, discussion, weight, band_texts, actions, items }
    Band { id, name, meaning, min_percent }
    TrustGateRule { section, below_percent, critical_at_most, at_risk_cap_band, not_assessed_cap_band }
    WorkshopRules {
        disagreement_span_levels,
        perception_gap_item_tenths,
        perception_gap_section_points,
        min_group_size,
    }
    ScoringRules {
        bands,
        min_rated_numerator,
        min_rated_denominator,
        all_critical_rated,
        trust_gate,
        critical_actions_at_most,
        weakest_items,
        tie_break_section,
        workshop,
    }
    Migration { from, to, renamed, split, removed, added }
    Questionnaire {
        id,
        version,
        locales,
        default_locale,
        title,
        description,
        instructions,
        level_names,
        scoring,
        sections,
        migrations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Questionnaire {
        crate::parse_questionnaire(include_str!("../content/distributor.json")).expect("valid")
    }

    #[test]
    fn the_bundled_questionnaire_comes_back_as_it_went_in() {
        let q = bundled();
        let s = encode(&q).expect("no separator in the texts");
        assert_eq!(decode(&s), Some(q));
    }

    #[test]
    fn a_cut_or_lengthened_text_is_refused() {
        let s = encode(&bundled()).unwrap();
        for cut in [0, 1, s.len() / 3, s.len() / 2, s.len() - 1] {
            let at = (0..=cut).rev().find(|i| s.is_char_boundary(*i)).unwrap();
            assert_eq!(decode(&s[..at]), None, "cut at {at}");
        }
        assert_eq!(decode(&format!("{s}x{END}")), None);
    }

    #[test]
    fn a_wrong_value_is_refused_not_misread() {
        let s = encode(&bundled()).unwrap();
        // The version (second value) must be a number.
        let mut parts: Vec<&str> = s.split(END).collect();
        parts[1] = "two";
        assert_eq!(decode(&parts.join("\u{1f}")), None);
    }

    #[test]
    fn a_text_with_the_separator_is_refused_when_writing() {
        let mut q = bundled();
        q.sections[0].title = Text([("en".into(), "a\u{1f}b".into())].into_iter().collect());
        assert!(encode(&q).unwrap_err().contains("U+001F"));
    }
}
