//! Validation rules, one broken file per rule: each must report an error at
//! the right JSON path, and the valid rest of the sheet must still be read.

use ilo_factsheet_core::model::{parse, Parsed};
use serde_json::{json, Value};

const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.json");

fn base() -> Value {
    serde_json::from_str(MINIMAL).expect("fixture is JSON")
}

/// Applies `change` to the fixture and parses the result.
fn parse_changed(change: impl FnOnce(&mut Value)) -> Parsed {
    let mut v = base();
    change(&mut v);
    parse(&v.to_string())
}

fn set(v: &mut Value, pointer: &str, new: Value) {
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer} in fixture")) = new;
}

fn error_paths(parsed: &Parsed) -> Vec<String> {
    parsed.problems.iter().filter(|p| p.is_error()).map(|p| p.path.clone()).collect()
}

#[test]
fn the_fixture_itself_is_clean() {
    let parsed = parse(MINIMAL);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.sheet.projects.len(), 2);
}

#[test]
fn each_rule_reports_its_path() {
    type Change = fn(&mut Value);
    let cases: Vec<(&str, Change, &str, &str)> = vec![
        ("duplicate project id", |v| set(v, "/projects/1/id", json!("skills")), "projects[1].id", "duplicate id"),
        ("duplicate theme id", |v| set(v, "/themes/1/id", json!("skills")), "themes[1].id", "duplicate id"),
        (
            "duplicate paragraph id",
            |v| set(v, "/sections/0/subsections/0/paragraphs/0/id", json!("p1")),
            "sections[0].subsections[0].paragraphs[0].id",
            "duplicate id",
        ),
        (
            "unknown theme",
            |v| set(v, "/projects/0/themes/0", json!("fishing")),
            "projects[0].themes[0]",
            "unknown theme",
        ),
        (
            "unknown partner",
            |v| set(v, "/events/0/partners/0", json!("nobody")),
            "events[0].partners[0]",
            "unknown partner",
        ),
        (
            "unknown geography",
            |v| set(v, "/sections/0/paragraphs/0/geographies/0", json!("ATL")),
            "sections[0].paragraphs[0].geographies[0]",
            "unknown geography",
        ),
        (
            "unknown group member",
            |v| set(v, "/geographies/3/members/1", json!("XYZ")),
            "geographies[3].members[1]",
            "unknown geography",
        ),
        (
            "unknown figure geography",
            |v| set(v, "/projects/0/figures/0/geography", json!("mars")),
            "projects[0].figures[0].geography",
            "unknown geography",
        ),
        ("unknown project", |v| set(v, "/events/0/project", json!("ghost")), "events[0].project", "unknown project"),
        (
            "unknown source section",
            |v| set(v, "/projects/1/source/section", json!("nowhere")),
            "projects[1].source.section",
            "unknown section",
        ),
        (
            "negative amount",
            |v| set(v, "/projects/1/funding/amount_usd", json!(-4)),
            "projects[1].funding.amount_usd",
            "negative",
        ),
        (
            "negative count",
            |v| set(v, "/projects/0/figures/0/value", json!(-1)),
            "projects[0].figures[0].value",
            "zero or more",
        ),
        (
            "amount of the wrong type",
            |v| set(v, "/projects/1/funding/amount_usd", json!("lots")),
            "projects[1].funding.amount_usd",
            "expected a number",
        ),
        (
            "period backwards",
            |v| set(v, "/projects/0/period", json!({"start": 2027, "end": 2018})),
            "projects[0].period",
            "ends (2018) before it starts (2027)",
        ),
        (
            "contribution period backwards",
            |v| set(v, "/contributions/0/period", json!({"start": 2025, "end": 2021})),
            "contributions[0].period",
            "before it starts",
        ),
        ("empty title", |v| set(v, "/projects/0/title", json!("  ")), "projects[0].title", "must not be empty"),
        (
            "empty paragraph",
            |v| set(v, "/sections/0/paragraphs/0/text", json!("")),
            "sections[0].paragraphs[0].text",
            "must not be empty",
        ),
        ("empty quote", |v| set(v, "/events/0/source/quote", json!("")), "events[0].source.quote", "must not be empty"),
        (
            "missing title",
            |v| {
                v["projects"][0].as_object_mut().map(|o| o.remove("title"));
            },
            "projects[0]",
            "`title` is missing",
        ),
        (
            "javascript link",
            |v| set(v, "/contacts/0/links/2/url", json!("javascript:alert(1)")),
            "contacts[0].links[2].url",
            "must start with",
        ),
        ("ftp link", |v| set(v, "/meta/source/url", json!("ftp://example.org")), "meta.source.url", "must start with"),
        ("bad month", |v| set(v, "/events/0/date", json!("2019-13")), "events[0].date", "no valid month"),
        ("country id not alpha-3", |v| set(v, "/geographies/1/id", json!("Cambodia")), "geographies[1].id", "alpha-3"),
        ("list not a list", |v| set(v, "/projects", json!({})), "projects", "must be a list"),
    ];
    for (name, change, path, message) in cases {
        let parsed = parse_changed(change);
        let found = parsed.problems.iter().find(|p| p.is_error() && p.path == path);
        let problem = found.unwrap_or_else(|| panic!("{name}: no error at {path}; got {:?}", parsed.problems));
        assert!(problem.message.contains(message), "{name}: message {:?} lacks {message:?}", problem.message);
        assert!(!parsed.fatal, "{name}: one bad value must not hide the sheet");
    }
}

