//! Runs a data file through every pure derivation a view makes, checking the
//! invariants the shell relies on. The fuzzer (`fuzz/`, `make fuzz`) and the
//! hostile-corpus tests (`tests/hostile.rs`) both call [`run`], so a file that
//! breaks one breaks the other too.
//!
//! What it covers, in the order a widget does it: reading and checking the
//! file (`model::parse`), the search index (its groups within their budget)
//! and the selection for a filter state (`query`), the map's reach and table
//! (`geo::reach`), the funding entries, sums, breakdowns (`funding`) and
//! chart layouts (`chart`),
//! the map's figure symbols (`geo::symbols`),
//! the safe links (`model::link`) and search highlighting of every text.

use crate::chart::layout;
use crate::funding;
use crate::geo::reach::{self, SortKey};
use crate::geo::symbols;
use crate::i18n::plain_number;
use crate::model::{link::SafeUrl, parse, FactSheet, Parsed, Severity};
use crate::query::{select, text::highlight, FilterState, Index, Selection};

/// What [`run`] saw, for tests to assert on.
#[derive(Debug)]
pub struct Outcome {
    pub parsed: Parsed,
    /// Items the selection shows (paragraphs, events, projects).
    pub shown: usize,
    /// Links that may become `<a href>`; the others are shown as text.
    pub safe_links: usize,
    pub unsafe_links: usize,
}

/// Splits an input into a filter state (its first line, when that starts
/// with `?`) and the data text.
pub fn split_input(input: &str) -> (FilterState, &str) {
    match input.strip_prefix('?').and_then(|rest| rest.split_once('\n')) {
        Some((query, text)) => (FilterState::from_query(query), text),
        None => (FilterState::default(), input),
    }
}

/// Reads `text` and derives everything the views show under `state`.
/// Panics only when an invariant breaks (that is the finding).
pub fn run(text: &str, state: &FilterState) -> Outcome {
    let parsed = read_checked(text);
    let sheet = &parsed.sheet;
    let index = Index::new(sheet);
    let (spent, budget) = index.groups().budget();
    assert!(spent <= budget, "groups expanded past their budget: {spent} of {budget}");
    let selection = select(sheet, &index, state);
    assert!(selection.projects.iter().all(|&i| i < sheet.projects.len()), "project index out of range");
    assert!(selection.events.iter().all(|&i| i < sheet.events.len()), "event index out of range");
    assert!(selection.contributions.iter().all(|&i| i < sheet.contributions.len()), "contribution out of range");
    map_views(sheet, &index, &selection, state);
    funding_views(sheet, &selection);
    let (safe_links, unsafe_links) = links(sheet);
    highlighting(sheet, &state.q);
    Outcome { shown: selection.total(), parsed, safe_links, unsafe_links }
}

/// The file read and checked: every problem named, a refused file empty.
fn read_checked(text: &str) -> Parsed {
    let parsed = parse(text);
    for p in &parsed.problems {
        assert!(!p.path.is_empty() && !p.message.is_empty(), "a problem without a path or message: {p:?}");
    }
    if parsed.fatal {
        assert!(parsed.problems.iter().any(|p| p.severity == Severity::Error), "fatal without an error");
        assert_eq!(parsed.sheet, Default::default(), "a fatal file must hold nothing");
    }
    parsed
}

/// The map: reach, the table in every order, circle sizes, shading, symbols.
fn map_views(sheet: &FactSheet, index: &Index, selection: &Selection, state: &FilterState) {
    let shown = &selection.ignoring_country;
    let places = reach::reach_with(sheet, index.groups(), &shown.projects, &shown.events, &shown.reach);
    let mut rows = reach::rows(sheet, &places, &state.countries);
    for key in [SortKey::Name, SortKey::Projects, SortKey::Beneficiaries] {
        reach::sort_rows(sheet, &mut rows, key, false);
    }
    let largest = symbols::largest_figure(sheet);
    for place in &places.places {
        for f in symbols::figures_of(sheet, place) {
            let r = reach::circle_radius(f.value, largest, symbols::MAX_R_PX, symbols::MIN_R_PX);
            assert!(r.is_finite(), "circle radius {r} for {}", f.value);
        }
        reach::shade_level(place.projects.len());
    }
}

/// Funding: entries, sums, breakdowns, money text, and both chart layouts.
fn funding_views(sheet: &FactSheet, selection: &Selection) {
    let visible = funding::Visible::of(selection);
    let entries = funding::entries(sheet, &visible);
    let items = funding::items(sheet, &visible);
    let _ = (funding::sums(&items), funding::stated(&entries), funding::by_time(&entries));
    let _ = funding::Breakdown::ALL.map(|by| by.groups(sheet, &items));
    let all = funding::items(sheet, &funding::Visible::all(sheet));
    let _ = (funding::stated_totals(sheet), funding::breakdown_by_start_year(&all));
    let text = |e: &funding::Entry<'_>| (e.title.to_string(), format!("{:?}", funding::scaled(e.money.amount_usd)));
    let bars: Vec<layout::BarInput> = entries
        .iter()
        .map(|e| {
            let (label, value_text) = text(e);
            layout::BarInput {
                label,
                value_text,
                value: e.money.amount_usd,
                lower_bound: e.money.qualifier.is_lower_bound(),
            }
        })
        .collect();
    let spans: Vec<layout::SpanInput> = entries
        .iter()
        .map(|e| {
            let (label, value_text) = text(e);
            layout::SpanInput { label, value_text, start: e.period.start, end: e.period.end }
        })
        .collect();
    let metrics = layout::Metrics::default();
    if let Some((first, last)) = funding::money_year_span(sheet) {
        for width in [320.0, 1200.0] {
            layout::bar_chart(&bars, width, 0.0, &metrics, &plain_number);
            layout::gantt(&spans, width, first, last, &metrics);
        }
    }
}

/// Every link of the sheet: safe to put in an `href` (and staying so), or
/// shown as text. Returns (safe, refused).
fn links(sheet: &FactSheet) -> (usize, usize) {
    let urls = sheet.contacts.iter().flat_map(|c| c.links.iter().map(|l| l.url.as_str()));
    let urls = urls.chain(sheet.meta.source.url.as_deref());
    let (mut safe, mut refused) = (0, 0);
    for url in urls {
        match SafeUrl::parse(url) {
            Ok(url) => {
                assert!(SafeUrl::parse(url.as_str()).is_ok(), "a safe URL must stay safe: {}", url.as_str());
                safe += 1;
            }
            Err(_) => refused += 1,
        }
    }
    (safe, refused)
}

/// Search highlighting over every paragraph: the pieces give back the text.
fn highlighting(sheet: &FactSheet, q: &str) {
    for section in &sheet.sections {
        for p in section.all_paragraphs() {
            let joined: String = highlight(&p.text, q).into_iter().map(|s| s.text).collect();
            assert_eq!(joined, &*p.text, "highlighting changed the text");
        }
    }
}
