//! Whether a sheet's texts are given in the same languages: a language some
//! texts give and others lack is a warning at the first text that lacks it
//! (a plain string counts as the sheet's own language, `meta.language`). The
//! widget shows a missing one in the sheet's language, marked as such.

use std::collections::BTreeSet;

use super::local_text::LocalText;
use super::problem::Problem;

/// One warning per language missing from some texts but given in others.
pub fn missing_languages(texts: &[(String, &LocalText)], sheet_language: &str) -> Vec<Problem> {
    let all: BTreeSet<String> = texts.iter().flat_map(|(_, t)| t.languages(sheet_language)).collect();
    if all.len() < 2 {
        return Vec::new();
    }
    let mut problems = Vec::new();
    for lang in &all {
        let missing: Vec<&String> =
            texts.iter().filter(|(_, t)| !t.has(lang, sheet_language)).map(|(path, _)| path).collect();
        let given = texts.len() - missing.len();
        if let Some(first) = missing.first() {
            let others = match missing.len() - 1 {
                0 => String::new(),
                1 => " and 1 other text".to_string(),
                n => format!(" and {n} other texts"),
            };
            problems.push(Problem::warning(
                (*first).clone(),
                format!(
                    "`{lang}` is given for {given} text(s) but missing here{others}; readers in `{lang}` see those in the sheet's language"
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(json: &str) -> LocalText {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_language_some_texts_lack_is_a_warning_at_the_first() {
        let (a, b, c) = (text(r#"{"en": "A", "fr": "A fr"}"#), text(r#""B""#), text(r#"{"en": "C", "fr": "C fr"}"#));
        let texts = vec![("x.title".to_string(), &a), ("y.title".to_string(), &b), ("z.title".to_string(), &c)];
        let problems = missing_languages(&texts, "en");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "y.title");
        assert!(problems[0].message.contains("`fr` is given for 2 text(s)"), "{}", problems[0].message);
    }

    #[test]
    fn one_language_everywhere_is_fine() {
        let (a, b) = (text(r#""A""#), text(r#"{"en": "B"}"#));
        assert!(missing_languages(&[("a".into(), &a), ("b".into(), &b)], "en").is_empty());
        let (c, d) = (text(r#"{"en": "C", "es": "C es"}"#), text(r#"{"es": "D es", "en": "D"}"#));
        assert!(missing_languages(&[("c".into(), &c), ("d".into(), &d)], "en").is_empty());
    }
}
