//! `shilu index DIR --out OUT` and `shilu search OUT QUERY`: the corpus's
//! search index as a site's files, and a query over them with the same
//! core code the page runs.

use serde_json::json;
use shilu_core::corpus::aliases::Aliases;
use shilu_core::corpus::build;
use shilu_core::corpus::folder::{Fetch, Folder};
use shilu_core::corpus::identity::{self, Identity, Kind};
use shilu_core::corpus::query;
use shilu_core::corpus::search::{self, Filters, PassageId, Sort};
use shilu_core::corpus::session::rounds::{rounds, Stepped};
use shilu_core::corpus::session::{self, files::Files, Remote, Session};
use shilu_core::Role;
use std::fmt::Write;
use std::path::Path;
use std::rc::Rc;

use crate::{usage, Failure};

fn failure(e: impl std::fmt::Display) -> Failure {
    Failure(e.to_string())
}

/// `--role ROLE`: one of the model's role names.
fn role(name: &str) -> Result<Role, Failure> {
    Role::from_name(name).ok_or_else(|| {
        usage(&format!(
            "unknown role `{name}` (host, official, journalist, other)"
        ))
    })
}

/// `shilu index DIR --out OUT [--aliases FILE]`: reads every transcript
/// below DIR and writes the index to OUT/index/ and the corpus to
/// OUT/corpus.jsonl, replacing OUT only once the new one is whole; the
/// speakers FILE names as one person counted as one.
pub fn index(args: &[String]) -> Result<String, Failure> {
    const USAGE: &str = "shilu index DIR --out OUT [--aliases FILE]";
    let (mut dir, mut out, mut aliases) = (None, None, Aliases::default());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = Some(it.next().ok_or_else(|| usage(USAGE))?),
            "--aliases" => {
                let file = it.next().ok_or_else(|| usage(USAGE))?;
                let text = std::fs::read_to_string(file)
                    .map_err(|e| Failure(format!("cannot read the aliases {file}: {e}")))?;
                aliases = Aliases::parse(&text).map_err(|e| Failure(format!("{file}: {e}")))?;
            }
            f if f.starts_with("--") => return Err(usage(USAGE)),
            d if dir.is_none() => dir = Some(d),
            _ => return Err(usage(USAGE)),
        }
    }
    let (Some(dir), Some(out)) = (dir, out) else {
        return Err(usage(USAGE));
    };
    // On stderr, and only on a terminal (indicatif hides it elsewhere).
    let bar = indicatif::ProgressBar::new(0).with_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} files, {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message("reading");
    let progress = |p: build::Progress| match p {
        build::Progress::Files(n) => bar.set_length(n as u64),
        build::Progress::Read => bar.inc(1),
        build::Progress::Indexing => bar.set_message("indexing"),
    };
    let report = build::build(Path::new(dir), Path::new(out), &aliases, &progress);
    bar.finish_and_clear();
    Ok(report.map_err(failure)?.to_string())
}

struct Args<'a> {
    site: &'a str,
    query: String,
    json: bool,
    verify: bool,
    cost: bool,
    filters: Filters,
    sort: Sort,
    limit: usize,
}

fn parse_args(args: &[String]) -> Result<Args<'_>, Failure> {
    let mut plain = Vec::new();
    let mut a = Args {
        site: "",
        query: String::new(),
        json: false,
        verify: false,
        cost: false,
        filters: Filters::default(),
        sort: Sort::Date,
        limit: 20,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| usage(&format!("`{flag}` needs a value")))
        };
        match arg.as_str() {
            "--json" => a.json = true,
            "--verify" => a.verify = true,
            "--cost" => a.cost = true,
            "--speaker" => {
                let name = value("--speaker")?;
                a.filters.speaker = Some(Identity {
                    kind: Kind::Person,
                    key: identity::key(&name),
                });
            }
            "--outlet" => {
                let name = value("--outlet")?;
                a.filters.speaker = Some(Identity {
                    kind: Kind::Outlet,
                    key: identity::key(&name),
                });
            }
            "--role" => {
                a.filters.role = Some(role(&value("--role")?)?);
            }
            "--organiser" => a.filters.organiser = Some(value("--organiser")?),
            "--from" => a.filters.from = Some(value("--from")?),
            "--to" => a.filters.to = Some(value("--to")?),
            "--sort" => {
                a.sort = match value("--sort")?.as_str() {
                    "date" => Sort::Date,
                    "relevance" => Sort::Relevance,
                    s => return Err(usage(&format!("unknown sort `{s}` (date, relevance)"))),
                }
            }
            "--limit" => {
                a.limit = value("--limit")?
                    .parse()
                    .map_err(|_| usage("`--limit` takes a number"))?
            }
            f if f.starts_with("--") => return Err(usage(&format!("unknown flag `{f}`"))),
            _ => plain.push(arg.as_str()),
        }
    }
    match plain.as_slice() {
        [site, q @ ..] if !q.is_empty() => {
            a.site = site;
            a.query = q.join(" ");
            Ok(a)
        }
        _ => Err(usage("shilu search SITE QUERY [--json] [--cost]")),
    }
}

