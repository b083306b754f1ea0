//! The directory pages a cold query reads first ([`pages_needed`]), and
//! the keys a term is found by, with the pages that hold them
//! ([`super::cold`] plans the rest).

use super::index::dir::KeyTable;
use super::index::grams::{term_pairs, term_trigrams};
use super::index::{is_word_char, words, Key, PAGE_BYTES, WORD_KEY_CHARS};
use super::lookup::{common, keys_of, Keys};
use super::query::Query;
use std::collections::BTreeSet;

/// A term's bigrams, each with its offset, and the page that would hold
/// it (`None`: no page could, the corpus never has it).
pub(super) fn pairs(t: &[char], table: &KeyTable) -> Vec<(u32, Key, Option<usize>)> {
    t.windows(2)
        .enumerate()
        .map(|(i, w)| {
            let k = Key::pair(w[0], w[1]);
            (i as u32, k, table.page_of(k))
        })
        .collect()
}

/// The word keys a term is found by, each as the range of keys of the
/// words that may stand there, with its offset in the term: a word with
/// a boundary before it in the term starts a word of the text (the keys
/// of the words that start with it, where they start); one with a
/// boundary only after it ends one (the reversed keys of the words that
/// end with it, where they end). A word with no boundary in the term
/// may be inside any word: only bigrams find it.
///
/// A whole word of a word pair ([`term_pairs`]) is left to the pair:
/// given the pair at its offset, the word is there but for the pair's
/// bucket's other pairs, and reading its key would rule out next to
/// nothing.
pub(super) fn word_ranges(t: &[char]) -> Vec<(u32, Key, Key)> {
    let paired: BTreeSet<usize> = term_pairs(t)
        .into_iter()
        .flat_map(|(s, _)| {
            let s = s as usize;
            let next = s + t[s..].iter().take_while(|c| is_word_char(**c)).count() + 1;
            [s, next]
        })
        .collect();
    let mut out = Vec::new();
    for (i, w) in words(t) {
        if paired.contains(&i) {
            continue;
        }
        let j = i + w.len();
        if i > 0 {
            let (a, b) = if j < t.len() && w.len() <= WORD_KEY_CHARS {
                (Key::word(w), Key::word(w))
            } else {
                Key::words_with(w, false)
            };
            out.push((i as u32, a, b));
        } else if j < t.len() {
            let (a, b) = Key::words_with(w, true);
            out.push(((j - 1) as u32, a, b));
        }
    }
    out
}

/// A word range read up front if it fills at most this many directory
/// pages, each small.
pub(super) const WORD_PAGES: usize = 2;

pub(super) fn page_len(table: &KeyTable, i: usize) -> u64 {
    let r = &table.pages[i].1;
    r.end - r.start
}

/// The directory pages a cold query reads, in order: each required
/// term's bigrams on pages of at most [`PAGE_BYTES`] (or, if it has
/// none, its smallest page: a common key, read if nothing rarer is), and
/// the keys of each required character alone that is not [`common`].
pub fn pages_needed(query: &Query, table: &KeyTable) -> Vec<usize> {
    let mut out = BTreeSet::new();
    for t in query.required() {
        if t.folded.len() == 1 {
            if let (false, Keys::Starting(a, b)) = (common(t, table), keys_of(t)) {
                out.extend(table.pages_between(a, b));
            }
            continue;
        }
        let ps = pairs(&t.folded, table);
        if ps.iter().any(|p| p.2.is_none()) {
            // A bigram before the first key: nothing matches.
            return Vec::new();
        }
        // A term of three or more letters is found by trigrams, a page
        // each, far rarer than its bigrams; of four or more, by them
        // alone: two buckets' postings at their offsets are a match or
        // about never another trigram's. Of three, by its one trigram
        // and its bigrams: the bucket's other trigrams are ruled out
        // by the bigrams, and a rare bigram leads.
        let tri = term_trigrams(&t.folded);
        out.extend(tri.iter().filter_map(|&(_, k)| table.page_of(k)));
        if tri.len() > 1 {
            continue;
        }
        // Word keys first: a word that fills a page or two is rarer than
        // its letters' bigrams, whose pages are then left unread; two
        // whole words are rarer still.
        let mut words = false;
        for (_, k) in term_pairs(&t.folded) {
            out.extend(table.page_of(k));
            words = true;
        }
        for (_, a, b) in word_ranges(&t.folded) {
            let pages = table.pages_between(a, b);
            if pages.len() <= WORD_PAGES
                && pages.clone().map(|i| page_len(table, i)).sum::<u64>() <= 2 * PAGE_BYTES as u64
            {
                out.extend(pages);
                words = true;
            }
        }
        if words {
            continue;
        }
        let pages: BTreeSet<usize> = ps.iter().filter_map(|p| p.2).collect();
        let small: Vec<usize> = pages
            .iter()
            .copied()
            .filter(|&i| page_len(table, i) <= PAGE_BYTES as u64)
            .collect();
        if small.is_empty() {
            out.extend(pages.iter().copied().min_by_key(|&i| page_len(table, i)));
        } else {
            out.extend(small);
        }
    }
    out.into_iter().collect()
}
