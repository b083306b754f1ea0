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
use super::identity::Identity;
use super::index::dir::{KeyTable, Page};
use super::index::postings::{self, Posting};
use super::index::{Block, FormatError, Key};
use super::query::{Query, Term};
use crate::model::Role;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A term's keys: its bigrams, or every key that starts with its one
/// character.
enum Keys {
    Pairs(Vec<Key>),
    Starting(Key, Key),
}

fn keys_of(t: &Term) -> Keys {
    match t.folded.as_slice() {
        [c] => {
            let (a, b) = Key::starting_with(*c);
            Keys::Starting(a, b)
        }
        cs => Keys::Pairs(cs.windows(2).map(|w| Key::pair(w[0], w[1])).collect()),
    }
}

/// The directory pages a query reads, in order.
pub fn pages_needed(query: &Query, table: &KeyTable) -> Vec<usize> {
    let mut out = BTreeSet::new();
    for t in &query.terms {
        match keys_of(t) {
            Keys::Starting(a, b) => out.extend(table.pages_between(a, b)),
            Keys::Pairs(ks) => out.extend(ks.into_iter().filter_map(|k| table.page_of(k))),
        }
    }
    out.into_iter().collect()
}

/// The key table and the directory pages read so far.
#[derive(Debug, Clone)]
pub struct Directory {
    pub table: KeyTable,
    pages: HashMap<usize, Page>,
}

impl Directory {
    pub fn new(table: KeyTable) -> Directory {
        Directory {
            table,
            pages: HashMap::new(),
        }
    }

    /// Adds page `i`, as read.
    pub fn add_page(&mut self, i: usize, page: Page) {
        self.pages.insert(i, page);
    }

    fn page(&self, i: usize) -> Result<&Page, SearchError> {
        self.pages.get(&i).ok_or(SearchError::MissingPage(i))
    }

    /// The blocks of `key`: none if the corpus never has it.
    fn blocks(&self, key: Key) -> Result<&[Block], SearchError> {
        let Some(i) = self.table.page_of(key) else {
            return Ok(&[]);
        };
        let page = self.page(i)?;
        Ok(page
            .binary_search_by_key(&key, |(k, _)| *k)
            .map_or(&[][..], |j| page[j].1.as_slice()))
    }

    /// Every key from `a` to `b` with its blocks.
    fn between(&self, a: Key, b: Key) -> Result<Vec<(Key, &[Block])>, SearchError> {
        let mut out = Vec::new();
        for i in self.table.pages_between(a, b) {
            for (k, blocks) in self.page(i)? {
                if (a..=b).contains(k) {
                    out.push((*k, blocks.as_slice()));
                }
            }
        }
        Ok(out)
    }

    /// A term's keys with their blocks (none for a key never seen).
    fn term_keys(&self, t: &Term) -> Result<Vec<(Key, &[Block])>, SearchError> {
        match keys_of(t) {
            Keys::Starting(a, b) => self.between(a, b),
            Keys::Pairs(ks) => ks.into_iter().map(|k| Ok((k, self.blocks(k)?))).collect(),
        }
    }
}

/// The blocks of a key that hold transcripts from `from` on.
fn blocks_from(blocks: &[Block], from: u32) -> &[Block] {
    // Block `i` holds transcripts up to the next one's first.
    let skip = blocks
        .windows(2)
        .take_while(|w| w[1].first_doc < from)
        .count();
    &blocks[skip..]
}

/// Whether a query is best answered first by reading the newest
/// transcripts' passages ([`super::scan::find_in`]) rather than the
/// index: it has only one-character terms, and the first is common (its
/// keys fill [`SCAN_PAGES`] directory pages or more, so reading its
/// postings would cost more than reading a few passages that have it).
/// Its totals still come from the index.
pub fn scans_first(query: &Query, table: &KeyTable) -> bool {
    let mut required = query.required();
    let Some(t) = required.next() else {
        return false;
    };
    if query.required().any(|t| t.folded.len() > 1) {
        return false;
    }
    match keys_of(t) {
        Keys::Starting(a, b) => table.pages_between(a, b).len() >= SCAN_PAGES,
        Keys::Pairs(_) => false,
    }
}

