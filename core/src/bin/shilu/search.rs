//! `shilu index DIR --out OUT` and `shilu search OUT QUERY`: the corpus's
//! search index as a site's files, and a query over them with the same
//! core code the page runs.

use serde_json::json;
use shilu_core::corpus::catalog::Record;
use shilu_core::corpus::excerpt::excerpt;
use shilu_core::corpus::folder::{self, Folder, DOC_CHUNK};
use shilu_core::corpus::identity::{self, Identity, Kind};
use shilu_core::corpus::load;
use shilu_core::corpus::query;
use shilu_core::corpus::search::{self, Filters, Sort};
use shilu_core::Role;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;
use std::time::Instant;

/// `shilu index DIR --out OUT`: reads every transcript below DIR and
/// writes the index to OUT/index/, replacing the one there only once the
/// new one is whole.
pub fn index(args: &[String]) -> Result<String, String> {
    let (dir, out) = match args {
        [dir, flag, out] if flag == "--out" => (dir, out),
        [flag, out, dir] if flag == "--out" => (dir, out),
        _ => return Err("usage error: shilu index DIR --out OUT (try `shilu --help`)".into()),
    };
    let started = Instant::now();
    let dir = Path::new(dir);
    let files = load::files(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let (mut entries, mut skipped) = (Vec::new(), Vec::new());
    for r in load::read_all(dir, &files, &folder::entry, &|| {}) {
        match r {
            Ok(e) => entries.push(e),
            Err(s) => skipped.push(s),
        }
    }
    let read_secs = started.elapsed().as_secs_f64();
    let built = folder::build(entries);
    let index_secs = started.elapsed().as_secs_f64() - read_secs;
    let target = Path::new(out).join("index");
    let fresh = Path::new(out).join(format!(".index-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    let (written, bytes) = built
        .write(&fresh)
        .map_err(|e| format!("cannot write {}: {e}", fresh.display()))?;
    let old = Path::new(out).join(format!(".index-old-{}", std::process::id()));
    if target.exists() {
        std::fs::rename(&target, &old)
            .map_err(|e| format!("cannot replace {}: {e}", target.display()))?;
    }
    std::fs::rename(&fresh, &target)
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    let _ = std::fs::remove_dir_all(&old);
    let mut report = String::new();
    for s in &skipped {
        let _ = writeln!(report, "skipped {}: {}", s.source, s.reason);
    }
    let _ = writeln!(
        report,
        "{} files, {} transcripts, {} skipped, {} passages; wrote {written} files, {:.1} MB, to {} in {:.1} s (read and parsed {read_secs:.1} s, indexed {index_secs:.1} s)",
        files.len(),
        built.records.len(),
        skipped.len(),
        built.meta.passages,
        bytes as f64 / 1e6,
        target.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(report)
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

fn parse_args(args: &[String]) -> Result<Args<'_>, String> {
    let usage = |m: &str| format!("usage error: {m} (try `shilu --help`)");
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
                let r = value("--role")?;
                a.filters.role = Some(Role::ALL.into_iter().find(|x| x.as_str() == r).ok_or_else(
                    || {
                        usage(&format!(
                            "unknown role `{r}` (host, official, journalist, other)"
                        ))
                    },
                )?);
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
pub fn search(args: &[String]) -> Result<String, String> {
    let a = parse_args(args)?;
    let q = query::parse(&a.query).map_err(|e| format!("cannot search: {e}"))?;
    let dir = Path::new(a.site).join("index");
    let folder = Folder::open(&dir).map_err(|e| format!("cannot read the index: {e}"))?;
    let mut shards = HashMap::new();
    for i in search::shards_needed(&q, &folder.meta) {
        shards.insert(i, folder.shard(i).map_err(|e| e.to_string())?);
    }
    let found = search::find(&q, &folder.meta, &shards).map_err(|e| e.to_string())?;
    if a.verify {
        verify(&q, &folder, &found)?;
    }
    let mut records: HashMap<u32, Record> = HashMap::new();
    let mut chunks = std::collections::BTreeSet::new();
    for d in found.docs() {
        chunks.insert(d / DOC_CHUNK);
    }
    for c in &chunks {
        for (i, r) in folder
            .records(*c)
            .map_err(|e| e.to_string())?
            .into_iter()
            .enumerate()
        {
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
            texts.insert(chunk, folder.texts(chunk).map_err(|e| e.to_string())?);
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
fn verify(q: &query::Query, folder: &Folder, found: &search::Found) -> Result<(), String> {
    let chunks = folder.meta.docs.div_ceil(DOC_CHUNK);
    let mut texts = Vec::with_capacity(folder.meta.docs as usize);
    for c in 0..chunks {
        texts.extend(folder.texts(c).map_err(|e| e.to_string())?);
    }
    let scanned = shilu_core::corpus::scan::find(q, &texts);
    if &scanned != found {
        let only = |a: &search::Found, b: &search::Found| {
            a.passages
                .keys()
                .filter(|k| !b.passages.contains_key(k))
                .count()
        };
        return Err(format!(
            "the index and a scan disagree: {} passages only in the index, {} only in the scan, {} with other matches",
            only(found, &scanned),
            only(&scanned, found),
            found
                .passages
                .iter()
                .filter(|(k, v)| scanned.passages.get(k).is_some_and(|w| w != *v))
                .count()
        ));
    }
    eprintln!(
        "verified: the index finds what a scan of all {} transcripts finds ({} passages)",
        folder.meta.docs,
        found.passages.len()
    );
    Ok(())
}
