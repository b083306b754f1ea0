//! Posting lists: where a key (two folded characters) occurs, as
//! `(transcript, passage, position)` in increasing order, delta-coded in
//! LEB128.
//!
//! Each posting starts with a number whose two low bits say what
//! changed, and whose other bits are that change:
//! - `0`: the same passage; the rest is the position's delta;
//! - `1`: a later passage of the same transcript; the rest is the
//!   passage's delta, and the position follows whole;
//! - `2`: a later transcript (or the first posting); the rest is the
//!   transcript's delta, and the passage and position follow whole.
//!
//! A repeated posting (a delta of 0) is refused.
//!
//! A long list is cut into blocks ([`super::BLOCK_BYTES`]), each starting
//! afresh (its first posting whole), so each reads alone.

use super::script::Scripts;
use super::FormatError;

/// One occurrence: the transcript's number in the corpus, the passage's
/// number in the transcript, the folded position in the passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Posting {
    pub doc: u32,
    pub passage: u32,
    pub pos: u32,
}

/// Appends `n` as LEB128.
pub fn put(out: &mut Vec<u8>, n: u32) {
    put64(out, u64::from(n));
}

pub fn put64(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads a LEB128 number at `*at`, moving past it.
pub fn get(bytes: &[u8], at: &mut usize) -> Result<u32, FormatError> {
    u32::try_from(get64(bytes, at)?).map_err(|_| FormatError("a number is too large"))
}

pub fn get64(bytes: &[u8], at: &mut usize) -> Result<u64, FormatError> {
    let mut n: u64 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes
            .get(*at)
            .ok_or(FormatError("a number runs past the end"))?;
        *at += 1;
        n |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Ok(n);
        }
    }
    Err(FormatError("a number is too long"))
}

const OVERFLOW: FormatError = FormatError("a number overflows");

/// Reads a LEB128 number as [`get64`] does, refusing one longer than it
/// need be (so that copied bytes are the ones [`put64`] writes).
#[inline]
fn get_plain(bytes: &[u8], at: &mut usize) -> Result<u64, FormatError> {
    // Most numbers are one byte.
    if let Some(&b) = bytes.get(*at) {
        if b < 0x80 {
            *at += 1;
            return Ok(u64::from(b));
        }
    }
    let start = *at;
    let n = get64(bytes, at)?;
    if *at - start > 1 && bytes[*at - 1] == 0 {
        return Err(FormatError("a number is longer than it need be"));
    }
    Ok(n)
}

#[inline]
fn get_plain32(bytes: &[u8], at: &mut usize) -> Result<u32, FormatError> {
    u32::try_from(get_plain(bytes, at)?).map_err(|_| FormatError("a number is too large"))
}

/// Appends posting `p`, coded after `last` (`None`: the first of a list
/// or of a block, written whole), to `out`.
pub fn encode(out: &mut Vec<u8>, last: Option<Posting>, p: Posting) {
    let tagged = |delta: u32, tag: u64| (u64::from(delta) << 2) | tag;
    match last {
        Some(l) if l.doc == p.doc && l.passage == p.passage => {
            put64(out, tagged(p.pos - l.pos, 0));
        }
        Some(l) if l.doc == p.doc => {
            put64(out, tagged(p.passage - l.passage, 1));
            put(out, p.pos);
        }
        last => {
            let delta = p.doc - last.map_or(0, |l| l.doc);
            put64(out, tagged(delta, 2));
            put(out, p.passage);
            put(out, p.pos);
        }
    }
}

/// A block of a list being written: its first transcript, its number
/// of postings, where its bytes start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    pub first_doc: u32,
    pub count: u32,
    pub start: usize,
}

/// A posting list being written, in blocks of about `block_bytes`.
#[derive(Debug, Default, Clone)]
pub struct Writer {
    pub bytes: Vec<u8>,
    pub count: u32,
    pub blocks: Vec<Cut>,
    block_bytes: usize,
    last: Option<Posting>,
    /// The last posting's transcript's script, where a writer cuts at
    /// scripts ([`Writer::push_in`]).
    latin: Option<bool>,
}

impl Writer {
    pub fn new(block_bytes: usize) -> Writer {
        Writer {
            block_bytes: block_bytes.max(1),
            ..Writer::default()
        }
    }