/// See [`scans_first`].
pub const SCAN_PAGES: usize = 2;

/// The key that leads a query: the rarest bigram of its required terms
/// of two or more characters (every match is where it is), if any.
fn lead<'d>(query: &Query, dir: &'d Directory) -> Result<Option<&'d [Block]>, SearchError> {
    let count = |b: &[Block]| b.iter().map(|b| u64::from(b.count)).sum::<u64>();
    let mut lead: Option<&[Block]> = None;
    for t in query.required().filter(|t| t.folded.len() > 1) {
        for (_, b) in dir.term_keys(t)? {
            if lead.is_none_or(|l| count(b) < count(l)) {
                lead = Some(b);
            }
        }
    }
    Ok(lead)
}

/// From which transcript on to look, newest first; the last is where
/// every match is (0, or the first transcript of the lead key). A query
/// that shows its first results reads the first window, and the next
/// while it has fewer results than it shows.
pub fn windows(query: &Query, dir: &Directory) -> Result<Vec<u32>, SearchError> {
    let (blocks, whole) = match lead(query, dir)? {
        Some(b) => (b, true),
        None => {
            // Characters alone: the most frequent key of the first.
            let mut most: &[Block] = &[];
            if let Some(t) = query.required().next() {
                for (_, b) in dir.term_keys(t)? {
                    if b.len() > most.len() {
                        most = b;
                    }
                }
            }
            (most, false)
        }
    };
    // The newest block, then twice as many each time.
    let mut out = Vec::new();
    let mut back = 1usize;
    while back < blocks.len() {
        out.push(blocks[blocks.len() - back].first_doc);
        back *= 2;
    }
    let last = if whole {
        blocks.first().map_or(0, |b| b.first_doc)
    } else {
        0
    };
    out.push(last);
    out.dedup();
    Ok(out)
}

/// Where a search looks: transcripts from `from` on, and of those only
/// `docs` where given (where the lead key is).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub from: u32,
    pub docs: Option<BTreeSet<u32>>,
}

impl Scope {
    /// Whether block `i` of `blocks` may hold a posting in scope.
    fn reads(&self, blocks: &[Block], i: usize) -> bool {
        let lo = blocks[i].first_doc;
        let hi = blocks.get(i + 1).map_or(u32::MAX, |b| b.first_doc);
        hi >= self.from
            && self
                .docs
                .as_ref()
                .is_none_or(|d| d.range(lo.max(self.from)..=hi).next().is_some())
    }

    /// The same scope narrowed to its newest `k` transcripts (where the
    /// lead key is): their matches are the newest of the whole scope.
    pub fn newest(&self, k: usize) -> Scope {
        Scope {
            from: self.from,
            docs: self
                .docs
                .as_ref()
                .map(|d| d.iter().rev().take(k).copied().collect()),
        }
    }

    /// How many transcripts it names, if it names them.
    pub fn len(&self) -> Option<usize> {
        self.docs.as_ref().map(BTreeSet::len)
    }

    fn keeps(&self, doc: u32) -> bool {
        doc >= self.from && self.docs.as_ref().is_none_or(|d| d.contains(&doc))
    }
}

/// The lead key's blocks from `from` on: read first, they narrow the
/// search to the transcripts where it is ([`scope`]).
pub fn lead_blocks(query: &Query, dir: &Directory, from: u32) -> Result<Vec<Block>, SearchError> {
    Ok(lead(query, dir)?.map_or_else(Vec::new, |b| blocks_from(b, from).to_vec()))
}

/// Where to search from `from` on, once the [`lead_blocks`] are read.
pub fn scope(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    from: u32,
) -> Result<Scope, SearchError> {
    let docs = match lead(query, dir)? {
        Some(b) => {
            let all = Scope { from, docs: None };
            Some(
                postings_of(blocks, b, &all)?
                    .iter()
                    .map(|p| p.doc)
                    .collect(),
            )
        }
        None => None,
    };
    Ok(Scope { from, docs })
}

