//! What a respondent does not need before the first question, each loaded on demand: the
//! screens past the questions, the languages besides English, and the start-up check of
//! stored workshops.
//!
//! With the `split` feature (the release build, `cargo xtask build`), each function below is a
//! split point: its body and everything only it uses go into a chunk of the wasm that the
//! browser fetches the first time the function is called. Without the feature (`trunk serve`,
//! the component tests) they are plain async functions in the one module.
//!
//! A chunk that cannot be fetched (offline on a first visit) shows a plain message with "Try
//! again"; the answers and records are in the state and in storage, so nothing is lost.
#![allow(unsafe_code)] // The split points' generated loader: a wasm import and a no_mangle export.

use std::future::Future;

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;

use super::{compare, history, land, results, shared, workshop};
use crate::lang::Language;
use crate::route::Route;
use crate::state::AppState;

/// A chunk of the app could not be loaded.
#[derive(Debug, Clone, Copy)]
pub struct ChunkMissing;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// Declares a split point: a function of concrete arguments whose body (a view, unless another
/// type is given) and everything only it uses go into `$chunk`.
macro_rules! split_point {
    ($(#[doc = $doc:literal])* $chunk:ident fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        split_point! { $(#[doc = $doc])* $chunk fn $name($($arg: $ty),*) -> AnyView $body }
    };
    ($(#[doc = $doc:literal])* $chunk:ident fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[doc = $doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, ChunkMissing> {
            let out = $body;
            Ok(out)
        }

        $(#[doc = $doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, ChunkMissing> {
            let out = $body;
            Ok(out)
        }
    };
}

split_point! {
    /// German: the app's words and the questionnaire's texts (see `crate::lang`).
    lang_de fn german() -> Language {
        Language {
            messages: &assessment::i18n::DE,
            content: include_str!(concat!(env!("OUT_DIR"), "/content-de.q")),
        }
    }
}

split_point! {
    /// French: the app's words and the questionnaire's texts.
    lang_fr fn french() -> Language {
        Language {
            messages: &assessment::i18n::FR,
            content: include_str!(concat!(env!("OUT_DIR"), "/content-fr.q")),
        }
    }
}

split_point! {
    /// The results of the assessment: scores, charts, advice, sharing and export.
    results fn results() { view! { <results::Results /> }.into_any() }
}

split_point! {
    /// My assessments and the two comparisons.
    records fn records(route: Route) {
        match route {
            Route::Compare(a, b) => view! { <compare::Compare before=a after=b /> }.into_any(),
            _ => view! { <history::History /> }.into_any(),
        }
    }
}

split_point! {
    /// A result someone shared by link.
    shared fn shared(payload: String) { view! { <shared::SharedView payload=payload /> }.into_any() }
}

split_point! {
    /// The workshops, one workshop, and its presenter view.
    workshops fn workshops(route: Route) {
        match route {
            Route::Workshop(id) => view! { <workshop::WorkshopView id=id /> }.into_any(),
            Route::Present(id) => view! { <workshop::Presenter id=id /> }.into_any(),
            _ => view! { <workshop::Workshops /> }.into_any(),
        }
    }
}

split_point! {
    /// At start, when workshops are stored: how many of them this version cannot read.
    workshops_check fn unreadable_workshops(state: AppState) -> usize {
        state.with_store(|s| crate::persist::unreadable_workshops(s, state.q()))
    }
}

/// Where a screen loaded on demand is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Ready,
    Failed,
}

/// Shows what `load` builds once its chunk has arrived: a status line while it loads, and a
/// message with "Try again" when it cannot be loaded. Then focus lands where the page change
/// wanted it (see `focus_heading_on_page_change`).
///
/// The view is built untracked under this place's owner, as if it had been built right here:
/// nothing it reads at build time makes this place build it again.
pub fn lazy<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, ChunkMissing>> + 'static,
{
    let state = expect_context::<AppState>();
    let phase = RwSignal::new(Phase::Loading);
    let built = StoredValue::new_local(None::<AnyView>);
    let load = StoredValue::new_local(load);
    // "Try again" runs in an event handler, outside this place's owner: the view is built under
    // the owner it would have had, or its signals would belong to one already disposed.
    let owner = StoredValue::new_local(Owner::current());
    let fetch = move || {
        phase.set(Phase::Loading);
        let start = || load.try_with_value(|load| ScopedFuture::new_untracked(load()));
        let Some(fut) = (match owner.try_get_value().flatten() {
            Some(owner) => owner.with(start),
            None => start(),
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = fut.await;
            // The person may have moved on while the chunk was on its way.
            if phase.is_disposed() {
                return;
            }
            match result {
                Ok(view) => {
                    built.set_value(Some(view));
                    phase.set(Phase::Ready);
                    request_animation_frame(move || {
                        if let Some((target, back_at)) =
                            state.after_load.try_update_value(Option::take).flatten()
                        {
                            land(&target, back_at);
                        }
                    });
                }
                Err(ChunkMissing) => phase.set(Phase::Failed),
            }
        });
    };
    fetch();
    let m = state.t();
    (move || match phase.get() {
        Phase::Loading => {
            view! { <p class="dra-chunk" role="status">{m.chunk_loading}</p> }.into_any()
        }
        Phase::Ready => built
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Phase::Failed => view! {
            <div class="dra-chunk dra-notice" role="alert">
                <p>{m.chunk_failed}</p>
                <button type="button" class="dra-button" on:click=move |_| fetch()>
                    {m.chunk_retry}
                </button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}
