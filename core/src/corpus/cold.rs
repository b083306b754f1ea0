//! What a cold query reads for its first results (newest first, no
//! filters), in steps that need no I/O of their own, so that it fetches
//! tens of KB however common its words:
//! 1. [`pages_needed`]: the directory pages of the keys worth reading.
//!    The key table tells a common key before its page is read: a page
//!    longer than [`PAGE_BYTES`] holds one key's many blocks. A term's
//!    bigrams on small pages are read, and its smallest big page only if
//!    it has none; a term of three or more letters also reads the pages
//!    of its trigram keys (of four or more, those alone), and one with
//!    two whole Latin words those of its word-pair keys
//!    ([`super::index::grams`]); a common character alone, or an
//!    excluded term, is not read at all: it is checked in the passages'
//!    text.
//! 2. [`Plan::windows`], [`Plan::lead_blocks`], [`Plan::scope`]: the
//!    transcripts to look in, newest first, where the rarest key read
//!    (the lead) is.
//! 3. [`Plan::blocks_needed`]: the keys read rarest first, each in the
//!    transcripts where a match is still possible, while reading its
//!    blocks costs less than reading the passages it could rule out;
//! 4. [`Plan::candidates`]: the passages where a match is still
//!    possible, in the order results are shown. The driver reads each,
//!    checks it with a scan ([`super::scan::find_in`], the reference the
//!    index is tested against) and stops at its first results: what it
//!    shows is exact, and each passage read is one it may show.
//!
//! The totals (every match) come from the whole index after the first
//! results ([`super::search`]).

use super::cold_pages::{page_len, pairs, word_ranges, WORD_PAGES};
pub use super::cold_pages::pages_needed;
use super::cold_reads::{both, MASK_COST};
pub use super::cold_reads::{Masks, Need};
use super::index::dir::KeyTable;
use super::index::grams::{term_pairs, term_trigrams};
use super::index::{Block, Key, BLOCK_BYTES, PAGE_BYTES};
use super::lookup::{
    blocks_from, blocks_of_lead, common, count, keys_of, lead_bounds, postings_of, scope_of_lead,
    unread, Blocks, Directory, Keys, Scope, SearchError,
};
use super::query::Query;
use super::search::PassageId;
use std::collections::BTreeSet;

/// A key of a required term, as far as the directory read tells: its
/// offset in the term, and its blocks (a character alone: every key that
/// starts with it, as one), or the unread page that holds it.
enum Entry {
    Known(u32, Vec<Vec<Block>>),
    Unread(Vec<usize>),
}

/// Postings a block holds, about: to rank a key whose page is not read
/// by its page's length.
const PER_BLOCK_ENTRY: u64 = 64;

impl Entry {
    /// Its postings, or for an unread page an estimate from its length
    /// (a page longer than [`PAGE_BYTES`] holds one key, a few bytes a
    /// block).
    fn rank(&self, table: &KeyTable) -> u64 {
        match self {
            Entry::Known(_, group) => group.iter().map(|b| count(b)).sum(),
            Entry::Unread(pages) => {
                pages.iter().map(|&i| page_len(table, i)).sum::<u64>() * PER_BLOCK_ENTRY
            }
        }
    }
}

/// A key's blocks in the transcripts of one script (`Some(latin)`), or
/// all of them: a block is all of one script ([`super::index::script`]).
/// A rarer key is not cut by script ([`super::index::script::Scripts::cut`]):
/// all its blocks, in either.
fn in_script(dir: &Directory, script: Option<bool>, blocks: &[Block]) -> Vec<Block> {
    match script {
        Some(s) if dir.scripts.cut_blocks(blocks) => blocks
            .iter()
            .filter(|b| dir.scripts.latin(b.first_doc) == s)
            .copied()
            .collect(),
        _ => blocks.to_vec(),
    }
}

