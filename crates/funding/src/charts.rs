//! The funding view's model: owned, comparable data (charts, bars, totals
//! lines, details) derived from the sheet and the filters in one memo. No
//! browser calls; the components in the parent module draw it.
//!
//! Two builders make the four charts, each driven by a value, never a flag:
//! [`listing_chart`] draws the entries one by one ([`Listing::Items`], by
//! size; [`Listing::Time`], across the years), and [`group_chart`] a core
//! [`Breakdown`] (by contributor or by theme), with its words from
//! [`labels`] and the filter its bars offer from its facet.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::chart::csv::Cell;
use crate::funding::{self, Breakdown, Entry, EntryKind, Group, Groups, ItemRef, Total, Visible};
use crate::model::{ContributionKind, FactSheet, Money, Period};
use crate::query::{FilterState, Selection};
use ilo_factsheet_shell::i18n::{words, Arg, FundingText as F};
use ilo_factsheet_shell::words::local;

/// A funding string in the language of the widget it is called in.
pub(super) fn tf(key: F) -> String {
    words().say(key.key(), &[])
}

/// `tf(key)` with each `{name}` replaced by its value.
pub(super) fn fill(key: F, params: &[(&str, Arg<'_>)]) -> String {
    words().say(key.key(), params)
}

/// Views narrower than this (screen pixels: a phone held upright) fold the
/// totals box behind its heading, so the first chart starts on the first
/// screen; the visitor unfolds it with a tap.
pub(super) const FOLD_TOTALS_BELOW_PX: f64 = 480.0;

/// Whether the totals box is folded in a view `width` pixels wide, after the
/// visitor's choice (`Some(true)`: unfolded), if any.
pub(super) fn totals_folded(width: f64, unfolded: Option<bool>) -> bool {
    width < FOLD_TOTALS_BELOW_PX && !unfolded.unwrap_or(false)
}

/// Whether the totals box can fold at all (its heading is then a button).
pub(super) fn totals_fold(width: f64) -> bool {
    width < FOLD_TOTALS_BELOW_PX
}

/// An amount in the widget's language: "over US$ 4.45 million".
fn format_usd(money: Money) -> String {
    words().usd(money)
}

pub(super) fn kind_text(kind: EntryKind) -> String {
    tf(match kind {
        EntryKind::ProjectBudget => F::KindProject,
        EntryKind::Contribution(kind) => match kind {
            ContributionKind::Agreement => F::KindAgreement,
            ContributionKind::Staffing => F::KindStaffing,
            ContributionKind::StatedTotal => F::KindStated,
            ContributionKind::Assessed => F::KindAssessed,
            ContributionKind::VoluntaryCore => F::KindVoluntaryCore,
            ContributionKind::VoluntaryNonCore => F::KindVoluntaryNonCore,
            ContributionKind::InKind => F::KindInKind,
        },
    })
}

/// A breakdown chart's words and element id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Labels {
    /// `funders`, `themes`: element ids and file names.
    pub(super) id: &'static str,
    pub(super) title: F,
    pub(super) desc: F,
    /// Said when an item counts in more than one group.
    pub(super) overlap: F,
    /// Said when the filter names some of its groups and only those are drawn.
    pub(super) only_filtered: F,
    /// The table's first column.
    pub(super) column: F,
    /// The bar of the items naming no group (`{country}` filled in).
    pub(super) none: F,
    /// A group bar's button: show only this group.
    pub(super) filter: F,
}

/// The words of a [`Breakdown`]'s chart.
pub(super) fn labels(by: Breakdown) -> Labels {
    match by {
        Breakdown::Funder => Labels {
            id: "funders",
            title: F::FundersTitle,
            desc: F::FundersDesc,
            overlap: F::FundersOverlap,
            only_filtered: F::OnlyFilteredPartners,
            column: F::ColContributor,
            none: F::NoFunder,
            filter: F::FilterPartner,
        },
        Breakdown::Theme => Labels {
            id: "themes",
            title: F::ThemesTitle,
            desc: F::ThemesDesc,
            overlap: F::ThemesOverlap,
            only_filtered: F::OnlyFilteredThemes,
            column: F::ColTheme,
            none: F::NoTheme,
            filter: F::FilterTheme,
        },
    }
}

/// One item listed in a details box.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quoted {
    pub(super) title: String,
    pub(super) figure: String,
    pub(super) period: String,
    pub(super) quote: String,
}

