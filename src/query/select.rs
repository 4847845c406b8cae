//! Applying a filter state to a sheet: which paragraphs, events and projects
//! show, and the live count beside each facet option.
//!
//! Rules: AND across facets, OR within one. Period: an item shows when its
//! years overlap `[from, to]`; an item with no years hides while a period is
//! set. Search: every term must occur in the item's folded text. Counts
//! follow faceted search: an option's count is the number of items matching
//! every *other* facet plus that option.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::FactSheet;

use super::index::{Index, Item, ItemKind};
use super::state::{Facet, FilterState};
use super::text::{matches, terms};

/// Live counts per option of each list facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub themes: BTreeMap<String, usize>,
    pub partners: BTreeMap<String, usize>,
    pub countries: BTreeMap<String, usize>,
}

/// What shows under a filter state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Ids of visible paragraphs (`lead` included when it matches).
    pub paragraphs: BTreeSet<String>,
    /// Indices into `sheet.events`, by date, then source order.
    pub events: Vec<usize>,
    /// Indices into `sheet.projects`, in source order.
    pub projects: Vec<usize>,
    pub counts: FacetCounts,
}

impl Selection {
    pub fn total(&self) -> usize {
        self.paragraphs.len() + self.events.len() + self.projects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    pub fn shows_paragraph(&self, id: &str) -> bool {
        self.paragraphs.contains(id)
    }

    pub fn shows_project(&self, i: usize) -> bool {
        self.projects.contains(&i)
    }
}

/// The facets other than search and period, each tested on its own.
fn facet_ok(index: &Index, item: &Item, state: &FilterState, facet: Facet) -> bool {
    match facet {
        Facet::Theme => state.themes.is_empty() || state.themes.iter().any(|t| item.themes.contains(t)),
        Facet::Partner => state.partners.is_empty() || state.partners.iter().any(|p| item.partners.contains(p)),
        Facet::Country => state.countries.is_empty() || state.countries.iter().any(|c| index.matches_country(item, c)),
    }
}

fn base_ok(item: &Item, period: Option<(i32, i32)>, terms: &[String]) -> bool {
    let in_period = match (period, item.years) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some((from, to)), Some((a, b))) => a <= to && b >= from,
    };
    in_period && matches(&item.text, terms)
}

