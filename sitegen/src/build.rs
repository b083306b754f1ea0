//! Builds a corpus site: the corpus's files (`corpus.jsonl`, the search
//! index: `shilu_core::corpus::build`), the app's assets, and every page,
//! into a new folder that replaces the output only once whole.

use crate::cache::{Cache, Key};
use crate::pages::list::{ListView, TranscriptList};
use crate::pages::moved::MovedSpeaker;
use crate::pages::speaker::SpeakerPage;
use crate::pages::speakers::SpeakerIndex;
use crate::pages::{render, Here};
use crate::shell::{Head, Share, Shell};
use crate::transcript_pages;
use leptos::prelude::*;
use shilu_core::corpus::aliases::Aliases;
use shilu_core::corpus::build::{self as corpus_build, BuildError, Fresh, Progress};
use shilu_core::corpus::catalog::Record;
use shilu_core::corpus::folder::Parts;
use shilu_core::corpus::speakers::Summary;
use shilu_core::corpus::{feed, site, terms};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// What to build.
pub struct Options {
    /// The folder of transcripts.
    pub dir: PathBuf,
    /// The app's built assets (`cargo xtask dist`'s `dist/`).
    pub assets: PathBuf,
    pub out: PathBuf,
    /// The site's address, ending in `/` (`shilu_core::share::site_url`):
    /// for the sitemap, the feed's and pages' canonical addresses.
    pub url: Option<String>,
    /// The site's name.
    pub title: String,
    /// Who is one person under several names (`--aliases FILE`).
    pub aliases: Aliases,
}

/// Where a build is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The corpus's build.
    Corpus(Progress),
    /// How many pages there are to write.
    Pages(usize),
    /// One more page written.
    Page,
}

/// What a build did.
#[derive(Debug)]
pub struct Report {
    pub corpus: corpus_build::Report,
    /// Pages written (HTML), and how long they took (the transcripts'
    /// among them).
    pub pages: usize,
    pub page_secs: f64,
    pub transcript_secs: f64,
    /// Files linked from the cache (and app pages read from it).
    pub cached: usize,
    /// Transcripts not parsed again (kept from the last build).
    pub kept: usize,
    /// What the speakers' terms reused of the last build's.
    pub terms: terms::Reused,
    /// Seconds per phase, in order; the index's (`index`, `index
    /// written`) run beside the pages'.
    pub phases: Vec<(&'static str, f64)>,
    /// Every file of the site, and their bytes.
    pub files: usize,
    pub bytes: u64,
    pub secs: f64,
    pub peak_memory: Option<u64>,
    pub out: String,
    /// The policy the pages need (also in `_headers`).
    pub policy: Option<String>,
    /// Whether a sitemap was written (it needs the site's address).
    pub sitemap: bool,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = &self.corpus;
        for s in &c.skipped {
            writeln!(f, "skipped {}: {}", s.source, s.reason)?;
        }
        write!(
            f,
            "{} files, {} transcripts, {} speakers, {} skipped; wrote {} files ({} pages), {:.1} MB, to {} in {:.1} s (read and parsed {:.1} s, indexed {:.1} s, pages {:.1} s of which transcripts {:.1} s; kept from the last build: {} transcripts parsed, {} files made)",
            c.files,
            c.transcripts,
            c.speakers,
            c.skipped.len(),
            self.files,
            self.pages,
            self.bytes as f64 / 1e6,
            self.out,
            self.secs,
            c.read_secs,
            c.index_secs,
            self.page_secs,
            self.transcript_secs,
            self.kept,
            self.cached,
        )?;
        match self.peak_memory {
            Some(m) => writeln!(f, ", peak memory {:.0} MB", m as f64 / 1e6)?,
            None => writeln!(f)?,
        }
        let phases: Vec<String> = self
            .phases
            .iter()
            .map(|(p, s)| format!("{p} {s:.1} s"))
            .collect();
        writeln!(f, "phases: {}", phases.join(", "))?;
        let (seg, t) = (&c.segments, &self.terms);
        let background = match (t.background, t.added) {
            (false, _) => "not the terms' background".to_string(),
            (true, 0) => "the terms' background (no transcript added)".to_string(),
            (true, 1) => "the terms' background (1 transcript added)".to_string(),
            (true, n) => format!("the terms' background ({n} transcripts added)"),
        };
        writeln!(
            f,
            "reused: {} of {} index segments, {background}, {} speakers' counts, {} terms' forms",
            seg.kept, seg.segments, t.speakers, t.outcomes,
        )?;
        if !self.sitemap {
            writeln!(f, "no sitemap.xml: it needs the site's address (--url)")?;
        }
        shilu_core::corpus::build::suggestions(f, &c.suggestions)?;
        if let Some(p) = &self.policy {
            writeln!(
                f,
                "serve it with this header (also in _headers):\nContent-Security-Policy: {p}"
            )?;
        }
        Ok(())
    }
}

