//! The beneficiary map and its table twin (`?view=map`).
//!
//! Countries reached by the matching projects are shaded by how many reach
//! them; beneficiary figures are proportional circles at the geography the
//! source attaches them to (a group: one circle between its known members,
//! labelled with the group's name); thin links run from the sheet's country
//! to the countries reached. Everything is also a sortable table, always in
//! the page for screen readers.
//!
//! The map is the country facet: it shows every filter but `country`, so a
//! visitor can move from country to country; the selected country stands out,
//! and the details panel, the table and the projects follow the full filters.
//! Tap, click, Enter or Space on a country or group sets the `country` filter.
//!
//! The geometry (`data/map/world.json`, ~45 KB gzip) is fetched when the view
//! is first shown. All arithmetic is pure, in `crate::geo`.
#![cfg(any(feature = "web", feature = "ssr"))]
// Rendering to HTML (feature `ssr`) nests view types deeply.
#![recursion_limit = "256"]

//! The parts: `canvas` (the SVG, keyboard, pinch), `controls` (frames, zoom,
//! pan, find box), `panels` (legend, details of the selection), `table` (the
//! table twin). They share one `MapCtx` per map, created here.

mod canvas;
mod controls;
mod panels;
mod table;

// `crate::model`, `crate::geo`, … read the same here as in the other crates.
use ilo_factsheet_core::{geo, model, query};

use std::borrow::Cow;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::geo::reach::{reach_with, Place, Reach};
use crate::geo::symbols::{self, place_name};
use crate::geo::view::{self, ViewBox};
use crate::geo::world::{World, PLACEHOLDER_SIZE};
use crate::model::{CountryRole, FactSheet};
use crate::query::Facet;
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, MapText, Text};
use ilo_factsheet_shell::load::fetch_text;
use ilo_factsheet_shell::measure::track_width;
use ilo_factsheet_shell::words::figure_text;

use canvas::Canvas;
use controls::{Controls, FindBox};
use panels::{Details, Legend};
use table::Table;

/// Relative to the site the widget comes from (`Setting::base`), like the
/// default data file; Trunk copies `data/` into dist.
pub const WORLD_PATH: &str = "data/map/world.json";
/// The tallest the map gets (width / height), for tall frames like Africa.
const TALLEST: f64 = 1.25;

/// A map string (through the one translation function).
fn mt(text: MapText<'_>) -> Cow<'static, str> {
    t(Text::Map(text))
}

// ---------------------------------------------------------------------------
// State shared by the parts of one map (per widget, under MapView's owner).

#[derive(Clone)]
enum Geometry {
    Loading,
    Failed(String),
    Ready(Arc<World>),
}

impl Geometry {
    /// The map's frame: the geometry's, or the placeholder's while it loads.
    fn size(&self) -> (f64, f64) {
        match self {
            Geometry::Ready(world) => (world.width, world.height),
            _ => PLACEHOLDER_SIZE,
        }
    }
}

/// A widget's map geometry, kept while the visitor moves between views, so
/// the file is fetched once per widget. `App` provides it; a map without it
/// (in a snapshot) keeps its own.
#[derive(Clone, Copy)]
pub struct MapGeometry {
    state: RwSignal<Geometry>,
    requested: StoredValue<bool>,
    /// Where the geometry file is: [`WORLD_PATH`] on the widget's own site.
    url: StoredValue<String>,
}

impl MapGeometry {
    /// The cache for the geometry at `url`.
    pub fn new(url: String) -> MapGeometry {
        MapGeometry {
            state: RwSignal::new(Geometry::Loading),
            requested: StoredValue::new(false),
            url: StoredValue::new(url),
        }
    }
}

#[derive(Clone, Copy)]
struct MapCtx {
    geometry: RwSignal<Geometry>,
    /// What the map draws: every filter but `country`.
    map_reach: Memo<Reach>,
    /// What the table and details show: every filter.
    table_reach: Memo<Reach>,
    viewbox: RwSignal<ViewBox>,
    /// The frame of the places reached at the drawn width (`None` while the
    /// geometry loads, or when nothing reached is on the map).
    reached: Memo<Option<ViewBox>>,
    /// Map units per screen pixel.
    upp: Memo<f64>,
    focused: RwSignal<Option<String>>,
    show_table: RwSignal<bool>,
    status: RwSignal<String>,
}

impl MapCtx {
    fn world(&self) -> Option<Arc<World>> {
        match self.geometry.get() {
            Geometry::Ready(w) => Some(w),
            _ => None,
        }
    }
}

/// Selects a place: the `country` filter becomes it, or is cleared when it
/// already was.
fn choose(ctx: Ctx, id: &str) {
    ctx.state.update(|s| *s = s.chosen(Facet::Country, id));
}

/// The place under an event target (`data-place`), if any.
fn target_place(ev: &web_sys::Event) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-place]").ok()??.get_attribute("data-place")
}

