//! Workshop mode: gather many participants' results (files and share links), see where people
//! disagree and where the two sides see things differently, present it, take the summary away.

use assessment::csv::workshop_csv;
use assessment::exchange::ImportError;
use assessment::exchange::{import_json, MAX_IMPORT_BYTES};
use assessment::i18n::{fill, Messages};
use assessment::scoring::TrustGate;
use assessment::share::{decode_share, FRAGMENT_PREFIX};
use assessment::workshop::{aggregate, Group, ItemStats, Participant, Workshop, WorkshopReport};
use leptos::prelude::*;

use super::radar::RadarChart;
use super::{FilePicker, TableWrap, HEADING_ID};
use crate::browser;
use crate::persist::{self, Action, Notice, Said};
use crate::route::Route;
use crate::state::{new_id, now_ms, AppState};

/// A dash for "no value".
const NONE: &str = "\u{2013}";

fn tenths(m: &Messages, t: Option<u32>) -> String {
    t.map_or_else(|| NONE.to_owned(), |t| m.tenths(t))
}

fn pct(m: &Messages, p: Option<u32>) -> String {
    p.map_or_else(|| NONE.to_owned(), |p| m.percent(p))
}

fn title(state: AppState, section: usize) -> String {
    state.text(&state.q.sections[section].title).to_owned()
}

fn question(state: AppState, s: &ItemStats) -> String {
    state
        .text(&state.q.sections[s.item.section].items[s.item.item].question)
        .to_owned()
}

fn participants(m: &Messages, n: usize) -> String {
    m.count(m.participants, n, &[])
}

