//! Every sheet bundled in `data/` (the China sheet, the Republic of Korea's,
//! any added later): read with no problem at all, and every paragraph and
//! every quoted source sentence found word for word in the source text the
//! sheet names (`meta.source.file`). And the starter file for a new country,
//! `data/template.json`: valid, and showing every field an editor may need.

mod common;

use ilo_factsheet_core::model::{
    parse, ContributionKind, FactSheet, GeographyKind, ParagraphKind, SectionRole, Source,
};

const TEMPLATE: &str = "template.json";

fn sheets() -> Vec<(String, FactSheet)> {
    let dir = common::root().join("data");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("data/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "schema.json" && n != TEMPLATE)
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

#[test]
fn the_template_for_a_new_country_is_valid_and_shows_every_construct() {
    let text = common::read(&format!("data/{TEMPLATE}"));
    let parsed = parse(&text);
    assert!(!parsed.fatal && parsed.problems.is_empty(), "{:?}", parsed.problems);
    let s = &parsed.sheet;
    assert!(s.meta.lead.is_some() && s.meta.published.is_some() && !s.meta.roles.is_empty());
    assert!(!s.highlights.is_empty() && !s.themes.is_empty() && !s.events.is_empty() && !s.contacts.is_empty());
    assert!(s.partners.iter().any(|p| p.short_name.is_empty()) && s.partners.iter().any(|p| !p.short_name.is_empty()));
    assert!(s.partners.iter().any(|p| p.parent.is_some()));
    assert!(s.geographies.iter().any(|g| g.kind == GeographyKind::Group));
    assert!(s.sections.iter().any(|x| x.role == SectionRole::Contacts));
    assert!(s.sections.iter().flat_map(|x| &x.paragraphs).any(|p| p.kind == ParagraphKind::ListItem));
    assert!(s.projects.iter().any(|p| !p.phases.is_empty()) && s.projects.iter().any(|p| p.funding.is_some()));
    assert!(s.projects.iter().any(|p| !p.figures.is_empty()));
    assert!(!s.reach.is_empty());
    for kind in [
        ContributionKind::Assessed,
        ContributionKind::VoluntaryCore,
        ContributionKind::VoluntaryNonCore,
        ContributionKind::InKind,
        ContributionKind::StatedTotal,
    ] {
        assert!(s.contributions.iter().any(|c| c.kind == kind), "{kind:?}");
    }
    assert!(s.contributions.iter().any(|c| c.amount.is_none()), "support without an amount");
}