#[test]
fn unknown_fields_are_warnings_not_errors() {
    let parsed = parse_changed(|v| {
        v["projects"][0]["budget_code"] = json!("X1");
        v["meta"]["source"]["edition"] = json!(2);
        v["extra"] = json!(true);
    });
    assert!(error_paths(&parsed).is_empty(), "{:?}", parsed.problems);
    let warnings: Vec<_> = parsed.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    for path in ["projects[0].budget_code", "meta.source.edition", "extra"] {
        assert!(warnings.contains(&path), "missing warning at {path}: {warnings:?}");
    }
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let parsed = parse_changed(|v| {
        set(v, "/projects/0/themes/0", json!("fishing"));
        set(v, "/projects/1/funding/amount_usd", json!(-1));
        set(v, "/contacts/0/links/0/url", json!("file:///etc/passwd"));
    });
    assert_eq!(
        error_paths(&parsed),
        ["projects[0].themes[0]", "projects[1].funding.amount_usd", "contacts[0].links[0].url"]
    );
}

#[test]
fn paths_point_into_the_file_after_a_dropped_element() {
    // projects[0] cannot be read; the duplicate in projects[2] must still be
    // reported as projects[2], not as its position among the kept projects.
    let parsed = parse_changed(|v| {
        let extra = v["projects"][1].clone();
        if let Some(projects) = v["projects"].as_array_mut() {
            projects.push(extra);
        }
        set(v, "/projects/0/period", json!("2018-27"));
    });
    let paths = error_paths(&parsed);
    assert!(paths.contains(&"projects[0].period".to_string()), "{paths:?}");
    assert!(paths.contains(&"projects[2].id".to_string()), "{paths:?}");
    assert_eq!(parsed.sheet.projects.len(), 2);
}

/// `n` ids shaped like country codes, none listed: AAA, AAB, …
fn codes(n: usize) -> Vec<String> {
    (0..n).map(|i| [676, 26, 1].iter().map(|d| char::from(b'A' + (i / d % 26) as u8)).collect()).collect()
}

#[test]
fn groups_past_their_limits_are_reported_where_they_are_cut() {
    // A group of 1,200 members: those of the first 1,000 entries count.
    let parsed = parse_changed(|v| set(v, "/geographies/3/members", json!(codes(1200))));
    let long = parsed.problems.iter().find(|p| p.is_error() && p.path == "geographies[3].members");
    let long = long.unwrap_or_else(|| panic!("{:?}", &parsed.problems[parsed.problems.len() - 3..]));
    assert!(long.message.contains("at most 1,000 countries"), "{}", long.message);
    assert!(long.message.contains("only the 1,000 countries of the first 1,000"), "{}", long.message);
    // 800 paragraphs naming it, each with a code of its own, cost about 2,000
    // each: the 1,000,000 a small sheet may spend end near the 500th.
    let parsed = parse_changed(|v| {
        set(v, "/geographies/3/members", json!(codes(1000)));
        let paragraphs: Vec<Value> = codes(800)
            .into_iter()
            .enumerate()
            .map(|(i, code)| json!({"id": format!("x{i}"), "text": "x", "geographies": ["asean", code]}))
            .collect();
        set(v, "/sections/0/paragraphs", json!(paragraphs));
    });
    let spent: Vec<_> = parsed.problems.iter().filter(|p| p.message.contains("ran out here")).collect();
    assert_eq!(spent.len(), 1, "one problem, where it ran out");
    assert!(spent[0].is_error() && spent[0].path.starts_with("sections[0].paragraphs[4"), "{}", spent[0].path);
    assert!(spent[0].path.ends_with("].geographies"), "{}", spent[0].path);
    assert!(spent[0].message.contains("1,000,000"), "{}", spent[0].message);
    assert!(!parsed.fatal);
}
