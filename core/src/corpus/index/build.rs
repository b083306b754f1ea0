//! Builds the index in memory, then lays it out: the postings in
//! blocks, the directory pages, the key table ([`super::dir`]).

use super::dir::{self, KeyTable};
use super::postings::{Posting, Writer};
use super::{words, Block, Key, BLOCK_BYTES, END, PAGE_BYTES, PAGE_KEYS};
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
pub struct Builder {
    lists: HashMap<Key, Writer, BuildHasherDefault<KeyHasher>>,
    block_bytes: usize,
    page_keys: usize,
    page_bytes: usize,
    docs: u32,
    passages: u64,
    /// Whether it keys trigrams and word pairs ([`super::grams`]); a
    /// segment leaves them to [`super::grams::lists`].
    grams: bool,
    // Scratch space, kept between transcripts.
    folded: Vec<char>,
    pending: Vec<(Key, u32, u32)>,
}

/// The index's parts, as bytes.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub docs: u32,
    pub passages: u64,
    /// The key table, read whole.
    pub keys: Vec<u8>,
    /// The directory pages, one after another.
    pub dir: Vec<u8>,
    /// The posting blocks, one after another.
    pub post: Vec<u8>,
    pub pages: u32,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder::with_sizes(BLOCK_BYTES, PAGE_KEYS, PAGE_BYTES)
    }
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A builder with blocks of about `block_bytes` and pages of at most
    /// `page_keys` keys and about `page_bytes` (small ones test the
    /// cuts).
    pub fn with_sizes(block_bytes: usize, page_keys: usize, page_bytes: usize) -> Builder {
        Builder {
            lists: HashMap::default(),
            block_bytes,
            page_keys: page_keys.max(1),
            page_bytes,
            docs: 0,
            passages: 0,
            grams: true,
            folded: Vec::new(),
            pending: Vec::new(),
        }
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
            // Each word, forward where it starts and reversed where it
            // ends.
            for (start, word) in words(f) {
                let end = start + word.len() - 1;
                self.pending
                    .push((Key::word(word), passage as u32, start as u32));
                self.pending
                    .push((Key::word_reversed(word), passage as u32, end as u32));
            }
            if self.grams {
                super::grams::each(f, |k, pos| self.pending.push((k, passage as u32, pos)));
            }
        }
        // One look-up per key of the transcript, not per occurrence; the
        // sort is stable, so each key's postings stay in order.
        self.pending.sort_by_key(|p| p.0);
        for run in self.pending.chunk_by(|a, b| a.0 == b.0) {
            let bytes = self.block_bytes;
            let w = self
                .lists
                .entry(run[0].0)
                .or_insert_with(|| Writer::new(bytes));
            for &(_, passage, pos) in run {
                w.push(Posting { doc, passage, pos });
            }
        }
    }

    /// The same builder without trigram and word-pair keys.
    pub(super) fn without_grams(mut self) -> Builder {
        self.grams = false;
        self
    }

    /// The index's parts.
    pub fn finish(self) -> Index {
        let mut lists: Vec<(Key, Writer)> = self.lists.into_iter().collect();
        lists.sort_unstable_by_key(|l| l.0);
        let sizes = (self.page_keys, self.page_bytes);
        layout(lists, self.docs, self.passages, sizes)
    }

    /// The transcripts and passages added so far, and each key's list
    /// (in no order).
    pub(super) fn into_lists(self) -> (u32, u64, Vec<(Key, Writer)>) {
        (self.docs, self.passages, self.lists.into_iter().collect())
    }

    /// Its blocks' and pages' sizes.
    pub(super) fn sizes(&self) -> (usize, usize, usize) {
        (self.block_bytes, self.page_keys, self.page_bytes)
    }
}

/// Lays the lists `lists` (sorted by key) out as an index of `docs`
/// transcripts and `passages` passages, in pages of at most `page_keys`
/// keys and about `page_bytes`.
pub(super) fn layout(
    lists: Vec<(Key, Writer)>,
    docs: u32,
    passages: u64,
    (page_keys, page_bytes_most): (usize, usize),
) -> Index {
    let total: usize = lists.iter().map(|(_, w)| w.bytes.len()).sum();
    let mut post = Vec::with_capacity(total);
    let mut dir = Vec::new();
    let mut table = Vec::new();
    let mut page: Vec<(Key, Vec<Block>)> = Vec::with_capacity(page_keys);
    let mut flush = |page: &mut Vec<(Key, Vec<Block>)>, dir: &mut Vec<u8>| {
        if let Some((first, _)) = page.first() {
            let bytes = dir::write_page(page);
            table.push((*first, bytes.len() as u32));
            dir.extend_from_slice(&bytes);
            page.clear();
        }
    };
    // About what an entry takes in a page: a key, a few bytes a block.
    let mut page_bytes = 0;
    for (key, w) in lists {
        let mut blocks = Vec::with_capacity(w.blocks.len());
        for (cut, bytes) in w.block_bytes() {
            blocks.push(Block {
                first_doc: cut.first_doc,
                count: cut.count,
                at: post.len() as u64,
                len: bytes.len() as u32,
            });
            post.extend_from_slice(bytes);
        }
        let entry = 6 + 5 * blocks.len();
        if !page.is_empty() && page_bytes + entry > page_bytes_most {
            flush(&mut page, &mut dir);
            page_bytes = 0;
        }
        page.push((key, blocks));
        page_bytes += entry;
        if page.len() >= page_keys {
            flush(&mut page, &mut dir);
            page_bytes = 0;
        }
    }
    flush(&mut page, &mut dir);
    let pages = table.len() as u32;
    Index {
        docs,
        passages,
        keys: KeyTable::write(&table),
        dir,
        post,
        pages,
    }
}
