//! What the funding charts show of the visible entries: sums that say what
//! they add (the project budgets, the other contributions, each with its
//! count, span of years, and "over" when any part is a lower bound), the
//! stated totals as stated, breakdowns by contributor and by theme as named
//! groups ordered by amount, largest first, with their overlap flags (one
//! [`Breakdown`] value says which, and which filter facet its groups are
//! options of), steady scales, and the cells and periods as printed.

use crate::model::{FactSheet, Money, Period};
use crate::query::Facet;

use super::entries::{entries, items, Entry, ItemRef, Visible};
use super::totals::{breakdown_by_funder, breakdown_by_theme, sum, Basis, Total};

/// A sum and how many items it adds.
#[derive(Debug, Clone, PartialEq)]
pub struct Sum {
    pub count: usize,
    pub total: Total,
}

/// The sums the funding view prints, each of one kind of item.
#[derive(Debug, Clone, PartialEq)]
pub struct Sums {
    /// The project budgets.
    pub projects: Option<Sum>,
    /// Agreements and staffing programmes (not project budgets, not stated totals).
    pub others: Option<Sum>,
}

pub fn sums(items: &[Entry<'_>]) -> Sums {
    let (projects, others): (Vec<&Entry<'_>>, Vec<&Entry<'_>>) =
        items.iter().partition(|i| matches!(i.at, ItemRef::Project(_)));
    let of = |chosen: Vec<&Entry<'_>>| (!chosen.is_empty()).then(|| Sum { count: chosen.len(), total: sum(chosen) });
    Sums { projects: of(projects), others: of(others) }
}

/// The stated totals among the entries, as stated.
pub fn stated<'a>(entries: &[Entry<'a>]) -> Vec<(Entry<'a>, Total)> {
    entries
        .iter()
        .filter(|e| e.is_stated_total())
        .filter_map(|e| {
            let ItemRef::Contribution(i) = e.at else {
                return None;
            };
            Some((
                e.clone(),
                Total {
                    amount_usd: e.money.amount_usd,
                    lower_bound: e.money.qualifier.is_lower_bound(),
                    basis: Basis::Stated { contribution: i },
                    period: Some(e.period),
                },
            ))
        })
        .collect()
}

/// One bar of a breakdown: a contributor or theme, or the items with none.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The partner or theme id; `None` for the items naming none.
    pub id: Option<String>,
    /// The name from the data (partner short name, theme name); `None` for the
    /// ungrouped bar (the interface names it).
    pub name: Option<String>,
    pub total: Total,
}

impl Group {
    /// The item references this group adds.
    pub fn items(&self) -> &[ItemRef] {
        match &self.total.basis {
            Basis::Summed { items } => items,
            Basis::Stated { .. } => &[],
        }
    }
}

/// A breakdown ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Groups {
    /// Largest first; the ungrouped bar last.
    pub groups: Vec<Group>,
    /// An item counts in more than one group: the bars must not be added.
    pub overlapping: bool,
}

/// What a breakdown groups the money by: the contributors named, or the
/// themes. Each group stands for an option of a filter facet (its bar offers
/// "show only this"); the funding view words each breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Breakdown {
    /// By contributor: partners named as funders.
    Funder,
    /// By theme.
    Theme,
}

impl Breakdown {
    /// Every breakdown, in the order the funding view draws them.
    pub const ALL: [Breakdown; 2] = [Breakdown::Funder, Breakdown::Theme];

    /// The filter facet its groups are options of.
    pub fn facet(self) -> Facet {
        match self {
            Breakdown::Funder => Facet::Partner,
            Breakdown::Theme => Facet::Theme,
        }
    }