/// Distinctive terms on a speaker's page.
pub const TERMS: usize = 20;

/// Counts what it writes.
pub struct Writer {
    root: PathBuf,
    files: AtomicUsize,
    bytes: AtomicUsize,
}

impl Writer {
    pub fn put(&self, rel: &str, data: &[u8]) -> Result<(), BuildError> {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| BuildError(format!("cannot write {}: {e}", parent.display())))?;
        }
        std::fs::write(&path, data)
            .map_err(|e| BuildError(format!("cannot write {}: {e}", path.display())))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(data.len(), Ordering::Relaxed);
        Ok(())
    }

    /// The file `rel`, made by `make`, or linked from the cache where it
    /// keeps the file of the key given.
    pub fn made(
        &self,
        rel: &str,
        kept: Option<(&Cache, Key)>,
        make: impl FnOnce() -> Result<Vec<u8>, BuildError>,
    ) -> Result<(), BuildError> {
        let Some((cache, key)) = kept else {
            return self.put(rel, &make()?);
        };
        let bytes = cache.file(&key, &self.root.join(rel), make)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes as usize, Ordering::Relaxed);
        Ok(())
    }

    /// The page at `folder` (`""` or ending in `/`).
    pub fn page(&self, folder: &str, html: &str) -> Result<(), BuildError> {
        self.put(&format!("{folder}index.html"), html.as_bytes())
    }
}

/// Runs `job` for `0..n` on every core; the first error stops it.
pub fn on_cores(
    n: usize,
    job: &(dyn Fn(usize) -> Result<(), BuildError> + Sync),
) -> Result<(), BuildError> {
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<BuildError>> = Mutex::new(None);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads.min(n) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n || failed.lock().map_or(true, |f| f.is_some()) {
                    break;
                }
                if let Err(e) = job(i) {
                    if let Ok(mut f) = failed.lock() {
                        f.get_or_insert(e);
                    }
                    break;
                }
            });
        }
    });
    match failed.into_inner() {
        Ok(Some(e)) => Err(e),
        _ => Ok(()),
    }
}

/// A folder's depth below the root.
pub fn depth(folder: &str) -> usize {
    folder.matches('/').count()
}

/// Builds the site of `o`.
pub fn build(o: &Options, progress: &(dyn Fn(Event) + Sync)) -> Result<Report, BuildError> {
    let started = Instant::now();
    let index = o.assets.join("index.html");
    let index_html = std::fs::read_to_string(&index).map_err(|e| {
        BuildError(format!(
            "cannot read the app's page {}: {e} (build it with `cargo xtask dist`)",
            index.display()
        ))
    })?;
    let shell = Shell::parse(&index_html).map_err(|e| BuildError(e.0))?;
    let fresh = Fresh::beside(&o.out)?;
    let cache = Cache::beside(&o.out, &index_html);
    let w = Writer {
        root: fresh.path().to_path_buf(),
        files: AtomicUsize::new(0),
        bytes: AtomicUsize::new(0),
    };
    let (corpus, (pages, policy)) = corpus_build::build_in(
        &o.dir,
        fresh.path(),
        cache.as_ref().and_then(|c| c.entries.as_ref()),
        &o.aliases,
        &|p| progress(Event::Corpus(p)),
        |parts| {
            let policy = assets(&o.assets, &w, &shell)?;
            let pages = pages(o, &shell, parts, &w, cache.as_ref(), progress)?;
            let robots = match &o.url {
                Some(url) => format!("User-agent: *\nAllow: /\nSitemap: {url}sitemap.xml\n"),
                None => "User-agent: *\nAllow: /\n".to_string(),
            };
            w.put("robots.txt", robots.as_bytes())?;
            Ok((pages, policy))
        },
    )?;
    let swapping = Instant::now();
    if let Some(c) = &cache {
        c.prune();
    }
    let (files, bytes) = (
        w.files.load(Ordering::Relaxed) + corpus.written,
        w.bytes.load(Ordering::Relaxed) as u64 + corpus.bytes,
    );
    fresh.swap_into(&o.out)?;
    let mut phases = corpus.phases.clone();
    phases.extend(pages.phases.iter().copied());
    phases.push(("pruned and swapped", swapping.elapsed().as_secs_f64()));
    Ok(Report {
        pages: pages.count,
        cached: cache.as_ref().map_or(0, |c| c.hits.load(Ordering::Relaxed)),
        kept: corpus.kept,
        terms: pages.terms,
        page_secs: pages.secs,
        transcript_secs: pages.transcript_secs,
        phases,
        corpus,
        files,
        bytes,
        secs: started.elapsed().as_secs_f64(),
        peak_memory: corpus_build::peak_memory(),
        out: o.out.display().to_string(),
        policy,
        sitemap: o.url.is_some(),
    })
}

