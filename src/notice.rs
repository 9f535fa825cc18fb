//! What the person is told about their data: notices shown at the top of every screen. Each
//! holds typed values and is worded when shown (so it follows a change of language): a plain
//! sentence saying what happened and what to do, and, behind a "Details" disclosure, the
//! technical detail (what exactly was wrong, where it is stored).

use assessment::i18n::{fill, Locale, Messages};
use assessment::RecordError;

use crate::present;
use crate::route::Route;
use crate::storage::StoreError;

/// Something the user needs to know about their saved data.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Notice {
    /// Storage cannot be used at all: answers live only in this page.
    NotKept,
    /// The last change could not be written (storage full or failing); it is kept in the page.
    NotSaved,
    /// The assessment in progress could not be read; its raw text was moved to `key`.
    Recovered { key: String, reason: RecordError },
    /// The assessment in progress could not be read, nor copied aside: left untouched.
    Unreadable { key: String, reason: RecordError },
    /// The assessment in progress is from a newer app or questionnaire version: kept as it is.
    KeptNewer { reason: RecordError },
    /// At start: this many stored assessments and workshops cannot be read here. They are kept;
    /// My assessments and Workshops list them, to download or delete.
    StoredUnreadable { records: usize, workshops: usize },
    /// Something happened that the user should know about; see [`Said`].
    Said(Said),
    /// Something was deleted; its storage key and text are kept here so that it can be put back.
    /// `label` is the name the user gave it (empty: untitled), or `None` for something that
    /// could not be read.
    Deleted {
        key: String,
        label: Option<String>,
        text: String,
    },
}

impl Notice {
    /// The plain message shown to the user.
    pub fn message(&self, m: &Messages) -> String {
        match self {
            Notice::NotKept => m.notice_not_kept.to_owned(),
            Notice::NotSaved => m.notice_not_saved.to_owned(),
            Notice::Recovered { .. } => m.notice_recovered.to_owned(),
            Notice::Unreadable { .. } => m.notice_unreadable.to_owned(),
            Notice::KeptNewer { .. } => m.notice_kept_newer.to_owned(),
            Notice::StoredUnreadable { records, workshops } => {
                let mut parts = Vec::new();
                if *records > 0 {
                    parts.push(m.count(m.notice_stored_unreadable_records, *records, &[]));
                }
                if *workshops > 0 {
                    parts.push(m.count(m.notice_stored_unreadable_workshops, *workshops, &[]));
                }
                parts.join(" ")
            }
            Notice::Said(said) => said.message(m),
            Notice::Deleted { label, .. } => {
                let label = match label {
                    None => m.unreadable_label.to_owned(),
                    Some(l) => present::isolate(&present::label_or_untitled(l, m)),
                };
                fill(m.notice_deleted, &[("label", &label)])
            }
        }
    }

    /// The technical detail, for the "Details" disclosure.
    pub fn detail(&self, m: &Messages) -> Option<String> {
        let stored = |key: &str, reason: &RecordError| {
            let mut d = reason.detail(m).unwrap_or_else(|| reason.plain(m));
            if !d.ends_with('.') {
                d.push('.');
            }
            d.push(' ');
            d.push_str(&fill(m.notice_detail_key, &[("key", key)]));
            d
        };
        match self {
            Notice::Recovered { key, reason } | Notice::Unreadable { key, reason } => {
                Some(stored(key, reason))
            }
            Notice::KeptNewer { reason } => reason.detail(m).or_else(|| Some(reason.plain(m))),
            Notice::Said(Said::RestoreLost(keys)) => Some(keys.join(", ")),
            _ => None,
        }
    }

    /// Whether this notice warns that data may be lost (shown more prominently).
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Notice::NotKept
                | Notice::NotSaved
                | Notice::Unreadable { .. }
                | Notice::Said(Said::RestoreLost(_))
        )
    }

    /// Where the person can do something about it: links (a route fragment and the link's
    /// text) to My assessments, Workshops or a workshop.
    pub fn place(&self, m: &Messages) -> Vec<(String, &'static str)> {
        let history = || (Route::History.fragment(), m.nav_history);
        match self {
            Notice::Recovered { .. } | Notice::Unreadable { .. } => vec![history()],
            Notice::StoredUnreadable { records, workshops } => {
                let mut v = Vec::new();
                if *records > 0 {
                    v.push(history());
                }
                if *workshops > 0 {
                    v.push((Route::Workshops.fragment(), m.nav_workshops));
                }
                v
            }
            Notice::Said(Said::ImportFinished { workshop, .. }) => vec![match workshop {
                None => history(),
                Some(id) => (Route::Workshop(id.clone()).fragment(), m.open),
            }],
            _ => Vec::new(),
        }
    }
}

