//! `data/schema.json` must be what the Rust types generate today, and the
//! bundled data must satisfy the schema's basic shape.

#[test]
fn committed_schema_is_fresh() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/schema.json"))
        .expect("data/schema.json exists");
    let fresh = ilo_factsheet_core::model::schema::schema_json();
    assert!(committed == fresh, "data/schema.json is stale: run `cargo run --bin gen-schema`");
}

#[test]
fn schema_describes_every_top_level_field_and_forbids_unknown_ones() {
    let schema: serde_json::Value =
        serde_json::from_str(&ilo_factsheet_core::model::schema::schema_json()).expect("json");
    let properties = schema["properties"].as_object().expect("properties");
    for key in ["format_version", "meta", "sections", "events", "projects", "contributions", "contacts", "geographies"]
    {
        assert!(properties.contains_key(key), "schema lacks {key}");
    }
    assert_eq!(schema["additionalProperties"], serde_json::json!(false));
    assert_eq!(schema["$defs"]["Project"]["additionalProperties"], serde_json::json!(false));
}