/// The index under `site`, opened through the session's file source.
fn open(site: &Path) -> Result<Rc<Remote<Files>>, Failure> {
    match session::ready(Remote::open(Files(site.join("index")))) {
        Some(Ok(index)) => Ok(Rc::new(index)),
        Some(Err(e)) => Err(Failure(format!("cannot read the index: {e}"))),
        None => Err(Failure("a read of the index waited: a bug".into())),
    }
}

/// A session's step over files: every read is ready at once.
fn run<T, E: std::fmt::Display>(
    f: impl std::future::Future<Output = Result<T, E>>,
) -> Result<T, Failure> {
    match session::ready(f) {
        Some(r) => r.map_err(failure),
        None => Err(Failure("a read of the index waited: a bug".into())),
    }
}

/// What a browser's cold query fetches to show its first `limit`
/// passages with their excerpts: the files and ranges, as read, and the
/// round trips it waits for (reads one after another: [`rounds`]).
struct Cold {
    fetches: Vec<Fetch>,
    first: Vec<PassageId>,
    tried: usize,
    rounds: usize,
}

/// Runs `q` as the page does with nothing cached: the index opened, the
/// session's first results, then their transcripts' cards and passages.
fn cold(site: &Path, q: &query::Query, a: &Args<'_>) -> Result<Cold, Failure> {
    let (index, opened) = rounds(Remote::open(Stepped(Files(site.join("index")))));
    let index = Rc::new(index.map_err(|e| Failure(format!("cannot read the index: {e}")))?);
    let mut s = Session::new(index.clone(), q.clone(), a.filters.clone(), a.sort);
    let (first, found) = rounds(s.first(a.limit));
    let first = first.map_err(failure)?;
    let (shown, showing) = rounds(s.hits(&first.passages));
    shown.map_err(failure)?;
    Ok(Cold {
        fetches: index.take_fetches(),
        first: first.passages.iter().map(|(id, _)| *id).collect(),
        tried: first.tried,
        rounds: opened + found + showing,
    })
}

/// A fetch's size on the wire: brotli for a whole file (a static host
/// serves it compressed), the bytes themselves for a range.
fn wire_bytes(site: &Path, f: &Fetch) -> u64 {
    if f.range.is_some() {
        return f.bytes;
    }
    let Ok(data) = std::fs::read(site.join("index").join(&f.path)) else {
        return f.bytes;
    };
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &data[..], &mut out, &params) {
        Ok(n) => n as u64,
        Err(_) => f.bytes,
    }
}

