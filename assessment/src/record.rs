//! The stored record: how one assessment is kept in local storage. A versioned type of its own,
//! separate from the domain types, so that the domain can change without breaking what users saved.
//!
//! Schema 1, as JSON:
//!
//! ```json
//! {"schema": 1, "id": "…", "label": "", "questionnaire": {"id": "distributor-relationship", "version": 1},
//!  "perspective": "brand_owner", "answers": {"REL1": "3", "REL2": "na", "TRU1": "dk"},
//!  "page": "section:REL", "created": 1764000000000, "updated": 1764000000000, "completed": null}
//! ```
//!
//! `perspective` is `brand_owner`, `distributor` or null; an answer is `1`-`5`, `na` or `dk`;
//! `page` is `welcome`, `results` or `section:<section id>`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers, Perspective};
use crate::i18n::{display_in_english, fill, Messages};
use crate::id::{valid_id, MAX_ID_LEN};
use crate::model::{Questionnaire, Scope};
use crate::problem::{json_detail, short, Problem};
use crate::wizard::{Assessment, Step};

/// The newest record schema this code reads and the one it writes.
pub const RECORD_SCHEMA: u64 = 1;

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecordError {
    NotJson(String),
    NotARecord(Problem),
    /// Written by a newer version of the app: keep it untouched, it is not corrupt.
    NewerSchema {
        found: u64,
    },
    /// Made with a newer version of the questionnaire than this app ships: keep it untouched.
    NewerQuestionnaire {
        found: u32,
        known: u32,
    },
    OtherQuestionnaire(String),
    UnknownQuestionnaireVersion(u32),
    Invalid(Problem),
    /// The record's id is not a [`crate::valid_id`] (shortened for display): damaged.
    BadId(String),
    /// Stored under one id (the storage key's) but naming itself by another: damaged, since
    /// saving it would write to the other record's key.
    KeyMismatch {
        stored_under: String,
        own: String,
    },
}

display_in_english!(RecordError);

impl RecordError {
    /// What went wrong in one line, detail included, in the catalogue's language (the form that
    /// fits inside a sentence such as "A saved assessment could not be read (…)").
    pub fn message(&self, m: &Messages) -> String {
        match self {
            RecordError::NotJson(detail) => fill(m.record_not_json, &[("detail", detail)]),
            RecordError::NotARecord(p) => fill(m.record_not_record, &[("detail", &p.message(m))]),
            RecordError::NewerSchema { found } => fill(
                m.record_newer_schema,
                &[
                    ("found", &found.to_string()),
                    ("known", &RECORD_SCHEMA.to_string()),
                ],
            ),
            RecordError::NewerQuestionnaire { found, known } => fill(
                m.record_newer_questionnaire,
                &[("found", &found.to_string()), ("known", &known.to_string())],
            ),
            RecordError::OtherQuestionnaire(id) => {
                fill(m.record_other_questionnaire, &[("id", id)])
            }
            RecordError::UnknownQuestionnaireVersion(v) => {
                fill(m.record_unknown_version, &[("found", &v.to_string())])
            }
            RecordError::Invalid(p) => fill(m.record_invalid, &[("detail", &p.message(m))]),
            RecordError::BadId(id) => fill(m.record_invalid, &[("detail", &bad_id(m, id))]),
            RecordError::KeyMismatch { stored_under, own } => fill(
                m.record_invalid,
                &[("detail", &key_mismatch(m, stored_under, own))],
            ),
        }
    }

    /// Plain words for people: what happened and what to do, in the catalogue's language.
    pub fn plain(&self, m: &Messages) -> String {
        match self {
            RecordError::NotJson(_)
            | RecordError::Invalid(_)
            | RecordError::BadId(_)
            | RecordError::KeyMismatch { .. } => m.plain_record_damaged,
            RecordError::NotARecord(_) => m.plain_record_not_record,
            RecordError::NewerSchema { .. } | RecordError::NewerQuestionnaire { .. } => {
                m.plain_record_newer
            }
            RecordError::OtherQuestionnaire(_) => m.plain_record_other_questionnaire,
            RecordError::UnknownQuestionnaireVersion(_) => m.plain_record_unconvertible,
        }
        .to_owned()
    }

