//! Applying a filter state to a sheet: which paragraphs, events, projects and
//! contributions show, and the live count beside each facet option. The one
//! filtering engine: every view reads its [`Selection`].
//!
//! Rules: AND across facets, OR within one. Period: an item shows when its
//! years overlap `[from, to]`; an item with no years hides while a period is
//! set. Search: every term must occur in the item's folded text. Counts
//! follow faceted search: an option's count is the number of items matching
//! every *other* facet plus that option. Contributions (money that is not a
//! project budget) follow themes, partners (as funders), the period and the
//! search (title and source sentence); they name no country, so a country
//! filter hides them all; they are not counted in the facets.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Contribution, FactSheet};

use super::index::{Chosen, Index, Item, ItemKind, Slots};
use super::state::{Facet, FilterState};
use super::text::{fold, matches, terms};

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
    /// Indices into `sheet.contributions`, in source order.
    pub contributions: Vec<usize>,
    /// Indices into `sheet.reach` (places reached without a named project), in source order.
    pub reach: Vec<usize>,
    /// The events and projects that match every filter but the country: the
    /// map shows them, since it is the country facet.
    pub ignoring_country: Reached,
    pub counts: FacetCounts,
}

/// Events and projects (indices into the sheet), for the map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reached {
    /// By date, then source order.
    pub events: Vec<usize>,
    /// In source order.
    pub projects: Vec<usize>,
    /// Reach entries, in source order.
    pub reach: Vec<usize>,
}

impl Selection {
    /// Paragraphs, events and projects shown (what the summary counts).
    pub fn total(&self) -> usize {
        self.paragraphs.len() + self.events.len() + self.projects.len() + self.reach.len()
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    pub fn shows_paragraph(&self, id: &str) -> bool {
        self.paragraphs.contains(id)
    }
}

/// Whether a contribution shows: a theme and a funder among those chosen
/// (when any are), its years overlapping the period, every search term in its
/// title or source sentence, and no country chosen (contributions name none).
fn contribution_ok(c: &Contribution, state: &FilterState, terms: &[String]) -> bool {
    state.countries.is_empty()
        && (state.themes.is_empty() || c.themes.iter().any(|t| state.themes.contains(t)))
        && (state.partners.is_empty() || c.funders.iter().any(|p| state.partners.contains(p)))
        && state.from.is_none_or(|from| c.period.is_some_and(|p| p.end >= from))
        && state.to.is_none_or(|to| c.period.is_some_and(|p| p.start <= to))
        && (terms.is_empty() || matches(&fold(&format!("{} {}", c.title, c.source.quote)), terms))
}

/// The facets other than search and period, each tested on its own; the
/// country filter as the places it selects (`None`: no country chosen).
fn facet_ok(index: &Index, item: &Item, state: &FilterState, chosen: Option<&Chosen>, facet: Facet) -> bool {
    match facet {
        Facet::Theme => state.themes.is_empty() || state.themes.iter().any(|t| item.themes.contains(t)),
        Facet::Partner => state.partners.is_empty() || state.partners.iter().any(|p| item.partners.contains(p)),
        Facet::Country => chosen.is_none_or(|c| index.selects(c, item)),
    }
}

/// Period and search, which every count respects.
fn base_ok(item: &Item, period: Option<(i32, i32)>, terms: &[String]) -> bool {
    let in_period = match (period, item.years) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some((from, to)), Some((a, b))) => a <= to && b >= from,
    };
    in_period && matches(&item.text, terms)
}

fn bump(counts: &mut [usize], slots: &[u32]) {
    for &slot in slots {
        if let Some(n) = counts.get_mut(slot as usize) {
            *n += 1;
        }
    }
}

/// Counts by option position, as counts by option id (every option, the
/// first of a repeated id).
fn by_id<'a>(ids: impl Iterator<Item = &'a String>, counts: &[usize]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (id, n) in ids.zip(counts) {
        out.entry(id.clone()).or_insert(*n);
    }
    out
}

