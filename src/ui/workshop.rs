//! Workshop mode: gather many participants' results (files and share links), see where people
//! disagree and where the two sides see things differently, present it, take the summary away.

use assessment::csv::workshop_csv;
use assessment::exchange::{import_json, MAX_IMPORT_BYTES};
use assessment::scoring::TrustGate;
use assessment::share::{decode_share, FRAGMENT_PREFIX};
use assessment::workshop::{aggregate, Group, ItemStats, Participant, Workshop, WorkshopReport};
use assessment::Questionnaire;
use leptos::prelude::*;

use super::radar::RadarChart;
use super::{count, FilePicker, TableWrap, HEADING_ID};
use crate::browser;
use crate::persist::{self, Notice};
use crate::route::Route;
use crate::state::{new_id, now_ms, AppState};

fn tenths(t: Option<u32>) -> String {
    t.map_or_else(
        || "\u{2013}".to_owned(),
        |t| format!("{}.{}", t / 10, t % 10),
    )
}

fn pct(p: Option<u32>) -> String {
    p.map_or_else(|| "\u{2013}".to_owned(), |p| format!("{p} %"))
}

fn title(q: &Questionnaire, section: usize) -> String {
    q.sections[section]
        .title
        .get(&q.default_locale, &q.default_locale)
        .to_owned()
}

fn question(q: &Questionnaire, s: &ItemStats) -> String {
    q.sections[s.item.section].items[s.item.item]
        .question
        .get(&q.default_locale, &q.default_locale)
        .to_owned()
}

