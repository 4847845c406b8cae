//! From a TopoJSON world (world-atlas) to the map file: project every arc
//! with Equal Earth, simplify each arc once (so neighbours keep one border),
//! assemble the countries, drop Antarctica and the specks, round to the grid,
//! crop the empty south, and write compact SVG paths.

use std::collections::{BTreeMap, HashMap};

use super::projection::{equal_earth, x_max, y_max};
use super::simplify::{keep, label_point, ring_area, Point};
use super::topo::{stitch, Topology};
use super::world::{Country, Frame, World};

/// The credit line shipped with the map.
pub const ATTRIBUTION: &str = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain), via world-atlas 2.0.2";

/// How the map is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Width of the whole world (±180°) in SVG units.
    pub width: f64,
    /// Decimals kept in coordinates (0 or 1).
    pub decimals: u32,
    /// Visvalingam threshold: points with a smaller effective area (SVG units²) go.
    pub simplify_area: f64,
    /// Rings smaller than this (SVG units²) go, except a country's largest part.
    pub min_ring_area: f64,
    /// Empty space kept above and below the land, in SVG units.
    pub margin: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 1000.0, decimals: 1, simplify_area: 0.15, min_ring_area: 0.5, margin: 4.0 }
    }
}

/// Named frames: `(id, west, south, east, north)` in degrees.
pub const FRAMES: [(&str, f64, f64, f64, f64); 2] =
    [("asia-pacific", 55.0, -50.0, 180.0, 55.0), ("africa", -20.0, -37.0, 55.0, 38.0)];

/// ISO numeric code → alpha-3, read from `i18n-iso-countries`' `codes.json`
/// (an array of `[alpha-2, alpha-3, numeric, ...]`).
pub fn parse_iso_table(text: &str) -> Result<HashMap<String, String>, String> {
    let rows: Vec<Vec<String>> = serde_json::from_str(text).map_err(|e| format!("ISO table: {e}"))?;
    let mut table = HashMap::new();
    for row in rows {
        let alpha3 = row.iter().find(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()));
        let numeric = row.iter().find(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit()));
        if let (Some(a), Some(n)) = (alpha3, numeric) {
            table.insert(n.clone(), a.clone());
        }
    }
    if table.is_empty() {
        return Err("ISO table: no [alpha-2, alpha-3, numeric] rows".to_string());
    }
    Ok(table)
}

