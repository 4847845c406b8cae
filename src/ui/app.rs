//! The widget's root. [`App`] composes a widget's parts, each a function of
//! its own: its sheet ([`load`]: a URL fetched and read, a sheet already in
//! hand, [`DataSource`], or an address refused), its interface language
//! (`ui::language`), the URL mirror (`ui::url`), the page's title
//! ([`name_the_page`]) and the cue that it is drawn ([`announce_when_drawn`]).
//!
//! Loading is Leptos' async rendering: the sheet and its words are futures
//! awaited by one `Suspend` under a `Transition`, so they are drawn when they
//! are there, never copied into a signal by a task or an effect. The sheet
//! is loaded once ([`SheetLoad`]; again when Retry asks: a tracked count of
//! tries), its words for each language (at once for English and a catalogue
//! read before). The skeleton shows until both are first here; after that
//! what is drawn stays, alive, until the next drawing is ready: the old
//! words until the new ones arrive, the failure alert while Retry works.
//! (Leptos' resources, `LocalResource` and `AsyncDerived`, would cost the
//! main wasm 7 KB gzip more, past its budget: see `shell::awaited`.)
//!
//! Reading a fetched file ([`read`]) shows a sound file at once; its problems
//! come later, into a signal of their own (`Ctx::problems`), from the
//! checker's chunk when the browser is idle.

use std::future::Future;
use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data_url::Refused;
use crate::embed::READY_EVENT;
use crate::model::{Parsed, Problem};
use crate::query::FilterState;
use crate::ui::language::Languages;
use crate::ui::on_demand::Pending;
use crate::ui::url::Fragment;
use ilo_factsheet_shell::awaited::{awaited, owned};
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

/// A widget's sheet, loaded: to show, or why there is none.
#[derive(Debug, Clone)]
enum Sheet {
    Failed(LoadError),
    Ready(Arc<Loaded>),
}

/// A widget's sheet, loaded once for each try (Retry makes another) and
/// kept for every drawing of it: another language draws the same sheet.
/// (A language changed while the first load is on its way loads it again:
/// rare, and harmless.)
#[derive(Clone, Copy)]
struct SheetLoad {
    data: StoredValue<Result<DataSource, Refused>>,
    problems: RwSignal<Vec<Problem>>,
    /// Retry's count.
    tries: RwSignal<u32>,
    /// The last try's sheet, once loaded (a cache, not state).
    kept: StoredValue<Option<(u32, Sheet)>>,
}

impl SheetLoad {
    /// The sheet of the latest try (tracked): at once when kept, else loaded.
    fn get(self) -> impl Future<Output = Sheet> + Send + 'static {
        let this = self.tries.get();
        let kept = self.kept.with_value(|k| k.as_ref().filter(|(t, _)| *t == this).map(|(_, s)| s.clone()));
        let data = self.data.get_value();
        async move {
            if let Some(sheet) = kept {
                return sheet;
            }
            let sheet = load(data, self.problems).await;
            self.kept.try_set_value(Some((this, sheet.clone())));
            sheet
        }
    }

    /// Loads the sheet again.
    fn retry(self) {
        self.tries.update(|n| *n += 1);
    }
}

/// What drawing a widget's sheet needs besides the sheet and its words.
#[derive(Clone)]
struct Drawing {
    state: RwSignal<FilterState>,
    problems: RwSignal<Vec<Problem>>,
    foreign_params: String,
    setting: Setting,
    root: NodeRef<Div>,
    pending: Pending,
    /// Our page's fragment, followed once the report is drawn.
    fragment: Option<Fragment>,
    sheet: SheetLoad,
    /// The widget's owner: each drawing's is its child (`awaited::owned`).
    owner: Option<WeakOwner>,
}

/// One fact-sheet widget, showing `state` (its mount owns the signal, so an
/// embed's changed attributes can set it).
#[component]
pub fn App(config: Config, state: RwSignal<FilterState>) -> impl IntoView {
    let Config { data, foreign_params, setting, languages } = config;
    // The sheet's problems, as far as they are known (see `read`).
    let problems = RwSignal::new(match &data {
        Ok(DataSource::Read(loaded)) => loaded.problems.clone(),
        _ => Vec::new(),
    });
    let sheet =
        SheetLoad { data: StoredValue::new(data), problems, tries: RwSignal::new(0), kept: StoredValue::new(None) };
    let lang = {
        let languages = languages.clone();
        Memo::new(move |_| state.with(|s| languages.choose(s.lang.as_deref())))
    };
    let root = NodeRef::<Div>::new();
    let fragment = setting.sync_url.then(|| {
        crate::ui::url::sync(state);
        Fragment::listen(root)
    });
    // Lives as long as the widget, across views: the map file is fetched once.
    let world = format!("{}{}", setting.base, ilo_factsheet_map::WORLD_PATH);
    provide_context(ilo_factsheet_map::MapGeometry::new(world));
    let pending = Pending::provide();
    let owner = Owner::current().map(|o| o.downgrade());
    let drawing = Drawing { state, problems, foreign_params, setting, root, pending, fragment, sheet, owner };

    // The root stays while what it holds changes: what the panic hook puts
    // in it stays too.
    view! {
        <div class="ilo-factsheet" node_ref=root lang="en" dir="ltr">
            <Transition fallback=Skeleton>
                {awaited(move || {
                    let (words, sheet) = (languages.words(lang.get()), sheet.get());
                    let drawing = drawing.clone();
                    // One after the other: `embed.js` asked for both files
                    // before the wasm, so neither waits for the other.
                    Suspend::new(async move {
                        let words = words.await;
                        draw(sheet.await, words, drawing)
                    })
                })}
            </Transition>
        </div>
    }
}

