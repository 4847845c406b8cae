//! The funding charts' numbers for `data/china.json`, checked against values
//! worked out by hand from the source text (`data/sources/china-2026-07.txt`),
//! not from the code:
//!
//! - project budgets: skills US$ 5 million (2018-27), employment US$ 4 million
//!   (2022-26), social protection US$ 2 million (2023-26; "contributions total of
//!   US$ 5 million, 4 million and 2 million respectively"), workers'
//!   organizations US$ 1.2 million from ACFTU (2024-27), and "over US$ 1
//!   million from UNDESA China Fund" (2023-26);
//!   sum: over US$ 13.2 million, 2018-2027, five items;
//! - other contributions: the first SSTC agreement, US$ 1 million in 2012 (no
//!   contributor named but China), and "over US$ 4.45 million" from MOHRSS for
//!   JPOs and secondments, 2021-25; sum: over US$ 5.45 million, 2012-2025;
//! - stated total: "totalling US$ 8 million in 2021-2025", kept apart;
//! - per contributor: MOHRSS 5 + 4 + 2 + 4.45 = over US$ 15.45 million
//!   (2018-2027); ACFTU US$ 1.2 million; UNDESA China Fund over US$ 1 million;
//!   no contributor named: US$ 1 million (the 2012 agreement).

use ilo_factsheet_core::chart::csv::{self, Cell};
use ilo_factsheet_core::funding::{self, EntryKind, Visible};
use ilo_factsheet_core::funding::{scaled, Basis, Scaled};
use ilo_factsheet_core::i18n::{plain_number, NumberStyle};
use ilo_factsheet_core::model::{ContributionKind, Money, Qualifier};

/// The structured amount in the fact sheet's own English words, to compare
/// with its sentences (the widget words it in the reader's language).
fn format_usd(m: Money) -> String {
    let q = match m.qualifier {
        Qualifier::Exact => "",
        Qualifier::Over => "over ",
        Qualifier::MoreThan => "more than ",
        Qualifier::TotalOf => "a total of ",
    };
    match scaled(m.amount_usd) {
        Scaled::Millions(v) => format!("{q}US$ {} million", plain_number(v, NumberStyle::up_to(2))),
        Scaled::Units(v) => format!("{q}US$ {v}"),
    }
}
use ilo_factsheet_core::model::{FactSheet, Period};
use ilo_factsheet_core::query::{select, FilterState, Index};

mod common;

fn sheet() -> FactSheet {
    common::china()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.5
}

fn period(start: i32, end: i32) -> Option<Period> {
    Some(Period { start, end })
}

#[test]
fn every_amount_is_an_entry_once_with_its_kind() {
    let s = sheet();
    let entries = funding::entries(&s, &Visible::all(&s));
    let mut seen: Vec<(EntryKind, f64, bool)> =
        entries.iter().map(|e| (e.kind, e.money.amount_usd, e.money.qualifier.is_lower_bound())).collect();
    seen.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    let mut expected = vec![
        (EntryKind::ProjectBudget, 1_000_000.0, true),
        (EntryKind::ProjectBudget, 1_200_000.0, false),
        (EntryKind::ProjectBudget, 2_000_000.0, false),
        (EntryKind::ProjectBudget, 4_000_000.0, false),
        (EntryKind::ProjectBudget, 5_000_000.0, false),
        (EntryKind::Contribution(ContributionKind::Agreement), 1_000_000.0, false),
        (EntryKind::Contribution(ContributionKind::Staffing), 4_450_000.0, true),
        (EntryKind::STATED_TOTAL, 8_000_000.0, false),
    ];
    expected.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    assert_eq!(seen, expected);
    // The stated total comes last, apart from the items.
    assert_eq!(entries.last().map(|e| e.kind), Some(EntryKind::STATED_TOTAL));
}

#[test]
fn stated_total_is_kept_apart_as_stated() {
    let s = sheet();
    let all = Visible::all(&s);
    let entries = funding::entries(&s, &all);
    let stated = funding::stated(&entries);
    assert_eq!(stated.len(), 1);
    let (entry, total) = &stated[0];
    assert_eq!(total.amount_usd, 8_000_000.0);
    assert!(total.is_stated() && !total.lower_bound);
    assert_eq!(total.period, period(2021, 2025));
    assert_eq!(format_usd(entry.money), "a total of US$ 8 million");
    // Not among the addable items, so no sum or breakdown can include it.
    let items = funding::items(&s, &all);
    assert_eq!(items.len(), 7);
    assert!(items.iter().all(|i| i.money.amount_usd != 8_000_000.0));
}

#[test]
fn sums_say_what_they_add() {
    let s = sheet();
    let items = funding::items(&s, &Visible::all(&s));
    let sums = funding::sums(&items);
    let projects = sums.projects.expect("project budgets");
    assert_eq!(projects.count, 5);
    assert!(close(projects.total.amount_usd, 13_200_000.0), "{}", projects.total.amount_usd);
    assert!(projects.total.lower_bound, "the UNDESA amount is 'over'");
    assert_eq!(projects.total.period, period(2018, 2027));
    assert_eq!(format_usd(funding::total_money(&projects.total)), "over US$ 13.2 million");
    let others = sums.others.expect("other contributions");
    assert_eq!(others.count, 2);
    assert!(close(others.total.amount_usd, 5_450_000.0));
    assert!(others.total.lower_bound, "the JPO amount is 'over'");
    assert_eq!(others.total.period, period(2012, 2025));
}

