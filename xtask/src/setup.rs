//! `cargo xtask setup`: install only what is missing, print what it does.
//!
//! Everything comes from the registries this project may use: rustup (the
//! wasm32 target), crates.io (trunk, wasm-bindgen-cli), Debian (brotli,
//! xmllint, Chromium and its driver, a CJK font for screenshots) and npm
//! (wasm-opt from binaryen in xtask/tools, the e2e packages in tests/e2e;
//! both from committed lockfiles).

use crate::pins;
use crate::util::{self, cargo, command, info, run, step, Result};
use std::path::Path;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Points a browser-driving command at Debian's Chromium, unless the caller
/// chose one: `CHROMIUM` for the e2e helpers, `CHROME_PATH` for Lighthouse.
pub fn use_chromium(c: &mut std::process::Command) {
    for var in ["CHROMIUM", "CHROME_PATH"] {
        if std::env::var_os(var).is_none() {
            c.env(var, CHROMIUM);
        }
    }
}
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What to set up beyond the build tools.
#[derive(Clone, Copy, Debug)]
pub struct Scope {
    /// Chromium, chromedriver, a CJK font and the npm e2e packages.
    pub browser: bool,
}

pub fn setup(scope: Scope) -> Result {
    step("setup: checking tools (installs only what is missing)");
    wasm_target()?;
    // xmllint validates `shilu akn`'s output in the core tier's tests.
    let mut apt = vec![
        ("brotli", "brotli"),
        ("gzip", "gzip"),
        ("xmllint", "libxml2-utils"),
    ];
    if scope.browser {
        apt.extend([
            ("chromium", "chromium"),
            ("chromedriver", "chromium-driver"),
            ("font", "fonts-wqy-zenhei"),
        ]);
    }
    apt_packages(&apt)?;
    node_major()?;
    npm_packages(
        &util::root().join("xtask/tools"),
        "build tools (wasm-opt, esbuild, workbox-build)",
    )?;
    wasm_opt_version()?;
    esbuild_version()?;
    npm_version("xtask/tools", "workbox-build", pins::WORKBOX_BUILD)?;
    cargo_tool(
        "trunk",
        &["trunk"],
        pins::TRUNK,
        &["install", "trunk", "--version", pins::TRUNK, "--locked"],
    )?;
    // wasm-bindgen-cli's own lockfile does not build with every rustc: install
    // it unlocked, as its README suggests.
    cargo_tool(
        "wasm-bindgen-cli",
        &["wasm-bindgen", "wasm-bindgen-test-runner"],
        pins::WASM_BINDGEN,
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            pins::WASM_BINDGEN,
        ],
    )?;
    fetch_crates()?;
    if scope.browser {
        npm_packages(
            &util::root().join("tests/e2e"),
            "e2e test packages (playwright-core, axe-core, lighthouse)",
        )?;
        npm_version("tests/e2e", "lighthouse", pins::LIGHTHOUSE)?;
    }
    info("setup: done");
    Ok(())
}

fn wasm_target() -> Result {
    let installed = util::stdout_of(command("rustup").args(["target", "list", "--installed"]))
        .ok_or("`rustup` is needed to add the wasm32 target (install Rust with rustup)")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        info(&format!("ok   rust target {WASM_TARGET}"));
        Ok(())
    } else {
        info(&format!("add  rust target {WASM_TARGET}"));
        run(command("rustup").args(["target", "add", WASM_TARGET]))
    }
}

/// `tool --version` reports `version` for every binary of a crate, else `cargo install` it.
fn cargo_tool(krate: &str, bins: &[&str], version: &str, install: &[&str]) -> Result {
    let found = |bin: &str| {
        util::first_line_of(bin, &["--version"])
            .is_some_and(|l| l.split_whitespace().any(|w| w == version))
    };
    if bins.iter().all(|b| found(b)) {
        info(&format!("ok   {krate} {version}"));
        return Ok(());
    }
    info(&format!(
        "install {krate} {version} with cargo into {} (takes a few minutes)",
        util::cargo_bin_dir().display()
    ));
    run(cargo().args(install))?;
    for bin in bins {
        if !found(bin) {
            return Err(format!(
                "after installing, `{bin} --version` still does not report {version}; is {} on PATH before another {bin}?",
                util::cargo_bin_dir().display()
            ));
        }
    }
    Ok(())
}

