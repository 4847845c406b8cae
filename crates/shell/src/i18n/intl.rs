//! Numbers and dates in the reader's language: the browser's `Intl`
//! formatters in the widget (no locale data in the wasm), kept per language
//! once made; natively (the build's prerendered copies, tests) the same
//! forms written out for the five languages, so a prerendered copy reads as
//! the live widget will.

use ilo_factsheet_core::i18n::{Lang, NumberStyle};

/// `n` written for `lang`: digit grouping and decimal sign as the language
/// writes them, at most `style.max_fraction` decimals.
pub fn number(lang: Lang, n: f64, style: NumberStyle) -> String {
    imp::number(lang, n, style)
}

/// A month and year (`July 2026`, `juillet 2026`, `2026年7月`).
pub fn month_year(lang: Lang, year: i32, month: u8) -> String {
    imp::month_year(lang, year, month)
}

#[cfg(all(target_arch = "wasm32", feature = "web"))]
mod imp {
    use std::cell::RefCell;

    use js_sys::{Array, Date, Function, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    use super::{fallback, Lang, NumberStyle};

    /// A number formatter's key: the language, the least and most decimals.
    type NumberKey = (Lang, u8, u8);

    thread_local! {
        // Made once per language and style: making an Intl formatter is slow.
        // A handful at most, so a list (no hash map in the wasm for them).
        static NUMBERS: RefCell<Vec<(NumberKey, Function)>> = const { RefCell::new(Vec::new()) };
        static MONTHS: RefCell<Vec<(Lang, Function)>> = const { RefCell::new(Vec::new()) };
    }

    /// The formatter kept for `key`, made by `make` the first time.
    fn kept<K: PartialEq + Copy>(
        list: &RefCell<Vec<(K, Function)>>,
        key: K,
        make: impl FnOnce() -> Function,
    ) -> Function {
        if let Some((_, f)) = list.borrow().iter().find(|(k, _)| *k == key) {
            return f.clone();
        }
        let f = make();
        list.borrow_mut().push((key, f.clone()));
        f
    }

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let o = Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&o, &JsValue::from_str(k), v);
        }
        o
    }

    fn locales(lang: Lang) -> Array {
        Array::of1(&JsValue::from_str(lang.locale()))
    }

    pub fn number(lang: Lang, n: f64, style: NumberStyle) -> String {
        let format = NUMBERS.with(|cache| {
            kept(cache, (lang, style.min_fraction, style.max_fraction), || {
                let o = options(&[
                    ("minimumFractionDigits", JsValue::from(style.min_fraction)),
                    ("maximumFractionDigits", JsValue::from(style.max_fraction.max(style.min_fraction))),
                ]);
                Intl::NumberFormat::new(&locales(lang), &o).format()
            })
        });
        format
            .call1(&JsValue::NULL, &JsValue::from_f64(n))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| fallback::number(n, style))
    }

    pub fn month_year(lang: Lang, year: i32, month: u8) -> String {
        let format = MONTHS.with(|cache| {
            kept(cache, lang, || {
                let o = options(&[
                    ("year", JsValue::from_str("numeric")),
                    ("month", JsValue::from_str("long")),
                    ("timeZone", JsValue::from_str("UTC")),
                ]);
                Intl::DateTimeFormat::new(&locales(lang), &o).format()
            })
        });
        let at = Date::utc(year as f64, month.saturating_sub(1) as f64);
        format
            .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(at)))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| fallback::month_year(year, month))
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
mod imp {
    use super::{fallback, Lang, NumberStyle};

    pub fn number(lang: Lang, n: f64, style: NumberStyle) -> String {
        fallback::number_in(lang, n, style)
    }

    pub fn month_year(lang: Lang, year: i32, month: u8) -> String {
        fallback::month_year_in(lang, year, month)
    }
}

/// The forms `Intl` gives, where no `Intl` is at hand (natively; and in the
/// browser should a formatter fail, in English).
mod fallback {
    use super::{Lang, NumberStyle};

