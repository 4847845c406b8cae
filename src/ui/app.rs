//! The widget's root: owns the per-instance load state and the context every
//! view reads (the filter state it is given by its mount, the selection
//! derived from both), and lays out the report around it. Its sheet comes
//! from a URL (fetched) or is already in hand ([`DataSource`]).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data_url::Refused;
use crate::embed::READY_EVENT;
use crate::i18n::{Catalogue, Dir, Lang};
use crate::model::{Parsed, Problem};
use crate::query::FilterState;
use ilo_factsheet_shell::ctx::{provide_ctx, Setting};
use ilo_factsheet_shell::i18n::{t, Text, Words};
use ilo_factsheet_shell::load::{fetch_text, LoadError, Loaded};

/// Where a widget's sheet comes from.
#[derive(Debug, Clone)]
pub enum DataSource {
    /// A data file to fetch, by absolute URL.
    Url(String),
    /// A sheet already read from a text in hand (`Loaded::from_text`), such
    /// as a file an editor opened in the preview page: nothing is fetched.
    Read(Arc<Loaded>),
}

/// What a mount needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// The sheet (a URL to fetch, or read already), or why the requested
    /// address was refused.
    pub data: Result<DataSource, Refused>,
    /// URL parameters the filter state does not own (`data=...`), encoded.
    pub foreign_params: String,
    /// Where the widget stands: its site, URL mirroring, one view or all.
    pub setting: Setting,
    /// What the widget's interface language is chosen from.
    pub languages: Languages,
}

/// What a widget's interface language is chosen from, besides the one its
/// state asks for (`?lang=`, the element's `lang`).
#[derive(Debug, Clone, Default)]
pub struct Languages {
    /// The reader's languages, most wanted first (the browser's).
    pub preferred: Vec<String>,
    /// Where each language's catalogue is, by absolute URL (English is built in).
    pub catalogues: Vec<(Lang, String)>,
}

impl Languages {
    /// The words of the language `lang` names, as it changes: `None` until
    /// its catalogue is here (English is built in), then the old words
    /// until the new ones arrive. A catalogue that cannot be had or read
    /// leaves the interface in English.
    pub fn words(&self, lang: Memo<Lang>) -> RwSignal<Option<Words>> {
        let words = RwSignal::new(None::<Words>);
        let catalogues = self.catalogues.clone();
        Effect::new(move |_| {
            let lang = lang.get();
            let Some(url) = catalogues.iter().find(|(l, _)| *l == lang).map(|(_, url)| url.clone()) else {
                words.set(Some(Words::english()));
                return;
            };
            // Read once a page: another widget, or a switch back, takes it at once.
            if let Some(read) = READ.with_borrow(|read| read.iter().find(|(u, _)| *u == url).map(|(_, w)| w.clone())) {
                words.set(Some(read));
                return;
            }
            spawn_local(async move {
                let read =
                    fetch_text(&url).await.ok().and_then(|text| Catalogue::parse(lang, &text).ok()).map(Words::new);
                if let Some(read) = &read {
                    READ.with_borrow_mut(|all| all.push((url, read.clone())));
                }
                let _ = words.try_update(|w| *w = Some(read.unwrap_or_else(Words::english)));
            });
        });
        words
    }

    /// The language for the asked one (`?lang=`), else the reader's, else
    /// English; a language without a catalogue is not spoken.
    pub fn choose(&self, asked: Option<&str>) -> Lang {
        let spoken = |lang: Lang| self.catalogues.iter().any(|(l, _)| *l == lang);
        Lang::choose(asked, self.preferred.iter().map(String::as_str), spoken)
    }
}

thread_local! {
    /// The catalogues read on this page, by URL: immutable (their names
    /// carry their content's hash), so a cache, not state.
    static READ: std::cell::RefCell<Vec<(String, Words)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Where loading stands.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Failed(LoadError),
    Ready(Arc<Loaded>),
}

