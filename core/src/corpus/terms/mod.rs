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
use std::collections::HashMap;

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

mod grams;
pub mod memo;
mod weigh;

use crate::corpus::kept::Kept;
use grams::{Counts, Frozen, Kind, Scanner};
use memo::Memo;
use weigh::{as_terms, assemble, folded_names, outcome, places_of, Outcome, Said};

/// The whole corpus's counts, built once, against which each speaker's
/// use is weighed.
#[derive(Debug, Clone)]
pub struct Background {
    counts: Frozen,
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
        Background {
            counts: Frozen::of(&counts),
        }
    }

    /// The background of a corpus: every passage but the labels.
    pub fn of_corpus(records: &[Record], texts: &[Vec<String>]) -> Background {
        Background::new(spoken(records, texts).map(|(_, t)| t))
    }

    /// How many grams it counts (distinct, that may be terms).
    pub fn len(&self) -> usize {
        self.counts.han.keys.len() + self.counts.latin.keys.len()
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
    of_speakers_kept(records, texts, speakers, k, None).0
}

/// What [`of_speakers_kept`] reused of the last build's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reused {
    /// The background's counts, with the new transcripts' added.
    pub background: bool,
    /// Transcripts new since the last build, whose counts were added to
    /// its background (0 unless `background`).
    pub added: usize,
    /// Speakers whose text was not counted again.
    pub speakers: usize,
    /// Candidates not looked for again in their speaker's text.
    pub outcomes: usize,
}

