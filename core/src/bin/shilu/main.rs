//! `shilu`: the command-line face of shilu-core.
//!
//! ```text
//! shilu parse [--name NAME] FILE   print the parsed transcript as JSON (FILE may be -)
//! shilu ics [--activities] FILE    print its dated events as an iCalendar file
//! shilu md FILE                    print it as SayIt-style Markdown
//! shilu akn FILE                   print it as an Akoma Ntoso 3.0 debate (XML)
//! shilu meta [--url URL] FILE      print its Open Graph / Twitter meta (and canonical link)
//! shilu html FILE                  print it as one plain static HTML page
//! shilu corpus [--json] DIR        parse every file of a folder and report
//! shilu index DIR --out SITE [--aliases FILE]  write the corpus's search index to SITE/index/
//! shilu search SITE QUERY [--json] search it: the matching transcripts and their hits
//! shilu speakers SITE [--role R]   the speakers index: one person (or outlet) across transcripts
//! shilu site DIR --assets DIST      a static corpus site (runs shilu-site, beside this binary)
//! shilu --help                     print this help
//! ```
//!
//! Errors print one line to stderr and exit with code 1. Adding a
//! subcommand is one arm in [`run`].

mod corpus;
mod search;

use std::io::{Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
shilu — explore Chinese press-conference transcripts (文字实录)

Usage:
  shilu parse [--name NAME] FILE  parse a transcript and print it as JSON (FILE may be - for stdin);
                                  --name: the file name to use for stdin (the meta falls back on
                                  a date in it, e.g. 2024-05-08-….md)
  shilu ics [--activities] FILE   print its dated events as an RFC 5545 calendar (.ics);
                                  --activities: only the activity plan (e.g. 扶贫日 activities)
  shilu md FILE                   print it as Markdown in the SayIt layout (### 名字： before each
                                  speech, > before what is not speech); it reads back the same turns
  shilu akn FILE                  print it as an Akoma Ntoso 3.0 debate (OASIS LegalDocML XML):
                                  a speech per turn (by= the speaker's TLCPerson, as= the role),
                                  the title, date and language in the FRBR identification
  shilu meta [--url URL] FILE     print the <head> tags a link preview or search engine reads:
                                  Open Graph and Twitter title, description and date; with
                                  --url (the site's address, e.g. https://example.org/shilu/)
                                  a canonical link and og:url too
  shilu html FILE                 print it as one plain static HTML page (turns, paragraphs and
                                  their anchors; no script): the baseline of `cargo xtask bench web`
  shilu corpus [--json] DIR       parse every file in DIR (and below): per file its turns and
                                  speakers, a warning where speaker-like lines gave no turns;
                                  then one summary line (files, MB, MB/s, files with turns,
                                  lossless, panics). --json: one JSON record per file instead
  shilu index DIR --out SITE [--aliases FILE]
                                  read every transcript below DIR and write the corpus's search
                                  index to SITE/index/ and the corpus to SITE/corpus.jsonl (one
                                  record per transcript: source, url, meta, participants, turns);
                                  SITE is replaced only once the new one is whole; files that
                                  cannot be read are named, and the rest go on. --aliases FILE:
                                  who is one person under several names, a line each, the
                                  names joined by `=` (唐鳳 = Audrey Tang), counted as the first;
                                  the report suggests pairs the texts write as one
  shilu search SITE QUERY         search SITE/index/: every passage that contains every word of
                                  QUERY, in traditional or simplified script (\"a phrase\" keeps its
                                  spaces, -word leaves out passages with it); prints the matching
                                  transcripts, newest first, with their matches. Flags: --json
                                  (totals, each transcript, hits per year and speaker, the first
                                  passages with excerpts), --speaker NAME, --outlet NAME,
                                  --role host|official|journalist|other, --organiser NAME,
                                  --from DATE, --to DATE (YYYY, YYYY-MM or YYYY-MM-DD),
                                  --sort date|relevance, --limit N (passages in --json, 20),
                                  --verify (also scan every passage and check the index agrees),
                                  --cost (also run the query as a browser's cold query would, and
                                  print every file and byte range it fetches for its first --limit
                                  results, their bytes on the wire: brotli for whole files, and
                                  the round trips it waits for: reads one after another)
  shilu speakers SITE             the speakers of SITE's corpus, most transcripts first: one person
                                  across transcripts (a name in either script), journalists under
                                  their outlet, role words (问, 記者) no one; --role ROLE, --json
  shilu site DIR --assets DIST [--out OUT] [--url URL] [--title TITLE]
                                  write a static site of every transcript below DIR to OUT (site):
                                  a page per transcript (the reader), per speaker, the lists, feed,
                                  sitemap and search index; DIST: the app's assets (cargo xtask
                                  dist). Runs the shilu-site binary (beside shilu, or on PATH);
                                  `shilu site --help` says more
  shilu --help                    show this help
  shilu --version                 show the version

Input may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
Errors are reported on one line to stderr with exit code 1.
";

/// A failure to report: one line, exit code 1.
#[derive(Debug)]
struct Failure(String);

fn usage(msg: &str) -> Failure {
    Failure(format!("usage error: {msg} (try `shilu --help`)"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if args.first().is_some_and(|a| a == "site") {
        return site(&args[1..]);
    }
    match run(&args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`shilu parse f | head`) is not an error worth a panic.
            let _ = stdout
                .write_all(out.as_bytes())
                .and_then(|_| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(Failure(msg)) => {
            let line = msg.replace(['\n', '\r'], " ");
            let _ = writeln!(std::io::stderr().lock(), "shilu: {line}");
            ExitCode::FAILURE
        }
    }
}

/// `shilu site …`: the corpus site is rendered with the app's own
/// components, which this leptos-free binary does not link; its own
/// binary, `shilu-site`, is found beside this one (as `cargo build`
/// leaves them) or on the PATH, as git and cargo find theirs.
fn site(args: &[String]) -> ExitCode {
    let name = format!("shilu-site{}", std::env::consts::EXE_SUFFIX);
    let beside = std::env::current_exe()
        .ok()
        .and_then(|e| Some(e.parent()?.join(&name)))
        .filter(|p| p.is_file());
    let program = beside.unwrap_or_else(|| name.clone().into());
    match std::process::Command::new(&program).args(args).status() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "shilu: site needs the {name} binary beside shilu or on the PATH ({e}): build it with `cargo build --release -p shilu-site`, or use `cargo xtask site DIR`"
            );
            ExitCode::FAILURE
        }
    }
}

/// Runs a command line (without the program name) and returns what to print.
fn run(args: &[String]) -> Result<String, Failure> {
    let (cmd, rest) = match args.split_first() {
        Some((cmd, rest)) => (cmd.as_str(), rest),
        None => return Err(usage("no command given")),
    };
    match cmd {
        "-h" | "--help" | "help" => Ok(HELP.to_string()),
        "-V" | "--version" => Ok(format!("shilu {}\n", env!("CARGO_PKG_VERSION"))),
        "parse" => cmd_parse(rest),
        "ics" => cmd_ics(rest),
        "corpus" => corpus::run(rest).map_err(Failure),
        "index" => search::index(rest),
        "search" => search::search(rest),
        "speakers" => search::speakers(rest),
        "md" => cmd_md(rest),
        "akn" => cmd_akn(rest),
        "meta" => cmd_meta(rest),
        "html" => cmd_html(rest),
        other => Err(usage(&format!("unknown command `{other}`"))),
    }
}

/// `shilu parse [--name NAME] FILE`
fn cmd_parse(args: &[String]) -> Result<String, Failure> {
    let (name, args) = match args {
        [flag, name, rest @ ..] if flag == "--name" => (Some(name.as_str()), rest),
        [flag] if flag == "--name" => return Err(usage("`--name` needs a NAME")),
        _ => (None, args),
    };
    let path = one_file(args, "parse")?;
    let bytes = read_input(path)?;
    // A file's own name, unless --name gives one (for stdin).
    let name = name.or((path != "-").then_some(path));
    let doc =
        shilu_core::analysed_bytes(&bytes, name).map_err(|e| Failure(format!("{path}: {e}")))?;
    Ok(shilu_core::export::json(&doc))
}

/// `shilu md FILE`
fn cmd_md(args: &[String]) -> Result<String, Failure> {
    let path = one_file(args, "md")?;
    let bytes = read_input(path)?;
    let name = (path != "-").then_some(path);
    let text = shilu_core::decode(&bytes).map_err(|e| Failure(format!("{path}: {e}")))?;
    Ok(shilu_core::markdown::markdown(&shilu_core::structure(
        &text, name,
    )))
}

/// `shilu akn FILE`: the work is named by the text's content key. (The
/// writer is native only: a wasm build of this command line has no `akn`.)
#[cfg(not(target_arch = "wasm32"))]
fn cmd_akn(args: &[String]) -> Result<String, Failure> {
    let path = one_file(args, "akn")?;
    let bytes = read_input(path)?;
    let name = (path != "-").then_some(path);
    let text = shilu_core::decode(&bytes).map_err(|e| Failure(format!("{path}: {e}")))?;
    let doc = shilu_core::structure(&text, name);
    Ok(shilu_core::akn::akn(
        &doc,
        &shilu_core::library::content_key(&text),
    ))
}

#[cfg(target_arch = "wasm32")]
fn cmd_akn(_: &[String]) -> Result<String, Failure> {
    Err(Failure("akn: not in this build (native only)".to_string()))
}

/// `shilu meta [--url URL] FILE`
fn cmd_meta(args: &[String]) -> Result<String, Failure> {
    let (url, args) = match args {
        [flag, url, rest @ ..] if flag == "--url" => (Some(url.as_str()), rest),
        [flag] if flag == "--url" => return Err(usage("`--url` needs a URL")),
        _ => (None, args),
    };
    let url = url
        .map(shilu_core::share::site_url)
        .transpose()
        .map_err(|e| usage(&e))?;
    let path = one_file(args, "meta")?;
    let bytes = read_input(path)?;
    let name = (path != "-").then_some(path);
    let text = shilu_core::decode(&bytes).map_err(|e| Failure(format!("{path}: {e}")))?;
    let doc = shilu_core::structure(&text, name);
    Ok(shilu_core::share::share_meta(&doc, url).to_html())
}

/// `shilu html FILE`
fn cmd_html(args: &[String]) -> Result<String, Failure> {
    let path = one_file(args, "html")?;
    let bytes = read_input(path)?;
    let name = (path != "-").then_some(path);
    let text = shilu_core::decode(&bytes).map_err(|e| Failure(format!("{path}: {e}")))?;
    Ok(shilu_core::plain::page(&shilu_core::structure(&text, name)))
}

/// `shilu ics [--activities] FILE`
fn cmd_ics(args: &[String]) -> Result<String, Failure> {
    use shilu_core::ics::{calendar, IcsScope};
    let (scope, args) = match args.split_first() {
        Some((flag, rest)) if flag == "--activities" => (IcsScope::Activities, rest),
        _ => (IcsScope::All, args),
    };
    let path = one_file(args, "ics")?;
    let bytes = read_input(path)?;
    let name = (path != "-").then_some(path);
    let doc =
        shilu_core::analysed_bytes(&bytes, name).map_err(|e| Failure(format!("{path}: {e}")))?;
    Ok(calendar(&doc, scope))
}

/// The single FILE argument of a subcommand.
fn one_file<'a>(args: &'a [String], cmd: &str) -> Result<&'a str, Failure> {
    match args {
        [f] if f == "-h" || f == "--help" => Err(usage(&format!("shilu {cmd} FILE"))),
        [f] => Ok(f.as_str()),
        [] => Err(usage(&format!(
            "`shilu {cmd}` needs a FILE (or - for stdin)"
        ))),
        _ => Err(usage(&format!("`shilu {cmd}` takes one FILE"))),
    }
}

/// Reads a file, or stdin for `-`.
fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure(format!("cannot read stdin: {e}")))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| Failure(format!("cannot read {path}: {}", io_reason(&e))))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => e.to_string(),
    }
}
