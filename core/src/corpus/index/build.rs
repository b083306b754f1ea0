//! Builds the index in memory, then cuts it into shards.

use super::postings::{Posting, Writer};
use super::shard;
use super::{Key, Meta, END, FORMAT, SHARD_BYTES};
use crate::corpus::fold::fold_into;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hash for keys (FxHash's): keys are two code points
/// chosen by the corpus's text, not by an adversary, and the default
/// SipHash was a fifth of the build's time.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u32(u32::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The index being built. Transcripts must be added in order.
#[derive(Default)]
pub struct Builder {
    lists: HashMap<Key, Writer, BuildHasherDefault<KeyHasher>>,
    docs: u32,
    passages: u64,
    // Scratch space, kept between transcripts.
    folded: Vec<char>,
    pending: Vec<(Key, u32, u32)>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Adds the next transcript, as its passages' text.
    pub fn add<'a>(&mut self, passages: impl IntoIterator<Item = &'a str>) {
        let doc = self.docs;
        self.docs += 1;
        self.pending.clear();
        for (passage, text) in passages.into_iter().enumerate() {
            self.passages += 1;
            fold_into(text, &mut self.folded);
            let f = &self.folded;
            for (i, &c) in f.iter().enumerate() {
                let next = f.get(i + 1).map_or(END, |&d| d as u32);
                self.pending
                    .push((Key(c as u32, next), passage as u32, i as u32));
            }
        }
        // One look-up per key of the transcript, not per occurrence; the
        // sort is stable, so each key's postings stay in order.
        self.pending.sort_by_key(|p| p.0);
        for run in self.pending.chunk_by(|a, b| a.0 == b.0) {
            let w = self.lists.entry(run[0].0).or_default();
            for &(_, passage, pos) in run {
                w.push(Posting { doc, passage, pos });
            }
        }
    }

    /// The meta and the shards' bytes, in order.
    pub fn finish(self) -> (Meta, Vec<Vec<u8>>) {
        let mut lists: Vec<(Key, Writer)> = self.lists.into_iter().collect();
        lists.sort_unstable_by_key(|l| l.0);
        let mut firsts = Vec::new();
        let mut shards = Vec::new();
        let mut run: Vec<(Key, u32, &[u8])> = Vec::new();
        let mut run_bytes = 0;
        for (key, w) in &lists {
            if !run.is_empty() && run_bytes + w.bytes.len() > SHARD_BYTES {
                firsts.push(run[0].0);
                shards.push(shard::write(&run));
                run.clear();
                run_bytes = 0;
            }
            run.push((*key, w.count, &w.bytes));
            run_bytes += w.bytes.len();
        }
        if !run.is_empty() {
            firsts.push(run[0].0);
            shards.push(shard::write(&run));
        }
        let meta = Meta {
            format: FORMAT,
            docs: self.docs,
            passages: self.passages,
            shards: firsts,
        };
        (meta, shards)
    }
}
