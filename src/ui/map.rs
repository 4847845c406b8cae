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

use std::borrow::Cow;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::geo::reach::{
    anchor, circle_radius, link_path, qualified_value, reach, row_figure, rows, shade_level, sort_rows, Place, Reach,
    Row, SortKey,
};
use crate::geo::view::{self, Direction, LabelBox, ViewBox};
use crate::geo::world::World;
use crate::model::{FactSheet, Figure, GeographyKind};
use crate::query::text::fold;
use crate::query::{select, FilterState, Selection};
use crate::ui::app::Ctx;
use crate::ui::i18n::{t, Text};
use crate::ui::load::{fetch_text, LoadError};
use crate::ui::projects::figure_text;

/// Relative to the page, like the data file; Trunk copies `data/` into dist.
const WORLD_URL: &str = "data/map/world.json";
/// Largest and smallest circle radius, in screen pixels.
const MAX_R_PX: f64 = 26.0;
const MIN_R_PX: f64 = 4.0;
/// Label size in screen pixels.
const FONT_PX: f64 = 12.0;
/// The tallest the map gets (width / height), for tall frames like Africa.
const TALLEST: f64 = 1.25;
/// Reached countries smaller than this on screen also get a dot.
const TINY_PX: f64 = 5.0;

// ---------------------------------------------------------------------------
// Strings. The map's interface strings, English only like `ui::i18n`; they
// can move there as a `Text::Map(MapText)` family, as the funding view's did.

