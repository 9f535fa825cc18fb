//! The one file-import pipeline, used by My assessments and by workshops: read the files (all at
//! once), refuse the ones over the size limit, decode each as an export file, and report -- in
//! typed lines worded when shown, so a report survives a change of language or screen.

use assessment::exchange::{import_json, ImportError, MAX_IMPORT_BYTES};
use assessment::i18n::{fill, Messages};
use assessment::share::ShareError;
use assessment::workshop::Participant;
use assessment::{Assessment, RecordError};

use crate::present::{isolate, label_or_untitled};
use crate::storage::StoreError;

/// Where something imported came from: a file (by name) or a line of pasted links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(String),
    Link(usize),
}

impl Source {
    pub fn describe(&self, m: &Messages) -> String {
        match self {
            Source::File(name) => isolate(name),
            Source::Link(n) => fill(m.link_on_line, &[("n", &m.int(*n as u64))]),
        }
    }
}

/// Why a whole file or link was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The browser could not read the file.
    Unreadable,
    File(ImportError),
    Link(ShareError),
}

/// One line of an import's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Imported into My assessments.
    Imported(usize),
    /// Added to a workshop.
    Added(usize),
    /// Nothing was imported (all refused, skipped or already there).
    Nothing,
    /// Nothing was added to the workshop.
    NoneAdded,
    /// Storage is full: the batch of this many was not written.
    Full(usize),
    /// Storage failed otherwise: nothing was written.
    Failed(StoreError),
    /// This many records whose id exists here were skipped, as asked.
    Skipped(usize),
    /// This many participants were not added: they are in the workshop already, or look like
    /// someone who is.
    DuplicatesSkipped(usize),
    Refused(Source, Refusal),
    /// The `n`th record of a file was refused.
    RecordRefused {
        file: String,
        n: usize,
        reason: RecordError,
    },
    /// The same record came twice in this import.
    Twice {
        file: String,
        label: String,
    },
    /// The record is saved here exactly like this already.
    AlreadySaved {
        file: String,
        label: String,
    },
    /// The same assessment is in the workshop already, as participant `number` (from 1).
    AlreadyIn {
        source: Source,
        number: usize,
    },
    /// Looks like participant `number` (the same side and answers): not added, but kept here
    /// so that the facilitator can add them anyway.
    LooksLike {
        source: Source,
        number: usize,
        held: Box<Participant>,
    },
    /// Added anyway, as participant `number`.
    AddedAnyway {
        source: Source,
        number: usize,
    },
    /// The pasted lines that could not be added are left in the box.
    LinksKept,
}

impl Line {
    pub fn message(&self, m: &Messages) -> String {
        let refused = |source: &Source, reason: String| {
            fill(
                m.file_refused,
                &[("file", &source.describe(m)), ("reason", &reason)],
            )
        };
        match self {
            Line::Imported(n) => m.count(m.import_done, *n, &[]),
            Line::Added(n) => m.count(m.ws_added, *n, &[]),
            Line::Nothing => m.import_nothing.to_owned(),
            Line::NoneAdded => m.ws_none_added.to_owned(),
            Line::Full(n) => m.count(m.import_full, *n, &[]),
            Line::Failed(e) => fill(m.import_failed, &[("reason", &e.message(m))]),
            Line::Skipped(n) => m.count(m.import_skipped, *n, &[]),
            Line::DuplicatesSkipped(n) => m.count(m.ws_duplicates_skipped, *n, &[]),
            Line::Refused(source, Refusal::Unreadable) => {
                refused(source, m.file_unreadable.to_owned())
            }
            Line::Refused(source, Refusal::File(e)) => refused(source, e.plain(m)),
            Line::Refused(source, Refusal::Link(e)) => refused(source, e.plain(m)),
            Line::RecordRefused { file, n, reason } => fill(
                m.record_refused,
                &[
                    ("file", &isolate(file)),
                    ("n", &m.int(*n as u64)),
                    ("reason", &reason.plain(m)),
                ],
            ),
            Line::Twice { file, label } => fill(
                m.import_twice,
                &[
                    ("file", &isolate(file)),
                    ("name", &isolate(&label_or_untitled(label, m))),
                ],
            ),
            Line::AlreadySaved { file, label } => fill(
                m.import_already_saved,
                &[
                    ("file", &isolate(file)),
                    ("name", &isolate(&label_or_untitled(label, m))),
                ],
            ),
            Line::AlreadyIn { source, number } => fill(
                m.ws_already_in,
                &[
                    ("source", &source.describe(m)),
                    ("n", &m.int(*number as u64)),
                ],
            ),
            Line::LooksLike { source, number, .. } => fill(
                m.ws_looks_like,
                &[
                    ("source", &source.describe(m)),
                    ("n", &m.int(*number as u64)),
                ],
            ),
            Line::AddedAnyway { source, number } => fill(
                m.ws_added_anyway,
                &[
                    ("source", &source.describe(m)),
                    ("n", &m.int(*number as u64)),
                ],
            ),
            Line::LinksKept => m.ws_links_kept.to_owned(),
        }
    }

