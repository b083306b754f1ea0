//! The command line of `cargo xtask`, parsed with `pico-args`. Every flag and
//! argument a command does not know is refused by name: a misspelt
//! `--no-brwoser` must not quietly install Chromium.

use crate::bench::Bench;
use crate::serve::ServeArgs;
use crate::tiers::{TestArgs, Tier};
use std::ffi::OsString;

pub const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--address A] [--port P] [--site DIR] [-- TRUNK_ARGS...]
                 set up the build tools, then `trunk serve` (default http://127.0.0.1:8080/;
                 also SHILU_ADDRESS / SHILU_PORT); --site DIR: build DIR's corpus site (as
                 `site DIR`) and serve it instead, with its Content-Security-Policy
  site DIR [--out OUT] [--url URL] [--title TITLE] [--aliases FILE]
                 the release dist, then a static site of every transcript below DIR in OUT
                 (default site/): `shilu site` (see `shilu site --help`)
  test [TIER...] [--keep-going]
                 set up everything, then run the test tiers: core, wasm, dist, e2e (default: all);
                 stops at the first failing tier unless --keep-going (or SHILU_KEEP_GOING=1)
  dist           release build into dist/ (wasm-opt'd), then print the size table
  sizes [--readme]
                 print the size table of the existing dist/ (--readme: also write it, and the
                 Content-Security-Policy of dist/_headers, into README.md)
  setup [--no-browser]
                 install what is missing: wasm32 target, trunk, wasm-bindgen-cli, binaryen,
                 brotli, chromium + chromedriver, npm packages of tests/e2e
  bench web      Lighthouse 12 mobile, 3 runs each, on the release dist and on a plain static page
                 of the same transcript: median performance, LCP, TBT, CLS and the LCP ratio;
                 then an early visit (1× and 4× CPU): first paint → a press answered, and the
                 presses and keystrokes lost
  bench site [--rebuild] [DIR]
                 the corpus build (shilu index, release) on DIR ×1, ×2 and ×4: time, peak memory,
                 files and MB, and 100,000 transcripts extrapolated (default: the shared archive);
                 and ×1 built again with one file added. --rebuild: ×1 and that rebuild only
  bench corpus [DIR] [--page SITE] [--queries N]
                 corpus search, shilu against Pagefind (npm, tests/e2e) over DIR's transcripts: one
                 query list through both; recall, precision, bytes a cold query fetches, time to
                 results, index build time, peak memory and files (default: the shared archive);
                 --page SITE: only the search page of SITE, a corpus site of DIR built already
                 (`cargo xtask site DIR --out SITE`); --queries N: only the first N queries
  bench search [--quick]
                 release build, then keystroke → highlights painted in headless Chromium on the
                 seed and 10 and 100 copies (medians; --quick: fewer samples)
  help           this text (also -h, --help)";

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    /// `--no-browser`: only what `serve` and `dist` need.
    Setup {
        no_browser: bool,
    },
    Serve(ServeArgs),
    /// `site DIR [--out OUT] [--url URL] [--title T] [--aliases FILE]`.
    Site(crate::site::SiteArgs),
    Dist,
    /// `--readme`: also write the table into README.md.
    Sizes {
        readme: bool,
    },
    Test(TestArgs),
    /// `bench site [DIR]`: the corpus build at ×1, ×2, ×4.
    BenchSite {
        dir: Option<std::path::PathBuf>,
        /// Only ×1 and its rebuild with one file added.
        rebuild: bool,
    },
    /// `bench corpus [DIR] [--page SITE] [--queries N]`: shilu's corpus
    /// search against Pagefind; `--page`: only the search page, on SITE
    /// (built already); `--queries`: the first N of the list.
    BenchCorpus {
        dir: Option<std::path::PathBuf>,
        page: Option<std::path::PathBuf>,
        queries: Option<usize>,
    },
    /// `--quick`: fewer samples.
    Bench {
        which: Bench,
        quick: bool,
    },
}

