//! The timeline: every event that matches the filters, oldest first.

use leptos::prelude::*;

use crate::ui::text::{shown, Highlighted};
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{event_kind, t, words, Text};

#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = Ctx::get();
    let events = move || ctx.selection.with(|s| s.events.clone());
    view! {
        <section class="timeline" aria-labelledby=ctx.dom_id("timeline-title") hidden=move || events().is_empty()>
            <h2 id=ctx.dom_id("timeline-title")>{t(Text::Timeline)}</h2>
            <ol class="events">
                <For each=events key=|i| *i let:i>
                    {ctx.with_data(|d| {
                        let e = d.sheet.events.get(i)?;
                        let date = e.date;
                        let figures: Vec<String> =
                            e.figures.iter().map(|f| ilo_factsheet_shell::words::figure_text(&d.sheet, f)).collect();
                        Some(view! {
                            <li class="event" data-event=e.id.clone()>
                                <time datetime=String::from(date)>{words().date(date)}</time>
                                <span class="kind">{t(event_kind(e.kind))}</span>
                                {let (title, lang, dir) = shown(&e.title); view! {
                                    <p class="event-title" lang=lang dir=dir><Highlighted text=title /></p>
                                }}
                                {(!figures.is_empty()).then(|| view! {
                                    <ul class="figures">
                                        {figures.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        })
                    })}
                </For>
            </ol>
        </section>
    }
}
