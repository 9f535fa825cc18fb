//! The presentation layer: plain view-models the screens lay out -- "percent or dash", a score
//! line, a name or "Untitled", file names, a range. Built from domain values and a catalogue,
//! with no browser in sight, so they are tested natively; each is written once here.

use assessment::i18n::{fill, Messages};
use assessment::Perspective;

/// What a table shows for "no value".
pub const DASH: &str = "\u{2013}";

/// A whole percentage in the catalogue's format, or a dash.
pub fn percent_or_dash(m: &Messages, p: Option<u32>) -> String {
    p.map_or_else(|| DASH.to_owned(), |p| m.percent(p))
}

/// A level mean in tenths ("3.4", "3,4"), or a dash.
pub fn tenths_or_dash(m: &Messages, t: Option<u32>) -> String {
    t.map_or_else(|| DASH.to_owned(), |t| m.tenths(t))
}

/// "1–5", or a dash when there is no answer.
pub fn range_or_dash(min: Option<u8>, max: Option<u8>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a}{DASH}{b}"),
        _ => DASH.to_owned(),
    }
}

/// The name someone gave an assessment, or "Untitled assessment".
pub fn label_or_untitled(label: &str, m: &Messages) -> String {
    if label.trim().is_empty() {
        m.untitled_assessment.to_owned()
    } else {
        label.to_owned()
    }
}

/// Text someone typed (a name, a file name), isolated inside a sentence so that right-to-left
/// or override characters in it cannot reorder the words around it: first-strong isolate ...
/// pop directional isolate, the plain-text form of `<bdi>`.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// An overall result on one line: `template` (`overall_line` or `group_overall_line`) filled
/// with the percentage and band, and " (at risk)" when the trust gate flags it.
pub fn score_line(m: &Messages, template: &str, percent: u32, band: &str, at_risk: bool) -> String {
    let mut line = fill(
        template,
        &[("percent", &m.percent(percent)), ("band", band)],
    );
    if at_risk {
        line.push_str(m.at_risk_suffix);
    }
    line
}

/// A name made safe for a file name: letters and digits, the rest one dash; at most 40 letters.
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(40).collect()
}

/// A CSS string literal of `text` (quotes and backslashes escaped, control characters as spaces),
/// for a custom property that a style sheet puts in `content`.
pub fn css_string(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '"' => "\\\"".to_owned(),
            '\\' => "\\\\".to_owned(),
            c if c.is_control() => " ".to_owned(),
            c => c.to_string(),
        })
        .collect();
    format!("\"{escaped}\"")
}

/// What a downloaded file holds; each kind has its name's stem and extension here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// One assessment, as an export file.
    Assessment,
    /// One assessment, as CSV.
    AssessmentCsv,
    /// Every assessment saved here.
    AllAssessments,
    /// An assessment whose changes could not be saved, downloaded so as not to lose it.
    Unsaved,
    /// The stored text of a record or workshop this version cannot read.
    Unreadable,
    /// Earlier versions that undoing a failed import could not put back.
    NotRestored,
    /// A workshop's summary.
    WorkshopCsv,
}

/// A download's file name. An assessment's (JSON, CSV, or kept because it could not be saved)
/// carries its name (slugged; "distributor-assessment" when it has none), its side and the day
/// it was started, so that a facilitator receiving eight can tell them apart:
/// `acme-q4-distributor-2026-12-01.json`. Other files: the kind's stem, the slug of `label` when
/// there is one, and the day (`YYYY-MM-DD`).
pub fn file_name(kind: FileKind, label: &str, side: Option<Perspective>, day: &str) -> String {
    let (stem, ext) = match kind {
        FileKind::Assessment | FileKind::Unsaved => ("distributor-assessment", "json"),
        FileKind::AssessmentCsv => ("distributor-assessment", "csv"),
        FileKind::AllAssessments => ("distributor-assessments", "json"),
        FileKind::Unreadable => ("distributor-assessment-unreadable", "txt"),
        FileKind::NotRestored => ("distributor-assessments-not-restored", "json"),
        FileKind::WorkshopCsv => ("workshop", "csv"),
    };
    let slug = slug(label);
    let mut parts: Vec<String> = Vec::new();
    match kind {
        FileKind::Assessment | FileKind::AssessmentCsv | FileKind::Unsaved => {
            parts.push(if slug.is_empty() {
                stem.to_owned()
            } else {
                slug
            });
            parts.extend(side.map(|p| p.code().replace('_', "-")));
            if kind == FileKind::Unsaved {
                parts.push("unsaved".to_owned());
            }
        }
        _ => {
            parts.push(stem.to_owned());
            if !slug.is_empty() {
                parts.push(slug);
            }
        }
    }
    parts.push(day.to_owned());
    format!("{}.{ext}", parts.join("-"))
}

