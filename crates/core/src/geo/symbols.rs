//! What the map draws over the countries, as plain data the canvas only has to
//! draw (`crates/map/src/canvas.rs`): the places that take keyboard focus and the one
//! the Tab key reaches, the proportional figure circles with their placed
//! labels and leader lines, the countries outlined for the selection and the
//! focus, and the frame after a two-finger pinch. Map units throughout; sizes
//! meant in screen pixels are converted with `upp` (map units per pixel).

use std::collections::BTreeSet;

use crate::chart::text::text_width;
use crate::model::geography::Geographies;
use crate::model::{FactSheet, Figure, GeographyKind};

use super::reach::{anchor, circle_radius, Place, Reach};
use super::view::{self, LabelBox, ViewBox};
use super::world::World;

/// Largest and smallest circle radius, in screen pixels.
pub const MAX_R_PX: f64 = 26.0;
pub const MIN_R_PX: f64 = 4.0;
/// Label size in screen pixels.
pub const FONT_PX: f64 = 12.0;
/// A label wider than this fraction of the frame is written on two lines:
/// the place's name, then its figures (a narrow map has room for it).
pub const ONE_LINE_AT_MOST: f64 = 0.4;
/// The height of a label's line, in label sizes.
pub const LINE_HEIGHT: f64 = 1.2;

/// The sheet's name for a place, else the map's, else the id.
pub fn place_name(sheet: &FactSheet, world: Option<&World>, id: &str) -> String {
    match (sheet.geography(id), world.and_then(|w| w.country(id))) {
        (Some(g), _) => g.name.to_string(),
        (None, Some(c)) => c.name.clone(),
        (None, None) => id.to_string(),
    }
}

/// The largest figure of the whole sheet, so circles keep their size while
/// filters change.
pub fn largest_figure(sheet: &FactSheet) -> f64 {
    let projects = sheet.projects.iter().flat_map(|p| p.figures.iter());
    projects.chain(sheet.events.iter().flat_map(|e| e.figures.iter())).map(|f| f.value).fold(0.0, f64::max)
}

/// A place's figures, largest first: what its circles and label show.
pub fn figures_of<'a>(sheet: &'a FactSheet, place: &Place) -> Vec<&'a Figure> {
    let mut figures: Vec<&Figure> = place.figures.iter().filter_map(|f| f.get(sheet)).collect();
    figures.sort_by(|a, b| b.value.total_cmp(&a.value));
    figures
}

/// The figures the map draws (their place has a spot on the map), in the
/// reach's order, and whether some figure's place has none (a group whose
/// members the sheet does not list): those are in the table only.
pub fn drawn_figures<'a>(sheet: &'a FactSheet, reach: &Reach, world: &World) -> (Vec<&'a Figure>, bool) {
    let mut drawn = Vec::new();
    let mut unmapped = false;
    for place in reach.with_figures() {
        if anchor(world, place).is_some() {
            drawn.extend(place.figures.iter().filter_map(|f| f.get(sheet)));
        } else {
            unmapped = true;
        }
    }
    (drawn, unmapped)
}

/// The box `[x0, y0, x1, y1]` of what a reach puts on the map, for the frame
/// a narrow map opens on (`view::reached_frame`): every country reached but
/// the sheet's own (its shape's box, at most [`PART_SPAN`] of the map's width
/// around its centroid on each axis, so overseas parts and shapes across the
/// antimeridian do not stretch it to the whole world) and every figure's
/// symbol. `None` when nothing reached is on the map.
pub fn reached_box(reach: &Reach, world: &World) -> Option<[f64; 4]> {
    let half = world.width * PART_SPAN / 2.0;
    let countries = reach.countries().filter_map(|p| world.country(&p.id)).map(|c| {
        let [cx, cy] = c.centroid;
        [c.bbox[0].max(cx - half), c.bbox[1].max(cy - half), c.bbox[2].min(cx + half), c.bbox[3].min(cy + half)]
    });
    let symbols = reach.with_figures().filter_map(|p| anchor(world, p)).map(|[x, y]| [x, y, x, y]);
    view::union(countries.chain(symbols))
}

/// The most of a country's box [`reached_box`] takes, as a fraction of the
/// map's width, on each axis.
pub const PART_SPAN: f64 = 0.25;

