//! The hostile corpus (`tests/fixtures/hostile/`, made by its `generate.mjs`)
//! read natively: each file through every pure derivation a view makes
//! (`harness::run`: no panic, no hang, the invariants hold) and through the
//! checker binary as an editor would run it, ending as `expect.json` says:
//! refused with a clear message, a partial read with the problem named, or
//! clean. The same files are rendered in `tests/render.rs` (no markup, no
//! dangerous link in the HTML) and loaded in Chromium by
//! `tests/e2e/hostile.test.mjs` (no script runs).
//!
//! Cases the fuzzer found live in `tests/fixtures/fuzz/` and run here too.

use std::path::{Path, PathBuf};
use std::process::Command;

use ilo_factsheet_core::harness::{run, split_input};
use ilo_factsheet_core::model::parse::{MAX_BYTES, MAX_DEPTH};
use ilo_factsheet_core::query::FilterState;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expect {
    name: String,
    /// `refused`, `partial` or `clean`.
    outcome: String,
    /// Words the alert must hold (empty for `clean`).
    message: String,
    note: String,
}

/// The workspace root (this crate is `crates/tools`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dir() -> PathBuf {
    root().join("tests/fixtures/hostile")
}

fn corpus() -> Vec<Expect> {
    let text = std::fs::read_to_string(dir().join("expect.json")).expect("tests/fixtures/hostile/expect.json");
    serde_json::from_str(&text).expect("expect.json reads")
}

/// A corpus file's bytes, unpacked when stored gzip-compressed (`.gz`).
fn bytes_of(name: &str) -> Vec<u8> {
    let stored = std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    if !name.ends_with(".gz") {
        return stored;
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&stored[..]), &mut out).expect("gzip");
    out
}

/// The file as a browser's `response.text()` gives it: invalid UTF-8 replaced.
fn text_of(name: &str) -> String {
    String::from_utf8_lossy(&bytes_of(name)).into_owned()
}

#[test]
fn the_corpus_covers_what_the_issue_lists() {
    let names: Vec<String> = corpus().into_iter().map(|e| e.name).collect();
    for wanted in [
        "empty.json",
        "truncated.json",
        "html-error-page.json",
        "array.json",
        "wrong-types.json",
        "format-version-99.json",
        "duplicate-ids.json",
        "dangling-references.json",
        "group-fanout.json",
        "large-5mb.json.gz",
        "deep-nesting.json",
        "control-characters.json",
        "rtl-emoji.json",
        "markup-in-text.json",
        "dangerous-urls.json",
        "number-1e400.json",
        "numbers.json",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted} is missing from expect.json");
    }
    // Every file in the folder is in the manifest, and the other way round.
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("corpus folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| (n.ends_with(".json") || n.ends_with(".json.gz")) && n != "expect.json")
        .collect();
    on_disk.sort();
    let mut listed = names.clone();
    listed.sort();
    assert_eq!(on_disk, listed);
    let large = bytes_of("large-5mb.json.gz").len();
    assert!(large > 5_000_000, "large-5mb.json is {large} bytes");
    assert!(large > MAX_BYTES, "large-5mb.json ({large} bytes) is over the reader's limit");
    const { assert!(MAX_DEPTH < 100) };
    assert!(text_of("deep-nesting.json").matches('[').count() >= 20_000);
}

