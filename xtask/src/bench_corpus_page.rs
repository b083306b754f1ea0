//! The search page's part of `cargo xtask bench corpus`: the corpus
//! site's `search/` page in headless Chromium over the query list
//! (tests/e2e/bench/search-page.mjs): per query, the time from navigation
//! to the first results painted and the index bytes fetched by then.
//! `--page SITE` runs it alone on a site built already (`bench_corpus`).

use crate::util::{cargo, command, run, step, Result};
use serde_json::Value;
use std::path::Path;

/// The search page's figures over the query list.
pub struct PageFigures {
    /// Per query: ms from navigation to the first results painted, and
    /// bytes of the index fetched by then.
    each: Vec<(String, f64, f64)>,
}

/// Time to first results within this, median (issue 22).
const FIRST_MS: f64 = 300.0;
/// Bytes beyond the page's own code, per cold query.
const FIRST_KB: f64 = 100.0;

impl PageFigures {
    pub fn print(&self) {
        println!("\nthe search page (headless Chromium, loopback, a fresh context per query; navigation to the first results painted; index bytes fetched by then, beyond the page's own code):");
        for (q, ms, b) in &self.each {
            println!("{q:<16} {ms:>6.0} ms {:>7.1} KB", b / 1e3);
        }
        let ms = median(self.each.iter().map(|e| e.1).collect());
        let kb = median(self.each.iter().map(|e| e.2 / 1e3).collect());
        let max_kb = self.each.iter().map(|e| e.2 / 1e3).fold(0.0, f64::max);
        let over = self.each.iter().filter(|e| e.2 / 1e3 > FIRST_KB).count();
        println!(
            "search page: first results median {ms:.0} ms (budget {FIRST_MS:.0}), index bytes median {kb:.1} KB, max {max_kb:.1} KB, {over} of {} over {FIRST_KB:.0} KB",
            self.each.len()
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
            .map(|a| {
                (
                    a["q"].as_str().unwrap_or("").to_string(),
                    a["ms"].as_f64().unwrap_or(0.0),
                    a["index_bytes"].as_f64().unwrap_or(0.0),
                )
            })
            .collect(),
    })
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