/// The list of workshops and the form that creates one.
#[component]
pub fn Workshops() -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
    let list = state.stored(move |s| persist::list_workshops(s, q));
    let name = RwSignal::new(String::new());
    let date = RwSignal::new(browser::file_date(now_ms()));
    let error = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            error.set(true);
            super::focus_element("dra-workshop-name");
            return;
        }
        let w = Workshop::new(new_id(), n, date.get_untracked(), now_ms());
        match state.with_store(|s| persist::save_workshop(s, q, &w)) {
            Ok(()) => {
                state.library_changed();
                state.navigate(Route::Workshop(w.id));
            }
            Err(e) => state.notify(Notice::Problem(format!(
                "The workshop could not be saved: {e}."
            ))),
        }
    };
    view! {
        <section class="dra-page" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">"Workshops"</h1>
            <p class="dra-lead">
                "Bring a room's results together: each participant answers on their own device and hands you a \
                 result file or a share link. Everything stays in this browser."
            </p>
            <form class="dra-card dra-form-grid" on:submit=create novalidate>
                <h2>"New workshop"</h2>
                <label for="dra-workshop-name">"Name"</label>
                <input id="dra-workshop-name" type="text" maxlength="120" prop:value=move || name.get()
                    aria-describedby=move || error.get().then_some("dra-workshop-name-error")
                    on:input=move |ev| { name.set(event_target_value(&ev)); error.set(false); } />
                <Show when=move || error.get()>
                    <p id="dra-workshop-name-error" class="dra-error" role="alert">"Give the workshop a name."</p>
                </Show>
                <label for="dra-workshop-date">"Date"</label>
                <input id="dra-workshop-date" type="date" prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev)) />
                <div><button type="submit" class="dra-button dra-button--primary">"Create workshop"</button></div>
            </form>
            {move || {
                let (workshops, unreadable) = list.get();
                view! {
                    {(unreadable > 0).then(|| view! {
                        <p class="dra-card">{format!("{unreadable} saved workshop(s) could not be read; they are kept unchanged.")}</p>
                    })}
                    <ul class="dra-records">
                        {workshops.into_iter().map(|w| {
                            let heading = format!("dra-workshop-{}", w.id);
                            let labelled = heading.clone();
                            let (id, id2, label) = (w.id.clone(), w.id.clone(), w.name.clone());
                            let delete = move |_| match state.with_store(|s| persist::delete_workshop(s, &id2)) {
                                Ok(Some(text)) => {
                                    state.notify(Notice::Deleted { key: persist::workshop_key(&id2), label: label.clone(), text });
                                    state.library_changed();
                                }
                                _ => state.library_changed(),
                            };
                            view! {
                                <li>
                                    <article class="dra-card dra-record" aria-labelledby=labelled>
                                        <h2 id=heading>{w.name.clone()}</h2>
                                        <p class="dra-muted">{format!("{} \u{b7} {}", w.date, count(w.participants.len(), "participant", "participants"))}</p>
                                        <div class="dra-actions dra-actions--compact">
                                            <button type="button" class="dra-button dra-button--small dra-button--primary"
                                                on:click=move |_| state.navigate(Route::Workshop(id.clone()))>"Open"</button>
                                            <button type="button" class="dra-button dra-button--small" on:click=delete>"Delete"</button>
                                        </div>
                                    </article>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            }}
        </section>
    }
}

/// One workshop: adding results, and everything computed from them.
#[component]
pub fn WorkshopView(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
    let Some(initial) = state.with_store(|s| persist::read_workshop(s, q, &id)) else {
        return view! {
            <section class="dra-page" aria-labelledby=HEADING_ID>
                <h1 id=HEADING_ID tabindex="-1">"Workshop not found"</h1>
                <p class="dra-card" role="alert">"This workshop is not saved in this browser (it may have been deleted)."</p>
                <p><a href="#/workshops">"Back to workshops"</a></p>
            </section>
        }
        .into_any();
    };
    let workshop = RwSignal::new(initial);
    let report =
        Memo::new(move |_| workshop.with(|w| aggregate(q, &state.scope(), &w.participants)));
    let lines = RwSignal::new(Vec::<String>::new());
    let links = RwSignal::new(String::new());
    let show_labels = RwSignal::new(false);
    let save = move |w: &Workshop| -> bool {
        match state.with_store(|s| persist::save_workshop(s, q, w)) {
            Ok(()) => true,
            Err(e) => {
                state.notify(Notice::Problem(format!(
                    "The workshop could not be saved ({e}); the participants just added are not kept. Export the summary or free some space."
                )));
                false
            }
        }
    };
    // Adds participants and reports; all or nothing when saving fails.
    let add_all = move |found: Vec<(String, Participant)>, mut report_lines: Vec<String>| {
        let mut w = workshop.get_untracked();
        let (mut added, mut duplicates) = (0, 0);
        for (source, p) in found {
            if w.add(p, now_ms()) {
                added += 1;
            } else {
                duplicates += 1;
                report_lines.push(format!("{source}: already in this workshop (duplicate)."));
            }
        }
        if added > 0 && save(&w) {
            workshop.set(w);
            state.library_changed();
            report_lines.insert(
                0,
                format!("Added {}.", count(added, "participant", "participants")),
            );
        } else if added == 0 {
            report_lines.insert(0, "No participant was added.".to_owned());
        }
        if duplicates > 0 {
            report_lines.insert(
                1.min(report_lines.len()),
                format!("{duplicates} duplicate(s) skipped."),
            );
        }
        lines.set(report_lines);
    };
    let take_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut found = Vec::new();
            let mut report_lines = Vec::new();
            let (small, large): (Vec<_>, Vec<_>) = files
                .into_iter()
                .partition(|f| f.size() <= MAX_IMPORT_BYTES as f64);
            for file in large {
                report_lines.push(format!("{}: refused: the file is over 5 MB.", file.name()));
            }
            let texts = browser::read_texts(&small).await;
            for (file, text) in small.iter().zip(texts) {
                let name = file.name();
                match text.map(|t| import_json(&t, q)) {
                    Err(e) => report_lines.push(format!("{name}: refused: {e}.")),
                    Ok(Err(e)) => report_lines.push(format!("{name}: refused: {e}.")),
                    Ok(Ok(r)) => {
                        for (pos, e) in r.rejected {
                            report_lines.push(format!("{name}: result {pos} refused: {e}."));
                        }
                        found.extend(
                            r.records
                                .iter()
                                .map(|a| (name.clone(), Participant::from_assessment(a))),
                        );
                    }
                }
            }
            add_all(found, report_lines);
        });
    };
    let add_links = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let mut report_lines = Vec::new();
        for (n, line) in links.get_untracked().lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let payload = line
                .split_once('#')
                .map_or(line, |(_, f)| f)
                .trim_start_matches(FRAGMENT_PREFIX);
            match decode_share(payload, q) {
                Ok(shared) => found.push((
                    format!("Link on line {}", n + 1),
                    Participant::from_link(payload, shared),
                )),
                Err(e) => report_lines.push(format!("Link on line {}: refused: {e}", n + 1)),
            }
        }
        links.set(String::new());
        add_all(found, report_lines);
    };
    let export = move |_| {
        let w = workshop.get_untracked();
        let text = workshop_csv(&report.get_untracked(), q, &q.default_locale);
        let name = format!("workshop-{}-{}.csv", browser::slug(&w.name), w.date);
        let _ = browser::download(&name, "text/csv;charset=utf-8", &text);
    };
    let remove = move |key: String| {
        let mut w = workshop.get_untracked();
        w.remove(&key, now_ms());
        if save(&w) {
            workshop.set(w);
        }
    };
    let wid = id.clone();
    view! {
        <section class="dra-page dra-workshop" aria-labelledby=HEADING_ID>
            <p class="dra-brand"><a href="#/workshops">"Workshops"</a></p>
            <h1 id=HEADING_ID tabindex="-1">{move || workshop.with(|w| w.name.clone())}</h1>
            <p class="dra-about">{move || workshop.with(|w| {
                let r = report.get();
                format!("{} \u{b7} {}: {} brand owner, {} distributor", w.date, count(w.participants.len(), "participant", "participants"), r.brand_owner_count, r.distributor_count)
            })}</p>
            <div class="dra-actions dra-no-print">
                <button type="button" class="dra-button dra-button--primary"
                    on:click=move |_| state.navigate(Route::Present(wid.clone()))>"Present"</button>
                <button type="button" class="dra-button" on:click=export>"Export summary (CSV)"</button>
                <button type="button" class="dra-button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
            </div>
            <div class="dra-card dra-import dra-no-print"
                on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                on:drop=move |ev: web_sys::DragEvent| { ev.prevent_default(); take_files(ev.data_transfer().and_then(|d| d.files())); }>
                <h2>"Add results"</h2>
                <p class="dra-muted" id="dra-ws-help">"Result files exported by participants (choose or drop several at once), or share links pasted one per line."</p>
                <FilePicker id="dra-ws-files" label="Add result files" help="dra-ws-help dra-ws-report" on_files=take_files />
                <form class="dra-links" on:submit=add_links>
                    <label for="dra-ws-links">"Share links, one per line"</label>
                    <textarea id="dra-ws-links" rows="3" aria-describedby="dra-ws-report" prop:value=move || links.get()
                        on:input=move |ev| links.set(event_target_value(&ev))></textarea>
                    <button type="submit" class="dra-button">"Add links"</button>
                </form>
                <div role="status" id="dra-ws-report" class="dra-import__report">
                    <Show when=move || lines.with(|l| !l.is_empty())>
                        <ul>{move || lines.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </Show>
                </div>
            </div>
            {move || view! { <Overview report=report.get() /> }}
            {move || view! { <Divided report=report.get() /> }}
            {move || view! { <Gaps report=report.get() /> }}
            {move || view! { <ItemTables report=report.get() /> }}
            <section class="dra-card dra-no-print" aria-labelledby="dra-ws-people">
                <h2 id="dra-ws-people">"Participants"</h2>
                <label class="dra-choice dra-choice--inline">
                    <input type="checkbox" prop:checked=move || show_labels.get()
                        on:change=move |ev| show_labels.set(event_target_checked(&ev)) />
                    <span>"Show labels (participants are anonymous by default)"</span>
                </label>
                <ol class="dra-people">
                    {move || workshop.with(|w| w.participants.iter().enumerate().map(|(n, p)| {
                        let key = p.key.clone();
                        let side = p.perspective.map_or("perspective not given".to_owned(), |x| x.to_string());
                        let label = p.label.clone();
                        let name = format!("Participant {}", n + 1);
                        let remove_name = format!("Remove participant {}", n + 1);
                        view! {
                            <li>
                                <span>{name}" \u{b7} "{side}
                                    {move || (show_labels.get() && !label.is_empty()).then(|| format!(" \u{b7} {label}"))}
                                </span>
                                <button type="button" class="dra-button dra-button--small" aria-label=remove_name
                                    on:click=move |_| remove(key.clone())>"Remove"</button>
                            </li>
                        }
                    }).collect_view())}
                </ol>
            </section>
        </section>
    }
    .into_any()
}

