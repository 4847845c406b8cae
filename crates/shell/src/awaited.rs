//! Views drawn from futures. Loading, in this project, is Leptos' async
//! rendering: a future awaited by a `Suspend` under a `Suspense` (or, for a
//! widget's report, a `Transition`), drawn when it is there, never copied
//! into a signal by an effect.
//!
//! Every such place hands its boundary the one type [`Awaited`]: each
//! distinct type would be another copy of Leptos' suspense code in the wasm.
//! (For the same reason there are no Leptos resources: `LocalResource` and
//! `AsyncDerived` cost the main wasm 7 KB gzip more, past its budget.)
//!
//! What a `Transition` keeps on screen while the next drawing loads is made
//! under an owner of its own ([`owned`]): the closure that made it runs again
//! at once, and disposes what that run owned, but the old drawing must stay
//! alive (its handlers, its effects) until the next one replaces it; it may
//! even react to the change that asked for the next (a new language is the
//! state the report reads).

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

/// A view drawn from a future, as a `Suspense` or `Transition` is handed
/// it: a `Suspend` for each run, run again when what it reads changes.
pub type Awaited = Box<dyn Fn() -> Suspend<AnyView> + Send + Sync>;

/// `draw` as an [`Awaited`].
pub fn awaited(draw: impl Fn() -> Suspend<AnyView> + Send + Sync + 'static) -> Awaited {
    Box::new(draw)
}

/// The view `draw` makes, made under an owner of its own, a child of
/// `parent` (else of the current owner), which lives as long as the view is
/// drawn: it goes when the view is replaced, or with its parent.
pub fn owned(parent: Option<&Owner>, draw: impl FnOnce() -> AnyView) -> AnyView {
    let owner = parent.map_or_else(Owner::new, Owner::child);
    let view = owner.with(draw);
    OwnedView::new_with_owner(view, owner).into_any()
}
