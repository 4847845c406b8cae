//! Text of the sheet as shown: the current search's matches marked
//! (`<mark>`), and the `lang` and `dir` its elements carry when the interface
//! speaks another language.

use leptos::prelude::*;

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

/// The `lang` and `dir` of an element of the sheet's own text, when the
/// interface speaks another language (see `words::content_lang`).
pub(crate) fn content_attrs() -> (Option<String>, Option<&'static str>) {
    let lang = ilo_factsheet_shell::words::content_lang();
    let dir = lang.is_some().then_some("auto");
    (lang, dir)
}
