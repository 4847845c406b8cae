//! An element's drawn width, for views that lay SVG out in screen pixels
//! (the funding charts, the map): measured after mount and whenever the
//! element's own box changes (a `ResizeObserver`, so a widget in a column
//! that narrows follows it, whatever the window does). A browser call, so it
//! runs in an effect, never while rendering; the observer is disconnected
//! when the view goes. Likewise whether an element is laid out at all (a
//! control CSS shows only on a narrow widget).

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

/// Keeps `width` equal to the client width of `node` (whole pixels; a change
/// under one pixel or a zero width, as when hidden, leaves it as it was).
pub fn track_width(node: NodeRef<Div>, width: RwSignal<f64>) {
    Effect::new(move |_| {
        // Tracked: runs again once the element is mounted.
        let Some(el) = node.get() else {
            return;
        };
        let measure = move || {
            if let Some(el) = node.get_untracked() {
                let w = f64::from(el.client_width());
                if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                    let _ = width.try_set(w);
                }
            }
        };
        observe(&el, measure);
    });
}

/// Tells `laid_out` whether `node` is laid out (not `display: none`, itself
/// or above), after mount and whenever that changes, as a `ResizeObserver`
/// on it sees it: how a view learns that CSS (a container query) shows or
/// hides a control.
pub fn track_shown<E>(node: NodeRef<E>, laid_out: impl Fn(bool) + Clone + 'static)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let Some(el) = node.get() else {
            return;
        };
        let el: web_sys::Element = el.unchecked_into();
        let measure = {
            let (el, laid_out) = (el.clone(), laid_out.clone());
            let mut was = None;
            move || {
                let now = el.get_client_rects().length() > 0;
                if was != Some(now) {
                    was = Some(now);
                    laid_out(now);
                }
            }
        };
        observe(&el, measure);
    });
}

/// Runs `measure` now and whenever `el`'s box changes, until the current
/// reactive owner is cleaned up (the observer is disconnected then).
fn observe(el: &web_sys::Element, mut measure: impl FnMut() + 'static) {
    measure();
    let callback = Closure::<dyn FnMut()>::new(measure);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(el);
    let held = SendWrapper::new((observer, callback));
    on_cleanup(move || held.0.disconnect());
}
