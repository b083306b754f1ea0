//! The terms a speaker uses most distinctively compared with the whole
//! corpus (as openparliament.ca's per-politician words), with no
//! dictionary and no word breaking.
//!
//! **Units.** Text is read folded ([`super::fold`]: traditional and
//! simplified, width and Latin case as one), so a term said in both
//! scripts counts once. A run of Han characters gives its character
//! n-grams of 2 to [`MAX_HAN`] characters, never across punctuation,
//! white space or another script; Latin (and other alphabetic) text gives
//! whole words and pairs of words separated by white space alone.
//!
//! **Not terms.** Han grams made only of function characters and numerals
//! (`我们`, `的是`, `一个`, `这个`), grams that start or end with a
//! particle (`…的`, `们…`, `…是`), English stop words and pairs with one,
//! digits, one-letter words. They are never counted, so they take no
//! memory; every position still counts in the totals.
//!
//! **Score.** For each gram the speaker says at least
//! [`Options::min_count`] times, Dunning's log-likelihood G² of their
//! count against the rest of the corpus's (the background less their
//! own), among grams of the same kind and length; only grams they use
//! more often than the rest do, by at least [`Options::min_ratio`]
//! (smoothed). Ranked by G², ties by the folded gram.
//!
//! **One term, not its pieces.** A gram is dropped when one unit longer
//! grams that contain it cover most of its occurrences (`脱贫攻` and
//! `脱贫` inside `脱贫攻坚`), and when it is part of, holds, or chains
//! onto (`数位发展`, `位发展部`, with similar counts) a better-ranked term
//! already kept.
//!
//! **As written.** A term is returned as the speaker wrote it most often
//! (`數位`, not the folded `数位`; `Taiwan`, not `taiwan`).
//!
//! **Scale.** Counts are keyed by the folded gram itself, packed into 64
//! bits (four BMP characters of 16 bits: exact, no hashing collisions) or,
//! for Latin words, by a 64-bit hash. The background is built once; each
//! speaker's counts only over their own text, so all speakers together
//! read the corpus once more, and their surface forms once more.

use super::catalog::Record;
use super::identity::Identity;
use super::passages::LABEL;
use crate::chars::is_han;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The longest Han gram, in characters.
pub const MAX_HAN: usize = 4;

/// A distinctive term.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Term {
    /// As the speaker wrote it most often.
    pub text: String,
    /// How often the speaker says it (in any script or width).
    pub count: u32,
    /// How often the whole corpus says it, the speaker included (for a
    /// term extended past [`MAX_HAN`] characters, the count of the gram
    /// it was found by: at most that).
    pub corpus: u32,
    /// Log-likelihood G² of the speaker's use against the rest's.
    pub score: f64,
}

/// What counts as distinctive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The fewest times a speaker must say a term.
    pub min_count: u32,
    /// And one more for each this many of their units (characters or
    /// words) of speech: a speaker of millions of characters needs more
    /// than a handful of uses.
    pub units_per_count: u64,
    /// How much more often than the rest of the corpus (per unit of text)
    /// they must say it.
    pub min_ratio: f64,
    /// A gram is "mostly covered" by a one unit longer gram holding it
    /// when that says this share of its occurrences.
    pub cover: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            min_count: 2,
            units_per_count: 50_000,
            min_ratio: 3.0,
            cover: 0.7,
        }
    }
}

// ---------------------------------------------------------------------
// Folding, fast: one table lookup per BMP character.

/// What a BMP character folds to: 0 for white space, `u16::MAX` for a
/// character whose fold is outside the BMP (read by [`fold_slow`]).
fn fold_table() -> &'static [u16] {
    static T: OnceLock<Vec<u16>> = OnceLock::new();
    T.get_or_init(|| {
        (0..=0xFFFFu32)
            .map(|u| match char::from_u32(u).map(super::fold::fold) {
                None => u16::MAX, // a surrogate: never a char
                Some(None) => 0,
                Some(Some(f)) if (f as u32) < 0xFFFF && f != '\0' => f as u16,
                Some(Some(_)) => u16::MAX,
            })
            .collect()
    })
}

#[inline]
fn fold(table: &[u16], c: char) -> Option<char> {
    let u = c as u32;
    if u <= 0xFFFF {
        match table[u as usize] {
            0 => None,
            u16::MAX => super::fold::fold(c),
            f => char::from_u32(f as u32),
        }
    } else {
        super::fold::fold(c)
    }
}

// ---------------------------------------------------------------------
// What is not a term.