/// The places that take keyboard focus, with where they sit, west to east:
/// reached countries, and groups with a figure (their circle).
pub fn focusables(reach: &Reach, world: &World) -> Vec<(String, [f64; 2])> {
    let mut out: Vec<(String, [f64; 2])> = reach
        .places
        .iter()
        .filter(|p| match p.kind {
            GeographyKind::Country => !p.projects.is_empty(),
            GeographyKind::Group => !p.figures.is_empty(),
        })
        .filter_map(|p| anchor(world, p).map(|a| (p.id.clone(), a)))
        .collect();
    out.sort_by(|a, b| a.1[0].total_cmp(&b.1[0]));
    out
}

/// The one place the Tab key reaches (roving tabindex): the focused place,
/// else the first selected one that can take focus, else the westernmost.
pub fn tab_target(focusables: &[(String, [f64; 2])], focused: Option<&str>, selected: &[String]) -> Option<String> {
    let has = |id: &str| focusables.iter().any(|(i, _)| i == id);
    focused
        .filter(|id| has(id))
        .map(str::to_string)
        .or_else(|| selected.iter().find(|id| has(id)).cloned())
        .or_else(|| focusables.first().map(|(id, _)| id.clone()))
}

/// One place's figure symbol: its circles, one per figure, and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    pub place: Place,
    pub name: String,
    /// Where the circles are centred.
    pub at: [f64; 2],
    /// Each circle's radius, largest figure first.
    pub radii: Vec<f64>,
    /// "Kenya: over 10,000 workers · 500 employers".
    pub label: String,
    /// The label as drawn: one line, or on a narrow map two ("Kenya:", then
    /// "over 10,000 workers · 500 employers").
    pub lines: Vec<String>,
    /// The label's top-left corner (`None`: no free spot for it, left out),
    /// width and height.
    pub label_at: Option<[f64; 2]>,
    pub label_size: [f64; 2],
    /// A line from the circle to a label pushed away from it: `[x1, y1, x2, y2]`.
    pub leader: Option<[f64; 4]>,
}

/// The figure symbols of the places reached, largest first (small circles
/// are drawn over large ones), their labels placed so none overlaps another
/// or a circle, inside `frame` (a label with no room left out; one wider
/// than [`ONE_LINE_AT_MOST`] of the frame on two lines). `upp` converts
/// screen pixels to map units; `value` writes a figure's count with its qualifier in the reader's
/// language (the label's width depends on it).
pub fn symbols(
    sheet: &FactSheet,
    reach: &Reach,
    world: &World,
    upp: f64,
    frame: ViewBox,
    value: &dyn Fn(&Figure) -> String,
) -> Vec<Symbol> {
    let largest = largest_figure(sheet);
    let font = FONT_PX * upp;
    let mut symbols: Vec<(f64, Symbol)> = reach
        .with_figures()
        .filter_map(|p| {
            let at = anchor(world, p)?;
            let figures = figures_of(sheet, p);
            let name = place_name(sheet, Some(world), &p.id);
            let values: Vec<String> = figures.iter().map(|f| value(f)).collect();
            let label = format!("{name}: {}", values.join(" · "));
            // Labels are semibold: a little wider than the estimate's regular weight.
            let width = |text: &str| text_width(text, font) * 1.08;
            let lines = if width(&label) > frame[2] * ONE_LINE_AT_MOST {
                vec![format!("{name}:"), values.join(" · ")]
            } else {
                vec![label.clone()]
            };
            let widest = lines.iter().map(|l| width(l)).fold(0.0, f64::max);
            let label_size = [widest, font * LINE_HEIGHT * lines.len() as f64];
            let radii = figures.iter().map(|f| circle_radius(f.value, largest, MAX_R_PX, MIN_R_PX) * upp).collect();
            let largest_here = figures.first().map_or(0.0, |f| f.value);
            let symbol =
                Symbol { place: p.clone(), name, at, radii, label, lines, label_at: None, label_size, leader: None };
            Some((largest_here, symbol))
        })
        .collect();
    symbols.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut symbols: Vec<Symbol> = symbols.into_iter().map(|(_, s)| s).collect();
    let boxes: Vec<LabelBox> = symbols
        .iter()
        .map(|s| LabelBox {
            anchor: s.at,
            radius: s.radii.first().copied().unwrap_or(MIN_R_PX * upp),
            width: s.label_size[0],
            height: s.label_size[1],
        })
        .collect();
    for (s, spot) in symbols.iter_mut().zip(view::place_labels(&boxes, 2.0 * upp, frame)) {
        let Some(spot) = spot else { continue };
        s.label_at = Some([spot.x, spot.y]);
        s.leader = spot.leader.then(|| {
            // To the label's nearest point: its near side at half its height
            // beside the circle, its near edge above or below it.
            let [w, h] = s.label_size;
            let beside = spot.x > s.at[0] || spot.x + w < s.at[0];
            let x = if spot.x > s.at[0] {
                spot.x
            } else if beside {
                spot.x + w
            } else {
                s.at[0]
            };
            let y = if beside {
                spot.y + h / 2.0
            } else if spot.y > s.at[1] {
                spot.y
            } else {
                spot.y + h
            };
            [s.at[0], s.at[1], x, y]
        });
    }
    symbols
}

