//! The map's frame and layout arithmetic, kept pure so it is tested natively:
//! zooming and panning the `viewBox`, fitting a country, the frame a map
//! opens on (the whole world, or on a narrow map the places reached), the
//! scale of one screen pixel, moving between countries with arrow keys, and
//! placing labels beside circles without overlaps.

/// An SVG `viewBox`: `[x, y, width, height]`.
pub type ViewBox = [f64; 4];

/// The smallest view, as a fraction of the map's width (16× zoom).
pub const MAX_ZOOM: f64 = 16.0;

/// Keeps a view inside the map `[0, w] × [0, h]`; a view larger than the map
/// in one direction is centred on it in that direction.
pub fn clamp(vb: ViewBox, (w, h): (f64, f64)) -> ViewBox {
    let fit = |pos: f64, size: f64, total: f64| {
        if size >= total {
            (total - size) / 2.0
        } else {
            pos.clamp(0.0, total - size)
        }
    };
    [fit(vb[0], vb[2], w), fit(vb[1], vb[3], h), vb[2], vb[3]]
}

/// Zooms by `factor` (above 1 zooms in) keeping `center` where it is on the
/// screen. The width stays between the map's width / [`MAX_ZOOM`] and the
/// map's width; the aspect ratio of the view is kept.
pub fn zoom(vb: ViewBox, factor: f64, center: [f64; 2], bounds: (f64, f64)) -> ViewBox {
    if factor <= 0.0 || !factor.is_finite() || vb[2] <= 0.0 {
        return vb;
    }
    let width = (vb[2] / factor).clamp(bounds.0 / MAX_ZOOM, bounds.0);
    let k = width / vb[2];
    let height = vb[3] * k;
    let x = center[0] - (center[0] - vb[0]) * k;
    let y = center[1] - (center[1] - vb[1]) * k;
    clamp([x, y, width, height], bounds)
}

/// Moves the view by fractions of its own size (`dx = 0.25` moves a quarter
/// width to the east).
pub fn pan(vb: ViewBox, dx: f64, dy: f64, bounds: (f64, f64)) -> ViewBox {
    clamp([vb[0] + dx * vb[2], vb[1] + dy * vb[3], vb[2], vb[3]], bounds)
}

/// A view of `aspect` (width / height) showing the box `[x0, y0, x1, y1]`
/// with a margin, no smaller than `min_width`.
pub fn fit(bbox: [f64; 4], aspect: f64, bounds: (f64, f64), min_width: f64) -> ViewBox {
    fit_with_margin(bbox, 0.2, aspect, bounds, min_width)
}

/// The same, with a margin of `margin` of the box's size on each side.
pub fn fit_with_margin(bbox: [f64; 4], margin: f64, aspect: f64, bounds: (f64, f64), min_width: f64) -> ViewBox {
    let (bw, bh) = ((bbox[2] - bbox[0]).max(0.0), (bbox[3] - bbox[1]).max(0.0));
    let (cx, cy) = ((bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0);
    let grow = 1.0 + 2.0 * margin.max(0.0);
    let mut width = (bw * grow).max(bh * grow * aspect).max(min_width).min(bounds.0);
    if aspect > 0.0 && width / aspect > bounds.1 * 1.5 {
        width = bounds.1 * 1.5 * aspect;
    }
    let height = if aspect > 0.0 { width / aspect } else { width };
    clamp([cx - width / 2.0, cy - height / 2.0, width, height], bounds)
}

/// The smallest box `[x0, y0, x1, y1]` holding every box given; `None` for none.
pub fn union(boxes: impl IntoIterator<Item = [f64; 4]>) -> Option<[f64; 4]> {
    boxes.into_iter().reduce(|a, b| [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])])
}

