//! Tidy tests of the source layout (ARCHITECTURE.md, "Invariants"): no
//! import cycles between the source files of a crate, and no source file
//! longer than [`MAX_LINES`] before its tests.
//!
//! The module graph is read from the files themselves: a file is a module
//! (`a/b.rs` and `a/b/mod.rs` are `a::b`), and its `use crate::…` and
//! `use super::…` paths, outside comments and its `#[cfg(test)]` part, are
//! edges to the longest module path they name. A module naming one of its
//! own ancestors (an item its parent declares) is no edge: that is where
//! the module tree already places it.

use crate::util::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lines a source file may have before its tests.
const MAX_LINES: usize = 600;

/// The crates' source folders.
const CRATES: [&str; 4] = ["core/src", "ui/src", "panels/src", "src"];

type Module = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `a/b/mod.rs` and `a/b.rs` → `[a, b]`; `lib.rs`, `main.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Module = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.len() == 1 && matches!(parts[0].as_str(), "lib" | "main") {
        parts.clear();
    }
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file before its tests, without comments.
fn code_before_tests(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line.split(" //").next().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The lines before a file's `#[cfg(test)]`.
fn lines_before_tests(text: &str) -> usize {
    text.lines()
        .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
        .count()
}

/// Every path `crate::…` or `super::…` in `code`, with the names of a
/// `{…}` group each joined on: `use crate::a::{b, c::d}` gives `crate::a::b`
/// and `crate::a::c::d`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut rest = code;
    while let Some(i) = rest.find(|c: char| c == 'c' || c == 's') {
        let at = &rest[i..];
        let before_ok = rest[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !word(c) && c != ':');
        let head = ["crate::", "super::"]
            .into_iter()
            .find(|h| at.starts_with(h));
        let (Some(_), true) = (head, before_ok) else {
            rest = &rest[i + 1..];
            continue;
        };
        let len = at
            .find(|c: char| !(word(c) || c == ':'))
            .unwrap_or(at.len());
        let stem: Vec<String> = at[..len]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let after = &at[len..];
        if let (true, Some(end)) = (after.starts_with('{'), after.find('}')) {
            for item in after[1..end].split(',') {
                let item = item.trim();
                if item.is_empty() || item == "self" {
                    out.push(stem.clone());
                    continue;
                }
                let mut p = stem.clone();
                p.extend(item.split("::").map(|s| s.trim().to_string()));
                out.push(p);
            }
        } else {
            out.push(stem);
        }
        rest = &at[len..];
    }
    out
}

/// The module `path` (from `crate::`/`super::`) names, seen from `from`:
/// the longest prefix that is a module of the crate.
fn target(from: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let mut base: Module = Vec::new();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => rest = &rest[1..],
        Some("super") => {
            base = from.clone();
            while rest.first().is_some_and(|p| p == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    let mut cand = base;
    cand.extend(rest.iter().cloned());
    while !cand.is_empty() && !modules.contains(&cand) {
        cand.pop();
    }
    (!cand.is_empty()).then_some(cand)
}

/// The import graph of the crate in `src`.
fn graph(src: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let texts: Vec<(Module, String)> = files
        .iter()
        .filter(|f| !f.components().any(|c| c.as_os_str() == "bin"))
        .map(|f| {
            (
                module_of(src, f),
                std::fs::read_to_string(f).unwrap_or_default(),
            )
        })
        .collect();
    let modules: BTreeSet<Module> = texts.iter().map(|(m, _)| m.clone()).collect();
    let mut g = BTreeMap::new();
    for (m, text) in &texts {
        let edges: &mut BTreeSet<Module> = g.entry(m.clone()).or_default();
        for p in paths(&code_before_tests(text)) {
            if let Some(t) = target(m, &p, &modules) {
                // Itself, or an ancestor that declares it: no edge.
                if !m.starts_with(&t) {
                    edges.insert(t);
                }
            }
        }
    }
    g
}

/// One cycle of `g` for each back edge found, as module paths.
fn cycles(g: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<String> {
    fn visit(
        u: &Module,
        g: &BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<Module, bool>,
        stack: &mut Vec<Module>,
        out: &mut Vec<String>,
    ) {
        state.insert(u.clone(), true);
        stack.push(u.clone());
        for v in g.get(u).into_iter().flatten() {
            match state.get(v) {
                Some(true) => {
                    let at = stack.iter().position(|m| m == v).unwrap_or(0);
                    let names: Vec<String> = stack[at..]
                        .iter()
                        .chain([v])
                        .map(|m| m.join("::"))
                        .collect();
                    out.push(names.join(" → "));
                }
                Some(false) => {}
                None => visit(v, g, state, stack, out),
            }
        }
        stack.pop();
        state.insert(u.clone(), false);
    }
    let mut state = BTreeMap::new();
    let mut out = Vec::new();
    for u in g.keys() {
        if !state.contains_key(u) {
            visit(u, g, &mut state, &mut Vec::new(), &mut out);
        }
    }
    out
}

#[test]
fn no_import_cycles_between_source_files() {
    let mut found = Vec::new();
    for src in CRATES {
        for c in cycles(&graph(&root().join(src))) {
            found.push(format!("{src}: {c}"));
        }
    }
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn no_source_file_is_over_600_lines_before_its_tests() {
    let mut long = Vec::new();
    for src in CRATES.into_iter().chain(["xtask/src"]) {
        let mut files = Vec::new();
        rust_files(&root().join(src), &mut files);
        for f in files {
            let n = lines_before_tests(&std::fs::read_to_string(&f).unwrap_or_default());
            if n > MAX_LINES && !f.ends_with("tidy.rs") {
                long.push(format!("{}: {n} lines", f.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines before the tests:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_graph_reader_sees_cycles_and_groups() {
    let p = paths("use crate::a::{b, c::d};\nuse super::e::F;\nlet x = crate::g::h();\n");
    let s: Vec<String> = p.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        s,
        [
            "crate::a::b",
            "crate::a::c::d",
            "super::e::F",
            "crate::g::h"
        ]
    );
    let m = |s: &str| s.split("::").map(String::from).collect::<Module>();
    let mut g = BTreeMap::new();
    g.insert(m("a"), [m("b")].into());
    g.insert(m("b"), [m("c")].into());
    g.insert(m("c"), [m("a")].into());
    assert_eq!(cycles(&g), ["a → b → c → a"]);
    g.insert(m("c"), BTreeSet::new());
    assert!(cycles(&g).is_empty());
    let modules: BTreeSet<Module> = [m("parse"), m("parse::label"), m("model")].into();
    assert_eq!(
        target(&m("parse::label"), &m("super::lines::Line"), &modules),
        Some(m("parse"))
    );
    assert_eq!(
        target(&m("parse::label"), &m("crate::model::Role"), &modules),
        Some(m("model"))
    );
    assert_eq!(
        code_before_tests("use a;\n// crate::x\n#[cfg(test)]\nuse crate::y;\n"),
        "use a;\n"
    );
}
