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
use crate::chart::text::text_width;
use crate::geo::reach::{anchor, circle_radius, link_path, qualified_value, shade_level, Place, Reach};
use crate::geo::view::{self, Direction, LabelBox};
use crate::geo::world::World;
use crate::model::{Figure, GeographyKind};
use crate::ui::ctx::Ctx;
use crate::ui::i18n::MapText;

/// Largest and smallest circle radius, in screen pixels.
const MAX_R_PX: f64 = 26.0;
const MIN_R_PX: f64 = 4.0;
/// Label size in screen pixels.
const FONT_PX: f64 = 12.0;
/// Reached countries smaller than this on screen also get a dot.
const TINY_PX: f64 = 5.0;

/// The SVG map.
#[component]
pub(super) fn Canvas(m: MapCtx, world: Arc<World>) -> impl IntoView {
    let ctx = Ctx::get();
    let (w, h) = (world.width, world.height);
    let origin = ctx.with_data(|d| d.sheet.meta.country.clone());
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
        let dist = |p: &[(i32, f64, f64)]| ((p[0].1 - p[1].1).powi(2) + (p[0].2 - p[1].2).powi(2)).sqrt();
        let mid = |p: &[(i32, f64, f64)]| ((p[0].1 + p[1].1) / 2.0, (p[0].2 + p[1].2) / 2.0);
        let (d0, d1) = (dist(&before), dist(&after));
        if d0 < 1.0 || d1 < 1.0 {
            return;
        }
        let ((mx0, my0), (mx1, my1)) = (mid(&before), mid(&after));
        let Some(center) = client_to_map(mx0, my0) else {
            return;
        };
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
                    // Labels are semibold: a little wider than the estimate's regular weight.
                    width: text_width(&labels[i], font) * 1.08,
                    height: font * 1.2,
                }
            })
            .collect();
        let placed = view::place_labels(&boxes, 2.0 * upp, m.viewbox.get());
        // Focus and selection are read per symbol, not here: a change of
        // either must not redraw the symbols (that would drop the focus).
        order
            .iter()
            .zip(placed)
            .zip(boxes)
            .map(|((&i, spot), b)| {
                let (place, at, figs, name) = items[i].clone();
                let is_group = place.kind == GeographyKind::Group;
                let label = labels[i].clone();
                let focusable = is_group;
                let id = place.id.clone();
                let is_selected = move || selected.with(|s| s.contains(&id));
                let id = place.id.clone();
                let tabindex = move || {
                    focusable.then(|| if tab_target.with(|t| t.as_deref() == Some(id.as_str())) { "0" } else { "-1" })
                };
                let aria = focusable.then(|| mt(MapText::PlaceLabel(&name, place.projects.len())).into_owned());
                let pressed = {
                    let is_selected = is_selected.clone();
                    move || focusable.then(|| is_selected().to_string())
                };
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
                let class = move || {
                    format!("symbol{}{}", if is_group { " group" } else { "" }, if is_selected() { " selected" } else { "" })
                };
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
        let members = |id: &str| ctx.with_data(|d| d.sheet.member_countries(id));
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
        None => selected.iter().any(|s| s == id || d.sheet.member_countries(s).iter().any(|m| m == id)),
    })
}