/// A map drawn narrower than this (screen pixels: a phone, upright or on its
/// side) opens on the places the selection reached, not on the whole world,
/// where their labels crowd.
pub const FIT_BELOW_PX: f64 = 640.0;
/// Narrower still (a phone held upright), that frame is drawn taller than the
/// world's: [`UPRIGHT_ASPECT`] (width / height) instead of the map's own.
pub const UPRIGHT_BELOW_PX: f64 = 480.0;
pub const UPRIGHT_ASPECT: f64 = 1.25;
/// The margin around the places reached, as a fraction of their box's size on each side.
pub const REACHED_MARGIN: f64 = 0.1;
/// The narrowest frame of the places reached, as a fraction of the map's
/// width (one small country is not shown 16 times as large).
pub const REACHED_MIN_WIDTH: f64 = 0.15;

/// The frame showing the places reached (`reached`: the box of their
/// shapes and symbols), with a margin, on a map drawn `px_width` pixels wide
/// of a map `bounds` large: the aspect of the world's frame, or
/// [`UPRIGHT_ASPECT`] on an upright phone; never narrower than
/// [`REACHED_MIN_WIDTH`] of the map.
pub fn reached_frame(reached: [f64; 4], px_width: f64, bounds: (f64, f64)) -> ViewBox {
    let world_aspect = if bounds.1 > 0.0 { bounds.0 / bounds.1 } else { 1.0 };
    let aspect = if px_width > 0.0 && px_width < UPRIGHT_BELOW_PX { UPRIGHT_ASPECT } else { world_aspect };
    fit_with_margin(reached, REACHED_MARGIN, aspect, bounds, bounds.0 * REACHED_MIN_WIDTH)
}

/// The frame a map drawn `px_width` pixels wide opens on: below
/// [`FIT_BELOW_PX`], the frame of the places reached (`reached`, from
/// [`reached_frame`]) when there is one and it is not most of the world
/// anyway (nearly as wide, or taller); else `world`. An unmeasured map (`px_width` 0) opens on the world.
pub fn first_frame(world: ViewBox, reached: Option<ViewBox>, px_width: f64) -> ViewBox {
    match reached {
        Some(r) if px_width > 0.0 && px_width < FIT_BELOW_PX && r[2] < world[2] * 0.9 && r[3] <= world[3] => r,
        _ => world,
    }
}

/// Map units per screen pixel for a view drawn in a `px_w` × `px_h` box
/// (`preserveAspectRatio="xMidYMid meet"`).
pub fn units_per_px(vb: ViewBox, px_w: f64, px_h: f64) -> f64 {
    if px_w <= 0.0 || px_h <= 0.0 {
        return 1.0;
    }
    (vb[2] / px_w).max(vb[3] / px_h)
}

/// The aspect ratio (width / height) to draw a view at: its own, kept
/// between `tallest` and `widest` (a tall frame such as Africa gets a taller
/// map, never taller than `tallest`).
pub fn display_aspect(vb: ViewBox, tallest: f64, widest: f64) -> f64 {
    if vb[3] <= 0.0 {
        return widest;
    }
    (vb[2] / vb[3]).clamp(tallest.min(widest), widest)
}

/// An arrow key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// From a `KeyboardEvent.key`.
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" | "Left" => Some(Direction::Left),
            "ArrowRight" | "Right" => Some(Direction::Right),
            "ArrowUp" | "Up" => Some(Direction::Up),
            "ArrowDown" | "Down" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The point to go to from `points[from]` in direction `dir` (y grows
/// downwards): the nearest one ahead, favouring those straight ahead. When
/// none is ahead, wraps to the farthest one behind (so every point can be
/// reached with one key).
pub fn step(points: &[[f64; 2]], from: usize, dir: Direction) -> Option<usize> {
    let here = *points.get(from)?;
    let axis = |p: [f64; 2]| -> (f64, f64) {
        let (dx, dy) = (p[0] - here[0], p[1] - here[1]);
        match dir {
            Direction::Right => (dx, dy),
            Direction::Left => (-dx, dy),
            Direction::Down => (dy, dx),
            Direction::Up => (-dy, dx),
        }
    };
    let ahead = points
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != from)
        .map(|(i, p)| (i, axis(*p)))
        .filter(|(_, (along, _))| *along > 0.0)
        .min_by(|a, b| {
            let score = |(along, across): (f64, f64)| along + 2.0 * across.abs();
            score(a.1).total_cmp(&score(b.1))
        });
    if let Some((i, _)) = ahead {
        return Some(i);
    }
    points
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != from)
        .map(|(i, p)| (i, axis(*p)))
        .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(a.1 .1.abs().total_cmp(&b.1 .1.abs())))
        .map(|(i, _)| i)
}

