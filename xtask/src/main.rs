//! `cargo xtask <command>`: the project's automation, in Rust.
//!
//! ```text
//! cargo xtask serve [--address A] [--port P] [-- TRUNK_ARGS…]   dev server (default http://127.0.0.1:8080/)
//! cargo xtask serve --site DIR                                  a corpus site of DIR, built and served
//! cargo xtask site DIR [--out OUT] [--url URL] [--title T]      a corpus site of DIR (default site/)
//! cargo xtask test  [core|wasm|dist|e2e …] [--keep-going]         every test tier (or the named ones)
//! cargo xtask dist                                                release build into dist/ + size table
//! cargo xtask sizes [--readme]                                    size table of the current dist/
//! cargo xtask setup [--no-browser]                                install whatever is missing
//! cargo xtask bench search [--quick]                              search speed in the browser
//! cargo xtask bench web                                           Lighthouse: dist vs a plain page
//! cargo xtask bench library                                       library search: 500 transcripts (SHILU_LIBRARY_DIR)
//! cargo xtask bench corpus [DIR] [--page SITE] [--queries N]     corpus search: shilu vs Pagefind
//! ```
//!
//! A bad command line prints the usage and exits with 2; a failing command
//! exits with 1.

mod bench;
mod bench_corpus;
mod bench_corpus_page;
mod bench_site;
mod dist;
mod dist_stamp;
mod flags;
mod pins;
mod range;
mod serve;
mod setup;
mod site;
mod sizes;
#[cfg(test)]
mod tidy;
#[cfg(test)]
mod tidy_layout;
mod tiers;
mod util;

use flags::Command;
use setup::Scope;
use std::process::ExitCode;

fn main() -> ExitCode {
    let command = match flags::parse(std::env::args_os().skip(1).collect()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}\n\n{}", flags::USAGE);
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => {
            println!("{}", flags::USAGE);
            Ok(())
        }
        Command::Setup { no_browser } => setup::setup(Scope {
            browser: !no_browser,
        }),
        Command::Serve(args) => serve::serve(&args),
        Command::Site(args) => site::site(&args).map(|_| ()),
        Command::Dist => setup::setup(Scope { browser: false })
            .and_then(|()| dist::dist())
            .map(|_| ()),
        Command::Sizes { readme } => dist::print_sizes().and_then(|files| {
            if readme {
                dist::write_readme_table(&files)
            } else {
                Ok(())
            }
        }),
        Command::Test(args) => return tiers::test(&args),
        Command::Bench { which, quick } => bench::bench(which, quick),
        Command::BenchSite { dir, rebuild } => bench_site::bench(dir, rebuild),
        Command::BenchCorpus { dir, page, queries } => bench_corpus::bench(dir, page, queries),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nerror: {e}");
            ExitCode::FAILURE
        }
    }
}
