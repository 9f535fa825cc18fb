//! What exactly is wrong inside a damaged file, record or workshop: the detail of an import,
//! record or workshop error, worded from the message catalogue.

use crate::i18n::{fill, Messages};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Problem {
    /// The JSON parser's own description (technical, in English: it names a line and column).
    Json(String),
    NotObject,
    /// A required field is absent.
    NoField(&'static str),
    /// A required list is absent or not a list.
    NoList(&'static str),
    /// A field that must be a whole number from 1 up is missing, not a number, or 0.
    NotCount(&'static str),
    /// The export's `format` names something else.
    FormatIs(String),
    NoId,
    UnknownPerspective(String),
    UnknownPage(String),
    BadAnswer {
        item: String,
        code: String,
    },
    /// Answers from a questionnaire version no migration leads from.
    UnconvertibleVersion(u32),
}

impl Problem {
    pub fn message(&self, m: &Messages) -> String {
        match self {
            Problem::Json(detail) => detail.clone(),
            Problem::NotObject => m.problem_not_object.to_owned(),
            Problem::NoField(field) => fill(m.problem_no_field, &[("field", field)]),
            Problem::NoList(field) => fill(m.problem_no_list, &[("field", field)]),
            Problem::NotCount(field) => fill(m.problem_not_count, &[("field", field)]),
            Problem::FormatIs(found) => fill(m.problem_format_is, &[("found", found)]),
            Problem::NoId => m.problem_no_id.to_owned(),
            Problem::UnknownPerspective(code) => fill(m.problem_perspective, &[("code", code)]),
            Problem::UnknownPage(page) => fill(m.problem_page, &[("page", page)]),
            Problem::BadAnswer { item, code } => {
                fill(m.problem_answer, &[("item", item), ("code", code)])
            }
            Problem::UnconvertibleVersion(v) => {
                fill(m.problem_version, &[("found", &v.to_string())])
            }
        }
    }

    /// The same, as the technical detail beneath plain words: the parser's position is worded in
    /// the catalogue's language.
    pub fn detail(&self, m: &Messages) -> String {
        match self {
            Problem::Json(text) => json_detail(m, text),
            other => other.message(m),
        }
    }
}

/// The JSON parser's description of an error ("EOF while parsing a value at line 1 column 11")
/// with its position worded from the catalogue ("line 1, column 11: EOF while parsing a value").
/// A description without a position is given as it is.
pub(crate) fn json_detail(m: &Messages, text: &str) -> String {
    let located = text.rsplit_once(" at line ").and_then(|(error, at)| {
        let (line, column) = at.split_once(" column ")?;
        Some((
            error,
            line.parse::<u64>().ok()?,
            column.parse::<u64>().ok()?,
        ))
    });
    match located {
        Some((error, line, column)) => fill(
            m.detail_json,
            &[
                ("line", &m.int(line)),
                ("column", &m.int(column)),
                ("error", error),
            ],
        ),
        None => text.to_owned(),
    }
}

/// At most 40 characters of untrusted text, for messages.
pub(crate) fn short(s: &str) -> String {
    s.chars().take(40).collect()
}
