//! Share links: an assessment's answers in a URL fragment (`#r=...`, never sent to a server).
//!
//! ```text
//! 1.distributor-relationship.1.b.<answers>.<checksum>
//! ```
//!
//! Fields, separated by `.`: the link format (`1`); the questionnaire id and version; the
//! perspective (`b` brand owner, `d` distributor, `x` none); the answers; a checksum. Answers are
//! 3 bits per item (0 unanswered, 1-5 a level, 6 not applicable, 7 don't know) for the items of
//! that questionnaire version sorted by id, two items per base64url character. The checksum is
//! FNV-1a (32 bits) of everything before the last `.`, as six base64url characters. For the
//! 30-item questionnaire a link's fragment is 54 characters.
//!
//! The two numbers (the link format and the version) are plain decimal, as [`encode_share`]
//! writes them: no sign, no leading zero, no spaces. A link written any other way is refused,
//! so that one set of answers has one link (a workshop adds a link once).

use crate::answers::{Answer, Answers, Level, Perspective};
use crate::i18n::{display_in_english, fill, Messages};
use crate::model::Questionnaire;
use crate::problem::short;

pub const SHARE_FORMAT: &str = "1";
/// What precedes the payload in the URL fragment.
pub const FRAGMENT_PREFIX: &str = "r=";

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a link could not be read. Every case has a message a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Not a link of this app at all: a web address without an assessment in it, or text whose
    /// first field is not a link format number (shortened for display).
    NotAssessmentLink(String),
    Truncated,
    Altered,
    UnknownFormat(String),
    OtherQuestionnaire(String),
    UnknownVersion(String),
    /// A number (the link format or the questionnaire version) not written as this app writes
    /// it: with a sign, leading zeros or spaces (shortened for display). Such a link is not one
    /// the app made, and would let the same answers in as a different link.
    NotCanonical(String),
}

impl ShareError {
    /// What went wrong, for people, in the catalogue's language.
    pub fn message(&self, m: &Messages) -> String {
        match self {
            ShareError::NotAssessmentLink(_) => m.link_not_assessment.to_owned(),
            ShareError::Truncated => m.link_truncated.to_owned(),
            ShareError::Altered => m.link_altered.to_owned(),
            ShareError::UnknownFormat(f) => fill(m.link_newer, &[("found", f)]),
            ShareError::OtherQuestionnaire(id) => fill(m.link_other_questionnaire, &[("id", id)]),
            ShareError::UnknownVersion(v) => fill(m.link_unknown_version, &[("found", v)]),
            ShareError::NotCanonical(_) => m.link_altered.to_owned(),
        }
    }

    /// Plain words for people: what happened and what to do, in the catalogue's language.
    pub fn plain(&self, m: &Messages) -> String {
        match self {
            ShareError::NotAssessmentLink(_) => m.plain_link_not_assessment,
            ShareError::Truncated => m.plain_link_truncated,
            ShareError::Altered | ShareError::NotCanonical(_) => m.plain_link_altered,
            ShareError::UnknownFormat(_) => m.plain_link_newer,
            ShareError::OtherQuestionnaire(_) => m.plain_link_other_questionnaire,
            ShareError::UnknownVersion(_) => m.plain_link_unknown_version,
        }
        .to_owned()
    }

    /// The technical detail behind the plain words, where there is more to say.
    pub fn detail(&self, m: &Messages) -> Option<String> {
        match self {
            ShareError::NotAssessmentLink(found) => {
                Some(fill(m.detail_not_assessment_link, &[("found", found)]))
            }
            ShareError::Truncated | ShareError::Altered => None,
            ShareError::UnknownFormat(f) => Some(fill(
                m.detail_link_format,
                &[("found", f), ("known", SHARE_FORMAT)],
            )),
            ShareError::OtherQuestionnaire(id) => {
                Some(fill(m.detail_questionnaire_id, &[("id", id)]))
            }
            ShareError::UnknownVersion(v) => {
                Some(fill(m.detail_questionnaire_version, &[("found", v)]))
            }
            ShareError::NotCanonical(found) => {
                Some(fill(m.detail_not_canonical, &[("found", found)]))
            }
        }
    }
}

display_in_english!(ShareError);

/// The answers a link carries, migrated to the current questionnaire version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub perspective: Option<Perspective>,
    pub answers: Answers,
    /// The questionnaire version the link was made with.
    pub made_with_version: u32,
}

fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn checksum(text: &str) -> String {
    let h = u64::from(fnv1a(text));
    (0..6)
        .rev()
        .map(|i| char::from(ALPHABET[((h >> (i * 6)) & 63) as usize]))
        .collect()
}

fn answer_bits(a: Option<Answer>) -> u8 {
    match a {
        None => 0,
        Some(Answer::Level(l)) => l.get(),
        Some(Answer::NotApplicable) => 6,
        Some(Answer::DontKnow) => 7,
    }
}

fn bits_answer(bits: u8) -> Option<Answer> {
    match bits {
        1..=5 => Level::new(bits).map(Answer::Level),
        6 => Some(Answer::NotApplicable),
        7 => Some(Answer::DontKnow),
        _ => None,
    }
}

