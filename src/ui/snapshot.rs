//! The report rendered to an HTML string, natively, without a browser
//! (feature `ssr`). It proves the rule that rendering makes no browser call
//! (a call would panic here; `tests/render.rs` renders every view), and it is
//! what a static snapshot, painted before the wasm arrives, will be made of.

use std::sync::Arc;

use leptos::prelude::*;

use crate::query::params::foreign_params;
use crate::query::FilterState;
use crate::ui::report::Report;
use ilo_factsheet_shell::ctx::{provide_ctx, Setting};
use ilo_factsheet_shell::load::Loaded;

/// The HTML of the report for the data file `text` and the URL query `query`
/// (`?view=map&country=KEN`), as the first widget of a page would render it
/// once its data is loaded. Parts that wait for a browser (the map's
/// geometry) render their loading state.
pub fn render(text: &str, query: &str) -> String {
    render_with(text, query, Setting { sync_url: true, ..Setting::default() })
}

/// The same, for a widget standing where `setting` says (an embed: its site,
/// one view alone, no URL mirroring).
pub fn render_with(text: &str, query: &str, setting: Setting) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let loaded = Arc::new(Loaded::from_text(text));
        let state = RwSignal::new(FilterState::from_query(query));
        provide_ctx(loaded, state, foreign_params(query), setting);
        view! { <div class="ilo-factsheet"><Report /></div> }.to_html()
    })
}
