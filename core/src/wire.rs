//! A document's structure as compact bytes, beside the text it was read
//! from: the pre-render hands the page its seed's structure this way
//! (`src/seed.rs`), and the reader's library parses a transcript in a
//! worker and hands the page the same, so the page's wasm links no parser
//! at all, and reads these bytes back with far less code than a JSON
//! reader would add to its first visit.
//!
//! Only the structure travels, what [`crate::structure`] gives: the meta,
//! participants, front matter, turns, Q&A pairs and appendix. The analysis
//! (events, figures, checks…) is left out, and comes back empty.
//!
//! The format: a version byte, then each field in the model's order.
//! Numbers and lengths are LEB128; a list is its length and its items; an
//! enum is its index. A string is mostly a place in the text rather than
//! its bytes: its length doubled, plus one, then where it starts, as the
//! distance (zigzag: forward even, back odd) from where the last string
//! found in the text ended; a string not found near there is its length
//! doubled and its UTF-8. An option is 0 for none, else its string's form
//! plus one. [`read`] checks every length, place and string, and gives
//! `None` for bytes it did not write for that text.

use crate::model::*;

const VERSION: u8 = 3;

/// How far from the last string found in the text (bytes, either way) a
/// string is looked for: blocks follow one another, names are near.
const NEAR: usize = 2048;

/// Strings shorter than this (bytes) are written out: a place costs as much.
const SHORTEST: usize = 4;

const ORIGINS: [Origin; 6] = [
    Origin::Text,
    Origin::Header,
    Origin::Intro,
    Origin::FileName,
    Origin::Dateline,
    Origin::Host,
];
const KINDS: [BlockKind; 10] = [
    BlockKind::Title,
    BlockKind::Stamp,
    BlockKind::Header,
    BlockKind::Heading,
    BlockKind::Section,
    BlockKind::Item,
    BlockKind::Paragraph,
    BlockKind::Caption,
    BlockKind::Timestamp,
    BlockKind::Aside,
];

/// The structure of `doc`, read from `text`, as bytes.
pub fn write(doc: &Document, text: &str) -> Vec<u8> {
    let mut w = Writer {
        out: Vec::with_capacity(doc.blocks().count() * 16 + 64),
        text,
        at: 0,
    };
    w.out.push(VERSION);
    w.meta(&doc.meta);
    w.list(&doc.participants, |w, p| {
        w.str(&p.id);
        w.str(&p.name);
        w.opt(&p.title);
        w.num(index(&Role::ALL, p.role));
        w.opt(&p.outlet);
    });
    w.list(&doc.front, Writer::block);
    w.list(&doc.turns, |w, t| {
        for s in [&t.id, &t.speaker, &t.participant] {
            w.str(s);
        }
        w.num(index(&Role::ALL, t.role));
        w.opt(&t.title);
        w.opt(&t.outlet);
        w.str(&t.label);
        w.opt(&t.time);
        w.list(&t.blocks, Writer::block);
    });
    w.list(&doc.qa, |w, q| {
        w.str(&q.question);
        w.list(&q.continued, |w, s| w.str(s));
        w.list(&q.answers, |w, s| w.str(s));
    });
    w.list(&doc.appendix, Writer::block);
    w.out
}

/// The structure [`write`] wrote with `text`; `None` for any other bytes
/// (or another text, where a place in it does not read).
pub fn read(bytes: &[u8], text: &str) -> Option<Document> {
    let mut r = Reader::new(bytes, text)?;
    let meta = r.meta()?;
    let participants = r.list(|r| {
        Some(Participant {
            id: r.str()?,
            name: r.str()?,
            title: r.opt()?,
            role: r.of(&Role::ALL)?,
            outlet: r.opt()?,
        })
    })?;
    let front = r.list(Reader::block)?;
    let turns = r.list(|r| {
        Some(Turn {
            id: r.str()?,
            speaker: r.str()?,
            participant: r.str()?,
            role: r.of(&Role::ALL)?,
            title: r.opt()?,
            outlet: r.opt()?,
            label: r.str()?,
            time: r.opt()?,
            blocks: r.list(Reader::block)?,
        })
    })?;
    let qa = r.list(|r| {
        Some(QaPair {
            question: r.str()?,
            continued: r.list(Reader::str)?,
            answers: r.list(Reader::str)?,
        })
    })?;
    let appendix = r.list(Reader::block)?;
    (r.at == bytes.len()).then(|| Document {
        meta,
        participants,
        front,
        turns,
        qa,
        appendix,
        ..Document::default()
    })
}

