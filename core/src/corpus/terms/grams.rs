//! Text read into grams: folding, what is never a term, the keys, the
//! scanner, and the counts.

use super::MAX_HAN;
use crate::chars::is_han;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

// Folding, fast: one table lookup per BMP character.

/// What a BMP character folds to: 0 for white space, `u16::MAX` for a
/// character whose fold is outside the BMP (read by the core's own fold).
pub(super) fn fold_table() -> &'static [u16] {
    static T: OnceLock<Vec<u16>> = OnceLock::new();
    T.get_or_init(|| {
        (0..=0xFFFFu32)
            .map(|u| match char::from_u32(u).map(crate::corpus::fold::fold) {
                None => u16::MAX, // a surrogate: never a char
                Some(None) => 0,
                Some(Some(f)) if (f as u32) < 0xFFFF && f != '\0' => f as u16,
                Some(Some(_)) => u16::MAX,
            })
            .collect()
    })
}

#[inline]
pub(super) fn fold(table: &[u16], c: char) -> Option<char> {
    let u = c as u32;
    if u <= 0xFFFF {
        match table[u as usize] {
            0 => None,
            u16::MAX => crate::corpus::fold::fold(c),
            f => char::from_u32(f as u32),
        }
    } else {
        crate::corpus::fold::fold(c)
    }
}

// ---------------------------------------------------------------------
// What is not a term.

/// Function characters and numerals (folded: simplified): a Han gram of
/// these alone is not a term.
pub(super) const FUNCTION: &str = "的了是在我你您他她它们这那哪个也都就和与及或而但有没不很要会能可以对为于之其所把被让给从到向着过吗呢吧啊呀嘛哦嗯么什怎样此等还又再已将并如果因才只更最太好去来说讲上下中里大小多少些每各该得地做用当后前时候然即则若虽比较非常跟同看想觉知道事情点位次种件本今天年月日号现正实谓应么呢啦喔哈嘿噢欸耶吗吶个家人谢请问一二三四五六七八九十百千万亿零〇两几第半";

/// Particles a Han term does not start with.
pub(super) const NOT_FIRST: &str = "的们么吗呢吧啊呀嘛啦喔哦是";
/// Characters a Han term never holds: `的` parts phrases (`水的有效`).
pub(super) const NEVER: &str = "的";
/// Particles and function characters a Han term does not end with.
pub(super) const NOT_LAST: &str = "的吗呢吧啊呀嘛啦喔哦或把被在是也很这那们么好";

/// English words that are not terms (and stage directions).
#[rustfmt::skip]
pub(super) const STOP: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are",
    "around", "as", "at", "be", "because", "been", "before", "being", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "don't", "down", "during", "each",
    "even", "every", "few", "for", "from", "further", "get", "getting", "go", "going", "gonna",
    "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
    "i", "i'm", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just",
    "know", "let", "like", "make", "many", "may", "me", "might", "more", "most", "much", "must",
    "my", "no", "not", "now", "of", "off", "oh", "ok", "okay", "on", "once", "one", "only",
    "or", "other", "our", "ours", "out", "over", "own", "really", "right", "said", "same",
    "say", "see", "she", "should", "so", "some", "such", "than", "that", "that's", "the",
    "their", "theirs", "them", "then", "there", "there's", "these", "they", "they're", "thing",
    "things", "think", "this", "those", "through", "to", "too", "um", "uh", "under", "until",
    "up", "us", "very", "was", "way", "we", "we're", "well", "were", "what", "what's", "when",
    "where", "which", "while", "who", "why", "will", "with", "would", "yeah", "yes", "you",
    "you're", "your", "yours", "actually", "basically", "want", "people", "lot", "two", "three",
    "first", "new", "use", "used", "mean", "sure", "kind", "something", "anything", "can't",
    "didn't", "doesn't", "won't", "we've", "i've", "i'd", "you've", "let's", "he's", "she's",
    "they've", "we'll", "i'll", "you'll", "wasn't", "aren't", "here's", "who's", "laughs",
    "laughter", "laugh", "applause", "inaudible", "crosstalk",
];

/// Words of URLs and addresses, not terms either.
pub(super) const STOP_WEB: &[&str] = &[
    "http", "https", "www", "com", "org", "net", "html", "htm", "php",
];

