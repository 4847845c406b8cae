//! What the core's integration tests share: the workspace's own files, read
//! from its root, and the bundled China sheet parsed.
#![allow(dead_code)] // each test file uses part of it

use ilo_factsheet_core::model::{parse, FactSheet};

/// A file of the workspace, by its path from the root (`data/china.json`).
pub fn read(relative: &str) -> String {
    let path = format!("{}/../../{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// `data/china.json`, read as the app reads it; it must not be refused.
pub fn china() -> FactSheet {
    let parsed = parse(&read("data/china.json"));
    assert!(!parsed.fatal, "{:?}", parsed.problems);
    parsed.sheet
}