/// A lowercase, dash-separated id from a name: `N. Cyprus` → `n-cyprus`.
pub fn name_id(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn is_antarctica(id: Option<&str>, name: Option<&str>) -> bool {
    id == Some("010") || name == Some("Antarctica")
}

/// Everything gathered for one output country.
#[derive(Default)]
struct Parts {
    /// Name and area of each source feature merged here (largest names the country).
    names: Vec<(String, f64)>,
    /// Simplified polygons (outer ring first), in SVG units.
    polygons: Vec<Vec<Vec<Point>>>,
    /// Area and symbol point of each polygon's unsimplified outer ring.
    shapes: Vec<(f64, Point)>,
}

/// Builds the map from a decoded world-atlas topology.
pub fn build(topo: &Topology, object: &str, iso: &HashMap<String, String>, opts: &Options) -> Result<World, String> {
    let features = topo.objects.get(object).ok_or_else(|| format!("the topology has no object {object:?}"))?;
    let to_svg = Projector { scale: opts.width / (2.0 * x_max()) };
    let parts = assemble(topo, features, iso, opts, &to_svg)?;
    let grid = Grid { factor: 10f64.powi(opts.decimals as i32) };
    let rounded = round_countries(parts, opts, &grid);
    let (countries, height, shift) = crop(rounded, opts, &grid)?;
    let views = frames(&to_svg, shift, height, opts);
    Ok(World {
        attribution: ATTRIBUTION.to_string(),
        projection: "Equal Earth".to_string(),
        width: opts.width,
        height,
        views,
        countries,
    })
}

/// Equal Earth into SVG units: x from the west edge, y down from the top.
struct Projector {
    scale: f64,
}

impl Projector {
    fn point(&self, lon: f64, lat: f64) -> Point {
        let (x, y) = equal_earth(lon, lat);
        [(x + x_max()) * self.scale, (y_max() - y) * self.scale]
    }

    fn ring(&self, ring: &[Point]) -> Vec<Point> {
        ring.iter().map(|p| self.point(p[0], p[1])).collect()
    }
}

/// Coordinates on the output grid (`10^decimals` steps per SVG unit).
struct Grid {
    factor: f64,
}

impl Grid {
    fn point(&self, p: Point) -> [i64; 2] {
        [(p[0] * self.factor).round() as i64, (p[1] * self.factor).round() as i64]
    }
}

/// Step 1: every feature's polygons, merged per country id (ISO alpha-3 when
/// known), Antarctica left out. Each arc is simplified once, in map units, so
/// shared borders stay shared; arcs stay in degrees until the rings are cut
/// at the antimeridian, then are projected.
fn assemble(
    topo: &Topology,
    features: &[super::topo::Feature],
    iso: &HashMap<String, String>,
    opts: &Options,
    to_svg: &Projector,
) -> Result<BTreeMap<String, Parts>, String> {
    let simplified: Vec<Vec<Point>> = topo
        .arcs
        .iter()
        .map(|arc| {
            let projected: Vec<Point> = arc.iter().map(|p| to_svg.point(p[0], p[1])).collect();
            keep(&projected, opts.simplify_area).into_iter().map(|i| arc[i]).collect()
        })
        .collect();
    let mut countries: BTreeMap<String, Parts> = BTreeMap::new();
    for f in features {
        if is_antarctica(f.id.as_deref(), f.name.as_deref()) || f.polygons.is_empty() {
            continue;
        }
        let name = f.name.clone().unwrap_or_default();
        let id = match &f.id {
            Some(n) => iso.get(n).cloned().unwrap_or_else(|| n.clone()),
            None if !name.is_empty() => name_id(&name),
            None => continue,
        };
        let parts = countries.entry(id).or_default();
        let mut total = 0.0;
        for polygon in &f.polygons {
            let Some(outer) = polygon.first() else {
                continue;
            };
            let exact = stitch(&topo.arcs, outer).ok_or("arc out of range")?;
            for piece in split_antimeridian(&exact) {
                let piece = to_svg.ring(&piece);
                let area = ring_area(&piece);
                total += area;
                parts.shapes.push((area, label_point(&piece)));
            }
            // Each piece of the outer ring is a polygon; holes go with the first.
            let mut rings: Vec<Vec<Vec<Point>>> = Vec::new();
            for (i, r) in polygon.iter().enumerate() {
                let ring = stitch(&simplified, r).ok_or("arc out of range")?;
                let pieces = split_antimeridian(&ring).iter().map(|p| to_svg.ring(p)).collect::<Vec<_>>();
                if i == 0 {
                    rings.extend(pieces.into_iter().map(|p| vec![p]));
                } else if let Some(first) = rings.first_mut() {
                    first.extend(pieces);
                }
            }
            parts.polygons.extend(rings);
        }
        parts.names.push((name, total));
    }
    Ok(countries)
}

/// A country on the grid: id, name, rings, symbol point.
type Rounded = (String, String, Vec<Vec<[i64; 2]>>, Point);

/// Step 2: each country named by its largest feature, its rings rounded to
/// the grid, specks dropped (a country too small for any ring keeps a
/// minimal diamond where it is).
fn round_countries(countries: BTreeMap<String, Parts>, opts: &Options, grid: &Grid) -> Vec<Rounded> {
    let min_area = opts.min_ring_area * grid.factor * grid.factor;
    let mut rounded: Vec<Rounded> = Vec::new();
    for (id, parts) in countries {
        let name =
            parts.names.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|n| n.0.clone()).unwrap_or_else(|| id.clone());
        let Some(&(_, centroid)) = parts.shapes.iter().max_by(|a, b| a.0.total_cmp(&b.0)) else {
            continue;
        };
        let mut rings: Vec<Vec<[i64; 2]>> = Vec::new();
        for polygon in &parts.polygons {
            for (i, ring) in polygon.iter().enumerate() {
                let r = round_ring(ring, &|p| grid.point(p));
                if r.len() >= 4 && int_area(&r) >= min_area {
                    rings.push(r);
                } else if i == 0 {
                    break; // the outer ring went, so do its holes
                }
            }
        }
        if rings.is_empty() {
            let [cx, cy] = grid.point(centroid);
            let r = (grid.factor as i64).max(1);
            rings.push(vec![[cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy], [cx, cy - r]]);
        }
        rounded.push((id, name, rings, centroid));
    }
    rounded
}

