//! A text of the sheet in one language or several: a plain string (in the
//! sheet's language, `meta.language`), or an object of the same text by
//! language tag, `{"en": "Skills", "fr": "Compétences"}`. A reader sees the
//! interface's language where the sheet gives it, else the sheet's own, and
//! the widget marks a text shown in another language than the interface's
//! with its `lang`. The search looks through every language of a text.

use std::fmt;
use std::ops::Deref;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text, by language. Reads as its main text (`Deref<Target = str>`): the
/// English one where given, else the first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct LocalText {
    /// `None`: a plain string, in the sheet's language.
    variants: Vec<(Option<String>, String)>,
}

impl LocalText {
    /// The text in `lang` (a primary language subtag: `fr`), else in the
    /// sheet's language `sheet`, else the main text; with the tag of the one
    /// given when it is not `lang` (for its `lang` attribute).
    pub fn pick<'a>(&'a self, lang: &str, sheet: &'a str) -> (&'a str, Option<&'a str>) {
        let is = |tag: &Option<String>, want: &str| match tag {
            Some(t) => primary(t) == primary(want),
            None => primary(sheet) == primary(want),
        };
        if let Some((_, text)) = self.variants.iter().find(|(t, _)| is(t, lang)) {
            return (text, None);
        }
        let (tag, text) = self
            .variants
            .iter()
            .find(|(t, _)| is(t, sheet))
            .map(|(t, s)| (t.as_deref().unwrap_or(sheet), s.as_str()))
            .unwrap_or_else(|| (self.main_tag().unwrap_or(sheet), self.main()));
        (text, Some(tag))
    }

    /// The main text (as `main`), for code that reads a text as a string.
    pub fn as_str(&self) -> &str {
        self.main()
    }

    /// The main text: English where given, else the first.
    pub fn main(&self) -> &str {
        self.main_variant().map_or("", |(_, s)| s.as_str())
    }

    fn main_tag(&self) -> Option<&str> {
        self.main_variant().and_then(|(t, _)| t.as_deref())
    }

    fn main_variant(&self) -> Option<&(Option<String>, String)> {
        self.variants.iter().find(|(t, _)| t.as_deref().is_some_and(|t| primary(t) == "en")).or(self.variants.first())
    }

    /// True when the text is given in `lang`, a plain string counting as the
    /// sheet's language `sheet`.
    pub fn has(&self, lang: &str, sheet: &str) -> bool {
        self.variants.iter().any(|(t, _)| primary(t.as_deref().unwrap_or(sheet)) == primary(lang))
    }

    /// Every language's text, for the search.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.variants.iter().map(|(_, s)| s.as_str())
    }

    /// Every language's text with its tag, for checks.
    pub fn variants(&self) -> impl Iterator<Item = (Option<&str>, &str)> {
        self.variants.iter().map(|(t, s)| (t.as_deref(), s.as_str()))
    }

    /// The primary languages it is given in, a plain string counting as
    /// the sheet's language `sheet`.
    pub fn languages<'a>(&'a self, sheet: &'a str) -> impl Iterator<Item = String> + 'a {
        self.variants.iter().map(move |(t, _)| primary(t.as_deref().unwrap_or(sheet)))
    }
}

/// A tag's primary language subtag, lower case: `fr-CA` → `fr`.
fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// True when `tag` reads as a BCP 47 language tag: a primary subtag of 2 or
/// 3 letters, then subtags of 1 to 8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Deref for LocalText {
    type Target = str;
    fn deref(&self) -> &str {
        self.main()
    }
}

impl fmt::Display for LocalText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.main())
    }
}

impl From<&str> for LocalText {
    fn from(s: &str) -> Self {
        LocalText { variants: vec![(None, s.to_string())] }
    }
}

impl From<String> for LocalText {
    fn from(s: String) -> Self {
        LocalText { variants: vec![(None, s)] }
    }
}

impl PartialEq<str> for LocalText {
    fn eq(&self, other: &str) -> bool {
        self.main() == other
    }
}

