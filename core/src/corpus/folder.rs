//! The corpus as a site's files: `corpus.jsonl` ([`super::jsonl::Lines`]) and the
//! index, under the site's `index/` folder, made for a browser's cold
//! query: a few small files read whole, and byte ranges of a few large
//! ones (HTTP range requests: a static host serves them), so a query
//! reads tens of KB of a corpus of hundreds of MB in a few dozen files.
//!
//! | file | read | holds |
//! | --- | --- | --- |
//! | `meta.json` | whole | the [`Meta`]: format, counts, parts' sizes |
//! | `keys.bin` | whole | each directory page's first key ([`KeyTable`]) |
//! | `dir/NNN.bin` | ranges | directory pages ([`super::index::dir`]) |
//! | `post/NNN.bin` | ranges | posting blocks ([`super::index::postings`]) |
//! | `cidx/NNN.bin` | ranges | per transcript, [`DOC_ENTRY`] bytes: where its card, record and passages are ([`DocAt`]) |
//! | `card/NNN.bin` | ranges | each transcript's [`Card`] (JSON): what a result shows of it |
//! | `rec/NNN.bin` | ranges | each transcript's [`Record`] (JSON): speakers and passages, for filters and trends |
//! | `pidx/NNN.bin` | ranges | per passage, where its text starts (u64, little-endian) |
//! | `text/NNN.bin` | ranges | each passage as [`PassageText`] (JSON) |
//! | `mask/NNN.bin` | ranges | per passage, which of the commonest grams it holds (u64, little-endian: [`super::index::mask`]) |
//! | `speakers.json` | whole | the speakers index ([`Summary`]) |
//!
//! A packed part (`dir`, `post`, …) is one run of bytes cut into files
//! of [`PACK_BYTES`] (static hosts limit a file's size); a range may
//! span two files.

use super::catalog::{self, Record};
use super::index::build::{Builder, Index};
use super::index::dir::{self, KeyTable, Page};
use super::index::{mask, Block, FormatError, Meta, FORMAT};
use super::jsonl;
use super::load::Transcript;
use super::pack::{pack_path, Pack, Postings, PACK_BYTES};
use super::passages;
use super::speakers::{self, Appearance, Speaker, Summary};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Bytes per transcript in `cidx`: where its card, its record and its
/// first passage's entry in `pidx` are (three u64, little-endian); the
/// next transcript's entry ends each range, and one more entry follows
/// the last.
pub const DOC_ENTRY: u64 = 24;

/// What the site keeps of a transcript once parsed (as [`super::kept`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub record: Record,
    /// Its passages' text, in order.
    pub texts: Vec<String>,
    /// Its speakers, for their pages.
    pub appearances: Vec<Appearance>,
}

/// What the site keeps of `t`, whose page is `url`, and its line of
/// `corpus.jsonl`: a parser thread calls it, so that the whole document
/// need not be kept.
pub fn entry(t: Transcript, url: String) -> (Entry, String) {
    let line = jsonl::line(&t, &url);
    let passages = passages::of(&t.doc);
    let entry = Entry {
        record: catalog::record(&t, url, &passages),
        texts: passages.iter().map(|p| p.text.to_string()).collect(),
        appearances: speakers::appearances(&t.doc),
    };
    (entry, line)
}

/// What a result shows of its transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub source: String,
    pub url: String,
    pub title: String,
    pub date: Option<String>,
}

/// A passage as a result shows it: where it is, who said it, its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageText {
    /// The element's id, the link's fragment ([`catalog::PassageRef`]).
    pub block: String,
    pub field: String,
    /// Who said it, as the transcript names them.
    pub speaker: Option<String>,
    pub text: String,
}

/// Where a transcript's parts are, from its `cidx` entry and the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocAt {
    pub card: Range<u64>,
    pub record: Range<u64>,
    /// Its passages' global numbers (their entries in `pidx`).
    pub passages: Range<u64>,
}

impl DocAt {
    /// The byte range of `cidx` that holds transcript `doc`'s entries.
    pub fn range(doc: u32) -> Range<u64> {
        let at = u64::from(doc) * DOC_ENTRY;
        at..at + 2 * DOC_ENTRY
    }

    /// Reads the two entries of [`DocAt::range`].
    pub fn read(bytes: &[u8]) -> Result<DocAt, FormatError> {
        let n: Vec<u64> = u64s(bytes)?;
        match n.as_slice() {
            [c0, r0, p0, c1, r1, p1] if c0 <= c1 && r0 <= r1 && p0 <= p1 => Ok(DocAt {
                card: *c0..*c1,
                record: *r0..*r1,
                passages: *p0..*p1,
            }),
            _ => Err(FormatError("a transcript's entry is damaged")),
        }
    }
}