#[derive(Debug, Clone, PartialEq)]
enum MapText<'a> {
    Heading,
    Intro,
    ShowMap,
    ShowTable,
    Modes,
    LoadingMap,
    MapFailed(&'a str),
    MapLabel,
    KeysHint,
    Frames,
    FrameWorld,
    FrameAsiaPacific,
    FrameAfrica,
    ZoomIn,
    ZoomOut,
    PanWest,
    PanEast,
    PanNorth,
    PanSouth,
    Find,
    FindButton,
    NotFound(&'a str),
    Found(&'a str),
    Legend,
    Projects(usize),
    ProjectsOrMore(usize),
    Origin(&'a str),
    Link(&'a str),
    Circles,
    FiguresShown,
    Unmapped,
    Projection,
    Caption,
    ColPlace,
    ColProjects,
    ColBeneficiaries,
    ColUnit,
    ColSource,
    GroupSuffix,
    NoRows,
    DetailsProjects(usize),
    NoProject(&'a str),
    GroupFigures(&'a str),
    ShowAll,
    Selected(&'a str),
    PlaceLabel(&'a str, usize),
    NoFigure,
}

fn mt(text: MapText<'_>) -> Cow<'static, str> {
    use MapText::*;
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    let s: &'static str = match text {
        Heading => "Where the projects reached",
        Intro => "Countries reached by the matching projects, shaded by how many projects reached them; circles show the beneficiary figures the fact sheet gives, at the country or group it names.",
        ShowMap => "Map",
        ShowTable => "Table",
        Modes => "Show as",
        LoadingMap => "Loading the map…",
        MapFailed(why) => return format!("The map could not be loaded: {why} The table has every figure.").into(),
        MapLabel => "Map of the countries and groups reached",
        KeysHint => "Arrow keys move between the countries reached; Enter selects one.",
        Frames => "Zoom to",
        FrameWorld => "World",
        FrameAsiaPacific => "Asia and the Pacific",
        FrameAfrica => "Africa",
        ZoomIn => "Zoom in",
        ZoomOut => "Zoom out",
        PanWest => "Move west",
        PanEast => "Move east",
        PanNorth => "Move north",
        PanSouth => "Move south",
        Find => "Find a country",
        FindButton => "Find",
        NotFound(q) => return format!("No country or group named “{q}”.").into(),
        Found(name) => return format!("{name} selected.").into(),
        Legend => "Legend",
        Projects(n) => return plural(n, "project", "projects").into(),
        ProjectsOrMore(n) => return format!("{n} or more projects").into(),
        Origin(name) => return format!("{name}, where the South–South links start").into(),
        Link(name) => return format!("South–South link from {name}").into(),
        Circles => "Circle area grows with the count (small counts have a minimum size). Counts are never added up or split.",
        FiguresShown => "Figures on the map",
        Unmapped => "Figures for groups whose members the fact sheet does not list are in the table only.",
        Projection => "Projection: Equal Earth.",
        Caption => "Countries and groups reached by the matching projects, with the beneficiary figures the fact sheet gives",
        ColPlace => "Country or group",
        ColProjects => "Projects",
        ColBeneficiaries => "Beneficiaries",
        ColUnit => "Unit",
        ColSource => "Source",
        GroupSuffix => " (group)",
        NoRows => "No country or group matches the current filters.",
        DetailsProjects(n) => return format!("{}:", plural(n, "matching project", "matching projects")).into(),
        NoProject(name) => return format!("No matching project reached {name}.").into(),
        GroupFigures(name) => return format!("Figures for groups that include {name}").into(),
        ShowAll => "Show all countries",
        Selected(name) => return format!("Selected: {name}").into(),
        PlaceLabel(name, n) => return format!("{name}: {}", plural(n, "matching project", "matching projects")).into(),
        NoFigure => "No beneficiary figure.",
    };
    s.into()
}

// ---------------------------------------------------------------------------
// State shared by the parts of one map (per widget, under MapView's owner).

#[derive(Clone)]
enum Geometry {
    Loading,
    Failed(String),
    Ready(Arc<World>),
}

#[derive(Clone, Copy)]
struct MapCtx {
    geometry: RwSignal<Geometry>,
    /// What the map draws: every filter but `country`.
    map_reach: Memo<Reach>,
    /// What the table and details show: every filter.
    table_reach: Memo<Reach>,
    viewbox: RwSignal<ViewBox>,
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

/// The sheet's name for a place, else the map's, else the id.
fn place_name(sheet: &FactSheet, world: Option<&World>, id: &str) -> String {
    if let Some(g) = sheet.geographies.iter().find(|g| g.id == id) {
        return g.name.clone();
    }
    world.and_then(|w| w.country(id)).map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// Selects a place: the `country` filter becomes it, or is cleared when it
/// already was.
fn choose(ctx: Ctx, id: &str) {
    ctx.state.update(|s| {
        if s.countries.len() == 1 && s.countries[0] == id {
            s.countries.clear();
        } else {
            s.countries = vec![id.to_string()];
        }
    });
}

/// The place under an event target (`data-place`), if any.
fn target_place(ev: &web_sys::Event) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-place]").ok()??.get_attribute("data-place")
}

/// What the live region says about a place.
fn announcement(sheet: &FactSheet, place: &Place, name: &str) -> String {
    let mut text = format!("{}.", mt(MapText::PlaceLabel(name, place.projects.len())));
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
    let geometry = RwSignal::new(Geometry::Loading);
    let load = move || {
        geometry.set(Geometry::Loading);
        spawn_local(async move {
            let next = match fetch_text(WORLD_URL).await {
                Ok(text) => match World::from_json(&text) {
                    Ok(world) if !world.countries.is_empty() && world.width > 0.0 && world.height > 0.0 => {
                        Geometry::Ready(Arc::new(world))
                    }
                    Ok(_) => Geometry::Failed(format!("{WORLD_URL} holds no countries.")),
                    Err(e) => Geometry::Failed(format!("{WORLD_URL} is not a map file ({e}).")),
                },
                Err(e) => Geometry::Failed(load_error_text(&e)),
            };
            geometry.set(next);
        });
    };
    // Fetching is a browser call: from an effect, once, when the view is shown.
    Effect::new(move |ran: Option<()>| {
        if ran.is_none() {
            load();
        }
    });

    // The map is the country facet: every filter but `country`.
    let facet: Memo<Selection> = Memo::new(move |_| {
        let state = ctx.state.get();
        if state.countries.is_empty() {
            ctx.selection.get()
        } else {
            let without = FilterState { countries: Vec::new(), ..state };
            ctx.data.with_value(|d| select(&d.sheet, &d.index, &without))
        }
    });
    let map_reach = Memo::new(move |_| facet.with(|s| ctx.with_data(|d| reach(&d.sheet, &s.projects, &s.events))));
    let table_reach =
        Memo::new(move |_| ctx.selection.with(|s| ctx.with_data(|d| reach(&d.sheet, &s.projects, &s.events))));

    let viewbox = RwSignal::new([0.0, 0.0, 1000.0, 440.0]);
    // The first frame is the whole map, once it is known.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        match geometry.get() {
            Geometry::Ready(w) => {
                viewbox.set(w.frame("world"));
                true
            }
            _ => false,
        }
    });
    // The drawn width, measured after mount and on resize.
    let px_width = RwSignal::new(800.0_f64);
    let canvas = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let measure = move || {
            if let Some(el) = canvas.get_untracked() {
                let w = f64::from(el.client_width());
                if w > 0.0 && (w - px_width.get_untracked()).abs() >= 1.0 {
                    px_width.set(w);
                }
            }
        };
        measure();
        let handle = window_event_listener(ev::resize, move |_| measure());
        on_cleanup(move || handle.remove());
    });
    let upp = Memo::new(move |_| {
        let (w, h) = match geometry.get() {
            Geometry::Ready(world) => (world.width, world.height),
            _ => (1000.0, 440.0),
        };
        let vb = viewbox.get();
        let px_w = px_width.get();
        view::units_per_px(vb, px_w, px_w / view::display_aspect(vb, TALLEST, w / h))
    });

    let m = MapCtx {
        geometry,
        map_reach,
        table_reach,
        viewbox,
        upp,
        focused: RwSignal::new(None),
        show_table: RwSignal::new(false),
        status: RwSignal::new(String::new()),
    };
    let show_table = m.show_table;
    let announce = Memo::new(move |_| {
        let id = m.focused.get()?;
        let world = m.world();
        map_reach.with(|r| {
            let place = r.get(&id)?;
            ctx.with_data(|d| Some(announcement(&d.sheet, place, &place_name(&d.sheet, world.as_deref(), &id))))
        })
    });

    view! {
        <section class="map-view" aria-labelledby="map-title">
            <h2 id="map-title">{mt(MapText::Heading)}</h2>
            <p class="map-intro">{mt(MapText::Intro)}</p>
            <div class="map-bar">
                <div class="map-modes" role="group" aria-label=mt(MapText::Modes)>
                    <button type="button" class="mode-map" aria-pressed=move || (!show_table.get()).to_string()
                        on:click=move |_| show_table.set(false)>{mt(MapText::ShowMap)}</button>
                    <button type="button" class="mode-table" aria-pressed=move || show_table.get().to_string()
                        on:click=move |_| show_table.set(true)>{mt(MapText::ShowTable)}</button>
                </div>
                <FindBox m=m />
            </div>
            <p class="map-status" role="status">{move || m.status.get()}</p>
            <div class="map-panel" hidden=move || show_table.get()>
                <Controls m=m />
                <div class="map-canvas" node_ref=canvas>
                    {move || match geometry.get() {
                        Geometry::Loading => view! { <p class="map-loading" aria-busy="true">{mt(MapText::LoadingMap)}</p> }.into_any(),
                        Geometry::Failed(why) => view! {
                            <div class="map-failed" role="alert">
                                <p>{mt(MapText::MapFailed(&why))}</p>
                                <button type="button" class="retry" on:click=move |_| load()>{t(Text::Retry)}</button>
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
        </section>
    }
}

fn load_error_text(e: &LoadError) -> String {
    e.message()
}

/// Frames, zoom and pan buttons.
#[component]
fn Controls(m: MapCtx) -> impl IntoView {
    let bounds = move || match m.geometry.get() {
        Geometry::Ready(w) => (w.width, w.height),
        _ => (1000.0, 440.0),
    };
    let frame = move |id: &'static str| {
        move |_| {
            if let Some(w) = m.world() {
                m.viewbox.set(w.frame(id));
            }
        }
    };
    let is_frame =
        move |id: &'static str| move || m.world().is_some_and(|w| w.frame(id) == m.viewbox.get()).to_string();
    let zoom = move |factor: f64| {
        move |_| {
            m.viewbox.update(|vb| {
                let center = [vb[0] + vb[2] / 2.0, vb[1] + vb[3] / 2.0];
                *vb = view::zoom(*vb, factor, center, bounds());
            })
        }
    };
    let pan = move |dx: f64, dy: f64| move |_| m.viewbox.update(|vb| *vb = view::pan(*vb, dx, dy, bounds()));
    let disabled = move || m.world().is_none();
    view! {
        <div class="map-controls">
            <div class="map-frames" role="group" aria-label=mt(MapText::Frames)>
                <button type="button" disabled=disabled aria-pressed=is_frame("world") on:click=frame("world")>{mt(MapText::FrameWorld)}</button>
                <button type="button" disabled=disabled aria-pressed=is_frame("asia-pacific") on:click=frame("asia-pacific")>{mt(MapText::FrameAsiaPacific)}</button>
                <button type="button" disabled=disabled aria-pressed=is_frame("africa") on:click=frame("africa")>{mt(MapText::FrameAfrica)}</button>
            </div>
            <div class="map-zoom" role="group" aria-label=mt(MapText::Frames)>
                <button type="button" disabled=disabled aria-label=mt(MapText::ZoomIn) title=mt(MapText::ZoomIn) on:click=zoom(1.5)>"+"</button>
                <button type="button" disabled=disabled aria-label=mt(MapText::ZoomOut) title=mt(MapText::ZoomOut) on:click=zoom(1.0 / 1.5)>"−"</button>
                <button type="button" disabled=disabled aria-label=mt(MapText::PanWest) title=mt(MapText::PanWest) on:click=pan(-0.25, 0.0)>"←"</button>
                <button type="button" disabled=disabled aria-label=mt(MapText::PanNorth) title=mt(MapText::PanNorth) on:click=pan(0.0, -0.25)>"↑"</button>
                <button type="button" disabled=disabled aria-label=mt(MapText::PanSouth) title=mt(MapText::PanSouth) on:click=pan(0.0, 0.25)>"↓"</button>
                <button type="button" disabled=disabled aria-label=mt(MapText::PanEast) title=mt(MapText::PanEast) on:click=pan(0.25, 0.0)>"→"</button>
            </div>
        </div>
    }
}

/// The search box: finds a country or group by name or code, selects it and
/// frames it.
#[component]
fn FindBox(m: MapCtx) -> impl IntoView {
    let ctx = Ctx::get();
    let query = RwSignal::new(String::new());
    // Every name the box knows: the sheet's geographies, then the map's countries.
    let names = Memo::new(move |_| {
        let world = m.world();
        ctx.with_data(|d| {
            let mut out: Vec<(String, String)> =
                d.sheet.geographies.iter().map(|g| (g.id.clone(), g.name.clone())).collect();
            if let Some(w) = world.as_deref() {
                for c in &w.countries {
                    if !out.iter().any(|(id, _)| id == &c.id) {
                        out.push((c.id.clone(), c.name.clone()));
                    }
                }
            }
            out.sort_by_cached_key(|a| fold(&a.1));
            out
        })
    });
    let find = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let q = query.get_untracked();
        let wanted = fold(q.trim());
        if wanted.is_empty() {
            return;
        }
        let found = names.with_untracked(|names| {
            names
                .iter()
                .find(|(id, name)| fold(name) == wanted || fold(id) == wanted)
                .or_else(|| names.iter().find(|(_, name)| fold(name).starts_with(&wanted)))
                .or_else(|| names.iter().find(|(_, name)| fold(name).contains(&wanted)))
                .cloned()
        });
        let Some((id, name)) = found else {
            m.status.set(mt(MapText::NotFound(q.trim())).into_owned());
            return;
        };
        ctx.state.update(|s| s.countries = vec![id.clone()]);
        m.status.set(mt(MapText::Found(&name)).into_owned());
        if let Some(w) = m.world() {
            let members = ctx.with_data(|d| crate::geo::reach::members(&d.sheet, &id));
            let boxes: Vec<[f64; 4]> = members.iter().filter_map(|c| w.country(c)).map(|c| c.bbox).collect();
            if let Some(first) = boxes.first() {
                let bbox =
                    boxes.iter().fold(*first, |a, b| [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])]);
                m.viewbox.set(view::fit(bbox, w.width / w.height, (w.width, w.height), w.width / 10.0));
            }
        }
        m.focused.set(Some(id));
    };
    view! {
        <form class="map-find" role="search" on:submit=find>
            <label for="map-find-input">{mt(MapText::Find)}</label>
            <input id="map-find-input" type="search" list="map-find-names" autocomplete="off"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
            <datalist id="map-find-names">
                {move || names.get().into_iter().map(|(_, name)| view! { <option value=name></option> }).collect_view()}
            </datalist>
            <button type="submit">{mt(MapText::FindButton)}</button>
        </form>
    }
}

/// The SVG map.
#[component]
fn Canvas(m: MapCtx, world: Arc<World>) -> impl IntoView {
    let ctx = Ctx::get();
    let (w, h) = (world.width, world.height);
    let origin = ctx.with_data(|d| d.sheet.meta.country.clone());
    let origin_name = ctx.with_data(|d| d.sheet.meta.country_name.clone());
    let selected = Memo::new(move |_| ctx.state.with(|s| s.countries.clone()));
    // The largest figure of the whole sheet: circles keep their size across filters.
    let largest = ctx.with_data(|d| {
        d.sheet
            .projects
            .iter()
            .flat_map(|p| p.figures.iter())
            .chain(d.sheet.events.iter().flat_map(|e| e.figures.iter()))
            .map(|f| f.value)
            .fold(0.0, f64::max)
    });

    // What can take keyboard focus, with where it sits: reached countries
    // (and the origin when reached), and groups with a circle.
    let world_f = world.clone();
    let focusables = Memo::new(move |_| {
        m.map_reach.with(|r| {
            let mut out: Vec<(String, [f64; 2])> = r
                .places
                .iter()
                .filter(|p| {
                    (p.kind == GeographyKind::Country && !p.projects.is_empty())
                        || (p.kind == GeographyKind::Group && !p.figures.is_empty())
                })
                .filter_map(|p| anchor(&world_f, p).map(|a| (p.id.clone(), a)))
                .collect();
            out.sort_by(|a, b| a.1[0].total_cmp(&b.1[0]));
            out
        })
    });
    // The one element the Tab key reaches (roving tabindex).
    let tab_target = Memo::new(move |_| {
        focusables.with(|f| {
            let has = |id: &str| f.iter().any(|(i, _)| i == id);
            m.focused
                .get()
                .filter(|id| has(id))
                .or_else(|| selected.with(|s| s.iter().find(|id| has(id)).cloned()))
                .or_else(|| f.first().map(|(id, _)| id.clone()))
        })
    });

    let root = NodeRef::<leptos::html::Div>::new();
    let focus_place = move |id: &str| {
        let Some(el) = root.get_untracked() else { return };
        let selector = format!("[data-place=\"{id}\"][tabindex]");
        if let Some(svg_el) =
            el.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
        {
            let _ = svg_el.focus();
        }
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        let Some(id) = target_place(&ev) else { return };
        let key = ev.key();
        if key == "Enter" || key == " " || key == "Spacebar" {
            ev.prevent_default();
            choose(ctx, &id);
            return;
        }
        let Some(dir) = Direction::from_key(&key) else { return };
        ev.prevent_default();
        let next = focusables.with_untracked(|f| {
            let points: Vec<[f64; 2]> = f.iter().map(|(_, p)| *p).collect();
            let from = f.iter().position(|(i, _)| *i == id)?;
            view::step(&points, from, dir).and_then(|k| f.get(k)).map(|(i, _)| i.clone())
        });
        if let Some(next) = next {
            m.focused.set(Some(next.clone()));
            focus_place(&next);
        }
    };
    let on_click = move |ev: ev::MouseEvent| {
        if let Some(id) = target_place(&ev) {
            m.focused.set(Some(id.clone()));
            choose(ctx, &id);
        }
    };
    let on_focus = move |ev: ev::FocusEvent| {
        if let Some(id) = target_place(&ev) {
            if m.focused.get_untracked().as_deref() != Some(id.as_str()) {
                m.focused.set(Some(id));
            }
        }
    };

    // Focus leaving the map: no focused place (its dashed outline goes).
    let on_blur = move |ev: ev::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(root.get_untracked())
            .is_some_and(|(node, el)| el.contains(Some(&node)));
        if !inside {
            m.focused.set(None);
        }
    };

    // Two-finger pinch and pan (touch-action: pan-y leaves one finger to the page).
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let client_to_map = move |x: f64, y: f64| -> Option<[f64; 2]> {
        let el = svg_ref.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let vb = m.viewbox.get_untracked();
        let upp = view::units_per_px(vb, rect.width(), rect.height());
        let (ox, oy) = ((rect.width() - vb[2] / upp) / 2.0, (rect.height() - vb[3] / upp) / 2.0);
        Some([vb[0] + (x - rect.left() - ox) * upp, vb[1] + (y - rect.top() - oy) * upp])
    };
    let on_pointer_down = move |ev: ev::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            return;
        }
        let (id, x, y) = (ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()));
        pointers.update_value(|p| {
            p.retain(|q| q.0 != id);
            p.push((id, x, y));
        });
    };
    let on_pointer_move = move |ev: ev::PointerEvent| {
        let (id, x, y) = (ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()));
        let before = pointers.get_value();
        if before.len() != 2 || !before.iter().any(|q| q.0 == id) {
            return;
        }
        let after: Vec<(i32, f64, f64)> = before.iter().map(|q| if q.0 == id { (id, x, y) } else { *q }).collect();
        pointers.set_value(after.clone());
        let dist = |p: &[(i32, f64, f64)]| ((p[0].1 - p[1].1).powi(2) + (p[0].2 - p[1].2).powi(2)).sqrt();
        let mid = |p: &[(i32, f64, f64)]| ((p[0].1 + p[1].1) / 2.0, (p[0].2 + p[1].2) / 2.0);
        let (d0, d1) = (dist(&before), dist(&after));
        if d0 < 1.0 || d1 < 1.0 {
            return;
        }
        let ((mx0, my0), (mx1, my1)) = (mid(&before), mid(&after));
        let Some(center) = client_to_map(mx0, my0) else { return };
        ev.prevent_default();
        m.viewbox.update(|vb| {
            let zoomed = view::zoom(*vb, d1 / d0, center, (w, h));
            let upp = m.upp.get_untracked() * zoomed[2] / vb[2].max(1e-9);
            *vb = view::clamp(
                [zoomed[0] - (mx1 - mx0) * upp, zoomed[1] - (my1 - my0) * upp, zoomed[2], zoomed[3]],
                (w, h),
            );
        });
    };
    let on_pointer_end = move |ev: ev::PointerEvent| {
        let id = ev.pointer_id();
        pointers.update_value(|p| p.retain(|q| q.0 != id));
    };

    let countries = world
        .countries
        .iter()
        .map(|c| {
            let id = c.id.clone();
            let (cw, ch) = c.size();
            let centroid = c.centroid;
            let count = {
                let id = id.clone();
                Memo::new(move |_| m.map_reach.with(|r| r.project_count(&id)))
            };
            let is_origin = id == origin;
            let class = {
                let id = id.clone();
                move || {
                    let mut class = format!("country level-{}", shade_level(count.get()));
                    if is_origin {
                        class.push_str(" origin");
                    }
                    let active = selected.with(|s| !s.is_empty());
                    if active && !m.map_reach.with(|r| selected.with(|s| concerns_any(&ctx, r, &id, s))) {
                        class.push_str(" dim");
                    }
                    class
                }
            };
            let reached = move || count.get() > 0;
            let tabindex = {
                let id = id.clone();
                move || reached().then(|| if tab_target.get().as_deref() == Some(id.as_str()) { "0" } else { "-1" })
            };
            let name = ctx.with_data(|d| place_name(&d.sheet, Some(&world), &id));
            let label = {
                let name = name.clone();
                move || reached().then(|| mt(MapText::PlaceLabel(&name, count.get())).into_owned())
            };
            let pressed = {
                let id = id.clone();
                move || reached().then(|| selected.with(|s| s.contains(&id)).to_string())
            };
            let dot = move || {
                let upp = m.upp.get();
                (reached() && cw.max(ch) / upp < TINY_PX).then(|| {
                    view! { <circle class="tiny-dot" cx=centroid[0] cy=centroid[1] r=format!("{:.2}", 3.0 * upp) /> }
                })
            };
            view! {
                <g class=class data-place=id.clone() tabindex=tabindex role=move || reached().then_some("button")
                    aria-label=label aria-pressed=pressed aria-hidden=move || (!reached()).then_some("true")>
                    <title>{name}</title>
                    <path d=c.path.clone() />
                    {dot}
                </g>
            }
        })
        .collect_view();

    // South–South links from the origin to the countries reached.
    let world_l = world.clone();
    let origin_l = origin.clone();
    let links = move || {
        let from = world_l.country(&origin_l).map(|c| c.centroid)?;
        Some(m.map_reach.with(|r| {
            r.countries()
                .filter(|p| !p.projects.is_empty())
                .filter_map(|p| world_l.country(&p.id))
                .map(|c| view! { <path class="link" d=link_path(from, c.centroid) /> })
                .collect_view()
        }))
    };

    // Proportional circles, one per figure, at their geography; labelled.
    let world_s = world.clone();
    let symbols = move || {
        let upp = m.upp.get();
        let world = world_s.clone();
        let items: Vec<(Place, [f64; 2], Vec<Figure>, String)> = m.map_reach.with(|r| {
            ctx.with_data(|d| {
                r.with_figures()
                    .filter_map(|p| {
                        let at = anchor(&world, p)?;
                        let mut figs: Vec<Figure> = p.figures.iter().filter_map(|f| f.get(&d.sheet).cloned()).collect();
                        figs.sort_by(|a, b| b.value.total_cmp(&a.value));
                        let name = place_name(&d.sheet, Some(&world), &p.id);
                        Some((p.clone(), at, figs, name))
                    })
                    .collect()
            })
        });
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| {
            let v = |i: usize| items[i].2.first().map_or(0.0, |f| f.value);
            v(b).total_cmp(&v(a))
        });
        let font = FONT_PX * upp;
        let labels: Vec<String> = items
            .iter()
            .map(|(_, _, figs, name)| {
                let values: Vec<String> = figs.iter().map(qualified_value).collect();
                format!("{name}: {}", values.join(" · "))
            })
            .collect();
        let boxes: Vec<LabelBox> = order
            .iter()
            .map(|&i| {
                let r =
                    items[i].2.first().map_or(MIN_R_PX, |f| circle_radius(f.value, largest, MAX_R_PX, MIN_R_PX)) * upp;
                LabelBox {
                    anchor: items[i].1,
                    radius: r,
                    width: labels[i].chars().count() as f64 * font * 0.56,
                    height: font * 1.2,
                }
            })
            .collect();
        let placed = view::place_labels(&boxes, 2.0 * upp, m.viewbox.get());
        let tab = tab_target.get();
        let sel = selected.get();
        order
            .iter()
            .zip(placed)
            .zip(boxes)
            .map(|((&i, spot), b)| {
                let (place, at, figs, name) = items[i].clone();
                let is_group = place.kind == GeographyKind::Group;
                let label = labels[i].clone();
                let focusable = is_group;
                let tabindex = focusable.then(|| if tab.as_deref() == Some(place.id.as_str()) { "0" } else { "-1" });
                let aria = focusable.then(|| mt(MapText::PlaceLabel(&name, place.projects.len())).into_owned());
                let pressed = focusable.then(|| sel.contains(&place.id).to_string());
                let circles = figs
                    .iter()
                    .map(|f| {
                        let r = circle_radius(f.value, largest, MAX_R_PX, MIN_R_PX) * upp;
                        view! { <circle class="figure-circle" cx=format!("{:.2}", at[0]) cy=format!("{:.2}", at[1]) r=format!("{:.2}", r) /> }
                    })
                    .collect_view();
                let leader = spot.leader.then(|| {
                    let lx = if spot.x > at[0] { spot.x } else { spot.x + b.width };
                    view! { <line class="leader" x1=format!("{:.2}", at[0]) y1=format!("{:.2}", at[1])
                        x2=format!("{:.2}", lx) y2=format!("{:.2}", spot.y + b.height / 2.0) /> }
                });
                let class = format!(
                    "symbol{}{}",
                    if is_group { " group" } else { "" },
                    if sel.contains(&place.id) { " selected" } else { "" }
                );
                view! {
                    <g class=class data-place=place.id.clone() tabindex=tabindex role=focusable.then_some("button")
                        aria-label=aria aria-pressed=pressed aria-hidden=(!focusable).then_some("true")>
                        {circles}
                        {leader}
                        <text class="figure-label" x=format!("{:.2}", spot.x) y=format!("{:.2}", spot.y + b.height * 0.8)
                            font-size=format!("{:.2}", font)>{label}</text>
                    </g>
                }
            })
            .collect_view()
    };

    // Outlines drawn on top: the selected place(s) and the focused one.
    let world_o = world.clone();
    let outlines = move || {
        let mut ids: Vec<(String, &'static str)> = Vec::new();
        let members = |id: &str| ctx.with_data(|d| crate::geo::reach::members(&d.sheet, id));
        for s in selected.get() {
            for c in members(&s) {
                ids.push((c, "outline selected"));
            }
        }
        if let Some(f) = m.focused.get() {
            if focusables.with(|fs| fs.iter().any(|(i, _)| *i == f)) {
                for c in members(&f) {
                    ids.push((c, "outline focused"));
                }
            }
        }
        ids.into_iter()
            .filter_map(|(id, class)| world_o.country(&id).map(|c| view! { <path class=class d=c.path.clone() /> }))
            .collect_view()
    };

    let vb_text = move || {
        let v = m.viewbox.get();
        format!("{:.1} {:.1} {:.1} {:.1}", v[0], v[1], v[2], v[3])
    };
    // Tall frames (Africa, Asia and the Pacific) get a taller map.
    // Set through the CSSOM (style:), which a strict style-src CSP allows.
    let aspect = move || format!("{:.4}", view::display_aspect(m.viewbox.get(), TALLEST, w / h));
    let _ = origin_name;
    view! {
        <div class="map-frame" node_ref=root>
            <svg class="map-svg" node_ref=svg_ref viewBox=vb_text preserveAspectRatio="xMidYMid meet"
                role="group" aria-label=mt(MapText::MapLabel) style:aspect-ratio=aspect
                on:keydown=on_key on:click=on_click on:focusin=on_focus on:focusout=on_blur
                on:pointerdown=on_pointer_down on:pointermove=on_pointer_move
                on:pointerup=on_pointer_end on:pointercancel=on_pointer_end on:pointerleave=on_pointer_end>
                <rect class="sea" x="0" y="0" width=w height=h aria-hidden="true" />
                <g class="countries">{countries}</g>
                <g class="links" aria-hidden="true">{links}</g>
                <g class="outlines" aria-hidden="true">{outlines}</g>
                <g class="symbols">{symbols}</g>
            </svg>
        </div>
    }
}

