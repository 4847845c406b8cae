//! The URL as the mirror of one widget's filter state: read at start, written
//! on change (a history entry per change, replaced while typing a search), and
//! read back on back/forward. Parsing and formatting are pure, in
//! `query::state`; this module only touches `location` and `history`.
//!
//! Parameters the filter state does not own (`data`) are kept as they are.
//! The page's fragment (`#section-overview`) names an element inside the
//! widget's shadow root, out of the browser's reach: [`Fragment`] scrolls
//! to it once the report is drawn, and on every `hashchange`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::query::params::{foreign_params, join_search};
use crate::query::FilterState;

/// The page's current query string, `?a=b` or empty.
pub fn current_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The query string for `state`, keeping parameters the state does not own.
pub fn search_for(state: &FilterState, current: &str) -> String {
    join_search(&state.to_query(), &foreign_params(current))
}

/// Keeps `state` and the URL in step, both ways.
pub fn sync(state: RwSignal<FilterState>) {
    Effect::new(move |previous: Option<FilterState>| {
        let now = state.get();
        let current = current_search();
        let wanted = search_for(&now, &current);
        if wanted != current {
            // Typing a search replaces the entry; any other change adds one.
            let typing = previous.as_ref().is_some_and(|p| FilterState { q: now.q.clone(), ..p.clone() } == now);
            write(&wanted, typing);
        }
        now
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let restored = FilterState::from_query(&current_search());
        if state.get_untracked() != restored {
            state.set(restored);
        }
    });
    on_cleanup(move || handle.remove());
}

fn write(search: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{search}{hash}");
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// The page's fragment (`#section-overview`) followed into the widget whose
/// root is `root` (the browser only looks in the document, not in shadow
/// roots): on every `hashchange` (from [`Fragment::listen`]), and once when
/// the report is first drawn ([`Fragment::follow`]).
#[derive(Clone, Copy)]
pub struct Fragment {
    root: NodeRef<Div>,
    followed: StoredValue<bool>,
}

impl Fragment {
    /// Follows the fragment on every `hashchange`, until the widget goes.
    pub fn listen(root: NodeRef<Div>) -> Fragment {
        let fragment = Fragment { root, followed: StoredValue::new(false) };
        let handle = window_event_listener(leptos::ev::hashchange, move |_| fragment.scroll());
        on_cleanup(move || handle.remove());
        fragment
    }

    /// Scrolls to the fragment's element in the next frame, the first time
    /// only: a later drawing (in another language) leaves the reader where
    /// they are.
    pub fn follow(self) {
        if !self.followed.get_value() {
            self.followed.set_value(true);
            request_animation_frame(move || self.scroll());
        }
    }

    fn scroll(self) {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
            return;
        };
        let id = crate::query::params::decode(id);
        let scope = self.root.get_untracked().map(|el| el.get_root_node());
        if let Some(target) =
            scope.and_then(|s| s.dyn_into::<web_sys::DocumentFragment>().ok()).and_then(|s| s.get_element_by_id(&id))
        {
            target.scroll_into_view();
        }
    }
}

/// The reader's languages, most wanted first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let listed: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}
