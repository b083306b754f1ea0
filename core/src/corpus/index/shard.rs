//! A shard: the posting lists of a run of keys, in key order, as one
//! file. A query fetches only the shards that hold its keys.
//!
//! The format: the magic `SLS1`, the number of keys, then for each key
//! its two characters (the second 0 at a passage's end), its number of
//! postings and their length in bytes, all LEB128; then the posting
//! lists, one after another in the same order.

use super::postings::{self, get, put, Posting};
use super::{FormatError, Key};
use std::ops::Range;

const MAGIC: &[u8; 4] = b"SLS1";

/// Writes a shard of `(key, count, postings bytes)`, keys increasing.
pub fn write(lists: &[(Key, u32, &[u8])]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put(&mut out, lists.len() as u32);
    for (key, count, bytes) in lists {
        put(&mut out, key.0);
        put(&mut out, key.1);
        put(&mut out, *count);
        put(&mut out, bytes.len() as u32);
    }
    for (_, _, bytes) in lists {
        out.extend_from_slice(bytes);
    }
    out
}

/// A shard read back: its keys, and where each one's postings are.
#[derive(Debug, Clone)]
pub struct Shard {
    keys: Vec<(Key, u32, Range<usize>)>,
    bytes: Vec<u8>,
}

impl Shard {
    /// Reads a shard's table of keys; the postings are read when asked
    /// for. Bytes it did not write give an error, never a panic.
    pub fn read(bytes: Vec<u8>) -> Result<Shard, FormatError> {
        if bytes.get(..4) != Some(MAGIC.as_slice()) {
            return Err(FormatError("not a shilu index shard"));
        }
        let mut at = 4;
        let n = get(&bytes, &mut at)? as usize;
        if n > bytes.len() {
            return Err(FormatError("more keys than bytes"));
        }
        let mut heads = Vec::with_capacity(n);
        for _ in 0..n {
            let c1 = get(&bytes, &mut at)?;
            let c2 = get(&bytes, &mut at)?;
            let count = get(&bytes, &mut at)?;
            let len = get(&bytes, &mut at)? as usize;
            heads.push((Key(c1, c2), count, len));
        }
        let mut keys = Vec::with_capacity(n);
        let mut start = at;
        for (key, count, len) in heads {
            if keys.last().is_some_and(|(k, _, _)| *k >= key) {
                return Err(FormatError("keys out of order"));
            }
            let end = start
                .checked_add(len)
                .filter(|&e| e <= bytes.len())
                .ok_or(FormatError("postings run past the end"))?;
            keys.push((key, count, start..end));
            start = end;
        }
        if start != bytes.len() {
            return Err(FormatError("bytes left over after the postings"));
        }
        Ok(Shard { keys, bytes })
    }

    /// The keys it holds, in order.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.keys.iter().map(|k| k.0)
    }

    /// The number of postings of `key` (0 if it is not here).
    pub fn count(&self, key: Key) -> u32 {
        self.find(key).map_or(0, |i| self.keys[i].1)
    }

    /// The postings of `key`, empty if it is not here.
    pub fn postings(&self, key: Key) -> Result<Vec<Posting>, FormatError> {
        match self.find(key) {
            Some(i) => {
                let (_, count, r) = &self.keys[i];
                postings::read(&self.bytes[r.clone()], *count)
            }
            None => Ok(Vec::new()),
        }
    }

    fn find(&self, key: Key) -> Option<usize> {
        self.keys.binary_search_by_key(&key, |k| k.0).ok()
    }
}