    /// `n` as `Intl.NumberFormat` writes it for `lang`: French groups with a
    /// narrow no-break space and writes a decimal comma, Spanish groups
    /// from five digits with a point and writes a decimal comma.
    #[cfg_attr(all(target_arch = "wasm32", feature = "web"), allow(dead_code))]
    pub fn number_in(lang: Lang, n: f64, style: NumberStyle) -> String {
        let english = number(n, style);
        let digits = english.split('.').next().unwrap_or_default().trim_start_matches('-').replace(',', "");
        let (group, decimal) = match lang {
            Lang::Fr => ("\u{202f}", ","),
            Lang::Es if digits.len() >= 5 => (".", ","),
            Lang::Es => ("", ","),
            Lang::En | Lang::Zh | Lang::Ar => return english,
        };
        english
            .chars()
            .map(|c| match c {
                ',' => group.to_string(),
                '.' => decimal.to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    /// A month and year as `Intl.DateTimeFormat` writes them for `lang`.
    #[cfg_attr(all(target_arch = "wasm32", feature = "web"), allow(dead_code))]
    pub fn month_year_in(lang: Lang, year: i32, month: u8) -> String {
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const ES: [&str; 12] = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        const AR: [&str; 12] = [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ];
        let at = |names: &[&'static str; 12]| names.get(usize::from(month).wrapping_sub(1)).copied();
        match lang {
            Lang::En => month_year(year, month),
            Lang::Fr => at(&FR).map_or_else(|| year.to_string(), |m| format!("{m} {year}")),
            Lang::Es => at(&ES).map_or_else(|| year.to_string(), |m| format!("{m} de {year}")),
            Lang::Ar => at(&AR).map_or_else(|| year.to_string(), |m| format!("{m} {year}")),
            Lang::Zh if (1..=12).contains(&month) => format!("{year}年{month}月"),
            Lang::Zh => year.to_string(),
        }
    }

    pub fn number(n: f64, style: NumberStyle) -> String {
        if !n.is_finite() {
            return n.to_string();
        }
        let text = format!("{:.*}", style.max_fraction.max(style.min_fraction) as usize, n.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        if n < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        let mut frac = frac.to_string();
        while frac.len() > style.min_fraction as usize && frac.ends_with('0') {
            frac.pop();
        }
        if !frac.is_empty() {
            out.push('.');
            out.push_str(&frac);
        }
        out
    }

    pub fn month_year(year: i32, month: u8) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match MONTHS.get(month.wrapping_sub(1) as usize) {
            Some(name) => format!("{name} {year}"),
            None => year.to_string(),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn english_forms() {
            let two = NumberStyle::up_to(2);
            assert_eq!(number(186000.0, NumberStyle::INTEGER), "186,000");
            assert_eq!(number(4.45, two), "4.45");
            assert_eq!(number(8.0, two), "8");
            assert_eq!(number(1234567.891, two), "1,234,567.89");
            assert_eq!(number(-2.5, two), "-2.5");
            assert_eq!(number(999.0, NumberStyle::INTEGER), "999");
            assert_eq!(number(4.0, NumberStyle::exactly(1)), "4.0");
            assert_eq!(month_year(2026, 7), "July 2026");
            assert_eq!(month_year(2026, 13), "2026");
            assert_eq!(number_in(Lang::Fr, 186000.0, NumberStyle::INTEGER), "186\u{202f}000");
            assert_eq!(number_in(Lang::Fr, 13.2, NumberStyle::up_to(2)), "13,2");
            assert_eq!(number_in(Lang::Es, 1234.0, NumberStyle::INTEGER), "1234");
            assert_eq!(number_in(Lang::Es, 12345.5, NumberStyle::up_to(1)), "12.345,5");
            assert_eq!(number_in(Lang::Zh, 186000.0, NumberStyle::INTEGER), "186,000");
            assert_eq!(month_year_in(Lang::Es, 2026, 7), "julio de 2026");
            assert_eq!(month_year_in(Lang::Zh, 2026, 7), "2026年7月");
            assert_eq!(month_year_in(Lang::Fr, 2026, 8), "août 2026");
        }
    }
}
