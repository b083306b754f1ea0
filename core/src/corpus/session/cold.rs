//! A query's session: its first results with nothing cached, then every
//! result, each block, page and record read once.

use super::join;
use super::source::{Remote, Source, SourceError};
use crate::corpus::catalog::Record;
use crate::corpus::folder::{Card, DocAt, PassageText};
use crate::corpus::index::mask::Rule;
use crate::corpus::index::Block;
use crate::corpus::query::Query;
use crate::corpus::search::{
    self, Blocks, Directory, Filters, Found, PassageId, Results, Sort, Span,
};
use crate::corpus::{cold, scan};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

/// How many transcripts a cold query reads first, of those where its
/// lead key is.
const FIRST_DOCS: usize = 4;

/// A batch of passages to check is at most this many times the results
/// still wanted, however few of those read so far matched.
pub(super) const AHEAD: usize = 4;

/// With masks that rule candidates out ([`Session::checking_rule`]), a
/// batch is at most this many times the results still wanted.
const MASK_AHEAD: usize = 16;

/// Of a scope's transcripts, the newest this many are placed (their
/// `cidx` entries read) while the keys' blocks are read: the passages to
/// check are most often in them.
const PLACE_AHEAD: usize = 32;

/// A window of at most this many transcripts is placed (their `cidx`
/// entries, 24 bytes each, in one range) beside the lead's blocks.
const GUESS_PLACES: u32 = 128;

fn failed(e: impl std::fmt::Display) -> SourceError {
    SourceError(e.to_string())
}

/// A query's first results: the passages, in the order the whole search
/// gives them, with their matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct First {
    pub passages: Vec<(PassageId, Vec<Span>)>,
    /// Scopes tried (or chunks of passages scanned) to find them.
    pub tried: usize,
}

/// One query over an index: what it has read so far is kept, so every
/// result after the first ones reads only what is left.
pub struct Session<S> {
    pub index: Rc<Remote<S>>,
    pub query: Query,
    pub filters: Filters,
    pub sort: Sort,
    /// The directory pages read so far.
    dir: Directory,
    blocks: Blocks,
    pub(super) at: HashMap<u32, DocAt>,
    /// The records read, for filters, sorting and the trends.
    pub records: HashMap<u32, Record>,
    pub(super) cards: HashMap<u32, Card>,
    /// Passages already read (by a scan), so showing them reads nothing.
    pub(super) texts: HashMap<PassageId, PassageText>,
    /// Candidates read and checked that do not match: a later
    /// [`Session::first`] (more results after a few) does not read them
    /// again.
    no_match: std::collections::HashSet<PassageId>,
    /// Where a scan of the newest passages stands ([`Session::first_scan`]).
    pub(super) scan: super::scan_cursor::ScanCursor,
    /// The masks read by a cold plan, and its rule.
    pub(super) masks: cold::Masks,
    /// The index's bytes read when the session began.
    pub(super) began: u64,
    /// Bytes the query may still read between ranges to save requests
    /// ([`Session::spare`]).
    pub(super) merge_left: std::cell::Cell<u64>,
    /// Every match, once a cold plan has checked every passage where one
    /// may be (it found fewer than it shows): [`Session::found`] reads
    /// nothing more.
    every: Option<Found>,
}

impl<S: Source> Session<S> {
    pub fn new(index: Rc<Remote<S>>, query: Query, mut filters: Filters, sort: Sort) -> Self {
        // A speaker by any of their names: the person, where the
        // index's list joins names.
        filters.speaker = filters
            .speaker
            .map(|id| super::super::aliases::resolve(&index.meta.aliases, &id));
        Session {
            dir: Directory::new(index.keys.clone()).with_scripts(index.meta.scripts()),
            began: index.bytes_read(),
            merge_left: std::cell::Cell::new(super::step::QUERY_MERGE_BYTES),
            index,
            query,
            filters,
            sort,
            blocks: Blocks::default(),
            at: HashMap::new(),
            records: HashMap::new(),
            cards: HashMap::new(),
            texts: HashMap::new(),
            no_match: std::collections::HashSet::new(),
            scan: Default::default(),
            masks: cold::Masks::default(),
            every: None,
        }
    }

