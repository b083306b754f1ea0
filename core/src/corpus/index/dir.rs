//! The directory: where each key's posting blocks are.
//!
//! Keys, in order, are cut into pages of [`super::PAGE_KEYS`]; a page is
//! a byte range of the `dir` part, and the key table (`keys.bin`, read
//! whole) gives each page's first key and length. A reader reads the
//! table once, then only the pages of its keys.
//!
//! The key table: the magic `SLK2`, the number of pages, then for each
//! page its first key's two characters and its length in bytes, all
//! LEB128; pages follow one another from the start of `dir`.
//!
//! A page: its number of keys and where its first block starts in the
//! postings; then for each key its two characters and number of blocks,
//! and for each block its first transcript (the first whole, the others
//! as the change from the block before), its number of postings and its
//! length in bytes. A page's blocks follow one another in the postings.

use super::postings::{get, get64, put, put64};
use super::{Block, FormatError, Key};
use std::ops::Range;

const MAGIC: &[u8; 4] = b"SLK2";

/// Each directory page's first key and byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyTable {
    pub pages: Vec<(Key, Range<u64>)>,
}

impl KeyTable {
    pub fn write(pages: &[(Key, u32)]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put(&mut out, pages.len() as u32);
        for (k, len) in pages {
            put(&mut out, k.0);
            put(&mut out, k.1);
            put(&mut out, *len);
        }
        out
    }

    /// Reads a key table; bytes it did not write give an error.
    pub fn read(bytes: &[u8]) -> Result<KeyTable, FormatError> {
        if bytes.get(..4) != Some(MAGIC.as_slice()) {
            return Err(FormatError("not a shilu key table"));
        }
        let mut at = 4;
        let n = get(bytes, &mut at)? as usize;
        if n > bytes.len() {
            return Err(FormatError("more pages than bytes"));
        }
        let mut pages: Vec<(Key, Range<u64>)> = Vec::with_capacity(n);
        let mut start = 0u64;
        for _ in 0..n {
            let key = Key(get(bytes, &mut at)?, get(bytes, &mut at)?);
            let len = u64::from(get(bytes, &mut at)?);
            if pages.last().is_some_and(|(k, _)| *k >= key) {
                return Err(FormatError("pages out of order"));
            }
            pages.push((key, start..start + len));
            start += len;
        }
        if at != bytes.len() {
            return Err(FormatError("bytes left over after the pages"));
        }
        Ok(KeyTable { pages })
    }

    /// The page that would hold `key`.
    pub fn page_of(&self, key: Key) -> Option<usize> {
        self.pages
            .partition_point(|(k, _)| *k <= key)
            .checked_sub(1)
    }

    /// The pages that hold keys from `first` to `last`.
    pub fn pages_between(&self, first: Key, last: Key) -> Range<usize> {
        match (self.page_of(first), self.page_of(last)) {
            (_, None) => 0..0,
            (None, Some(b)) => 0..b + 1,
            (Some(a), Some(b)) => a..b + 1,
        }
    }
}

/// A directory page read back: its keys, each with its blocks.
pub type Page = Vec<(Key, Vec<Block>)>;

/// Writes a page of keys, increasing, whose blocks follow one another.
pub fn write_page(entries: &[(Key, Vec<Block>)]) -> Vec<u8> {
    let mut out = Vec::new();
    put(&mut out, entries.len() as u32);
    let first_at = entries
        .first()
        .and_then(|(_, b)| b.first())
        .map_or(0, |b| b.at);
    put64(&mut out, first_at);
    for (key, blocks) in entries {
        put(&mut out, key.0);
        put(&mut out, key.1);
        put(&mut out, blocks.len() as u32);
        let mut doc = 0;
        for b in blocks {
            put(&mut out, b.first_doc - doc);
            doc = b.first_doc;
            put(&mut out, b.count);
            put(&mut out, b.len);
        }
    }
    out
}

/// Reads a page; bytes it did not write give an error, never a panic.
pub fn read_page(bytes: &[u8]) -> Result<Page, FormatError> {
    let mut at = 0;
    let n = get(bytes, &mut at)? as usize;
    if n > bytes.len() {
        return Err(FormatError("more keys than bytes"));
    }
    let mut post = get64(bytes, &mut at)?;
    let mut page: Page = Vec::with_capacity(n);
    for _ in 0..n {
        let key = Key(get(bytes, &mut at)?, get(bytes, &mut at)?);
        if page.last().is_some_and(|(k, _)| *k >= key) {
            return Err(FormatError("keys out of order"));
        }
        let nb = get(bytes, &mut at)? as usize;
        if nb == 0 || nb > bytes.len() {
            return Err(FormatError("a key without blocks"));
        }
        let mut blocks = Vec::with_capacity(nb);
        let mut doc = 0u32;
        for _ in 0..nb {
            doc = doc
                .checked_add(get(bytes, &mut at)?)
                .ok_or(FormatError("a number overflows"))?;
            let count = get(bytes, &mut at)?;
            let len = get(bytes, &mut at)?;
            if count == 0 || len == 0 {
                return Err(FormatError("an empty block"));
            }
            blocks.push(Block {
                first_doc: doc,
                count,
                at: post,
                len,
            });
            post = post
                .checked_add(u64::from(len))
                .ok_or(FormatError("a number overflows"))?;
        }
        page.push((key, blocks));
    }
    if at != bytes.len() {
        return Err(FormatError("bytes left over after the keys"));
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_the_key_table_read_back() {
        let b = |first_doc, count, at, len| Block {
            first_doc,
            count,
            at,
            len,
        };
        let page = vec![
            (Key(20, 0), vec![b(0, 3, 100, 9)]),
            (Key(20, 30), vec![b(1, 2, 109, 5), b(7, 1, 114, 3)]),
        ];
        let bytes = write_page(&page);
        assert_eq!(read_page(&bytes).unwrap(), page);
        assert!(read_page(&bytes[..bytes.len() - 1]).is_err());
        let table = KeyTable::write(&[(Key(20, 0), 12), (Key(40, 1), 7)]);
        let t = KeyTable::read(&table).unwrap();
        assert_eq!(t.pages[1], (Key(40, 1), 12..19));
        assert_eq!(t.page_of(Key(30, 0)), Some(0));
        assert_eq!(t.page_of(Key(1, 0)), None);
        assert_eq!(t.pages_between(Key(1, 0), Key(50, 0)), 0..2);
        assert!(KeyTable::read(&table[..table.len() - 1]).is_err());
    }
}
