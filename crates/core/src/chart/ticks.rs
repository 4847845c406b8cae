//! "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, as many as
//! fit, and tick labels that never overlap.

use super::text::text_width;
use crate::i18n::NumberStyle;

/// Writes a number in the reader's language (the browser's `Intl` in the
/// widget; [`crate::i18n::plain_number`] in tests).
pub type NumberFormat<'a> = dyn Fn(f64, NumberStyle) -> String + 'a;

/// Tick labels: `0`, `2.5`, `10`, `1,000`.
const TICK: NumberStyle = NumberStyle::up_to(2);

/// A step of 1, 2 or 5 × 10^k close to `(stop - start) / count` (d3's rule).
pub fn tick_step(start: f64, stop: f64, count: usize) -> f64 {
    let span = (stop - start).abs();
    if span == 0.0 || !span.is_finite() {
        return 0.0;
    }
    let raw = span / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let error = raw / power;
    let factor = if error >= 50f64.sqrt() {
        10.0
    } else if error >= 10f64.sqrt() {
        5.0
    } else if error >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    factor * power
}

/// Ticks at multiples of a nice step inside `[start, stop]`, about `count`.
pub fn nice_ticks(start: f64, stop: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if start <= stop { (start, stop) } else { (stop, start) };
    let step = tick_step(lo, hi, count);
    if step == 0.0 {
        return if lo.is_finite() { vec![lo] } else { Vec::new() };
    }
    let first = (lo / step).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    // Multiply (not add) so no rounding error accumulates; round to kill 0.30000000000000004.
    (first..=last).map(|k| round_to_step(k as f64 * step, step)).collect()
}

fn round_to_step(value: f64, step: f64) -> f64 {
    let decimals = (-step.log10().floor()).max(0.0) as i32;
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// Extends `[start, stop]` outward to multiples of its nice step.
pub fn nice_domain(start: f64, stop: f64, count: usize) -> (f64, f64) {
    let (mut lo, mut hi) = (start.min(stop), start.max(stop));
    // Twice, as d3 does: widening can change the step.
    for _ in 0..2 {
        let step = tick_step(lo, hi, count);
        if step == 0.0 {
            break;
        }
        lo = (lo / step).floor() * step;
        hi = (hi / step).ceil() * step;
    }
    (lo, hi)
}

/// How many tick labels of this width fit side by side in `width` pixels,
/// with at least `gap` between them (never less than 2 so an axis shows its ends).
pub fn max_ticks(width: f64, label_width: f64, gap: f64) -> usize {
    let per = label_width + gap;
    if per <= 0.0 {
        return 2;
    }
    ((width / per).floor() as usize + 1).max(2)
}

/// Money ticks from zero to at least `max` (US$), in millions when `max`
/// reaches a million: the nice domain end, the ticks and their labels,
/// the labels (written by `number`, the reader's digits) spaced so they fit
/// `width` at `font_px`.
pub fn money_axis(max: f64, width: f64, font_px: f64, number: &NumberFormat<'_>) -> MoneyAxis {
    let millions = max >= 1_000_000.0;
    let divisor = if millions { 1_000_000.0 } else { 1.0 };
    let top = if max > 0.0 && max.is_finite() { max / divisor } else { 1.0 };
    // Start from a wide guess of label width, then shrink the count until the labels fit.
    let mut count = max_ticks(width, text_width("00.0", font_px), font_px).min(10);
    loop {
        let (_, hi) = nice_domain(0.0, top, count);
        let ticks = nice_ticks(0.0, hi, count);
        let labels: Vec<String> = ticks.iter().map(|t| number(*t, TICK)).collect();
        let widest = labels.iter().map(|l| text_width(l, font_px)).fold(0.0, f64::max);
        let n = ticks.len().max(1) as f64;
        let spacing = if n > 1.0 { width / (n - 1.0) } else { width };
        if spacing >= widest + font_px * 0.75 || count <= 1 {
            return MoneyAxis {
                max: hi * divisor,
                ticks: ticks.iter().map(|t| t * divisor).collect(),
                labels,
                millions,
            };
        }
        count -= 1;
    }
}

/// A money axis: its end, ticks in US$ and their labels.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyAxis {
    /// The axis end in US$ (a nice number at or above the largest value).
    pub max: f64,
    /// Tick positions in US$.
    pub ticks: Vec<f64>,
    /// Tick labels, in millions when `millions`.
    pub labels: Vec<String>,
    pub millions: bool,
}