    fn filtered(&self) -> bool {
        self.filters != Filters::default()
    }

    /// The directory pages the whole search needs, each read once.
    async fn directory(&mut self) -> Result<Directory, SourceError> {
        self.read_pages(search::pages_needed(&self.query, &self.index.keys))
            .await?;
        Ok(self.dir.clone())
    }

    /// Reads the directory pages not yet read of `ps`, side by side.
    async fn read_pages(&mut self, ps: Vec<usize>) -> Result<(), SourceError> {
        let want: Vec<usize> = ps.into_iter().filter(|&i| !self.dir.has_page(i)).collect();
        let index = self.index.clone();
        let read = join::all(want.iter().map(|&i| index.page(i)).collect()).await;
        for (i, page) in want.into_iter().zip(read) {
            self.dir.add_page(i, page?);
        }
        Ok(())
    }

    /// Reads the blocks not yet read of `bs`, side by side.
    async fn read_blocks(&mut self, bs: Vec<Block>) -> Result<(), SourceError> {
        let mut want: Vec<Block> = Vec::new();
        for b in bs {
            if !self.blocks.has(&b) && !want.contains(&b) {
                want.push(b);
            }
        }
        let index = self.index.clone();
        let read = join::all(want.iter().map(|b| index.block(b)).collect()).await;
        for (b, bytes) in want.iter().zip(read) {
            self.blocks
                .add(b, &bytes?)
                .map_err(|e| SourceError(format!("post: {e}")))?;
        }
        Ok(())
    }

    /// Where to search in transcripts `from` on: the lead key's blocks
    /// read.
    async fn scope_from(
        &mut self,
        dir: &Directory,
        from: u32,
    ) -> Result<search::Scope, SourceError> {
        let lead = search::lead_blocks(&self.query, dir, from).map_err(failed)?;
        self.read_blocks(lead).await?;
        search::scope(&self.query, dir, &self.blocks, from).map_err(failed)
    }

    /// The passages that match in `scope`: the other keys' blocks read,
    /// rarest first, each where a match is still possible.
    async fn find_in(
        &mut self,
        dir: &Directory,
        scope: &search::Scope,
    ) -> Result<Found, SourceError> {
        loop {
            let need =
                search::blocks_needed(&self.query, dir, &self.blocks, scope).map_err(failed)?;
            if need.is_empty() {
                break;
            }
            self.read_blocks(need).await?;
        }
        search::find(&self.query, dir, &self.blocks, scope).map_err(failed)
    }

    /// Where transcript `d`'s parts are, read once.
    pub async fn at(&mut self, d: u32) -> Result<DocAt, SourceError> {
        if let Some(at) = self.at.get(&d) {
            return Ok(at.clone());
        }
        let at = self.index.doc(d).await?;
        self.at.insert(d, at.clone());
        Ok(at)
    }

    /// Reads the records of `docs` not yet read: transcripts near each
    /// other in one range of `cidx`, next to each other in one of `rec`
    /// (a common word's transcripts are most of them: a few requests, not
    /// two each), each step's ranges side by side.
    pub async fn read_records(
        &mut self,
        docs: impl IntoIterator<Item = u32>,
    ) -> Result<(), SourceError> {
        let mut want: Vec<u32> = docs
            .into_iter()
            .filter(|d| !self.records.contains_key(d))
            .collect();
        want.sort_unstable();
        want.dedup();
        let unplaced: Vec<u32> = want
            .iter()
            .copied()
            .filter(|d| !self.at.contains_key(d))
            .collect();
        let placed = self.index.places(&unplaced).await?;
        self.at.extend(placed);
        let index = self.index.clone();
        let runs = runs(&want);
        let read = join::all(
            runs.iter()
                .map(|run| {
                    let ats: Vec<DocAt> = run.clone().map(|d| self.at[&d].clone()).collect();
                    let index = index.clone();
                    async move { index.records(&ats).await }
                })
                .collect(),
        )
        .await;
        for (run, rs) in runs.into_iter().zip(read) {
            for (d, r) in run.zip(rs?) {
                self.records.insert(d, r);
            }
        }
        Ok(())
    }

