//! The committed map file, `data/map/world.json` (written by `gen-map`).
//! Its gzip size (budget: under 60 KB) is tested on the deployed file by the
//! browser suite (tests/e2e/map.test.mjs) and printed by `make bench`; here
//! the raw size is held under 300 KB.

use std::collections::HashSet;

use ilo_factsheet_core::geo::world::World;

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
