//! `shilu index DIR --out OUT` and `shilu search OUT QUERY`: the corpus's
//! search index as a site's files, and a query over them with the same
//! core code the page runs.

use serde_json::json;
use shilu_core::corpus::build;
use shilu_core::corpus::catalog::Record;
use shilu_core::corpus::excerpt::excerpt;
use shilu_core::corpus::folder::{Folder, DOC_CHUNK};
use shilu_core::corpus::identity::{self, Identity, Kind};
use shilu_core::corpus::query;
use shilu_core::corpus::search::{self, Filters, Sort};
use shilu_core::Role;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

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

/// `shilu index DIR --out OUT`: reads every transcript below DIR and
/// writes the index to OUT/index/ and the corpus to OUT/corpus.jsonl,
/// replacing OUT only once the new one is whole.
pub fn index(args: &[String]) -> Result<String, Failure> {
    let (dir, out) = match args {
        [dir, flag, out] if flag == "--out" => (dir, out),
        [flag, out, dir] if flag == "--out" => (dir, out),
        _ => return Err(usage("shilu index DIR --out OUT")),
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
    let report = build::build(Path::new(dir), Path::new(out), &progress);
    bar.finish_and_clear();
    Ok(report.map_err(failure)?.to_string())
}

struct Args<'a> {
    site: &'a str,
    query: String,
    json: bool,
    verify: bool,
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
        _ => Err(usage("shilu search SITE QUERY [--json]")),
    }
}

/// `shilu search SITE QUERY [--json] [filters]`
pub fn search(args: &[String]) -> Result<String, Failure> {
    let a = parse_args(args)?;
    let q = query::parse(&a.query).map_err(|e| Failure(format!("cannot search: {e}")))?;
    let dir = Path::new(a.site).join("index");
    let folder = Folder::open(&dir).map_err(|e| Failure(format!("cannot read the index: {e}")))?;
    let mut shards = HashMap::new();
    for i in search::shards_needed(&q, &folder.meta) {
        shards.insert(i, folder.shard(i).map_err(failure)?);
    }
    let found = search::find(&q, &folder.meta, &shards).map_err(failure)?;
    if a.verify {
        verify(&q, &folder, &found)?;
    }
    let mut records: HashMap<u32, Record> = HashMap::new();
    let mut chunks = std::collections::BTreeSet::new();
    for d in found.docs() {
        chunks.insert(d / DOC_CHUNK);
    }
    for c in &chunks {
        for (i, r) in folder.records(*c).map_err(failure)?.into_iter().enumerate() {
            records.insert(c * DOC_CHUNK + i as u32, r);
        }
    }
    let results = found.results(&records, &a.filters, a.sort);
    if !a.json {
        let mut out = String::new();
        for t in &results.transcripts {
            let r = &records[&t.doc];
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
        return Ok(out);
    }
    // The first passages with their excerpts.
    let mut texts: HashMap<u32, Vec<Vec<String>>> = HashMap::new();
    let mut passages = Vec::new();
    for ((doc, p), spans) in results.passages.iter().take(a.limit) {
        let chunk = doc / DOC_CHUNK;
        if !texts.contains_key(&chunk) {
            texts.insert(chunk, folder.texts(chunk).map_err(failure)?);
        }
        let text = texts[&chunk]
            .get((doc % DOC_CHUNK) as usize)
            .and_then(|t| t.get(*p as usize))
            .map_or("", String::as_str);
        let r = &records[doc];
        let at = &r.passages[*p as usize];
        let who = at.speaker.and_then(|s| r.speakers.get(s as usize));
        let e = excerpt(text, spans, 40, 160);
        passages.push(json!({
            "source": r.source,
            "url": r.url,
            "block": at.block,
            "speaker": who.map(|w| &w.name),
            "excerpt": e.text,
            "marks": e.marks.iter().map(|m| [m.start, m.end]).collect::<Vec<_>>(),
            "hits": spans.len(),
        }));
    }
    let v = json!({
        "query": a.query,
        "hits": results.hits,
        "passages": results.passages.len(),
        "transcripts": results.transcripts.len(),
        "by_transcript": results.transcripts.iter().map(|t| {
            let r = &records[&t.doc];
            json!({"source": r.source, "url": r.url, "title": r.title, "date": r.date,
                   "hits": t.hits, "passages": t.passages})
        }).collect::<Vec<_>>(),
        "years": results.years,
        "speakers": results.speakers.iter().map(|(id, name, n)| json!({"speaker": name, "kind": id.kind, "hits": n})).collect::<Vec<_>>(),
        "first": passages,
    });
    Ok(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n")
}

/// `--verify`: reads every passage the index holds and checks that the
/// index found exactly the passages and matches a scan finds.
fn verify(q: &query::Query, folder: &Folder, found: &search::Found) -> Result<(), Failure> {
    let chunks = folder.meta.docs.div_ceil(DOC_CHUNK);
    let mut texts = Vec::with_capacity(folder.meta.docs as usize);
    for c in 0..chunks {
        texts.extend(folder.texts(c).map_err(failure)?);
    }
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
