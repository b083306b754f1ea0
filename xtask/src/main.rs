//! `cargo xtask <command>`: the project's automation, in Rust, std only.
//!
//! ```text
//! cargo xtask serve [--address A] [--port P] [-- TRUNK_ARGS…]   dev server (default http://127.0.0.1:8080/)
//! cargo xtask test  [core|wasm|dist|e2e …] [--keep-going]         every test tier (or the named ones)
//! cargo xtask dist                                                release build into dist/ + size table
//! cargo xtask sizes [--readme]                                    size table of the current dist/
//! cargo xtask setup [--no-browser]                                install whatever is missing
//! ```

mod setup;
mod sizes;
mod tiers;
mod util;

use setup::Scope;
use std::process::ExitCode;
use util::{cmd, info, run, step, Result};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--address A] [--port P] [-- TRUNK_ARGS...]
                 set up the build tools, then `trunk serve` (default http://127.0.0.1:8080/;
                 also SHILU_ADDRESS / SHILU_PORT)
  test [TIER...] [--keep-going]
                 set up everything, then run the test tiers: core, wasm, dist, e2e (default: all);
                 stops at the first failing tier unless --keep-going (or SHILU_KEEP_GOING=1)
  dist           release build into dist/ (wasm-opt'd), then print the size table
  sizes [--readme]
                 print the size table of the existing dist/ (--readme: also write it into README.md)
  setup [--no-browser]
                 install what is missing: wasm32 target, trunk, wasm-bindgen-cli, binaryen,
                 brotli, chromium + chromedriver, npm packages of tests/e2e";

fn main() -> ExitCode {
    util::ensure_tools_on_path();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        "setup" => setup::setup(Scope {
            browser: !rest.iter().any(|a| a == "--no-browser"),
        }),
        "serve" => serve(rest),
        "dist" => setup::setup(Scope { browser: false })
            .and_then(|()| dist())
            .map(|_| ()),
        "sizes" => print_sizes().and_then(|files| {
            if rest.iter().any(|a| a == "--readme") {
                write_readme_table(&files)
            } else {
                Ok(())
            }
        }),
        "test" => return tiers::test(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nerror: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: &[String]) -> Result {
    let mut address = std::env::var("SHILU_ADDRESS").unwrap_or_else(|_| "127.0.0.1".into());
    let mut port = std::env::var("SHILU_PORT").unwrap_or_else(|_| "8080".into());
    let mut trunk_args = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--address" => address = it.next().ok_or("--address needs a value")?.clone(),
            "--port" => port = it.next().ok_or("--port needs a value")?.clone(),
            "--" => trunk_args.extend(it.by_ref().cloned()),
            other => return Err(format!("serve: unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    port.parse::<u16>()
        .map_err(|_| format!("serve: bad port `{port}`"))?;
    setup::setup(Scope { browser: false })?;
    step(&format!("serve: http://{address}:{port}/  (Ctrl-C stops)"));
    run(cmd("trunk")
        .args(["serve", "--address", &address, "--port", &port])
        .args(&trunk_args))
}

/// Release build with trunk (wasm-opt runs inside it, see index.html and
/// Trunk.toml) into dist/, then the size table.
pub fn dist() -> Result<Vec<sizes::FileSize>> {
    step("dist: trunk build --release into dist/ (wasm-opt -Oz via Trunk)");
    run(cmd("trunk").args(["build", "--release"]))?;
    print_sizes()
}

fn print_sizes() -> Result<Vec<sizes::FileSize>> {
    let dir = util::root().join("dist");
    if !dir.join("index.html").is_file() {
        return Err("dist/index.html not found: run `cargo xtask dist` first".into());
    }
    step("sizes of dist/");
    let files = sizes::measure_dir(&dir)?;
    println!("{}", sizes::table(&files));
    match sizes::check_budget(&files) {
        Ok(_) => info("first visit is within budget"),
        Err(e) => info(&format!("WARNING: {e}")),
    }
    Ok(files)
}

/// Replace the table between `<!-- sizes:begin -->` and `<!-- sizes:end -->` in README.md.
fn write_readme_table(files: &[sizes::FileSize]) -> Result {
    const BEGIN: &str = "<!-- sizes:begin -->";
    const END: &str = "<!-- sizes:end -->";
    let path = util::root().join("README.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("reading README.md: {e}"))?;
    let (Some(b), Some(e)) = (text.find(BEGIN), text.find(END)) else {
        return Err(format!("README.md has no {BEGIN} … {END} markers"));
    };
    if e < b {
        return Err("README.md: sizes markers are out of order".into());
    }
    let new = format!(
        "{}{BEGIN}\n{}{}",
        &text[..b],
        sizes::table(files),
        &text[e..]
    );
    std::fs::write(&path, new).map_err(|e| format!("writing README.md: {e}"))?;
    info("wrote the size table into README.md");
    Ok(())
}
