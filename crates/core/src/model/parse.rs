//! Reading a fact-sheet file: JSON text in, a [`FactSheet`] of everything that
//! could be read plus every [`Problem`] out. Never panics, never stops at the
//! first problem.
//!
//! How it stays forgiving: the text is parsed to a JSON value first (a syntax
//! error ends there, with line and column). Then each top-level field, and each
//! element of each top-level list, is read on its own: a broken project drops
//! that project alone, reported with its path (`projects[3].funding.amount_usd`),
//! and the rest of the sheet still shows. Unknown fields are warnings. Finally
//! [`super::validate`] checks what was read (ids, references, amounts, links).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::problem::Problem;
use super::problem::{excerpt, excerpt_to};
use super::types::{FactSheet, Project, FORMAT_VERSION};
use super::validate::{validate, Origins};

/// The result of reading a fact-sheet file.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// Everything that could be read. Empty when the file could not be read at all.
    pub sheet: FactSheet,
    /// Every problem found, errors and warnings, in document order per check.
    pub problems: Vec<Problem>,
    /// True when nothing could be shown (syntax error, not an object, newer format).
    pub fatal: bool,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    fn fatal(problem: Problem) -> Parsed {
        Parsed { sheet: FactSheet::default(), problems: vec![problem], fatal: true }
    }
}

/// The top-level lists, read element by element.
const LISTS: [&str; 10] = [
    "highlights",
    "themes",
    "partners",
    "geographies",
    "sections",
    "events",
    "projects",
    "reach",
    "contributions",
    "contacts",
];

/// The largest file read, in bytes: 4 MB (a sheet with thousands of projects
/// fits; the China sheet is 73 KB).
pub const MAX_BYTES: usize = 4_000_000;

/// The deepest nesting of lists and objects read. The format needs six levels
/// (`sections[].subsections[].paragraphs[].themes[]`); the margin leaves room
/// for unknown fields, which are reported, not read.
pub const MAX_DEPTH: usize = 32;

/// Reads and validates a fact-sheet file.
pub fn parse(text: &str) -> Parsed {
    // A byte-order mark is not JSON, but editors save one; browsers drop it too.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(refusal) = check_shape(text) {
        return Parsed::fatal(refusal);
    }
    let root: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let mut p = Problem::error("$", syntax_message(&e));
            p.line_column = Some((e.line(), e.column()));
            return Parsed::fatal(p);
        }
    };
    let Value::Object(object) = root else {
        return Parsed::fatal(Problem::error("$", "the file must hold a JSON object ({ ... }) at the top"));
    };
    let mut problems = Vec::new();
    if let Some(refusal) = check_version(&object, &mut problems) {
        return Parsed::fatal(refusal);
    }

    let mut sheet = FactSheet { format_version: FORMAT_VERSION, ..FactSheet::default() };
    let mut origins = Origins::default();
    match object.get("meta") {
        Some(meta) => {
            if let Some(m) = read(meta, "meta", &mut problems) {
                sheet.meta = m;
            }
        }
        None => problems.push(Problem::error("meta", "the required field `meta` is missing")),
    }
    for key in LISTS {
        let Some(value) = object.get(key) else {
            continue;
        };
        let Value::Array(items) = value else {
            problems.push(Problem::error(key, format!("`{key}` must be a list ([ ... ])")));
            continue;
        };
        let kept = origins.list_mut(key);
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{i}]");
            let ok = match key {
                "highlights" => push(&mut sheet.highlights, read(item, &path, &mut problems)),
                "themes" => push(&mut sheet.themes, read(item, &path, &mut problems)),
                "partners" => push(&mut sheet.partners, read(item, &path, &mut problems)),
                "geographies" => push(&mut sheet.geographies, read(item, &path, &mut problems)),
                "sections" => push(&mut sheet.sections, read(item, &path, &mut problems)),
                "events" => push(&mut sheet.events, read(item, &path, &mut problems)),
                "projects" => push(&mut sheet.projects, read_project(item, &path, &mut problems)),
                "reach" => push(&mut sheet.reach, read(item, &path, &mut problems)),
                "contributions" => push(&mut sheet.contributions, read(item, &path, &mut problems)),
                _ => push(&mut sheet.contacts, read(item, &path, &mut problems)),
            };
            if ok {
                kept.push(i);
            }
        }
    }
    for key in object.keys() {
        if key != "format_version" && key != "meta" && !LISTS.contains(&key.as_str()) {
            problems.push(Problem::warning(key_segment(key), format!("unknown field {} is ignored", quoted(key))));
        }
    }
    problems.extend(validate(&sheet, &origins));
    Parsed { sheet, problems, fatal: false }
}