/// What the details box shows for a bar.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Details {
    pub(super) title: String,
    pub(super) figure: String,
    pub(super) period: String,
    pub(super) kind: Option<String>,
    pub(super) contributors: String,
    pub(super) themes: String,
    pub(super) stated: bool,
    pub(super) lower_bound: bool,
    /// For group bars: the items added. For item bars: the item itself.
    /// Where they sit: worded ([`quoted_items`]) only when the box opens,
    /// as a group of thousands would cost every filter change thousands of
    /// figures written out.
    pub(super) items: Vec<ItemRef>,
    /// The breakdown and group id a group bar stands for ("show only this
    /// theme"; the filter is the breakdown's facet).
    pub(super) filter: Option<(Breakdown, String)>,
}

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Bar {
    /// Unique within its chart; also the `data-key` attribute.
    pub(super) key: String,
    pub(super) label: String,
    pub(super) figure: String,
    pub(super) amount: f64,
    pub(super) lower_bound: bool,
    /// Colour class for item bars; `None` for group bars.
    pub(super) kind: Option<EntryKind>,
    pub(super) period: Period,
    pub(super) details: Details,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Bars,
    Periods,
}

/// One chart: its words, bars and table.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Chart {
    /// `items`, `funders`, `themes`, `time`: element ids and file names.
    pub(super) id: &'static str,
    pub(super) shape: Shape,
    pub(super) title: String,
    /// The sentence next to the chart, also the SVG's `<desc>`.
    pub(super) desc: String,
    pub(super) bars: Vec<Bar>,
    /// The largest value of the unfiltered data, so the scale stays steady.
    pub(super) domain_max: f64,
    /// The time axis, for [`Shape::Periods`].
    pub(super) years: (i32, i32),
    pub(super) header: Vec<String>,
    /// The table's rows: all of them for the CSV file, the first
    /// [`MAX_TABLE_ROWS`] for the page (see [`build`]'s `rows`).
    pub(super) rows: Vec<Vec<Cell>>,
    /// How many rows the chart has in all.
    pub(super) row_count: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Model {
    pub(super) totals: Vec<String>,
    pub(super) charts: Vec<Chart>,
    pub(super) country: String,
    /// The support the source names without an amount, one line each.
    pub(super) unpriced: Vec<String>,
}

/// What a group is called in the widget's language: a theme by its name in
/// the reader's language where the sheet gives it; else as the core names it.
fn group_name(sheet: &FactSheet, by: Breakdown, id: &str) -> String {
    match by {
        Breakdown::Theme => sheet.themes.iter().find(|t| t.id == id).map(|t| local(&t.name)),
        Breakdown::Funder => None,
    }
    .unwrap_or_else(|| by.name(sheet, id).to_string())
}

/// The groups of `by` an entry counts in, by name: "MOHRSS, UNDESA".
pub(super) fn names(sheet: &FactSheet, e: &Entry<'_>, by: Breakdown) -> String {
    by.ids(e).iter().map(|id| group_name(sheet, by, id)).collect::<Vec<_>>().join(", ")
}

pub(super) fn yes_no(b: bool) -> String {
    tf(if b { F::LowerBoundYes } else { F::LowerBoundNo }).to_string()
}

/// The entries at `refs` in the sheet, worded for a details box, in order.
pub(super) fn quoted_items(sheet: &FactSheet, refs: &[ItemRef]) -> Vec<Quoted> {
    let all = funding::entries(sheet, &Visible::all(sheet));
    let by_ref: BTreeMap<ItemRef, &Entry<'_>> = all.iter().map(|e| (e.at, e)).collect();
    refs.iter().filter_map(|at| by_ref.get(at)).map(|e| quoted(e)).collect()
}

pub(super) fn quoted(e: &Entry<'_>) -> Quoted {
    Quoted {
        title: local(e.title),
        figure: format_usd(e.money),
        period: funding::period_text(e.period),
        quote: e.source.quote.clone(),
    }
}

