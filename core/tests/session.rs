//! The query session the command line and the page share, over an index
//! written from the repository's own transcripts (the CC0 archive
//! fixtures, the layout fixtures and the seed) with small blocks and
//! pages, so that a query's newest blocks are a part of its lists: the
//! first results of a cold query are the whole search's first, in every
//! order and with filters; a source that waits is awaited, and one that
//! gives other bytes than asked is an error.

use shilu_core::corpus::folder::{self, Entry};
use shilu_core::corpus::index::build::Builder;
use shilu_core::corpus::query;
use shilu_core::corpus::search::{Filters, Sort};
use shilu_core::corpus::session::rounds::{rounds, Stepped};
use shilu_core::corpus::session::{self, Remote, Session, Source};
use shilu_core::corpus::{load, view};
use shilu_core::Role;
use std::cell::Cell;
use std::collections::HashMap;
use std::future::Future;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The index's files, in memory.
#[derive(Clone)]
struct Memory {
    files: Rc<HashMap<String, Vec<u8>>>,
    /// Gives one byte short of what is asked.
    short: bool,
    reads: Rc<Cell<usize>>,
}

impl Source for Memory {
    type Error = String;
    async fn read(&self, path: &str, range: Option<Range<u64>>) -> Result<Vec<u8>, String> {
        self.reads.set(self.reads.get() + 1);
        let f = self.files.get(path).ok_or(format!("no file {path}"))?;
        let ranged = range.is_some();
        let mut out = match range {
            None => f.clone(),
            Some(r) => f
                .get(r.start as usize..r.end as usize)
                .ok_or("past the end")?
                .to_vec(),
        };
        if self.short && ranged {
            out.pop();
        }
        Ok(out)
    }
}

fn walk(dir: &Path, root: &Path, out: &mut HashMap<String, Vec<u8>>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, root, out);
        } else {
            out.insert(load::source_of(root, &p), std::fs::read(&p).unwrap());
        }
    }
}

/// The index's files, built once per test process.
fn files() -> Rc<HashMap<String, Vec<u8>>> {
    static FILES: std::sync::OnceLock<HashMap<String, Vec<u8>>> = std::sync::OnceLock::new();
    Rc::new(
        FILES
            .get_or_init(|| {
                let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
                let mut paths: Vec<(PathBuf, PathBuf)> = Vec::new();
                for sub in ["archive", "layouts"] {
                    let dir = fixtures.join(sub);
                    for p in load::files(&dir).unwrap() {
                        if !p.ends_with("README.md") {
                            paths.push((dir.clone(), p));
                        }
                    }
                }
                let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
                paths.push((
                    seeds.clone(),
                    seeds.join("shanxi-2017-10-12-deep-poverty-press-conference.txt"),
                ));
                let entries: Vec<Entry> = paths
                    .iter()
                    .filter_map(|(dir, p)| load::read(dir, p).ok())
                    .map(|t| {
                        let url = format!("t/{}/", t.source.replace('/', "-"));
                        folder::entry(t, url).0
                    })
                    .collect();
                assert!(entries.len() > 10, "{} transcripts", entries.len());
                let built = folder::build_with(entries, Builder::with_sizes(48, 8, 512));
                let out =
                    std::env::temp_dir().join(format!("shilu-session-{}", std::process::id()));
                let _ = std::fs::remove_dir_all(&out);
                built.write(&out).unwrap();
                let mut files = HashMap::new();
                walk(&out, &out, &mut files);
                let _ = std::fs::remove_dir_all(&out);
                files
            })
            .clone(),
    )
}

fn memory() -> Memory {
    Memory {
        files: files(),
        short: false,
        reads: Rc::new(Cell::new(0)),
    }
}

fn now<T>(f: impl Future<Output = T>) -> T {
    session::ready(f).expect("reads from memory are ready at once")
}

fn session(q: &str, filters: Filters, sort: Sort) -> Session<Memory> {
    let index = Rc::new(now(Remote::open(memory())).unwrap());
    Session::new(index, query::parse(q).unwrap(), filters, sort)
}

