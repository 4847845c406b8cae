//! Row layout for horizontal charts (bars, periods): where each label line,
//! bar and value text goes for a given width, so that nothing overlaps.
//!
//! Wide charts put labels in a column left of the bars and the figure after
//! each bar's end. Narrow ones (phones, 320 px) put each label above its bar,
//! across the full width, with the figure as the label's last line. Labels
//! wrap; they are never cut.

use super::scale::LinearScale;
use super::text::{text_width, widest, wrap};
use super::ticks::{money_axis, year_ticks, MoneyAxis, NumberFormat};

/// Sizes a layout works with, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    pub font_px: f64,
    pub line_height: f64,
    pub bar_height: f64,
    pub row_gap: f64,
    /// The narrowest plot area worth drawing beside a label column.
    pub min_plot: f64,
    /// A label column takes at most this share of the width…
    pub max_label_share: f64,
    /// …and at least this many pixels, or labels go above the bars.
    pub min_label_column: f64,
    /// Space between label column and plot, and between bar end and value text.
    pub gap: f64,
    /// Space above the first row.
    pub top: f64,
    /// Space below the last row (for an axis).
    pub bottom: f64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            font_px: 14.0,
            line_height: 18.0,
            bar_height: 16.0,
            row_gap: 12.0,
            min_plot: 150.0,
            max_label_share: 0.4,
            min_label_column: 120.0,
            gap: 8.0,
            top: 4.0,
            bottom: 34.0,
        }
    }
}

/// Where labels sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelMode {
    /// In a column left of the plot.
    Side,
    /// Above each bar, full width.
    Above,
}

/// One line of text in a row's label block.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Baseline, from the top of the chart.
    pub y: f64,
    /// True for the figure line (when figures sit in the label block).
    pub is_value: bool,
}

/// One row: its label lines and where its bar goes vertically.
#[derive(Debug, Clone, PartialEq)]
pub struct RowBox {
    pub top: f64,
    pub height: f64,
    pub lines: Vec<Line>,
    pub bar_y: f64,
    /// Baseline of the figure text when it sits after the bar.
    pub value_y: f64,
}

/// A row's input: its label and the figure printed with it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowText {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowsLayout {
    pub width: f64,
    pub mode: LabelMode,
    /// Width of the label column (Side) or of the full-width label (Above).
    pub label_width: f64,
    pub plot_x: f64,
    pub plot_width: f64,
    /// True when figures sit after each bar's end; false when they are the
    /// last line of the label block.
    pub value_after_bar: bool,
    pub rows: Vec<RowBox>,
    /// Bottom of the last row.
    pub rows_bottom: f64,
    /// Total height, axis space included.
    pub height: f64,
}

/// Lays out rows of labelled bars in `width` pixels. `value_after` is the
/// extra room a figure needs after the bar end (e.g. for a lower-bound
/// marker), or `None` when figures always go in the label block.
pub fn rows(texts: &[RowText], width: f64, m: &Metrics, value_after: Option<f64>) -> RowsLayout {
    let width = width.max(1.0);
    let natural = widest(texts.iter().map(|t| t.label.as_str()), m.font_px).ceil();
    let value_w = widest(texts.iter().map(|t| t.value.as_str()), m.font_px).ceil();
    let value_room = value_after.map(|extra| value_w + extra + m.gap);

    // Side labels when a decent label column and plot both fit.
    let column = natural.min((width * m.max_label_share).floor());
    let side_plot = width - column - m.gap;
    let (mode, label_width, plot_x, plot_width, value_after_bar) =
        if column >= m.min_label_column.min(natural) && side_plot >= m.min_plot {
            match value_room {
                Some(room) if side_plot - room >= m.min_plot => {
                    (LabelMode::Side, column, column + m.gap, side_plot - room, true)
                }
                _ => (LabelMode::Side, column, column + m.gap, side_plot, false),
            }
        } else {
            match value_room {
                Some(room) if width - room >= m.min_plot => (LabelMode::Above, width, 0.0, width - room, true),
                _ => (LabelMode::Above, width, 0.0, width, false),
            }
        };

    let baseline = |line_top: f64| line_top + m.line_height / 2.0 + m.font_px * 0.35;
    let mut y = m.top;
    let mut boxes = Vec::with_capacity(texts.len());
    for t in texts {
        let mut texts: Vec<(String, bool)> =
            wrap(&t.label, label_width, m.font_px).into_iter().map(|l| (l, false)).collect();
        if !value_after_bar && !t.value.is_empty() {
            texts.extend(wrap(&t.value, label_width, m.font_px).into_iter().map(|l| (l, true)));
        }
        let lines: Vec<Line> = texts
            .into_iter()
            .enumerate()
            .map(|(k, (text, is_value))| Line { text, y: baseline(y + k as f64 * m.line_height), is_value })
            .collect();
        let block = lines.len() as f64 * m.line_height;
        let (bar_y, height) = match mode {
            LabelMode::Side => {
                let bar_y = y + ((m.line_height - m.bar_height) / 2.0).max(0.0);
                (bar_y, block.max(bar_y - y + m.bar_height))
            }
            LabelMode::Above => {
                let bar_y = y + block + 2.0;
                (bar_y, block + 2.0 + m.bar_height)
            }
        };
        let value_y = bar_y + m.bar_height / 2.0 + m.font_px * 0.35;
        boxes.push(RowBox { top: y, height, lines, bar_y, value_y });
        y += height + m.row_gap;
    }
    let rows_bottom = if boxes.is_empty() { m.top } else { y - m.row_gap };
    RowsLayout {
        width,
        mode,
        label_width,
        plot_x,
        plot_width,
        value_after_bar,
        rows: boxes,
        rows_bottom,
        height: rows_bottom + m.bottom,
    }
}

