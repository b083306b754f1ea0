//! The corpus as a site's files: `corpus.jsonl` ([`Lines`]) and the
//! index, under the site's `index/` folder:
//!
//! | file | holds |
//! | --- | --- |
//! | `meta.json` | the [`Meta`]: format, counts, each shard's first key |
//! | `shards/NNNNN.bin` | posting lists ([`super::index::shard`]) |
//! | `docs/NNNNN.json` | the [`Record`]s of [`DOC_CHUNK`] transcripts |
//! | `text/NNNNN.json` | their passages' text, for excerpts |
//! | `speakers.json` | the speakers index ([`Summary`]) |
//!
//! A reader fetches `meta.json`, then only the shards, records and texts
//! a query needs.

use super::catalog::{self, Record};
use super::index::build::Builder;
use super::index::shard::Shard;
use super::index::{FormatError, Meta, FORMAT};
use super::jsonl;
use super::load::Transcript;
use super::passages;
use super::speakers::{self, Appearance, Speaker, Summary};
use std::io;
use std::path::{Path, PathBuf};

/// Transcripts per `docs/` and `text/` file.
pub const DOC_CHUNK: u32 = 16;

/// What the site keeps of a transcript once it is parsed.
#[derive(Debug, Clone)]
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

/// A corpus built in memory: the index, the records, the speakers.
#[derive(Debug)]
pub struct Built {
    pub meta: Meta,
    pub shards: Vec<Vec<u8>>,
    /// In the corpus's order: transcript `i` is `records[i]`.
    pub records: Vec<Record>,
    /// Each transcript's passages' text.
    pub texts: Vec<Vec<String>>,
    pub speakers: Vec<Speaker>,
}

/// Builds the corpus of `entries`, in the corpus's order
/// ([`catalog::order`]).
pub fn build(mut entries: Vec<Entry>) -> Built {
    entries.sort_by(|a, b| catalog::order(&a.record, &b.record));
    let mut builder = Builder::new();
    let n = entries.len();
    let (mut records, mut texts, mut appearances) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for e in entries {
        builder.add(e.texts.iter().map(String::as_str));
        records.push(e.record);
        texts.push(e.texts);
        appearances.push(e.appearances);
    }
    let speakers = speakers::aggregate(&records, &appearances);
    let (meta, shards) = builder.finish();
    Built {
        meta,
        shards,
        records,
        texts,
        speakers,
    }
}

fn chunk_path(kind: &str, chunk: u32) -> String {
    format!("{kind}/{chunk:05}.json")
}

impl Built {
    /// Writes the index under `dir` (made if missing); returns how many
    /// files and bytes it wrote.
    pub fn write(&self, dir: &Path) -> io::Result<(usize, u64)> {
        let mut files = 0;
        let mut bytes = 0u64;
        let mut put = |rel: &str, data: &[u8]| -> io::Result<()> {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, data)?;
            files += 1;
            bytes += data.len() as u64;
            Ok(())
        };
        put("meta.json", &json(&self.meta))?;
        for (i, s) in self.shards.iter().enumerate() {
            put(&Meta::shard_path(i), s)?;
        }
        for (c, records) in self.records.chunks(DOC_CHUNK as usize).enumerate() {
            put(&chunk_path("docs", c as u32), &json(records))?;
        }
        for (c, texts) in self.texts.chunks(DOC_CHUNK as usize).enumerate() {
            put(&chunk_path("text", c as u32), &json(texts))?;
        }
        let summaries: Vec<Summary> = self.speakers.iter().map(Summary::from).collect();
        put("speakers.json", &json(&summaries))?;
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

/// An index folder, read file by file as asked.
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    pub meta: Meta,
}

impl Folder {
    /// Opens the index under `dir` (a site's `index/` folder).
    pub fn open(dir: &Path) -> Result<Folder, ReadError> {
        let path = dir.join("meta.json");
        let text = std::fs::read_to_string(&path).map_err(|e| ReadError::Io(path.clone(), e))?;
        let meta: Meta = serde_json::from_str(&text)
            .map_err(|e| ReadError::Format(path.clone(), e.to_string()))?;
        if meta.format != FORMAT {
            return Err(ReadError::Format(
                path,
                format!(
                    "index format {} (this shilu reads {FORMAT}): build the site again",
                    meta.format
                ),
            ));
        }
        Ok(Folder {
            dir: dir.to_path_buf(),
            meta,
        })
    }

    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        let path = self.dir.join(rel);
        std::fs::read(&path).map_err(|e| ReadError::Io(path, e))
    }

    pub fn shard(&self, i: usize) -> Result<Shard, ReadError> {
        let rel = Meta::shard_path(i);
        Shard::read(self.read(&rel)?)
            .map_err(|e: FormatError| ReadError::Format(self.dir.join(rel), e.to_string()))
    }

    fn chunk<T: serde::de::DeserializeOwned>(
        &self,
        kind: &str,
        c: u32,
    ) -> Result<Vec<T>, ReadError> {
        let rel = chunk_path(kind, c);
        serde_json::from_slice(&self.read(&rel)?)
            .map_err(|e| ReadError::Format(self.dir.join(rel), e.to_string()))
    }

    /// The records of transcripts from `chunk * DOC_CHUNK`.
    pub fn records(&self, chunk: u32) -> Result<Vec<Record>, ReadError> {
        self.chunk("docs", chunk)
    }

    /// The speakers index.
    pub fn speakers(&self) -> Result<Vec<Summary>, ReadError> {
        let rel = "speakers.json";
        serde_json::from_slice(&self.read(rel)?)
            .map_err(|e| ReadError::Format(self.dir.join(rel), e.to_string()))
    }

    /// The passages' texts of the same transcripts.
    pub fn texts(&self, chunk: u32) -> Result<Vec<Vec<String>>, ReadError> {
        self.chunk("text", chunk)
    }
}

/// `corpus.jsonl`, written as transcripts are read: each line goes out
/// as soon as every file before it has, so the file is in the sources'
/// order and only the lines of files read early wait in memory.
pub struct Lines {
    out: io::BufWriter<std::fs::File>,
    next: usize,
    waiting: std::collections::BTreeMap<usize, Option<String>>,
    pub bytes: u64,
}

impl Lines {
    pub fn create(path: &Path) -> io::Result<Lines> {
        Ok(Lines {
            out: io::BufWriter::new(std::fs::File::create(path)?),
            next: 0,
            waiting: Default::default(),
            bytes: 0,
        })
    }

    /// File `i`'s line, or `None` for a file skipped.
    pub fn put(&mut self, i: usize, line: Option<String>) -> io::Result<()> {
        use io::Write;
        self.waiting.insert(i, line);
        while let Some(line) = self.waiting.remove(&self.next) {
            if let Some(l) = line {
                self.out.write_all(l.as_bytes())?;
                self.out.write_all(b"\n")?;
                self.bytes += l.len() as u64 + 1;
            }
            self.next += 1;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<u64> {
        use io::Write;
        self.out.flush()?;
        Ok(self.bytes)
    }
}
