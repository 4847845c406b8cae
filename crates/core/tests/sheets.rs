//! Every sheet bundled in `data/` (the China sheet, the Republic of Korea's,
//! any added later): read with no problem at all, and every paragraph and
//! every quoted source sentence found word for word in the source text the
//! sheet names (`meta.source.file`).

mod common;

use ilo_factsheet_core::model::{parse, FactSheet, Source};

fn sheets() -> Vec<(String, FactSheet)> {
    let dir = common::root().join("data");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("data/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "schema.json")
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let parsed = parse(&common::read(&format!("data/{name}")));
            assert!(!parsed.fatal && parsed.problems.is_empty(), "{name}: {:?}", parsed.problems);
            (name, parsed.sheet)
        })
        .collect()
}

/// Runs of white space as one space, so a sentence wrapped in the text file
/// still matches; the PDF-conversion artefact `\$` read as `$` (as
/// `china_data.rs` does).
fn squash(s: &str) -> String {
    s.replace("\\$", "$").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sources(sheet: &FactSheet) -> Vec<&Source> {
    let mut out: Vec<&Source> = sheet.highlights.iter().map(|h| &h.source).collect();
    out.extend(sheet.events.iter().map(|e| &e.source));
    for p in &sheet.projects {
        out.push(&p.source);
        out.extend(p.funding_source.iter());
        out.extend(p.phases.iter().map(|ph| &ph.source));
        out.extend(p.figures.iter().map(|f| &f.source));
    }
    out.extend(sheet.events.iter().flat_map(|e| e.figures.iter().map(|f| &f.source)));
    out.extend(sheet.reach.iter().map(|r| &r.source));
    out.extend(sheet.contributions.iter().map(|c| &c.source));
    out
}

#[test]
fn there_are_sheets_of_a_south_south_partner_and_of_a_development_partner() {
    let names: Vec<String> = sheets().into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"china.json".to_string()) && names.contains(&"korea.json".to_string()), "{names:?}");
}

#[test]
fn every_paragraph_and_quote_is_in_the_source_text_word_for_word() {
    for (name, sheet) in sheets() {
        let Some(file) = sheet.meta.source.file.as_deref() else {
            panic!("{name}: meta.source.file names no source text");
        };
        let text = squash(&common::read(file));
        let mut checked = 0;
        let paragraphs = sheet.meta.lead.iter().chain(sheet.sections.iter().flat_map(|s| s.all_paragraphs()));
        for p in paragraphs {
            assert!(text.contains(&squash(&p.text)), "{name}: paragraph {} is not in {file}", p.id);
            checked += 1;
        }
        for s in sources(&sheet) {
            assert!(text.contains(&squash(&s.quote)), "{name}: quote not in {file}: {}", s.quote);
            checked += 1;
        }
        assert!(checked > 10, "{name}: {checked} checked");
    }
}