/// Each required term the index checks, its keys rarest first, the
/// rarest term first (in the transcripts of `script`, or all); `None` if
/// a required term cannot occur. A common character alone is left to
/// the scan.
fn terms(query: &Query, dir: &Directory, script: Option<bool>) -> Option<Vec<Vec<Entry>>> {
    let table = &dir.table;
    let known = |off: u32, group: Vec<&[Block]>| {
        Entry::Known(
            off,
            group
                .into_iter()
                .map(|b| in_script(dir, script, b))
                .collect(),
        )
    };
    let mut out = Vec::new();
    for t in query.required() {
        match keys_of(t) {
            Keys::Starting(a, b) => {
                if common(t, table) {
                    continue;
                }
                match dir.known_between(a, b) {
                    Some(ks) if ks.is_empty() => return None,
                    Some(ks) => out.push(vec![known(0, ks.into_iter().map(|(_, b)| b).collect())]),
                    None => {}
                }
            }
            Keys::Pairs(_) => {
                let mut keys = Vec::new();
                let tri = term_trigrams(&t.folded);
                if tri.len() > 1 {
                    for (off, k) in tri {
                        keys.push(entry(dir, off, k, script)?);
                    }
                    keys.sort_by_key(|e| e.rank(table));
                    out.push(keys);
                    continue;
                }
                // A term with a word pair is found by its words: the
                // bigrams of Latin letters are common, and given the pair
                // at its offset (the pair's words, the space between) they
                // rule out next to nothing.
                let paired = !term_pairs(&t.folded).is_empty();
                for (off, k, page) in pairs(&t.folded, table) {
                    let page = page?;
                    if paired {
                        continue;
                    }
                    keys.push(match dir.known(k) {
                        Some([]) => return None,
                        Some(b) => known(off, vec![b]),
                        None => Entry::Unread(vec![page]),
                    });
                }
                let mut keys = cover(keys, table);
                for (off, k) in tri.into_iter().chain(term_pairs(&t.folded)) {
                    keys.push(entry(dir, off, k, script)?);
                }
                for (off, a, b) in word_ranges(&t.folded) {
                    keys.push(match dir.known_between(a, b) {
                        Some(ks) if ks.is_empty() => return None,
                        Some(ks) => known(off, ks.into_iter().map(|(_, b)| b).collect()),
                        None => Entry::Unread(table.pages_between(a, b).collect()),
                    });
                }
                keys.sort_by_key(|e| e.rank(table));
                out.push(keys);
            }
        }
    }
    out.retain(|keys| !keys.is_empty());
    out.sort_by_key(|keys| keys[0].rank(table));
    Some(out)
}

/// A key at offset `off` of a term, as far as the directory read tells;
/// `None` if the corpus never has it (nothing matches).
fn entry(dir: &Directory, off: u32, k: Key, script: Option<bool>) -> Option<Entry> {
    let page = dir.table.page_of(k)?;
    match dir.known(k) {
        Some([]) => None,
        Some(b) => Some(Entry::Known(off, vec![in_script(dir, script, b)])),
        None => Some(Entry::Unread(vec![page])),
    }
}

/// Of a term's keys (in order), the fewest postings that still cover
/// each of its characters, and the rarest (as
/// [`super::lookup::Directory::cover`]), rarest first: a common bigram
/// between two rarer ones need not be read.
fn cover(keys: Vec<Entry>, table: &KeyTable) -> Vec<Entry> {
    let cost: Vec<u64> = keys.iter().map(|e| e.rank(table)).collect();
    let chosen: BTreeSet<usize> = super::lookup::cover_of(&cost).into_iter().collect();
    let mut out: Vec<(u64, Entry)> = keys
        .into_iter()
        .enumerate()
        .filter(|(i, _)| chosen.contains(i))
        .map(|(i, e)| (cost[i], e))
        .collect();
    out.sort_by_key(|(c, _)| *c);
    out.into_iter().map(|(_, e)| e).collect()
}

/// The lead: the rarest key read (every match is where it is); for a
/// character alone, every key that starts with it. In an index of two
/// scripts, the rarest key in each script's transcripts, its blocks
/// there, where together they are far rarer than the rarest key (`政府
/// the`: `he` in the Chinese transcripts, where a Latin word is rare,
/// and `政府` in the English ones, 2,000 postings against `政府`'s
/// 24,000): see [`by_script`].
fn lead(query: &Query, dir: &Directory) -> Vec<Vec<Block>> {
    by_script(query, dir).unwrap_or_else(|| lead_in(query, dir, None).unwrap_or_default())
}