/// The list of workshops and the form that creates one.
#[component]
pub fn Workshops() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
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
            Err(e) => state.notify(Notice::Said(Said::Failed(Action::SaveWorkshop, e))),
        }
    };
    view! {
        <section class="dra-page" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID tabindex="-1">{m.nav_workshops}</h1>
            <p class="dra-lead">{m.workshops_lead}</p>
            <form class="dra-card dra-form-grid" on:submit=create novalidate>
                <h2>{m.new_workshop}</h2>
                <label for="dra-workshop-name">{m.name}</label>
                <input id="dra-workshop-name" type="text" maxlength="120" prop:value=move || name.get()
                    aria-describedby=move || error.get().then_some("dra-workshop-name-error")
                    on:input=move |ev| { name.set(event_target_value(&ev)); error.set(false); } />
                <Show when=move || error.get()>
                    <p id="dra-workshop-name-error" class="dra-error" role="alert">{m.workshop_name_missing}</p>
                </Show>
                <label for="dra-workshop-date">{m.date}</label>
                <input id="dra-workshop-date" type="date" prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev)) />
                <div><button type="submit" class="dra-button dra-button--primary">{m.create_workshop}</button></div>
            </form>
            {move || {
                let (workshops, unreadable) = list.get();
                view! {
                    {(unreadable > 0).then(|| view! {
                        <p class="dra-card">{m.count(m.workshops_unreadable, unreadable, &[])}</p>
                    })}
                    <ul class="dra-records">
                        {workshops.into_iter().map(|w| {
                            let heading = format!("dra-workshop-{}", w.id);
                            let labelled = heading.clone();
                            let (id, id2, label) = (w.id.clone(), w.id.clone(), w.name.clone());
                            let delete = move |_| match state.with_store(|s| persist::delete_workshop(s, &id2)) {
                                Ok(Some(text)) => {
                                    state.notify(Notice::Deleted { key: persist::workshop_key(&id2), label: Some(label.clone()), text });
                                    state.library_changed();
                                }
                                _ => state.library_changed(),
                            };
                            view! {
                                <li>
                                    <article class="dra-card dra-record" aria-labelledby=labelled>
                                        <h2 id=heading>{w.name.clone()}</h2>
                                        <p class="dra-muted">{format!("{} \u{b7} {}", browser::day(&w.date, m), participants(m, w.participants.len()))}</p>
                                        <div class="dra-actions dra-actions--compact">
                                            <button type="button" class="dra-button dra-button--small dra-button--primary"
                                                on:click=move |_| state.navigate(Route::Workshop(id.clone()))>{m.open}</button>
                                            <button type="button" class="dra-button dra-button--small" on:click=delete>{m.delete}</button>
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
    let (q, m) = (state.q, state.t());
    let Some(initial) = state.with_store(|s| persist::read_workshop(s, q, &id)) else {
        return view! {
            <section class="dra-page" aria-labelledby=HEADING_ID>
                <h1 id=HEADING_ID tabindex="-1">{m.workshop_not_found}</h1>
                <p class="dra-card" role="alert">{m.workshop_not_found_text}</p>
                <p><a href="#/workshops">{m.back_to_workshops}</a></p>
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
                state.notify(Notice::Said(Said::Failed(Action::AddParticipants, e)));
                false
            }
        }
    };
    // Adds participants and reports; all or nothing when saving fails.
    let add_all = move |found: Vec<(String, Participant)>, mut report_lines: Vec<String>| {
        // Files are read asynchronously: if the view was rebuilt meanwhile (the language was
        // switched, or the user left), its signals are gone and nothing is added.
        let Some(mut w) = workshop.try_get_untracked() else {
            return;
        };
        let (mut added, mut duplicates) = (0, 0);
        for (source, p) in found {
            if w.add(p, now_ms()) {
                added += 1;
            } else {
                duplicates += 1;
                report_lines.push(fill(m.ws_duplicate, &[("source", &source)]));
            }
        }
        if added > 0 && save(&w) {
            workshop.set(w);
            state.library_changed();
            report_lines.insert(0, m.count(m.ws_added, added, &[]));
        } else if added == 0 {
            report_lines.insert(0, m.ws_none_added.to_owned());
        }
        if duplicates > 0 {
            report_lines.insert(
                1.min(report_lines.len()),
                m.count(m.ws_duplicates_skipped, duplicates, &[]),
            );
        }
        lines.set(report_lines);
    };
    let take_files = move |files: Option<web_sys::FileList>| {
        let files = super::file_list(files);
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut found = Vec::new();
            let mut report_lines = Vec::new();
            let (small, large): (Vec<_>, Vec<_>) = files
                .into_iter()
                .partition(|f| f.size() <= MAX_IMPORT_BYTES as f64);
            let refused = |file: &str, reason: String| {
                fill(m.file_refused, &[("file", file), ("reason", &reason)])
            };
            for file in large {
                let bytes = file.size() as u64;
                report_lines.push(refused(
                    &file.name(),
                    ImportError::TooLarge { bytes }.message(m),
                ));
            }
            let texts = browser::read_texts(&small).await;
            for (file, text) in small.iter().zip(texts) {
                let name = file.name();
                match text.map(|t| import_json(&t, q)) {
                    None => report_lines.push(refused(&name, m.file_unreadable.to_owned())),
                    Some(Err(e)) => report_lines.push(refused(&name, e.message(m))),
                    Some(Ok(r)) => {
                        for (pos, e) in r.rejected {
                            report_lines.push(fill(
                                m.record_refused,
                                &[
                                    ("file", &name),
                                    ("n", &m.int(pos as u64)),
                                    ("reason", &e.message(m)),
                                ],
                            ));
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
                    fill(m.link_on_line, &[("n", &m.int(n as u64 + 1))]),
                    Participant::from_link(payload, shared),
                )),
                Err(e) => report_lines.push(fill(
                    m.file_refused,
                    &[
                        (
                            "file",
                            &fill(m.link_on_line, &[("n", &m.int(n as u64 + 1))]),
                        ),
                        ("reason", &e.message(m)),
                    ],
                )),
            }
        }
        links.set(String::new());
        add_all(found, report_lines);
    };
    let export = move |_| {
        let w = workshop.get_untracked();
        let text = workshop_csv(&report.get_untracked(), q, m.locale.code());
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
            <p class="dra-brand"><a href="#/workshops">{m.nav_workshops}</a></p>
            <h1 id=HEADING_ID tabindex="-1">{move || workshop.with(|w| w.name.clone())}</h1>
            <p class="dra-about">{move || workshop.with(|w| {
                let r = report.get();
                format!("{} \u{b7} {}", browser::day(&w.date, m), fill(m.ws_sides, &[
                    ("participants", &participants(m, w.participants.len())),
                    ("bo", &m.int(r.brand_owner_count as u64)),
                    ("d", &m.int(r.distributor_count as u64)),
                ]))
            })}</p>
            <div class="dra-actions dra-no-print">
                <button type="button" class="dra-button dra-button--primary"
                    on:click=move |_| state.navigate(Route::Present(wid.clone()))>{m.present}</button>
                <button type="button" class="dra-button" on:click=export>{m.export_summary}</button>
                <button type="button" class="dra-button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{m.print}</button>
            </div>
            <div class="dra-card dra-import dra-no-print"
                on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                on:drop=move |ev: web_sys::DragEvent| { ev.prevent_default(); take_files(ev.data_transfer().and_then(|d| d.files())); }>
                <h2>{m.add_results}</h2>
                <p class="dra-muted" id="dra-ws-help">{m.add_results_help}</p>
                <FilePicker id="dra-ws-files" label=m.add_result_files help="dra-ws-help dra-ws-report" on_files=take_files />
                <form class="dra-links" on:submit=add_links>
                    <label for="dra-ws-links">{m.links_label}</label>
                    <textarea id="dra-ws-links" rows="3" aria-describedby="dra-ws-report" prop:value=move || links.get()
                        on:input=move |ev| links.set(event_target_value(&ev))></textarea>
                    <button type="submit" class="dra-button">{m.add_links}</button>
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
                <h2 id="dra-ws-people">{m.participants_heading}</h2>
                <label class="dra-choice dra-choice--inline">
                    <input type="checkbox" prop:checked=move || show_labels.get()
                        on:change=move |ev| show_labels.set(event_target_checked(&ev)) />
                    <span>{m.show_labels}</span>
                </label>
                <ol class="dra-people">
                    {move || workshop.with(|w| w.participants.iter().enumerate().map(|(n, p)| {
                        let key = p.key.clone();
                        let side = p.perspective.map_or(m.perspective_not_given, |x| x.name(m));
                        let label = p.label.clone();
                        let number = m.int(n as u64 + 1);
                        let name = fill(m.participant_n, &[("n", &number)]);
                        let remove_name = fill(m.remove_participant_n, &[("n", &number)]);
                        view! {
                            <li>
                                <span>{name}" \u{b7} "{side}
                                    {move || (show_labels.get() && !label.is_empty()).then(|| format!(" \u{b7} {label}"))}
                                </span>
                                <button type="button" class="dra-button dra-button--small" aria-label=remove_name
                                    on:click=move |_| remove(key.clone())>{m.remove}</button>
                            </li>
                        }
                    }).collect_view())}
                </ol>
            </section>
        </section>
    }
    .into_any()
}

fn band_text(state: AppState, r: &WorkshopReport) -> String {
    let m = state.t();
    match (r.all.overall, r.band) {
        (Some(p), Some(b)) => {
            let line = fill(
                m.group_overall_line,
                &[
                    ("percent", &m.percent(p)),
                    ("band", state.text(&state.q.scoring.bands[b].name)),
                ],
            );
            if r.trust == TrustGate::AtRisk {
                line + m.at_risk_suffix
            } else {
                line
            }
        }
        _ => m.group_overall_not_enough.to_owned(),
    }
}

fn side_note(state: AppState, r: &WorkshopReport) -> Option<String> {
    let m = state.t();
    let min = m.int(state.q.scoring.workshop.min_group_size as u64);
    let hidden = |g: &Option<Group>, n: usize| g.is_none() && n > 0;
    let template = match (
        hidden(&r.brand_owner, r.brand_owner_count),
        hidden(&r.distributor, r.distributor_count),
    ) {
        (true, true) => m.ws_hidden_both,
        (true, false) => m.ws_hidden_brand_owner,
        (false, true) => m.ws_hidden_distributor,
        (false, false) => return None,
    };
    Some(fill(template, &[("min", &min)]))
}

#[component]
fn Overview(report: WorkshopReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let labels: Vec<String> = report
        .all
        .sections
        .iter()
        .map(|s| title(state, s.section))
        .collect();
    let mut series = vec![report
        .all
        .sections
        .iter()
        .map(|s| s.mean)
        .collect::<Vec<_>>()];
    let mut names = vec![m.group_mean];
    for (name, g) in [
        (m.brand_owner, &report.brand_owner),
        (m.distributor, &report.distributor),
    ] {
        if let Some(g) = g {
            series.push(g.sections.iter().map(|s| s.mean).collect());
            names.push(name);
        }
    }
    let side_mean = |g: &Option<Group>, s: usize| {
        pct(
            m,
            g.as_ref().and_then(|g| g.section(s)).and_then(|x| x.mean),
        )
    };
    let gate = super::gate_flag(
        state,
        report.trust,
        (m.ws_gate_at_risk, m.ws_gate_not_assessed),
    );
    view! {
        <section class="dra-card" aria-labelledby="dra-ws-overview">
            <h2 id="dra-ws-overview">{m.overview}</h2>
            <p class="dra-overall__score">{band_text(state, &report)}</p>
            {gate.map(|g| view! { <p class="dra-flag">{g}</p> })}
            {side_note(state, &report).map(|n| view! { <p class="dra-muted">{n}</p> })}
            <div class="dra-chart dra-chart--plain">
                <RadarChart title=fill(m.ws_chart_title, &[("series", &names.join(", "))]) labels=labels series=series />
                <p class="dra-legend" class:dra-hidden=names.len() < 2>
                    {names.iter().enumerate().map(|(n, name)| view! { <span class=format!("dra-legend__s{n}")>{*name}</span> }).collect_view()}
                </p>
                <TableWrap label=m.ws_table.to_owned()>
                    <table class="dra-table">
                        <caption>{m.ws_table}</caption>
                        <thead><tr>
                            <th scope="col">{m.col_section}</th><th scope="col">{m.col_mean}</th><th scope="col">{m.col_range}</th>
                            <th scope="col">{m.brand_owner}</th><th scope="col">{m.distributor}</th>
                            <th scope="col">{m.not_applicable}</th><th scope="col">{m.dont_know}</th>
                        </tr></thead>
                        <tbody>
                            {report.all.sections.iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{title(state, s.section)}</th>
                                    <td>{pct(m, s.mean)}</td>
                                    <td>{match (s.min, s.max) {
                                        (Some(a), Some(b)) => format!("{}\u{2013}{}", m.int(u64::from(a)), m.percent(b)),
                                        _ => NONE.to_owned(),
                                    }}</td>
                                    <td>{side_mean(&report.brand_owner, s.section)}</td>
                                    <td>{side_mean(&report.distributor, s.section)}</td>
                                    <td>{m.int(s.not_applicable as u64)}</td>
                                    <td>{m.int(s.dont_know as u64)}</td>
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
    let m = expect_context::<AppState>().t();
    let most = stats.counts.iter().copied().max().unwrap_or(0).max(1);
    let n = |c: usize| m.int(c as u64);
    let text = fill(
        m.distribution,
        &[
            ("l1", &n(stats.counts[0])),
            ("l2", &n(stats.counts[1])),
            ("l3", &n(stats.counts[2])),
            ("l4", &n(stats.counts[3])),
            ("l5", &n(stats.counts[4])),
            ("na", &n(stats.not_applicable)),
            ("dk", &n(stats.dont_know)),
        ],
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
    let m = expect_context::<AppState>().t();
    (total > FIRST).then(|| {
        view! {
            <button type="button" class="dra-button dra-button--small dra-no-print"
                aria-expanded=move || all.get().to_string()
                on:click=move |_| all.update(|a| *a = !*a)>
                {move || if all.get() {
                    fill(m.show_first, &[("n", &m.int(FIRST as u64))])
                } else {
                    fill(m.show_all, &[("n", &m.int(total as u64))])
                }}
            </button>
        }
    })
}

#[component]
fn Divided(report: WorkshopReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
    let span = q.scoring.workshop.disagreement_span_levels;
    let all = RwSignal::new(false);
    let total = report.divided.len();
    let report = StoredValue::new(report);
    view! {
        <section class="dra-card" aria-labelledby="dra-ws-divided">
            <h2 id="dra-ws-divided">{m.divided_heading}</h2>
            <p class="dra-muted">{fill(m.divided_help, &[("span", &m.int(u64::from(span)))])}</p>
            {move || if total == 0 {
                view! { <p>{m.divided_none}</p> }.into_any()
            } else {
                let report = report.get_value();
                let shown = if all.get() { total } else { total.min(FIRST) };
                view! {
                    <ol class="dra-divided">
                        {report.divided.iter().take(shown).map(|&k| {
                            let s = report.all.items[k];
                            let about = fill(m.divided_item, &[
                                ("section", &title(state, s.item.section)),
                                ("min", &s.min().unwrap_or(0).to_string()),
                                ("max", &s.max().unwrap_or(0).to_string()),
                                ("mean", &tenths(m, s.mean_tenths())),
                                ("n", &m.int(s.respondents as u64)),
                            ]);
                            view! {
                                <li>
                                    <p class="dra-weakest__question">{question(state, &s)}</p>
                                    <p class="dra-muted">{about}</p>
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
    let state = expect_context::<AppState>();
    let (q, m) = (state.q, state.t());
    let rules = &q.scoring.workshop;
    let body = if report.brand_owner.is_none() || report.distributor.is_none() {
        view! { <p>{fill(m.gaps_need, &[
            ("min", &m.int(rules.min_group_size as u64)),
            ("bo", &m.int(report.brand_owner_count as u64)),
            ("d", &m.int(report.distributor_count as u64)),
        ])}</p> }
        .into_any()
    } else if report.item_gaps.is_empty() && report.section_gaps.is_empty() {
        view! { <p>{m.gaps_none}</p> }.into_any()
    } else {
        let sections = report.section_gaps.iter().map(|g| {
            (
                title(state, g.section),
                f64::from(g.brand_owner),
                f64::from(g.distributor),
                m.percent(g.brand_owner),
                m.percent(g.distributor),
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
                question(state, &s),
                f64::from(g.brand_owner_tenths) / 10.0,
                f64::from(g.distributor_tenths) / 10.0,
                m.tenths(g.brand_owner_tenths),
                m.tenths(g.distributor_tenths),
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
                            <div class="dra-mirror__head"><span>{m.brand_owner}</span><span></span><span>{m.distributor}</span></div>
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
                        <TableWrap label=m.gaps_table.to_owned()>
                            <table class="dra-table">
                                <caption>{m.gaps_table}</caption>
                                <thead><tr><th scope="col">{m.col_section_or_question}</th><th scope="col">{m.brand_owner}</th><th scope="col">{m.distributor}</th></tr></thead>
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
            <h2 id="dra-ws-gaps">{m.gaps_heading}</h2>
            <p class="dra-muted">{fill(m.gaps_help, &[
                ("levels", &m.tenths(rules.perception_gap_item_tenths)),
                ("points", &m.int(u64::from(rules.perception_gap_section_points))),
            ])}</p>
            {body}
        </section>
    }
}

#[component]
fn ItemTables(report: WorkshopReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let m = state.t();
    let side =
        |g: &Option<Group>, k: usize| tenths(m, g.as_ref().and_then(|g| g.items[k].mean_tenths()));
    report.all.sections.iter().map(|sec| {
        let rows = report.all.items.iter().enumerate().filter(|(_, s)| s.item.section == sec.section).map(|(k, s)| {
            let median = s.median_halves().map_or_else(|| NONE.to_owned(), |h| m.tenths(h * 5));
            view! {
                <tr>
                    <th scope="row">{question(state, s)}</th>
                    <td>{m.int(s.respondents as u64)}</td>
                    <td>{tenths(m, s.mean_tenths())}</td>
                    <td>{median}</td>
                    <td>{match (s.min(), s.max()) { (Some(a), Some(b)) => format!("{a}\u{2013}{b}"), _ => NONE.to_owned() }}</td>
                    <td>{s.counts.iter().map(|c| m.int(*c as u64)).collect::<Vec<_>>().join(" / ")}</td>
                    <td>{m.int(s.not_applicable as u64)}</td>
                    <td>{m.int(s.dont_know as u64)}</td>
                    <td>{side(&report.brand_owner, k)}</td>
                    <td>{side(&report.distributor, k)}</td>
                </tr>
            }
        }).collect_view();
        let name = title(state, sec.section);
        let caption = fill(m.ws_items_table, &[("section", &name)]);
        view! {
            <details class="dra-card dra-item-table">
                <summary>{fill(m.ws_items_summary, &[("section", &name)])}</summary>
                <TableWrap label=caption.clone()>
                    <table class="dra-table">
                        <caption>{caption}</caption>
                        <thead><tr>
                            <th scope="col">{m.col_question}</th><th scope="col">{m.col_respondents}</th><th scope="col">{m.col_mean}</th>
                            <th scope="col">{m.col_median}</th><th scope="col">{m.col_range}</th><th scope="col">{m.col_levels}</th>
                            <th scope="col">{m.not_applicable}</th><th scope="col">{m.dont_know}</th>
                            <th scope="col">{m.brand_owner}</th><th scope="col">{m.distributor}</th>
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
    let (q, m) = (state.q, state.t());
    let Some(w) = state.with_store(|s| persist::read_workshop(s, q, &id)) else {
        return view! { <p role="alert">{m.workshop_not_found_text}</p> }.into_any();
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
        <section class="dra-presenter" aria-roledescription=m.slide_show aria-labelledby=HEADING_ID>
            <p class="dra-presenter__where" aria-live="polite">
                {move || format!("{name} \u{b7} {}", fill(m.slide_of, &[
                    ("n", &m.int(slide.get() as u64 + 1)),
                    ("total", &m.int(slides as u64)),
                ]))}
            </p>
            {move || {
                let r = report.get_value();
                match slide.get() {
                    0 => view! {
                        <h1 id=HEADING_ID tabindex="-1">{m.overview}</h1>
                        <p class="dra-presenter__big">{band_text(state, &r)}</p>
                        <ul class="dra-presenter__list">
                            {r.all.sections.iter().map(|s| view! {
                                <li>{fill(m.label_value, &[("label", &title(state, s.section)), ("value", &pct(m, s.mean))])}</li>
                            }).collect_view()}
                        </ul>
                        <p>{fill(m.ws_sides, &[
                            ("participants", &participants(m, r.all.respondents)),
                            ("bo", &m.int(r.brand_owner_count as u64)),
                            ("d", &m.int(r.distributor_count as u64)),
                        ])}</p>
                    }.into_any(),
                    n => {
                        let section = sections.with_value(|s| s[n - 1]);
                        let stats = r.all.section(section).cloned();
                        let mut items: Vec<usize> = r.divided.iter().copied().filter(|&k| r.all.items[k].item.section == section).collect();
                        items.extend((0..r.all.items.len()).filter(|&k| r.all.items[k].item.section == section && !r.divided.contains(&k)));
                        let side = |g: &Option<Group>| pct(m, g.as_ref().and_then(|g| g.section(section)).and_then(|x| x.mean));
                        view! {
                            <h1 id=HEADING_ID tabindex="-1">{title(state, section)}</h1>
                            <p class="dra-presenter__big">{fill(m.group_mean_value, &[("value", &pct(m, stats.and_then(|s| s.mean)))])}</p>
                            <p>{fill(m.presenter_sides, &[("bo", &side(&r.brand_owner)), ("d", &side(&r.distributor))])}</p>
                            <ol class="dra-presenter__items">
                                {items.into_iter().map(|k| {
                                    let s = r.all.items[k];
                                    let divided = r.divided.contains(&k);
                                    let about = fill(if divided { m.presenter_item_divided } else { m.presenter_item }, &[
                                        ("mean", &tenths(m, s.mean_tenths())),
                                        ("min", &s.min().unwrap_or(0).to_string()),
                                        ("max", &s.max().unwrap_or(0).to_string()),
                                    ]);
                                    view! {
                                        <li class:dra-presenter__divided=divided>
                                            <p class="dra-weakest__question">{question(state, &s)}</p>
                                            <p>{about}</p>
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
                    disabled=move || slide.get() == 0>{m.previous}</button>
                <button type="button" class="dra-button" on:click=move |_| slide.update(|s| *s = (*s + 1).min(slides - 1))
                    disabled=move || slide.get() + 1 == slides>{m.next}</button>
                <button type="button" class="dra-button" on:click=move |_| leave2()>{m.close_presenter}</button>
            </div>
            <p class="dra-muted">{m.presenter_keys}</p>
        </section>
    }
    .into_any()
}
