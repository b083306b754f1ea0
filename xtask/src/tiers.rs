//! `cargo xtask test`: every test tier, fail-fast, with a closing
//! `N passed, N failed` line (the sum of the tests of all tiers that ran).
//!
//! | tier | what runs |
//! | --- | --- |
//! | core | `cargo test -p shilu-core -p shilu-site -p xtask -p shilu-test-corpus` (native) |
//! | wasm | `cargo test -p shilu-app -p shilu-ui -p shilu-panels --target wasm32-unknown-unknown`: wasm-bindgen-test in headless Chromium via chromedriver |
//! | dist | `cargo xtask dist`, then README.md's size table and a relocatability check |
//! | e2e  | `node --test` + playwright-core in Chromium against dist/, served at `/` and `/shilu/`; the first-visit size budget among them (`specs/size.test.mjs`) |

use crate::setup::{self, Scope};
use crate::util::{self, cargo, command, step, Result};
use std::fmt;
use std::process::ExitCode;
use std::str::FromStr;
use std::time::Instant;

/// A test tier, in the order `cargo xtask test` runs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Core,
    Wasm,
    Dist,
    E2e,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Core, Tier::Wasm, Tier::Dist, Tier::E2e];

    pub fn name(self) -> &'static str {
        match self {
            Tier::Core => "core",
            Tier::Wasm => "wasm",
            Tier::Dist => "dist",
            Tier::E2e => "e2e",
        }
    }

    /// Does it need Chromium (and the rest of `setup`'s browser scope)?
    fn needs_browser(self) -> bool {
        matches!(self, Tier::Wasm | Tier::E2e)
    }

    fn run(self, count: &mut Count) -> Result {
        match self {
            Tier::Core => core(count),
            Tier::Wasm => wasm(count),
            Tier::Dist => dist(count),
            Tier::E2e => e2e(count),
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Tier {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Tier, String> {
        Tier::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Tier::ALL.iter().map(|t| t.name()).collect();
                format!("unknown test tier `{s}` (tiers: {})", names.join(", "))
            })
    }
}

/// What `cargo xtask test` was asked to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TestArgs {
    /// The tiers named (none: all of them).
    pub tiers: Vec<Tier>,
    /// `--keep-going`: run the later tiers after a failure.
    pub keep_going: bool,
}

#[derive(Default)]
struct Count {
    passed: u64,
    failed: u64,
}

impl Count {
    /// Read a closing line of cargo test / wasm-bindgen-test-runner
    /// (`test result: ok. 3 passed; 0 failed; …`) or of node's test runner
    /// (`ℹ pass 3` / `ℹ fail 0`, or `# pass 3` in TAP).
    fn read(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.split("test result:").nth(1) {
            self.passed += number_before(rest, "passed");
            self.failed += number_before(rest, "failed");
        } else if let Some(rest) = line.strip_prefix("ℹ ").or_else(|| line.strip_prefix("# ")) {
            let mut words = rest.split_whitespace();
            match (
                words.next(),
                words.next().and_then(|n| n.parse::<u64>().ok()),
                words.next(),
            ) {
                (Some("pass"), Some(n), None) => self.passed += n,
                (Some("fail"), Some(n), None) => self.failed += n,
                _ => {}
            }
        }
    }
}

/// In `"ok. 3 passed; 0 failed; …"`, the number before `word`.
fn number_before(text: &str, word: &str) -> u64 {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .find(|w| w[1] == word)
        .and_then(|w| w[0].parse().ok())
        .unwrap_or(0)
}

struct Outcome {
    tier: Tier,
    count: Count,
    ok: bool,
    secs: f64,
    note: String,
}