fn dpkg_installed(package: &str) -> bool {
    util::stdout_of(command("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|s| s.trim() == "install ok installed")
}

/// Install the Debian packages that are missing, with one `apt-get update` first.
fn apt_packages(wanted: &[(&str, &str)]) -> Result {
    let mut missing = Vec::new();
    for (what, package) in wanted {
        if dpkg_installed(package) {
            info(&format!("ok   {package} ({what})"));
        } else {
            missing.push(*package);
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    info(&format!("install Debian packages: {}", missing.join(" ")));
    let is_root = util::stdout_of(command("id").arg("-u")).is_some_and(|s| s.trim() == "0");
    let apt = |args: &[&str]| {
        let mut c = if is_root {
            command("apt-get")
        } else {
            let mut c = command("sudo");
            c.arg("apt-get");
            c
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q"]);
    install.args(&missing);
    run(&mut install)
}

fn wasm_opt_version() -> Result {
    let line = util::first_line_of("wasm-opt", &["--version"])
        .ok_or("wasm-opt (npm binaryen, xtask/tools) is not on PATH")?;
    // "wasm-opt version 132 (version_132)"
    let version = pins::wasm_opt();
    if line.split_whitespace().nth(2) == Some(version) {
        info(&format!(
            "ok   wasm-opt {version} (first on PATH: {})",
            util::npm_tools_bin_dir().display()
        ));
        Ok(())
    } else {
        Err(format!(
            "xtask/src/pins.rs pins wasm-opt {version} (npm binaryen {} in xtask/tools) but PATH has `{line}`; \
             `cargo test -p xtask tidy` lists the files to update with it",
            pins::BINARYEN
        ))
    }
}

fn esbuild_version() -> Result {
    let line = util::first_line_of("esbuild", &["--version"])
        .ok_or("esbuild (npm, xtask/tools) is not on PATH")?;
    if line == pins::ESBUILD {
        info(&format!("ok   esbuild {line}"));
        Ok(())
    } else {
        Err(format!(
            "xtask/src/pins.rs pins esbuild {} (npm, xtask/tools) but PATH has esbuild `{line}`; \
             `cargo test -p xtask tidy` lists the files to update with it",
            pins::ESBUILD
        ))
    }
}

/// The npm package `name` installed in `dir`'s node_modules is at `version`.
fn npm_version(dir: &str, name: &str, version: &str) -> Result {
    let manifest = util::root()
        .join(dir)
        .join("node_modules")
        .join(name)
        .join("package.json");
    let text = std::fs::read_to_string(&manifest).map_err(|e| {
        format!(
            "{} not readable ({e}): is {name} in {dir}/package.json?",
            manifest.display()
        )
    })?;
    let found = text
        .split("\"version\": \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("");
    if found == version {
        info(&format!("ok   {name} {version} (npm, {dir})"));
        Ok(())
    } else {
        Err(format!(
            "xtask/src/pins.rs pins {name} {version} but {dir}/node_modules has `{found}`; \
             `cargo test -p xtask tidy` lists the files to update with it"
        ))
    }
}

/// Trunk builds with `cargo build --offline` (Trunk.toml `offline = true`), so the
/// crates must be in the local registry cache first. A no-op when they are.
fn fetch_crates() -> Result {
    info("fetch crates (so trunk can build offline)");
    run(cargo().args(["fetch", "--quiet"]))
}

/// Major version of Node.js, which must be 20 or newer.
fn node_major() -> Result<u32> {
    let node = util::first_line_of("node", &["--version"]).ok_or(
        "Node.js 20 or newer is needed (for wasm-opt and the e2e tests): node not found on PATH",
    )?;
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        return Err(format!(
            "Node.js 20 or newer is needed (for wasm-opt and the e2e tests), found {node}"
        ));
    }
    Ok(major)
}

/// `npm ci` in `dir` unless its node_modules is already at the lockfile's state.
fn npm_packages(dir: &Path, what: &str) -> Result {
    let rel = dir
        .strip_prefix(util::root())
        .unwrap_or(dir)
        .display()
        .to_string();
    if npm_is_current(dir) {
        info(&format!("ok   npm {what} in {rel}/node_modules"));
        return Ok(());
    }
    info(&format!(
        "install npm {what} in {rel} (npm ci, from package-lock.json)"
    ));
    run(command("npm")
        .current_dir(dir)
        .args(["ci", "--no-audit", "--no-fund"]))
}

/// node_modules/.package-lock.json is written by npm at the end of an install;
/// current if it is at least as new as package-lock.json and package.json.
fn npm_is_current(dir: &Path) -> bool {
    let mtime = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let Some(installed) = mtime(&dir.join("node_modules/.package-lock.json")) else {
        return false;
    };
    ["package-lock.json", "package.json"]
        .iter()
        .all(|f| mtime(&dir.join(f)).is_some_and(|t| t <= installed))
}
