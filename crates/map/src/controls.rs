//! The map's controls: frame presets (the places reached, the world, two
//! regions), zoom and pan buttons, and the find box (a country or group by
//! name or code: selects it and frames it).

use leptos::ev;
use leptos::prelude::*;

use super::{mt, MapCtx};
use crate::geo::view;
use crate::query::text::fold;
use crate::query::Facet;
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{words, MapText, Text};
use ilo_factsheet_shell::words::local;

/// Frames, zoom and pan buttons.
#[component]
pub(super) fn Controls(m: MapCtx) -> impl IntoView {
    let bounds = move || m.size();
    let frame = move |id: &'static str| {
        move |_| {
            if let Some(w) = m.world() {
                m.viewbox.set(w.frame(id));
            }
        }
    };
    let is_frame =
        move |id: &'static str| move || m.world().is_some_and(|w| w.frame(id) == m.viewbox.get()).to_string();
    // The places reached: the frame a phone opens on (none when nothing reached is on the map).
    let reached_pressed = move || (m.reached.get().is_some_and(|r| r == m.viewbox.get())).to_string();
    let show_reached = move |_| {
        if let Some(r) = m.reached.get_untracked() {
            m.viewbox.set(r);
        }
    };
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
                <button type="button" class="frame-reached" disabled=move || m.reached.get().is_none()
                    aria-pressed=reached_pressed on:click=show_reached>{mt(MapText::FrameReached)}</button>
                <button type="button" disabled=disabled aria-pressed=is_frame("world") on:click=frame("world")>{mt(MapText::FrameWorld)}</button>
                <button type="button" disabled=disabled aria-pressed=is_frame("asia-pacific") on:click=frame("asia-pacific")>{mt(MapText::FrameAsiaPacific)}</button>
                <button type="button" disabled=disabled aria-pressed=is_frame("africa") on:click=frame("africa")>{mt(MapText::FrameAfrica)}</button>
            </div>
            <div class="map-zoom" role="group" aria-label=mt(MapText::ZoomGroup)>
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
pub(super) fn FindBox(m: MapCtx) -> impl IntoView {
    let ctx = Ctx::get();
    let query = RwSignal::new(String::new());
    // Every name the box knows: the sheet's geographies, then the map's countries.
    let names = Memo::new(move |_| {
        let world = m.world();
        ctx.with_data(|d| {
            let mut out: Vec<(String, String)> =
                d.sheet.geographies.iter().map(|g| (g.id.clone(), local(&g.name))).collect();
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
    // Captured here: a handler runs outside the widget's owner, where its words are.
    let words = StoredValue::new(words());
    let say = move |text: MapText<'_>| words.with_value(|w| w.t(Text::Map(text)));
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
            m.status.set(say(MapText::NotFound(q.trim())));
            return;
        };
        ctx.state.update(|s| *s = s.with_only(Facet::Country, &id));
        m.status.set(say(MapText::Found(&name)));
        if let Some(w) = m.world() {
            let members = ctx.with_data(|d| d.sheet.member_countries(&id));
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
            <label for=ctx.dom_id("map-find-input")>{mt(MapText::Find)}</label>
            <input id=ctx.dom_id("map-find-input") type="search" list=ctx.dom_id("map-find-names") autocomplete="off"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
            <datalist id=ctx.dom_id("map-find-names")>
                {move || names.get().into_iter().map(|(_, name)| view! { <option value=name></option> }).collect_view()}
            </datalist>
            <button type="submit">{mt(MapText::FindButton)}</button>
        </form>
    }
}
