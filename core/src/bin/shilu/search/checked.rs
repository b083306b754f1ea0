//! A cold query in the default view, as the core plans it
//! ([`shilu_core::corpus::cold`]).

use super::{failure, read_blocks, Args, Cold, Docs, FIRST_DOCS};
use crate::Failure;
use shilu_core::corpus::folder::Folder;
use shilu_core::corpus::query;
use shilu_core::corpus::search::{Blocks, Directory, PassageId};

/// A cold query in the default view (newest first, no filters), as
/// [`shilu_core::corpus::cold`] plans it: the directory pages of the keys
/// worth reading, the rarest keys' blocks, then the passages where a
/// match is still possible, each read and checked by a scan, until the
/// first `limit` matches. Each passage read is one it may show.
pub(super) fn cold_checked(
    q: &query::Query,
    a: &Args<'_>,
    folder: &Folder,
    docs: &mut Docs<'_>,
) -> Result<Cold, Failure> {
    use shilu_core::corpus::cold;
    let mut dir = Directory::new(folder.keys.clone());
    for i in cold::pages_needed(q, &folder.keys) {
        dir.add_page(i, folder.page(i).map_err(failure)?);
    }
    let per_passage = folder.meta.passage_bytes();
    let mut blocks = Blocks::default();
    let mut checked = std::collections::HashSet::new();
    let mut matched: Vec<PassageId> = Vec::new();
    let mut cards = std::collections::HashSet::new();
    let mut tried = 0;
    'windows: for from in cold::windows(q, &dir) {
        read_blocks(folder, &mut blocks, cold::lead_blocks(q, &dir, from))?;
        let whole = cold::scope(q, &dir, &blocks, from).map_err(failure)?;
        let mut k = FIRST_DOCS;
        loop {
            tried += 1;
            let scope = whole.newest(k);
            while let Some(need) =
                cold::next_read(q, &dir, &blocks, &scope, per_passage).map_err(failure)?
            {
                match need {
                    cold::Need::Pages(ps) => {
                        for i in ps {
                            dir.add_page(i, folder.page(i).map_err(failure)?);
                        }
                    }
                    cold::Need::Blocks(bs) => read_blocks(folder, &mut blocks, bs)?,
                }
            }
            let cands = cold::candidates(q, &dir, &blocks, &scope, per_passage).map_err(failure)?;
            for (d, p) in cands {
                if !checked.insert((d, p)) {
                    continue;
                }
                let at = docs.at(d)?;
                let text = folder.passage(&at, p).map_err(failure)?.text;
                let found = shilu_core::corpus::scan::find_in(q, d, p, &[text]);
                if !found.passages.is_empty() {
                    if cards.insert(d) {
                        folder.card(&at).map_err(failure)?;
                    }
                    matched.push((d, p));
                    if matched.len() >= a.limit {
                        break 'windows;
                    }
                }
            }
            if whole.len().is_none_or(|n| k >= n) {
                break;
            }
            k *= 4;
        }
    }
    matched.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    Ok(Cold {
        fetches: folder.take_fetches(),
        first: matched,
        windows: tried,
    })
}
