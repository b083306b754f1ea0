//! `cargo xtask bench web`: the release dist against a plain static page of
//! the same transcript, in Lighthouse 12 mobile (tests/e2e/bench-web.mjs):
//! median performance, LCP, TBT and CLS of three runs each, and the LCP
//! ratio. Figures for the README, not a test.

use crate::dist;
use crate::setup::{self, Scope};
use crate::util::{self, cargo, command, run, step, Result};

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

pub fn web() -> Result {
    setup::setup(Scope { browser: true })?;
    dist::dist()?;
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
    if std::env::var_os("CHROME_PATH").is_none() {
        c.env("CHROME_PATH", setup::CHROMIUM);
    }
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