/// The countries a selection concerns: each selected id and every member
/// country of it. The canvas dims every other country, with one lookup each
/// (the same answer as [`super::reach::concerns`] gives a country's place).
pub fn concerned_countries(sheet: &FactSheet, selected: &[String]) -> BTreeSet<String> {
    let geographies = Geographies::of(sheet);
    let mut out = BTreeSet::new();
    for s in selected {
        out.insert(s.clone());
        out.extend(geographies.member_countries(s));
    }
    out
}

/// How a country is outlined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    Selected,
    Focused,
}

/// The countries to outline: each member country of every selected place,
/// and of the focused place when it can take focus.
pub fn outlines(
    sheet: &FactSheet,
    selected: &[String],
    focused: Option<&str>,
    focusables: &[(String, [f64; 2])],
) -> Vec<(String, Outline)> {
    let mut out: Vec<(String, Outline)> = Vec::new();
    for s in selected {
        out.extend(sheet.member_countries(s).into_iter().map(|c| (c, Outline::Selected)));
    }
    if let Some(f) = focused.filter(|f| focusables.iter().any(|(i, _)| i == f)) {
        out.extend(sheet.member_countries(f).into_iter().map(|c| (c, Outline::Focused)));
    }
    out
}

/// The frame after two fingers moved from `before` to `after` (screen
/// pixels): zoomed by the change of their distance around `center` (the map
/// point under their first midpoint), then panned by the midpoint's move.
/// `None` when the fingers are too close together to tell.
pub fn pinch(
    vb: ViewBox,
    before: [[f64; 2]; 2],
    after: [[f64; 2]; 2],
    center: [f64; 2],
    upp: f64,
    bounds: (f64, f64),
) -> Option<ViewBox> {
    let dist = |p: [[f64; 2]; 2]| ((p[0][0] - p[1][0]).powi(2) + (p[0][1] - p[1][1]).powi(2)).sqrt();
    let mid = |p: [[f64; 2]; 2]| [(p[0][0] + p[1][0]) / 2.0, (p[0][1] + p[1][1]) / 2.0];
    let (d0, d1) = (dist(before), dist(after));
    if d0 < 1.0 || d1 < 1.0 {
        return None;
    }
    let (m0, m1) = (mid(before), mid(after));
    let zoomed = view::zoom(vb, d1 / d0, center, bounds);
    let upp = upp * zoomed[2] / vb[2].max(1e-9);
    Some(view::clamp(
        [zoomed[0] - (m1[0] - m0[0]) * upp, zoomed[1] - (m1[1] - m0[1]) * upp, zoomed[2], zoomed[3]],
        bounds,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::reach::reach;
    use crate::geo::world::Country;
    use crate::model::{Geography, Period, Project, Qualifier, Source};

    fn figure(id: &str, value: f64, geography: &str) -> Figure {
        Figure {
            id: id.into(),
            value,
            unit: "workers".into(),
            qualifier: Qualifier::Over,
            geography: geography.into(),
            source: Source::default(),
            ..Figure::default()
        }
    }

    fn sheet() -> FactSheet {
        let geo = |id: &str, kind, name: &str, members: Option<Vec<String>>| Geography {
            id: id.into(),
            kind,
            name: name.into(),
            members,
            ..Geography::default()
        };
        FactSheet {
            geographies: vec![
                geo("KEN", GeographyKind::Country, "Kenya", None),
                geo("KHM", GeographyKind::Country, "Cambodia", None),
                geo("asean", GeographyKind::Group, "ASEAN", Some(vec!["KHM".into(), "LAO".into()])),
            ],
            projects: vec![
                Project {
                    id: "a".into(),
                    period: Period { start: 2018, end: 2027 },
                    geographies: vec!["KEN".into(), "asean".into()],
                    figures: vec![figure("f1", 10_000.0, "KEN"), figure("f2", 186_000.0, "asean")],
                    ..Project::default()
                },
                Project {
                    id: "b".into(),
                    period: Period { start: 2020, end: 2021 },
                    geographies: vec!["KEN".into()],
                    figures: vec![figure("f3", 500.0, "KEN")],
                    ..Project::default()
                },
            ],
            ..FactSheet::default()
        }
    }

    fn world() -> World {
        let country = |id: &str, name: &str, centroid: [f64; 2]| Country {
            id: id.into(),
            name: name.into(),
            centroid,
            bbox: [centroid[0] - 5.0, centroid[1] - 5.0, centroid[0] + 5.0, centroid[1] + 5.0],
            ..Country::default()
        };
        World {
            width: 1000.0,
            height: 500.0,
            countries: vec![
                country("KEN", "Kenya", [600.0, 300.0]),
                country("KHM", "Cambodia", [800.0, 250.0]),
                country("LAO", "Laos", [790.0, 240.0]),
            ],
            ..World::default()
        }
    }

    #[test]
    fn the_largest_figure_and_each_places_figures_largest_first() {
        let s = sheet();
        assert_eq!(largest_figure(&s), 186_000.0);
        let r = reach(&s, &[0, 1], &[]);
        let kenya = r.get("KEN").expect("Kenya reached");
        let values: Vec<f64> = figures_of(&s, kenya).iter().map(|f| f.value).collect();
        assert_eq!(values, [10_000.0, 500.0]);
    }

    #[test]
    fn the_legend_lists_the_figures_drawn_and_says_when_some_are_not() {
        let mut s = sheet();
        let r = reach(&s, &[0, 1], &[]);
        let (drawn, unmapped) = drawn_figures(&s, &r, &world());
        let mut values: Vec<f64> = drawn.iter().map(|f| f.value).collect();
        values.sort_by(f64::total_cmp);
        assert_eq!((values, unmapped), (vec![500.0, 10_000.0, 186_000.0], false));
        // A group without known members has no spot: its figure is table-only.
        s.geographies[2].members = None;
        let r = reach(&s, &[0, 1], &[]);
        let (drawn, unmapped) = drawn_figures(&s, &r, &world());
        assert_eq!((drawn.len(), unmapped), (2, true));
    }

    #[test]
    fn focus_goes_west_to_east_and_tab_reaches_focused_selected_or_first() {
        let s = sheet();
        let r = reach(&s, &[0, 1], &[]);
        let f = focusables(&r, &world());
        let ids: Vec<&str> = f.iter().map(|(id, _)| id.as_str()).collect();
        // Reached countries (Cambodia and Laos through ASEAN) and the group
        // with a figure, its circle between its members; west to east.
        assert_eq!(ids, ["KEN", "LAO", "asean", "KHM"]);
        assert_eq!(tab_target(&f, Some("asean"), &[]), Some("asean".into()));
        assert_eq!(tab_target(&f, Some("nowhere"), &["KEN".into()]), Some("KEN".into()));
        assert_eq!(tab_target(&f, None, &[]), Some(f[0].0.clone()));
        assert_eq!(tab_target(&[], None, &["KEN".into()]), None);
    }

    #[test]
    fn the_box_of_what_a_reach_puts_on_the_map() {
        let s = sheet();
        let r = reach(&s, &[0, 1], &[]);
        let mut w = world();
        // Kenya, and Cambodia and Laos through ASEAN (whose circle lies between them).
        assert_eq!(reached_box(&r, &w), Some([595.0, 235.0, 805.0, 305.0]));
        // A country with parts across the world counts near its centroid only.
        if let Some(kenya) = w.countries.iter_mut().find(|c| c.id == "KEN") {
            kenya.bbox = [10.0, 10.0, 990.0, 490.0];
        }
        let half = w.width * PART_SPAN / 2.0;
        assert_eq!(reached_box(&r, &w), Some([600.0 - half, 300.0 - half, 805.0, 300.0 + half]));
        // Nothing reached, or nothing of it on the map.
        assert_eq!(reached_box(&reach(&s, &[], &[]), &w), None);
        assert_eq!(reached_box(&r, &World::default()), None);
    }

    #[test]
    fn symbols_are_largest_first_with_sized_circles_and_placed_labels() {
        let s = sheet();
        let r = reach(&s, &[0, 1], &[]);
        let frame = [0.0, 0.0, 1000.0, 500.0];
        // The shell writes figures in the reader's language; here a plain stand-in.
        let value = |f: &Figure| format!("{:?} {}", f.qualifier, f.value);
        let out = symbols(&s, &r, &world(), 1.0, frame, &value);
        let names: Vec<&str> = out.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["ASEAN", "Kenya"]);
        assert_eq!(out[0].radii, [MAX_R_PX], "the largest figure gets the largest circle");
        assert_eq!(out[1].radii.len(), 2);
        assert!(out[1].radii[0] > out[1].radii[1] && out[1].radii[1] >= MIN_R_PX);
        assert_eq!(out[1].label, "Kenya: Over 10000 · Over 500");
        for s in &out {
            let [x, y] = s.label_at.expect("room for every label");
            assert!(x >= 0.0 && y >= 0.0 && x + s.label_size[0] <= 1000.0 && y + s.label_size[1] <= 500.0);
        }
        assert_eq!(out[1].lines, [out[1].label.clone()], "one line on a wide frame");
        // At a coarser scale everything doubles.
        let coarse = symbols(&s, &r, &world(), 2.0, frame, &value);
        assert_eq!(coarse[0].radii, [2.0 * MAX_R_PX]);
        // A narrow frame: long labels on two lines, the name then the figures.
        let narrow = symbols(&s, &r, &world(), 1.0, [500.0, 200.0, 400.0, 160.0], &value);
        let kenya = narrow.iter().find(|s| s.name == "Kenya").expect("Kenya's symbol");
        assert_eq!(kenya.lines, ["Kenya:", "Over 10000 · Over 500"]);
        assert_eq!(kenya.label_size[1], 2.0 * FONT_PX * LINE_HEIGHT);
    }

    #[test]
    fn outlines_cover_member_countries_of_the_selection_and_the_focus() {
        let s = sheet();
        let f = vec![("asean".to_string(), [800.0, 250.0]), ("KEN".to_string(), [600.0, 300.0])];
        let out = outlines(&s, &["KEN".into()], Some("asean"), &f);
        assert_eq!(
            out,
            [("KEN".into(), Outline::Selected), ("KHM".into(), Outline::Focused), ("LAO".into(), Outline::Focused)]
        );
        assert_eq!(outlines(&s, &[], Some("nowhere"), &f), []);
    }

    #[test]
    fn a_selection_concerns_itself_and_its_member_countries_as_reach_says() {
        let s = sheet();
        let concerned = concerned_countries(&s, &["asean".into()]);
        assert_eq!(concerned.iter().map(String::as_str).collect::<Vec<_>>(), ["KHM", "LAO", "asean"]);
        assert!(concerned_countries(&s, &[]).is_empty());
        // The same answer as `reach::concerns` for every country place.
        let r = reach(&s, &[0, 1], &[]);
        for place in r.countries() {
            let filter = ["asean".to_string()];
            assert_eq!(crate::geo::reach::concerns(&s, place, &filter), concerned.contains(&place.id), "{}", place.id);
        }
    }

    #[test]
    fn a_pinch_zooms_by_the_finger_distance_and_pans_with_them() {
        let vb = [0.0, 0.0, 1000.0, 500.0];
        let bounds = (1000.0, 500.0);
        // Fingers move apart to twice the distance around the centre: half the frame.
        let out =
            pinch(vb, [[400.0, 250.0], [600.0, 250.0]], [[300.0, 250.0], [700.0, 250.0]], [500.0, 250.0], 1.0, bounds)
                .expect("a pinch");
        assert!((out[2] - 500.0).abs() < 1e-9 && (out[3] - 250.0).abs() < 1e-9, "{out:?}");
        assert!((out[0] + out[2] / 2.0 - 500.0).abs() < 1e-9, "centred where the fingers were");
        assert_eq!(pinch(vb, [[1.0, 1.0], [1.2, 1.0]], [[1.0, 1.0], [5.0, 1.0]], [0.0, 0.0], 1.0, bounds), None);
    }
}
