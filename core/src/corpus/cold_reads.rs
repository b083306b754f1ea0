//! What a cold query reads next ([`Need`]), and what the masks it has
//! read say ([`Masks`]).

use super::index::mask::Rule;
use super::index::Block;
use super::search::PassageId;
use std::collections::HashMap;

/// What to read next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// Directory pages, by number.
    Pages(Vec<usize>),
    /// Posting blocks.
    Blocks(Vec<Block>),
    /// The masks of these passages ([`super::index::mask`]).
    Masks(Vec<PassageId>),
}

/// What reading a candidate's mask costs, about: its 8 bytes, and its
/// share of a range's request and of its transcript's placing.
pub(super) const MASK_COST: u64 = 24;

/// What the masks read so far say ([`super::index::mask`]): each
/// passage's mask, and the rule a match's mask keeps (no rule: masks
/// are not read).
#[derive(Debug, Clone, Default)]
pub struct Masks {
    pub rule: Rule,
    pub of: HashMap<PassageId, u64>,
}

/// Two scripts' next reads as one step where they are of one kind (else
/// the first's).
pub(super) fn both(a: Need, b: Need) -> Need {
    match (a, b) {
        (Need::Pages(mut x), Need::Pages(y)) => {
            x.extend(y);
            x.sort_unstable();
            x.dedup();
            Need::Pages(x)
        }
        (Need::Blocks(mut x), Need::Blocks(y)) => {
            x.extend(y);
            x.sort_by_key(|b| b.at);
            x.dedup();
            Need::Blocks(x)
        }
        (Need::Masks(mut x), Need::Masks(y)) => {
            x.extend(y);
            x.sort_unstable();
            x.dedup();
            Need::Masks(x)
        }
        (a, _) => a,
    }
}