/// `shilu search SITE QUERY [--json] [--cost] [filters]`
pub fn search(args: &[String]) -> Result<String, Failure> {
    let a = parse_args(args)?;
    let q = query::parse(&a.query).map_err(|e| Failure(format!("cannot search: {e}")))?;
    let site = Path::new(a.site);
    let index = open(site)?;
    // Every match, from every block: the reference the page's first
    // results are checked against.
    let mut s = Session::new(index.clone(), q.clone(), a.filters.clone(), a.sort);
    let found = run(s.found())?;
    let all_fetches = index.take_fetches();
    if a.verify {
        let folder = Folder::open(&site.join("index"))
            .map_err(|e| Failure(format!("cannot read the index: {e}")))?;
        verify(&q, &folder, &found)?;
    }
    run(s.read_records(found.docs()))?;
    let results = found.results(&s.records, &s.filters, a.sort);
    let cost = if a.cost {
        let c = cold(site, &q, &a)?;
        let expected: Vec<PassageId> = results
            .passages
            .iter()
            .take(a.limit)
            .map(|(id, _)| *id)
            .collect();
        if c.first != expected {
            return Err(Failure(format!(
                "a cold query's first {} results differ from the whole search's: a bug",
                a.limit
            )));
        }
        let files: Vec<serde_json::Value> = c
            .fetches
            .iter()
            .map(|f| {
                json!({"path": f.path, "range": f.range.as_ref().map(|r| [r.start, r.end]),
                       "bytes": f.bytes, "wire": wire_bytes(site, f)})
            })
            .collect();
        let wire: u64 = files.iter().filter_map(|f| f["wire"].as_u64()).sum();
        let distinct: std::collections::BTreeSet<&str> =
            c.fetches.iter().map(|f| f.path.as_str()).collect();
        let all_bytes: u64 = all_fetches
            .iter()
            .filter(|f| f.range.is_some())
            .map(|f| f.bytes)
            .sum();
        Some(json!({
            "results": c.first.len(),
            "requests": c.fetches.len(),
            "rounds": c.rounds,
            "files": distinct.len(),
            "bytes": wire,
            "windows": c.tried,
            "fetches": files,
            "all_postings_bytes": all_bytes,
        }))
    } else {
        None
    };
    if !a.json {
        let mut out = String::new();
        for t in &results.transcripts {
            let r = &s.records[&t.doc];
            let _ = writeln!(
                out,
                "{:>5}  {:<10}  {}  {}",
                t.hits,
                r.date.as_deref().unwrap_or("-"),
                r.source,
                r.title
            );
        }
        let _ = writeln!(
            out,
            "{} matches in {} passages of {} transcripts",
            results.hits,
            results.passages.len(),
            results.transcripts.len()
        );
        if let Some(c) = &cost {
            let _ = writeln!(
                out,
                "a cold query fetches {} bytes ({} requests, {} files, {} round trips) for its first {} results",
                c["bytes"], c["requests"], c["files"], c["rounds"], c["results"]
            );
        }
        return Ok(out);
    }
    // The first passages with their excerpts.
    let first: Vec<_> = results.passages.iter().take(a.limit).cloned().collect();
    let passages: Vec<serde_json::Value> = run(s.hits(&first))?
        .into_iter()
        .map(|h| {
            json!({
                "source": h.card.source,
                "url": h.card.url,
                "block": h.passage.block,
                "speaker": h.passage.speaker,
                "excerpt": h.excerpt.text,
                "marks": h.excerpt.marks.iter().map(|m| [m.start, m.end]).collect::<Vec<_>>(),
                "hits": h.hits,
            })
        })
        .collect();
    let mut v = json!({
        "query": a.query,
        "hits": results.hits,
        "passages": results.passages.len(),
        "transcripts": results.transcripts.len(),
        "by_transcript": results.transcripts.iter().map(|t| {
            let r = &s.records[&t.doc];
            json!({"source": r.source, "url": r.url, "title": r.title, "date": r.date,
                   "hits": t.hits, "passages": t.passages})
        }).collect::<Vec<_>>(),
        "years": results.years,
        "speakers": results.speakers.iter().map(|(id, name, n)| json!({"speaker": name, "kind": id.kind, "hits": n})).collect::<Vec<_>>(),
        "first": passages,
    });
    if let Some(c) = cost {
        v["cost"] = c;
    }
    Ok(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n")
}

/// `--verify`: reads every passage the index holds and checks that the
/// index found exactly the passages and matches a scan finds.
fn verify(q: &query::Query, folder: &Folder, found: &search::Found) -> Result<(), Failure> {
    let mut texts = Vec::with_capacity(folder.meta.docs as usize);
    for d in 0..folder.meta.docs {
        let at = folder.doc(d).map_err(failure)?;
        let ps = folder.passages(&at).map_err(failure)?;
        texts.push(ps.into_iter().map(|p| p.text).collect::<Vec<_>>());
    }
    let _ = folder.take_fetches();
    let scanned = shilu_core::corpus::scan::find(q, &texts);
    if &scanned != found {
        let only = |a: &search::Found, b: &search::Found| {
            a.passages
                .keys()
                .filter(|k| !b.passages.contains_key(k))
                .count()
        };
        return Err(Failure(format!(
            "the index and a scan disagree: {} passages only in the index, {} only in the scan, {} with other matches",
            only(found, &scanned),
            only(&scanned, found),
            found
                .passages
                .iter()
                .filter(|(k, v)| scanned.passages.get(k).is_some_and(|w| w != *v))
                .count()
        )));
    }
    eprintln!(
        "verified: the index finds what a scan of all {} transcripts finds ({} passages)",
        folder.meta.docs,
        found.passages.len()
    );
    Ok(())
}

/// `shilu speakers SITE [--role ROLE] [--json]`: the speakers index, most
/// transcripts first.
pub fn speakers(args: &[String]) -> Result<String, Failure> {
    let (mut site, mut shown_role, mut as_json) = (None, None, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => as_json = true,
            "--role" => {
                let r = it.next().ok_or_else(|| usage("`--role` needs a value"))?;
                shown_role = Some(role(r)?);
            }
            f if f.starts_with("--") => return Err(usage(&format!("unknown flag `{f}`"))),
            s if site.is_none() => site = Some(s),
            _ => return Err(usage("shilu speakers SITE [--role ROLE] [--json]")),
        }
    }
    let site = site.ok_or_else(|| usage("shilu speakers SITE [--role ROLE] [--json]"))?;
    let folder = Folder::open(&Path::new(site).join("index"))
        .map_err(|e| Failure(format!("cannot read the index: {e}")))?;
    let all = folder.speakers().map_err(failure)?;
    let shown: Vec<_> = all
        .iter()
        .filter(|s| shown_role.is_none_or(|r| s.role == r))
        .collect();
    if as_json {
        return Ok(serde_json::to_string_pretty(&shown).unwrap_or_default() + "\n");
    }
    let mut out = String::new();
    for s in &shown {
        let _ = writeln!(
            out,
            "{:>5}  {:<10}  {:<10}  {:<10}  {}",
            s.transcripts,
            s.role.as_str(),
            s.first.as_deref().unwrap_or("-"),
            s.last.as_deref().unwrap_or("-"),
            s.name
        );
    }
    let _ = writeln!(out, "{} speakers", shown.len());
    Ok(out)
}
