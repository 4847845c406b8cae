//! Values of the sheet put in words for the interface, where several views
//! say the same thing (the map, the timeline and the project cards).

use crate::i18n::{words, Text};
use crate::model::{FactSheet, Figure};

/// "more than 10,000 workers (Cambodia)", keeping the source's qualifiers,
/// in the language of the widget it is called in.
pub fn figure_text(sheet: &FactSheet, f: &Figure) -> String {
    let w = words();
    let value = w.figure_value(f);
    let place = sheet.geography_name(&f.geography);
    if f.cumulative {
        w.t(Text::FigureCumulative(&value, &f.unit, place))
    } else {
        w.t(Text::Figure(&value, &f.unit, place))
    }
}

/// The sheet's language (`meta.language`), when the widget's interface
/// speaks another: content elements carry it as their `lang`, with
/// `dir="auto"` so that a left-to-right text in a right-to-left interface
/// keeps its own direction. `None` when both are the same language.
pub fn content_lang() -> Option<String> {
    let ctx = crate::ctx::Ctx::get();
    let sheet = ctx.with_data(|d| d.sheet.meta.language.trim().to_string());
    let sheet = if sheet.is_empty() { "en".to_string() } else { sheet };
    let primary = sheet.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    (primary != words().lang().code()).then_some(sheet)
}
