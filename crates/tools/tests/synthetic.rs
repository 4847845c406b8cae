//! The synthetic sheets (`ilo_factsheet_tools::synthetic`, `gen-synthetic`):
//! valid at 10 and 10,000 projects with no problem at all, under the 4 MB a
//! reader takes, the same for a seed and different across seeds, every part
//! of the format present, searchable, accepted by the checker, and through
//! every derivation a view makes (`harness::run`).

use std::collections::BTreeSet;
use std::process::Command;

use ilo_factsheet_core::harness;
use ilo_factsheet_core::model::parse::MAX_BYTES;
use ilo_factsheet_core::model::validate::{validate, Origins};
use ilo_factsheet_core::model::*;
use ilo_factsheet_core::query::{select, FilterState, Index};
use ilo_factsheet_tools::synthetic::{fact_sheet, sheet, sheet_json};

fn temp_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gen-synthetic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn small_and_large_sheets_read_with_no_problem() {
    for projects in [10, 10_000] {
        for seed in [1, 2] {
            let text = sheet_json(projects, seed);
            assert!(text.len() < MAX_BYTES, "{projects} projects, seed {seed}: {} bytes", text.len());
            let parsed = parse(&text);
            assert!(!parsed.fatal && parsed.problems.is_empty(), "{projects}/{seed}: {:?}", parsed.problems);
            assert_eq!(parsed.sheet.projects.len(), projects);
            assert!(parsed.sheet.meta.title.starts_with("Synthetic sheet"), "{}", parsed.sheet.meta.title);
        }
    }
}

#[test]
fn the_json_leaves_out_only_defaults() {
    let built = fact_sheet(300, 3);
    assert_eq!(parse(&sheet_json(300, 3)).sheet, built, "what was pruned must read back as the default");
    assert!(validate(&built, &Origins::default()).is_empty());
    assert_eq!(sheet(300, 3).to_string(), sheet_json(300, 3));
}

#[test]
fn a_seed_gives_the_same_text_and_another_seed_another() {
    assert_eq!(sheet_json(500, 7), sheet_json(500, 7));
    assert_ne!(sheet_json(500, 7), sheet_json(500, 8));
    assert!(sheet_json(0, 7).contains("\"title\":\"Synthetic sheet: 0 projects\""));
}

#[test]
fn every_part_of_the_format_is_there() {
    let s = fact_sheet(2_000, 5);
    assert!(s.meta.lead.is_some() && s.meta.source.url.is_some() && !s.highlights.is_empty());
    assert!(s.themes.len() >= 30 && s.partners.len() >= 50 && s.partners.iter().any(|p| p.parent.is_some()));
    let kinds: BTreeSet<_> = s.partners.iter().map(|p| format!("{:?}", p.kind)).collect();
    assert_eq!(kinds.len(), 8, "every partner kind");
    let countries = s.geographies.iter().filter(|g| g.kind == GeographyKind::Country).count();
    assert!(countries >= 150, "{countries} countries");
    let groups: Vec<&Geography> = s.geographies.iter().filter(|g| g.kind == GeographyKind::Group).collect();
    assert!(groups.iter().any(|g| g.members.is_none()), "a group without a member list");
    let ids: BTreeSet<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    assert!(groups.iter().any(|g| g.members.iter().flatten().any(|m| ids.contains(m.as_str()))), "a nested group");
    assert!(s.sections.iter().any(|x| x.role == SectionRole::Contacts));
    assert!(s.sections.iter().any(|x| !x.subsections.is_empty() && !x.closing.is_empty()));
    let paragraphs: Vec<&Paragraph> = s.sections.iter().flat_map(|x| x.all_paragraphs()).collect();
    assert!(paragraphs.iter().any(|p| p.kind == ParagraphKind::ListItem));
    assert!(s.events.len() >= 300 && s.events.iter().any(|e| e.project.is_some() && e.date.month.is_some()));
    assert_eq!(s.events.iter().map(|e| e.kind).collect::<BTreeSet<_>>().len(), 10, "every event kind");
    let figures: Vec<&Figure> = s.projects.iter().flat_map(|p| &p.figures).collect();
    assert!(s.events.iter().any(|e| !e.figures.is_empty()) && figures.iter().any(|f| f.cumulative));
    assert_eq!(figures.iter().map(|f| f.qualifier).collect::<BTreeSet<_>>().len(), 4, "every qualifier");
    assert!(s.projects.iter().any(|p| p.funding.is_none()) && s.projects.iter().any(|p| p.funding_source.is_some()));
    assert!(s.projects.iter().any(|p| !p.results.is_empty()));
    let kinds: BTreeSet<String> = s.contributions.iter().map(|c| format!("{:?}", c.kind)).collect();
    assert_eq!(kinds.len(), 3, "every contribution kind");
    let links: BTreeSet<String> = s.contacts.iter().flat_map(|c| &c.links).map(|l| format!("{:?}", l.kind)).collect();
    assert_eq!(links.len(), 3, "every link kind");
    let (first, last) = s.year_span().expect("dated");
    assert!(first <= 1991 && last == 2030, "{first}-{last}");
}

#[test]
fn search_and_filters_find_some_projects_and_not_others() {
    let s = fact_sheet(2_000, 6);
    let index = Index::new(&s);
    let count = |state: FilterState| select(&s, &index, &state).projects.len();
    for query in ["q=green+jobs", "q=trade+unions", "theme=youth", "country=KEN", "country=africa", "from=2000&to=2004"]
    {
        let n = count(FilterState::from_query(query));
        assert!(n > 0 && n < 2_000, "{query}: {n} projects");
    }
    assert_eq!(count(FilterState::from_query("q=nowhere-in-the-sheet")), 0);
}

#[test]
fn the_checker_says_ok() {
    let path = temp_dir().join("synthetic-1000.json");
    std::fs::write(&path, sheet_json(1_000, 9)).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_factsheet-check")).arg(&path).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(stdout.lines().count(), 1, "no warning: {stdout}");
    assert!(stdout.contains(": ok (") && stdout.contains(", 1000 projects, "), "{stdout}");
}

#[test]
fn every_view_derivation_holds_on_a_large_sheet() {
    let text = sheet_json(2_000, 10);
    for query in ["", "q=skills", "theme=wages&partner=o-3", "country=asia-pacific&from=2010&to=2020", "q=zzz"] {
        let outcome = harness::run(&text, &FilterState::from_query(query));
        assert!(outcome.parsed.problems.is_empty(), "{query}");
        assert!(outcome.safe_links >= 4 && outcome.unsafe_links == 0, "{query}");
    }
}

#[test]
fn gen_synthetic_writes_a_file_and_refuses_bad_arguments() {
    let bin = env!("CARGO_BIN_EXE_gen-synthetic");
    let path = temp_dir().join("from-bin.json");
    let out = Command::new(bin).args(["--projects", "25", "--seed=4", "--out"]).arg(&path).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&path).expect("written"), sheet_json(25, 4));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("25 projects, seed 4, ") && summary.lines().count() == 1, "{summary}");
    let stdout = Command::new(bin).args(["--projects", "3"]).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&stdout.stdout), sheet_json(3, 0));
    for bad in
        [&[][..], &["--projects"], &["--projects", "many"], &["--seed", "-1", "--projects", "2"], &["--size", "2"]]
    {
        let out = Command::new(bin).args(bad).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("gen-synthetic: "), "{bad:?}");
    }
}
