//! Message catalogues: one JSON object per language, each key a message,
//! each value a text with `{name}` placeholders or an object of plural forms
//! (`{"one": "{n} project", "other": "{n} projects"}`, CLDR's categories,
//! chosen by the count `n`). Keys starting with `@` say things about the file
//! (`"@lang": "fr"`). Reading one never panics; [`Catalogue::check`] holds a
//! translation to the English catalogue's keys and placeholders.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::plural::{categories, category, Category};
use super::Lang;

/// One message: a text, or its forms by plural category.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Text(String),
    Plural(BTreeMap<Category, String>),
}

/// How a number argument is written; the formatting itself is the caller's
/// (the browser's `Intl.NumberFormat` in the widget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    /// At least this many digits after the decimal sign…
    pub min_fraction: u8,
    /// …and at most this many (trailing zeros beyond the least dropped).
    pub max_fraction: u8,
}

impl NumberStyle {
    pub const INTEGER: NumberStyle = NumberStyle { min_fraction: 0, max_fraction: 0 };

    /// Up to `n` decimals: `4.45`, `8`.
    pub const fn up_to(n: u8) -> NumberStyle {
        NumberStyle { min_fraction: 0, max_fraction: n }
    }

    /// Exactly `n` decimals: `4.0`.
    pub const fn exactly(n: u8) -> NumberStyle {
        NumberStyle { min_fraction: n, max_fraction: n }
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    /// A count: written with the language's digit grouping, and the value
    /// that chooses a plural form when its name is `n`.
    Count(f64),
    /// A number written in `NumberStyle`.
    Number(f64, NumberStyle),
    /// A year: digits only, never grouped.
    Year(i32),
    /// A number in digits only, never grouped (a line number).
    Digits(u64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(n as f64)
    }
}

/// Why a catalogue cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueError(pub String);

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CatalogueError {}

/// A language's messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    lang: Lang,
    messages: BTreeMap<String, Message>,
}