/// A label to place beside a circle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub anchor: [f64; 2],
    pub radius: f64,
    pub width: f64,
    pub height: f64,
}

/// Where a label went: its top-left corner, and whether it was pushed away
/// from its circle (then a leader line should join them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub leader: bool,
}

fn overlaps(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Places labels in the given order (most important first): right of the
/// circle, left, above, below (moved sideways into the frame if need be),
/// then the nearest of the spots further up or down on either side, above
/// or below, or just clear of a label already placed, taking the first spot
/// inside `frame` (a view box) that overlaps neither an earlier label nor a
/// circle. A label with no such spot is left out
/// (`None`): labels never cover each other, and none is cut off by the frame
/// (the figure is still in the legend and the table).
pub fn place_labels(items: &[LabelBox], gap: f64, frame: ViewBox) -> Vec<Option<Placed>> {
    let circles: Vec<[f64; 4]> = items
        .iter()
        .map(|l| [l.anchor[0] - l.radius, l.anchor[1] - l.radius, l.anchor[0] + l.radius, l.anchor[1] + l.radius])
        .collect();
    let mut taken: Vec<[f64; 4]> = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, l) in items.iter().enumerate() {
        let [ax, ay] = l.anchor;
        let (r, w, h) = (l.radius, l.width, l.height);
        let right = ax + r + gap;
        let left = ax - r - gap - w;
        let mid = ay - h / 2.0;
        // Above and below: centred on the circle, moved sideways into the
        // frame when near its edge (a wide label on a narrow map).
        let centred = (ax - w / 2.0).min(frame[0] + frame[2] - w).max(frame[0]);
        let (above, below) = (ay - r - gap - h, ay + r + gap);
        let mut candidates =
            vec![(right, mid, false), (left, mid, false), (centred, above, false), (centred, below, false)];
        // Further away, joined by a leader line: steps up and down on each
        // side, above and below, and just clear of each label placed nearby
        // (labels stack without gaps); the nearest first.
        let reach = 8.0 * (h + gap);
        let mut away: Vec<(f64, f64, bool)> = Vec::new();
        for k in 1..=8 {
            let d = f64::from(k) * (h + gap);
            for (x, y) in [
                (right, mid + d),
                (right, mid - d),
                (left, mid + d),
                (left, mid - d),
                (centred, above - d),
                (centred, below + d),
            ] {
                away.push((x, y, true));
            }
        }
        for t in taken.iter().filter(|t| t[1] - ay < reach + h && ay - t[3] < reach + h) {
            for x in [right, left, centred] {
                away.push((x, t[3] + gap, true));
                away.push((x, t[1] - gap - h, true));
            }
        }
        let distance = |&(x, y, _): &(f64, f64, bool)| (x + w / 2.0 - ax).hypot(y + h / 2.0 - ay);
        away.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
        candidates.extend(away);
        let inside = |x: f64, y: f64| {
            x >= frame[0] && y >= frame[1] && x + w <= frame[0] + frame[2] && y + h <= frame[1] + frame[3]
        };
        let free = |&(x, y, _): &(f64, f64, bool)| {
            let b = [x, y, x + w, y + h];
            inside(x, y)
                && !taken.iter().any(|t| overlaps(*t, b))
                && !circles.iter().enumerate().any(|(j, c)| j != i && overlaps(*c, b))
        };
        let spot = candidates.iter().copied().find(free).map(|(x, y, leader)| {
            taken.push([x, y, x + w, y + h]);
            Placed { x, y, leader }
        });
        out.push(spot);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: (f64, f64) = (1000.0, 440.0);

    #[test]
    fn zoom_keeps_the_centre_and_limits() {
        let world = [0.0, 0.0, 1000.0, 440.0];
        let z = zoom(world, 2.0, [500.0, 220.0], MAP);
        assert_eq!(z, [250.0, 110.0, 500.0, 220.0]);
        // Zooming out from the whole map changes nothing.
        assert_eq!(zoom(world, 0.5, [500.0, 220.0], MAP), world);
        // No deeper than MAX_ZOOM.
        let deep = (0..10).fold(world, |v, _| zoom(v, 2.0, [300.0, 100.0], MAP));
        assert!((deep[2] - 1000.0 / MAX_ZOOM).abs() < 1e-9, "{deep:?}");
        // Back out again to the whole width, inside the map.
        let out = (0..10).fold(deep, |v, _| zoom(v, 0.5, [300.0, 100.0], MAP));
        assert_eq!(out[2], 1000.0);
        assert!(out[0] >= 0.0 && out[1] >= 0.0 && out[0] + out[2] <= 1000.0 + 1e-9);
    }

    #[test]
    fn zoom_keeps_a_corner_point_fixed() {
        let v = [100.0, 100.0, 400.0, 200.0];
        let z = zoom(v, 2.0, [300.0, 200.0], MAP);
        // (300, 200) sits at the same fraction of the view before and after.
        let frac = |v: ViewBox| ((300.0 - v[0]) / v[2], (200.0 - v[1]) / v[3]);
        assert_eq!(frac(v), frac(z));
    }

    #[test]
    fn pan_stays_inside() {
        let v = [0.0, 0.0, 500.0, 220.0];
        assert_eq!(pan(v, 0.25, 0.0, MAP), [125.0, 0.0, 500.0, 220.0]);
        assert_eq!(pan(v, -0.25, -0.25, MAP), [0.0, 0.0, 500.0, 220.0]);
        assert_eq!(pan(v, 5.0, 5.0, MAP), [500.0, 220.0, 500.0, 220.0]);
        // A view taller than the map is centred vertically.
        assert_eq!(clamp([0.0, 0.0, 1000.0, 600.0], MAP), [0.0, -80.0, 1000.0, 600.0]);
    }

    #[test]
    fn fit_frames_a_small_country() {
        let v = fit([787.0, 239.0, 789.0, 241.0], 2.0, MAP, 60.0);
        assert_eq!((v[2], v[3]), (60.0, 30.0));
        assert!(v[0] < 787.0 && v[0] + v[2] > 789.0 && v[1] < 239.0 && v[1] + v[3] > 241.0);
        let big = fit([0.0, 0.0, 900.0, 400.0], 2.0, MAP, 60.0);
        assert_eq!(big[2], 1000.0);
    }

    #[test]
    fn pixel_scale() {
        assert_eq!(units_per_px([0.0, 0.0, 1000.0, 440.0], 500.0, 220.0), 2.0);
        assert_eq!(units_per_px([0.0, 0.0, 200.0, 200.0], 400.0, 200.0), 1.0);
        assert_eq!(units_per_px([0.0, 0.0, 1.0, 1.0], 0.0, 0.0), 1.0);
    }

    #[test]
    fn tall_frames_get_a_taller_map() {
        assert_eq!(display_aspect([0.0, 0.0, 1000.0, 440.0], 1.2, 1000.0 / 440.0), 1000.0 / 440.0);
        assert_eq!(display_aspect([0.0, 0.0, 208.0, 270.0], 1.2, 2.27), 1.2);
        assert_eq!(display_aspect([0.0, 0.0, 300.0, 200.0], 1.2, 2.27), 1.5);
        assert_eq!(display_aspect([0.0, 0.0, 300.0, 0.0], 1.2, 2.27), 2.27);
    }

    #[test]
    fn arrow_keys_move_to_the_nearest_point_ahead() {
        //  0 (0,0)    1 (10,0)   2 (20,1)
        //  3 (0,10)              4 (19,12)
        let pts = [[0.0, 0.0], [10.0, 0.0], [20.0, 1.0], [0.0, 10.0], [19.0, 12.0]];
        assert_eq!(step(&pts, 0, Direction::Right), Some(1));
        assert_eq!(step(&pts, 1, Direction::Right), Some(2));
        assert_eq!(step(&pts, 0, Direction::Down), Some(3));
        assert_eq!(step(&pts, 2, Direction::Down), Some(4));
        assert_eq!(step(&pts, 4, Direction::Up), Some(2));
        assert_eq!(step(&pts, 1, Direction::Left), Some(0));
        // Nothing ahead: wrap to the far side.
        assert_eq!(step(&pts, 2, Direction::Right), Some(0));
        assert_eq!(step(&pts, 0, Direction::Up), Some(4));
        assert_eq!(step(&[[1.0, 1.0]], 0, Direction::Left), None);
        assert_eq!(step(&pts, 9, Direction::Left), None);
        assert_eq!(Direction::from_key("ArrowUp"), Some(Direction::Up));
        assert_eq!(Direction::from_key("a"), None);
    }

    #[test]
    fn labels_do_not_overlap() {
        let items: Vec<LabelBox> = [[100.0, 100.0], [102.0, 101.0], [101.0, 104.0], [300.0, 300.0]]
            .iter()
            .map(|&anchor| LabelBox { anchor, radius: 3.0, width: 40.0, height: 8.0 })
            .collect();
        let placed: Vec<Placed> = place_labels(&items, 1.0, [0.0, 0.0, 1000.0, 500.0]).into_iter().flatten().collect();
        assert_eq!(placed.len(), 4, "room for every label");
        let boxes: Vec<[f64; 4]> =
            placed.iter().zip(&items).map(|(p, l)| [p.x, p.y, p.x + l.width, p.y + l.height]).collect();
        for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                assert!(!overlaps(boxes[i], boxes[j]), "{i} and {j}: {boxes:?}");
            }
        }
        // The first goes left (a neighbour's circle is on its right); the lone one right.
        assert_eq!(placed[0], Placed { x: 56.0, y: 96.0, leader: false });
        assert_eq!(placed[3], Placed { x: 304.0, y: 296.0, leader: false });
        // Near the right edge of the frame, the label goes left.
        let edge = [LabelBox { anchor: [990.0, 100.0], radius: 3.0, width: 40.0, height: 8.0 }];
        let placed = place_labels(&edge, 1.0, [0.0, 0.0, 1000.0, 500.0]);
        assert_eq!(placed[0].map(|p| p.x), Some(990.0 - 3.0 - 1.0 - 40.0));
        // Too wide for either side of a narrow frame: above, moved into it.
        let wide = [LabelBox { anchor: [20.0, 50.0], radius: 3.0, width: 70.0, height: 8.0 }];
        let placed = place_labels(&wide, 1.0, [0.0, 0.0, 80.0, 100.0]);
        assert_eq!(placed[0], Some(Placed { x: 0.0, y: 50.0 - 3.0 - 1.0 - 8.0, leader: false }));
    }

    #[test]
    fn crowded_labels_are_left_out_rather_than_overlapping_or_cut_off() {
        // Twelve wide labels on one point near the right edge: the first ones
        // find free spots, the rest are left out; none covers another, none
        // runs past the frame.
        let frame = [0.0, 0.0, 1000.0, 100.0];
        let items: Vec<LabelBox> =
            (0..12).map(|_| LabelBox { anchor: [960.0, 50.0], radius: 10.0, width: 200.0, height: 12.0 }).collect();
        let placed = place_labels(&items, 1.0, frame);
        assert_eq!(placed.len(), 12);
        let boxes: Vec<[f64; 4]> = placed
            .iter()
            .zip(&items)
            .filter_map(|(p, l)| p.map(|p| [p.x, p.y, p.x + l.width, p.y + l.height]))
            .collect();
        assert!(boxes.len() >= 3 && boxes.len() < 12, "{} placed", boxes.len());
        assert_eq!(placed[0].map(|p| p.leader), Some(false), "the first goes beside its circle");
        for (i, a) in boxes.iter().enumerate() {
            assert!(a[0] >= 0.0 && a[2] <= 1000.0 && a[1] >= 0.0 && a[3] <= 100.0, "{a:?}");
            for b in &boxes[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn a_union_of_boxes() {
        assert_eq!(union([[1.0, 2.0, 3.0, 4.0], [0.0, 3.0, 2.0, 5.0]]), Some([0.0, 2.0, 3.0, 5.0]));
        assert_eq!(union([[1.0, 1.0, 1.0, 1.0]]), Some([1.0, 1.0, 1.0, 1.0]));
        assert_eq!(union([]), None);
    }

    /// `inner` lies within `outer` (view boxes `[x, y, w, h]` vs a box `[x0, y0, x1, y1]`).
    fn holds(outer: ViewBox, inner: [f64; 4]) -> bool {
        outer[0] <= inner[0]
            && outer[1] <= inner[1]
            && outer[0] + outer[2] >= inner[2]
            && outer[1] + outer[3] >= inner[3]
    }

    #[test]
    fn the_frame_of_the_places_reached_holds_them_with_a_margin_at_the_displays_aspect() {
        let reached = [594.0, 99.0, 891.0, 286.0];
        // An upright phone: taller than the world, the places with a margin.
        let upright = reached_frame(reached, 294.0, MAP);
        assert!((upright[2] / upright[3] - UPRIGHT_ASPECT).abs() < 1e-9, "{upright:?}");
        assert!(holds(upright, reached), "{upright:?}");
        assert!(upright[0] < reached[0] - 1.0 && upright[0] + upright[2] > reached[2] + 1.0, "a margin: {upright:?}");
        assert!(upright[2] < MAP.0 * 0.5, "much narrower than the world: {upright:?}");
        // On its side, and on a wide map: the world's aspect.
        let landscape = reached_frame(reached, 614.0, MAP);
        assert!((landscape[2] / landscape[3] - MAP.0 / MAP.1).abs() < 1e-9, "{landscape:?}");
        assert!(holds(landscape, reached), "{landscape:?}");
        // One small country is not blown up: at least a sixth of the world wide.
        let small = reached_frame([600.0, 240.0, 610.0, 250.0], 294.0, MAP);
        assert!((small[2] - MAP.0 * REACHED_MIN_WIDTH).abs() < 1e-9, "{small:?}");
        // Places by the map's edge: the frame stays inside the map and still holds them.
        let edge = reached_frame([940.0, 380.0, 1000.0, 440.0], 294.0, MAP);
        assert!(edge[0] + edge[2] <= MAP.0 + 1e-9 && edge[1] + edge[3] <= MAP.1 + 1e-9, "{edge:?}");
        assert!(holds(edge, [940.0, 380.0, 1000.0, 440.0]), "{edge:?}");
    }

    #[test]
    fn a_narrow_map_opens_on_the_places_reached_a_wide_one_on_the_world() {
        let world = [0.0, 0.0, 1000.0, 440.0];
        let places = reached_frame([594.0, 99.0, 891.0, 286.0], 294.0, MAP);
        let reached = Some(places);
        assert_eq!(first_frame(world, reached, 294.0), places);
        assert_eq!(first_frame(world, reached, 614.0), places, "a phone on its side");
        assert_eq!(first_frame(world, reached, 1150.0), world);
        assert_eq!(first_frame(world, reached, 0.0), world, "not measured yet");
        assert_eq!(first_frame(world, None, 294.0), world, "nothing reached");
        // Places all over the world: the world itself.
        let everywhere = Some(reached_frame([20.0, 20.0, 980.0, 420.0], 294.0, MAP));
        assert_eq!(first_frame(world, everywhere, 294.0), world);
    }
}
