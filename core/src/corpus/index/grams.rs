//! Keys of more than two characters, for a cold query whose bigrams or
//! words are all common: three letters of a script without spaces
//! ([`Key::trigram`]: `這個公司` is `這個公` at 0 and `個公司` at 1, each
//! far rarer than `個公`), and two whole Latin words one space apart
//! ([`Key::word_pair`]: `"we are going to"` holds `are going`).
//!
//! Each is hashed into one of a fixed number of buckets, so that the
//! corpus's millions of trigrams and word pairs are a few tens of
//! thousands of keys (a few hundred directory pages in the key table a
//! page reads whole): a bucket's postings are those of every trigram (or
//! pair) that hashes there, a superset of the one asked for. A cold
//! query ([`crate::corpus::cold`]) narrows its candidates by them, at
//! their offsets, and reads each candidate's text before it shows it,
//! so a posting of another trigram in the bucket costs bytes, never a
//! wrong result; the whole search reads bigrams alone.

use super::postings::{Posting, Writer};
pub use super::script::trigram_char;
use super::script::Scripts;
use super::{words, Key};
use crate::corpus::fold::fold_into;

/// Buckets of trigram keys.
pub const TRIGRAM_BUCKETS: u32 = 1 << 16;

/// Buckets of word-pair keys.
pub const PAIR_BUCKETS: u32 = 1 << 14;

/// The first half of a trigram key (above every bigram and word key).
const TRIGRAM_TAG: u32 = 0xC000_0000;
/// The first half of a word-pair key.
const PAIR_TAG: u32 = 0xC000_0001;