/// What is not a term, as tables: flags for every BMP character, and the
/// stop words' keys.
pub(super) struct Stops {
    /// [`FUNCTION`], [`NOT_FIRST`], [`NOT_LAST`], [`NEVER`] as bits 1, 2,
    /// 4, 8.
    pub(super) flags: Vec<u8>,
    /// The stop words' [`word_key`]s, sorted.
    pub(super) words: Vec<u64>,
}

pub(super) const F_FUNCTION: u8 = 1;
pub(super) const F_NOT_FIRST: u8 = 2;
pub(super) const F_NOT_LAST: u8 = 4;
pub(super) const F_NEVER: u8 = 8;

pub(super) fn stops() -> &'static Stops {
    static S: OnceLock<Stops> = OnceLock::new();
    S.get_or_init(|| {
        let mut flags = vec![0u8; 0x10000];
        for (list, bit) in [
            (FUNCTION, F_FUNCTION),
            (NOT_FIRST, F_NOT_FIRST),
            (NOT_LAST, F_NOT_LAST),
            (NEVER, F_NEVER),
        ] {
            for c in list.chars() {
                flags[c as usize] |= bit;
            }
        }
        let mut words: Vec<u64> = STOP.iter().chain(STOP_WEB).map(|w| word_key(w)).collect();
        words.sort_unstable();
        Stops { flags, words }
    })
}

impl Stops {
    /// Whether the Han gram `units` (oldest first) may be a term.
    #[inline]
    pub(super) fn han(&self, units: &[u16]) -> bool {
        let f = |u: u16| self.flags[u as usize];
        f(units[0]) & F_NOT_FIRST == 0
            && f(units[units.len() - 1]) & F_NOT_LAST == 0
            && !units.iter().all(|&u| f(u) & F_FUNCTION != 0)
            && !units.iter().any(|&u| f(u) & F_NEVER != 0)
    }

    /// Whether the folded word `w`, of key `key`, may be (part of) a term.
    pub(super) fn word(&self, w: &str, key: u64) -> bool {
        let mut cs = w.chars();
        cs.next().is_some()
            && cs.next().is_some()
            && w.chars().any(char::is_alphabetic)
            && self.words.binary_search(&key).is_err()
    }
}

// ---------------------------------------------------------------------
// Scanning text into grams.

/// Keys are already well spread (packed characters, or hashes), and are
/// mixed once more (SplitMix64's finaliser) for the table's high bits.
#[derive(Default)]
pub(super) struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100000001b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(super) type Map<V> = HashMap<u64, V, BuildHasherDefault<Mix>>;

/// A word's 64-bit key: FNV-1a, mixed.
pub(super) fn word_key(w: &str) -> u64 {
    let mut h = Mix(0xcbf29ce484222325);
    h.write(w.as_bytes());
    h.finish()
}

/// A pair of words' key, from theirs.
pub(super) fn pair_key(a: u64, b: u64) -> u64 {
    let mut h = Mix(a.rotate_left(23) ^ b ^ 0x5851f42d4c957f2d);
    h.0 = h.finish();
    h.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Han,
    Latin,
}

/// Totals' slots: Han grams of 2..=4 characters, Latin words and pairs.
pub(super) const SLOTS: usize = MAX_HAN - 1 + 2;

pub(super) fn slot(kind: Kind, units: usize) -> usize {
    match kind {
        Kind::Han => units - 2,
        Kind::Latin => MAX_HAN - 1 + units - 1,
    }
}

/// About how many units (Han characters, words) `totals` count.
pub(super) fn units_of(totals: &[u64; SLOTS]) -> u64 {
    totals[slot(Kind::Han, 2)] + totals[slot(Kind::Latin, 1)]
}

/// One gram of a text.
pub(super) struct Gram<'s> {
    pub(super) kind: Kind,
    pub(super) key: u64,
    /// Characters (Han) or words (Latin).
    pub(super) units: usize,
    /// Its bytes in the text.
    pub(super) from: usize,
    pub(super) to: usize,
    /// Whether it may be a term (see the module's notes).
    pub(super) term: bool,
    /// A Latin gram's folded words (the second empty for one word).
    pub(super) words: [&'s str; 2],
}

/// Packs Han units (oldest first) into a key.
pub(super) fn pack(units: &[u16]) -> u64 {
    units.iter().fold(0, |k, &u| (k << 16) | u64::from(u))
}