/// A place's name with what reaches it: its matching projects, or none named.
pub(crate) fn place_label(place: &Place, name: &str) -> String {
    if place.unnamed_only() {
        mt(MapText::PlaceUnnamed(name)).into_owned()
    } else {
        mt(MapText::PlaceLabel(name, place.projects.len())).into_owned()
    }
}

/// What the live region says about a place.
fn announcement(sheet: &FactSheet, place: &Place, name: &str) -> String {
    let mut text = format!("{}.", place_label(place, name));
    let figures: Vec<String> =
        place.figures.iter().filter_map(|r| r.get(sheet)).map(|f| figure_text(sheet, f)).collect();
    if figures.is_empty() {
        text.push(' ');
        text.push_str(&mt(MapText::NoFigure));
    } else {
        text.push(' ');
        text.push_str(&figures.join("; "));
        text.push('.');
    }
    text
}

// ---------------------------------------------------------------------------
// Components.

#[component]
pub fn MapView() -> impl IntoView {
    let ctx = Ctx::get();
    let cache = use_context::<MapGeometry>().unwrap_or_else(|| MapGeometry::new(WORLD_PATH.to_string()));
    let geometry = cache.state;
    let load = geometry_loader(cache);
    let (map_reach, table_reach) = reaches(ctx);
    // A development partner's sheet speaks of its support; one with places
    // reached without a project says how they are shown.
    let (heading, unnamed) = ctx.with_data(|d| {
        let meta = &d.sheet.meta;
        let partner = !meta.roles().contains(&CountryRole::SouthSouthPartner)
            && meta.roles().contains(&CountryRole::DevelopmentPartner);
        (mt(if partner { MapText::HeadingPartner } else { MapText::Heading }).into_owned(), !d.sheet.reach.is_empty())
    });
    let canvas = NodeRef::<leptos::html::Div>::new();
    let (viewbox, reached, upp) = frame_and_scale(geometry, canvas, map_reach);
    let m = MapCtx {
        geometry,
        map_reach,
        table_reach,
        viewbox,
        reached,
        upp,
        focused: RwSignal::new(None),
        show_table: RwSignal::new(false),
        status: RwSignal::new(String::new()),
    };
    let show_table = m.show_table;
    let announce = announcements(ctx, m);

    view! {
        <section class="map-view" aria-labelledby=ctx.dom_id("map-title")>
            <h2 id=ctx.dom_id("map-title")>{heading}</h2>
            <p class="map-intro">{mt(MapText::Intro)}{unnamed.then(|| format!(" {}", mt(MapText::IntroUnnamed)))}</p>
            <div class="map-bar">
                <div class="map-modes" role="group" aria-label=mt(MapText::Modes)>
                    <button type="button" class="mode-map" aria-pressed=move || (!show_table.get()).to_string()
                        on:click=move |_| show_table.set(false)>{mt(MapText::ShowMap)}</button>
                    <button type="button" class="mode-table" aria-pressed=move || show_table.get().to_string()
                        on:click=move |_| show_table.set(true)>{mt(MapText::ShowTable)}</button>
                </div>
                <FindBox m=m />
            </div>
            // Nothing (not an empty text) while silent: the prerendered copy
            // (an empty text is written as a space) then matches `:empty` too.
            <p class="map-status" role="status">{move || Some(m.status.get()).filter(|s| !s.is_empty())}</p>
            <div class="map-panel" hidden=move || show_table.get()>
                <Controls m=m />
                <div class="map-canvas" node_ref=canvas>
                    {move || match geometry.get() {
                        Geometry::Loading => view! { <p class="map-loading" aria-busy="true">{mt(MapText::LoadingMap)}</p> }.into_any(),
                        Geometry::Failed(why) => {
                            let retry = load.clone();
                            view! {
                                <div class="map-failed" role="alert">
                                    <p>{mt(MapText::MapFailed(&why))}</p>
                                    <button type="button" class="retry" on:click=move |_| retry()>{t(Text::Retry)}</button>
                                </div>
                            }.into_any()
                        }
                        Geometry::Ready(world) => view! { <Canvas m=m world=world /> }.into_any(),
                    }}
                </div>
                <p class="map-hint">{mt(MapText::KeysHint)}</p>
            </div>
            <Details m=m />
            <div class="map-legend-area" hidden=move || show_table.get()>
                <Legend m=m />
            </div>
            <div class=move || if show_table.get() { "map-table" } else { "map-table visually-hidden" }>
                <Table m=m />
            </div>
            <p class="visually-hidden map-announce" aria-live="polite">{move || announce.get().unwrap_or_default()}</p>
        </section>
    }
}