/// Function characters and numerals (folded: simplified): a Han gram of
/// these alone is not a term.
const FUNCTION: &str = "的了是在我你您他她它们这那哪个也都就和与及或而但有没不很要会能可以对为于之其所把被让给从到向着过吗呢吧啊呀嘛哦嗯么什怎样此等还又再已将并如果因才只更最太好去来说讲上下中里大小多少些每各该得地做用当后前时候然即则若虽比较非常跟同看想觉知道事情点位次种件本今天年月日号现正实谓应么呢啦喔哈嘿噢欸耶吗吶个家人谢请问一二三四五六七八九十百千万亿零〇两几第半";

/// Particles a Han term does not start with.
const NOT_FIRST: &str = "的们么吗呢吧啊呀嘛啦喔哦是";
/// Characters a Han term never holds: `的` parts phrases (`水的有效`).
const NEVER: &str = "的";
/// Particles and function characters a Han term does not end with.
const NOT_LAST: &str = "的吗呢吧啊呀嘛啦喔哦或把被在是也很这那们么好";

/// English words that are not terms (and stage directions).
#[rustfmt::skip]
const STOP: &[&str] = &[
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
const STOP_WEB: &[&str] = &[
    "http", "https", "www", "com", "org", "net", "html", "htm", "php",
];

/// What is not a term, as tables: flags for every BMP character, and the
/// stop words' keys.
struct Stops {
    /// [`FUNCTION`], [`NOT_FIRST`], [`NOT_LAST`], [`NEVER`] as bits 1, 2,
    /// 4, 8.
    flags: Vec<u8>,
    /// The stop words' [`word_key`]s, sorted.
    words: Vec<u64>,
}

const F_FUNCTION: u8 = 1;
const F_NOT_FIRST: u8 = 2;
const F_NOT_LAST: u8 = 4;
const F_NEVER: u8 = 8;

fn stops() -> &'static Stops {
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
    fn han(&self, units: &[u16]) -> bool {
        let f = |u: u16| self.flags[u as usize];
        f(units[0]) & F_NOT_FIRST == 0
            && f(units[units.len() - 1]) & F_NOT_LAST == 0
            && !units.iter().all(|&u| f(u) & F_FUNCTION != 0)
            && !units.iter().any(|&u| f(u) & F_NEVER != 0)
    }

    /// Whether the folded word `w`, of key `key`, may be (part of) a term.
    fn word(&self, w: &str, key: u64) -> bool {
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
struct Mix(u64);

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

type Map<V> = HashMap<u64, V, BuildHasherDefault<Mix>>;

/// A word's 64-bit key: FNV-1a, mixed.
fn word_key(w: &str) -> u64 {
    let mut h = Mix(0xcbf29ce484222325);
    h.write(w.as_bytes());
    h.finish()
}

/// A pair of words' key, from theirs.
fn pair_key(a: u64, b: u64) -> u64 {
    let mut h = Mix(a.rotate_left(23) ^ b ^ 0x5851f42d4c957f2d);
    h.0 = h.finish();
    h.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Han,
    Latin,
}

/// Totals' slots: Han grams of 2..=4 characters, Latin words and pairs.
const SLOTS: usize = MAX_HAN - 1 + 2;

fn slot(kind: Kind, units: usize) -> usize {
    match kind {
        Kind::Han => units - 2,
        Kind::Latin => MAX_HAN - 1 + units - 1,
    }
}

/// About how many units (Han characters, words) `totals` count.
fn units_of(totals: &[u64; SLOTS]) -> u64 {
    totals[slot(Kind::Han, 2)] + totals[slot(Kind::Latin, 1)]
}

/// One gram of a text.
struct Gram<'s> {
    kind: Kind,
    key: u64,
    /// Characters (Han) or words (Latin).
    units: usize,
    /// Its bytes in the text.
    from: usize,
    to: usize,
    /// Whether it may be a term (see the module's notes).
    term: bool,
    /// A Latin gram's folded words (the second empty for one word).
    words: [&'s str; 2],
}

/// Packs Han units (oldest first) into a key.
fn pack(units: &[u16]) -> u64 {
    units.iter().fold(0, |k, &u| (k << 16) | u64::from(u))
}

fn unpack(mut key: u64) -> Vec<u16> {
    let mut out = Vec::new();
    while key != 0 {
        out.push(key as u16);
        key >>= 16;
    }
    out.reverse();
    out
}

/// Reads `text` into grams, each given to `each`.
struct Scanner {
    table: &'static [u16],
    stops: &'static Stops,
    word: String,
    prev: String,
}

impl Scanner {
    fn new() -> Scanner {
        Scanner {
            table: fold_table(),
            stops: stops(),
            word: String::new(),
            prev: String::new(),
        }
    }

    fn scan(&mut self, text: &str, each: &mut dyn FnMut(&Gram<'_>)) {
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
    fn end_word(
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

// ---------------------------------------------------------------------
// Counting.

/// Counts of grams that may be terms, and totals of every gram.
#[derive(Debug, Default, Clone)]
struct Counts {
    han: Map<u32>,
    latin: Map<u32>,
    totals: [u64; SLOTS],
}

impl Counts {
    fn add(&mut self, g: &Gram<'_>) {
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
    fn merge(&mut self, other: &Counts) {
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

    fn get(&self, kind: Kind, key: u64) -> u32 {
        let map = match kind {
            Kind::Han => &self.han,
            Kind::Latin => &self.latin,
        };
        map.get(&key).copied().unwrap_or(0)
    }
}

/// The whole corpus's counts, built once, against which each speaker's
/// use is weighed.
#[derive(Debug, Clone)]
pub struct Background {
    counts: Counts,
}

impl Background {
    /// The background of every text in `texts` (the corpus's passages but
    /// its speakers' labels: [`spoken`]).
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Background {
        let mut counts = Counts::default();
        let mut s = Scanner::new();
        for t in texts {
            s.scan(t, &mut |g| counts.add(g));
        }
        Background { counts }
    }

    /// The background of a corpus: every passage but the labels.
    pub fn of_corpus(records: &[Record], texts: &[Vec<String>]) -> Background {
        Background::new(spoken(records, texts).map(|(_, t)| t))
    }

    /// How many grams it counts (distinct, that may be terms).
    pub fn len(&self) -> usize {
        self.counts.han.len() + self.counts.latin.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Every passage of the corpus but its speakers' labels, with who said
/// it (its transcript's speaker's identity), in the corpus's order.
pub fn spoken<'a>(
    records: &'a [Record],
    texts: &'a [Vec<String>],
) -> impl Iterator<Item = (Option<&'a Identity>, &'a str)> + 'a {
    records.iter().zip(texts).flat_map(|(r, ts)| {
        ts.iter().enumerate().filter_map(move |(i, t)| {
            let p = r.passages.get(i)?;
            (p.field != LABEL).then(|| {
                let who = r.speaker_of(i as u32).and_then(|s| s.identity.as_ref());
                (who, t.as_str())
            })
        })
    })
}

/// Each speaker's passages (labels left out), in the corpus's order.
pub fn by_speaker<'a>(
    records: &'a [Record],
    texts: &'a [Vec<String>],
) -> HashMap<&'a Identity, Vec<&'a str>> {
    let mut out: HashMap<&Identity, Vec<&str>> = HashMap::new();
    for (who, t) in spoken(records, texts) {
        if let Some(who) = who {
            out.entry(who).or_default().push(t);
        }
    }
    out
}

// ---------------------------------------------------------------------
// Scoring.

/// Dunning's G² for `a` of `n1` against `b` of `n2` (two cells, as
/// Rayson and Garside's keyness).
fn g2(a: f64, n1: f64, b: f64, n2: f64) -> f64 {
    let e1 = n1 * (a + b) / (n1 + n2);
    let e2 = n2 * (a + b) / (n1 + n2);
    let term = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (term(a, e1) + term(b, e2))
}

/// A candidate term of a speaker.
#[derive(Debug, Clone)]
struct Candidate {
    kind: Kind,
    key: u64,
    /// Its units, folded: characters as `u16` for Han, word keys for Latin.
    units: Vec<u64>,
    count: u32,
    corpus: u32,
    score: f64,
}

/// Whether `small` is a contiguous run of `big`'s units.
fn within(small: &[u64], big: &[u64]) -> bool {
    small.len() <= big.len() && big.windows(small.len()).any(|w| w == small)
}

/// Whether a Han gram is part of a name, holds it, or runs into it: ends
/// with its start (`期货局陈`, `局陈怡`) or starts with two or more of
/// its last characters (`怡秀报告`).
fn touches_name<T: PartialEq>(gram: &[T], name: &[T]) -> bool {
    let within = |s: &[T], b: &[T]| s.len() <= b.len() && b.windows(s.len()).any(|w| w == s);
    within(gram, name)
        || within(name, gram)
        || (1..name.len().min(gram.len())).any(|m| gram[gram.len() - m..] == name[..m])
        || (2..name.len().min(gram.len())).any(|m| gram[..m] == name[name.len() - m..])
}

/// The longest overlap where one's end is the other's start.
fn chain(a: &[u64], b: &[u64]) -> usize {
    let most = a.len().min(b.len()) - 1;
    (1..=most)
        .rev()
        .find(|&m| a[a.len() - m..] == b[..m] || b[b.len() - m..] == a[..m])
        .unwrap_or(0)
}

/// What one speaker says, counted: the grams said often enough to be
/// terms, and the totals of everything they say.
#[derive(Debug, Default)]
struct Said {
    /// Kind, key, count; sorted.
    grams: Vec<(Kind, u64, u32)>,
    /// A Latin gram's words' keys (the second 0 for one word).
    latin_units: Map<[u64; 2]>,
    totals: [u64; SLOTS],
}

impl Said {
    /// Counts `texts`, adding every count to `background` if given.
    fn count(
        texts: &[&str],
        scanner: &mut Scanner,
        opts: &Options,
        background: Option<&mut Counts>,
    ) -> Said {
        let mut own = Counts::default();
        let mut latin_units: Map<[u64; 2]> = Map::default();
        for t in texts {
            scanner.scan(t, &mut |g| {
                own.add(g);
                if g.kind == Kind::Latin && g.term && g.units == 2 {
                    latin_units
                        .entry(g.key)
                        .or_insert_with(|| [word_key(g.words[0]), word_key(g.words[1])]);
                }
            });
        }
        if let Some(bg) = background {
            bg.merge(&own);
        }
        let units_said = units_of(&own.totals);
        let min_count = u64::from(opts.min_count)
            .max(units_said / opts.units_per_count.max(1))
            .min(u64::from(u32::MAX)) as u32;
        let mut grams: Vec<(Kind, u64, u32)> = own
            .han
            .iter()
            .map(|(&k, &c)| (Kind::Han, k, c))
            .chain(own.latin.iter().map(|(&k, &c)| (Kind::Latin, k, c)))
            .filter(|&(_, _, c)| c >= min_count)
            .collect();
        grams.sort_unstable_by_key(|&(kind, key, _)| (kind == Kind::Latin, key));
        latin_units.retain(|k, _| {
            grams
                .binary_search_by_key(&(true, *k), |g| (g.0 == Kind::Latin, g.1))
                .is_ok()
        });
        Said {
            grams,
            latin_units,
            totals: own.totals,
        }
    }

    /// A gram's units: characters for Han, word keys for Latin.
    fn units(&self, kind: Kind, key: u64) -> Vec<u64> {
        match kind {
            Kind::Han => unpack(key).into_iter().map(u64::from).collect(),
            Kind::Latin => match self.latin_units.get(&key) {
                Some(&u) => u.to_vec(),
                None => vec![key],
            },
        }
    }

    /// The best `k` candidates against `background`, pieces and overlaps
    /// of better ones left out.
    fn best(
        &self,
        background: &Background,
        k: usize,
        opts: &Options,
        names: &[&str],
    ) -> Vec<Candidate> {
        let bg = &background.counts;
        let table = fold_table();
        let name_chars: Vec<Vec<u64>> = names
            .iter()
            .map(|n| {
                n.chars()
                    .filter_map(|c| fold(table, c))
                    .filter(|&c| is_han(c) && (c as u32) <= 0xFFFF)
                    .map(|c| c as u64)
                    .collect::<Vec<u64>>()
            })
            .filter(|n| !n.is_empty())
            .collect();
        let name_words: Vec<u64> = names
            .iter()
            .flat_map(|n| n.split(|c: char| !c.is_alphanumeric() || is_han(c)))
            .filter(|w| !w.is_empty())
            .map(|w| word_key(&w.chars().filter_map(|c| fold(table, c)).collect::<String>()))
            .collect();
        let a_name = |kind: Kind, units: &[u64]| match kind {
            Kind::Han => name_chars.iter().any(|n| touches_name(units, n)),
            Kind::Latin => units.iter().any(|u| name_words.contains(u)),
        };
        // The pieces one unit shorter of each gram (as their own keys: a
        // Han gram less its first or last character, a pair's words), and
        // the most any such gram covers of each.
        let mut covered: HashMap<(bool, u64), u32, BuildHasherDefault<Mix>> = HashMap::default();
        for &(kind, key, c) in &self.grams {
            if !names.is_empty() && a_name(kind, &self.units(kind, key)) {
                continue;
            }
            let pieces = match kind {
                Kind::Han => {
                    // Characters, from the highest 16 bits in use.
                    let n = (64 - key.leading_zeros() as usize).div_ceil(16);
                    if n < 3 {
                        continue;
                    }
                    [key >> 16, key & ((1u64 << (16 * (n - 1))) - 1)]
                }
                Kind::Latin => match self.latin_units.get(&key) {
                    Some(&[a, b]) => [a, b],
                    None => continue,
                },
            };
            for piece in pieces {
                let e = covered.entry((kind == Kind::Latin, piece)).or_insert(0);
                *e = (*e).max(c);
            }
        }
        let mut candidates: Vec<Candidate> = Vec::new();
        for &(kind, key, a) in &self.grams {
            let cover = covered
                .get(&(kind == Kind::Latin, key))
                .copied()
                .unwrap_or(0);
            if f64::from(cover) >= opts.cover * f64::from(a) {
                continue;
            }
            let units = self.units(kind, key);
            if a_name(kind, &units) {
                continue;
            }
            let corpus = bg.get(kind, key).max(a);
            let b = f64::from(corpus - a);
            // Among grams of the same kind and length: a Chinese speaker's
            // English words weigh against the corpus's English. A rest of
            // the corpus with (almost) none of this kind counts as if it
            // had one in a hundred of its units.
            let sl = slot(kind, units.len());
            let n1 = self.totals[sl].max(1) as f64;
            let rest = bg.totals[sl].saturating_sub(self.totals[sl]);
            let floor = units_of(&bg.totals).saturating_sub(units_of(&self.totals)) / 100;
            let n2 = rest.max(floor).max(1) as f64;
            let a = f64::from(a);
            if (a / n1) < opts.min_ratio * ((b + 0.5) / n2) {
                continue;
            }
            candidates.push(Candidate {
                kind,
                key,
                units,
                count: a as u32,
                corpus,
                score: g2(a, n1, b, n2),
            });
        }
        candidates.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then_with(|| (x.kind == Kind::Latin).cmp(&(y.kind == Kind::Latin)))
                .then_with(|| x.key.cmp(&y.key))
        });
        let mut kept: Vec<Candidate> = Vec::new();
        for c in candidates {
            if kept.len() == k {
                break;
            }
            let redundant = kept.iter().any(|t| {
                t.kind == c.kind
                    && (within(&c.units, &t.units)
                        || within(&t.units, &c.units)
                        || (chain(&c.units, &t.units) > 0 && {
                            let (lo, hi) = (c.count.min(t.count), c.count.max(t.count));
                            f64::from(lo) >= 0.6 * f64::from(hi)
                        }))
            });
            if !redundant {
                kept.push(c);
            }
        }
        kept
    }
}

/// The most characters a Han term is extended to.
pub const MAX_EXTENDED: usize = 8;

/// Where a term is said: a text's number and the term's bytes in it.
type Place = (usize, usize, usize);

/// Extends a Han term's `places` one character at a time while most of
/// them (`cover`) go on with the same one, on either side: a gram at
/// [`MAX_HAN`] characters may be a piece of a longer term
/// (`法规草案预` of `法规草案预告`). Gives the places left.
fn extend(texts: &[&str], mut places: Vec<Place>, cover: f64) -> Vec<Place> {
    let table = fold_table();
    let flags = &stops().flags;
    let han_of = |c: Option<char>| -> Option<u16> {
        let f = fold(table, c?)?;
        (is_han(f) && (f as u32) <= 0xFFFF).then_some(f as u16)
    };
    let mut chars = places
        .first()
        .map_or(0, |&(i, a, b)| texts[i][a..b].chars().count());
    while chars < MAX_EXTENDED && !places.is_empty() {
        let mut grew = false;
        for right in [true, false] {
            let next = |&(i, a, b): &Place| -> Option<(u16, usize)> {
                let c = if right {
                    texts[i][b..].chars().next()
                } else {
                    texts[i][..a].chars().next_back()
                };
                Some((han_of(c)?, c?.len_utf8()))
            };
            let mut tally: Vec<u16> = places.iter().filter_map(|p| next(p).map(|n| n.0)).collect();
            tally.sort_unstable();
            let best = tally
                .chunk_by(|a, b| a == b)
                .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| b[0].cmp(&a[0])));
            let Some(best) = best else { continue };
            let (u, n) = (best[0], best.len());
            let edge = if right { F_NOT_LAST } else { F_NOT_FIRST };
            if (n as f64) < cover * places.len() as f64 || flags[u as usize] & (edge | F_NEVER) != 0
            {
                continue;
            }
            places = places
                .into_iter()
                .filter_map(|p| {
                    let (v, len) = next(&p)?;
                    (v == u).then_some(if right {
                        (p.0, p.1, p.2 + len)
                    } else {
                        (p.0, p.1 - len, p.2)
                    })
                })
                .collect();
            chars += 1;
            grew = true;
            if chars == MAX_EXTENDED {
                break;
            }
        }
        if !grew {
            break;
        }
    }
    places
}

/// `kept` as (at most `k`) terms, each in the form `texts` write it most
/// often, Han terms extended ([`extend`]); one that is then part of, or
/// holds, a better one is left out.
fn as_terms(
    texts: &[&str],
    kept: Vec<Candidate>,
    k: usize,
    opts: &Options,
    names: &[&str],
    scanner: &mut Scanner,
) -> Vec<Term> {
    let table = fold_table();
    let names: Vec<Vec<char>> = names
        .iter()
        .map(|n| n.chars().filter_map(|c| fold(table, c)).collect())
        .collect();
    let mut places: Vec<Vec<Place>> = vec![Vec::new(); kept.len()];
    let at: HashMap<(bool, u64), usize, BuildHasherDefault<Mix>> = kept
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.kind == Kind::Latin, t.key), i))
        .collect();
    if !at.is_empty() {
        for (n, &t) in texts.iter().enumerate() {
            scanner.scan(t, &mut |g| {
                if g.term {
                    if let Some(&i) = at.get(&(g.kind == Kind::Latin, g.key)) {
                        places[i].push((n, g.from, g.to));
                    }
                }
            });
        }
    }
    let mut out: Vec<(String, Term)> = Vec::new();
    for (c, mut ps) in kept.into_iter().zip(places) {
        if out.len() == k {
            break;
        }
        // The form written most often, and its folded characters.
        let form_of = |ps: &[Place]| -> Option<(&str, Vec<char>)> {
            let mut forms: HashMap<&str, u32> = HashMap::new();
            for &(i, a, b) in ps {
                *forms.entry(&texts[i][a..b]).or_insert(0) += 1;
            }
            let (form, _) = forms
                .into_iter()
                .max_by(|x, y| x.1.cmp(&y.1).then_with(|| y.0.cmp(x.0)))?;
            Some((
                form,
                form.chars().filter_map(|ch| fold(table, ch)).collect(),
            ))
        };
        let named = |chars: &[char]| {
            c.kind == Kind::Han && names.iter().any(|n| n.len() >= 2 && touches_name(chars, n))
        };
        if c.kind == Kind::Han {
            // Extended, it may run into the speaker's name (`期貨局陳怡秀`):
            // then it stays as it was.
            let longer = extend(texts, ps.clone(), opts.cover);
            if form_of(&longer).is_some_and(|(_, chars)| !named(&chars)) {
                ps = longer;
            }
        }
        let Some((form, chars)) = form_of(&ps) else {
            continue;
        };
        if named(&chars) {
            continue;
        }
        let folded: String = chars.into_iter().collect();
        if out
            .iter()
            .any(|(f, _)| f.contains(folded.as_str()) || folded.contains(f.as_str()))
        {
            continue;
        }
        out.push((
            folded,
            Term {
                text: as_written(form),
                count: ps.len() as u32,
                corpus: c.corpus.max(ps.len() as u32),
                score: c.score,
            },
        ));
    }
    out.into_iter().map(|(_, t)| t).collect()
}

