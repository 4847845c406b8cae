//! Browser entry point. `main` installs what the page's widgets share (the
//! panic hook); `embed.js` then mounts a widget into each widget element it
//! finds through [`mount`] (the editors' preview page through [`preview`]),
//! and drives its [`Handle`]: new attributes, unmount.

use wasm_bindgen::prelude::*;

use ilo_factsheet::i18n::Lang;
use ilo_factsheet::ui::{MountOptions, Preview, Widget};

fn main() {
    ilo_factsheet::ui::start();
}

/// One mounted widget or preview page, for `embed.js`.
#[wasm_bindgen]
pub struct Handle(Option<Mounted>);

enum Mounted {
    Widget(Widget),
    Preview(Preview),
}

#[wasm_bindgen]
impl Handle {
    /// Gives the widget its element's changed attributes (`view=map&…`).
    pub fn update(&mut self, attributes: &str) {
        if let Some(Mounted::Widget(widget)) = self.0.as_mut() {
            widget.update(attributes);
        }
    }

    /// Unmounts the widget, releasing its state and listeners; the handle
    /// is freed with it.
    pub fn unmount(mut self) {
        match self.0.take() {
            Some(Mounted::Widget(widget)) => widget.unmount(),
            Some(Mounted::Preview(page)) => page.unmount(),
            None => {}
        }
    }
}

/// Mounts a widget into `element` (emptied first). `options`:
/// `{ attributes: "view=map&…", base: "https://…/", frame: false, i18n: { fr: "…json", … } }`.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Handle {
    let get = |key: &str| js_sys::Reflect::get(&options, &JsValue::from_str(key)).ok();
    let text = |key: &str| get(key).and_then(|v| v.as_string()).unwrap_or_default();
    let catalogues = catalogues(&options);
    let from = MountOptions {
        attributes: text("attributes"),
        base: text("base"),
        frame: get("frame").and_then(|v| v.as_bool()).unwrap_or(false),
        catalogues,
    };
    Handle(Some(Mounted::Widget(Widget::mount(element, from))))
}

/// Mounts the editors' preview page into `element` (emptied first).
/// `options`: `{ base: "https://…/", i18n: { fr: "…json", … } }`: where `embed.js` came from, the catalogues there.
#[wasm_bindgen]
pub fn preview(element: web_sys::HtmlElement, options: JsValue) -> Handle {
    let base = js_sys::Reflect::get(&options, &JsValue::from_str("base")).ok().and_then(|v| v.as_string());
    Handle(Some(Mounted::Preview(Preview::mount(element, base.unwrap_or_default(), catalogues(&options)))))
}

/// The interface catalogues' file names (content-hashed) from the options'
/// `i18n`, by language: `{ fr: "…json" }`.
fn catalogues(options: &JsValue) -> Vec<(Lang, String)> {
    let i18n = js_sys::Reflect::get(options, &JsValue::from_str("i18n")).ok().filter(|v| v.is_object());
    Lang::ALL
        .into_iter()
        .filter_map(|lang| {
            let name = js_sys::Reflect::get(i18n.as_ref()?, &JsValue::from_str(lang.code())).ok()?.as_string()?;
            Some((lang, name))
        })
        .collect()
}
