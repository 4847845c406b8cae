//! Every piece of money the sheet names, walked once: project budgets,
//! agreements, staffing programmes, money by kind (assessed, voluntary core
//! and non-core, in kind) and stated totals, as [`Entry`] values (stated
//! totals kept apart: they overlap the rest and are never added); which of
//! them a selection shows ([`Visible`]); and the support named without an
//! amount ([`unpriced`]). An entry's [`EntryKind`] is a project budget or a
//! contribution of the data format's own kind, never a copy of its kinds.

use crate::model::{ContributionKind, FactSheet, LocalText, Money, Period, Source};
use crate::query::Selection;

/// Where a piece of money sits in the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemRef {
    Project(usize),
    Contribution(usize),
}

/// What kind of money an entry is: a project's budget, or a contribution
/// of the kind the sheet gives it (the kinds are the data format's,
/// [`ContributionKind`], named once there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    ProjectBudget,
    /// A contribution; [`ContributionKind::StatedTotal`] overlaps other
    /// entries and is never added.
    Contribution(ContributionKind),
}

impl EntryKind {
    /// A total the source states.
    pub const STATED_TOTAL: EntryKind = EntryKind::Contribution(ContributionKind::StatedTotal);

    /// Stable key for CSS classes and CSV cells.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::ProjectBudget => "project",
            EntryKind::Contribution(kind) => match kind {
                ContributionKind::Agreement => "agreement",
                ContributionKind::Staffing => "staffing",
                ContributionKind::StatedTotal => "stated-total",
                ContributionKind::Assessed => "assessed",
                ContributionKind::VoluntaryCore => "voluntary-core",
                ContributionKind::VoluntaryNonCore => "voluntary-non-core",
                ContributionKind::InKind => "in-kind",
            },
        }
    }

    /// Every kind, in legend order.
    pub const ALL: [EntryKind; 8] = [
        EntryKind::ProjectBudget,
        EntryKind::Contribution(ContributionKind::Assessed),
        EntryKind::Contribution(ContributionKind::VoluntaryCore),
        EntryKind::Contribution(ContributionKind::VoluntaryNonCore),
        EntryKind::Contribution(ContributionKind::Agreement),
        EntryKind::Contribution(ContributionKind::Staffing),
        EntryKind::Contribution(ContributionKind::InKind),
        EntryKind::STATED_TOTAL,
    ];
}

/// One named piece of money.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    /// `Project(i)` or `Contribution(i)`, indices into the sheet.
    pub at: ItemRef,
    pub id: &'a str,
    pub title: &'a LocalText,
    pub kind: EntryKind,
    pub money: Money,
    pub period: Period,
    pub funders: &'a [String],
    pub themes: &'a [String],
    /// Where the figure is stated.
    pub source: &'a Source,
}

impl Entry<'_> {
    pub fn is_stated_total(&self) -> bool {
        self.kind == EntryKind::STATED_TOTAL
    }
}

/// Which items are visible: indices of projects and of contributions, as the
/// shared selection gives them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visible {
    pub projects: Vec<usize>,
    pub contributions: Vec<usize>,
}

impl Visible {
    /// Everything in the sheet.
    pub fn all(sheet: &FactSheet) -> Visible {
        Visible {
            projects: (0..sheet.projects.len()).collect(),
            contributions: (0..sheet.contributions.len()).collect(),
        }
    }

    /// What a selection shows (`query::select` filters both lists).
    pub fn of(selection: &Selection) -> Visible {
        Visible { projects: selection.projects.clone(), contributions: selection.contributions.clone() }
    }

    /// Whether an item is visible, answered at one step each (a sheet of
    /// thousands asks thousands of times), for a sheet of `projects`
    /// projects and `contributions` contributions.
    pub fn lookup(&self, projects: usize, contributions: usize) -> impl Fn(ItemRef) -> bool {
        let mask = |len: usize, shown: &[usize]| {
            let mut mask = vec![false; len];
            for &i in shown {
                if let Some(m) = mask.get_mut(i) {
                    *m = true;
                }
            }
            mask
        };
        let (p, c) = (mask(projects, &self.projects), mask(contributions, &self.contributions));
        move |at| match at {
            ItemRef::Project(i) => p.get(i).copied().unwrap_or(false),
            ItemRef::Contribution(i) => c.get(i).copied().unwrap_or(false),
        }
    }
}

/// Every piece of money in the sheet that is visible, in chart order: project
/// budgets, then agreements and staffing, in the sheet's order, then stated
/// totals. Projects without a funding figure have no entry.
pub fn entries<'a>(sheet: &'a FactSheet, visible: &Visible) -> Vec<Entry<'a>> {
    let projects = sheet.projects.iter().enumerate().filter_map(|(i, p)| {
        Some(Entry {
            at: ItemRef::Project(i),
            id: &p.id,
            title: &p.title,
            kind: EntryKind::ProjectBudget,
            money: p.funding?,
            period: p.period,
            funders: &p.funders,
            themes: &p.themes,
            source: p.funding_source.as_ref().unwrap_or(&p.source),
        })
    });
    // Contributions without an amount (support in kind, staff) are no money
    // to chart; `unpriced` lists them.
    let contributions = sheet.contributions.iter().enumerate().filter_map(|(i, c)| {
        Some(Entry {
            at: ItemRef::Contribution(i),
            id: &c.id,
            title: &c.title,
            kind: EntryKind::Contribution(c.kind),
            money: c.amount?,
            period: c.period?,
            funders: &c.funders,
            themes: &c.themes,
            source: &c.source,
        })
    });
    let shown = visible.lookup(sheet.projects.len(), sheet.contributions.len());
    let mut all: Vec<Entry<'a>> = projects.chain(contributions).filter(|e| shown(e.at)).collect();
    // Stable: keeps the sheet's order within each group.
    all.sort_by_key(|e| e.is_stated_total());
    all
}

/// The visible contributions the source gives no amount for (secondments,
/// experts, Junior Professional Officers), as indices into
/// `sheet.contributions`, in the sheet's order.
pub fn unpriced(sheet: &FactSheet, visible: &Visible) -> Vec<usize> {
    let mut out: Vec<usize> = visible
        .contributions
        .iter()
        .copied()
        .filter(|&i| sheet.contributions.get(i).is_some_and(|c| c.amount.is_none()))
        .collect();
    out.sort_unstable();
    out
}

/// Entries ordered for the time chart: by start year, then end year, then
/// chart order.
pub fn by_time<'a>(entries: &[Entry<'a>]) -> Vec<Entry<'a>> {
    let mut out = entries.to_vec();
    out.sort_by_key(|e| (e.period.start, e.period.end));
    out
}

/// The visible pieces of money that may be added up: every entry but the
/// stated totals, in chart order.
pub fn items<'a>(sheet: &'a FactSheet, visible: &Visible) -> Vec<Entry<'a>> {
    entries(sheet, visible).into_iter().filter(|e| !e.is_stated_total()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_once_in_the_legend_with_its_stable_key() {
        let keys: Vec<&str> = EntryKind::ALL.iter().map(|k| k.key()).collect();
        // CSS classes (`kind-…`) and the stylesheet's colours name these.
        assert_eq!(
            keys,
            [
                "project",
                "assessed",
                "voluntary-core",
                "voluntary-non-core",
                "agreement",
                "staffing",
                "in-kind",
                "stated-total"
            ]
        );
        let mut kinds = EntryKind::ALL.to_vec();
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds.len(), EntryKind::ALL.len(), "each kind once");
    }
}