impl PartialEq<&str> for LocalText {
    fn eq(&self, other: &&str) -> bool {
        self.main() == *other
    }
}

impl Serialize for LocalText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.variants.as_slice() {
            [(None, text)] => serializer.serialize_str(text),
            [] => serializer.serialize_str(""),
            variants => {
                let mut map = serializer.serialize_map(Some(variants.len()))?;
                for (tag, text) in variants {
                    map.serialize_entry(tag.as_deref().unwrap_or("und"), text)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Texts;
        impl<'de> Visitor<'de> for Texts {
            type Value = LocalText;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, or an object of the text by language tag ({\"en\": \"…\", \"fr\": \"…\"})")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<LocalText, E> {
                Ok(LocalText::from(s))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<LocalText, E> {
                Ok(LocalText::from(s))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LocalText, A::Error> {
                let mut variants: Vec<(Option<String>, String)> = Vec::new();
                while let Some(tag) = map.next_key::<String>()? {
                    if !is_language_tag(&tag) {
                        return Err(de::Error::custom(format_args!(
                            "`{}` is not a language tag (such as `en`, `fr`, `zh-Hans`)",
                            crate::model::problem::excerpt(&tag)
                        )));
                    }
                    let text: String = map.next_value()?;
                    variants.push((Some(tag), text));
                }
                if variants.is_empty() {
                    return Err(de::Error::custom("an object of texts by language needs at least one"));
                }
                Ok(LocalText { variants })
            }
        }
        deserializer.deserialize_any(Texts)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for LocalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LocalText".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text in the sheet's language, or the same text by BCP 47 language tag: {\"en\": \"…\", \"fr\": \"…\"}.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": { "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$" },
                    "additionalProperties": { "type": "string" }
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<LocalText, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn a_plain_string_or_texts_by_language() {
        let plain = read(r#""Skills""#).unwrap();
        assert_eq!(&*plain, "Skills");
        assert_eq!(plain.pick("fr", "en"), ("Skills", Some("en")));
        assert_eq!(plain.pick("en", "en"), ("Skills", None));
        let both = read(r#"{"fr": "Compétences", "en": "Skills"}"#).unwrap();
        assert_eq!(&*both, "Skills", "English is the main text");
        assert_eq!(both.pick("fr", "en"), ("Compétences", None));
        assert_eq!(both.pick("ar", "en"), ("Skills", Some("en")));
        assert_eq!(both.pick("zh", "fr"), ("Compétences", Some("fr")), "the sheet's own language next");
        let french_sheet = read(r#""Compétences""#).unwrap();
        assert_eq!(french_sheet.pick("fr", "fr-CA"), ("Compétences", None));
        assert!(both.has("fr", "en") && !both.has("es", "en") && plain.has("en", "en"));
        assert_eq!(both.languages("en").collect::<Vec<_>>(), ["fr", "en"]);
        assert_eq!(french_sheet.languages("fr-CA").collect::<Vec<_>>(), ["fr"]);
        assert_eq!(both.all().count(), 2);
    }

    #[test]
    fn reads_back_as_written() {
        for json in [r#""Skills""#, r#"{"en":"Skills","fr":"Compétences"}"#] {
            let text = read(json).unwrap();
            let back = serde_json::to_string(&text).unwrap();
            assert_eq!(read(&back).unwrap(), text, "{json}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_text_by_language() {
        for (json, says) in [
            (r#"{}"#, "at least one"),
            (r#"{"english": "x"}"#, "not a language tag"),
            (r#"{"en": 5}"#, "invalid type"),
            (r#"5"#, "a text, or an object"),
            (r#"["x"]"#, "a text, or an object"),
        ] {
            let e = read(json).unwrap_err().to_string();
            assert!(e.contains(says), "{json}: {e}");
        }
        assert!(
            is_language_tag("zh-Hans")
                && is_language_tag("es-419")
                && !is_language_tag("e")
                && !is_language_tag("en_US")
        );
    }
}
