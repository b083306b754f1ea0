//! Each transcript's script: Latin (more folded Latin letters than
//! letters of scripts written without spaces) or not.
//!
//! A common key's postings (at least [`CUT_POSTINGS`]) are cut into a
//! new block wherever its transcripts change script
//! ([`super::postings::Writer::push_in`], [`super::postings::Writer::cut_by_script`]), so no block of it holds
//! transcripts of both: a common Latin word's few postings in the
//! Chinese transcripts are blocks of their own, small, not shared with
//! an English transcript's many. A cold query reads a key's blocks in
//! each script apart ([`crate::corpus::cold`]): `政府 the` is led by
//! `he` in the Chinese transcripts (a few KB of blocks) and by `政府` in
//! the English ones, where each is rare, and not by `政府` everywhere.
//! `meta.json` names the Latin transcripts ([`Scripts::to_hex`]).

use super::Block;
use crate::corpus::fold::fold_into;

/// A key with at least this many postings is cut where its transcripts'
/// script changes; a rarer one is not (its few blocks cost little to
/// read, and cut they would be more directory entries, and more pages
/// in the key table every query reads: 1,024 made the archive's
/// `keys.bin` 2 KB larger, 16,384 0.6 KB, for the same gains).
pub const CUT_POSTINGS: u32 = 16384;

/// Whether `c` is a letter of a script written without spaces: a letter
/// outside ASCII (Han, kana, Hangul…), which word keys do not cover
/// (trigram keys do, [`super::grams`]).
pub fn trigram_char(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic()
}

/// Counts a transcript's letters as it is folded: Latin ones, and those
/// of scripts written without spaces.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    latin: u64,
    other: u64,
}

impl Tally {
    /// Adds a passage's folded text.
    pub fn add(&mut self, folded: &[char]) {
        for &c in folded {
            if c.is_ascii_lowercase() {
                self.latin += 1;
            } else if trigram_char(c) {
                self.other += 1;
            }
        }
    }

    /// Whether the transcript is Latin: more Latin letters than others.
    pub fn latin(&self) -> bool {
        self.latin > self.other
    }
}

/// Whether a transcript (its passages' text) is Latin, as [`Tally`]
/// counts it.
pub fn latin(passages: &[String]) -> bool {
    let mut tally = Tally::default();
    let mut folded = Vec::new();
    for p in passages {
        fold_into(p, &mut folded);
        tally.add(&folded);
    }
    tally.latin()
}

/// Which transcripts are Latin, by number (none known: all are taken as
/// one script, and a cold query reads as if there were one), and from
/// how many postings a key is cut by script ([`CUT_POSTINGS`]; fewer in
/// tests, so that small corpora are cut).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scripts {
    pub latin: Vec<bool>,
    pub cut: u32,
}

impl Default for Scripts {
    fn default() -> Scripts {
        Scripts {
            latin: Vec::new(),
            cut: CUT_POSTINGS,
        }
    }
}

impl Scripts {
    /// Transcript `doc`'s script (`false` past the end).
    pub fn latin(&self, doc: u32) -> bool {
        self.latin.get(doc as usize).copied().unwrap_or(false)
    }

    /// Transcripts known.
    pub fn docs(&self) -> u32 {
        self.latin.len() as u32
    }

    /// Whether transcripts of both scripts are known: only then is a
    /// query read script by script.
    pub fn mixed(&self) -> bool {
        self.latin.iter().any(|&l| l) && self.latin.iter().any(|&l| !l)
    }

    /// Whether a key's list of `count` postings is cut by script.
    pub fn cut(&self, count: u64) -> bool {
        count >= u64::from(self.cut.max(1))
    }

    /// Whether a key's `blocks` (as the directory has them) are each of
    /// one script.
    pub fn cut_blocks(&self, blocks: &[Block]) -> bool {
        self.cut(blocks.iter().map(|b| u64::from(b.count)).sum())
    }

    /// As `meta.json` holds it: a hex digit per four transcripts, bit
    /// `i % 4` of digit `i / 4` for transcript `i`.
    pub fn to_hex(&self) -> String {
        self.latin
            .chunks(4)
            .map(|c| {
                let n = c
                    .iter()
                    .enumerate()
                    .fold(0u32, |n, (i, &l)| n | (u32::from(l) << i));
                char::from_digit(n, 16).unwrap_or('0')
            })
            .collect()
    }

    /// Read back from [`Scripts::to_hex`] for `docs` transcripts, cut
    /// from `cut` postings; `None` for anything it did not write.
    pub fn from_hex(hex: &str, docs: u32, cut: u32) -> Option<Scripts> {
        // No build cuts from 0 postings: a `meta.json` that says so (or
        // lacks the field) would have uncut keys read as cut, so it is
        // read as naming no scripts (every query reads both together).
        if cut == 0 || hex.len() != (docs as usize).div_ceil(4) {
            return None;
        }
        let mut out = Vec::with_capacity(docs as usize);
        for d in hex.chars() {
            let n = d.to_digit(16)?;
            out.extend((0..4).map(|i| n >> i & 1 == 1));
        }
        if out[docs as usize..].iter().any(|&l| l) {
            return None;
        }
        out.truncate(docs as usize);
        Some(Scripts { latin: out, cut })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transcript_is_latin_when_its_latin_letters_outnumber_the_others() {
        let s = |ps: &[&str]| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        assert!(latin(&s(&["The government said", "政府"])));
        assert!(!latin(&s(&["政府說了 the", "我們"])));
        // Full width folds to Latin; digits and punctuation do not count.
        assert!(latin(&s(&["ＡＩ 治"])));
        assert!(!latin(&s(&["2020 年", "。。"])));
        assert!(!latin(&[]));
    }

    #[test]
    fn scripts_read_back_from_hex_and_refuse_other_text() {
        let of = |latin: Vec<bool>| Scripts { latin, cut: 7 };
        for n in [0usize, 1, 4, 5, 9] {
            let s = of((0..n).map(|i| i % 3 == 1).collect());
            let hex = s.to_hex();
            assert_eq!(Scripts::from_hex(&hex, n as u32, 7), Some(s));
        }
        assert_eq!(
            Scripts::from_hex("2", 2, 7).unwrap().latin,
            vec![false, true]
        );
        assert_eq!(Scripts::from_hex("4", 2, 7), None); // a bit past the end
        assert_eq!(Scripts::from_hex("g", 4, 7), None);
        assert_eq!(Scripts::from_hex("00", 4, 7), None);
        assert_eq!(Scripts::from_hex("2", 2, 0), None); // no cut said
        assert!(!of(vec![true, true]).mixed());
        assert!(of(vec![false, true]).mixed());
        assert!(of(vec![]).cut(7) && !of(vec![]).cut(6));
    }
}
