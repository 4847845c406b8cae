//! The SVG map of one widget: countries shaded by projects reached,
//! South–South links, proportional figure circles with placed labels,
//! outlines of the selected and focused places; click, keyboard (roving
//! tabindex, arrow keys between places) and two-finger pinch and pan
//! (`touch-action: pan-y` leaves a one-finger swipe to the page).

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{choose, mt, place_name, target_place, MapCtx, TALLEST};
use crate::geo::reach::{link_path, shade_level};
use crate::geo::symbols::{self, Outline, Symbol};
use crate::geo::view::{self, Direction};
use crate::geo::world::{Country, World};
use crate::model::GeographyKind;
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{words, Dir, MapText};

/// Reached countries smaller than this on screen also get a dot.
const TINY_PX: f64 = 5.0;

/// What the parts of one canvas share: contexts, the selection, what can
/// take focus and the one element Tab reaches, and the drawn elements.
#[derive(Clone, Copy)]
struct Shared {
    ctx: Ctx,
    m: MapCtx,
    selected: Memo<Vec<String>>,
    /// The countries the selection concerns (the rest are dimmed).
    concerned: Memo<BTreeSet<String>>,
    /// What can take keyboard focus, west to east.
    focusables: Memo<Vec<(String, [f64; 2])>>,
    /// The one element the Tab key reaches (roving tabindex).
    tab_target: Memo<Option<String>>,
    root: NodeRef<leptos::html::Div>,
    svg: NodeRef<leptos::svg::Svg>,
}

/// The SVG map: its layers (countries, links, outlines, symbols) and its
/// handlers (keyboard, click, focus, pinch), each made by a function below.
#[component]
pub(super) fn Canvas(m: MapCtx, world: Arc<World>) -> impl IntoView {
    let ctx = Ctx::get();
    let (w, h) = (world.width, world.height);
    let origin = ctx.with_data(|d| d.sheet.meta.country.clone());
    let selected = Memo::new(move |_| ctx.state.with(|s| s.countries.clone()));
    let world_f = world.clone();
    let focusables = Memo::new(move |_| m.map_reach.with(|r| symbols::focusables(r, &world_f)));
    let tab_target = Memo::new(move |_| {
        let focused = m.focused.get();
        focusables.with(|f| selected.with(|s| symbols::tab_target(f, focused.as_deref(), s)))
    });
    let concerned = Memo::new(move |_| selected.with(|s| ctx.with_data(|d| symbols::concerned_countries(&d.sheet, s))));
    let c = Shared { ctx, m, selected, concerned, focusables, tab_target, root: NodeRef::new(), svg: NodeRef::new() };

    let (on_pointer_down, on_pointer_move, on_pointer_end) = pinch_handlers(c, (w, h));
    let countries = world.countries.iter().map(|country| country_shape(c, &world, country, &origin)).collect_view();
    let vb_text = move || {
        let v = m.viewbox.get();
        format!("{:.1} {:.1} {:.1} {:.1}", v[0], v[1], v[2], v[3])
    };
    // Tall frames (Africa, Asia and the Pacific) get a taller map.
    // Set through the CSSOM (style:), which a strict style-src CSP allows.
    let aspect = move || format!("{:.4}", view::display_aspect(m.viewbox.get(), TALLEST, w / h));
    view! {
        <div class="map-frame" node_ref=c.root>
            <svg class="map-svg" node_ref=c.svg viewBox=vb_text preserveAspectRatio="xMidYMid meet"
                role="group" aria-label=mt(MapText::MapLabel) style:aspect-ratio=aspect
                on:keydown=on_key(c) on:click=on_click(c) on:focusin=on_focus(c) on:focusout=on_blur(c)
                on:pointerdown=on_pointer_down on:pointermove=on_pointer_move
                on:pointerup=on_pointer_end on:pointercancel=on_pointer_end on:pointerleave=on_pointer_end>
                <rect class="sea" x="0" y="0" width=w height=h aria-hidden="true" />
                <g class="countries">{countries}</g>
                <g class="links" aria-hidden="true">{links_layer(c, world.clone(), origin)}</g>
                <g class="outlines" aria-hidden="true">{outlines_layer(c, world.clone())}</g>
                <g class="symbols">{symbols_layer(c, world)}</g>
            </svg>
        </div>
    }
}