/// [`of_speakers`], reusing what the last build left in `kept`
/// ([`memo`]) and leaving there what the next can reuse: the same terms
/// as [`of_speakers`], exactly.
///
/// Where the last build's transcripts are all still there (a rebuild
/// after adding files), the background is its counts plus the new
/// transcripts'; otherwise it is counted from every text again. A
/// speaker whose text (and name) is the same is not counted again, and
/// their candidates already found are not looked for again in it: only
/// the weighing, against the new background, is done for everyone.
pub fn of_speakers_kept(
    records: &[Record],
    texts: &[Vec<String>],
    speakers: &[&Identity],
    k: usize,
    kept: Option<&Kept>,
) -> (Vec<Vec<Term>>, Reused) {
    let opts = Options::default();
    let mut old = kept
        .and_then(|kp| {
            let bytes = kp.get_file(memo::NAME)?;
            Memo::from_bytes(&bytes, &memo::key(kp))
        })
        .unwrap_or_default();
    let mut reused = Reused::default();
    let mut said_by = by_speaker(records, texts);
    let mut groups: Vec<Vec<&str>> = speakers
        .iter()
        .map(|s| said_by.remove(*s).unwrap_or_default())
        .collect();
    let all: Vec<usize> = (0..speakers.len()).collect();
    let (digests, _) = on_cores(
        &all,
        speakers.len(),
        || (),
        |_, i| Some(memo::digest(&speakers[i].key, groups[i].iter().copied())),
    );
    let digests: Vec<memo::Sum> = digests.into_iter().map(Option::unwrap_or_default).collect();
    // Each transcript's spoken text's digest, for the background.
    let transcripts: Vec<usize> = (0..records.len()).collect();
    let (docs, _) = on_cores(
        &transcripts,
        records.len(),
        || (),
        |_, i| {
            let one = spoken(&records[i..i + 1], &texts[i..i + 1]).map(|(_, t)| t);
            Some(memo::digest("", one))
        },
    );
    let docs: Vec<memo::Sum> = docs.into_iter().map(Option::unwrap_or_default).collect();
    let mut sorted_docs = docs.clone();
    sorted_docs.sort_unstable();
    // The memo's part of each speaker whose text is the same.
    let mut same: Vec<Option<memo::Speaker>> = speakers
        .iter()
        .zip(&digests)
        .map(|(s, d)| old.speakers.remove(&s.key).filter(|m| &m.digest == d))
        .collect();
    let added = old
        .background
        .as_ref()
        .and_then(|(old_docs, _)| added_since(old_docs, &sorted_docs, &docs));
    let mut order: Vec<usize> = (0..speakers.len()).collect();
    order.sort_by_cached_key(|&i| {
        std::cmp::Reverse(groups[i].iter().map(|t| t.len()).sum::<usize>())
    });
    let (said, background) = match (added, old.background.take()) {
        (Some(added), Some((_, counts))) => {
            // The last build's background, and the new transcripts'.
            reused.background = true;
            reused.added = added.len();
            let mut s = Scanner::new();
            let mut new = Counts::default();
            for &i in &added {
                for (_, t) in spoken(&records[i..i + 1], &texts[i..i + 1]) {
                    s.scan(t, &mut |g| new.add(g));
                }
            }
            let counts = counts.plus(&new);
            // Only the speakers whose text changed are counted.
            let (mut said, _) =
                on_cores(
                    &order,
                    speakers.len(),
                    Scanner::new,
                    |scanner, i| match &same[i] {
                        Some(_) => Said::default(),
                        None => Said::count(&groups[i], scanner, &opts, None),
                    },
                );
            for (i, m) in same.iter_mut().enumerate() {
                if let Some(m) = m {
                    said[i] = std::mem::take(&mut m.said);
                    reused.speakers += 1;
                }
            }
            (said, Background { counts })
        }
        _ => {
            // The background's passages of no one asked for: last.
            let mut rest: Vec<&str> = spoken(records, texts)
                .filter(|(who, _)| who.is_none())
                .map(|(_, t)| t)
                .collect();
            rest.extend(said_by.into_values().flatten());
            groups.push(rest);
            let mut order = order.clone();
            order.push(speakers.len());
            let (mut said, backgrounds) = on_cores(
                &order,
                groups.len(),
                || (Scanner::new(), Counts::default()),
                |(scanner, bg), i| Said::count(&groups[i], scanner, &opts, Some(bg)),
            );
            groups.pop();
            said.pop();
            let mut backgrounds = backgrounds.into_iter().map(|(_, bg)| bg);
            let mut counts = backgrounds.next().unwrap_or_default();
            for other in backgrounds {
                counts.merge(&other);
            }
            let counts = Frozen::of(&counts);
            (said, Background { counts })
        }
    };
    let (weighed, _) = on_cores(&order, speakers.len(), Scanner::new, |scanner, i| {
        let names = [speakers[i].key.as_str()];
        let kept = said[i].best(&background, k + k / 2, &opts, &names);
        let known = same[i].as_ref().map(|m| &m.outcomes);
        let missing: Vec<(Kind, u64)> = kept
            .iter()
            .map(|c| (c.kind, c.key))
            .filter(|&(kind, key)| {
                known.is_none_or(|o| !o.contains_key(&(kind == Kind::Latin, key)))
            })
            .collect();
        let places = places_of(&groups[i], &missing, scanner);
        let folded = folded_names(&names);
        let mut outcomes: HashMap<(bool, u64), Option<Outcome>> = missing
            .iter()
            .zip(places)
            .map(|(&(kind, key), ps)| {
                let o = outcome(&groups[i], kind, ps, &opts, &folded);
                ((kind == Kind::Latin, key), o)
            })
            .collect();
        let reused = kept.len() - missing.len();
        if let Some(known) = known {
            for c in &kept {
                let at = (c.kind == Kind::Latin, c.key);
                if let (false, Some(o)) = (outcomes.contains_key(&at), known.get(&at)) {
                    outcomes.insert(at, o.clone());
                }
            }
        }
        let refs: Vec<Option<&Outcome>> = kept
            .iter()
            .map(|c| {
                outcomes
                    .get(&(c.kind == Kind::Latin, c.key))
                    .and_then(Option::as_ref)
            })
            .collect();
        Some((assemble(&kept, &refs, k), outcomes, reused))
    });
    let mut terms = Vec::with_capacity(speakers.len());
    let mut memo = Memo::default();
    for (i, (w, said)) in weighed.into_iter().zip(said).enumerate() {
        let (t, outcomes, n) = w.unwrap_or_default();
        reused.outcomes += n;
        terms.push(t);
        if kept.is_some() {
            memo.speakers.insert(
                speakers[i].key.clone(),
                memo::Speaker {
                    digest: digests[i],
                    said,
                    outcomes,
                },
            );
        }
    }
    if let Some(kp) = kept {
        memo.background = Some((sorted_docs, background.counts));
        kp.put_file(memo::NAME, &memo.to_bytes(&memo::key(kp)));
    }
    (terms, reused)
}