#[test]
fn every_file_ends_as_expected_without_a_panic() {
    let mut failures = Vec::new();
    for e in corpus() {
        let started = std::time::Instant::now();
        let outcome = run(&text_of(&e.name), &FilterState::default());
        eprintln!("{:>8.1} ms  {}", started.elapsed().as_secs_f64() * 1000.0, e.name);
        let p = &outcome.parsed;
        let named = p.problems.iter().any(|pr| {
            let m = e.message.to_lowercase();
            pr.message.to_lowercase().contains(&m) || pr.path.to_lowercase().contains(&m)
        });
        let ok = match e.outcome.as_str() {
            "refused" => p.fatal && named,
            "partial" => !p.fatal && p.has_errors() && named,
            "clean" => !p.fatal && !p.has_errors() && outcome.shown > 0,
            other => panic!("{}: unknown outcome {other}", e.name),
        };
        if !ok {
            let first: Vec<String> = p.problems.iter().take(5).map(|p| p.to_string()).collect();
            failures.push(format!(
                "{} ({}), expected {} `{}`: fatal={} problems={first:?}",
                e.name, e.note, e.outcome, e.message, p.fatal
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The widget reads a file with the fast reader first (`model::quick`), and
/// with the forgiving one when it gives up: for every hostile file, the fast
/// reader either reads exactly the sheet the forgiving one does, or gives up
/// on a file the forgiving one finds errors in.
#[test]
fn the_fast_reader_reads_no_file_otherwise_than_the_forgiving_one() {
    let mut read = 0;
    for e in corpus() {
        let text = text_of(&e.name);
        let parsed = ilo_factsheet_core::model::parse(&text);
        match ilo_factsheet_core::model::quick(&text) {
            Some(sheet) => {
                assert!(!parsed.fatal, "{}: the fast reader read a refused file", e.name);
                assert_eq!(sheet, parsed.sheet, "{}: the two readers differ", e.name);
                read += 1;
            }
            None => assert!(parsed.has_errors(), "{}: the fast reader gave up on a readable file", e.name),
        }
    }
    // Some hostile files are valid JSON of the right shape (markup in texts,
    // emoji, dangerous links): the fast reader takes those.
    assert!(read >= 3, "{read}");
}

#[test]
fn a_filtered_state_survives_every_file_too() {
    for e in corpus() {
        let state = FilterState::from_query("?view=map&country=KEN&theme=skills&q=%3Cscript%3E&from=2018&to=2022");
        run(&text_of(&e.name), &state);
    }
}

#[test]
fn dangerous_urls_are_all_refused_and_good_ones_kept() {
    let outcome = run(&text_of("dangerous-urls.json"), &FilterState::default());
    let links: usize = outcome.parsed.sheet.contacts.iter().map(|c| c.links.len()).sum::<usize>() + 1;
    // Only the two good links of the "mixed" contact pass.
    assert_eq!((outcome.safe_links, outcome.unsafe_links), (2, links - 2));
    let url_errors = outcome.parsed.problems.iter().filter(|p| p.path.ends_with(".url")).count();
    assert_eq!(url_errors, links - 2, "one problem per refused URL, source URL included");
}

#[test]
fn limits_are_named_in_their_messages() {
    let big = run(&text_of("large-5mb.json.gz"), &FilterState::default()).parsed;
    assert!(
        big.problems[0].message.contains("5.1 MB") && big.problems[0].message.contains("4.0 MB"),
        "{:?}",
        big.problems
    );
    let deep = run(&text_of("deep-nesting.json"), &FilterState::default()).parsed;
    assert_eq!(deep.problems[0].line_column, Some((1, MAX_DEPTH + 1)), "{:?}", deep.problems);
    let many = run(&text_of("many-problems.json"), &FilterState::default()).parsed;
    assert!(many.problems.len() >= 3000, "every problem is kept (the alert lists the first)");
}

#[test]
fn the_checker_reports_each_file_without_crashing() {
    for e in corpus() {
        // The checker reads a file as an editor has it: unpacked.
        let path = match e.name.strip_suffix(".gz") {
            Some(plain) => {
                let path = std::env::temp_dir().join(format!("hostile-{}-{plain}", std::process::id()));
                std::fs::write(&path, bytes_of(&e.name)).expect("temp file");
                path
            }
            None => dir().join(&e.name),
        };
        let out = Command::new(env!("CARGO_BIN_EXE_factsheet-check")).arg(&path).output().expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let code = out.status.code();
        match e.outcome.as_str() {
            "clean" => assert_eq!(code, Some(0), "{}: {stdout}", e.name),
            _ => {
                assert_eq!(code, Some(1), "{}: exit {code:?} {stdout}", e.name);
                assert!(stdout.to_lowercase().contains(&e.message.to_lowercase()), "{}: {stdout}", e.name);
            }
        }
        assert!(stdout.lines().all(|l| l.len() < 2_000), "{}: a line of the report is too long", e.name);
    }
}

/// Where the shell writes an `href` (or `src`), and why each is safe. Data
/// never reaches one but through `SafeLink`, which takes a `SafeUrl`; a new
/// place fails this test until it is looked at and listed here.
#[test]
fn only_safe_link_writes_an_address_from_data() {
    let allowed: [(&str, &str, &str); 6] = [
        ("src/ui/link.rs", "href=url.as_str()", "SafeLink: the SafeUrl"),
        ("src/ui/report.rs", "href=target", "view tabs: the widget's own query string"),
        (
            "src/ui/report.rs",
            "href=full",
            "an embed's full-report link: embed.js's own address (its import.meta.url) and the query string",
        ),
        ("crates/funding/src/lib.rs", "a.set_href(&url)", "CSV download: a blob: URL the widget made"),
        ("src/ui/panic.rs", "set_attribute(\"href\", href)", "Reload: the page's own address"),
        (
            "src/ui/report.rs",
            "href=format!(\"#{}\", ctx.dom_id(\"content\"))",
            "the skip link: a fragment of the widget's own id",
        ),
    ];
    let mut found = Vec::new();
    let root = root().canonicalize().expect("workspace root");
    // Every crate that renders: the widget and report, the shared shell, the views.
    let mut stack: Vec<PathBuf> =
        ["src/ui", "crates/shell/src", "crates/map/src", "crates/funding/src"].iter().map(|d| root.join(d)).collect();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a shell source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            let rel = path.strip_prefix(&root).expect("inside").to_string_lossy().replace('\\', "/");
            for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
                let writes = ["href=", "set_href(", "\"href\"", "src=", "set_src(", "\"src\"", "inner_html"]
                    .iter()
                    .any(|w| line.contains(w));
                if writes {
                    found.push((rel.clone(), line.to_string()));
                }
            }
        }
    }
    let unexplained: Vec<_> = found
        .iter()
        .filter(|(file, line)| !allowed.iter().any(|(f, needle, _)| f == file && line.contains(needle)))
        .collect();
    assert!(unexplained.is_empty(), "new places that write an address or markup: {unexplained:#?}");
    for (file, needle, why) in allowed {
        assert!(found.iter().any(|(f, l)| f == file && l.contains(needle)), "{file}: `{needle}` ({why}) moved");
    }
}

#[test]
fn cases_the_fuzzer_found_stay_fixed() {
    let dir = root().join("tests/fixtures/fuzz");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("reads");
        let input = String::from_utf8_lossy(&bytes);
        let (state, text) = split_input(&input);
        run(text, &state);
        cases += 1;
    }
    assert!(cases >= 1, "the fuzzer's cases are kept in {}", dir.display());
}
