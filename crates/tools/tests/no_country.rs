//! Nothing in the code assumes one country's sheet (issue 13): the views, the
//! shell, the core and the page scripts name no country, ministry or place of
//! the China sheet. Comments, test modules and the contract's default data
//! file (`data/china.json`, the one the page loads without `?data=`) aside.

use std::path::{Path, PathBuf};

/// Words of the China sheet that code must not contain (case-insensitive).
const WORDS: [&str; 7] = ["china", "chinese", "chn", "beijing", "mohrss", "sstc", "tsinghua"];

/// The one place a country may be named: the default data file's address.
const ALLOWED: &str = "data/china.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, exts, out);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.contains(&e)) {
            out.push(path);
        }
    }
}

/// The code of a file: test modules cut off, comments removed.
fn code(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).expect("a readable source file");
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut in_block = false;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut line = line.to_string();
        if in_block {
            match line.find("*/") {
                Some(end) => {
                    line = line[end + 2..].to_string();
                    in_block = false;
                }
                None => continue,
            }
        }
        if let Some(start) = line.find("/*") {
            in_block = !line[start..].contains("*/");
            line.truncate(start);
        }
        if let Some(start) = line.find("<!--") {
            line.truncate(start);
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        // A trailing comment (not `//` inside a string such as `https://`).
        if let Some(start) = line.find(" // ") {
            line.truncate(start);
        }
        out.push((n + 1, line));
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The words of [`WORDS`] in `line`, as whole words or parts of ids (`asean-china`).
fn found(line: &str) -> Vec<&'static str> {
    let lower = line.to_lowercase().replace(ALLOWED, "");
    WORDS
        .iter()
        .filter(|w| {
            lower.match_indices(**w).any(|(i, _)| {
                let before = lower[..i].chars().next_back().is_none_or(|c| !is_word_char(c) || c == '_');
                let after = lower[i + w.len()..].chars().next().is_none_or(|c| !c.is_ascii_alphabetic());
                before && after
            })
        })
        .copied()
        .collect()
}

#[test]
fn the_detector_finds_what_it_must() {
    assert_eq!(found(r#"let x = "China";"#), ["china"]);
    assert_eq!(found(r#"if id == "CHN" {"#), ["chn"]);
    assert_eq!(found("geo(\"asean-china\")"), ["china"]);
    assert!(found(r#"const DATA = 'data/china.json';"#).is_empty());
    assert!(found("let machine_learning = 1;").is_empty());
}

#[test]
fn no_code_names_a_country_of_the_bundled_sheet() {
    let root = root();
    let mut paths = Vec::new();
    for dir in ["src", "crates/core/src", "crates/shell/src", "crates/map/src", "crates/funding/src"] {
        files(&root.join(dir), &["rs"], &mut paths);
    }
    files(&root.join("public"), &["js", "css", "html"], &mut paths);
    files(&root.join("scripts"), &["mjs", "sh"], &mut paths);
    paths.push(root.join("index.html"));
    assert!(paths.len() > 40, "{} files", paths.len());
    let mut hits = Vec::new();
    // (`query/fixture.rs` is a test module, declared under `#[cfg(test)]`.)
    for path in paths.iter().filter(|p| !p.ends_with("query/fixture.rs")) {
        for (n, line) in code(path) {
            for word in found(&line) {
                hits.push(format!(
                    "{}:{n}: {word}: {}",
                    path.strip_prefix(&root).unwrap_or(path).display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(hits.is_empty(), "code that names the bundled sheet's country:\n{}", hits.join("\n"));
}
