//! Where an index's bytes come from, and the index read through it.

use super::super::catalog::Record;
use super::super::folder::{passage_range, u64s, Card, DocAt, Fetch, PassageText, DOC_ENTRY};
use super::super::index::dir::{self, KeyTable, Page};
use super::super::index::mask::{Grams, MASK_BYTES};
use super::super::index::{Block, Meta, FORMAT};
use super::step::{plan_step, Reads, STEP_MERGE_BYTES};
use std::cell::{Cell, RefCell};
use std::ops::Range;

/// A site's index files: `path` is under the index folder (`meta.json`,
/// `post/000.bin`); `range`, the bytes wanted (the whole file if `None`).
/// A source gives exactly those bytes, or an error.
// The page's source is not `Send` (a browser's fetch), and nothing here
// needs it to be: the lint's warning about a public async fn is moot.
#[allow(async_fn_in_trait)]
pub trait Source {
    type Error: std::fmt::Display;
    async fn read(&self, path: &str, range: Option<Range<u64>>) -> Result<Vec<u8>, Self::Error>;
}

/// Why the index could not be read: the file and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError(pub String);

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SourceError {}

pub(super) fn damaged(path: &str, e: impl std::fmt::Display) -> SourceError {
    SourceError(format!("{path}: {e}"))
}

/// An index read through a [`Source`], keeping a log of each fetch.
pub struct Remote<S> {
    source: S,
    pub meta: Meta,
    pub keys: KeyTable,
    /// The grams of the passages' masks ([`Meta::mask_grams`]).
    pub grams: Grams,
    log: RefCell<Vec<Fetch>>,
    /// Bytes read by range since the index was opened.
    read: Cell<u64>,
}

/// A packed part's file `i` (`post/000.bin`).
pub fn pack_path(part: &str, i: u64) -> String {
    format!("{part}/{i:03}.bin")
}

/// The files and ranges that hold bytes `r` of a part packed in files of
/// `pack` bytes: one, or two where the range crosses a file's end.
pub fn pieces(part: &str, r: Range<u64>, pack: u64) -> Vec<(String, Range<u64>)> {
    let pack = pack.max(1);
    let mut out = Vec::new();
    let mut at = r.start;
    while at < r.end {
        let (file, local) = (at / pack, at % pack);
        let n = (pack - local).min(r.end - at);
        out.push((pack_path(part, file), local..local + n));
        at += n;
    }
    out
}

