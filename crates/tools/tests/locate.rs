//! Placing problems in hostile text (`model::locate`, `preview::Review`),
//! as the editors' preview page does with any file an editor drops: every
//! file of the hostile corpus and of the fuzzer's cases, the bundled sheet
//! cut off at hundreds of places and with structural characters scattered
//! through it, and paths that are not paths. Nothing may panic, and every
//! place found is inside the text.

use std::io::Read;
use std::path::{Path, PathBuf};

use ilo_factsheet_core::model::{parse, Locator, Place};
use ilo_factsheet_core::preview::Review;
use ilo_factsheet_tools::synthetic;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file in a fixture folder, as text (gzip-compressed ones unpacked,
/// bad UTF-8 replaced, as a browser decodes a file).
fn texts(folder: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join(folder)).expect("fixture folder").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let file = std::fs::File::open(entry.path()).expect("opens");
        let mut bytes = Vec::new();
        let read = if name.ends_with(".gz") {
            flate2::read::GzDecoder::new(file).read_to_end(&mut bytes)
        } else {
            std::io::BufReader::new(file).read_to_end(&mut bytes)
        };
        read.expect("reads");
        out.push((name, String::from_utf8_lossy(&bytes).into_owned()));
    }
    out
}

/// A place must be a line of the text, and a column of that line (the JSON
/// parser counts a syntax error's column in bytes, from 0 at a line's start).
fn assert_inside(text: &str, place: Place, what: &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line =
        text.split('\n').nth(place.line - 1).unwrap_or_else(|| panic!("{what}: line {} is past the end", place.line));
    assert!(place.line >= 1 && place.column <= line.len() + 1, "{what}: {place:?} in {} bytes", line.len());
}

/// A place the locator found: a column in characters, from 1.
fn assert_found_inside(text: &str, place: Place, what: &str) {
    let line = text.strip_prefix('\u{feff}').unwrap_or(text).split('\n').nth(place.line.max(1) - 1).unwrap_or_default();
    assert!(place.column >= 1 && place.column <= line.chars().count() + 1, "{what}: {place:?}");
    assert_inside(text, place, what);
}

/// Paths that are not quite paths, or not in any sheet.
const ODD_PATHS: [&str; 14] = [
    "$",
    "",
    "[",
    "]",
    "..",
    "$.",
    "[\"",
    "[\"\\\"]",
    "a[0",
    "projects[18446744073709551616]",
    "meta.source.url.x",
    "projects[0][0][0]",
    "[\"😀\"].x",
    "sections[0].paragraphs[0].text",
];

#[test]
fn every_corpus_and_fuzz_file_has_its_problems_placed_inside_it() {
    let files: Vec<(String, String)> =
        texts("tests/fixtures/hostile").into_iter().chain(texts("tests/fixtures/fuzz")).collect();
    assert!(files.len() > 25, "{} files", files.len());
    for (name, text) in &files {
        let started = std::time::Instant::now();
        let problems = parse(text).problems;
        let review = Review::of(text, &problems);
        for placed in &review.listed {
            if let Some(place) = placed.place {
                assert_inside(text, place, &format!("{name} {}", placed.problem.path));
            }
        }
        let locator = Locator::new(text);
        for path in ODD_PATHS {
            if let Some(place) = locator.find(path) {
                assert_found_inside(text, place, &format!("{name} {path:?}"));
            }
        }
        eprintln!("{:>8.1} ms  {name}: {} problems", started.elapsed().as_secs_f64() * 1000.0, problems.len());
    }
}

#[test]
fn the_sheet_cut_off_or_scrambled_anywhere_never_breaks_locating() {
    let china = std::fs::read_to_string(root().join("data/china.json")).expect("china.json");
    let paths: Vec<String> = parse(&china)
        .problems
        .iter()
        .map(|p| p.path.clone())
        .chain(
            ["meta.source.url", "projects[5].funding.amount_usd", "sections[3].subsections[0].paragraphs[1].id"]
                .map(String::from),
        )
        .chain(ODD_PATHS.map(String::from))
        .collect();
    let mut cuts = 0;
    for at in (0..china.len()).step_by(127).filter(|&at| china.is_char_boundary(at)) {
        let cut = &china[..at];
        let locator = Locator::new(cut);
        for path in &paths {
            if let Some(place) = locator.find(path) {
                assert_found_inside(cut, place, &format!("cut at {at}: {path}"));
            }
        }
        for placed in Review::of(cut, &parse(cut).problems).listed {
            if let Some(place) = placed.place {
                assert_inside(cut, place, &format!("cut at {at}: {}", placed.problem.path));
            }
        }
        cuts += 1;
    }
    assert!(cuts > 400, "{cuts} cuts");
    // Structural characters dropped in at a stride, a few at a time.
    let bytes = china.as_bytes();
    for (round, junk) in [b'{', b'}', b'[', b']', b'"', b',', b':', b'\\'].into_iter().enumerate() {
        let scrambled: Vec<u8> = bytes
            .iter()
            .enumerate()
            .map(|(i, &b)| if i % (97 + round) == 0 && b.is_ascii() { junk } else { b })
            .collect();
        let text = String::from_utf8_lossy(&scrambled);
        for placed in Review::of(&text, &parse(&text).problems).listed {
            if let Some(place) = placed.place {
                assert_inside(&text, place, &format!("{} {}", junk as char, placed.problem.path));
            }
        }
    }
}

#[test]
fn a_large_sheet_with_many_problems_is_placed_quickly() {
    // 2,000 projects (about 0.8 MB), each referring to a theme that is not there.
    let mut sheet = synthetic::sheet(2_000, 7);
    if let Some(projects) = sheet.get_mut("projects").and_then(|p| p.as_array_mut()) {
        for p in projects {
            p["themes"] = serde_json::json!(["no-such-theme"]);
        }
    }
    let text = serde_json::to_string_pretty(&sheet).expect("serializes");
    let problems = parse(&text).problems;
    assert!(problems.len() >= 2_000, "{}", problems.len());
    let started = std::time::Instant::now();
    let review = Review::of(&text, &problems);
    let took = started.elapsed();
    eprintln!("placed {} of {} problems in {:.1} ms", review.listed.len(), problems.len(), took.as_secs_f64() * 1e3);
    assert!(review.listed.iter().all(|p| p.place.is_some_and(|p| p.exact)));
    let last = review.listed.last().and_then(|p| p.place).expect("placed");
    assert!(text.split('\n').nth(last.line - 1).is_some_and(|l| l.contains("no-such-theme")));
}
