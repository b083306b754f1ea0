//! Size table of `dist/`, and the first-visit budget it is printed against.
//!
//! Sizes are deterministic for a given toolchain (rustc, the wasm-bindgen and
//! wasm-opt of `pins.rs`, gzip, brotli), so the budget is a test, not a benchmark.
//!
//! * **raw**: bytes on disk.
//! * **gzip**: `gzip -9 -n` (what most static hosts serve without brotli).
//! * **brotli**: `brotli -q 11` (the measure; what a host that pre-compresses serves).
//!
//! **The budget is measured in the browser**, not here: the e2e spec
//! `tests/e2e/specs/size.test.mjs` cold-loads the page in headless Chromium
//! from a server that answers `Accept-Encoding: br` with brotli (quality
//! 11), and counts the body bytes (as they came over the wire, headers not
//! counted) of every response the page's own target fetched until the app
//! is usable and `load` has fired, whatever they are; the service worker's
//! requests (its script and the precache, after `load`, on its own target)
//! are not counted. That total must be at most [`budget_brotli_bytes`],
//! defined once in `tests/e2e/budget.mjs`; the `e2e` tier fails
//! otherwise.
//!
//! This table marks the files a first visit fetches today (`\*`): `index.html`
//! plus every `.js`, `.wasm` and `.css` file in `dist/` outside [`LAZY_DIR`],
//! but the service worker ([`AFTER_LOAD`]). (The calendar and insights
//! panels are a module of their own in `panels/`, fetched when a panel tab
//! first opens; an e2e test checks that a first visit fetches nothing from
//! there. `tests/e2e/specs/offline.test.mjs` checks that what Chromium
//! fetches before `load` is exactly these files. The manifest, icons and
//! robots.txt are not fetched to show the page.) Their total is what the
//! browser measures, give or take a byte per file of brotli framing (the
//! `brotli` command's default window against node's), as long as the page
//! fetches nothing else.

use crate::util::{command, Result};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// Where the first-visit budget is defined (the e2e spec imports it).
pub const BUDGET_FILE: &str = "tests/e2e/budget.mjs";

const BUDGET_SOURCE: &str = include_str!("../../tests/e2e/budget.mjs");

/// The first-visit budget in bytes of brotli, as [`BUDGET_FILE`] defines it
/// (`export const FIRST_VISIT_BUDGET_BYTES = …;`, in bytes: a KB is 1000
/// of them). It was 150 KB for a parser that read the
/// seed's layout only, then 160 KB for the parser that reads every layout
/// (issue 10, about 7 KB) and the typed HTML layer's crates (issue 14, about
/// 2.5 KB), counted over a list of files; issue 11 made it 175 KB for
/// everything a browser fetches, pre-rendered HTML included; issue 23's
/// speaker layouts made it 184 KB (the page parsed the seed, so it carried
/// every speaker rule, 9.7 KB); issue 24 made it 175 KB again (the
/// pre-render hands the page the seed's structure: no parser in the page).
pub fn budget_brotli_bytes() -> u64 {
    parse_budget(BUDGET_SOURCE).unwrap_or_else(|e| panic!("{BUDGET_FILE}: {e}"))
}

