//! No import circle between the modules of any crate: for each crate, a
//! graph of its source files (modules) with an edge from a module to every
//! module it names through `crate::` or `super::` (comments and test modules
//! left out; a module naming its own children is structure, not a circle),
//! and no cycle in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir` (binaries left out), by its module path.
fn modules(dir: &Path) -> BTreeMap<Module, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "bin") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(dir).expect("inside").with_extension("");
            let mut parts: Module = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|l| l == "mod" || l == "lib" || l == "main") {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).expect("source");
            out.insert(parts, text);
        }
    }
    out
}

/// The code of a file without its test module and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// The modules `text` (the code of `module`) names.
fn uses(module: &Module, text: &str, all: &BTreeMap<Module, String>) -> BTreeSet<Module> {
    let mut out = BTreeSet::new();
    for (base, rest) in [("crate::", true), ("super::", false)].iter().flat_map(|&(prefix, from_root)| {
        text.match_indices(prefix).map(move |(i, _)| (from_root, &text[i + prefix.len()..]))
    }) {
        let words: Vec<&str> = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or_default()
            .split("::")
            .filter(|w| !w.is_empty())
            .collect();
        let mut path: Module = if base { Vec::new() } else { module[..module.len().saturating_sub(1)].to_vec() };
        for w in words {
            let mut next = path.clone();
            next.push(w.to_string());
            if all.contains_key(&next) {
                path = next;
            } else {
                break;
            }
        }
        if !path.is_empty() && path != *module && !path.starts_with(module) {
            out.insert(path);
        }
    }
    out
}

fn cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        n: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        done: &mut BTreeSet<Module>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(i) = stack.iter().position(|m| m == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.clone());
            return Some(c);
        }
        if !done.insert(n.clone()) {
            return None;
        }
        stack.push(n.clone());
        for d in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, graph, done, stack) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

#[test]
fn no_crate_has_an_import_circle() {
    for dir in ["crates/core/src", "crates/shell/src", "crates/map/src", "crates/funding/src", "src"] {
        let all = modules(&root().join(dir));
        assert!(all.len() > 1, "{dir}: no modules found");
        let graph: BTreeMap<Module, BTreeSet<Module>> =
            all.iter().map(|(m, text)| (m.clone(), uses(m, &code(text), &all))).collect();
        if let Some(c) = cycle(&graph) {
            let names: Vec<String> = c.iter().map(|m| m.join("::")).collect();
            panic!("{dir}: import circle {}", names.join(" -> "));
        }
    }
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let m = |s: &str| -> Module { s.split("::").map(str::to_string).collect() };
    let graph = BTreeMap::from([
        (m("a"), BTreeSet::from([m("b")])),
        (m("b"), BTreeSet::from([m("c")])),
        (m("c"), BTreeSet::from([m("a")])),
    ]);
    assert_eq!(cycle(&graph).map(|c| c.len()), Some(4));
    let all = BTreeMap::from([(m("x"), String::new()), (m("x::y"), String::new()), (m("z"), String::new())]);
    let used = uses(&m("z"), "use crate::x::y::Thing; use super::x;", &all);
    assert_eq!(used, BTreeSet::from([m("x"), m("x::y")]));
}
