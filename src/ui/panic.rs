//! A panic must not leave a frozen page: the hook logs it and puts a message
//! in every mounted widget. The hook is process-wide by nature, the one
//! global of the shell.

use crate::ui::i18n::{t, Text};
use crate::ui::MOUNT_ATTRIBUTE;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("ilo-factsheet: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(nodes) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
            return;
        };
        for i in 0..nodes.length() {
            let Some(node) = nodes.item(i) else { continue };
            let Ok(div) = document.create_element("div") else {
                continue;
            };
            let _ = div.set_attribute("role", "alert");
            let _ = div.set_attribute("class", "crashed");
            div.set_text_content(Some(&t(Text::Crashed)));
            let _ = node.insert_before(&div, node.first_child().as_ref());
        }
    }));
}
