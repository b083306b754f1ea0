//! `cargo xtask bench corpus [DIR]`: corpus search, shilu against
//! Pagefind (issue 22's anchor), over the same transcripts in one run.
//!
//! 1. `shilu index DIR` (release): build time, peak memory, files.
//! 2. Each transcript rendered as a plain page (its title and passages,
//!    read from shilu's index), and Pagefind's extended build (Chinese
//!    segmentation; npm `pagefind`, pinned in tests/e2e/package.json, a
//!    benchmark-only dependency) over them: the same figures.
//! 3. One query list through both: the hand half in
//!    `bench_corpus_queries.txt`, the other half substrings drawn from
//!    DIR's files with a fixed seed. The truth for each query is the set
//!    of transcripts that contain it after folding, from `shilu search
//!    --verify` (which checks the index against a plain scan, `scan.rs`,
//!    of every passage, and fails otherwise).
//! 4. shilu: `shilu search --json --cost` (what a browser's cold query
//!    fetches for its first 20 results). Pagefind: its own JS in headless
//!    Chromium (tests/e2e/bench/corpus.mjs), a fresh context per query,
//!    served from loopback: the bytes of the index files it fetches to
//!    show its first 20 results, and the time to them.
//!
//! Prints, for each engine: recall and precision against the truth (per
//! query, then the mean), exact answers, bytes per cold query (median and
//! max, rare and common), time to results, build time, peak memory, files.

use crate::bench_site::{self, read_report};
use crate::util::{self, cargo, command, run, step, Result};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

const HAND: &str = include_str!("bench_corpus_queries.txt");

/// Queries drawn from the corpus, and their seed.
const DRAWN: usize = 41;
const SEED: u64 = 22;

/// A query with fewer matching transcripts than this is rare.
const RARE: usize = 20;

