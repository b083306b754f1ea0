//! Corpus search, in steps that need no I/O of their own, so the
//! command line (files) and the page (fetches) share them:
//! 1. [`pages_needed`]: the directory pages that hold the query's keys
//!    ([`Directory`]);
//! 2. [`windows`]: from which transcript on to look, newest first: a
//!    query sorted by date reads only the newest posting blocks, and
//!    older ones while it has fewer results than it shows;
//! 3. [`blocks_needed`] and [`find`]: the passages, in the transcripts
//!    from the window's first on, that contain every required term and
//!    no excluded one, with where each term occurs;
//! 4. [`Found::results`]: filtered by the transcripts' records, sorted,
//!    counted per transcript, per year and per speaker.

use super::catalog::Record;
use super::identity::{Identity, Kind};
use super::index::postings::Posting;
use super::query::{Query, Term};
use crate::model::Role;
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use super::lookup::{
    blocks_needed, lead_blocks, pages_needed, scans_first, scope, windows, Blocks, Directory,
    Scope, SearchError, SCAN_PAGES,
};
use super::lookup::{impossible, narrow, postings_of};

/// A passage: its transcript's number and its own within it.
pub type PassageId = (u32, u32);

/// A match in a passage: its folded start and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub len: u32,
}

/// The passages that match, before filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Each matching passage with its matches (of every required term,
    /// none overlapping another of the same term), in order.
    pub passages: BTreeMap<PassageId, Vec<Span>>,
}

/// Finds the passages in `scope` that match `query`, once
/// [`blocks_needed`] names no more blocks to read.
pub fn find(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
) -> Result<Found, SearchError> {
    if impossible(query, dir)? {
        return Ok(Found::default());
    }
    // Where a match is left, by the keys read rarest first.
    let (narrowed, need) = narrow(query, dir, blocks, scope)?;
    if let Some(b) = need.as_ref().and_then(|n| n.first()) {
        return Err(SearchError::MissingBlock(b.at));
    }
    let scope = &narrowed;
    let occurrences = |t: &Term| occurrences_of(t, dir, blocks, scope);
    // Required terms, rarest first, each narrowing the passages.
    let mut per_term: Vec<(u32, BTreeMap<PassageId, Vec<u32>>)> = Vec::new();
    for t in query.required() {
        per_term.push((t.folded.len() as u32, by_passage(occurrences(t)?)));
    }
    per_term.sort_by_key(|(_, m)| m.len());
    let mut passages: BTreeMap<PassageId, Vec<Span>> = BTreeMap::new();
    if let Some((_, first)) = per_term.first() {
        for id in first.keys() {
            if per_term.iter().all(|(_, m)| m.contains_key(id)) {
                passages.insert(*id, Vec::new());
            }
        }
    }
    for t in query.excluded() {
        if passages.is_empty() {
            break;
        }
        for p in occurrences(t)? {
            passages.remove(&(p.doc, p.passage));
        }
    }
    for (id, spans) in passages.iter_mut() {
        for (len, m) in &per_term {
            let mut next = 0;
            for &start in &m[id] {
                if start >= next {
                    spans.push(Span { start, len: *len });
                    next = start + len;
                }
            }
        }
        spans.sort_unstable();
    }
    Ok(Found { passages })
}

fn by_passage(ps: Vec<Posting>) -> BTreeMap<PassageId, Vec<u32>> {
    let mut m: BTreeMap<PassageId, Vec<u32>> = BTreeMap::new();
    for p in ps {
        m.entry((p.doc, p.passage)).or_default().push(p.pos);
    }
    m
}

/// Where a folded term starts, in order, in `scope`.
fn occurrences_of(
    term: &Term,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
) -> Result<Vec<Posting>, SearchError> {
    let keys = dir.cover(term)?;
    if term.folded.len() == 1 {
        // Every key that starts with the character.
        let mut all = Vec::new();
        for (_, _, of) in keys {
            all.extend(postings_of(blocks, of, scope)?);
        }
        all.sort_unstable();
        return Ok(all);
    }
    let mut lists = Vec::with_capacity(keys.len());
    let mut offsets = Vec::with_capacity(keys.len());
    for (off, _, of) in keys {
        let list = postings_of(blocks, of, scope)?;
        if list.is_empty() {
            return Ok(Vec::new());
        }
        lists.push(list);
        offsets.push(off);
    }
    // Starts of the rarest bigram, kept where every other bigram of the
    // cover follows at its offset.
    let pivot = (0..lists.len())
        .min_by_key(|&i| lists[i].len())
        .unwrap_or(0);
    let shifted = |i: usize| -> Vec<Posting> {
        let off = offsets[i];
        lists[i]
            .iter()
            .filter(|p| p.pos >= off)
            .map(|p| Posting {
                pos: p.pos - off,
                ..*p
            })
            .collect()
    };
    let mut starts = shifted(pivot);
    let mut order: Vec<usize> = (0..lists.len()).filter(|&i| i != pivot).collect();
    order.sort_by_key(|&i| lists[i].len());
    for i in order {
        if starts.is_empty() {
            break;
        }
        starts = intersect(&starts, &shifted(i));
    }
    Ok(starts)
}
fn intersect(a: &[Posting], b: &[Posting]) -> Vec<Posting> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// What narrows the results: all given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Said by this speaker.
    pub speaker: Option<Identity>,
    /// Said by a speaker of this role.
    pub role: Option<Role>,
    /// In a transcript of this organiser (folded, compared whole).
    pub organiser: Option<String>,
    /// Dated on or after (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Dated on or before.
    pub to: Option<String>,
}

