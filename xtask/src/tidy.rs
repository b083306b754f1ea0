//! Tidy tests: the files that repeat what is defined elsewhere still agree
//! with it. They read the repository's files, run nothing, and are part of
//! `cargo test -p xtask` (the `core` tier).
//!
//! - **Pins**: every version of trunk, wasm-bindgen, wasm-opt (binaryen) and
//!   esbuild written in `Cargo.toml` (every workspace member's), `Cargo.lock`,
//!   `Trunk.toml`, `xtask/tools/package.json` and its lockfile, README.md,
//!   ARCHITECTURE.md and the xtask's own sources is the one in `pins.rs`,
//!   which `setup` installs.
//! - **README benchmark block**: what in it is deterministic matches
//!   `core/benches/parse.rs` (see [`bench_block_matches_the_bench`]).
//! - **Commands**: the xtask spawns processes only through `util::command`
//!   (which sets PATH per command) and never changes its own environment.
//!
//! The README's size table needs a `dist/`, so the `dist` tier checks it
//! (`dist::check_readme_table`), not this file.

use crate::pins;
use crate::util::root;
use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
}

/// One tool's pin, and the names it is written under.
struct Pin {
    tool: &'static str,
    version: &'static str,
    /// Names followed by the version: `wasm-bindgen = "=0.2.130"`,
    /// `trunk --version 0.21.14`, `wasm_opt = "version_132"`.
    names: &'static [&'static str],
}

fn pins() -> [Pin; 5] {
    [
        Pin {
            tool: "trunk",
            version: pins::TRUNK,
            names: &["trunk"],
        },
        Pin {
            tool: "wasm-bindgen",
            version: pins::WASM_BINDGEN,
            names: &["wasm-bindgen", "wasm_bindgen", "wasm-bindgen-cli"],
        },
        Pin {
            tool: "wasm-opt",
            version: pins::wasm_opt(),
            names: &["wasm-opt", "wasm_opt"],
        },
        // binaryen's npm version, as a JSON key (package.json): prose
        // mentions Debian's binaryen 108 on purpose.
        Pin {
            tool: "binaryen",
            version: pins::BINARYEN,
            names: &["\"binaryen\""],
        },
        Pin {
            tool: "esbuild",
            version: pins::ESBUILD,
            names: &["esbuild"],
        },
    ]
}

/// A version written after a tool's name.
#[derive(Debug, PartialEq)]
struct Mention {
    name: String,
    line: usize,
    version: String,
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Every `name` (case-insensitive, as a whole word: `wasm-bindgen` is not in
/// `wasm-bindgen-test`) that is followed by a version, with only quotes,
/// `=`, `:`, `@`, `^`, `{`, spaces, `--version`, `version` or `version_`
/// between (so `wasm-bindgen = { version = "=0.2.130" }` counts too).
fn mentions(text: &str, names: &[&str]) -> Vec<Mention> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for name in names {
        let mut from = 0;
        while let Some(i) = lower[from..].find(name).map(|i| i + from) {
            from = i + name.len();
            let before = lower[..i].chars().next_back();
            let after = lower[from..].chars().next();
            if before.is_some_and(is_name_char) || after.is_some_and(is_name_char) {
                continue;
            }
            if let Some(version) = version_after(&text[from..]) {
                found.push(Mention {
                    name: name.to_string(),
                    line: text[..i].matches('\n').count() + 1,
                    version,
                });
            }
        }
    }
    found.sort_by_key(|m| m.line);
    found
}

/// The version at the start of `rest`, after the separators [`mentions`] allows.
fn version_after(mut rest: &str) -> Option<String> {
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t', '=', '"', '\'', '`', ':', '@', '^', '{']);
        let trimmed = ["--version", "version_", "version"]
            .iter()
            .find_map(|p| trimmed.strip_prefix(p))
            .unwrap_or(trimmed);
        if trimmed.len() == rest.len() {
            break;
        }
        rest = trimmed;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let version = rest[..end].trim_end_matches('.');
    version
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| version.to_string())
}

/// `0.24` in prose agrees with the pin `0.24.2`, `132` with `132.0.0`.
fn agrees(written: &str, pin: &str) -> bool {
    written == pin || pin.starts_with(&format!("{written}."))
}

