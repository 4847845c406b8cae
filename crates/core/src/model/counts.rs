//! Counting what a fact sheet holds, for the checker's `ok` line and the UI.

use super::types::{FactSheet, GeographyKind};

/// How much a sheet holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub sections: usize,
    /// Paragraphs of text, the lead included.
    pub paragraphs: usize,
    pub events: usize,
    pub projects: usize,
    pub partners: usize,
    /// Geographies that are single countries.
    pub countries: usize,
}

impl Counts {
    pub fn of(sheet: &FactSheet) -> Counts {
        let paragraphs =
            sheet.meta.lead.iter().count() + sheet.sections.iter().map(|s| s.all_paragraphs().count()).sum::<usize>();
        Counts {
            sections: sheet.sections.len(),
            paragraphs,
            events: sheet.events.len(),
            projects: sheet.projects.len(),
            partners: sheet.partners.len(),
            countries: sheet.geographies.iter().filter(|g| g.kind == GeographyKind::Country).count(),
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} sections, {} paragraphs, {} events, {} projects, {} partners, {} countries",
            self.sections, self.paragraphs, self.events, self.projects, self.partners, self.countries
        )
    }
}