    /// The ids of the groups an entry counts in.
    pub fn ids<'a>(self, entry: &Entry<'a>) -> &'a [String] {
        match self {
            Breakdown::Funder => entry.funders,
            Breakdown::Theme => entry.themes,
        }
    }

    /// What the sheet calls a group (a partner's display name, a theme's
    /// main text), else its id.
    pub fn name<'a>(self, sheet: &'a FactSheet, id: &'a str) -> &'a str {
        match self {
            Breakdown::Funder => sheet.partner_name(id),
            Breakdown::Theme => sheet.theme_name(id),
        }
    }

    /// The items' totals per group, named, largest first (then by name and
    /// id), the items naming no group last.
    pub fn groups(self, sheet: &FactSheet, items: &[Entry<'_>]) -> Groups {
        let totals = match self {
            Breakdown::Funder => breakdown_by_funder(items),
            Breakdown::Theme => breakdown_by_theme(items),
        };
        let mut groups: Vec<Group> = totals
            .groups
            .into_iter()
            .map(|(id, total)| Group { name: Some(self.name(sheet, &id).to_string()), id: Some(id), total })
            .collect();
        groups.sort_by(|a, b| {
            b.total
                .amount_usd
                .total_cmp(&a.total.amount_usd)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        groups.extend(totals.ungrouped.map(|total| Group { id: None, name: None, total }));
        Groups { groups, overlapping: totals.overlapping }
    }
}

/// The years the sheet's money spans (every entry, filtered or not: the
/// funding time axis, steady under filters). [`FactSheet::year_span`] spans
/// events too.
pub fn money_year_span(sheet: &FactSheet) -> Option<(i32, i32)> {
    entries(sheet, &Visible::all(sheet)).iter().fold(None, |acc, e| {
        let (a, b) = (e.period.start.min(e.period.end), e.period.start.max(e.period.end));
        Some(match acc {
            None => (a, b),
            Some((lo, hi)) => (lo.min(a), hi.max(b)),
        })
    })
}

/// The largest amounts of the unfiltered sheet, so scales stay steady while
/// filters change: (largest entry, largest contributor total, largest theme total).
pub fn steady_max(sheet: &FactSheet) -> (f64, f64, f64) {
    let all = Visible::all(sheet);
    let entries = entries(sheet, &all);
    let items = items(sheet, &all);
    let max = |it: &mut dyn Iterator<Item = f64>| it.fold(0.0, f64::max);
    (
        max(&mut entries.iter().map(|e| e.money.amount_usd)),
        max(&mut Breakdown::Funder.groups(sheet, &items).groups.iter().map(|g| g.total.amount_usd)),
        max(&mut Breakdown::Theme.groups(sheet, &items).groups.iter().map(|g| g.total.amount_usd)),
    )
}

/// A total as money, with "over" when it is a lower bound.
pub fn total_money(total: &Total) -> Money {
    Money { amount_usd: total.amount_usd, qualifier: total.qualifier() }
}

/// An amount as a CSV/table cell: whole dollars without separators (`5000000`),
/// cents only when there are any.
pub fn amount_cell(amount: f64) -> String {
    if amount.fract() == 0.0 && amount.abs() < 1e15 {
        format!("{amount:.0}")
    } else {
        let text = format!("{amount:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A period as printed: `2012` or `2018–2027`.
pub fn period_text(p: Period) -> String {
    if p.start == p.end {
        p.start.to_string()
    } else {
        format!("{}–{}", p.start, p.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::funding::entries::{by_time, EntryKind};
    use crate::model::ContributionKind;
    use crate::model::{Contribution, Partner, Project, Qualifier, Theme};

    fn money(amount: f64, qualifier: Qualifier) -> Money {
        Money { amount_usd: amount, qualifier }
    }

    fn strings(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    fn sheet() -> FactSheet {
        let project = |id: &str, m: Option<Money>, funders: &[&str], themes: &[&str], period: (i32, i32)| Project {
            id: id.into(),
            title: format!("Project {id}").into(),
            period: Period { start: period.0, end: period.1 },
            funders: strings(funders),
            themes: strings(themes),
            funding: m,
            ..Project::default()
        };
        let contribution = |id: &str, kind, m, funders: &[&str], themes: &[&str], period: (i32, i32)| Contribution {
            id: id.into(),
            title: format!("Contribution {id}").into(),
            kind,
            funders: strings(funders),
            amount: Some(m),
            period: Some(Period { start: period.0, end: period.1 }),
            themes: strings(themes),
            ..Contribution::default()
        };
        FactSheet {
            themes: vec![
                Theme { id: "skills".into(), name: "Skills".into() },
                Theme { id: "sp".into(), name: "Social protection".into() },
            ],
            partners: vec![Partner { id: "mohrss".into(), short_name: "MOHRSS".into(), ..Partner::default() }],
            projects: vec![
                project("a", Some(money(5e6, Qualifier::TotalOf)), &["mohrss"], &["skills"], (2018, 2027)),
                project("none", None, &["mohrss"], &["skills"], (2020, 2021)),
                project("b", Some(money(1e6, Qualifier::Over)), &["undesa"], &["sp", "skills"], (2023, 2026)),
            ],
            contributions: vec![
                contribution(
                    "total",
                    ContributionKind::StatedTotal,
                    money(8e6, Qualifier::TotalOf),
                    &[],
                    &[],
                    (2021, 2025),
                ),
                contribution(
                    "first",
                    ContributionKind::Agreement,
                    money(1e6, Qualifier::Exact),
                    &[],
                    &[],
                    (2012, 2012),
                ),
                contribution(
                    "jpo",
                    ContributionKind::Staffing,
                    money(4.45e6, Qualifier::Over),
                    &["mohrss"],
                    &[],
                    (2021, 2025),
                ),
            ],
            ..FactSheet::default()
        }
    }

    #[test]
    fn entries_keep_stated_totals_last_and_apart() {
        let s = sheet();
        let e = entries(&s, &Visible::all(&s));
        let ids: Vec<&str> = e.iter().map(|e| e.id).collect();
        assert_eq!(ids, ["a", "b", "first", "jpo", "total"]);
        assert_eq!(e[4].kind, EntryKind::STATED_TOTAL);
        let st = stated(&e);
        assert_eq!(st.len(), 1);
        assert!(st[0].1.is_stated());
        assert_eq!(st[0].1.amount_usd, 8e6);
        let t: Vec<&str> = by_time(&e).iter().map(|e| e.id).collect();
        // Same period: chart order (stated totals after the items).
        assert_eq!(t, ["first", "a", "jpo", "total", "b"]);
    }

    #[test]
    fn sums_say_what_they_add() {
        let s = sheet();
        let items = items(&s, &Visible::all(&s));
        let sums = sums(&items);
        let p = sums.projects.expect("projects");
        assert_eq!(p.count, 2);
        assert_eq!(p.total.amount_usd, 6e6);
        assert!(p.total.lower_bound);
        assert_eq!(p.total.period, Some(Period { start: 2018, end: 2027 }));
        let o = sums.others.expect("others");
        assert_eq!(o.count, 2);
        assert!((o.total.amount_usd - 5.45e6).abs() < 1e-6);
        assert_eq!(o.total.period, Some(Period { start: 2012, end: 2025 }));
    }

    #[test]
    fn breakdowns_order_by_amount_and_name_groups() {
        let s = sheet();
        let items = items(&s, &Visible::all(&s));
        let f = Breakdown::Funder.groups(&s, &items);
        let names: Vec<Option<&str>> = f.groups.iter().map(|g| g.name.as_deref()).collect();
        // MOHRSS 9.45 M, then the unknown id shown as itself, then "no funder named".
        assert_eq!(names, [Some("MOHRSS"), Some("undesa"), None]);
        assert!((f.groups[0].total.amount_usd - 9.45e6).abs() < 1e-6);
        assert_eq!(f.groups[2].items(), [ItemRef::Contribution(1)]);
        assert!(!f.overlapping);
        let t = Breakdown::Theme.groups(&s, &items);
        assert!(t.overlapping);
        assert_eq!(t.groups[0].name.as_deref(), Some("Skills"));
        assert_eq!(t.groups[0].total.amount_usd, 6e6);
        assert_eq!(t.groups.last().and_then(|g| g.id.clone()), None);
        let (e, fm, tm) = steady_max(&s);
        assert_eq!(e, 8e6);
        assert!((fm - 9.45e6).abs() < 1e-6);
        assert_eq!(tm, 6e6);
    }

    #[test]
    fn entries_follow_the_visible_indices() {
        let s = sheet();
        let v = Visible { projects: vec![2], contributions: vec![] };
        let ids: Vec<&str> = entries(&s, &v).iter().map(|e| e.id).collect();
        assert_eq!(ids, ["b"]);
        let v = Visible { projects: vec![], contributions: vec![2, 0] };
        let ids: Vec<&str> = entries(&s, &v).iter().map(|e| e.id).collect();
        assert_eq!(ids, ["jpo", "total"], "stated totals last");
        assert_eq!(money_year_span(&s), Some((2012, 2027)));
    }

    #[test]
    fn cells_and_periods_print_plainly() {
        assert_eq!(amount_cell(5e6), "5000000");
        assert_eq!(amount_cell(4.45e6), "4450000");
        assert_eq!(amount_cell(12.5), "12.5");
        assert_eq!(period_text(Period { start: 2012, end: 2012 }), "2012");
        assert_eq!(period_text(Period { start: 2018, end: 2027 }), "2018–2027");
        assert_eq!(
            total_money(&Total {
                amount_usd: 1.0,
                lower_bound: true,
                basis: Basis::Summed { items: vec![] },
                period: None
            })
            .qualifier,
            Qualifier::Over
        );
    }
}