impl<S: Source> Remote<S> {
    /// Opens the index `source` reads: its `meta.json` and `keys.bin`,
    /// read side by side.
    pub async fn open(source: S) -> Result<Remote<S>, SourceError> {
        let mut r = Remote {
            source,
            meta: Meta {
                format: 0,
                docs: 0,
                passages: 0,
                pages: 0,
                pack_bytes: 0,
                parts: Vec::new(),
                passage_bytes: 0,
                mask_grams: Vec::new(),
                latin: String::new(),
                script_cut: 0,
                aliases: Default::default(),
            },
            keys: KeyTable { pages: Vec::new() },
            grams: Grams::default(),
            log: RefCell::new(Vec::new()),
            read: Cell::new(0),
        };
        let (text, keys) = {
            let mut both = super::join::all(vec![r.whole("meta.json"), r.whole("keys.bin")]).await;
            let keys = both
                .pop()
                .unwrap_or_else(|| Err(damaged("keys.bin", "not read")));
            (
                both.pop()
                    .unwrap_or_else(|| Err(damaged("meta.json", "not read")))?,
                keys,
            )
        };
        let format = serde_json::from_slice::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("format")?.as_u64());
        if format != Some(u64::from(FORMAT)) {
            return Err(damaged(
                "meta.json",
                format!(
                    "index format {} (this shilu reads {FORMAT}): build the site again",
                    format.map_or("unknown".into(), |f| f.to_string())
                ),
            ));
        }
        r.meta = serde_json::from_slice(&text).map_err(|e| damaged("meta.json", e))?;
        if r.meta.part_len("mask") == r.meta.passages * MASK_BYTES {
            r.grams = Grams::new(&r.meta.mask_grams);
        }
        let keys = keys?;
        r.keys = KeyTable::read(&keys).map_err(|e| damaged("keys.bin", e))?;
        Ok(r)
    }

    /// What was fetched since the last call, in order.
    pub fn take_fetches(&self) -> Vec<Fetch> {
        std::mem::take(&mut self.log.borrow_mut())
    }

    /// Bytes read by range since the index was opened (never reset: a
    /// query counts from where it began).
    pub fn bytes_read(&self) -> u64 {
        self.read.get()
    }

    /// A file read whole.
    pub async fn whole(&self, path: &str) -> Result<Vec<u8>, SourceError> {
        let bytes = self
            .source
            .read(path, None)
            .await
            .map_err(|e| damaged(path, e))?;
        self.log.borrow_mut().push(Fetch {
            path: path.into(),
            range: None,
            bytes: bytes.len() as u64,
        });
        Ok(bytes)
    }

    /// Bytes `r` of part `part`, from the one or two files that hold
    /// them.
    pub async fn range(&self, part: &str, r: Range<u64>) -> Result<Vec<u8>, SourceError> {
        let size = self.meta.part_len(part);
        if r.start > r.end || r.end > size {
            return Err(damaged(part, "damaged index: a range runs past the end"));
        }
        let pieces = pieces(part, r.clone(), self.meta.pack_bytes);
        let read = super::join::all(
            pieces
                .iter()
                .map(|(path, local)| self.source.read(path, Some(local.clone())))
                .collect(),
        )
        .await;
        let mut out = Vec::with_capacity((r.end - r.start) as usize);
        for ((path, local), bytes) in pieces.into_iter().zip(read) {
            let bytes = bytes.map_err(|e| damaged(&path, e))?;
            if bytes.len() as u64 != local.end - local.start {
                return Err(damaged(&path, "the range read is not the range asked"));
            }
            out.extend_from_slice(&bytes);
            self.read.set(self.read.get() + bytes.len() as u64);
            self.log.borrow_mut().push(Fetch {
                path,
                bytes: local.end - local.start,
                range: Some(local),
            });
        }
        Ok(out)
    }

    /// Bytes `rs` of part `part`, each as asked, in order: ranges at most
    /// `gap` bytes apart (or overlapping) are read as one, the reads side
    /// by side. Many small reads near each other cost one request, not
    /// one each (an HTTP/1.1 host answers six at a time).
    pub async fn ranges(
        &self,
        part: &str,
        rs: &[Range<u64>],
        gap: u64,
    ) -> Result<Vec<Vec<u8>>, SourceError> {
        let mut read = self
            .step(
                &[Reads {
                    part,
                    ranges: rs,
                    gap,
                }],
                &Cell::new(0),
            )
            .await?;
        Ok(read.pop().unwrap_or_default())
    }

    /// The reads of one round trip, of one part or several: each part's
    /// ranges as [`Remote::ranges`] reads them, then, while the step would
    /// make more than [`STEP_REQUESTS`] requests, the nearest runs of a
    /// part (in one file) read as one, as long as the bytes between them
    /// stay within [`MERGE_BYTES`] a merge, and within [`STEP_MERGE_BYTES`]
    /// and `spare` the step ([`plan_step`]; `spare` is left less what they
    /// added). Every part's bytes, each range as asked.
    pub async fn step(
        &self,
        parts: &[Reads<'_>],
        spare: &Cell<u64>,
    ) -> Result<Vec<Vec<Vec<u8>>>, SourceError> {
        if let Some(r) = parts
            .iter()
            .find(|r| r.ranges.iter().any(|x| x.start > x.end))
        {
            return Err(damaged(
                r.part,
                "damaged index: a range ends before it starts",
            ));
        }
        let (plans, added) = plan_step(
            parts,
            self.meta.pack_bytes,
            spare.get().min(STEP_MERGE_BYTES),
        );
        spare.set(spare.get().saturating_sub(added));
        let read = super::join::all(
            parts
                .iter()
                .zip(&plans)
                .flat_map(|(r, plan)| {
                    plan.runs
                        .iter()
                        .map(|(_, span)| self.range(r.part, span.clone()))
                })
                .collect(),
        )
        .await;
        let mut read = read.into_iter();
        let mut out = Vec::with_capacity(parts.len());
        for (r, plan) in parts.iter().zip(plans) {
            let rs = r.ranges;
            let mut theirs = vec![Vec::new(); rs.len()];
            for ((ks, span), bytes) in plan.runs.into_iter().zip(read.by_ref()) {
                let bytes = bytes?;
                for &i in &plan.order[ks] {
                    let (a, b) = (rs[i].start - span.start, rs[i].end - span.start);
                    theirs[i] = bytes[a as usize..b as usize].to_vec();
                }
            }
            out.push(theirs);
        }
        Ok(out)
    }

    /// Directory page `i`.
    pub async fn page(&self, i: usize) -> Result<Page, SourceError> {
        let r = self
            .keys
            .pages
            .get(i)
            .ok_or_else(|| damaged("keys.bin", "damaged index: no such page"))?
            .1
            .clone();
        dir::read_page(&self.range("dir", r).await?).map_err(|e| damaged("dir", e))
    }

    /// A posting block's bytes.
    pub async fn block(&self, b: &Block) -> Result<Vec<u8>, SourceError> {
        self.range("post", b.at..b.at + u64::from(b.len)).await
    }

    /// Where transcript `doc`'s parts are.
    pub async fn doc(&self, doc: u32) -> Result<DocAt, SourceError> {
        if doc >= self.meta.docs {
            return Err(damaged("cidx", "damaged index: no such transcript"));
        }
        DocAt::read(&self.range("cidx", DocAt::range(doc)).await?).map_err(|e| damaged("cidx", e))
    }

    /// Where transcripts `run` are, from one range of `cidx`.
    pub async fn docs(
        &self,
        run: std::ops::RangeInclusive<u32>,
    ) -> Result<Vec<DocAt>, SourceError> {
        let (a, b) = (*run.start(), *run.end());
        if a > b || b >= self.meta.docs {
            return Err(damaged("cidx", "damaged index: no such transcript"));
        }
        let entry = DOC_ENTRY as usize;
        let bytes = self
            .range("cidx", DocAt::range(a).start..DocAt::range(b).end)
            .await?;
        (0..=(b - a) as usize)
            .map(|i| {
                let e = bytes
                    .get(i * entry..i * entry + 2 * entry)
                    .ok_or_else(|| damaged("cidx", "damaged index: an entry is cut short"))?;
                DocAt::read(e).map_err(|e| damaged("cidx", e))
            })
            .collect()
    }

    /// The records of transcripts next to each other (`ats` in order),
    /// from one range of `rec`.
    pub async fn records(&self, ats: &[DocAt]) -> Result<Vec<Record>, SourceError> {
        let (Some(first), Some(last)) = (ats.first(), ats.last()) else {
            return Ok(Vec::new());
        };
        let (start, end) = (first.record.start, last.record.end);
        if ats.windows(2).any(|w| w[0].record.end != w[1].record.start) || start > end {
            return Err(damaged("rec", "damaged index: records out of order"));
        }
        let bytes = self.range("rec", start..end).await?;
        ats.iter()
            .map(|at| {
                let s =
                    &bytes[(at.record.start - start) as usize..(at.record.end - start) as usize];
                serde_json::from_slice(s).map_err(|e| damaged("rec", e))
            })
            .collect()
    }

    async fn json<T: serde::de::DeserializeOwned>(
        &self,
        part: &str,
        r: Range<u64>,
    ) -> Result<T, SourceError> {
        serde_json::from_slice(&self.range(part, r).await?).map_err(|e| damaged(part, e))
    }

    pub async fn card(&self, at: &DocAt) -> Result<Card, SourceError> {
        self.json("card", at.card.clone()).await
    }

    /// The cards of the transcripts at `ats`, in order: those at most
    /// [`NEAR_CARDS`] bytes apart in one range, the ranges side by side.
    pub async fn cards(&self, ats: &[DocAt]) -> Result<Vec<Card>, SourceError> {
        let rs: Vec<Range<u64>> = ats.iter().map(|a| a.card.clone()).collect();
        self.ranges("card", &rs, NEAR_CARDS)
            .await?
            .iter()
            .map(|b| serde_json::from_slice(b).map_err(|e| damaged("card", e)))
            .collect()
    }

    pub async fn record(&self, at: &DocAt) -> Result<Record, SourceError> {
        self.json("rec", at.record.clone()).await
    }

    /// Passage `p` of the transcript at `at`.
    pub async fn passage(&self, at: &DocAt, p: u32) -> Result<PassageText, SourceError> {
        let g = at.passages.start + u64::from(p);
        if g >= at.passages.end {
            return Err(damaged("pidx", "damaged index: no such passage"));
        }
        let r =
            u64s(&self.range("pidx", passage_range(g)).await?).map_err(|e| damaged("pidx", e))?;
        match r.as_slice() {
            [a, b] if a <= b => self.json("text", *a..*b).await,
            _ => Err(damaged(
                "pidx",
                "damaged index: a passage's range is damaged",
            )),
        }
    }

    /// Passages `ps` of the transcript at `at`, read in one range.
    pub async fn passages_in(
        &self,
        at: &DocAt,
        ps: Range<u32>,
    ) -> Result<Vec<PassageText>, SourceError> {
        let (a, b) = (
            at.passages.start + u64::from(ps.start),
            at.passages.start + u64::from(ps.end),
        );
        if a > b || b > at.passages.end {
            return Err(damaged("pidx", "damaged index: no such passage"));
        }
        let starts =
            u64s(&self.range("pidx", a * 8..b * 8 + 8).await?).map_err(|e| damaged("pidx", e))?;
        let (Some(&first), Some(&last)) = (starts.first(), starts.last()) else {
            return Ok(Vec::new());
        };
        if first > last || starts.windows(2).any(|w| w[0] > w[1]) {
            return Err(damaged("pidx", "damaged index: passages out of order"));
        }
        let bytes = self.range("text", first..last).await?;
        starts
            .windows(2)
            .map(|w| {
                let s = &bytes[(w[0] - first) as usize..(w[1] - first) as usize];
                serde_json::from_slice(s).map_err(|e| damaged("text", e))
            })
            .collect()
    }
    /// The masks of passages `gs` (their global numbers), in order:
    /// those at most [`NEAR_PASSAGES`] apart in one range, side by side.
    pub async fn masks(&self, gs: &[u64]) -> Result<Vec<u64>, SourceError> {
        let rs: Vec<Range<u64>> = gs
            .iter()
            .map(|g| g * MASK_BYTES..(g + 1) * MASK_BYTES)
            .collect();
        self.ranges("mask", &rs, NEAR_PASSAGES * MASK_BYTES)
            .await?
            .iter()
            .map(|b| {
                u64s(b)
                    .map_err(|e| damaged("mask", e))?
                    .first()
                    .copied()
                    .ok_or_else(|| damaged("mask", "damaged index: a mask is cut short"))
            })
            .collect()
    }

    /// Where transcripts `docs` (in order, each once) are: one range of
    /// `cidx` per run of them at most [`NEAR_DOCS`] apart, the runs read
    /// side by side.
    pub async fn places(&self, docs: &[u32]) -> Result<Vec<(u32, DocAt)>, SourceError> {
        let spans = near(docs, |&d| u64::from(d), NEAR_DOCS);
        let read = super::join::all(
            spans
                .iter()
                .map(|s| self.docs(docs[s.start]..=docs[s.end - 1]))
                .collect(),
        )
        .await;
        let mut out = Vec::with_capacity(docs.len());
        for (s, ats) in spans.into_iter().zip(read) {
            let ats = ats?;
            let first = docs[s.start];
            for &d in &docs[s] {
                out.push((d, ats[(d - first) as usize].clone()));
            }
        }
        Ok(out)
    }

    /// Where transcripts `docs` (in order, each once) are, as one step
    /// ([`Remote::step`]): those at most [`NEAR_DOCS`] apart in one range,
    /// then the nearest runs merged while the step makes more than
    /// [`super::step::STEP_REQUESTS`] requests, within `spare` (left less
    /// what the merges added). A rare word's transcripts are spread over
    /// `cidx`, 24 bytes each: a request per transcript, else.
    pub async fn places_within(
        &self,
        docs: &[u32],
        spare: &Cell<u64>,
    ) -> Result<Vec<(u32, DocAt)>, SourceError> {
        if docs.iter().any(|&d| d >= self.meta.docs) {
            return Err(damaged("cidx", "damaged index: no such transcript"));
        }
        let rs: Vec<Range<u64>> = docs.iter().map(|&d| DocAt::range(d)).collect();
        let read = self
            .step(
                &[Reads {
                    part: "cidx",
                    ranges: &rs,
                    // As [`Remote::places`]: the next at most NEAR_DOCS on
                    // (an entry's range is two entries).
                    gap: NEAR_DOCS.saturating_sub(2) * DOC_ENTRY,
                }],
                spare,
            )
            .await?
            .pop()
            .unwrap_or_default();
        docs.iter()
            .zip(read)
            .map(|(&d, bytes)| Ok((d, DocAt::read(&bytes).map_err(|e| damaged("cidx", e))?)))
            .collect()
    }
}