/// The `k` terms `texts` (one speaker's passages) use most distinctively
/// against `background` (which should hold them), best first.
/// Deterministic: the same texts in any order give the same terms.
pub fn distinctive(background: &Background, texts: &[&str], k: usize) -> Vec<Term> {
    distinctive_with(background, texts, k, &Options::default(), &[])
}

/// [`distinctive`] with other [`Options`], and never a term within (or
/// holding) one of `names` (the speaker's own: `我是賴致翔`).
pub fn distinctive_with(
    background: &Background,
    texts: &[&str],
    k: usize,
    opts: &Options,
    names: &[&str],
) -> Vec<Term> {
    if k == 0 {
        return Vec::new();
    }
    let mut scanner = Scanner::new();
    let said = Said::count(texts, &mut scanner, opts, None);
    let kept = said.best(background, k + k / 2, opts, names);
    as_terms(texts, kept, k, opts, names, &mut scanner)
}

/// A form as written, its white space runs (between two words) as one
/// space.
fn as_written(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `job(i)` for every `i` of `order` on every core; the results in
/// `i`'s order (`n` of them).
fn on_cores<T: Send + Default, S>(
    order: &[usize],
    n: usize,
    state: impl Fn() -> S + Sync,
    job: impl Fn(&mut S, usize) -> T + Sync,
) -> (Vec<T>, Vec<S>)
where
    S: Send,
{
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let per_thread: Vec<(Vec<(usize, T)>, S)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.min(order.len()).max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut st = state();
                    let mut done = Vec::new();
                    loop {
                        let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&i) = order.get(at) else { break };
                        done.push((i, job(&mut st, i)));
                    }
                    (done, st)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut out: Vec<T> = (0..n).map(|_| T::default()).collect();
    let mut states = Vec::new();
    for (done, st) in per_thread {
        for (i, t) in done {
            out[i] = t;
        }
        states.push(st);
    }
    (out, states)
}