/// The transcripts (numbers into `docs`) that `now` (the sorted `docs`)
/// counts more than `before` (sorted); `None` when `before` counts one
/// `now` does not (a transcript changed or removed).
fn added_since(before: &[memo::Sum], now: &[memo::Sum], docs: &[memo::Sum]) -> Option<Vec<usize>> {
    let mut new: HashMap<&memo::Sum, usize> = HashMap::new();
    let mut b = before.iter().peekable();
    for d in now {
        match b.peek() {
            Some(&x) if x == d => {
                b.next();
            }
            Some(&x) if x < d => return None,
            _ => *new.entry(d).or_insert(0) += 1,
        }
    }
    if b.next().is_some() {
        return None;
    }
    Some(
        docs.iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let n = new.get_mut(d)?;
                (*n > 0).then(|| {
                    *n -= 1;
                    i
                })
            })
            .collect(),
    )
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
        let docs = [
            ("2019-03-01-a.txt", "# 2019-03-01 記者會\n\n主持人：各位好，今天的記者會開始。\n\n彭博社記者：請問數位身分證的隱私保護？隱私保護怎麼做？\n\n唐鳳：數位身分證明年上路，開源社群會參與。開源社群很重要。\n"),
            ("2020-05-02-b.txt", "# 2020-05-02 记者会\n\n主持人：各位好，今天的记者会开始。\n\n彭博社记者：请问口罩地图的数据从哪里来？\n\n唐凤：口罩地图来自开源社群，数位身分证另说。我是唐凤。\n"),
        ];
        let docs = docs.map(|(name, text)| (name.to_string(), text.to_string()));
        let (records, all_texts, all) = corpus_of(&docs);
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

    /// Records, texts and speakers of `docs` (name, text).
    fn corpus_of(
        docs: &[(String, String)],
    ) -> (
        Vec<Record>,
        Vec<Vec<String>>,
        Vec<crate::corpus::speakers::Speaker>,
    ) {
        use crate::corpus::{catalog, load::Transcript, speakers};
        let mut records = Vec::new();
        let mut all_texts = Vec::new();
        let mut apps = Vec::new();
        for (source, text) in docs {
            let t = Transcript {
                source: source.clone(),
                bytes: text.len(),
                doc: crate::structure(text, Some(source)),
            };
            let passages = crate::corpus::passages::of(&t.doc);
            records.push(catalog::record(&t, String::new(), &passages));
            all_texts.push(passages.iter().map(|p| p.text.to_string()).collect());
            apps.push(speakers::appearances(&t.doc));
        }
        let all = speakers::aggregate(&records, &apps);
        (records, all_texts, all)
    }

    #[test]
    fn a_rebuild_reuses_the_last_counts_and_gives_the_same_terms() {
        let doc = |i: usize, who: &str, says: &str| {
            (
                format!("2019-03-{:02}-{i}.txt", i % 28 + 1),
                format!("# 2019-03-{:02} 記者會\n\n主持人：各位好，第{i}場記者會開始。\n\n彭博社記者：請問數位身分證的隱私保護？\n\n{who}：{says}開源社群很重要，開源社群會參與。\n", i % 28 + 1),
            )
        };
        let mut docs: Vec<(String, String)> = (0..12)
            .map(|i| {
                let (who, says) = [
                    ("唐鳳", "數位轉型要加快，口罩地圖來自公民科技。"),
                    ("蘇貞昌", "治安要顧好，高鐵延伸要評估。"),
                    ("林佳龍", "鐵路改建計畫，觀光產業復甦。"),
                ][i % 3];
                doc(i, who, &says.repeat(i % 4 + 1))
            })
            .collect();
        let dir = std::env::temp_dir().join(format!("shilu-terms-memo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let run = |docs: &[(String, String)]| {
            let (records, texts, all) = corpus_of(docs);
            let ids: Vec<&Identity> = all.iter().map(|s| &s.identity).collect();
            let clean = of_speakers(&records, &texts, &ids, 5);
            let kept = Kept::open(&dir, "test").unwrap();
            let (got, reused) = of_speakers_kept(&records, &texts, &ids, 5, Some(&kept));
            assert_eq!(got, clean);
            assert!(clean.iter().any(|t| !t.is_empty()));
            reused
        };
        assert_eq!(run(&docs), Reused::default());
        // One more transcript: the background's counts reused, and the
        // speakers it does not change.
        docs.insert(3, doc(99, "陳其邁", "量子計算與量子通訊，量子計算很重要。"));
        let r = run(&docs);
        assert!(
            r.background && r.added == 1 && r.speakers >= 2 && r.outcomes > 0,
            "{r:?}"
        );
        // A transcript changed: the background counted again.
        docs[0].1.push_str("\n唐鳳：數位轉型。\n");
        let r = run(&docs);
        assert!(!r.background && r.added == 0 && r.outcomes > 0, "{r:?}");
        // Nothing changed: everything reused, nothing added.
        let r = run(&docs);
        assert!(r.background && r.added == 0, "{r:?}");
        // A damaged memo is not used.
        let memo = dir.join(memo::NAME);
        let mut b = std::fs::read(&memo).unwrap();
        let mid = b.len() / 2;
        b[mid] ^= 1;
        std::fs::write(&memo, b).unwrap();
        assert_eq!(run(&docs), Reused::default());
        // Another code's memo is not this one's.
        let (records, texts, all) = corpus_of(&docs);
        let ids: Vec<&Identity> = all.iter().map(|s| &s.identity).collect();
        let other = Kept::open(&dir, "other").unwrap();
        let (_, r) = of_speakers_kept(&records, &texts, &ids, 5, Some(&other));
        assert_eq!(r, Reused::default());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