    /// Transcript `d`'s card, read once.
    pub async fn card(&mut self, d: u32) -> Result<Card, SourceError> {
        if let Some(c) = self.cards.get(&d) {
            return Ok(c.clone());
        }
        let at = self.at(d).await?;
        let c = self.index.card(&at).await?;
        self.cards.insert(d, c.clone());
        Ok(c)
    }

    /// Every passage that matches, before filters: every block of every
    /// key the query needs.
    pub async fn found(&mut self) -> Result<Found, SourceError> {
        if let Some(every) = &self.every {
            return Ok(every.clone());
        }
        let dir = self.directory().await?;
        let scope = self.scope_from(&dir, 0).await?;
        self.find_in(&dir, &scope).await
    }

    /// Every result, filtered, sorted and counted (per transcript, year
    /// and speaker): [`Session::found`] and the records of its
    /// transcripts.
    pub async fn results(&mut self) -> Result<Results, SourceError> {
        let found = self.found().await?;
        self.read_records(found.docs()).await?;
        Ok(found.results(&self.records, &self.filters, self.sort))
    }

    /// The first `limit` results, as [`Session::results`] orders them,
    /// read as a page with nothing cached would: the directory pages, the
    /// newest posting blocks (older ones while it has fewer than `limit`
    /// results); common characters alone scan the newest passages.
    pub async fn first(&mut self, limit: usize) -> Result<First, SourceError> {
        if !self.filtered()
            && self.sort == Sort::Date
            && search::scans_first(&self.query, &self.index.keys)
        {
            return self.first_scan(limit).await;
        }
        if !self.filtered() && self.sort == Sort::Date {
            return self.first_checked(limit).await;
        }
        let dir = self.directory().await?;
        // Relevance counts every match first: it reads them all.
        let windows = match self.sort {
            Sort::Date => search::windows(&self.query, &dir).map_err(failed)?,
            Sort::Relevance => vec![0],
        };
        let mut first = Vec::new();
        let mut tried = 0;
        'windows: for &from in &windows {
            let whole = self.scope_from(&dir, from).await?;
            // The newest few transcripts where the lead key is, then four
            // times as many, until the scope has enough results.
            // Relevance ranks every matching transcript: its scope is
            // the whole.
            let relevance = self.sort == Sort::Relevance;
            let mut k = FIRST_DOCS;
            loop {
                tried += 1;
                let scope = if relevance {
                    whole.clone()
                } else {
                    whole.newest(k)
                };
                let found = self.find_in(&dir, &scope).await?;
                first = if self.filtered() || self.sort == Sort::Relevance {
                    // Filters read the records of the transcripts found.
                    self.read_records(found.docs()).await?;
                    found
                        .results(&self.records, &self.filters, self.sort)
                        .passages
                } else {
                    newest_first(found)
                };
                if first.len() >= limit {
                    break 'windows;
                }
                if relevance || whole.len().is_none_or(|n| k >= n) {
                    break;
                }
                k *= 4;
            }
        }
        first.truncate(limit);
        Ok(First {
            passages: first,
            tried,
        })
    }

    /// The first `limit` results in the default view (newest first, no
    /// filters), as [`cold`] plans them: the directory pages of the keys
    /// worth reading, the rarest keys' blocks, then the passages where a
    /// match is still possible, read and checked by a scan, until
    /// `limit` match. Each passage read is one it may show (kept for
    /// [`Session::hits`]); each step's reads go side by side.
    async fn first_checked(&mut self, limit: usize) -> Result<First, SourceError> {
        if limit == 0 {
            return Ok(First::default());
        }
        self.read_pages(cold::pages_needed(&self.query, &self.index.keys))
            .await?;
        let per_passage = self.index.meta.passage_bytes();
        self.masks.rule = self.checking_rule();
        // With masks that rule candidates out, a candidate costs its mask
        // and entry before its text: many more at a time.
        let ahead = if self.checking_rule().rules() {
            MASK_AHEAD
        } else {
            AHEAD
        };
        let mut checked = std::collections::HashSet::new();
        // Passages read and checked so far, and those that matched.
        let (mut read, mut matched) = (0usize, 0usize);
        let mut first: Vec<(PassageId, Vec<Span>)> = Vec::new();
        let mut tried = 0;
        'windows: for from in cold::windows(&self.query, &self.dir, limit) {
            let lead = cold::lead_blocks(&self.query, &self.dir, from);
            // Where the window's transcripts are, read beside the lead's
            // blocks if there are few of them (a common lead's newest
            // window): the passages to check are there, and placing them
            // after the blocks would be a round trip of its own.
            let docs = self.index.meta.docs;
            let guess: Vec<u32> = if docs.saturating_sub(from) <= GUESS_PLACES {
                (from..docs).filter(|d| !self.at.contains_key(d)).collect()
            } else {
                Vec::new()
            };
            let index = self.index.clone();
            let spare = self.spare();
            let was = spare.get();
            let (blocks, placed) =
                join::both(self.read_blocks(lead), index.places_within(&guess, &spare)).await;
            blocks?;
            self.at.extend(placed?);
            self.merged(was, &spare);
            let whole = cold::scope(&self.query, &self.dir, &self.blocks, from).map_err(failed)?;
            // The newest transcripts where the lead key is that hold as
            // many of its passages as results are wanted (at least a
            // few), then four times as many, until the scope has enough
            // results.
            let held = cold::newest_holding(
                &self.query,
                &self.dir,
                &self.blocks,
                from,
                limit - first.len(),
            )
            .map_err(failed)?;
            let mut k = held.max(FIRST_DOCS);
            loop {
                tried += 1;
                let scope = whole.newest(k);
                // Where the scope's newest transcripts are, read beside
                // the keys' blocks: the passages left to check are there.
                let mut unplaced: Vec<u32> = scope
                    .docs
                    .iter()
                    .flat_map(|ds| ds.iter().rev().take(PLACE_AHEAD))
                    .copied()
                    .filter(|d| !self.at.contains_key(d))
                    .collect();
                unplaced.reverse();
                let index = self.index.clone();
                let spare = self.spare();
                let was = spare.get();
                let (placed, walked) = join::both(
                    index.places_within(&unplaced, &spare),
                    self.walk(&scope, per_passage),
                )
                .await;
                walked?;
                self.at.extend(placed?);
                self.merged(was, &spare);
                let cands = cold::candidates(
                    &self.query,
                    &self.dir,
                    &self.blocks,
                    &scope,
                    per_passage,
                    &self.masks,
                )
                .map_err(failed)?;
                let mut left: Vec<PassageId> =
                    cands.into_iter().filter(|id| checked.insert(*id)).collect();
                // As many at a time as results are still wanted, at
                // first: were all of them matches, the first `limit` would
                // be complete, so none is read that one at a time would
                // not read. Then as many as the share of matches so far
                // says are needed (at most [`AHEAD`] times as many): a
                // round trip per batch, not per few results.
                while !left.is_empty() {
                    let wanted = limit - first.len();
                    let n = if read == 0 {
                        wanted
                    } else {
                        (wanted * read).div_ceil(matched.max(1)).min(wanted * ahead)
                    }
                    .min(left.len());
                    let batch: Vec<PassageId> = left.drain(..n).collect();
                    let found = self.check(&batch).await?;
                    read += batch.len();
                    matched += found.len();
                    first.extend(found);
                    if first.len() >= limit {
                        break 'windows;
                    }
                }
                if whole.len().is_none_or(|n| k >= n) {
                    break;
                }
                // Four times as many transcripts, or as many as the share
                // found so far says hold the results wanted.
                let needed = (k * limit).div_ceil(first.len().max(1));
                k = needed.max(k * 4);
            }
        }
        // Every window read to the whole of the last, where every match
        // is, and every candidate there checked: these are all the
        // matches (a query of fewer than `limit`, or of none).
        if first.len() < limit {
            self.every = Some(Found {
                passages: first.iter().cloned().collect(),
            });
        }
        first.sort_by(|(x, _), (y, _)| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        first.truncate(limit);
        Ok(First {
            passages: first,
            tried,
        })
    }

    /// Reads what the cold plan needs in `scope` until it can name the
    /// passages left ([`cold::next_read`]), each step's reads side by
    /// side.
    async fn walk(&mut self, scope: &search::Scope, per_passage: u64) -> Result<(), SourceError> {
        while let Some(need) = cold::next_read(
            &self.query,
            &self.dir,
            &self.blocks,
            scope,
            per_passage,
            &self.masks,
        )
        .map_err(failed)?
        {
            match need {
                cold::Need::Pages(ps) => self.read_pages(ps).await?,
                cold::Need::Blocks(bs) => self.read_blocks(bs).await?,
                cold::Need::Masks(ps) => self.read_masks(&ps).await?,
            }
        }
        Ok(())
    }

    /// Reads passages `ps` and scans each: the matches, in the order of
    /// `ps`, their texts kept for [`Session::hits`]. Their transcripts
    /// are placed first if they are not yet; then their passages are read
    /// together ([`Remote::passages_across`]), beside the cards of those
    /// transcripts ([`Remote::cards`]), which showing a match needs.
    async fn check(
        &mut self,
        ps: &[PassageId],
    ) -> Result<Vec<(PassageId, Vec<Span>)>, SourceError> {
        // Those checked already that did not match are not read again.
        let ps: Vec<PassageId> = ps
            .iter()
            .copied()
            .filter(|id| !self.no_match.contains(id))
            .collect();
        // Masks the plan read already ruled these in.
        let rule = if ps.iter().all(|p| self.masks.of.contains_key(p)) {
            Rule::default()
        } else {
            self.checking_rule()
        };
        self.read_kept(&ps, rule).await?;
        let mut out = Vec::new();
        for (d, p) in ps {
            // Not read: its mask ruled it out.
            let Some(t) = self.texts.get(&(d, p)) else {
                self.no_match.insert((d, p));
                continue;
            };
            let found = scan::find_in(&self.query, d, p, &[t.text.as_str()]);
            match found.passages.into_iter().next() {
                Some((_, spans)) => out.push(((d, p), spans)),
                None => {
                    self.texts.remove(&(d, p));
                    self.no_match.insert((d, p));
                }
            }
        }
        Ok(out)
    }
}

