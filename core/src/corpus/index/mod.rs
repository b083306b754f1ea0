//! The corpus's search index: where every pair of folded characters
//! occurs, with positions, so that a query finds exactly the passages
//! that contain it.
//!
//! A key is two consecutive folded characters of a passage (a bigram);
//! a passage's last character is keyed with [`END`]. A term of two or
//! more characters occurs at `p` exactly when each of its bigrams occurs
//! at `p + i`: positions make the bigrams an exact substring test, where
//! a bag of bigrams would match `部署完成。署流异常。流程结束` for
//! `部署流程`. A one-character term is every key that starts with it.
//!
//! Each folded Latin word ([`is_word_char`]s) is also keyed whole, twice
//! ([`Key::word`], [`Key::word_reversed`]): a cold query finds the words
//! of a Latin phrase by them rather than by their common letters
//! ([`crate::corpus::cold`]); the whole search reads bigrams alone.
//!
//! What a query reads, so that a cold query in a browser fetches a few
//! tens of KB however common its words ([`dir`]):
//! - the key table (`keys.bin`, fetched whole): each directory page's
//!   first key;
//! - a directory page (a byte range of `dir`) per key: each key's
//!   posting blocks, with the first transcript of each;
//! - posting blocks (byte ranges of `post`): a key's postings cut into
//!   blocks of about [`BLOCK_BYTES`], oldest transcripts first, so a
//!   query sorted by date reads the newest blocks only, and reads older
//!   ones when it needs more results.

pub mod build;
pub mod dir;
pub mod flat;
pub mod grams;
pub mod mask;
pub mod postings;
pub mod script;
pub mod segments;

use serde::{Deserialize, Serialize};
use std::fmt;

/// The second character of the key of a passage's last character.
pub const END: u32 = 0;

/// About how many bytes of postings a block holds: a key with more is
/// cut into several, each readable alone.
pub const BLOCK_BYTES: usize = 512;

/// Keys per directory page, at most.
pub const PAGE_KEYS: usize = 256;

/// About how many bytes a directory page holds: a page is cut at
/// [`PAGE_KEYS`] keys or at this, so a common key's many blocks do not
/// make a reader of a rare neighbour read them.
pub const PAGE_BYTES: usize = 2048;

/// The format's version, in the site's `meta.json`: a reader refuses
/// others. 2: ranges of packs (a key table, directory pages, posting
/// blocks, passages one by one), where 1 had whole 32 KB shards. 3: word
/// keys beside the bigrams ([`Key::word`]). 4: trigram and word-pair
/// keys ([`grams`]). 5: blocks cut where the transcripts' script
/// changes, and the Latin transcripts named ([`script`]).
pub const FORMAT: u32 = 5;

/// Characters of a word a word key holds; a longer word is keyed by its
/// first (or, reversed, its last) this many.
pub const WORD_KEY_CHARS: usize = 10;

/// The first half of a word key is at least this (above every code
/// point): forward words, then reversed ones.
const WORD_TAG: u32 = 0x4000_0000;
const REVERSED_TAG: u32 = 0x8000_0000;

/// Whether `c` is part of a word for word keys: a folded Latin letter or
/// digit.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// The words of folded text (runs of [`is_word_char`]s), each with
/// where it starts.
pub fn words(f: &[char]) -> impl Iterator<Item = (usize, &[char])> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < f.len() && !is_word_char(f[i]) {
            i += 1;
        }
        let start = i;
        while i < f.len() && is_word_char(f[i]) {
            i += 1;
        }
        (i > start).then(|| (start, &f[start..i]))
    })
}

/// A word character's code in a word key (1–36; 0 ends the word).
fn word_code(c: char) -> u64 {
    match c {
        '0'..='9' => c as u64 - '0' as u64 + 1,
        _ => c as u64 - 'a' as u64 + 11,
    }
}

/// Packs up to [`WORD_KEY_CHARS`] word characters, six bits each, the
/// first highest, the rest filled with `fill` (0, or 63 for the end of a
/// range): packed words sort as the words do.
fn pack(tag: u32, cs: impl Iterator<Item = char>, fill: u64) -> Key {
    let mut n: u64 = 0;
    let mut len = 0;
    for c in cs.take(WORD_KEY_CHARS) {
        n = (n << 6) | word_code(c);
        len += 1;
    }
    for _ in len..WORD_KEY_CHARS {
        n = (n << 6) | fill;
    }
    Key(tag | (n >> 30) as u32, (n & 0x3FFF_FFFF) as u32)
}

/// Two folded characters, as code points; the second is [`END`] for a
/// passage's last character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Key(pub u32, pub u32);

impl Key {
    pub fn pair(a: char, b: char) -> Key {
        Key(a as u32, b as u32)
    }

    /// The first key that starts with `c`, and the last.
    pub fn starting_with(c: char) -> (Key, Key) {
        (Key(c as u32, END), Key(c as u32, u32::MAX))
    }

    /// The key of a whole word (a run of [`is_word_char`]s) of folded
    /// text, whose postings are where the word starts: its first
    /// [`WORD_KEY_CHARS`] characters.
    pub fn word(w: &[char]) -> Key {
        pack(WORD_TAG, w.iter().copied(), 0)
    }

    /// The key of a whole word read backwards, whose postings are where
    /// its last character is: its last [`WORD_KEY_CHARS`] characters.
    pub fn word_reversed(w: &[char]) -> Key {
        pack(REVERSED_TAG, w.iter().rev().copied(), 0)
    }