const QUERIES: &[&str] = &[
    "发展",
    "發展",
    "的",
    "记者",
    "政府 工作",
    "\"新闻发布会\"",
    "问题 -经济",
    "2017",
    "扶贫",
    "台灣",
    "是",
    "是 -的",
    "的 -是",
    "问题 -的",
    "的 发展",
];

#[test]
fn a_cold_querys_first_results_are_the_whole_searchs_first() {
    let filters = [
        Filters::default(),
        Filters {
            role: Some(Role::Official),
            ..Filters::default()
        },
        Filters {
            from: Some("2018".into()),
            ..Filters::default()
        },
    ];
    let mut nonempty = 0;
    for q in QUERIES {
        for f in &filters {
            for sort in [Sort::Date, Sort::Relevance] {
                let all = now(session(q, f.clone(), sort).results()).unwrap();
                if !all.passages.is_empty() {
                    nonempty += 1;
                }
                for limit in [1, 3, 20] {
                    let first = now(session(q, f.clone(), sort).first(limit)).unwrap();
                    let want: Vec<_> = all.passages.iter().take(limit).cloned().collect();
                    assert_eq!(first.passages, want, "{q} {f:?} {sort:?} first {limit}");
                }
            }
        }
    }
    assert!(nonempty > 30, "{nonempty} queries found something");
}

/// A page shows a few results first, then asks the same session for a
/// page of them: the few are the page's first, the page is a fresh
/// session's, and no text the few read is read again (matches are kept;
/// passages that did not match are remembered as such).
#[test]
fn a_few_results_then_more_in_one_session_read_each_text_once() {
    let mut checked = 0;
    for q in QUERIES {
        let fresh = now(session(q, Filters::default(), Sort::Date).first(20)).unwrap();
        let mut s = session(q, Filters::default(), Sort::Date);
        let few = now(s.first(5)).unwrap();
        let few_texts: Vec<Range<u64>> = s
            .index
            .take_fetches()
            .into_iter()
            .filter(|f| f.path.starts_with("text/"))
            .filter_map(|f| f.range)
            .collect();
        let page = now(s.first(20)).unwrap();
        let want: Vec<_> = fresh.passages.iter().take(5).cloned().collect();
        assert_eq!(few.passages, want, "{q}: the few are the page's first");
        assert_eq!(page.passages, fresh.passages, "{q}: the page after the few");
        for f in s.index.take_fetches() {
            if let (true, Some(r)) = (f.path.starts_with("text/"), f.range) {
                assert!(
                    !few_texts.iter().any(|w| w.start <= r.start && r.end <= w.end),
                    "{q}: {} {r:?} read again",
                    f.path
                );
            }
        }
        if few.passages.len() == 5 && page.passages.len() > 5 {
            checked += 1;
        }
    }
    assert!(checked > 5, "{checked} queries had more than a few results");
}

#[test]
fn a_cold_query_reads_less_than_the_whole_search() {
    let mut s = session("的", Filters::default(), Sort::Date);
    let first = now(s.first(5)).unwrap();
    now(s.hits(&first.passages)).unwrap();
    let cold: u64 = s.index.take_fetches().iter().map(|f| f.bytes).sum();
    let mut s = session("的", Filters::default(), Sort::Date);
    now(s.results()).unwrap();
    let all: u64 = s.index.take_fetches().iter().map(|f| f.bytes).sum();
    assert!(cold < all / 2, "cold {cold} bytes, whole {all}");
}

/// The text bytes a cold query of `q` reads for its first 20 results and
/// their hits, with the index's masks or without, and those results.
fn text_read(q: &str, masks: bool) -> (u64, Vec<(u32, u32)>) {
    let mut index = now(Remote::open(memory())).unwrap();
    assert!(!index.grams.is_empty(), "the index has masks");
    if !masks {
        index.grams = Default::default();
    }
    let mut s = Session::new(
        Rc::new(index),
        query::parse(q).unwrap(),
        Filters::default(),
        Sort::Date,
    );
    let first = now(s.first(20)).unwrap();
    now(s.hits(&first.passages)).unwrap();
    let text = s
        .index
        .take_fetches()
        .iter()
        .filter(|f| f.path.starts_with("text/"))
        .map(|f| f.bytes)
        .sum();
    (text, first.passages.iter().map(|(id, _)| *id).collect())
}

