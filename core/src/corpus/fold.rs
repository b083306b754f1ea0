//! How text reads for corpus search: traditional and simplified Chinese
//! as one (OpenCC's tables), full and half width as one, Latin case as
//! one, and every run of white space as one space.
//!
//! Folding is one character to one character (or white space to a break),
//! so a position in folded text is a position in the original: the index
//! keeps folded positions and the page highlights the original characters.
//! It is the reader's own fold ([`crate::search::fold_char`]: width, ASCII
//! case) followed by the script fold, which the single transcript's search
//! leaves out to keep OpenCC's table out of the page's first visit.

use std::sync::OnceLock;

/// OpenCC's traditional → simplified characters, one `c\td` pair a line,
/// generated from the `ferrous-opencc` crate by `core/tests/fold_table.rs`.
const T2S: &str = include_str!("t2s.tsv");

/// The table's pairs, in order of the traditional character.
fn table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = T2S
            .lines()
            .filter_map(|l| {
                let mut cs = l.chars();
                let (c, tab, d) = (cs.next()?, cs.next()?, cs.next()?);
                (tab == '\t').then_some((c, d))
            })
            .collect();
        pairs.sort_unstable();
        pairs
    })
}

/// Where the common CJK characters are (the radicals to the end of the
/// unified ideographs' first block): looked up in [`dense`] by offset.
const DENSE: std::ops::RangeInclusive<u32> = 0x2E80..=0x9FFF;

/// Each character of [`DENSE`] folded by the table (itself where the
/// table has none): one index instead of a binary search, for the
/// characters most text is made of (116 KB, made on first use).
fn dense() -> &'static [char] {
    static DENSE_TABLE: OnceLock<Vec<char>> = OnceLock::new();
    DENSE_TABLE.get_or_init(|| {
        let mut out: Vec<char> = DENSE.filter_map(char::from_u32).collect();
        for &(c, d) in table() {
            if let Some(slot) = (c as u32)
                .checked_sub(*DENSE.start())
                .and_then(|i| out.get_mut(i as usize))
            {
                *slot = d;
            }
        }
        out
    })
}

/// A character as search reads it; `None` for white space.
pub fn fold(c: char) -> Option<char> {
    let c = crate::search::fold_char(c)?;
    if c.is_ascii() {
        return Some(c);
    }
    if c >= '\u{2E80}' {
        if DENSE.contains(&(c as u32)) {
            return Some(dense()[(c as u32 - DENSE.start()) as usize]);
        }
        let t = table();
        if let Ok(i) = t.binary_search_by_key(&c, |p| p.0) {
            return Some(t[i].1);
        }
        return Some(c);
    }
    // Latin, Greek, Cyrillic…: lower case where it is one character.
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => Some(c),
    }
}

/// Text as search reads it, each character with where it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded characters: white space runs are one `' '`, none at
    /// either end.
    pub chars: Vec<char>,
    /// For each folded character, the offset (in characters) of the
    /// original character it stands for; a space stands for the first of
    /// its run.
    pub at: Vec<u32>,
}

impl Folded {
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// Calls `each` with every folded character of `text` and the offset
/// (in characters) of the original it stands for (see [`Folded`]).
fn fold_each(text: &str, mut each: impl FnMut(char, u32)) {
    let mut any = false;
    let mut space_at = None;
    for (i, c) in text.chars().enumerate() {
        match fold(c) {
            None => {
                space_at.get_or_insert(i as u32);
            }
            Some(f) => {
                if let Some(s) = space_at.take() {
                    if any {
                        each(' ', s);
                    }
                }
                each(f, i as u32);
                any = true;
            }
        }
    }
}

/// Folds `text` (see [`Folded`]).
pub fn fold_text(text: &str) -> Folded {
    let mut out = Folded::default();
    fold_each(text, |c, at| {
        out.chars.push(c);
        out.at.push(at);
    });
    out
}

/// Appends the folded characters of `text` to `out` (cleared first).
pub fn fold_into(text: &str, out: &mut Vec<char>) {
    out.clear();
    fold_each(text, |c, _| out.push(c));
}

/// The folded characters of `text` alone.
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_each(text, |c, _| out.push(c));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_scripts_width_and_case() {
        assert_eq!(fold_str("倫理"), "伦理");
        assert_eq!(fold_str("伦理"), "伦理");
        assert_eq!(fold_str("臺灣　ＣＯＶＩＤ－１９"), "台湾 covid-19");
        assert_eq!(fold_str("Ärzte ÉTÉ"), "ärzte été");
        // Taiwan's and Hong Kong's variants too.
        assert_eq!(fold_str("著裡"), "着里");
    }

    #[test]
    fn white_space_runs_are_one_space_and_none_at_the_ends() {
        let f = fold_text("  AI \u{3000}\n治理 ");
        assert_eq!(f.chars.iter().collect::<String>(), "ai 治理");
        assert_eq!(f.at, vec![2, 3, 4, 7, 8]);
    }

    #[test]
    fn the_dense_table_says_what_the_pairs_say() {
        let t = table();
        for u in DENSE {
            let Some(c) = char::from_u32(u) else { continue };
            let by_pairs = t
                .binary_search_by_key(&c, |p| p.0)
                .map_or(c, |i| t[i].1);
            assert_eq!(dense()[(u - DENSE.start()) as usize], by_pairs, "U+{u:04X}");
        }
        // Both sides of the dense range, and past the BMP.
        assert_eq!(fold_str("⺀龥𠀀"), "⺀龥𠀀");
        assert!(t.iter().any(|p| p.0 as u32 > 0xFFFF), "the table reaches past the BMP");
        for &(c, d) in t.iter().filter(|p| !DENSE.contains(&(p.0 as u32))) {
            assert_eq!(fold(c), Some(d), "{c} outside the dense range");
        }
    }

    #[test]
    fn fold_str_is_the_folded_text() {
        let text = "  臺灣　ＣＯＶＩＤ－１９ 疫情\n\n指揮中心 Ärzte  ";
        assert_eq!(fold_str(text), fold_text(text).chars.iter().collect::<String>());
    }

    #[test]
    fn folding_is_idempotent() {
        for (c, d) in table() {
            assert_eq!(fold(*d), Some(*d), "{c} → {d} folds further");
        }
    }
}