/// One fact-sheet widget, showing `state` (its mount owns the signal, so an
/// embed's changed attributes can set it).
#[component]
pub fn App(config: Config, state: RwSignal<FilterState>) -> impl IntoView {
    let load = RwSignal::new(match &config.data {
        Ok(DataSource::Read(loaded)) => LoadState::Ready(loaded.clone()),
        _ => LoadState::Loading,
    });
    // The sheet's problems, as far as they are known (see `read`).
    let problems = RwSignal::new(match &config.data {
        Ok(DataSource::Read(loaded)) => loaded.problems.clone(),
        _ => Vec::new(),
    });
    let root = NodeRef::<leptos::html::Div>::new();
    // The interface language: its words once its catalogue is here (English
    // is built in); until then the skeleton, after that the old words until
    // the new ones arrive.
    let languages = config.languages.clone();
    let lang = Memo::new(move |_| state.with(|s| languages.choose(s.lang.as_deref())));
    let words = config.languages.words(lang);
    if config.setting.sync_url {
        crate::ui::url::sync(state);
        let ready = Memo::new(move |_| load.with(|l| matches!(l, LoadState::Ready(_))));
        crate::ui::url::follow_fragment(root, ready);
    }
    // Lives as long as the widget, across views: the map file is fetched once.
    let world = format!("{}{}", config.setting.base, ilo_factsheet_map::WORLD_PATH);
    provide_context(ilo_factsheet_map::MapGeometry::new(world));
    let source = config.data.clone();
    let fetch = move || {
        let url = match source.clone() {
            // In hand, and ready from the start: nothing to fetch.
            Ok(DataSource::Read(_)) => return,
            Ok(DataSource::Url(url)) => Ok(url),
            Err(refused) => Err(refused),
        };
        load.set(LoadState::Loading);
        spawn_local(async move {
            let next = match url {
                Err(Refused::OtherOrigin(u)) => LoadState::Failed(LoadError::Refused(u)),
                Err(Refused::NotWeb(u)) => LoadState::Failed(LoadError::NotWeb(u)),
                Err(Refused::OutsideData(u, folder)) => LoadState::Failed(LoadError::OutsideData(u, folder)),
                Ok(u) => match fetch_text(&u).await {
                    Ok(text) => read(text, problems).await,
                    Err(e) => LoadState::Failed(e),
                },
            };
            // The widget may have been unmounted meanwhile.
            let _ = load.try_set(next);
        });
    };
    // Fetching is a browser call: start it from an effect, not from rendering.
    let first = fetch.clone();
    Effect::new(move |ran: Option<()>| {
        if ran.is_none() {
            first();
        }
    });
    // Tell embed.js when the report (or the reason there is none) is drawn,
    // so it can swap out a prerendered copy in the frame that paints it.
    // Not before the views fetched on demand (wasm chunks) are drawn too: a
    // prerendered map swapped for an empty place would move everything below.
    let pending = crate::ui::report::Pending(RwSignal::new(0));
    provide_context(pending);
    Effect::new(move |_| {
        let settled = load.with(|l| !matches!(l, LoadState::Loading)) && words.with(Option::is_some);
        if settled && pending.0.get() == 0 {
            request_animation_frame(move || {
                if pending.0.get_untracked() == 0 {
                    announce_ready(root);
                }
            });
        }
    });
    // Our page is named for the sheet it shows (whichever file it loaded).
    if config.setting.sync_url {
        Effect::new(move |_| {
            if let (LoadState::Ready(data), Some(words)) = (load.get(), words.get()) {
                let meta = &data.sheet.meta;
                // The sheet's title in the reader's language where it gives one.
                let code = words.lang().code();
                let (title, subtitle) =
                    (meta.title.pick(code, &meta.language).0, meta.subtitle.pick(code, &meta.language).0);
                if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                    document.set_title(&words.document_title(title, subtitle));
                }
            }
        });
    }
    let foreign = config.foreign_params.clone();
    let setting = config.setting.clone();

    view! {
        <div
            class="ilo-factsheet"
            node_ref=root
            lang=move || words.with(|w| w.as_ref().map_or(Lang::En, Words::lang).code())
            dir=move || words.with(|w| w.as_ref().map_or(Dir::Ltr, |w| w.lang().dir()).as_str())
        >
            {move || match (load.get(), words.get()) {
                (LoadState::Loading, _) | (_, None) => view! { <Skeleton /> }.into_any(),
                (LoadState::Failed(error), Some(words)) => {
                    provide_context(words);
                    let retry = fetch.clone();
                    // The page's one first-level heading, where the report's title would be.
                    let heading = !setting.single_view;
                    view! { <LoadFailed error=error heading=heading on_retry=move || retry() /> }.into_any()
                }
                (LoadState::Ready(data), Some(words)) => {
                    provide_context(words);
                    provide_ctx(data, problems.into(), state, foreign.clone(), setting.clone());
                    view! { <crate::ui::report::Report /> }.into_any()
                }
            }}
        </div>
    }
}

