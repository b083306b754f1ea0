//! A packed part of a site's index (`dir`, `post`, `text`, …): one run
//! of bytes cut into files of [`PACK_BYTES`] (static hosts limit a file's
//! size), written as it is given ([`super::folder`] says what each holds).

use super::index::build::Sink;
use std::io;
use std::path::{Path, PathBuf};

/// Bytes per file of a packed part.
pub const PACK_BYTES: u64 = 16 * 1024 * 1024;

/// A packed part being written.
pub struct Pack {
    name: &'static str,
    bytes: u64,
    file: Option<io::BufWriter<std::fs::File>>,
    dir: PathBuf,
    files: usize,
}

/// A packed part written: its name, bytes and files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub bytes: u64,
    pub files: usize,
}

impl Pack {
    /// Part `name` of the index under `dir`, written as it is given.
    pub fn new(dir: &Path, name: &'static str) -> Pack {
        Pack {
            name,
            bytes: 0,
            file: None,
            dir: dir.to_path_buf(),
            files: 0,
        }
    }

    /// Bytes written so far.
    pub fn written(&self) -> u64 {
        self.bytes
    }

    /// Appends `data`; where it starts in the part.
    pub fn put(&mut self, mut data: &[u8]) -> io::Result<u64> {
        use io::Write;
        let at = self.bytes;
        while !data.is_empty() {
            let room = PACK_BYTES - self.bytes % PACK_BYTES;
            if self.bytes % PACK_BYTES == 0 || self.file.is_none() {
                if let Some(mut f) = self.file.take() {
                    f.flush()?;
                }
                let path = self.dir.join(pack_path(self.name, self.bytes / PACK_BYTES));
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                self.file = Some(io::BufWriter::new(std::fs::File::create(path)?));
                self.files += 1;
            }
            let n = (room as usize).min(data.len());
            if let Some(f) = self.file.as_mut() {
                f.write_all(&data[..n])?;
            }
            self.bytes += n as u64;
            data = &data[n..];
        }
        Ok(at)
    }

    pub fn finish(mut self) -> io::Result<Part> {
        use io::Write;
        if let Some(mut f) = self.file.take() {
            f.flush()?;
        }
        if self.files == 0 {
            // An empty part is one empty file.
            let path = self.dir.join(pack_path(self.name, 0));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, b"")?;
            self.files = 1;
        }
        Ok(Part {
            name: self.name.to_string(),
            bytes: self.bytes,
            files: self.files,
        })
    }
}

impl Sink for Pack {
    type Error = io::Error;
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        Pack::put(self, bytes).map(drop)
    }
}

/// An index's posting blocks, as [`IndexFiles`] writes them: bytes held,
/// or the part they were written to as they were laid out.
pub trait Postings {
    /// The `post` part under `dir`, written if it is not yet.
    fn part(&self, dir: &Path) -> io::Result<Part>;
}

impl Postings for Vec<u8> {
    fn part(&self, dir: &Path) -> io::Result<Part> {
        let mut p = Pack::new(dir, "post");
        p.put(self)?;
        p.finish()
    }
}

impl Postings for Part {
    fn part(&self, _: &Path) -> io::Result<Part> {
        Ok(self.clone())
    }
}

/// The file of part `name` that holds its `i`th [`PACK_BYTES`].
pub fn pack_path(name: &str, i: u64) -> String {
    format!("{name}/{i:03}.bin")
}