    /// The first and last word key of the words that start with `w`
    /// (`reversed`: that end with it).
    pub fn words_with(w: &[char], reversed: bool) -> (Key, Key) {
        let tag = if reversed { REVERSED_TAG } else { WORD_TAG };
        let cs = || -> Box<dyn Iterator<Item = char> + '_> {
            if reversed {
                Box::new(w.iter().rev().copied())
            } else {
                Box::new(w.iter().copied())
            }
        };
        (pack(tag, cs(), 0), pack(tag, cs(), 63))
    }
}

/// Bytes the index did not write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "damaged index: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

/// A block of a key's postings: the first transcript it holds, how many
/// postings, and where its bytes are in the postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Block {
    pub first_doc: u32,
    pub count: u32,
    pub at: u64,
    pub len: u32,
}

/// The index's counts and its parts' sizes, as `meta.json` has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub format: u32,
    /// Transcripts indexed.
    pub docs: u32,
    /// Passages indexed.
    pub passages: u64,
    /// Directory pages.
    pub pages: u32,
    /// Bytes per pack file of every packed part ([`crate::corpus::folder`]).
    pub pack_bytes: u64,
    /// Each packed part's name and length in bytes.
    pub parts: Vec<(String, u64)>,
    /// What a reader pays, on average, to read a passage that contains a
    /// given key: its text's bytes and its two `pidx` entries, each
    /// passage weighted by its size (a long passage holds more keys, so
    /// the passages a key is in are longer than most). A cold query
    /// weighs reading a key's blocks against reading the passages they
    /// could rule out.
    #[serde(default)]
    pub passage_bytes: u64,
    /// The grams of the passages' masks (the `mask` part), bit `i` for
    /// gram `i` ([`mask`]); none in an index without masks.
    #[serde(default)]
    pub mask_grams: Vec<String>,
    /// Which transcripts are Latin ([`script::Scripts::to_hex`]); none
    /// named in an index that does not say.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub latin: String,
    /// From how many postings a key's blocks are cut by script
    /// ([`script::Scripts::cut`]).
    #[serde(default)]
    pub script_cut: u32,
    /// Who the editor's list (`--aliases`) says is one person, as
    /// [`crate::corpus::aliases::Aliases::joined`] gives it: a speaker
    /// filter by any of their names means all of them. Empty without a
    /// list.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub aliases: std::collections::BTreeMap<String, String>,
}

/// The mean of `sizes`, each weighted by itself ([`Meta::passage_bytes`]).
pub fn weighted_mean(sizes: &[u64]) -> u64 {
    let sum: u128 = sizes.iter().map(|&n| u128::from(n)).sum();
    let squares: u128 = sizes.iter().map(|&n| u128::from(n).pow(2)).sum();
    (squares / sum.max(1)) as u64
}

impl Meta {
    /// Each transcript's script ([`Meta::latin`]); none known if it does
    /// not read.
    pub fn scripts(&self) -> script::Scripts {
        script::Scripts::from_hex(&self.latin, self.docs, self.script_cut).unwrap_or_default()
    }

    /// The length in bytes of packed part `part` (0 for a part it lacks).
    pub fn part_len(&self, part: &str) -> u64 {
        self.parts
            .iter()
            .find(|(n, _)| n == part)
            .map_or(0, |(_, b)| *b)
    }

    /// [`Meta::passage_bytes`], or for an index that does not say, its
    /// text's mean per passage, doubled.
    pub fn passage_bytes(&self) -> u64 {
        if self.passage_bytes > 0 {
            return self.passage_bytes;
        }
        let text = self
            .parts
            .iter()
            .find(|(n, _)| n == "text")
            .map_or(0, |(_, b)| *b);
        2 * text / self.passages.max(1) + 16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cs(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn word_keys_sort_as_words_and_ranges_hold_their_words() {
        let mut words = [
            "a",
            "ab",
            "abc",
            "b",
            "government",
            "governments",
            "open",
            "z9",
            "0",
        ];
        words.sort_unstable();
        let keys: Vec<Key> = words.iter().map(|w| Key::word(&cs(w))).collect();
        // In order; "government" and "governments" share their first ten.
        assert!(keys.windows(2).all(|k| k[0] <= k[1]), "{keys:?}");
        assert_eq!(
            keys.iter().collect::<std::collections::BTreeSet<_>>().len(),
            words.len() - 1
        );
        // Above every bigram, forward words below reversed ones.
        assert!(Key::word(&cs("a")) > Key::pair('\u{10FFFF}', '\u{10FFFF}'));
        assert!(Key::word(&cs("zzzzzzzzzz")) < Key::word_reversed(&cs("a")));
        let (a, b) = Key::words_with(&cs("govern"), false);
        for w in ["govern", "government", "governments"] {
            assert!((a..=b).contains(&Key::word(&cs(w))), "{w}");
        }
        assert!(!(a..=b).contains(&Key::word(&cs("gover"))));
        let (a, b) = Key::words_with(&cs("open"), true);
        for w in ["open", "reopen"] {
            assert!((a..=b).contains(&Key::word_reversed(&cs(w))), "{w}");
        }
        assert!(!(a..=b).contains(&Key::word_reversed(&cs("opened"))));
        // A long word is keyed by its first (or last) ten characters.
        assert_eq!(
            Key::word(&cs("governmental")),
            Key::word(&cs("governmentally"))
        );
    }
}
