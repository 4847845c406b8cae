//! Totals that cannot mislead, and money in words.
//!
//! The sheet names money of different kinds: project budgets, agreements,
//! staffing programmes, and totals the source states itself (US$ 8 million of
//! voluntary contributions 2021-2025) that overlap those items. So:
//! - a [`Total`] says whether it is **stated** by the source or **summed** from
//!   items, and if summed, which items;
//! - stated totals are never added to anything;
//! - a sum of items any of which is a lower bound ("over US$ 1 million") is
//!   itself a lower bound;
//! - within one total each item counts once; an item with two themes (or two
//!   funders) appears in both groups, and the breakdown says so (`overlapping`).
//! - years: the source gives no yearly split, so money is grouped by the year
//!   its period starts, and the total says so.

use std::collections::BTreeMap;

use crate::model::{ContributionKind, FactSheet, Period, Qualifier};

use super::entries::{Entry, ItemRef};

/// How a total was arrived at.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// The source states it; `contribution` indexes `sheet.contributions`.
    Stated { contribution: usize },
    /// Added up from these items, each once.
    Summed { items: Vec<ItemRef> },
}

/// An amount in US dollars and how we know it.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub amount_usd: f64,
    /// True when the real figure may be larger: the source says "over" or
    /// "more than" for it, or for one of the items summed.
    pub lower_bound: bool,
    pub basis: Basis,
    /// The years covered: the stated period, or the span of the items summed.
    pub period: Option<Period>,
}

impl Total {
    pub fn is_stated(&self) -> bool {
        matches!(self.basis, Basis::Stated { .. })
    }

    /// The qualifier to print in front of the amount.
    pub fn qualifier(&self) -> Qualifier {
        if self.lower_bound {
            Qualifier::Over
        } else {
            Qualifier::Exact
        }
    }
}

/// A total per group (per funder, theme or start year): what a breakdown
/// adds up, before its groups are named and ordered
/// ([`Breakdown::groups`](super::chart_data::Breakdown::groups)).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupTotals<K> {
    pub groups: Vec<(K, Total)>,
    /// Items that fall in no group (no funder named, no theme given), summed.
    pub ungrouped: Option<Total>,
    /// True when an item counts in more than one group, so the groups must not
    /// be added up.
    pub overlapping: bool,
}

/// The totals the source states, as stated.
pub fn stated_totals(sheet: &FactSheet) -> Vec<Total> {
    sheet
        .contributions
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ContributionKind::StatedTotal)
        .filter_map(|(i, c)| {
            let amount = c.amount?;
            Some(Total {
                amount_usd: amount.amount_usd,
                lower_bound: amount.qualifier.is_lower_bound(),
                basis: Basis::Stated { contribution: i },
                period: c.period,
            })
        })
        .collect()
}

/// Sums items, each once (by position), keeping "over" when any item has it.
pub fn sum<'a, I>(items: I) -> Total
where
    I: IntoIterator<Item = &'a Entry<'a>>,
{
    let mut refs: Vec<ItemRef> = Vec::new();
    // Each item counted once (a sum of thousands looks each up in one step).
    let mut counted = std::collections::BTreeSet::new();
    let mut amount = 0.0;
    let mut lower_bound = false;
    let mut period: Option<Period> = None;
    for item in items {
        if !counted.insert(item.at) {
            continue;
        }
        refs.push(item.at);
        amount += item.money.amount_usd;
        lower_bound |= item.money.qualifier.is_lower_bound();
        period = Some(match period {
            None => item.period,
            Some(p) => Period { start: p.start.min(item.period.start), end: p.end.max(item.period.end) },
        });
    }
    Total { amount_usd: amount, lower_bound, basis: Basis::Summed { items: refs }, period }
}

fn breakdown<'a, K: Ord + Clone>(items: &'a [Entry<'a>], keys: impl Fn(&Entry<'a>) -> Vec<K>) -> GroupTotals<K> {
    let mut groups: BTreeMap<K, Vec<&Entry<'a>>> = BTreeMap::new();
    let mut ungrouped = Vec::new();
    let mut overlapping = false;
    for item in items {
        let mut ks = keys(item);
        ks.sort();
        ks.dedup();
        overlapping |= ks.len() > 1;
        if ks.is_empty() {
            ungrouped.push(item);
        }
        for k in ks {
            groups.entry(k).or_default().push(item);
        }
    }
    GroupTotals {
        groups: groups.into_iter().map(|(k, v)| (k, sum(v))).collect(),
        ungrouped: if ungrouped.is_empty() { None } else { Some(sum(ungrouped)) },
        overlapping,
    }
}

/// Totals per funder id.
pub fn breakdown_by_funder<'a>(items: &'a [Entry<'a>]) -> GroupTotals<String> {
    breakdown(items, |i| i.funders.to_vec())
}

/// Totals per theme id.
pub fn breakdown_by_theme<'a>(items: &'a [Entry<'a>]) -> GroupTotals<String> {
    breakdown(items, |i| i.themes.to_vec())
}

