//! What each filterable item is, precomputed once per sheet: its tags, its
//! places (its own geographies), its years and its folded text; and, for the
//! country facet, which options select the items of each set of places.
//!
//! Items are the lead and every paragraph, every event, every project. A
//! paragraph under a project's subsection also carries that project's tags
//! (themes, partners and funders, geographies) and period, so filtering by
//! the project's theme keeps its description.
//!
//! Years: a paragraph's are the years its text mentions
//! ([`years_in_text`]), widened to its project's period when it has one; an
//! event's is its date's year; a project's is its period.
//!
//! Searchable text: a paragraph's text; an event's title, source quote and
//! the names of its partners and geographies; a project's title, summary,
//! results, the short and full names of its partners and funders, the names
//! of its geographies and the units of its figures.
//!
//! The country rule: filter value `v` selects an item when `v` is one of the
//! item's geographies, or a member of one of its groups (`KHM` selects an
//! item tagged `asean`), or a group one of whose known members the item
//! reaches (`asean` selects an item tagged `KHM`). Groups are never added to
//! a country's item, so a country outside a group never selects the group's
//! items (`KEN` does not select an `asean` item), and a group without a known
//! member list selects only the items tagged with it. An item past the
//! sheet's budget for groups ([`Groups`]) is selected by its own geographies
//! alone.
//!
//! The rule is answered by lookup, never by copying a group's members into
//! each item: an item keeps its own places; a filter value is turned once
//! into the places whose items it selects ([`Chosen`]); the country counts
//! are made per distinct set of places ([`Index::selecting`]), each worked
//! out once within the budget.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::model::geography::{Groups, Owner};
use crate::model::{FactSheet, LocalText};

use super::text::{fold, years_in_text};

/// Which collection an item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Paragraph,
    Event,
    Project,
    /// Countries or regions reached without a named project (`sheet.reach`).
    Reach,
}

/// One filterable item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// The paragraph's, event's or project's id.
    pub id: String,
    /// Reading order among paragraphs; the index into `sheet.events` or
    /// `sheet.projects` for the others.
    pub position: usize,
    pub themes: BTreeSet<String>,
    /// Partner ids, funders included.
    pub partners: BTreeSet<String>,
    /// The item's geographies (a subsection paragraph's with its project's),
    /// each once, as numbers of [`Index::groups`].
    pub places: Vec<u32>,
    /// Whether its groups stand for their members (not past the budget).
    pub expanded: bool,
    /// First and last year, both included.
    pub years: Option<(i32, i32)>,
    /// Folded searchable text.
    pub text: String,
}

/// The items of one sheet, and its groups.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    /// Paragraphs in reading order (lead first), then events, then projects.
    pub items: Vec<Item>,
    /// Per item (same order as `items`), where its tags sit among the
    /// sheet's facet options, so counting needs no string lookups.
    pub slots: Vec<Slots>,
    /// For each distinct set of places (and whether expanded), the positions
    /// of the country options that select its items (the module's rule), in
    /// `sheet.geographies`. Items of the same places share one.
    pub selecting: Vec<Box<[u32]>>,
    /// Shared with the map's places (`geo::reach::Members`).
    groups: Arc<Groups>,
}

/// An item's themes and partners as positions in the sheet's `themes` and
/// `partners` (the facet options; the first of a repeated id), tags that are
/// no option left out; its country options by [`Index::selecting`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slots {
    pub themes: Vec<u32>,
    pub partners: Vec<u32>,
    /// Where its country options are in [`Index::selecting`].
    pub countries: u32,
}

/// The places a country filter selects the items of, worked out once per
/// filter: [`Index::chosen`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chosen {
    /// Per place: an item naming it is selected (the rule, for an item
    /// whose groups are expanded).
    through: Vec<bool>,
    /// Per place: it is a value chosen (for an item past the budget).
    own: Vec<bool>,
}

/// Each option id's position in `ids` (the first, for a repeated id).
pub fn option_slots<'a>(ids: impl Iterator<Item = &'a String>) -> BTreeMap<&'a str, u32> {
    let mut out = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        out.entry(id.as_str()).or_insert(i as u32);
    }
    out
}

fn set<'a>(ids: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    ids.into_iter().cloned().collect()
}

/// The tags an item is built from.
struct Tags<'a> {
    kind: ItemKind,
    id: &'a str,
    position: usize,
    themes: BTreeSet<String>,
    partners: BTreeSet<String>,
    years: Option<(i32, i32)>,
    text: String,
}