/// Enter or Space chooses the place under focus; arrow keys move the focus
/// to the nearest place that way.
fn on_key(c: Shared) -> impl Fn(ev::KeyboardEvent) {
    move |ev: ev::KeyboardEvent| {
        let Some(id) = target_place(&ev) else { return };
        let key = ev.key();
        if key == "Enter" || key == " " || key == "Spacebar" {
            ev.prevent_default();
            choose(c.ctx, &id);
            return;
        }
        let Some(dir) = Direction::from_key(&key) else {
            return;
        };
        ev.prevent_default();
        let next = c.focusables.with_untracked(|f| {
            let points: Vec<[f64; 2]> = f.iter().map(|(_, p)| *p).collect();
            let from = f.iter().position(|(i, _)| *i == id)?;
            view::step(&points, from, dir).and_then(|k| f.get(k)).map(|(i, _)| i.clone())
        });
        if let Some(next) = next {
            c.m.focused.set(Some(next.clone()));
            focus_place(c, &next);
        }
    }
}

/// Moves the keyboard focus to a place's element.
fn focus_place(c: Shared, id: &str) {
    let Some(el) = c.root.get_untracked() else {
        return;
    };
    let selector = format!("[data-place=\"{id}\"][tabindex]");
    if let Some(svg_el) =
        el.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = svg_el.focus();
    }
}

fn on_click(c: Shared) -> impl Fn(ev::MouseEvent) {
    move |ev: ev::MouseEvent| {
        if let Some(id) = target_place(&ev) {
            c.m.focused.set(Some(id.clone()));
            choose(c.ctx, &id);
        }
    }
}

fn on_focus(c: Shared) -> impl Fn(ev::FocusEvent) {
    move |ev: ev::FocusEvent| {
        if let Some(id) = target_place(&ev) {
            if c.m.focused.get_untracked().as_deref() != Some(id.as_str()) {
                c.m.focused.set(Some(id));
            }
        }
    }
}

/// Focus leaving the map: no focused place (its dashed outline goes).
fn on_blur(c: Shared) -> impl Fn(ev::FocusEvent) {
    move |ev: ev::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(c.root.get_untracked())
            .is_some_and(|(node, el)| el.contains(Some(&node)));
        if !inside {
            c.m.focused.set(None);
        }
    }
}

/// Two-finger pinch and pan (`touch-action: pan-y` leaves one finger to the
/// page): pointer down, move, and end/cancel/leave. The new frame comes from
/// `geo::symbols::pinch`; only the screen-to-map conversion is here.
fn pinch_handlers(
    c: Shared,
    bounds: (f64, f64),
) -> (impl Fn(ev::PointerEvent), impl Fn(ev::PointerEvent), impl Fn(ev::PointerEvent) + Copy) {
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let client_to_map = move |x: f64, y: f64| -> Option<[f64; 2]> {
        let el = c.svg.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let vb = c.m.viewbox.get_untracked();
        let upp = view::units_per_px(vb, rect.width(), rect.height());
        let (ox, oy) = ((rect.width() - vb[2] / upp) / 2.0, (rect.height() - vb[3] / upp) / 2.0);
        Some([vb[0] + (x - rect.left() - ox) * upp, vb[1] + (y - rect.top() - oy) * upp])
    };
    let down = move |ev: ev::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            return;
        }
        let (id, x, y) = (ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()));
        pointers.update_value(|p| {
            p.retain(|q| q.0 != id);
            p.push((id, x, y));
        });
    };
    let moved = move |ev: ev::PointerEvent| {
        let (id, x, y) = (ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()));
        let before = pointers.get_value();
        if before.len() != 2 || !before.iter().any(|q| q.0 == id) {
            return;
        }
        let after: Vec<(i32, f64, f64)> = before.iter().map(|q| if q.0 == id { (id, x, y) } else { *q }).collect();
        pointers.set_value(after.clone());
        let points = |p: &[(i32, f64, f64)]| [[p[0].1, p[0].2], [p[1].1, p[1].2]];
        let (from, to) = (points(&before), points(&after));
        let midpoint = [(from[0][0] + from[1][0]) / 2.0, (from[0][1] + from[1][1]) / 2.0];
        let Some(center) = client_to_map(midpoint[0], midpoint[1]) else {
            return;
        };
        let upp = c.m.upp.get_untracked();
        if let Some(next) = symbols::pinch(c.m.viewbox.get_untracked(), from, to, center, upp, bounds) {
            ev.prevent_default();
            c.m.viewbox.set(next);
        }
    };
    let end = move |ev: ev::PointerEvent| {
        let id = ev.pointer_id();
        pointers.update_value(|p| p.retain(|q| q.0 != id));
    };
    (down, moved, end)
}