pub(super) fn unpack(mut key: u64) -> Vec<u16> {
    let mut out = Vec::new();
    while key != 0 {
        out.push(key as u16);
        key >>= 16;
    }
    out.reverse();
    out
}

/// Reads `text` into grams, each given to `each`.
pub(super) struct Scanner {
    pub(super) table: &'static [u16],
    pub(super) stops: &'static Stops,
    pub(super) word: String,
    pub(super) prev: String,
}

impl Scanner {
    pub(super) fn new() -> Scanner {
        Scanner {
            table: fold_table(),
            stops: stops(),
            word: String::new(),
            prev: String::new(),
        }
    }

    pub(super) fn scan(&mut self, text: &str, each: &mut dyn FnMut(&Gram<'_>)) {
        // The Han run: its last units and their bytes' starts, as rings.
        let mut units = [0u16; MAX_HAN];
        let mut starts = [0usize; MAX_HAN];
        let mut run = 0usize;
        // The Latin word being read: its start, and where the previous
        // one started and its key, if only white space came between.
        self.word.clear();
        self.prev.clear();
        let mut word_from = 0usize;
        let mut word_to = 0usize;
        let mut prev: Option<(usize, u64)> = None;
        let mut joiner: Option<(char, usize)> = None;
        let mut gap_is_space = false;

        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let f = fold(self.table, c);
            let end = i + c.len_utf8();
            let han = matches!(f, Some(f) if is_han(f) && (f as u32) <= 0xFFFF);
            let wordy = matches!(f, Some(f) if !han && f.is_alphanumeric());
            // Han runs.
            if han {
                let u = f.map_or(0, |f| f as u16);
                units.copy_within(1.., 0);
                starts.copy_within(1.., 0);
                units[MAX_HAN - 1] = u;
                starts[MAX_HAN - 1] = i;
                run += 1;
                for n in 2..=run.min(MAX_HAN) {
                    let g = &units[MAX_HAN - n..];
                    each(&Gram {
                        kind: Kind::Han,
                        key: pack(g),
                        units: n,
                        from: starts[MAX_HAN - n],
                        to: end,
                        term: self.stops.han(g),
                        words: ["", ""],
                    });
                }
            } else {
                run = 0;
            }
            // Latin words.
            if wordy {
                if self.word.is_empty() {
                    word_from = i;
                } else if let Some((j, _)) = joiner.take() {
                    // `it’s` is `it's`.
                    self.word.push(if j == '’' { '\'' } else { j });
                }
                self.word.push(f.unwrap_or(c));
                word_to = end;
                continue;
            }
            let is_joiner = matches!(f, Some('-' | '\'' | '’' | '.' | '_'));
            if is_joiner && !self.word.is_empty() && joiner.is_none() {
                let next_wordy = chars.peek().is_some_and(|&(_, d)| {
                    fold(self.table, d).is_some_and(|d| d.is_alphanumeric() && !is_han(d))
                });
                if next_wordy {
                    joiner = Some((f.unwrap_or(c), i));
                    continue;
                }
            }
            joiner = None;
            if !self.word.is_empty() {
                prev = self.end_word(text, word_from, word_to, prev, gap_is_space, each);
                gap_is_space = true;
            }
            if f.is_some() {
                // Anything but white space parts two words.
                gap_is_space = false;
            }
        }
        if !self.word.is_empty() {
            self.end_word(text, word_from, word_to, prev, gap_is_space, each);
        }
    }

    /// Gives the word just read, and the pair it ends; returns its start
    /// and key.
    pub(super) fn end_word(
        &mut self,
        text: &str,
        from: usize,
        to: usize,
        prev: Option<(usize, u64)>,
        after_space: bool,
        each: &mut dyn FnMut(&Gram<'_>),
    ) -> Option<(usize, u64)> {
        let _ = text;
        let key = word_key(&self.word);
        let term = self.stops.word(&self.word, key);
        each(&Gram {
            kind: Kind::Latin,
            key,
            units: 1,
            from,
            to,
            term,
            words: [&self.word, ""],
        });
        if let (Some((pfrom, pkey)), true) = (prev, after_space) {
            let prev_term = self.stops.word(&self.prev, pkey);
            each(&Gram {
                kind: Kind::Latin,
                key: pair_key(pkey, key),
                units: 2,
                from: pfrom,
                to,
                term: term && prev_term,
                words: [&self.prev, &self.word],
            });
        }
        std::mem::swap(&mut self.word, &mut self.prev);
        self.word.clear();
        Some((from, key))
    }
}

// Counting.

/// Counts of grams that may be terms, and totals of every gram.
#[derive(Debug, Default, Clone)]
pub(super) struct Counts {
    pub(super) han: Map<u32>,
    pub(super) latin: Map<u32>,
    pub(super) totals: [u64; SLOTS],
}

impl Counts {
    pub(super) fn add(&mut self, g: &Gram<'_>) {
        self.totals[slot(g.kind, g.units)] += 1;
        if g.term {
            let map = match g.kind {
                Kind::Han => &mut self.han,
                Kind::Latin => &mut self.latin,
            };
            *map.entry(g.key).or_insert(0) += 1;
        }
    }