/// Parse the arguments after `cargo xtask`. The error is one line naming
/// what was refused; the caller adds [`USAGE`].
pub fn parse(args: Vec<OsString>) -> Result<Command, String> {
    // Everything after the first `--` is passed on untouched (to trunk).
    let split = args.iter().position(|a| a == "--");
    let (args, passthrough) = match split {
        Some(i) => (args[..i].to_vec(), Some(strings(&args[i + 1..])?)),
        None => (args, None),
    };
    if args.is_empty() {
        return Err("no command given".into());
    }
    let mut p = pico_args::Arguments::from_vec(args);
    if flag(&mut p, "-h") | flag(&mut p, "--help") {
        return Ok(Command::Help);
    }
    let name = match p.subcommand().map_err(|e| e.to_string())? {
        Some(name) => name,
        None => return Err(refusal("cargo xtask", p.finish())),
    };
    let command = match name.as_str() {
        "help" => Command::Help,
        "setup" => Command::Setup {
            no_browser: flag(&mut p, "--no-browser"),
        },
        "serve" => Command::Serve(ServeArgs {
            address: value(&mut p, "serve", "--address")?,
            port: value(&mut p, "serve", "--port")?
                .map(|port| crate::serve::parse_port(&port))
                .transpose()?,
            trunk_args: passthrough.clone().unwrap_or_default(),
            site: value(&mut p, "serve", "--site")?.map(Into::into),
        }),
        "site" => {
            let out = value(&mut p, "site", "--out")?.map(Into::into);
            let url = value(&mut p, "site", "--url")?;
            let title = value(&mut p, "site", "--title")?;
            let aliases = value(&mut p, "site", "--aliases")?.map(Into::into);
            let rest = strings(&p.finish())?;
            return match rest.as_slice() {
                [d] if !d.starts_with('-') => done_with(
                    Command::Site(crate::site::SiteArgs {
                        dir: d.into(),
                        out,
                        url,
                        title,
                        aliases,
                    }),
                    &passthrough,
                ),
                [] => Err("site: name the folder of transcripts".into()),
                _ => Err(format!("site: takes one folder, not `{}`", rest.join(" "))),
            };
        }
        "dist" => Command::Dist,
        "sizes" => Command::Sizes {
            readme: flag(&mut p, "--readme"),
        },
        "bench" => {
            let quick = flag(&mut p, "--quick");
            let which = match p.subcommand().map_err(|e| e.to_string())? {
                Some(w) if w == "site" && !quick => {
                    let rebuild = flag(&mut p, "--rebuild");
                    let rest = strings(&p.finish())?;
                    return match rest.as_slice() {
                        [] => Ok(Command::BenchSite { dir: None, rebuild }),
                        [d] if !d.starts_with('-') => Ok(Command::BenchSite {
                            dir: Some(d.into()),
                            rebuild,
                        }),
                        _ => Err(format!(
                            "bench site: takes one folder, not `{}`",
                            rest.join(" ")
                        )),
                    };
                }
                Some(w) if w == "corpus" && !quick => {
                    let page = value(&mut p, "bench corpus", "--page")?.map(Into::into);
                    let queries = value(&mut p, "bench corpus", "--queries")?
                        .map(|n| {
                            n.parse::<usize>()
                                .ok()
                                .filter(|&n| n > 0)
                                .ok_or(format!("bench corpus: --queries takes a count, not `{n}`"))
                        })
                        .transpose()?;
                    let rest = strings(&p.finish())?;
                    return match rest.as_slice() {
                        [] => Ok(Command::BenchCorpus {
                            dir: None,
                            page,
                            queries,
                        }),
                        [d] if !d.starts_with('-') => Ok(Command::BenchCorpus {
                            dir: Some(d.into()),
                            page,
                            queries,
                        }),
                        _ => Err(format!(
                            "bench corpus: takes one folder, not `{}`",
                            rest.join(" ")
                        )),
                    };
                }
                Some(w) if !w.starts_with('-') => {
                    w.parse::<Bench>().map_err(|e| format!("bench: {e}"))?
                }
                Some(f) => return Err(format!("bench: unknown flag `{f}`")),
                None => {
                    return Err(
                        "bench: name a benchmark (benchmarks: search, web, site, corpus)".into(),
                    )
                }
            };
            if quick && which != Bench::Search {
                return Err(format!(
                    "bench {}: --quick is only for `bench search`",
                    which.name()
                ));
            }
            Command::Bench { which, quick }
        }
        "test" => {
            let keep_going = flag(&mut p, "--keep-going");
            let mut tiers = Vec::new();
            for arg in strings(&p.finish())? {
                if arg.starts_with('-') {
                    return Err(format!("test: unknown flag `{arg}`"));
                }
                tiers.push(arg.parse::<Tier>().map_err(|e| format!("test: {e}"))?);
            }
            return done_with(Command::Test(TestArgs { tiers, keep_going }), &passthrough);
        }
        other => return Err(format!("unknown command `{other}`")),
    };
    let rest = p.finish();
    if !rest.is_empty() {
        return Err(refusal(&name, rest));
    }
    done_with(command, &passthrough)
}

/// Only `serve` takes arguments after `--`.
fn done_with(command: Command, passthrough: &Option<Vec<String>>) -> Result<Command, String> {
    match (&command, passthrough) {
        (Command::Serve(_), _) | (_, None) => Ok(command),
        (_, Some(_)) => Err("`--` (arguments for trunk) is only for `serve`".into()),
    }
}

