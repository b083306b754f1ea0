//! A cold query of common characters alone: its first results are read
//! from the newest passages and scanned, since reading such a
//! character's postings would cost more.

use super::cold::{First, Session, AHEAD};
use super::scan_cursor::ScanCursor;
use super::source::{Source, SourceError};
use crate::corpus::folder::DocAt;
use crate::corpus::scan;

/// Passages read at first by a scan of the newest transcripts.
const SCAN_CHUNK: usize = 32;

/// Passages considered at first when their masks rule some out.
const MASK_CHUNK: usize = 256;

/// A chunk is at most this many times its first size.
const MASK_AHEAD: usize = 16;

/// Transcripts a scan of the newest places at a time (one range of
/// `cidx`).
const SCAN_PLACE: u32 = 8;

impl<S: Source> Session<S> {
    /// The first `limit` matches of common characters alone: the newest
    /// transcripts' passages read a chunk at a time and scanned (with the
    /// cards of their transcripts, which showing a match needs), across as
    /// many transcripts as it takes, each step's ranges side by side: a
    /// round trip or two per chunk, not per transcript or per few results.
    ///
    /// Each chunk's `pidx` entries are read with the passages' masks
    /// ([`Session::rule`]): only the passages whose masks leave a match
    /// possible are kept, and of those only as many texts are read at a
    /// time as the share of matches so far says hold the results still
    /// wanted (at most [`AHEAD`] times as many); the rest wait for the
    /// next step. A chunk is [`SCAN_CHUNK`] passages at first (with masks
    /// that rule some out, [`MASK_CHUNK`]), then as many as the share of
    /// kept passages so far says hold the texts to read.
    pub(super) async fn first_scan(&mut self, limit: usize) -> Result<First, SourceError> {
        let mut c = std::mem::take(&mut self.scan);
        // A scan that failed may have taken passages it did not check:
        // the next call starts over (what was read stays cached).
        self.scan_on(&mut c, limit).await?;
        let first = First {
            passages: c.found.iter().take(limit).cloned().collect(),
            tried: c.tried,
        };
        self.scan = c;
        Ok(first)
    }

    /// Goes on with scan `c` until it has `limit` matches or none is left.
    async fn scan_on(&mut self, c: &mut ScanCursor, limit: usize) -> Result<(), SourceError> {
        let rule = self.rule();
        let next_doc = |d: &mut u32| -> bool {
            if *d == 0 {
                return false;
            }
            *d -= 1;
            true
        };
        if !c.started {
            // The next passage to consider: newest transcript first.
            c.started = true;
            c.d = self.index.meta.docs;
            c.done = !next_doc(&mut c.d);
        }
        let ScanCursor {
            d,
            p,
            done,
            considered,
            kept,
            read,
            matched,
            pending,
            found: first,
            tried,
            ..
        } = c;
        while first.len() < limit && (!*done || !pending.is_empty()) {
            *tried += 1;
            let wanted = limit - first.len();
            // Texts to read this step: were every kept passage a match,
            // `wanted`; else as many as the share of matches says.
            let texts_wanted = if *read == 0 {
                wanted
            } else {
                (wanted * *read).div_ceil((*matched).max(1)).min(wanted * AHEAD)
            };
            if pending.len() < texts_wanted && !*done {
                let chunk = if rule.rules() { MASK_CHUNK } else { SCAN_CHUNK };
                let size = if *kept == 0 {
                    chunk.max(if *considered == 0 { 0 } else { *considered * 4 })
                } else {
                    ((texts_wanted - pending.len()) * *considered)
                        .div_ceil(*kept)
                        .clamp(chunk, chunk * MASK_AHEAD)
                };
                // The spans of this chunk, transcript by transcript.
                let mut spans: Vec<(u32, Vec<u32>)> = Vec::new();
                let mut left = size;
                while left > 0 {
                    if !self.at.contains_key(d) {
                        let near: Vec<u32> = (d.saturating_sub(SCAN_PLACE - 1)..=*d).collect();
                        let placed = self.index.places(&near).await?;
                        self.at.extend(placed);
                    }
                    let n = {
                        let at = &self.at[d];
                        (at.passages.end - at.passages.start) as u32
                    };
                    let end = (*p as usize + left).min(n as usize) as u32;
                    if end > *p {
                        spans.push((*d, (*p..end).collect()));
                        left -= (end - *p) as usize;
                    }
                    *p = end;
                    if *p >= n {
                        *p = 0;
                        if !next_doc(d) {
                            *done = true;
                            break;
                        }
                    }
                }
                let index = self.index.clone();
                let at = &self.at;
                let wanted_ps: Vec<(&DocAt, &[u32])> = spans
                    .iter()
                    .map(|(d, ps)| (&at[d], ps.as_slice()))
                    .collect();
                let spare = self.spare();
                let was = spare.get();
                let entries = index.kept_entries(&wanted_ps, rule, &spare).await?;
                self.merged(was, &spare);
                for ((d, ps), es) in spans.iter().zip(entries) {
                    *considered += ps.len();
                    for (p, e) in ps.iter().zip(es) {
                        if let Some(r) = e {
                            *kept += 1;
                            pending.push_back((*d, *p, r));
                        }
                    }
                }
                if pending.len() < texts_wanted && !*done && *read == 0 {
                    // Too few kept to read yet: consider more first.
                    continue;
                }
            }
            // The texts of the next pending passages, beside the cards of
            // their transcripts.
            let take: Vec<(u32, u32, std::ops::Range<u64>)> =
                pending.drain(..texts_wanted.min(pending.len())).collect();
            if take.is_empty() {
                continue;
            }
            let index = self.index.clone();
            let mut uncarded: Vec<u32> = take
                .iter()
                .map(|t| t.0)
                .filter(|d| !self.cards.contains_key(d))
                .collect();
            uncarded.dedup();
            let at = &self.at;
            let ranges = vec![take.iter().map(|t| Some(t.2.clone())).collect()];
            let spare = self.spare();
            let was = spare.get();
            let (texts, cards) = index
                .texts_and_cards(
                    &ranges,
                    &uncarded.iter().map(|d| at[d].clone()).collect::<Vec<_>>(),
                    &spare,
                )
                .await?;
            self.merged(was, &spare);
            for (d, c) in uncarded.into_iter().zip(cards) {
                self.cards.insert(d, c);
            }
            let texts = texts.into_iter().next().unwrap_or_default();
            for ((d, p, _), t) in take.into_iter().zip(texts) {
                let Some(t) = t else { continue };
                *read += 1;
                let found = scan::find_in(&self.query, d, p, &[t.text.as_str()]);
                if let Some(m) = found.passages.into_iter().next() {
                    self.texts.insert((d, p), t);
                    *matched += 1;
                    first.push(m);
                }
            }
        }
        Ok(())
    }
}