/// Whether a query is read script by script: in an index of two
/// scripts, if each script's rarest key read together hold at most half
/// the postings of the rarest key in all ([`SPLIT_SHARE`]); their blocks.
fn by_script(query: &Query, dir: &Directory) -> Option<Vec<Vec<Block>>> {
    if !dir.scripts.mixed() {
        return None;
    }
    let all = lead_in(query, dir, None)?;
    let each = [false, true].map(|s| lead_in(query, dir, Some(s)));
    let n = |lists: &[Vec<Block>]| lists.iter().map(|b| count(b)).sum::<u64>();
    let split: u64 = each
        .iter()
        .map(|l| l.as_deref().map_or(u64::MAX, n))
        .fold(0, u64::saturating_add);
    (split.saturating_mul(SPLIT_SHARE) <= n(&all))
        .then(|| each.into_iter().flatten().flatten().collect())
}

/// See [`by_script`]: reading apart makes more, smaller reads (a key's
/// blocks in each script's runs of transcripts), worth it only if it
/// reads far fewer postings.
const SPLIT_SHARE: u64 = 2;

/// The rarest key read in the transcripts of `script` (or all), its
/// blocks there.
fn lead_in(query: &Query, dir: &Directory, script: Option<bool>) -> Option<Vec<Vec<Block>>> {
    let mut best: Option<(u64, Vec<Vec<Block>>)> = None;
    for keys in terms(query, dir, script).unwrap_or_default() {
        for e in keys {
            if let Entry::Known(_, group) = e {
                let n: u64 = group.iter().map(|b| count(b)).sum();
                if best.as_ref().is_none_or(|(m, _)| n < *m) {
                    best = Some((n, group));
                }
            }
        }
    }
    best.map(|b| b.1)
}

/// From which transcript on to look, newest first (as
/// [`super::lookup::windows`]): the newest block of the lead's most
/// frequent key, then twice as many each time, each only if the lead's
/// postings there are at least `want` (the results wanted); the last is
/// where every match is.
pub fn windows(query: &Query, dir: &Directory, want: usize) -> Vec<u32> {
    // As [`lead`], but knowing whether it is read script by script.
    let (lead, apart) = match by_script(query, dir) {
        Some(lead) => (lead, true),
        None => (lead_in(query, dir, None).unwrap_or_default(), false),
    };
    // Counted in blocks of about BLOCK_BYTES, of the lead's most
    // frequent key or, read script by script, of its keys in both.
    let blocks = if apart {
        lead_bounds(&lead)
    } else {
        lead_bounds(
            lead.iter()
                .max_by_key(|b| b.len())
                .map(std::slice::from_ref)
                .unwrap_or_default(),
        )
    };
    // Postings of the lead from a window on: one with fewer than `want`
    // holds fewer than `want` results, and is not read for nothing.
    let held = |from: u32| -> u64 {
        lead.iter()
            .map(|b| {
                blocks_from(b, from)
                    .iter()
                    .map(|b| u64::from(b.count))
                    .sum::<u64>()
            })
            .sum()
    };
    let mut out = Vec::new();
    let mut back = 1usize;
    while back < blocks.len() {
        let from = blocks[blocks.len() - back].first_doc;
        if held(from) >= want as u64 {
            out.push(from);
        }
        back *= 2;
    }
    out.push(
        lead.iter()
            .filter_map(|b| b.first())
            .map(|b| b.first_doc)
            .min()
            .unwrap_or(0),
    );
    out.dedup();
    out
}

/// The lead's blocks from `from` on: of the rarest key read, or of
/// every word a word key's range names (the lookup's lead is one key:
/// [`super::lookup::lead_blocks`]).
pub fn lead_blocks(query: &Query, dir: &Directory, from: u32) -> Vec<Block> {
    let lead = lead(query, dir);
    blocks_of_lead(&lead.iter().map(Vec::as_slice).collect::<Vec<_>>(), from)
}

/// Where to search from `from` on, once the [`lead_blocks`] are read:
/// the transcripts where the lead is (none, if nothing was read to
/// lead: the lookup's [`super::lookup::scope`] is then everywhere).
pub fn scope(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    from: u32,
) -> Result<Scope, SearchError> {
    let lead = lead(query, dir);
    scope_of_lead(
        &lead.iter().map(Vec::as_slice).collect::<Vec<_>>(),
        blocks,
        from,
    )
}