#[test]
fn masks_rule_out_passages_before_their_text_is_read() {
    // A common character excluded from another, and a common character
    // beside a word: the masks say which passages lack or hold them.
    for q in ["是 -的", "的 -是", "问题 -的", "的 发展"] {
        let (with, shown) = text_read(q, true);
        let (without, same) = text_read(q, false);
        assert_eq!(shown, same, "{q}");
        assert!(!shown.is_empty(), "{q}");
        assert!(
            with < without,
            "{q}: {with} bytes of text with masks, {without} without"
        );
    }
}

#[test]
fn hits_show_their_transcript_passage_and_match() {
    let mut s = session("扶贫", Filters::default(), Sort::Date);
    let r = now(s.results()).unwrap();
    let hits = now(s.hits(&r.passages[..3])).unwrap();
    for h in &hits {
        let marked: String = h
            .excerpt
            .text
            .chars()
            .skip(h.excerpt.marks[0].start)
            .take(h.excerpt.marks[0].len())
            .collect();
        assert!(marked == "扶贫" || marked == "扶貧", "{marked}");
        assert!(!h.card.title.is_empty());
        let link = h.link();
        let written = h.excerpt.first_match().unwrap();
        assert_eq!(written, marked);
        assert!(
            link.starts_with(&format!("{}?q=%E6%89%B6%E8%B4", h.card.url))
                && link.ends_with(&format!("#{}", h.passage.block)),
            "{link}"
        );
        let pieces = h.excerpt.pieces();
        assert!(pieces.contains(&(marked.clone(), true)), "{pieces:?}");
        let whole: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert!(whole.contains(&h.excerpt.text), "{whole}");
    }
    // What the URL holds gives the same filters.
    let v = view::View::parse("q=%E6%89%B6%E8%B4%AB&role=official");
    assert_eq!(v.filters().unwrap().role, Some(Role::Official));
}

#[test]
fn a_source_that_waits_is_awaited() {
    let index = Remote::open(Stepped(memory()));
    assert!(session::ready(index).is_none(), "a waiting read is pending");
    // Driven to its end by polling again.
    let (n, _) = rounds(async {
        let index = Rc::new(Remote::open(Stepped(memory())).await.unwrap());
        let mut s = Session::new(
            index,
            query::parse("发展").unwrap(),
            Filters::default(),
            Sort::Date,
        );
        let first = s.first(3).await.unwrap();
        // Its cards and passages, read side by side, each waiting.
        let hits = s.hits(&first.passages).await.unwrap();
        assert!(hits
            .iter()
            .all(|h| !h.card.title.is_empty() && !h.excerpt.marks.is_empty()));
        hits.len()
    });
    assert_eq!(n, 3);
}

#[test]
fn bytes_other_than_asked_are_an_error_not_a_panic() {
    let short = Memory {
        short: true,
        ..memory()
    };
    let index = Rc::new(now(Remote::open(short)).unwrap());
    let mut s = Session::new(
        index,
        query::parse("发展").unwrap(),
        Filters::default(),
        Sort::Date,
    );
    let e = now(s.first(3)).unwrap_err();
    assert!(e.to_string().contains("not the range asked"), "{e}");
    let mut files = (*files()).clone();
    files.insert("meta.json".into(), b"{\"format\": 1}".to_vec());
    let old = Memory {
        files: Rc::new(files),
        ..memory()
    };
    let e = now(Remote::open(old)).err().unwrap();
    assert!(e.to_string().contains("build the site again"), "{e}");
}

#[test]
fn neighbouring_transcripts_records_are_read_in_one_range_each() {
    let mut s = session("的", Filters::default(), Sort::Date);
    let docs = now(s.found()).unwrap().docs();
    s.index.take_fetches();
    now(s.read_records(docs.iter().copied())).unwrap();
    let fetches = s.index.take_fetches();
    let rec = fetches
        .iter()
        .filter(|f| f.path.starts_with("rec/"))
        .count();
    assert!(
        docs.len() > 10 && rec * 3 < docs.len(),
        "{rec} reads of rec for {} transcripts",
        docs.len()
    );
    // The same records as read one by one.
    for d in docs {
        let at = now(s.index.doc(d)).unwrap();
        assert_eq!(now(s.index.record(&at)).unwrap(), s.records[&d]);
    }
}