    /// The technical detail behind the plain words: where the record is damaged, or the
    /// versions and questionnaire found.
    pub fn detail(&self, m: &Messages) -> Option<String> {
        Some(match self {
            RecordError::NotJson(text) => json_detail(m, text),
            RecordError::NotARecord(p) | RecordError::Invalid(p) => p.detail(m),
            RecordError::NewerSchema { found } => fill(
                m.detail_record_format,
                &[
                    ("found", &found.to_string()),
                    ("known", &RECORD_SCHEMA.to_string()),
                ],
            ),
            RecordError::NewerQuestionnaire { found, known } => fill(
                m.detail_questionnaire_versions,
                &[("found", &found.to_string()), ("known", &known.to_string())],
            ),
            RecordError::OtherQuestionnaire(id) => fill(m.detail_questionnaire_id, &[("id", id)]),
            RecordError::UnknownQuestionnaireVersion(v) => {
                fill(m.detail_questionnaire_version, &[("found", &v.to_string())])
            }
            RecordError::BadId(id) => bad_id(m, id),
            RecordError::KeyMismatch { stored_under, own } => key_mismatch(m, stored_under, own),
        })
    }

    /// Whether the record should be left exactly as it is (it is valid, just not readable by this
    /// version of the app), rather than treated as corrupt.
    pub fn keep_untouched(&self) -> bool {
        matches!(
            self,
            RecordError::NewerSchema { .. }
                | RecordError::NewerQuestionnaire { .. }
                | RecordError::OtherQuestionnaire(_)
        )
    }
}

/// The detail of an id that is not a [`valid_id`], shared with workshops.
pub(crate) fn bad_id(m: &Messages, id: &str) -> String {
    fill(
        m.detail_bad_id,
        &[("id", id), ("max", &MAX_ID_LEN.to_string())],
    )
}

/// The detail of a record or workshop stored under another one's id, shared with workshops.
pub(crate) fn key_mismatch(m: &Messages, stored_under: &str, own: &str) -> String {
    fill(
        m.detail_key_mismatch,
        &[("stored_under", &short(stored_under)), ("own", &short(own))],
    )
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordV1 {
    schema: u64,
    id: String,
    #[serde(default)]
    label: String,
    questionnaire: QuestionnaireRefV1,
    perspective: Option<String>,
    answers: BTreeMap<String, String>,
    page: String,
    created: i64,
    updated: i64,
    #[serde(default)]
    completed: Option<i64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionnaireRefV1 {
    id: String,
    version: u32,
}

/// Encodes an assessment as a schema-1 record.
pub fn encode_record(a: &Assessment, q: &Questionnaire) -> String {
    serde_json::to_string(&to_record(a, q))
        .expect("a record of strings and numbers always serialises")
}

/// Encodes an assessment as a schema-1 record, as a JSON value (for export files).
pub fn encode_record_value(a: &Assessment, q: &Questionnaire) -> serde_json::Value {
    serde_json::to_value(to_record(a, q))
        .expect("a record of strings and numbers always serialises")
}

fn to_record(a: &Assessment, q: &Questionnaire) -> RecordV1 {
    let page = match a.step {
        Step::Welcome => "welcome".to_owned(),
        Step::Results => "results".to_owned(),
        Step::Section(s) => q
            .sections
            .get(s)
            .map_or_else(|| "welcome".to_owned(), |sec| format!("section:{}", sec.id)),
    };
    RecordV1 {
        schema: RECORD_SCHEMA,
        id: a.id.clone(),
        label: a.label.clone(),
        questionnaire: QuestionnaireRefV1 {
            id: a.questionnaire_id.clone(),
            version: a.questionnaire_version,
        },
        perspective: a.perspective.map(|p| p.code().to_owned()),
        answers: crate::lean::map_from(
            a.answers
                .iter()
                .map(|(k, v)| (k.to_owned(), v.code().to_owned())),
        ),
        page,
        created: a.created_ms,
        updated: a.updated_ms,
        completed: a.completed_ms,
    }
}

/// Decodes a stored record for questionnaire `q`.
///
/// The schema number is read before anything else, so that a record from a newer app is
/// reported as such (and kept) rather than as damaged.
pub fn decode_record(text: &str, q: &Questionnaire) -> Result<Assessment, RecordError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| RecordError::NotJson(e.to_string()))?;
    decode_record_value(value, q)
}