/// How many of the newest transcripts where the lead is (from `from`
/// on, once the [`lead_blocks`] are read) hold `want` of its passages
/// (all of them, if fewer do): the first scope worth searching, planned
/// from what is read rather than grown a round trip at a time. A lead
/// whose passages mostly match finds the first `want` results there.
pub fn newest_holding(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    from: u32,
    want: usize,
) -> Result<usize, SearchError> {
    let all = Scope { from, docs: None };
    let mut per_doc: std::collections::BTreeMap<u32, BTreeSet<u32>> = Default::default();
    for b in lead(query, dir) {
        for p in postings_of(blocks, &b, &all)? {
            per_doc.entry(p.doc).or_default().insert(p.passage);
        }
    }
    let mut held = 0;
    let mut k = 0;
    for ps in per_doc.values().rev() {
        if held >= want {
            break;
        }
        held += ps.len();
        k += 1;
    }
    Ok(k)
}

/// Walks the keys rarest first in `scope`, as far as what is read
/// allows: what to read next, or the passages where a match is still
/// possible. A key is read (its page, then its blocks in the
/// transcripts left) only while that costs less than reading the
/// passages left, `per_passage` bytes each.
///
/// In an index of two scripts, each script's transcripts are walked
/// apart, each with its keys ranked by their postings there: a key
/// common in one script may be rare in the other
/// ([`super::index::script`]). What both need next is read together.
fn walk(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
    per_passage: u64,
    masks: &Masks,
) -> Result<Result<BTreeSet<PassageId>, Need>, SearchError> {
    if by_script(query, dir).is_none() {
        return walk_in(query, dir, blocks, scope, per_passage, masks, None);
    }
    let mut found = BTreeSet::new();
    let mut need: Option<Need> = None;
    for s in [false, true] {
        let docs: BTreeSet<u32> = match &scope.docs {
            Some(d) => d
                .iter()
                .copied()
                .filter(|&d| dir.scripts.latin(d) == s)
                .collect(),
            None => (scope.from..dir.scripts.docs())
                .filter(|&d| dir.scripts.latin(d) == s)
                .collect(),
        };
        if docs.is_empty() {
            continue;
        }
        let part = Scope {
            from: scope.from,
            docs: Some(docs),
        };
        match (
            walk_in(query, dir, blocks, &part, per_passage, masks, Some(s))?,
            need.take(),
        ) {
            (Ok(ps), n) => {
                found.extend(ps);
                need = n;
            }
            (Err(n), None) => need = Some(n),
            (Err(n), Some(m)) => need = Some(both(m, n)),
        }
    }
    Ok(need.map_or(Ok(found), Err))
}