/// Year ticks for a time axis from `first` to `last` (inclusive years): a step
/// of 1, 2, 5, 10, 20, 50… years such that labels `year_px` pixels apart
/// (times the step) leave room for the widest label.
pub fn year_ticks(first: i32, last: i32, year_px: f64, font_px: f64) -> Vec<i32> {
    if last < first {
        return Vec::new();
    }
    let label = text_width("0000", font_px) + font_px * 0.6;
    let mut step = 1;
    for candidate in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
        step = candidate;
        if year_px * candidate as f64 >= label {
            break;
        }
    }
    (first..=last).filter(|y| y.rem_euclid(step) == 0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::plain_number;

    #[test]
    fn steps_are_one_two_five() {
        assert_eq!(tick_step(0.0, 10.0, 10), 1.0);
        assert_eq!(tick_step(0.0, 10.0, 5), 2.0);
        assert_eq!(tick_step(0.0, 15.45, 4), 5.0);
        assert_eq!(tick_step(0.0, 100.0, 3), 50.0);
        assert_eq!(tick_step(0.0, 1.0, 5), 0.2);
        assert_eq!(tick_step(5.0, 5.0, 5), 0.0);
    }

    #[test]
    fn ticks_are_round_and_inside() {
        assert_eq!(nice_ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.3, 0.9, 3), vec![0.4, 0.6, 0.8]);
        assert_eq!(nice_ticks(10.0, 0.0, 2), vec![0.0, 5.0, 10.0]);
        assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
    }

    #[test]
    fn domain_widens_to_nice_ends() {
        assert_eq!(nice_domain(0.0, 15.45, 4), (0.0, 20.0));
        assert_eq!(nice_domain(0.0, 8.0, 5), (0.0, 8.0));
        assert_eq!(nice_domain(0.2, 9.7, 5), (0.0, 10.0));
        assert_eq!(nice_domain(4.0, 4.0, 5), (4.0, 4.0));
    }

    #[test]
    fn money_axis_fits_its_width() {
        let wide = money_axis(15.45e6, 600.0, 13.0, &plain_number);
        assert!(wide.millions);
        assert!(wide.max >= 15.45e6);
        assert_eq!(wide.ticks.first(), Some(&0.0));
        assert_eq!(wide.ticks.last(), Some(&wide.max));
        let narrow = money_axis(15.45e6, 120.0, 13.0, &plain_number);
        assert!(narrow.ticks.len() < wide.ticks.len(), "{narrow:?} {wide:?}");
        assert!(narrow.ticks.len() >= 2);
        // Labels never overlap: their spacing exceeds the widest label.
        for (axis, width) in [(&wide, 600.0), (&narrow, 120.0)] {
            let spacing = width / (axis.ticks.len() - 1) as f64;
            let widest = axis.labels.iter().map(|l| text_width(l, 13.0)).fold(0.0, f64::max);
            assert!(spacing > widest, "{axis:?}");
        }
        let small = money_axis(500_000.0, 300.0, 13.0, &plain_number);
        assert!(!small.millions);
        assert!(small.max >= 500_000.0);
        assert!(small.labels.iter().all(|l| l.len() <= 7), "{small:?}");
        assert_eq!(money_axis(0.0, 300.0, 13.0, &plain_number).max, 1.0);
    }

    #[test]
    fn year_ticks_thin_out_when_narrow() {
        assert_eq!(year_ticks(2012, 2016, 60.0, 13.0), vec![2012, 2013, 2014, 2015, 2016]);
        assert_eq!(year_ticks(2012, 2027, 22.0, 13.0), vec![2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026]);
        assert_eq!(year_ticks(2012, 2027, 12.0, 13.0), vec![2015, 2020, 2025]);
        assert_eq!(year_ticks(2027, 2012, 12.0, 13.0), Vec::<i32>::new());
    }
}
