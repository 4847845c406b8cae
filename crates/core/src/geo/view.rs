//! The map's frame and layout arithmetic, kept pure so it is tested natively:
//! zooming and panning the `viewBox`, fitting a country, the scale of one
//! screen pixel, moving between countries with arrow keys, and placing
//! labels beside circles without overlaps.

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
    let (bw, bh) = ((bbox[2] - bbox[0]).max(0.0), (bbox[3] - bbox[1]).max(0.0));
    let (cx, cy) = ((bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0);
    let mut width = (bw * 1.4).max(bh * 1.4 * aspect).max(min_width).min(bounds.0);
    if aspect > 0.0 && width / aspect > bounds.1 * 1.5 {
        width = bounds.1 * 1.5 * aspect;
    }
    let height = if aspect > 0.0 { width / aspect } else { width };
    clamp([cx - width / 2.0, cy - height / 2.0, width, height], bounds)
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
/// circle, left, above, below, then further up or down on either side,
/// taking the first spot inside `frame` (a view box) that overlaps neither an
/// earlier label nor a circle; when every spot overlaps something, the first
/// spot inside the frame (a label may cover another, but is never cut off).
pub fn place_labels(items: &[LabelBox], gap: f64, frame: ViewBox) -> Vec<Placed> {
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
        let mut candidates = vec![
            (right, mid, false),
            (left, mid, false),
            (ax - w / 2.0, ay - r - gap - h, false),
            (ax - w / 2.0, ay + r + gap, false),
        ];
        for k in 1..=8 {
            let d = f64::from(k) * (h + gap);
            for (x, y) in [(right, mid + d), (right, mid - d), (left, mid + d), (left, mid - d)] {
                candidates.push((x, y, true));
            }
        }
        let inside = |x: f64, y: f64| {
            x >= frame[0] && y >= frame[1] && x + w <= frame[0] + frame[2] && y + h <= frame[1] + frame[3]
        };
        let free = |&(x, y, _): &(f64, f64, bool)| {
            let b = [x, y, x + w, y + h];
            inside(x, y)
                && !taken.iter().any(|t| overlaps(*t, b))
                && !circles.iter().enumerate().any(|(j, c)| j != i && overlaps(*c, b))
        };
        let (x, y, leader) = candidates
            .iter()
            .copied()
            .find(free)
            .or_else(|| candidates.iter().copied().find(|&(x, y, _)| inside(x, y)))
            .unwrap_or(candidates[0]);
        taken.push([x, y, x + w, y + h]);
        out.push(Placed { x, y, leader });
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
        let placed = place_labels(&items, 1.0, [0.0, 0.0, 1000.0, 500.0]);
        assert_eq!(placed.len(), 4);
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
        assert_eq!(placed[0].x, 990.0 - 3.0 - 1.0 - 40.0);
    }

    #[test]
    fn crowded_labels_stay_inside_the_frame() {
        // Twelve wide labels on one point near the right edge: no free spot
        // for the last ones, yet none is cut off by the frame.
        let frame = [0.0, 0.0, 1000.0, 100.0];
        let items: Vec<LabelBox> =
            (0..12).map(|_| LabelBox { anchor: [960.0, 50.0], radius: 10.0, width: 200.0, height: 12.0 }).collect();
        for (p, l) in place_labels(&items, 1.0, frame).iter().zip(&items) {
            assert!(p.x >= 0.0 && p.x + l.width <= 1000.0 && p.y >= 0.0 && p.y + l.height <= 100.0, "{p:?}");
        }
    }
}
