//! Workshop mode: gather many participants' results (files and share links), see where people
//! disagree and where the two sides see things differently, present it, take the summary away.
//!
//! `list` (the workshops and the form that creates one), `view` (one workshop), `import`
//! (adding results from files and links), `report` (what is computed from them: overview,
//! divided questions, perception gaps, tables), `charts` (the bar charts, drawn from the
//! domain's `chart` geometry), `presenter` (the deck) and `slides` (what each slide shows).

pub(crate) mod charts;
mod import;
mod list;
mod presenter;
mod report;
mod slides;
mod view;

use assessment::i18n::Messages;
use assessment::workshop::ItemStats;

use crate::state::AppState;

pub use list::Workshops;
pub use presenter::Presenter;
pub use view::WorkshopView;

fn title(state: AppState, section: usize) -> String {
    state.text(&state.q().sections[section].title).to_owned()
}

fn question(state: AppState, s: &ItemStats) -> String {
    state
        .text(&state.q().sections[s.item.section].items[s.item.item].question)
        .to_owned()
}

fn participants(m: &Messages, n: usize) -> String {
    m.count(m.participants, n, &[])
}
