//! The widget: mounting, the widget root, the report view (header, problems,
//! tabs, sections, filters, timeline, projects, contacts), the panic hook and
//! the URL mirror; the map and funding views come from their own crates, the
//! shared pieces from `ilo-factsheet-shell`. Only compiled with the `web`
//! feature (in the browser), or with `ssr` (the same views rendered to HTML
//! natively, see [`snapshot`]).
//!
//! One widget per mount element. Each mount owns its state (filter signal,
//! load state, URL mirror) through Leptos context under its own root; nothing
//! is shared between mounts but the panic hook. Rendering reads only signals
//! and data; browser calls live in effects, handlers and [`start`].

mod app;
mod contacts;
mod filters;
mod link;
mod panic;
mod projects;
mod report;
#[cfg(feature = "ssr")]
pub mod snapshot;
mod text;
mod timeline;
mod url;

use wasm_bindgen::JsCast;

pub use app::{App, Config};

/// Attribute that marks a mount element. Its optional attributes:
/// `data-src` (data file URL, else `?data=` or the default), and
/// `data-url-sync="off"` (leave the page URL alone, for embeds).
pub const MOUNT_ATTRIBUTE: &str = "data-ilo-factsheet";

/// Mounts a report into each `[data-ilo-factsheet]` element of the document.
pub fn start() {
    panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            // The first widget keeps plain ids (`#section-overview` links work).
            let prefix = if i == 0 { String::new() } else { format!("w{}-", i + 1) };
            mount(el, prefix);
        }
    }
}

/// Mounts one report into `el`, reading its options from the element and the
/// URL; `id_prefix` goes before every element id the widget writes.
pub fn mount(el: web_sys::HtmlElement, id_prefix: String) {
    let search = url::current_search();
    let sync_url = el.get_attribute("data-url-sync").as_deref() != Some("off");
    let data_param = el.get_attribute("data-src").or_else(|| {
        if sync_url {
            crate::query::params::param(&search, "data")
        } else {
            None
        }
    });
    let config = Config {
        data: crate::data_url::resolve(data_param.as_deref(), &url::current_origin()),
        initial: if sync_url { crate::query::FilterState::from_query(&search) } else { Default::default() },
        foreign_params: crate::query::params::foreign_params(&search),
        sync_url,
        id_prefix,
    };
    el.set_inner_html("");
    leptos::mount::mount_to(el, move || leptos::prelude::view! { <App config=config /> }).forget();
    #[cfg(feature = "panic-test")]
    panic::trigger_if_asked(&search);
}
