//! `cargo xtask bench search`: benchmarks of the explorer in the browser,
//! which print figures (the machines here are shared and noisy, so speed is
//! never a timed test). The core's own benchmarks are `cargo bench -p
//! shilu-core`.

use crate::util::{self, Result};
use crate::{dist, setup};

/// Which browser benchmark to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bench {
    /// Keystroke → highlights painted, on the seed and 10 and 100 copies
    /// (`tests/e2e/bench/search.mjs`).
    Search,
}

impl Bench {
    pub const ALL: [Bench; 1] = [Bench::Search];

    pub fn name(self) -> &'static str {
        match self {
            Bench::Search => "search",
        }
    }

    fn script(self) -> &'static str {
        match self {
            Bench::Search => "bench/search.mjs",
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
/// against it in headless Chromium; `quick` takes fewer samples.
pub fn bench(which: Bench, quick: bool) -> Result {
    setup::setup(setup::Scope { browser: true })?;
    dist::dist()?;
    let dist = util::root().join("dist");
    util::step(&format!("bench {}", which.name()));
    let mut c = util::command("node");
    c.current_dir(util::root().join("tests/e2e"))
        .arg(which.script())
        .env("SHILU_BENCH", "1")
        .env("SHILU_DIST", &dist);
    if quick {
        c.arg("--quick");
    }
    if std::env::var_os("CHROMIUM").is_none() {
        c.env("CHROMIUM", setup::CHROMIUM);
    }
    util::run(&mut c)
}
