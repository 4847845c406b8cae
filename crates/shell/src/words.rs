//! Values of the sheet put in words for the interface, where several views
//! say the same thing (the map, the timeline and the project cards).

use crate::geo::reach::qualified_value;
use crate::i18n::{t, Text};
use crate::model::{FactSheet, Figure};

/// "more than 10,000 workers (Cambodia)", keeping the source's qualifiers.
pub fn figure_text(sheet: &FactSheet, f: &Figure) -> String {
    let cumulative = if f.cumulative { format!("{} ", t(Text::Cumulative)) } else { String::new() };
    let place = sheet.geography_name(&f.geography);
    format!("{} {cumulative}{} ({place})", qualified_value(f), f.unit)
}
