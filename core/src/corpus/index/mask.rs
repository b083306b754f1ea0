//! Each passage's mask: which of the corpus's commonest grams it
//! contains, one bit each ([`MASK_GRAMS`] of them, a u64 a passage, the
//! `mask` part, in `pidx`'s order). A cold query reads a candidate's
//! mask beside its `pidx` entry and reads its text only if the mask
//! leaves a match possible ([`Rule`]): a passage that lacks a required
//! common character, or holds an excluded one (`是 -的`), is ruled out
//! for 8 bytes, not the ~350 of its text. The postings of such a
//! character are the index's longest lists, and only the text, or its
//! mask, can say that a passage lacks it.
//!
//! A gram is a folded CJK (alphabetic, not Latin) character or a folded
//! Latin word of two or more characters (`the`); its bit says whether
//! the passage's folded text holds it anywhere (a substring, as the
//! search matches: `the` in `other` too), so the bit is exact both ways.

use super::words;
use super::is_word_char;
use crate::corpus::fold::fold_into;
use crate::corpus::query::Query;
use std::collections::HashMap;

/// Grams a mask holds: bits of a u64.
pub const MASK_GRAMS: usize = 64;

/// Bytes per passage in the `mask` part.
pub const MASK_BYTES: u64 = 8;

/// Whether `c` may be a gram of one character: alphabetic and not a
/// Latin letter (a letter alone rules out little).
fn one_char_gram(c: char) -> bool {
    c.is_alphabetic() && !is_word_char(c) && !c.is_ascii()
}

/// Passages read to choose the grams, at most about: a larger corpus
/// is sampled (every so many passages, the same each time).
const CHOOSE_FROM: usize = 200_000;

/// The [`MASK_GRAMS`] grams found in the most passages of `texts` (each
/// transcript's passages), commonest first; ties by the gram, so the
/// same texts give the same grams: characters ([`one_char_gram`]) and
/// Latin words of two or more characters, each counted once a passage.
pub fn choose(texts: &[Vec<String>]) -> Vec<String> {
    let total: usize = texts.iter().map(Vec::len).sum();
    let stride = total.div_ceil(CHOOSE_FROM).max(1);
    let mut chars: HashMap<char, u64> = HashMap::new();
    let mut words_seen: HashMap<String, u64> = HashMap::new();
    let (mut folded, mut cs) = (Vec::new(), Vec::new());
    for p in texts.iter().flatten().step_by(stride) {
        fold_into(p, &mut folded);
        cs.clear();
        cs.extend(folded.iter().copied().filter(|&c| one_char_gram(c)));
        cs.sort_unstable();
        cs.dedup();
        for c in &cs {
            *chars.entry(*c).or_default() += 1;
        }
        let mut ws: Vec<&[char]> = words(&folded)
            .map(|(_, w)| w)
            .filter(|w| w.len() >= 2)
            .collect();
        ws.sort_unstable();
        ws.dedup();
        for w in &ws {
            *words_seen.entry(w.iter().collect()).or_default() += 1;
        }
    }
    let mut all: Vec<(String, u64)> = chars
        .into_iter()
        .map(|(c, n)| (String::from(c), n))
        .chain(words_seen)
        .collect();
    all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.into_iter().take(MASK_GRAMS).map(|(g, _)| g).collect()
}

/// The grams of an index's masks, each with its bit, to make a
/// passage's mask or a query's [`Rule`].
#[derive(Debug, Clone, Default)]
pub struct Grams {
    chars: HashMap<char, u64>,
    /// For a character of the Basic Multilingual Plane, its gram's bit
    /// number plus one (0: none), a look-up per character of the text.
    bmp: Vec<u8>,
    words: Vec<(Vec<char>, u64)>,
}

impl Grams {
    /// The grams, bit `i` for `grams[i]` (at most [`MASK_GRAMS`]).
    pub fn new(grams: &[String]) -> Grams {
        let mut g = Grams::default();
        for (i, s) in grams.iter().take(MASK_GRAMS).enumerate() {
            let cs: Vec<char> = s.chars().collect();
            let bit = 1u64 << i;
            match cs.as_slice() {
                [c] => {
                    g.chars.insert(*c, bit);
                    if let Ok(at) = usize::try_from(u32::from(*c)) {
                        if at < 0x10000 {
                            g.bmp.resize(0x10000, 0);
                            g.bmp[at] = i as u8 + 1;
                        }
                    }
                }
                _ => g.words.push((cs, bit)),
            }
        }
        g
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.words.is_empty()
    }

    /// The mask of folded text `f`: the bit of each gram it holds.
    pub fn of(&self, f: &[char]) -> u64 {
        let mut m = 0;
        for &c in f {
            let at = c as usize;
            m |= match self.bmp.get(at) {
                Some(0) => 0,
                Some(&b) => 1 << (b - 1),
                None if at < 0x10000 => 0,
                None => self.chars.get(&c).copied().unwrap_or(0),
            };
        }
        for (w, bit) in &self.words {
            if f.windows(w.len()).any(|x| x == w.as_slice()) {
                m |= bit;
            }
        }
        m
    }