fn band_text(q: &Questionnaire, r: &WorkshopReport) -> String {
    let lang = q.default_locale.as_str();
    match (r.all.overall, r.band) {
        (Some(p), Some(b)) => format!(
            "Group overall {p} % {}{}",
            q.scoring.bands[b].name.get(lang, lang),
            if r.trust == TrustGate::AtRisk {
                " (at risk)"
            } else {
                ""
            }
        ),
        _ => "Group overall: not enough answers yet".to_owned(),
    }
}

fn side_note(q: &Questionnaire, r: &WorkshopReport) -> Option<String> {
    let min = q.scoring.workshop.min_group_size;
    let hidden: Vec<&str> = [
        ("brand owner", &r.brand_owner, r.brand_owner_count),
        ("distributor", &r.distributor, r.distributor_count),
    ]
    .into_iter()
    .filter(|(_, g, n)| g.is_none() && *n > 0)
    .map(|(name, _, _)| name)
    .collect();
    (!hidden.is_empty()).then(|| format!(
        "The {} breakdown is hidden: it needs at least {min} respondents, to keep people anonymous.",
        hidden.join(" and ")
    ))
}

#[component]
fn Overview(report: WorkshopReport) -> impl IntoView {
    let q = expect_context::<AppState>().q;
    let labels: Vec<String> = report
        .all
        .sections
        .iter()
        .map(|s| title(q, s.section))
        .collect();
    let mut series = vec![report
        .all
        .sections
        .iter()
        .map(|s| s.mean)
        .collect::<Vec<_>>()];
    let mut names = vec!["Group mean".to_owned()];
    for (name, g) in [
        ("Brand owner", &report.brand_owner),
        ("Distributor", &report.distributor),
    ] {
        if let Some(g) = g {
            series.push(g.sections.iter().map(|s| s.mean).collect());
            names.push(name.to_owned());
        }
    }
    let side_mean = |g: &Option<Group>, s: usize| {
        pct(g.as_ref().and_then(|g| g.section(s)).and_then(|x| x.mean))
    };
    let gate = match report.trust {
        TrustGate::AtRisk => {
            Some("At risk: the group's or one side's Trust & Foundations mean is below 40 %.")
        }
        TrustGate::NotAssessed => {
            Some("Trust not assessed: not enough answers on Trust & Foundations.")
        }
        _ => None,
    };
    view! {
        <section class="dra-card" aria-labelledby="dra-ws-overview">
            <h2 id="dra-ws-overview">"Overview"</h2>
            <p class="dra-overall__score">{band_text(q, &report)}</p>
            {gate.map(|g| view! { <p class="dra-flag">{g}</p> })}
            {side_note(q, &report).map(|n| view! { <p class="dra-muted">{n}</p> })}
            <div class="dra-chart dra-chart--plain">
                <RadarChart title=format!("Section means: {}", names.join(", ")) labels=labels series=series />
                <p class="dra-legend" class:dra-hidden=names.len() < 2>
                    {names.iter().enumerate().map(|(n, name)| view! { <span class=format!("dra-legend__s{n}")>{name.clone()}</span> }).collect_view()}
                </p>
                <TableWrap label="Section scores across the group".to_owned()>
                    <table class="dra-table">
                        <caption>"Section scores across the group"</caption>
                        <thead><tr>
                            <th scope="col">"Section"</th><th scope="col">"Mean"</th><th scope="col">"Range"</th>
                            <th scope="col">"Brand owner"</th><th scope="col">"Distributor"</th>
                            <th scope="col">"Not applicable"</th><th scope="col">"Don't know"</th>
                        </tr></thead>
                        <tbody>
                            {report.all.sections.iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{title(q, s.section)}</th>
                                    <td>{pct(s.mean)}</td>
                                    <td>{match (s.min, s.max) { (Some(a), Some(b)) => format!("{a}\u{2013}{b} %"), _ => "\u{2013}".to_owned() }}</td>
                                    <td>{side_mean(&report.brand_owner, s.section)}</td>
                                    <td>{side_mean(&report.distributor, s.section)}</td>
                                    <td>{s.not_applicable}</td>
                                    <td>{s.dont_know}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableWrap>
            </div>
        </section>
    }
}

/// The count at each level as a small bar chart, with the numbers as text.
#[component]
fn Distribution(stats: ItemStats) -> impl IntoView {
    let most = stats.counts.iter().copied().max().unwrap_or(0).max(1);
    let text = format!(
        "Level 1: {}, 2: {}, 3: {}, 4: {}, 5: {}; not applicable: {}; don't know: {}",
        stats.counts[0],
        stats.counts[1],
        stats.counts[2],
        stats.counts[3],
        stats.counts[4],
        stats.not_applicable,
        stats.dont_know
    );
    view! {
        <div class="dra-dist">
            <div class="dra-dist__bars" aria-hidden="true">
                {stats.counts.iter().enumerate().map(|(l, &c)| view! {
                    <div class="dra-dist__col">
                        <div class="dra-dist__bar" style:height=format!("{}%", c * 100 / most)></div>
                        <span>{format!("{}", l + 1)}</span>
                    </div>
                }).collect_view()}
            </div>
            <p class="dra-muted">{text}</p>
        </div>
    }
}

/// How many divided questions and question gaps are listed before "Show all".
const FIRST: usize = 10;

#[component]
fn ShowAll(total: usize, all: RwSignal<bool>) -> impl IntoView {
    (total > FIRST).then(|| view! {
        <button type="button" class="dra-button dra-button--small dra-no-print"
            aria-expanded=move || all.get().to_string()
            on:click=move |_| all.update(|a| *a = !*a)>
            {move || if all.get() { format!("Show the first {FIRST}") } else { format!("Show all {total}") }}
        </button>
    })
}

#[component]
fn Divided(report: WorkshopReport) -> impl IntoView {
    let q = expect_context::<AppState>().q;
    let span = q.scoring.workshop.disagreement_span_levels;
    let all = RwSignal::new(false);
    let total = report.divided.len();
    let report = StoredValue::new(report);
    view! {
        <section class="dra-card" aria-labelledby="dra-ws-divided">
            <h2 id="dra-ws-divided">"Where people disagree most"</h2>
            <p class="dra-muted">{format!("Questions whose answers span {span} levels or more, most divided first.")}</p>
            {move || if total == 0 {
                view! { <p>"No question divides the group that much."</p> }.into_any()
            } else {
                let report = report.get_value();
                let shown = if all.get() { total } else { total.min(FIRST) };
                view! {
                    <ol class="dra-divided">
                        {report.divided.iter().take(shown).map(|&k| {
                            let s = report.all.items[k];
                            view! {
                                <li>
                                    <p class="dra-weakest__question">{question(q, &s)}</p>
                                    <p class="dra-muted">{format!(
                                        "{} \u{b7} answers from {} to {} \u{b7} mean {} \u{b7} {} respondents",
                                        title(q, s.item.section), s.min().unwrap_or(0), s.max().unwrap_or(0), tenths(s.mean_tenths()), s.respondents
                                    )}</p>
                                    <Distribution stats=s />
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <ShowAll total=total all=all />
        </section>
    }
}

#[component]
fn Gaps(report: WorkshopReport) -> impl IntoView {
    let q = expect_context::<AppState>().q;
    let rules = &q.scoring.workshop;
    let body = if report.brand_owner.is_none() || report.distributor.is_none() {
        view! { <p>{format!(
            "Perception gaps need at least {} respondents on each side (now {} brand owner, {} distributor).",
            rules.min_group_size, report.brand_owner_count, report.distributor_count
        )}</p> }.into_any()
    } else if report.item_gaps.is_empty() && report.section_gaps.is_empty() {
        view! { <p>"The two sides see things alike: no perception gap."</p> }.into_any()
    } else {
        let sections = report.section_gaps.iter().map(|g| {
            (
                title(q, g.section),
                f64::from(g.brand_owner),
                f64::from(g.distributor),
                format!("{} %", g.brand_owner),
                format!("{} %", g.distributor),
                100.0,
            )
        });
        let items = report.item_gaps.iter().map(|g| {
            let s = report
                .all
                .item(g.item)
                .copied()
                .unwrap_or_else(|| report.all.items[0]);
            (
                question(q, &s),
                f64::from(g.brand_owner_tenths) / 10.0,
                f64::from(g.distributor_tenths) / 10.0,
                tenths(Some(g.brand_owner_tenths)),
                tenths(Some(g.distributor_tenths)),
                5.0,
            )
        });
        let rows: Vec<_> = sections.chain(items).collect();
        let n_sections = report.section_gaps.len();
        let n_items = report.item_gaps.len();
        let all = RwSignal::new(false);
        let rows = StoredValue::new(rows);
        let width = |v: f64, max: f64| format!("{}%", (v / max * 100.0).round() as u32);
        view! {
            {move || {
                let take = n_sections + if all.get() { n_items } else { n_items.min(FIRST) };
                let rows: Vec<_> = rows.with_value(|r| r[..take].to_vec());
                let table_rows = rows.clone();
                {
                    view! {
                        <div class="dra-mirror" aria-hidden="true">
                            <div class="dra-mirror__head"><span>"Brand owner"</span><span></span><span>"Distributor"</span></div>
                            {rows.iter().map(|(name, b, d, bt, dt, max)| view! {
                                <div class="dra-mirror__row">
                                    <div class="dra-mirror__side dra-mirror__side--left">
                                        <span class="dra-mirror__value">{bt.clone()}</span>
                                        <div class="dra-mirror__bar dra-mirror__bar--bo" style:width=width(*b, *max)></div>
                                    </div>
                                    <div class="dra-mirror__name">{name.clone()}</div>
                                    <div class="dra-mirror__side">
                                        <div class="dra-mirror__bar dra-mirror__bar--d" style:width=width(*d, *max)></div>
                                        <span class="dra-mirror__value">{dt.clone()}</span>
                                    </div>
                                </div>
                            }).collect_view()}
                        </div>
                        <TableWrap label="Perception gaps: brand owner and distributor".to_owned()>
                            <table class="dra-table">
                                <caption>"Perception gaps: brand owner and distributor"</caption>
                                <thead><tr><th scope="col">"Section or question"</th><th scope="col">"Brand owner"</th><th scope="col">"Distributor"</th></tr></thead>
                                <tbody>
                                    {table_rows.into_iter().map(|(name, _, _, bt, dt, _)| view! {
                                        <tr><th scope="row">{name}</th><td>{bt}</td><td>{dt}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </TableWrap>
                    }
                }
            }}
            <ShowAll total=n_items all=all />
        }.into_any()
    };
    view! {
        <section class="dra-card" aria-labelledby="dra-ws-gaps">
            <h2 id="dra-ws-gaps">"Perception gaps"</h2>
            <p class="dra-muted">{format!(
                "Where the two sides' means differ by {}.{} levels or more on a question (both sides answered it), or {} points or more on a section.",
                rules.perception_gap_item_tenths / 10, rules.perception_gap_item_tenths % 10, rules.perception_gap_section_points
            )}</p>
            {body}
        </section>
    }
}

#[component]
fn ItemTables(report: WorkshopReport) -> impl IntoView {
    let q = expect_context::<AppState>().q;
    let side =
        |g: &Option<Group>, k: usize| tenths(g.as_ref().and_then(|g| g.items[k].mean_tenths()));
    report.all.sections.iter().map(|sec| {
        let rows = report.all.items.iter().enumerate().filter(|(_, s)| s.item.section == sec.section).map(|(k, s)| {
            let median = s.median_halves().map_or_else(|| "\u{2013}".to_owned(), |h| if h % 2 == 0 { (h / 2).to_string() } else { format!("{}.5", h / 2) });
            view! {
                <tr>
                    <th scope="row">{question(q, s)}</th>
                    <td>{s.respondents}</td>
                    <td>{tenths(s.mean_tenths())}</td>
                    <td>{median}</td>
                    <td>{match (s.min(), s.max()) { (Some(a), Some(b)) => format!("{a}\u{2013}{b}"), _ => "\u{2013}".to_owned() }}</td>
                    <td>{s.counts.iter().map(ToString::to_string).collect::<Vec<_>>().join(" / ")}</td>
                    <td>{s.not_applicable}</td>
                    <td>{s.dont_know}</td>
                    <td>{side(&report.brand_owner, k)}</td>
                    <td>{side(&report.distributor, k)}</td>
                </tr>
            }
        }).collect_view();
        let name = title(q, sec.section);
        view! {
            <details class="dra-card dra-item-table">
                <summary>{format!("{name}: every question")}</summary>
                <TableWrap label=format!("{name}: answers per question")>
                    <table class="dra-table">
                        <caption>{format!("{name}: answers per question")}</caption>
                        <thead><tr>
                            <th scope="col">"Question"</th><th scope="col">"Respondents"</th><th scope="col">"Mean"</th>
                            <th scope="col">"Median"</th><th scope="col">"Range"</th><th scope="col">"Levels 1 / 2 / 3 / 4 / 5"</th>
                            <th scope="col">"Not applicable"</th><th scope="col">"Don't know"</th>
                            <th scope="col">"Brand owner"</th><th scope="col">"Distributor"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableWrap>
            </details>
        }
    }).collect_view()
}

/// The presenter view: large type, one slide at a time (an overview, then one per section with
/// its most divided questions first); the arrow keys move, Escape leaves.
#[component]
pub fn Presenter(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.q;
    let Some(w) = state.with_store(|s| persist::read_workshop(s, q, &id)) else {
        return view! { <p role="alert">"This workshop is not saved in this browser."</p> }
            .into_any();
    };
    let report = aggregate(q, &state.scope(), &w.participants);
    let sections: Vec<usize> = report.all.sections.iter().map(|s| s.section).collect();
    let slides = sections.len() + 1;
    let slide = RwSignal::new(0usize);
    let back_to = id.clone();
    let leave = move || state.navigate(Route::Workshop(back_to.clone()));
    let leave2 = leave.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        "ArrowRight" | "PageDown" => {
            ev.prevent_default();
            slide.update(|s| *s = (*s + 1).min(slides - 1));
        }
        "ArrowLeft" | "PageUp" => {
            ev.prevent_default();
            slide.update(|s| *s = s.saturating_sub(1));
        }
        "Home" => slide.set(0),
        "End" => slide.set(slides - 1),
        "Escape" => leave(),
        _ => {}
    });
    on_cleanup(move || handle.remove());
    Effect::new(move |prev: Option<usize>| {
        let s = slide.get();
        if prev.is_some_and(|p| p != s) {
            request_animation_frame(|| super::focus_element(HEADING_ID));
        }
        s
    });
    let name = w.name.clone();
    let report = StoredValue::new(report);
    let sections = StoredValue::new(sections);
    view! {
        <section class="dra-presenter" aria-roledescription="slide show" aria-labelledby=HEADING_ID>
            <p class="dra-presenter__where" aria-live="polite">
                {move || format!("{name} \u{b7} slide {} of {slides}", slide.get() + 1)}
            </p>
            {move || {
                let r = report.get_value();
                match slide.get() {
                    0 => view! {
                        <h1 id=HEADING_ID tabindex="-1">"Overview"</h1>
                        <p class="dra-presenter__big">{band_text(q, &r)}</p>
                        <ul class="dra-presenter__list">
                            {r.all.sections.iter().map(|s| view! {
                                <li>{format!("{}: {}", title(q, s.section), pct(s.mean))}</li>
                            }).collect_view()}
                        </ul>
                        <p>{format!("{} \u{b7} {} brand owner, {} distributor", count(r.all.respondents, "participant", "participants"), r.brand_owner_count, r.distributor_count)}</p>
                    }.into_any(),
                    n => {
                        let section = sections.with_value(|s| s[n - 1]);
                        let stats = r.all.section(section).cloned();
                        let mut items: Vec<usize> = r.divided.iter().copied().filter(|&k| r.all.items[k].item.section == section).collect();
                        items.extend((0..r.all.items.len()).filter(|&k| r.all.items[k].item.section == section && !r.divided.contains(&k)));
                        let side = |g: &Option<Group>| pct(g.as_ref().and_then(|g| g.section(section)).and_then(|x| x.mean));
                        view! {
                            <h1 id=HEADING_ID tabindex="-1">{title(q, section)}</h1>
                            <p class="dra-presenter__big">{format!("Group mean {}", pct(stats.and_then(|s| s.mean)))}</p>
                            <p>{format!("Brand owner {} \u{b7} Distributor {}", side(&r.brand_owner), side(&r.distributor))}</p>
                            <ol class="dra-presenter__items">
                                {items.into_iter().map(|k| {
                                    let s = r.all.items[k];
                                    let divided = r.divided.contains(&k);
                                    view! {
                                        <li class:dra-presenter__divided=divided>
                                            <p class="dra-weakest__question">{question(q, &s)}</p>
                                            <p>{format!("{}mean {} \u{b7} answers {}\u{2013}{}", if divided { "Divided \u{b7} " } else { "" },
                                                tenths(s.mean_tenths()), s.min().unwrap_or(0), s.max().unwrap_or(0))}</p>
                                            <Distribution stats=s />
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }
            }}
            <div class="dra-actions dra-presenter__nav">
                <button type="button" class="dra-button" on:click=move |_| slide.update(|s| *s = s.saturating_sub(1))
                    disabled=move || slide.get() == 0>"Previous"</button>
                <button type="button" class="dra-button" on:click=move |_| slide.update(|s| *s = (*s + 1).min(slides - 1))
                    disabled=move || slide.get() + 1 == slides>"Next"</button>
                <button type="button" class="dra-button" on:click=move |_| leave2()>"Close presenter view"</button>
            </div>
            <p class="dra-muted">"Keys: \u{2190} and \u{2192} move between slides, Escape closes."</p>
        </section>
    }
    .into_any()
}
