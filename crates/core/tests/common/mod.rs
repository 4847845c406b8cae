//! What the tests of every crate share: the workspace's own files, read from
//! its root, and the bundled China sheet parsed. The core's integration tests
//! use it as `mod common;`; other crates include this file by `#[path]`.
#![allow(dead_code)] // each test file uses part of it

use ilo_factsheet_core::model::{parse, FactSheet};

/// The workspace's root: the nearest folder up from the crate that holds
/// `Cargo.lock`.
pub fn root() -> std::path::PathBuf {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors().find(|d| d.join("Cargo.lock").is_file()).unwrap_or(here).to_path_buf()
}

/// A file of the workspace, by its path from the root (`data/china.json`).
pub fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// `data/china.json` as text.
pub fn china_text() -> String {
    read("data/china.json")
}

/// `data/china.json`, read as the app reads it; it must not be refused.
pub fn china() -> FactSheet {
    let parsed = parse(&china_text());
    assert!(!parsed.fatal, "{:?}", parsed.problems);
    parsed.sheet
}