/// Refuses, before any JSON parsing, what would be costly or pointless to
/// parse: an empty file, an oversized one, nesting deeper than [`MAX_DEPTH`]
/// (found with one scan, so 20,000 levels cost no recursion), and an HTML page
/// (a server's error page served in place of the data).
pub(super) fn check_shape(text: &str) -> Option<Problem> {
    if text.trim().is_empty() {
        return Some(Problem::error("$", "the file is empty"));
    }
    if text.len() > MAX_BYTES {
        let mb = |n: usize| n as f64 / 1_000_000.0;
        return Some(Problem::error(
            "$",
            format!(
                "the file is {:.1} MB, larger than the {:.1} MB this app reads; split it or remove what it does not need",
                mb(text.len()),
                mb(MAX_BYTES)
            ),
        ));
    }
    let start = text.trim_start();
    if start.starts_with('<') {
        let mut p = Problem::error(
            "$",
            "the file is an HTML page, not JSON: the address may be wrong, or the server sent an error page",
        );
        p.line_column = Some(line_column(text, text.len() - start.len()));
        return Some(p);
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (at, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let mut p = Problem::error(
                        "$",
                        format!("lists and objects are nested more than {MAX_DEPTH} levels deep; a fact sheet needs far fewer"),
                    );
                    p.line_column = Some(line_column(text, at));
                    return Some(p);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A project, its `period` taken from its phases when the file leaves it out.
fn read_project(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Project> {
    let mut project: Project = read(value, path, problems)?;
    if value.get("period").is_none() {
        let Some(span) = project.phases_span() else {
            problems.push(Problem::error(
                format!("{path}.period"),
                "a project needs a period, or phases to take it from; the project is left out".to_string(),
            ));
            return None;
        };
        project.period = span;
    }
    Some(project)
}

fn push<T>(list: &mut Vec<T>, item: Option<T>) -> bool {
    match item {
        Some(item) => {
            list.push(item);
            true
        }
        None => false,
    }
}

/// Checks `format_version`; returns the refusal when the file is too new.
fn check_version(object: &Map<String, Value>, problems: &mut Vec<Problem>) -> Option<Problem> {
    match object.get("format_version") {
        None => problems.push(Problem::error(
            "format_version",
            format!("the required field `format_version` is missing (this app reads version {FORMAT_VERSION})"),
        )),
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(FORMAT_VERSION) => {
                return Some(Problem::error(
                    "format_version",
                    format!(
                        "this file uses format version {n}, newer than the version {FORMAT_VERSION} this app reads; \
                         update the app to show it"
                    ),
                ))
            }
            Some(n) if n >= 1 => {}
            _ => problems.push(Problem::error(
                "format_version",
                format!("`format_version` must be a whole number from 1 to {FORMAT_VERSION}, not {v}"),
            )),
        },
    }
    None
}

/// Reads one value, recording a type error (with its full path) or unknown
/// fields (as warnings).
fn read<T: DeserializeOwned>(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<T> {
    let mut unknown = Vec::new();
    let mut track = serde_path_to_error::Track::new();
    let result: Result<T, _> = {
        let de = serde_path_to_error::Deserializer::new(value, &mut track);
        serde_ignored::deserialize(de, |p| unknown.push((ignored_path(&p), last_key(&p))))
    };
    match result {
        Ok(item) => {
            for (inner, key) in unknown {
                let message = format!("unknown field {} is ignored", quoted(key.as_deref().unwrap_or_default()));
                problems.push(Problem::warning(join(path, &inner), message));
            }
            Some(item)
        }
        Err(e) => {
            let inner = track_path(&track.path());
            // serde quotes the offending value whole: keep the message short.
            problems.push(Problem::error(join(path, &inner), type_message(&excerpt_to(&e.to_string(), 300))));
            None
        }
    }
}

fn join(prefix: &str, rest: &str) -> String {
    match rest {
        "" => prefix.to_string(),
        r if r.starts_with('[') => format!("{prefix}{r}"),
        r => format!("{prefix}.{r}"),
    }
}

fn track_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

fn ignored_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => match ignored_path(parent) {
            parent if parent.is_empty() => key_segment(key),
            parent => join(&parent, &key_segment(key)),
        },
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => {
            ignored_path(parent)
        }
    }
}

/// The last field name of an ignored path, if it ends in one.
fn last_key(path: &serde_ignored::Path<'_>) -> Option<String> {
    use serde_ignored::Path;
    match path {
        Path::Map { key, .. } => Some(key.clone()),
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => last_key(parent),
        Path::Root | Path::Seq { .. } => None,
    }
}

/// A field name as a path segment: plain names as they are (`colour`), any
/// other (empty, spaces, dots, brackets, long) quoted in brackets (`[""]`),
/// so a path never comes out empty or ambiguous.
pub(crate) fn key_segment(key: &str) -> String {
    let plain =
        !key.is_empty() && key.len() <= 80 && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain {
        key.to_string()
    } else {
        format!("[{:?}]", excerpt(key))
    }
}

/// A field name for a message: `colour`, or quoted when it is not plain.
fn quoted(key: &str) -> String {
    let segment = key_segment(key);
    if segment.starts_with('[') {
        format!("{:?}", excerpt(key))
    } else {
        format!("`{segment}`")
    }
}

/// serde's wording made plainer for editors.
fn type_message(raw: &str) -> String {
    let plain = raw
        .replace("expected f64", "expected a number")
        .replace("expected i32", "expected a whole number (a year)")
        .replace("expected i64", "expected a whole number (a year)")
        .replace("expected u32", "expected a whole number")
        .replace("expected u8", "expected a whole number")
        .replace("invalid type: ", "wrong type: found ");
    match plain.strip_prefix("missing field ") {
        Some(field) => format!("the required field {field} is missing"),
        None => plain,
    }
}

fn syntax_message(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => "the file ends too early (is it truncated?)",
        Category::Syntax => "the file is not valid JSON",
        Category::Data | Category::Io => "the file could not be read",
    };
    // serde_json appends " at line L column C"; the Problem carries those separately.
    let detail = e.to_string();
    let detail = detail.split(" at line ").next().unwrap_or_default().to_string();
    if detail == "number out of range" {
        return "a number is too large to read (numbers must be below about 1e308)".to_string();
    }
    format!("{what}: {detail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
      "format_version": 1,
      "meta": {"country": "CHN", "country_name": "China", "title": "China", "subtitle": "ILO cooperation",
               "published": "2026-07", "language": "en", "source": {"title": "China: ILO cooperation"}},
      "themes": [{"id": "skills", "name": "Skills"}],
      "projects": [
        {"id": "a", "title": "A", "period": {"start": 2018, "end": 2027}, "summary": "s",
         "funding": {"amount_usd": 5000000}, "themes": ["skills"], "source": {"section": "projects", "quote": "q"}},
        {"id": "b", "title": "B", "period": {"start": 2022, "end": 2026}, "summary": "s",
         "funding": {"amount_usd": "lots"}, "source": {"section": "projects", "quote": "q"}},
        {"id": "c", "title": "C", "period": {"start": 2023, "end": 2026}, "summary": "s", "colour": "red",
         "source": {"section": "projects", "quote": "q"}}
      ],
      "sections": [{"id": "projects", "title": "Projects", "paragraphs": [{"id": "p1", "text": "t"}]}]
    }"#;

    #[test]
    fn a_broken_item_is_dropped_with_its_path_and_the_rest_kept() {
        let parsed = parse(MINIMAL);
        assert!(!parsed.fatal);
        let ids: Vec<_> = parsed.sheet.projects.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        let error = parsed.problems.iter().find(|p| p.is_error()).expect("an error");
        assert_eq!(error.path, "projects[1].funding.amount_usd");
        assert!(error.message.contains("expected a number"), "{}", error.message);
    }

    #[test]
    fn unknown_fields_are_warnings_with_paths() {
        let parsed = parse(MINIMAL);
        let w: Vec<_> = parsed.problems.iter().filter(|p| !p.is_error()).collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].path, "projects[2].colour");
    }

    #[test]
    fn syntax_error_gives_line_and_column() {
        let truncated = &MINIMAL[..200];
        let parsed = parse(truncated);
        assert!(parsed.fatal);
        let p = &parsed.problems[0];
        let (line, column) = p.line_column.expect("line and column");
        assert!(line >= 3 && column > 0, "{line}:{column}");
        assert!(p.to_string().contains(&format!("line {line}, column {column}")));
        assert!(p.message.contains("truncated"));
    }

    #[test]
    fn odd_field_names_get_a_path_and_a_name() {
        // Found by the fuzzer: an empty key gave a problem with an empty path.
        let parsed = parse(r#"{"format_version": 1, "": 1, "a b": 2, "projects": [{"": 3, "x.y": 4}]}"#);
        let warnings: Vec<(&str, &str)> =
            parsed.problems.iter().filter(|p| !p.is_error()).map(|p| (p.path.as_str(), p.message.as_str())).collect();
        assert!(warnings.contains(&(r#"[""]"#, r#"unknown field "" is ignored"#)), "{warnings:?}");
        assert!(warnings.contains(&(r#"["a b"]"#, r#"unknown field "a b" is ignored"#)), "{warnings:?}");
        assert!(parsed.problems.iter().all(|p| !p.path.is_empty() && !p.message.is_empty()));
    }

    #[test]
    fn newer_major_version_is_refused() {
        let parsed = parse(r#"{"format_version": 2, "meta": {}}"#);
        assert!(parsed.fatal);
        assert_eq!(parsed.problems[0].path, "format_version");
        assert!(parsed.problems[0].message.contains("version 2"));
    }

    #[test]
    fn not_an_object_and_missing_version() {
        assert!(parse("[1, 2]").fatal);
        let parsed = parse(r#"{"meta": 3}"#);
        assert!(!parsed.fatal);
        let paths: Vec<_> = parsed.problems.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"format_version") && paths.contains(&"meta"), "{paths:?}");
    }
}
