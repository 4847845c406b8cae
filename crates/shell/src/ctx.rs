//! What every view of one widget reads, provided as Leptos context once its
//! sheet is loaded: the filter state, the loaded sheet, the selection memo
//! (the one place `query::select` runs), its element ids and where it
//! stands ([`Setting`]: its own page or an embed). Its own
//! module, so views depend on it and not on the widget root (`app`), which
//! depends on the views.

use std::sync::Arc;

use leptos::prelude::*;

use crate::load::Loaded;
use crate::model::Problem;
use crate::query::params::join_search;
use crate::query::{select, FilterState, Selection};

/// Where a widget stands: on our own page, mirroring its state in the URL,
/// or embedded in someone else's page (or in our iframe page).
#[derive(Debug, Clone, Default)]
pub struct Setting {
    /// Absolute URL of the site the widget came from (where `embed.js`,
    /// `embed.html` and the full report live), ending in `/`.
    pub base: String,
    /// The widget mirrors its state in the page URL: links are relative to
    /// the page. Otherwise they lead to the full report at `base`.
    pub sync_url: bool,
    /// One view alone, without tabs (an embed that named a view).
    pub single_view: bool,
    /// The data file as an absolute URL, when it is not the default one.
    pub data_src: Option<String>,
    /// The sheet is a file in an editor's hands (the preview page), on no
    /// site: there is nothing to embed or link to.
    pub local_file: bool,
}

/// Everything a view of one widget reads, provided as context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<FilterState>,
    pub data: StoredValue<Arc<Loaded>>,
    /// The sheet's problems, as far as they are known: a file the fast
    /// reader read is checked after it is shown, and its problems come then.
    pub problems: Signal<Vec<Problem>>,
    pub selection: Memo<Selection>,
    pub foreign_params: StoredValue<String>,
    pub setting: StoredValue<Setting>,
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
        // Ids are scoped by the widget's shadow root: two widgets on one page
        // may both write `map-title`. One place to change should that end.
        name.to_string()
    }

    /// The link for another filter state, keeping foreign parameters: a
    /// query string on our own page (`?` for the default state: an empty
    /// `href` would keep the current query), else the full report at `base`
    /// (an embed never links into its host page).
    pub fn href(&self, state: &FilterState) -> String {
        let search = self.foreign_params.with_value(|kept| join_search(&state.to_query(), kept));
        self.setting.with_value(|s| match (s.sync_url, search.is_empty()) {
            (true, true) => "?".to_string(),
            (true, false) => search,
            (false, _) => format!("{}{search}", s.base),
        })
    }
}

/// Provides the context every view of a widget reads, once its sheet is
/// loaded (under the current reactive owner).
pub fn provide_ctx(
    data: Arc<Loaded>,
    problems: Signal<Vec<Problem>>,
    state: RwSignal<FilterState>,
    foreign_params: String,
    setting: Setting,
) {
    let data = StoredValue::new(data);
    let selection = Memo::new(move |_| data.with_value(|d| state.with(|s| select(&d.sheet, &d.index, s))));
    provide_context(Ctx {
        state,
        data,
        problems,
        selection,
        foreign_params: StoredValue::new(foreign_params),
        setting: StoredValue::new(setting),
    });
}
