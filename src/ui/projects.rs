//! Project cards: period, funding with its qualifier, funders and partners,
//! countries reached, beneficiary figures and results, for every project that
//! matches the filters; a long list a page at a time (`query::page`).

use leptos::prelude::*;

use crate::model::{FactSheet, Project};
use crate::ui::text::{shown, Highlighted};
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, words, Text};
use ilo_factsheet_shell::pages::Pages;
use ilo_factsheet_shell::words::{figure_text, local};

#[component]
pub fn Projects() -> impl IntoView {
    let ctx = Ctx::get();
    let all = Memo::new(move |_| ctx.selection.with(|s| s.projects.clone()));
    // A long list a page at a time; a filter change starts it afresh.
    let pages = Pages::new();
    let shown = Memo::new(move |_| all.with(|list| list[..pages.window(list).0].to_vec()));
    let more = move |_| all.with_untracked(|list| pages.more(list));
    view! {
        <section class="projects" aria-labelledby=ctx.dom_id("projects-title") hidden=move || all.with(Vec::is_empty)>
            <h2 id=ctx.dom_id("projects-title")>{t(Text::Projects)}</h2>
            <div class="project-grid">
                <For each=move || shown.get() key=|i| *i let:i>
                    {ctx.with_data(|d| d.sheet.projects.get(i).map(|p| card(&d.sheet, p)))}
                </For>
            </div>
            {move || {
                let ((n, add), total) = all.with(|list| (pages.window(list), list.len()));
                (add > 0).then(|| view! {
                    <button type="button" class="show-more" on:click=more>{t(Text::ShowMore(add, total - n))}</button>
                })
            }}
        </section>
    }
}

/// Names of the partners with these ids, short form, in order.
fn partner_names(sheet: &FactSheet, ids: &[String]) -> String {
    ids.iter().map(|id| sheet.partner_name(id)).collect::<Vec<_>>().join(", ")
}

fn geography_names(sheet: &FactSheet, ids: &[String]) -> String {
    ids.iter()
        .map(|id| sheet.geography(id).map_or_else(|| id.clone(), |g| local(&g.name)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn card(sheet: &FactSheet, p: &Project) -> impl IntoView {
    let period = format!("{}–{}", p.period.start, p.period.end);
    let funding = p.funding.map(|m| words().usd(m));
    let funders = partner_names(sheet, &p.funders);
    let partners = partner_names(sheet, &p.partners);
    let reached = geography_names(sheet, &p.geographies);
    let figures: Vec<String> = p.figures.iter().map(|f| figure_text(sheet, f)).collect();
    // A programme that ran in phases: each as the source names it, with its years.
    let phases = p
        .phases
        .iter()
        .map(|ph| match ph.end {
            Some(end) if end != ph.start => format!("{} {}–{end}", local(&ph.title), ph.start),
            _ => format!("{} {}", local(&ph.title), ph.start),
        })
        .collect::<Vec<_>>()
        .join("; ");
    let row = |label: Text<'static>, value: String| {
        (!value.is_empty()).then(|| view! { <div class="row"><dt>{t(label)}</dt><dd>{value}</dd></div> })
    };
    view! {
        <article class="project-card" data-project=p.id.clone()>
            {let (title, lang, dir) = shown(&p.title); view! { <h3 lang=lang dir=dir><Highlighted text=title /></h3> }}
            <p class="period">{period}</p>
            {let (summary, lang, dir) = shown(&p.summary); view! {
                <p class="summary-text" lang=lang dir=dir><Highlighted text=summary /></p>
            }}
            <dl>
                {row(Text::Phases, phases)}
                {row(Text::Funding, funding.unwrap_or_default())}
                {row(Text::FundedBy, funders)}
                {row(Text::PartnersLabel, partners)}
                {row(Text::Reached, reached)}
            </dl>
            {(!figures.is_empty()).then(|| view! {
                <h4>{t(Text::Beneficiaries)}</h4>
                <ul class="figures">
                    {figures.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                </ul>
            })}
            {(!p.results.is_empty()).then(|| view! {
                <h4>{t(Text::Results)}</h4>
                <ul class="results">
                    {p.results.iter().map(|r| {
                        let (result, lang, dir) = shown(r);
                        view! { <li lang=lang dir=dir><Highlighted text=result /></li> }
                    }).collect_view()}
                </ul>
            })}
        </article>
    }
}
