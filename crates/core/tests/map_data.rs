//! The committed map file, `data/map/world.json` (written by `gen-map`).
//! Its gzip size (budget: under 60 KB) is tested on the deployed file by the
//! browser suite (tests/e2e/map.test.mjs) and printed by `make bench`; here
//! the raw size is held under 300 KB. And the frame a phone opens the
//! China sheet's map on.

mod common;

use std::collections::HashSet;
use std::sync::Arc;

use ilo_factsheet_core::geo::reach::reach_with;
use ilo_factsheet_core::geo::symbols::{reached_box, symbols};
use ilo_factsheet_core::geo::view::{display_aspect, first_frame, reached_frame, units_per_px};
use ilo_factsheet_core::geo::world::World;
use ilo_factsheet_core::model::geography::Groups;
use ilo_factsheet_core::model::Figure;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/map/world.json");

fn world() -> (World, usize) {
    let text = std::fs::read_to_string(PATH).expect("data/map/world.json is committed");
    let world = World::from_json(&text).expect("world.json parses");
    (world, text.len())
}

#[test]
fn has_enough_countries_with_unique_ids() {
    let (w, _) = world();
    assert!(w.countries.len() >= 150, "{} countries", w.countries.len());
    let ids: HashSet<&str> = w.countries.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), w.countries.len(), "ids are unique");
    assert!(w.country("ATA").is_none(), "Antarctica is dropped");
}

#[test]
fn small_and_named_states_are_present() {
    let (w, _) = world();
    for id in ["KHM", "LAO", "KEN", "TJK", "TLS", "SGP", "BRN", "CHN", "MDV", "MCO", "VAT"] {
        let c = w.country(id).unwrap_or_else(|| panic!("{id} is on the map"));
        assert!(!c.name.is_empty(), "{id} has a name");
        assert!(c.path.starts_with('M') && c.path.ends_with('z'), "{id} has a path");
        let (width, height) = c.size();
        assert!(width > 0.0 && height > 0.0, "{id} is drawn");
    }
}

#[test]
fn everything_lies_inside_the_frame() {
    let (w, _) = world();
    assert!(w.width > 0.0 && w.height > 0.0);
    assert_eq!(
        (w.width, w.height),
        ilo_factsheet_core::geo::world::PLACEHOLDER_SIZE,
        "the placeholder frame is the map's"
    );
    let eps = 1e-6;
    for c in &w.countries {
        let [x0, y0, x1, y1] = c.bbox;
        assert!(x0 >= -eps && y0 >= -eps && x1 <= w.width + eps && y1 <= w.height + eps, "{}: {:?}", c.id, c.bbox);
        assert!(x0 <= x1 && y0 <= y1, "{}", c.id);
        let [cx, cy] = c.centroid;
        assert!((x0 - 1.0..=x1 + 1.0).contains(&cx) && (y0 - 1.0..=y1 + 1.0).contains(&cy), "{}: centroid", c.id);
        assert!(
            c.path.chars().all(|ch| ch.is_ascii_digit() || "Mlz.- ".contains(ch)),
            "{}: path holds only M, l, z and numbers",
            c.id
        );
    }
    for v in &w.views {
        let [x, y, vw, vh] = v.viewbox;
        assert!(x >= 0.0 && y >= 0.0 && vw > 0.0 && vh > 0.0 && x + vw <= w.width + eps && y + vh <= w.height + eps);
    }
    for id in ["world", "asia-pacific", "africa"] {
        assert!(w.views.iter().any(|v| v.id == id), "frame {id}");
    }
}

#[test]
fn credits_natural_earth_and_names_the_projection() {
    let (w, _) = world();
    assert!(w.attribution.contains("Natural Earth") && w.attribution.contains("world-atlas 2.0.2"));
    assert_eq!(w.projection, "Equal Earth");
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/map/README.md")).expect("README");
    assert!(readme.contains(&w.attribution), "data/map/README.md carries the attribution line");
}

#[test]
fn stays_small() {
    let (_, bytes) = world();
    assert!(bytes < 300_000, "{bytes} bytes raw");
}

/// On a phone (upright, 294 to 366 px of map; on its side, 614 px), the China
/// sheet's map opens on the places reached: a frame much narrower than the
/// world holding every reached country, with every figure's label placed,
/// none over another. A wide map opens on the world.
#[test]
fn a_phone_opens_on_the_places_the_china_sheet_reached() {
    let (w, _) = world();
    let sheet = common::china();
    let all = |n: usize| (0..n).collect::<Vec<usize>>();
    let reach = reach_with(
        &sheet,
        &Arc::new(Groups::of(&sheet)),
        &all(sheet.projects.len()),
        &all(sheet.events.len()),
        &all(sheet.reach.len()),
    );
    let reached = reached_box(&reach, &w).expect("places reached on the map");
    let bounds = (w.width, w.height);
    // Labels as long as the English ones ("ASEAN: over 186,000").
    let value = |f: &Figure| {
        let digits = format!("{:.0}", f.value);
        let grouped: Vec<String> =
            digits.as_bytes().rchunks(3).rev().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        format!("over {}", grouped.join(","))
    };
    for (px, widest) in [(294.0, 0.4), (296.0, 0.4), (366.0, 0.4), (614.0, 0.6)] {
        let frame = first_frame(w.frame("world"), Some(reached_frame(reached, px, bounds)), px);
        assert!(frame[2] < w.width * widest, "{px} px: {frame:?}");
        for place in reach.countries() {
            let c = w.country(&place.id).unwrap_or_else(|| panic!("{} on the map", place.id));
            let [x, y] = c.centroid;
            assert!(
                frame[0] < x && x < frame[0] + frame[2] && frame[1] < y && y < frame[1] + frame[3],
                "{px} px: {} outside {frame:?}",
                place.id
            );
        }
        let upp = units_per_px(frame, px, px / display_aspect(frame, 1.25, w.width / w.height));
        let drawn = symbols(&sheet, &reach, &w, upp, frame, &value);
        assert!(drawn.len() >= 3, "{px} px: {} symbols", drawn.len());
        let boxes: Vec<[f64; 4]> = drawn
            .iter()
            .map(|s| {
                let [x, y] = s.label_at.unwrap_or_else(|| panic!("{px} px: no room for {}", s.label));
                [x, y, x + s.label_size[0], y + s.label_size[1]]
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(a[0] >= frame[0] && a[2] <= frame[0] + frame[2] && a[1] >= frame[1] && a[3] <= frame[1] + frame[3]);
            for b in &boxes[i + 1..] {
                assert!(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1], "{px} px: {a:?} over {b:?}");
            }
        }
    }
    assert_eq!(first_frame(w.frame("world"), Some(reached_frame(reached, 1150.0, bounds)), 1150.0), w.frame("world"));
}