/// A bar's input for [`bar_chart`].
#[derive(Debug, Clone, PartialEq)]
pub struct BarInput {
    pub label: String,
    /// The figure as printed: "over US$ 1 million".
    pub value_text: String,
    pub value: f64,
    /// The source gives only a lower bound: the bar gets an open end.
    pub lower_bound: bool,
}

/// Where a bar goes.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGeom {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// For a lower bound: the open-ended marker after the bar, `(x1, x2)`.
    pub open_end: Option<(f64, f64)>,
    /// Start of the figure text when it sits after the bar.
    pub value_x: f64,
}

/// How a tick label aligns to its tick (SVG `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// An axis tick: its position and label (empty when it would collide).
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    pub anchor: Anchor,
}

/// Places tick labels so none leaves `[0, width]` or touches another:
/// labels centred on their tick, the end ones aligned inward when they
/// would stick out, and any label that would run into the previous shown
/// one left empty (its tick stays).
pub fn place_ticks(ticks: Vec<(f64, String)>, width: f64, font_px: f64) -> Vec<Tick> {
    let gap = font_px * 0.5;
    let mut shown_end = f64::NEG_INFINITY;
    ticks
        .into_iter()
        .map(|(x, label)| {
            let w = text_width(&label, font_px);
            let (anchor, left) = if x - w / 2.0 < 0.0 {
                (Anchor::Start, x)
            } else if x + w / 2.0 > width {
                (Anchor::End, x - w)
            } else {
                (Anchor::Middle, x - w / 2.0)
            };
            if left < shown_end + gap || left + w > width + 1e-9 || left < -1e-9 {
                return Tick { x, label: String::new(), anchor };
            }
            shown_end = left + w;
            Tick { x, label, anchor }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub layout: RowsLayout,
    pub bars: Vec<BarGeom>,
    pub axis: MoneyAxis,
    pub ticks: Vec<Tick>,
    /// Where the axis line runs.
    pub axis_y: f64,
}

/// Horizontal money bars from zero, on an axis reaching at least `domain_max`
/// (pass the largest value of the unfiltered data to keep the scale steady
/// while filters change); `number` writes the tick labels.
pub fn bar_chart(bars: &[BarInput], width: f64, domain_max: f64, m: &Metrics, number: &NumberFormat<'_>) -> BarChart {
    let open = m.font_px * 0.9;
    let texts: Vec<RowText> =
        bars.iter().map(|b| RowText { label: b.label.clone(), value: b.value_text.clone() }).collect();
    let layout = rows(&texts, width, m, Some(open));
    let tick_font = m.font_px - 1.0;
    let max = bars.iter().map(|b| b.value).fold(domain_max, f64::max);
    // Figures in the label block: keep room for a lower bound's open end.
    let reach = layout.plot_width - if layout.value_after_bar { 0.0 } else { open + 2.0 };
    let axis = money_axis(max, reach, tick_font, number);
    let scale = LinearScale::new((0.0, axis.max), (layout.plot_x, layout.plot_x + reach));
    let geoms = bars
        .iter()
        .zip(&layout.rows)
        .map(|(b, r)| {
            let x = layout.plot_x;
            let end = scale.map_clamped(b.value.max(0.0));
            // A bar is at least 2 px long, so a small figure stays visible.
            let w = (end - x).max(2.0);
            let open_end = b.lower_bound.then_some((x + w, x + w + open));
            let value_x = x + w + if b.lower_bound { open } else { 0.0 } + m.gap / 2.0;
            BarGeom { x, y: r.bar_y, width: w, height: m.bar_height, open_end, value_x }
        })
        .collect();
    let ticks = place_ticks(
        axis.ticks.iter().zip(&axis.labels).map(|(t, l)| (scale.map(*t), l.clone())).collect(),
        layout.width,
        tick_font,
    );
    let axis_y = layout.rows_bottom + m.row_gap / 2.0;
    BarChart { layout, bars: geoms, axis, ticks, axis_y }
}

/// A period's input for [`gantt`].
#[derive(Debug, Clone, PartialEq)]
pub struct SpanInput {
    pub label: String,
    /// Figure and period as printed: "US$ 5 million · 2018–2027".
    pub value_text: String,
    pub start: i32,
    pub end: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gantt {
    pub layout: RowsLayout,
    pub bars: Vec<BarGeom>,
    /// Year ticks, at the start of each year.
    pub ticks: Vec<Tick>,
    pub axis_y: f64,
    /// The years of the axis, both included.
    pub first: i32,
    pub last: i32,
}

/// Periods as bars on a year axis from `first` to `last` (whole years, both
/// included: a bar for 2012–2012 is one year wide).
pub fn gantt(spans: &[SpanInput], width: f64, first: i32, last: i32, m: &Metrics) -> Gantt {
    let texts: Vec<RowText> =
        spans.iter().map(|s| RowText { label: s.label.clone(), value: s.value_text.clone() }).collect();
    let layout = rows(&texts, width, m, None);
    let (first, last) = (first.min(last), first.max(last));
    // Leave half a tick label's room at the right so the last label is not cut.
    let pad = text_width("0000", m.font_px - 1.0) / 2.0;
    let scale = LinearScale::new(
        (first as f64, (last + 1) as f64),
        (layout.plot_x, layout.plot_x + (layout.plot_width - pad).max(1.0)),
    );
    let year_px = scale.map((first + 1) as f64) - scale.map(first as f64);
    let bars = spans
        .iter()
        .zip(&layout.rows)
        .map(|(s, r)| {
            let (a, b) = (s.start.min(s.end), s.start.max(s.end));
            let x = scale.map_clamped(a as f64);
            let end = scale.map_clamped((b + 1) as f64);
            BarGeom { x, y: r.bar_y, width: (end - x).max(2.0), height: m.bar_height, open_end: None, value_x: end }
        })
        .collect();
    let ticks = place_ticks(
        year_ticks(first, last, year_px, m.font_px - 1.0)
            .into_iter()
            .map(|y| (scale.map(y as f64), y.to_string()))
            .collect(),
        layout.width,
        m.font_px - 1.0,
    );
    let axis_y = layout.rows_bottom + m.row_gap / 2.0;
    Gantt { layout, bars, ticks, axis_y, first, last }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::plain_number;

    /// Where a tick label starts and ends.
    fn tick_extent(t: &Tick, font_px: f64) -> (f64, f64) {
        let w = text_width(&t.label, font_px);
        match t.anchor {
            Anchor::Start => (t.x, t.x + w),
            Anchor::Middle => (t.x - w / 2.0, t.x + w / 2.0),
            Anchor::End => (t.x - w, t.x),
        }
    }

    fn labels() -> Vec<BarInput> {
        [
            ("Strengthening skills development in ASEAN through South-South and triangular cooperation", "US$ 5 million", 5e6, false),
            ("Promoting the Global Development Initiative with a focus on South-South cooperation in employment in ASEAN", "US$ 4 million", 4e6, false),
            ("SSTC supported by UNDESA China Fund", "over US$ 1 million", 1e6, true),
            ("Junior Professional Officer (JPO) and secondment programmes", "over US$ 4.45 million", 4.45e6, true),
            ("ACFTU", "US$ 1.2 million", 1.2e6, false),
        ]
        .into_iter()
        .map(|(l, v, x, lb)| BarInput { label: l.into(), value_text: v.into(), value: x, lower_bound: lb })
        .collect()
    }

    /// Tick labels stay inside the chart and clear of each other.
    fn assert_ticks_fit(ticks: &[Tick], width: f64, font: f64) {
        let shown: Vec<(f64, f64)> =
            ticks.iter().filter(|t| !t.label.is_empty()).map(|t| tick_extent(t, font)).collect();
        assert!(shown.len() >= 2, "{ticks:?}");
        for (a, b) in &shown {
            assert!(*a >= 0.0 && *b <= width + 1e-9, "{ticks:?}");
        }
        for pair in shown.windows(2) {
            assert!(pair[0].1 < pair[1].0, "{ticks:?}");
        }
    }

    #[test]
    fn tick_labels_move_inward_or_hide() {
        let t = place_ticks(
            vec![(0.0, "0".into()), (50.0, "10".into()), (55.0, "12".into()), (100.0, "20".into())],
            100.0,
            13.0,
        );
        assert_eq!(t[0].anchor, Anchor::Start);
        assert_eq!(t[1].anchor, Anchor::Middle);
        assert_eq!(t[2].label, "", "collides with 10");
        assert_eq!(t[3].anchor, Anchor::End);
        assert_ticks_fit(&t, 100.0, 13.0);
    }

    /// Nothing overlaps: rows are disjoint, texts stay in their column and
    /// inside the chart, bars stay in the plot and clear of their texts.
    fn assert_no_overlap(chart: &BarChart, m: &Metrics) {
        let l = &chart.layout;
        for pair in l.rows.windows(2) {
            assert!(pair[0].top + pair[0].height <= pair[1].top, "rows overlap: {pair:?}");
        }
        for (row, bar) in l.rows.iter().zip(&chart.bars) {
            for line in &row.lines {
                assert!(
                    text_width(&line.text, m.font_px) <= l.label_width + 1e-9,
                    "{line:?} wider than {}",
                    l.label_width
                );
                assert!(line.y > row.top && line.y <= row.top + row.height, "{line:?} outside {row:?}");
            }
            assert!(bar.y >= row.top && bar.y + bar.height <= row.top + row.height + 1e-9);
            assert!(bar.x >= l.plot_x && bar.x + bar.width <= l.plot_x + l.plot_width + 1e-9);
            if let Some((_, x2)) = bar.open_end {
                assert!(x2 <= l.plot_x + l.plot_width + 1e-9 || l.value_after_bar, "open end leaves the plot");
                assert!(x2 <= l.width);
            }
            match l.mode {
                LabelMode::Side => assert!(l.label_width < l.plot_x),
                LabelMode::Above => {
                    let last_line = row.lines.last().map_or(row.top, |x| x.y);
                    assert!(last_line < bar.y, "label runs into bar");
                }
            }
            if l.value_after_bar {
                assert!(bar.value_x > bar.x + bar.width);
            }
        }
        if l.value_after_bar {
            for (bar, input) in chart.bars.iter().zip(labels()) {
                assert!(bar.value_x + text_width(&input.value_text, m.font_px) <= l.width + 1e-9);
            }
        }
        assert!(chart.axis_y >= l.rows_bottom && chart.axis_y < l.height);
        assert_ticks_fit(&chart.ticks, l.width, m.font_px - 1.0);
    }

    #[test]
    fn wide_chart_puts_labels_beside_and_figures_after_bars() {
        let m = Metrics::default();
        let chart = bar_chart(&labels(), 900.0, 8e6, &m, &plain_number);
        assert_eq!(chart.layout.mode, LabelMode::Side);
        assert!(chart.layout.value_after_bar);
        assert!(chart.layout.label_width <= 360.0);
        assert_no_overlap(&chart, &m);
        // Bars are proportional to their values.
        let w: Vec<f64> = chart.bars.iter().map(|b| b.width).collect();
        assert!((w[0] / w[1] - 5.0 / 4.0).abs() < 1e-9);
        // Lower bounds get an open end; exact figures do not.
        assert!(chart.bars[2].open_end.is_some() && chart.bars[0].open_end.is_none());
    }

    #[test]
    fn phone_chart_puts_labels_above_with_figure_lines() {
        let m = Metrics::default();
        let chart = bar_chart(&labels(), 296.0, 8e6, &m, &plain_number);
        assert_eq!(chart.layout.mode, LabelMode::Above);
        assert!(!chart.layout.value_after_bar);
        assert_eq!(chart.layout.plot_width, 296.0);
        assert_no_overlap(&chart, &m);
        // Every row ends its label block with the figure line.
        for (row, b) in chart.layout.rows.iter().zip(labels()) {
            let last = row.lines.last().expect("a line");
            assert!(last.is_value && last.text == b.value_text);
        }
    }

    #[test]
    fn labels_are_never_cut() {
        let m = Metrics::default();
        for width in [200.0, 296.0, 480.0, 700.0, 1100.0] {
            let chart = bar_chart(&labels(), width, 8e6, &m, &plain_number);
            assert_no_overlap(&chart, &m);
            for (row, b) in chart.layout.rows.iter().zip(labels()) {
                let label: Vec<&str> = row.lines.iter().filter(|l| !l.is_value).map(|l| l.text.as_str()).collect();
                assert_eq!(label.join(" "), b.label, "at {width}px");
            }
        }
    }

    #[test]
    fn axis_covers_the_steady_domain() {
        let m = Metrics::default();
        let one = &labels()[4..];
        let chart = bar_chart(one, 700.0, 8e6, &m, &plain_number);
        assert!(chart.axis.max >= 8e6);
        assert!(chart.bars[0].width < chart.layout.plot_width / 4.0);
        let first = chart.ticks.first().expect("ticks");
        assert_eq!((first.x, first.label.as_str()), (chart.layout.plot_x, "0"));
        assert_ticks_fit(&chart.ticks, chart.layout.width, m.font_px - 1.0);
    }

    #[test]
    fn empty_and_zero_inputs_do_not_panic() {
        let m = Metrics::default();
        let chart = bar_chart(&[], 300.0, 0.0, &m, &plain_number);
        assert!(chart.bars.is_empty());
        assert!(chart.layout.height > 0.0);
        let zero = [BarInput { label: "x".into(), value_text: "0".into(), value: 0.0, lower_bound: false }];
        let chart = bar_chart(&zero, 300.0, 0.0, &m, &plain_number);
        assert_eq!(chart.bars[0].width, 2.0);
    }

    fn spans() -> Vec<SpanInput> {
        vec![
            SpanInput {
                label: "First SSTC agreement".into(),
                value_text: "US$ 1 million · 2012".into(),
                start: 2012,
                end: 2012,
            },
            SpanInput {
                label: "Skills".into(),
                value_text: "US$ 5 million · 2018–2027".into(),
                start: 2018,
                end: 2027,
            },
            SpanInput {
                label: "Voluntary contributions".into(),
                value_text: "US$ 8 million · 2021–2025".into(),
                start: 2021,
                end: 2025,
            },
        ]
    }

    #[test]
    fn gantt_places_periods_on_years() {
        let m = Metrics::default();
        for width in [296.0, 900.0] {
            let g = gantt(&spans(), width, 2012, 2027, &m);
            let year = (g.bars[1].width) / 10.0;
            // 2012 alone is one year wide; 2018–2027 is ten.
            assert!((g.bars[0].width - year).abs() < 1e-6);
            assert!((g.bars[1].x - g.bars[0].x - 6.0 * year).abs() < 1e-6);
            assert!(g.bars[1].x + g.bars[1].width <= g.layout.plot_x + g.layout.plot_width);
            assert!(!g.layout.value_after_bar, "figures sit with the labels");
            assert_eq!(g.ticks.first().map(|t| t.label.as_str()), Some(if width > 500.0 { "2012" } else { "2015" }));
            assert_ticks_fit(&g.ticks, width, m.font_px - 1.0);
        }
    }
}
