//! The interface language switcher: the five languages by their own names;
//! choosing one sets the widget's `lang` (mirrored in the URL on our page),
//! and the widget's root fetches its words. On phones it is a narrow select
//! with a globe drawn over it, in the sticky bar beside the tabs.

use leptos::prelude::*;

use crate::i18n::Lang;
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, words, Text};

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let ctx = Ctx::get();
    let current = words().lang();
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(lang) = Lang::from_tag(&code) {
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