    /// The technical detail behind a refusal (shown behind "Details").
    pub fn detail(&self, m: &Messages) -> Option<String> {
        match self {
            Line::Refused(_, Refusal::File(e)) => e.detail(m),
            Line::Refused(_, Refusal::Link(e)) => e.detail(m),
            Line::RecordRefused { reason, .. } => reason.detail(m),
            Line::Failed(e) => Some(e.message(m)),
            _ => None,
        }
    }
}

/// What reading a batch of files gave: the records, each with its file's name, and a line for
/// everything refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read {
    pub records: Vec<(String, Assessment)>,
    pub lines: Vec<Line>,
}

/// Decodes files already read: `(name, size in bytes, text or None when the browser could not
/// read it)`. Pure, so that the rules are tested natively.
pub fn decode(files: Vec<(String, u64, Option<String>)>, q: &assessment::Questionnaire) -> Read {
    let mut out = Read::default();
    for (name, bytes, text) in files {
        let source = Source::File(name.clone());
        if bytes > MAX_IMPORT_BYTES {
            let e = ImportError::TooLarge { bytes };
            out.lines.push(Line::Refused(source, Refusal::File(e)));
            continue;
        }
        let Some(text) = text else {
            out.lines.push(Line::Refused(source, Refusal::Unreadable));
            continue;
        };
        match import_json(&text, q) {
            Err(e) => out.lines.push(Line::Refused(source, Refusal::File(e))),
            Ok(report) => {
                out.lines
                    .extend(
                        report
                            .rejected
                            .into_iter()
                            .map(|(n, reason)| Line::RecordRefused {
                                file: name.clone(),
                                n,
                                reason,
                            }),
                    );
                out.records
                    .extend(report.records.into_iter().map(|a| (name.clone(), a)));
            }
        }
    }
    out
}

/// Reads files from a file input or a drop (all at once; a file over the limit is never read)
/// and decodes them.
pub async fn read(files: Vec<web_sys::File>, q: &assessment::Questionnaire) -> Read {
    let (small, large): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|f| f.size() <= MAX_IMPORT_BYTES as f64);
    let texts = crate::browser::read_texts(&small).await;
    let mut batch: Vec<(String, u64, Option<String>)> = large
        .iter()
        .map(|f| (f.name(), f.size() as u64, None))
        .collect();
    batch.extend(
        small
            .iter()
            .zip(texts)
            .map(|(f, t)| (f.name(), f.size() as u64, t)),
    );
    decode(batch, q)
}

/// Which screen an import was started from: its report is shown there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    History,
    Workshop(String),
}

/// Records read for My assessments, waiting for the person to say what to do with those whose
/// id is saved here already.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub fresh: Vec<Assessment>,
    pub conflicts: Vec<Assessment>,
    pub lines: Vec<Line>,
}

/// What happens to imported records whose id is already saved here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    Replace,
    KeepBoth,
    Skip,
}

/// Sorts what was read into new records and conflicts with what `saved` finds stored (`Some`
/// with the stored record when it reads, `Some(None)` when something unreadable is stored
/// under that id, `None` when nothing is).
pub fn classify(read: Read, saved: impl Fn(&str) -> Option<Option<Assessment>>) -> Pending {
    let mut out = Pending {
        fresh: Vec::new(),
        conflicts: Vec::new(),
        lines: read.lines,
    };
    for (file, a) in read.records {
        let seen = out.fresh.iter().chain(&out.conflicts).any(|b| b.id == a.id);
        let label = a.label.clone();
        match saved(&a.id) {
            _ if seen => out.lines.push(Line::Twice { file, label }),
            Some(Some(s)) if s == a => out.lines.push(Line::AlreadySaved { file, label }),
            Some(_) => out.conflicts.push(a),
            None => out.fresh.push(a),
        }
    }
    out
}