#[test]
fn transcripts_placed_in_one_step_are_where_each_is_read_alone() {
    let index = now(Remote::open(memory())).unwrap();
    // Each more than NEAR_DOCS from the next: a range each, unmerged.
    let docs: Vec<u32> = (0..index.meta.docs).step_by(9).collect();
    assert!(docs.len() >= 3, "{} transcripts", index.meta.docs);
    let _ = index.take_fetches();
    let each: Vec<_> = docs.iter().map(|&d| now(index.doc(d)).unwrap()).collect();
    let _ = index.take_fetches();
    // Nothing to spare: as `places` reads them (neighbours in one range).
    let none = Cell::new(0);
    let placed = now(index.places_within(&docs, &none)).unwrap();
    let plain = index.take_fetches();
    assert_eq!(placed, now(index.places(&docs)).unwrap());
    assert_eq!(plain.len(), index.take_fetches().len());
    assert_eq!(plain.len(), docs.len());
    // With bytes to spare: the same places, no more requests (a step of
    // more than six merges its nearest: `step.rs`'s tests), and what the
    // merges read taken from what was spared.
    let spare = Cell::new(1 << 20);
    let merged = now(index.places_within(&docs, &spare)).unwrap();
    let fetched = index.take_fetches();
    assert_eq!(merged, placed);
    assert_eq!(
        merged.iter().map(|(_, at)| at.clone()).collect::<Vec<_>>(),
        each
    );
    assert!(fetched.len() <= plain.len(), "{fetched:?}");
    let bytes = |fs: &[shilu_core::corpus::folder::Fetch]| fs.iter().map(|f| f.bytes).sum::<u64>();
    assert_eq!((1 << 20) - spare.get(), bytes(&fetched) - bytes(&plain));
    assert!(now(index.places_within(&[index.meta.docs], &Cell::new(0))).is_err());
}

#[test]
fn reads_near_each_other_are_one_request_and_each_gets_its_bytes() {
    let index = now(Remote::open(memory())).unwrap();
    let _ = index.take_fetches();
    let len = index.meta.part_len("text");
    assert!(len > 4_000, "{len}");
    // Out of order, overlapping, empty, and one far from the rest.
    let rs = vec![300..400, 0..100, 90..150, 120..120, len - 50..len];
    let each: Vec<Vec<u8>> = rs
        .iter()
        .map(|r| now(index.range("text", r.clone())).unwrap())
        .collect();
    let _ = index.take_fetches();
    let read = now(index.ranges("text", &rs, 256)).unwrap();
    assert_eq!(read, each);
    // 0..400 as one, the last on its own (a pack's end may cut either).
    let fetched = index.take_fetches();
    assert!((2..=3).contains(&fetched.len()), "{fetched:?}");
    assert_eq!(fetched.iter().map(|f| f.bytes).sum::<u64>(), 450);
    assert!(now(index.ranges("text", &[5..4], 256)).is_err());
    assert!(now(index.ranges("text", &[len..len + 1], 256)).is_err());
}

#[test]
fn a_cold_query_that_checked_every_candidate_has_its_totals_without_reading_the_index_again() {
    let mut few = 0;
    for q in QUERIES
        .iter()
        .chain(&["\"新闻发布会\" 扶贫", "没有这句话", "台灣 -的"])
    {
        let whole = now(session(q, Filters::default(), Sort::Date).results()).unwrap();
        let mut s = session(q, Filters::default(), Sort::Date);
        let first = now(s.first(20)).unwrap();
        s.index.take_fetches();
        let results = now(s.results()).unwrap();
        assert_eq!(results, whole, "{q}");
        if first.passages.len() < 20 {
            few += 1;
            // The records of the matching transcripts (for the trends),
            // but no directory page or posting block.
            let index: Vec<String> = s
                .index
                .take_fetches()
                .into_iter()
                .map(|f| f.path)
                .filter(|p| p.starts_with("dir") || p.starts_with("post"))
                .collect();
            assert!(
                index.is_empty(),
                "{q}: read {} pages and blocks",
                index.len()
            );
        }
    }
    assert!(few >= 2, "{few} queries with fewer than 20 results");
}
