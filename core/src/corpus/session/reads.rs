//! The passages a cold query reads, as round trips of few requests
//! ([`super::step`]): their `pidx` entries beside their masks, then their
//! texts beside their transcripts' cards.

use super::super::folder::{u64s, Card, DocAt, PassageText};
use super::super::index::mask::{Rule, MASK_BYTES};
use super::source::{damaged, Remote, Source, SourceError, NEAR_CARDS, NEAR_PASSAGES, NEAR_TEXT};
use super::step::Reads;
use std::cell::Cell;
use std::ops::Range;

impl<S: Source> Remote<S> {
    /// Passages of several transcripts (each transcript's in order, each
    /// once): their `pidx` entries, those at most [`NEAR_PASSAGES`]
    /// entries apart in one range, across transcripts too (a transcript's
    /// entries follow the one before it), then their texts, those at most
    /// [`NEAR_TEXT`] bytes apart in one range; each step's ranges side by
    /// side. Two round trips for them all, and a few requests, not two
    /// per transcript.
    pub async fn passages_across(
        &self,
        wanted: &[(&DocAt, &[u32])],
    ) -> Result<Vec<Vec<PassageText>>, SourceError> {
        let at = self
            .kept_entries(wanted, Rule::default(), &Cell::new(0))
            .await?;
        let read = self.texts_at(&at).await?;
        Ok(read
            .into_iter()
            .map(|ps| ps.into_iter().flatten().collect())
            .collect())
    }

    /// Where the texts of passages `wanted` are (as
    /// [`Remote::passages_across`] reads them), `None` for a passage
    /// whose mask `rule` does not keep ([`Rule::keeps`]): the masks are
    /// read beside the `pidx` entries (one round trip), those at most
    /// [`NEAR_PASSAGES`] apart in one range. [`Remote::texts_at`] reads
    /// the texts.
    pub async fn kept_entries(
        &self,
        wanted: &[(&DocAt, &[u32])],
        rule: Rule,
        spare: &Cell<u64>,
    ) -> Result<Vec<Vec<Option<Range<u64>>>>, SourceError> {
        let no_such = || damaged("pidx", "damaged index: no such passage");
        // Each passage's entry and the next: where its text starts and ends.
        let mut entries: Vec<Range<u64>> = Vec::new();
        for (at, ps) in wanted {
            if ps.windows(2).any(|w| w[0] >= w[1]) {
                return Err(no_such());
            }
            for &p in ps.iter() {
                let g = at.passages.start + u64::from(p);
                if g >= at.passages.end {
                    return Err(no_such());
                }
                entries.push(g * 8..g * 8 + 16);
            }
        }
        let masked = rule.rules() && !self.grams.is_empty();
        let mask_ranges: Vec<Range<u64>> = if masked {
            entries
                .iter()
                .map(|e| {
                    let g = e.start / 8;
                    g * MASK_BYTES..(g + 1) * MASK_BYTES
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut both = self
            .step(
                &[
                    Reads {
                        part: "pidx",
                        ranges: &entries,
                        gap: NEAR_PASSAGES * 8,
                    },
                    Reads {
                        part: "mask",
                        ranges: &mask_ranges,
                        gap: NEAR_PASSAGES * MASK_BYTES,
                    },
                ],
                spare,
            )
            .await?;
        let (masks, read) = (
            both.pop().unwrap_or_default(),
            both.pop().unwrap_or_default(),
        );
        let mut kept: Vec<bool> = Vec::with_capacity(read.len());
        for i in 0..read.len() {
            kept.push(match masks.get(i) {
                None => true,
                Some(m) => rule.keeps(
                    u64s(m)
                        .map_err(|e| damaged("mask", e))?
                        .first()
                        .copied()
                        .ok_or_else(|| damaged("mask", "damaged index: a mask is cut short"))?,
                ),
            });
        }
        let mut texts: Vec<Option<Range<u64>>> = Vec::with_capacity(read.len());
        for (bytes, &keep) in read.iter().zip(&kept) {
            match u64s(bytes).map_err(|e| damaged("pidx", e))?.as_slice() {
                &[a, b] if a <= b => texts.push(keep.then_some(a..b)),
                _ => {
                    return Err(damaged(
                        "pidx",
                        "damaged index: a passage's range is damaged",
                    ))
                }
            }
        }
        let mut texts = texts.into_iter();
        Ok(wanted
            .iter()
            .map(|(_, ps)| texts.by_ref().take(ps.len()).collect())
            .collect())
    }

    /// The texts at `at` (as [`Remote::kept_entries`] gives them), those
    /// at most [`NEAR_TEXT`] bytes apart in one range, side by side;
    /// `None` where `at` is.
    pub async fn texts_at(
        &self,
        at: &[Vec<Option<Range<u64>>>],
    ) -> Result<Vec<Vec<Option<PassageText>>>, SourceError> {
        Ok(self.texts_and_cards(at, &[], &Cell::new(0)).await?.0)
    }

    /// The texts at `at` (as [`Remote::texts_at`]) and the cards of the
    /// transcripts at `ats` (as [`Remote::cards`]), in one step
    /// ([`Remote::step`]: its requests counted together).
    pub async fn texts_and_cards(
        &self,
        at: &[Vec<Option<Range<u64>>>],
        ats: &[DocAt],
        spare: &Cell<u64>,
    ) -> Result<(Vec<Vec<Option<PassageText>>>, Vec<Card>), SourceError> {
        let texts: Vec<Range<u64>> = at.iter().flatten().flatten().cloned().collect();
        let cards: Vec<Range<u64>> = ats.iter().map(|a| a.card.clone()).collect();
        let mut both = self
            .step(
                &[
                    Reads {
                        part: "text",
                        ranges: &texts,
                        gap: NEAR_TEXT,
                    },
                    Reads {
                        part: "card",
                        ranges: &cards,
                        gap: NEAR_CARDS,
                    },
                ],
                spare,
            )
            .await?;
        let cards = both
            .pop()
            .unwrap_or_default()
            .iter()
            .map(|b| serde_json::from_slice(b).map_err(|e| damaged("card", e)))
            .collect::<Result<Vec<Card>, SourceError>>()?;
        let mut read = both.pop().unwrap_or_default().into_iter();
        let mut out = Vec::with_capacity(at.len());
        for rs in at {
            let mut theirs = Vec::with_capacity(rs.len());
            for r in rs {
                theirs.push(match r.as_ref().map(|_| read.next()) {
                    None => None,
                    Some(Some(bytes)) => {
                        Some(serde_json::from_slice(&bytes).map_err(|e| damaged("text", e))?)
                    }
                    Some(None) => return Err(damaged("text", "a passage was not read")),
                });
            }
            out.push(theirs);
        }
        Ok((out, cards))
    }
}