/// The number in `export const FIRST_VISIT_BUDGET_BYTES = 175_000;` (digits and `_`).
fn parse_budget(source: &str) -> std::result::Result<u64, String> {
    const NAME: &str = "export const FIRST_VISIT_BUDGET_BYTES = ";
    let rest = source
        .split(NAME)
        .nth(1)
        .ok_or_else(|| format!("no `{NAME}…;`"))?;
    let number = rest.split(';').next().unwrap_or("").trim();
    let digits = number.replace('_', "");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{NAME}{number}` is not a number of bytes"));
    }
    digits.parse().map_err(|e| format!("`{number}`: {e}"))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSize {
    /// Path relative to the dist directory, with `/` separators.
    pub path: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// The folder of the panels' module, loaded when a panel tab first opens.
pub const LAZY_DIR: &str = "panels/";

/// The service worker: registered by the page after its `load` event, so
/// fetched after the first visit is usable (then it precaches the rest).
/// And the stylesheet for browsers without JavaScript, linked inside
/// `<noscript>`: a browser that runs the app never fetches it.
pub const AFTER_LOAD: &[&str] = &["sw.js", "noscript.css"];

/// Is this a script, wasm module or stylesheet?
fn is_code(path: &str) -> bool {
    [".js", ".wasm", ".css"]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// Is this dist file part of the first visit (see the module docs)?
pub fn is_first_visit(path: &str) -> bool {
    path == "index.html"
        || (is_code(path) && !path.starts_with(LAZY_DIR) && !AFTER_LOAD.contains(&path))
}

/// The corpus site's search page's module, beside the panels' in
/// [`LAZY_DIR`]: the app never loads it.
pub const SEARCH_MODULE: &str = "panels/shilu-search";

/// Is this dist file fetched when a panel tab first opens?
pub fn is_lazy(path: &str) -> bool {
    is_code(path) && path.starts_with(LAZY_DIR) && !path.starts_with(SEARCH_MODULE)
}

/// Sum of the brotli sizes of the first-visit files.
pub fn first_visit_brotli(files: &[FileSize]) -> u64 {
    files
        .iter()
        .filter(|f| is_first_visit(&f.path))
        .map(|f| f.brotli)
        .sum()
}

/// Measure every file under `dir` (recursively), sorted by path.
pub fn measure_dir(dir: &Path) -> Result<Vec<FileSize>> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|e| format!("reading {}: {e}", p.display()))?;
            let rel = p
                .strip_prefix(dir)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/");
            Ok(FileSize {
                path: rel,
                raw: bytes.len() as u64,
                gzip: gzip_len(&bytes)?,
                brotli: brotli_len(&bytes)?,
            })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Length of `data` compressed by `program args…` reading stdin, writing stdout.
fn compressed_len(program: &str, args: &[&str], data: &[u8]) -> Result<u64> {
    let mut child = command(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("could not start `{program}` (cargo xtask setup installs it): {e}"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let data = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .map_err(|_| "writer thread panicked".to_string())?
        .map_err(|e| format!("writing to `{program}`: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`{program} {}` failed ({})",
            args.join(" "),
            out.status
        ));
    }
    Ok(out.stdout.len() as u64)
}

/// `gzip -9 -n` size of `data`.
pub fn gzip_len(data: &[u8]) -> Result<u64> {
    compressed_len("gzip", &["-9", "-n", "-c"], data)
}

/// `brotli -q 11` size of `data`.
pub fn brotli_len(data: &[u8]) -> Result<u64> {
    compressed_len("brotli", &["-q", "11", "-c"], data)
}

/// Bytes as KB (1000) with one decimal, e.g. `123.4 KB`; exact bytes below 1 KB.
pub fn human(bytes: u64) -> String {
    if bytes < 1000 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KB", bytes as f64 / 1000.0)
    }
}

/// The size table as Markdown (prints well in a terminal and pastes into the README).
pub fn table(files: &[FileSize]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "| file | raw | gzip -9 | brotli -q 11 |");
    let _ = writeln!(s, "| --- | ---: | ---: | ---: |");
    let row = |s: &mut String, name: &str, raw: u64, gz: u64, br: u64| {
        let _ = writeln!(
            s,
            "| {name} | {} | {} | {} |",
            human(raw),
            human(gz),
            human(br)
        );
    };
    for f in files {
        let name = if is_first_visit(&f.path) {
            format!("{} \\*", f.path)
        } else {
            f.path.clone()
        };
        row(&mut s, &name, f.raw, f.gzip, f.brotli);
    }
    let sum = |pick: fn(&FileSize) -> u64, which: fn(&str) -> bool| -> u64 {
        files.iter().filter(|f| which(&f.path)).map(pick).sum()
    };
    for (name, which) in [
        ("**total**", (|_| true) as fn(&str) -> bool),
        ("**first visit \\***", is_first_visit),
        ("**on opening a panel**", is_lazy),
    ] {
        row(
            &mut s,
            name,
            sum(|f| f.raw, which),
            sum(|f| f.gzip, which),
            sum(|f| f.brotli, which),
        );
    }
    let total = first_visit_brotli(files);
    let budget = budget_brotli_bytes();
    let _ = writeln!(
        s,
        "\n\\* first visit (index.html, JS, wasm, CSS): {} brotli, {:.0}% of the {} budget, \
         which Chromium measures on a cold load (`tests/e2e/specs/size.test.mjs`)",
        human(total),
        total as f64 * 100.0 / budget as f64,
        human(budget),
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, brotli: u64) -> FileSize {
        FileSize {
            path: path.into(),
            raw: brotli * 4,
            gzip: brotli * 2,
            brotli,
        }
    }

    #[test]
    fn first_visit_is_index_js_wasm_css() {
        assert!(is_first_visit("index.html"));
        assert!(is_first_visit("shilu-app-0a1b.js"));
        assert!(is_first_visit("shilu-app-0a1b_bg.wasm"));
        assert!(is_first_visit("main-9f.css"));
        assert!(!is_first_visit("favicon.ico"));
        assert!(!is_first_visit("screenshots/home.png"));
        assert!(!is_first_visit("other.html"));
        // The service worker is registered after load; the manifest and
        // icons are not code.
        assert!(!is_first_visit("sw.js"));
        assert!(!is_first_visit("manifest.webmanifest"));
        assert!(!is_first_visit("icons/icon-192.png"));
        assert!(!is_lazy("sw.js"));
        // The panels' module comes when a panel tab first opens.
        assert!(!is_first_visit("panels/shilu-panels_bg.wasm"));
        assert!(!is_first_visit("panels/panels.css"));
        assert!(is_lazy("panels/shilu-panels.js"));
        assert!(!is_lazy("panels/notes.txt"));
        // The site's search module: neither.
        assert!(!is_lazy("panels/shilu-search_bg-0a1b.wasm"));
        assert!(!is_first_visit("panels/shilu-search-0a1b.js"));
        assert!(!is_lazy("shilu-app-0a1b.js"));
    }

    #[test]
    fn first_visit_sums_only_first_visit_files() {
        let files = [
            f("index.html", 1_000),
            f("app.js", 9_000),
            f("app_bg.wasm", 100_000),
            f("big.png", 900_000),
        ];
        assert_eq!(first_visit_brotli(&files), 110_000);
    }

    #[test]
    fn the_budget_is_read_from_its_one_definition() {
        assert!(budget_brotli_bytes() > 0);
        let js = "// x\nexport const FIRST_VISIT_BUDGET_BYTES = 1_234;\n";
        assert_eq!(parse_budget(js), Ok(1234));
        assert!(parse_budget("const X = 1;")
            .unwrap_err()
            .contains("no `export const"));
        let bad = parse_budget("export const FIRST_VISIT_BUDGET_BYTES = 175 * 1000;");
        assert!(bad.unwrap_err().contains("is not a number of bytes"));
    }

    /// README.md and ARCHITECTURE.md give the budget [`BUDGET_FILE`] defines
    /// (the pattern of the tidy tests: one definition, its copies checked),
    /// in the words they give it in (lines wrapped anywhere).
    #[test]
    fn the_docs_say_the_budget_that_is_tested() {
        let budget = budget_brotli_bytes();
        let kb = budget / 1000;
        let spaced = format!("{kb} {:03}", budget % 1000);
        let mut problems = Vec::new();
        for (file, phrase) in [
            (
                "README.md",
                format!("**{kb} KB, counted as {spaced} bytes**"),
            ),
            ("README.md", format!("within a {kb} KB budget")),
            ("ARCHITECTURE.md", format!("stays within {kb} KB brotli")),
            ("xtask/src/sizes.rs", format!("made it {kb} KB")),
        ] {
            let text = std::fs::read_to_string(crate::util::root().join(file))
                .unwrap_or_else(|e| panic!("reading {file}: {e}"));
            // As it reads: the lines of a paragraph wrap anywhere.
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.contains(&phrase) {
                problems.push(format!(
                    "{file} does not say `{phrase}`, the budget {BUDGET_FILE} defines ({budget} bytes)"
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn table_lists_every_file_and_totals() {
        let files = [
            f("index.html", 1_000),
            f("app_bg.wasm", 50_000),
            f("robots.txt", 10),
            f("panels/p_bg.wasm", 7_000),
        ];
        let t = table(&files);
        assert!(
            t.contains("| index.html \\* | 4.0 KB | 2.0 KB | 1.0 KB |"),
            "{t}"
        );
        assert!(t.contains("| robots.txt | 40 B | 20 B | 10 B |"), "{t}");
        assert!(
            t.contains("| **total** | 232.0 KB | 116.0 KB | 58.0 KB |"),
            "{t}"
        );
        assert!(
            t.contains("| **first visit \\*** | 204.0 KB | 102.0 KB | 51.0 KB |"),
            "{t}"
        );
        assert!(
            t.contains("| **on opening a panel** | 28.0 KB | 14.0 KB | 7.0 KB |"),
            "{t}"
        );
        let budget = budget_brotli_bytes();
        let footnote = format!(
            "51.0 KB brotli, {:.0}% of the {} budget, which Chromium measures",
            51_000.0 * 100.0 / budget as f64,
            human(budget)
        );
        assert!(t.contains(&footnote), "{t}");
    }

    #[test]
    fn compressors_shrink_repetitive_text() {
        let text = "聚焦深度贫困 凝心聚力攻坚 ".repeat(200);
        let raw = text.len() as u64;
        let (gz, br) = (
            gzip_len(text.as_bytes()).unwrap(),
            brotli_len(text.as_bytes()).unwrap(),
        );
        assert!(gz > 0 && gz < raw / 10, "gzip {gz} of {raw}");
        assert!(br > 0 && br <= gz, "brotli {br} vs gzip {gz}");
    }
}
