//! What a query reads of the index, in steps that need no I/O of their
//! own (`search.rs` lists them): the directory pages of its keys,
//! the windows of transcripts to look in, newest first, and the posting
//! blocks of each.

use super::index::dir::{KeyTable, Page};
use super::index::postings::{self, Posting};
use super::index::script::Scripts;
use super::index::{Block, FormatError, Key};
use super::query::{Query, Term};
use std::collections::{BTreeSet, HashMap};

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

/// A term's keys: its bigrams, or every key that starts with its one
/// character.
pub(super) enum Keys {
    Pairs(Vec<Key>),
    Starting(Key, Key),
}

pub(super) fn keys_of(t: &Term) -> Keys {
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

/// Of a term's consecutive keys costing `cost` each (a key covers two
/// characters, the next key starts one later), the offsets of the
/// cheapest chain that covers every character, and of the rarest key,
/// cover or not: read first, it narrows where the others are read
/// (`這個公司`: 個公, then 這個 and 公司 only where it is). In order.
pub(super) fn cover_of(cost: &[u64]) -> Vec<usize> {
    // best[i]: the least cost of keys covering characters 0..=i+1
    // whose last is at offset i, and the one before it.
    let mut best: Vec<(u64, Option<usize>)> = Vec::with_capacity(cost.len());
    for i in 0..cost.len() {
        let before = (i.saturating_sub(2)..i).min_by_key(|&k| best[k].0);
        best.push((cost[i] + before.map_or(0, |k| best[k].0), before));
    }
    let mut chosen = BTreeSet::new();
    let mut at = cost.len().checked_sub(1);
    while let Some(i) = at {
        chosen.insert(i);
        at = best[i].1;
    }
    chosen.extend((0..cost.len()).min_by_key(|&i| cost[i]));
    chosen.into_iter().collect()
}

/// The key table and the directory pages read so far.
#[derive(Debug, Clone)]
pub struct Directory {
    pub table: KeyTable,
    pages: HashMap<usize, Page>,
    /// Each transcript's script, if the index names them: a cold query
    /// then reads each script's transcripts apart ([`super::cold`]).
    pub scripts: Scripts,
}

impl Directory {
    pub fn new(table: KeyTable) -> Directory {
        Directory {
            table,
            pages: HashMap::new(),
            scripts: Scripts::default(),
        }
    }

    /// The same, its transcripts' scripts `scripts`
    /// ([`super::index::Meta::scripts`]).
    pub fn with_scripts(self, scripts: Scripts) -> Directory {
        Directory { scripts, ..self }
    }

    /// Adds page `i`, as read.
    pub fn add_page(&mut self, i: usize, page: Page) {
        self.pages.insert(i, page);
    }

    /// Whether page `i` is read.
    pub fn has_page(&self, i: usize) -> bool {
        self.pages.contains_key(&i)
    }

    fn page(&self, i: usize) -> Result<&Page, SearchError> {
        self.pages.get(&i).ok_or(SearchError::MissingPage(i))
    }

    /// The blocks of `key` if its page is read (none if the corpus never
    /// has it); `None` if its page is not read.
    pub(super) fn known(&self, key: Key) -> Option<&[Block]> {
        let Some(i) = self.table.page_of(key) else {
            return Some(&[]);
        };
        let page = self.pages.get(&i)?;
        Some(
            page.binary_search_by_key(&key, |(k, _)| *k)
                .map_or(&[][..], |j| page[j].1.as_slice()),
        )
    }

    /// Every key from `a` to `b` with its blocks, if their pages are read.
    pub(super) fn known_between(&self, a: Key, b: Key) -> Option<Vec<(Key, &[Block])>> {
        self.between(a, b).ok()
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

    /// The keys a term is found by, each with its offset in the term and
    /// its blocks: every key of a character alone; of a longer term's
    /// bigrams, the fewest postings that still cover each of its
    /// characters (bigrams at offsets 0 and 2 of a four-character term
    /// check all four: a match needs each at its offset, so a common
    /// bigram between two rarer ones need not be read), and the rarest.
    pub(super) fn cover(&self, t: &Term) -> Result<Vec<(u32, Key, &[Block])>, SearchError> {
        let keys = self.term_keys(t)?;
        if t.folded.len() == 1 {
            return Ok(keys.into_iter().map(|(k, b)| (0, k, b)).collect());
        }
        let cost: Vec<u64> = keys.iter().map(|(_, b)| count(b)).collect();
        Ok(cover_of(&cost)
            .into_iter()
            .map(|i| (i as u32, keys[i].0, keys[i].1))
            .collect())
    }

    /// A term's keys with their blocks (none for a key never seen).
    pub(super) fn term_keys(&self, t: &Term) -> Result<Vec<(Key, &[Block])>, SearchError> {
        match keys_of(t) {
            Keys::Starting(a, b) => self.between(a, b),
            Keys::Pairs(ks) => ks.into_iter().map(|k| Ok((k, self.blocks(k)?))).collect(),
        }
    }
}

/// The blocks of a key that hold transcripts from `from` on.
pub(super) fn blocks_from(blocks: &[Block], from: u32) -> &[Block] {
    // Block `i` holds transcripts up to the next one's first.
    let skip = blocks
        .windows(2)
        .take_while(|w| w[1].first_doc < from)
        .count();
    &blocks[skip..]
}

/// Whether a query is best answered first by reading the newest
/// transcripts' passages ([`super::scan::find_in`]) rather than the
/// index: every term it requires is one common character (see
/// [`common`]: reading its postings would cost more than reading a few
/// passages that have it). Its totals still come from the index.
pub fn scans_first(query: &Query, table: &KeyTable) -> bool {
    query.required().all(|t| common(t, table))
}

/// Whether `t` is one character whose keys fill [`SCAN_PAGES`]
/// directory pages or more (the key table says, before any page is
/// read): a cold query checks it in the passages' text.
pub fn common(t: &Term, table: &KeyTable) -> bool {
    match keys_of(t) {
        Keys::Starting(a, b) => table.pages_between(a, b).len() >= SCAN_PAGES,
        Keys::Pairs(_) => false,
    }
}

/// See [`scans_first`].
pub const SCAN_PAGES: usize = 2;

pub(super) fn count(b: &[Block]) -> u64 {
    b.iter().map(|b| u64::from(b.count)).sum()
}

/// The key that leads a query: the rarest bigram of its required terms
/// of two or more characters (every match is where it is), if any.
fn lead<'d>(query: &Query, dir: &'d Directory) -> Result<Option<&'d [Block]>, SearchError> {
    let mut lead: Option<&[Block]> = None;
    for t in query.required().filter(|t| t.folded.len() > 1) {
        for (_, _, b) in dir.cover(t)? {
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

/// A lead's lists as one list of blocks of about [`super::index::BLOCK_BYTES`] each
/// (their blocks, newest first, taken together until they hold as many
/// bytes): a list cut by script ([`super::index::script`]) has small
/// blocks of a script's run of transcripts, and its windows are then as
/// wide as an uncut list's would be, not one run's.
pub(super) fn lead_bounds(lead: &[Vec<Block>]) -> Vec<Block> {
    let mut all: Vec<&Block> = lead.iter().flatten().collect();
    all.sort_by_key(|b| std::cmp::Reverse(b.first_doc));
    let mut out = Vec::new();
    let mut bytes = 0u64;
    for (i, b) in all.into_iter().enumerate() {
        bytes += u64::from(b.len);
        // The newest alone, as an uncut list's last block, and every
        // block of an uncut list (each but its last is BLOCK_BYTES or
        // more): the windows of a list not cut are what they were.
        if i == 0 || bytes >= super::index::BLOCK_BYTES as u64 / 2 {
            out.push(*b);
            bytes = 0;
        }
    }
    out.reverse();
    out
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
    pub(super) fn reads(&self, blocks: &[Block], i: usize) -> bool {
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

    pub(super) fn keeps(&self, doc: u32) -> bool {
        doc >= self.from && self.docs.as_ref().is_none_or(|d| d.contains(&doc))
    }
}

/// The lead key's blocks from `from` on: read first, they narrow the
/// search to the transcripts where it is ([`scope`]).
pub fn lead_blocks(query: &Query, dir: &Directory, from: u32) -> Result<Vec<Block>, SearchError> {
    Ok(lead(query, dir)?.map_or_else(Vec::new, |b| blocks_of_lead(&[b], from)))
}

/// Where to search from `from` on, once the [`lead_blocks`] are read
/// (everywhere, for characters alone: they have no lead).
pub fn scope(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    from: u32,
) -> Result<Scope, SearchError> {
    match lead(query, dir)? {
        Some(b) => scope_of_lead(&[b], blocks, from),
        None => Ok(Scope { from, docs: None }),
    }
}

/// The blocks from `from` on of a lead: the lists of the keys that
/// together hold every match (one key here; the words a word key's
/// range names in a cold plan, [`super::cold::lead_blocks`]).
pub(super) fn blocks_of_lead(lead: &[&[Block]], from: u32) -> Vec<Block> {
    lead.iter()
        .flat_map(|b| blocks_from(b, from).iter().copied())
        .collect()
}

/// The transcripts from `from` on where a lead (as [`blocks_of_lead`])
/// is, once its blocks are read.
pub(super) fn scope_of_lead(
    lead: &[&[Block]],
    blocks: &Blocks,
    from: u32,
) -> Result<Scope, SearchError> {
    let all = Scope { from, docs: None };
    let mut docs = BTreeSet::new();
    for b in lead {
        docs.extend(postings_of(blocks, b, &all)?.iter().map(|p| p.doc));
    }
    Ok(Scope {
        from,
        docs: Some(docs),
    })
}

/// Whether a required term has a key the corpus never has: then
/// nothing matches, and no block need be read.
pub(super) fn impossible(query: &Query, dir: &Directory) -> Result<bool, SearchError> {
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

/// The posting blocks a query reads next in `scope`, given those read:
/// none once `search::find` can answer. Each required term's
/// keys are read rarest first, each only in the transcripts where the
/// keys before it still leave a match possible (at their offsets); then
/// the rest (characters alone, exclusions) where a match is left.
pub fn blocks_needed(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
) -> Result<Vec<Block>, SearchError> {
    if impossible(query, dir)? {
        return Ok(Vec::new());
    }
    let (scope, need) = narrow(query, dir, blocks, scope)?;
    if let Some(need) = need {
        return Ok(need);
    }
    let mut out: Vec<Block> = Vec::new();
    for t in query
        .terms
        .iter()
        .filter(|t| t.exclude || t.folded.len() == 1)
    {
        for (_, _, b) in dir.cover(t)? {
            out.extend(unread(blocks, b, &scope));
        }
    }
    out.sort_by_key(|b| b.at);
    out.dedup();
    Ok(out)
}

/// The blocks of `of` that `scope` reads and that are not read yet.
pub(super) fn unread(blocks: &Blocks, of: &[Block], scope: &Scope) -> Vec<Block> {
    (0..of.len())
        .filter(|&i| scope.reads(of, i) && !blocks.has(&of[i]))
        .map(|i| of[i])
        .collect()
}

/// `scope` narrowed to the transcripts where every required term of two
/// or more characters may still match, by the keys read so far; or the
/// blocks of the next key to read.
pub(super) fn narrow(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
) -> Result<(Scope, Option<Vec<Block>>), SearchError> {
    let mut scope = scope.clone();
    for t in query.required().filter(|t| t.folded.len() > 1) {
        let mut keys = dir.cover(t)?;
        keys.sort_by_key(|(_, _, b)| count(b));
        let mut starts: Option<BTreeSet<(u32, u32, u32)>> = None;
        for (off, _, b) in keys {
            let need = unread(blocks, b, &scope);
            if !need.is_empty() {
                return Ok((scope, Some(need)));
            }
            let here: BTreeSet<(u32, u32, u32)> = postings_of(blocks, b, &scope)?
                .into_iter()
                .filter(|p| p.pos >= off)
                .map(|p| (p.doc, p.passage, p.pos - off))
                .collect();
            let kept = match starts {
                None => here,
                Some(s) => s.intersection(&here).copied().collect(),
            };
            scope.docs = Some(kept.iter().map(|s| s.0).collect());
            starts = Some(kept);
        }
    }
    Ok((scope, None))
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

/// The postings of a key's blocks in `scope`.
pub(super) fn postings_of(
    blocks: &Blocks,
    of: &[Block],
    scope: &Scope,
) -> Result<Vec<Posting>, SearchError> {
    let mut out = Vec::new();
    for (i, b) in of.iter().enumerate() {
        if scope.reads(of, i) {
            let ps = blocks.0.get(&b.at).ok_or(SearchError::MissingBlock(b.at))?;
            out.extend(ps.iter().filter(|p| scope.keeps(p.doc)));
        }
    }
    Ok(out)
}
