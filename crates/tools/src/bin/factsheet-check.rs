//! Checks fact-sheet files: `cargo run --bin factsheet-check -- FILE...`.
//!
//! Prints `FILE: ok (counts)` or every problem, one a line
//! (`FILE: error: projects[3].funding.amount_usd: ...`), and exits non-zero
//! when any file has an error. Warnings are printed but do not fail.

use std::process::ExitCode;

use ilo_factsheet_core::model::{parse, Counts};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: factsheet-check FILE...\nChecks ILO fact-sheet JSON files; exits 1 on any error.");
        return if files.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let mut failed = false;
    for file in &files {
        let text = match std::fs::read(file) {
            // Read as a browser reads it: bytes that are not UTF-8 become U+FFFD.
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    println!("{file}: warning: the file is not valid UTF-8; its bad bytes read as U+FFFD");
                    String::from_utf8_lossy(e.as_bytes()).into_owned()
                }
            },
            Err(e) => {
                println!("{file}: error: cannot read the file: {e}");
                failed = true;
                continue;
            }
        };
        let parsed = parse(&text);
        for problem in &parsed.problems {
            println!("{file}: {problem}");
        }
        if parsed.has_errors() {
            failed = true;
        } else {
            println!("{file}: ok ({})", Counts::of(&parsed.sheet));
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
