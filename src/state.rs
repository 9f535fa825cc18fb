//! The app's shared state: one `Copy` context holding the questionnaire, the assessment in a
//! signal, and the notices. Persistence is one effect that writes the assessment on every change.

use assessment::i18n::{Locale, Messages};
use assessment::{Assessment, Questionnaire, Scope, Step, Text};
use leptos::prelude::*;

use crate::embed::EmbedOptions;
use crate::import::{Line, Pending, Target};
use crate::notice::{Notice, Said};
use crate::persist;
use crate::present::{self, FileKind};
use crate::route::Route;
use crate::storage::Store;

/// The embedding options in the page's URL parameters.
pub fn url_options() -> EmbedOptions {
    let pairs = crate::browser::query_pairs();
    EmbedOptions::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The URL fragment, with its `#`.
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A random id (128 bits, hex) from the browser's `crypto.getRandomValues`, which, unlike
/// `randomUUID`, also works on plain-http pages.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No crypto object (very old browsers): fall back to the clock and Math.random.
        let seed = (js_sys::Math::random() * f64::from(u32::MAX)) as u64 ^ now_ms() as u64;
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..].copy_from_slice(&(now_ms() as u64).to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The bundled questionnaire in English; [`AppState::q`] has it in the current language.
    english: &'static Questionnaire,
    pub scope: StoredValue<Scope>,
    pub assessment: RwSignal<Assessment>,
    /// The page of the assessment shown (welcome, a section, results): screens that only
    /// depend on the page read this, so an answer does not re-run them.
    pub page: Memo<Step>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The report of the last import, kept here so that it reaches the person wherever they
    /// are when it finishes, and the records waiting for a decision about conflicts (asked in a
    /// dialog on any screen).
    pub import_report: RwSignal<Option<(Target, Vec<Line>)>>,
    pub pending_import: RwSignal<Option<Pending>>,
    /// The element to focus after the next page change, instead of the page heading.
    pub focus_next: StoredValue<Option<String>>,
    /// Where focus and scrolling go once a screen loaded on demand has arrived (the page change
    /// came before its chunk did): the element's id and the scroll position, if any.
    pub after_load: StoredValue<Option<(String, Option<f64>)>>,
    /// The screen, from the URL fragment.
    pub route: RwSignal<Route>,
    /// Bumped whenever stored records change (here or in another tab), so lists re-read them.
    pub library: RwSignal<u64>,
    /// Options from the URL when the app is embedded in another page.
    pub embed: StoredValue<EmbedOptions>,
    /// The language of the app's words and of the questionnaire's texts.
    pub locale: RwSignal<Locale>,
    /// The page opened on a section the person had left: it says "Welcome back" and picks up at
    /// its first unanswered question (until the next answer or page).
    pub welcome_back: RwSignal<bool>,
    /// The person jumped from the results to a question: the page offers "Back to results",
    /// and the results open again where they were scrolled to.
    pub from_results: RwSignal<Option<f64>>,
    store: StoredValue<Store, LocalStorage>,
}

impl AppState {
    /// Loads the assessment in progress from `store` and starts autosaving.
    pub fn new(q: &'static Questionnaire, store: Store, initial_notices: Vec<Notice>) -> Self {
        let embed = url_options();
        let scope = if embed.sections.is_empty() {
            Scope::all(q)
        } else {
            Scope::only(q, &embed.sections)
        };
        let (mut assessment, notices) = persist::load(&store, q, new_id(), now_ms());
        // A host that fixes the perspective never continues an assessment made as the other side.
        if embed.perspective.is_some()
            && assessment.perspective.is_some()
            && assessment.perspective != embed.perspective
        {
            assessment = Assessment::new(new_id(), q, now_ms());
        }
        let mut all = initial_notices;
        all.extend(notices);
        // A language whose chunk has not arrived (`lang::load` runs before the first screen
        // in a release; not in the component tests) starts in English and switches on arrival.
        let wanted = crate::lang::initial(&embed, &store);
        let locale = Some(wanted)
            .filter(|l| crate::lang::is_loaded(*l))
            .unwrap_or_default();
        let welcome_back = matches!(assessment.normalized(&scope), Step::Section(_))
            && !assessment.answers.is_empty()
            && Route::parse(&current_fragment()) == Route::Assessment;
        let scope = StoredValue::new(scope);
        let assessment = RwSignal::new(assessment);
        let page = Memo::new(move |_| {
            let scope = scope.get_value();
            assessment.with(|a| a.normalized(&scope))
        });
        let state = Self {
            english: q,
            scope,
            assessment,
            page,
            notices: RwSignal::new(all),
            import_report: RwSignal::new(None),
            pending_import: RwSignal::new(None),
            focus_next: StoredValue::new(None),
            after_load: StoredValue::new(None),
            route: RwSignal::new(Route::parse(&current_fragment())),
            library: RwSignal::new(0),
            embed: StoredValue::new(embed),
            locale: RwSignal::new(locale),
            welcome_back: RwSignal::new(welcome_back),
            from_results: RwSignal::new(None),
            store: StoredValue::new_local(store),
        };
        state.autosave();
        state.follow_the_url();
        state.sync_with_other_tabs();
        state.warn_before_leaving_unsaved();
        if wanted != locale {
            leptos::task::spawn_local(async move {
                if crate::lang::load(wanted).await.is_ok() {
                    state.locale.set(wanted);
                }
            });
        }
        state
    }