impl Catalogue {
    /// Reads a catalogue's JSON text.
    pub fn parse(lang: Lang, text: &str) -> Result<Catalogue, CatalogueError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| CatalogueError(format!("not JSON: {e}")))?;
        let serde_json::Value::Object(object) = value else {
            return Err(CatalogueError("not a JSON object".into()));
        };
        let mut messages = BTreeMap::new();
        for (key, value) in object {
            if key.starts_with('@') {
                continue;
            }
            let message = match value {
                serde_json::Value::String(s) => Message::Text(s),
                serde_json::Value::Object(forms) => {
                    let mut plural = BTreeMap::new();
                    for (name, form) in forms {
                        let c = Category::from_name(&name)
                            .ok_or_else(|| CatalogueError(format!("{key}: {name:?} is not a plural category")))?;
                        let serde_json::Value::String(form) = form else {
                            return Err(CatalogueError(format!("{key}.{name}: not a text")));
                        };
                        plural.insert(c, form);
                    }
                    if !plural.contains_key(&Category::Other) {
                        return Err(CatalogueError(format!("{key}: no \"other\" form")));
                    }
                    Message::Plural(plural)
                }
                _ => return Err(CatalogueError(format!("{key}: neither a text nor plural forms"))),
            };
            messages.insert(key, message);
        }
        Ok(Catalogue { lang, messages })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    pub fn get(&self, key: &str) -> Option<&Message> {
        self.messages.get(key)
    }

    /// The message `key` with `args` in place, numbers written by `number`;
    /// `None` when this catalogue lacks the key (the caller falls back to
    /// English). A placeholder without its argument is left as written.
    pub fn format(
        &self,
        key: &str,
        args: &[(&str, Arg<'_>)],
        number: &dyn Fn(f64, NumberStyle) -> String,
    ) -> Option<String> {
        let pattern = match self.messages.get(key)? {
            Message::Text(text) => text,
            Message::Plural(forms) => {
                let n = args.iter().find_map(|(name, arg)| match (name, arg) {
                    (&"n", Arg::Count(n) | Arg::Number(n, _)) => Some(*n),
                    _ => None,
                });
                let c = n.map_or(Category::Other, |n| category(self.lang, n));
                forms.get(&c).or_else(|| forms.get(&Category::Other))?
            }
        };
        Some(fill(pattern, |name| {
            args.iter().find(|(n, _)| *n == name).map(|(_, arg)| match arg {
                Arg::Text(s) => s.to_string(),
                Arg::Count(n) => number(*n, NumberStyle::INTEGER),
                Arg::Number(n, style) => number(*n, *style),
                Arg::Year(y) => y.to_string(),
                Arg::Digits(d) => d.to_string(),
            })
        }))
    }

    /// What is wrong with this catalogue as a translation of `english`:
    /// keys missing or unknown, placeholders English does not have or that
    /// a form leaves out, plural forms the language needs or cannot use.
    pub fn check(&self, english: &Catalogue) -> Vec<String> {
        let mut problems = Vec::new();
        let lang = self.lang.code();
        for key in english.messages.keys().filter(|k| !self.messages.contains_key(*k)) {
            problems.push(format!("{lang}: {key} is missing"));
        }
        for key in self.messages.keys().filter(|k| !english.messages.contains_key(*k)) {
            problems.push(format!("{lang}: {key} is not an English key"));
        }
        let needed = categories(self.lang);
        for (key, message) in &self.messages {
            let Some(original) = english.messages.get(key) else { continue };
            let wanted = placeholders_of(original);
            let forms: Vec<(Category, &String)> = match message {
                Message::Text(text) => {
                    if matches!(original, Message::Plural(_)) && needed.len() > 1 {
                        problems.push(format!("{lang}: {key} needs plural forms ({})", names(needed)));
                    }
                    vec![(Category::Other, text)]
                }
                Message::Plural(forms) => {
                    if matches!(original, Message::Text(_)) {
                        problems.push(format!("{lang}: {key} is a plain text in English, not plural forms"));
                    }
                    for c in needed.iter().filter(|c| !forms.contains_key(c)) {
                        problems.push(format!("{lang}: {key} lacks its {:?} form", c.name()));
                    }
                    for c in forms.keys().filter(|c| !needed.contains(c) && **c != Category::Many) {
                        problems
                            .push(format!("{lang}: {key} has a {:?} form, which {lang} counts never take", c.name()));
                    }
                    forms.iter().map(|(c, f)| (*c, f)).collect()
                }
            };
            for (c, form) in forms {
                let found = placeholders(form);
                for extra in found.difference(&wanted) {
                    problems.push(format!("{lang}: {key} has {{{extra}}}, which English does not"));
                }
                // A form may leave out the count (Arabic's "one", "two"), never anything else.
                for gone in wanted.difference(&found).filter(|p| *p != "n" || c == Category::Other) {
                    problems.push(format!("{lang}: {key} ({}) leaves out {{{gone}}}", c.name()));
                }
            }
        }
        problems
    }
}

fn names(categories: &[Category]) -> String {
    categories.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ")
}

/// Every placeholder of a message, across its forms.
pub fn placeholders_of(message: &Message) -> BTreeSet<String> {
    match message {
        Message::Text(text) => placeholders(text),
        Message::Plural(forms) => forms.values().flat_map(|f| placeholders(f)).collect(),
    }
}

/// The names of a text's `{name}` placeholders.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    fill(text, |name| {
        found.insert(name.to_string());
        Some(String::new())
    });
    found
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `text` with each `{name}` replaced by `value(name)`, when it gives one.
fn fill(text: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                let name = &after[..close];
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(n: f64, style: NumberStyle) -> String {
        format!("{n:.*}", style.max_fraction as usize)
    }

    const EN: &str =
        r#"{"@lang": "en", "hello": "Hello {name}", "items": {"one": "{n} item", "other": "{n} items in {place}"}}"#;

    #[test]
    fn fills_placeholders_and_chooses_plural_forms() {
        let en = Catalogue::parse(Lang::En, EN).unwrap();
        assert_eq!(en.format("hello", &[("name", "Ana".into())], &plain).as_deref(), Some("Hello Ana"));
        assert_eq!(en.format("hello", &[], &plain).as_deref(), Some("Hello {name}"));
        let args = |n: usize| vec![("n", Arg::from(n)), ("place", Arg::from("Asia"))];
        assert_eq!(en.format("items", &args(1), &plain).as_deref(), Some("1 item"));
        assert_eq!(en.format("items", &args(3), &plain).as_deref(), Some("3 items in Asia"));
        assert_eq!(en.format("absent", &[], &plain), None);
        assert_eq!(en.format("hello", &[("name", Arg::Year(2026))], &plain).as_deref(), Some("Hello 2026"));
        assert_eq!(fill("{ not a name} {x", |_| Some("!".into())), "{ not a name} {x");
        assert_eq!(fill("日本{a}語", |_| Some("—".into())), "日本—語");
    }

    #[test]
    fn arabic_takes_its_six_forms() {
        let ar = Catalogue::parse(
            Lang::Ar,
            r#"{"items": {"zero": "لا شيء", "one": "واحد", "two": "اثنان", "few": "{n} قليلة", "many": "{n} كثيرة", "other": "{n} أخرى"}}"#,
        )
        .unwrap();
        let say = |n: usize| ar.format("items", &[("n", Arg::from(n))], &plain).unwrap();
        assert_eq!(
            [say(0), say(1), say(2), say(5), say(11), say(100)],
            ["لا شيء", "واحد", "اثنان", "5 قليلة", "11 كثيرة", "100 أخرى"]
        );
    }

    #[test]
    fn bad_catalogues_are_refused_with_the_key() {
        for (text, says) in [
            ("[]", "not a JSON object"),
            ("{", "not JSON"),
            (r#"{"a": 1}"#, "a: neither"),
            (r#"{"a": {"one": "x"}}"#, "a: no \"other\""),
            (r#"{"a": {"lots": "x", "other": "y"}}"#, "not a plural category"),
            (r#"{"a": {"other": 2}}"#, "a.other: not a text"),
        ] {
            let e = Catalogue::parse(Lang::Fr, text).unwrap_err();
            assert!(e.0.contains(says), "{text}: {e}");
        }
    }

    #[test]
    fn a_translation_is_checked_against_english() {
        let en = Catalogue::parse(Lang::En, EN).unwrap();
        let good = Catalogue::parse(
            Lang::Fr,
            r#"{"hello": "Bonjour {name}", "items": {"one": "{n} élément à {place}", "other": "{n} éléments à {place}"}}"#,
        )
        .unwrap();
        assert_eq!(good.check(&en), Vec::<String>::new());
        let bad =
            Catalogue::parse(Lang::Fr, r#"{"hello": "Bonjour {nom}", "items": "{n} éléments", "extra": "x"}"#).unwrap();
        let problems = bad.check(&en).join("\n");
        for says in [
            "extra is not an English key",
            "{nom}, which English does not",
            "leaves out {name}",
            "items needs plural forms",
        ] {
            assert!(problems.contains(says), "{says} in {problems}");
        }
        let zh = Catalogue::parse(Lang::Zh, r#"{"hello": "你好{name}", "items": "{place}的{n}项"}"#).unwrap();
        assert_eq!(zh.check(&en), Vec::<String>::new(), "Chinese counts take one form");
        let ar = Catalogue::parse(
            Lang::Ar,
            r#"{"hello": "{name}", "items": {"one": "واحد في {place}", "other": "{n} في {place}"}}"#,
        )
        .unwrap();
        let problems = ar.check(&en).join("\n");
        assert!(
            problems.contains("lacks its \"zero\" form") && problems.contains("lacks its \"few\" form"),
            "{problems}"
        );
        assert!(!problems.contains("(one) leaves out {n}"), "a form may leave out the count: {problems}");
        let missing = Catalogue::parse(Lang::Es, r#"{"hello": "Hola {name}"}"#).unwrap();
        assert_eq!(missing.check(&en), vec!["es: items is missing".to_string()]);
    }
}
