//! Scales: a linear scale (numbers to pixels) and a band scale (the n-th of
//! n equal slots, with padding).

/// Maps a continuous domain onto a pixel range, linearly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        LinearScale { domain, range }
    }

    /// The pixel position of `value`. A degenerate domain (both ends equal)
    /// maps everything to the start of the range rather than dividing by zero.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 || !value.is_finite() {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Like [`map`](Self::map), but never outside the range.
    pub fn map_clamped(&self, value: f64) -> f64 {
        let (r0, r1) = self.range;
        self.map(value).clamp(r0.min(r1), r0.max(r1))
    }

    /// The value at pixel position `px`.
    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// Divides a pixel range into `n` equal bands with inner and outer padding,
/// given as fractions of a step (as in d3's band scale).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandScale {
    pub n: usize,
    pub range: (f64, f64),
    pub padding_inner: f64,
    pub padding_outer: f64,
}

impl BandScale {
    pub fn new(n: usize, range: (f64, f64)) -> Self {
        BandScale { n, range, padding_inner: 0.0, padding_outer: 0.0 }
    }

    pub fn padding(mut self, inner: f64, outer: f64) -> Self {
        self.padding_inner = inner.clamp(0.0, 1.0);
        self.padding_outer = outer.max(0.0);
        self
    }

    /// Distance from the start of one band to the start of the next.
    pub fn step(&self) -> f64 {
        let (r0, r1) = self.range;
        let slots = self.n as f64 - self.padding_inner + 2.0 * self.padding_outer;
        if slots <= 0.0 {
            return 0.0;
        }
        (r1 - r0) / slots
    }

    /// The width of one band.
    pub fn bandwidth(&self) -> f64 {
        self.step() * (1.0 - self.padding_inner)
    }

    /// Where band `i` starts, or `None` past the last band.
    pub fn start(&self, i: usize) -> Option<f64> {
        (i < self.n).then(|| self.range.0 + self.step() * (self.padding_outer + i as f64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_maps_and_inverts() {
        let s = LinearScale::new((0.0, 20.0), (10.0, 210.0));
        assert_eq!(s.map(0.0), 10.0);
        assert_eq!(s.map(20.0), 210.0);
        assert_eq!(s.map(5.0), 60.0);
        assert_eq!(s.invert(60.0), 5.0);
        assert_eq!(s.map(40.0), 410.0);
        assert_eq!(s.map_clamped(40.0), 210.0);
        assert_eq!(s.map_clamped(-1.0), 10.0);
    }

    #[test]
    fn linear_handles_reversed_and_degenerate() {
        let s = LinearScale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.map(2.5), 75.0);
        assert_eq!(s.map_clamped(20.0), 0.0);
        let d = LinearScale::new((3.0, 3.0), (0.0, 100.0));
        assert_eq!(d.map(3.0), 0.0);
        assert_eq!(d.map(f64::NAN), 0.0);
        assert_eq!(LinearScale::new((1.0, 2.0), (5.0, 5.0)).invert(5.0), 1.0);
    }

    #[test]
    fn band_divides_with_padding() {
        let b = BandScale::new(4, (0.0, 400.0));
        assert_eq!(b.step(), 100.0);
        assert_eq!(b.bandwidth(), 100.0);
        assert_eq!(b.start(3), Some(300.0));
        assert_eq!(b.start(4), None);
        let p = BandScale::new(2, (0.0, 100.0)).padding(0.5, 0.25);
        // slots = 2 - 0.5 + 0.5 = 2; step 50; band 25; first starts at 12.5.
        assert_eq!(p.step(), 50.0);
        assert_eq!(p.bandwidth(), 25.0);
        assert_eq!(p.start(0), Some(12.5));
        assert_eq!(p.start(1), Some(62.5));
        assert_eq!(BandScale::new(0, (0.0, 100.0)).step(), 0.0);
    }
}
