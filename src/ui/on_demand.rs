//! The views whose code is a wasm chunk of its own, fetched the first time
//! one is shown: the map and the funding view. Each is a `#[lazy]` function
//! (Leptos' wasm-split point; the build splits the wasm there,
//! `scripts/build-wasm.mjs`) that the widget reaches only through
//! [`OnDemand`], in a `Suspense` within the widget's owner, so the view finds
//! the widget's context. A widget counts the views still on their way
//! ([`Pending`]) and announces itself ready only at zero: a prerendered map
//! swapped for an empty place would move everything below it.
//!
//! Natively (`ssr`: the prerendered views, `tests/render.rs`) the views
//! render at once; there is no chunk to wait for.

use leptos::prelude::*;

#[cfg(not(feature = "ssr"))]
use ilo_factsheet_shell::awaited::awaited;

/// How many views of a widget wait for their wasm chunk; the widget's root
/// provides it and announces itself ready only at zero.
#[derive(Clone, Copy)]
pub(crate) struct Pending(RwSignal<usize>);

impl Pending {
    /// A widget's count, none pending, provided to its views.
    pub(crate) fn provide() -> Pending {
        let pending = Pending(RwSignal::new(0));
        provide_context(pending);
        pending
    }

    /// No view waits for its chunk (tracked).
    pub(crate) fn settled(&self) -> bool {
        self.0.get() == 0
    }

    /// The same, untracked.
    pub(crate) fn settled_untracked(&self) -> bool {
        self.0.get_untracked() == 0
    }
}

/// The views fetched on demand.
#[derive(Clone, Copy)]
pub(crate) enum Part {
    Map,
    Funding,
}

/// The map view (its wasm chunk).
#[cfg(not(feature = "ssr"))]
#[lazy]
fn map_view() -> AnyView {
    view! { <ilo_factsheet_map::MapView /> }.into_any()
}

/// The funding view (its wasm chunk).
#[cfg(not(feature = "ssr"))]
#[lazy]
fn funding_view() -> AnyView {
    view! { <ilo_factsheet_funding::Funding /> }.into_any()
}

/// A view from its chunk: nothing until the chunk has arrived (the first
/// time), then the view, built under this component's owner so it finds the
/// widget's context.
#[cfg(not(feature = "ssr"))]
#[component]
pub(crate) fn OnDemand(part: Part) -> impl IntoView {
    // Counted as pending until drawn (or gone), so the widget announces it is
    // ready only with this view in place.
    let pending = use_context::<Pending>();
    let done = StoredValue::new(false);
    let finish = move || {
        if !done.try_get_value().unwrap_or(true) {
            done.set_value(true);
            if let Some(p) = pending {
                p.0.try_update(|n| *n = n.saturating_sub(1));
            }
        }
    };
    if let Some(p) = pending {
        p.0.update(|n| *n += 1);
    }
    on_cleanup(finish);
    view! {
        <Suspense fallback=|| ()>
            {awaited(move || Suspend::new(async move {
                let view = match part {
                    Part::Map => map_view().await,
                    Part::Funding => funding_view().await,
                };
                finish();
                view
            }))}
        </Suspense>
    }
}

/// Rendered natively (the prerendered views, tests/render.rs): at once, no
/// chunk to wait for (a `Suspense` would render only its fallback).
#[cfg(feature = "ssr")]
#[component]
pub(crate) fn OnDemand(part: Part) -> impl IntoView {
    match part {
        Part::Map => view! { <ilo_factsheet_map::MapView /> }.into_any(),
        Part::Funding => view! { <ilo_factsheet_funding::Funding /> }.into_any(),
    }
}
