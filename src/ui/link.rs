//! Links whose address comes from a data file. [`SafeLink`] is the only
//! component that writes such an `href`, and it takes a
//! [`SafeUrl`](crate::model::SafeUrl), which only `SafeUrl::parse` makes: a
//! `javascript:`, `data:` or `vbscript:` address cannot reach the page as a
//! link however it is spelled. [`DataLink`] takes the raw text from the file
//! and shows a refused address as plain text with the reason beside it.
//! (`tests/hostile.rs` lists every place the browser side writes an address, so a
//! new one is looked at; `tests/render.rs` checks every `href` rendered.)

use leptos::prelude::*;

use crate::model::SafeUrl;
use ilo_factsheet_shell::i18n::{t, Text};

/// A link to a checked address. Web links open without giving the target
/// page a handle on this one (`noopener`) or the page's address (`noreferrer`).
#[component]
pub fn SafeLink(url: SafeUrl, label: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let rel = url.scheme().is_web().then_some("noopener noreferrer");
    view! { <a class=class href=url.as_str().to_string() rel=rel>{label}</a> }
}

/// A link from the data file's text: a [`SafeLink`] when the address is
/// allowed, else the label as text and why it is not a link.
#[component]
pub fn DataLink(raw: String, label: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    match SafeUrl::parse(&raw) {
        Ok(url) => view! { <SafeLink url=url label=label class=class /> }.into_any(),
        Err(reason) => view! {
            <span class=format!("{class} link-refused")>
                <span class="label">{label}</span>
                " "
                <span class="refusal">{t(Text::LinkRefused(&reason.to_string()))}</span>
            </span>
        }
        .into_any(),
    }
}
