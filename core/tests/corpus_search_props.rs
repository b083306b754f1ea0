//! Corpus search finds exactly what reading every passage finds: for
//! random texts in either script and random substrings of them, the
//! index gives the same passages and positions as a plain scan of the
//! folded text. The shard format reads back what it wrote, and bytes it
//! did not write give an error, never a panic.

use proptest::prelude::*;
use shilu_core::corpus::index::build::Builder;
use shilu_core::corpus::index::shard::Shard;
use shilu_core::corpus::index::Meta;
use shilu_core::corpus::query::{self, Query};
use shilu_core::corpus::{scan, search};
use std::collections::HashMap;

/// Characters that exercise folding: both scripts of the same words,
/// width variants, case, spaces and punctuation; few of them, so that
/// random substrings recur.
const ALPHABET: &[char] = &[
    '伦', '倫', '理', '数', '數', '位', '发', '發', '髮', '展', '台', '臺', '灣', '湾', '的', '是',
    'A', 'a', 'Ａ', 'I', 'i', '2', '０', ' ', '\u{3000}', '\n', '，', ',', '。', '-', '"',
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..40)
        .prop_map(|v| v.into_iter().collect())
}

/// Transcripts of passages.
fn corpus() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(text(), 1..5), 1..6)
}

fn index(texts: &[Vec<String>]) -> (Meta, HashMap<usize, Shard>) {
    let mut b = Builder::new();
    for doc in texts {
        b.add(doc.iter().map(String::as_str));
    }
    let (meta, shards) = b.finish();
    let shards = shards
        .into_iter()
        .enumerate()
        .map(|(i, s)| (i, Shard::read(s).expect("a shard reads back")))
        .collect();
    (meta, shards)
}

fn via_index(q: &Query, meta: &Meta, shards: &HashMap<usize, Shard>) -> search::Found {
    // Only the shards the query names, as a page would fetch them.
    let needed: HashMap<usize, Shard> = search::shards_needed(q, meta)
        .into_iter()
        .map(|i| (i, shards[&i].clone()))
        .collect();
    search::find(q, meta, &needed).expect("the needed shards answer")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_substring_of_a_passage_finds_exactly_what_a_scan_finds(
        texts in corpus(),
        pick in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
        len in 1usize..8,
        other in text(),
    ) {
        let all: Vec<&String> = texts.iter().flatten().collect();
        let source: Vec<char> = pick.get(&all).chars().collect();
        let (meta, shards) = index(&texts);
        // A substring of a passage (it may fold to nothing), and a random
        // query that may occur nowhere.
        let start = if source.is_empty() { 0 } else { from.index(source.len()) };
        let sub: String = source[start..].iter().take(len).collect();
        for q in [format!("\"{sub}\""), other.clone(), format!("\"{sub}\" -\"{other}\"")] {
            let Ok(q) = query::parse(&q) else { continue };
            prop_assert_eq!(via_index(&q, &meta, &shards), scan::find(&q, &texts), "query {:?}", q);
        }
    }

    #[test]
    fn damaged_shards_give_errors_not_panics(texts in corpus(), cut in any::<prop::sample::Index>(), flip in any::<u8>()) {
        let mut b = Builder::new();
        for doc in &texts {
            b.add(doc.iter().map(String::as_str));
        }
        let (_, shards) = b.finish();
        for bytes in shards {
            let mut bad = bytes.clone();
            let i = cut.index(bad.len());
            bad[i] ^= flip | 1;
            if let Ok(s) = Shard::read(bad) {
                for k in s.keys().collect::<Vec<_>>() {
                    let _ = s.postings(k);
                }
            }
            let short = bytes[..cut.index(bytes.len())].to_vec();
            if let Ok(s) = Shard::read(short) {
                for k in s.keys().collect::<Vec<_>>() {
                    let _ = s.postings(k);
                }
            }
        }
    }
}

#[test]
fn simplified_finds_traditional_and_positions_are_exact() {
    let texts = vec![
        vec![
            "部署完成。署流异常。流程结束".to_string(),
            "AI 與倫理".to_string(),
        ],
        vec!["部署流程".to_string()],
    ];
    let (meta, shards) = index(&texts);
    let found = |q: &str| {
        let q = query::parse(q).unwrap();
        via_index(&q, &meta, &shards)
            .passages
            .keys()
            .copied()
            .collect::<Vec<_>>()
    };
    // A bag of bigrams would match the first passage too.
    assert_eq!(found("部署流程"), [(1, 0)]);
    assert_eq!(found("伦理"), [(0, 1)]);
    assert_eq!(found("ai 伦理"), [(0, 1)]);
    assert_eq!(found("\"ai 与\""), [(0, 1)]);
    assert_eq!(found("\"ai与\""), Vec::<(u32, u32)>::new());
    assert_eq!(found("流"), [(0, 0), (1, 0)]);
    assert_eq!(found("流 -署"), Vec::<(u32, u32)>::new());
}
