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
//! is first shown, once per widget ([`MapGeometry`]), and the map's parts
//! are drawn under a `Suspense` awaiting it: without it at first (the
//! placeholder, as prerendered), then with it. All arithmetic is pure, in
//! `crate::geo`.
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
use wasm_bindgen::JsCast;

use crate::geo::reach::{reach_with, Place, Reach};
use crate::geo::symbols::{self, place_name};
use crate::geo::view::{self, ViewBox};
use crate::geo::world::{World, PLACEHOLDER_SIZE};
use crate::model::{CountryRole, FactSheet};
use crate::query::Facet;
use ilo_factsheet_shell::awaited::awaited;
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

/// What the map file gave: the world, or why not; `Loading` is what the
/// map draws meanwhile (and what a prerendered map shows).
#[derive(Clone)]
enum Geometry {
    Loading,
    Failed(String),
    Ready(Arc<World>),
}

/// A widget's map geometry: fetched the first time a map of the widget is
/// shown (a future, awaited under the map's `Suspense`), kept while the
/// visitor moves between views, fetched again only when it failed (the
/// next map shown, or Retry). `App` provides it; a map without it (in a
/// snapshot) makes its own.
#[derive(Clone, Copy)]
pub struct MapGeometry {
    /// Where the geometry file is: [`WORLD_PATH`] on the widget's own site.
    url: StoredValue<String>,
    /// The geometry once read (the file never changes: a cache, not state).
    kept: StoredValue<Option<Arc<World>>>,
    /// Retry's count: another fetches the file again.
    tries: RwSignal<u32>,
}

impl MapGeometry {
    /// The geometry at `url`.
    pub fn new(url: String) -> MapGeometry {
        MapGeometry { url: StoredValue::new(url), kept: StoredValue::new(None), tries: RwSignal::new(0) }
    }

    /// The geometry: at once when kept, else fetched and read. Tracks
    /// Retry ([`MapGeometry::retry`]).
    fn load(self) -> impl std::future::Future<Output = Geometry> + Send + 'static {
        self.tries.track();
        let (kept, url) = (self.kept.try_get_value().flatten(), self.url.try_get_value().unwrap_or_default());
        async move {
            if let Some(world) = kept {
                return Geometry::Ready(world);
            }
            let geometry = fetch_world(&url).await;
            if let Geometry::Ready(world) = &geometry {
                self.kept.try_set_value(Some(world.clone()));
            }
            geometry
        }
    }

    /// Fetches the file again (after a failure).
    fn retry(self) {
        self.tries.update(|n| *n += 1);
    }
}

/// Fetches and reads the map file at `url`.
async fn fetch_world(url: &str) -> Geometry {
    match fetch_text(url).await {
        Ok(text) => match World::from_json(&text) {
            Ok(world) if !world.countries.is_empty() && world.width > 0.0 && world.height > 0.0 => {
                Geometry::Ready(Arc::new(world))
            }
            Ok(_) => Geometry::Failed(mt(MapText::NoCountries(url)).into_owned()),
            Err(e) => Geometry::Failed(mt(MapText::NotAMap(url, &e.to_string())).into_owned()),
        },
        Err(e) => Geometry::Failed(e.message()),
    }
}

/// What the visitor chose on the map, kept when its geometry arrives.
#[derive(Clone, Copy)]
struct Choices {
    focused: RwSignal<Option<String>>,
    show_table: RwSignal<bool>,
    status: RwSignal<String>,
}

/// The frame shown: the visitor's (zoom, pan, a frame button, a pinch),
/// else the first frame once the geometry is here and the map measured,
/// else the placeholder's.
#[derive(Clone, Copy)]
struct Frame {
    chosen: RwSignal<Option<ViewBox>>,
    first: Memo<Option<ViewBox>>,
}

impl Frame {
    const PLACEHOLDER: ViewBox = [0.0, 0.0, PLACEHOLDER_SIZE.0, PLACEHOLDER_SIZE.1];

    fn get(&self) -> ViewBox {
        self.chosen.get().or_else(|| self.first.get()).unwrap_or(Frame::PLACEHOLDER)
    }

    fn get_untracked(&self) -> ViewBox {
        self.chosen.get_untracked().or_else(|| self.first.get_untracked()).unwrap_or(Frame::PLACEHOLDER)
    }

    fn set(&self, frame: ViewBox) {
        self.chosen.set(Some(frame));
    }

    fn update(&self, change: impl FnOnce(&mut ViewBox)) {
        let mut frame = self.get_untracked();
        change(&mut frame);
        self.set(frame);
    }
}

#[derive(Clone, Copy)]
struct MapCtx {
    /// The geometry drawn (`None` while it loads, or when it failed).
    world: StoredValue<Option<Arc<World>>>,
    /// What the map draws: every filter but `country`.
    map_reach: Memo<Reach>,
    /// What the table and details show: every filter.
    table_reach: Memo<Reach>,
    viewbox: Frame,
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
    /// The geometry drawn; none once the map is gone (a closure may still
    /// run as it goes).
    fn world(&self) -> Option<Arc<World>> {
        self.world.try_get_value().flatten()
    }

