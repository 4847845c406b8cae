//! Fetching the data file: the only network code of the report. Turns every
//! failure (404, 500, timeout, offline, refused address, redirected, too
//! large) into a [`LoadError`] the view can name, and a fetched text into a
//! parsed, indexed [`Loaded`]. Widgets of one page asking for the same file
//! at once share the request.
//!
//! A body is read as a stream and never past [`MAX_BYTES`], whatever its
//! headers say: a compressed body (a few KB that inflate to gigabytes) or
//! one sent without a length (an endless stream) is cut off at the limit,
//! so no response can freeze the tab or fill the wasm's memory.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{t, Text};
use crate::model::parse::MAX_BYTES;
use crate::model::problem::excerpt;
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
    /// On this site but not in its data folder: the address and the folder.
    OutsideData(String, String),
    /// The response came from another address than the one asked (a redirect).
    Redirected(String),
    NotFound(String),
    Status(u16, String),
    Timeout(String),
    Offline,
    Network(String),
    /// The server announced more bytes than [`MAX_BYTES`]: not even read.
    TooLarge(String, u64),
    /// The body grew past [`MAX_BYTES`] as it was read: reading stopped there.
    TooLargeRead(String),
}

impl LoadError {
    /// The message shown in the alert. Addresses come from a link or a
    /// page: they are said short ([`excerpt`]), never echoed whole.
    pub fn message(&self) -> String {
        let mb = |n: u64| n as f64 / 1_000_000.0;
        let said = match self {
            LoadError::Refused(url) => t(Text::OtherOrigin(&excerpt(url))),
            LoadError::NotWeb(url) => t(Text::NotWeb(&excerpt(url))),
            LoadError::OutsideData(url, folder) => t(Text::OutsideData(&excerpt(url), &excerpt(folder))),
            LoadError::Redirected(url) => t(Text::Redirected(&excerpt(url))),
            LoadError::NotFound(url) => t(Text::NotFound(&excerpt(url))),
            LoadError::Status(code, url) => t(Text::HttpStatus(*code, &excerpt(url))),
            LoadError::Timeout(url) => t(Text::Timeout(&excerpt(url))),
            LoadError::Offline => t(Text::Offline),
            LoadError::Network(detail) => t(Text::Network(&excerpt(detail))),
            LoadError::TooLarge(url, bytes) => t(Text::TooLarge(&excerpt(url), mb(*bytes), mb(MAX_BYTES as u64))),
            LoadError::TooLargeRead(url) => t(Text::TooLargeRead(&excerpt(url), mb(MAX_BYTES as u64))),
        };
        said.into_owned()
    }

    /// Retrying cannot help a refused address or a file too large.
    pub fn can_retry(&self) -> bool {
        !matches!(
            self,
            LoadError::Refused(_)
                | LoadError::NotWeb(_)
                | LoadError::OutsideData(..)
                | LoadError::Redirected(_)
                | LoadError::TooLarge(..)
                | LoadError::TooLargeRead(_)
        )
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
/// Nothing happens until it is awaited. A `Send` future, as Leptos' `Suspend`
/// asks: the browser's futures are not, but there is one thread, where it is
/// made and awaited.
pub fn fetch_text(url: &str) -> impl std::future::Future<Output = Result<String, LoadError>> + Send + 'static {
    send_wrapper::SendWrapper::new(fetch_shared(url.to_string()))
}

/// [`fetch_text`], on the browser's thread.
async fn fetch_shared(url: String) -> Result<String, LoadError> {
    let url = url.as_str();
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
        // Where a redirect led is not what was checked (`data_url`).
        Ok(response) if response.redirected() => Err(LoadError::Redirected(url.to_string())),
        Ok(response) if response.ok() => match announced_length(&response) {
            // Refused before reading: the server says it is too large.
            Some(n) if n > MAX_BYTES as u64 => Err(LoadError::TooLarge(url.to_string(), n)),
            _ => read_body(&response, url).await,
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

/// The body as text, read chunk by chunk and stopped once it passes
/// [`MAX_BYTES`]. The chunks stay in the browser and are decoded there as
/// `Response.text()` does (UTF-8, a leading byte order mark dropped, invalid
/// bytes replaced), through a `Blob`.
async fn read_body(response: &gloo_net::http::Response, url: &str) -> Result<String, LoadError> {
    let broke_off = |_| LoadError::Network("the download broke off".into());
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut read = 0usize;
    loop {
        let chunk: web_sys::ReadableStreamReadResult =
            JsFuture::from(reader.read()).await.map_err(broke_off)?.unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            break;
        }
        let Ok(part) = chunk.get_value().dyn_into::<js_sys::Uint8Array>() else {
            return Err(LoadError::Network("a body chunk that is not bytes".into()));
        };
        read += part.length() as usize;
        if read > MAX_BYTES {
            // Stops the download too; what was read is dropped.
            let _ = reader.cancel();
            return Err(LoadError::TooLargeRead(url.to_string()));
        }
        chunks.push(&part);
    }
    let blob = web_sys::Blob::new_with_u8_array_sequence(&chunks).map_err(broke_off)?;
    let text = JsFuture::from(blob.text()).await.map_err(broke_off)?;
    Ok(text.as_string().unwrap_or_default())
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
