//! What a cold query reads of passages: their masks (a candidate ruled
//! out for 8 bytes, [`crate::corpus::index::mask`]), their `pidx`
//! entries and texts, and their transcripts' cards.

use super::cold::Session;
use super::source::{Source, SourceError};
use super::step::MERGE_UNTIL;
use crate::corpus::folder::DocAt;
use crate::corpus::index::mask::Rule;
use crate::corpus::search::PassageId;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};

impl<S: Source> Session<S> {
    /// Reads the masks of passages `ps` (their transcripts placed first,
    /// if any is not).
    pub(super) async fn read_masks(&mut self, ps: &[PassageId]) -> Result<(), SourceError> {
        let mut unplaced: Vec<u32> = ps
            .iter()
            .map(|p| p.0)
            .filter(|d| !self.at.contains_key(d))
            .collect();
        unplaced.sort_unstable();
        unplaced.dedup();
        if !unplaced.is_empty() {
            let spare = self.spare();
            let was = spare.get();
            let placed = self.index.places_within(&unplaced, &spare).await?;
            self.merged(was, &spare);
            self.at.extend(placed);
        }
        let mut gs = Vec::with_capacity(ps.len());
        for &(d, p) in ps {
            let at = &self.at[&d];
            let g = at.passages.start + u64::from(p);
            if g >= at.passages.end {
                return Err(SourceError("mask: damaged index: no such passage".into()));
            }
            gs.push(g);
        }
        let read = self.index.masks(&gs).await?;
        self.masks.of.extend(ps.iter().copied().zip(read));
        Ok(())
    }

    /// What the next step may read between its ranges to make fewer
    /// requests: what is left of [`super::step::QUERY_MERGE_BYTES`], none
    /// once the query has read [`MERGE_UNTIL`]. [`Session::merged`]
    /// counts what the step used.
    pub(super) fn spare(&self) -> Cell<u64> {
        let spent = self.index.bytes_read().saturating_sub(self.began);
        Cell::new(if spent >= MERGE_UNTIL {
            0
        } else {
            self.merge_left.get().min(MERGE_UNTIL - spent)
        })
    }

    /// Counts what a step used of `spare`, given as `was`.
    pub(super) fn merged(&self, was: u64, spare: &Cell<u64>) {
        let used = was.saturating_sub(spare.get());
        self.merge_left
            .set(self.merge_left.get().saturating_sub(used));
    }

    /// What a passage's mask must be for the query to match it
    /// ([`Rule`]; nothing, for an index without masks).
    pub(super) fn rule(&self) -> Rule {
        if self.index.grams.is_empty() {
            return Rule::default();
        }
        Rule::of(&self.query, &self.index.grams)
    }

    /// The [`Session::rule`] a cold plan's candidates are checked by
    /// before their texts are read, if it can rule out what the index
    /// did not: an excluded gram, or a required common character alone
    /// (left to the text: [`crate::corpus::lookup::common`]).
    pub(super) fn checking_rule(&self) -> Rule {
        let rule = self.rule();
        let unchecked = self
            .query
            .required()
            .any(|t| crate::corpus::lookup::common(t, &self.index.keys));
        if rule.not != 0 || unchecked {
            rule
        } else {
            Rule::default()
        }
    }

    /// Reads the passages of `ps` not yet read, and the cards of their
    /// transcripts not yet read (as [`Session::read_kept`], all kept).
    pub(super) async fn read_passages(&mut self, ps: &[PassageId]) -> Result<(), SourceError> {
        self.read_kept(ps, Rule::default()).await
    }

    /// Reads the passages of `ps` not yet read whose masks `rule` keeps,
    /// and the cards of their transcripts not yet read: where the
    /// transcripts are (one step, if any is not placed), then the
    /// passages' `pidx` entries and masks, then their texts and every
    /// card of a transcript with a passage kept, side by side (two round
    /// trips). A passage ruled out is not kept in `texts`.
    pub(super) async fn read_kept(
        &mut self,
        ps: &[PassageId],
        rule: Rule,
    ) -> Result<(), SourceError> {
        let mut by_doc: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for &(d, p) in ps {
            if !self.texts.contains_key(&(d, p)) {
                by_doc.entry(d).or_default().push(p);
            }
        }
        let docs: Vec<u32> = ps
            .iter()
            .map(|(d, _)| *d)
            .collect::<BTreeSet<u32>>()
            .into_iter()
            .collect();
        let unplaced: Vec<u32> = docs
            .iter()
            .copied()
            .filter(|d| !self.at.contains_key(d))
            .collect();
        if !unplaced.is_empty() {
            let spare = self.spare();
            let was = spare.get();
            let placed = self.index.places_within(&unplaced, &spare).await?;
            self.merged(was, &spare);
            self.at.extend(placed);
        }
        let uncarded: Vec<u32> = docs
            .iter()
            .copied()
            .filter(|d| !self.cards.contains_key(d))
            .collect();
        for list in by_doc.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        let index = self.index.clone();
        let at = &self.at;
        let wanted: Vec<(&DocAt, &[u32])> = by_doc
            .iter()
            .map(|(d, list)| (&at[d], list.as_slice()))
            .collect();
        let spare = self.spare();
        let was = spare.get();
        let entries = index.kept_entries(&wanted, rule, &spare).await?;
        self.merged(was, &spare);
        // The cards of the transcripts with a passage kept, or of every
        // transcript asked for with none of its passages to read (they
        // are read already: showing them needs their cards).
        let keeps = |d: &u32| {
            by_doc
                .keys()
                .position(|x| x == d)
                .is_none_or(|i| entries[i].iter().any(Option::is_some))
        };
        let uncarded: Vec<u32> = uncarded.into_iter().filter(|d| keeps(d)).collect();
        let card_ats: Vec<DocAt> = uncarded.iter().map(|d| at[d].clone()).collect();
        let spare = self.spare();
        let was = spare.get();
        let (texts, cards) = index.texts_and_cards(&entries, &card_ats, &spare).await?;
        self.merged(was, &spare);
        for (d, c) in uncarded.into_iter().zip(cards) {
            self.cards.insert(d, c);
        }
        for ((d, list), read) in by_doc.into_iter().zip(texts) {
            for (p, t) in list.into_iter().zip(read) {
                if let Some(t) = t {
                    self.texts.insert((d, p), t);
                }
            }
        }
        Ok(())
    }
}
