//! The index built in segments, on every core, so that a rebuild makes
//! again only the segments whose transcripts changed.
//!
//! **Segments.** The corpus (in its order) is cut into runs of
//! transcripts where the content says: after each transcript whose text's
//! digest is 0 modulo [`SEGMENT_EVERY`], and after the last. A new or
//! changed transcript changes only its own segment (and may cut it in
//! two): the others keep their transcripts, wherever they now stand.
//!
//! **A segment** holds each key's postings for its transcripts alone,
//! numbered from its first transcript, in one run of bytes (the format of
//! [`super::postings`], no blocks), sorted by key. It is kept under a key
//! of its transcripts' digests (and of the code, [`Kept::key_of`]), with
//! a checksum: one that does not read back whole, or under its own key,
//! is made again, never trusted.
//!
//! **The index** is the segments merged key by key: each segment's
//! postings appended after the transcripts before it, in blocks, exactly
//! as [`Builder`] writes the whole corpus (the tests compare them byte
//! for byte), so a transcript's number may move (a new one before it) at
//! the cost of reading its postings again, not of finding them: a list's
//! bytes are copied as they are between the block cuts, and only its
//! first posting and each block's are written anew ([`Writer::append`]).
//! The keys are merged in ranges, a range per core at a time, and each
//! range's lists are laid out (their blocks written out) before the next
//! are merged: the index's postings are never held whole beside the
//! segments ([`merge_into`]).
//!
//! **A segment is made** from its postings packed flat and sorted at once
//! ([`flat`]), not from a growing list per key.

use super::build::{Builder, Index, Layout, Sink};
use super::flat;
use super::postings::{get64, put64, Writer};
use super::script::Scripts;
use super::{FormatError, Key};
use crate::corpus::kept::{self, Kept};
use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use xxhash_rust::xxh3::Xxh3Default;

/// About one transcript in this many ends a segment.
pub const SEGMENT_EVERY: u64 = 32;

/// The start of a kept segment, and its format's number.
const MAGIC: &[u8] = b"shilu index segment 1\n";

/// A run of transcripts' postings, numbered from the run's first: its
/// lists, sorted by key, in one run of bytes.
pub type Segment = flat::Lists;

/// A transcript's digest (XXH3-128): its passages' text.
pub fn digest(texts: &[String]) -> [u8; 16] {
    let mut h = Xxh3Default::new();
    for t in texts {
        h.update(&(t.len() as u64).to_le_bytes());
        h.update(t.as_bytes());
    }
    h.digest128().to_le_bytes()
}

