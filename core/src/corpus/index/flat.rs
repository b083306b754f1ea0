//! A run of transcripts' posting lists (a segment's, [`super::segments`]),
//! made from one flat run of postings sorted at once: each posting packed
//! in a u128 (the key, then the passage's number in the run, then the
//! position), so the run takes one allocation of 16 bytes a posting while
//! it is made, and its lists one run of bytes. A list per key, grown as
//! its postings come ([`super::build::Builder`]), makes a million small
//! allocations, which the allocator keeps long after they are freed.

use super::build::keys_of;
use super::postings::{encode, Posting, Writer};
use super::Key;
use crate::corpus::fold::fold_into;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The posting lists of a run of transcripts, numbered from its first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lists {
    pub docs: u32,
    pub passages: u64,
    /// Each key's list, sorted by key: the key, its postings' count, and
    /// where its bytes end in `bytes` (each starts where the last ends;
    /// 16 bytes a list, as a segment holds hundreds of thousands).
    pub lists: Vec<(Key, u32, u32)>,
    /// The lists' postings, each list coded as one block
    /// ([`super::postings`]).
    pub bytes: Vec<u8>,
}

/// Postings sorted at once, at most about: a longer run of transcripts
/// is cut into runs of about this many (16 bytes each while sorted),
/// whose lists are then joined key by key.
const RUN_POSTINGS: usize = 1 << 16;

impl Lists {
    /// List `i`: its key, its postings' count, its bytes.
    pub fn list(&self, i: usize) -> (Key, u32, &[u8]) {
        let start = i.checked_sub(1).map_or(0, |j| self.lists[j].2 as usize);
        let (k, count, end) = self.lists[i];
        (k, count, &self.bytes[start..end as usize])
    }
}

/// Where a list ends that ends at the end of `bytes`.
fn end_of(bytes: &[u8]) -> u32 {
    // About 32 transcripts' postings: 4 GiB would be some 10 GB of text.
    u32::try_from(bytes.len()).expect("a segment's postings fit in 4 GiB")
}

fn pack(k: Key, passage: u32, pos: u32) -> u128 {
    (u128::from(k.0) << 96)
        | (u128::from(k.1) << 64)
        | (u128::from(passage) << 32)
        | u128::from(pos)
}

/// The lists of `texts` (each transcript's passages, in order).
pub fn lists(texts: &[Vec<String>]) -> Lists {
    lists_in_runs(texts, RUN_POSTINGS)
}

/// [`lists`], sorting at most about `run_postings` postings at once.
fn lists_in_runs(texts: &[Vec<String>], run_postings: usize) -> Lists {
    let mut runs = Vec::new();
    let mut run = Run::default();
    for t in texts {
        run.add(t);
        if run.all.len() >= run_postings {
            runs.push(run.lists());
            run = Run::default();
        }
    }
    if run.docs > 0 || runs.is_empty() {
        runs.push(run.lists());
    }
    match runs.len() {
        1 => runs.pop().unwrap_or_default(),
        _ => join(&runs),
    }
}

/// Transcripts' postings gathered, to be sorted at once.
#[derive(Default)]
struct Run {
    docs: u32,
    /// Each passage's transcript, and each transcript's first passage.
    doc_of: Vec<u32>,
    first: Vec<u32>,
    all: Vec<u128>,
    folded: Vec<char>,
}

impl Run {
    fn add(&mut self, t: &[String]) {
        self.first.push(self.doc_of.len() as u32);
        for p in t {
            let passage = self.doc_of.len() as u32;
            self.doc_of.push(self.docs);
            fold_into(p, &mut self.folded);
            let all = &mut self.all;
            keys_of(&self.folded, |k, pos| all.push(pack(k, passage, pos)));
        }
        self.docs += 1;
    }

