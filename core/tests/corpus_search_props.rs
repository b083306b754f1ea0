//! Corpus search finds exactly what reading every passage finds: for
//! random texts in either script and random substrings of them, the
//! index gives the same passages and positions as a plain scan of the
//! folded text, and a query that reads only the newest transcripts finds
//! exactly their matches, which are the newest. The index's parts read
//! back what they wrote, and bytes they did not write give an error,
//! never a panic.

use proptest::prelude::*;
use shilu_core::corpus::fold::fold_text;
use shilu_core::corpus::index::build::{Builder, Index};
use shilu_core::corpus::index::dir::{self, KeyTable};
use shilu_core::corpus::index::mask;
use shilu_core::corpus::query::{self, Query};
use shilu_core::corpus::search::{Blocks, Directory, Scope};
use shilu_core::corpus::{scan, search};

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

/// Block and page sizes: tiny ones cut every list and page.
fn sizes() -> impl Strategy<Value = (usize, usize, usize)> {
    (1usize..24, 1usize..5, 4usize..64)
}

fn index(texts: &[Vec<String>], (block, keys, page): (usize, usize, usize)) -> Index {
    let mut b = Builder::with_sizes(block, keys, page);
    for doc in texts {
        b.add(doc.iter().map(String::as_str));
    }
    b.finish()
}

/// The directory pages a query names, read from the index's bytes as a
/// page would fetch them.
fn directory(q: &Query, ix: &Index) -> Directory {
    let table = KeyTable::read(&ix.keys).expect("the key table reads back");
    let mut dir = Directory::new(table.clone());
    for i in search::pages_needed(q, &table) {
        let r = table.pages[i].1.clone();
        let page =
            dir::read_page(&ix.dir[r.start as usize..r.end as usize]).expect("a page reads back");
        dir.add_page(i, page);
    }
    dir
}

fn read(ix: &Index, blocks: &mut Blocks, bs: Vec<shilu_core::corpus::index::Block>) {
    for b in bs {
        let bytes = &ix.post[b.at as usize..(b.at + u64::from(b.len)) as usize];
        blocks.add(&b, bytes).expect("a block reads back");
    }
}

/// The passages of `scope`, as a page finds them: the lead key's blocks,
/// then only the blocks the scope names.
fn via_scope(
    q: &Query,
    ix: &Index,
    dir: &Directory,
    blocks: &mut Blocks,
    scope: &Scope,
) -> search::Found {
    loop {
        let need = search::blocks_needed(q, dir, blocks, scope).unwrap();
        if need.is_empty() {
            break;
        }
        read(ix, blocks, need);
    }
    search::find(q, dir, blocks, scope).expect("the needed blocks answer")
}

fn via_index(q: &Query, ix: &Index) -> search::Found {
    let dir = directory(q, ix);
    let mut blocks = Blocks::default();
    read(ix, &mut blocks, search::lead_blocks(q, &dir, 0).unwrap());
    let scope = search::scope(q, &dir, &blocks, 0).unwrap();
    via_scope(q, ix, &dir, &mut blocks, &scope)
}

