//! The CSV export of one assessment: one row per item, for spreadsheets.
//!
//! UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding), every field
//! quoted, CRLF line ends, and formula injection prevented: a cell that begins with `=`, `+`,
//! `-`, `@`, a tab or a carriage return gets a leading apostrophe, so it is shown as text.

use crate::answers::Answer;
use crate::model::Questionnaire;
use crate::wizard::Assessment;

pub const BOM: &str = "\u{feff}";

pub const HEADER: [&str; 7] = [
    "Section",
    "Item",
    "Question",
    "Level",
    "Level name",
    "Weight",
    "Item score (%)",
];

/// One CSV field: quoted, quotes doubled, formula-like starts neutralised.
pub fn field(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut out = String::with_capacity(value.len() + 3);
    out.push('"');
    if risky {
        out.push('\'');
    }
    out.push_str(&value.replace('"', "\"\""));
    out.push('"');
    out
}

/// The whole file, in `locale` (falling back to the questionnaire's default).
pub fn export_csv(a: &Assessment, q: &Questionnaire, locale: &str) -> String {
    let fallback = q.default_locale.as_str();
    let mut out = String::from(BOM);
    let mut row = |cells: &[String]| {
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    row(&HEADER.map(str::to_owned));
    for section in &q.sections {
        for item in &section.items {
            let (level, name, score) = match a.answers.get(&item.id) {
                Some(Answer::Level(l)) => {
                    let n = usize::from(l.get() - 1);
                    // (level - 1) / 4 as a percentage: 0, 25, 50, 75 or 100.
                    (
                        l.get().to_string(),
                        q.level_names[n].get(locale, fallback).to_owned(),
                        (n * 25).to_string(),
                    )
                }
                Some(Answer::NotApplicable) => {
                    (String::new(), "Not applicable".to_owned(), String::new())
                }
                Some(Answer::DontKnow) => (String::new(), "Don't know".to_owned(), String::new()),
                None => (String::new(), "Unanswered".to_owned(), String::new()),
            };
            row(&[
                section.title.get(locale, fallback).to_owned(),
                item.id.clone(),
                item.question.get(locale, fallback).to_owned(),
                level,
                name,
                item.weight.to_string(),
                score,
            ]);
        }
    }
    out
}
