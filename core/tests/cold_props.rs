//! The cold plan's keys of more than two characters against a plain
//! scan: for random texts in either script (letters that fold to one
//! another, Latin words of either case, spaces and punctuation) and
//! random substrings of them, every trigram and word-pair key a term is
//! found by holds every place the scan finds the term (at the key's
//! offset), and the passages the cold plan leaves to check hold every
//! passage the scan finds, whatever a passage costs to read (so whichever
//! keys the plan skips).

use proptest::prelude::*;
use shilu_core::corpus::cold::{self, Masks, Need};
use shilu_core::corpus::index::build::{Builder, Index};
use shilu_core::corpus::index::dir::{self, KeyTable};
use shilu_core::corpus::index::grams::{term_pairs, term_trigrams};
use shilu_core::corpus::index::{postings, Block, Key};
use shilu_core::corpus::lookup::common;
use shilu_core::corpus::query::{self, Query};
use shilu_core::corpus::scan;
use shilu_core::corpus::search::{Blocks, Directory};
use std::collections::BTreeSet;

/// Pieces of text: letters of a script without spaces in both scripts
/// (個/个, 臺/台, 灣/湾 fold together), Latin words in either case, and
/// what separates words; few, so that trigrams and word pairs recur.
const PIECES: &[&str] = &[
    "這", "这", "個", "个", "公", "司", "台", "臺", "灣", "湾", "的", "是", "政", "府", "we", "We",
    "are", "ARE", "going", "to", "the", "of", "ｏｆ", " ", " ", " ", "　", "，", "-", "\n",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..30).prop_map(|v| v.concat())
}

fn corpus() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(text(), 1..5), 1..7)
}

fn index(texts: &[Vec<String>], (block, keys, page): (usize, usize, usize)) -> Index {
    index_cut(
        texts,
        (block, keys, page),
        shilu_core::corpus::index::script::CUT_POSTINGS,
    )
}

/// [`index`], its keys of `cut` postings or more cut by script.
fn index_cut(texts: &[Vec<String>], (block, keys, page): (usize, usize, usize), cut: u32) -> Index {
    let mut b = Builder::with_sizes(block, keys, page).with_script_cut(cut);
    for doc in texts {
        b.add(doc.iter().map(String::as_str));
    }
    b.finish()
}

fn read_pages(ix: &Index, dir: &mut Directory, pages: impl IntoIterator<Item = usize>) {
    for i in pages {
        let r = dir.table.pages[i].1.clone();
        let page =
            dir::read_page(&ix.dir[r.start as usize..r.end as usize]).expect("a page reads back");
        dir.add_page(i, page);
    }
}

fn read_blocks(ix: &Index, blocks: &mut Blocks, bs: Vec<Block>) {
    for b in bs {
        let bytes = &ix.post[b.at as usize..(b.at + u64::from(b.len)) as usize];
        blocks.add(&b, bytes).expect("a block reads back");
    }
}

/// Every posting of `key`, as (transcript, passage, position).
fn postings_of(ix: &Index, table: &KeyTable, key: Key) -> BTreeSet<(u32, u32, u32)> {
    let Some(i) = table.page_of(key) else {
        return BTreeSet::new();
    };
    let r = table.pages[i].1.clone();
    let page = dir::read_page(&ix.dir[r.start as usize..r.end as usize]).unwrap();
    let Ok(j) = page.binary_search_by_key(&key, |(k, _)| *k) else {
        return BTreeSet::new();
    };
    page[j]
        .1
        .iter()
        .flat_map(|b| {
            let bytes = &ix.post[b.at as usize..(b.at + u64::from(b.len)) as usize];
            postings::read(bytes, b.count).unwrap()
        })
        .map(|p| (p.doc, p.passage, p.pos))
        .collect()
}