/// Runs of consecutive numbers in `sorted`, each as an inclusive range.
fn runs(sorted: &[u32]) -> Vec<std::ops::RangeInclusive<u32>> {
    let mut out: Vec<std::ops::RangeInclusive<u32>> = Vec::new();
    for &d in sorted {
        match out.last_mut() {
            Some(r) if *r.end() + 1 == d => *r = *r.start()..=d,
            _ => out.push(d..=d),
        }
    }
    out
}

/// Newest transcript first, each in reading order.
fn newest_first(found: Found) -> Vec<(PassageId, Vec<Span>)> {
    let mut ps: Vec<_> = found.passages.into_iter().collect();
    ps.sort_by(|(x, _), (y, _)| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    ps
}

/// The transcripts of `passages`, each once, in order of first place.
pub fn docs_of(passages: &[(PassageId, Vec<Span>)]) -> Vec<u32> {
    let mut seen = BTreeSet::new();
    passages
        .iter()
        .map(|((d, _), _)| *d)
        .filter(|d| seen.insert(*d))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn runs_of_consecutive_transcripts() {
        assert_eq!(
            super::runs(&[1, 2, 3, 7, 9, 10]),
            vec![1..=3, 7..=7, 9..=10]
        );
        assert!(super::runs(&[]).is_empty());
    }
}