    fn lists(mut self) -> Lists {
        self.all.sort_unstable();
        let mut out = Lists {
            docs: self.docs,
            passages: self.doc_of.len() as u64,
            ..Lists::default()
        };
        for run in self.all.chunk_by(|a, b| a >> 64 == b >> 64) {
            let key = Key((run[0] >> 96) as u32, (run[0] >> 64) as u32);
            let mut last = None;
            for &x in run {
                let g = (x >> 32) as u32;
                let doc = self.doc_of[g as usize];
                let p = Posting {
                    doc,
                    passage: g - self.first[doc as usize],
                    pos: x as u32,
                };
                encode(&mut out.bytes, last, p);
                last = Some(p);
            }
            out.lists.push((key, run.len() as u32, end_of(&out.bytes)));
        }
        out.bytes.shrink_to_fit();
        out.lists.shrink_to_fit();
        out
    }
}

/// The lists of consecutive runs of transcripts, as one: each key's
/// postings, run after run, in one list ([`Writer::append`] copies them,
/// their transcripts moved on past the runs before).
fn join(runs: &[Lists]) -> Lists {
    let mut out = Lists {
        docs: runs.iter().map(|r| r.docs).sum(),
        passages: runs.iter().map(|r| r.passages).sum(),
        lists: Vec::new(),
        bytes: Vec::with_capacity(runs.iter().map(|r| r.bytes.len()).sum()),
    };
    // Each run's next list, smallest key (then run) first.
    let mut heads: BinaryHeap<Reverse<(Key, usize, usize)>> = runs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some(Reverse((r.lists.first()?.0, i, 0))))
        .collect();
    let offsets: Vec<u32> = runs
        .iter()
        .scan(0, |docs, r| {
            let at = *docs;
            *docs += r.docs;
            Some(at)
        })
        .collect();
    let mut w = Writer::new(usize::MAX);
    while let Some(Reverse((key, i, at))) = heads.pop() {
        let r = &runs[i];
        let (_, count, bytes) = r.list(at);
        w.append(bytes, count, offsets[i], r.docs)
            .expect("a run's lists, coded by Run::lists, read");
        if let Some(&(next, _, _)) = r.lists.get(at + 1) {
            heads.push(Reverse((next, i, at + 1)));
        }
        if heads.peek().is_none_or(|h| h.0 .0 != key) {
            out.bytes.extend_from_slice(&w.bytes);
            out.lists.push((key, w.count, end_of(&out.bytes)));
            w.clear();
        }
    }
    out.lists.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::index::build::Builder;

    #[test]
    fn flat_lists_are_the_builders_byte_for_byte() {
        let texts: Vec<Vec<String>> = (0..40)
            .map(|i| {
                let mut t = vec![
                    format!("第{i}场：脱贫攻坚，{}", "數位轉型".repeat(i % 5)),
                    format!("Open data {i}, OPEN government {}", i * 31 % 17),
                ];
                // Transcripts without passages, and empty passages.
                t.truncate(i % 3);
                if i % 7 == 0 {
                    t.push(String::new());
                }
                t
            })
            .collect();
        let mut b = Builder::with_sizes(usize::MAX, 1, 0);
        for t in &texts {
            b.add(t.iter().map(String::as_str));
        }
        let (docs, passages, mut want) = b.into_lists();
        // A segment leaves the trigrams and word pairs to `grams::lists`.
        want.retain(|(k, _)| !crate::corpus::index::grams::is_gram(*k));
        want.sort_unstable_by_key(|l| l.0);
        // Sorted at once, and in runs of a few transcripts joined.
        for run_postings in [usize::MAX, 1, 100, 1000] {
            let got = lists_in_runs(&texts, run_postings);
            assert_eq!((got.docs, got.passages), (docs, passages));
            assert_eq!(got.lists.len(), want.len());
            for (i, (wk, w)) in want.iter().enumerate() {
                let (k, count, bytes) = got.list(i);
                assert_eq!((k, count), (*wk, w.count), "runs of {run_postings}");
                assert!(bytes == &w.bytes[..], "{k:?}");
            }
            assert_eq!(
                got.lists.last().map_or(0, |l| l.2 as usize),
                got.bytes.len()
            );
        }
    }
}
