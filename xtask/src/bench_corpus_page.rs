//! The search page's part of `cargo xtask bench corpus`: the corpus
//! site's `search/` page in headless Chromium over the query list
//! (tests/e2e/bench/search-page.mjs): per query, the time from navigation
//! to the first results painted and the index bytes fetched by then; and
//! the same query typed into the page already open, from the key press
//! to the first results painted (what the Pagefind side times: its
//! `search()` after `init()`).
//! `--page SITE` runs it alone on a site built already (`bench_corpus`).

use crate::util::{cargo, command, run, step, Result};
use serde_json::Value;
use std::path::Path;

/// The search page's figures over the query list.
pub struct PageFigures {
    each: Vec<QueryFigures>,
}

/// One query's figures in the search page.
struct QueryFigures {
    q: String,
    /// ms from navigation to the first results painted.
    ms: f64,
    /// ms from navigation to the first page of results complete.
    page_ms: f64,
    /// Bytes of the index fetched by then (its meta and key table too).
    bytes: f64,
    /// ms from the key press, in the page already open, to the first
    /// results painted, and to the first page complete.
    typed_ms: f64,
    typed_page_ms: f64,
    /// Bytes of the index that typed query fetched by then.
    typed_bytes: f64,
}

/// Time to first results within this, median (issue 22).
const FIRST_MS: f64 = 300.0;
/// Bytes beyond the page's own code, per cold query.
const FIRST_KB: f64 = 100.0;

impl PageFigures {
    pub fn print(&self) {
        println!("\nthe search page (headless Chromium, loopback, a fresh context per query). Opened at search/?q=…: navigation to the first results painted, to the first page of them complete, and the index bytes fetched by then (beyond the page's own code). Typed: the query typed into the page already open, from the key press, and the query's index bytes:");
        for e in &self.each {
            println!(
                "{:<16} {:>6.0} ms {:>6.0} ms {:>7.1} KB   typed {:>6.0} ms {:>6.0} ms {:>7.1} KB",
                e.q,
                e.ms,
                e.page_ms,
                e.bytes / 1e3,
                e.typed_ms,
                e.typed_page_ms,
                e.typed_bytes / 1e3
            );
        }
        let of = |f: fn(&QueryFigures) -> f64| median(self.each.iter().map(f).collect());
        let q = |f: fn(&QueryFigures) -> f64, p: f64| quantile(self.each.iter().map(f).collect(), p);
        let kb = of(|e| e.bytes / 1e3);
        let max_kb = self.each.iter().map(|e| e.bytes / 1e3).fold(0.0, f64::max);
        let over = self.each.iter().filter(|e| e.bytes / 1e3 > FIRST_KB).count();
        println!(
            "search page, opened at its URL: first results median {:.0} ms (p25-p75 {:.0}-{:.0}), first page {:.0} ms; index bytes by the first page median {kb:.1} KB, max {max_kb:.1} KB, {over} of {} over {FIRST_KB:.0} KB",
            of(|e| e.ms),
            q(|e| e.ms, 0.25),
            q(|e| e.ms, 0.75),
            of(|e| e.page_ms),
            self.each.len()
        );
        println!(
            "search page, a query typed: first results median {:.0} ms (p25-p75 {:.0}-{:.0}; budget {FIRST_MS:.0}), first page {:.0} ms; the query's index bytes median {:.1} KB",
            of(|e| e.typed_ms),
            q(|e| e.typed_ms, 0.25),
            q(|e| e.typed_ms, 0.75),
            of(|e| e.typed_page_ms),
            of(|e| e.typed_bytes / 1e3),
        );
    }
}

/// The corpus site over `dir` (the release `shilu-site` over the release
/// dist, into `work/search-site`, removed afterwards), and its search
/// page run over the queries in `list` (tests/e2e/bench/search-page.mjs).
pub fn search_page(root: &Path, dir: &Path, work: &Path, list: &Path) -> Result<PageFigures> {
    let dist = root.join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/index.html not found: run `cargo xtask dist` first".into());
    }
    step("the corpus site (release shilu-site), for its search page");
    run(cargo()
        .current_dir(root)
        .args(["build", "--release", "-p", "shilu-site"]))?;
    let site = work.join("search-site");
    run(command(root.join("target/release/shilu-site"))
        .arg(dir)
        .arg("--assets")
        .arg(&dist)
        .arg("--out")
        .arg(&site))?;
    let ran = run_page(root, &site, work, list);
    // The site is ~900 MB: not kept.
    let _ = std::fs::remove_dir_all(&site);
    ran
}

/// The search page of `site` over the queries in `list`
/// (tests/e2e/bench/search-page.mjs).
pub fn run_page(root: &Path, site: &Path, work: &Path, list: &Path) -> Result<PageFigures> {
    step("the queries through the search page in headless Chromium");
    let answers = work.join("search-page.json");
    run(command("node")
        .current_dir(root.join("tests/e2e"))
        .arg("bench/search-page.mjs")
        .arg(site)
        .arg(list)
        .arg(&answers))?;
    let v: Value = serde_json::from_slice(&std::fs::read(&answers).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    Ok(PageFigures {
        each: v
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| QueryFigures {
                q: a["q"].as_str().unwrap_or("").to_string(),
                ms: a["ms"].as_f64().unwrap_or(0.0),
                page_ms: a["page_ms"].as_f64().unwrap_or(0.0),
                bytes: a["index_bytes"].as_f64().unwrap_or(0.0),
                typed_ms: a["typed_ms"].as_f64().unwrap_or(0.0),
                typed_page_ms: a["typed_page_ms"].as_f64().unwrap_or(0.0),
                typed_bytes: a["typed_bytes"].as_f64().unwrap_or(0.0),
            })
            .collect(),
    })
}

/// The `p` quantile of `xs` (0 ≤ p ≤ 1; the nearest rank below; 0 for none).
fn quantile(mut xs: Vec<f64>, p: f64) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[((xs.len() - 1) as f64 * p).floor() as usize]
}

/// The median of `xs` (0 for none).
pub fn median(mut xs: Vec<f64>) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.sort_by(|a, b| a.total_cmp(b));
    let m = xs.len() / 2;
    if xs.len() % 2 == 1 {
        xs[m]
    } else {
        (xs[m - 1] + xs[m]) / 2.0
    }
}
