//! What a rebuild reuses of each transcript: what the site keeps of it
//! once parsed ([`Entry`]) and its line of `corpus.jsonl`, kept in a
//! folder of the caller's (the site's cache), so that an unchanged file
//! is not parsed again.
//!
//! An entry is stored under a key of everything it is made of: the
//! file's bytes, its path in the corpus, its page's address, and a `salt`
//! the caller gives for the code that made it (the site generator's: its
//! own executable's digest), so a changed file, a moved one or another
//! shilu parses again. The key is also inside the entry, and an entry
//! that does not read back whole, or whose key is not its name's, is
//! parsed again: a damaged or stale entry is never trusted. Entries no
//! build used are removed by [`Kept::prune`], so the folder holds one
//! corpus's.

use super::folder::Entry;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The entries kept in a folder.
pub struct Kept {
    dir: PathBuf,
    salt: String,
    used: Mutex<HashSet<String>>,
    /// Entries read back.
    pub hits: AtomicUsize,
}

#[derive(Serialize)]
struct Put<'a> {
    key: &'a str,
    entry: &'a Entry,
    line: &'a str,
}

#[derive(Deserialize)]
struct Got {
    key: String,
    entry: Entry,
    line: String,
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Kept {
    /// The entries in `dir` (made if missing) of the code `salt`; `None`
    /// where it cannot be made (the build goes on without it).
    pub fn open(dir: &Path, salt: &str) -> Option<Kept> {
        std::fs::create_dir_all(dir).ok()?;
        Some(Kept {
            dir: dir.to_path_buf(),
            salt: salt.to_string(),
            used: Mutex::new(HashSet::new()),
            hits: AtomicUsize::new(0),
        })
    }

    /// The key of the file `source` of `bytes`, whose page is `url`.
    pub fn key(&self, source: &str, url: &str, bytes: &[u8]) -> String {
        self.key_of(&[source.as_bytes(), url.as_bytes(), bytes])
    }

    /// The key of what is made of `parts` (and of the code).
    pub fn key_of(&self, parts: &[&[u8]]) -> String {
        let mut h = Sha256::new();
        for part in std::iter::once(self.salt.as_bytes()).chain(parts.iter().copied()) {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        hex(&h.finalize()[..16])
    }

    /// The bytes kept as `name` (a key and an extension), if any; what
    /// they hold is the caller's to check.
    pub fn get_file(&self, name: &str) -> Option<Vec<u8>> {
        if let Ok(mut used) = self.used.lock() {
            used.insert(name.to_string());
        }
        std::fs::read(self.dir.join(name)).ok()
    }

    /// Keeps `bytes` as `name`: written whole, then named, so a build
    /// stopped midway leaves no half file under a name.
    pub fn put_file(&self, name: &str, bytes: &[u8]) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(name.to_string());
        }
        let path = self.dir.join(name);
        let part = self.dir.join(format!("{name}.part-{}", std::process::id()));
        if std::fs::write(&part, bytes).is_ok() && std::fs::rename(&part, &path).is_err() {
            let _ = std::fs::remove_file(&part);
        }
    }

    /// The entry and line kept under `key`, if whole and its own.
    pub fn get(&self, key: &str) -> Option<(Entry, String)> {
        let bytes = self.get_file(&format!("{key}.json"))?;
        let got: Got = serde_json::from_slice(&bytes).ok()?;
        if got.key != key {
            return None;
        }
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some((got.entry, got.line))
    }

    /// Keeps `entry` and `line` under `key`: written whole, then named,
    /// so a build stopped midway leaves no half entry under a key.
    pub fn put(&self, key: &str, entry: &Entry, line: &str) {
        if let Ok(bytes) = serde_json::to_vec(&Put { key, entry, line }) {
            self.put_file(&format!("{key}.json"), &bytes);
        }
    }

    /// Removes what this build did not use.
    pub fn prune(&self) {
        let Ok(used) = self.used.lock() else { return };
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            if !used.contains(e.file_name().to_string_lossy().as_ref()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}
