//! A panic must not leave a frozen page: the hook logs it once and puts an
//! alert at the top of every mounted widget, saying what happened, with the
//! program's own message folded under "Details" and a Reload link. The hook
//! is process-wide by nature, and so is its list of the mounted widgets'
//! elements (they may sit in shadow roots, out of `document`'s reach): a
//! global by nature, beside the caches listed in ARCHITECTURE.md.
//!
//! After a panic the wasm instance cannot be trusted (the release build aborts
//! on panic), so the alert is built with plain DOM calls and its Reload is a
//! link to the page itself: it works with no code running, and under a CSP
//! that forbids inline handlers.
//!
//! The build feature `panic-test` (never in the shipped build) adds a way to
//! panic on purpose, [`trigger_if_asked`], so a browser test can check all this.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use ilo_factsheet_shell::i18n::{t, Text};

/// Set by the first panic: later ones (a panic can cascade) are not shown again.
static REPORTED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The elements widgets are mounted into, for the alert.
    static MOUNTED: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Adds a widget's mount element to the list the alert goes to.
pub fn register(el: &web_sys::Element) {
    MOUNTED.with_borrow_mut(|list| {
        if !list.contains(el) {
            list.push(el.clone());
        }
    });
}

/// Takes an unmounted widget's element off the list.
pub fn unregister(el: &web_sys::Element) {
    MOUNTED.with_borrow_mut(|list| list.retain(|e| e != el));
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        if REPORTED.swap(true, Ordering::SeqCst) {
            return;
        }
        web_sys::console::error_1(&format!("ilo-factsheet: {info}").into());
        let message = match (info.payload().downcast_ref::<&str>(), info.payload().downcast_ref::<String>()) {
            (Some(s), _) => s.to_string(),
            (_, Some(s)) => s.clone(),
            _ => info.to_string(),
        };
        show(&message);
    }));
}

/// Puts the crash alert at the top of every mount element.
fn show(message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    // `try_with`: a panic while the list is borrowed must not panic again.
    let Ok(Ok(mounts)) = MOUNTED.try_with(|list| list.try_borrow().map(|l| l.clone())) else {
        return;
    };
    // The page itself, without a fragment (a link to `#x` would only scroll).
    let reload = window.location().href().ok().map(|h| h.split('#').next().unwrap_or_default().to_string());
    for mount in mounts {
        let Some(alert) = alert(&document, message, reload.as_deref()) else {
            continue;
        };
        // Inside the widget's root when it has one, so the widget's styles apply.
        let root: web_sys::Node = match mount.query_selector(".ilo-factsheet") {
            Ok(Some(root)) => root.into(),
            _ => mount.into(),
        };
        let _ = root.insert_before(&alert, root.first_child().as_ref());
    }
}

/// `<div role="alert" class="crashed"><p>…</p><details><summary>Details</summary><code>message</code></details><a>Reload</a></div>`
fn alert(document: &web_sys::Document, message: &str, reload: Option<&str>) -> Option<web_sys::Element> {
    let el = |tag: &str, class: &str, text: Option<&str>| {
        let e = document.create_element(tag).ok()?;
        if !class.is_empty() {
            let _ = e.set_attribute("class", class);
        }
        if text.is_some() {
            e.set_text_content(text);
        }
        Some(e)
    };
    let div = el("div", "crashed", None)?;
    let _ = div.set_attribute("role", "alert");
    let title = el("p", "alert-title", Some(&t(Text::Crashed)))?;
    let details = el("details", "crash-detail", None)?;
    let summary = el("summary", "", Some(&t(Text::CrashDetail)))?;
    let code = el("code", "", Some(message))?;
    let _ = details.append_child(&summary);
    let _ = details.append_child(&code);
    let _ = div.append_child(&title);
    let _ = div.append_child(&details);
    if let Some(href) = reload {
        let a = el("a", "reload", Some(&t(Text::Reload)))?;
        let _ = a.set_attribute("href", href);
        let _ = div.append_child(&a);
    }
    Some(div)
}

/// Test builds only: panics when the page's query holds `ilo-panic-test`,
/// once the widget has mounted, to prove the hook above. Never compiled into
/// the shipped build (the feature is off there).
#[cfg(feature = "panic-test")]
pub fn trigger_if_asked(search: &str) {
    if crate::query::params::raw_pairs(search).iter().any(|(key, _)| key == "ilo-panic-test") {
        leptos::prelude::request_animation_frame(|| panic!("panic-test: a deliberate panic to test the hook"));
    }
}
