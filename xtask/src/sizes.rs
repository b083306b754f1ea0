//! Size table of `dist/` and the first-visit budget.
//!
//! Sizes are deterministic for a given toolchain (rustc, the wasm-bindgen and
//! wasm-opt of `pins.rs`, gzip, brotli), so the budget is a test, not a benchmark.
//!
//! * **raw**: bytes on disk.
//! * **gzip**: `gzip -9 -n` (what most static hosts serve without brotli).
//! * **brotli**: `brotli -q 11` (the measure; what a host that pre-compresses serves).
//!
//! **First visit** = `index.html` plus every `.js`, `.wasm` and `.css` file in
//! `dist/` outside [`LAZY_DIR`], but the service worker ([`AFTER_LOAD`]):
//! everything a browser fetches before the app is usable. (The calendar and
//! insights panels are a module of their own in `panels/`, fetched when a
//! panel tab first opens; an e2e test checks that a first visit fetches
//! nothing from there. The service worker is registered after the page's
//! `load` event, and it then precaches the rest in the background;
//! `tests/e2e/specs/offline.test.mjs` checks that what Chromium fetches
//! before `load` is exactly the first-visit files. The manifest, icons and
//! robots.txt are not code, so not counted.) Its brotli total must be at
//! most [`BUDGET_BROTLI_BYTES`]: the `dist` test tier fails otherwise.

use crate::util::{command, Result};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// 160 KB, counted strictly as 160 × 1000 bytes. It was 150 KB for a parser
/// that read the seed's layout only; the parser that reads real transcripts
/// of every layout (issue 10) costs about 7 KB of the first visit (158 KB),
/// and the crates with the typed HTML layer and its one region (issue 14)
/// about 2.5 KB more after 0.6 KB won back; this is what it was raised to,
/// no more. Issue 11 replaces it with a budget for everything a browser
/// fetches, pre-rendered HTML included.
pub const BUDGET_BROTLI_BYTES: u64 = 160 * 1000;

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

/// Is this dist file fetched when a panel tab first opens?
pub fn is_lazy(path: &str) -> bool {
    is_code(path) && path.starts_with(LAZY_DIR)
}

/// Sum of the brotli sizes of the first-visit files.
pub fn first_visit_brotli(files: &[FileSize]) -> u64 {
    files
        .iter()
        .filter(|f| is_first_visit(&f.path))
        .map(|f| f.brotli)
        .sum()
}

/// `Ok(total)` when the first visit fits the budget, else a message saying by how much it does not.
pub fn check_budget(files: &[FileSize]) -> std::result::Result<u64, String> {
    let total = first_visit_brotli(files);
    if total <= BUDGET_BROTLI_BYTES {
        Ok(total)
    } else {
        Err(format!(
            "first visit is {} brotli (q11), over the {} budget by {}",
            human(total),
            human(BUDGET_BROTLI_BYTES),
            human(total - BUDGET_BROTLI_BYTES)
        ))
    }
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
    let _ = writeln!(
        s,
        "\n\\* first visit (index.html, JS, wasm, CSS): {} brotli of a {} budget ({:.0}%)",
        human(total),
        human(BUDGET_BROTLI_BYTES),
        total as f64 * 100.0 / BUDGET_BROTLI_BYTES as f64
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
        assert!(!is_lazy("shilu-app-0a1b.js"));
    }

    #[test]
    fn budget_counts_only_first_visit_files() {
        let files = [
            f("index.html", 1_000),
            f("app.js", 9_000),
            f("app_bg.wasm", 100_000),
            f("big.png", 900_000),
        ];
        assert_eq!(first_visit_brotli(&files), 110_000);
        assert_eq!(check_budget(&files), Ok(110_000));
    }

    #[test]
    fn budget_is_inclusive_and_fails_one_byte_over() {
        let at = [f("index.html", BUDGET_BROTLI_BYTES)];
        assert_eq!(check_budget(&at), Ok(BUDGET_BROTLI_BYTES));
        let over = [f("index.html", BUDGET_BROTLI_BYTES), f("a.css", 1)];
        let err = check_budget(&over).unwrap_err();
        assert!(err.contains("over the 160.0 KB budget by 1 B"), "{err}");
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
        assert!(
            t.contains("51.0 KB brotli of a 160.0 KB budget (32%)"),
            "{t}"
        );
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
