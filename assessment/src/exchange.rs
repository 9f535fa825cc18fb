//! Export and import files: one or many assessments as JSON, in a versioned envelope.
//!
//! ```json
//! {"format": "distributor-assessment-export", "version": 1, "exported": 1764000000000,
//!  "records": [ <stored record, schema 1>, ... ]}
//! ```
//!
//! A file holding a single stored record (an object with a `schema` field) is accepted too.
//! Limits: a file over [`MAX_IMPORT_BYTES`] is refused before it is read (the app checks the
//! size first; [`import_json`] checks again), and one with more than [`MAX_IMPORT_RECORDS`]
//! records is refused while it is parsed.

use serde_json::{json, Value};

use crate::i18n::{display_in_english, fill, Messages};
use crate::model::Questionnaire;
use crate::problem::{json_detail, Problem};
use crate::record::{decode_record_value, encode_record_value, RecordError};
use crate::wizard::Assessment;

pub const EXPORT_FORMAT: &str = "distributor-assessment-export";
pub const EXPORT_VERSION: u64 = 1;
/// 5 MB.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;
pub const MAX_IMPORT_RECORDS: usize = 1000;

/// Why a whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: u64 },
    NotJson(String),
    NotAnExport(Problem),
    NewerFormat { found: u64 },
    TooManyRecords { found: usize },
}

impl ImportError {
    /// What went wrong in one line, detail included, in the catalogue's language (the form that
    /// fits inside a sentence such as "Nothing was imported: …").
    pub fn message(&self, m: &Messages) -> String {
        match self {
            ImportError::TooLarge { bytes } => fill(
                m.import_too_large,
                &[("size", &m.file_size(*bytes)), ("max", &limit(m))],
            ),
            ImportError::NotJson(detail) => fill(m.import_not_json, &[("detail", detail)]),
            ImportError::NotAnExport(p) => fill(m.import_not_export, &[("detail", &p.message(m))]),
            ImportError::NewerFormat { found } => {
                fill(m.import_newer, &[("found", &found.to_string())])
            }
            ImportError::TooManyRecords { found } => fill(
                m.import_too_many,
                &[
                    ("found", &m.int(*found as u64)),
                    ("max", &m.int(MAX_IMPORT_RECORDS as u64)),
                ],
            ),
        }
    }

    /// Plain words for people: what happened and what to do, in the catalogue's language.
    pub fn plain(&self, m: &Messages) -> String {
        match self {
            ImportError::TooLarge { bytes } => fill(
                m.plain_import_too_large,
                &[("size", &m.file_size(*bytes)), ("max", &limit(m))],
            ),
            ImportError::NotJson(_) => m.plain_import_damaged.to_owned(),
            ImportError::NotAnExport(_) => m.plain_import_not_export.to_owned(),
            ImportError::NewerFormat { .. } => m.plain_import_newer.to_owned(),
            ImportError::TooManyRecords { found } => fill(
                m.plain_import_too_many,
                &[
                    ("found", &m.int(*found as u64)),
                    ("max", &m.int(MAX_IMPORT_RECORDS as u64)),
                ],
            ),
        }
    }

    /// The technical detail behind the plain words, where there is more to say: the exact size,
    /// where the file is damaged, or the format found.
    pub fn detail(&self, m: &Messages) -> Option<String> {
        match self {
            ImportError::TooLarge { bytes } => Some(fill(
                m.detail_import_size,
                &[("bytes", &m.int(*bytes)), ("max", &m.int(MAX_IMPORT_BYTES))],
            )),
            ImportError::NotJson(text) => Some(json_detail(m, text)),
            ImportError::NotAnExport(p) => Some(p.detail(m)),
            ImportError::NewerFormat { found } => Some(fill(
                m.detail_export_format,
                &[
                    ("found", &found.to_string()),
                    ("known", &EXPORT_VERSION.to_string()),
                ],
            )),
            ImportError::TooManyRecords { .. } => None,
        }
    }
}

display_in_english!(ImportError);

/// The size limit as people read it: "5 MB".
fn limit(m: &Messages) -> String {
    fill(m.size_mb, &[("n", &m.int(MAX_IMPORT_BYTES >> 20))])
}

/// What a readable file held: the records that decoded, and why each other one did not.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub records: Vec<Assessment>,
    /// (position in the file, counting from 1; the reason)
    pub rejected: Vec<(usize, RecordError)>,
}

/// An export file of these assessments.
pub fn export_json(assessments: &[&Assessment], q: &Questionnaire, now_ms: i64) -> String {
    export_with_raw(assessments, &[], q, now_ms)
}

/// An export file of these assessments and of stored records this version cannot read
/// (`raw`, their stored text): those that are JSON objects go into the file exactly as they are,
/// so a newer version of the app can import them. Nothing readable is left behind.
pub fn export_with_raw(
    assessments: &[&Assessment],
    raw: &[&str],
    q: &Questionnaire,
    now_ms: i64,
) -> String {
    let mut records: Vec<Value> = assessments
        .iter()
        .map(|a| encode_record_value(a, q))
        .collect();
    records.extend(
        raw.iter()
            .filter_map(|text| serde_json::from_str::<Value>(text).ok())
            .filter(Value::is_object),
    );
    let doc = json!({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": now_ms,
        "records": records,
    });
    serde_json::to_string_pretty(&doc).expect("JSON values always serialise")
}

/// Reads an export file (or a single stored record).
pub fn import_json(text: &str, q: &Questionnaire) -> Result<ImportReport, ImportError> {
    let bytes = text.len() as u64;
    if bytes > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes });
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let records = match value {
        Value::Object(ref obj) if obj.contains_key("schema") => vec![value],
        Value::Object(mut obj) => {
            match obj.get("format").and_then(Value::as_str) {
                Some(EXPORT_FORMAT) => {}
                Some(other) => {
                    return Err(ImportError::NotAnExport(Problem::FormatIs(
                        other.to_owned(),
                    )))
                }
                None => return Err(ImportError::NotAnExport(Problem::NoField("format"))),
            }
            match obj.get("version").and_then(Value::as_u64) {
                Some(v) if v > EXPORT_VERSION => return Err(ImportError::NewerFormat { found: v }),
                Some(v) if v >= 1 => {}
                _ => return Err(ImportError::NotAnExport(Problem::NotCount("version"))),
            }
            match obj.remove("records") {
                Some(Value::Array(list)) => list,
                _ => return Err(ImportError::NotAnExport(Problem::NoList("records"))),
            }
        }
        _ => return Err(ImportError::NotAnExport(Problem::NotObject)),
    };
    if records.len() > MAX_IMPORT_RECORDS {
        return Err(ImportError::TooManyRecords {
            found: records.len(),
        });
    }
    let mut report = ImportReport {
        records: Vec::new(),
        rejected: Vec::new(),
    };
    for (i, value) in records.into_iter().enumerate() {
        match decode_record_value(value, q) {
            Ok(a) => report.records.push(a),
            Err(e) => report.rejected.push((i + 1, e)),
        }
    }
    Ok(report)
}
