//! The widget: mounting, the widget root, the report view (header, problems,
//! tabs, sections, filters, timeline, projects, contacts, the embed dialog),
//! the panic hook and the URL mirror, and the editors' preview page (a local
//! file's problems beside its report, [`Preview`]); the map and funding views come from
//! their own crates, the shared pieces from `ilo-factsheet-shell`. Only
//! compiled with the `web` feature (in the browser), or with `ssr` (the same
//! views rendered to HTML natively, see [`snapshot`]).
//!
//! `embed.js` finds the widget elements of a page and drives [`Widget`]: one
//! per element, mounted into the element it is given (a container inside the
//! element's shadow root), never the page's `body`. Each widget owns its state
//! (filter signal, load state, URL mirror) through Leptos context under its
//! own root; nothing is shared between widgets but the panic hook's list of
//! them. Rendering reads only signals and data; browser calls live in
//! effects, handlers and here.

mod app;
mod contacts;
mod embed_dialog;
mod filters;
mod language;
mod link;
mod on_demand;
mod panic;
mod preview;
mod projects;
mod report;
#[cfg(feature = "ssr")]
pub mod snapshot;
mod text;
mod timeline;
mod url;

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::embed::{Options, Page};
use crate::i18n::Lang;
use crate::query::params::param;
use crate::query::FilterState;
use ilo_factsheet_shell::awaited::awaited;
use ilo_factsheet_shell::ctx::Setting;

pub use app::{App, Config, DataSource};
pub use language::Languages;

/// Installs what every widget of the page shares: the panic hook.
pub fn start() {
    panic::install();
}

/// Where a widget is mounted from (given by `embed.js`).
#[derive(Debug, Clone)]
pub struct MountOptions {
    /// The widget element's attributes, `data-` dropped, as a query string
    /// (`view=map&country=KEN`); in our iframe page, the frame's own query.
    pub attributes: String,
    /// Absolute URL of the site `embed.js` came from, ending in `/`: the
    /// default data, the map geometry and the full report are found there.
    pub base: String,
    /// Our iframe page (`embed.html`): the attributes come from its URL, so
    /// its `src` must be on our own site.
    pub frame: bool,
    /// The interface catalogues' file names at `base`, by language.
    pub catalogues: Vec<(Lang, String)>,
}

/// One mounted widget. Dropping its Leptos handle unmounts the view and
/// disposes its reactive owner (signals, effects, listeners).
pub struct Widget {
    el: web_sys::HtmlElement,
    from: MountOptions,
    options: Options,
    state: Option<RwSignal<FilterState>>,
    handle: Option<Box<dyn Any>>,
}

impl Widget {
    /// Mounts a widget into `el` (emptied first).
    pub fn mount(el: web_sys::HtmlElement, from: MountOptions) -> Widget {
        let options = Options::from_attributes(&from.attributes);
        let mut widget = Widget { el, from, options, state: None, handle: None };
        widget.start();
        widget
    }

    /// Takes the element's changed attributes: in place when only filters or
    /// the view changed, else by mounting again.
    pub fn update(&mut self, attributes: &str) {
        let next = Options::from_attributes(attributes);
        self.from.attributes = attributes.to_string();
        match self.state {
            Some(state) if self.options.takes_in_place(&next) && !next.url_sync => {
                if state.get_untracked() != next.filters {
                    state.set(next.filters.clone());
                }
                self.options = next;
            }
            _ => {
                self.stop();
                self.options = next;
                self.start();
            }
        }
    }

    /// Unmounts the widget and releases everything it holds.
    pub fn unmount(mut self) {
        self.stop();
    }

    fn start(&mut self) {
        let search = url::current_search();
        let (config, initial) = config_for(&self.options, &self.from, &search);
        self.el.replace_children_with_node_0();
        let made = Rc::new(Cell::new(None));
        let made_inside = made.clone();
        let handle = leptos::mount::mount_to(self.el.clone(), move || {
            let state = RwSignal::new(initial);
            made_inside.set(Some(state));
            view! { <App config=config state=state /> }
        });
        self.state = made.take();
        self.handle = Some(Box::new(handle));
        panic::register(&self.el);
        #[cfg(feature = "panic-test")]
        panic::trigger_if_asked(&search);
    }

    fn stop(&mut self) {
        panic::unregister(&self.el);
        self.state = None;
        drop(self.handle.take());
        self.el.replace_children_with_node_0();
    }
}

/// The widget's configuration and first state, from its options, where it
/// was mounted from and the page's query string. Which address applies is
/// the core's rule (`embed::Options::start`); here only the browser's part:
/// the document's base, and making addresses absolute.
fn config_for(options: &Options, from: &MountOptions, search: &str) -> (Config, FilterState) {
    let document_base =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let page = Page { frame: from.frame, search, base: &document_base, site: &from.base };
    let start = options.start(&page, absolute);
    let setting = Setting {
        base: from.base.clone(),
        sync_url: options.url_sync,
        single_view: options.single_view,
        data_src: start.data_src,
        local_file: false,
    };
    let languages = Languages {
        preferred: url::preferred_languages(),
        catalogues: from.catalogues.iter().map(|(lang, name)| (*lang, absolute(name, &from.base))).collect(),
    };
    let config =
        Config { data: start.data.map(DataSource::Url), foreign_params: start.foreign_params, setting, languages };
    (config, start.filters)
}

/// `url` made absolute against `base` (unchanged if it cannot be).
fn absolute(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// The preview page (its wasm chunk, fetched when the page mounts).
#[lazy]
fn preview_page(base: String, languages: Languages) -> AnyView {
    view! { <preview::PreviewPage base=base languages=languages /> }.into_any()
}

/// The editors' preview page, mounted into `el` (emptied first): files the
/// editor opens there are read in the browser and shown with their problems
/// beside their report. Dropping it unmounts the page.
pub struct Preview {
    el: web_sys::HtmlElement,
    handle: Option<Box<dyn Any>>,
}

impl Preview {
    /// Mounts the page; `base` is where `embed.js` came from (the map
    /// geometry is found there), `catalogues` the interface catalogues'
    /// file names there. It speaks the page's `?lang=`, else the reader's
    /// language.
    pub fn mount(el: web_sys::HtmlElement, base: String, catalogues: Vec<(Lang, String)>) -> Preview {
        el.replace_children_with_node_0();
        let languages = Languages {
            preferred: url::preferred_languages(),
            catalogues: catalogues.iter().map(|(lang, name)| (*lang, absolute(name, &base))).collect(),
        };
        let asked = param(&url::current_search(), "lang");
        let handle = leptos::mount::mount_to(el.clone(), move || {
            let chosen = languages.choose(asked.as_deref());
            // Nothing until both its words and its chunk are here.
            view! {
                <Suspense fallback=|| ()>
                    {awaited(move || {
                        let (base, languages) = (base.clone(), languages.clone());
                        let words = languages.words(chosen);
                        Suspend::new(async move {
                            let w = words.await;
                            let (code, dir) = (w.lang().code(), w.lang().dir().as_str());
                            provide_context(w);
                            let page = preview_page(base, languages).await;
                            view! { <div class="ilo-preview-root" lang=code dir=dir>{page}</div> }.into_any()
                        })
                    })}
                </Suspense>
            }
        });
        panic::register(&el);
        Preview { el, handle: Some(Box::new(handle)) }
    }

    /// Unmounts the page and releases everything it holds.
    pub fn unmount(mut self) {
        panic::unregister(&self.el);
        drop(self.handle.take());
        self.el.replace_children_with_node_0();
    }
}