/// The disagreements of `text` (the file `file`) with the pins whose tools
/// are in `tools`, and which of `required` it does not mention at all.
fn check_file(file: &str, text: &str, tools: &[&str], required: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for pin in pins().iter().filter(|p| tools.contains(&p.tool)) {
        let found = mentions(text, pin.names);
        for m in found.iter().filter(|m| !agrees(&m.version, pin.version)) {
            problems.push(format!(
                "{}: xtask/src/pins.rs pins {} but {file}:{} has `{} {}`",
                pin.tool, pin.version, m.line, m.name, m.version
            ));
        }
        if found.is_empty() && required.contains(&pin.tool) {
            problems.push(format!(
                "{}: {file} no longer gives its version (xtask/src/pins.rs pins {}); \
                 if that is on purpose, drop it from the tidy test's list in xtask/src/tidy.rs",
                pin.tool, pin.version
            ));
        }
    }
    problems
}

/// The versions of the packages called `name` in a Cargo.lock.
fn cargo_lock_versions(lock: &str, name: &str) -> Vec<String> {
    let name_line = format!("name = \"{name}\"");
    lock.split("[[package]]")
        .filter(|p| p.lines().any(|l| l.trim() == name_line))
        .filter_map(|p| {
            p.lines()
                .find_map(|l| l.trim().strip_prefix("version = \""))
                .map(|v| v.trim_end_matches('"').to_string())
        })
        .collect()
}

/// `(package, version)` of every `"node_modules/…"` entry of a package-lock.json.
fn npm_lock_versions(lock: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = lock;
    while let Some(i) = rest.find("\"node_modules/") {
        rest = &rest[i + "\"node_modules/".len()..];
        let Some(end) = rest.find('"') else { break };
        let package = rest[..end].to_string();
        // The entry's own "version", before the next entry starts.
        let entry = &rest[..rest.find("\"node_modules/").unwrap_or(rest.len())];
        if let Some(v) = entry.find("\"version\": \"") {
            let v = &entry[v + "\"version\": \"".len()..];
            found.push((package, v[..v.find('"').unwrap_or(0)].to_string()));
        }
    }
    found
}