/// Step 3: the empty south (and north) cropped to the land plus a margin;
/// the countries with their SVG paths, symbol points and boxes. Returns the
/// countries, the map's height and the shift applied (in grid steps).
fn crop(rounded: Vec<Rounded>, opts: &Options, grid: &Grid) -> Result<(Vec<Country>, f64, i64), String> {
    let factor = grid.factor;
    let all = rounded.iter().flat_map(|c| c.2.iter().flatten());
    let (min_y, max_y) = all.fold((i64::MAX, i64::MIN), |(lo, hi), p| (lo.min(p[1]), hi.max(p[1])));
    if min_y > max_y {
        return Err("no country has a shape".to_string());
    }
    let margin = (opts.margin * factor).round() as i64;
    let shift = min_y - margin;
    let height = (max_y - min_y + 2 * margin) as f64 / factor;
    let round1 = |v: f64| (v * 10.0).round() / 10.0;
    let countries = rounded
        .into_iter()
        .map(|(id, name, mut rings, centroid)| {
            for p in rings.iter_mut().flatten() {
                p[1] -= shift;
            }
            let pts = rings.iter().flatten();
            let (x0, y0, x1, y1) = pts.fold((i64::MAX, i64::MAX, i64::MIN, i64::MIN), |(a, b, c, d), p| {
                (a.min(p[0]), b.min(p[1]), c.max(p[0]), d.max(p[1]))
            });
            Country {
                id,
                name,
                path: path_data(&rings, opts.decimals),
                centroid: [round1(centroid[0]), round1(centroid[1] - shift as f64 / factor)],
                bbox: [x0 as f64 / factor, y0 as f64 / factor, x1 as f64 / factor, y1 as f64 / factor],
            }
        })
        .collect();
    Ok((countries, height, shift))
}

