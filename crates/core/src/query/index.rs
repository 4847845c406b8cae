//! What each filterable item is, precomputed once per sheet: its tags, the
//! geographies it reaches (groups expanded to their known members), the
//! country-facet values that select it, its years and its folded text.
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
//! member list selects only the items tagged with it. [`Item::countries`]
//! holds every value that selects the item.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::geography::Geographies;
use crate::model::{FactSheet, LocalText, Paragraph, Project};

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
    /// The item's geographies plus the known members of its groups.
    pub geographies: BTreeSet<String>,
    /// Every country-facet value that selects the item (the module's rule).
    pub countries: BTreeSet<String>,
    /// First and last year, both included.
    pub years: Option<(i32, i32)>,
    /// Folded searchable text.
    pub text: String,
}

/// The items of one sheet, and group memberships.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    /// Paragraphs in reading order (lead first), then events, then projects.
    pub items: Vec<Item>,
    /// Group id -> its known member ids.
    pub members: BTreeMap<String, BTreeSet<String>>,
    /// Per item (same order as `items`), where its tags sit among the
    /// sheet's facet options, so counting needs no string lookups.
    pub slots: Vec<Slots>,
}

/// An item's themes, partners and country values as positions in the
/// sheet's `themes`, `partners` and `geographies` (the facet options; the
/// first of a repeated id). Tags that are no option are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slots {
    pub themes: Vec<u32>,
    pub partners: Vec<u32>,
    pub countries: Vec<u32>,
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

/// The tags an item is built from, before expansion.
struct Tags<'a> {
    kind: ItemKind,
    id: &'a str,
    position: usize,
    themes: BTreeSet<String>,
    partners: BTreeSet<String>,
    geographies: Vec<&'a String>,
    years: Option<(i32, i32)>,
    text: String,
}

