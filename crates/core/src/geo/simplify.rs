//! Visvalingam–Whyatt line simplification.
//!
//! Each interior point gets an *effective area*: the area of the triangle it
//! makes with its neighbours at the moment it would be removed, points being
//! removed smallest first (and an area never smaller than the one removed
//! before it, so the order is monotonic). Keeping the points whose area is at
//! least a threshold gives the simplified line. End points are always kept,
//! so simplifying each TopoJSON arc on its own keeps shared borders shared.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A point in the plane.
pub type Point = [f64; 2];

fn triangle_area(a: Point, b: Point, c: Point) -> f64 {
    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
}

#[derive(PartialEq)]
struct Entry {
    area: f64,
    index: usize,
}

impl Eq for Entry {}

impl Ord for Entry {
    // Smallest area first in a max-heap.
    fn cmp(&self, other: &Self) -> Ordering {
        other.area.total_cmp(&self.area).then_with(|| other.index.cmp(&self.index))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The effective area of each point; the end points get infinity.
pub fn effective_areas(points: &[Point]) -> Vec<f64> {
    let n = points.len();
    let mut areas = vec![f64::INFINITY; n];
    if n < 3 {
        return areas;
    }
    let mut prev: Vec<usize> = (0..n).map(|i| i.saturating_sub(1)).collect();
    let mut next: Vec<usize> = (0..n).map(|i| (i + 1).min(n - 1)).collect();
    let mut current = vec![f64::INFINITY; n];
    let mut heap = BinaryHeap::with_capacity(n);
    for i in 1..n - 1 {
        current[i] = triangle_area(points[i - 1], points[i], points[i + 1]);
        heap.push(Entry { area: current[i], index: i });
    }
    let mut removed = vec![false; n];
    let mut floor: f64 = 0.0;
    while let Some(Entry { area, index }) = heap.pop() {
        if removed[index] || area != current[index] {
            continue; // stale entry
        }
        floor = floor.max(area);
        areas[index] = floor;
        removed[index] = true;
        let (p, q) = (prev[index], next[index]);
        next[p] = q;
        prev[q] = p;
        for j in [p, q] {
            if j == 0 || j == n - 1 {
                continue;
            }
            current[j] = triangle_area(points[prev[j]], points[j], points[next[j]]);
            heap.push(Entry { area: current[j], index: j });
        }
    }
    areas
}

/// The points whose effective area is at least `min_area`. A closed line
/// (first point equal to the last) keeps at least two interior points, so a
/// ring stays a ring.
pub fn simplify(points: &[Point], min_area: f64) -> Vec<Point> {
    keep(points, min_area).into_iter().map(|i| points[i]).collect()
}

/// The indices of the points [`simplify`] keeps, in order.
pub fn keep(points: &[Point], min_area: f64) -> Vec<usize> {
    let areas = effective_areas(points);
    let closed = points.len() > 3 && points.first() == points.last();
    let mut threshold = min_area;
    if closed {
        // The second-largest interior area, so at least two interior points stay.
        let mut interior: Vec<f64> = areas[1..areas.len() - 1].to_vec();
        interior.sort_by(|a, b| b.total_cmp(a));
        if let Some(&second) = interior.get(1) {
            threshold = threshold.min(second);
        }
    }
    areas.iter().enumerate().filter(|(_, a)| **a >= threshold).map(|(i, _)| i).collect()
}

/// Twice the signed area of a ring (positive when counter-clockwise with y up).
pub fn signed_area2(ring: &[Point]) -> f64 {
    ring.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum()
}

/// The area of a ring, whatever its orientation.
pub fn ring_area(ring: &[Point]) -> f64 {
    signed_area2(ring).abs() / 2.0
}

/// The area-weighted centroid of a ring; the mean of its points when its area is zero.
pub fn ring_centroid(ring: &[Point]) -> Point {
    let a2 = signed_area2(ring);
    if a2.abs() < 1e-12 {
        let n = ring.len().max(1) as f64;
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |(x, y), p| (x + p[0], y + p[1]));
        return [sx / n, sy / n];
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for w in ring.windows(2) {
        let cross = w[0][0] * w[1][1] - w[1][0] * w[0][1];
        cx += (w[0][0] + w[1][0]) * cross;
        cy += (w[0][1] + w[1][1]) * cross;
    }
    [cx / (3.0 * a2), cy / (3.0 * a2)]
}

/// Whether a point lies inside a closed ring (even–odd rule).
pub fn contains(ring: &[Point], p: Point) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]) {
            inside = !inside;
        }
    }
    inside
}

/// Distance from a point to the nearest edge of a ring.
pub fn edge_distance(ring: &[Point], p: Point) -> f64 {
    ring.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len2 = dx * dx + dy * dy;
            let t = if len2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) };
            ((p[0] - a[0] - t * dx).powi(2) + (p[1] - a[1] - t * dy).powi(2)).sqrt()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Where a symbol goes in a ring: its centroid when that lies well inside,