    /// The bit of a term that is exactly one gram, if it is.
    fn exactly(&self, t: &[char]) -> u64 {
        match t {
            [c] => self.chars.get(c).copied().unwrap_or(0),
            _ => self
                .words
                .iter()
                .find(|(w, _)| w.as_slice() == t)
                .map_or(0, |(_, b)| *b),
        }
    }
}

/// The masks of every passage of `texts`, in order, as the `mask` part
/// holds them.
pub fn masks_of(grams: &Grams, texts: &[Vec<String>]) -> Vec<u64> {
    let of = |texts: &[Vec<String>]| {
        let mut out = Vec::new();
        let mut folded = Vec::new();
        for p in texts.iter().flatten() {
            fold_into(p, &mut folded);
            out.push(grams.of(&folded));
        }
        out
    };
    // On two cores: the first half of the transcripts and the rest.
    let (a, b) = texts.split_at(texts.len() / 2);
    let (mut first, rest) = std::thread::scope(|s| {
        let rest = s.spawn(|| of(b));
        (of(a), rest.join())
    });
    match rest {
        Ok(rest) => first.extend(rest),
        Err(_) => first.extend(of(b)),
    }
    first
}

/// The grams chosen for `texts` and every passage's mask, as the `mask`
/// part's bytes (in `pidx`'s order).
pub fn part(texts: &[Vec<String>]) -> (Vec<String>, Vec<u8>) {
    let chosen = choose(texts);
    let grams = Grams::new(&chosen);
    let bytes = masks_of(&grams, texts)
        .into_iter()
        .flat_map(u64::to_le_bytes)
        .collect();
    (chosen, bytes)
}

/// What a passage's mask must be for a query to match it: every gram a
/// required term holds (a term can only be where its grams are), and
/// none of the excluded terms that are exactly a gram (such a passage
/// holds the term: it is left out).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rule {
    pub need: u64,
    pub not: u64,
}

impl Rule {
    pub fn of(query: &Query, grams: &Grams) -> Rule {
        let mut r = Rule::default();
        for t in query.required() {
            r.need |= grams.of(&t.folded);
        }
        for t in query.excluded() {
            r.not |= grams.exactly(&t.folded);
        }
        r
    }

    /// Whether a passage of mask `m` may match.
    pub fn keeps(&self, m: u64) -> bool {
        m & self.need == self.need && m & self.not == 0
    }

    /// Whether it rules anything out.
    pub fn rules(&self) -> bool {
        self.need != 0 || self.not != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::fold::fold_text;
    use crate::corpus::query::parse;
    use crate::corpus::scan;

    fn texts(ts: &[&[&str]]) -> Vec<Vec<String>> {
        ts.iter()
            .map(|t| t.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn the_commonest_grams_are_chosen_characters_and_words() {
        let ts = texts(&[
            &["我們的政府", "是的", "the other one"],
            &["的 the", "這是 THE end", "a b c"],
        ]);
        let g = choose(&ts);
        // `the` and 的 in three passages each (ties by the gram; a
        // substring, `other`, counts only in masks), 是 in two.
        assert_eq!(&g[..3], &["the", "的", "是"]);
        // No Latin letter alone, no word of one letter.
        assert!(!g.iter().any(|s| s == "a" || s == "b"));
    }

    #[test]
    fn a_mask_holds_each_gram_as_a_substring() {
        let g = Grams::new(&["的".into(), "the".into(), "是".into()]);
        let m = |s: &str| g.of(&fold_text(s).chars);
        assert_eq!(m("我們的"), 0b001);
        assert_eq!(m("Other 是"), 0b110);
        assert_eq!(m("nothing"), 0);
    }

    /// For every query and passage, a passage a scan finds is one its
    /// mask keeps; one it rules out holds none of the query's matches;
    /// an excluded gram rules out exactly the passages that hold it.
    #[test]
    fn a_rule_keeps_every_match_and_rules_out_excluded_grams() {
        let passages = [
            "我們的政府",
            "是的",
            "是不是",
            "the other one",
            "的 the",
            "這是 THE end",
            "政府 and 台灣",
            "",
            "是",
        ];
        let ts = texts(&[&passages]);
        let g = Grams::new(&choose(&ts));
        let masks = masks_of(&g, &ts);
        for q in [
            "是 -的",
            "的 -是",
            "的 the",
            "the",
            "是 -the",
            "政府 -的",
            "\"the other\"",
            "台灣 and",
            "我們 -政府",
        ] {
            let query = parse(q).unwrap();
            let rule = Rule::of(&query, &g);
            let found = scan::find(&query, &ts);
            for (p, m) in masks.iter().enumerate() {
                let matches = found.passages.contains_key(&(0, p as u32));
                assert!(!matches || rule.keeps(*m), "{q}: {:?}", passages[p]);
            }
        }
        // `是 -的`: the mask alone says which passages match.
        let query = parse("是 -的").unwrap();
        let rule = Rule::of(&query, &g);
        let kept: Vec<usize> = (0..passages.len())
            .filter(|&p| rule.keeps(masks[p]))
            .collect();
        assert_eq!(kept, vec![2, 5, 8]);
    }
}
