//! Component tests in a real headless Chromium (wasm-bindgen-test). All tests share one page, so
//! each mounts the app into its own element, on its own in-memory store, and removes it after.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use app::persist::{record_key, CURRENT_KEY};
use app::storage::{MemoryBackend, MemoryMode, Store};
use app::AppWith;
use assessment::{
    default_questionnaire, encode_record, Answer, Assessment, Level, Perspective, Scope, Step,
};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// How many questions a brand owner is asked (each side only what it can see).
fn brand_owner_questions() -> usize {
    let q = default_questionnaire().unwrap();
    Scope::all(&q)
        .side(Some(Perspective::BrandOwner))
        .item_count(&q)
}

/// The app mounted in its own element; unmounted and removed when dropped.
struct Mounted {
    root: Element,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    /// Removes the app and puts back what it changed on the shared page: the fragment, the
    /// language and direction of `<html>`, the theme.
    fn drop(&mut self) {
        self.root.remove();
        let _ = window().location().set_hash("");
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", "en");
            let _ = html.set_attribute("dir", "ltr");
            let _ = html.remove_attribute("data-theme");
        }
        app::panic::set_locale(assessment::i18n::Locale::En);
    }
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn click(&self, selector: &str) {
        self.one(selector).unchecked_into::<HtmlElement>().click();
    }

    fn button(&self, text: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button {text:?}"))
            .unchecked_into()
    }

    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
}

fn mount(store: Store) -> Mounted {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        view! { <AppWith store=store /> }.into_any()
    });
    Mounted {
        root,
        _handle: handle,
    }
}

/// A store holding one assessment as the one in progress.
fn store_with(a: &Assessment) -> Store {
    let q = default_questionnaire().unwrap();
    let record = encode_record(a, &q);
    Rc::new(MemoryBackend::with(
        MemoryMode::Normal,
        &[(CURRENT_KEY, &a.id), (&record_key(&a.id), &record)],
    ))
}

async fn started(mode: MemoryMode) -> Mounted {
    let m = mount(Rc::new(MemoryBackend::new(mode)));
    m.click("input[value=brand_owner]");
    tick().await;
    m.button("Start").click();
    tick().await;
    m
}

#[wasm_bindgen_test]
async fn an_item_renders_as_a_fieldset_with_a_legend_and_seven_labelled_radios() {
    let q = default_questionnaire().unwrap();
    let m = started(MemoryMode::Normal).await;
    assert_eq!(m.one("h1").text_content().unwrap(), "The Relationship");
    let fieldsets = m.all("fieldset.dra-item");
    assert_eq!(
        fieldsets.len(),
        10,
        "every REL question is asked of a brand owner"
    );
    let first = &fieldsets[0];
    let legend = first.query_selector("legend").unwrap().unwrap();
    assert_eq!(
        legend.text_content().unwrap(),
        format!("1. {}", q.sections[0].items[0].question.get("en", "en")),
        "numbered over what the side is asked"
    );
    let labels: Vec<String> = {
        let list = first.query_selector_all("label").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(labels.len(), 7);
    assert_eq!(
        labels[2],
        format!(
            "3 Defined \u{2014} {}",
            q.sections[0].items[0].levels[2].get("en", "en")
        )
    );
    assert_eq!(labels[5], "Not applicable");
    assert_eq!(labels[6], "Don't know");
    let radios = first.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 7);
    // Questions are asked only of the side that can see them, so none needs a "best answered
    // by" hint any more.
    assert!(fieldsets
        .iter()
        .all(|f| f.get_attribute("aria-describedby").is_none()));
}

#[wasm_bindgen_test]
async fn choosing_a_level_updates_the_progress_bar() {
    let m = started(MemoryMode::Normal).await;
    let bar = m.one("[role=progressbar]");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("0"));
    let total = brand_owner_questions().to_string();
    assert_eq!(
        bar.get_attribute("aria-valuemax").as_deref(),
        Some(total.as_str())
    );
    m.click("#dra-item-REL1 input[value='4']");
    tick().await;
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("1"));
    m.click("#dra-item-REL2 input[value=dk]");
    tick().await;
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("2"));
    assert_eq!(
        bar.get_attribute("aria-valuetext").as_deref(),
        Some(format!("2 of {total} questions answered").as_str())
    );
    let checked: HtmlInputElement = m.one("#dra-item-REL1 input[value='4']").unchecked_into();
    assert!(checked.checked());
}

