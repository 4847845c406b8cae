//! The fast path of reading a fact-sheet file: one strict pass of serde over
//! the text, straight into a [`FactSheet`], with none of the bookkeeping that
//! finds and places problems.
//!
//! Why two readers: a widget must show the sheet as soon as its file is here,
//! and the forgiving reader ([`super::parse`](fn@super::parse): a JSON value first, then each
//! item on its own with its path tracked and unknown fields collected, then
//! [`super::validate`]) is most of the code of a first view. So a widget
//! reads with [`quick`] first and shows what it gets, then has the file
//! checked by [`super::parse`](fn@super::parse) (fetched on demand) and shows the problems.
//! When [`quick`] gives up, the forgiving reader reads the file instead.
//!
//! The invariant, tested: whenever [`quick`] reads a sheet, it is exactly the
//! sheet [`super::parse`](fn@super::parse) reads from the same text.

use super::parse::check_shape;
use super::types::{FactSheet, FORMAT_VERSION};

/// The sheet in `text` when it reads without a single type or syntax error,
/// else `None` (and [`super::parse`](fn@super::parse) says why). Unknown fields are skipped
/// here: [`super::parse`](fn@super::parse) reports them as warnings. Never panics.
pub fn quick(text: &str) -> Option<FactSheet> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if check_shape(text).is_some() {
        return None;
    }
    let mut sheet: FactSheet = serde_json::from_str(text).ok()?;
    if !(1..=FORMAT_VERSION).contains(&sheet.format_version) {
        return None;
    }
    // A project may leave out its period when it has phases to take it from
    // (`parse::read_project`); left out, it reads as the default, year 0,
    // which a period in the file can never name (years are 1000 to 9999).
    for project in &mut sheet.projects {
        if project.period == Default::default() {
            project.period = project.phases_span()?;
        }
    }
    // The forgiving reader ends here with a whole sheet set to this version.
    sheet.format_version = FORMAT_VERSION;
    Some(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse;

    /// What the invariant asks: `quick` reads nothing `parse` would not.
    fn agrees(text: &str) -> bool {
        match quick(text) {
            Some(sheet) => {
                let parsed = parse(text);
                assert!(!parsed.fatal, "quick read a file parse refuses: {:.80}", text);
                assert_eq!(sheet, parsed.sheet, "quick and parse read different sheets");
                true
            }
            None => false,
        }
    }

    fn bundled(name: &str) -> String {
        let path = format!("{}/../../data/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn reads_the_bundled_sheets_as_parse_does() {
        for name in ["china.json", "korea.json", "template.json"] {
            assert!(agrees(&bundled(name)), "quick gave up on {name}");
        }
        // With a byte-order mark, as some editors save.
        assert!(agrees(&format!("\u{feff}{}", bundled("china.json"))));
    }

    #[test]
    fn takes_a_missing_period_from_the_phases() {
        let text = r#"{"format_version": 1, "meta": {"country": "CHN", "country_name": "China", "title": "T",
            "subtitle": "S", "published": "2026-07", "language": "en", "source": {"title": "T"}},
            "projects": [{"id": "a", "title": "A", "summary": "s", "source": {"section": "s", "quote": "q"},
              "phases": [{"title": "One", "start": 2012, "end": 2015, "source": {"section": "s", "quote": "q"}},
                         {"title": "Two", "start": 2016, "source": {"section": "s", "quote": "q"}}]}]}"#;
        let sheet = quick(text).expect("read");
        assert_eq!((sheet.projects[0].period.start, sheet.projects[0].period.end), (2012, 2016));
        assert!(agrees(text));
        // Without phases either, the project is a problem: parse says which.
        let phases = text.find(r#""phases""#).expect("phases");
        let none = format!("{}\"phases\": []}}]}}", &text[..phases]);
        assert_eq!(quick(&none), None);
        assert!(parse(&none).problems.iter().any(|p| p.path == "projects[0].period"));
    }

    #[test]
    fn gives_up_on_what_parse_reports_as_an_error() {
        let china = bundled("china.json");
        let broken = [
            china.replacen("\"format_version\": 1", "\"format_version\": 2", 1),
            china.replacen("\"format_version\": 1", "\"format_version\": 0", 1),
            china.replacen("\"amount_usd\": ", "\"amount_usd\": \"lots\", \"x\": ", 1),
            china.replacen("\"start\": ", "\"start\": 20180, \"y\": ", 1),
            china[..china.len() / 2].to_string(),
            format!("[{china}]"),
            String::new(),
            "<html></html>".to_string(),
            format!("{}{}", "[".repeat(40), "]".repeat(40)),
        ];
        for text in &broken {
            assert_eq!(quick(text), None, "{:.120}", text);
            assert!(parse(text).has_errors(), "{:.120}", text);
        }
    }

    #[test]
    fn skips_unknown_fields_which_parse_warns_of() {
        let text =
            bundled("china.json").replacen("\"format_version\": 1", "\"format_version\": 1, \"colour\": \"red\"", 1);
        assert!(agrees(&text));
        assert!(parse(&text).problems.iter().any(|p| p.path == "colour" && !p.is_error()));
    }

    #[test]
    fn agrees_with_parse_on_every_cut_of_a_sheet() {
        // Cut the template at many points and splice its halves: whatever
        // quick still reads, parse reads the same.
        let template = bundled("template.json");
        let bytes = template.len();
        let boundary = |i: usize| (i.min(bytes)..=bytes).find(|&i| template.is_char_boundary(i)).unwrap_or(bytes);
        let mut read = 0;
        for k in 1..200 {
            let at = boundary(bytes * k / 200);
            let cut = format!("{}{}", &template[..at], &template[boundary(at + 7)..]);
            read += usize::from(agrees(&cut));
        }
        // Most cuts break the syntax; the test is that none disagrees.
        assert!(read < 200);
    }
}