/// Each window, and the newest transcripts of each, finds exactly the
/// scan's passages in those transcripts, and they are the newest: no
/// passage of a newer transcript is left out.
fn windows_are_the_newest(
    q: &Query,
    ix: &Index,
    texts: &[Vec<String>],
) -> Result<(), TestCaseError> {
    let all = scan::find(q, texts);
    let dir = directory(q, ix);
    let windows = search::windows(q, &dir).unwrap();
    let mut blocks = Blocks::default();
    for &from in &windows {
        read(ix, &mut blocks, search::lead_blocks(q, &dir, from).unwrap());
        let whole = search::scope(q, &dir, &blocks, from).unwrap();
        for k in [1, 2, usize::MAX] {
            let scope = whole.newest(k);
            let found = via_scope(q, ix, &dir, &mut blocks, &scope);
            let kept =
                |d: u32| d >= scope.from && scope.docs.as_ref().is_none_or(|s| s.contains(&d));
            let expected: Vec<_> = all.passages.iter().filter(|(id, _)| kept(id.0)).collect();
            prop_assert_eq!(found.passages.iter().collect::<Vec<_>>(), expected);
            // Newest first: every match in a transcript newer than the
            // oldest kept one is kept.
            if let Some(oldest) = found.passages.keys().map(|id| id.0).min() {
                prop_assert!(all
                    .passages
                    .keys()
                    .filter(|id| id.0 > oldest)
                    .all(|id| kept(id.0)));
            }
        }
    }
    // The last window holds every match.
    let last = *windows.last().unwrap();
    read(ix, &mut blocks, search::lead_blocks(q, &dir, last).unwrap());
    let whole = search::scope(q, &dir, &blocks, last).unwrap();
    prop_assert_eq!(via_scope(q, ix, &dir, &mut blocks, &whole), all);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_substring_of_a_passage_finds_exactly_what_a_scan_finds(
        texts in corpus(),
        sizes in sizes(),
        pick in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
        len in 1usize..8,
        other in text(),
    ) {
        let all: Vec<&String> = texts.iter().flatten().collect();
        let source: Vec<char> = pick.get(&all).chars().collect();
        let ix = index(&texts, sizes);
        // A substring of a passage (it may fold to nothing), and a random
        // query that may occur nowhere.
        let start = if source.is_empty() { 0 } else { from.index(source.len()) };
        let sub: String = source[start..].iter().take(len).collect();
        for q in [format!("\"{sub}\""), other.clone(), format!("\"{sub}\" -\"{other}\"")] {
            let Ok(q) = query::parse(&q) else { continue };
            prop_assert_eq!(via_index(&q, &ix), scan::find(&q, &texts), "query {:?}", q);
            windows_are_the_newest(&q, &ix, &texts)?;
        }
    }

    /// A passage's mask keeps every passage a scan finds, and rules
    /// out exactly the passages that hold an excluded gram.
    #[test]
    fn masks_keep_every_match_and_rule_out_excluded_grams(
        texts in corpus(),
        pick in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
        len in 1usize..4,
        other in text(),
    ) {
        let (grams, bytes) = mask::part(&texts);
        let g = mask::Grams::new(&grams);
        let masks: Vec<u64> = bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        let all: Vec<&String> = texts.iter().flatten().collect();
        prop_assert_eq!(masks.len(), all.len());
        let source: Vec<char> = pick.get(&all).chars().collect();
        let start = if source.is_empty() { 0 } else { from.index(source.len()) };
        let sub: String = source[start..].iter().take(len).collect();
        for q in [format!("\"{sub}\""), format!("\"{sub}\" -\"{other}\""), format!("{other} -{sub}")] {
            let Ok(q) = query::parse(&q) else { continue };
            let rule = mask::Rule::of(&q, &g);
            let found = scan::find(&q, &texts);
            let mut i = 0;
            for (d, ps) in texts.iter().enumerate() {
                for p in 0..ps.len() {
                    if found.passages.contains_key(&(d as u32, p as u32)) {
                        prop_assert!(rule.keeps(masks[i]), "{:?} in {:?}", q, ps[p]);
                    }
                    i += 1;
                }
            }
            // Excluded grams alone rule passages out: exactly those
            // that hold one of the excluded terms that are grams.
            let only = mask::Rule { need: 0, not: rule.not };
            let gram_terms: Vec<Vec<char>> = q
                .excluded()
                .filter(|t| grams.iter().any(|w| w.chars().eq(t.folded.iter().copied())))
                .map(|t| t.folded.clone())
                .collect();
            for (i, text) in all.iter().enumerate() {
                let f = fold_text(text).chars;
                let holds = gram_terms
                    .iter()
                    .any(|t| f.windows(t.len()).any(|w| w == t.as_slice()));
                prop_assert_eq!(only.keeps(masks[i]), !holds, "{:?} in {:?}", q, text);
            }
        }
    }

    #[test]
    fn damaged_bytes_give_errors_not_panics(
        texts in corpus(),
        sizes in sizes(),
        cut in any::<prop::sample::Index>(),
        flip in any::<u8>(),
    ) {
        let ix = index(&texts, sizes);
        let damage = |bytes: &[u8]| -> Vec<Vec<u8>> {
            if bytes.is_empty() {
                return vec![];
            }
            let mut bad = bytes.to_vec();
            let i = cut.index(bad.len());
            bad[i] ^= flip | 1;
            vec![bad, bytes[..cut.index(bytes.len())].to_vec()]
        };
        for bad in damage(&ix.keys) {
            let _ = KeyTable::read(&bad);
        }
        let table = KeyTable::read(&ix.keys).unwrap();
        for (_, r) in &table.pages {
            let page = &ix.dir[r.start as usize..r.end as usize];
            for bad in damage(page) {
                let _ = dir::read_page(&bad);
            }
            for (_, blocks) in dir::read_page(page).unwrap() {
                for b in blocks {
                    let bytes = &ix.post[b.at as usize..(b.at + u64::from(b.len)) as usize];
                    for bad in damage(bytes) {
                        let _ = Blocks::default().add(&b, &bad);
                    }
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
    let ix = index(&texts, (4, 2, 16));
    let found = |q: &str| {
        let q = query::parse(q).unwrap();
        via_index(&q, &ix)
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
