//! Fetching the data file: the only network code of the report. Turns every
//! failure (404, 500, timeout, offline, refused origin, too large) into a [`LoadError`]
//! the view can name, and a fetched text into a parsed, indexed [`Loaded`].
//! Widgets of one page asking for the same file at once share the request.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use crate::i18n::{t, Text};
use crate::model::parse::MAX_BYTES;
use crate::model::{parse, quick, FactSheet, Parsed, Problem};
use crate::query::Index;

/// How long a fetch may take before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(20);

/// A sheet ready to show: what could be read, its problems, and its search index.
#[derive(Debug)]
pub struct Loaded {
    pub sheet: FactSheet,
    /// The problems the reading found: none from [`Loaded::quick`], which
    /// does not look for them (the widget has the file checked after).
    pub problems: Vec<Problem>,
    /// True when nothing could be read (syntax error, newer format).
    pub fatal: bool,
    pub index: Index,
}

impl Loaded {
    /// Read by the forgiving reader, with every problem found.
    pub fn from_text(text: &str) -> Loaded {
        Loaded::from_parsed(parse(text))
    }

    /// What the forgiving reader read, indexed.
    pub fn from_parsed(parsed: Parsed) -> Loaded {
        let index = Index::new(&parsed.sheet);
        Loaded { sheet: parsed.sheet, problems: parsed.problems, fatal: parsed.fatal, index }
    }

    /// Read by the fast reader (`model::quick`), without looking for
    /// problems; `None` when it gives up (read it with [`Loaded::from_text`]).
    pub fn quick(text: &str) -> Option<Loaded> {
        let sheet = quick(text)?;
        let index = Index::new(&sheet);
        Some(Loaded { sheet, problems: Vec::new(), fatal: false, index })
    }
}

/// Why the data file could not be had.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not on this site (a page's `?data=`, an iframe's `src`).
    Refused(String),
    /// Not a web address.
    NotWeb(String),
    NotFound(String),
    Status(u16, String),
    Timeout(String),
    Offline,
    Network(String),
    /// The server announced more bytes than [`MAX_BYTES`]: not even read.
    TooLarge(String, u64),
}

impl LoadError {
    /// The message shown in the alert.
    pub fn message(&self) -> String {
        match self {
            LoadError::Refused(url) => t(Text::OtherOrigin(url)).into_owned(),
            LoadError::NotWeb(url) => t(Text::NotWeb(url)).into_owned(),
            LoadError::NotFound(url) => t(Text::NotFound(url)).into_owned(),
            LoadError::Status(code, url) => t(Text::HttpStatus(*code, url)).into_owned(),
            LoadError::Timeout(url) => t(Text::Timeout(url)).into_owned(),
            LoadError::Offline => t(Text::Offline).into_owned(),
            LoadError::Network(detail) => t(Text::Network(detail)).into_owned(),
            LoadError::TooLarge(url, bytes) => {
                let mb = |n: u64| n as f64 / 1_000_000.0;
                t(Text::TooLarge(url, mb(*bytes), mb(MAX_BYTES as u64))).into_owned()
            }
        }
    }

    /// Retrying cannot help a refused address.
    pub fn can_retry(&self) -> bool {
        !matches!(self, LoadError::Refused(_) | LoadError::NotWeb(_) | LoadError::TooLarge(..))
    }
}

type Pending = Shared<LocalBoxFuture<'static, Result<String, LoadError>>>;

thread_local! {
    /// Fetches under way, by URL. Two widgets of one page that ask for the
    /// same file at once (the sheet, the map geometry) share one request; a
    /// file is asked for again once its fetch has ended (a Retry refetches).
    /// A cache of requests in flight, not state: the text is each widget's own.
    static PENDING: RefCell<Vec<(String, Pending)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches `url` as text, with a timeout, sharing a fetch already under way.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let pending = PENDING.with_borrow_mut(|all| match all.iter().find(|(u, _)| u == url) {
        Some((_, p)) => p.clone(),
        None => {
            let p = fetch_once(url.to_string()).boxed_local().shared();
            all.push((url.to_string(), p.clone()));
            p
        }
    });
    let outcome = pending.clone().await;
    PENDING.with_borrow_mut(|all| all.retain(|(_, p)| !p.ptr_eq(&pending)));
    outcome
}

/// One request for `url`, with a timeout.
async fn fetch_once(url: String) -> Result<String, LoadError> {
    let url = url.as_str();
    let controller = web_sys::AbortController::new().map_err(|_| LoadError::Network("no AbortController".into()))?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            TIMEOUT,
        )
        .ok()
    };
    let signal = controller.signal();
    let result = gloo_net::http::Request::get(url).abort_signal(Some(&signal)).send().await;
    let outcome = match result {
        Ok(response) if response.ok() => match announced_length(&response) {
            // Refused before reading: a huge body would freeze the tab. (A body
            // sent without a length is read, and `parse` refuses it by size.)
            Some(n) if n > MAX_BYTES as u64 => Err(LoadError::TooLarge(url.to_string(), n)),
            _ => response.text().await.map_err(|e| LoadError::Network(e.to_string())),
        },
        Ok(response) if response.status() == 404 => Err(LoadError::NotFound(url.to_string())),
        Ok(response) => Err(LoadError::Status(response.status(), url.to_string())),
        Err(_) if timed_out.get() => Err(LoadError::Timeout(url.to_string())),
        Err(_) if is_offline() => Err(LoadError::Offline),
        Err(e) => Err(LoadError::Network(e.to_string())),
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    outcome
}

/// The body's length as the server announces it, when it does and the body
/// is not compressed (a compressed length says nothing of the text's size).
fn announced_length(response: &gloo_net::http::Response) -> Option<u64> {
    let headers = response.headers();
    if headers.get("content-encoding").is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity")) {
        return None;
    }
    headers.get("content-length")?.trim().parse().ok()
}

fn is_offline() -> bool {
    web_sys::window().map(|w| !w.navigator().on_line()).unwrap_or(false)
}