/// A multiply-rotate step (FxHash's), then a final mix (SplitMix64's)
/// so that the low bits taken as a bucket depend on every input.
fn mix(h: u64, n: u64) -> u64 {
    (h.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

fn finish(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

impl Key {
    /// The key of three consecutive folded letters ([`trigram_char`]s),
    /// whose postings are where the first is: its bucket's.
    pub fn trigram(a: char, b: char, c: char) -> Key {
        let h = [a, b, c].iter().fold(0, |h, &c| mix(h, u64::from(c)));
        Key(TRIGRAM_TAG, (finish(h) % u64::from(TRIGRAM_BUCKETS)) as u32)
    }

    /// The key of two whole words of folded text, one space between
    /// them, whose postings are where the first starts: its bucket's.
    pub fn word_pair(first: &[char], second: &[char]) -> Key {
        let h = first.iter().fold(0, |h, &c| mix(h, u64::from(c)));
        // The space between, so that `ab c` and `a bc` differ.
        let h = second
            .iter()
            .fold(mix(h, u64::from(' ')), |h, &c| mix(h, u64::from(c)));
        Key(PAIR_TAG, (finish(h) % u64::from(PAIR_BUCKETS)) as u32)
    }
}

/// Whether `k` is a trigram's or a word pair's key (above every other).
pub fn is_gram(k: Key) -> bool {
    k.0 == TRIGRAM_TAG || k.0 == PAIR_TAG
}

/// Each trigram and word-pair key of a passage's folded text `f`, with
/// where it starts, in order of kind then position.
pub fn each(f: &[char], mut push: impl FnMut(Key, u32)) {
    for (i, w) in f.windows(3).enumerate() {
        if w.iter().all(|&c| trigram_char(c)) {
            push(Key::trigram(w[0], w[1], w[2]), i as u32);
        }
    }
    let mut last: Option<(usize, &[char])> = None;
    for (start, w) in words(f) {
        if let Some((s, v)) = last {
            if s + v.len() + 1 == start && f[start - 1] == ' ' {
                push(Key::word_pair(v, w), s as u32);
            }
        }
        last = Some((start, w));
    }
}

/// The trigram and word-pair keys' lists of every transcript's passages
/// (in the corpus's order), in blocks of about `block_bytes`, sorted by
/// key: the lists [`super::build::Builder`] makes of them. A run of
/// transcripts per core, each with a list per bucket, then each bucket's
/// runs appended in turn, each run's list dropped once copied.
pub fn lists(texts: &[Vec<String>], block_bytes: usize, scripts: &Scripts) -> Vec<(Key, Writer)> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let run = texts.len().div_ceil(cores).max(1);
    let runs: Vec<Vec<Writer>> = std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(run)
            .map(|c| scope.spawn(move || bucket_lists(c, usize::MAX)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    // A common bucket is cut by script ([`Scripts::cut`]).
    let by_script: Vec<Option<&Scripts>> = (0..slots())
        .map(|i| {
            let total: u64 = runs.iter().map(|r| u64::from(r[i].count)).sum();
            scripts.cut(total).then_some(scripts)
        })
        .collect();
    let mut out: Vec<Writer> = (0..slots()).map(|_| Writer::new(block_bytes)).collect();
    let mut offset = 0u32;
    for (r, lists) in runs.into_iter().enumerate() {
        let docs = texts.chunks(run).nth(r).map_or(0, |c| c.len() as u32);
        for (i, w) in lists.into_iter().enumerate() {
            if w.count > 0
                && out[i]
                    .append_in(&w.bytes, w.count, offset, docs, by_script[i])
                    .is_err()
            {
                // Written just now, so it reads; were it not, the lists
                // made again in one run.
                let whole = bucket_lists(texts, block_bytes);
                return keyed(
                    whole
                        .into_iter()
                        .map(|w| w.cut_by_script(block_bytes, scripts))
                        .collect(),
                );
            }
        }
        offset += docs;
    }
    keyed(out)
}

/// Trigram buckets, then word-pair buckets.
fn slots() -> usize {
    (TRIGRAM_BUCKETS + PAIR_BUCKETS) as usize
}

/// Each bucket's list of `texts`' trigrams and word pairs, transcripts
/// numbered from 0, in blocks of about `block_bytes`.
fn bucket_lists(texts: &[Vec<String>], block_bytes: usize) -> Vec<Writer> {
    let tri = TRIGRAM_BUCKETS as usize;
    let mut lists: Vec<Writer> = (0..slots()).map(|_| Writer::new(block_bytes)).collect();
    let slot = |k: Key| k.1 as usize + if k.0 == TRIGRAM_TAG { 0 } else { tri };
    let mut folded = Vec::new();
    let mut pending: Vec<(usize, u32, u32)> = Vec::new();
    for (doc, passages) in texts.iter().enumerate() {
        pending.clear();
        for (passage, text) in passages.iter().enumerate() {
            fold_into(text, &mut folded);
            each(&folded, |k, pos| {
                pending.push((slot(k), passage as u32, pos))
            });
        }
        // Stable: each list's postings stay in order.
        pending.sort_by_key(|p| p.0);
        for &(i, passage, pos) in &pending {
            lists[i].push(Posting {
                doc: doc as u32,
                passage,
                pos,
            });
        }
    }
    lists
}

/// The buckets' lists that hold postings, with their keys.
fn keyed(lists: Vec<Writer>) -> Vec<(Key, Writer)> {
    let tri = TRIGRAM_BUCKETS as usize;
    lists
        .into_iter()
        .enumerate()
        .filter(|(_, w)| w.count > 0)
        .map(|(i, w)| {
            let k = if i < tri {
                Key(TRIGRAM_TAG, i as u32)
            } else {
                Key(PAIR_TAG, (i - tri) as u32)
            };
            (k, w)
        })
        .collect()
}

/// The trigram keys a term is found by, each with its offset: if every
/// character of the term is a [`trigram_char`] and it has three or more,
/// those at offsets 0, 3, 6… and the last (every character covered,
/// with as few keys as that takes); else none.
pub fn term_trigrams(t: &[char]) -> Vec<(u32, Key)> {
    if t.len() < 3 || !t.iter().all(|&c| trigram_char(c)) {
        return Vec::new();
    }
    let last = t.len() - 3;
    let mut at: Vec<usize> = (0..=last).step_by(3).collect();
    if at.last() != Some(&last) {
        at.push(last);
    }
    at.into_iter()
        .map(|i| (i as u32, Key::trigram(t[i], t[i + 1], t[i + 2])))
        .collect()
}

/// The word-pair keys a term is found by, each with its offset: two
/// words of the term one space apart that are whole words wherever the
/// term occurs (something other than a word character before the first
/// and after the second, in the term itself).
pub fn term_pairs(t: &[char]) -> Vec<(u32, Key)> {
    let ws: Vec<(usize, &[char])> = words(t).collect();
    ws.windows(2)
        .filter(|p| {
            let ((s, v), (u, w)) = (p[0], p[1]);
            s > 0 && s + v.len() + 1 == u && t[u - 1] == ' ' && u + w.len() < t.len()
        })
        .map(|p| (p[0].0 as u32, Key::word_pair(p[0].1, p[1].1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cs(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn keys(s: &str) -> Vec<(Key, u32)> {
        let mut out = Vec::new();
        each(&cs(s), |k, p| out.push((k, p)));
        out
    }

    #[test]
    fn a_passage_is_keyed_by_its_trigrams_of_letters_and_its_word_pairs() {
        let got = keys("這個公司，ok we are going");
        assert_eq!(
            got,
            [
                (Key::trigram('這', '個', '公'), 0),
                (Key::trigram('個', '公', '司'), 1),
                (Key::word_pair(&cs("ok"), &cs("we")), 5),
                (Key::word_pair(&cs("we"), &cs("are")), 8),
                (Key::word_pair(&cs("are"), &cs("going")), 11),
            ]
        );
        // Two spaces, or other characters between, are not a pair.
        assert!(keys("we  are").is_empty());
        assert!(keys("we-are").is_empty());
        // Above every other key, trigrams below pairs.
        assert!(Key::trigram('a', 'b', 'c') > Key::word_reversed(&cs("zzzzzzzzzz")));
        assert!(Key::trigram('這', '個', '公') < Key::word_pair(&cs("a"), &cs("b")));
        assert_ne!(
            Key::word_pair(&cs("ab"), &cs("c")),
            Key::word_pair(&cs("a"), &cs("bc"))
        );
    }

    #[test]
    fn a_term_is_found_by_the_trigrams_that_cover_it_and_its_whole_word_pairs() {
        let offsets = |s: &str| -> Vec<u32> { term_trigrams(&cs(s)).iter().map(|k| k.0).collect() };
        assert_eq!(offsets("這個公司"), [0, 1]);
        assert_eq!(offsets("參與式預算"), [0, 2]);
        assert_eq!(offsets("一二三四五六七"), [0, 3, 4]);
        assert_eq!(offsets("是社會"), [0]);
        assert!(offsets("政府").is_empty());
        assert!(offsets("2019年的").is_empty());
        let pairs = |s: &str| -> Vec<(u32, Key)> { term_pairs(&cs(s)) };
        // The first and last words may be parts of longer ones.
        assert_eq!(
            pairs("we are going to"),
            [(3, Key::word_pair(&cs("are"), &cs("going")))]
        );
        assert_eq!(
            pairs("the government of the people"),
            [
                (4, Key::word_pair(&cs("government"), &cs("of"))),
                (15, Key::word_pair(&cs("of"), &cs("the")))
            ]
        );
        assert!(pairs("open data").is_empty());
        assert_eq!(pairs(" open data ").len(), 1);
    }
}