/// Copies the app's assets (all but its page, its service worker and its
/// headers, which the site writes its own of); writes the site's service
/// worker and `_headers`, and returns the policy.
fn assets(dist: &Path, w: &Writer, shell: &Shell) -> Result<Option<String>, BuildError> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for e in std::fs::read_dir(dir)? {
            let p = e?.path();
            if p.is_dir() {
                walk(&p, out)?;
            } else {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dist, &mut files)
        .map_err(|e| BuildError(format!("cannot read {}: {e}", dist.display())))?;
    let mut policy = None;
    for f in files {
        let rel = shilu_core::corpus::load::source_of(dist, &f);
        let data = std::fs::read(&f)
            .map_err(|e| BuildError(format!("cannot read {}: {e}", f.display())))?;
        match rel.as_str() {
            "index.html" | "sw.js" | "robots.txt" => {}
            "_headers" => {
                let text = String::from_utf8_lossy(&data);
                let hash = crate::csp::hash(shell.site_css());
                let with =
                    text.replacen("style-src 'self' ", &format!("style-src 'self' {hash} "), 1);
                policy = with
                    .lines()
                    .find_map(|l| l.trim().strip_prefix("Content-Security-Policy: "))
                    .map(str::to_string);
                w.put("_headers", with.as_bytes())?;
            }
            _ => w.put(&rel, &data)?,
        }
    }
    w.put("sw.js", include_bytes!("../../web/site-sw.js"))?;
    Ok(policy)
}