#[wasm_bindgen_test]
async fn the_header_says_where_and_saved_after_the_first_answer() {
    let m = started(MemoryMode::Normal).await;
    let total = brand_owner_questions();
    let place = m.one(".dra-where__place").text_content().unwrap();
    assert!(place.contains("Section 1 of 4"), "{place}");
    assert!(place.contains(&format!("Question 1 of {total}")), "{place}");
    let saved = m.one(".dra-where [role=status]");
    assert_eq!(saved.text_content().unwrap(), "");
    m.click("#dra-item-REL1 input[value='3']");
    tick().await;
    assert_eq!(saved.text_content().unwrap(), "Saved");
    let legends: Vec<String> = m
        .all("fieldset.dra-item legend .dra-item__number")
        .iter()
        .map(|n| n.text_content().unwrap())
        .collect();
    assert_eq!(legends[..3], ["1.", "2.", "3."]);
    // The next page goes on counting.
    m.button("Next").click();
    tick().await;
    let first = m.one("fieldset.dra-item legend .dra-item__number");
    assert_eq!(
        first.text_content().unwrap(),
        format!("{}.", legends.len() + 1)
    );
}

#[wasm_bindgen_test]
async fn nothing_says_saved_when_storage_is_full() {
    let m = started(MemoryMode::Full).await;
    m.click("#dra-item-REL1 input[value='3']");
    tick().await;
    assert_eq!(
        m.one(".dra-where [role=status]").text_content().unwrap(),
        ""
    );
    assert!(m.text().contains("could not be saved"));
}

#[wasm_bindgen_test]
async fn the_menu_button_opens_and_closes_the_navigation() {
    let m = mount(Rc::new(MemoryBackend::new(MemoryMode::Normal)));
    tick().await;
    let button = m.one("#dra-menu-button");
    let menu = m.one("#dra-nav-menu");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        button.get_attribute("aria-controls").as_deref(),
        Some("dra-nav-menu")
    );
    m.click("#dra-menu-button");
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(menu.class_list().contains("dra-topnav__menu--open"));
    // Following a link closes it.
    m.click("#dra-nav-menu a[href='#/history']");
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn results_render_a_table_and_an_svg_chart() {
    let q = default_questionnaire().unwrap();
    let scope = Scope::all(&q);
    let mut a = Assessment::new("results-test", &q, 1);
    a.start(&scope, Perspective::Distributor, 2);
    for (s, section) in q.sections.iter().enumerate() {
        for item in &section.items {
            let level = if s == 0 { 5 } else { 3 };
            a.answer(&item.id, Answer::Level(Level::new(level).unwrap()), 3);
        }
    }
    a.go_to(Step::Results, &scope, 4);
    let m = mount(store_with(&a));
    tick().await;
    assert_eq!(m.one("h1").text_content().unwrap(), "Results");
    // (100 + 50 + 50 + 50) / 4 = 62.5 -> 63 %.
    assert_eq!(
        m.one(".dra-overall__score").text_content().unwrap(),
        "Overall 63 % Developing"
    );
    let rows = m.all("table tbody tr");
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0].text_content().unwrap(),
        "The Relationship100 %Partnership0"
    );
    let svg = m.one("svg.dra-radar");
    assert_eq!(
        svg.query_selector("title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Section scores (0 to 100 %)"
    );
    assert_eq!(svg.query_selector_all("circle").unwrap().length(), 4);
    assert!(m.text().contains("The Relationship: 100 % Partnership"));
}

#[wasm_bindgen_test]
async fn full_storage_keeps_the_answer_and_says_so() {
    let m = started(MemoryMode::Full).await;
    assert!(
        m.text().contains("could not be saved"),
        "starting already tried to save"
    );
    m.click("#dra-item-REL3 input[value='2']");
    tick().await;
    let checked: HtmlInputElement = m.one("#dra-item-REL3 input[value='2']").unchecked_into();
    assert!(checked.checked());
    assert_eq!(
        m.all(".dra-notice").len(),
        1,
        "one notice, not one per failed write"
    );
}

