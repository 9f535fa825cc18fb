//! The stored workshop: a versioned type of its own (schema 1), separate from [`Workshop`], with
//! typed errors. Participants' answers are stored as codes and migrated on reading like records.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Participant, Workshop};
use crate::i18n::{display_in_english, fill, Messages};
use crate::id::valid_id;
use crate::model::Questionnaire;
use crate::problem::{short, Problem};
use crate::record::{bad_id, key_mismatch};

/// The newest workshop record schema this code reads and writes.
pub const WORKSHOP_SCHEMA: u64 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkshopV1 {
    schema: u64,
    id: String,
    name: String,
    date: String,
    questionnaire: QRef,
    created: i64,
    updated: i64,
    participants: Vec<ParticipantV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QRef {
    id: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParticipantV1 {
    key: String,
    #[serde(default)]
    label: String,
    perspective: Option<String>,
    answers: BTreeMap<String, String>,
}

/// Why a stored workshop could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkshopError {
    Invalid(Problem),
    Newer,
    OtherQuestionnaire(String),
    /// The workshop's id is not a [`crate::valid_id`] (shortened for display): damaged.
    BadId(String),
    /// Stored under one id (the storage key's) but naming itself by another: damaged.
    KeyMismatch {
        stored_under: String,
        own: String,
    },
}

impl WorkshopError {
    /// What went wrong in one line, detail included, in the catalogue's language.
    pub fn message(&self, m: &Messages) -> String {
        match self {
            WorkshopError::Invalid(p) => fill(m.workshop_invalid, &[("detail", &p.message(m))]),
            WorkshopError::Newer => m.workshop_newer.to_owned(),
            WorkshopError::OtherQuestionnaire(id) => {
                fill(m.workshop_other_questionnaire, &[("id", id)])
            }
            WorkshopError::BadId(id) => fill(m.workshop_invalid, &[("detail", &bad_id(m, id))]),
            WorkshopError::KeyMismatch { stored_under, own } => fill(
                m.workshop_invalid,
                &[("detail", &key_mismatch(m, stored_under, own))],
            ),
        }
    }

    /// Plain words for people: what happened and what to do, in the catalogue's language.
    pub fn plain(&self, m: &Messages) -> String {
        match self {
            WorkshopError::Invalid(_)
            | WorkshopError::BadId(_)
            | WorkshopError::KeyMismatch { .. } => m.plain_workshop_damaged,
            WorkshopError::Newer => m.plain_workshop_newer,
            WorkshopError::OtherQuestionnaire(_) => m.plain_workshop_other_questionnaire,
        }
        .to_owned()
    }

    /// The technical detail behind the plain words, where there is more to say.
    pub fn detail(&self, m: &Messages) -> Option<String> {
        match self {
            WorkshopError::Invalid(p) => Some(p.detail(m)),
            WorkshopError::Newer => None,
            WorkshopError::OtherQuestionnaire(id) => {
                Some(fill(m.detail_questionnaire_id, &[("id", id)]))
            }
            WorkshopError::BadId(id) => Some(bad_id(m, id)),
            WorkshopError::KeyMismatch { stored_under, own } => {
                Some(key_mismatch(m, stored_under, own))
            }
        }
    }
}

display_in_english!(WorkshopError);

pub fn encode_workshop(w: &Workshop, q: &Questionnaire) -> String {
    let record = WorkshopV1 {
        schema: WORKSHOP_SCHEMA,
        id: w.id.clone(),
        name: w.name.clone(),
        date: w.date.clone(),
        questionnaire: QRef {
            id: q.id.clone(),
            version: q.version,
        },
        created: w.created_ms,
        updated: w.updated_ms,
        participants: w
            .participants
            .iter()
            .map(|p| ParticipantV1 {
                key: p.key.clone(),
                label: p.label.clone(),
                perspective: p.perspective.map(|x| x.code().to_owned()),
                answers: crate::lean::map_from(
                    p.answers
                        .iter()
                        .map(|(k, v)| (k.to_owned(), v.code().to_owned())),
                ),
            })
            .collect(),
    };
    serde_json::to_string(&record).expect("a workshop of strings and numbers always serialises")
}

pub fn decode_workshop(text: &str, q: &Questionnaire) -> Result<Workshop, WorkshopError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| WorkshopError::Invalid(Problem::Json(e.to_string())))?;
    match value.get("schema").and_then(serde_json::Value::as_u64) {
        Some(s) if s > WORKSHOP_SCHEMA => return Err(WorkshopError::Newer),
        Some(1) => {}
        _ => return Err(WorkshopError::Invalid(Problem::NotCount("schema"))),
    }
    let w: WorkshopV1 = serde_json::from_value(value)
        .map_err(|e| WorkshopError::Invalid(Problem::Json(e.to_string())))?;
    if w.questionnaire.id != q.id {
        return Err(WorkshopError::OtherQuestionnaire(w.questionnaire.id));
    }
    if w.questionnaire.version > q.version {
        return Err(WorkshopError::Newer);
    }
    // The id goes into URLs and element ids. Participants' keys are only compared (the screens
    // number participants), and a link's key holds its whole payload, so they are not limited.
    if !valid_id(&w.id) {
        return Err(WorkshopError::BadId(short(&w.id)));
    }
    let mut participants = Vec::with_capacity(w.participants.len());
    for p in w.participants {
        let (perspective, answers) =
            crate::record::decode_coded(p.perspective.as_deref(), &p.answers)
                .map_err(WorkshopError::Invalid)?;
        let answers =
            q.migrate_answers(w.questionnaire.version, &answers)
                .ok_or(WorkshopError::Invalid(Problem::UnconvertibleVersion(
                    w.questionnaire.version,
                )))?;
        participants.push(Participant {
            key: p.key,
            label: p.label,
            perspective,
            answers,
        });
    }
    Ok(Workshop {
        id: w.id,
        name: w.name,
        date: w.date,
        created_ms: w.created,
        updated_ms: w.updated,
        participants,
    })
}

/// Decodes the workshop stored under the id `id_in_key`: as [`decode_workshop`], and one whose
/// own id is another one is damage ([`WorkshopError::KeyMismatch`]).
pub fn decode_workshop_at(
    text: &str,
    q: &Questionnaire,
    id_in_key: &str,
) -> Result<Workshop, WorkshopError> {
    let w = decode_workshop(text, q)?;
    if w.id != id_in_key {
        return Err(WorkshopError::KeyMismatch {
            stored_under: id_in_key.to_owned(),
            own: w.id,
        });
    }
    Ok(w)
}