/// How many pages a build wrote, and how long they took.
struct Pages {
    phases: Vec<(&'static str, f64)>,
    terms: terms::Reused,
    count: usize,
    /// The transcripts' pages.
    transcript_secs: f64,
    /// Every page.
    secs: f64,
}

/// Every page, the feed and the sitemap.
fn pages(
    o: &Options,
    shell: &Shell,
    built: &Parts,
    w: &Writer,
    cache: Option<&Cache>,
    progress: &(dyn Fn(Event) + Sync),
) -> Result<Pages, BuildError> {
    let records = &built.records;
    let newest = site::newest_first(records);
    let home = site::paginate("", &newest);
    let years = site::years(records);
    let year_pages: Vec<(String, Vec<site::ListPage>)> = years
        .iter()
        .map(|(y, list)| (y.clone(), site::paginate(&site::year_url(y), list)))
        .collect();
    let year_counts: Vec<(String, usize)> =
        years.iter().map(|(y, l)| (y.clone(), l.len())).collect();
    let lists = site::speaker_lists(&built.speakers);
    let role_counts: Vec<_> = lists.iter().map(|(r, l)| (*r, l.len())).collect();
    let speaker_pages: Vec<(Option<shilu_core::model::Role>, Vec<site::ListPage>)> = lists
        .iter()
        .map(|(r, l)| (*r, site::paginate(&site::speakers_url(*r), l)))
        .collect();
    let total = records.len()
        + home.len()
        + year_pages.iter().map(|y| y.1.len()).sum::<usize>()
        + speaker_pages.iter().map(|s| s.1.len()).sum::<usize>()
        + built.speakers.len();
    progress(Event::Pages(total));
    let step = || progress(Event::Page);
    let catalog = serde_json::to_vec(&site::catalog(records, &built.speakers))
        .map_err(|e| BuildError(format!("cannot write catalog.json: {e}")))?;
    w.put("catalog.json", &catalog)?;
    let script = include_str!("../../web/catalog.js");
    let filters = format!("catalog-{}.js", crate::csp::short(script));
    w.put(&filters, script.as_bytes())?;
    let mut sitemap: Vec<(String, Option<String>)> = Vec::with_capacity(total);
    crate::search_page::write(&o.title, shell, w)?;
    sitemap.push((crate::search_page::URL.into(), None));

    let started = Instant::now();
    // Each record's digest, for the keys of the pages that show it.
    let record_digests: Vec<[u8; 32]> = records
        .iter()
        .map(|r| crate::cache::digest(&serde_json::to_vec(r).unwrap_or_default()))
        .collect();
    transcript_pages::write(o, shell, records, &record_digests, w, cache, &step)?;
    let transcript_secs = started.elapsed().as_secs_f64();
    for r in records {
        sitemap.push((r.url.clone(), r.date.clone()));
    }

    let list_page = |page: &site::ListPage, heading: String, year: Option<&str>| {
        let filters = year.is_none().then(|| filters.clone());
        let here = Here(page.url.clone());
        let rows: Vec<Record> = page.items.iter().map(|&i| records[i].clone()).collect();
        let view = ListView {
            title: o.title.clone(),
            heading,
            page: page.clone(),
            years: year_counts.clone(),
            year: year.map(str::to_string),
            total: records.len(),
            speakers: built.speakers.len(),
            filters,
        };
        let body = render(move || view! { <TranscriptList here=here view=view rows=rows/> });
        let title = if page.number > 1 {
            format!(
                "{} · 第 {} 页",
                year.map_or(o.title.clone(), |y| format!("{y} · {}", o.title)),
                page.number
            )
        } else {
            year.map_or(o.title.clone(), |y| format!("{y} · {}", o.title))
        };
        let description = format!(
            "{}：{} 场新闻发布会实录，{} 位发言人。",
            o.title,
            records.len(),
            built.speakers.len()
        );
        let head = Head {
            title: &title,
            share: Share::Page(&description),
        };
        w.page(&page.url, &shell.page(depth(&page.url), &head, &body))
    };
    for page in &home {
        list_page(page, o.title.clone(), None)?;
        sitemap.push((page.url.clone(), None));
        step();
    }
    for (year, pages) in &year_pages {
        for page in pages {
            list_page(page, format!("{year} 年 · {}", o.title), Some(year))?;
            sitemap.push((page.url.clone(), None));
            step();
        }
    }
    for (role, pages) in &speaker_pages {
        for page in pages {
            let here = Here(page.url.clone());
            let rows: Vec<Summary> = page
                .items
                .iter()
                .map(|&i| Summary::from(&built.speakers[i]))
                .collect();
            let (title, role, roles, page_c) =
                (o.title.clone(), *role, role_counts.clone(), page.clone());
            let body = render(move || {
                view! { <SpeakerIndex here=here title=title page=page_c roles=roles role=role rows=rows/> }
            });
            let title = format!("发言人 Speakers · {}", o.title);
            let description = format!(
                "{} 的 {} 位发言人，按出现场次。",
                o.title,
                built.speakers.len()
            );
            let head = Head {
                title: &title,
                share: Share::Page(&description),
            };
            w.page(&page.url, &shell.page(depth(&page.url), &head, &body))?;
            sitemap.push((page.url.clone(), None));
            step();
        }
    }
    let lists_secs = started.elapsed().as_secs_f64() - transcript_secs;
    // Each speaker's most distinctive terms against the whole corpus.
    let at = Instant::now();
    let ids: Vec<&shilu_core::corpus::identity::Identity> =
        built.speakers.iter().map(|s| &s.identity).collect();
    let (terms, reused) = terms::of_speakers_kept(
        &built.records,
        &built.texts,
        &ids,
        TERMS,
        cache.and_then(|c| c.entries.as_ref()),
    );
    let terms_secs = at.elapsed().as_secs_f64();
    let at = Instant::now();
    on_cores(built.speakers.len(), &|i| {
        let (s, terms) = (&built.speakers[i], &terms[i]);
        let key = cache.map(|c| {
            // What the page shows of each term: not its score (which any
            // new text in the corpus moves), only its rank.
            let shown: Vec<(&str, u32, u32)> = terms
                .iter()
                .map(|t| (t.text.as_str(), t.count, t.corpus))
                .collect();
            let of_digests: Vec<u8> = s
                .transcripts
                .iter()
                .flat_map(|&d| record_digests[d as usize])
                .collect();
            // The page uses a transcript's number only to find its record:
            // numbers stand as places in their list, which a new transcript
            // elsewhere in the corpus does not move.
            let place: HashMap<u32, u32> = s
                .transcripts
                .iter()
                .zip(0..)
                .map(|(&d, i)| (d, i))
                .collect();
            let mut placed = s.clone();
            placed.transcripts = (0..s.transcripts.len() as u32).collect();
            for (d, _) in &mut placed.questions {
                *d = place.get(d).copied().unwrap_or(*d | 1 << 31);
            }
            let parts: [&[u8]; 5] = [
                b"speaker page",
                o.title.as_bytes(),
                &serde_json::to_vec(&placed).unwrap_or_default(),
                &of_digests,
                &serde_json::to_vec(&shown).unwrap_or_default(),
            ];
            (c, c.key(&parts))
        });
        w.made(&format!("{}index.html", s.url), key, || {
            let of: BTreeMap<u32, Record> = s
                .transcripts
                .iter()
                .map(|&d| (d, records[d as usize].clone()))
                .collect();
            let here = Here(s.url.clone());
            let (title, speaker, terms) = (o.title.clone(), s.clone(), terms.clone());
            let body = render(
                move || view! { <SpeakerPage here=here title=title speaker=speaker records=of terms=terms/> },
            );
            let page_title = format!("{} · {}", s.name, o.title);
            let description = format!(
                "{}：{} 场发布会，{} 次发言{}。",
                s.name,
                s.transcripts.len(),
                s.turns,
                match (&s.first, &s.last) {
                    (Some(a), Some(b)) if a != b => format!("，{a} 至 {b}"),
                    (Some(a), _) => format!("，{a}"),
                    _ => String::new(),
                }
            );
            let head = Head {
                title: &page_title,
                share: Share::Page(&description),
            };
            Ok(shell.page(depth(&s.url), &head, &body).into_bytes())
        })?;
        step();
        Ok(())
    })?;
    for s in &built.speakers {
        sitemap.push((s.url.clone(), s.last.clone()));
    }
    // A name the editor's list joined to another's: its page alone, had
    // it been built without the list, leads to the person's.
    for m in o.aliases.moved(&built.speakers) {
        let (from, to) = (m.from.url(), &built.speakers[m.to]);
        let here = Here(from.clone());
        let link = here.to(&to.url);
        let names: Vec<&str> = to.names.iter().map(|(n, _)| n.as_str()).collect();
        let names = names.join(" / ");
        let page_title = format!("{} · {}", m.name, o.title);
        let description = format!("{} → {names}", m.name);
        let (title, name, to_url) = (o.title.clone(), m.name.clone(), to.url.clone());
        let body = render(move || {
            view! { <MovedSpeaker here=here title=title name=name names=names to=to_url/> }
        });
        let head = Head {
            title: &page_title,
            share: Share::Page(&description),
        };
        w.put(
            &format!("{from}index.html"),
            shell.moved(depth(&from), &head, &body, &link).as_bytes(),
        )?;
    }
    let speakers_secs = at.elapsed().as_secs_f64();

    let summaries: Vec<feed::Summary<'_>> = newest
        .iter()
        .take(feed::FEED_ENTRIES)
        .map(|&i| feed::Summary {
            record: &records[i],
            speakers: records[i]
                .people()
                .into_iter()
                .map(|(s, _)| s.name.as_str())
                .collect(),
        })
        .collect();
    w.put(
        "feed.xml",
        feed::atom(&o.title, o.url.as_deref(), &summaries).as_bytes(),
    )?;
    if let Some(url) = &o.url {
        w.put("sitemap.xml", feed::sitemap(url, &sitemap).as_bytes())?;
    }
    Ok(Pages {
        terms: reused,
        phases: vec![
            ("transcript pages", transcript_secs),
            ("list pages", lists_secs),
            ("terms", terms_secs),
            ("speaker pages", speakers_secs),
        ],
        count: total,
        transcript_secs,
        secs: started.elapsed().as_secs_f64(),
    })
}