/// The MIME type a download of this kind is offered with.
pub fn mime(kind: FileKind) -> &'static str {
    match kind {
        FileKind::AssessmentCsv | FileKind::WorkshopCsv => "text/csv;charset=utf-8",
        FileKind::Unreadable => "text/plain;charset=utf-8",
        _ => "application/json",
    }
}

#[cfg(test)]
mod tests {
    use assessment::i18n::Locale;

    use super::*;

    #[test]
    fn values_or_a_dash_in_each_language() {
        let (en, de) = (Locale::En.messages(), Locale::De.messages());
        assert_eq!(percent_or_dash(en, Some(61)), en.percent(61));
        assert_ne!(percent_or_dash(en, Some(61)), DASH);
        assert_eq!(percent_or_dash(de, None), DASH);
        assert_eq!(tenths_or_dash(en, Some(34)), "3.4");
        assert_eq!(tenths_or_dash(de, Some(34)), "3,4");
        assert_eq!(tenths_or_dash(en, None), DASH);
        assert_eq!(range_or_dash(Some(1), Some(5)), "1\u{2013}5");
        assert_eq!(range_or_dash(None, Some(5)), DASH);
    }

    #[test]
    fn typed_text_is_isolated() {
        let hostile = "\u{202e}evil";
        assert_eq!(isolate(hostile), "\u{2068}\u{202e}evil\u{2069}");
    }

    #[test]
    fn a_name_or_untitled() {
        let m = Locale::Fr.messages();
        assert_eq!(label_or_untitled("  ", m), m.untitled_assessment);
        assert_eq!(label_or_untitled("Acme", m), "Acme");
    }

    #[test]
    fn a_score_line_says_at_risk_only_when_flagged() {
        let m = Locale::En.messages();
        let line = score_line(m, m.overall_line, 50, "Developing", false);
        assert_eq!(line, format!("Overall {} Developing", m.percent(50)));
        let risky = score_line(m, m.group_overall_line, 50, "Developing", true);
        assert!(risky.starts_with("Group overall") && risky.ends_with(m.at_risk_suffix));
    }

    #[test]
    fn css_strings_are_quoted_and_escaped() {
        assert_eq!(css_string("Seite 1"), "\"Seite 1\"");
        assert_eq!(css_string("a\"b\\c\nd"), "\"a\\\"b\\\\c d\"");
    }

    #[test]
    fn file_names_are_safe_and_tell_files_apart() {
        assert_eq!(
            slug("Acme Distribution \u{2013} Germany"),
            "acme-distribution-germany"
        );
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug(""), "");
        use Perspective::{BrandOwner, Distributor};
        assert_eq!(
            file_name(
                FileKind::Assessment,
                "Acme Q4",
                Some(Distributor),
                "2026-12-01"
            ),
            "acme-q4-distributor-2026-12-01.json"
        );
        assert_eq!(
            file_name(
                FileKind::AssessmentCsv,
                "Acme Q4",
                Some(BrandOwner),
                "2026-12-01"
            ),
            "acme-q4-brand-owner-2026-12-01.csv"
        );
        assert_eq!(
            file_name(FileKind::Assessment, "", Some(BrandOwner), "2026-12-01"),
            "distributor-assessment-brand-owner-2026-12-01.json"
        );
        assert_eq!(
            file_name(FileKind::Assessment, "", None, "2026-12-01"),
            "distributor-assessment-2026-12-01.json"
        );
        assert_eq!(
            file_name(FileKind::Unsaved, "Acme", Some(Distributor), "2026-12-01"),
            "acme-distributor-unsaved-2026-12-01.json"
        );
        assert_eq!(
            file_name(FileKind::WorkshopCsv, "Kick-off", None, "2026-12-02"),
            "workshop-kick-off-2026-12-02.csv"
        );
        assert_eq!(mime(FileKind::Unreadable), "text/plain;charset=utf-8");
    }
}