/// Transcripts read in one range of `cidx` if at most this many apart
/// (24 bytes each between them).
pub const NEAR_DOCS: u64 = 8;

/// Passages whose `pidx` entries are read in one range if at most this
/// many apart (8 bytes each between them).
pub const NEAR_PASSAGES: u64 = 16;

/// Passages whose texts are read in one range if at most this many
/// bytes lie between them: about what a request of its own costs in
/// headers.
pub const NEAR_TEXT: u64 = 256;

/// Cards read in one range if at most this many bytes lie between them:
/// as for texts, what a request costs in headers (a card is ~200 bytes;
/// 1 KB cost a query that checks many passages 19 KB more).
pub const NEAR_CARDS: u64 = 256;

/// `xs` (in order of `at`) cut into runs: a new run where the next is
/// more than `gap` past the one before (by `at`'s start).
fn near<T>(xs: &[T], at: impl Fn(&T) -> u64, gap: u64) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in 0..xs.len() {
        match out.last_mut() {
            Some(r) if at(&xs[i]) <= at(&xs[i - 1]) + gap => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{near, pieces};

    #[test]
    fn reads_near_each_other_are_one_range() {
        assert_eq!(
            near(&[1u32, 2, 9, 30, 31], |&d| u64::from(d), 8),
            vec![0..3, 3..5]
        );
        assert!(near(&[] as &[u32], |&d| u64::from(d), 8).is_empty());
    }

    #[test]
    fn a_range_across_a_files_end_is_two_pieces() {
        assert_eq!(
            pieces("post", 8..12, 10),
            vec![
                ("post/000.bin".into(), 8..10),
                ("post/001.bin".into(), 0..2)
            ]
        );
        assert_eq!(pieces("dir", 3..3, 10), vec![]);
        assert_eq!(
            pieces("text", 20..25, 10),
            vec![("text/002.bin".into(), 0..5)]
        );
    }
}