    /// Empties it, to write another list.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.count = 0;
        self.blocks.clear();
        self.last = None;
        self.latin = None;
    }

    /// Appends `p`, which must come after every posting already written.
    pub fn push(&mut self, p: Posting) {
        self.put(p, false);
    }

    /// [`Writer::push`] for a posting of a transcript whose script is
    /// `latin` ([`super::script`]): a block also starts where the
    /// script changes, so that no block holds transcripts of both.
    pub fn push_in(&mut self, p: Posting, latin: bool) {
        let cut = self.latin.is_some_and(|l| l != latin);
        self.latin = Some(latin);
        self.put(p, cut);
    }

    fn put(&mut self, p: Posting, cut: bool) {
        debug_assert!(self.last.is_none_or(|l| l < p), "postings out of order");
        let full = cut
            || self
                .blocks
                .last()
                .is_none_or(|b| self.bytes.len() - b.start >= self.block_bytes);
        if full {
            self.blocks.push(Cut {
                first_doc: p.doc,
                count: 0,
                start: self.bytes.len(),
            });
            self.last = None;
        }
        encode(&mut self.bytes, self.last, p);
        if let Some(b) = self.blocks.last_mut() {
            b.count += 1;
        }
        self.count += 1;
        self.last = Some(p);
    }

    /// Appends the `count` postings `bytes` holds (one list, as a
    /// writer of one block writes it: transcripts numbered from 0), each
    /// transcript's number moved on by `offset` and below `offset +
    /// docs`: the same bytes as [`Writer::push`] given each in turn, but
    /// copied between the block cuts, not decoded and encoded again.
    /// They must come after every posting already written; refused if
    /// they do not read, in increasing order and plainly coded, exactly.
    pub fn append(
        &mut self,
        bytes: &[u8],
        count: u32,
        offset: u32,
        docs: u32,
    ) -> Result<(), FormatError> {
        self.append_in(bytes, count, offset, docs, None)
    }

    /// [`Writer::append`], as [`Writer::push_in`] would write each
    /// posting given `scripts` (each transcript's, by its number in the
    /// whole: a block also starts where the script changes).
    pub fn append_in(
        &mut self,
        bytes: &[u8],
        count: u32,
        offset: u32,
        docs: u32,
        scripts: Option<&Scripts>,
    ) -> Result<(), FormatError> {
        let past = FormatError("a segment's posting is past its transcripts");
        let end = offset.checked_add(docs).ok_or(past)?;
        let mut at = 0;
        // The last posting read (its own numbers), and where the bytes
        // not yet copied start.
        let mut cur: Option<Posting> = None;
        let mut from = 0;
        // The postings not yet copied, and how many bytes of the block
        // the copy may reach before a cut.
        let mut pending = 0u32;
        let mut room = 0usize;
        for _ in 0..count {
            let start = at;
            let x = get_plain(bytes, &mut at)?;
            let (tag, delta) = (x & 3, u32::try_from(x >> 2).map_err(|_| OVERFLOW)?);
            let p = match (tag, cur) {
                (0, Some(l)) if delta > 0 => Posting {
                    pos: l.pos.checked_add(delta).ok_or(OVERFLOW)?,
                    ..l
                },
                (1, Some(l)) if delta > 0 => Posting {
                    doc: l.doc,
                    passage: l.passage.checked_add(delta).ok_or(OVERFLOW)?,
                    pos: get_plain32(bytes, &mut at)?,
                },
                (2, l) if delta > 0 || l.is_none() => Posting {
                    doc: l.map_or(0, |l| l.doc).checked_add(delta).ok_or(OVERFLOW)?,
                    passage: get_plain32(bytes, &mut at)?,
                    pos: get_plain32(bytes, &mut at)?,
                },
                _ => return Err(FormatError("a posting does not follow the one before it")),
            };
            let new_doc = cur.is_none_or(|l| l.doc != p.doc);
            cur = Some(p);
            // A transcript in the other script starts a block.
            let script = match scripts {
                Some(s) if new_doc => Some(s.latin(p.doc.saturating_add(offset))),
                _ => None,
            };
            let turns = script.is_some_and(|l| self.latin.is_some_and(|m| m != l));
            // Copied as it is unless it is the list's first (its
            // transcript's delta is from the last written) or starts a
            // block (written whole).
            if start > 0 && start - from < room && !turns {
                self.latin = script.or(self.latin);
                pending += 1;
                continue;
            }
            self.copy(&bytes[from..start], pending);
            pending = 0;
            let doc = p.doc.checked_add(offset).filter(|&d| d < end).ok_or(past)?;
            // (A later one follows the last it copied, not `self.last`.)
            if start == 0 && self.last.is_some_and(|l| l.doc >= doc) {
                return Err(FormatError("postings out of order"));
            }
            match scripts {
                Some(s) => self.push_in(Posting { doc, ..p }, s.latin(doc)),
                None => self.push(Posting { doc, ..p }),
            }
            from = at;
            let used = self.bytes.len() - self.blocks.last().map_or(0, |b| b.start);
            room = self.block_bytes.saturating_sub(used);
        }
        if at != bytes.len() {
            return Err(FormatError("bytes left over after the postings"));
        }
        self.copy(&bytes[from..], pending);
        if let Some(p) = cur {
            let doc = p.doc.checked_add(offset).filter(|&d| d < end).ok_or(past)?;
            self.last = Some(Posting { doc, ..p });
        }
        Ok(())
    }

    /// Appends `n` postings' bytes, coded after the last, to its block.
    fn copy(&mut self, bytes: &[u8], n: u32) {
        if n == 0 {
            return;
        }
        self.bytes.extend_from_slice(bytes);
        if let Some(b) = self.blocks.last_mut() {
            b.count += n;
        }
        self.count += n;
    }

    /// This list (in blocks of `block_bytes`), cut by script if
    /// [`Scripts::cut`] says so: written again, its postings pushed in
    /// order as [`Writer::push_in`] writes them.
    pub fn cut_by_script(self, block_bytes: usize, scripts: &Scripts) -> Writer {
        if !scripts.cut(u64::from(self.count)) {
            return self;
        }
        let mut out = Writer::new(block_bytes);
        // Written by this writer, so it reads. Were it not, the list left
        // uncut would be read as cut (by its count) and lose postings:
        // a build that stops is better than an index that is wrong.
        self.block_bytes()
            .try_for_each(|(c, bytes)| {
                each(bytes, c.count, |p| out.push_in(p, scripts.latin(p.doc)))
            })
            .expect("a posting list this writer wrote reads back");
        out
    }

    /// Each block's bytes, with its first transcript and count.
    pub fn block_bytes(&self) -> impl Iterator<Item = (Cut, &[u8])> + '_ {
        self.blocks.iter().enumerate().map(|(i, b)| {
            let end = self.blocks.get(i + 1).map_or(self.bytes.len(), |n| n.start);
            (*b, &self.bytes[b.start..end])
        })
    }
}

