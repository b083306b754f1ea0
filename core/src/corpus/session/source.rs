//! Where an index's bytes come from, and the index read through it.

use super::super::catalog::Record;
use super::super::folder::{passage_range, u64s, Card, DocAt, Fetch, PassageText, DOC_ENTRY};
use super::super::index::dir::{self, KeyTable, Page};
use super::super::index::{Block, Meta, FORMAT};
use std::cell::RefCell;
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

fn damaged(path: &str, e: impl std::fmt::Display) -> SourceError {
    SourceError(format!("{path}: {e}"))
}

/// An index read through a [`Source`], keeping a log of each fetch.
pub struct Remote<S> {
    source: S,
    pub meta: Meta,
    pub keys: KeyTable,
    log: RefCell<Vec<Fetch>>,
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
    /// Opens the index `source` reads: its `meta.json` and `keys.bin`.
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
            },
            keys: KeyTable { pages: Vec::new() },
            log: RefCell::new(Vec::new()),
        };
        let text = r.whole("meta.json").await?;
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
        let keys = r.whole("keys.bin").await?;
        r.keys = KeyTable::read(&keys).map_err(|e| damaged("keys.bin", e))?;
        Ok(r)
    }

    /// What was fetched since the last call, in order.
    pub fn take_fetches(&self) -> Vec<Fetch> {
        std::mem::take(&mut self.log.borrow_mut())
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
        let mut out = Vec::with_capacity((r.end - r.start) as usize);
        for (path, local) in pieces(part, r, self.meta.pack_bytes) {
            let bytes = self
                .source
                .read(&path, Some(local.clone()))
                .await
                .map_err(|e| damaged(&path, e))?;
            if bytes.len() as u64 != local.end - local.start {
                return Err(damaged(&path, "the range read is not the range asked"));
            }
            out.extend_from_slice(&bytes);
            self.log.borrow_mut().push(Fetch {
                path,
                bytes: local.end - local.start,
                range: Some(local),
            });
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
}

#[cfg(test)]
mod tests {
    use super::pieces;

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