impl Filters {
    fn dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    fn keeps_doc(&self, r: &Record) -> bool {
        if let Some(o) = &self.organiser {
            let fold = super::fold::fold_str;
            if r.organiser.as_deref().map(fold) != Some(fold(o)) {
                return false;
            }
        }
        if self.dated() {
            let Some(d) = r.date.as_deref() else {
                return false;
            };
            if self.from.as_deref().is_some_and(|f| d < f) {
                return false;
            }
            // `2020` and `2020-04` take in the whole year and month.
            if self
                .to
                .as_deref()
                .is_some_and(|t| d > t && !d.starts_with(t))
            {
                return false;
            }
        }
        true
    }

    fn keeps_passage(&self, r: &Record, passage: u32) -> bool {
        if self.speaker.is_none() && self.role.is_none() {
            return true;
        }
        let Some(who) = r.speaker_of(passage) else {
            return false;
        };
        // The person, or (where an editor's list joins names) the name
        // as this transcript labels them.
        self.speaker.as_ref().is_none_or(|id| {
            who.identity.as_ref() == Some(id)
                || who
                    .identity
                    .as_ref()
                    .is_some_and(|w| w.kind == Kind::Person)
                    && super::identity::key(&who.name) == id.key
        }) && self.role.is_none_or(|role| who.role == role)
    }
}

/// The order of the results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest transcript first, each in reading order.
    #[default]
    Date,
    /// Transcripts with more matches first, then newest.
    Relevance,
}

/// A matching transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptHits {
    pub doc: u32,
    pub passages: usize,
    pub hits: usize,
}

/// The answer to a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// Every matching passage, in order, with its matches.
    pub passages: Vec<(PassageId, Vec<Span>)>,
    /// Every matching transcript, in the same order.
    pub transcripts: Vec<TranscriptHits>,
    /// Matches in all.
    pub hits: usize,
    /// Matches per year of the transcripts' dates (undated left out).
    pub years: BTreeMap<String, usize>,
    /// Matches per speaker, most first (voices without an identity left
    /// out).
    pub speakers: Vec<(Identity, String, usize)>,
}

impl Found {
    /// The transcripts whose records [`Found::results`] needs.
    pub fn docs(&self) -> BTreeSet<u32> {
        self.passages.keys().map(|(d, _)| *d).collect()
    }

    /// Filters and sorts, with the records of (at least) [`Found::docs`].
    pub fn results(
        &self,
        records: &HashMap<u32, Record>,
        filters: &Filters,
        sort: Sort,
    ) -> Results {
        let mut per_doc: BTreeMap<u32, Vec<(PassageId, &Vec<Span>)>> = BTreeMap::new();
        // Passages come transcript by transcript: each transcript's
        // filters are read once.
        let mut doc_kept: Option<(u32, bool)> = None;
        for (&id, spans) in &self.passages {
            let Some(r) = records.get(&id.0) else {
                continue;
            };
            let kept = match doc_kept {
                Some((d, k)) if d == id.0 => k,
                _ => filters.keeps_doc(r),
            };
            doc_kept = Some((id.0, kept));
            if kept && filters.keeps_passage(r, id.1) {
                per_doc.entry(id.0).or_default().push((id, spans));
            }
        }
        let mut docs: Vec<(u32, usize)> = per_doc
            .iter()
            .map(|(d, ps)| (*d, ps.iter().map(|(_, s)| s.len()).sum()))
            .collect();
        match sort {
            Sort::Date => docs.sort_by(|a, b| b.0.cmp(&a.0)),
            Sort::Relevance => docs.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0))),
        }
        let mut out = Results::default();
        let mut speakers: HashMap<Identity, (String, usize)> = HashMap::new();
        for (doc, hits) in docs {
            let ps = &per_doc[&doc];
            let r = &records[&doc];
            out.hits += hits;
            if let Some(y) = r.date.as_deref().and_then(|d| d.get(..4)) {
                *out.years.entry(y.to_string()).or_default() += hits;
            }
            for ((_, p), spans) in ps {
                let who = r.speaker_of(*p);
                if let Some((id, name)) = who.and_then(|w| Some((w.identity.clone()?, &w.name))) {
                    let e = speakers.entry(id).or_insert_with(|| (name.clone(), 0));
                    e.1 += spans.len();
                }
            }
            out.transcripts.push(TranscriptHits {
                doc,
                passages: ps.len(),
                hits,
            });
            out.passages
                .extend(ps.iter().map(|(id, spans)| (*id, (*spans).clone())));
        }
        out.speakers = speakers
            .into_iter()
            .map(|(id, (n, c))| (id, n, c))
            .collect();
        out.speakers
            .sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        out
    }
}