/// The hand half of the query list.
pub fn hand_queries() -> Vec<String> {
    HAND.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// `n` substrings of runs of Chinese characters in `texts`, 2 to 6
/// characters long, drawn with `seed` (xorshift64*): the same texts give
/// the same queries.
pub fn draw(texts: &[String], n: usize, seed: u64) -> Vec<String> {
    let mut state = seed.max(1);
    let mut next = |m: usize| -> usize {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % m.max(1)
    };
    let mut out: Vec<String> = Vec::new();
    let mut tries = 0;
    while out.len() < n && tries < n * 1000 && !texts.is_empty() {
        tries += 1;
        let chars: Vec<char> = texts[next(texts.len())].chars().collect();
        if chars.is_empty() {
            continue;
        }
        let at = next(chars.len());
        let len = [2, 3, 3, 4, 4, 5, 6][next(7)];
        let s: String = chars[at..].iter().take(len).collect();
        if s.chars().count() == len && s.chars().all(is_cjk) && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn transcripts(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

/// The figures of one build: seconds, peak MB, files, MB.
struct Build {
    secs: f64,
    peak_mb: f64,
    files: u64,
    mb: f64,
}

fn tree(dir: &Path) -> (u64, u64) {
    let (mut files, mut bytes) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files += 1;
                bytes += e.metadata().map_or(0, |m| m.len());
            }
        }
    }
    (files, bytes)
}

/// Runs `c` under `/usr/bin/time`: its wall seconds and peak MB.
fn timed(c: &mut std::process::Command) -> Result<(f64, f64, String)> {
    let started = Instant::now();
    let out = c.output().map_err(|e| format!("running {c:?}: {e}"))?;
    let secs = started.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        return Err(format!("{c:?} failed: {}", err.trim()));
    }
    // `/usr/bin/time -f %M` prints the peak resident KB last.
    let peak_kb: f64 = err
        .lines()
        .rev()
        .find_map(|l| l.trim().parse().ok())
        .unwrap_or(0.0);
    Ok((
        secs,
        peak_kb / 1024.0,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

fn le64(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[i * 8..i * 8 + 8].try_into().unwrap_or_default())
}

/// A packed part of shilu's index, whole (bench only: a reader reads
/// ranges).
fn part(index: &Path, name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0.. {
        match std::fs::read(index.join(format!("{name}/{i:03}.bin"))) {
            Ok(b) => out.extend(b),
            Err(_) => break,
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Each transcript as a plain page under `out/`, at its shilu URL: its
/// title and its passages, read from shilu's index (cidx, card, pidx,
/// text: folder.rs).
fn render(site: &Path, out: &Path) -> Result<usize> {
    let index = site.join("index");
    let (cidx, card, pidx, text) = (
        part(&index, "cidx"),
        part(&index, "card"),
        part(&index, "pidx"),
        part(&index, "text"),
    );
    let docs = (cidx.len() / 24).saturating_sub(1);
    let _ = std::fs::remove_dir_all(out);
    for d in 0..docs {
        let e = |k: usize| le64(&cidx, d * 3 + k) as usize;
        let c: Value = serde_json::from_slice(&card[e(0)..e(3)]).map_err(|e| e.to_string())?;
        let (p0, p1) = (e(2), le64(&cidx, d * 3 + 5) as usize);
        let title = c["title"].as_str().unwrap_or("");
        let mut html = format!(
            "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><main><h1>{}</h1>\n",
            escape(title),
            escape(title)
        );
        for g in p0..p1 {
            let (a, b) = (le64(&pidx, g) as usize, le64(&pidx, g + 1) as usize);
            let p: Value = serde_json::from_slice(&text[a..b]).map_err(|e| e.to_string())?;
            html.push_str(&format!(
                "<p>{}</p>\n",
                escape(p["text"].as_str().unwrap_or(""))
            ));
        }
        html.push_str("</main></body></html>\n");
        let url = c["url"].as_str().unwrap_or("t/x/");
        let dir = out.join(url);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("index.html"), html).map_err(|e| e.to_string())?;
    }
    Ok(docs)
}

/// One query's answer from one engine.
#[derive(Default, Clone)]
struct Answer {
    urls: BTreeSet<String>,
    bytes: f64,
    ms: f64,
}

fn median(mut xs: Vec<f64>) -> f64 {
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

/// Recall and precision of `got` against `truth` (1 where there is
/// nothing to find, or nothing was returned).
fn scores(truth: &BTreeSet<String>, got: &BTreeSet<String>) -> (f64, f64) {
    let hit = truth.intersection(got).count() as f64;
    let recall = if truth.is_empty() {
        1.0
    } else {
        hit / truth.len() as f64
    };
    let precision = if got.is_empty() {
        1.0
    } else {
        hit / got.len() as f64
    };
    (recall, precision)
}

pub fn bench(dir: Option<PathBuf>) -> Result {
    let dir = match dir {
        Some(d) => d,
        None => bench_site::archive()?,
    };
    let root = util::root();
    let e2e = root.join("tests/e2e");
    let pagefind = e2e.join("node_modules/@pagefind/linux-x64/bin/pagefind_extended");
    if !pagefind.is_file() {
        return Err(format!(
            "{} not found: run `cargo xtask setup` (npm packages of tests/e2e)",
            pagefind.display()
        ));
    }
    step("building shilu (release)");
    run(cargo().current_dir(&root).args([
        "build",
        "--release",
        "-p",
        "shilu-core",
        "--bin",
        "shilu",
    ]))?;
    let shilu = root.join("target/release/shilu");
    let work = root.join("target/bench-corpus");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let site = work.join("site");

    step("shilu index");
    let out = command(&shilu)
        .arg("index")
        .arg(&dir)
        .arg("--out")
        .arg(&site)
        .output()
        .map_err(|e| format!("running shilu index: {e}"))?;
    let report = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "shilu index failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let f = read_report(&report).ok_or_else(|| format!("cannot read the report: {report}"))?;
    let (ifiles, ibytes) = tree(&site.join("index"));
    let shilu_build = Build {
        secs: f.secs,
        peak_mb: f.peak_mb,
        files: ifiles,
        mb: ibytes as f64 / 1e6,
    };

    step("rendering each transcript as a plain page");
    let pages = work.join("pages");
    let n = render(&site, &pages)?;
    step(&format!("pagefind (extended) over {n} pages"));
    let (secs, peak_mb, _) = timed(
        command("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(&pagefind)
            .arg("--site")
            .arg(&pages),
    )?;
    let (pfiles, pbytes) = tree(&pages.join("pagefind"));
    let pagefind_build = Build {
        secs,
        peak_mb,
        files: pfiles,
        mb: pbytes as f64 / 1e6,
    };

    let mut queries = hand_queries();
    let drawn = draw(&transcripts(&dir), DRAWN, SEED);
    queries.extend(drawn.iter().cloned());
    std::fs::write(work.join("queries.txt"), queries.join("\n") + "\n")
        .map_err(|e| e.to_string())?;

    step(&format!(
        "{} queries through shilu (each checked against a scan)",
        queries.len()
    ));
    let mut truth: Vec<BTreeSet<String>> = Vec::new();
    let mut shilu_answers: Vec<Answer> = Vec::new();
    for q in &queries {
        let verified = command(&shilu)
            .arg("search")
            .arg(&site)
            .arg(q)
            .args(["--json", "--verify", "--limit", "20"])
            .output()
            .map_err(|e| e.to_string())?;
        if !verified.status.success() {
            return Err(format!(
                "shilu search {q:?} --verify: {}",
                String::from_utf8_lossy(&verified.stderr).trim()
            ));
        }
        let v: Value = serde_json::from_slice(&verified.stdout).map_err(|e| e.to_string())?;
        let urls = |v: &Value| -> BTreeSet<String> {
            v["by_transcript"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t["url"].as_str().map(String::from))
                .collect()
        };
        truth.push(urls(&v));
        let started = Instant::now();
        let out = command(&shilu)
            .arg("search")
            .arg(&site)
            .arg(q)
            .args(["--json", "--cost", "--limit", "20"])
            .output()
            .map_err(|e| e.to_string())?;
        let ms = started.elapsed().as_secs_f64() * 1e3;
        let c: Value = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
        shilu_answers.push(Answer {
            urls: urls(&c),
            bytes: c["cost"]["bytes"].as_f64().unwrap_or(0.0),
            ms,
        });
    }

    step("the same queries through Pagefind in headless Chromium");
    let list = work.join("queries.json");
    std::fs::write(
        &list,
        serde_json::to_string(&queries).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let answers = work.join("pagefind-answers.json");
    run(command("node")
        .current_dir(&e2e)
        .arg("bench/corpus.mjs")
        .arg(&pages)
        .arg(&list)
        .arg(&answers))?;
    let pf: Value = serde_json::from_slice(&std::fs::read(&answers).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let pf_answers: Vec<Answer> = pf
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| Answer {
            urls: a["urls"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|u| u.as_str().map(|u| u.trim_start_matches('/').to_string()))
                .collect(),
            bytes: a["index_bytes"].as_f64().unwrap_or(0.0),
            ms: a["ms"].as_f64().unwrap_or(0.0),
        })
        .collect();
    if pf_answers.len() != queries.len() {
        return Err("Pagefind answered a different number of queries".into());
    }

    let page = search_page(&root, &dir, &work, &list)?;

    println!("\nper query (transcripts: truth / shilu / Pagefind; KB a cold query fetches):");
    for (i, q) in queries.iter().enumerate() {
        println!(
            "{:<16} {:>5} {:>5} {:>5}   shilu {:>6.1} KB   Pagefind {:>6.1} KB",
            q,
            truth[i].len(),
            shilu_answers[i].urls.len(),
            pf_answers[i].urls.len(),
            shilu_answers[i].bytes / 1e3,
            pf_answers[i].bytes / 1e3
        );
    }
    println!(
        "\n{} queries ({} by hand, {} drawn with seed {SEED}); rare: fewer than {RARE} transcripts",
        queries.len(),
        queries.len() - drawn.len(),
        drawn.len()
    );
    println!("engine     recall  precision  exact   cold KB median (rare / common)   max     time to results median   build s   peak MB   files      MB");
    for (name, answers, b, time_note) in [
        ("shilu", &shilu_answers, &shilu_build, "CLI, whole search"),
        (
            "Pagefind",
            &pf_answers,
            &pagefind_build,
            "Chromium, 20 shown",
        ),
    ] {
        let s: Vec<(f64, f64)> = truth
            .iter()
            .zip(answers)
            .map(|(t, a)| scores(t, &a.urls))
            .collect();
        let k = s.len().max(1) as f64;
        let exact = truth
            .iter()
            .zip(answers)
            .filter(|(t, a)| **t == a.urls)
            .count();
        let kb = |rare: Option<bool>| {
            median(
                truth
                    .iter()
                    .zip(answers)
                    .filter(|(t, _)| rare.is_none_or(|r| (t.len() < RARE) == r))
                    .map(|(_, a)| a.bytes / 1e3)
                    .collect(),
            )
        };
        let max = answers.iter().map(|a| a.bytes / 1e3).fold(0.0, f64::max);
        println!(
            "{name:<9} {:>7.3} {:>10.3} {:>4}/{:<3} {:>7.1} ({:.1} / {:.1}) {:>13.1} {:>10.0} ms ({time_note}) {:>7.1} {:>9.0} {:>7} {:>7.1}",
            s.iter().map(|x| x.0).sum::<f64>() / k,
            s.iter().map(|x| x.1).sum::<f64>() / k,
            exact,
            queries.len(),
            kb(None),
            kb(Some(true)),
            kb(Some(false)),
            max,
            median(answers.iter().map(|a| a.ms).collect()),
            b.secs,
            b.peak_mb,
            b.files,
            b.mb
        );
    }
    page.print();
    Ok(())
}

/// The search page's figures over the query list.
struct PageFigures {
    /// Per query: ms from navigation to the first results painted, and
    /// bytes of the index fetched by then.
    each: Vec<(String, f64, f64)>,
}

/// Time to first results within this, median (issue 22).
const FIRST_MS: f64 = 300.0;
/// Bytes beyond the page's own code, per cold query.
const FIRST_KB: f64 = 100.0;

impl PageFigures {
    fn print(&self) {
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
fn search_page(root: &Path, dir: &Path, work: &Path, list: &Path) -> Result<PageFigures> {
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
    step("the same queries through the search page in headless Chromium");
    let answers = work.join("search-page.json");
    let ran = run(command("node")
        .current_dir(root.join("tests/e2e"))
        .arg("bench/search-page.mjs")
        .arg(&site)
        .arg(list)
        .arg(&answers));
    // The site is ~900 MB: not kept.
    let _ = std::fs::remove_dir_all(&site);
    ran?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_list_is_the_hand_half_and_a_seeded_draw() {
        let hand = hand_queries();
        assert!(hand.len() >= 30 && hand.iter().all(|q| !q.starts_with('#')));
        let texts =
            vec!["開放政府是一段很長的文字，abc 數位發展。".to_string(); 3];
        let a = draw(&texts, 5, SEED);
        assert_eq!(a, draw(&texts, 5, SEED));
        assert!(!a.is_empty());
        assert!(a
            .iter()
            .all(|q| (2..=6).contains(&q.chars().count()) && q.chars().all(is_cjk)));
    }

    #[test]
    fn scores_count_what_was_found_and_what_was_right() {
        let set = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            scores(&set(&["a", "b"]), &set(&["a", "c", "d", "e"])),
            (0.5, 0.25)
        );
        assert_eq!(scores(&set(&[]), &set(&[])), (1.0, 1.0));
        assert_eq!(median(vec![3.0, 1.0, 2.0, 10.0]), 2.5);
    }
}
