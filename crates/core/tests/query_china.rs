//! The filter engine on the real China data: what a visitor's filters show.

use ilo_factsheet_core::model::FactSheet;
use ilo_factsheet_core::query::{select, FilterState, Index, Selection};

mod common;
use common::china;

fn run(sheet: &FactSheet, query: &str) -> Selection {
    select(sheet, &Index::new(sheet), &FilterState::from_query(query))
}

fn project_ids(sheet: &FactSheet, sel: &Selection) -> Vec<String> {
    sel.projects.iter().map(|&i| sheet.projects[i].id.clone()).collect()
}

#[test]
fn kenya_search_finds_the_kenya_project_only() {
    let s = china();
    let sel = run(&s, "?q=Kenya");
    assert_eq!(project_ids(&s, &sel), ["social-protection-lao-kenya"]);
    assert!(!sel.shows_paragraph("lead"));
    for id in &sel.paragraphs {
        let text = s.sections.iter().flat_map(|x| x.all_paragraphs()).find(|p| &p.id == id).map(|p| p.text.clone());
        assert!(text.is_some_and(|t| t.contains("Kenya")), "paragraph {id} shown for q=Kenya");
    }
}

#[test]
fn social_protection_narrows_projects() {
    let s = china();
    let all = run(&s, "");
    let sel = run(&s, "?theme=social-protection");
    assert!(sel.projects.len() < all.projects.len() && !sel.projects.is_empty());
    for id in project_ids(&s, &sel) {
        let p = s.projects.iter().find(|p| p.id == id).expect("project");
        assert!(p.themes.iter().any(|t| t == "social-protection"), "{id}");
    }
}

#[test]
fn cambodia_reaches_asean_wide_work() {
    let s = china();
    let ids = project_ids(&s, &run(&s, "?country=KHM"));
    assert!(ids.contains(&"skills-asean".to_string()), "{ids:?}");
    assert!(ids.contains(&"gdi-employment-asean".to_string()), "ASEAN includes Cambodia: {ids:?}");
    let kenya = project_ids(&s, &run(&s, "?country=KEN"));
    assert_eq!(kenya, ["social-protection-lao-kenya"]);
}

#[test]
fn timeline_runs_from_1985_to_2027_in_order() {
    let s = china();
    let sel = run(&s, "");
    let years: Vec<i32> = sel.events.iter().map(|&i| s.events[i].date.year).collect();
    assert_eq!(years.first(), Some(&1985));
    assert_eq!(years.last(), Some(&2027));
    assert!(years.windows(2).all(|w| w[0] <= w[1]));
    let period = run(&s, "?from=2024&to=2025");
    assert!(period.events.iter().all(|&i| (2024..=2025).contains(&s.events[i].date.year)));
    assert!(!period.events.is_empty());
}
