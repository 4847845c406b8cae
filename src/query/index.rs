//! What each filterable item is, precomputed once per sheet: its tags, the
//! geographies it reaches (groups expanded to their known members), its years
//! and its folded searchable text.
//!
//! Items are the lead and every paragraph, every event, every project. A
//! paragraph under a project's subsection also carries that project's tags
//! and period, so filtering by the project's theme keeps its description.
//!
//! The country rule: filter value `v` matches an item when `v` is one of the
//! item's geographies, or a member of one of its groups (`KHM` matches an item
//! tagged `asean`), or a group one of whose members the item names (`asean`
//! matches an item tagged `KHM`). A country outside a group never matches the
//! group (`KEN` does not match `asean`).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{FactSheet, Paragraph, Project};

use super::text::{fold, years_in_text};

/// Which collection an item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Paragraph,
    Event,
    Project,
}

/// One filterable item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// Paragraph id, or the index into `events` / `projects` for the others.
    pub id: String,
    pub position: usize,
    pub themes: BTreeSet<String>,
    pub partners: BTreeSet<String>,
    /// The item's geographies plus the known members of its groups.
    pub geographies: BTreeSet<String>,
    pub years: Option<(i32, i32)>,
    /// Folded searchable text.
    pub text: String,
}

/// The items of one sheet, and group memberships.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    pub items: Vec<Item>,
    /// Group id -> its known member ids.
    pub members: BTreeMap<String, BTreeSet<String>>,
}

fn set(ids: &[String]) -> BTreeSet<String> {
    ids.iter().cloned().collect()
}

impl Index {
    pub fn new(sheet: &FactSheet) -> Index {
        let members: BTreeMap<String, BTreeSet<String>> = sheet
            .geographies
            .iter()
            .filter_map(|g| g.members.as_ref().map(|m| (g.id.clone(), set(m))))
            .collect();
        let mut index = Index { items: Vec::new(), members };
        let name_of = |ids: &[String]| -> String {
            ids.iter()
                .flat_map(|id| {
                    let p = sheet.partners.iter().find(|p| &p.id == id).map(|p| format!("{} {}", p.short_name, p.name));
                    let g = sheet.geographies.iter().find(|g| &g.id == id).map(|g| g.name.clone());
                    p.into_iter().chain(g)
                })
                .collect::<Vec<_>>()
                .join(" ")
        };

        let mut position = 0;
        let mut paragraph = |index: &mut Index, p: &Paragraph, project: Option<&Project>| {
            let mut themes = set(&p.themes);
            let mut partners = set(&p.partners);
            let mut geos = p.geographies.clone();
            let mut years = years_in_text(&p.text);
            if let Some(project) = project {
                themes.extend(project.themes.iter().cloned());
                partners.extend(project.partners.iter().chain(&project.funders).cloned());
                geos.extend(project.geographies.iter().cloned());
                let (a, b) = (project.period.start, project.period.end);
                years = Some(years.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))));
            }
            let geographies = index.expand(&geos);
            index.items.push(Item {
                kind: ItemKind::Paragraph,
                id: p.id.clone(),
                position,
                themes,
                partners,
                geographies,
                years,
                text: fold(&p.text),
            });
            position += 1;
        };
        if let Some(lead) = &sheet.meta.lead {
            paragraph(&mut index, lead, None);
        }
        for section in &sheet.sections {
            for p in &section.paragraphs {
                paragraph(&mut index, p, None);
            }
            for sub in &section.subsections {
                let project = sub.project.as_ref().and_then(|id| sheet.projects.iter().find(|p| &p.id == id));
                for p in &sub.paragraphs {
                    paragraph(&mut index, p, project);
                }
            }
            for p in &section.closing {
                paragraph(&mut index, p, None);
            }
        }
        for (i, e) in sheet.events.iter().enumerate() {
            let text = format!("{} {} {} {}", e.title, e.source.quote, name_of(&e.partners), name_of(&e.geographies));
            let geographies = index.expand(&e.geographies);
            index.items.push(Item {
                kind: ItemKind::Event,
                id: e.id.clone(),
                position: i,
                themes: set(&e.themes),
                partners: set(&e.partners),
                geographies,
                years: Some((e.date.year, e.date.year)),
                text: fold(&text),
            });
        }
        for (i, p) in sheet.projects.iter().enumerate() {
            let units: Vec<&str> = p.figures.iter().map(|f| f.unit.as_str()).collect();
            let text = format!(
                "{} {} {} {} {} {} {}",
                p.title,
                p.summary,
                p.results.join(" "),
                name_of(&p.funders),
                name_of(&p.partners),
                name_of(&p.geographies),
                units.join(" ")
            );
            let geographies = index.expand(&p.geographies);
            index.items.push(Item {
                kind: ItemKind::Project,
                id: p.id.clone(),
                position: i,
                themes: set(&p.themes),
                partners: p.partners.iter().chain(&p.funders).cloned().collect(),
                geographies,
                years: Some((p.period.start, p.period.end)),
                text: fold(&text),
            });
        }
        index
    }

    /// `ids` plus the known members of each group among them.
    fn expand(&self, ids: &[String]) -> BTreeSet<String> {
        let mut out = set(ids);
        for id in ids {
            if let Some(m) = self.members.get(id) {
                out.extend(m.iter().cloned());
            }
        }
        out
    }

    /// The country rule (see the module doc).
    pub fn matches_country(&self, item: &Item, value: &str) -> bool {
        item.geographies.contains(value)
            || self.members.get(value).is_some_and(|m| m.iter().any(|c| item.geographies.contains(c)))
    }
}