pub fn test(args: &TestArgs) -> ExitCode {
    let keep_going =
        args.keep_going || std::env::var_os("SHILU_KEEP_GOING").is_some_and(|v| v == "1");
    // In the tiers' order, each once, whatever order they were named in.
    let selected: Vec<Tier> = Tier::ALL
        .into_iter()
        .filter(|t| args.tiers.is_empty() || args.tiers.contains(t))
        .collect();
    let started = Instant::now();
    let browser = selected.iter().any(|t| t.needs_browser());
    if let Err(e) = setup::setup(Scope { browser }) {
        eprintln!("\nerror: setup failed: {e}");
        println!("\n0 passed, 1 failed");
        return ExitCode::FAILURE;
    }

    let mut outcomes = Vec::new();
    for &tier in &selected {
        step(&format!("test tier `{tier}`"));
        let t0 = Instant::now();
        let mut count = Count::default();
        let result = tier.run(&mut count);
        let (ok, note) = match result {
            Ok(()) if count.failed > 0 => (false, format!("{} test(s) failed", count.failed)),
            Ok(()) if count.passed == 0 => (false, "ran no tests".to_string()),
            Ok(()) => (true, String::new()),
            Err(e) => (false, e),
        };
        if !ok && count.failed == 0 {
            count.failed = 1; // a build or harness failure counts as one failure
        }
        outcomes.push(Outcome {
            tier,
            count,
            ok,
            secs: t0.elapsed().as_secs_f64(),
            note,
        });
        if !ok && !keep_going {
            break; // fail fast (--keep-going runs the later tiers anyway)
        }
    }

    println!(
        "\n==> test summary ({:.0} s in all, setup included)",
        started.elapsed().as_secs_f64()
    );
    for o in &outcomes {
        let status = if o.ok { "ok  " } else { "FAIL" };
        println!(
            "    {status} {:<5} {:>4} passed {:>3} failed {:>7.1} s  {}",
            o.tier, o.count.passed, o.count.failed, o.secs, o.note
        );
    }
    for tier in selected
        .iter()
        .filter(|t| !outcomes.iter().any(|o| o.tier == **t))
        .map(|t| t.name())
    {
        println!(
            "    skip {tier:<5} not run: an earlier tier failed (--keep-going runs it anyway)"
        );
    }
    let passed: u64 = outcomes.iter().map(|o| o.count.passed).sum();
    let failed: u64 = outcomes.iter().map(|o| o.count.failed).sum();
    let all_ok = outcomes.iter().all(|o| o.ok) && outcomes.len() == selected.len();
    for bad in outcomes.iter().filter(|o| !o.ok) {
        eprintln!("\nerror: test tier `{}` failed: {}", bad.tier, bad.note);
    }
    println!("\n{passed} passed, {failed} failed");
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn tee_ok(c: &mut std::process::Command, count: &mut Count, what: &str) -> Result {
    if util::run_tee(c, |l| count.read(l))? {
        Ok(())
    } else {
        Err(format!(
            "{what} exited with an error (see its output above)"
        ))
    }
}

/// (a) native unit and integration tests of the core crate, the corpus
/// site's and this xtask's.
fn core(count: &mut Count) -> Result {
    tee_ok(
        cargo().args([
            "test",
            "--no-fail-fast",
            "-p",
            "shilu-core",
            "-p",
            "shilu-site",
            "-p",
            "xtask",
            "-p",
            "shilu-test-corpus",
        ]),
        count,
        "cargo test (native)",
    )
}

/// (b) wasm-bindgen-test component tests of the UI crate in headless Chromium.
fn wasm(count: &mut Count) -> Result {
    let mut c = cargo();
    c.args([
        "test",
        "--no-fail-fast",
        "-p",
        "shilu-app",
        "-p",
        "shilu-ui",
        "-p",
        "shilu-panels",
        "--target",
        setup::WASM_TARGET,
    ]);
    if std::env::var_os("CHROMEDRIVER").is_none() {
        c.env("CHROMEDRIVER", setup::CHROMEDRIVER);
    }
    tee_ok(&mut c, count, "wasm-bindgen-test in Chromium")
}

/// (c) release dist, then the checks that read it.
fn dist(count: &mut Count) -> Result {
    let files = crate::dist::dist()?;
    println!("test README.md's size table and Content-Security-Policy are this dist/'s ...");
    match crate::dist::check_readme_table(&files) {
        Ok(()) => {
            println!("    ok");
            count.passed += 1;
        }
        Err(e) => {
            println!("    FAILED: {e}");
            count.failed += 1;
        }
    }
    println!("test dist is relocatable (no root-absolute URLs in index.html) ...");
    let html =
        std::fs::read_to_string(util::root().join("dist/index.html")).map_err(|e| e.to_string())?;
    let absolute: Vec<&str> = [
        "src=\"/", "href=\"/", "src='/", "href='/", "from '/", "from \"/", "('/", "(\"/",
        // The release HTML is minified: attribute values may be unquoted.
        "src=/", "href=/",
    ]
    .into_iter()
    .filter(|p| html.contains(p))
    .collect();
    if absolute.is_empty() {
        println!("    ok");
        count.passed += 1;
    } else {
        println!("    FAILED: index.html has root-absolute URLs ({absolute:?}); keep public_url = \"./\" in Trunk.toml");
        count.failed += 1;
    }
    println!("test the app's wasm carries no seed text (the page has it) ...");
    match seed_in_wasm() {
        Ok(lines) if lines.is_empty() => {
            println!("    ok");
            count.passed += 1;
        }
        Ok(lines) => {
            println!(
                "    FAILED: {} lines of the seed are in the app's wasm (a use of `app::SEED` outside the pre-render and tests?), e.g. {:?}",
                lines.len(),
                lines[0]
            );
            count.failed += 1;
        }
        Err(e) => {
            println!("    FAILED: {e}");
            count.failed += 1;
        }
    }
    Ok(())
}

/// The lines of the seed (`src/app.rs`'s) that are in dist/'s app wasm.
fn seed_in_wasm() -> std::result::Result<Vec<String>, String> {
    let root = util::root();
    let read =
        |p: &std::path::Path| std::fs::read(p).map_err(|e| format!("reading {}: {e}", p.display()));
    let app = String::from_utf8_lossy(&read(&root.join("src/app.rs"))?).into_owned();
    let seed = read(&root.join(crate::bench::seed_path(&app)?))?;
    let seed = String::from_utf8_lossy(&seed);
    let wasm = std::fs::read_dir(root.join("dist"))
        .map_err(|e| format!("reading dist/: {e}"))?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("_bg.wasm"))
        .ok_or("dist/ has no app wasm (`…_bg.wasm`)")?;
    Ok(lines_in(&read(&wasm)?, &seed)
        .into_iter()
        .map(String::from)
        .collect())
}

