//! The index as files, under a site's `index/` folder:
//!
//! | file | holds |
//! | --- | --- |
//! | `meta.json` | the [`Meta`]: format, counts, each shard's first key |
//! | `shards/NNNNN.bin` | posting lists ([`super::index::shard`]) |
//! | `docs/NNNNN.json` | the [`Record`]s of [`DOC_CHUNK`] transcripts |
//! | `text/NNNNN.json` | their passages' text, for excerpts |
//!
//! A reader fetches `meta.json`, then only the shards, records and texts
//! a query needs.

use super::catalog::{self, Record};
use super::index::build::Builder;
use super::index::shard::Shard;
use super::index::{FormatError, Meta, FORMAT};
use super::load::Transcript;
use super::passages;
use std::io;
use std::path::{Path, PathBuf};

/// Transcripts per `docs/` and `text/` file.
pub const DOC_CHUNK: u32 = 16;

/// What the index keeps of a transcript once it is parsed.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its record, the page's `url` still empty.
    pub record: Record,
    /// Its passages' text, in order.
    pub texts: Vec<String>,
}

/// What the index keeps of `t`: a parser thread calls it, so that the
/// whole document need not be kept.
pub fn entry(t: Transcript) -> Entry {
    Entry {
        record: catalog::record(&t, String::new()),
        texts: passages::of(&t.doc)
            .iter()
            .map(|p| p.text.to_string())
            .collect(),
    }
}

/// An index built in memory.
#[derive(Debug)]
pub struct Built {
    pub meta: Meta,
    pub shards: Vec<Vec<u8>>,
    /// In the corpus's order: transcript `i` is `records[i]`.
    pub records: Vec<Record>,
    /// Each transcript's passages' text.
    pub texts: Vec<Vec<String>>,
}

/// Indexes `entries`, in the corpus's order ([`catalog::order`]), each
/// with its page's url.
pub fn build(mut entries: Vec<Entry>) -> Built {
    entries.sort_by(|a, b| catalog::order(&a.record, &b.record));
    let urls = catalog::urls(entries.iter().map(|e| e.record.source.as_str()));
    let mut builder = Builder::new();
    let mut records = Vec::with_capacity(entries.len());
    let mut texts = Vec::with_capacity(entries.len());
    for (mut e, url) in entries.into_iter().zip(urls) {
        builder.add(e.texts.iter().map(String::as_str));
        e.record.url = url;
        records.push(e.record);
        texts.push(e.texts);
    }
    let (meta, shards) = builder.finish();
    Built {
        meta,
        shards,
        records,
        texts,
    }
}

fn chunk_path(kind: &str, chunk: u32) -> String {
    format!("{kind}/{chunk:05}.json")
}

impl Built {
    /// Writes the files under `dir` (made if missing); returns how many
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

    /// The passages' texts of the same transcripts.
    pub fn texts(&self, chunk: u32) -> Result<Vec<Vec<String>>, ReadError> {
        self.chunk("text", chunk)
    }
}