/// Fetches the geometry into the widget's cache when the view is first shown
/// (again only if it failed); returns the fetch, for Retry.
fn geometry_loader(cache: MapGeometry) -> impl Fn() + Clone + 'static {
    let geometry = cache.state;
    let load = move || {
        cache.requested.set_value(true);
        geometry.set(Geometry::Loading);
        let url = cache.url.get_value();
        spawn_local(async move {
            let next = match fetch_text(&url).await {
                Ok(text) => match World::from_json(&text) {
                    Ok(world) if !world.countries.is_empty() && world.width > 0.0 && world.height > 0.0 => {
                        Geometry::Ready(Arc::new(world))
                    }
                    Ok(_) => Geometry::Failed(mt(MapText::NoCountries(&url)).into_owned()),
                    Err(e) => Geometry::Failed(mt(MapText::NotAMap(&url, &e.to_string())).into_owned()),
                },
                Err(e) => Geometry::Failed(e.message()),
            };
            geometry.set(next);
        });
    };
    // Fetching is a browser call: from an effect, not from rendering.
    let first = load;
    Effect::new(move |ran: Option<()>| {
        let failed = matches!(geometry.get_untracked(), Geometry::Failed(_));
        if ran.is_none() && (!cache.requested.get_value() || failed) {
            first();
        }
    });
    load
}

/// What the map draws and what the table and details show. The map is the
/// country facet: it shows what matches every filter but `country` (the
/// selection carries both, from one pass); without a country filter the
/// two are one, and the table reuses the map's.
fn reaches(ctx: Ctx) -> (Memo<Reach>, Memo<Reach>) {
    let map_reach = Memo::new(move |_| {
        ctx.selection.with(|s| {
            let r = &s.ignoring_country;
            ctx.with_data(|d| reach_with(&d.sheet, d.index.groups(), &r.projects, &r.events, &r.reach))
        })
    });
    let table_reach = Memo::new(move |_| {
        if ctx.state.with(|s| s.countries.is_empty()) {
            map_reach.get()
        } else {
            ctx.selection
                .with(|s| ctx.with_data(|d| reach_with(&d.sheet, d.index.groups(), &s.projects, &s.events, &s.reach)))
        }
    });
    (map_reach, table_reach)
}

/// The frame shown, the frame of the places reached, and the map units per
/// screen pixel, from the drawn width of `canvas`. The first frame, once the
/// geometry is there and the map measured, is the whole map, or on a narrow
/// map (a phone) the places reached (`geo::view::first_frame`).
fn frame_and_scale(
    geometry: RwSignal<Geometry>,
    canvas: NodeRef<leptos::html::Div>,
    map_reach: Memo<Reach>,
) -> (RwSignal<ViewBox>, Memo<Option<ViewBox>>, Memo<f64>) {
    let viewbox = RwSignal::new([0.0, 0.0, PLACEHOLDER_SIZE.0, PLACEHOLDER_SIZE.1]);
    // The drawn width, measured after mount and on resize (0 until then).
    let px_width = RwSignal::new(0.0_f64);
    track_width(canvas, px_width);
    let reached = Memo::new(move |_| {
        let Geometry::Ready(w) = geometry.get() else {
            return None;
        };
        let px = px_width.get();
        map_reach.with(|r| symbols::reached_box(r, &w)).map(|b| view::reached_frame(b, px, (w.width, w.height)))
    });
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let px = px_width.get();
        match geometry.get() {
            Geometry::Ready(w) if px > 0.0 => {
                viewbox.set(view::first_frame(w.frame("world"), reached.get_untracked(), px));
                true
            }
            _ => false,
        }
    });
    let upp = Memo::new(move |_| {
        let (w, h) = geometry.with(Geometry::size);
        let vb = viewbox.get();
        let px_w = px_width.get();
        view::units_per_px(vb, px_w, px_w / view::display_aspect(vb, TALLEST, w / h))
    });
    (viewbox, reached, upp)
}

/// What the live region says when the focus moves to a place.
fn announcements(ctx: Ctx, m: MapCtx) -> Memo<Option<String>> {
    Memo::new(move |_| {
        let id = m.focused.get()?;
        let world = m.world();
        m.map_reach.with(|r| {
            let place = r.get(&id)?;
            ctx.with_data(|d| Some(announcement(&d.sheet, place, &place_name(&d.sheet, world.as_deref(), &id))))
        })
    })
}
