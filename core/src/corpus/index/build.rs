//! Builds the index in memory, then lays it out: the postings in
//! blocks, the directory pages, the key table ([`super::dir`]). The
//! layout takes lists one at a time in key order and gives their blocks
//! to a [`Sink`] at once ([`Layout`]): a merge of segments
//! ([`super::segments`]) writes them to their files as it goes.

use super::dir::{self, KeyTable};
use super::postings::{Posting, Writer};
use super::script::{Scripts, Tally};
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

/// Gives each key of a passage's folded text `f` to `put`, with its
/// position, in order: each character's bigram, then each word forward
/// where it starts and reversed where it ends.
pub fn keys_of(f: &[char], mut put: impl FnMut(Key, u32)) {
    for (i, &c) in f.iter().enumerate() {
        let next = f.get(i + 1).map_or(END, |&d| d as u32);
        put(Key(c as u32, next), i as u32);
    }
    for (start, word) in words(f) {
        let end = start + word.len() - 1;
        put(Key::word(word), start as u32);
        put(Key::word_reversed(word), end as u32);
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
    scripts: Scripts,
    // Scratch space, kept between transcripts.
    folded: Vec<char>,
    pending: Vec<(Key, u32, u32)>,
}

/// The index's parts, as bytes; its posting blocks in `post`: bytes
/// held ([`Builder::finish`]), or where they were written as they were
/// laid out ([`Layout`]).
#[derive(Debug, Clone, Default)]
pub struct Index<P = Vec<u8>> {
    pub docs: u32,
    pub passages: u64,
    /// The key table, read whole.
    pub keys: Vec<u8>,
    /// The directory pages, one after another.
    pub dir: Vec<u8>,
    /// The posting blocks, one after another.
    pub post: P,
    pub pages: u32,
    /// Each transcript's script, as its postings are cut ([`Scripts`]).
    pub scripts: Scripts,
}

impl<P> Index<P> {
    /// The same index, its postings `f(post)` (the part a sink wrote
    /// them to, once finished).
    pub fn try_map_post<Q, E>(self, f: impl FnOnce(P) -> Result<Q, E>) -> Result<Index<Q>, E> {
        Ok(Index {
            docs: self.docs,
            passages: self.passages,
            keys: self.keys,
            dir: self.dir,
            post: f(self.post)?,
            pages: self.pages,
            scripts: self.scripts,
        })
    }
}

/// Where the posting blocks go as they are laid out, one after another.
pub trait Sink {
    type Error;
    fn put(&mut self, bytes: &[u8]) -> Result<(), Self::Error>;
}

impl Sink for Vec<u8> {
    type Error = std::convert::Infallible;
    fn put(&mut self, bytes: &[u8]) -> Result<(), Self::Error> {
        self.extend_from_slice(bytes);
        Ok(())
    }
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
            scripts: Scripts::default(),
            folded: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// Adds the next transcript, as its passages' text.
    pub fn add<'a>(&mut self, passages: impl IntoIterator<Item = &'a str>) {
        let doc = self.docs;
        self.docs += 1;
        self.pending.clear();
        let mut tally = Tally::default();
        for (passage, text) in passages.into_iter().enumerate() {
            self.passages += 1;
            fold_into(text, &mut self.folded);
            tally.add(&self.folded);
            let pending = &mut self.pending;
            keys_of(&self.folded, |key, pos| {
                pending.push((key, passage as u32, pos))
            });
            // Trigrams and word pairs too (a segment, built flat, leaves
            // them to [`super::grams::lists`]).
            super::grams::each(&self.folded, |k, pos| {
                pending.push((k, passage as u32, pos))
            });
        }
        // One look-up per key of the transcript, not per occurrence; the
        // sort is stable, so each key's postings stay in order.
        self.pending.sort_by_key(|p| p.0);
        self.scripts.latin.push(tally.latin());
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

    /// The index's parts.
    pub fn finish(self) -> Index {
        let (block_bytes, scripts) = (self.block_bytes, &self.scripts);
        let mut lists: Vec<(Key, Writer)> = self
            .lists
            .into_iter()
            .map(|(k, w)| (k, w.cut_by_script(block_bytes, scripts)))
            .collect();
        lists.sort_unstable_by_key(|l| l.0);
        let sizes = (self.page_keys, self.page_bytes);
        let mut ix = layout(lists, self.docs, self.passages, sizes);
        ix.scripts = self.scripts;
        ix
    }

    /// The transcripts and passages added so far, and each key's list
    /// (in no order).
    #[cfg(test)]
    pub(super) fn into_lists(self) -> (u32, u64, Vec<(Key, Writer)>) {
        (self.docs, self.passages, self.lists.into_iter().collect())
    }

    /// Its blocks' and pages' sizes.
    pub(super) fn sizes(&self) -> (usize, usize, usize) {
        (self.block_bytes, self.page_keys, self.page_bytes)
    }

    /// The same builder, its keys of `n` postings or more cut by script
    /// ([`super::script::CUT_POSTINGS`] unless told): small corpora in
    /// tests are cut with a few.
    pub fn with_script_cut(mut self, n: u32) -> Builder {
        self.scripts.cut = n;
        self
    }

    /// From how many postings its keys are cut by script.
    pub(super) fn script_cut(&self) -> u32 {
        self.scripts.cut
    }
}

/// Lays the lists `lists` (sorted by key) out as an index of `docs`
/// transcripts and `passages` passages, in pages of at most `page_keys`
/// keys and about `page_bytes`.
pub(super) fn layout(
    lists: Vec<(Key, Writer)>,
    docs: u32,
    passages: u64,
    sizes: (usize, usize),
) -> Index {
    let total: usize = lists.iter().map(|(_, w)| w.bytes.len()).sum();
    let mut out = Layout::new(sizes, Vec::with_capacity(total));
    for (key, w) in &lists {
        let Ok(()) = out.push(*key, w);
    }
    out.finish(docs, passages)
}

/// An index being laid out, a list at a time in key order: each list's
/// blocks go to the sink `post` at once, and only the directory (pages
/// of a few bytes a block) is kept until the end.
pub struct Layout<S> {
    post: S,
    /// Bytes given to `post` so far.
    at: u64,
    dir: Vec<u8>,
    /// Each page's first key and length.
    table: Vec<(Key, u32)>,
    page: Vec<(Key, Vec<Block>)>,
    /// About what the page's entries take.
    page_bytes: usize,
    page_keys: usize,
    page_bytes_most: usize,
}

impl<S: Sink> Layout<S> {
    /// A layout in pages of at most `page_keys` keys and about
    /// `page_bytes`, its blocks given to `post`.
    pub fn new((page_keys, page_bytes_most): (usize, usize), post: S) -> Layout<S> {
        Layout {
            post,
            at: 0,
            dir: Vec::new(),
            table: Vec::new(),
            page: Vec::with_capacity(page_keys),
            page_bytes: 0,
            page_keys,
            page_bytes_most,
        }
    }

    /// Lays out `key`'s list `w`, which comes after every key laid out.
    pub fn push(&mut self, key: Key, w: &Writer) -> Result<(), S::Error> {
        debug_assert!(
            self.page.last().is_none_or(|l| l.0 < key),
            "keys out of order"
        );
        let mut blocks = Vec::with_capacity(w.blocks.len());
        for (cut, bytes) in w.block_bytes() {
            blocks.push(Block {
                first_doc: cut.first_doc,
                count: cut.count,
                at: self.at,
                len: bytes.len() as u32,
            });
            self.post.put(bytes)?;
            self.at += bytes.len() as u64;
        }
        // About what an entry takes in a page: a key, a few bytes a block.
        let entry = 6 + 5 * blocks.len();
        if !self.page.is_empty() && self.page_bytes + entry > self.page_bytes_most {
            self.flush();
        }
        self.page.push((key, blocks));
        self.page_bytes += entry;
        if self.page.len() >= self.page_keys {
            self.flush();
        }
        Ok(())
    }

    fn flush(&mut self) {
        if let Some((first, _)) = self.page.first() {
            let bytes = dir::write_page(&self.page);
            self.table.push((*first, bytes.len() as u32));
            self.dir.extend_from_slice(&bytes);
            self.page.clear();
        }
        self.page_bytes = 0;
    }

    /// The index of `docs` transcripts and `passages` passages laid out.
    pub fn finish(mut self, docs: u32, passages: u64) -> Index<S> {
        self.flush();
        Index {
            docs,
            passages,
            keys: KeyTable::write(&self.table),
            pages: self.table.len() as u32,
            dir: self.dir,
            post: self.post,
            scripts: Scripts::default(),
        }
    }
}
