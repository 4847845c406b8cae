//! The Leptos shell: components that present state and forward events.
//! Only compiled with the `web` feature.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts a report into each `[data-ilo-factsheet]` element of the document.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(nodes) = document.query_selector_all("[data-ilo-factsheet]") else { return };
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            el.set_inner_html("");
            leptos::mount::mount_to(el, || view! { <p>"Loading…"</p> }).forget();
        }
    }
}