impl Tags<'_> {
    fn owner(&self) -> Owner {
        match self.kind {
            ItemKind::Paragraph => Owner::Paragraph(self.position),
            ItemKind::Event => Owner::Event(self.position),
            ItemKind::Project => Owner::Project(self.position),
            ItemKind::Reach => Owner::Reach(self.position),
        }
    }
}

impl Index {
    /// Indexes every paragraph, event and project of `sheet`.
    pub fn new(sheet: &FactSheet) -> Index {
        Index::with_groups(sheet, Groups::of(sheet))
    }

    /// The same with the sheet's groups worked out already (tests give
    /// them a small budget: `Groups::within`).
    pub fn with_groups(sheet: &FactSheet, groups: Groups) -> Index {
        let mut index = Index { groups: Arc::new(groups), ..Index::default() };
        let names = Names::of(sheet);

        for (position, (p, project)) in sheet.reading_order().into_iter().enumerate() {
            let mut tags = Tags {
                kind: ItemKind::Paragraph,
                id: &p.id,
                position,
                themes: set(&p.themes),
                partners: set(&p.partners),
                years: years_in_text(&p.text),
                text: fold(&every_language(&p.text)),
            };
            if let Some(project) = project {
                tags.themes.extend(project.themes.iter().cloned());
                tags.partners.extend(project.partners.iter().chain(&project.funders).cloned());
                let (a, b) = (project.period.start, project.period.end);
                tags.years = Some(tags.years.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))));
            }
            index.push(tags);
        }

        for (position, e) in sheet.events.iter().enumerate() {
            let brief = Brief { title: &e.title, quote: &e.source.quote, themes: &e.themes, partners: &e.partners };
            let tags =
                brief.tags(&names, ItemKind::Event, &e.id, position, &e.geographies, Some((e.date.year, e.date.year)));
            index.push(tags);
        }

        for (position, p) in sheet.projects.iter().enumerate() {
            let mut text = vec![every_language(&p.title), every_language(&p.summary)];
            text.extend(p.results.iter().map(every_language));
            text.push(names.of_ids(&p.funders));
            text.push(names.of_ids(&p.partners));
            text.push(names.of_ids(&p.geographies));
            text.extend(p.figures.iter().map(|f| every_language(&f.unit)));
            let tags = Tags {
                kind: ItemKind::Project,
                id: &p.id,
                position,
                themes: set(&p.themes),
                partners: set(p.partners.iter().chain(&p.funders)),
                years: Some((p.period.start, p.period.end)),
                text: fold(&text.join(" ")),
            };
            index.push(tags);
        }
        for (position, r) in sheet.reach.iter().enumerate() {
            let brief = Brief { title: &r.title, quote: &r.source.quote, themes: &r.themes, partners: &r.partners };
            let tags = brief.tags(
                &names,
                ItemKind::Reach,
                &r.id,
                position,
                &r.geographies,
                r.period.map(|p| (p.start, p.end)),
            );
            index.push(tags);
        }
        let [themes, partners] =
            [option_slots(sheet.themes.iter().map(|t| &t.id)), option_slots(sheet.partners.iter().map(|p| &p.id))];
        let slots = |ids: &BTreeSet<String>, options: &BTreeMap<&str, u32>| {
            ids.iter().filter_map(|id| options.get(id.as_str()).copied()).collect()
        };
        let countries = index.country_sets(sheet);
        index.slots = index
            .items
            .iter()
            .zip(countries)
            .map(|(item, countries)| Slots {
                themes: slots(&item.themes, &themes),
                partners: slots(&item.partners, &partners),
                countries,
            })
            .collect();
        index
    }

    fn push(&mut self, tags: Tags<'_>) {
        let owner = tags.owner();
        self.items.push(Item {
            kind: tags.kind,
            id: tags.id.to_string(),
            position: tags.position,
            themes: tags.themes,
            partners: tags.partners,
            places: self.groups.places(owner).to_vec(),
            expanded: self.groups.expands(owner),
            years: tags.years,
            text: tags.text,
        });
    }

    /// Fills `selecting`, one entry per distinct set of places; returns each
    /// item's. Each set costs its places, their groups and their groups'
    /// members with theirs once: what [`Groups`] budgets.
    fn country_sets(&mut self, sheet: &FactSheet) -> Vec<u32> {
        // The option position of each place (the first of a repeated id).
        let mut option: Vec<Option<u32>> = vec![None; self.groups.len()];
        for (i, g) in sheet.geographies.iter().enumerate() {
            if let Some(slot) = self.groups.id(&g.id).and_then(|id| option.get_mut(id as usize)) {
                slot.get_or_insert(i as u32);
            }
        }
        let mut seen: FxHashMap<(&[u32], bool), u32> = FxHashMap::default();
        // The set each place was last added to, so each counts once.
        let mut mark: Vec<u32> = vec![u32::MAX; self.groups.len()];
        let mut sets: Vec<Box<[u32]>> = Vec::new();
        let mut out = Vec::with_capacity(self.items.len());
        for item in &self.items {
            let key = (&item.places[..], item.expanded);
            if let Some(&set) = seen.get(&key) {
                out.push(set);
                continue;
            }
            let set = sets.len() as u32;
            let mut slots = Vec::new();
            let mut add = |place: u32| {
                if let Some(m) = mark.get_mut(place as usize).filter(|m| **m != set) {
                    *m = set;
                    slots.extend(option.get(place as usize).copied().flatten());
                }
            };
            for &place in &item.places {
                add(place);
                if item.expanded {
                    self.groups.groups_of(place).iter().for_each(|&g| add(g));
                    for &m in self.groups.members_of(place) {
                        add(m);
                        self.groups.groups_of(m).iter().for_each(|&g| add(g));
                    }
                }
            }
            sets.push(slots.into_boxed_slice());
            seen.insert(key, set);
            out.push(set);
        }
        self.selecting = sets;
        out
    }

    /// The sheet's geographies and groups, expanded once.
    pub fn groups(&self) -> &Arc<Groups> {
        &self.groups
    }

    /// A group's known member countries (nested groups expanded).
    pub fn members(&self, group: &str) -> Vec<&str> {
        self.groups.members(group).collect()
    }

    /// The places whose items a country filter of `values` selects (any of
    /// them: the module's rule, by lookup): each value, the groups it is a
    /// member of, its members and their groups.
    pub fn chosen<'v>(&self, values: impl IntoIterator<Item = &'v str>) -> Chosen {
        let n = self.groups.len();
        let mut chosen = Chosen { through: vec![false; n], own: vec![false; n] };
        // Each member's groups marked once, however many values hold it.
        let mut done = vec![false; n];
        for v in values.into_iter().filter_map(|v| self.groups.id(v)) {
            let mut mark = |p: u32| {
                if let Some(at) = chosen.through.get_mut(p as usize) {
                    *at = true;
                }
            };
            mark(v);
            self.groups.groups_of(v).iter().for_each(|&g| mark(g));
            for &m in self.groups.members_of(v) {
                if let Some(first) = done.get_mut(m as usize).filter(|d| !**d) {
                    *first = true;
                    mark(m);
                    self.groups.groups_of(m).iter().for_each(|&g| mark(g));
                }
            }
            if let Some(at) = chosen.own.get_mut(v as usize) {
                *at = true;
            }
        }
        chosen
    }

    /// Whether the filter `chosen` stands for selects `item`.
    pub fn selects(&self, chosen: &Chosen, item: &Item) -> bool {
        let wanted = if item.expanded { &chosen.through } else { &chosen.own };
        item.places.iter().any(|&p| wanted.get(p as usize).copied().unwrap_or(false))
    }

    /// The country rule (see the module doc): does `value` select `item`?
    pub fn matches_country(&self, item: &Item, value: &str) -> bool {
        self.selects(&self.chosen([value]), item)
    }

    /// The item's geographies and, when expanded, the known members of its
    /// groups: the places it reaches.
    pub fn geographies(&self, item: &Item) -> BTreeSet<&str> {
        let mut out = BTreeSet::new();
        for &p in &item.places {
            out.insert(self.groups.name(p));
            if item.expanded {
                out.extend(self.groups.members_of(p).iter().map(|&m| self.groups.name(m)));
            }
        }
        out
    }

    /// Every country-facet value that selects the item (the module's rule):
    /// the places it reaches and, when expanded, the groups of each.
    pub fn countries(&self, item: &Item) -> BTreeSet<&str> {
        let reached = self.geographies(item);
        let mut out = reached.clone();
        if item.expanded {
            for place in reached.iter().filter_map(|p| self.groups.id(p)) {
                out.extend(self.groups.groups_of(place).iter().map(|&g| self.groups.name(g)));
            }
        }
        out
    }

    /// The item of a paragraph, event or project id, if indexed.
    pub fn item(&self, kind: ItemKind, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.kind == kind && i.id == id)
    }
}