/// Whether the place `id` concerns any of the selected geographies.
fn concerns_any(ctx: &Ctx, r: &Reach, id: &str, selected: &[String]) -> bool {
    ctx.with_data(|d| match r.get(id) {
        Some(place) => crate::geo::reach::concerns(&d.sheet, place, selected),
        None => selected.iter().any(|s| s == id || crate::geo::reach::members(&d.sheet, s).iter().any(|m| m == id)),
    })
}

/// Shading key, link, circles, the figures drawn, and the credit line.
#[component]
fn Legend(m: MapCtx) -> impl IntoView {
    let ctx = Ctx::get();
    let origin_name = ctx.with_data(|d| d.sheet.meta.country_name.clone());
    let drawn = Memo::new(move |_| {
        let world = m.world();
        m.map_reach.with(|r| {
            ctx.with_data(|d| {
                let mut shown = Vec::new();
                let mut unmapped = false;
                for p in r.with_figures() {
                    let on_map = world.as_deref().and_then(|w| anchor(w, p)).is_some();
                    if on_map {
                        shown
                            .extend(p.figures.iter().filter_map(|f| f.get(&d.sheet)).map(|f| figure_text(&d.sheet, f)));
                    } else {
                        unmapped = true;
                    }
                }
                (shown, unmapped)
            })
        })
    });
    let attribution = move || m.world().map(|w| format!("{} {}", w.attribution, mt(MapText::Projection)));
    view! {
        <div class="map-legend">
            <h3>{mt(MapText::Legend)}</h3>
            <ul class="legend-keys">
                <li><span class="swatch level-1" aria-hidden="true"></span>{mt(MapText::Projects(1))}</li>
                <li><span class="swatch level-2" aria-hidden="true"></span>{mt(MapText::Projects(2))}</li>
                <li><span class="swatch level-3" aria-hidden="true"></span>{mt(MapText::ProjectsOrMore(3))}</li>
                <li><span class="swatch origin" aria-hidden="true"></span>{mt(MapText::Origin(&origin_name))}</li>
                <li><span class="swatch link" aria-hidden="true"></span>{mt(MapText::Link(&origin_name))}</li>
                <li><span class="swatch circle" aria-hidden="true"></span>{mt(MapText::Circles)}</li>
            </ul>
            {move || {
                let (shown, unmapped) = drawn.get();
                view! {
                    {(!shown.is_empty()).then(|| view! {
                        <p class="legend-figures-title">{mt(MapText::FiguresShown)}</p>
                        <ul class="legend-figures">
                            {shown.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ul>
                    })}
                    {unmapped.then(|| view! { <p class="legend-note">{mt(MapText::Unmapped)}</p> })}
                }
            }}
            <p class="map-attribution">{attribution}</p>
        </div>
    }
}

/// The selected place(s): name, matching projects, figures with their qualifiers.
#[component]
fn Details(m: MapCtx) -> impl IntoView {
    let ctx = Ctx::get();
    let panels = move || {
        let selected = ctx.state.with(|s| s.countries.clone());
        let world = m.world();
        selected
            .into_iter()
            .map(|id| {
                let (name, projects, own, groups, is_group) = m.table_reach.with(|r| {
                    ctx.with_data(|d| {
                        let sheet = &d.sheet;
                        let name = place_name(sheet, world.as_deref(), &id);
                        let place = r.get(&id);
                        let projects: Vec<(String, String)> = place
                            .map(|p| {
                                p.projects
                                    .iter()
                                    .filter_map(|&i| sheet.projects.get(i))
                                    .map(|p| (p.id.clone(), p.title.clone()))
                                    .collect()
                            })
                            .unwrap_or_default();
                        let quote_of = |f: &Figure| (figure_text(sheet, f), f.source.quote.clone());
                        let own: Vec<(String, String)> = place
                            .map(|p| p.figures.iter().filter_map(|f| f.get(sheet)).map(quote_of).collect())
                            .unwrap_or_default();
                        let groups: Vec<(String, String)> = r
                            .places
                            .iter()
                            .filter(|g| g.kind == GeographyKind::Group && g.id != id && g.members.contains(&id))
                            .flat_map(|g| g.figures.iter().filter_map(|f| f.get(sheet)).map(quote_of))
                            .collect();
                        let is_group = !crate::geo::reach::is_country(sheet, &id);
                        (name, projects, own, groups, is_group)
                    })
                });
                let figure_list = |items: Vec<(String, String)>| {
                    view! {
                        <ul class="details-figures">
                            {items.into_iter().map(|(text, quote)| view! {
                                <li><span class="figure-text">{text}</span><blockquote class="details-quote">{quote}</blockquote></li>
                            }).collect_view()}
                        </ul>
                    }
                };
                let title = format!("{name}{}", if is_group { mt(MapText::GroupSuffix) } else { Cow::Borrowed("") });
                view! {
                    <div class="map-details" data-details=id.clone()>
                        <h3 class="details-title">{mt(MapText::Selected(&title))}</h3>
                        {if projects.is_empty() {
                            view! { <p>{mt(MapText::NoProject(&name))}</p> }.into_any()
                        } else {
                            view! {
                                <p>{mt(MapText::DetailsProjects(projects.len()))}</p>
                                <ul class="details-projects">
                                    {projects.into_iter().map(|(pid, title)| view! { <li data-project-ref=pid>{title}</li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {(!own.is_empty()).then(|| view! {
                            <h4>{t(Text::Beneficiaries)}</h4>
                            {figure_list(own)}
                        })}
                        {(!groups.is_empty()).then(|| view! {
                            <h4>{mt(MapText::GroupFigures(&name))}</h4>
                            {figure_list(groups)}
                        })}
                        <button type="button" class="show-all" on:click=move |_| ctx.state.update(|s| s.countries.clear())>
                            {mt(MapText::ShowAll)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! { <div class="map-details-area" aria-live="polite">{panels}</div> }
}

/// The table twin: every place the map shows (narrowed by the `country`
/// filter), sortable, with the source sentence of each figure.
#[component]
fn Table(m: MapCtx) -> impl IntoView {
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
    let header = move |key: SortKey, label: MapText<'static>| {
        let text = mt(label);
        let aria_sort = move || {
            let (k, asc) = sort.get();
            if k == key {
                if asc {
                    "ascending"
                } else {
                    "descending"
                }
            } else {
                "none"
            }
        };
        let arrow = move || {
            let (k, asc) = sort.get();
            if k == key {
                if asc {
                    " ▲"
                } else {
                    " ▼"
                }
            } else {
                ""
            }
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
    };
    let body = move || {
        let world = m.world();
        let list = table_rows.get();
        if list.is_empty() {
            return view! { <tr><td colspan="5" class="no-rows">{mt(MapText::NoRows)}</td></tr> }.into_any();
        }
        ctx.with_data(|d| {
            list.into_iter()
                .map(|row| {
                    let name = if row.kind == GeographyKind::Group {
                        format!("{}{}", row.name, mt(MapText::GroupSuffix))
                    } else if d.sheet.geographies.iter().any(|g| g.id == row.place) {
                        row.name.clone()
                    } else {
                        place_name(&d.sheet, world.as_deref(), &row.place)
                    };
                    let figure = row_figure(&d.sheet, &row);
                    let value = figure.map(qualified_value).unwrap_or_default();
                    let unit =
                        figure
                            .map(|f| {
                                if f.cumulative {
                                    format!("{} {}", t(Text::Cumulative), f.unit)
                                } else {
                                    f.unit.clone()
                                }
                            })
                            .unwrap_or_default();
                    let quote = figure.map(|f| f.source.quote.clone()).unwrap_or_default();
                    let id = row.place.clone();
                    view! {
                        <tr data-place-row=row.place.clone()>
                            <th scope="row">
                                <button type="button" class="place-link" tabindex=move || hidden().then_some("-1")
                                    on:click=move |_| choose(ctx, &id)>{name}</button>
                            </th>
                            <td class="num">{row.projects}</td>
                            <td class="num">{value}</td>
                            <td>{unit}</td>
                            <td class="quote">{quote}</td>
                        </tr>
                    }
                })
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
    }
}