/// The workspace members listed in the root Cargo.toml (`dir/*` globs expanded).
fn workspace_members(manifest: &str) -> Vec<String> {
    // The `members = [` line (not `default-members`), to its `]`.
    let line = manifest
        .lines()
        .find(|l| {
            l.trim_start()
                .strip_prefix("members")
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .expect("Cargo.toml has a [workspace] members list");
    let at = line.as_ptr() as usize - manifest.as_ptr() as usize;
    let start = at + line.find('[').expect("members = [ … ]") + 1;
    let end = start + manifest[start..].find(']').expect("members list is closed");
    let mut members = Vec::new();
    for entry in manifest[start..end].split(',') {
        let entry = entry.trim().trim_matches('"');
        if entry.is_empty() {
            continue;
        }
        if let Some(dir) = entry.strip_suffix("/*") {
            let mut subdirs: Vec<String> = std::fs::read_dir(root().join(dir))
                .map(|d| {
                    d.filter_map(|e| e.ok())
                        .filter(|e| e.path().join("Cargo.toml").is_file())
                        .map(|e| format!("{dir}/{}", e.file_name().to_string_lossy()))
                        .collect()
                })
                .unwrap_or_default();
            subdirs.sort();
            members.extend(subdirs);
        } else {
            members.push(entry.to_string());
        }
    }
    members
}

#[test]
fn pins_agree_everywhere() {
    let mut problems = Vec::new();

    // Manifests: every member's pin of the wasm-bindgen crate.
    let manifests: Vec<String> = workspace_members(&read("Cargo.toml"))
        .iter()
        .map(|m| {
            if m == "." {
                "Cargo.toml".to_string()
            } else {
                format!("{m}/Cargo.toml")
            }
        })
        .collect();
    let mut bindgen_pinned = false;
    for manifest in &manifests {
        let text = read(manifest);
        bindgen_pinned |= !mentions(&text, &["wasm-bindgen"]).is_empty();
        problems.extend(check_file(manifest, &text, &["wasm-bindgen"], &[]));
    }
    if !bindgen_pinned {
        problems.push(format!(
            "wasm-bindgen: no Cargo.toml of the workspace ({}) pins the crate (`wasm-bindgen = \"={}\"`)",
            manifests.join(", "),
            pins::WASM_BINDGEN
        ));
    }

    let lock = cargo_lock_versions(&read("Cargo.lock"), "wasm-bindgen");
    if lock.is_empty() {
        problems.push("wasm-bindgen: Cargo.lock has no wasm-bindgen package".into());
    }
    for v in lock.iter().filter(|v| *v != pins::WASM_BINDGEN) {
        problems.push(format!(
            "wasm-bindgen: xtask/src/pins.rs pins {} but Cargo.lock has wasm-bindgen {v}",
            pins::WASM_BINDGEN
        ));
    }

    problems.extend(check_file(
        "Trunk.toml",
        &read("Trunk.toml"),
        &["trunk", "wasm-bindgen", "wasm-opt", "esbuild"],
        &["wasm-bindgen", "wasm-opt"],
    ));
    problems.extend(check_file(
        "xtask/tools/package.json",
        &read("xtask/tools/package.json"),
        &["binaryen", "esbuild"],
        &["binaryen", "esbuild"],
    ));
    let npm = npm_lock_versions(&read("xtask/tools/package-lock.json"));
    for (tool, version, is_it) in [
        (
            "binaryen",
            pins::BINARYEN,
            (|p: &str| p == "binaryen") as fn(&str) -> bool,
        ),
        ("esbuild", pins::ESBUILD, |p| {
            p == "esbuild" || p.starts_with("@esbuild/")
        }),
    ] {
        let entries: Vec<_> = npm.iter().filter(|(p, _)| is_it(p)).collect();
        if entries.is_empty() {
            problems.push(format!(
                "{tool}: xtask/tools/package-lock.json has no {tool} package"
            ));
        }
        for (package, v) in entries.iter().filter(|(_, v)| v != version) {
            problems.push(format!(
                "{tool}: xtask/src/pins.rs pins {version} but xtask/tools/package-lock.json has {package} {v}"
            ));
        }
    }
    // npm packages pinned only in a package.json and its lockfile.
    for (tool, version, dir) in [
        ("workbox-build", pins::WORKBOX_BUILD, "xtask/tools"),
        ("lighthouse", pins::LIGHTHOUSE, "tests/e2e"),
    ] {
        let manifest = read(&format!("{dir}/package.json"));
        let key = format!("\"{tool}\": \"");
        match manifest
            .split(&key)
            .nth(1)
            .and_then(|r| r.split('"').next())
        {
            Some(v) if v == version => {}
            Some(v) => problems.push(format!(
                "{tool}: xtask/src/pins.rs pins {version} but {dir}/package.json has {v}"
            )),
            None => problems.push(format!("{tool}: {dir}/package.json does not name it")),
        }
        let lock = npm_lock_versions(&read(&format!("{dir}/package-lock.json")));
        match lock.iter().find(|(p, _)| p == tool) {
            Some((_, v)) if v == version => {}
            Some((_, v)) => problems.push(format!(
                "{tool}: xtask/src/pins.rs pins {version} but {dir}/package-lock.json has {v}"
            )),
            None => problems.push(format!(
                "{tool}: {dir}/package-lock.json has no {tool} package"
            )),
        }
    }
    problems.extend(check_file(
        "README.md",
        &read("README.md"),
        &["trunk", "wasm-bindgen", "wasm-opt", "esbuild"],
        &["trunk", "wasm-bindgen", "wasm-opt", "esbuild"],
    ));
    problems.extend(check_file(
        "ARCHITECTURE.md",
        &read("ARCHITECTURE.md"),
        &["trunk", "wasm-bindgen", "wasm-opt", "esbuild"],
        &[],
    ));
    for file in xtask_sources() {
        let rel = format!("xtask/src/{file}");
        problems.extend(check_file(
            &rel,
            &read(&rel),
            &["trunk", "wasm-bindgen", "wasm-opt", "esbuild"],
            &[],
        ));
    }

    assert!(
        problems.is_empty(),
        "the version pins disagree (xtask/src/pins.rs is what `cargo xtask setup` installs):\n  {}",
        problems.join("\n  ")
    );
}

/// The xtask's sources, but for the pins themselves and this file (whose
/// tests write wrong versions on purpose).
fn xtask_sources() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("xtask/src"))
        .expect("xtask/src")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".rs") && f != "pins.rs" && f != "tidy.rs")
        .collect();
    files.sort();
    files
}

