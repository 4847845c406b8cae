//! Questions about a sheet's geographies that several parts ask: what an id
//! names, whether it is a country, and which countries a group stands for.
//! One answer here, so the filters (`query`) and the map (`geo`) agree.

use super::types::{FactSheet, Geography, GeographyKind};

impl FactSheet {
    /// The geography with this id, if the sheet lists it.
    pub fn geography(&self, id: &str) -> Option<&Geography> {
        self.geographies.iter().find(|g| g.id == id)
    }

    /// The sheet's name for a geography, else its id.
    pub fn geography_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.geography(id).map_or(id, |g| g.name.as_str())
    }

    /// Whether an id is a country: the sheet says so, or the sheet does not
    /// list it and it looks like an ISO 3166-1 alpha-3 code.
    pub fn is_country(&self, id: &str) -> bool {
        match self.geography(id) {
            Some(g) => g.kind == GeographyKind::Country,
            None => id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()),
        }
    }

    /// The countries a geography stands for: itself for a country; the known
    /// members of a group, nested groups expanded, each country once, in the
    /// order listed; nothing for a group without a member list.
    pub fn member_countries(&self, id: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = vec![id.to_string()];
        self.expand(id, &mut out, &mut seen);
        out
    }

    fn expand(&self, id: &str, out: &mut Vec<String>, seen: &mut Vec<String>) {
        if self.is_country(id) {
            if !out.iter().any(|m| m == id) {
                out.push(id.to_string());
            }
            return;
        }
        let Some(list) = self.geography(id).and_then(|g| g.members.as_ref()) else {
            return;
        };
        for m in list {
            if !seen.contains(m) {
                seen.push(m.clone());
                self.expand(m, out, seen);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geo(id: &str, kind: GeographyKind, members: Option<&[&str]>) -> Geography {
        Geography {
            id: id.into(),
            kind,
            name: id.to_uppercase(),
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