/// The passages the cold plan leaves to check over every transcript,
/// reading what it asks for, with a passage costing `per_passage`.
fn cold_candidates(q: &Query, ix: &Index, per_passage: u64) -> Vec<(u32, u32)> {
    let table = KeyTable::read(&ix.keys).unwrap();
    let mut dir = Directory::new(table.clone()).with_scripts(ix.scripts.clone());
    read_pages(ix, &mut dir, cold::pages_needed(q, &table));
    let mut blocks = Blocks::default();
    let from = *cold::windows(q, &dir, 20).last().unwrap();
    read_blocks(ix, &mut blocks, cold::lead_blocks(q, &dir, from));
    let scope = cold::scope(q, &dir, &blocks, from).unwrap();
    let masks = Masks::default();
    while let Some(need) = cold::next_read(q, &dir, &blocks, &scope, per_passage, &masks).unwrap() {
        match need {
            Need::Pages(ps) => read_pages(ix, &mut dir, ps),
            Need::Blocks(bs) => read_blocks(ix, &mut blocks, bs),
            Need::Masks(_) => unreachable!("no rule: masks are not read"),
        }
    }
    cold::candidates(q, &dir, &blocks, &scope, per_passage, &masks).unwrap()
}

/// Where the scan finds `term` (folded) in each passage.
fn places(texts: &[Vec<String>], term: &[char]) -> Vec<(u32, u32, u32)> {
    let mut out = Vec::new();
    for (d, ps) in texts.iter().enumerate() {
        for (p, t) in ps.iter().enumerate() {
            let f = shilu_core::corpus::fold::fold_text(t).chars;
            for (i, w) in f.windows(term.len()).enumerate() {
                if w == term {
                    out.push((d as u32, p as u32, i as u32));
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn trigram_and_word_pair_keys_hold_every_place_a_scan_finds(
        texts in corpus(),
        pick in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
        len in 3usize..16,
        sizes in (1usize..24, 1usize..5, 4usize..64),
        per_passage in prop::sample::select(vec![0u64, 30, 347, 1_000_000]),
    ) {
        let all: Vec<&String> = texts.iter().flatten().collect();
        let source: Vec<char> = pick.get(&all).chars().collect();
        let start = if source.is_empty() { 0 } else { from.index(source.len()) };
        let sub: String = source[start..].iter().take(len).collect();
        let Ok(q) = query::parse(&format!("\"{sub}\"")) else { return Ok(()) };
        let ix = index(&texts, sizes);
        let table = KeyTable::read(&ix.keys).unwrap();
        for t in q.required() {
            let at = places(&texts, &t.folded);
            for (off, key) in term_trigrams(&t.folded).into_iter().chain(term_pairs(&t.folded)) {
                let held = postings_of(&ix, &table, key);
                for &(d, p, i) in &at {
                    prop_assert!(
                        held.contains(&(d, p, i + off)),
                        "{:?} at {:?}: key at offset {} misses it", t.folded, (d, p, i), off
                    );
                }
            }
        }
        let found = scan::find(&q, &texts);
        if q.required().all(|t| common(t, &table)) {
            // Left to a scan of the newest passages: no keys read.
            return Ok(());
        }
        let cands: BTreeSet<(u32, u32)> = cold_candidates(&q, &ix, per_passage).into_iter().collect();
        for id in found.passages.keys() {
            prop_assert!(cands.contains(id), "{:?}: {:?} not a candidate", q, id);
        }
    }
}

#[test]
fn a_phrase_is_found_by_its_trigrams_and_pairs_in_either_script() {
    let texts = vec![
        vec![
            "我們這個公司，we are going to try".to_string(),
            "这个公园 we are not going".to_string(),
        ],
        vec!["這個公司 and WE ARE GOING TO".to_string()],
    ];
    let ix = index(&texts, (8, 2, 32));
    for (q, want) in [
        ("这个公司", vec![(0, 0), (1, 0)]),
        ("\"we are going to\"", vec![(0, 0), (1, 0)]),
        ("\" are going \"", vec![(0, 0), (1, 0)]),
        ("這個公園", vec![(0, 1)]),
    ] {
        let q = query::parse(q).unwrap();
        let cands: BTreeSet<(u32, u32)> = cold_candidates(&q, &ix, 347).into_iter().collect();
        let found: Vec<(u32, u32)> = scan::find(&q, &texts).passages.keys().copied().collect();
        assert_eq!(found, want, "{q:?}");
        assert!(want.iter().all(|id| cands.contains(id)), "{q:?}: {cands:?}");
    }
}

/// Pieces of a transcript written mostly in Latin letters, with a few
/// Chinese words: beside [`PIECES`], corpora of both scripts, whose
/// common keys are cut by script ([`shilu_core::corpus::index::script`]).
const LATIN: &[&str] = &[
    "the", "The", "he", "we", "are", "going", "to", "of", "and", " ", " ", " ", "政府", "台灣",
    "，",
];

fn mixed_corpus() -> impl Strategy<Value = Vec<Vec<String>>> {
    let doc = prop_oneof![
        prop::collection::vec(text(), 1..5),
        prop::collection::vec(
            prop::collection::vec(prop::sample::select(LATIN), 0..30).prop_map(|v| v.concat()),
            1..5
        ),
    ];
    prop::collection::vec(doc, 1..9)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Two required terms, often one in each script (`政府 the`), over
    /// transcripts of both scripts whose keys are cut by script: the cold
    /// plan, which then reads each script's transcripts apart, leaves
    /// every passage a scan finds among its candidates.
    #[test]
    fn a_query_read_script_by_script_keeps_every_match(
        texts in mixed_corpus(),
        a in prop::sample::select(vec!["政府", "台灣", "的", "公司", "這個", "是"]),
        b in prop::sample::select(vec!["the", "he", "and", "we", "are", "to", "\"we are\"", "政府"]),
        sizes in (1usize..24, 1usize..5, 4usize..64),
        cut in 1u32..6,
        per_passage in prop::sample::select(vec![0u64, 30, 347, 1_000_000]),
    ) {
        let q = query::parse(&format!("{a} {b}")).unwrap();
        let ix = index_cut(&texts, sizes, cut);
        let cands: BTreeSet<(u32, u32)> = cold_candidates(&q, &ix, per_passage).into_iter().collect();
        let found: Vec<(u32, u32)> = scan::find(&q, &texts).passages.keys().copied().collect();
        prop_assert!(found.iter().all(|id| cands.contains(id)), "{q:?}: found {found:?}, candidates {cands:?}");
    }
}

/// A key with many postings in the English transcripts and few in the
/// Chinese ones is cut where the script changes: its blocks in the
/// Chinese transcripts are small, and `政府 the` is led by `he` there
/// and `政府` in the English ones, reading fewer postings than `政府`
/// everywhere would.
#[test]
fn a_common_key_is_cut_by_script_and_a_mixed_query_reads_each_apart() {
    let en = "the people and the government of the day said the rest";
    let zh = "政府說明了政府的政策，政府會再說明";
    let texts: Vec<Vec<String>> = (0..12)
        .map(|i| match i % 3 {
            0 => vec![en.repeat(3), format!("{en} 政府")],
            1 => vec![zh.to_string(), format!("{zh} the end")],
            _ => vec![zh.repeat(2)],
        })
        .collect();
    let ix = index_cut(&texts, (64, 8, 256), 20);
    assert!(ix.scripts.mixed());
    assert_eq!(ix.scripts.latin[..3], [true, false, false]);
    // Every block of `he` is of one script.
    let table = KeyTable::read(&ix.keys).unwrap();
    let he = Key::pair('h', 'e');
    let r = table.pages[table.page_of(he).unwrap()].1.clone();
    let page = dir::read_page(&ix.dir[r.start as usize..r.end as usize]).unwrap();
    let blocks = &page[page.binary_search_by_key(&he, |(k, _)| *k).unwrap()].1;
    for b in blocks {
        let bytes = &ix.post[b.at as usize..(b.at + u64::from(b.len)) as usize];
        let docs: BTreeSet<bool> = postings::read(bytes, b.count)
            .unwrap()
            .iter()
            .map(|p| ix.scripts.latin(p.doc))
            .collect();
        assert_eq!(docs.len(), 1, "{b:?}");
    }
    // The plan's candidates are the matches' passages and few others.
    let q = query::parse("政府 the").unwrap();
    let cands = cold_candidates(&q, &ix, 347);
    let found: Vec<(u32, u32)> = scan::find(&q, &texts).passages.keys().copied().collect();
    assert!(found.iter().all(|id| cands.contains(id)));
    assert_eq!(cands.len(), found.len(), "{cands:?}");
}
