//! The funding view: what the sheet's country contributes, drawn honestly.
//!
//! Four SVG charts (by project and programme, by contributor, by theme, over
//! time) over the pure code in `crate::chart`, the honest totals beside them
//! (stated totals as stated; sums that say what they add), and for each chart
//! a details box, a table view and a CSV download. The charts draw what the
//! shared selection shows (`query::select` filters projects and
//! contributions alike).
//!
//! Layout is computed from the width of the view (measured in an effect, kept
//! per widget) by `chart::layout`; nothing here measures text.
#![cfg(any(feature = "web", feature = "ssr"))]
// Rendering to HTML (feature `ssr`) nests view types deeply.
#![recursion_limit = "256"]

mod charts;
/// The workspace's shared test helpers (the China sheet, files by path).
#[cfg(test)]
#[path = "../../core/tests/common/mod.rs"]
mod test_common;

// `crate::model`, `crate::chart`, … read the same here as in the other crates.
use ilo_factsheet_core::{chart, funding, model, query};

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::csv;
use crate::chart::layout::{self, BarGeom, BarInput, LabelMode, Metrics, RowBox, RowsLayout, SpanInput, Tick};
use crate::funding::EntryKind;
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{words, Arg, Dir, FundingText as F};
use ilo_factsheet_shell::measure::track_width;

use charts::*;
// ---------------------------------------------------------------------------
// Components.

