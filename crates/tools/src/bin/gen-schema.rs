//! Writes `data/schema.json` from the Rust types: `cargo run --bin gen-schema`.
//! With `--check`, exits non-zero when the committed file is stale.

use std::process::ExitCode;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/schema.json");

fn main() -> ExitCode {
    let fresh = ilo_factsheet_core::model::schema::schema_json();
    if std::env::args().any(|a| a == "--check") {
        let current = std::fs::read_to_string(PATH).unwrap_or_default();
        if current == fresh {
            println!("ok: {PATH} is up to date");
            return ExitCode::SUCCESS;
        }
        eprintln!("{PATH} is stale: run `cargo run --bin gen-schema`");
        return ExitCode::FAILURE;
    }
    match std::fs::write(PATH, fresh) {
        Ok(()) => {
            println!("wrote {PATH}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {PATH}: {e}");
            ExitCode::FAILURE
        }
    }
}