/// Little-endian u64s.
pub fn u64s(bytes: &[u8]) -> Result<Vec<u64>, FormatError> {
    if bytes.len() % 8 != 0 {
        return Err(FormatError("a table's bytes are cut short"));
    }
    Ok(bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
        .collect())
}

/// The byte range of `pidx` that holds passage `g`'s start and the next.
pub fn passage_range(g: u64) -> Range<u64> {
    g * 8..g * 8 + 16
}

/// A corpus built in memory: the index, the records, the speakers.
#[derive(Debug)]
pub struct Built {
    pub index: Index,
    /// In the corpus's order: transcript `i` is `records[i]`.
    pub records: Vec<Record>,
    /// Each transcript's passages' text.
    pub texts: Vec<Vec<String>>,
    pub speakers: Vec<Speaker>,
}

/// Builds the corpus of `entries`, in the corpus's order
/// ([`catalog::order`]).
pub fn build(entries: Vec<Entry>) -> Built {
    build_with(entries, Builder::new())
}

/// [`build`] with the index builder given (small blocks and pages test
/// the cuts).
pub fn build_with(entries: Vec<Entry>, builder: Builder) -> Built {
    let parts = parts(entries);
    Built {
        index: index_of(&parts.texts, builder),
        records: parts.records,
        texts: parts.texts,
        speakers: parts.speakers,
    }
}

/// A [`Built`] but its index: what the pages show while it is built.
#[derive(Debug)]
pub struct Parts {
    pub records: Vec<Record>,
    pub texts: Vec<Vec<String>>,
    pub speakers: Vec<Speaker>,
}

/// The corpus of `entries`, in the corpus's order, but its index.
pub fn parts(mut entries: Vec<Entry>) -> Parts {
    entries.sort_by(|a, b| catalog::order(&a.record, &b.record));
    let n = entries.len();
    let (mut records, mut texts, mut appearances) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for e in entries {
        records.push(e.record);
        texts.push(e.texts);
        appearances.push(e.appearances);
    }
    let speakers = speakers::aggregate(&records, &appearances);
    Parts {
        records,
        texts,
        speakers,
    }
}

/// The index of every transcript's passages, in the corpus's order.
pub fn index_of(texts: &[Vec<String>], mut builder: Builder) -> Index {
    for t in texts {
        builder.add(t.iter().map(String::as_str));
    }
    builder.finish()
}

impl Built {
    /// Writes the index under `dir` (made if missing): files and bytes.
    pub fn write(&self, dir: &Path) -> io::Result<(usize, u64)> {
        IndexFiles {
            index: &self.index,
            records: &self.records,
            texts: &self.texts,
            speakers: &self.speakers,
            aliases: &Default::default(),
        }
        .write(dir)
    }
}

/// An index and what it indexes, to write as the files of `index/`.
pub struct IndexFiles<'a, P = Vec<u8>> {
    pub index: &'a Index<P>,
    pub records: &'a [Record],
    pub texts: &'a [Vec<String>],
    pub speakers: &'a [Speaker],
    /// Who is one person (`Aliases::joined`, kept in `meta.json` for the
    /// search's filters).
    pub aliases: &'a std::collections::BTreeMap<String, String>,
}

