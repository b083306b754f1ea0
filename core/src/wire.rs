//! A document's structure as compact bytes, for handing it between threads:
//! the reader's library parses a large transcript in a worker and gives
//! the page these bytes, which it reads back much faster than it could
//! parse the text, and with far less code than a JSON reader would add to
//! the page's first visit.
//!
//! Only the structure travels, what [`crate::structure`] gives: the meta,
//! participants, front matter, turns, Q&A pairs and appendix. The analysis
//! (events, figures, checks…) is left out, and comes back empty.
//!
//! The meta alone travels the same way from the pre-render to the page
//! ([`write_meta`], [`read_meta`]): the page's seed is parsed there
//! without it ([`crate::structure_with_meta`]).
//!
//! The format: a version byte, then each field in the model's order.
//! Numbers and lengths are LEB128; a string is its length and its UTF-8;
//! an option is 0 for none, else its value's own form with its length (or
//! its index) plus one; a list is its length and its items; an enum is its
//! index. [`read`] checks every length and every string, and gives `None`
//! for bytes it did not write.

use crate::model::*;

const VERSION: u8 = 3;

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

/// The structure of `doc` as bytes.
pub fn write(doc: &Document) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(
        doc.blocks().map(|b| b.text.len() + 32).sum(),
    ));
    w.0.push(VERSION);
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
        w.opt(&q.topic);
    });
    w.list(&doc.appendix, Writer::block);
    w.0
}

/// The structure [`write`] wrote; `None` for any other bytes.
pub fn read(bytes: &[u8]) -> Option<Document> {
    let mut r = Reader::new(bytes)?;
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
            topic: r.opt()?,
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

/// A document's meta alone as bytes, in the same form: the pre-render
/// writes the seed's into the page (`src/seed.rs`), which then need not
/// read it from the text.
pub fn write_meta(meta: &Meta) -> Vec<u8> {
    let mut w = Writer(vec![VERSION]);
    w.meta(meta);
    w.0
}

/// The meta [`write_meta`] wrote; `None` for any other bytes.
pub fn read_meta(bytes: &[u8]) -> Option<Meta> {
    let mut r = Reader::new(bytes)?;
    let meta = r.meta()?;
    (r.at == bytes.len()).then_some(meta)
}

fn index<T: PartialEq>(all: &[T], x: T) -> usize {
    all.iter()
        .position(|a| *a == x)
        .expect("every variant is listed")
}

struct Writer(Vec<u8>);

impl Writer {
    fn num(&mut self, mut n: usize) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                return self.0.push(low);
            }
            self.0.push(low | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.num(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: &Option<String>) {
        match s {
            None => self.num(0),
            Some(s) => {
                self.num(s.len() + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
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

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Writer, &T)) {
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
}

impl<'a> Reader<'a> {
    /// A reader past the version byte, if it is this format's.
    fn new(bytes: &'a [u8]) -> Option<Self> {
        (bytes.first() == Some(&VERSION)).then_some(Reader { bytes, at: 1 })
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

    fn text(&mut self, len: usize) -> Option<String> {
        let end = self.at.checked_add(len)?;
        let s = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(s.to_owned())
    }

    fn str(&mut self) -> Option<String> {
        let len = self.num()?;
        self.text(len)
    }

    fn opt(&mut self) -> Option<Option<String>> {
        match self.num()? {
            0 => Some(None),
            n => self.text(n - 1).map(Some),
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
        let doc = crate::structure("主持人：各位记者，上午好。\n王明：谢谢。", None);
        let bytes = write(&doc);
        assert_eq!(read(&bytes), Some(doc.clone()));
        assert_eq!(read(&[]), None);
        assert_eq!(read(&[VERSION + 1]), None);
        // Cut short, or with a byte more.
        for end in 0..bytes.len() {
            assert_eq!(read(&bytes[..end]), None, "cut at {end}");
        }
        assert_eq!(read(&[bytes.as_slice(), &[0]].concat()), None);
        // The meta alone, the same way.
        let meta = write_meta(&doc.meta);
        assert!(bytes.starts_with(&meta));
        assert_eq!(read_meta(&meta), Some(doc.meta.clone()));
        for end in 0..meta.len() {
            assert_eq!(read_meta(&meta[..end]), None, "cut at {end}");
        }
        assert_eq!(read_meta(&bytes), None, "a whole document");
        // A list claiming more items than there are bytes.
        assert_eq!(
            read(&[VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0x7f]),
            None
        );
    }
}
