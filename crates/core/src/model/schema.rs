//! The JSON Schema of the format, generated from the Rust types so it cannot
//! drift from them. Committed as `data/schema.json`; a test fails when stale.

use super::types::FactSheet;

/// The schema as pretty JSON text with a trailing newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(FactSheet);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