/// A boolean flag, which may be given more than once.
fn flag(p: &mut pico_args::Arguments, name: &'static str) -> bool {
    let mut seen = false;
    while p.contains(name) {
        seen = true;
    }
    seen
}

/// `name VALUE`, at most once.
fn value(
    p: &mut pico_args::Arguments,
    command: &str,
    name: &'static str,
) -> Result<Option<String>, String> {
    let get = |p: &mut pico_args::Arguments| {
        p.opt_value_from_str::<_, String>(name)
            .map_err(|e| match e {
                pico_args::Error::OptionWithoutAValue(_) => {
                    format!("{command}: {name} needs a value")
                }
                e => format!("{command}: {name}: {e}"),
            })
    };
    let first = get(p)?;
    if first.is_some() && get(p)?.is_some() {
        return Err(format!("{command}: {name} is given more than once"));
    }
    Ok(first)
}

/// The error for arguments left over: the first one, by name.
fn refusal(command: &str, rest: Vec<OsString>) -> String {
    let first = rest
        .first()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_default();
    if first.starts_with('-') {
        format!("{command}: unknown flag `{first}`")
    } else {
        format!("{command}: unexpected argument `{first}`")
    }
}

fn strings(args: &[OsString]) -> Result<Vec<String>, String> {
    args.iter()
        .map(|a| {
            a.clone()
                .into_string()
                .map_err(|a| format!("argument `{}` is not UTF-8", a.to_string_lossy()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &str) -> Result<Command, String> {
        parse(args.split_whitespace().map(OsString::from).collect())
    }

    #[test]
    fn unknown_flags_are_refused_by_name() {
        assert_eq!(
            parse_str("setup --no-such-flag"),
            Err("setup: unknown flag `--no-such-flag`".into())
        );
        assert_eq!(
            parse_str("setup --no-brwoser"),
            Err("setup: unknown flag `--no-brwoser`".into())
        );
        assert_eq!(
            parse_str("sizes --readme --raedme"),
            Err("sizes: unknown flag `--raedme`".into())
        );
        assert_eq!(parse_str("dist -x"), Err("dist: unknown flag `-x`".into()));
        assert_eq!(
            parse_str("test core --keep-goin"),
            Err("test: unknown flag `--keep-goin`".into())
        );
        assert_eq!(
            parse_str("serve --prot 9000"),
            Err("serve: unknown flag `--prot`".into())
        );
        assert_eq!(
            parse_str("--verbose"),
            Err("cargo xtask: unknown flag `--verbose`".into())
        );
    }

    #[test]
    fn stray_arguments_and_commands_are_refused() {
        assert_eq!(
            parse_str("dist now"),
            Err("dist: unexpected argument `now`".into())
        );
        assert_eq!(parse_str("build"), Err("unknown command `build`".into()));
        assert_eq!(parse_str(""), Err("no command given".into()));
        assert_eq!(
            parse_str("setup -- --no-browser"),
            Err("`--` (arguments for trunk) is only for `serve`".into())
        );
    }

    #[test]
    fn setup_and_sizes_read_their_flags() {
        assert_eq!(parse_str("setup"), Ok(Command::Setup { no_browser: false }));
        assert_eq!(
            parse_str("setup --no-browser"),
            Ok(Command::Setup { no_browser: true })
        );
        assert_eq!(parse_str("sizes"), Ok(Command::Sizes { readme: false }));
        assert_eq!(
            parse_str("sizes --readme"),
            Ok(Command::Sizes { readme: true })
        );
        assert_eq!(parse_str("dist"), Ok(Command::Dist));
        assert_eq!(
            parse_str("bench web"),
            Ok(Command::Bench {
                which: Bench::Web,
                quick: false
            })
        );
        assert!(parse_str("bench").unwrap_err().contains("name a benchmark"));
        assert!(parse_str("bench web --quick")
            .unwrap_err()
            .contains("only for `bench search`"));
        assert!(parse_str("bench webb")
            .unwrap_err()
            .contains("unknown benchmark `webb`"));
        assert!(parse_str("bench web --runs").is_err());
    }

    #[test]
    fn tiers_are_parsed_and_unknown_ones_refused_by_name() {
        assert_eq!(parse_str("test"), Ok(Command::Test(TestArgs::default())));
        assert_eq!(
            parse_str("test e2e --keep-going core"),
            Ok(Command::Test(TestArgs {
                tiers: vec![Tier::E2e, Tier::Core],
                keep_going: true,
            }))
        );
        assert_eq!(
            parse_str("test wasm dist"),
            Ok(Command::Test(TestArgs {
                tiers: vec![Tier::Wasm, Tier::Dist],
                keep_going: false,
            }))
        );
        assert_eq!(
            parse_str("test core cor"),
            Err("test: unknown test tier `cor` (tiers: core, wasm, dist, e2e)".into())
        );
        for tier in Tier::ALL {
            assert_eq!(tier.name().parse::<Tier>(), Ok(tier));
        }
    }

    #[test]
    fn site_takes_one_folder_and_its_options() {
        assert_eq!(
            parse_str(
                "site corpus --out /tmp/s --url https://example.org/ --title T --aliases a.txt"
            ),
            Ok(Command::Site(crate::site::SiteArgs {
                dir: "corpus".into(),
                out: Some("/tmp/s".into()),
                url: Some("https://example.org/".into()),
                title: Some("T".into()),
                aliases: Some("a.txt".into()),
            }))
        );
        assert!(parse_str("site").is_err());
        assert!(parse_str("site a b").is_err());
        assert!(parse_str("site a --nope").is_err());
    }

    #[test]
    fn serve_takes_address_port_and_passes_the_rest_to_trunk() {
        assert_eq!(parse_str("serve"), Ok(Command::Serve(ServeArgs::default())));
        assert_eq!(
            parse_str("serve --port 9000 --address 0.0.0.0 -- --release --port 1"),
            Ok(Command::Serve(ServeArgs {
                address: Some("0.0.0.0".into()),
                port: Some(9000),
                trunk_args: vec!["--release".into(), "--port".into(), "1".into()],
                site: None,
            }))
        );
        assert_eq!(
            parse_str("serve --site corpus"),
            Ok(Command::Serve(ServeArgs {
                site: Some("corpus".into()),
                ..ServeArgs::default()
            }))
        );
        // After `--` nothing is ours, not even `--help` or another `--`.
        assert_eq!(
            parse_str("serve -- --help -- x"),
            Ok(Command::Serve(ServeArgs {
                trunk_args: vec!["--help".into(), "--".into(), "x".into()],
                ..ServeArgs::default()
            }))
        );
        assert_eq!(
            parse_str("serve --port"),
            Err("serve: --port needs a value".into())
        );
        assert_eq!(
            parse_str("serve --port 80a"),
            Err("serve: bad port `80a`".into())
        );
        assert_eq!(
            parse_str("serve --port 1 --port 2"),
            Err("serve: --port is given more than once".into())
        );
    }

    #[test]
    fn bench_names_its_benchmark_and_refuses_others() {
        assert_eq!(
            parse_str("bench search"),
            Ok(Command::Bench {
                which: Bench::Search,
                quick: false
            })
        );
        assert_eq!(
            parse_str("bench --quick search"),
            Ok(Command::Bench {
                which: Bench::Search,
                quick: true
            })
        );
        assert_eq!(
            parse_str("bench serch"),
            Err("bench: unknown benchmark `serch` (benchmarks: search, web, library)".into())
        );
        assert_eq!(
            parse_str("bench corpus /tmp/corpus"),
            Ok(Command::BenchCorpus {
                dir: Some("/tmp/corpus".into()),
                page: None,
                queries: None
            })
        );
        assert_eq!(
            parse_str("bench corpus"),
            Ok(Command::BenchCorpus {
                dir: None,
                page: None,
                queries: None
            })
        );
        assert_eq!(
            parse_str("bench corpus --page /tmp/site --queries 8"),
            Ok(Command::BenchCorpus {
                dir: None,
                page: Some("/tmp/site".into()),
                queries: Some(8)
            })
        );
        assert_eq!(
            parse_str("bench corpus --queries 0"),
            Err("bench corpus: --queries takes a count, not `0`".into())
        );
        assert!(parse_str("bench corpus --page").is_err());
        assert_eq!(
            parse_str("bench site /tmp/corpus"),
            Ok(Command::BenchSite {
                dir: Some("/tmp/corpus".into()),
                rebuild: false,
            })
        );
        assert_eq!(
            parse_str("bench site"),
            Ok(Command::BenchSite {
                dir: None,
                rebuild: false
            })
        );
        assert_eq!(
            parse_str("bench site --rebuild /tmp/corpus"),
            Ok(Command::BenchSite {
                dir: Some("/tmp/corpus".into()),
                rebuild: true,
            })
        );
        assert!(parse_str("bench site --rebild").is_err());
        assert!(parse_str("bench site a b").is_err());
        assert!(parse_str("bench --quick site").is_err());
        assert_eq!(
            parse_str("bench"),
            Err("bench: name a benchmark (benchmarks: search, web, site, corpus)".into())
        );
        assert_eq!(
            parse_str("bench search --fast"),
            Err("bench: unknown flag `--fast`".into())
        );
    }

    #[test]
    fn help_in_any_position() {
        for args in ["help", "-h", "--help", "setup --help", "test core -h"] {
            assert_eq!(parse_str(args), Ok(Command::Help), "{args}");
        }
    }
}
