//! The views render to HTML natively (Leptos `ssr`), with no browser: every
//! view of the China sheet, filtered and not. A browser call made while
//! rendering would panic here, so this pins down that rendering is free of
//! them (effects and handlers, which may call the browser, do not run).
//! Run by `make test` as `cargo test --features ssr --test render`.
#![cfg(feature = "ssr")]

use ilo_factsheet::model::{parse, SectionRole};
use ilo_factsheet::ui::snapshot::render;

const CHINA: &str = include_str!("../data/china.json");

/// Text as it appears in HTML (what `to_html` escapes).
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn the_full_report_holds_every_section_and_paragraph() {
    let sheet = parse(CHINA).sheet;
    let html = render(CHINA, "");
    assert!(html.contains(&escaped(&sheet.meta.title)), "title");
    for section in &sheet.sections {
        assert!(html.contains(&format!("id=\"section-{}\"", section.id)), "section {}", section.id);
        assert!(html.contains(&escaped(&section.title)), "heading {}", section.title);
        if section.role == SectionRole::Contacts {
            continue; // shown from `contacts`, below
        }
        for p in section.all_paragraphs() {
            assert!(html.contains(&escaped(&p.text)), "paragraph {}", p.id);
        }
    }
    for c in &sheet.contacts {
        assert!(html.contains(&escaped(&c.name)), "contact {}", c.name);
        for link in &c.links {
            assert!(html.contains(&format!("href=\"{}\"", escaped(&link.url))), "link {}", link.url);
        }
    }
    assert_eq!(count(&html, "class=\"project-card"), sheet.projects.len());
    assert!(!html.contains("role=\"alert\""), "no problem alert for valid data");
}

#[test]
fn a_filtered_link_renders_only_what_matches() {
    let html = render(CHINA, "?q=Kenya");
    assert_eq!(count(&html, "class=\"project-card"), 1);
    assert!(html.contains("<mark>Kenya</mark>"));
}

#[test]
fn the_map_view_renders_its_table_and_the_matching_projects() {
    let html = render(CHINA, "?view=map&country=KEN");
    assert!(html.contains("class=\"map-view\""));
    // The geometry waits for the browser; the table twin does not.
    assert!(html.contains("data-place-row=\"KEN\""));
    assert_eq!(count(&html, "data-place-row="), 1);
    assert_eq!(count(&html, "class=\"project-card"), 1);
}

#[test]
fn the_funding_view_renders_its_charts() {
    let html = render(CHINA, "?view=funding");
    assert!(html.contains("class=\"funding\""));
    assert!(count(&html, "<svg") >= 4, "four charts");
    assert!(html.contains("US$ 8 million"));
}

#[test]
fn broken_data_renders_the_problems_and_the_rest() {
    let mut value: serde_json::Value = serde_json::from_str(CHINA).expect("china.json is JSON");
    value["projects"][1]["themes"] = serde_json::json!(["no-such-theme"]);
    let broken = value.to_string();
    let sheet = parse(CHINA).sheet;
    let html = render(&broken, "");
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("projects[1].themes"), "the problem's path is shown");
    // Everything valid still renders.
    assert!(count(&html, "class=\"project-card") >= sheet.projects.len() - 1);
    assert_eq!(count(&html, "class=\"fs-section\""), sheet.sections.len());
}