/// Whether a required term has a key the corpus never has: then
/// nothing matches, and no block need be read.
fn impossible(query: &Query, dir: &Directory) -> Result<bool, SearchError> {
    for t in query.required() {
        if dir.term_keys(t)?.iter().all(|(_, b)| b.is_empty())
            || matches!(keys_of(t), Keys::Pairs(_))
                && dir.term_keys(t)?.iter().any(|(_, b)| b.is_empty())
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The posting blocks a query reads in `scope`.
pub fn blocks_needed(
    query: &Query,
    dir: &Directory,
    scope: &Scope,
) -> Result<Vec<Block>, SearchError> {
    let mut out: Vec<Block> = Vec::new();
    if impossible(query, dir)? {
        return Ok(out);
    }
    for t in &query.terms {
        for (_, blocks) in dir.term_keys(t)? {
            out.extend(
                (0..blocks.len())
                    .filter(|&i| scope.reads(blocks, i))
                    .map(|i| blocks[i]),
            );
        }
    }
    out.sort_by_key(|b| b.at);
    out.dedup();
    Ok(out)
}

/// Posting blocks read, by where they are in the postings.
#[derive(Debug, Clone, Default)]
pub struct Blocks(HashMap<u64, Vec<Posting>>);

impl Blocks {
    /// Adds block `b`, read as `bytes`.
    pub fn add(&mut self, b: &Block, bytes: &[u8]) -> Result<(), FormatError> {
        let ps = postings::read(bytes, b.count)?;
        if ps.first().is_some_and(|p| p.doc != b.first_doc) {
            return Err(FormatError(
                "a block does not start where the directory says",
            ));
        }
        self.0.insert(b.at, ps);
        Ok(())
    }

    pub fn has(&self, b: &Block) -> bool {
        self.0.contains_key(&b.at)
    }
}

/// Why a search could not be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchError {
    /// A directory page it needs was not given (not fetched, or missing).
    MissingPage(usize),
    /// A posting block it needs was not given.
    MissingBlock(u64),
    Format(FormatError),
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SearchError::MissingPage(i) => write!(f, "directory page {i} is missing"),
            SearchError::MissingBlock(at) => write!(f, "the posting block at {at} is missing"),
            SearchError::Format(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SearchError {}

impl From<FormatError> for SearchError {
    fn from(e: FormatError) -> Self {
        SearchError::Format(e)
    }
}

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

/// Finds the passages in `scope` that match `query`, from the blocks
/// [`blocks_needed`] names for it.
pub fn find(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
) -> Result<Found, SearchError> {
    if impossible(query, dir)? {
        return Ok(Found::default());
    }
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

/// The postings of a key's blocks in `scope`.
fn postings_of(blocks: &Blocks, of: &[Block], scope: &Scope) -> Result<Vec<Posting>, SearchError> {
    let mut out = Vec::new();
    for (i, b) in of.iter().enumerate() {
        if scope.reads(of, i) {
            let ps = blocks.0.get(&b.at).ok_or(SearchError::MissingBlock(b.at))?;
            out.extend(ps.iter().filter(|p| scope.keeps(p.doc)));
        }
    }
    Ok(out)
}

/// Where a folded term starts, in order, in `scope`.
fn occurrences_of(
    term: &Term,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
) -> Result<Vec<Posting>, SearchError> {
    let keys = dir.term_keys(term)?;
    if term.folded.len() == 1 {
        // Every key that starts with the character.
        let mut all = Vec::new();
        for (_, of) in keys {
            all.extend(postings_of(blocks, of, scope)?);
        }
        all.sort_unstable();
        return Ok(all);
    }
    let mut lists = Vec::with_capacity(keys.len());
    for (_, of) in keys {
        let list = postings_of(blocks, of, scope)?;
        if list.is_empty() {
            return Ok(Vec::new());
        }
        lists.push(list);
    }
    // Starts of the rarest bigram, kept where every other bigram follows
    // at its offset.
    let pivot = (0..lists.len())
        .min_by_key(|&i| lists[i].len())
        .unwrap_or(0);
    let shifted = |i: usize| -> Vec<Posting> {
        let off = i as u32;
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
        self.speaker
            .as_ref()
            .is_none_or(|id| who.identity.as_ref() == Some(id))
            && self.role.is_none_or(|role| who.role == role)
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