impl<P: Postings> IndexFiles<'_, P> {
    /// Writes the index under `dir` (made if missing); returns how many
    /// files and bytes it wrote.
    pub fn write(&self, dir: &Path) -> io::Result<(usize, u64)> {
        std::fs::create_dir_all(dir)?;
        let mut files = 0;
        let mut bytes = 0u64;
        let ix = self.index;
        let mut dir_part = Pack::new(dir, "dir");
        dir_part.put(&ix.dir)?;
        let mut parts = vec![dir_part.finish()?, ix.post.part(dir)?];
        let (mut cidx, mut card, mut rec, mut pidx, mut text) = (
            Pack::new(dir, "cidx"),
            Pack::new(dir, "card"),
            Pack::new(dir, "rec"),
            Pack::new(dir, "pidx"),
            Pack::new(dir, "text"),
        );
        let (mut g, mut sizes) = (0u64, Vec::new());
        for (r, texts) in self.records.iter().zip(self.texts) {
            let c = Card {
                source: r.source.clone(),
                url: r.url.clone(),
                title: r.title.clone(),
                date: r.date.clone(),
            };
            let entry = [card.put(&json(&c))?, rec.put(&json(r))?, g];
            cidx.put(&entry.map(u64::to_le_bytes).concat())?;
            for (i, t) in texts.iter().enumerate() {
                let at = r.passages.get(i);
                let p = PassageText {
                    block: at.map_or_else(String::new, |a| a.block.clone()),
                    field: at.map_or_else(String::new, |a| a.field.clone()),
                    speaker: r.speaker_of(i as u32).map(|s| s.name.clone()),
                    text: t.clone(),
                };
                let at = text.put(&json(&p))?;
                sizes.push(text.written() - at);
                pidx.put(&at.to_le_bytes())?;
                g += 1;
            }
        }
        cidx.put(
            &[card.written(), rec.written(), g]
                .map(u64::to_le_bytes)
                .concat(),
        )?;
        pidx.put(&text.written().to_le_bytes())?;
        let (mask_grams, mask_bytes) = mask::part(self.texts);
        let mut masks = Pack::new(dir, "mask");
        masks.put(&mask_bytes)?;
        for p in [cidx, card, rec, pidx, text, masks] {
            parts.push(p.finish()?);
        }
        for p in &parts {
            files += p.files;
            bytes += p.bytes;
        }
        let meta = Meta {
            format: FORMAT,
            docs: ix.docs,
            passages: ix.passages,
            pages: ix.pages,
            pack_bytes: PACK_BYTES,
            parts: parts.into_iter().map(|p| (p.name, p.bytes)).collect(),
            passage_bytes: super::index::weighted_mean(&sizes) + 16,
            mask_grams,
            latin: ix.scripts.to_hex(),
            script_cut: ix.scripts.cut,
            aliases: self.aliases.clone(),
        };
        let summaries: Vec<Summary> = self.speakers.iter().map(Summary::from).collect();
        let whole = [
            ("meta.json", json(&meta)),
            ("speakers.json", json(&summaries)),
        ];
        for (rel, data) in [("keys.bin", &ix.keys)]
            .into_iter()
            .chain(whole.iter().map(|(r, d)| (*r, d)))
        {
            std::fs::write(dir.join(rel), data)?;
            files += 1;
            bytes += data.len() as u64;
        }
        Ok((files, bytes))
    }
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> Vec<u8> {
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_vec(v).unwrap_or_default()
}

/// Why an index folder cannot be read.
#[derive(Debug)]
pub enum ReadError {
    Io(PathBuf, io::Error),
    Format(PathBuf, String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            ReadError::Format(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for ReadError {}

/// One read, as a browser would fetch it: a file whole, or a byte range
/// of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetch {
    /// The file, under the index folder.
    pub path: String,
    /// The bytes read, `None` for the whole file.
    pub range: Option<Range<u64>>,
    /// Bytes read.
    pub bytes: u64,
}

/// An index folder, read file by file and range by range as asked; it
/// keeps a log of what it read ([`Folder::take_fetches`]).
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    pub meta: Meta,
    pub keys: KeyTable,
    log: RefCell<Vec<Fetch>>,
}

impl Folder {
    /// Opens the index under `dir` (a site's `index/` folder).
    pub fn open(dir: &Path) -> Result<Folder, ReadError> {
        let path = dir.join("meta.json");
        let text = std::fs::read_to_string(&path).map_err(|e| ReadError::Io(path.clone(), e))?;
        let format = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("format")?.as_u64());
        if format != Some(u64::from(FORMAT)) {
            return Err(ReadError::Format(
                path,
                format!(
                    "index format {} (this shilu reads {FORMAT}): build the site again",
                    format.map_or("unknown".into(), |f| f.to_string())
                ),
            ));
        }
        let meta: Meta = serde_json::from_str(&text)
            .map_err(|e| ReadError::Format(path.clone(), e.to_string()))?;
        let mut f = Folder {
            dir: dir.to_path_buf(),
            meta,
            keys: KeyTable { pages: Vec::new() },
            log: RefCell::new(vec![Fetch {
                path: "meta.json".into(),
                range: None,
                bytes: text.len() as u64,
            }]),
        };
        let keys = f.whole("keys.bin")?;
        f.keys = KeyTable::read(&keys).map_err(|e| f.damaged("keys.bin", e))?;
        Ok(f)
    }

    fn damaged(&self, rel: &str, e: impl std::fmt::Display) -> ReadError {
        ReadError::Format(self.dir.join(rel), e.to_string())
    }

    /// What was read since the last call, in order.
    pub fn take_fetches(&self) -> Vec<Fetch> {
        std::mem::take(&mut self.log.borrow_mut())
    }

    /// A file read whole.
    pub fn whole(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        let path = self.dir.join(rel);
        let bytes = std::fs::read(&path).map_err(|e| ReadError::Io(path, e))?;
        self.log.borrow_mut().push(Fetch {
            path: rel.into(),
            range: None,
            bytes: bytes.len() as u64,
        });
        Ok(bytes)
    }