/// Totals per the year each item's period starts (the source gives no yearly split).
pub fn breakdown_by_start_year<'a>(items: &'a [Entry<'a>]) -> GroupTotals<i32> {
    breakdown(items, |i| vec![i.period.start])
}

/// How an amount is written: in millions, to two decimals, from a million
/// up; else in whole dollars. The shell puts it in words ("US$ 1.2 million",
/// "1,2 million de dollars É.-U.").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scaled {
    Millions(f64),
    Units(f64),
}

pub fn scaled(amount: f64) -> Scaled {
    if amount >= 1_000_000.0 {
        Scaled::Millions((amount / 10_000.0).round() / 100.0)
    } else {
        Scaled::Units(amount.round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::funding::entries::{items, Visible};
    use crate::model::types::{Contribution, Project};
    use crate::model::Money;

    fn project(id: &str, amount: f64, q: Qualifier, funders: &[&str], themes: &[&str], period: (i32, i32)) -> Project {
        Project {
            id: id.into(),
            title: id.into(),
            period: Period { start: period.0, end: period.1 },
            funders: funders.iter().map(|s| s.to_string()).collect(),
            themes: themes.iter().map(|s| s.to_string()).collect(),
            funding: Some(Money { amount_usd: amount, qualifier: q }),
            ..Project::default()
        }
    }

    fn sheet() -> FactSheet {
        FactSheet {
            projects: vec![
                project("skills", 5e6, Qualifier::Exact, &["mohrss"], &["skills"], (2018, 2027)),
                project("employment", 4e6, Qualifier::Exact, &["mohrss"], &["employment"], (2022, 2026)),
                project("undesa", 1e6, Qualifier::Over, &["undesa"], &["social-protection", "skills"], (2023, 2026)),
                Project { id: "unfunded".into(), ..Project::default() },
            ],
            contributions: vec![
                Contribution {
                    id: "total".into(),
                    kind: ContributionKind::StatedTotal,
                    amount: Some(Money { amount_usd: 8e6, qualifier: Qualifier::TotalOf }),
                    period: Some(Period { start: 2021, end: 2025 }),
                    ..Contribution::default()
                },
                Contribution {
                    id: "jpo".into(),
                    kind: ContributionKind::Staffing,
                    funders: vec!["mohrss".into()],
                    amount: Some(Money { amount_usd: 4.45e6, qualifier: Qualifier::Over }),
                    period: Some(Period { start: 2021, end: 2025 }),
                    ..Contribution::default()
                },
            ],
            ..FactSheet::default()
        }
    }

    #[test]
    fn stated_totals_stay_out_of_sums() {
        let s = sheet();
        let all = items(&s, &Visible::all(&s));
        assert_eq!(all.iter().map(|i| i.id).collect::<Vec<_>>(), ["skills", "employment", "undesa", "jpo"]);
        let total = sum(&all);
        assert!((total.amount_usd - 14.45e6).abs() < 1e-6);
        assert!(total.lower_bound, "over US$ 1 million makes the sum a lower bound");
        assert_eq!(total.period, Some(Period { start: 2018, end: 2027 }));
        let stated = stated_totals(&s);
        assert_eq!(stated.len(), 1);
        assert!(stated[0].is_stated() && !stated[0].lower_bound);
        assert_eq!(stated[0].amount_usd, 8e6);
    }

    #[test]
    fn sum_counts_each_item_once() {
        let s = sheet();
        let all = items(&s, &Visible::all(&s));
        let twice = [&all[0], &all[0], &all[1]];
        assert_eq!(sum(twice).amount_usd, 9e6);
    }

    #[test]
    fn breakdowns_group_and_flag_overlap() {
        let s = sheet();
        let all = items(&s, &Visible::all(&s));
        let f = breakdown_by_funder(&all);
        let mohrss = f.groups.iter().find(|(k, _)| k == "mohrss").map(|(_, t)| t.clone()).unwrap();
        assert!((mohrss.amount_usd - 13.45e6).abs() < 1e-6);
        assert!(mohrss.lower_bound);
        assert!(!f.overlapping);
        let t = breakdown_by_theme(&all);
        assert!(t.overlapping, "undesa has two themes");
        let skills = t.groups.iter().find(|(k, _)| k == "skills").map(|(_, t)| t.amount_usd).unwrap();
        assert_eq!(skills, 6e6);
        assert_eq!(t.ungrouped.as_ref().map(|u| u.amount_usd), Some(4.45e6));
        let y = breakdown_by_start_year(&all);
        assert_eq!(y.groups.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [2018, 2021, 2022, 2023]);
    }

    #[test]
    fn amounts_are_scaled_to_millions_from_a_million() {
        assert_eq!(scaled(1.2e6), Scaled::Millions(1.2));
        assert_eq!(scaled(4_456_789.0), Scaled::Millions(4.46));
        assert_eq!(scaled(1e6), Scaled::Millions(1.0));
        assert_eq!(scaled(999_999.4), Scaled::Units(999_999.0));
        assert_eq!(scaled(10_000.0), Scaled::Units(10_000.0));
    }
}
