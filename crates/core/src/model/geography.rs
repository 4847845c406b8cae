//! Questions about a sheet's geographies that several parts ask: what an id
//! names, whether it is a country, and which countries a group stands for.
//! One answer here, so the filters (`query`) and the map (`geo`) agree.

use std::collections::{HashMap, HashSet};

use super::types::{FactSheet, Geography, GeographyKind};

/// Groups inside groups are followed this many levels deep, no further (the
/// validator reports a deeper one). A real sheet nests two levels (ASEAN inside
/// an ASEAN–China group); the bound keeps a hostile chain of thousands cheap.
pub const MAX_GROUP_DEPTH: usize = 8;

/// A sheet's geographies by id, for many questions in a row: built once in
/// O(n), each lookup O(1). The [`FactSheet`] methods below build one per call.
pub struct Geographies<'a> {
    by_id: HashMap<&'a str, &'a Geography>,
}

impl<'a> Geographies<'a> {
    pub fn of(sheet: &'a FactSheet) -> Self {
        let mut by_id = HashMap::with_capacity(sheet.geographies.len());
        for g in &sheet.geographies {
            // The first of duplicate ids wins, as everywhere else.
            by_id.entry(g.id.as_str()).or_insert(g);
        }
        Geographies { by_id }
    }

    pub fn get(&self, id: &str) -> Option<&'a Geography> {
        self.by_id.get(id).copied()
    }

    /// Whether an id is a country: the sheet says so, or the sheet does not
    /// list it and it looks like an ISO 3166-1 alpha-3 code.
    pub fn is_country(&self, id: &str) -> bool {
        match self.get(id) {
            Some(g) => g.kind == GeographyKind::Country,
            None => id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()),
        }
    }

    /// The countries a geography stands for: itself for a country; the known
    /// members of a group, nested groups expanded (at most
    /// [`MAX_GROUP_DEPTH`] levels), each country once, in the order listed;
    /// nothing for a group without a member list.
    pub fn member_countries(&self, id: &str) -> Vec<String> {
        // Depth first with a stack of its own, each id visited once (cycles
        // end there).
        let mut out: Vec<String> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack: Vec<(&str, usize)> = vec![(id, 0)];
        while let Some((at, depth)) = stack.pop() {
            if !seen.insert(at) {
                continue;
            }
            if self.is_country(at) {
                out.push(at.to_string());
                continue;
            }
            if depth > MAX_GROUP_DEPTH {
                continue;
            }
            let Some(list) = self.get(at).and_then(|g| g.members.as_ref()) else {
                continue;
            };
            // Reversed, so members come off the stack in the order listed.
            stack.extend(list.iter().rev().map(|m| (m.as_str(), depth + 1)).filter(|(m, _)| !seen.contains(m)));
        }
        out
    }

    /// How many levels of groups `id` holds (0 for a country or a group of
    /// countries), counted up to `MAX_GROUP_DEPTH + 1`.
    pub fn group_depth(&self, id: &str) -> usize {
        let mut deepest = 0;
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack: Vec<(&str, usize)> = vec![(id, 0)];
        while let Some((at, depth)) = stack.pop() {
            if !seen.insert(at) || self.is_country(at) {
                continue;
            }
            let Some(list) = self.get(at).and_then(|g| g.members.as_ref()) else {
                continue;
            };
            deepest = deepest.max(depth);
            if depth > MAX_GROUP_DEPTH {
                continue;
            }
            stack.extend(list.iter().map(|m| (m.as_str(), depth + 1)));
        }
        deepest
    }
}

impl FactSheet {
    /// The geography with this id, if the sheet lists it.
    pub fn geography(&self, id: &str) -> Option<&Geography> {
        self.geographies.iter().find(|g| g.id == id)
    }

    /// The sheet's name for a geography, else its id.
    pub fn geography_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.geography(id).map_or(id, |g| &*g.name)
    }

    /// See [`Geographies::is_country`].
    pub fn is_country(&self, id: &str) -> bool {
        match self.geography(id) {
            Some(g) => g.kind == GeographyKind::Country,
            None => id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()),
        }
    }

    /// See [`Geographies::member_countries`]; for many questions build a
    /// [`Geographies`] once.
    pub fn member_countries(&self, id: &str) -> Vec<String> {
        Geographies::of(self).member_countries(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geo(id: &str, kind: GeographyKind, members: Option<&[&str]>) -> Geography {
        Geography {
            id: id.into(),
            kind,
            name: id.to_uppercase().into(),
            members: members.map(|m| m.iter().map(|s| s.to_string()).collect()),
            ..Geography::default()
        }
    }

    fn sheet() -> FactSheet {
        use GeographyKind::*;
        FactSheet {
            geographies: vec![
                geo("KHM", Country, None),
                geo("LAO", Country, None),
                geo("asean", Group, Some(&["KHM", "LAO", "SGP"])),
                // Nested, listing a member twice and itself: each country once.
                geo("asean-china", Group, Some(&["asean", "CHN", "LAO", "asean-china"])),
                geo("global-south", Group, None),
            ],
            ..FactSheet::default()
        }
    }

    #[test]
    fn members_expand_nested_groups_once() {
        let s = sheet();
        assert_eq!(s.member_countries("asean-china"), ["KHM", "LAO", "SGP", "CHN"]);
        assert_eq!(s.member_countries("KHM"), ["KHM"]);
        assert!(s.member_countries("global-south").is_empty());
        assert!(s.member_countries("nowhere").is_empty());
    }

    #[test]
    fn a_chain_of_groups_is_followed_to_a_bounded_depth() {
        use GeographyKind::*;
        let chain = |n: usize| FactSheet {
            geographies: (0..n)
                .map(|i| {
                    let next = if i + 1 < n { format!("g{}", i + 1) } else { "KEN".to_string() };
                    geo(&format!("g{i}"), Group, Some(&[next.as_str()]))
                })
                .collect(),
            ..FactSheet::default()
        };
        let short = chain(MAX_GROUP_DEPTH);
        let geos = Geographies::of(&short);
        assert_eq!(geos.member_countries("g0"), ["KEN"]);
        assert_eq!(geos.group_depth("g0"), MAX_GROUP_DEPTH - 1);
        let long = chain(5000);
        let geos = Geographies::of(&long);
        assert!(geos.member_countries("g0").is_empty(), "not followed past the bound");
        assert_eq!(geos.member_countries("g4999"), ["KEN"]);
        assert_eq!(geos.group_depth("g0"), MAX_GROUP_DEPTH + 1);
        // A cycle ends, and counts as deep as it goes.
        let s = sheet();
        assert_eq!(Geographies::of(&s).group_depth("asean-china"), 1);
    }

    #[test]
    fn countries_are_what_the_sheet_says_or_look_like_iso_codes() {
        let s = sheet();
        assert!(s.is_country("KHM") && s.is_country("SGP"));
        assert!(!s.is_country("asean") && !s.is_country("nowhere") && !s.is_country("Khm"));
    }

    #[test]
    fn names_fall_back_to_the_id() {
        let s = sheet();
        assert_eq!(s.geography_name("asean"), "ASEAN");
        assert_eq!(s.geography_name("XYZ"), "XYZ");
    }
}
