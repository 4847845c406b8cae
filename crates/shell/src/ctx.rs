//! What every view of one widget reads, provided as Leptos context once its
//! sheet is loaded: the filter state, the loaded sheet, the selection memo
//! (the one place `query::select` runs), and the widget's id prefix. Its own
//! module, so views depend on it and not on the widget root (`app`), which
//! depends on the views.

use std::sync::Arc;

use leptos::prelude::*;

use crate::load::Loaded;
use crate::query::params::join_search;
use crate::query::{select, FilterState, Selection};

/// Everything a view of one widget reads, provided as context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<FilterState>,
    pub data: StoredValue<Arc<Loaded>>,
    pub selection: Memo<Selection>,
    pub foreign_params: StoredValue<String>,
    pub id_prefix: StoredValue<String>,
}

impl Ctx {
    pub fn get() -> Ctx {
        expect_context::<Ctx>()
    }

    /// Runs `f` with the loaded data.
    pub fn with_data<R>(&self, f: impl FnOnce(&Loaded) -> R) -> R {
        self.data.with_value(|d| f(d))
    }

    /// This widget's element id for `name` (`section-overview`, `map-title`).
    pub fn dom_id(&self, name: &str) -> String {
        self.id_prefix.with_value(|p| format!("{p}{name}"))
    }

    /// The link (query string) for another filter state, keeping foreign
    /// parameters; `?` for the default state (an empty `href` would keep the
    /// current query).
    pub fn href(&self, state: &FilterState) -> String {
        let search = self.foreign_params.with_value(|kept| join_search(&state.to_query(), kept));
        if search.is_empty() {
            "?".to_string()
        } else {
            search
        }
    }
}

/// Provides the context every view of a widget reads, once its sheet is
/// loaded (under the current reactive owner).
pub fn provide_ctx(data: Arc<Loaded>, state: RwSignal<FilterState>, foreign_params: String, id_prefix: String) {
    let data = StoredValue::new(data);
    let selection = Memo::new(move |_| data.with_value(|d| state.with(|s| select(&d.sheet, &d.index, s))));
    provide_context(Ctx {
        state,
        data,
        selection,
        foreign_params: StoredValue::new(foreign_params),
        id_prefix: StoredValue::new(id_prefix),
    });
}
