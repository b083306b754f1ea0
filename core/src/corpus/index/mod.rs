//! The corpus's search index: where every pair of folded characters
//! occurs, with positions, so that a query finds exactly the passages
//! that contain it.
//!
//! A key is two consecutive folded characters of a passage (a bigram);
//! a passage's last character is keyed with [`END`]. A term of two or
//! more characters occurs at `p` exactly when each of its bigrams occurs
//! at `p + i`: positions make the bigrams an exact substring test, where
//! a bag of bigrams would match `部署完成。署流异常。流程结束` for
//! `部署流程`. A one-character term is every key that starts with it.
//!
//! Keys are kept in order and cut into shards of about
//! [`SHARD_BYTES`]; the [`Meta`] lists each shard's first key, so a query
//! fetches only the shards its keys fall in.

pub mod build;
pub mod postings;
pub mod shard;

use serde::{Deserialize, Serialize};
use std::fmt;

/// The second character of the key of a passage's last character.
pub const END: u32 = 0;

/// About how many bytes of postings a shard holds: a key with more has a
/// shard of its own.
pub const SHARD_BYTES: usize = 32 * 1024;

/// The format's version, in the [`Meta`]: a reader refuses others.
pub const FORMAT: u32 = 1;

/// Two folded characters, as code points; the second is [`END`] for a
/// passage's last character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Key(pub u32, pub u32);

impl Key {
    pub fn pair(a: char, b: char) -> Key {
        Key(a as u32, b as u32)
    }

    /// The first key that starts with `c`, and the last.
    pub fn starting_with(c: char) -> (Key, Key) {
        (Key(c as u32, END), Key(c as u32, u32::MAX))
    }
}

/// Bytes the index did not write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "damaged index: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

/// What a reader needs before it fetches a shard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub format: u32,
    /// Transcripts indexed.
    pub docs: u32,
    /// Passages indexed.
    pub passages: u64,
    /// Each shard's first key, in order: shard `i` holds the keys from
    /// `shards[i]` up to `shards[i + 1]`.
    pub shards: Vec<Key>,
}

impl Meta {
    /// The shard that would hold `key`.
    pub fn shard_of(&self, key: Key) -> Option<usize> {
        self.shards.partition_point(|k| *k <= key).checked_sub(1)
    }

    /// The shards that hold keys from `first` to `last`.
    pub fn shards_between(&self, first: Key, last: Key) -> std::ops::Range<usize> {
        match (self.shard_of(first), self.shard_of(last)) {
            (_, None) => 0..0,
            (None, Some(b)) => 0..b + 1,
            (Some(a), Some(b)) => a..b + 1,
        }
    }

    /// The file name of shard `i`, under the index folder.
    pub fn shard_path(i: usize) -> String {
        format!("shards/{i:05}.bin")
    }
}