/// Decodes the record stored under the id `id_in_key` (the part of its storage key after the
/// prefix): as [`decode_record`], and a record whose own id is another one is damage
/// ([`RecordError::KeyMismatch`]), never quietly opened, since saving it would overwrite the
/// record it names. A record this version cannot read is reported as such first (and kept).
pub fn decode_record_at(
    text: &str,
    q: &Questionnaire,
    id_in_key: &str,
) -> Result<Assessment, RecordError> {
    let a = decode_record(text, q)?;
    if a.id != id_in_key {
        return Err(RecordError::KeyMismatch {
            stored_under: id_in_key.to_owned(),
            own: a.id,
        });
    }
    Ok(a)
}

/// The perspective and answers as stored formats write them (codes), checked: shared by records
/// and workshop participants.
pub(crate) fn decode_coded(
    perspective: Option<&str>,
    coded: &BTreeMap<String, String>,
) -> Result<(Option<Perspective>, Answers), Problem> {
    let perspective = match perspective {
        None => None,
        Some(code) => Some(
            Perspective::from_code(code)
                .ok_or_else(|| Problem::UnknownPerspective(code.to_owned()))?,
        ),
    };
    let mut answers = Answers::new();
    for (item, code) in coded {
        let answer = Answer::from_code(code).ok_or_else(|| Problem::BadAnswer {
            item: item.clone(),
            code: code.clone(),
        })?;
        answers.set(item.clone(), answer);
    }
    Ok((perspective, answers))
}

/// Decodes a record already parsed as JSON (one element of an export file, say). A record made
/// with an earlier questionnaire version is migrated to the current one.
pub fn decode_record_value(
    value: serde_json::Value,
    q: &Questionnaire,
) -> Result<Assessment, RecordError> {
    if !value.is_object() {
        return Err(RecordError::NotARecord(Problem::NotObject));
    }
    let schema = value
        .get("schema")
        .ok_or(RecordError::NotARecord(Problem::NoField("schema")))?
        .as_u64()
        .ok_or(RecordError::NotARecord(Problem::NotCount("schema")))?;
    if schema > RECORD_SCHEMA {
        return Err(RecordError::NewerSchema { found: schema });
    }
    if schema == 0 {
        return Err(RecordError::NotARecord(Problem::NotCount("schema")));
    }
    let record: RecordV1 = serde_json::from_value(value)
        .map_err(|e| RecordError::Invalid(Problem::Json(e.to_string())))?;
    if record.questionnaire.id != q.id {
        return Err(RecordError::OtherQuestionnaire(record.questionnaire.id));
    }
    if record.questionnaire.version > q.version {
        return Err(RecordError::NewerQuestionnaire {
            found: record.questionnaire.version,
            known: q.version,
        });
    }
    if record.id.is_empty() {
        return Err(RecordError::Invalid(Problem::NoId));
    }
    if !valid_id(&record.id) {
        return Err(RecordError::BadId(short(&record.id)));
    }
    let (perspective, answers) = decode_coded(record.perspective.as_deref(), &record.answers)
        .map_err(RecordError::Invalid)?;
    let answers = q
        .migrate_answers(record.questionnaire.version, &answers)
        .ok_or(RecordError::UnknownQuestionnaireVersion(
            record.questionnaire.version,
        ))?;
    let step = match record.page.as_str() {
        "welcome" => Step::Welcome,
        "results" => Step::Results,
        other => match other.strip_prefix("section:") {
            // A section that no longer exists: resume at the welcome page, answers kept.
            Some(id) => q.section_index(id).map_or(Step::Welcome, Step::Section),
            None => return Err(RecordError::Invalid(Problem::UnknownPage(other.to_owned()))),
        },
    };
    let version = record.questionnaire.version;
    let mut a = Assessment {
        id: record.id,
        label: record.label,
        questionnaire_id: record.questionnaire.id,
        questionnaire_version: q.version,
        perspective,
        answers,
        step,
        created_ms: record.created,
        updated_ms: record.updated,
        completed_ms: record.completed,
        upgraded_from: (version < q.version).then_some(version),
    };
    // Migrated: take the person to the first new question (unless they had not started).
    if a.step != Step::Welcome {
        if let Some(first) = a.new_questions(q, &Scope::all(q)).first() {
            a.step = Step::Section(first.section);
        }
    }
    Ok(a)
}