    /// Bytes `r` of part `part`, from the one or two files that hold
    /// them.
    pub fn range(&self, part: &str, r: Range<u64>) -> Result<Vec<u8>, ReadError> {
        use std::io::{Read, Seek, SeekFrom};
        let size = self.meta.part_len(part);
        if r.start > r.end || r.end > size {
            return Err(self.damaged(part, "damaged index: a range runs past the end"));
        }
        let pack = self.meta.pack_bytes.max(1);
        let mut out = Vec::with_capacity((r.end - r.start) as usize);
        let mut at = r.start;
        while at < r.end {
            let (file, local) = (at / pack, at % pack);
            let n = (pack - local).min(r.end - at);
            let rel = pack_path(part, file);
            let path = self.dir.join(&rel);
            let io = |e| ReadError::Io(path.clone(), e);
            let mut f = std::fs::File::open(&path).map_err(io)?;
            f.seek(SeekFrom::Start(local)).map_err(io)?;
            let start = out.len();
            out.resize(start + n as usize, 0);
            f.read_exact(&mut out[start..]).map_err(io)?;
            self.log.borrow_mut().push(Fetch {
                path: rel,
                range: Some(local..local + n),
                bytes: n,
            });
            at += n;
        }
        Ok(out)
    }

    /// Directory page `i`.
    pub fn page(&self, i: usize) -> Result<Page, ReadError> {
        let r = self
            .keys
            .pages
            .get(i)
            .ok_or_else(|| self.damaged("keys.bin", "damaged index: no such page"))?
            .1
            .clone();
        dir::read_page(&self.range("dir", r)?).map_err(|e| self.damaged("dir", e))
    }

    /// A posting block's bytes.
    pub fn block(&self, b: &Block) -> Result<Vec<u8>, ReadError> {
        self.range("post", b.at..b.at + u64::from(b.len))
    }

    /// Where transcript `doc`'s parts are.
    pub fn doc(&self, doc: u32) -> Result<DocAt, ReadError> {
        DocAt::read(&self.range("cidx", DocAt::range(doc))?).map_err(|e| self.damaged("cidx", e))
    }

    fn json<T: serde::de::DeserializeOwned>(
        &self,
        part: &str,
        r: Range<u64>,
    ) -> Result<T, ReadError> {
        serde_json::from_slice(&self.range(part, r)?).map_err(|e| self.damaged(part, e))
    }

    pub fn card(&self, at: &DocAt) -> Result<Card, ReadError> {
        self.json("card", at.card.clone())
    }

    pub fn record(&self, at: &DocAt) -> Result<Record, ReadError> {
        self.json("rec", at.record.clone())
    }

    /// Passage `p` of the transcript at `at`.
    pub fn passage(&self, at: &DocAt, p: u32) -> Result<PassageText, ReadError> {
        let g = at.passages.start + u64::from(p);
        if g >= at.passages.end {
            return Err(self.damaged("pidx", "damaged index: no such passage"));
        }
        let r =
            u64s(&self.range("pidx", passage_range(g))?).map_err(|e| self.damaged("pidx", e))?;
        match r.as_slice() {
            [a, b] if a <= b => self.json("text", *a..*b),
            _ => Err(self.damaged("pidx", "damaged index: a passage's range is damaged")),
        }
    }

    /// Every passage of the transcript at `at`, read in one range.
    pub fn passages(&self, at: &DocAt) -> Result<Vec<PassageText>, ReadError> {
        let n = at.passages.end - at.passages.start;
        self.passages_in(at, 0..n as u32)
    }

    /// Passages `ps` of the transcript at `at`, read in one range.
    pub fn passages_in(&self, at: &DocAt, ps: Range<u32>) -> Result<Vec<PassageText>, ReadError> {
        let (a, b) = (
            at.passages.start + u64::from(ps.start),
            at.passages.start + u64::from(ps.end),
        );
        if a > b || b > at.passages.end {
            return Err(self.damaged("pidx", "damaged index: no such passage"));
        }
        let r = a * 8..b * 8 + 8;
        let starts = u64s(&self.range("pidx", r)?).map_err(|e| self.damaged("pidx", e))?;
        let (Some(&first), Some(&last)) = (starts.first(), starts.last()) else {
            return Ok(Vec::new());
        };
        if first > last || starts.windows(2).any(|w| w[0] > w[1]) {
            return Err(self.damaged("pidx", "damaged index: passages out of order"));
        }
        let bytes = self.range("text", first..last)?;
        starts
            .windows(2)
            .map(|w| {
                let s = &bytes[(w[0] - first) as usize..(w[1] - first) as usize];
                serde_json::from_slice(s).map_err(|e| self.damaged("text", e))
            })
            .collect()
    }

    /// The speakers index.
    pub fn speakers(&self) -> Result<Vec<Summary>, ReadError> {
        let rel = "speakers.json";
        serde_json::from_slice(&self.whole(rel)?).map_err(|e| self.damaged(rel, e))
    }
}