#[test]
fn commands_are_built_in_one_place_and_our_environment_is_left_alone() {
    let mut problems = Vec::new();
    for file in xtask_sources() {
        let text = read(&format!("xtask/src/{file}"));
        for (n, line) in text.lines().enumerate() {
            if line.contains("set_var(") || line.contains("remove_var(") {
                problems.push(format!(
                    "xtask/src/{file}:{}: changes the xtask's own environment; \
                     set it on the command instead (`.env(…)`)",
                    n + 1
                ));
            }
            if line.contains("Command::new(") && file != "util.rs" {
                problems.push(format!(
                    "xtask/src/{file}:{}: `Command::new`; use `util::command`, \
                     which sets PATH to the tools setup installs",
                    n + 1
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---- the README's benchmark block ----------------------------------------

const BENCH: &str = "core/benches/parse.rs";

/// The string literals of the statement of `source` that contains `marker`
/// (from the marker to the closing `);`).
fn literals_from(source: &str, marker: &str) -> Vec<String> {
    let Some(start) = source.find(marker) else {
        return Vec::new();
    };
    let statement = &source[start..start + source[start..].find(");").unwrap_or(0)];
    statement
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The first argument of every `report("…"` call, in order.
fn bench_inputs(source: &str) -> Vec<String> {
    source
        .split("report(\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The `n` of the linearity table's `for (n, s) in [(1, &s1), (10, &s10), …]`.
fn bench_linearity_copies(source: &str) -> Vec<u32> {
    let Some(start) = source.find("for (n, s) in [") else {
        return Vec::new();
    };
    let list = &source[start + "for (n, s) in [".len()..];
    let list = &list[..list.find(']').unwrap_or(0)];
    list.split('(')
        .filter_map(|item| item.split(',').next()?.trim().parse().ok())
        .collect()
}

/// A row of the README's table: its label and the values after it.
#[derive(Debug, PartialEq)]
struct Row {
    label: String,
    values: Vec<String>,
}

/// The rows of the text table that starts with the line whose first word is
/// `first_header`, up to the next blank line: a label (the words before the
/// first value), then the values (words that start with a digit). A row's
/// label ends before its first number with a decimal point, so
/// `1 MB single line 0.95 MB …` is labelled `1 MB single line`, `10× 0.97 …` `10×`.
fn table_after(block: &str, first_header: &str) -> Option<(Vec<String>, Vec<Row>)> {
    let mut lines = block
        .lines()
        .skip_while(|l| l.split_whitespace().next() != Some(first_header));
    let header = lines
        .next()?
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let rows = lines
        .take_while(|l| !l.trim().is_empty() && !l.starts_with("```"))
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            let is_value = |w: &str| w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('.');
            let at = words
                .iter()
                .position(|w| is_value(w))
                .unwrap_or(words.len());
            Row {
                label: words[..at].join(" "),
                values: words[at..]
                    .iter()
                    .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                    .map(|w| w.to_string())
                    .collect(),
            }
        })
        .collect();
    Some((header, rows))
}

/// The size, in MB with two decimals as the bench prints it, of an input
/// the bench builds from the seed: `seed` itself, or `N× seed`, N copies
/// joined by newlines (its `copies`). `None` for the other inputs.
fn seed_input_size(label: &str, seed_len: usize) -> Option<String> {
    let copies: usize = if label == "seed" {
        1
    } else {
        label.strip_suffix("× seed")?.parse().ok()?
    };
    let bytes = copies * seed_len + (copies - 1);
    Some(format!("{:.2}", bytes as f64 / 1_000_000.0))
}

/// Where `include_str!("…")` of `const SEED` points, relative to the repository.
fn bench_seed_path(source: &str) -> Option<String> {
    let decl = &source[source.find("const SEED")?..];
    let path = decl.split("include_str!(\"").nth(1)?.split('"').next()?;
    let full = Path::new(BENCH).parent()?.join(path);
    // Normalise `core/benches/../../seeds/x` to `seeds/x`.
    let mut parts: Vec<&str> = Vec::new();
    for c in full.to_str()?.split('/') {
        match c {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            c => parts.push(c),
        }
    }
    Some(parts.join("/"))
}

/// What in the README's benchmark block is deterministic, checked against
/// what the bench defines (its source) and its seed: the columns of both
/// tables, the inputs in order, each row's number of values, the sizes of
/// the seed-built inputs and the linearity table's copies. Timings are
/// noise and are not checked; nor are the sizes of the synthetic inputs
/// (1 MB line, label lines: the bench's code builds them) or the prose
/// counts of turns, events and figures (`cargo bench` prints them).
#[test]
fn bench_block_matches_the_bench() {
    let readme = read("README.md");
    let source = read(BENCH);
    let block = readme
        .split("<!-- bench:begin -->")
        .nth(1)
        .and_then(|b| b.split("<!-- bench:end -->").next())
        .expect("README.md has a <!-- bench:begin --> … <!-- bench:end --> block");
    let fix = "update README.md's benchmark block from `cargo bench -p shilu-core --bench parse`";
    let mut problems = Vec::new();

    let columns = literals_from(&source, "\"input\",");
    let Some((header, rows)) = table_after(block, "input") else {
        panic!("README.md's benchmark block has no table starting with `input`; {fix}");
    };
    assert!(
        !columns.is_empty(),
        "{BENCH} prints no `\"input\", …` header any more: update xtask/src/tidy.rs"
    );
    if header != columns {
        problems.push(format!(
            "README columns {header:?}, {BENCH} prints {columns:?}"
        ));
    }
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    let inputs = bench_inputs(&source);
    if labels != inputs {
        problems.push(format!(
            "README inputs {labels:?}, {BENCH} reports {inputs:?}"
        ));
    }
    for row in rows.iter().filter(|r| r.values.len() + 1 != columns.len()) {
        problems.push(format!(
            "README row `{}` has {} values for {} columns",
            row.label,
            row.values.len(),
            columns.len() - 1
        ));
    }
    let seed_path = bench_seed_path(&source).expect("the bench's `const SEED = include_str!(…)`");
    let seed_len = read(&seed_path).len();
    for row in &rows {
        if let Some(size) = seed_input_size(&row.label, seed_len) {
            if row.values.first() != Some(&size) {
                problems.push(format!(
                    "README gives `{}` as {} MB, but it is {size} MB ({seed_path}: {seed_len} bytes)",
                    row.label,
                    row.values.first().map_or("no size", |v| v.as_str())
                ));
            }
        }
    }

    let lin_columns = literals_from(&source, "\"copies\",");
    match table_after(block, "copies") {
        None => problems.push("README has no linearity table (`copies …`)".into()),
        Some((header, rows)) => {
            if header != lin_columns {
                problems.push(format!(
                    "README linearity columns {header:?}, {BENCH} prints {lin_columns:?}"
                ));
            }
            let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
            let copies: Vec<String> = bench_linearity_copies(&source)
                .iter()
                .map(|n| format!("{n}×"))
                .collect();
            if labels != copies {
                problems.push(format!(
                    "README linearity rows {labels:?}, {BENCH} prints {copies:?}"
                ));
            }
            for row in rows
                .iter()
                .filter(|r| r.values.len() + 1 != lin_columns.len())
            {
                problems.push(format!(
                    "README linearity row `{}` has {} values for {} columns",
                    row.label,
                    row.values.len(),
                    lin_columns.len().saturating_sub(1)
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "README.md's benchmark block does not match {BENCH}; {fix}:\n  {}",
        problems.join("\n  ")
    );
}

// ---- the checkers themselves ---------------------------------------------

#[test]
fn mentions_take_whole_names_and_the_version_right_after() {
    let text = "wasm-bindgen = \"=0.2.130\"\nwasm-bindgen-test = \"0.3\"\n\
                cargo install trunk --version 0.21.14 --locked; `trunk serve`\n\
                wasm_opt = \"version_132\" and wasm-opt -Oz; Trunk.toml 0.9";
    let names = |ms: Vec<Mention>| -> Vec<(String, usize, String)> {
        ms.into_iter()
            .map(|m| (m.name, m.line, m.version))
            .collect()
    };
    assert_eq!(
        names(mentions(
            text,
            &["wasm-bindgen", "trunk", "wasm_opt", "wasm-opt"]
        )),
        [
            ("wasm-bindgen".to_string(), 1, "0.2.130".to_string()),
            ("trunk".to_string(), 3, "0.21.14".to_string()),
            ("wasm_opt".to_string(), 4, "132".to_string()),
        ]
    );
    assert!(agrees("0.24", "0.24.2") && agrees("132", "132.0.0") && agrees("0.2.130", "0.2.130"));
    assert!(!agrees("0.2.13", "0.2.130") && !agrees("0.24.3", "0.24.2"));
}

#[test]
fn a_wrong_or_missing_pin_names_both_files() {
    let bad = check_file(
        "Trunk.toml",
        "[tools]\nwasm_bindgen = \"0.2.131\"\n",
        &["wasm-bindgen", "wasm-opt"],
        &["wasm-bindgen", "wasm-opt"],
    );
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(
        bad[0].contains("xtask/src/pins.rs pins")
            && bad[0].contains("Trunk.toml:2 has `wasm_bindgen 0.2.131`"),
        "{}",
        bad[0]
    );
    assert!(
        bad[1].starts_with("wasm-opt: Trunk.toml no longer gives its version"),
        "{}",
        bad[1]
    );
}

#[test]
fn manifests_are_found_and_read_in_either_form() {
    let ws = "[workspace]\ndefault-members = [\".\"]\nmembers = [\n  \".\",\n  \"core\",\n]\n";
    assert_eq!(workspace_members(ws), [".", "core"]);
    let m = mentions(
        "wasm-bindgen = { version = \"=0.2.7\", features = [] }\nwasm-bindgen = { workspace = true }",
        &["wasm-bindgen"],
    );
    assert_eq!((m.len(), m[0].version.as_str()), (1, "0.2.7"));
}

#[test]
fn lockfiles_are_read_per_package() {
    let cargo = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n\n\
                 [[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.98\"\n";
    assert_eq!(cargo_lock_versions(cargo, "wasm-bindgen"), ["0.2.99"]);
    let npm = r#"{ "packages": { "": { "devDependencies": { "esbuild": "0.1.0" } },
        "node_modules/@esbuild/linux-x64": { "version": "0.1.1", "os": ["linux"] },
        "node_modules/binaryen": { "bin": {}, "dev": true },
        "node_modules/esbuild": { "version": "0.1.0" } } }"#;
    assert_eq!(
        npm_lock_versions(npm),
        [
            ("@esbuild/linux-x64".to_string(), "0.1.1".to_string()),
            ("esbuild".to_string(), "0.1.0".to_string()),
        ]
    );
}

#[test]
fn bench_tables_are_read_by_label_and_values() {
    let block = "```text\ninput        size  a b\nseed    0.03 MB  1.0 2.0\n\
                 1 MB single line 0.95 MB 3.0 4.0\n\nlinearity\ncopies a b\n1× 1.00 1.00\n10× 0.97\n```";
    let (header, rows) = table_after(block, "input").unwrap();
    assert_eq!(header, ["input", "size", "a", "b"]);
    assert_eq!(rows[1].label, "1 MB single line");
    assert_eq!(rows[1].values, ["0.95", "3.0", "4.0"]);
    let (_, lin) = table_after(block, "copies").unwrap();
    assert_eq!((lin[1].label.as_str(), lin[1].values.len()), ("10×", 1));
    assert_eq!(seed_input_size("10× seed", 34_000), Some("0.34".into()));
    assert_eq!(seed_input_size("1 MB single line", 34_000), None);
    let source = "report(\"seed\", SEED, 1);\nreport(\"10× seed\", &x, 2);\n\
                  for (n, s) in [(1, &s1), (10, &s10)] {}\n\
                  println!(\"{:<9}\", \"copies\", \"a\");";
    assert_eq!(bench_inputs(source), ["seed", "10× seed"]);
    assert_eq!(bench_linearity_copies(source), [1, 10]);
    assert_eq!(literals_from(source, "\"copies\","), ["copies", "a"]);
}
