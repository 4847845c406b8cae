//! The tools that write what users download (wasm-bindgen, the wasm splitter,
//! wasm-opt) and every other tool the scripts install come at pinned versions
//! from lockfiles, with no fallback to a fresh resolution: read off
//! `scripts/ensure-tools.sh` and the lockfiles it installs from.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The script's commands, one per logical line (continuations joined), comments left out.
fn commands() -> Vec<String> {
    let script = read("scripts/ensure-tools.sh");
    let mut out = Vec::new();
    let mut line = String::new();
    for raw in script.lines() {
        let code = raw.trim();
        if code.starts_with('#') {
            continue;
        }
        line.push_str(code.trim_end_matches('\\'));
        line.push(' ');
        if !code.ends_with('\\') && !code.ends_with("||") && !code.ends_with("&&") {
            out.push(std::mem::take(&mut line));
        }
    }
    out
}

/// The version a `Cargo.lock` records for `package`.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            return lines.next()?.strip_prefix("version = \"")?.strip_suffix('"').map(str::to_string);
        }
    }
    None
}

#[test]
fn every_cargo_install_is_locked_and_pinned() {
    let installs: Vec<String> = commands()
        .into_iter()
        .filter(|c| c.starts_with("cargo install ") && !c.starts_with("cargo install --list"))
        .collect();
    assert!(installs.len() >= 4, "trunk, wasm-bindgen, wasm-split, cargo-fuzz: {installs:#?}");
    for install in &installs {
        assert!(install.contains("--locked"), "an unlocked install: {install}");
        assert!(!install.contains("||"), "a fallback after a locked install: {install}");
        assert!(install.contains("--version") || install.contains("--path"), "an unpinned install: {install}");
    }
}

#[test]
fn npm_tools_install_from_committed_lockfiles_only() {
    let npm: Vec<String> =
        commands().into_iter().filter(|c| c.contains("npm ") && !c.starts_with("installing ")).collect();
    assert!(npm.iter().any(|c| c.contains("npm ci")), "{npm:#?}");
    for command in &npm {
        assert!(!command.contains("npm install") && !command.contains("npm i "), "npm resolving afresh: {command}");
    }
    for dir in ["scripts/tools/binaryen", "scripts/tools/lighthouse", "tests/e2e"] {
        let package = read(&format!("{dir}/package.json"));
        let lock = read(&format!("{dir}/package-lock.json"));
        assert!(lock.contains("\"lockfileVersion\": 3"), "{dir}");
        assert!(lock.matches("\"integrity\": \"sha512-").count() >= 1, "{dir}: no integrity hashes");
        // Exact versions only: no ranges for npm to resolve.
        for range in ["\"^", "\"~", "\">", "\"*\"", "latest"] {
            let deps = package.split("ependencies").nth(1).unwrap_or_default();
            assert!(!deps.contains(range), "{dir}/package.json has a range ({range})");
        }
    }
    assert!(read("scripts/tools/binaryen/package.json").contains("\"binaryen\": \"132.0.0\""));
}

#[test]
fn wasm_bindgen_cli_is_built_from_our_lockfile_at_the_workspace_version() {
    let workspace = locked_version(&read("Cargo.lock"), "wasm-bindgen").expect("wasm-bindgen in Cargo.lock");
    let manifest = read("scripts/tools/wasm-bindgen-cli/Cargo.toml");
    assert!(manifest.contains(&format!("version = \"{workspace}\"")), "the wrapper's version");
    assert!(manifest.contains(&format!("wasm-bindgen-cli = {{ version = \"={workspace}\"")), "the pinned CLI");
    let lock = read("scripts/tools/wasm-bindgen-cli/Cargo.lock");
    assert_eq!(locked_version(&lock, "wasm-bindgen-cli").as_deref(), Some(workspace.as_str()));
    assert_eq!(locked_version(&lock, "wasm-bindgen-cli-support").as_deref(), Some(workspace.as_str()));
    let install = commands().into_iter().find(|c| c.contains("cargo install --path scripts/tools/wasm-bindgen-cli"));
    assert!(install.is_some_and(|c| c.contains("--locked")), "installed from the wrapper, locked");
}

#[test]
fn the_fuzzing_nightly_is_dated() {
    let toolchain = read("fuzz/rust-toolchain.toml");
    let channel = toolchain.lines().find_map(|l| l.strip_prefix("channel = \"")).expect("a channel");
    let date = channel.strip_prefix("nightly-").expect("a nightly").trim_end_matches('"');
    assert!(
        date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() }),
        "nightly by date: {channel}"
    );
    assert!(read("scripts/fuzz.sh").contains("fuzz/rust-toolchain.toml"), "fuzz.sh runs that nightly");
    assert!(!read("scripts/fuzz.sh").contains("+nightly "), "no floating nightly");
}