/// The corpus's segments, as runs of transcripts, from their digests.
pub fn runs(digests: &[[u8; 16]]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, d) in digests.iter().enumerate() {
        let low = u64::from_le_bytes(d[..8].try_into().unwrap_or_default());
        if low % SEGMENT_EVERY == 0 || i + 1 == digests.len() {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

impl Segment {
    /// The segment of `texts` (transcripts' passages, in order).
    pub fn of(texts: &[Vec<String>]) -> Segment {
        flat::lists(texts)
    }

    /// The segment as kept under `key`, its checksum last.
    pub fn to_bytes(&self, key: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.bytes.len() + 12 * self.lists.len() + 128);
        out.extend_from_slice(MAGIC);
        put64(&mut out, key.len() as u64);
        out.extend_from_slice(key.as_bytes());
        put64(&mut out, u64::from(self.docs));
        put64(&mut out, self.passages);
        put64(&mut out, self.lists.len() as u64);
        let mut start = 0;
        for &(k, count, end) in &self.lists {
            out.extend_from_slice(&k.0.to_le_bytes());
            out.extend_from_slice(&k.1.to_le_bytes());
            put64(&mut out, u64::from(count));
            put64(&mut out, (end - start) as u64);
            start = end;
        }
        out.extend_from_slice(&self.bytes);
        kept::seal(out)
    }

    /// The segment `data` holds, if whole (its checksum holds, its lists
    /// are in order and fill its bytes) and kept under `key`.
    pub fn from_bytes(data: &[u8], key: &str) -> Option<Segment> {
        let rest = kept::unseal(data, MAGIC)?;
        let mut at = 0;
        let n = |at: &mut usize| get64(rest, at).ok();
        let key_len = n(&mut at)? as usize;
        if rest.get(at..at.checked_add(key_len)?)? != key.as_bytes() {
            return None;
        }
        at += key_len;
        let docs = u32::try_from(n(&mut at)?).ok()?;
        let passages = n(&mut at)?;
        let count = n(&mut at)? as usize;
        let mut lists = Vec::with_capacity(count.min(rest.len() / 10));
        let mut end = 0usize;
        for _ in 0..count {
            let word = |at: &mut usize| -> Option<u32> {
                let b = rest.get(*at..*at + 4)?;
                *at += 4;
                Some(u32::from_le_bytes(b.try_into().ok()?))
            };
            let k = Key(word(&mut at)?, word(&mut at)?);
            let postings = u32::try_from(n(&mut at)?).ok()?;
            end = end.checked_add(n(&mut at)? as usize)?;
            if lists.last().is_some_and(|&(last, _, _)| last >= k) {
                return None;
            }
            lists.push((k, postings, u32::try_from(end).ok()?));
        }
        let bytes = rest.get(at..)?;
        let s = (bytes.len() == end).then(|| Segment {
            docs,
            passages,
            lists,
            bytes: bytes.to_vec(),
        })?;
        s.reads().then_some(s)
    }

    /// Whether every list reads as [`merge`] reads it (in order, plainly
    /// coded, its transcripts the segment's), so that a merge, which
    /// writes as it goes, never meets a list it must refuse.
    fn reads(&self) -> bool {
        let mut scratch = Writer::new(usize::MAX);
        (0..self.lists.len()).all(|i| {
            let (_, count, bytes) = self.list(i);
            scratch.clear();
            scratch.append(bytes, count, 0, self.docs).is_ok()
        })
    }
}

/// Why a merge stopped: a segment's postings do not read, or the sink
/// of the posting blocks failed.
#[derive(Debug)]
pub enum MergeError<E> {
    Format(FormatError),
    Sink(E),
}

/// The index of `segments` (in the corpus's order) and of `grams` (the
/// trigram and word-pair keys' lists, [`super::grams::lists`], made once
/// the segments are merged and dropped), in `builder`'s blocks and
/// pages: the same, byte for byte, as `builder` given every transcript in
/// turn. Refuses segments whose postings do not read.
pub fn merge(
    segments: Vec<Segment>,
    grams: impl FnOnce() -> Vec<(Key, Writer)>,
    scripts: &Scripts,
    builder: &Builder,
) -> Result<Index, FormatError> {
    match merge_into(segments, grams, scripts, builder, Vec::new()) {
        Ok(ix) => Ok(ix),
        Err(MergeError::Format(e)) => Err(e),
        Err(MergeError::Sink(never)) => match never {},
    }
}

/// [`merge`], its posting blocks given to `post` as they are laid out:
/// the keys are merged in ranges of about as many bytes, a range per
/// core at a time, and each range's lists are laid out and dropped
/// before the next ones are merged, so that only the segments and the
/// directory are held whole; the segments are dropped before `grams`
/// makes its lists. Blocks may have gone to `post` before a
/// segment is refused: [`Segment::from_bytes`] reads kept ones first.
pub fn merge_into<S: Sink>(
    segments: Vec<Segment>,
    grams: impl FnOnce() -> Vec<(Key, Writer)>,
    scripts: &Scripts,
    builder: &Builder,
    post: S,
) -> Result<Index<S>, MergeError<S::Error>> {
    let (block_bytes, page_keys, page_bytes) = builder.sizes();
    let mut offsets = Vec::with_capacity(segments.len());
    let (mut docs, mut passages) = (0u32, 0u64);
    for s in &segments {
        offsets.push(docs);
        docs = docs
            .checked_add(s.docs)
            .ok_or(MergeError::Format(FormatError("too many transcripts")))?;
        passages += s.passages;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let ranges = key_ranges(&segments, RANGES_PER_CORE * threads);
    let mut out = Layout::new((page_keys, page_bytes), post);
    for wave in ranges.chunks(threads) {
        let parts = on_cores(wave.len(), |i| {
            let (lo, hi) = wave[i];
            merge_range(&segments, &offsets, lo, hi, block_bytes, scripts)
        });
        for part in parts {
            for (key, w) in part.map_err(MergeError::Format)? {
                out.push(key, &w).map_err(MergeError::Sink)?;
            }
        }
    }
    // The trigrams' and word pairs' keys are above every other: their
    // lists are made once the segments are laid out and dropped, so the
    // two are never held at once (the build's peak memory).
    drop(segments);
    for (key, w) in grams() {
        out.push(key, &w).map_err(MergeError::Sink)?;
    }
    let mut ix = out.finish(docs, passages);
    ix.scripts = scripts.clone();
    Ok(ix)
}

/// Ranges of keys merged per core: a range's lists are held until laid
/// out, so more and smaller ranges hold less at once.
const RANGES_PER_CORE: usize = 16;

/// The keys cut into about `wanted` ranges of about as many postings'
/// bytes, from a sample of every 16th list of each segment: each range
/// from a key (or the first) to before the next range's.
fn key_ranges(segments: &[Segment], wanted: usize) -> Vec<(Option<Key>, Option<Key>)> {
    let mut sample: Vec<(Key, usize)> = segments
        .iter()
        .flat_map(|s| {
            s.lists.chunks(16).scan(0, |start, lists| {
                let end = lists.last().map_or(*start, |l| l.2 as usize);
                let len = end - *start;
                *start = end;
                Some((lists[0].0, len))
            })
        })
        .collect();
    sample.sort_unstable_by_key(|s| s.0);
    let total: usize = sample.iter().map(|s| s.1).sum();
    let mut bounds: Vec<Key> = Vec::new();
    let mut sum = 0;
    for (k, len) in sample {
        if sum >= total / wanted * (bounds.len() + 1)
            && bounds.len() + 1 < wanted
            && bounds.last() != Some(&k)
        {
            bounds.push(k);
        }
        sum += len;
    }
    (0..=bounds.len())
        .map(|i| (i.checked_sub(1).map(|j| bounds[j]), bounds.get(i).copied()))
        .collect()
}

/// The lists of the keys from `lo` (or the first) to before `hi` (or
/// the last), each segment's postings after the last's.
fn merge_range(
    segments: &[Segment],
    offsets: &[u32],
    lo: Option<Key>,
    hi: Option<Key>,
    block_bytes: usize,
    scripts: &Scripts,
) -> Result<Vec<(Key, Writer)>, FormatError> {
    // Each segment's next list in the range, smallest key (then
    // segment) first.
    let mut heads = BinaryHeap::new();
    let ends: Vec<usize> = segments
        .iter()
        .map(|s| hi.map_or(s.lists.len(), |hi| s.lists.partition_point(|l| l.0 < hi)))
        .collect();
    for (i, s) in segments.iter().enumerate() {
        let start = lo.map_or(0, |lo| s.lists.partition_point(|l| l.0 < lo));
        if start < ends[i] {
            heads.push(std::cmp::Reverse((s.lists[start].0, i, start)));
        }
    }
    let mut out: Vec<(Key, Writer)> = Vec::new();
    let mut parts = Vec::new();
    while let Some(std::cmp::Reverse((key, i, at))) = heads.pop() {
        // Every segment's list of the key (in the segments' order): a
        // common key is cut by script ([`Scripts::cut`]).
        parts.clear();
        parts.push((i, at));
        while let Some(std::cmp::Reverse((_, j, at))) = heads.peek().filter(|h| h.0 .0 == key) {
            parts.push((*j, *at));
            heads.pop();
        }
        let total: u64 = parts
            .iter()
            .map(|&(i, at)| u64::from(segments[i].list(at).1))
            .sum();
        let by_script = scripts.cut(total).then_some(scripts);
        let mut w = Writer::new(block_bytes);
        for &(i, at) in &parts {
            let (_, count, bytes) = segments[i].list(at);
            w.append_in(bytes, count, offsets[i], segments[i].docs, by_script)?;
            if at + 1 < ends[i] {
                heads.push(std::cmp::Reverse((segments[i].lists[at + 1].0, i, at + 1)));
            }
        }
        out.push((key, w));
    }
    Ok(out)
}

/// Runs `job(i)` for `0..n` on every core; the results in order.
fn on_cores<T: Send>(n: usize, job: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(n).max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        done.push((i, job(i)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

/// What [`index`] did: segments made, and read back from `kept`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    pub segments: usize,
    pub kept: usize,
}

/// The index of every transcript's passages (in the corpus's order),
/// in segments on every core, each read back from `kept` where it is
/// kept whole, and made (and kept) where not.
pub fn index(texts: &[Vec<String>], kept: Option<&Kept>, builder: Builder) -> (Index, Made) {
    let (segments, made) = segments(texts, kept);
    let scripts = scripts_of(texts, &builder);
    let grams = || super::grams::lists(texts, builder.sizes().0, &scripts);
    // Kept segments are read whole before they are used: this is for a
    // merge that refuses one all the same.
    let index = merge(segments, grams, &scripts, &builder)
        .unwrap_or_else(|_| crate::corpus::folder::index_of(texts, builder));
    (index, made)
}

/// [`index`], its posting blocks given to `post` as they are laid out
/// ([`merge_into`]).
pub fn index_into<S: Sink>(
    texts: &[Vec<String>],
    kept: Option<&Kept>,
    builder: Builder,
    post: S,
) -> Result<(Index<S>, Made), MergeError<S::Error>> {
    let (segments, made) = segments(texts, kept);
    // Trigrams and word pairs are keyed apart, in one pass over the
    // corpus ([`super::grams::lists`]): their few buckets are in every
    // segment, and merging them cost more than keying them.
    let scripts = scripts_of(texts, &builder);
    let grams = || super::grams::lists(texts, builder.sizes().0, &scripts);
    Ok((
        merge_into(segments, grams, &scripts, &builder, post)?,
        made,
    ))
}

/// Each transcript's script ([`super::script`]), worked out on every
/// core, with the lists cut as `builder` cuts them.
fn scripts_of(texts: &[Vec<String>], builder: &Builder) -> Scripts {
    Scripts {
        latin: on_cores(texts.len(), |i| super::script::latin(&texts[i])),
        cut: builder.script_cut(),
    }
}

/// The segments of `texts`, each read back from `kept` where it is
/// kept whole, and made (and kept) where not.
fn segments(texts: &[Vec<String>], kept: Option<&Kept>) -> (Vec<Segment>, Made) {
    let digests = on_cores(texts.len(), |i| digest(&texts[i]));
    let runs = runs(&digests);
    let reused = AtomicUsize::new(0);
    let segments = on_cores(runs.len(), |i| {
        let run = runs[i].clone();
        let Some(k) = kept else {
            return Segment::of(&texts[run]);
        };
        let parts: Vec<&[u8]> = std::iter::once(&b"index segment"[..])
            .chain(digests[run.clone()].iter().map(|d| &d[..]))
            .collect();
        let key = k.key_of(&parts);
        let name = format!("{key}.seg");
        if let Some(s) = k
            .get_file(&name)
            .and_then(|b| Segment::from_bytes(&b, &key))
        {
            if s.docs as usize == run.len() {
                reused.fetch_add(1, Ordering::Relaxed);
                return s;
            }
        }
        let s = Segment::of(&texts[run]);
        k.put_file(&name, &s.to_bytes(&key));
        s
    });
    let made = Made {
        segments: segments.len(),
        kept: reused.into_inner(),
    };
    (segments, made)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(n: usize) -> Vec<Vec<String>> {
        (0..n)
            .map(|i| {
                vec![
                    format!("第{i}场：脱贫攻坚，{}", "数位转型".repeat(i % 7)),
                    format!("Open data {i}, open government {}", i * 31 % 17),
                    "主持人：谢谢。".to_string(),
                ]
            })
            .collect()
    }

    fn whole(texts: &[Vec<String>], b: Builder) -> Index {
        crate::corpus::folder::index_of(texts, b)
    }

    fn same(a: &Index, b: &Index) {
        assert_eq!(
            (a.docs, a.passages, a.pages, &a.keys, &a.dir, &a.scripts),
            (b.docs, b.passages, b.pages, &b.keys, &b.dir, &b.scripts)
        );
        assert!(a.post == b.post, "postings differ");
    }

    #[test]
    fn segments_merged_are_the_whole_index_byte_for_byte() {
        let texts = corpus(300);
        let runs = runs(&texts.iter().map(|t| digest(t)).collect::<Vec<_>>());
        assert!(runs.len() > 2, "{runs:?}");
        for sizes in [(40, 3, 60), (512, 256, 2048)] {
            // Keys cut by script from 3 postings, and (as on the archive)
            // from many more than this corpus has.
            for cut in [3, super::super::script::CUT_POSTINGS] {
                let b = || Builder::with_sizes(sizes.0, sizes.1, sizes.2).with_script_cut(cut);
                let (got, made) = index(&texts, None, b());
                same(&got, &whole(&texts, b()));
                assert_eq!(made.segments, runs.len());
                assert!(got.scripts.mixed() && got.scripts.cut == cut);
            }
        }
        // No transcripts, and one.
        same(
            &index(&[], None, Builder::new()).0,
            &whole(&[], Builder::new()),
        );
        same(
            &index(&texts[..1], None, Builder::new()).0,
            &whole(&texts[..1], Builder::new()),
        );
    }

    #[test]
    fn a_new_transcript_remakes_only_its_segment_and_damage_is_not_trusted() {
        let dir = std::env::temp_dir().join(format!("shilu-seg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let kept = Kept::open(&dir, "test").unwrap();
        let mut texts = corpus(200);
        let (first, made) = index(&texts, Some(&kept), Builder::new());
        assert_eq!(made.kept, 0);
        same(&first, &whole(&texts, Builder::new()));
        // One more, early: the numbers after it move.
        texts.insert(5, vec!["新的一场：量子计算。".to_string()]);
        let kept = Kept::open(&dir, "test").unwrap();
        let (again, made) = index(&texts, Some(&kept), Builder::new());
        same(&again, &whole(&texts, Builder::new()));
        assert!(made.kept + 2 >= made.segments && made.kept > 0, "{made:?}");
        // Damaged segments are made again; the index is still the same.
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let mut b = std::fs::read(e.path()).unwrap();
            let mid = b.len() / 2;
            b[mid] ^= 1;
            std::fs::write(e.path(), b).unwrap();
        }
        let kept = Kept::open(&dir, "test").unwrap();
        let (damaged, made) = index(&texts, Some(&kept), Builder::new());
        assert_eq!(made.kept, 0);
        same(&damaged, &whole(&texts, Builder::new()));
        // Another code's segments are not this one's.
        let other = Kept::open(&dir, "other").unwrap();
        assert_eq!(index(&texts, Some(&other), Builder::new()).1.kept, 0);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_segment_reads_back_only_whole_and_under_its_key() {
        let s = Segment::of(&corpus(20));
        let b = s.to_bytes("k1");
        assert_eq!(Segment::from_bytes(&b, "k1"), Some(s.clone()));
        assert_eq!(Segment::from_bytes(&b, "k2"), None);
        assert_eq!(Segment::from_bytes(&b[..b.len() - 1], "k1"), None);
        assert_eq!(Segment::from_bytes(&[], "k1"), None);
        // Whole (its checksum holds) but its postings do not read: a list
        // that claims one more, or transcripts past the segment's.
        let mut more = s.clone();
        more.lists[0].1 += 1;
        assert_eq!(Segment::from_bytes(&more.to_bytes("k1"), "k1"), None);
        let mut fewer_docs = s.clone();
        fewer_docs.docs -= 1;
        assert_eq!(Segment::from_bytes(&fewer_docs.to_bytes("k1"), "k1"), None);
    }
}
