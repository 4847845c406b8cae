//! The filter panel: search, themes, partners, country or region, period, and
//! "clear all", each option with its live count. Beside the report on wide
//! screens; on narrow ones it opens from a button in the sticky bar
//! ([`FiltersToggle`]) as a bottom sheet: a modal dialog with its heading, the
//! live count of matching items and "Done"; Escape, Done and the dimmed
//! backdrop close it, focus moves into it and back to the button, Tab stays
//! in it meanwhile. It only forwards changes to the filter state (applied at
//! once, as on wide screens).

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::GeographyKind;
use crate::query::text::{capped_query, MAX_QUERY_CHARS};
use crate::query::{Facet, FilterState};
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, Text};
use ilo_factsheet_shell::measure::track_shown;
use ilo_factsheet_shell::words::local;

/// The panel's sheet on a narrow widget, shared by the button that opens it
/// (in the sticky bar), the panel, and the summary (which stays quiet while
/// the sheet speaks): the report makes one and hands it to each.
#[derive(Clone, Copy)]
pub struct FilterSheet {
    /// Opened by the button, closed by Escape, Done or the backdrop.
    open: RwSignal<bool>,
    /// The button is laid out: the widget is narrow (CSS), so the panel is a sheet.
    shown: RwSignal<bool>,
    toggle: NodeRef<html::Button>,
    done: NodeRef<html::Button>,
}

impl FilterSheet {
    /// A closed sheet.
    pub fn closed() -> FilterSheet {
        FilterSheet {
            open: RwSignal::new(false),
            shown: RwSignal::new(false),
            toggle: NodeRef::new(),
            done: NodeRef::new(),
        }
    }

    /// Whether the button is laid out (the widget is narrow), as measured.
    /// Grown wide (the button gone, the panel beside the report): no sheet,
    /// and none when it narrows again.
    fn laid_out(self, now: bool) {
        if self.shown.try_get_untracked() != Some(now) {
            let _ = self.shown.try_set(now);
        }
        if !now && self.open.try_get_untracked() == Some(true) {
            let _ = self.open.try_set(false);
        }
    }

    /// Open as a sheet, a modal dialog (tracked).
    pub fn is_sheet(&self) -> bool {
        self.open.get() && self.shown.get()
    }

    fn is_sheet_untracked(&self) -> bool {
        self.open.get_untracked() && self.shown.get_untracked()
    }

    /// Opens it, and moves the focus to its first control ("Done") once drawn.
    fn open_sheet(self) {
        self.open.set(true);
        let done = self.done;
        request_animation_frame(move || {
            if let Some(b) = done.get_untracked() {
                let _ = b.focus();
            }
        });
    }

    /// Closes it, and gives the focus back to the button.
    fn close(self) {
        self.open.set(false);
        if let Some(b) = self.toggle.get_untracked() {
            let _ = b.focus();
        }
    }
}

/// The button that opens the filters on a narrow widget (hidden by CSS on a
/// wide one), with the number of active filters.
#[component]
pub fn FiltersToggle(sheet: FilterSheet) -> impl IntoView {
    let ctx = Ctx::get();
    track_shown(sheet.toggle, move |now| sheet.laid_out(now));
    let label = move || match ctx.state.with(FilterState::active_count) {
        0 => t(Text::Filters),
        n => t(Text::FiltersWithCount(n)),
    };
    view! {
        <button type="button" class="filters-toggle" node_ref=sheet.toggle aria-controls=ctx.dom_id("filters")
            aria-haspopup="dialog" aria-expanded=move || sheet.open.get().to_string()
            on:click=move |_| if sheet.open.get_untracked() { sheet.close() } else { sheet.open_sheet() }>{label}</button>
    }
}

#[component]
pub fn Filters(sheet: FilterSheet) -> impl IntoView {
    let ctx = Ctx::get();
    let as_sheet = move || sheet.is_sheet();
    let panel = NodeRef::<html::Section>::new();
    let on_key = move |ev: KeyboardEvent| {
        if !sheet.is_sheet_untracked() {
            return;
        }
        match ev.key().as_str() {
            "Escape" | "Esc" => {
                ev.prevent_default();
                sheet.close();
            }
            "Tab" => {
                if let Some(p) = panel.get_untracked() {
                    keep_focus_inside(&ev, &p);
                }
            }
            _ => {}
        }
    };
    let heading = ctx.dom_id("filters-title");
    let labelled_by = heading.clone();
    let total = move || ctx.selection.with(|s| s.total());
    view! {
        // A complementary landmark beside the report, a dialog as a sheet
        // (a section: `aside` may not be a dialog).
        <section id=ctx.dom_id("filters") class="filters" class:open=move || sheet.open.get() node_ref=panel
            aria-labelledby=labelled_by role=move || if as_sheet() { "dialog" } else { "complementary" }
            aria-modal=move || as_sheet().then_some("true") on:keydown=on_key>
            <div class="sheet-head">
                <h2 id=heading class="sheet-title">{t(Text::Filters)}</h2>
                <p class="sheet-count" role="status">{move || t(Text::ShowingCount(total()))}</p>
                <button type="button" class="sheet-done" node_ref=sheet.done
                    on:click=move |_| sheet.close()>{t(Text::FiltersDone)}</button>
            </div>
            <SearchBox />
            <ListFacet facet=Facet::Theme />
            <ListFacet facet=Facet::Partner />
            <CountrySelect />
            <PeriodSelect />
            <button type="button" class="clear-all"
                disabled=move || !ctx.state.with(|s| s.has_filters())
                on:click=move |_| ctx.state.update(|s| *s = s.cleared())>{t(Text::ClearAll)}</button>
        </section>
        // Dims the report behind the sheet; a tap on it closes the sheet.
        <div class="sheet-backdrop" aria-hidden="true" hidden=move || !as_sheet() on:click=move |_| sheet.close()></div>
    }
}

/// Tab and Shift+Tab wrap around the sheet's controls (Escape and Done
/// always leave it: no keyboard trap).
fn keep_focus_inside(ev: &KeyboardEvent, panel: &web_sys::HtmlElement) {
    let Ok(list) = panel.query_selector_all("button, input, select, textarea, a[href], [tabindex]") else {
        return;
    };
    let controls: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| !e.has_attribute("disabled") && e.tab_index() >= 0 && e.get_client_rects().length() > 0)
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    let on = |e: &web_sys::HtmlElement| target.as_ref().is_some_and(|t| t.is_same_node(Some(e)));
    let inside = controls.iter().any(on);
    let next =
        if ev.shift_key() { (on(first) || !inside).then_some(last) } else { (on(last) || !inside).then_some(first) };
    let Some(next) = next else {
        return;
    };
    ev.prevent_default();
    let _ = next.focus();
}

#[component]
fn SearchBox() -> impl IntoView {
    let ctx = Ctx::get();
    view! {
        <label class="filter search">
            <span class="filter-label">{t(Text::Search)}</span>
            <input type="search" name="q" autocomplete="off" placeholder=t(Text::SearchHint)
                maxlength=MAX_QUERY_CHARS
                prop:value=move || ctx.state.with(|s| s.q.clone())
                on:input=move |ev| {
                    let q = capped_query(&event_target_value(&ev));
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
                ctx.state.update(|s| {
                    *s = if value.is_empty() { s.without(Facet::Country) } else { s.with_only(Facet::Country, &value) }
                });
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
