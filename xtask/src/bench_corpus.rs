//! `cargo xtask bench corpus [DIR]`: corpus search, shilu against
//! Pagefind (issue 22's anchor), over the same transcripts in one run.
//!
//! 1. `shilu index DIR` (release): build time, peak memory, files.
//! 2. Each transcript rendered as a plain page (its title and passages,
//!    read from shilu's index), and Pagefind's extended build (Chinese
//!    segmentation; npm `pagefind`, pinned in tests/e2e/package.json, a
//!    benchmark-only dependency) over them: the same figures.
//! 3. One query list through both: the hand half in
//!    `bench_corpus_queries.txt`, then substrings drawn from DIR's files
//!    with a fixed seed, then the adversarial tail in
//!    `bench_corpus_adversarial.txt` (the shapes that read the most). The truth for each query is the set
//!    of transcripts that contain it after folding, from `shilu search
//!    --verify` (which checks the index against a plain scan, `scan.rs`,
//!    of every passage, and fails otherwise).
//! 4. shilu: `shilu search --json --cost` (what a browser's cold query
//!    fetches for its first 20 results). Pagefind: its own JS in headless
//!    Chromium (tests/e2e/bench/corpus.mjs), a fresh context per query,
//!    served from loopback: the bytes of the index files it fetches to
//!    show its first 20 results, and the time to them.
//!
//! 5. The search page of the corpus site over DIR (the release
//!    `shilu-site` over the release dist) in headless Chromium
//!    (tests/e2e/bench/search-page.mjs): per query, the time from
//!    navigation to the first results painted, and the index bytes
//!    fetched by then.
//!
//! Prints, for each engine: recall and precision against the truth (per
//! query, then the mean), exact answers, bytes per cold query (median and
//! max, rare and common), time to results, build time, peak memory, files;
//! then the search page's figures.
//!
//! `--page SITE` runs step 5 alone, on a site built already (`cargo xtask
//! site DIR --out SITE`, kept); `--queries N` keeps the first N queries of
//! the list (the hand half first; `--queries 80`: the hand and drawn
//! halves, without the adversarial tail).

use crate::bench_corpus_page::{self, median};
use crate::bench_site::{self, read_report};
use crate::util::{self, cargo, command, run, step, Result};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

const HAND: &str = include_str!("bench_corpus_queries.txt");
/// The adversarial tail, after the drawn half.
const ADVERSARIAL: &str = include_str!("bench_corpus_adversarial.txt");

/// Queries drawn from the corpus, and their seed.
const DRAWN: usize = 41;
const SEED: u64 = 22;

/// A query with fewer matching transcripts than this is rare.
const RARE: usize = 20;

