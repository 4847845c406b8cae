//! Text of the sheet as shown: the current search's matches marked
//! (`<mark>`), and the `lang` and `dir` its elements carry when the interface
//! speaks another language.

use leptos::prelude::*;

use crate::model::LocalText;
use crate::query::text::highlight;
use ilo_factsheet_shell::ctx::Ctx;

/// `text`, re-rendered as the search changes, with every hit in a `<mark>`.
#[component]
pub fn Highlighted(text: String) -> impl IntoView {
    let ctx = Ctx::get();
    move || {
        let q = ctx.state.with(|s| s.q.clone());
        highlight(&text, &q)
            .into_iter()
            .map(|seg| if seg.hit { view! { <mark>{seg.text}</mark> }.into_any() } else { seg.text.into_any() })
            .collect_view()
    }
}

/// A text of the sheet as shown: in the interface's language where the
/// sheet gives it, else in the sheet's own, then with its `lang` and
/// `dir="auto"` (a left-to-right text keeps its direction in an Arabic
/// interface).
pub(crate) fn shown(text: &LocalText) -> (String, Option<String>, Option<&'static str>) {
    let (text, lang) = ilo_factsheet_shell::words::local_with_lang(text);
    let dir = lang.is_some().then_some("auto");
    (text, lang, dir)
}