/// Reads `count` postings from `bytes`, which must hold exactly them, in
/// increasing order.
pub fn read(bytes: &[u8], count: u32) -> Result<Vec<Posting>, FormatError> {
    let mut out = Vec::with_capacity(count.min(1 << 20) as usize);
    each(bytes, count, |p| out.push(p))?;
    Ok(out)
}

/// Gives each of the `count` postings `bytes` holds (exactly them, in
/// increasing order) to `f`, as [`read`] reads them.
pub fn each(bytes: &[u8], count: u32, mut f: impl FnMut(Posting)) -> Result<(), FormatError> {
    let mut at = 0;
    let mut last: Option<Posting> = None;
    let add = |a: u32, delta: u64| -> Result<u32, FormatError> {
        u32::try_from(delta)
            .ok()
            .and_then(|d| a.checked_add(d))
            .ok_or(FormatError("a number overflows"))
    };
    for _ in 0..count {
        let x = get64(bytes, &mut at)?;
        let (tag, delta) = (x & 3, x >> 2);
        let p = match (tag, last) {
            (0, Some(l)) if delta > 0 => Posting {
                pos: add(l.pos, delta)?,
                ..l
            },
            (1, Some(l)) if delta > 0 => Posting {
                doc: l.doc,
                passage: add(l.passage, delta)?,
                pos: get(bytes, &mut at)?,
            },
            (2, l) if delta > 0 || l.is_none() => Posting {
                doc: add(l.map_or(0, |l| l.doc), delta)?,
                passage: get(bytes, &mut at)?,
                pos: get(bytes, &mut at)?,
            },
            _ => return Err(FormatError("a posting does not follow the one before it")),
        };
        f(p);
        last = Some(p);
    }
    if at != bytes.len() {
        return Err(FormatError("bytes left over after the postings"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_read_back() {
        let ps = [
            (0, 0, 0),
            (0, 0, 7),
            (0, 3, 1),
            (2, 0, 200),
            (2, 0, 70_000),
            (900, 12, 3),
        ]
        .map(|(doc, passage, pos)| Posting { doc, passage, pos });
        let mut w = Writer::new(1 << 20);
        for p in ps {
            w.push(p);
        }
        assert_eq!(read(&w.bytes, w.count).unwrap(), ps);
        assert!(read(&w.bytes, w.count + 1).is_err());
        assert!(read(&w.bytes[..w.bytes.len() - 1], w.count).is_err());
        // Cut into blocks of a few bytes, each reads alone.
        let mut w = Writer::new(4);
        for p in ps {
            w.push(p);
        }
        assert!(w.blocks.len() > 1);
        let mut back = Vec::new();
        for (cut, bytes) in w.block_bytes() {
            let ps = read(bytes, cut.count).unwrap();
            assert_eq!(ps[0].doc, cut.first_doc);
            back.extend(ps);
        }
        assert_eq!(back, ps);
    }

    /// A run of postings of transcripts `0..docs`, varied enough to use
    /// every tag and long numbers.
    fn run(docs: u32, seed: u32) -> Vec<Posting> {
        let mut out = Vec::new();
        for doc in (0..docs).filter(|d| (d * 7 + seed) % 3 != 0) {
            for passage in (0..4).map(|p| p * (doc % 5 + 1)) {
                for k in 0..(doc + passage + seed) % 6 + 1 {
                    out.push(Posting {
                        doc,
                        passage,
                        pos: k * 37 + (doc * 1009 + seed) % 300 * (k + 1) * 200,
                    });
                }
            }
        }
        out
    }

    #[test]
    fn appended_runs_are_the_pushed_postings_byte_for_byte() {
        let runs = [
            (9, run(9, 1)),
            (1, run(1, 2)),
            (30, run(30, 0)),
            (4, run(4, 5)),
        ];
        for block in [1, 3, 8, 40, 512, 1 << 20] {
            let (mut pushed, mut appended) = (Writer::new(block), Writer::new(block));
            let mut offset = 0;
            for (docs, ps) in &runs {
                let mut one = Writer::new(usize::MAX);
                for &p in ps {
                    one.push(p);
                    pushed.push(Posting {
                        doc: p.doc + offset,
                        ..p
                    });
                }
                appended
                    .append(&one.bytes, one.count, offset, *docs)
                    .unwrap();
                offset += docs;
            }
            assert_eq!(appended.bytes, pushed.bytes, "blocks of {block}");
            assert_eq!(appended.blocks, pushed.blocks, "blocks of {block}");
            assert_eq!(appended.count, pushed.count);
        }
        // Refused: a transcript past the run's, a count that is not the
        // bytes', bytes left over, a number longer than it need be.
        let mut one = Writer::new(usize::MAX);
        for p in run(6, 0) {
            one.push(p);
        }
        let w = || Writer::new(64);
        assert!(w().append(&one.bytes, one.count, 0, 5).is_err());
        assert!(w().append(&one.bytes, one.count, u32::MAX - 2, 6).is_err());
        assert!(w().append(&one.bytes, one.count + 1, 0, 6).is_err());
        assert!(w().append(&one.bytes, one.count - 1, 0, 6).is_err());
        let mut long = vec![0x82, 0x00, 0x00, 0x00];
        assert!(w().append(&long, 1, 0, 6).is_err());
        long = vec![0x02, 0x00, 0x00];
        assert!(w().append(&long, 1, 0, 6).is_ok());
        // After the last written, or refused.
        let mut after = w();
        after.append(&one.bytes, one.count, 0, 6).unwrap();
        assert!(after.append(&one.bytes, one.count, 3, 6).is_err());
    }

    #[test]
    fn leb128_round_trips_and_refuses_overlong_numbers() {
        for n in [0, 1, 127, 128, 300, u32::MAX] {
            let mut b = Vec::new();
            put(&mut b, n);
            assert_eq!(get(&b, &mut 0).unwrap(), n);
        }
        assert!(get(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], &mut 0).is_err());
        assert!(get(&[0x80], &mut 0).is_err());
    }
}
