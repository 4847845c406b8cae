//! A widget's interface language: what it is chosen from ([`Languages`]:
//! the asked one, else the reader's, else English), its words (a future:
//! English built in, a catalogue fetched once a page), and the switcher
//! ([`LanguagePicker`]): the five languages by their own names; choosing one
//! sets the widget's `lang` (mirrored in the URL on our page), and the
//! widget's root draws it in that language once its words are here. On
//! phones the switcher is a narrow select with a globe drawn over it, in the
//! sticky bar beside the tabs.

use std::future::Future;

use leptos::prelude::*;

use crate::i18n::{Catalogue, Lang};
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, words, Text, Words};
use ilo_factsheet_shell::load::fetch_text;

/// What a widget's interface language is chosen from, besides the one its
/// state asks for (`?lang=`, the element's `lang`).
#[derive(Debug, Clone, Default)]
pub struct Languages {
    /// The reader's languages, most wanted first (the browser's).
    pub preferred: Vec<String>,
    /// Where each language's catalogue is, by absolute URL (English is built in).
    pub catalogues: Vec<(Lang, String)>,
}

impl Languages {
    /// The words of `lang`: at once for English (built in) and for a
    /// catalogue already read on this page, else once its catalogue is
    /// fetched (when awaited, never while rendering). A catalogue that
    /// cannot be had or read leaves the interface in English.
    pub fn words(&self, lang: Lang) -> impl Future<Output = Words> + Send + 'static {
        let url = self.catalogues.iter().find(|(l, _)| *l == lang).map(|(_, url)| url.clone());
        async move {
            let Some(url) = url else { return Words::english() };
            // Read once a page: another widget, or a switch back, takes it at once.
            if let Some(read) = READ.with_borrow(|read| read.iter().find(|(u, _)| *u == url).map(|(_, w)| w.clone())) {
                return read;
            }
            let read = fetch_text(&url).await.ok().and_then(|text| Catalogue::parse(lang, &text).ok()).map(Words::new);
            if let Some(read) = &read {
                READ.with_borrow_mut(|all| all.push((url, read.clone())));
            }
            read.unwrap_or_else(Words::english)
        }
    }

    /// The language for the asked one (`?lang=`), else the reader's, else
    /// English; a language without a catalogue is not spoken.
    pub fn choose(&self, asked: Option<&str>) -> Lang {
        let spoken = |lang: Lang| self.catalogues.iter().any(|(l, _)| *l == lang);
        Lang::choose(asked, self.preferred.iter().map(String::as_str), spoken)
    }
}

thread_local! {
    /// The catalogues read on this page, by URL: immutable (their names
    /// carry their content's hash), so a cache, not state.
    static READ: std::cell::RefCell<Vec<(String, Words)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The switcher.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let ctx = Ctx::get();
    let current = words().lang();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            ctx.state.update(|s| s.lang = Some(lang.code().to_string()));
        }
    };
    view! {
        <label class="language">
            <span class="visually-hidden">{t(Text::Language)}</span>
            // On phones a globe (drawn by CSS) over the select stands for it,
            // keeping the bar to one row.
            <span class="globe" aria-hidden="true"></span>
            <select on:change=choose>
                {Lang::ALL.into_iter().map(|lang| view! {
                    <option value=lang.code() lang=lang.code() selected=lang == current>{lang.autonym()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
