//! `model::locate` against the bundled sheet: every value of `data/china.json`
//! is found exactly where it is written, and every problem of a broken copy
//! is found on its line.

mod common;

use ilo_factsheet_core::model::{parse, Locator};
use serde_json::{json, Value};

/// Every path in `value` as the parser writes paths, with the value there.
fn paths(value: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(members) => {
            for (key, v) in members {
                let p = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                out.push((p.clone(), v.clone()));
                paths(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                out.push((p.clone(), v.clone()));
                paths(v, p, out);
            }
        }
        _ => {}
    }
}

/// The byte offset of 1-based `line` and `column` (in characters).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
    start + text[start..].chars().take(column - 1).map(char::len_utf8).sum::<usize>()
}

/// The first JSON value written at `at`.
fn value_at(text: &str, at: usize) -> Value {
    let mut values = serde_json::Deserializer::from_str(&text[at..]).into_iter::<Value>();
    values.next().expect("a value there").expect("valid JSON there")
}

#[test]
fn every_value_of_the_china_sheet_is_found_where_it_is_written() {
    let text = common::china_text();
    let root: Value = serde_json::from_str(&text).expect("china.json is JSON");
    let mut all = Vec::new();
    paths(&root, String::new(), &mut all);
    assert!(all.len() > 1_500, "{} paths", all.len());
    let locator = Locator::new(&text);
    for (path, value) in &all {
        let place = locator.find(path).unwrap_or_else(|| panic!("{path} not found"));
        assert!(place.exact, "{path}: {place:?}");
        let at = offset(&text, place.line, place.column);
        if path.ends_with(']') {
            // A list element: its value starts there.
            assert_eq!(&value_at(&text, at), value, "{path}");
        } else {
            // A member: its key, then its value.
            let key = path.rsplit('.').next().unwrap_or_default();
            let written = format!("\"{key}\"");
            assert!(text[at..].starts_with(&written), "{path}: {:?}", &text[at..at + 40]);
            let colon = at + written.len() + text[at + written.len()..].find(':').expect("a colon") + 1;
            assert_eq!(&value_at(&text, colon), value, "{path}");
        }
    }
    assert_eq!(locator.find("$").map(|p| (p.line, p.column, p.exact)), Some((1, 1, true)));
}

#[test]
fn each_problem_of_a_broken_china_sheet_is_found_on_its_line() {
    let mut sheet: Value = serde_json::from_str(&common::china_text()).expect("china.json is JSON");
    let set = |sheet: &mut Value, pointer: &str, new: Value| {
        *sheet.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = new;
    };
    set(&mut sheet, "/projects/3/funding/amount_usd", json!("five million"));
    set(&mut sheet, "/projects/1/themes/0", json!("no-such-theme"));
    set(&mut sheet, "/events/2/date", json!(2019.5));
    set(&mut sheet, "/meta/source/url", json!("javascript:alert(1)"));
    let paragraph = sheet.pointer_mut("/sections/1/paragraphs/0").and_then(Value::as_object_mut);
    paragraph.expect("a paragraph").insert("colour".into(), json!("red"));
    let text = serde_json::to_string_pretty(&sheet).expect("serializes");
    let parsed = parse(&text);
    let found: Vec<(String, usize)> = {
        let locator = Locator::new(&text);
        parsed
            .problems
            .iter()
            .map(|p| {
                let place = locator.find(&p.path).unwrap_or_else(|| panic!("{} not found", p.path));
                assert!(place.exact, "{}: {place:?}", p.path);
                (p.path.clone(), place.line)
            })
            .collect()
    };
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
    for (path, needle) in [
        ("projects[3].funding.amount_usd", "\"five million\""),
        ("projects[1].themes[0]", "\"no-such-theme\""),
        ("events[2].date", "2019.5"),
        ("meta.source.url", "javascript:alert(1)"),
        ("sections[1].paragraphs[0].colour", "\"colour\""),
    ] {
        let line = found.iter().find(|(p, _)| p == path).map(|(_, l)| *l);
        assert_eq!(line, line_of(needle), "{path} in {found:?}");
    }
}