/// Reads a fetched file into a sheet to show, and its problems into
/// `problems`. The fast reader (`model::quick`) reads a sound file at once,
/// and the forgiving reader and checker (a wasm chunk of their own: most of
/// the code of reading) look for its problems once the browser is idle.
/// A file the fast reader gives up on is read by the forgiving one at once.
async fn read(text: String, problems: RwSignal<Vec<Problem>>) -> LoadState {
    if let Some(loaded) = Loaded::quick(&text) {
        let _ = problems.try_set(Vec::new());
        let text = std::rc::Rc::new(text);
        let check = move || {
            let text = text.clone();
            spawn_local(async move {
                let found = checked(text.to_string()).await.problems;
                // Unmounted meanwhile, or nothing to say: nothing to draw.
                if !found.is_empty() {
                    let _ = problems.try_set(found);
                }
            });
        };
        if leptos::prelude::request_idle_callback_with_handle(check.clone()).is_err() {
            check();
        }
        return LoadState::Ready(Arc::new(loaded));
    }
    let loaded = Loaded::from_parsed(checked(text).await);
    let _ = problems.try_set(loaded.problems.clone());
    LoadState::Ready(Arc::new(loaded))
}

/// The forgiving reader and the checker (its wasm chunk).
#[cfg(not(feature = "ssr"))]
#[lazy]
fn checked(text: String) -> Parsed {
    crate::model::parse(&text)
}

/// Natively there is nothing to fetch: the same, at once.
#[cfg(feature = "ssr")]
async fn checked(text: String) -> Parsed {
    crate::model::parse(&text)
}

/// Bubbles `ilo-factsheet:ready` from the widget's root to the container
/// `embed.js` mounted it in.
fn announce_ready(root: NodeRef<leptos::html::Div>) {
    let Some(el) = root.get_untracked() else { return };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(READY_EVENT, &init) {
        let _ = el.dispatch_event(&event);
    }
}

/// The shape of the report while the data is on its way.
#[component]
pub(crate) fn Skeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-live="polite">
            <p class="visually-hidden">{t(Text::Loading)}</p>
            <div class="sk-header">
                <div class="sk-line sk-title"></div>
                <div class="sk-line sk-subtitle"></div>
                <div class="sk-highlights">
                    <div class="sk-box"></div>
                    <div class="sk-box"></div>
                    <div class="sk-box"></div>
                    <div class="sk-box"></div>
                </div>
            </div>
            <div class="sk-tabs"></div>
            <div class="fs-body">
                <div class="sk-filters"></div>
                <div class="fs-content">
                    <div class="sk-line sk-h2"></div>
                    <div class="sk-para"></div>
                    <div class="sk-para"></div>
                    <div class="sk-line sk-h2"></div>
                    <div class="sk-para"></div>
                </div>
            </div>
        </div>
    }
}

/// The alert shown when the data file could not be had.
#[component]
fn LoadFailed(error: LoadError, heading: bool, on_retry: impl Fn() + 'static) -> impl IntoView {
    let can_retry = error.can_retry();
    let message = error.message();
    view! {
        <div class="load-failed" role="alert">
            {if heading {
                view! { <h1 class="alert-title">{message}</h1> }.into_any()
            } else {
                view! { <p class="alert-title">{message}</p> }.into_any()
            }}
            {can_retry.then(|| view! {
                <button type="button" class="retry" on:click=move |_| on_retry()>{t(Text::Retry)}</button>
            })}
        </div>
    }
}