/// A text in all its languages, for the search: a reader finds it by the
/// words of any.
fn every_language(text: &LocalText) -> String {
    text.all().collect::<Vec<_>>().join(" ")
}

/// The names of partners (short and full) and geographies among `ids`.
/// An item told by a title and its source sentence (an event, a reach
/// entry): searched in both and in the names of its partners and places.
struct Brief<'a> {
    title: &'a LocalText,
    quote: &'a str,
    themes: &'a [String],
    partners: &'a [String],
}

impl<'a> Brief<'a> {
    fn tags(
        &self,
        names: &Names<'_>,
        kind: ItemKind,
        id: &'a str,
        position: usize,
        geographies: &'a [String],
        years: Option<(i32, i32)>,
    ) -> Tags<'a> {
        let text = [&every_language(self.title), self.quote, &names.of_ids(self.partners), &names.of_ids(geographies)];
        Tags {
            kind,
            id,
            position,
            themes: set(self.themes),
            partners: set(self.partners),
            years,
            text: fold(&text.join(" ")),
        }
    }
}

/// The names an id is searched by, looked up once per sheet (a sheet of
/// thousands of projects names its partners and places tens of thousands
/// of times): a partner's short and full names, a geography's name; the
/// first of a repeated id.
struct Names<'a> {
    partners: BTreeMap<&'a str, [&'a str; 2]>,
    geographies: BTreeMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn of(sheet: &'a FactSheet) -> Names<'a> {
        let mut names = Names { partners: BTreeMap::new(), geographies: BTreeMap::new() };
        for p in &sheet.partners {
            names.partners.entry(p.id.as_str()).or_insert([p.short_name.as_str(), &p.name]);
        }
        for g in &sheet.geographies {
            names.geographies.entry(g.id.as_str()).or_insert(&g.name);
        }
        names
    }

    /// The names of the partners and geographies among `ids`, in their order.
    fn of_ids(&self, ids: &[String]) -> String {
        let mut out: Vec<&str> = Vec::new();
        for id in ids {
            if let Some(both) = self.partners.get(id.as_str()) {
                out.extend(both);
            }
            if let Some(name) = self.geographies.get(id.as_str()) {
                out.push(name);
            }
        }
        out.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Geography, GeographyKind};
    use crate::query::fixture::sample;
    use crate::query::text::{matches, terms};

    fn item<'a>(index: &'a Index, kind: ItemKind, id: &str) -> &'a Item {
        index.item(kind, id).unwrap_or_else(|| panic!("{kind:?} {id} not indexed"))
    }

    fn strs<'a, S: AsRef<str> + ?Sized + 'a>(set: impl IntoIterator<Item = &'a S>) -> Vec<&'a str> {
        set.into_iter().map(AsRef::as_ref).collect()
    }

    #[test]
    fn indexes_every_paragraph_event_and_project_in_order() {
        let s = sample();
        let index = Index::new(&s);
        let ids: Vec<(ItemKind, &str)> = index.items.iter().map(|i| (i.kind, i.id.as_str())).collect();
        use ItemKind::*;
        assert_eq!(
            ids,
            [
                (Paragraph, "lead"),
                (Paragraph, "p-skills"),
                (Paragraph, "p-social"),
                (Paragraph, "p-timor"),
                (Paragraph, "p-sub"),
                (Paragraph, "p-close"),
                (Event, "e-mou"),
                (Event, "e-launch"),
                (Event, "e-visit"),
                (Project, "skills-asean"),
                (Project, "sp-lao-kenya"),
            ]
        );
        assert_eq!(item(&index, Project, "sp-lao-kenya").position, 1);
        assert_eq!(item(&index, Paragraph, "p-sub").position, 4);
        assert_eq!(index.members("asean"), ["KHM", "LAO"]);
        assert!(index.members("global").is_empty(), "a group without members lists none");
    }

    #[test]
    fn nested_groups_stand_for_their_countries_as_on_the_map() {
        let mut sheet = sample();
        sheet.geographies.push(Geography {
            id: "asean-plus".into(),
            kind: GeographyKind::Group,
            name: "ASEAN and Kenya".into(),
            members: Some(vec!["asean".into(), "KEN".into()]),
            ..Geography::default()
        });
        let index = Index::new(&sheet);
        assert_eq!(index.members("asean-plus"), ["KHM", "LAO", "KEN"], "in the order listed");
        // The Kenya project reaches a member, so the nested group selects it.
        assert!(index.matches_country(item(&index, ItemKind::Project, "sp-lao-kenya"), "asean-plus"));
    }

    #[test]
    fn subsection_paragraphs_inherit_the_projects_tags_and_period() {
        let index = Index::new(&sample());
        let sub = item(&index, ItemKind::Paragraph, "p-sub");
        assert_eq!(strs(&sub.themes), ["skills"]);
        assert_eq!(strs(&sub.partners), ["mohrss", "tsinghua"], "partners and funders");
        assert_eq!(strs(index.geographies(sub)), ["KHM", "LAO", "asean"]);
        assert_eq!(sub.years, Some((2018, 2027)));
        let close = item(&index, ItemKind::Paragraph, "p-close");
        assert!(close.themes.is_empty() && index.geographies(close).is_empty());
        assert_eq!(close.years, None);
    }

    #[test]
    fn years_per_kind() {
        let index = Index::new(&sample());
        assert_eq!(item(&index, ItemKind::Paragraph, "lead").years, Some((1985, 1985)));
        assert_eq!(item(&index, ItemKind::Paragraph, "p-social").years, Some((2021, 2025)));
        assert_eq!(item(&index, ItemKind::Paragraph, "p-skills").years, None);
        assert_eq!(item(&index, ItemKind::Event, "e-mou").years, Some((2019, 2019)));
        assert_eq!(item(&index, ItemKind::Project, "skills-asean").years, Some((2018, 2027)));
    }

    #[test]
    fn geographies_expand_groups_and_never_add_them_to_countries() {
        let index = Index::new(&sample());
        let project = item(&index, ItemKind::Project, "skills-asean");
        assert_eq!(strs(index.geographies(project)), ["KHM", "LAO", "asean"]);
        assert_eq!(strs(index.countries(project)), ["KHM", "LAO", "asean"]);
        // Tagged KHM only: reached by the asean filter, but its geographies stay KHM.
        let skills = item(&index, ItemKind::Paragraph, "p-skills");
        assert_eq!(strs(index.geographies(skills)), ["KHM"]);
        assert_eq!(strs(index.countries(skills)), ["KHM", "asean"]);
        // Kenya is in no group with members.
        let visit = item(&index, ItemKind::Event, "e-visit");
        assert_eq!(strs(index.countries(visit)), ["KEN"]);
        assert!(index.matches_country(visit, "KEN"));
        assert!(!index.matches_country(visit, "asean"));
        assert!(index.matches_country(project, "KHM"));
        assert!(!index.matches_country(project, "KEN"));
        // A group without a member list matches its own tag only.
        let global = item(&index, ItemKind::Event, "e-mou");
        assert_eq!(strs(index.countries(global)), ["CHN", "global"]);
    }

    #[test]
    fn searchable_text_per_kind() {
        let index = Index::new(&sample());
        let has = |kind, id, q: &str| matches(&item(&index, kind, id).text, &terms(q));
        // Projects: title, summary, results, partner short and full names, geography names, figure units.
        let found = [
            "skills for asean",
            "vocational",
            "trained",
            "mohrss",
            "ministry of human resources",
            "tsinghua university",
            "asean",
            "tvet institutions",
        ];
        for q in found {
            assert!(has(ItemKind::Project, "skills-asean", q), "{q}");
        }
        assert!(!has(ItemKind::Project, "skills-asean", "cambodia"), "a group's members' names are not its text");
        assert!(has(ItemKind::Project, "sp-lao-kenya", "lao pdr kenya"));
        // Events: title and quote.
        assert!(has(ItemKind::Event, "e-mou", "memorandum"));
        assert!(has(ItemKind::Event, "e-mou", "signed in beijing"));
        // Paragraphs: their own text, folded.
        assert!(has(ItemKind::Paragraph, "p-timor", "TIMOR-LÉSTE"));
        assert!(!has(ItemKind::Paragraph, "p-sub", "skills"), "inherited tags are not text");
    }
}
