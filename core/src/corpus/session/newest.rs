//! A cold query of common characters alone: its first results are read
//! from the newest passages and scanned, since reading such a
//! character's postings would cost more.

use super::cold::{First, Session, AHEAD};
use super::join;
use super::source::{Source, SourceError};
use crate::corpus::scan;

/// Passages read at first by a scan of the newest transcripts.
const SCAN_CHUNK: u32 = 32;

/// Transcripts a scan of the newest places at a time (one range of
/// `cidx`).
const SCAN_PLACE: u32 = 8;

impl<S: Source> Session<S> {
    /// The first `limit` matches of common characters alone: the newest
    /// transcripts' passages read a chunk at a time and scanned (with the
    /// cards of their transcripts, which showing a match needs). A chunk
    /// is [`SCAN_CHUNK`] passages at first, then as many as the share of
    /// matches so far says hold the results still wanted (at most
    /// [`AHEAD`] times as many), across as many transcripts as it takes,
    /// each transcript's part in one range and all side by side: a round
    /// trip or two per chunk, not per transcript or per few results.
    pub(super) async fn first_scan(&mut self, limit: usize) -> Result<First, SourceError> {
        let mut first = Vec::new();
        let mut tried = 0;
        let (mut read, mut matched) = (0usize, 0usize);
        // The next passage to read: newest transcript first.
        let (mut d, mut p) = (self.index.meta.docs, 0u32);
        let next_doc = |d: &mut u32| -> bool {
            if *d == 0 {
                return false;
            }
            *d -= 1;
            true
        };
        if !next_doc(&mut d) {
            return Ok(First::default());
        }
        while first.len() < limit {
            tried += 1;
            let wanted = limit - first.len();
            let size = if read == 0 {
                SCAN_CHUNK as usize
            } else {
                (wanted * read)
                    .div_ceil(matched.max(1))
                    .min(wanted * AHEAD)
                    .max(SCAN_CHUNK as usize)
            };
            // The spans of this chunk, transcript by transcript.
            let mut spans: Vec<(u32, std::ops::Range<u32>)> = Vec::new();
            let mut left = size;
            let mut done = false;
            while left > 0 {
                if !self.at.contains_key(&d) {
                    let near: Vec<u32> = (d.saturating_sub(SCAN_PLACE - 1)..=d).collect();
                    let placed = self.index.places(&near).await?;
                    self.at.extend(placed);
                }
                let n = {
                    let at = &self.at[&d];
                    (at.passages.end - at.passages.start) as u32
                };
                let end = (p as usize + left).min(n as usize) as u32;
                if end > p {
                    spans.push((d, p..end));
                    left -= (end - p) as usize;
                }
                p = end;
                if p >= n {
                    p = 0;
                    if !next_doc(&mut d) {
                        done = true;
                        break;
                    }
                }
            }
            let index = self.index.clone();
            let uncarded: Vec<u32> = spans
                .iter()
                .map(|(d, _)| *d)
                .filter(|d| !self.cards.contains_key(d))
                .collect();
            let at = &self.at;
            let (texts, cards) = join::both(
                join::all(
                    spans
                        .iter()
                        .map(|(d, r)| index.passages_in(&at[d], r.clone()))
                        .collect(),
                ),
                index.cards(&uncarded.iter().map(|d| at[d].clone()).collect::<Vec<_>>()),
            )
            .await;
            for (d, c) in uncarded.into_iter().zip(cards?) {
                self.cards.insert(d, c);
            }
            for ((d, r), texts) in spans.into_iter().zip(texts) {
                let texts = texts?;
                let plain: Vec<&str> = texts.iter().map(|t| t.text.as_str()).collect();
                let found = scan::find_in(&self.query, d, r.start, &plain);
                for (i, t) in (r.start..).zip(texts) {
                    if found.passages.contains_key(&(d, i)) {
                        self.texts.insert((d, i), t);
                    }
                }
                read += (r.end - r.start) as usize;
                matched += found.passages.len();
                first.extend(found.passages);
            }
            if done {
                break;
            }
        }
        first.truncate(limit);
        Ok(First {
            passages: first,
            tried,
        })
    }
}
