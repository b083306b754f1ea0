//! `cargo xtask bench <name>`: benchmarks of the explorer in the browser,
//! which print figures (the machines here are shared and noisy, so speed is
//! never a timed test). The parser's own benchmark is `cargo bench -p
//! shilu-core`.
//!
//! - `search`: keystroke → highlights painted, on the seed and 10 and 100
//!   copies (`tests/e2e/bench/search.mjs`);
//! - `web`: the release dist against a plain static page of the same
//!   transcript, in Lighthouse 12 mobile (`tests/e2e/bench-web.mjs`): median
//!   performance, FCP, LCP, TBT, CLS and the page's bytes of three runs
//!   each, the LCP ratio, and what the simulated LCP is made of (the
//!   page's download, the work before the paint, other requests);
//!   then an early visit (`tests/e2e/bench/early.mjs`): three toggles
//!   pressed and a word typed at the first paint of a cold, throttled load
//!   (1× and 4× CPU), the time from that paint until a press is answered,
//!   and how many presses and keystrokes were lost.

use crate::dist;
use crate::setup::{self, Scope};
use crate::util::{self, cargo, command, run, step, Result};

/// Which benchmark to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bench {
    Search,
    Web,
}

impl Bench {
    pub const ALL: [Bench; 2] = [Bench::Search, Bench::Web];

    pub fn name(self) -> &'static str {
        match self {
            Bench::Search => "search",
            Bench::Web => "web",
        }
    }
}

impl std::str::FromStr for Bench {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Bench, String> {
        Bench::ALL
            .into_iter()
            .find(|b| b.name() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Bench::ALL.iter().map(|b| b.name()).collect();
                format!("unknown benchmark `{s}` (benchmarks: {})", names.join(", "))
            })
    }
}

/// Builds the release dist (as a reader gets it), then runs the benchmark
/// against it in headless Chromium; `quick` (search only) takes fewer
/// samples.
pub fn bench(which: Bench, quick: bool) -> Result {
    setup::setup(Scope { browser: true })?;
    dist::dist()?;
    match which {
        Bench::Search => search(quick),
        Bench::Web => web(),
    }
}

fn search(quick: bool) -> Result {
    let root = util::root();
    step("bench search");
    let mut c = command("node");
    c.current_dir(root.join("tests/e2e"))
        .arg("bench/search.mjs")
        .env("SHILU_BENCH", "1")
        .env("SHILU_DIST", root.join("dist"));
    if quick {
        c.arg("--quick");
    }
    setup::use_chromium(&mut c);
    run(&mut c)
}

/// The seed `src/app.rs` embeds (`include_str!("../seeds/…")`), relative to the root.
pub fn seed_path(app_rs: &str) -> Result<String> {
    let start = app_rs
        .find("include_str!(\"../seeds/")
        .ok_or("src/app.rs embeds no seeds/… file (include_str!)")?;
    let rest = &app_rs[start + "include_str!(\"../".len()..];
    let end = rest
        .find('"')
        .ok_or("src/app.rs: unterminated include_str!")?;
    Ok(rest[..end].to_string())
}

fn web() -> Result {
    let root = util::root();
    let app = std::fs::read_to_string(root.join("src/app.rs"))
        .map_err(|e| format!("reading src/app.rs: {e}"))?;
    let seed = seed_path(&app)?;
    step(&format!("bench web: the plain page of {seed} (shilu html)"));
    let out = cargo()
        .current_dir(&root)
        .args([
            "run",
            "--quiet",
            "-p",
            "shilu-core",
            "--bin",
            "shilu",
            "--",
            "html",
            &seed,
        ])
        .output()
        .map_err(|e| format!("cargo run shilu html: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`shilu html {seed}` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let plain = root.join("target/bench-web/plain");
    std::fs::create_dir_all(&plain).map_err(|e| format!("creating {}: {e}", plain.display()))?;
    std::fs::write(plain.join("index.html"), &out.stdout)
        .map_err(|e| format!("writing the plain page: {e}"))?;
    step("bench web: Lighthouse 12 mobile, 3 runs each (a few minutes)");
    let mut c = command("node");
    c.current_dir(root.join("tests/e2e"))
        .arg("bench-web.mjs")
        .env("SHILU_DIST", root.join("dist"))
        .env("SHILU_PLAIN", &plain);
    setup::use_chromium(&mut c);
    run(&mut c)?;
    step("bench web: an early visit, presses and typing at the first paint (1× and 4× CPU, 3 runs each)");
    let mut c = command("node");
    c.current_dir(root.join("tests/e2e"))
        .arg("bench/early.mjs")
        .env("SHILU_BENCH", "1")
        .env("SHILU_DIST", root.join("dist"));
    setup::use_chromium(&mut c);
    run(&mut c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_is_what_the_app_embeds() {
        let app = "pub const SEED: &str = include_str!(\"../seeds/a-b.txt\");";
        assert_eq!(seed_path(app), Ok("seeds/a-b.txt".into()));
        assert!(seed_path("no seed")
            .unwrap_err()
            .contains("embeds no seeds/"));
        let real = std::fs::read_to_string(util::root().join("src/app.rs")).unwrap();
        assert!(util::root().join(seed_path(&real).unwrap()).is_file());
    }
}