/// Applies `state` to the sheet indexed by `index`.
pub fn select(sheet: &FactSheet, index: &Index, state: &FilterState) -> Selection {
    let period = state.period();
    let terms = terms(&state.q);
    let mut sel = Selection::default();
    let facets = [Facet::Theme, Facet::Partner, Facet::Country];
    let mut counts = FacetCounts {
        themes: sheet.themes.iter().map(|t| (t.id.clone(), 0)).collect(),
        partners: sheet.partners.iter().map(|p| (p.id.clone(), 0)).collect(),
        countries: sheet.geographies.iter().map(|g| (g.id.clone(), 0)).collect(),
    };
    for item in &index.items {
        if !base_ok(item, period, &terms) {
            continue;
        }
        let ok: Vec<bool> = facets.iter().map(|&f| facet_ok(index, item, state, f)).collect();
        if ok.iter().all(|&b| b) {
            match item.kind {
                ItemKind::Paragraph => {
                    sel.paragraphs.insert(item.id.clone());
                }
                ItemKind::Event => sel.events.push(item.position),
                ItemKind::Project => sel.projects.push(item.position),
            }
        }
        // Counts: this item counts for an option of facet F when it passes
        // every facet but F, and has that option.
        if ok[1] && ok[2] {
            for t in &item.themes {
                if let Some(n) = counts.themes.get_mut(t) {
                    *n += 1;
                }
            }
        }
        if ok[0] && ok[2] {
            for p in &item.partners {
                if let Some(n) = counts.partners.get_mut(p) {
                    *n += 1;
                }
            }
        }
        if ok[0] && ok[1] {
            for (id, n) in counts.countries.iter_mut() {
                if index.matches_country(item, id) {
                    *n += 1;
                }
            }
        }
    }
    sel.events.sort_by_key(|&i| sheet.events.get(i).map(|e| e.date));
    sel.counts = counts;
    sel
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse;
    use crate::query::state::View;

    fn sheet() -> FactSheet {
        let parsed = parse(include_str!("../../tests/fixtures/minimal.json"));
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.sheet
    }

    fn run(query: &str) -> Selection {
        let s = sheet();
        select(&s, &Index::new(&s), &FilterState::from_query(query))
    }

    fn projects(sel: &Selection) -> Vec<usize> {
        sel.projects.clone()
    }

    #[test]
    fn no_filters_show_everything() {
        let sel = run("");
        assert_eq!(sel.paragraphs.len(), 3, "lead, p1, p2");
        assert_eq!(sel.events, [0]);
        assert_eq!(projects(&sel), [0, 1]);
        assert_eq!(run("?view=timeline").total(), sel.total());
        assert_eq!(FilterState::from_query("?view=timeline").view, View::Timeline);
    }

    #[test]
    fn theme_and_partner_facets() {
        let sel = run("theme=employment");
        assert_eq!(projects(&sel), [1]);
        assert!(sel.events.is_empty());
        // p2 sits under the skills project's subsection: it inherits its theme.
        assert!(run("theme=skills").shows_paragraph("p2"));
        assert!(!sel.shows_paragraph("p2"));
        // OR within a facet, AND across facets.
        assert_eq!(projects(&run("theme=skills,employment")), [0, 1]);
        assert_eq!(projects(&run("theme=skills,employment&partner=acftu")), Vec::<usize>::new());
        assert_eq!(projects(&run("theme=employment&partner=mohrss")), [1]);
    }

    #[test]
    fn country_rule_with_groups() {
        // KHM matches items tagged KHM and items tagged asean (a group KHM is in).
        let khm = run("country=KHM");
        assert_eq!(projects(&khm), [0, 1]);
        assert!(khm.shows_paragraph("p1"));
        assert_eq!(khm.events, [0], "the event is tagged asean");
        // asean matches items tagged with a member (p1 is tagged KHM).
        let asean = run("country=asean");
        assert!(asean.shows_paragraph("p1"));
        assert!(!asean.shows_paragraph("lead"), "the lead is tagged CHN only");
        // CHN is in no group: it matches the lead only.
        let chn = run("country=chn");
        assert_eq!(chn.paragraphs.iter().collect::<Vec<_>>(), ["lead"]);
        assert!(chn.projects.is_empty());
    }

    #[test]
    fn period_overlap_hides_undated_items() {
        let sel = run("from=2026&to=2030");
        assert_eq!(projects(&sel), [0, 1]);
        assert!(sel.events.is_empty(), "the event is 2019");
        assert!(!sel.shows_paragraph("p1"), "undated paragraphs hide while a period is set");
        assert!(sel.shows_paragraph("p2"), "p2 inherits the project's 2018-2027");
        assert_eq!(projects(&run("to=2019")), [0]);
        assert_eq!(run("from=2019&to=2019").events, [0]);
    }

    #[test]
    fn search_is_case_and_accent_insensitive() {
        let sel = run("q=PROGRÀMME");
        assert_eq!(sel.events, [0]);
        assert!(sel.projects.is_empty());
        let sel = run("q=cambodia");
        assert_eq!(projects(&sel), [0], "geography names are searchable");
        assert!(run("q=programme+zebra").is_empty());
    }

    #[test]
    fn counts_ignore_their_own_facet() {
        let sel = run("theme=employment");
        // Theme counts are computed as if no theme were chosen.
        let all = run("");
        assert_eq!(sel.counts.themes, all.counts.themes);
        assert_eq!(all.counts.themes["employment"], 1);
        // skills: p1, p2 (inherited), event, project 0.
        assert_eq!(all.counts.themes["skills"], 4);
        // Partner counts do respect the chosen theme: only project 1 is left.
        assert_eq!(sel.counts.partners["mohrss"], 1);
        assert_eq!(sel.counts.partners["acftu"], 0);
        assert_eq!(sel.counts.countries["KHM"], 1);
        assert_eq!(sel.counts.countries["CHN"], 0);
    }
}
