//! Text with the current search's matches marked (`<mark>`).

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