/// One country: shaded by projects reached, dimmed when a selection does not
/// concern it, focusable and pressable when reached, with a dot when tiny.
fn country_shape(c: Shared, world: &World, country: &Country, origin: &str) -> impl IntoView {
    let Shared { ctx, m, selected, concerned, tab_target, .. } = c;
    let id = country.id.clone();
    let (cw, ch) = country.size();
    let centroid = country.centroid;
    let count = {
        let id = id.clone();
        Memo::new(move |_| m.map_reach.with(|r| r.project_count(&id)))
    };
    // Reached without a named project: a shade of its own, never a project count.
    let unnamed = {
        let id = id.clone();
        Memo::new(move |_| m.map_reach.with(|r| r.unnamed_only(&id)))
    };
    let is_origin = id == origin;
    let class = {
        let id = id.clone();
        move || {
            let mut class = format!("country level-{}", shade_level(count.get()));
            if unnamed.get() {
                class.push_str(" unnamed");
            }
            if is_origin {
                class.push_str(" origin");
            }
            let active = selected.with(|s| !s.is_empty());
            if active && !concerned.with(|c| c.contains(&id)) {
                class.push_str(" dim");
            }
            class
        }
    };
    let reached = move || count.get() > 0 || unnamed.get();
    let tabindex = {
        let id = id.clone();
        move || reached().then(|| if tab_target.get().as_deref() == Some(id.as_str()) { "0" } else { "-1" })
    };
    let name = ctx.with_data(|d| place_name(&d.sheet, Some(world), &id));
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
            <path d=country.path.clone() />
            {dot}
        </g>
    }
}

/// Links from the origin to the countries reached, when the sheet's country
/// sends support there (South–South, or as a development partner).
fn links_layer(c: Shared, world: Arc<World>, origin: String) -> impl Fn() -> Option<AnyView> {
    let sends = c.ctx.with_data(|d| d.sheet.meta.sends_support());
    move || {
        if !sends {
            return None;
        }
        let from = world.country(&origin).map(|c| c.centroid)?;
        let links = c.m.map_reach.with(|r| {
            r.countries()
                .filter(|p| !p.projects.is_empty() || !p.entries.is_empty())
                .filter_map(|p| world.country(&p.id))
                .map(|c| view! { <path class="link" d=link_path(from, c.centroid) /> })
                .collect_view()
        });
        Some(links.into_any())
    }
}