/// The queries of a list file: one a line, `#` a comment line.
fn listed(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// The hand half of the query list.
pub fn hand_queries() -> Vec<String> {
    listed(HAND)
}

/// The adversarial tail of the query list.
pub fn adversarial_queries() -> Vec<String> {
    listed(ADVERSARIAL)
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

/// `shilu search SITE Q --json --limit 20 FLAG` (`--verify`: checked
/// against a scan; `--cost`: with a cold query's fetches): its answer
/// and the ms it took.
fn shilu_search(shilu: &Path, site: &Path, q: &str, flag: &str) -> Result<(Value, f64)> {
    let started = Instant::now();
    let out = command(shilu)
        .arg("search")
        .arg(site)
        .arg(q)
        .args(["--json", flag, "--limit", "20"])
        .output()
        .map_err(|e| e.to_string())?;
    let ms = started.elapsed().as_secs_f64() * 1e3;
    if !out.status.success() {
        return Err(format!(
            "shilu search {q:?} {flag}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let v = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
    Ok((v, ms))
}

/// One query's answer from one engine.
#[derive(Default, Clone)]
struct Answer {
    urls: BTreeSet<String>,
    bytes: f64,
    ms: f64,
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

/// The query list: the hand half, then the drawn half from `dir`'s
/// transcripts, then the adversarial tail; with `first`, only its first
/// that many. Also how many were drawn.
pub fn query_list(dir: &Path, first: Option<usize>) -> (Vec<String>, usize) {
    let mut queries = hand_queries();
    let drawn = draw(&transcripts(dir), DRAWN, SEED);
    queries.extend(drawn.iter().cloned());
    queries.extend(adversarial_queries());
    let n = first.unwrap_or(queries.len()).min(queries.len());
    queries.truncate(n);
    let drawn = n.saturating_sub(hand_queries().len()).min(drawn.len());
    (queries, drawn)
}

/// `--page SITE`: the search page alone, on a corpus site of `dir` built
/// already (kept), over the query list.
fn page_only(dir: &Path, site: &Path, first: Option<usize>) -> Result {
    // The page's bench runs in tests/e2e: the site's path, whole.
    let site = &std::path::absolute(site).map_err(|e| format!("{}: {e}", site.display()))?;
    if !site.join("search/index.html").is_file() {
        return Err(format!(
            "{}: no search/index.html: build the site first (`cargo xtask site DIR --out SITE`)",
            site.display()
        ));
    }
    let root = util::root();
    let work = root.join("target/bench-corpus");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let (queries, _) = query_list(dir, first);
    let list = work.join("queries.json");
    std::fs::write(
        &list,
        serde_json::to_string(&queries).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    bench_corpus_page::run_page(&root, site, &work, &list)?.print();
    Ok(())
}

pub fn bench(dir: Option<PathBuf>, page: Option<PathBuf>, first: Option<usize>) -> Result {
    let dir = match dir {
        Some(d) => d,
        None => bench_site::archive()?,
    };
    if let Some(site) = page {
        return page_only(&dir, &site, first);
    }
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

    let (queries, drawn) = query_list(&dir, first);
    std::fs::write(work.join("queries.txt"), queries.join("\n") + "\n")
        .map_err(|e| e.to_string())?;

    step(&format!(
        "{} queries through shilu (each checked against a scan)",
        queries.len()
    ));
    let mut truth: Vec<BTreeSet<String>> = Vec::new();
    let mut shilu_answers: Vec<Answer> = Vec::new();
    for q in &queries {
        let urls = |v: &Value| -> BTreeSet<String> {
            v["by_transcript"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t["url"].as_str().map(String::from))
                .collect()
        };
        truth.push(urls(&shilu_search(&shilu, &site, q, "--verify")?.0));
        let (c, ms) = shilu_search(&shilu, &site, q, "--cost")?;
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

    let page = bench_corpus_page::search_page(&root, &dir, &work, &list)?;

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
        "\n{} queries ({} by hand, {} drawn with seed {SEED}, {} adversarial by hand); rare: fewer than {RARE} transcripts",
        queries.len(),
        queries.len().min(hand_queries().len()),
        drawn,
        queries.len() - queries.len().min(hand_queries().len()) - drawn
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

    #[test]
    fn the_query_list_can_be_cut_to_its_first_queries() {
        let dir = std::env::temp_dir().join(format!("shilu-bench-list-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.md"),
            "開放政府是一段很長的文字，數位發展的政策。",
        )
        .unwrap();
        let (all, drawn) = query_list(&dir, None);
        let tail = adversarial_queries();
        assert!(tail.len() >= 20 && tail.contains(&"是 -的".to_string()));
        assert!(drawn > 0 && all.len() == hand_queries().len() + drawn + tail.len());
        assert_eq!(all[all.len() - tail.len()..], tail[..]);
        let (few, drawn) = query_list(&dir, Some(3));
        assert_eq!((few.as_slice(), drawn), (&all[..3], 0));
        let (more, drawn) = query_list(&dir, Some(hand_queries().len() + 1));
        assert_eq!((more.len(), drawn), (hand_queries().len() + 1, 1));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
