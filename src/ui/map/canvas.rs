//! The SVG map of one widget: countries shaded by projects reached,
//! South–South links, proportional figure circles with placed labels,
//! outlines of the selected and focused places; click, keyboard (roving
//! tabindex, arrow keys between places) and two-finger pinch and pan
//! (`touch-action: pan-y` leaves a one-finger swipe to the page).

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{choose, mt, place_name, target_place, MapCtx, TALLEST};
use crate::geo::reach::{link_path, shade_level, Reach};
use crate::geo::symbols::{self, Outline, Symbol};
use crate::geo::view::{self, Direction};
use crate::geo::world::World;
use crate::model::GeographyKind;
use crate::ui::ctx::Ctx;
use crate::ui::i18n::MapText;

/// Reached countries smaller than this on screen also get a dot.
const TINY_PX: f64 = 5.0;

/// The SVG map.
#[component]
pub(super) fn Canvas(m: MapCtx, world: Arc<World>) -> impl IntoView {
    let ctx = Ctx::get();
    let (w, h) = (world.width, world.height);
    let origin = ctx.with_data(|d| d.sheet.meta.country.clone());
    let selected = Memo::new(move |_| ctx.state.with(|s| s.countries.clone()));
    // What can take keyboard focus, west to east, and the one element the
    // Tab key reaches (roving tabindex).
    let world_f = world.clone();
    let focusables = Memo::new(move |_| m.map_reach.with(|r| symbols::focusables(r, &world_f)));
    let tab_target = Memo::new(move |_| {
        let focused = m.focused.get();
        focusables.with(|f| selected.with(|s| symbols::tab_target(f, focused.as_deref(), s)))
    });

    let root = NodeRef::<leptos::html::Div>::new();
    let focus_place = move |id: &str| {
        let Some(el) = root.get_untracked() else {
            return;
        };
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
        let Some(dir) = Direction::from_key(&key) else {
            return;
        };
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
        let points = |p: &[(i32, f64, f64)]| [[p[0].1, p[0].2], [p[1].1, p[1].2]];
        let (from, to) = (points(&before), points(&after));
        let midpoint = [(from[0][0] + from[1][0]) / 2.0, (from[0][1] + from[1][1]) / 2.0];
        let Some(center) = client_to_map(midpoint[0], midpoint[1]) else {
            return;
        };
        let upp = m.upp.get_untracked();
        if let Some(next) = symbols::pinch(m.viewbox.get_untracked(), from, to, center, upp, (w, h)) {
            ev.prevent_default();
            m.viewbox.set(next);
        }
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

    // Proportional circles, one per figure, at their geography; labelled
    // (sizes and label places from `geo::symbols`).
    let world_s = world.clone();
    let symbols = move || {
        let upp = m.upp.get();
        let frame = m.viewbox.get();
        let drawn = m.map_reach.with(|r| ctx.with_data(|d| symbols::symbols(&d.sheet, r, &world_s, upp, frame)));
        let font = format!("{:.2}", symbols::FONT_PX * upp);
        // Focus and selection are read per symbol, not here: a change of
        // either must not redraw the symbols (that would drop the focus).
        drawn.into_iter().map(|sym| symbol(sym, &font, selected, tab_target)).collect_view()
    };

    // Outlines drawn on top: the selected place(s) and the focused one.
    let world_o = world.clone();
    let outlines = move || {
        let focused = m.focused.get();
        let ids = selected.with(|s| {
            focusables.with(|f| ctx.with_data(|d| symbols::outlines(&d.sheet, s, focused.as_deref(), f)))
        });
        ids.into_iter()
            .filter_map(|(id, outline)| {
                let class = match outline {
                    Outline::Selected => "outline selected",
                    Outline::Focused => "outline focused",
                };
                world_o.country(&id).map(|c| view! { <path class=class d=c.path.clone() /> })
            })
            .collect_view()
    };

    let vb_text = move || {
        let v = m.viewbox.get();
        format!("{:.1} {:.1} {:.1} {:.1}", v[0], v[1], v[2], v[3])
    };
    // Tall frames (Africa, Asia and the Pacific) get a taller map.
    // Set through the CSSOM (style:), which a strict style-src CSP allows.
    let aspect = move || format!("{:.4}", view::display_aspect(m.viewbox.get(), TALLEST, w / h));
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

/// One figure symbol: its circles, a leader line to a label pushed away, the
/// label; a group's symbol takes focus (a country's focus is its shape).
fn symbol(sym: Symbol, font: &str, selected: Memo<Vec<String>>, tab_target: Memo<Option<String>>) -> impl IntoView {
    let Symbol { place, name, at, radii, label, label_at, label_size, leader } = sym;
    let focusable = place.kind == GeographyKind::Group;
    let is_selected = {
        let id = place.id.clone();
        move || selected.with(|s| s.contains(&id))
    };
    let tabindex = {
        let id = place.id.clone();
        move || focusable.then(|| if tab_target.with(|t| t.as_deref() == Some(id.as_str())) { "0" } else { "-1" })
    };
    let aria = focusable.then(|| mt(MapText::PlaceLabel(&name, place.projects.len())).into_owned());
    let pressed = {
        let is_selected = is_selected.clone();
        move || focusable.then(|| is_selected().to_string())
    };
    let class =
        move || format!("symbol{}{}", if focusable { " group" } else { "" }, if is_selected() { " selected" } else { "" });
    let px = |v: f64| format!("{v:.2}");
    let circles = radii
        .into_iter()
        .map(|r| view! { <circle class="figure-circle" cx=px(at[0]) cy=px(at[1]) r=px(r) /> })
        .collect_view();
    let leader = leader.map(|[x1, y1, x2, y2]| view! { <line class="leader" x1=px(x1) y1=px(y1) x2=px(x2) y2=px(y2) /> });
    view! {
        <g class=class data-place=place.id.clone() tabindex=tabindex role=focusable.then_some("button")
            aria-label=aria aria-pressed=pressed aria-hidden=(!focusable).then_some("true")>
            {circles}
            {leader}
            <text class="figure-label" x=px(label_at[0]) y=px(label_at[1] + label_size[1] * 0.8)
                font-size=font.to_string()>{label}</text>
        </g>
    }
}

/// Whether the place `id` concerns any of the selected geographies.
fn concerns_any(ctx: &Ctx, r: &Reach, id: &str, selected: &[String]) -> bool {
    ctx.with_data(|d| match r.get(id) {
        Some(place) => crate::geo::reach::concerns(&d.sheet, place, selected),
        None => selected.iter().any(|s| s == id || d.sheet.member_countries(s).iter().any(|m| m == id)),
    })
}