/// Applies `state` to the sheet indexed by `index`.
pub fn select(sheet: &FactSheet, index: &Index, state: &FilterState) -> Selection {
    let period = state.period();
    let terms = terms(&state.q);
    let mut sel = Selection::default();
    // Counted by option position (`Index::slots`), named at the end.
    let mut themes = vec![0; sheet.themes.len()];
    let mut partners = vec![0; sheet.partners.len()];
    let chosen = (!state.countries.is_empty()).then(|| index.chosen(state.countries.iter().map(String::as_str)));
    // Items counted per set of country options (`Index::selecting`): the
    // items of the same places add to the same options, once per set.
    let mut by_set = vec![0; index.selecting.len()];
    let no_slots = Slots::default();
    for (i, item) in index.items.iter().enumerate() {
        let slots = index.slots.get(i).unwrap_or(&no_slots);
        if !base_ok(item, period, &terms) {
            continue;
        }
        let [theme, partner, country] =
            [Facet::Theme, Facet::Partner, Facet::Country].map(|f| facet_ok(index, item, state, chosen.as_ref(), f));
        if theme && partner && country {
            match item.kind {
                ItemKind::Paragraph => {
                    sel.paragraphs.insert(item.id.clone());
                }
                ItemKind::Event => sel.events.push(item.position),
                ItemKind::Project => sel.projects.push(item.position),
                ItemKind::Reach => sel.reach.push(item.position),
            }
        }
        // An item counts for an option of facet F when it passes every
        // facet but F, and has that option.
        if partner && country {
            bump(&mut themes, &slots.themes);
        }
        if theme && country {
            bump(&mut partners, &slots.partners);
        }
        if theme && partner {
            if let Some(n) = by_set.get_mut(slots.countries as usize) {
                *n += 1;
            }
            match item.kind {
                ItemKind::Event => sel.ignoring_country.events.push(item.position),
                ItemKind::Project => sel.ignoring_country.projects.push(item.position),
                ItemKind::Reach => sel.ignoring_country.reach.push(item.position),
                ItemKind::Paragraph => {}
            }
        }
    }
    let mut countries = vec![0; sheet.geographies.len()];
    for (set, &n) in index.selecting.iter().zip(&by_set).filter(|(_, &n)| n > 0) {
        for &slot in set.iter() {
            if let Some(count) = countries.get_mut(slot as usize) {
                *count += n;
            }
        }
    }
    // Stable: events of the same date keep their source order.
    sel.events.sort_by_key(|&i| sheet.events.get(i).map(|e| e.date));
    sel.ignoring_country.events.sort_by_key(|&i| sheet.events.get(i).map(|e| e.date));
    sel.contributions = (0..sheet.contributions.len())
        .filter(|&i| sheet.contributions.get(i).is_some_and(|c| contribution_ok(c, state, &terms)))
        .collect();
    sel.counts = FacetCounts {
        themes: by_id(sheet.themes.iter().map(|t| &t.id), &themes),
        partners: by_id(sheet.partners.iter().map(|p| &p.id), &partners),
        countries: by_id(sheet.geographies.iter().map(|g| &g.id), &countries),
    };
    sel
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture::sample;

    fn run(query: &str) -> Selection {
        let s = sample();
        select(&s, &Index::new(&s), &FilterState::from_query(query))
    }

    fn paragraphs(sel: &Selection) -> Vec<&str> {
        sel.paragraphs.iter().map(String::as_str).collect()
    }

    const NONE: [&str; 0] = [];

    #[test]
    fn no_filters_show_everything() {
        let sel = run("");
        assert_eq!(paragraphs(&sel), ["lead", "p-close", "p-skills", "p-social", "p-sub", "p-timor"]);
        assert_eq!(sel.events, [1, 2, 0], "by date (2018, 2019, 2019-04)");
        assert_eq!(sel.projects, [0, 1]);
        assert_eq!(sel.total(), 11);
        assert!(!sel.is_empty());
        assert!(sel.shows_paragraph("lead") && sel.projects.contains(&1));
        assert_eq!(run("?view=timeline&lang=fr"), sel, "view and language filter nothing");
        assert_eq!(run("?q=%20%20"), sel, "a blank search filters nothing");
    }

    #[test]
    fn each_facet_alone() {
        let sel = run("theme=skills");
        assert_eq!(paragraphs(&sel), ["p-skills", "p-sub"], "p-sub inherits its project's theme");
        assert_eq!((sel.events.as_slice(), sel.projects.as_slice()), (&[1][..], &[0][..]));

        let sel = run("partner=acftu");
        assert_eq!(paragraphs(&sel), NONE);
        assert_eq!((sel.events.as_slice(), sel.projects.as_slice()), (&[2][..], &[1][..]));

        let sel = run("partner=mohrss");
        assert_eq!(paragraphs(&sel), ["p-sub"], "a project's funder tags its subsection");
        assert_eq!(sel.events, [0]);
        assert_eq!(sel.projects, [0, 1], "funders count as partners");

        let sel = run("country=KEN");
        assert_eq!(paragraphs(&sel), ["p-social"]);
        assert_eq!((sel.events.as_slice(), sel.projects.as_slice()), (&[2][..], &[1][..]));
    }

    #[test]
    fn or_within_and_across_facets() {
        let sel = run("theme=skills,employment");
        assert_eq!(sel.events, [1, 0]);
        assert_eq!(sel.projects, [0]);
        assert_eq!(run("theme=skills&theme=employment"), sel, "repeated keys are the same as a list");

        let sel = run("theme=social-protection&country=KEN");
        assert_eq!(paragraphs(&sel), ["p-social"]);
        assert_eq!((sel.events.as_slice(), sel.projects.as_slice()), (&[2][..], &[1][..]));

        assert!(run("theme=skills&partner=acftu").is_empty());
        let sel = run("theme=skills,social-protection&partner=acftu");
        assert_eq!((sel.events.as_slice(), sel.projects.as_slice()), (&[2][..], &[1][..]));
        let sel = run("theme=skills&partner=tsinghua&country=KHM&from=2020");
        assert_eq!(paragraphs(&sel), ["p-sub"]);
        assert_eq!(sel.projects, [0]);
        assert!(sel.events.is_empty());
    }

    #[test]
    fn country_rule_with_groups() {
        // KHM selects items tagged KHM and items tagged asean (a group KHM is in).
        let khm = run("country=KHM");
        assert_eq!(paragraphs(&khm), ["p-skills", "p-sub"]);
        assert_eq!(khm.events, [1], "the launch is tagged asean");
        assert_eq!(khm.projects, [0], "the ASEAN project");
        // KEN is in no group: asean-tagged items stay hidden.
        let ken = run("country=KEN");
        assert!(!ken.projects.contains(&0) && !ken.events.contains(&1));
        // asean selects items tagged asean and items tagged with a member.
        let asean = run("country=asean");
        assert_eq!(paragraphs(&asean), ["p-skills", "p-social", "p-sub"]);
        assert_eq!(asean.events, [1]);
        assert_eq!(asean.projects, [0, 1], "sp-lao-kenya reaches LAO");
        assert!(!asean.events.contains(&2), "the Kenya visit is not ASEAN");
        // A group without a member list selects its own tag only.
        let global = run("country=global");
        assert_eq!((global.events.as_slice(), global.total()), (&[0][..], 1));
        // Lower-case codes from a URL are upper-cased; unknown ids select nothing.
        assert_eq!(paragraphs(&run("country=chn")), ["lead"]);
        assert!(run("country=ZZZ").is_empty());
        // OR within the facet.
        assert_eq!(run("country=KHM,KEN").projects, [0, 1]);
    }

    #[test]
    fn period_overlap_hides_undated_items() {
        let sel = run("from=2020&to=2022");
        assert_eq!(paragraphs(&sel), ["p-social", "p-sub"], "undated p-skills and p-close hide; p-timor is 2023");
        assert!(sel.events.is_empty());
        assert_eq!(sel.projects, [0, 1]);

        let sel = run("to=2018");
        assert_eq!(paragraphs(&sel), ["lead", "p-sub"]);
        assert_eq!((sel.events.as_slice(), sel.projects.as_slice()), (&[1][..], &[0][..]));

        let sel = run("from=2023");
        assert_eq!(paragraphs(&sel), ["p-social", "p-sub", "p-timor"], "2021-25 overlaps 2023 onwards");
        assert!(sel.events.is_empty());

        let sel = run("from=2019&to=2019");
        assert_eq!(sel.events, [2, 0]);
        assert_eq!(sel.projects, [0]);
        assert!(run("from=2030").is_empty());
    }

    #[test]
    fn search_is_case_and_accent_insensitive() {
        let sel = run("q=Timor-L%C3%A9ste");
        assert_eq!((paragraphs(&sel), sel.total()), (vec!["p-timor"], 1));
        let sel = run("q=LAO");
        assert_eq!(paragraphs(&sel), ["p-social"]);
        assert_eq!(sel.projects, [1]);
        assert!(sel.events.is_empty());
        let sel = run("q=tsinghua");
        assert_eq!(paragraphs(&sel), ["p-skills"]);
        assert_eq!(sel.projects, [0], "partner names are searchable");
        assert_eq!(run("q=MoU").events, [0]);
        assert!(run("q=programme+zebra").is_empty(), "every term must occur");
        let sel = run("q=kenya&theme=social-protection");
        assert_eq!(paragraphs(&sel), ["p-social"]);
        assert_eq!((sel.events.as_slice(), sel.projects.as_slice()), (&[2][..], &[1][..]));
    }

    fn counts(map: &BTreeMap<String, usize>) -> Vec<(&str, usize)> {
        map.iter().map(|(k, v)| (k.as_str(), *v)).collect()
    }

    #[test]
    fn counts_without_filters() {
        let c = run("").counts;
        assert_eq!(counts(&c.themes), [("employment", 1), ("skills", 4), ("social-protection", 3)]);
        assert_eq!(counts(&c.partners), [("acftu", 2), ("mohrss", 4), ("tsinghua", 3)]);
        assert_eq!(
            counts(&c.countries),
            [("CHN", 2), ("KEN", 3), ("KHM", 4), ("LAO", 5), ("TLS", 1), ("asean", 6), ("global", 1)]
        );
    }

    #[test]
    fn counts_ignore_their_own_facet() {
        let all = run("").counts;
        let skills = run("theme=skills").counts;
        assert_eq!(skills.themes, all.themes, "theme counts as if no theme were chosen");
        assert_eq!(counts(&skills.partners), [("acftu", 0), ("mohrss", 2), ("tsinghua", 3)]);
        assert_eq!(skills.countries["KEN"], 0);
        assert_eq!(skills.countries["LAO"], 3);

        let ken = run("country=KEN").counts;
        assert_eq!(ken.countries, all.countries);
        assert_eq!(counts(&ken.themes), [("employment", 0), ("skills", 0), ("social-protection", 3)]);

        let acftu = run("partner=acftu").counts;
        assert_eq!(acftu.partners, all.partners);
        assert_eq!(acftu.themes["social-protection"], 2);

        // Search and period narrow every facet's counts.
        let kenya = run("q=kenya").counts;
        assert_eq!(counts(&kenya.themes), [("employment", 0), ("skills", 0), ("social-protection", 3)]);
        assert_eq!(run("from=2030").counts.countries.values().sum::<usize>(), 0);
    }

    #[test]
    fn a_count_is_what_choosing_that_option_alone_would_show() {
        let s = sample();
        let index = Index::new(&s);
        let queries = [
            "",
            "theme=skills",
            "partner=mohrss&country=asean",
            "q=social&from=2019",
            "theme=employment,skills&country=KEN",
        ];
        for query in queries {
            let state = FilterState::from_query(query);
            let c = select(&s, &index, &state).counts;
            let only = |f: &dyn Fn(&mut FilterState)| {
                let mut st = state.clone();
                f(&mut st);
                select(&s, &index, &st).total()
            };
            for (id, n) in &c.themes {
                assert_eq!(*n, only(&|st| st.themes = vec![id.clone()]), "{query}: theme {id}");
            }
            for (id, n) in &c.partners {
                assert_eq!(*n, only(&|st| st.partners = vec![id.clone()]), "{query}: partner {id}");
            }
            for (id, n) in &c.countries {
                assert_eq!(*n, only(&|st| st.countries = vec![id.clone()]), "{query}: country {id}");
            }
        }
    }

    #[test]
    fn past_the_budget_an_item_is_selected_and_counted_by_its_own_places() {
        use crate::model::geography::Groups;
        let s = sample();
        let (full, _) = Groups::of(&s).budget();
        for budget in [0, full / 3, full / 2, full - 1, full] {
            let index = Index::with_groups(&s, Groups::within(&s, budget));
            for query in ["", "theme=skills", "country=asean", "country=KHM&partner=mohrss"] {
                let state = FilterState::from_query(query);
                let sel = select(&s, &index, &state);
                for (id, n) in &sel.counts.countries {
                    let only = FilterState { countries: vec![id.clone()], ..state.clone() };
                    assert_eq!(*n, select(&s, &index, &only).total(), "budget {budget}, {query}: country {id}");
                }
                for item in &index.items {
                    let selected = index.countries(item).iter().any(|c| state.countries.contains(&c.to_string()));
                    let chosen = index.chosen(state.countries.iter().map(String::as_str));
                    assert!(state.countries.is_empty() || selected == index.selects(&chosen, item), "{}", item.id);
                }
            }
        }
        // Nothing expanded: KHM selects the item tagged KHM, not those tagged asean.
        let bare = Index::with_groups(&s, Groups::within(&s, 0));
        let khm = select(&s, &bare, &FilterState::from_query("country=KHM"));
        assert_eq!((paragraphs(&khm), khm.total()), (vec!["p-skills"], 1));
        assert_eq!(select(&s, &bare, &FilterState::from_query("country=asean")).projects, [0]);
    }

    #[test]
    fn contributions_follow_themes_funders_years_and_search_and_hide_for_a_country() {
        use crate::model::{Contribution, Period, Source};
        let contribution =
            |id: &str, funders: &[&str], themes: &[&str], (start, end): (i32, i32), quote: &str| Contribution {
                id: id.into(),
                title: format!("Contribution {id}").into(),
                funders: funders.iter().map(|s| s.to_string()).collect(),
                themes: themes.iter().map(|s| s.to_string()).collect(),
                period: Some(Period { start, end }),
                source: Source { section: "s".into(), quote: quote.into() },
                ..Contribution::default()
            };
        let sheet = FactSheet {
            contributions: vec![
                contribution("total", &[], &[], (2021, 2025), "A total of US$ 8 million."),
                contribution("first", &[], &["skills"], (2012, 2012), "The first agreement, in Kenya."),
                contribution("jpo", &["mohrss"], &[], (2021, 2025), "Junior Professional Officers."),
            ],
            ..FactSheet::default()
        };
        let index = Index::new(&sheet);
        let shown = |query: &str| select(&sheet, &index, &FilterState::from_query(query)).contributions;
        assert_eq!(shown(""), [0, 1, 2]);
        assert_eq!(shown("?partner=mohrss"), [2]);
        assert_eq!(shown("?theme=skills"), [1]);
        assert_eq!(shown("?theme=employment"), Vec::<usize>::new());
        assert_eq!(shown("?to=2015"), [1]);
        assert_eq!(shown("?from=2025"), [0, 2]);
        assert_eq!(shown("?from=2013&to=2020"), Vec::<usize>::new());
        assert_eq!(shown("?q=junior+officers"), [2]);
        assert_eq!(shown("?q=kenya"), [1], "the source sentence is searched too");
        assert_eq!(shown("?country=KEN"), Vec::<usize>::new(), "contributions name no country");
        assert_eq!(select(&sheet, &index, &FilterState::default()).total(), 0, "not counted as items");
    }

    #[test]
    fn the_map_gets_everything_but_the_country_filter_in_the_same_pass() {
        let sheet = sample();
        let index = Index::new(&sheet);
        let with = select(&sheet, &index, &FilterState::from_query("?country=KEN&theme=skills"));
        let without = select(&sheet, &index, &FilterState::from_query("?theme=skills"));
        assert_eq!(with.ignoring_country.projects, without.projects);
        assert_eq!(with.ignoring_country.events, without.events);
        assert!(with.projects.len() <= without.projects.len());
        let plain = select(&sheet, &index, &FilterState::default());
        assert_eq!(
            (plain.ignoring_country.projects.clone(), plain.ignoring_country.events.clone()),
            (plain.projects, plain.events)
        );
    }
}