/// Proportional circles, one per figure, at their geography; labelled
/// (sizes and label places from `geo::symbols`).
fn symbols_layer(c: Shared, world: Arc<World>) -> impl Fn() -> AnyView {
    move || {
        let upp = c.m.upp.get();
        let frame = c.m.viewbox.get();
        let words = words();
        let value = |f: &crate::model::Figure| words.figure_value(f);
        let drawn =
            c.m.map_reach.with(|r| c.ctx.with_data(|d| symbols::symbols(&d.sheet, r, &world, upp, frame, &value)));
        let font = format!("{:.2}", symbols::FONT_PX * upp);
        // Focus and selection are read per symbol, not here: a change of
        // either must not redraw the symbols (that would drop the focus).
        drawn.into_iter().map(|sym| symbol(sym, &font, c.selected, c.tab_target)).collect_view().into_any()
    }
}

/// Outlines drawn on top: the selected place(s) and the focused one.
fn outlines_layer(c: Shared, world: Arc<World>) -> impl Fn() -> AnyView {
    move || {
        let focused = c.m.focused.get();
        let ids = c.selected.with(|s| {
            c.focusables.with(|f| c.ctx.with_data(|d| symbols::outlines(&d.sheet, s, focused.as_deref(), f)))
        });
        ids.into_iter()
            .filter_map(|(id, outline)| {
                let class = match outline {
                    Outline::Selected => "outline selected",
                    Outline::Focused => "outline focused",
                };
                world.country(&id).map(|c| view! { <path class=class d=c.path.clone() /> })
            })
            .collect_view()
            .into_any()
    }
}

/// One figure symbol: its circles, a leader line to a label pushed away, the
/// label; a group's symbol takes focus (a country's focus is its shape).
fn symbol(sym: Symbol, font: &str, selected: Memo<Vec<String>>, tab_target: Memo<Option<String>>) -> impl IntoView {
    let Symbol { place, name, at, radii, label, lines, label_at, label_size, leader } = sym;
    let focusable = place.kind == GeographyKind::Group;
    let is_selected = {
        let id = place.id.clone();
        move || selected.with(|s| s.contains(&id))
    };
    let tabindex = {
        let id = place.id.clone();
        move || focusable.then(|| if tab_target.with(|t| t.as_deref() == Some(id.as_str())) { "0" } else { "-1" })
    };
    // Its name says what it shows, then the figure written beside it (the
    // visible words are part of the name, WCAG 2.5.3).
    let aria = focusable.then(|| format!("{}. {label}", crate::place_label(&place, &name)));
    let pressed = {
        let is_selected = is_selected.clone();
        move || focusable.then(|| is_selected().to_string())
    };
    let class = move || {
        format!("symbol{}{}", if focusable { " group" } else { "" }, if is_selected() { " selected" } else { "" })
    };
    let px = |v: f64| format!("{v:.2}");
    // The label's box is laid out from its left edge; right-to-left text
    // (the SVG inherits the widget's direction) starts at its right edge.
    // A label with no room is left out (the legend and the table have it);
    // a long one on a narrow map takes two lines.
    let rtl = words().lang().dir() == Dir::Rtl;
    let text = label_at.map(|[x, y]| {
        let x = px(if rtl { x + label_size[0] } else { x });
        let line = label_size[1] / lines.len().max(1) as f64;
        let tspans = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                // A space between lines, so the text reads as one ("ASEAN: over 186,000").
                let gap = (i > 0).then_some(" ");
                view! { {gap}<tspan x=x.clone() y=px(y + line * (i as f64 + 0.8))>{l}</tspan> }
            })
            .collect_view();
        view! { <text class="figure-label" font-size=font.to_string()>{tspans}</text> }
    });
    let circles = radii
        .into_iter()
        .map(|r| view! { <circle class="figure-circle" cx=px(at[0]) cy=px(at[1]) r=px(r) /> })
        .collect_view();
    let leader =
        leader.map(|[x1, y1, x2, y2]| view! { <line class="leader" x1=px(x1) y1=px(y1) x2=px(x2) y2=px(y2) /> });
    view! {
        <g class=class data-place=place.id.clone() tabindex=tabindex role=focusable.then_some("button")
            aria-label=aria aria-pressed=pressed aria-hidden=(!focusable).then_some("true")>
            {circles}
            {leader}
            {text}
        </g>
    }
}