pub(super) fn entry_details(sheet: &FactSheet, e: &Entry<'_>) -> Details {
    Details {
        title: local(e.title),
        figure: format_usd(e.money),
        period: funding::period_text(e.period),
        kind: Some(kind_text(e.kind)),
        contributors: names(sheet, e, Breakdown::Funder),
        themes: names(sheet, e, Breakdown::Theme),
        stated: e.is_stated_total(),
        lower_bound: e.money.qualifier.is_lower_bound(),
        items: vec![e.at],
        filter: None,
    }
}

pub(super) fn entry_label(e: &Entry<'_>) -> String {
    if e.is_stated_total() {
        format!("{} {}", local(e.title), tf(F::StatedSuffix))
    } else {
        local(e.title)
    }
}

pub(super) fn entry_key(at: ItemRef) -> String {
    match at {
        ItemRef::Project(i) => format!("p{i}"),
        ItemRef::Contribution(i) => format!("c{i}"),
    }
}

pub(super) fn entry_bar(sheet: &FactSheet, e: &Entry<'_>, figure: String) -> Bar {
    Bar {
        key: entry_key(e.at),
        label: entry_label(e),
        figure,
        amount: e.money.amount_usd,
        lower_bound: e.money.qualifier.is_lower_bound(),
        kind: Some(e.kind),
        period: e.period,
        details: entry_details(sheet, e),
    }
}

/// The most bars a chart draws: a sheet with thousands of amounts draws its
/// largest, and says so; its table and CSV keep every one.
pub(super) const MAX_BARS: usize = 40;

/// The most rows a chart's table shows on the page (the CSV has them all).
pub(super) const MAX_TABLE_ROWS: usize = 100;

/// Which entries a chart draws: all when they fit, else the [`MAX_BARS`]
/// largest, kept in their order; and how many are left out.
pub(super) fn drawn<'a, 'b>(entries: &'b [Entry<'a>]) -> (Vec<&'b Entry<'a>>, usize) {
    if entries.len() <= MAX_BARS {
        return (entries.iter().collect(), 0);
    }
    let mut by_size: Vec<usize> = (0..entries.len()).collect();
    by_size.sort_by(|&a, &b| entries[b].money.amount_usd.total_cmp(&entries[a].money.amount_usd).then(a.cmp(&b)));
    let mut kept: Vec<usize> = by_size.into_iter().take(MAX_BARS).collect();
    kept.sort_unstable();
    (kept.into_iter().filter_map(|i| entries.get(i)).collect(), entries.len() - MAX_BARS)
}

/// The chart's sentence, with a note when only the largest bars are drawn.
fn with_hidden(desc: String, hidden: usize, total: usize) -> String {
    if hidden == 0 {
        return desc;
    }
    format!("{desc} {}", fill(F::LargestOnly, &[("shown", Arg::from(total - hidden)), ("n", Arg::from(total))]))
}

/// A chart of the entries one by one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Listing {
    /// Each amount a bar, in chart order, on a scale up to `max` (the
    /// unfiltered sheet's largest, so it stays steady).
    Items { max: f64 },
    /// Each amount a span across `years` (the money's), by start year.
    Time { years: (i32, i32) },
}

/// A column of a [`Listing`]'s table.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Item,
    Kind,
    Contributors,
    Themes,
    Start,
    End,
    Amount,
    LowerBound,
    AsStated,
    Source,
}

impl Column {
    fn heading(self) -> F {
        match self {
            Column::Item => F::ColItem,
            Column::Kind => F::ColKind,
            Column::Contributors => F::ColContributors,
            Column::Themes => F::ColThemes,
            Column::Start => F::ColStart,
            Column::End => F::ColEnd,
            Column::Amount => F::ColAmount,
            Column::LowerBound => F::ColLowerBound,
            Column::AsStated => F::ColAsStated,
            Column::Source => F::ColSource,
        }
    }

