//! What the speakers' terms of one build leave for the next
//! ([`super::of_speakers_kept`]): the background's counts with the
//! transcripts they count (each by its spoken text's digest), and each
//! speaker's counts and candidates' [`Outcome`]s under the digest of
//! their text, so that a rebuild adds a new transcript's counts to the
//! background instead of counting the whole corpus again, and counts
//! and reads again only the speakers whose text changed.
//!
//! Kept as one file of the caller's [`Kept`] folder, in a compact binary
//! form (numbers in LEB128), under a key of the code, with a checksum:
//! a memo that does not read back whole, or is another code's, is not
//! used (the terms are then counted from the text, as a clean build
//! does).

use super::grams::{Frozen, Kind, Map, Table, SLOTS};
use super::weigh::{Outcome, Said};
use crate::corpus::index::postings::put64;
use crate::corpus::kept::{self, Kept};
use std::collections::HashMap;
use xxhash_rust::xxh3::Xxh3Default;

/// The memo's name in the folder.
pub const NAME: &str = "terms.memo";

/// Its start, and its format's number.
const MAGIC: &[u8] = b"shilu terms memo 1\n";

/// A digest.
pub(super) type Sum = [u8; 16];

/// One speaker's part.
#[derive(Debug, Default)]
pub(super) struct Speaker {
    /// Of their name and text.
    pub(super) digest: Sum,
    pub(super) said: Said,
    /// Each candidate's, by kind (Latin) and key.
    pub(super) outcomes: HashMap<(bool, u64), Option<Outcome>>,
}

/// The memo.
#[derive(Debug, Default)]
pub(super) struct Memo {
    /// The transcripts the background counts (their spoken text's
    /// digests, sorted), and its counts; `None` when not kept.
    pub(super) background: Option<(Vec<Sum>, Frozen)>,
    /// By the speaker's identity key.
    pub(super) speakers: HashMap<String, Speaker>,
}

/// The digest of `texts`, after `head`.
pub(super) fn digest<'a>(head: &str, texts: impl IntoIterator<Item = &'a str>) -> Sum {
    let mut h = Xxh3Default::new();
    h.update(&(head.len() as u64).to_le_bytes());
    h.update(head.as_bytes());
    for t in texts {
        h.update(&(t.len() as u64).to_le_bytes());
        h.update(t.as_bytes());
    }
    h.digest128().to_le_bytes()
}

/// The key of this code's memo in `kept`.
pub(super) fn key(kept: &Kept) -> String {
    kept.key_of(&[b"terms memo", MAGIC])
}

struct Out(Vec<u8>);

impl Out {
    fn n(&mut self, n: u64) {
        put64(&mut self.0, n);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.n(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn sum(&mut self, s: &Sum) {
        self.0.extend_from_slice(s);
    }
    fn totals(&mut self, t: &[u64; SLOTS]) {
        for &x in t {
            self.n(x);
        }
    }
    /// A table's keys (sorted), delta-coded, with their counts.
    fn counts(&mut self, t: &Table) {
        self.n(t.keys.len() as u64);
        let mut last = 0u64;
        for (&k, &c) in t.keys.iter().zip(&t.counts) {
            self.n(k - last);
            self.n(u64::from(c));
            last = k;
        }
    }
}

struct In<'a> {
    b: &'a [u8],
    at: usize,
}

impl In<'_> {
    /// A LEB128 number of up to 64 bits.
    fn n(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self.b.get(self.at)?;
            self.at += 1;
            n |= u64::from(b & 0x7F).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.n()?).ok()
    }
    fn take(&mut self, len: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(s)
    }
    fn bytes(&mut self) -> Option<&[u8]> {
        let len = self.n()? as usize;
        self.take(len)
    }
    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }
    fn sum(&mut self) -> Option<Sum> {
        self.take(16)?.try_into().ok()
    }
    fn totals(&mut self) -> Option<[u64; SLOTS]> {
        let mut t = [0u64; SLOTS];
        for x in &mut t {
            *x = self.n()?;
        }
        Some(t)
    }
    fn counts(&mut self) -> Option<Table> {
        let len = self.n()? as usize;
        let most = len.min(self.b.len() / 2);
        let mut t = Table {
            keys: Vec::with_capacity(most),
            counts: Vec::with_capacity(most),
        };
        let mut last = 0u64;
        for i in 0..len {
            let d = self.n()?;
            if i > 0 && d == 0 {
                return None;
            }
            last = last.checked_add(d)?;
            t.keys.push(last);
            t.counts.push(self.u32()?);
        }
        Some(t)
    }
    /// A kind: 0 for Han, 1 for Latin.
    fn kind(&mut self) -> Option<Kind> {
        match self.n()? {
            0 => Some(Kind::Han),
            1 => Some(Kind::Latin),
            _ => None,
        }
    }
}

fn kind_n(kind: Kind) -> u64 {
    u64::from(kind == Kind::Latin)
}

