//! The native checker, run as a user would: `factsheet-check FILE`.

use std::path::PathBuf;
use std::process::Command;

fn check(files: &[&std::path::Path]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factsheet-check")).args(files).output().expect("runs");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factsheet-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[path = "../../core/tests/common/mod.rs"]
mod common;
use common::china_text as china;

#[test]
fn china_json_is_ok_with_counts() {
    let path = common::root().join("data/china.json");
    let (ok, out) = check(&[&path]);
    assert!(ok, "{out}");
    let line = out.lines().last().unwrap_or_default();
    assert!(line.contains(": ok (") && line.contains(" sections, ") && line.contains(" countries)"), "{out}");
}

#[test]
fn truncated_file_reports_line_and_column() {
    let text = china();
    let path = temp_file("truncated.json", &text[..text.len() / 2]);
    let (ok, out) = check(&[&path]);
    assert!(!ok);
    assert!(out.contains("error: line ") && out.contains(", column "), "{out}");
}

#[test]
fn duplicated_project_reports_its_path() {
    let mut v: serde_json::Value = serde_json::from_str(&china()).expect("json");
    let projects = v["projects"].as_array_mut().expect("projects");
    let n = projects.len();
    let copy = projects[0].clone();
    projects.push(copy);
    let path = temp_file("duplicate.json", &v.to_string());
    let (ok, out) = check(&[&path]);
    assert!(!ok);
    assert!(out.contains(&format!("error: projects[{n}].id: duplicate id")), "{out}");
}

#[test]
fn unknown_theme_is_an_error() {
    let mut v: serde_json::Value = serde_json::from_str(&china()).expect("json");
    v["projects"][0]["themes"][0] = serde_json::json!("astronautics");
    let path = temp_file("theme.json", &v.to_string());
    let (ok, out) = check(&[&path]);
    assert!(!ok);
    assert!(out.contains("error: projects[0].themes[0]: unknown theme id `astronautics`"), "{out}");
}

#[test]
fn no_arguments_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_factsheet-check")).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