/// [`walk`] in the transcripts of one script (`Some(latin)`; `scope`
/// holds only theirs), or of all.
fn walk_in(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
    per_passage: u64,
    masks: &Masks,
    script: Option<bool>,
) -> Result<Result<BTreeSet<PassageId>, Need>, SearchError> {
    let Some(terms) = terms(query, dir, script) else {
        return Ok(Ok(BTreeSet::new()));
    };
    let table = &dir.table;
    // Each term's rarest key first (they narrow the transcripts across
    // terms), then the others, rarest first.
    let mut order: Vec<(usize, usize)> = (0..terms.len()).map(|t| (t, 0)).collect();
    let mut rest: Vec<(usize, usize)> = terms
        .iter()
        .enumerate()
        .flat_map(|(t, keys)| (1..keys.len()).map(move |i| (t, i)))
        .collect();
    rest.sort_by_key(|&(t, i)| terms[t][i].rank(table));
    order.extend(rest);
    let mut scope = scope.clone();
    let mut starts: Vec<Option<BTreeSet<(u32, u32, u32)>>> = vec![None; terms.len()];
    let mut cands: Option<BTreeSet<PassageId>> = None;
    for (t, i) in order {
        let first = cands.is_none();
        let left = cands.as_ref().map_or(0, |c| c.len() as u64);
        let worth = |cost: u64| first || cost <= left * per_passage;
        let (off, group) = match &terms[t][i] {
            Entry::Unread(pages) => {
                // A word range over many pages (`to`: every word that
                // starts with it) rules out little for what its pages
                // and then its blocks cost: the text checks it.
                if !first && pages.len() > WORD_PAGES {
                    continue;
                }
                // A page longer than PAGE_BYTES is one key's many blocks
                // (a few bytes each): reading it is worth it only if its
                // blocks where a match is left are too, about one a
                // transcript.
                let bytes: u64 = pages.iter().map(|&i| page_len(table, i)).sum();
                let big = pages.len() == 1 && bytes > PAGE_BYTES as u64;
                let docs = scope.docs.as_ref().map_or(u64::MAX, |d| d.len() as u64);
                let blocks = (bytes / 5).min(docs);
                let cost = if big {
                    bytes + blocks * BLOCK_BYTES as u64
                } else {
                    bytes
                };
                if worth(cost) {
                    return Ok(Err(Need::Pages(pages.clone())));
                }
                continue;
            }
            Entry::Known(off, group) => (*off, group),
        };
        let need: Vec<Block> = group
            .iter()
            .flat_map(|b| unread(blocks, b, &scope))
            .collect();
        if !need.is_empty() {
            let cost: u64 = need.iter().map(|b| u64::from(b.len)).sum();
            // The candidates' masks first, where they cost less than
            // this key's blocks: they may rule out most of them (and
            // the transcripts these blocks are read for).
            if let Some(c) = cands.as_ref().filter(|_| masks.rule.rules()) {
                let unread: Vec<PassageId> = c
                    .iter()
                    .filter(|p| !masks.of.contains_key(p))
                    .copied()
                    .collect();
                if !unread.is_empty() && unread.len() as u64 * MASK_COST < cost {
                    return Ok(Err(Need::Masks(unread)));
                }
            }
            if worth(cost) {
                return Ok(Err(Need::Blocks(need)));
            }
            continue;
        }
        let mut here = BTreeSet::new();
        for b in group {
            for p in postings_of(blocks, b, &scope)? {
                if p.pos >= off
                    && cands
                        .as_ref()
                        .is_none_or(|c| c.contains(&(p.doc, p.passage)))
                {
                    here.insert((p.doc, p.passage, p.pos - off));
                }
            }
        }
        let kept: BTreeSet<(u32, u32, u32)> = match starts[t].take() {
            None => here,
            Some(s) => s.intersection(&here).copied().collect(),
        };
        let ps = passages_of(&kept);
        let mut narrowed: BTreeSet<PassageId> = match cands {
            None => ps,
            Some(c) => c.intersection(&ps).copied().collect(),
        };
        // Candidates whose masks are read and rule them out.
        if masks.rule.rules() {
            narrowed.retain(|p| masks.of.get(p).is_none_or(|&m| masks.rule.keeps(m)));
        }
        let kept: BTreeSet<(u32, u32, u32)> = kept
            .into_iter()
            .filter(|s| narrowed.contains(&(s.0, s.1)))
            .collect();
        scope.docs = Some(narrowed.iter().map(|p| p.0).collect());
        cands = Some(narrowed);
        starts[t] = Some(kept);
    }
    Ok(Ok(cands.unwrap_or_default()))
}

/// What to read next in `scope` (pages or blocks), given what is read:
/// `None` once [`candidates`] can answer. `per_passage` is what reading
/// a passage costs ([`super::index::Meta::passage_bytes`]).
pub fn next_read(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
    per_passage: u64,
    masks: &Masks,
) -> Result<Option<Need>, SearchError> {
    Ok(walk(query, dir, blocks, scope, per_passage, masks)?.err())
}

/// The passages in `scope` where a match is still possible, newest
/// transcript first and each in reading order, once [`next_read`] names
/// nothing: every match in `scope` is among them, and a scan of each
/// says which are.
pub fn candidates(
    query: &Query,
    dir: &Directory,
    blocks: &Blocks,
    scope: &Scope,
    per_passage: u64,
    masks: &Masks,
) -> Result<Vec<PassageId>, SearchError> {
    match walk(query, dir, blocks, scope, per_passage, masks)? {
        Ok(ps) => {
            let mut ids: Vec<PassageId> = ps.into_iter().collect();
            ids.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            Ok(ids)
        }
        Err(Need::Pages(p)) => Err(SearchError::MissingPage(p.first().copied().unwrap_or(0))),
        Err(Need::Blocks(b)) => Err(SearchError::MissingBlock(b.first().map_or(0, |b| b.at))),
        Err(Need::Masks(_)) => Err(SearchError::Format(super::index::FormatError(
            "a passage's mask was not read",
        ))),
    }
}

fn passages_of(starts: &BTreeSet<(u32, u32, u32)>) -> BTreeSet<PassageId> {
    starts.iter().map(|s| (s.0, s.1)).collect()
}