fn index<T: PartialEq>(all: &[T], x: T) -> usize {
    all.iter()
        .position(|a| *a == x)
        .expect("every variant is listed")
}

struct Writer<'t> {
    out: Vec<u8>,
    text: &'t str,
    /// Where the last string found in the text ended.
    at: usize,
}

impl Writer<'_> {
    fn num(&mut self, mut n: usize) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                return self.out.push(low);
            }
            self.out.push(low | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.string(s, 0);
    }

    fn opt(&mut self, s: &Option<String>) {
        match s {
            None => self.num(0),
            Some(s) => self.string(s, 1),
        }
    }

    /// `s`, its form's first number raised by `plus` (an option's 1).
    fn string(&mut self, s: &str, plus: usize) {
        match self.find(s) {
            Some(start) => {
                self.num(s.len() * 2 + 1 + plus);
                self.num(if start >= self.at {
                    (start - self.at) * 2
                } else {
                    (self.at - start) * 2 - 1
                });
                self.at = start + s.len();
            }
            None => {
                self.num(s.len() * 2 + plus);
                self.out.extend_from_slice(s.as_bytes());
            }
        }
    }

    /// Where `s` starts in the text near the last string found: the first
    /// place ahead, else the last one behind.
    fn find(&self, s: &str) -> Option<usize> {
        if s.len() < SHORTEST {
            return None;
        }
        let text = self.text;
        // A character's start at or before `i` (`self.at` always is one).
        let start_of = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let ahead = start_of(self.at + NEAR + s.len());
        if let Some(i) = text.get(self.at..ahead)?.find(s) {
            return Some(self.at + i);
        }
        let behind = start_of(self.at.saturating_sub(NEAR));
        let before = start_of(self.at + s.len() - 1);
        text.get(behind..before)?.rfind(s).map(|i| behind + i)
    }

    fn meta(&mut self, m: &Meta) {
        self.str(&m.title);
        for o in [
            &m.published,
            &m.date,
            &m.date_text,
            &m.organiser,
            &m.place,
            &m.source,
        ] {
            self.opt(o);
        }
        self.str(&m.lang);
        let s = &m.sources;
        for o in [
            s.title,
            s.published,
            s.date,
            s.date_text,
            s.organiser,
            s.place,
            s.source,
        ] {
            self.num(o.map_or(0, |o| index(&ORIGINS, o) + 1));
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.num(items.len());
        for item in items {
            each(self, item);
        }
    }

    fn block(&mut self, b: &Block) {
        self.str(&b.id);
        self.num(index(&KINDS, b.kind));
        self.num(b.level.into());
        self.opt(&b.marker);
        self.opt(&b.heading);
        self.str(&b.text);
        self.opt(&b.note);
        self.opt(&b.lead_unit);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    text: &'a str,
    /// Where the last string found in the text ended.
    end: usize,
}

impl<'a> Reader<'a> {
    /// A reader past the version byte, if it is this format's.
    fn new(bytes: &'a [u8], text: &'a str) -> Option<Self> {
        (bytes.first() == Some(&VERSION)).then_some(Reader {
            bytes,
            at: 1,
            text,
            end: 0,
        })
    }

    fn meta(&mut self) -> Option<Meta> {
        let mut meta = Meta {
            title: self.str()?,
            published: self.opt()?,
            date: self.opt()?,
            date_text: self.opt()?,
            organiser: self.opt()?,
            place: self.opt()?,
            source: self.opt()?,
            lang: self.str()?,
            sources: Sources::default(),
        };
        let s = &mut meta.sources;
        for o in [
            &mut s.title,
            &mut s.published,
            &mut s.date,
            &mut s.date_text,
            &mut s.organiser,
            &mut s.place,
            &mut s.source,
        ] {
            *o = match self.num()? {
                0 => None,
                i => Some(*ORIGINS.get(i - 1)?),
            };
        }
        Some(meta)
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn num(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A string whose form's first number is `n`: in the text, or written out.
    fn string(&mut self, n: usize) -> Option<String> {
        let len = n / 2;
        let s = if n % 2 == 1 {
            let d = self.num()?;
            let start = if d % 2 == 0 {
                self.end.checked_add(d / 2)?
            } else {
                self.end.checked_sub(d / 2 + 1)?
            };
            let end = start.checked_add(len)?;
            self.end = end;
            self.text.get(start..end)?
        } else {
            let end = self.at.checked_add(len)?;
            let s = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
            self.at = end;
            s
        };
        Some(s.to_owned())
    }

    fn str(&mut self) -> Option<String> {
        let n = self.num()?;
        self.string(n)
    }

    fn opt(&mut self) -> Option<Option<String>> {
        match self.num()? {
            0 => Some(None),
            n => self.string(n - 1).map(Some),
        }
    }

    fn of<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(self.num()?).copied()
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.num()?;
        // Each item takes a byte at least: a length beyond the bytes left is not ours.
        if n > self.bytes.len() - self.at {
            return None;
        }
        // A loop, not `collect` into an `Option`: less code for the page.
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(each(self)?);
        }
        Some(items)
    }

    fn block(&mut self) -> Option<Block> {
        Some(Block {
            id: self.str()?,
            kind: self.of(&KINDS)?,
            level: u8::try_from(self.num()?).ok()?,
            marker: self.opt()?,
            heading: self.opt()?,
            text: self.str()?,
            note: self.opt()?,
            lead_unit: self.opt()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_it_did_not_write_read_as_none() {
        let text = "主持人：各位记者，上午好。\n王明：谢谢。";
        let doc = crate::structure(text, None);
        let bytes = write(&doc, text);
        assert_eq!(read(&bytes, text), Some(doc.clone()));
        assert_eq!(read(&[], text), None);
        assert_eq!(read(&[VERSION + 1], text), None);
        // Cut short, or with a byte more.
        for end in 0..bytes.len() {
            assert_eq!(read(&bytes[..end], text), None, "cut at {end}");
        }
        assert_eq!(read(&[bytes.as_slice(), &[0]].concat(), text), None);
        // With a text too short for its places.
        assert_eq!(read(&bytes, "主持人"), None);
        // A list claiming more items than there are bytes (after a meta of
        // empty strings and nones).
        let mut claim = vec![VERSION];
        claim.extend([0; 15]);
        claim.extend([0xff, 0xff, 0x7f]);
        assert_eq!(read(&claim, text), None);
    }

    #[test]
    fn strings_are_places_in_the_text_where_they_are_in_it() {
        let text = "主持人：各位记者，上午好。今天的发布会介绍扶贫工作。\n王明：谢谢主持人。扶贫工作进展顺利。";
        let doc = crate::structure(text, None);
        let bytes = write(&doc, text);
        assert_eq!(read(&bytes, text), Some(doc.clone()));
        // Its blocks are places in the text, not copies.
        let has = |s: &str| bytes.windows(s.len()).any(|w| w == s.as_bytes());
        assert!(!has("扶贫工作进展顺利") && !has("各位记者"));
        // A place that is not a character's start or end does not read.
        let mut w = Writer {
            out: vec![VERSION],
            text,
            at: 0,
        };
        w.num(3 * 2 + 1);
        w.num(2);
        let mut r = Reader::new(&w.out, text).unwrap();
        assert_eq!(r.str(), None);
        // A string behind the last one found, and one not in the text.
        let mut w = Writer {
            out: vec![VERSION],
            text,
            at: 0,
        };
        for s in ["扶贫工作进展", "各位记者", "上午好", "不在这里的话"] {
            w.str(s);
        }
        let mut r = Reader::new(&w.out, text).unwrap();
        for s in ["扶贫工作进展", "各位记者", "上午好", "不在这里的话"] {
            assert_eq!(r.str().as_deref(), Some(s));
        }
        assert_eq!(r.at, w.out.len());
    }
}
