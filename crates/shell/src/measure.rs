//! An element's drawn width, for views that lay SVG out in screen pixels
//! (the funding charts, the map): measured after mount and on every window
//! resize. A browser call, so it runs in an effect, never while rendering.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

/// Keeps `width` equal to the client width of `node` (whole pixels; a change
/// under one pixel or a zero width, as when hidden, leaves it as it was).
pub fn track_width(node: NodeRef<Div>, width: RwSignal<f64>) {
    Effect::new(move |_| {
        let measure = move || {
            if let Some(el) = node.get_untracked() {
                let w = f64::from(el.client_width());
                if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                    width.set(w);
                }
            }
        };
        measure();
        let handle = window_event_listener(ev::resize, move |_| measure());
        on_cleanup(move || handle.remove());
    });
}