/// The report of `sheet` (and the context every view reads) or the reason
/// there is none, in the language of `words`; it lives until the next
/// drawing replaces it (`awaited::owned`: a new language is asked for by
/// the state that the report itself reads).
fn draw(sheet: Sheet, words: Words, at: Drawing) -> AnyView {
    let parent = at.owner.as_ref().and_then(WeakOwner::upgrade);
    owned(parent.as_ref(), move || {
        speak(at.root, &words);
        provide_context(words.clone());
        let body = match sheet {
            Sheet::Failed(error) => {
                // The page's one first-level heading, where the report's title would be.
                let heading = !at.setting.single_view;
                let sheet = at.sheet;
                view! { <LoadFailed error=error heading=heading on_retry=move || sheet.retry() /> }.into_any()
            }
            Sheet::Ready(data) => {
                if at.setting.sync_url {
                    name_the_page(&data, &words);
                }
                if let Some(fragment) = at.fragment {
                    Effect::new(move |_| fragment.follow());
                }
                provide_ctx(data, at.problems.into(), at.state, at.foreign_params, at.setting);
                view! { <crate::ui::report::Report /> }.into_any()
            }
        };
        announce_when_drawn(at.root, at.pending);
        body
    })
}

/// The widget's root speaks the language of the words drawn: its `lang` and
/// `dir` (a DOM write, so from an effect).
fn speak(root: NodeRef<Div>, words: &Words) {
    let (code, dir) = (words.lang().code(), words.lang().dir().as_str());
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let _ = el.set_attribute("lang", code);
            let _ = el.set_attribute("dir", dir);
        }
    });
}

/// Loads a widget's sheet: fetched from its URL and read ([`read`], its
/// problems into `problems`), or in hand at once, or refused.
async fn load(data: Result<DataSource, Refused>, problems: RwSignal<Vec<Problem>>) -> Sheet {
    match data {
        Ok(DataSource::Read(loaded)) => Sheet::Ready(loaded),
        Ok(DataSource::Url(url)) => match fetch_text(&url).await {
            Ok(text) => Sheet::Ready(read(text, problems).await),
            Err(e) => Sheet::Failed(e),
        },
        Err(Refused::OtherOrigin(u)) => Sheet::Failed(LoadError::Refused(u)),
        Err(Refused::NotWeb(u)) => Sheet::Failed(LoadError::NotWeb(u)),
        Err(Refused::OutsideData(u, folder)) => Sheet::Failed(LoadError::OutsideData(u, folder)),
    }
}

/// Reads a fetched file into a sheet to show, and its problems into
/// `problems`. The fast reader (`model::quick`) reads a sound file at once,
/// and the forgiving reader and checker (a wasm chunk of their own: most of
/// the code of reading) look for its problems once the browser is idle.
/// A file the fast reader gives up on is read by the forgiving one at once.
async fn read(text: String, problems: RwSignal<Vec<Problem>>) -> Arc<Loaded> {
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
        return Arc::new(loaded);
    }
    let loaded = Loaded::from_parsed(checked(text).await);
    let _ = problems.try_set(loaded.problems.clone());
    Arc::new(loaded)
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

/// Names our page for the sheet it shows (whichever file it loaded), in
/// the reader's language where the sheet gives its title in it.
fn name_the_page(data: &Loaded, words: &Words) {
    let meta = &data.sheet.meta;
    let code = words.lang().code();
    let (title, subtitle) = (meta.title.pick(code, &meta.language).0, meta.subtitle.pick(code, &meta.language).0);
    let title = words.document_title(title, subtitle);
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
}

/// Tells `embed.js` that what the widget shows (the report, or the reason
/// there is none) is drawn, so it can swap out a prerendered copy in the
/// frame that paints it: `ilo-factsheet:ready`, bubbled from the widget's
/// root, once every view fetched on demand is drawn too ([`Pending`] at
/// zero; a prerendered map swapped for an empty place would move everything
/// below). Called where that content is built.
fn announce_when_drawn(root: NodeRef<Div>, pending: Pending) {
    Effect::new(move |_| {
        if pending.settled() {
            request_animation_frame(move || {
                if pending.settled_untracked() {
                    announce_ready(root);
                }
            });
        }
    });
}

/// Bubbles `ilo-factsheet:ready` from the widget's root to the container
/// `embed.js` mounted it in.
fn announce_ready(root: NodeRef<Div>) {
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

/// The alert shown when the data file could not be had. It stays while a
/// Retry is under way (its button waiting), until what that brings is drawn.
#[component]
fn LoadFailed(error: LoadError, heading: bool, on_retry: impl Fn() + 'static) -> impl IntoView {
    let can_retry = error.can_retry();
    let message = error.message();
    let retrying = RwSignal::new(false);
    view! {
        <div class="load-failed" role="alert" aria-busy=move || retrying.get().then_some("true")>
            {if heading {
                view! { <h1 class="alert-title">{message}</h1> }.into_any()
            } else {
                view! { <p class="alert-title">{message}</p> }.into_any()
            }}
            {can_retry.then(|| view! {
                <button type="button" class="retry" disabled=move || retrying.get()
                    on:click=move |_| {
                        retrying.set(true);
                        on_retry();
                    }>{t(Text::Retry)}</button>
            })}
        </div>
    }
}
