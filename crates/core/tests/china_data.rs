//! `data/china.json` against the text it transcribes, `data/sources/china-2026-07.txt`.
//!
//! The source text is normalised the same way everywhere: the PDF-conversion
//! artefact `\$` becomes `$`, and runs of whitespace collapse to one space. A
//! source *line* is also stripped of its heading marker (`▶`/`►`) and of a
//! leading list bullet (`- `).
//!
//! What is checked:
//! 1. the file deserializes into `FactSheet` and holds no key the types do not know;
//! 2. the whole text is there, and nothing else: every non-empty source line is
//!    the title, the subtitle, the publication month, a (sub)section title or a
//!    paragraph, and every title and paragraph is a source line, in source order;
//! 3. every `quote` (provenance, funding sources) is a substring of the source;
//! 4. every number of the source appears in a structured field (anything but
//!    paragraph `text`, `quote` strings and `id`s), so nothing is known only
//!    from running text;
//! 5. ids are unique, references resolve, and the money and counts are as stated;
//! 6. the library's own parser and validator report no problem at all.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use ilo_factsheet_core::model::{parse, ContributionKind, FactSheet, Paragraph, Period, Qualifier, Source};
use serde_json::Value;

const SHEET: &str = "data/china.json";
const SOURCE: &str = "data/sources/china-2026-07.txt";

// ---------------------------------------------------------------- helpers

mod common;
use common::read;

fn raw_sheet() -> Value {
    serde_json::from_str(&read(SHEET)).expect("data/china.json is JSON")
}

fn sheet() -> FactSheet {
    serde_json::from_str(&read(SHEET)).expect("data/china.json deserializes into FactSheet")
}