/// else the point found farthest from the edges (a grid search, refined
/// once), so a curved country like Viet Nam keeps its symbol on its land.
pub fn label_point(ring: &[Point]) -> Point {
    let centroid = ring_centroid(ring);
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in ring {
        (x0, y0, x1, y1) = (x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1]));
    }
    if ring.len() < 4 || x1 <= x0 || y1 <= y0 {
        return centroid;
    }
    let score = |p: Point| {
        if contains(ring, p) {
            edge_distance(ring, p)
        } else {
            -1.0
        }
    };
    let mut best = (score(centroid), centroid);
    let search = |cx: f64, cy: f64, half: f64, n: i32, best: &mut (f64, Point)| {
        let step = 2.0 * half / f64::from(n);
        for i in 0..=n {
            for j in 0..=n {
                let p = [cx - half + step * f64::from(i), cy - half + step * f64::from(j)];
                let d = score(p);
                if d > best.0 {
                    *best = (d, p);
                }
            }
        }
    };
    let half = (x1 - x0).max(y1 - y0) / 2.0;
    search((x0 + x1) / 2.0, (y0 + y1) / 2.0, half, 32, &mut best);
    let (cx, cy) = (best.1[0], best.1[1]);
    search(cx, cy, half / 16.0, 16, &mut best);
    let at_centroid = score(centroid);
    if at_centroid > 0.0 && at_centroid >= best.0 * 0.5 {
        centroid
    } else {
        best.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collinear_points_go_first_and_ends_stay() {
        let line = [[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 5.0], [4.0, 0.0]];
        let areas = effective_areas(&line);
        assert!(areas[0].is_infinite() && areas[4].is_infinite());
        assert_eq!(areas[1], 0.0);
        assert!(areas[3] > areas[2]);
        let s = simplify(&line, 0.5);
        assert_eq!(s.first(), Some(&[0.0, 0.0]));
        assert_eq!(s.last(), Some(&[4.0, 0.0]));
        assert!(!s.contains(&[1.0, 0.0]));
        assert!(s.contains(&[3.0, 5.0]));
    }

    #[test]
    fn areas_are_monotonic_in_removal_order() {
        // A zigzag whose small teeth disappear before the big one.
        let line: Vec<Point> = (0..20)
            .map(|i| {
                [
                    f64::from(i),
                    if i == 10 {
                        8.0
                    } else if i % 2 == 0 {
                        0.0
                    } else {
                        0.3
                    },
                ]
            })
            .collect();
        let areas = effective_areas(&line);
        let big = areas[10];
        assert!(areas[1..19].iter().enumerate().all(|(i, a)| i + 1 == 10 || *a <= big));
        let s = simplify(&line, 1.0);
        assert!(s.contains(&[10.0, 8.0]) && s.len() <= 6, "{s:?}");
        assert_eq!((s.first(), s.last()), (Some(&[0.0, 0.0]), Some(&[19.0, 0.3])));
        // Removal order follows area: a larger threshold keeps a subset.
        let fewer = simplify(&line, 40.0);
        assert!(fewer.iter().all(|p| s.contains(p)) && fewer.len() < s.len(), "{fewer:?}");
    }

    #[test]
    fn zero_threshold_keeps_everything() {
        let line = [[0.0, 0.0], [1.0, 1.0], [2.0, 0.0], [3.0, 1.0]];
        assert_eq!(simplify(&line, 0.0), line.to_vec());
        assert_eq!(simplify(&line[..2], 100.0), line[..2].to_vec());
    }

    #[test]
    fn a_closed_ring_keeps_two_interior_points() {
        let ring = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.5, 1.1], [0.0, 1.0], [0.0, 0.0]];
        let s = simplify(&ring, 1000.0);
        assert!(s.len() >= 4 && s.len() < ring.len(), "{s:?}");
        assert_eq!(s.first(), s.last());
        assert!(ring_area(&s) > 0.0);
    }

    #[test]
    fn labels_stay_on_the_land() {
        // A C shape: its centroid falls in the gap.
        let c = [
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 2.0],
            [2.0, 2.0],
            [2.0, 8.0],
            [10.0, 8.0],
            [10.0, 10.0],
            [0.0, 10.0],
            [0.0, 0.0],
        ];
        assert!(!contains(&c, ring_centroid(&c)));
        let p = label_point(&c);
        assert!(contains(&c, p), "{p:?}");
        // A square keeps its centroid.
        let square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]];
        assert_eq!(label_point(&square), [1.0, 1.0]);
        assert!((edge_distance(&square, [1.0, 1.0]) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn area_and_centroid_of_a_square() {
        let square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]];
        assert_eq!(ring_area(&square), 4.0);
        assert!(signed_area2(&square) > 0.0);
        assert_eq!(ring_centroid(&square), [1.0, 1.0]);
        let reversed: Vec<Point> = square.iter().rev().copied().collect();
        assert_eq!(ring_centroid(&reversed), [1.0, 1.0]);
    }
}