#[wasm_bindgen_test]
async fn a_reload_resumes_from_the_store() {
    let store: Store = Rc::new(MemoryBackend::new(MemoryMode::Normal));
    {
        let m = mount(store.clone());
        m.click("input[value=distributor]");
        tick().await;
        m.button("Start").click();
        tick().await;
        m.click("#dra-item-REL1 input[value=na]");
        tick().await;
        m.button("Next").click();
        tick().await;
    }
    let m = mount(store);
    tick().await;
    assert_eq!(m.one("h1").text_content().unwrap(), "Motivation & Rewards");
    assert_eq!(
        m.one("[role=progressbar]")
            .get_attribute("aria-valuenow")
            .as_deref(),
        Some("1")
    );
}

#[wasm_bindgen_test]
async fn the_failure_screen_replaces_the_app() {
    let root = document().create_element("div").unwrap();
    root.set_id("app");
    root.set_inner_html("<p>half-drawn app</p>");
    document().body().unwrap().append_child(&root).unwrap();
    // The message is in the language the app was last shown in.
    app::panic::set_locale(assessment::i18n::Locale::En);
    app::panic::show_failure().unwrap();
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert
        .text_content()
        .unwrap()
        .starts_with("Sorry, something went wrong"));
    assert!(!root.text_content().unwrap().contains("half-drawn"));
    // French once its chunk is here (a language not loaded yet shows the English message).
    app::lang::load(assessment::i18n::Locale::Fr).await.unwrap();
    app::panic::set_locale(assessment::i18n::Locale::Fr);
    app::panic::show_failure().unwrap();
    assert!(root.text_content().unwrap().contains("Recharger la page"));
    root.remove();
}

#[wasm_bindgen_test]
async fn my_assessments_lists_every_record_and_explains_unreadable_ones() {
    let q = default_questionnaire().unwrap();
    let mut a = Assessment::new("listed", &q, 1);
    a.label = "Acme <b>Distribution</b>".into();
    a.answer("REL1", Answer::DontKnow, 2);
    let record = encode_record(&a, &q);
    let store: Store = Rc::new(MemoryBackend::with(
        MemoryMode::Normal,
        &[
            (&record_key("listed"), &record),
            ("dra.record.future", "{\"schema\": 4, \"id\": \"future\"}"),
            ("dra.record.broken", "{{{"),
        ],
    ));
    window().location().set_hash("#/history").unwrap();
    let m = mount(store);
    tick().await;
    assert_eq!(m.one("h1").text_content().unwrap(), "My assessments");
    let headings: Vec<String> = m
        .all("article h2")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(
        headings,
        [
            "Acme <b>Distribution</b>",
            "An assessment that cannot be opened",
            "An assessment that cannot be opened"
        ],
        "labels are text, never markup"
    );
    assert!(m.all("article b").is_empty());
    assert!(
        m.text().contains("in progress, 1 of 39"),
        "a draft, and no side chosen: every question"
    );
    assert!(!m.text().contains("Overall"), "a draft carries no score");
    assert!(m
        .text()
        .contains("newer version of this app and is kept exactly as it is"));
    assert!(m.text().contains("It is damaged."));
    window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn the_language_switch_rebuilds_the_page_in_german_and_keeps_the_answers() {
    let store: Store = Rc::new(MemoryBackend::new(MemoryMode::Normal));
    let m = mount(store.clone());
    m.click("input[value=brand_owner]");
    tick().await;
    m.button("Start").click();
    tick().await;
    m.click("#dra-item-REL1 input[value='4']");
    tick().await;
    let select: web_sys::HtmlSelectElement = m.one("#dra-language").unchecked_into();
    select.set_value("de");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(m.one("h1").text_content().unwrap(), "Die Beziehung");
    assert_eq!(
        m.one("label[for=dra-language]").text_content().unwrap(),
        "Sprache"
    );
    let kept: HtmlInputElement = m.one("#dra-item-REL1 input[value='4']").unchecked_into();
    assert!(kept.checked(), "the answer survives the switch");
    assert!(m.text().contains("Nicht zutreffend"));
    assert_eq!(
        m.one("[role=progressbar]")
            .get_attribute("aria-valuetext")
            .as_deref(),
        Some(format!("1 von {} Fragen beantwortet", brand_owner_questions()).as_str())
    );
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("de")
    );
    assert_eq!(store.get("dra.lang").unwrap().as_deref(), Some("de"));
}

/// A store whose `remove` fails for keys starting with one of `remove_fails`.
#[derive(Debug)]
struct Failing {
    inner: MemoryBackend,
    remove_fails: Vec<&'static str>,
}