/// `\$` -> `$`, whitespace runs -> one space, trimmed.
fn normalise(text: &str) -> String {
    collapse(&text.replace("\\$", "$"))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The source as one normalised string, for substring checks.
fn source_text() -> String {
    normalise(&read(SOURCE))
}

/// The non-empty source lines, normalised, without heading markers or bullets.
fn source_lines() -> Vec<String> {
    read(SOURCE)
        .lines()
        .map(|line| {
            let line = line.trim().trim_start_matches(['▶', '►']).trim();
            let line = line.strip_prefix("- ").unwrap_or(line);
            normalise(line)
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// Every paragraph of the text, the lead first, with a readable location.
fn paragraphs(sheet: &FactSheet) -> Vec<(String, &Paragraph)> {
    let mut out = Vec::new();
    if let Some(lead) = &sheet.meta.lead {
        out.push(("meta.lead".to_string(), lead));
    }
    for section in &sheet.sections {
        for p in &section.paragraphs {
            out.push((format!("section {}", section.id), p));
        }
        for sub in &section.subsections {
            for p in &sub.paragraphs {
                out.push((format!("subsection {}", sub.id), p));
            }
        }
        for p in &section.closing {
            out.push((format!("section {} (closing)", section.id), p));
        }
    }
    out
}

/// Every `Source` in the typed sheet, with a readable location.
fn sources(sheet: &FactSheet) -> Vec<(String, &Source)> {
    let mut out = Vec::new();
    for h in &sheet.highlights {
        out.push((format!("highlight {}", h.id), &h.source));
    }
    for e in &sheet.events {
        out.push((format!("event {}", e.id), &e.source));
        for f in &e.figures {
            out.push((format!("figure {}", f.id), &f.source));
        }
    }
    for p in &sheet.projects {
        out.push((format!("project {}", p.id), &p.source));
        if let Some(f) = &p.funding_source {
            out.push((format!("project {} funding_source", p.id), f));
        }
        for f in &p.figures {
            out.push((format!("figure {}", f.id), &f.source));
        }
    }
    for c in &sheet.contributions {
        out.push((format!("contribution {}", c.id), &c.source));
    }
    out
}

/// RFC 6901 escaping of one pointer segment.
fn pointer_segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Pointers to keys of `raw` that serializing the typed sheet did not give back.
/// They are either known fields left out because they hold their default, or
/// keys the types do not know.
fn keys_lost_in_round_trip(raw: &Value, back: &Value, pointer: &str, out: &mut Vec<String>) {
    match (raw, back) {
        (Value::Object(r), Value::Object(b)) => {
            for (key, value) in r {
                let here = format!("{pointer}/{}", pointer_segment(key));
                match b.get(key) {
                    Some(other) => keys_lost_in_round_trip(value, other, &here, out),
                    None => out.push(here),
                }
            }
        }
        (Value::Array(r), Value::Array(b)) => {
            for (i, (value, other)) in r.iter().zip(b).enumerate() {
                keys_lost_in_round_trip(value, other, &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// True when the types ignore the key at `pointer`: the sheet still
/// deserializes whatever junk it holds. A known field refuses at least one of
/// a boolean and a string that is no enum variant.
fn is_ignored_key(raw: &Value, pointer: &str) -> bool {
    [Value::Bool(true), Value::String("\u{1}probe".into())].into_iter().all(|junk| {
        let mut changed = raw.clone();
        *changed.pointer_mut(pointer).expect("pointer from the same value") = junk;
        serde_json::from_value::<FactSheet>(changed).is_ok()
    })
}

fn unknown_keys(raw: &Value) -> Vec<String> {
    let typed: FactSheet = serde_json::from_value(raw.clone()).expect("deserializes into FactSheet");
    let back = serde_json::to_value(&typed).expect("serializes");
    let mut lost = Vec::new();
    keys_lost_in_round_trip(raw, &back, "", &mut lost);
    lost.into_iter().filter(|p| is_ignored_key(raw, p)).collect()
}

/// Number tokens: maximal runs of digits, with `,` or `.` allowed between
/// digits (`10,000`, `4.45`). Each comes with the text that follows it.
fn number_tokens(text: &str) -> Vec<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() {
            let inner_separator =
                matches!(bytes[i], b',' | b'.') && i > start && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if bytes[i].is_ascii_digit() || inner_separator {
                i += 1;
            } else {
                break;
            }
        }
        out.push((&text[start..i], &text[i..]));
    }
    out
}

fn token_value(token: &str) -> f64 {
    token.replace(',', "").parse().unwrap_or_else(|_| panic!("`{token}` is a number"))
}

/// Every string and number of the sheet outside paragraph text, quotes and ids.
fn structured_values(value: &Value, key: Option<&str>, strings: &mut Vec<String>, numbers: &mut Vec<f64>) {
    if matches!(key, Some("text" | "quote" | "id")) {
        return;
    }
    match value {
        Value::String(s) => strings.push(s.clone()),
        Value::Number(n) => numbers.extend(n.as_f64()),
        Value::Array(items) => items.iter().for_each(|v| structured_values(v, None, strings, numbers)),
        Value::Object(map) => map.iter().for_each(|(k, v)| structured_values(v, Some(k), strings, numbers)),
        Value::Bool(_) | Value::Null => {}
    }
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Every `quote` string anywhere in the file, with its JSON pointer.
fn quotes(value: &Value, pointer: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{pointer}/{}", pointer_segment(k));
                match (k.as_str(), v) {
                    ("quote", Value::String(q)) => out.push((here, q.clone())),
                    _ => quotes(v, &here, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                quotes(v, &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn duplicates<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    ids.into_iter().filter(|id| !seen.insert(*id)).collect()
}

// ---------------------------------------------------------------- tests

#[test]
fn deserializes_strictly_with_no_unknown_keys() {
    let raw = raw_sheet();
    let sheet = sheet();
    assert_eq!(sheet.format_version, 1);
    let unknown = unknown_keys(&raw);
    assert!(unknown.is_empty(), "keys the types do not know: {unknown:?}");

    // The detector itself must see an unknown key, and must not flag a known
    // field written with its default value.
    let mut planted = raw.clone();
    planted["projects"][0]["colour"] = Value::String("red".into());
    planted["sections"][0]["paragraphs"][0]["kind"] = Value::String("text".into());
    assert_eq!(unknown_keys(&planted), ["/projects/0/colour"]);
}

#[test]
fn the_whole_text_is_present_and_nothing_else() {
    let sheet = sheet();
    let section_ids: Vec<&str> = sheet.sections.iter().map(|s| s.id.as_str()).collect();
    let expected = ["overview", "sstc", "gdi", "brics", "projects", "trust-fund", "mem-score", "contact"];
    assert_eq!(section_ids, expected, "section ids and order");
    assert_eq!(sheet.meta.lead.as_ref().map(|p| p.id.as_str()), Some("lead"), "the lead paragraph");
    let lines = source_lines();
    let line_of = |text: &str| lines.iter().position(|l| l == text);

    let mut printed: Vec<(String, String)> = vec![
        ("meta.title".into(), sheet.meta.title.to_string()),
        ("meta.subtitle".into(), sheet.meta.subtitle.to_string()),
        ("meta.published".into(), sheet.meta.published.map(as_printed).unwrap_or_default()),
    ];
    for section in &sheet.sections {
        printed.push((format!("section {} title", section.id), section.title.to_string()));
        for sub in &section.subsections {
            printed.push((format!("subsection {} title", sub.id), sub.title.to_string()));
        }
    }
    for (place, p) in paragraphs(&sheet) {
        printed.push((format!("{place} paragraph {}", p.id), p.text.to_string()));
    }

    let invented: Vec<_> = printed.iter().filter(|(_, text)| line_of(text).is_none()).collect();
    assert!(invented.is_empty(), "not a line of the source (verbatim, `US$` not `US\\$`): {invented:#?}");

    let printed_texts: HashSet<&str> = printed.iter().map(|(_, t)| t.as_str()).collect();
    let missing: Vec<_> = lines.iter().filter(|l| !printed_texts.contains(l.as_str())).collect();
    assert!(missing.is_empty(), "source lines missing from the sheet: {missing:#?}");

    let twice = duplicates(printed.iter().map(|(_, t)| t.as_str()));
    assert!(twice.is_empty(), "lines transcribed more than once: {twice:?}");

    // Source order: sections, then inside each section its paragraphs, its
    // subsections with their paragraphs, then its closing paragraphs.
    let increasing = |texts: Vec<&str>, what: String| {
        let at: Vec<_> = texts.iter().map(|t| line_of(t)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{what} are not in source order: lines {at:?}");
    };
    increasing(sheet.sections.iter().map(|s| s.title.as_str()).collect(), "sections".into());
    for section in &sheet.sections {
        let paras = section.paragraphs.iter().map(|p| p.text.as_str()).collect();
        increasing(paras, format!("paragraphs of section {}", section.id));
        increasing(
            section.subsections.iter().map(|u| u.title.as_str()).collect(),
            format!("subsections of {}", section.id),
        );
        for sub in &section.subsections {
            let paras = sub.paragraphs.iter().map(|p| p.text.as_str()).collect();
            increasing(paras, format!("paragraphs of subsection {}", sub.id));
        }
        let reading_order = section.all_paragraphs().map(|p| p.text.as_str()).collect();
        increasing(reading_order, format!("paragraphs of section {} in reading order", section.id));
    }
}

#[test]
fn every_quote_is_in_the_source() {
    let text = source_text();
    let mut found = Vec::new();
    quotes(&raw_sheet(), "", &mut found);
    let typed = sheet();
    assert_eq!(found.len(), sources(&typed).len(), "every quote belongs to a source");
    assert!(typed.projects.iter().any(|p| p.funding_source.is_some()), "funding_source quotes are checked too");

    let bad: Vec<_> =
        found.iter().filter(|(_, quote)| quote.trim().is_empty() || !text.contains(&collapse(quote))).collect();
    assert!(bad.is_empty(), "quotes that are not verbatim source text: {bad:#?}");
}

#[test]
fn every_number_of_the_source_is_in_a_structured_field() {
    let mut strings = Vec::new();
    let mut numbers = Vec::new();
    structured_values(&raw_sheet(), None, &mut strings, &mut numbers);
    let mut known: Vec<f64> = numbers;
    for s in &strings {
        known.extend(number_tokens(s).into_iter().map(|(token, _)| token_value(token)));
    }

    let text = source_text();
    let mut missing = BTreeSet::new();
    for (token, after) in number_tokens(&text) {
        let value = token_value(token);
        let mut candidates = vec![value];
        if after.starts_with(" million") {
            candidates.push(value * 1e6);
        }
        if !candidates.iter().any(|c| known.iter().any(|k| same_number(*c, *k))) {
            let context: String = after.chars().take(30).collect();
            missing.insert(format!("{token}{context}"));
        }
    }
    assert!(missing.is_empty(), "numbers found only in running text: {missing:#?}");
}

#[test]
fn ids_are_unique_references_resolve_and_money_is_as_stated() {
    let sheet = sheet();
    let themes: HashSet<&str> = sheet.themes.iter().map(|t| t.id.as_str()).collect();
    let partners: HashSet<&str> = sheet.partners.iter().map(|p| p.id.as_str()).collect();
    let geographies: HashSet<&str> = sheet.geographies.iter().map(|g| g.id.as_str()).collect();
    let projects: HashSet<&str> = sheet.projects.iter().map(|p| p.id.as_str()).collect();
    let mut sections: HashSet<&str> = sheet.sections.iter().map(|s| s.id.as_str()).collect();
    sections.insert("lead");

    // Unique ids within each collection, and across the text and the figures.
    let text_ids = paragraphs(&sheet)
        .into_iter()
        .map(|(_, p)| p.id.as_str())
        .chain(sheet.sections.iter().flat_map(|s| s.subsections.iter().map(|u| u.id.as_str())));
    let collections: Vec<(&str, Vec<&str>)> = vec![
        ("highlights", sheet.highlights.iter().map(|x| x.id.as_str()).collect()),
        ("themes", sheet.themes.iter().map(|x| x.id.as_str()).collect()),
        ("partners", sheet.partners.iter().map(|x| x.id.as_str()).collect()),
        ("geographies", sheet.geographies.iter().map(|x| x.id.as_str()).collect()),
        ("sections", sheet.sections.iter().map(|x| x.id.as_str()).collect()),
        ("events", sheet.events.iter().map(|x| x.id.as_str()).collect()),
        ("projects", sheet.projects.iter().map(|x| x.id.as_str()).collect()),
        ("contributions", sheet.contributions.iter().map(|x| x.id.as_str()).collect()),
        ("contacts", sheet.contacts.iter().map(|x| x.id.as_str()).collect()),
        ("figures", sheet.projects.iter().flat_map(|p| p.figures.iter().map(|f| f.id.as_str())).collect()),
        ("paragraphs and subsections", text_ids.collect()),
    ];
    for (name, list) in collections {
        assert!(duplicates(list.iter().copied()).is_empty(), "duplicate {name} ids: {:?}", duplicates(list));
    }

    // Every reference, with where it is made.
    let mut refs: Vec<(&str, String, String)> = Vec::new(); // (kind, place, id)
    let mut tag = |kind: &'static str, place: String, values: &[String]| {
        refs.extend(values.iter().map(|v| (kind, place.clone(), v.clone())));
    };
    for (place, p) in paragraphs(&sheet) {
        tag("theme", format!("{place} {}", p.id), &p.themes);
        tag("partner", format!("{place} {}", p.id), &p.partners);
        tag("geography", format!("{place} {}", p.id), &p.geographies);
    }
    for e in &sheet.events {
        tag("theme", format!("event {}", e.id), &e.themes);
        tag("partner", format!("event {}", e.id), &e.partners);
        tag("geography", format!("event {}", e.id), &e.geographies);
        tag("project", format!("event {}", e.id), e.project.as_slice());
    }
    for p in &sheet.projects {
        tag("partner", format!("project {} funders", p.id), &p.funders);
        tag("partner", format!("project {}", p.id), &p.partners);
        tag("theme", format!("project {}", p.id), &p.themes);
        tag("geography", format!("project {}", p.id), &p.geographies);
        for f in &p.figures {
            tag("geography", format!("figure {}", f.id), std::slice::from_ref(&f.geography));
        }
    }
    for c in &sheet.contributions {
        tag("partner", format!("contribution {}", c.id), &c.funders);
        tag("theme", format!("contribution {}", c.id), &c.themes);
    }
    for p in &sheet.partners {
        tag("partner", format!("partner {} parent", p.id), p.parent.as_slice());
    }
    for g in &sheet.geographies {
        tag("geography", format!("geography {} members", g.id), g.members.as_deref().unwrap_or_default());
    }
    for s in &sheet.sections {
        for u in &s.subsections {
            tag("project", format!("subsection {}", u.id), u.project.as_slice());
        }
    }
    for (place, source) in sources(&sheet) {
        tag("section", place, std::slice::from_ref(&source.section));
    }
    let dangling: Vec<_> = refs
        .iter()
        .filter(|(kind, _, id)| {
            let known = match *kind {
                "theme" => &themes,
                "partner" => &partners,
                "geography" => &geographies,
                "project" => &projects,
                _ => &sections,
            };
            !known.contains(id.as_str())
        })
        .collect();
    assert!(dangling.is_empty(), "references to unknown ids: {dangling:#?}");

    // The stated total, as stated.
    let stated = sheet.contributions.iter().find(|c| c.kind == ContributionKind::StatedTotal);
    let stated = stated.expect("the US$ 8 million stated total");
    assert_eq!(stated.amount.map(|m| m.amount_usd), Some(8_000_000.0));
    assert_eq!(stated.amount.map(|m| m.qualifier), Some(Qualifier::TotalOf));
    assert_eq!(stated.period, Some(Period { start: 2021, end: 2025 }));

    // Project budgets, and no contribution repeating one of them.
    let funding: BTreeMap<&str, (f64, Qualifier)> = sheet
        .projects
        .iter()
        .map(|p| {
            let money = p.funding.unwrap_or_else(|| panic!("project {} has its funding", p.id));
            (p.id.as_str(), (money.amount_usd, money.qualifier))
        })
        .collect();
    let expected = [
        ("skills-asean", 5_000_000.0),
        ("gdi-employment-asean", 4_000_000.0),
        ("social-protection-lao-kenya", 2_000_000.0),
        ("acftu-workers-asia-pacific", 1_200_000.0),
        ("undesa-social-protection", 1_000_000.0),
    ];
    assert_eq!(funding.len(), expected.len(), "{funding:?}");
    for (id, amount) in expected {
        let (got, qualifier) = funding.get(id).copied().unwrap_or_else(|| panic!("no project {id}"));
        assert_eq!(got, amount, "funding of {id}");
        let over = id == "undesa-social-protection";
        assert_eq!(qualifier.is_lower_bound(), over, "qualifier of {id}: {qualifier:?}");
    }
    assert_eq!(funding["undesa-social-protection"].1, Qualifier::Over);
    for c in &sheet.contributions {
        let budget = expected[..3].iter().any(|(_, a)| c.amount.is_some_and(|m| m.amount_usd == *a));
        assert!(!budget, "contribution {} repeats a project budget", c.id);
    }

    // The counts, attached to what the source attaches them to, never summed.
    let figures: HashMap<(&str, u64), (&str, Qualifier, bool)> = sheet
        .projects
        .iter()
        .flat_map(|p| {
            p.figures
                .iter()
                .map(move |f| ((p.id.as_str(), f.value as u64), (f.geography.as_str(), f.qualifier, f.cumulative)))
        })
        .collect();
    let expected_figures = [
        (("skills-asean", 10_000), ("KHM", Qualifier::MoreThan, false)),
        (("skills-asean", 41), ("china-cambodia-laos", Qualifier::Exact, false)),
        (("gdi-employment-asean", 186_000), ("asean", Qualifier::Over, true)),
        (("gdi-employment-asean", 50), ("asean-china", Qualifier::Over, false)),
    ];
    assert_eq!(figures.len(), expected_figures.len(), "{figures:?}");
    for (key, want) in expected_figures {
        assert_eq!(figures.get(&key), Some(&want), "figure {key:?}");
    }
}

#[test]
fn the_library_reports_no_problem() {
    let parsed = parse(&read(SHEET));
    assert!(!parsed.fatal);
    let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(!parsed.problems.iter().any(|p| p.is_error()));
}

/// A publication date as the fact sheet prints it: "July 2026".
fn as_printed(date: ilo_factsheet_core::model::PartialDate) -> String {
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
    match date.month.and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1))) {
        Some(month) => format!("{month} {}", date.year),
        None => date.year.to_string(),
    }
}