#[test]
fn per_contributor_totals() {
    let s = sheet();
    let items = funding::items(&s, &Visible::all(&s));
    let groups = funding::Breakdown::Funder.groups(&s, &items);
    assert!(!groups.overlapping, "each item names one contributor");
    type Row<'a> = (Option<&'a str>, f64, bool, Option<Period>, usize);
    let got: Vec<Row<'_>> = groups
        .groups
        .iter()
        .map(|g| (g.id.as_deref(), g.total.amount_usd.round(), g.total.lower_bound, g.total.period, g.items().len()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("mohrss"), 15_450_000.0, true, period(2018, 2027), 4),
            (Some("acftu"), 1_200_000.0, false, period(2024, 2027), 1),
            (Some("undesa-china-fund"), 1_000_000.0, true, period(2023, 2026), 1),
            (None, 1_000_000.0, false, period(2012, 2012), 1),
        ]
    );
    assert_eq!(groups.groups[0].name.as_deref(), Some("MOHRSS"));
    assert_eq!(format_usd(funding::total_money(&groups.groups[0].total)), "over US$ 15.45 million");
    assert_eq!(format_usd(funding::total_money(&groups.groups[2].total)), "over US$ 1 million");
    assert!(groups.groups.iter().all(|g| matches!(g.total.basis, Basis::Summed { .. })));
}

#[test]
fn per_theme_totals_flag_overlap() {
    let s = sheet();
    let items = funding::items(&s, &Visible::all(&s));
    let groups = funding::Breakdown::Theme.groups(&s, &items);
    assert!(groups.overlapping, "projects carry several themes");
    let find = |id: &str| groups.groups.iter().find(|g| g.id.as_deref() == Some(id)).map(|g| g.total.clone());
    // Social protection: the Lao PDR/Kenya programme (US$ 2 million) and the
    // UNDESA China Fund project (over US$ 1 million).
    let sp = find("social-protection").expect("social protection");
    assert!(close(sp.amount_usd, 3_000_000.0));
    assert!(sp.lower_bound);
    assert_eq!(sp.period, period(2023, 2026));
    // Workers' organizations: the ACFTU project.
    let wo = find("workers-organizations").expect("workers' organizations");
    assert!(close(wo.amount_usd, 1_200_000.0) && !wo.lower_bound);
    // Skills: the ASEAN skills programme.
    assert!(close(find("skills").expect("skills").amount_usd, 5_000_000.0));
    // Bars overlap: their sum exceeds the sum of the items.
    let bars: f64 = groups.groups.iter().map(|g| g.total.amount_usd).sum();
    let items_sum: f64 = items.iter().map(|i| i.money.amount_usd).sum();
    assert!(bars > items_sum);
}

#[test]
fn filters_leave_only_matching_contributions() {
    let s = sheet();
    let index = Index::new(&s);
    let shown = |query: &str| -> Vec<String> {
        let selection = select(&s, &index, &FilterState::from_query(query));
        Visible::of(&selection).contributions.iter().map(|&i| s.contributions[i].id.clone()).collect()
    };
    // No contribution is about social protection: a social-protection filter leaves only projects.
    assert!(shown("?theme=social-protection").is_empty());
    // MOHRSS funds the JPO and secondment programmes.
    let mohrss = shown("?partner=mohrss");
    assert_eq!(mohrss.len(), 1);
    assert!(s.contributions.iter().any(|c| c.id == mohrss[0] && c.amount.is_some_and(|m| m.amount_usd == 4_450_000.0)));
    // Up to 2015, only the 2012 agreement.
    let early = shown("?to=2015");
    assert_eq!(early.len(), 1);
    assert!(s.contributions.iter().any(|c| c.id == early[0] && c.period == Some(Period { start: 2012, end: 2012 })));
    // A country hides them all: contributions name none.
    assert!(shown("?country=KEN").is_empty());
}

#[test]
fn time_axis_spans_the_sheet() {
    let s = sheet();
    assert_eq!(funding::money_year_span(&s), Some((2012, 2027)));
    // The sheet's own span reaches back to its first event.
    let first_event = s.events.iter().map(|e| e.date.year).min();
    assert_eq!(s.year_span(), first_event.map(|y| (y.min(2012), 2027)));
    let entries = funding::entries(&s, &Visible::all(&s));
    let first = funding::by_time(&entries);
    assert_eq!(first.first().map(|e| e.period), Some(Period { start: 2012, end: 2012 }));
}

#[test]
fn csv_of_the_contributor_table_reads_back() {
    let s = sheet();
    let items = funding::items(&s, &Visible::all(&s));
    let groups = funding::Breakdown::Funder.groups(&s, &items);
    let header = vec!["Contributor".to_string(), "Amount (US$)".into(), "As stated".into()];
    let rows: Vec<Vec<Cell>> = groups
        .groups
        .iter()
        .map(|g| {
            vec![
                Cell::text(g.name.clone().unwrap_or_else(|| "No contributor named".into())),
                Cell::number(funding::amount_cell(g.total.amount_usd)),
                Cell::text(format_usd(funding::total_money(&g.total))),
            ]
        })
        .collect();
    let text = csv::to_csv(&header, &rows);
    assert!(
        text.starts_with("Contributor,Amount (US$),As stated\r\nMOHRSS,15450000,over US$ 15.45 million\r\n"),
        "{text}"
    );
    let back = csv::parse(&text);
    assert_eq!(back[0], header);
    let shown: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(Cell::as_str).collect()).collect();
    assert_eq!(&back[1..], &shown[..]);
}