#[component]
pub fn Funding() -> impl IntoView {
    let ctx = Ctx::get();
    let steady = ctx.data.with_value(|d| steady(&d.sheet));
    let model = Memo::new(move |_| {
        ctx.data.with_value(|d| {
            ctx.selection.with(|sel| ctx.state.with(|s| build(&d.sheet, sel, s, &steady, MAX_TABLE_ROWS)))
        })
    });
    // Which charts exist: the figures are rebuilt only when this changes, so a
    // filter change updates them in place and keeps each one's chosen bar.
    let chart_ids = Memo::new(move |_| model.with(|m| m.charts.iter().map(|c| c.id).collect::<Vec<_>>()));
    let country = model.with_untracked(|m| m.country.clone());
    // The width charts lay out in, measured after mount and on resize.
    let width = RwSignal::new(320.0_f64);
    let root = NodeRef::<leptos::html::Div>::new();
    track_width(root, width);
    // On an upright phone the totals fold behind their heading (a button),
    // so the first chart starts on the first screen.
    let unfolded = RwSignal::new(None::<bool>);
    let folded = move || totals_folded(width.get(), unfolded.get());
    let totals_id = ctx.dom_id("funding-totals-list");
    view! {
        <section class="funding" aria-labelledby=ctx.dom_id("funding-title")>
            <h2 id=ctx.dom_id("funding-title")>{tf(F::Heading)}</h2>
            <p class="funding-intro">{tf(F::Intro)}</p>
            <div class="funding-totals" aria-live="polite">
                <h3>
                    {move || if totals_fold(width.get()) {
                        view! {
                            <button type="button" class="totals-toggle" aria-controls=totals_id.clone()
                                aria-expanded=move || (!folded()).to_string()
                                on:click=move |_| unfolded.set(Some(folded()))>{tf(F::TotalsHeading)}</button>
                        }.into_any()
                    } else {
                        tf(F::TotalsHeading).into_any()
                    }}
                </h3>
                <ul id=ctx.dom_id("funding-totals-list") hidden=folded>
                    {move || model.with(|m| m.totals.clone()).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </div>
            {move || model.with(|m| (!m.unpriced.is_empty()).then(|| m.unpriced.clone())).map(|lines| view! {
                <div class="funding-unpriced">
                    <h3>{tf(F::Unpriced)}</h3>
                    <p class="funding-intro">{tf(F::UnpricedIntro)}</p>
                    <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </div>
            })}
            <div class="funding-charts" node_ref=root>
                {move || {
                    if chart_ids.with(Vec::is_empty) {
                        return view! { <p class="funding-empty">{tf(F::Nothing)}</p> }.into_any();
                    }
                    chart_ids
                        .get()
                        .into_iter()
                        .map(|id| {
                            let chart = Memo::new(move |_| model.with(|m| m.charts.iter().find(|c| c.id == id).cloned()));
                            view! { <ChartFigure chart=chart width=width country=country.clone() /> }
                        })
                        .collect_view()
                        .into_any()
                }}
            </div>
        </section>
    }
}

/// One chart with its sentence, legend, SVG, details box, table and download.
#[component]
fn ChartFigure(chart: Memo<Option<Chart>>, width: RwSignal<f64>, country: String) -> impl IntoView {
    let ctx = Ctx::get();
    let selected = RwSignal::new(None::<String>);
    let Some(first) = chart.get_untracked() else {
        return ().into_any();
    };
    let id = first.id;
    let heading_id = ctx.dom_id(&format!("funding-{id}-heading"));
    let file_name = format!("{country}-funding-{id}.csv");
    let svg_ids = (ctx.dom_id(&format!("funding-{id}-title")), ctx.dom_id(&format!("funding-{id}-desc")));
    // A chart changed is drawn anew, not patched: patching an element
    // rewrites each of its attributes (removed, then set: tachys does so for
    // an element's erased attributes), which costs more than new elements
    // for a chart of hundreds of them. Each drawing has a key of its own.
    let drawings = StoredValue::new(0u64);
    let svg = move || {
        let drawing = chart.get().map(|c| (c, width.get().max(200.0)));
        drawings.update_value(|n| *n += 1);
        drawing.map(|d| (drawings.get_value(), d)).into_iter().collect::<Vec<_>>()
    };
    let svg = view! {
        <For each=svg key=|(n, _)| *n let:((_, (c, w)))>
            {draw(&c, w, selected, &svg_ids)}
        </For>
    };
    let details = move || {
        let key = selected.get()?;
        let bar = chart.with(|c| c.as_ref().and_then(|c| c.bars.iter().find(|b| b.key == key).cloned()))?;
        Some(view! { <DetailsBox bar=bar on_close=move || selected.set(None) /> })
    };
    // Every row, built when asked for (the page's model carries a table's worth).
    let download = move |_| {
        let full = ctx.data.with_value(|d| {
            ctx.selection.with_untracked(|sel| {
                ctx.state.with_untracked(|s| build(&d.sheet, sel, s, &steady(&d.sheet), usize::MAX))
            })
        });
        if let Some(c) = full.charts.into_iter().find(|c| c.id == id) {
            download_csv(&file_name, &csv::to_csv(&c.header, &c.rows));
        }
    };
    let legend = move || chart.with(|c| c.as_ref().map(legend_items).unwrap_or_default());
    view! {
        <figure class=format!("funding-chart chart-{id}") id=ctx.dom_id(&format!("funding-{id}")) aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{first.title.clone()}</h3>
            <p class="chart-note">{move || chart.with(|c| c.as_ref().map(|c| c.desc.clone()))}</p>
            <ul class="chart-legend">
                {move || legend().into_iter().map(|(class, text)| view! {
                    <li><span class=format!("swatch {class}") aria-hidden="true"></span>{text}</li>
                }).collect_view()}
            </ul>
            <div class="chart-svg">{svg}</div>
            <div class="chart-details" aria-live="polite">
                {move || details().map(|d| d.into_any()).unwrap_or_else(|| view! {
                    <p class="details-hint">{tf(F::DetailsHint)}</p>
                }.into_any())}
            </div>
            <div class="chart-actions">
                <details class="chart-table">
                    <summary>{tf(F::Table)}</summary>
                    <div class="table-scroll">
                        <table>
                            <caption>{first.title}</caption>
                            <thead><tr>
                                {move || chart.with(|c| c.as_ref().map(|c| c.header.clone()).unwrap_or_default())
                                    .into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                // A page of rows at most: thousands of rows would slow every filter change.
                                {move || chart.with(|c| c.as_ref().map(|c| c.rows.clone()).unwrap_or_default())
                                    .into_iter().map(|row| view! {
                                        <tr>{row.into_iter().map(|cell| view! { <td>{cell.as_str().to_string()}</td> }).collect_view()}</tr>
                                    }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {move || chart.with(|c| c.as_ref().map(|c| c.row_count).unwrap_or(0)).gt(&MAX_TABLE_ROWS).then(|| {
                        let n = chart.with(|c| c.as_ref().map(|c| c.row_count).unwrap_or(0));
                        view! { <p class="table-note">{fill(F::TableTruncated, &[("shown", Arg::from(MAX_TABLE_ROWS)), ("n", Arg::from(n))])}</p> }
                    })}
                </details>
                <button type="button" class="download-csv" on:click=download>{tf(F::DownloadCsv)}</button>
            </div>
        </figure>
    }
    .into_any()
}

fn legend_items(c: &Chart) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if c.bars.iter().any(|b| b.kind.is_some()) {
        for kind in EntryKind::ALL {
            if c.bars.iter().any(|b| b.kind == Some(kind)) {
                out.push((kind.key(), kind_text(kind)));
            }
        }
    }
    if c.shape == Shape::Bars && c.bars.iter().any(|b| b.lower_bound) {
        out.push(("open-end", tf(F::LegendOpen)));
    }
    out
}

/// The chart metrics: the defaults, with room for the axis labels at the foot.
fn metrics() -> Metrics {
    Metrics { bottom: 46.0, ..Metrics::default() }
}

fn px(v: f64) -> String {
    format!("{:.1}", v)
}

/// Horizontal positions in the reading direction: as laid out for left to
/// right, mirrored across the chart for right to left (Arabic), where labels
/// stand on the right and bars grow leftwards. Text keeps its anchors: the
/// SVG inherits the widget's `direction`, so `start` is then its right end.
#[derive(Clone, Copy)]
struct Mirror {
    rtl: bool,
    width: f64,
}

impl Mirror {
    fn x(self, x: f64) -> String {
        px(if self.rtl { self.width - x } else { x })
    }

    /// The left edge of a box laid out at `x` with width `w`.
    fn left(self, x: f64, w: f64) -> String {
        px(if self.rtl { self.width - x - w } else { x })
    }
}

/// The SVG of a chart at width `w`.
/// `ids`: the element ids of the SVG's title and description.
fn draw(c: &Chart, w: f64, selected: RwSignal<Option<String>>, ids: &(String, String)) -> impl IntoView {
    let m = metrics();
    let Geometry { layout, bars: geoms, ticks, axis_y, axis_title } = geometry(c, w, &m);
    let RowsLayout { width, height, plot_x, plot_width, value_after_bar, mode, .. } = layout;
    let mx = Mirror { rtl: words().lang().dir() == Dir::Rtl, width };
    let tick_y = axis_y + m.font_px + 4.0;
    // Grid lines only on the time chart (bar charts print each figure), and
    // only across the bars' bands, never through text.
    let bands: Vec<(f64, f64)> = if c.shape == Shape::Periods {
        geoms.iter().map(|g| (g.y - 3.0, g.y + g.height + 3.0)).collect()
    } else {
        Vec::new()
    };
    let rows = layout.rows.clone();
    view! {
        <svg class="chart" role="group" width=px(width) height=px(height)
            viewBox=format!("0 0 {} {}", px(width), px(height))
            aria-labelledby=format!("{} {}", ids.0, ids.1)
            data-mode=if mode == LabelMode::Side { "side" } else { "above" }>
            <title id=ids.0.clone()>{c.title.clone()}</title>
            <desc id=ids.1.clone()>{c.desc.clone()}</desc>
            <g class="grid" aria-hidden="true">
                {bands.iter().flat_map(|(y1, y2)| ticks.iter().map(move |t| view! {
                    <line x1=mx.x(t.x) x2=mx.x(t.x) y1=px(*y1) y2=px(*y2) />
                })).collect_view()}
            </g>
            <g class="axis" aria-hidden="true">
                <line x1=mx.x(plot_x) x2=mx.x(plot_x + plot_width) y1=px(axis_y) y2=px(axis_y) />
                {ticks.iter().map(|t| view! {
                    <line x1=mx.x(t.x) x2=mx.x(t.x) y1=px(axis_y) y2=px(axis_y + 4.0) />
                    <text x=mx.x(t.x) y=px(tick_y) text-anchor=t.anchor.svg()>{t.label.clone()}</text>
                }).collect_view()}
                {axis_title.map(|title| view! {
                    <text class="axis-title" x=mx.x(plot_x + plot_width) y=px(tick_y + m.line_height) text-anchor="end">{title}</text>
                })}
            </g>
            {c.bars.iter().zip(rows).zip(geoms).map(|((bar, row), g)| {
                // The figure after the bar when there is room; else it is the label block's last line.
                let figure_x = value_after_bar.then_some(g.value_x);
                bar_group(bar, &row, &g, mx, figure_x, selected)
            }).collect_view()}
        </svg>
    }
}

/// Where a chart's rows, bars and ticks go at width `w`, from `chart::layout`.
struct Geometry {
    layout: RowsLayout,
    bars: Vec<BarGeom>,
    ticks: Vec<Tick>,
    axis_y: f64,
    axis_title: Option<String>,
}

fn geometry(c: &Chart, w: f64, m: &Metrics) -> Geometry {
    match c.shape {
        Shape::Bars => {
            let inputs: Vec<BarInput> = c
                .bars
                .iter()
                .map(|b| BarInput {
                    label: b.label.clone(),
                    value_text: b.figure.clone(),
                    value: b.amount,
                    lower_bound: b.lower_bound,
                })
                .collect();
            let number = |n: f64, style| words().number(n, style);
            let chart = layout::bar_chart(&inputs, w, c.domain_max, m, &number);
            let title = tf(if chart.axis.millions { F::AxisMillions } else { F::AxisUsd });
            Geometry {
                layout: chart.layout,
                bars: chart.bars,
                ticks: chart.ticks,
                axis_y: chart.axis_y,
                axis_title: Some(title),
            }
        }
        Shape::Periods => {
            let inputs: Vec<SpanInput> = c
                .bars
                .iter()
                .map(|b| SpanInput {
                    label: b.label.clone(),
                    value_text: b.figure.clone(),
                    start: b.period.start,
                    end: b.period.end,
                })
                .collect();
            let g = layout::gantt(&inputs, w, c.years.0, c.years.1, m);
            Geometry { layout: g.layout, bars: g.bars, ticks: g.ticks, axis_y: g.axis_y, axis_title: None }
        }
    }
}

/// One bar and its row: label lines, the bar (with an open end for a lower
/// bound), the figure after it at `figure_x` when there is room; focus,
/// click, Enter or Space select it (its details show), Escape clears.
fn bar_group(
    bar: &Bar,
    row: &RowBox,
    g: &BarGeom,
    mx: Mirror,
    figure_x: Option<f64>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let m = metrics();
    // One pixel in: some glyphs (J) overhang their origin to the left.
    let label_x = 1.0;
    let key = bar.key.clone();
    let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
    let class = match bar.kind {
        Some(kind) => format!("bar kind-{}", kind.key()),
        None => "bar kind-group".to_string(),
    };
    let open = g.open_end.map(|(x1, x2)| {
        let (top, mid, bottom) = (g.y + 2.0, g.y + g.height / 2.0, g.y + g.height - 2.0);
        format!("M{} {}L{} {}L{} {}", mx.x(x1 + 1.0), px(top), mx.x(x2), px(mid), mx.x(x1 + 1.0), px(bottom))
    });
    view! {
        // Named by its words (the label lines and the figure), as a sighted
        // user reads them: no aria-label that could differ (WCAG 2.5.3).
        <g class=class tabindex="0" role="button" data-key=key.clone()
            class:selected=move || selected.with(|s| s.as_deref() == Some(k1.as_str()))
            on:focus=move |_| selected.set(Some(k2.clone()))
            on:click=move |_| selected.set(Some(k3.clone()))
            on:keydown=move |ev: ev::KeyboardEvent| {
                let k = ev.key();
                if k == "Enter" || k == " " || k == "Spacebar" {
                    ev.prevent_default();
                    selected.set(Some(key.clone()));
                } else if k == "Escape" {
                    selected.set(None);
                }
            }>
            <rect class="row-bg" x="0" y=px(row.top - m.row_gap / 2.0 + 1.0) width=px(mx.width)
                height=px(row.height + m.row_gap - 2.0) rx="4" />
            {row.lines.iter().map(|line| view! {
                <text class=if line.is_value { "label value" } else { "label" } x=mx.x(label_x) y=px(line.y)>
                    {line.text.clone()}
                </text>
            }).collect_view()}
            <rect class="bar-rect" x=mx.left(g.x, g.width) y=px(g.y) width=px(g.width) height=px(g.height) rx="2" />
            {open.map(|d| view! { <path class="open-end" d=d /> })}
            {figure_x.map(|x| view! {
                <text class="value" x=mx.x(x) y=px(row.value_y)>{bar.figure.clone()}</text>
            })}
        </g>
    }
}

#[component]
fn DetailsBox(bar: Bar, on_close: impl Fn() + 'static) -> impl IntoView {
    let ctx = Ctx::get();
    let d = bar.details;
    let filter_button = d.filter.clone().map(|(by, id)| {
        let (facet, text) = (by.facet(), tf(labels(by).filter));
        let on = Memo::new({
            let id = id.clone();
            move |_| ctx.state.with(|s| s.is_only(facet, &id))
        });
        view! {
            <button type="button" class="set-filter" disabled=move || on.get()
                on:click=move |_| ctx.state.update(|s| *s = s.with_only(facet, &id))>
                {move || if on.get() { tf(F::FilterActive) } else { text.clone() }}
            </button>
        }
    });
    let row = |label: F, value: String| {
        (!value.is_empty()).then(|| view! { <div class="row"><dt>{tf(label)}</dt><dd>{value}</dd></div> })
    };
    let single = d.items.len() == 1 && d.kind.is_some();
    let items = ctx.with_data(|data| quoted_items(&data.sheet, &d.items));
    view! {
        <div class="details-box">
            <p class="details-title">{d.title.clone()}</p>
            <dl>
                {row(F::Figure, d.figure.clone())}
                {row(F::PeriodLabel, d.period.clone())}
                {row(F::KindLabel, d.kind.clone().unwrap_or_default())}
                {row(F::Contributors, d.contributors.clone())}
                {row(F::ThemesLabel, d.themes.clone())}
            </dl>
            {d.stated.then(|| view! { <p class="details-note">{tf(F::StatedNote)}</p> })}
            {(d.lower_bound && !d.stated).then(|| view! { <p class="details-note">{tf(F::LegendOpen)}</p> })}
            {if single {
                items.into_iter().map(|q| view! {
                    <p class="details-source-label">{tf(F::SourceSentence)}</p>
                    <blockquote class="details-quote">{q.quote}</blockquote>
                }).collect_view().into_any()
            } else {
                view! {
                    <p class="details-source-label">{tf(F::Adds)}</p>
                    <ul class="details-items">
                        {items.into_iter().map(|q| view! {
                            <li>
                                <span class="item-title">{q.title}</span>
                                " — "{q.figure}", "{q.period}
                                <blockquote class="details-quote">{q.quote}</blockquote>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <div class="details-actions">
                {filter_button}
                <button type="button" class="close-details" on:click=move |_| on_close()>{tf(F::Close)}</button>
            </div>
        </div>
    }
}

/// Saves `text` as a UTF-8 CSV file named `name`: a Blob, an object URL and a
/// temporary `<a download>`, clicked and removed. Called from a click handler.
fn download_csv(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The byte order mark lets spreadsheet programs read the file as UTF-8.
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&format!("\u{feff}{text}")));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.set_attribute("hidden", "").ok();
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    // Revoke once the click has been handled.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_millis(1000),
    );
}