    fn cell(self, sheet: &FactSheet, e: &Entry<'_>) -> Cell {
        match self {
            Column::Item => Cell::text(local(e.title)),
            Column::Kind => Cell::text(kind_text(e.kind)),
            Column::Contributors => Cell::text(names(sheet, e, Breakdown::Funder)),
            Column::Themes => Cell::text(names(sheet, e, Breakdown::Theme)),
            Column::Start => Cell::number(e.period.start),
            Column::End => Cell::number(e.period.end),
            Column::Amount => Cell::number(funding::amount_cell(e.money.amount_usd)),
            Column::LowerBound => Cell::text(yes_no(e.money.qualifier.is_lower_bound())),
            Column::AsStated => Cell::text(format_usd(e.money)),
            Column::Source => Cell::text(e.source.quote.clone()),
        }
    }
}

impl Listing {
    fn columns(self) -> &'static [Column] {
        use Column::*;
        match self {
            Listing::Items { .. } => {
                &[Item, Kind, Contributors, Themes, Start, End, Amount, LowerBound, AsStated, Source]
            }
            Listing::Time { .. } => &[Item, Kind, Start, End, Amount, LowerBound, AsStated],
        }
    }

    /// The chart's sentence for `n` entries, before its notes.
    fn desc(self, n: usize) -> String {
        match self {
            Listing::Items { .. } => fill(F::ItemsDesc, &[("n", Arg::from(n))]),
            Listing::Time { .. } => tf(F::TimeDesc),
        }
    }

    /// The figure printed with an entry's bar.
    fn figure(self, e: &Entry<'_>) -> String {
        match self {
            Listing::Items { .. } => format_usd(e.money),
            Listing::Time { .. } => format!("{} · {}", format_usd(e.money), funding::period_text(e.period)),
        }
    }
}

/// The chart of the entries one by one (`items` or `time`), with a table of
/// its first `limit` rows.
pub(super) fn listing_chart(sheet: &FactSheet, entries: &[Entry<'_>], listing: Listing, limit: usize) -> Chart {
    let ordered: Cow<'_, [Entry<'_>]> = match listing {
        Listing::Items { .. } => Cow::Borrowed(entries),
        Listing::Time { .. } => Cow::Owned(funding::by_time(entries)),
    };
    let mut desc = listing.desc(ordered.len());
    if ordered.iter().any(Entry::is_stated_total) {
        desc = format!("{desc} {}", tf(F::ItemsOverlap));
    }
    let columns = listing.columns();
    let (drawn, hidden) = drawn(&ordered);
    let (id, shape, title, domain_max, years) = match listing {
        Listing::Items { max } => ("items", Shape::Bars, F::ItemsTitle, max, (0, 0)),
        Listing::Time { years } => ("time", Shape::Periods, F::TimeTitle, 0.0, years),
    };
    Chart {
        id,
        shape,
        title: tf(title),
        desc: with_hidden(desc, hidden, ordered.len()),
        bars: drawn.into_iter().map(|e| entry_bar(sheet, e, listing.figure(e))).collect(),
        domain_max,
        years,
        header: columns.iter().map(|c| tf(c.heading())).collect(),
        rows: ordered.iter().take(limit).map(|e| columns.iter().map(|c| c.cell(sheet, e)).collect()).collect(),
        row_count: ordered.len(),
    }
}

pub(super) fn total_period(total: &Total) -> String {
    total.period.map(funding::period_text).unwrap_or_default()
}

/// The entries a group adds up, found through `by_ref` (the entries by
/// where they sit: one step each, for groups of thousands).
fn group_items<'e, 'a>(by_ref: &BTreeMap<ItemRef, &'e Entry<'a>>, g: &Group) -> Vec<&'e Entry<'a>> {
    g.items().iter().filter_map(|at| by_ref.get(at).copied()).collect()
}

