//! Writes a large synthetic fact sheet, for benchmarks:
//! `cargo run --release --bin gen-synthetic -- --projects 10000 [--seed N] [--out PATH]`.
//!
//! The JSON goes to `--out` (default: stdout); a one-line summary goes to
//! stderr. Bad arguments exit with code 2. Nothing in the sheet is a fact.

use std::process::ExitCode;

use ilo_factsheet_core::model::parse::MAX_BYTES;
use ilo_factsheet_tools::synthetic;

const USAGE: &str = "usage: gen-synthetic --projects N [--seed N] [--out PATH]\n\
Writes a valid synthetic fact sheet with N projects (JSON) to PATH, or to stdout.";

struct Args {
    projects: usize,
    seed: u64,
    out: Option<String>,
}

/// `Ok(None)` when help was asked for.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let (mut projects, mut seed, mut out) = (None, 0, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_string(), Some(value.to_string())),
            None => (arg.clone(), None),
        };
        if !matches!(flag.as_str(), "--projects" | "--seed" | "--out") {
            return Err(format!("unknown argument `{arg}`"));
        }
        let value = inline.or_else(|| args.next()).ok_or_else(|| format!("`{flag}` needs a value"))?;
        let number =
            |what: &str| value.parse::<u64>().map_err(|_| format!("{what} must be a whole number, not `{value}`"));
        match flag.as_str() {
            "--projects" => projects = Some(usize::try_from(number("--projects")?).map_err(|e| e.to_string())?),
            "--seed" => seed = number("--seed")?,
            _ => out = Some(value),
        }
    }
    let projects = projects.ok_or("`--projects N` is required")?;
    Ok(Some(Args { projects, seed, out }))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("gen-synthetic: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = synthetic::sheet_json(args.projects, args.seed);
    let written = match &args.out {
        Some(path) => std::fs::write(path, &text).map_err(|e| format!("cannot write `{path}`: {e}")),
        None => {
            use std::io::Write;
            std::io::stdout().write_all(text.as_bytes()).map_err(|e| format!("cannot write to stdout: {e}"))
        }
    };
    if let Err(message) = written {
        eprintln!("gen-synthetic: {message}");
        return ExitCode::FAILURE;
    }
    let over = if text.len() > MAX_BYTES { " (over the 4 MB the app reads: it will refuse this file)" } else { "" };
    let to = args.out.as_deref().unwrap_or("stdout");
    eprintln!("gen-synthetic: {} projects, seed {}, {} bytes to {to}{over}", args.projects, args.seed, text.len());
    ExitCode::SUCCESS
}