    /// The questionnaire with its texts in the current language.
    pub fn q(&self) -> &'static Questionnaire {
        crate::lang::questionnaire(self.locale.get_untracked()).unwrap_or(self.english)
    }

    /// Offers `text` as a download; tells the person when the browser refuses.
    pub fn download(
        &self,
        kind: FileKind,
        (label, side): (&str, Option<assessment::Perspective>),
        day: &str,
        text: &str,
    ) -> Option<String> {
        let name = present::file_name(kind, label, side, day);
        match crate::browser::download(&name, present::mime(kind), text) {
            Ok(()) => Some(name),
            Err(_) => {
                self.notify(Notice::Said(Said::DownloadBlocked));
                None
            }
        }
    }

    /// Keeps, in a download, earlier texts that undoing a failed import could not put back.
    pub fn keep_not_restored(&self, lost: Vec<(String, String)>) {
        if lost.is_empty() {
            return;
        }
        let records: Vec<&str> = lost.iter().map(|(_, t)| t.as_str()).collect();
        let text = assessment::exchange::export_with_raw(&[], &records, self.q(), now_ms());
        let _ = self.download(
            FileKind::NotRestored,
            ("", None),
            &crate::browser::file_date(now_ms()),
            &text,
        );
        let keys = lost.into_iter().map(|(k, _)| k).collect();
        self.notify(Notice::Said(Said::RestoreLost(keys)));
    }

    /// Reports an import: on the screen it was started from, and -- when the person has left
    /// that screen -- in a notice too.
    pub fn report_import(&self, target: Target, lines: Vec<Line>) {
        let added = lines.iter().find_map(|l| match l {
            Line::Imported(n) | Line::Added(n) => Some(*n),
            _ => None,
        });
        let here = match (&target, self.route.get_untracked()) {
            (Target::History, Route::History) => true,
            (Target::Workshop(a), Route::Workshop(b)) => *a == b,
            _ => false,
        };
        if !here {
            let workshop = match &target {
                Target::Workshop(id) => Some(id.clone()),
                Target::History => None,
            };
            self.notify(Notice::Said(Said::ImportFinished {
                added: added.unwrap_or(0),
                workshop,
            }));
        }
        self.import_report.set(Some((target, lines)));
    }

    /// With answers that could not be saved, leaving or reloading the page asks first.
    fn warn_before_leaving_unsaved(self) {
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if self
                .notices
                .with_untracked(|n| n.contains(&Notice::NotSaved))
            {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// The app's words in the current language. Read untracked: the whole view is rebuilt when
    /// the language changes (see `ui::AppWith`), so screens need not track it themselves.
    pub fn t(&self) -> &'static Messages {
        crate::lang::messages(self.locale.get_untracked())
    }

    /// A questionnaire text in the current language (the content's default language when the
    /// content does not have it: only possible for content files from elsewhere).
    pub fn text(&self, text: &'static Text) -> &'static str {
        text.get(self.locale.get_untracked().code(), &self.q().default_locale)
    }

    /// Switches the language and remembers the choice, once the language's chunk is here; then
    /// runs `then`. A chunk that cannot be fetched leaves the language as it was and says so.
    pub fn set_locale(self, locale: Locale, then: impl FnOnce() + 'static) {
        leptos::task::spawn_local(async move {
            match crate::lang::load(locale).await {
                Ok(()) => {
                    let _ = self.with_store(|s| persist::save_locale(s, locale));
                    crate::browser::set_lang_in_url(locale.code());
                    self.locale.set(locale);
                }
                Err(_) => self.notify(Notice::Said(Said::LanguageMissing(locale))),
            }
            then();
        });
    }

    /// Runs `f` with the store.
    pub fn with_store<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        self.store.with_value(f)
    }

    /// Something read from storage that is read again whenever stored records change (here or
    /// in another tab).
    pub fn stored<T: PartialEq + Send + Sync + 'static>(
        self,
        read: impl Fn(&Store) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        Memo::new(move |_| {
            self.library.track();
            self.with_store(&read)
        })
    }

    /// Tells lists that stored records changed.
    pub fn library_changed(&self) {
        self.library.update(|n| *n += 1);
    }

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            n.retain(|x| x != &notice);
            n.push(notice);
        });
    }

    /// Shows another screen (and puts it in the URL fragment, so a reload stays there).
    pub fn navigate(&self, route: Route) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&route.fragment());
        }
        self.route.set(route);
    }

    /// Makes a stored assessment the one in progress and shows it.
    pub fn open(&self, a: Assessment) {
        self.keep_unsaved();
        self.assessment.set(a);
        self.navigate(Route::Assessment);
    }

    /// Before the assessment in memory is replaced: if its last changes could not be saved
    /// (storage full or failing), it is downloaded as an export file so nothing is lost.
    fn keep_unsaved(&self) {
        if !self
            .notices
            .with_untracked(|n| n.contains(&Notice::NotSaved))
        {
            return;
        }
        let a = self.assessment.get_untracked();
        let text = assessment::exchange::export_json(&[&a], self.q(), now_ms());
        let kind = FileKind::Unsaved;
        let name = present::file_name(
            kind,
            &a.label,
            a.perspective,
            &crate::browser::file_date(now_ms()),
        );
        let said = match crate::browser::download(&name, present::mime(kind), &text) {
            Ok(()) => Said::UnsavedDownloaded(name),
            Err(_) => Said::UnsavedBlocked,
        };
        self.notices
            .update(|n| n.retain(|x| *x != Notice::NotSaved));
        self.notify(Notice::Said(said));
    }

    fn follow_the_url(self) {
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            let route = Route::parse(&current_fragment());
            if self.route.get_untracked() != route {
                self.route.set(route);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Another tab wrote to storage. Records and workshops are whole units: when the record
    /// open here was saved later over there, the later one wins and replaces what this tab shows
    /// (nothing is merged); the user is told. A workshop view re-reads its workshop from storage
    /// (and every change to a workshop starts from what is stored), so a participant added over
    /// there is never dropped here. Lists re-read in any case.
    fn sync_with_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key() else {
                self.library_changed();
                return;
            };
            if let Some(id) = key.strip_prefix(persist::WORKSHOP_PREFIX) {
                self.library_changed();
                let shown = matches!(self.route.get_untracked(),
                    Route::Workshop(w) | Route::Present(w) if w == id);
                if shown {
                    self.notify(Notice::Said(if ev.new_value().is_some() {
                        Said::WorkshopChangedElsewhere
                    } else {
                        Said::WorkshopDeletedElsewhere
                    }));
                }
                return;
            }
            if !key.starts_with(persist::RECORD_PREFIX)
                && !key.starts_with(persist::keys::CORRUPT_PREFIX)
            {
                return;
            }
            self.library_changed();
            let current = self.assessment.get_untracked();
            if key != persist::record_key(&current.id) {
                return;
            }
            let Some(text) = ev.new_value() else {
                // Deleted over there: the deletion wins, so it is not written back from here.
                self.assessment
                    .set(Assessment::new(new_id(), self.q(), now_ms()));
                self.notify(Notice::Said(Said::DeletedElsewhere));
                return;
            };
            let newer = assessment::decode_record_at(&text, self.q(), &current.id)
                .ok()
                .filter(|a| a.updated_ms > current.updated_ms);
            if let Some(a) = newer {
                self.assessment.set(a);
                self.notify(Notice::Said(Said::ChangedElsewhere));
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn autosave(self) {
        Effect::new(move |_| {
            let a = self.assessment.get();
            if !a.is_started() {
                return;
            }
            let result = self
                .store
                .with_value(|store| persist::save(store, self.q(), &a));
            self.notices.update(|n| {
                let has = n.contains(&Notice::NotSaved);
                match result {
                    Ok(()) if has => n.retain(|x| *x != Notice::NotSaved),
                    Err(_) if !has => n.push(Notice::NotSaved),
                    _ => {}
                }
            });
        });
    }

    pub fn scope(&self) -> Scope {
        self.scope.get_value()
    }

    /// Changes the assessment with the current time.
    pub fn update(&self, f: impl FnOnce(&mut Assessment, &Scope, i64)) {
        let scope = self.scope();
        let now = now_ms();
        self.assessment.update(|a| f(a, &scope, now));
    }

    /// The page shown, tracked only when it changes (not on every answer).
    pub fn step(&self) -> Step {
        self.page.get()
    }

    /// Replaces the assessment with a new, empty one at the welcome page. The old one stays
    /// in storage as its own record.
    pub fn start_new(&self) {
        self.keep_unsaved();
        self.assessment
            .set(Assessment::new(new_id(), self.q(), now_ms()));
    }

    pub fn dismiss(&self, notice: &Notice) {
        self.notices.update(|n| n.retain(|x| x != notice));
    }
}