    /// The map's frame: the geometry's, or the placeholder's while it loads.
    fn size(&self) -> (f64, f64) {
        self.world().map_or(PLACEHOLDER_SIZE, |w| (w.width, w.height))
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
    let geometry = use_context::<MapGeometry>().unwrap_or_else(|| MapGeometry::new(WORLD_PATH.to_string()));
    let (map_reach, table_reach) = reaches(ctx);
    // A development partner's sheet speaks of its support; one with places
    // reached without a project says how they are shown.
    let (heading, unnamed) = ctx.with_data(|d| {
        let meta = &d.sheet.meta;
        let partner = !meta.roles().contains(&CountryRole::SouthSouthPartner)
            && meta.roles().contains(&CountryRole::DevelopmentPartner);
        (mt(if partner { MapText::HeadingPartner } else { MapText::Heading }).into_owned(), !d.sheet.reach.is_empty())
    });
    let choices = Choices {
        focused: RwSignal::new(None),
        show_table: RwSignal::new(false),
        status: RwSignal::new(String::new()),
    };
    let parts = move |shown: Geometry| map_parts(ctx, (map_reach, table_reach), choices, shown, geometry);

    view! {
        <section class="map-view" aria-labelledby=ctx.dom_id("map-title")>
            <h2 id=ctx.dom_id("map-title")>{heading}</h2>
            <p class="map-intro">{mt(MapText::Intro)}{unnamed.then(|| format!(" {}", mt(MapText::IntroUnnamed)))}</p>
            // Drawn while the geometry loads (and so prerendered), then with it.
            <Suspense fallback=move || parts(Geometry::Loading)>
                {awaited(move || {
                    let loading = geometry.load();
                    Suspend::new(async move { parts(loading.await).into_any() })
                })}
            </Suspense>
        </section>
    }
}

/// The map's parts for the geometry `shown`: its bar, canvas, details,
/// legend, table and live region, sharing one [`MapCtx`]; the failure's
/// Retry fetches `geometry` again.
fn map_parts(
    ctx: Ctx,
    (map_reach, table_reach): (Memo<Reach>, Memo<Reach>),
    choices: Choices,
    shown: Geometry,
    geometry: MapGeometry,
) -> impl IntoView {
    let world = match &shown {
        Geometry::Ready(world) => Some(world.clone()),
        _ => None,
    };
    let canvas = NodeRef::<leptos::html::Div>::new();
    let (viewbox, reached, upp) = frame_and_scale(world.clone(), canvas, map_reach);
    let Choices { focused, show_table, status } = choices;
    let m = MapCtx {
        world: StoredValue::new(world),
        map_reach,
        table_reach,
        viewbox,
        reached,
        upp,
        focused,
        show_table,
        status,
    };
    let announce = announcements(ctx, m);
    view! {
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
                {match shown {
                    Geometry::Loading => view! { <p class="map-loading" aria-busy="true">{mt(MapText::LoadingMap)}</p> }.into_any(),
                    Geometry::Failed(why) => view! {
                        <div class="map-failed" role="alert">
                            <p>{mt(MapText::MapFailed(&why))}</p>
                            <button type="button" class="retry" on:click=move |_| geometry.retry()>{t(Text::Retry)}</button>
                        </div>
                    }.into_any(),
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
    }
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
/// map (a phone) the places reached (`geo::view::first_frame`); it stays
/// as it was when the map is resized.
fn frame_and_scale(
    world: Option<Arc<World>>,
    canvas: NodeRef<leptos::html::Div>,
    map_reach: Memo<Reach>,
) -> (Frame, Memo<Option<ViewBox>>, Memo<f64>) {
    let (w, h) = world.as_ref().map_or(PLACEHOLDER_SIZE, |w| (w.width, w.height));
    // The drawn width, measured after mount and on resize (0 until then).
    let px_width = RwSignal::new(0.0_f64);
    track_width(canvas, px_width);
    let reached = {
        let world = world.clone();
        Memo::new(move |_| {
            let world = world.as_ref()?;
            let px = px_width.get();
            map_reach
                .with(|r| symbols::reached_box(r, world))
                .map(|b| view::reached_frame(b, px, (world.width, world.height)))
        })
    };
    let first = Memo::new(move |settled: Option<&Option<ViewBox>>| {
        if let Some(Some(frame)) = settled {
            return Some(*frame);
        }
        let px = px_width.get();
        let world = world.as_ref().filter(|_| px > 0.0)?;
        Some(view::first_frame(world.frame("world"), reached.get_untracked(), px))
    });
    let viewbox = Frame { chosen: RwSignal::new(None), first };
    let upp = Memo::new(move |_| {
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
