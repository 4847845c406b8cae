//! Values of the sheet put in words for the interface, where several views
//! say the same thing (the map, the timeline and the project cards).

use crate::i18n::{words, Text};
use crate::model::{FactSheet, Figure, LocalText};

/// "more than 10,000 workers (Cambodia)", keeping the source's qualifiers,
/// in the language of the widget it is called in.
pub fn figure_text(sheet: &FactSheet, f: &Figure) -> String {
    let w = words();
    let value = w.figure_value(f);
    let place = sheet.geography(&f.geography).map_or_else(|| f.geography.clone(), |g| local(&g.name));
    let unit = local(&f.unit);
    if f.cumulative {
        w.t(Text::FigureCumulative(&value, &unit, &place))
    } else {
        w.t(Text::Figure(&value, &unit, &place))
    }
}

/// A text of the sheet in the widget's language where the sheet gives it,
/// else in the sheet's own language.
pub fn local(text: &LocalText) -> String {
    local_with_lang(text).0
}

/// The same, with the language of the text shown when it is not the
/// interface's (for its `lang` attribute).
/// Outside a widget (no sheet in context), its main text.
pub fn local_with_lang(text: &LocalText) -> (String, Option<String>) {
    let Some(ctx) = leptos::prelude::use_context::<crate::ctx::Ctx>() else {
        return (text.main().to_string(), None);
    };
    let lang = words().lang();
    ctx.with_data(|d| {
        let (shown, other) = text.pick(lang.code(), &d.sheet.meta.language);
        (shown.to_string(), other.map(str::to_string))
    })
}
