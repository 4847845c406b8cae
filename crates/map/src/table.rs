//! The map's table twin, always in the page for screen readers and shown by
//! the "Table" toggle: one row per place, sortable by name, projects or
//! beneficiaries, with each figure's unit and source sentence; a long table
//! a page of rows at a time.

use leptos::prelude::*;

use super::{choose, mt, place_name, MapCtx};
use crate::geo::reach::{row_figure, rows, sort_rows, Row, SortKey};
use crate::geo::world::World;
use crate::model::{FactSheet, GeographyKind};
use crate::query::page;
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, words, MapText, Text};
use ilo_factsheet_shell::words::local;

/// The table twin: every place the map shows (narrowed by the `country`
/// filter), sortable, with the source sentence of each figure.
#[component]
pub(super) fn Table(m: MapCtx) -> impl IntoView {
    let ctx = Ctx::get();
    let sort = RwSignal::new((SortKey::Name, true));
    let table_rows = Memo::new(move |_| {
        let filter = ctx.state.with(|s| s.countries.clone());
        let (key, ascending) = sort.get();
        m.table_reach.with(|r| {
            ctx.with_data(|d| {
                let mut out: Vec<Row> = rows(&d.sheet, r, &filter);
                sort_rows(&d.sheet, &mut out, key, ascending);
                out
            })
        })
    });
    let hidden = move || !m.show_table.get();
    let header = move |key: SortKey, label: MapText<'static>| sort_header(key, label, sort, hidden);
    // A long table a page at a time (`query::page`): "Show more" presses, for
    // the rows they were made on; new rows start at the first page.
    let pressed = RwSignal::new((Vec::<Row>::new(), 0usize));
    let window = move || {
        table_rows.with(|list| {
            let presses = pressed.with(|(on, n)| if on == list { *n } else { 0 });
            (page::window(list.len(), presses), presses, list.len())
        })
    };
    let more = move |_| {
        let (_, presses, _) = window();
        pressed.set((table_rows.get_untracked(), presses + 1));
    };
    let body = move || {
        let world = m.world();
        let ((n, _), _, _) = window();
        let list: Vec<Row> = table_rows.with(|l| l.iter().take(n).cloned().collect());
        if list.is_empty() {
            return view! { <tr><td colspan="5" class="no-rows">{mt(MapText::NoRows)}</td></tr> }.into_any();
        }
        ctx.with_data(|d| {
            list.into_iter()
                .map(|row| table_row(ctx, &d.sheet, world.as_deref(), row, hidden))
                .collect_view()
                .into_any()
        })
    };
    view! {
        <div class="table-scroll">
            <table class="map-data">
                <caption>{mt(MapText::Caption)}</caption>
                <thead>
                    <tr>
                        {header(SortKey::Name, MapText::ColPlace)}
                        {header(SortKey::Projects, MapText::ColProjects)}
                        {header(SortKey::Beneficiaries, MapText::ColBeneficiaries)}
                        <th scope="col">{mt(MapText::ColUnit)}</th>
                        <th scope="col">{mt(MapText::ColSource)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {move || {
            let ((n, add), _, total) = window();
            (add > 0).then(|| view! {
                <button type="button" class="show-more" tabindex=move || hidden().then_some("-1")
                    on:click=more>{t(Text::ShowMore(add, total - n))}</button>
            })
        }}
    }
}

/// A column header that sorts by `key`: a second press reverses the order;
/// names start ascending, numbers descending.
fn sort_header(
    key: SortKey,
    label: MapText<'static>,
    sort: RwSignal<(SortKey, bool)>,
    hidden: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let text = mt(label);
    // Some(ascending) when the table is sorted by this column.
    let order = move || sort.with(|&(k, asc)| (k == key).then_some(asc));
    let aria_sort = move || match order() {
        Some(true) => "ascending",
        Some(false) => "descending",
        None => "none",
    };
    let arrow = move || match order() {
        Some(true) => " ▲",
        Some(false) => " ▼",
        None => "",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort" tabindex=move || hidden().then_some("-1")
                on:click=move |_| sort.update(|(k, asc)| {
                    if *k == key {
                        *asc = !*asc;
                    } else {
                        *k = key;
                        *asc = key == SortKey::Name;
                    }
                })>
                {text}<span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// One place's row: its name (a button that chooses it), projects, figure,
/// unit and source sentence.
fn table_row(
    ctx: Ctx,
    sheet: &FactSheet,
    world: Option<&World>,
    row: Row,
    hidden: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let name = place_name(sheet, world, &row.place);
    let name = if row.kind == GeographyKind::Group { format!("{name}{}", mt(MapText::GroupSuffix)) } else { name };
    let figure = row_figure(sheet, &row);
    let value = figure.map(|f| words().figure_value(f)).unwrap_or_default();
    let unit = figure
        .map(|f| if f.cumulative { t(Text::UnitCumulative(&local(&f.unit))).into_owned() } else { local(&f.unit) })
        .unwrap_or_default();
    let quote = figure.map(|f| f.source.quote.clone()).unwrap_or_default();
    let id = row.place.clone();
    view! {
        <tr data-place-row=row.place.clone()>
            <th scope="row">
                <button type="button" class="place-link" tabindex=move || hidden().then_some("-1")
                    on:click=move |_| choose(ctx, &id)>{name}</button>
            </th>
            <td class="num">{if row.unnamed_only { mt(MapText::Unnamed).into_owned() } else { row.projects.to_string() }}</td>
            <td class="num">{value}</td>
            <td>{unit}</td>
            <td class="quote">{quote}</td>
        </tr>
    }
}
