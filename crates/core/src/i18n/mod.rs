//! Interface languages, the pure part: which languages the widget speaks and
//! how one is chosen ([`Lang`]), their plural rules ([`plural`]), and message
//! catalogues ([`Catalogue`]): one JSON file per language (`i18n/en.json`,
//! …), each message a text with `{name}` placeholders or a set of plural
//! forms, read, checked against English and filled in here. The words of
//! the interface live in those files; the core never returns English words,
//! only values (a qualifier, an amount and its scale, a year and month) that
//! the shell puts in the reader's language.

mod catalogue;
mod lang;
pub mod plural;

pub use catalogue::{Arg, Catalogue, CatalogueError, Message, NumberStyle};
pub use lang::{Dir, Lang};
pub use plural::Category;

/// A number in plain digits (no grouping, `.` before decimals, trailing
/// zeros beyond the style's least dropped): for tests and tools, where no
/// reader's language applies.
pub fn plain_number(n: f64, style: NumberStyle) -> String {
    let mut text = format!("{n:.*}", style.max_fraction.max(style.min_fraction) as usize);
    if let Some(dot) = text.find('.') {
        let keep = dot + 1 + style.min_fraction as usize;
        while text.len() > keep && text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_keep_the_least_decimals_asked() {
        assert_eq!(plain_number(4.0, NumberStyle::exactly(1)), "4.0");
        assert_eq!(plain_number(4.449, NumberStyle::up_to(2)), "4.45");
        assert_eq!(plain_number(8.0, NumberStyle::up_to(2)), "8");
        assert_eq!(plain_number(1000.0, NumberStyle::INTEGER), "1000");
    }
}