impl app::storage::Backend for Failing {
    fn get(&self, key: &str) -> Result<Option<String>, app::storage::StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), app::storage::StoreError> {
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), app::storage::StoreError> {
        if self.remove_fails.iter().any(|k| key.starts_with(k)) {
            return Err(app::storage::StoreError::Other("refused".into()));
        }
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, app::storage::StoreError> {
        self.inner.keys()
    }
    fn is_persistent(&self) -> bool {
        true
    }
}

/// Tells the app that another tab wrote `key` (the store is shared, as localStorage is).
fn other_tab_wrote(key: &str, new_value: Option<&str>) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(new_value);
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn unreadable_data_is_announced_at_start_in_plain_words() {
    let store: Store = Rc::new(MemoryBackend::with(
        MemoryMode::Normal,
        &[
            (CURRENT_KEY, "gone"),
            ("dra.record.broken", "{{{"),
            ("dra.corrupt.old", "not json"),
            ("dra.workshop.w", "{\"schema\": 1}"),
        ],
    ));
    let m = mount(store);
    tick().await;
    let notice = m.one(".dra-notice").text_content().unwrap();
    assert!(
        notice.contains("2 saved assessments cannot be opened"),
        "{notice}"
    );
    assert!(
        notice.contains("1 saved workshop cannot be opened"),
        "{notice}"
    );
    let links: Vec<String> = m
        .all(".dra-notice a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(links, ["#/history", "#/workshops"]);
}

#[wasm_bindgen_test]
async fn a_damaged_current_record_is_explained_with_the_detail_behind_a_disclosure() {
    let store: Store = Rc::new(MemoryBackend::with(
        MemoryMode::Normal,
        &[(CURRENT_KEY, "x"), ("dra.record.x", "{\"schema\":1,")],
    ));
    let m = mount(store);
    tick().await;
    let first = m.one(".dra-notice p").text_content().unwrap();
    assert!(
        first.contains("is damaged and could not be opened"),
        "{first}"
    );
    assert!(!first.contains("EOF") && !first.contains("dra."), "{first}");
    let details = m.one(".dra-notice details");
    assert_eq!(details.get_attribute("open"), None, "closed by default");
    let detail = details.text_content().unwrap();
    assert!(detail.starts_with("Details"));
    assert!(
        detail.contains("EOF") && detail.contains("dra.corrupt.x"),
        "{detail}"
    );
}

#[wasm_bindgen_test]
async fn a_double_click_on_next_moves_one_page() {
    let m = started(MemoryMode::Normal).await;
    let next = m.button("Next");
    next.click();
    next.click();
    tick().await;
    assert_eq!(m.one("h1").text_content().unwrap(), "Motivation & Rewards");
}

#[wasm_bindgen_test]
async fn leaving_with_unsaved_answers_asks_first() {
    let ask = || {
        let init = web_sys::EventInit::new();
        init.set_cancelable(true);
        let ev = web_sys::Event::new_with_event_init_dict("beforeunload", &init).unwrap();
        window().dispatch_event(&ev).unwrap();
        ev.default_prevented()
    };
    let saved = started(MemoryMode::Normal).await;
    assert!(!ask(), "everything is saved: no question");
    drop(saved);
    let _unsaved = started(MemoryMode::Full).await;
    assert!(ask(), "answers that could not be saved: the browser asks");
}

#[wasm_bindgen_test]
async fn a_failed_delete_says_so_and_keeps_the_record() {
    let q = default_questionnaire().unwrap();
    let a = Assessment::new("keep", &q, 1);
    let store: Store = Rc::new(Failing {
        inner: MemoryBackend::with(
            MemoryMode::Normal,
            &[
                (&record_key("keep"), &encode_record(&a, &q)),
                ("dra.record.bad", "{"),
            ],
        ),
        remove_fails: vec!["dra.record."],
    });
    window().location().set_hash("#/history").unwrap();
    let m = mount(store.clone());
    tick().await;
    let deletes: Vec<HtmlElement> = m
        .all("article button")
        .into_iter()
        .filter(|b| b.text_content().unwrap_or_default() == "Delete")
        .map(|b| b.unchecked_into())
        .collect();
    assert_eq!(deletes.len(), 2);
    for d in &deletes {
        d.click();
        tick().await;
    }
    assert!(
        m.text().contains("The assessment could not be deleted"),
        "{}",
        m.text()
    );
    assert_eq!(m.all("article").len(), 2, "both still listed");
    assert!(store.get("dra.record.bad").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_workshop_changed_in_another_tab_reloads_and_says_so() {
    let q = default_questionnaire().unwrap();
    let w = assessment::workshop::Workshop::new("w1", "Kick-off", "2026-12-01", 1);
    let store: Store = Rc::new(MemoryBackend::new(MemoryMode::Normal));
    app::persist::save_workshop(&store, &q, &w).unwrap();
    window().location().set_hash("#/workshop/w1").unwrap();
    let m = mount(store.clone());
    tick().await;
    assert!(m.text().contains("0 participants"), "{}", m.text());
    // The other tab adds a participant and saves.
    let mut there = w.clone();
    let mut a = Assessment::new("p1", &q, 1);
    a.perspective = Some(Perspective::Distributor);
    a.answer("REL1", Answer::Level(Level::new(3).unwrap()), 2);
    there.add(assessment::workshop::Participant::from_assessment(&a), 3);
    app::persist::save_workshop(&store, &q, &there).unwrap();
    other_tab_wrote("dra.workshop.w1", Some("changed"));
    tick().await;
    assert!(m.text().contains("1 participant"), "{}", m.text());
    assert!(m.text().contains("changed in another tab"));
}

#[wasm_bindgen_test]
async fn refused_links_stay_in_the_box_and_added_ones_leave_it() {
    let q = default_questionnaire().unwrap();
    let w = assessment::workshop::Workshop::new("w2", "Links", "2026-12-01", 1);
    let store: Store = Rc::new(MemoryBackend::new(MemoryMode::Normal));
    app::persist::save_workshop(&store, &q, &w).unwrap();
    let mut answers = assessment::Answers::default();
    answers.set("REL1", Answer::Level(Level::new(4).unwrap()));
    let link = format!(
        "https://example.test/#r={}",
        assessment::share::encode_share(&q, Some(Perspective::BrandOwner), &answers)
    );
    window().location().set_hash("#/workshop/w2").unwrap();
    let m = mount(store.clone());
    tick().await;
    let area: web_sys::HtmlTextAreaElement = m.one("#dra-ws-links").unchecked_into();
    area.set_value(&format!("not a link\n{link}"));
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    m.button("Add links").click();
    tick().await;
    assert_eq!(area.value(), "not a link");
    let report = m.one("#dra-ws-report").text_content().unwrap();
    assert!(report.contains("Added 1 participant"), "{report}");
    assert!(report.contains("left in the box"), "{report}");
}

#[wasm_bindgen_test]
async fn a_rename_being_typed_survives_another_tabs_save() {
    let q = default_questionnaire().unwrap();
    let mut a = Assessment::new("r1", &q, 1);
    a.label = "\u{202e}Acme".into();
    let store = store_with(&a);
    window().location().set_hash("#/history").unwrap();
    let m = mount(store.clone());
    tick().await;
    assert_eq!(
        m.one("article h2 bdi").text_content().unwrap(),
        "\u{202e}Acme",
        "a name is isolated from the text around it"
    );
    m.button("Rename").click();
    tick().await;
    let input: HtmlInputElement = m.one(".dra-rename input").unchecked_into();
    input.set_value("Acme Q4");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    // Another tab answers a question in the same assessment and saves it.
    a.answer("REL1", Answer::DontKnow, 50);
    store
        .set(&record_key("r1"), &encode_record(&a, &q))
        .unwrap();
    other_tab_wrote(&record_key("r1"), Some("x"));
    tick().await;
    let input: HtmlInputElement = m.one(".dra-rename input").unchecked_into();
    assert_eq!(input.value(), "Acme Q4");
}

#[wasm_bindgen_test]
async fn an_import_report_reaches_the_person_on_another_screen() {
    let q = default_questionnaire().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let store: Store = Rc::new(MemoryBackend::new(MemoryMode::Normal));
        let q: &'static assessment::Questionnaire = Box::leak(Box::new(q));
        let state = app::state::AppState::new(q, store, Vec::new());
        state.report_import(
            app::import::Target::History,
            vec![app::import::Line::Imported(3)],
        );
        let notices = state.notices.get_untracked();
        assert!(
            notices.iter().any(|n| matches!(
                n,
                app::notice::Notice::Said(app::notice::Said::ImportFinished {
                    added: 3,
                    workshop: None
                })
            )),
            "{notices:?}"
        );
        assert!(
            state.import_report.get_untracked().is_some(),
            "kept for My assessments"
        );
    });
}