/// A group's bar: its name (or "no theme named"), total, and the details box
/// listing what it adds, with the filter it stands for.
fn group_bar(g: &Group, members: &[&Entry<'_>], none_label: &str, by: Breakdown) -> Bar {
    let name = g.name.clone().unwrap_or_else(|| none_label.to_string());
    let money = funding::total_money(&g.total);
    Bar {
        key: g.id.as_ref().map_or_else(|| "none".to_string(), |id| format!("g-{id}")),
        label: name.clone(),
        figure: format_usd(money),
        amount: g.total.amount_usd,
        lower_bound: g.total.lower_bound,
        kind: None,
        period: g.total.period.unwrap_or_default(),
        details: Details {
            title: name,
            figure: format_usd(money),
            period: total_period(&g.total),
            kind: None,
            contributors: String::new(),
            themes: String::new(),
            stated: false,
            lower_bound: g.total.lower_bound,
            items: members.iter().map(|e| e.at).collect(),
            filter: g.id.clone().map(|id| (by, id)),
        },
    }
}

/// The chart of a breakdown of the visible `items` (`entries`: every visible
/// one, stated totals too), on a scale up to `max`. When the filter names
/// some of its groups (themes for the theme chart, partners for the
/// contributor chart), only those groups are drawn: the others would show
/// only the part of their total that the filter lets through.
pub(super) fn group_chart(
    sheet: &FactSheet,
    entries: &[Entry<'_>],
    items: &[Entry<'_>],
    by: Breakdown,
    max: f64,
    state: &FilterState,
) -> Chart {
    let groups = named(sheet, by, by.groups(sheet, items));
    let filtered = state.list(by.facet());
    let kept: Vec<Group> =
        groups.groups.iter().filter(|g| g.id.as_ref().is_some_and(|id| filtered.contains(id))).cloned().collect();
    let only_filtered = !kept.is_empty();
    let groups = Groups { groups: if only_filtered { kept } else { groups.groups }, overlapping: groups.overlapping };
    let words = labels(by);
    let none_label = fill(words.none, &[("country", Arg::from(sheet.meta.country_name.as_str()))]);
    let mut sentence = tf(words.desc);
    if groups.overlapping {
        sentence = format!("{sentence} {}", tf(words.overlap));
    }
    if entries.iter().any(Entry::is_stated_total) {
        sentence = format!("{sentence} {}", tf(F::StatedTotalsApart));
    }
    if only_filtered {
        sentence = format!("{sentence} {}", tf(words.only_filtered));
    }
    let mut by_ref = BTreeMap::new();
    for e in entries {
        by_ref.entry(e.at).or_insert(e);
    }
    // Groups come largest first: a sheet with hundreds of contributors draws the largest.
    let bars =
        groups.groups.iter().take(MAX_BARS).map(|g| group_bar(g, &group_items(&by_ref, g), &none_label, by)).collect();
    let sentence = with_hidden(sentence, groups.groups.len().saturating_sub(MAX_BARS), groups.groups.len());
    let header = [words.column, F::ColAmount, F::ColLowerBound, F::ColAsStated, F::ColStart, F::ColEnd, F::ColItems]
        .map(|k| tf(k).to_string())
        .to_vec();
    let rows = groups
        .groups
        .iter()
        .map(|g| {
            let period = g.total.period.unwrap_or_default();
            vec![
                Cell::text(g.name.clone().unwrap_or_else(|| none_label.clone())),
                Cell::number(funding::amount_cell(g.total.amount_usd)),
                Cell::text(yes_no(g.total.lower_bound)),
                Cell::text(format_usd(funding::total_money(&g.total))),
                Cell::number(period.start),
                Cell::number(period.end),
                Cell::text(group_items(&by_ref, g).iter().map(|e| local(e.title)).collect::<Vec<_>>().join("; ")),
            ]
        })
        .collect();
    Chart {
        id: words.id,
        shape: Shape::Bars,
        title: tf(words.title),
        desc: sentence,
        bars,
        domain_max: max,
        years: (0, 0),
        header,
        rows,
        row_count: groups.groups.len(),
    }
}

pub(super) fn totals_lines(entries: &[Entry<'_>], items: &[crate::funding::Entry<'_>]) -> Vec<String> {
    let mut lines: Vec<String> = funding::stated(entries)
        .iter()
        .map(|(e, t)| {
            fill(
                F::StatedLine,
                &[
                    ("figure", format_usd(e.money).into()),
                    ("title", local(e.title).into()),
                    ("period", total_period(t).into()),
                ],
            )
        })
        .collect();
    let sums = funding::sums(items);
    let mut lower = false;
    for (sum, many, one) in
        [(&sums.projects, F::SumProjects, F::SumProjectsOne), (&sums.others, F::SumOthers, F::SumOthersOne)]
    {
        if let Some(s) = sum {
            lower |= s.total.lower_bound;
            let figure = format_usd(funding::total_money(&s.total));
            let key = if s.count == 1 { one } else { many };
            lines.push(fill(
                key,
                &[("n", Arg::from(s.count)), ("figure", figure.into()), ("period", total_period(&s.total).into())],
            ));
        }
    }
    if lower {
        lines.push(tf(F::LowerBoundNote).to_string());
    }
    // Only when the amounts added do cover different years (the Korea sheet's
    // two kinds both cover 2018-2022).
    let varied =
        items.iter().map(|e| (e.period.start, e.period.end)).collect::<std::collections::BTreeSet<_>>().len() > 1;
    match (&sums.projects, &sums.others) {
        _ if !varied => {}
        (Some(_), Some(_)) => lines.push(tf(F::PeriodsNote).to_string()),
        (Some(one), None) | (None, Some(one)) if one.count > 1 => lines.push(tf(F::PeriodsNoteOne).to_string()),
        (Some(_), None) | (None, Some(_)) => {}
        (None, None) => {}
    }
    lines
}

/// What stays the same for every filter of one sheet: the largest amounts
/// (steady scales) and the years money covers. Computed once per sheet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Steady {
    max_entry: f64,
    max_funder: f64,
    max_theme: f64,
    years: (i32, i32),
}

impl Steady {
    /// The largest group total of a breakdown.
    fn max_group(&self, by: Breakdown) -> f64 {
        match by {
            Breakdown::Funder => self.max_funder,
            Breakdown::Theme => self.max_theme,
        }
    }
}

pub(super) fn steady(sheet: &FactSheet) -> Steady {
    let (max_entry, max_funder, max_theme) = funding::steady_max(sheet);
    Steady { max_entry, max_funder, max_theme, years: funding::money_year_span(sheet).unwrap_or((0, 0)) }
}

/// The funding view's model for a selection. `rows`: how many table rows
/// each chart carries (the page shows [`MAX_TABLE_ROWS`]; the CSV file asks
/// for all, `usize::MAX`), so a filter change over thousands of amounts
/// does not write them all out.
pub(super) fn build(
    sheet: &FactSheet,
    selection: &Selection,
    state: &FilterState,
    steady: &Steady,
    rows: usize,
) -> Model {
    let visible = Visible::of(selection);
    let entries = funding::entries(sheet, &visible);
    let items = funding::items(sheet, &visible);
    let charts = if entries.is_empty() {
        Vec::new()
    } else {
        let mut charts = vec![listing_chart(sheet, &entries, Listing::Items { max: steady.max_entry }, rows)];
        charts.extend(Breakdown::ALL.map(|by| group_chart(sheet, &entries, &items, by, steady.max_group(by), state)));
        charts.push(listing_chart(sheet, &entries, Listing::Time { years: steady.years }, rows));
        charts
    };
    let unpriced = funding::unpriced(sheet, &visible)
        .into_iter()
        .filter_map(|i| sheet.contributions.get(i))
        .map(|c| {
            let kind = kind_text(EntryKind::Contribution(c.kind));
            match c.period {
                Some(period) => format!("{} ({kind}, {})", c.title, funding::period_text(period)),
                None => format!("{} ({kind})", c.title),
            }
        })
        .collect();
    Model { totals: totals_lines(&entries, &items), charts, country: sheet.meta.country.to_lowercase(), unpriced }
}

/// The groups named in the widget's language ([`group_name`]; the core
/// names them by the main text).
fn named(sheet: &FactSheet, by: Breakdown, mut groups: Groups) -> Groups {
    for g in &mut groups.groups {
        if let Some(id) = &g.id {
            g.name = Some(group_name(sheet, by, id));
        }
    }
    groups
}

/// The view model natively, on the bundled sheet: what each chart holds under
/// a filter, its table, the details and filter of a group bar, the totals.
/// (`cargo test --features ssr --lib`, run by `make unit`.)
#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{select, Facet, Index};

    fn model(query: &str) -> (FactSheet, Model) {
        let sheet = crate::test_common::china();
        let state = FilterState::from_query(query);
        let selection = select(&sheet, &Index::new(&sheet), &state);
        let model = build(&sheet, &selection, &state, &steady(&sheet), usize::MAX);
        (sheet, model)
    }

    #[test]
    fn a_sheet_with_many_amounts_draws_the_largest_and_keeps_every_row() {
        let mut sheet = crate::test_common::china();
        let funded = sheet.projects.iter().find(|p| p.funding.is_some()).cloned().expect("a funded project");
        for i in 0..150 {
            let mut p = funded.clone();
            p.id = format!("copy-{i}");
            p.funding = p.funding.map(|m| crate::model::Money { amount_usd: 1000.0 + i as f64, ..m });
            sheet.projects.push(p);
        }
        let state = FilterState::default();
        let selection = select(&sheet, &Index::new(&sheet), &state);
        let m = build(&sheet, &selection, &state, &steady(&sheet), usize::MAX);
        let items = m.charts.iter().find(|c| c.id == "items").expect("items chart");
        let entries = funding::entries(&sheet, &Visible::all(&sheet)).len();
        assert!(entries > MAX_BARS);
        assert_eq!(items.bars.len(), MAX_BARS);
        assert_eq!(items.rows.len(), entries, "the table and the CSV keep every amount");
        assert!(items.desc.contains(&format!("The {MAX_BARS} largest of {entries}")), "{}", items.desc);
        // The largest are the ones drawn.
        let mut all: Vec<f64> =
            funding::entries(&sheet, &Visible::all(&sheet)).iter().map(|e| e.money.amount_usd).collect();
        all.sort_by(|a, b| b.total_cmp(a));
        let mut drawn: Vec<f64> = items.bars.iter().map(|b| b.amount).collect();
        drawn.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(drawn, all[..MAX_BARS].to_vec(), "largest first");
        let time = m.charts.iter().find(|c| c.id == "time").expect("time chart");
        assert_eq!(time.bars.len(), MAX_BARS);
        // The page's model carries a table's worth of rows and knows how many there are.
        let page = build(&sheet, &selection, &state, &steady(&sheet), 100);
        let items = page.charts.iter().find(|c| c.id == "items").expect("items chart");
        assert_eq!((items.rows.len(), items.row_count), (100, entries));
        assert_eq!(items.bars.len(), MAX_BARS);
    }

    #[test]
    fn no_csv_cell_from_the_sheet_starts_a_formula_and_amounts_stay_numbers() {
        use crate::chart::csv::{parse, starts_formula, to_csv};
        let mut sheet = crate::test_common::china();
        let funded = sheet.projects.iter().position(|p| p.funding.is_some()).expect("a funded project");
        let evil = "=HYPERLINK(\"https://evil.example\",\"Click\")";
        sheet.projects[funded].title = evil.into();
        sheet.projects[funded].source.quote = "+cmd|' /C calc'!A0".into();
        if let Some(partner) = sheet.partners.first_mut() {
            partner.name = "@SUM(1+1)".into();
            partner.short_name = String::new();
        }
        let state = FilterState::default();
        let selection = select(&sheet, &Index::new(&sheet), &state);
        let m = build(&sheet, &selection, &state, &steady(&sheet), usize::MAX);
        let mut seen_evil = false;
        for c in &m.charts {
            let records = parse(&to_csv(&c.header, &c.rows));
            for (record, row) in records[1..].iter().zip(&c.rows) {
                for (written, cell) in record.iter().zip(row) {
                    assert!(!starts_formula(written), "{}: {written:?} starts a formula", c.id);
                    seen_evil |= written == &format!("'{evil}");
                    if let Cell::Number(n) = cell {
                        assert_eq!(written, n, "{}: a number is written as it is", c.id);
                    }
                }
            }
        }
        assert!(seen_evil, "the hostile title is in the items table, behind an apostrophe");
    }

    #[test]
    fn the_totals_fold_on_an_upright_phone_until_unfolded() {
        assert!(totals_folded(296.0, None));
        assert!(totals_folded(366.0, Some(false)));
        assert!(!totals_folded(366.0, Some(true)), "the visitor unfolded them");
        assert!(!totals_folded(614.0, None), "a phone on its side has room");
        assert!(!totals_folded(900.0, Some(false)), "a wide view never folds");
        assert!(totals_fold(296.0) && !totals_fold(614.0));
    }

    #[test]
    fn four_charts_each_with_a_row_per_bar() {
        let (sheet, m) = model("");
        let ids: Vec<&str> = m.charts.iter().map(|c| c.id).collect();
        assert_eq!(ids, ["items", "funders", "themes", "time"]);
        for c in &m.charts {
            assert_eq!(c.rows.len(), c.bars.len(), "{}: a table row per bar", c.id);
            assert!(c.rows.iter().all(|r| r.len() == c.header.len()), "{}: rows as wide as the header", c.id);
        }
        let funded = sheet.projects.iter().filter(|p| p.funding.is_some()).count();
        assert_eq!(m.charts[0].bars.len(), funded + sheet.contributions.len(), "every piece of money once");
        assert_eq!(m.country, "chn");
        assert!(!m.totals.is_empty());
    }

    #[test]
    fn a_theme_filter_narrows_the_bars_and_group_bars_offer_their_filter() {
        let (_, all) = model("");
        let (_, skills) = model("?theme=skills");
        assert!(skills.charts[0].bars.len() < all.charts[0].bars.len());
        let themes = &all.charts[2];
        let bar = themes.bars.iter().find(|b| b.details.filter.is_some()).expect("a theme bar");
        let (by, id) = bar.details.filter.clone().expect("its filter");
        assert_eq!(by.facet(), Facet::Theme);
        assert!(!id.is_empty() && !bar.details.items.is_empty(), "a group lists what it adds");
        let funders = &all.charts[1];
        assert!(funders
            .bars
            .iter()
            .filter_map(|b| b.details.filter.as_ref())
            .all(|(by, _)| by.facet() == Facet::Partner));
    }

    #[test]
    fn each_breakdown_chart_has_its_own_words_and_filter() {
        let (_, all) = model("");
        let (_, chosen) = model("?theme=skills&partner=mohrss");
        for (m, only) in [(&all, false), (&chosen, true)] {
            let [funders, themes] = [&m.charts[1], &m.charts[2]];
            assert_eq!((funders.id, themes.id), ("funders", "themes"));
            assert_eq!((funders.title.as_str(), themes.title.as_str()), ("By contributor", "By theme"));
            assert_eq!((funders.header[0].as_str(), themes.header[0].as_str()), ("Contributor", "Theme"));
            let said = |c: &Chart, words: &str| c.desc.contains(words);
            assert_eq!(said(funders, "Only the contributors chosen in the filters are drawn."), only);
            assert_eq!(said(themes, "Only the themes chosen in the filters are drawn."), only);
            assert!(!said(funders, "Only the themes") && !said(themes, "Only the contributors"));
            let button =
                |c: &Chart| c.bars.iter().find_map(|b| b.details.filter.as_ref()).map(|(by, _)| tf(labels(*by).filter));
            assert_eq!(button(funders).as_deref(), Some("Show only this contributor"));
            assert_eq!(button(themes).as_deref(), Some("Show only this theme"));
        }
        let unnamed = all.charts[1].bars.iter().find(|b| b.key == "none").expect("money with no contributor named");
        assert_eq!(unnamed.label, "China (no contributor named)");
    }

    #[test]
    fn a_country_filter_leaves_only_project_budgets() {
        let (sheet, m) = model("?country=KEN");
        let kinds: Vec<Option<EntryKind>> =
            m.charts.first().map(|c| c.bars.iter().map(|b| b.kind).collect()).unwrap_or_default();
        assert!(kinds.iter().all(|k| *k == Some(EntryKind::ProjectBudget)), "{kinds:?}");
        assert!(kinds.len() < sheet.projects.len());
    }
}