/// Step 4: the named frames (the whole world, then [`FRAMES`]), each the
/// projected box of its degrees, inside the cropped map.
fn frames(to_svg: &Projector, shift: i64, height: f64, opts: &Options) -> Vec<Frame> {
    let factor = 10f64.powi(opts.decimals as i32);
    let mut views = vec![Frame { id: "world".to_string(), viewbox: [0.0, 0.0, opts.width, height] }];
    for (id, west, south, east, north) in FRAMES {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in 0..=20 {
            for j in 0..=20 {
                let lon = west + (east - west) * f64::from(i) / 20.0;
                let lat = south + (north - south) * f64::from(j) / 20.0;
                let [x, y] = to_svg.point(lon, lat);
                let y = y - shift as f64 / factor;
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
        }
        let (x0, y0) = (x0.max(0.0), y0.max(0.0));
        let (x1, y1) = (x1.min(opts.width), y1.min(height));
        views.push(Frame {
            id: id.to_string(),
            viewbox: [x0.round(), y0.round(), (x1 - x0).round(), (y1 - y0).round()],
        });
    }
    views
}

/// Cuts a ring in degrees that steps across the antimeridian (a step of more
/// than 180° of longitude, as Natural Earth's Russia and Fiji do) into closed
/// pieces that each stay on one side, ending on ±180°. Other rings come back
/// as they are.
pub fn split_antimeridian(ring: &[Point]) -> Vec<Vec<Point>> {
    let crosses = |a: Point, b: Point| (b[0] - a[0]).abs() > 180.0;
    if !ring.windows(2).any(|w| crosses(w[0], w[1])) {
        return vec![ring.to_vec()];
    }
    let mut chains: Vec<Vec<Point>> = vec![Vec::new()];
    for (i, &p) in ring.iter().enumerate() {
        if i > 0 && crosses(ring[i - 1], p) {
            let a = ring[i - 1];
            let edge = if a[0] > 0.0 { 180.0 } else { -180.0 };
            let unwrapped = p[0] + 2.0 * edge;
            let t = if (unwrapped - a[0]).abs() < 1e-12 { 0.0 } else { (edge - a[0]) / (unwrapped - a[0]) };
            let lat = a[1] + t * (p[1] - a[1]);
            if let Some(chain) = chains.last_mut() {
                chain.push([edge, lat]);
            }
            chains.push(vec![[-edge, lat]]);
        }
        if let Some(chain) = chains.last_mut() {
            chain.push(p);
        }
    }
    // The ring is closed: its last chain runs on into its first.
    if chains.len() > 1 && ring.first() == ring.last() {
        if let Some(last) = chains.pop() {
            let first = std::mem::take(&mut chains[0]);
            chains[0] = last.into_iter().chain(first.into_iter().skip(1)).collect();
        }
    }
    for chain in &mut chains {
        if let Some(&start) = chain.first() {
            if chain.last() != Some(&start) {
                chain.push(start);
            }
        }
    }
    chains.retain(|c| c.len() >= 4);
    chains
}

/// A ring on the integer grid, without repeated points, closed.
fn round_ring(ring: &[Point], grid: &impl Fn(Point) -> [i64; 2]) -> Vec<[i64; 2]> {
    let mut out: Vec<[i64; 2]> = Vec::with_capacity(ring.len());
    for p in ring {
        let q = grid(*p);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    if let (Some(first), Some(last)) = (out.first().copied(), out.last().copied()) {
        if first != last {
            out.push(first);
        }
    }
    out
}

fn int_area(ring: &[[i64; 2]]) -> f64 {
    let a2: i64 = ring.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum();
    a2.abs() as f64 / 2.0
}

/// A grid number as text: `-125` with one decimal is `-12.5`, `5` is `.5`.
fn number(v: i64, decimals: u32) -> String {
    if decimals == 0 {
        return v.to_string();
    }
    let f = 10i64.pow(decimals);
    let (sign, a) = if v < 0 { ("-", -v) } else { ("", v) };
    let (whole, frac) = (a / f, a % f);
    let frac = if frac == 0 {
        String::new()
    } else {
        let digits = format!("{frac:0width$}", width = decimals as usize);
        format!(".{}", digits.trim_end_matches('0'))
    };
    let whole = if whole == 0 && !frac.is_empty() { String::new() } else { whole.to_string() };
    format!("{sign}{whole}{frac}")
}

/// SVG path data for closed rings: `M x y` then relative `l` steps, `z`.
/// Numbers are separated by a space, or by nothing before a minus sign, or
/// before a leading `.` when the previous number already has a `.`.
pub fn path_data(rings: &[Vec<[i64; 2]>], decimals: u32) -> String {
    let mut out = String::new();
    for ring in rings {
        let Some(first) = ring.first() else { continue };
        let mut last_had_dot = false;
        let mut push = |out: &mut String, v: i64, fresh: bool| {
            let s = number(v, decimals);
            let needs_space = !(fresh || s.starts_with('-') || (s.starts_with('.') && last_had_dot));
            if needs_space {
                out.push(' ');
            }
            last_had_dot = s.contains('.');
            out.push_str(&s);
        };
        out.push('M');
        push(&mut out, first[0], true);
        push(&mut out, first[1], false);
        // The closing point is implied by `z`.
        let steps = &ring[..ring.len().saturating_sub(1)];
        if steps.len() > 1 {
            out.push('l');
            for (i, w) in steps.windows(2).enumerate() {
                push(&mut out, w[1][0] - w[0][0], i == 0);
                push(&mut out, w[1][1] - w[0][1], false);
            }
        }
        out.push('z');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::topo;

    #[test]
    fn numbers_are_short() {
        assert_eq!(number(-125, 1), "-12.5");
        assert_eq!(number(5, 1), ".5");
        assert_eq!(number(-5, 1), "-.5");
        assert_eq!(number(20, 1), "2");
        assert_eq!(number(0, 1), "0");
        assert_eq!(number(-7, 0), "-7");
    }

    #[test]
    fn path_uses_relative_steps() {
        let ring = vec![[0, 0], [10, 0], [10, 10], [0, 0]];
        assert_eq!(path_data(std::slice::from_ref(&ring), 0), "M0 0l10 0 0 10z");
        assert_eq!(path_data(&[ring], 1), "M0 0l1 0 0 1z");
        let ring = vec![[15, 25], [20, 20], [20, 25], [15, 25]];
        assert_eq!(path_data(&[ring], 1), "M1.5 2.5l.5-.5 0 .5z");
        let ring = vec![[0, 0], [5, 5], [10, 0], [0, 0]];
        assert_eq!(path_data(&[ring], 1), "M0 0l.5.5.5-.5z");
    }

    #[test]
    fn rings_across_the_antimeridian_are_cut() {
        // An island from 179°E to 179°W, stored as one ring.
        let ring = [
            [179.0, 10.0],
            [180.0, 10.0],
            [-180.0, 10.0],
            [-179.0, 10.0],
            [-179.0, 11.0],
            [-180.0, 11.0],
            [179.5, 11.0],
            [179.0, 10.0],
        ];
        let pieces = split_antimeridian(&ring);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        for p in &pieces {
            assert_eq!(p.first(), p.last());
            let east = p.iter().all(|q| q[0] >= 179.0);
            let west = p.iter().all(|q| q[0] <= -179.0);
            assert!(east || west, "{p:?}");
        }
        // Interpolated where the step crosses: 179.5°E → 180° at lat 11.
        assert!(pieces.iter().flatten().any(|q| *q == [180.0, 11.0]));
        let plain = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]];
        assert_eq!(split_antimeridian(&plain), vec![plain.to_vec()]);
    }

    #[test]
    fn ids_from_names() {
        assert_eq!(name_id("N. Cyprus"), "n-cyprus");
        assert_eq!(name_id("Indian Ocean Ter."), "indian-ocean-ter");
        assert_eq!(name_id("Kosovo"), "kosovo");
    }

    #[test]
    fn iso_table_from_codes_json() {
        let t = parse_iso_table(r#"[["KH","KHM","116","ISO 3166-2:KH"],["LA","LAO","418","ISO 3166-2:LA"]]"#)
            .expect("table");
        assert_eq!(t.get("116").map(String::as_str), Some("KHM"));
        assert!(parse_iso_table("[]").is_err());
    }

    #[test]
    fn builds_a_tiny_world() {
        // Two neighbours, a speck, and Antarctica.
        let text = r#"{"type":"Topology","objects":{"countries":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,1]],"id":"116","properties":{"name":"Cambodia"}},
            {"type":"Polygon","arcs":[[2,-1]],"id":"418","properties":{"name":"Laos"}},
            {"type":"Polygon","arcs":[[3]],"id":"702","properties":{"name":"Singapore"}},
            {"type":"Polygon","arcs":[[4]],"properties":{"name":"Kosovo"}},
            {"type":"Polygon","arcs":[[5]],"id":"010","properties":{"name":"Antarctica"}}]}},
          "arcs":[
            [[105,10],[105,20]],
            [[105,20],[100,20],[100,10],[105,10]],
            [[105,10],[110,10],[110,20],[105,20]],
            [[103.8,1.3],[103.81,1.3],[103.81,1.31],[103.8,1.3]],
            [[20,42],[21,42],[21,43],[20,42]],
            [[-10,-80],[10,-80],[0,-70],[-10,-80]]]}"#;
        let t = topo::parse(text).expect("topology");
        let iso = parse_iso_table(r#"[["KH","KHM","116"],["LA","LAO","418"],["SG","SGP","702"]]"#).expect("iso");
        let w = build(&t, "countries", &iso, &Options::default()).expect("world");
        let ids: Vec<&str> = w.countries.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["KHM", "LAO", "SGP", "kosovo"]);
        assert_eq!(w.width, 1000.0);
        assert!(w.height > 100.0 && w.height < 200.0, "cropped to the land: {}", w.height);
        for c in &w.countries {
            assert!(c.path.starts_with('M') && c.path.ends_with('z'), "{}: {}", c.id, c.path);
            assert!(c.bbox[0] >= 0.0 && c.bbox[2] <= w.width && c.bbox[1] >= 0.0 && c.bbox[3] <= w.height);
            assert!(c.centroid[0] >= c.bbox[0] - 1.0 && c.centroid[0] <= c.bbox[2] + 1.0);
        }
        // Singapore is smaller than a grid cell here, yet drawn.
        let sgp = w.country("SGP").expect("SGP");
        assert_eq!(sgp.name, "Singapore");
        assert!(sgp.size().0 > 0.0);
        // Shared border (105°E): no gap between the two neighbours.
        let (khm, lao) = (w.country("KHM").expect("KHM"), w.country("LAO").expect("LAO"));
        assert!(khm.bbox[0] < lao.bbox[0] && khm.bbox[2] >= lao.bbox[0]);
        assert_eq!(w.frame("world"), [0.0, 0.0, 1000.0, w.height]);
        assert!(w.views.iter().any(|v| v.id == "africa"));
    }
}