/// What a [`Notice::Said`] says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Said {
    DownloadBlocked,
    /// The assessment left behind could not be saved and was downloaded under this name.
    UnsavedDownloaded(String),
    UnsavedBlocked,
    DeletedElsewhere,
    ChangedElsewhere,
    /// The workshop shown here was changed, or deleted, in another tab.
    WorkshopChangedElsewhere,
    WorkshopDeletedElsewhere,
    SharedSaved,
    /// The current assessment was made with an earlier questionnaire version; this many
    /// questions asked of its side are new.
    Upgraded(usize),
    /// "Export all" could not put this many damaged records into the file (they are not JSON);
    /// each can be downloaded on its own.
    ExportLeftOut(usize),
    /// An import finished while the person was on another screen: this many were added, to
    /// My assessments (`None`) or to the workshop with this id.
    ImportFinished {
        added: usize,
        workshop: Option<String>,
    },
    /// Undoing a failed import could not put these keys' earlier texts back; they were
    /// downloaded in a file so that nothing is lost.
    RestoreLost(Vec<String>),
    /// Storage refused what the user asked for.
    Failed(Action, StoreError),
    /// The words and texts of this language could not be fetched (offline on a first visit).
    LanguageMissing(Locale),
}

/// What the user asked for, when storage refused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Rename,
    Delete,
    Undo,
    SaveShared,
    SaveWorkshop,
    AddParticipants,
}

impl Said {
    pub fn message(&self, m: &Messages) -> String {
        match self {
            Said::DownloadBlocked => m.download_blocked.to_owned(),
            Said::UnsavedDownloaded(name) => fill(m.unsaved_downloaded, &[("name", name)]),
            Said::UnsavedBlocked => m.unsaved_blocked.to_owned(),
            Said::DeletedElsewhere => m.deleted_elsewhere.to_owned(),
            Said::Upgraded(n) => m.count(m.upgraded_notice, *n, &[]),
            Said::ChangedElsewhere => m.changed_elsewhere.to_owned(),
            Said::WorkshopChangedElsewhere => m.workshop_changed_elsewhere.to_owned(),
            Said::WorkshopDeletedElsewhere => m.workshop_deleted_elsewhere.to_owned(),
            Said::SharedSaved => m.shared_saved.to_owned(),
            Said::ExportLeftOut(n) => m.count(m.export_left_out, *n, &[]),
            Said::ImportFinished { added, .. } => m.count(m.import_finished_elsewhere, *added, &[]),
            Said::RestoreLost(_) => m.restore_lost.to_owned(),
            Said::LanguageMissing(l) => fill(m.language_failed, &[("language", l.native_name())]),
            Said::Failed(action, e) => {
                let template = match action {
                    Action::Rename => m.rename_failed,
                    Action::Delete => m.delete_failed,
                    Action::Undo => m.undo_failed,
                    Action::SaveShared => m.shared_save_failed,
                    Action::SaveWorkshop => m.workshop_save_failed,
                    Action::AddParticipants => m.workshop_add_failed,
                };
                fill(template, &[("reason", &e.message(m))])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use assessment::i18n::Locale;

    use super::*;

    #[test]
    fn plain_words_keep_the_detail_apart() {
        let reason = RecordError::NotJson("EOF while parsing a value at line 1 column 11".into());
        let n = Notice::Recovered {
            key: "dra.corrupt.6048".into(),
            reason,
        };
        for l in Locale::ALL {
            let m = l.messages();
            let plain = n.message(m);
            assert!(!plain.contains("EOF") && !plain.contains("dra."), "{plain}");
            assert!(!plain.contains("JSON"), "{plain}");
            let detail = n.detail(m).unwrap();
            assert!(detail.contains("EOF") && detail.contains("dra.corrupt.6048"));
        }
    }

    #[test]
    fn the_start_count_names_what_cannot_be_read() {
        let m = Locale::En.messages();
        let n = Notice::StoredUnreadable {
            records: 2,
            workshops: 1,
        };
        let text = n.message(m);
        assert!(text.contains('2') && text.contains('1'), "{text}");
        assert_eq!(n.place(m).len(), 2);
        let only = Notice::StoredUnreadable {
            records: 0,
            workshops: 3,
        };
        assert_eq!(
            only.place(m),
            vec![("#/workshops".to_owned(), m.nav_workshops)]
        );
    }

    #[test]
    fn a_failure_says_what_failed_and_why() {
        let m = Locale::De.messages();
        let n = Notice::Said(Said::Failed(Action::Delete, StoreError::Full));
        assert!(n.message(m).contains(m.storage_full), "{}", n.message(m));
    }

    #[test]
    fn a_language_that_could_not_be_loaded_is_named_in_the_language_shown() {
        for shown in Locale::ALL {
            let m = shown.messages();
            let text = Said::LanguageMissing(Locale::De).message(m);
            assert!(text.starts_with("Deutsch "), "{text}");
            assert!(!text.contains('{'), "{text}");
        }
    }
}
