//! The filter panel: search, themes, partners, country or region, period, and
//! "clear all", each option with its live count. On narrow screens the panel
//! folds behind a button. It only forwards changes to the filter state.

use leptos::prelude::*;

use crate::model::GeographyKind;
use crate::query::{Facet, FilterState};
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, Text};
use ilo_factsheet_shell::words::local;

#[component]
pub fn Filters() -> impl IntoView {
    let ctx = Ctx::get();
    let open = RwSignal::new(false);
    let label = move || match ctx.state.with(FilterState::active_count) {
        0 => t(Text::Filters),
        n => t(Text::FiltersWithCount(n)),
    };
    view! {
        <button type="button" class="filters-toggle" aria-controls=ctx.dom_id("filters")
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>{label}</button>
        <aside id=ctx.dom_id("filters") class="filters" class:open=move || open.get() aria-label=t(Text::Filters)>
            <SearchBox />
            <ListFacet facet=Facet::Theme />
            <ListFacet facet=Facet::Partner />
            <CountrySelect />
            <PeriodSelect />
            <button type="button" class="clear-all"
                disabled=move || !ctx.state.with(|s| s.has_filters())
                on:click=move |_| ctx.state.update(|s| *s = s.cleared())>{t(Text::ClearAll)}</button>
        </aside>
    }
}

#[component]
fn SearchBox() -> impl IntoView {
    let ctx = Ctx::get();
    view! {
        <label class="filter search">
            <span class="filter-label">{t(Text::Search)}</span>
            <input type="search" name="q" autocomplete="off" placeholder=t(Text::SearchHint)
                prop:value=move || ctx.state.with(|s| s.q.clone())
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    ctx.state.update(|s| s.q = q);
                } />
        </label>
    }
}

/// Checkboxes for themes or partners, with counts.
#[component]
fn ListFacet(facet: Facet) -> impl IntoView {
    let ctx = Ctx::get();
    let (name, legend, options): (&'static str, _, Vec<(String, String)>) = ctx.with_data(|d| match facet {
        Facet::Theme => {
            ("theme", t(Text::Themes), d.sheet.themes.iter().map(|x| (x.id.clone(), local(&x.name))).collect())
        }
        Facet::Partner => (
            "partner",
            t(Text::Partners),
            d.sheet.partners.iter().map(|x| (x.id.clone(), x.display_name().to_string())).collect(),
        ),
        Facet::Country => ("country", t(Text::CountryOrRegion), Vec::new()),
    });
    view! {
        <fieldset class=format!("facet facet-{name}")>
            <legend>{legend}</legend>
            <div class="options">
                {options.into_iter().map(|(id, label)| {
                    let (id_checked, id_toggle, id_count) = (id.clone(), id.clone(), id.clone());
                    // Memos: a filter change touches only the options whose
                    // count or state changed (a sheet may list hundreds).
                    let checked = Memo::new(move |_| ctx.state.with(|s| match facet {
                        Facet::Theme => s.themes.contains(&id_checked),
                        Facet::Partner => s.partners.contains(&id_checked),
                        Facet::Country => s.countries.contains(&id_checked),
                    }));
                    let count = Memo::new(move |_| ctx.selection.with(|s| {
                        let counts = match facet {
                            Facet::Theme => &s.counts.themes,
                            Facet::Partner => &s.counts.partners,
                            Facet::Country => &s.counts.countries,
                        };
                        counts.get(&id_count).copied().unwrap_or(0)
                    }));
                    view! {
                        <label class="option" class:empty=move || count.get() == 0>
                            <input type="checkbox" name=name value=id prop:checked=checked
                                on:change=move |_| ctx.state.update(|s| *s = s.toggled(facet, &id_toggle)) />
                            <span class="option-label">{label}</span>
                            <span class="count">{count}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn CountrySelect() -> impl IntoView {
    let ctx = Ctx::get();
    let mut places: Vec<(String, String, bool)> = ctx.with_data(|d| {
        d.sheet.geographies.iter().map(|g| (g.id.clone(), local(&g.name), g.kind == GeographyKind::Group)).collect()
    });
    // Groups first, then countries, each by name.
    places.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    let current = Memo::new(move |_| ctx.state.with(|s| s.countries.first().cloned().unwrap_or_default()));
    view! {
        <label class="filter country">
            <span class="filter-label">{t(Text::CountryOrRegion)}</span>
            <select name="country" on:change=move |ev| {
                let value = event_target_value(&ev);
                ctx.state.update(|s| s.countries = if value.is_empty() { Vec::new() } else { vec![value] });
            }>
                <option value="" prop:selected=move || current.with(String::is_empty)>{t(Text::AllCountries)}</option>
                {places.into_iter().map(|(id, name, _)| {
                    let (id_sel, id_count) = (id.clone(), id.clone());
                    let count = Memo::new(move |_| ctx.selection.with(|s| s.counts.countries.get(&id_count).copied().unwrap_or(0)));
                    view! {
                        <option value=id prop:selected=move || current.with(|c| *c == id_sel)>
                            {move || format!("{name} ({})", count.get())}
                        </option>
                    }
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn PeriodSelect() -> impl IntoView {
    let ctx = Ctx::get();
    let Some((first, last)) = ctx.with_data(|d| d.sheet.year_span()) else {
        return ().into_any();
    };
    let select = move |name: &'static str, label: Text<'static>| {
        let current = move || ctx.state.with(|s| if name == "from" { s.from } else { s.to });
        view! {
            <label class="filter year">
                <span class="filter-label">{t(label)}</span>
                <select name=name on:change=move |ev| {
                    let year = event_target_value(&ev).parse::<i32>().ok();
                    ctx.state.update(|s| if name == "from" { s.from = year } else { s.to = year });
                }>
                    <option value="" prop:selected=move || current().is_none()>{t(Text::AnyYear)}</option>
                    {(first..=last).map(|y| view! {
                        <option value=y.to_string() prop:selected=move || current() == Some(y)>{y}</option>
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <fieldset class="facet period">
            <legend>{t(Text::Period)}</legend>
            <div class="years">
                {select("from", Text::From)}
                {select("to", Text::To)}
            </div>
        </fieldset>
    }
    .into_any()
}