/// Saves what was read (all or nothing, by `save_all`) as `choice` says, and reports. `new_id`
/// gives the copies kept beside a conflict their own ids. Returns the report, the records
/// written (empty when nothing was), and what undoing a failed write could not put back.
pub fn commit(
    p: Pending,
    choice: OnConflict,
    new_id: impl Fn() -> String,
    save_all: impl FnOnce(&[Assessment]) -> Result<(), crate::persist::BatchError>,
) -> (Vec<Line>, Vec<Assessment>, Vec<(String, String)>) {
    let mut lines = p.lines;
    let mut batch = p.fresh;
    match choice {
        OnConflict::Replace => batch.extend(p.conflicts),
        OnConflict::KeepBoth => batch.extend(p.conflicts.into_iter().map(|mut a| {
            a.id = new_id();
            a
        })),
        OnConflict::Skip if !p.conflicts.is_empty() => {
            lines.push(Line::Skipped(p.conflicts.len()));
        }
        OnConflict::Skip => {}
    }
    if batch.is_empty() {
        lines.insert(0, Line::Nothing);
        return (lines, Vec::new(), Vec::new());
    }
    match save_all(&batch) {
        Ok(()) => {
            lines.insert(0, Line::Imported(batch.len()));
            (lines, batch, Vec::new())
        }
        Err(e) => {
            let head = match e.error {
                StoreError::Full => Line::Full(batch.len()),
                other => Line::Failed(other),
            };
            lines.insert(0, head);
            (lines, Vec::new(), e.not_restored)
        }
    }
}

#[cfg(test)]
mod tests {
    use assessment::default_questionnaire;
    use assessment::exchange::export_json;
    use assessment::i18n::Locale;

    use super::*;

    #[test]
    fn each_file_is_refused_or_read_with_a_reason() {
        let q = default_questionnaire().unwrap();
        let good = export_json(&[&Assessment::new("a1", &q, 1)], &q, 2);
        let read = decode(
            vec![
                ("big.json".into(), MAX_IMPORT_BYTES + 1, None),
                ("lost.json".into(), 10, None),
                ("bad.json".into(), 3, Some("{x".into())),
                ("good.json".into(), good.len() as u64, Some(good)),
            ],
            &q,
        );
        assert_eq!(read.records.len(), 1);
        assert_eq!(read.records[0].0, "good.json");
        assert!(matches!(
            &read.lines[..],
            [
                Line::Refused(Source::File(a), Refusal::File(ImportError::TooLarge { .. })),
                Line::Refused(Source::File(b), Refusal::Unreadable),
                Line::Refused(Source::File(c), Refusal::File(ImportError::NotJson(_))),
            ] if a == "big.json" && b == "lost.json" && c == "bad.json"
        ));
        for l in Locale::ALL {
            for line in &read.lines {
                assert!(!line.message(l.messages()).is_empty());
            }
        }
        let m = Locale::En.messages();
        assert!(read.lines[1].message(m).contains("lost.json"));
    }

    #[test]
    fn conflicts_are_asked_about_and_each_choice_is_kept() {
        let q = default_questionnaire().unwrap();
        let mut stored = Assessment::new("same", &q, 1);
        stored.label = "stored".into();
        let mut incoming = stored.clone();
        incoming.label = "incoming".into();
        let read = Read {
            records: vec![
                ("f".into(), Assessment::new("new", &q, 1)),
                ("f".into(), incoming.clone()),
                ("f".into(), stored.clone()),
                ("g".into(), Assessment::new("new", &q, 1)),
            ],
            lines: Vec::new(),
        };
        let saved = |id: &str| (id == "same").then(|| Some(stored.clone()));
        let p = classify(read, saved);
        assert_eq!(p.fresh.len(), 1);
        assert_eq!(p.conflicts, vec![incoming.clone()]);
        assert!(matches!(
            &p.lines[..],
            [Line::Twice { .. }, Line::Twice { .. }]
        ));

        let ok = |_: &[Assessment]| Ok(());
        let (lines, written, _) = commit(p.clone(), OnConflict::Replace, || "x".into(), ok);
        assert_eq!(lines[0], Line::Imported(2));
        assert_eq!(written[1], incoming);
        let (_, written, _) = commit(p.clone(), OnConflict::KeepBoth, || "copy".into(), ok);
        assert_eq!(written[1].id, "copy");
        assert_eq!(written[1].label, "incoming");
        let (lines, written, _) = commit(p.clone(), OnConflict::Skip, || "x".into(), ok);
        assert_eq!((written.len(), lines.last()), (1, Some(&Line::Skipped(1))));
        let full = |_: &[Assessment]| {
            Err(crate::persist::BatchError {
                error: StoreError::Full,
                not_restored: Vec::new(),
            })
        };
        let (lines, written, _) = commit(p, OnConflict::Replace, || "x".into(), full);
        assert_eq!((lines[0].clone(), written.len()), (Line::Full(2), 0));
    }
}