/// The `k` most distinctive terms of each of `speakers` (by identity),
/// in their order, over a corpus's records and passages' texts (the
/// site build's [`super::folder::Built`]).
///
/// One pass counts each speaker's text and adds it to the background
/// (the passages of no one too); then each speaker's candidates are
/// weighed, and a last pass over their text finds how they wrote them.
/// Both run on every core, the speakers with the most text first.
pub fn of_speakers(
    records: &[Record],
    texts: &[Vec<String>],
    speakers: &[&Identity],
    k: usize,
) -> Vec<Vec<Term>> {
    let opts = Options::default();
    let mut said_by = by_speaker(records, texts);
    let mut groups: Vec<Vec<&str>> = speakers
        .iter()
        .map(|s| said_by.remove(*s).unwrap_or_default())
        .collect();
    // The background's passages of no one asked for: last.
    let mut rest: Vec<&str> = spoken(records, texts)
        .filter(|(who, _)| who.is_none())
        .map(|(_, t)| t)
        .collect();
    rest.extend(said_by.into_values().flatten());
    groups.push(rest);
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_cached_key(|&i| {
        std::cmp::Reverse(groups[i].iter().map(|t| t.len()).sum::<usize>())
    });
    let (said, backgrounds) = on_cores(
        &order,
        groups.len(),
        || (Scanner::new(), Counts::default()),
        |(scanner, bg), i| Said::count(&groups[i], scanner, &opts, Some(bg)),
    );
    let mut backgrounds = backgrounds.into_iter().map(|(_, bg)| bg);
    let mut counts = backgrounds.next().unwrap_or_default();
    for other in backgrounds {
        counts.merge(&other);
    }
    let background = Background { counts };
    let speakers_order: Vec<usize> = order.into_iter().filter(|&i| i < speakers.len()).collect();
    let (terms, _) = on_cores(
        &speakers_order,
        speakers.len(),
        Scanner::new,
        |scanner, i| {
            let kept = said[i].best(&background, k + k / 2, &opts, &[&speakers[i].key]);
            as_terms(&groups[i], kept, k, &opts, &[&speakers[i].key], scanner)
        },
    );
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Filler that every speaker says alike.
    const COMMON: &[&str] = &[
        "我们今天在这里讨论的是政府的工作，大家都很关心这个问题。",
        "我们的是非判断要看事实，这个问题大家都知道。",
        "谢谢主持人，我想请问关于经济发展的情况。",
        "今年经济发展总体平稳，就业情况良好，我们会继续努力。",
    ];

    fn corpus(own: &[&str]) -> (Background, Vec<String>) {
        let mut all: Vec<String> = Vec::new();
        for _ in 0..30 {
            all.extend(COMMON.iter().map(|s| s.to_string()));
        }
        all.extend(own.iter().map(|s| s.to_string()));
        (Background::new(all.iter().map(String::as_str)), all)
    }

    fn texts(t: &[Term]) -> Vec<&str> {
        t.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn a_term_only_one_speaker_says_is_theirs_whole_and_function_grams_are_not() {
        let own = [
            "我们要坚决打赢脱贫攻坚这场硬仗，我们的是要落实。",
            "脱贫攻坚是头等大事，我们的是一件大事。",
            "推进脱贫攻坚，巩固成果。我们我们。",
            "我们看到脱贫攻坚取得了成效。",
        ];
        let (bg, _) = corpus(&own);
        let terms = distinctive(&bg, &own, 10);
        let t = texts(&terms);
        assert_eq!(t.first(), Some(&"脱贫攻坚"), "{terms:?}");
        assert_eq!(terms[0].count, 4);
        assert_eq!(terms[0].corpus, 4);
        // Not its pieces, and no function grams, however often said.
        for bad in ["脱贫", "攻坚", "贫攻", "脱贫攻", "我们", "的是", "我们的"] {
            assert!(!t.contains(&bad), "{bad} in {t:?}");
        }
    }

    #[test]
    fn a_term_in_both_scripts_counts_once_as_written_most() {
        let own = [
            "數位轉型是重點。",
            "推動數位轉型。",
            "数位转型要加快。",
            "我們談數位轉型。",
        ];
        let (bg, _) = corpus(&own);
        let terms = distinctive(&bg, &own, 5);
        assert_eq!(terms[0].text, "數位轉型", "{terms:?}");
        assert_eq!(terms[0].count, 4);
        assert_eq!(
            texts(&terms).iter().filter(|t| t.contains("转型")).count(),
            0
        );
    }

    #[test]
    fn latin_words_are_whole_tokens_without_stop_words() {
        let own = [
            "We use the Blockchain for the ledger, and the blockchain is open.",
            "The blockchain again: blockchain, blockchain, and the ledger.",
            "BLOCKCHAIN ledger https://example.com/blockchain",
        ];
        let (bg, _) = corpus(&own);
        let terms = distinctive(&bg, &own, 5);
        let t = texts(&terms);
        assert!(t.contains(&"blockchain"), "{t:?}");
        for bad in ["the", "and", "https", "blockcha", "lockchain", "com"] {
            assert!(!t.contains(&bad), "{bad} in {t:?}");
        }
        let b = terms.iter().find(|t| t.text == "blockchain").unwrap();
        assert_eq!(b.count, 7);
    }

    #[test]
    fn a_gram_longer_than_four_characters_is_extended_to_the_whole_term() {
        let own = [
            "这是法规草案预告的阶段。",
            "请看法规草案预告。",
            "关于法规草案预告，我们讨论。",
        ];
        let (bg, _) = corpus(&own);
        let terms = distinctive(&bg, &own, 5);
        assert_eq!(texts(&terms).first(), Some(&"法规草案预告"), "{terms:?}");
        assert_eq!(terms[0].count, 3);
    }

    #[test]
    fn nothing_for_no_text_or_no_room() {
        let (bg, _) = corpus(&[]);
        assert!(distinctive(&bg, &[], 10).is_empty());
        assert!(distinctive(&bg, &["脱贫攻坚脱贫攻坚"], 0).is_empty());
        // Said once: never distinctive.
        assert!(distinctive(&bg, &["量子计算"], 10).is_empty());
    }

    #[test]
    fn the_speaker_s_own_name_is_not_a_term() {
        let own = [
            "我是期货局陈怡秀。",
            "期货局陈怡秀报告。",
            "我是期货局陈怡秀，谢谢。",
        ];
        let (bg, _) = corpus(&own);
        let named = distinctive_with(&bg, &own, 5, &Options::default(), &["陳怡秀"]);
        assert!(named.iter().all(|t| !t.text.contains("怡秀")), "{named:?}");
        assert!(texts(&named).contains(&"期货局"), "{named:?}");
    }

    #[test]
    fn every_speaker_of_a_corpus_with_its_background_built_once() {
        use crate::corpus::{catalog, load::Transcript, speakers};
        let docs = [
            ("2019-03-01-a.txt", "# 2019-03-01 記者會\n\n主持人：各位好，今天的記者會開始。\n\n彭博社記者：請問數位身分證的隱私保護？隱私保護怎麼做？\n\n唐鳳：數位身分證明年上路，開源社群會參與。開源社群很重要。\n"),
            ("2020-05-02-b.txt", "# 2020-05-02 记者会\n\n主持人：各位好，今天的记者会开始。\n\n彭博社记者：请问口罩地图的数据从哪里来？\n\n唐凤：口罩地图来自开源社群，数位身分证另说。我是唐凤。\n"),
        ];
        let mut records = Vec::new();
        let mut all_texts = Vec::new();
        let mut apps = Vec::new();
        for (source, text) in docs {
            let t = Transcript {
                source: source.into(),
                bytes: text.len(),
                doc: crate::structure(text, Some(source)),
            };
            let passages = crate::corpus::passages::of(&t.doc);
            records.push(catalog::record(&t, String::new(), &passages));
            all_texts.push(
                passages
                    .iter()
                    .map(|p| p.text.to_string())
                    .collect::<Vec<_>>(),
            );
            apps.push(speakers::appearances(&t.doc));
        }
        let all = speakers::aggregate(&records, &apps);
        let ids: Vec<&Identity> = all.iter().map(|s| &s.identity).collect();
        let terms = of_speakers(&records, &all_texts, &ids, 5);
        let of = |key: &str| {
            let i = all.iter().position(|s| s.identity.key == key).unwrap();
            texts(&terms[i])
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        let tang = of("唐凤");
        assert!(tang.contains(&"開源社群".to_string()), "{tang:?}");
        assert!(tang.iter().all(|t| !t.contains("唐")), "{tang:?}");
        let bloomberg = of("彭博社");
        assert_eq!(bloomberg, ["隱私保護"]);
        // The same as one speaker at a time.
        let background = Background::of_corpus(&records, &all_texts);
        let said = by_speaker(&records, &all_texts);
        for (s, got) in all.iter().zip(&terms) {
            let one = distinctive_with(
                &background,
                &said[&s.identity],
                5,
                &Options::default(),
                &[&s.identity.key],
            );
            assert_eq!(&one, got, "{}", s.name);
        }
    }
}
