//! The report rendered to an HTML string, natively, without a browser
//! (feature `ssr`). It proves the rule that rendering makes no browser call
//! (a call would panic here; `tests/render.rs` renders every view), and it is
//! what the build prerenders (`bin/snapshot.rs --parts`): the copy of the
//! default view a visitor reads before the wasm arrives, which the live
//! widget replaces once drawn (`embed.js`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::embed::Options;
use crate::embed::BASE_PLACEHOLDER;
use crate::i18n::{Catalogue, Lang};
use crate::query::params::foreign_params;
use crate::query::{FilterState, View};
use crate::ui::report::Report;
use ilo_factsheet_shell::ctx::{provide_ctx, Setting};
use ilo_factsheet_shell::i18n::{bundled, Words};
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
        let state = FilterState::from_query(query);
        // The language `?lang=` asks for (no reader's languages here), from
        // the catalogues in the source tree.
        let lang = state.lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
        let words = Catalogue::parse(lang, bundled(lang)).map(Words::new).unwrap_or_default();
        let (code, dir) = (words.lang().code(), words.lang().dir().as_str());
        provide_context(words);
        let problems = Signal::stored(loaded.problems.clone());
        provide_ctx(loaded, problems, RwSignal::new(state), foreign_params(query), setting);
        view! { <div class="ilo-factsheet" lang=code dir=dir><Report /></div> }.to_html()
    })
}

/// The widget's loading shape (what the live widget shows before its data).
pub fn skeleton() -> String {
    Owner::new()
        .with(|| view! { <div class="ilo-factsheet" lang="en" dir="ltr"><crate::ui::app::Skeleton /></div> }.to_html())
}

/// What the build prerenders for the data file `text`, as (name, HTML):
/// `page`, our own page's report (URL-mirrored, default state, English);
/// `skeleton`, shown instead when the page's URL asks for another state;
/// `page-projects`, … our page opened on another view (`?view=projects`);
/// one per view (`full`, `projects`, …) as a script embed naming only that
/// view shows it, its links to [`BASE_PLACEHOLDER`]; and the same in each
/// other interface language, named `…-fr` (`page-full-fr` for our page's
/// full report, which `index.html` carries in English only).
pub fn parts(text: &str) -> Vec<(String, String)> {
    let mut parts = vec![("page".to_string(), render(text, "")), ("skeleton".to_string(), skeleton())];
    for lang in Lang::ALL {
        let (suffix, ask) = match lang {
            Lang::En => (String::new(), String::new()),
            other => (format!("-{}", other.code()), format!("&lang={}", other.code())),
        };
        // Our page opened on another view (`?view=map`), or in another
        // language (`?lang=fr`): fetched by embed.js.
        let pages = if lang == Lang::En { &View::ALL[1..] } else { &View::ALL[..] };
        for view in pages {
            let query = format!("view={}{ask}", view.as_str());
            parts.push((format!("page-{}{suffix}", view.as_str()), render(text, &query)));
        }
        for view in View::ALL {
            let attributes = format!("view={}{ask}", view.as_str());
            let options = Options::from_attributes(&attributes);
            let setting = Setting {
                base: BASE_PLACEHOLDER.to_string(),
                sync_url: false,
                single_view: options.single_view,
                data_src: None,
                local_file: false,
            };
            parts.push((format!("{}{suffix}", view.as_str()), render_with(text, &attributes, setting)));
        }
    }
    parts
}