/// The lines of `text` of 8 characters or more (trimmed) that are in `bytes`.
fn lines_in<'a>(bytes: &[u8], text: &'a str) -> Vec<&'a str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.chars().count() >= 8)
        .filter(|l| bytes.windows(l.len()).any(|w| w == l.as_bytes()))
        .collect()
}

/// (d) Playwright end-to-end tests against the release dist.
fn e2e(count: &mut Count) -> Result {
    let dist = util::root().join("dist");
    if !dist.join("index.html").is_file() {
        return Err(
            "dist/index.html not found: run the `dist` tier first (`cargo xtask test dist e2e`)"
                .into(),
        );
    }
    let site = test_site(&dist)?;
    // `shilu search --json`, which specs/search.test.mjs checks the
    // page's counts against.
    step("e2e: the shilu binary (shilu search)");
    util::run(cargo().args([
        "build",
        "--quiet",
        "--offline",
        "-p",
        "shilu-core",
        "--bin",
        "shilu",
    ]))?;
    let bin = util::root().join("target/debug/shilu");
    let mut c = command("node");
    c.current_dir(util::root().join("tests/e2e"))
        .args([
            "--test",
            "--test-reporter=spec",
            "--test-concurrency=1",
            "specs/",
        ])
        .env("SHILU_DIST", &dist)
        .env("SHILU_SITE", &site)
        .env("SHILU_BIN", &bin);
    setup::use_chromium(&mut c);
    tee_ok(&mut c, count, "node --test (e2e)")
}

/// The corpus site the e2e tests read (specs/site.test.mjs): the test
/// corpus (`shilu-test-corpus`, the one the core's and the site's tests
/// build), built over `dist` by `shilu-site` into `target/e2e-site`;
/// returns that folder.
fn test_site(dist: &std::path::Path) -> Result<std::path::PathBuf> {
    let root = util::root();
    let corpus = root.join("target/e2e-corpus");
    shilu_test_corpus::make(&corpus).map_err(|e| format!("the test corpus: {e}"))?;
    let site = root.join("target/e2e-site");
    step("e2e: the test corpus's site (shilu-site)");
    util::run(
        cargo()
            .args(["run", "--quiet", "--offline", "-p", "shilu-site", "--"])
            .args([
                corpus.as_os_str(),
                "--assets".as_ref(),
                dist.as_os_str(),
                "--out".as_ref(),
                site.as_os_str(),
                "--title".as_ref(),
                "测试语料".as_ref(),
            ]),
    )?;
    Ok(site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_lines_of_a_text_in_bytes() {
        let text = "标题\n  第一段比八个字还长的话。\n短句\n第二段也比八个字长一些。\n";
        let bytes = "..第二段也比八个字长一些。..标题..".as_bytes();
        assert_eq!(lines_in(bytes, text), ["第二段也比八个字长一些。"]);
        assert!(lines_in(b"", text).is_empty());
    }

    #[test]
    fn reads_cargo_and_wasm_bindgen_test_results() {
        let mut c = Count::default();
        c.read("test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        c.read("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        c.read("running 5 tests");
        assert_eq!((c.passed, c.failed), (15, 2));
    }

    #[test]
    fn reads_node_test_runner_summaries() {
        let mut c = Count::default();
        for l in [
            "ℹ tests 7",
            "ℹ pass 6",
            "ℹ fail 1",
            "ℹ skipped 0",
            "# pass 2",
            "# fail 0",
            "ℹ pass the salt",
        ] {
            c.read(l);
        }
        assert_eq!((c.passed, c.failed), (8, 1));
    }
}
