//! `shilu-site DIR --assets DIST [--out OUT] [--url URL] [--title TITLE]
//! [--aliases FILE]`:
//! a folder of transcripts as one static site. `shilu site …` runs it
//! (the core's `shilu` binary has no UI to render pages with).

use indicatif::{ProgressBar, ProgressStyle};
use shilu_core::corpus::aliases::Aliases;
use shilu_core::corpus::build::Progress;
use shilu_site::build::{build, Event, Options};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "\
shilu site DIR --assets DIST [--out OUT] [--url URL] [--title TITLE] [--aliases FILE]

Reads every transcript below DIR (.txt, .md; any encoding shilu reads) and
writes a static site to OUT (default: site): a page per transcript (the
reader, with its series' previous and next, its speakers' pages and its
source file), the list of transcripts newest first and by year, a page
per speaker and the speakers index, feed.xml, sitemap.xml (with --url),
robots.txt, the search index and corpus.jsonl. DIST is the app's built
assets (`cargo xtask dist`). OUT is replaced only once the new site is
whole; files that cannot be read are named in the report and left out.
  --url URL      the site's address (https://example.org/shilu/): canonical
                 links, the feed's addresses and the sitemap
  --title TITLE  the site's name (default: DIR's name)
  --aliases FILE who is one person under several names, one person a line,
                 the names joined by `=` (唐鳳 = Audrey Tang): counted as the
                 first; the report suggests pairs the texts write as one
";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shilu site: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut dir = None;
    let (mut assets, mut out, mut url, mut title) = (None, None, None, None);
    let mut aliases = Aliases::default();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or(format!("{name} needs a value (try --help)"))
        };
        match a.as_str() {
            "--help" | "-h" => {
                print!("{HELP}");
                return Ok(());
            }
            "--assets" => assets = Some(PathBuf::from(value("--assets")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--url" => url = Some(shilu_core::share::site_url(&value("--url")?)?),
            "--title" => title = Some(value("--title")?),
            "--aliases" => {
                let file = value("--aliases")?;
                let text = std::fs::read_to_string(&file)
                    .map_err(|e| format!("cannot read the aliases {file}: {e}"))?;
                aliases = Aliases::parse(&text).map_err(|e| format!("{file}: {e}"))?;
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s} (try --help)")),
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => return Err(format!("one folder only, got another: {a} (try --help)")),
        }
    }
    let dir = dir.ok_or("which folder? (try --help)")?;
    let assets = assets.ok_or("--assets DIST: the app's built assets (cargo xtask dist)")?;
    if !dir.is_dir() {
        return Err(format!("{} is not a folder", dir.display()));
    }
    let title = title.unwrap_or_else(|| {
        std::fs::canonicalize(&dir)
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "shilu".into())
    });
    let options = Options {
        dir,
        assets,
        out: out.unwrap_or_else(|| PathBuf::from("site")),
        url,
        title,
        aliases,
    };
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} {elapsed}")
            .map_err(|e| e.to_string())?
            .progress_chars("=> "),
    );
    let report = build(&options, &|e| match e {
        Event::Corpus(Progress::Files(n)) => {
            bar.set_message("files read");
            bar.set_length(n as u64);
        }
        Event::Corpus(Progress::Read) => bar.inc(1),
        Event::Corpus(Progress::Indexing) => bar.set_message("indexing"),
        Event::Pages(n) => {
            bar.set_message("pages");
            bar.set_position(0);
            bar.set_length(n as u64);
        }
        Event::Page => bar.inc(1),
    })
    .map_err(|e| e.to_string());
    bar.finish_and_clear();
    // A closed pipe (`shilu site … | head`) is not worth a panic.
    let _ = write!(std::io::stdout().lock(), "{}", report?);
    Ok(())
}
