//! The CSV export of one assessment: one row per item, for spreadsheets.
//!
//! UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding), every field
//! quoted, CRLF line ends, and formula injection prevented: a cell that begins with `=`, `+`,
//! `-`, `@`, a tab or a carriage return gets a leading apostrophe, so it is shown as text.
//!
//! A CSV is read by people: its words (section titles, questions, level names, the answers
//! "Not applicable", "Don't know" and "Unanswered", actions) are in the language it is exported
//! in. What a script reads stays the same in every language: the column names (English), the
//! item ids, and the numbers (with `.` for decimals).

use crate::answers::Answer;
use crate::i18n::Locale;
use crate::model::{Questionnaire, Scope};
use crate::scoring::score;
use crate::wizard::Assessment;

pub const BOM: &str = "\u{feff}";

pub const HEADER: [&str; 8] = [
    "Section",
    "Item",
    "Question",
    "Level",
    "Level name",
    "Weight",
    "Item score (%)",
    "Actions",
];

/// One CSV field: quoted, quotes doubled, formula-like starts neutralised.
pub fn field(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 3);
    push_field(&mut out, value);
    out
}

/// Appends one field, as [`field`] writes it.
fn push_field(out: &mut String, value: &str) {
    out.push('"');
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    let mut parts = value.split('"');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        out.push_str("\"\"");
        out.push_str(part);
    }
    out.push('"');
}

/// Appends one row: its fields separated by commas, then CRLF.
fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, cell.as_ref());
    }
    out.push_str("\r\n");
}

/// The whole file, in `locale` (falling back to the questionnaire's default for the content's
/// texts, and to English for the answer words of a language the app does not ship).
pub fn export_csv(a: &Assessment, q: &Questionnaire, locale: &str) -> String {
    let fallback = q.default_locale.as_str();
    let m = Locale::from_tag(locale).unwrap_or_default().messages();
    let mut out = String::from(BOM);
    let mut row = |cells: &[String]| push_row(&mut out, cells);
    row(&HEADER.map(str::to_owned));
    // The items asked of the respondent's side, each with the actions it triggered; a
    // section's band actions in a row of their own after its items.
    let scope = a.asked(&Scope::all(q));
    let report = score(q, &a.answers, &scope);
    let steps = |s: usize, item: Option<usize>| -> String {
        let section = &q.sections[s];
        report
            .actions
            .iter()
            .filter(|t| t.section == s)
            .map(|t| &section.actions[t.action])
            .filter(|act| act.item() == item)
            .map(|act| {
                format!(
                    "{} ({} d)",
                    act.step.get(locale, fallback),
                    act.horizon_days
                )
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for s in scope.sections() {
        let section = &q.sections[s];
        for (i, item) in scope.items(q, s) {
            let (level, name, score) = match item.effective(a.answers.get(&item.id)) {
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
                    (String::new(), m.not_applicable.to_owned(), String::new())
                }
                Some(Answer::DontKnow) => (String::new(), m.dont_know.to_owned(), String::new()),
                None => (String::new(), m.unanswered.to_owned(), String::new()),
            };
            row(&[
                section.title.get(locale, fallback).to_owned(),
                item.id.clone(),
                item.question.get(locale, fallback).to_owned(),
                level,
                name,
                item.weight.to_string(),
                score,
                steps(s, Some(i)),
            ]);
        }
        let band_steps = steps(s, None);
        if !band_steps.is_empty() {
            let mut cells = vec![String::new(); HEADER.len()];
            cells[0] = section.title.get(locale, fallback).to_owned();
            cells[7] = band_steps;
            row(&cells);
        }
    }
    out
}

/// The workshop summary: one row per section (scores in %), then one row per item (levels),
/// with each side's mean where that side is shown. Section titles and questions are in
/// `locale`; the column names, the "Section score (%)" marker and the yes/no flags stay English.
pub fn workshop_csv(
    report: &crate::workshop::WorkshopReport,
    q: &Questionnaire,
    locale: &str,
) -> String {
    let fallback = q.default_locale.as_str();
    let tenths = |t: Option<u32>| t.map_or(String::new(), |t| format!("{}.{}", t / 10, t % 10));
    let halves = |h: Option<u32>| {
        h.map_or(String::new(), |h| {
            if h % 2 == 0 {
                (h / 2).to_string()
            } else {
                format!("{}.5", h / 2)
            }
        })
    };
    let num = |n: Option<u32>| n.map_or(String::new(), |n| n.to_string());
    let mut out = String::from(BOM);
    let mut row = |cells: Vec<String>| push_row(&mut out, &cells);
    row([
        "Section",
        "Item",
        "Question",
        "Respondents",
        "Mean",
        "Median",
        "Minimum",
        "Maximum",
        "Level 1",
        "Level 2",
        "Level 3",
        "Level 4",
        "Level 5",
        "Not applicable",
        "Don't know",
        "Brand owner mean",
        "Distributor mean",
        "Divided",
        "Perception gap",
    ]
    .map(str::to_owned)
    .to_vec());
    let side_section = |g: &Option<crate::workshop::Group>, s: usize| {
        num(g.as_ref().and_then(|g| g.section(s)).and_then(|x| x.mean))
    };
    for s in &report.all.sections {
        let gap = report.section_gaps.iter().any(|g| g.section == s.section);
        row(vec![
            q.sections[s.section].title.get(locale, fallback).to_owned(),
            String::new(),
            "Section score (%)".to_owned(),
            s.scored.to_string(),
            num(s.mean),
            num(s.median),
            num(s.min),
            num(s.max),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            s.not_applicable.to_string(),
            s.dont_know.to_string(),
            side_section(&report.brand_owner, s.section),
            side_section(&report.distributor, s.section),
            String::new(),
            if gap { "yes" } else { "no" }.to_owned(),
        ]);
    }
    let side_item = |g: &Option<crate::workshop::Group>, k: usize| {
        tenths(g.as_ref().and_then(|g| g.items[k].mean_tenths()))
    };
    for (k, i) in report.all.items.iter().enumerate() {
        let section = &q.sections[i.item.section];
        let item = &section.items[i.item.item];
        let mut cells = vec![
            section.title.get(locale, fallback).to_owned(),
            item.id.clone(),
            item.question.get(locale, fallback).to_owned(),
            i.respondents.to_string(),
            tenths(i.mean_tenths()),
            halves(i.median_halves()),
            i.min().map_or(String::new(), |v| v.to_string()),
            i.max().map_or(String::new(), |v| v.to_string()),
        ];
        cells.extend(i.counts.iter().map(ToString::to_string));
        cells.extend([
            i.not_applicable.to_string(),
            i.dont_know.to_string(),
            side_item(&report.brand_owner, k),
            side_item(&report.distributor, k),
            if report.divided.contains(&k) {
                "yes"
            } else {
                "no"
            }
            .to_owned(),
            if report.item_gaps.iter().any(|g| g.item == i.item) {
                "yes"
            } else {
                "no"
            }
            .to_owned(),
        ]);
        row(cells);
    }
    out
}