impl Index {
    /// Indexes every paragraph, event and project of `sheet`.
    pub fn new(sheet: &FactSheet) -> Index {
        // Each group with a member list, as the countries it stands for
        // (nested groups expanded, as the map expands them).
        let geographies = Geographies::of(sheet);
        let members = sheet
            .geographies
            .iter()
            .filter(|g| g.members.is_some())
            .map(|g| (g.id.clone(), geographies.member_countries(&g.id).into_iter().collect()))
            .collect();
        let mut index = Index { items: Vec::new(), members, slots: Vec::new() };
        let names = Names::of(sheet);
        // Each member country's groups: an item's groups by its countries,
        // not every group's members searched for each item.
        let mut groups_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (group, members) in &index.members {
            for member in members {
                groups_of.entry(member.clone()).or_default().push(group.clone());
            }
        }

        let mut paragraphs: Vec<(&Paragraph, Option<&Project>)> = Vec::new();
        paragraphs.extend(sheet.meta.lead.iter().map(|p| (p, None)));
        for section in &sheet.sections {
            paragraphs.extend(section.paragraphs.iter().map(|p| (p, None)));
            for sub in &section.subsections {
                let project = sub.project.as_ref().and_then(|id| sheet.projects.iter().find(|p| &p.id == id));
                paragraphs.extend(sub.paragraphs.iter().map(|p| (p, project)));
            }
            paragraphs.extend(section.closing.iter().map(|p| (p, None)));
        }
        for (position, (p, project)) in paragraphs.into_iter().enumerate() {
            let mut tags = Tags {
                kind: ItemKind::Paragraph,
                id: &p.id,
                position,
                themes: set(&p.themes),
                partners: set(&p.partners),
                geographies: p.geographies.iter().collect(),
                years: years_in_text(&p.text),
                text: fold(&every_language(&p.text)),
            };
            if let Some(project) = project {
                tags.themes.extend(project.themes.iter().cloned());
                tags.partners.extend(project.partners.iter().chain(&project.funders).cloned());
                tags.geographies.extend(&project.geographies);
                let (a, b) = (project.period.start, project.period.end);
                tags.years = Some(tags.years.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))));
            }
            index.push(tags, &groups_of);
        }

        for (position, e) in sheet.events.iter().enumerate() {
            let brief = Brief { title: &e.title, quote: &e.source.quote, themes: &e.themes, partners: &e.partners };
            let tags =
                brief.tags(&names, ItemKind::Event, &e.id, position, &e.geographies, Some((e.date.year, e.date.year)));
            index.push(tags, &groups_of);
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
                geographies: p.geographies.iter().collect(),
                years: Some((p.period.start, p.period.end)),
                text: fold(&text.join(" ")),
            };
            index.push(tags, &groups_of);
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
            index.push(tags, &groups_of);
        }
        let [themes, partners, countries] = [
            option_slots(sheet.themes.iter().map(|t| &t.id)),
            option_slots(sheet.partners.iter().map(|p| &p.id)),
            option_slots(sheet.geographies.iter().map(|g| &g.id)),
        ];
        let slots = |ids: &BTreeSet<String>, options: &BTreeMap<&str, u32>| {
            ids.iter().filter_map(|id| options.get(id.as_str()).copied()).collect()
        };
        index.slots = index
            .items
            .iter()
            .map(|item| Slots {
                themes: slots(&item.themes, &themes),
                partners: slots(&item.partners, &partners),
                countries: slots(&item.countries, &countries),
            })
            .collect();
        index
    }

    /// Adds an item; `groups_of` gives each member country its groups.
    fn push(&mut self, tags: Tags<'_>, groups_of: &BTreeMap<String, Vec<String>>) {
        let geographies = self.expand(&tags.geographies);
        let mut countries = geographies.clone();
        for geography in &geographies {
            if let Some(groups) = groups_of.get(geography) {
                countries.extend(groups.iter().cloned());
            }
        }
        self.items.push(Item {
            kind: tags.kind,
            id: tags.id.to_string(),
            position: tags.position,
            themes: tags.themes,
            partners: tags.partners,
            geographies,
            countries,
            years: tags.years,
            text: tags.text,
        });
    }

    /// `ids` plus the known members of each group among them.
    fn expand(&self, ids: &[&String]) -> BTreeSet<String> {
        let mut out = set(ids.iter().copied());
        for id in ids {
            if let Some(m) = self.members.get(*id) {
                out.extend(m.iter().cloned());
            }
        }
        out
    }

    /// The country rule (see the module doc): does `value` select `item`?
    pub fn matches_country(&self, item: &Item, value: &str) -> bool {
        item.countries.contains(value)
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
            geographies: geographies.iter().collect(),
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

    fn strs(set: &BTreeSet<String>) -> Vec<&str> {
        set.iter().map(String::as_str).collect()
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
        assert_eq!(strs(&index.members["asean"]), ["KHM", "LAO"]);
        assert!(!index.members.contains_key("global"), "a group without members lists none");
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
        assert_eq!(strs(&index.members["asean-plus"]), ["KEN", "KHM", "LAO"]);
        // The Kenya project reaches a member, so the nested group selects it.
        assert!(index.matches_country(item(&index, ItemKind::Project, "sp-lao-kenya"), "asean-plus"));
    }

    #[test]
    fn subsection_paragraphs_inherit_the_projects_tags_and_period() {
        let index = Index::new(&sample());
        let sub = item(&index, ItemKind::Paragraph, "p-sub");
        assert_eq!(strs(&sub.themes), ["skills"]);
        assert_eq!(strs(&sub.partners), ["mohrss", "tsinghua"], "partners and funders");
        assert_eq!(strs(&sub.geographies), ["KHM", "LAO", "asean"]);
        assert_eq!(sub.years, Some((2018, 2027)));
        let close = item(&index, ItemKind::Paragraph, "p-close");
        assert!(close.themes.is_empty() && close.geographies.is_empty());
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
        assert_eq!(strs(&project.geographies), ["KHM", "LAO", "asean"]);
        assert_eq!(strs(&project.countries), ["KHM", "LAO", "asean"]);
        // Tagged KHM only: reached by the asean filter, but its geographies stay KHM.
        let skills = item(&index, ItemKind::Paragraph, "p-skills");
        assert_eq!(strs(&skills.geographies), ["KHM"]);
        assert_eq!(strs(&skills.countries), ["KHM", "asean"]);
        // Kenya is in no group with members.
        let visit = item(&index, ItemKind::Event, "e-visit");
        assert_eq!(strs(&visit.countries), ["KEN"]);
        assert!(index.matches_country(visit, "KEN"));
        assert!(!index.matches_country(visit, "asean"));
        assert!(index.matches_country(project, "KHM"));
        assert!(!index.matches_country(project, "KEN"));
        // A group without a member list matches its own tag only.
        let global = item(&index, ItemKind::Event, "e-mou");
        assert_eq!(strs(&global.countries), ["CHN", "global"]);
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
