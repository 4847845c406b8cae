//! The Equal Earth projection (Šavrič, Patterson & Jenny 2018), forward and
//! spherical, on a sphere of radius 1. Used at development time by `gen-map`;
//! the browser receives coordinates already projected.

/// The published polynomial coefficients.
pub const A1: f64 = 1.340264;
pub const A2: f64 = -0.081106;
pub const A3: f64 = 0.000893;
pub const A4: f64 = 0.003796;

/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

/// Projects a longitude and latitude (degrees) to Equal Earth `(x, y)` on the
/// unit sphere, with `y` growing northwards. Latitudes are clamped to ±90°.
pub fn equal_earth(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let lambda = lon_deg.to_radians();
    let phi = lat_deg.clamp(-90.0, 90.0).to_radians();
    let theta = (M * phi.sin()).clamp(-1.0, 1.0).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Half the width of the map: `x` of (180°, 0°).
pub fn x_max() -> f64 {
    equal_earth(180.0, 0.0).0
}

/// Half the height of the map: `y` of the North Pole.
pub fn y_max() -> f64 {
    equal_earth(0.0, 90.0).1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() <= eps
    }

    #[test]
    fn origin_maps_to_origin() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
    }

    #[test]
    fn extents_match_closed_forms() {
        // At the pole θ = π/3, so y = θ(A1 + A2θ² + θ⁶(A3 + A4θ²)).
        let t = std::f64::consts::FRAC_PI_3;
        let y = t * (A1 + A2 * t * t + t.powi(6) * (A3 + A4 * t * t));
        assert!(close(y_max(), y, 1e-12));
        assert!(close(y_max(), 1.317_362_759_157_413, 1e-9));
        // On the equator θ = 0, so x = λ / (M·A1) = 2π / (√3·A1) at λ = π.
        assert!(close(x_max(), std::f64::consts::PI / (M * A1), 1e-12));
        assert!(close(x_max(), 2.706_629_983_696_075, 1e-9));
        // The published aspect ratio of the whole map, about 2.05:1.
        assert!(close(x_max() / y_max(), 2.0546, 1e-3));
    }

    #[test]
    fn matches_the_proj_documentation_example() {
        // PROJ's documentation: `echo 122 47 | proj +proj=eqearth +R=1` gives `1.55 0.89`.
        let (x, y) = equal_earth(122.0, 47.0);
        assert!(close(x, 1.55, 0.005), "x = {x}");
        assert!(close(y, 0.89, 0.005), "y = {y}");
    }

    #[test]
    fn matches_reference_values() {
        // PROJ `+proj=eqearth +R=1` values.
        let (x, y) = equal_earth(120.0, 60.0);
        assert!(close(x, 1.359_373_391_714_373, 1e-9) && close(y, 1.088_300_835_505_319, 1e-9), "{x} {y}");
        let (x, y) = equal_earth(-52.0, -12.0);
        assert!(close(x, -0.773_739_857_132_647, 1e-9) && close(y, -0.242_165_741_207_224, 1e-9), "{x} {y}");
        // At the pole, the line is 0.59247 times as long as the equator.
        assert!(close(equal_earth(180.0, 90.0).0 / x_max(), 0.59247, 1e-5));
    }

    #[test]
    fn symmetric_in_both_axes() {
        for lat in [-80.0, -45.0, -10.0, 0.0, 23.5, 60.0, 89.0] {
            for lon in [-170.0, -90.0, -1.0, 0.0, 33.0, 150.0] {
                let (x, y) = equal_earth(lon, lat);
                let (xw, yw) = equal_earth(-lon, lat);
                let (xs, ys) = equal_earth(lon, -lat);
                assert!(close(x, -xw, 1e-15) && close(y, yw, 1e-15));
                assert!(close(x, xs, 1e-15) && close(y, -ys, 1e-15));
            }
        }
    }

    #[test]
    fn monotonic_along_meridians_and_parallels() {
        for lon in [-179.0, -60.0, 10.0, 120.0] {
            let mut last = f64::NEG_INFINITY;
            for i in -90..=90 {
                let (_, y) = equal_earth(lon, f64::from(i));
                assert!(y > last, "y not increasing at lat {i}");
                last = y;
            }
        }
        for lat in [-70.0, 0.0, 45.0, 85.0] {
            let mut last = f64::NEG_INFINITY;
            for i in -180..=180 {
                let (x, _) = equal_earth(f64::from(i), lat);
                assert!(x > last, "x not increasing at lon {i}");
                last = x;
            }
        }
        // Parallels shorten towards the poles.
        let widths: Vec<f64> = (0..=9).map(|i| equal_earth(180.0, f64::from(i) * 10.0).0).collect();
        assert!(widths.windows(2).all(|w| w[1] < w[0]));
    }

    #[test]
    fn equal_area() {
        // The Jacobian determinant equals cos φ (radians), up to the polynomial fit.
        let h = 1e-6;
        for (lon, lat) in [(10.0, 0.0), (100.0, 30.0), (-45.0, -60.0), (170.0, 75.0)] {
            let (x1, y1) = equal_earth(lon + h, lat);
            let (x0, y0) = equal_earth(lon - h, lat);
            let (x3, y3) = equal_earth(lon, lat + h);
            let (x2, y2) = equal_earth(lon, lat - h);
            let d = (2.0 * h).to_radians();
            let det = ((x1 - x0) / d) * ((y3 - y2) / d) - ((x3 - x2) / d) * ((y1 - y0) / d);
            let lat_r: f64 = f64::to_radians(lat);
            assert!(close(det, lat_r.cos(), 1e-4), "{lon},{lat}: {det}");
        }
    }
}