/// The payload of a share link (what follows `#r=`).
pub fn encode_share(
    q: &Questionnaire,
    perspective: Option<Perspective>,
    answers: &Answers,
) -> String {
    let mut ids: Vec<&str> = q.item_ids().collect();
    crate::lean::sort(&mut ids);
    let codes: Vec<u8> = ids.iter().map(|id| answer_bits(answers.get(id))).collect();
    let packed: String = codes
        .chunks(2)
        .map(|pair| {
            let hi = pair[0];
            let lo = pair.get(1).copied().unwrap_or(0);
            char::from(ALPHABET[usize::from(hi * 8 + lo)])
        })
        .collect();
    let who = match perspective {
        Some(Perspective::BrandOwner) => "b",
        Some(Perspective::Distributor) => "d",
        None => "x",
    };
    let body = format!("{SHARE_FORMAT}.{}.{}.{who}.{packed}", q.id, q.version);
    let sum = checksum(&body);
    format!("{body}.{sum}")
}

/// Whether a number in a link is written as [`encode_share`] writes numbers: decimal digits,
/// no sign, no leading zero (`0` itself aside), nothing around them. Rust's `parse` also
/// takes `+1` and `01`, which would make one person's answers several different links.
fn canonical(number: &str) -> bool {
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && (number == "0" || !number.starts_with('0'))
}

/// A canonical number that fits in a `u32`.
fn number(text: &str) -> Option<u32> {
    canonical(text).then(|| text.parse().ok()).flatten()
}

/// The payload in a pasted share link: the whole link (`https://…/#r=<payload>`), its fragment
/// (`#r=<payload>` or `r=<payload>`) or the payload alone. A web address with no assessment
/// fragment, or another fragment, is [`ShareError::NotAssessmentLink`].
pub fn pasted_payload(text: &str) -> Result<&str, ShareError> {
    let text = text.trim();
    match text.split_once('#') {
        Some((_, fragment)) => fragment
            .strip_prefix(FRAGMENT_PREFIX)
            .ok_or_else(|| ShareError::NotAssessmentLink(short(text))),
        None if text.contains("://") => Err(ShareError::NotAssessmentLink(short(text))),
        None => Ok(text.strip_prefix(FRAGMENT_PREFIX).unwrap_or(text)),
    }
}

/// Reads a share link's payload. Every link the app makes reads back; a link written any other
/// way is refused, so one set of answers has exactly one link.
pub fn decode_share(payload: &str, q: &Questionnaire) -> Result<Shared, ShareError> {
    let parts: Vec<&str> = payload.split('.').collect();
    // The format first: a later format may be laid out (and checked) differently.
    if let Some(format) = parts.first().filter(|f| !f.is_empty()) {
        // Digits written oddly ("+1", "01") are a changed link; anything else is not a link
        // format at all.
        let numeric = |b: u8| b.is_ascii_digit() || b"+- ".contains(&b);
        if !format.bytes().all(numeric) {
            return Err(ShareError::NotAssessmentLink(short(payload)));
        }
        if !canonical(format) {
            return Err(ShareError::NotCanonical(short(format)));
        }
        if *format != SHARE_FORMAT {
            return Err(ShareError::UnknownFormat(short(format)));
        }
    }
    let [format, qid, version, who, packed, sum] = parts[..] else {
        return Err(if parts.len() < 6 {
            ShareError::Truncated
        } else {
            ShareError::Altered
        });
    };
    let expected_len = number(version)
        .and_then(|v| q.item_ids_at(v))
        .map(|ids| ids.len().div_ceil(2));
    let body = &payload[..payload.len() - sum.len() - 1];
    if sum.len() < 6 {
        return Err(ShareError::Truncated);
    }
    if checksum(body) != sum {
        return Err(match expected_len {
            Some(n) if packed.len() < n => ShareError::Truncated,
            _ => ShareError::Altered,
        });
    }
    if qid != q.id {
        return Err(ShareError::OtherQuestionnaire(short(qid)));
    }
    // The format was checked above unless it is empty.
    for number in [format, version] {
        if !canonical(number) {
            return Err(ShareError::NotCanonical(short(number)));
        }
    }
    let made_with_version: u32 = version
        .parse()
        .map_err(|_| ShareError::UnknownVersion(short(version)))?;
    let ids = q
        .item_ids_at(made_with_version)
        .ok_or_else(|| ShareError::UnknownVersion(short(version)))?;
    let perspective = match who {
        "b" => Some(Perspective::BrandOwner),
        "d" => Some(Perspective::Distributor),
        "x" => None,
        _ => return Err(ShareError::Altered),
    };
    if packed.len() != ids.len().div_ceil(2) {
        return Err(ShareError::Altered);
    }
    let mut answers = Answers::new();
    for (n, c) in packed.bytes().enumerate() {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or(ShareError::Altered)? as u8;
        for (k, bits) in [(2 * n, v >> 3), (2 * n + 1, v & 7)] {
            match ids.get(k) {
                Some(id) => {
                    if let Some(a) = bits_answer(bits) {
                        answers.set(id.clone(), a);
                    }
                }
                None if bits != 0 => return Err(ShareError::Altered),
                None => {}
            }
        }
    }
    let answers = q
        .migrate_answers(made_with_version, &answers)
        .ok_or_else(|| ShareError::UnknownVersion(short(version)))?;
    Ok(Shared {
        perspective,
        answers,
        made_with_version,
    })
}