impl Memo {
    /// The memo as kept under `key`, its checksum last.
    pub(super) fn to_bytes(&self, key: &str) -> Vec<u8> {
        let mut o = Out(Vec::new());
        o.0.extend_from_slice(MAGIC);
        o.bytes(key.as_bytes());
        match &self.background {
            None => o.n(0),
            Some((docs, counts)) => {
                o.n(1);
                o.n(docs.len() as u64);
                for d in docs {
                    o.sum(d);
                }
                o.totals(&counts.totals);
                o.counts(&counts.han);
                o.counts(&counts.latin);
            }
        }
        let mut speakers: Vec<(&String, &Speaker)> = self.speakers.iter().collect();
        speakers.sort_unstable_by(|a, b| a.0.cmp(b.0));
        o.n(speakers.len() as u64);
        for (id, s) in speakers {
            o.bytes(id.as_bytes());
            o.sum(&s.digest);
            o.totals(&s.said.totals);
            o.n(s.said.grams.len() as u64);
            for &(kind, key, count) in &s.said.grams {
                o.n(kind_n(kind));
                o.0.extend_from_slice(&key.to_le_bytes());
                o.n(u64::from(count));
            }
            let mut units: Vec<(&u64, &[u64; 2])> = s.said.latin_units.iter().collect();
            units.sort_unstable();
            o.n(units.len() as u64);
            for (k, [a, b]) in units {
                for x in [k, a, b] {
                    o.0.extend_from_slice(&x.to_le_bytes());
                }
            }
            let mut outcomes: Vec<(&(bool, u64), &Option<Outcome>)> = s.outcomes.iter().collect();
            outcomes.sort_unstable_by_key(|o| *o.0);
            o.n(outcomes.len() as u64);
            for (&(latin, key), out) in outcomes {
                o.n(u64::from(latin));
                o.0.extend_from_slice(&key.to_le_bytes());
                match out {
                    None => o.n(0),
                    Some(t) => {
                        o.n(1);
                        o.bytes(t.folded.as_bytes());
                        o.bytes(t.text.as_bytes());
                        o.n(u64::from(t.count));
                    }
                }
            }
        }
        kept::seal(o.0)
    }

    /// The memo `data` holds, if whole and kept under `key`.
    pub(super) fn from_bytes(data: &[u8], key: &str) -> Option<Memo> {
        let mut i = In {
            b: kept::unseal(data, MAGIC)?,
            at: 0,
        };
        if i.bytes()? != key.as_bytes() {
            return None;
        }
        let background = match i.n()? {
            0 => None,
            1 => {
                let n = i.n()? as usize;
                let mut docs = Vec::with_capacity(n.min(i.b.len() / 16));
                for _ in 0..n {
                    docs.push(i.sum()?);
                }
                let totals = i.totals()?;
                let han = i.counts()?;
                let latin = i.counts()?;
                Some((docs, Frozen { han, latin, totals }))
            }
            _ => return None,
        };
        let n = i.n()? as usize;
        let mut speakers = HashMap::with_capacity(n.min(i.b.len()));
        for _ in 0..n {
            let id = i.string()?;
            let digest = i.sum()?;
            let totals = i.totals()?;
            let grams_n = i.n()? as usize;
            let mut grams = Vec::with_capacity(grams_n.min(i.b.len()));
            for _ in 0..grams_n {
                let kind = i.kind()?;
                let key = u64::from_le_bytes(i.take(8)?.try_into().ok()?);
                grams.push((kind, key, i.u32()?));
            }
            let units_n = i.n()? as usize;
            let mut latin_units = Map::default();
            for _ in 0..units_n {
                let mut w = [0u64; 3];
                for x in &mut w {
                    *x = u64::from_le_bytes(i.take(8)?.try_into().ok()?);
                }
                latin_units.insert(w[0], [w[1], w[2]]);
            }
            let outcomes_n = i.n()? as usize;
            let mut outcomes = HashMap::with_capacity(outcomes_n.min(i.b.len()));
            for _ in 0..outcomes_n {
                let latin = i.n()? == 1;
                let key = u64::from_le_bytes(i.take(8)?.try_into().ok()?);
                let out = match i.n()? {
                    0 => None,
                    1 => Some(Outcome {
                        folded: i.string()?,
                        text: i.string()?,
                        count: i.u32()?,
                    }),
                    _ => return None,
                };
                outcomes.insert((latin, key), out);
            }
            let said = Said {
                grams,
                latin_units,
                totals,
            };
            speakers.insert(
                id,
                Speaker {
                    digest,
                    said,
                    outcomes,
                },
            );
        }
        (i.at == i.b.len()).then_some(Memo {
            background,
            speakers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut c = super::super::grams::Counts::default();
        c.han.insert(5, 2);
        c.han.insert(1 << 40, 7);
        c.latin.insert(3, 1);
        c.totals = [1, 2, 3, 4, 5];
        let counts = Frozen::of(&c);
        let mut m = Memo {
            background: Some((vec![[1; 16]], counts)),
            speakers: HashMap::new(),
        };
        let mut outcomes = HashMap::new();
        outcomes.insert((false, 9), None);
        outcomes.insert(
            (true, 10),
            Some(Outcome {
                folded: "ab".into(),
                text: "AB".into(),
                count: 3,
            }),
        );
        m.speakers.insert(
            "x".into(),
            Speaker {
                digest: [2; 16],
                said: Said {
                    grams: vec![(Kind::Han, 5, 2), (Kind::Latin, 3, 1)],
                    latin_units: Map::default(),
                    totals: [0; SLOTS],
                },
                outcomes,
            },
        );
        let b = m.to_bytes("k");
        let back = Memo::from_bytes(&b, "k").expect("reads back");
        assert_eq!(back.to_bytes("k"), b);
        assert!(Memo::from_bytes(&b, "j").is_none());
    }
}