    /// Adds `other`'s counts and totals.
    pub(super) fn merge(&mut self, other: &Counts) {
        if self.han.len() < other.han.len() && self.han.is_empty() {
            self.han = other.han.clone();
            self.latin = other.latin.clone();
            self.totals = other.totals;
            return;
        }
        for (mine, theirs) in [(&mut self.han, &other.han), (&mut self.latin, &other.latin)] {
            mine.reserve(theirs.len().saturating_sub(mine.capacity() - mine.len()) / 2);
            for (&k, &c) in theirs {
                *mine.entry(k).or_insert(0) += c;
            }
        }
        for (t, o) in self.totals.iter_mut().zip(other.totals) {
            *t += o;
        }
    }
}

/// Counts of one kind, frozen: keys sorted, for look-ups and for keeping.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Table {
    pub(super) keys: Vec<u64>,
    pub(super) counts: Vec<u32>,
}

impl Table {
    fn of(map: &Map<u32>) -> Table {
        let mut all: Vec<(u64, u32)> = map.iter().map(|(&k, &c)| (k, c)).collect();
        all.sort_unstable();
        Table {
            keys: all.iter().map(|a| a.0).collect(),
            counts: all.iter().map(|a| a.1).collect(),
        }
    }

    fn get(&self, key: u64) -> u32 {
        self.keys.binary_search(&key).map_or(0, |i| self.counts[i])
    }

    /// These counts and `map`'s.
    fn plus(self, map: &Map<u32>) -> Table {
        if map.is_empty() {
            return self;
        }
        let more = Table::of(map);
        let n = self.keys.len() + more.keys.len();
        let mut out = Table {
            keys: Vec::with_capacity(n),
            counts: Vec::with_capacity(n),
        };
        let (mut i, mut j) = (0, 0);
        while i < self.keys.len() || j < more.keys.len() {
            let (a, b) = (self.keys.get(i), more.keys.get(j));
            let (k, c) = match (a, b) {
                (Some(&a), Some(&b)) if a == b => {
                    i += 1;
                    j += 1;
                    (a, self.counts[i - 1] + more.counts[j - 1])
                }
                (Some(&a), Some(&b)) if a < b => {
                    i += 1;
                    (a, self.counts[i - 1])
                }
                (Some(&a), None) => {
                    i += 1;
                    (a, self.counts[i - 1])
                }
                (_, Some(&b)) => {
                    j += 1;
                    (b, more.counts[j - 1])
                }
                (None, None) => break,
            };
            out.keys.push(k);
            out.counts.push(c);
        }
        out
    }
}

/// [`Counts`] frozen, as the background is read.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Frozen {
    pub(super) han: Table,
    pub(super) latin: Table,
    pub(super) totals: [u64; SLOTS],
}

impl Frozen {
    pub(super) fn of(c: &Counts) -> Frozen {
        Frozen {
            han: Table::of(&c.han),
            latin: Table::of(&c.latin),
            totals: c.totals,
        }
    }

    /// These counts and `c`'s.
    pub(super) fn plus(self, c: &Counts) -> Frozen {
        let mut totals = self.totals;
        for (t, o) in totals.iter_mut().zip(c.totals) {
            *t += o;
        }
        Frozen {
            han: self.han.plus(&c.han),
            latin: self.latin.plus(&c.latin),
            totals,
        }
    }

    pub(super) fn get(&self, kind: Kind, key: u64) -> u32 {
        match kind {
            Kind::Han => self.han.get(key),
            Kind::Latin => self.latin.get(key),
        }
    }
}
