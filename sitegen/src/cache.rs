//! What a rebuild reuses, kept in a folder beside the output
//! (`.NAME.cache/`, never deployed):
//!
//! - `entries/`: each transcript as parsed (`shilu_core::corpus::kept`),
//!   so an unchanged file is not parsed again, the index's segments
//!   (`corpus::index::segments`) and the speakers' terms' counts
//!   (`corpus::terms::memo`), so that only changed transcripts are indexed
//!   and counted again;
//! - `files/`: the site's costly files (each transcript's page and Akoma
//!   Ntoso file, each speaker's page) and each transcript's pre-rendered
//!   app page, each under a key of everything it is made of (the texts,
//!   records and terms it shows, the site's title and address) and of the
//!   code: the [`Cache::salt`], a digest of the generator's own
//!   executable and of the app's page (`index.html`, which names the wasm
//!   by its content). A file whose key is kept is hard-linked into the
//!   new site (copied where links fail) instead of being rendered and
//!   written again.
//!
//! A kept file is named `KEY.SUM`, `SUM` its content's XXH3-128 checksum,
//! and is used only when its content still has that checksum: a damaged
//! file (or one changed through a link) is made again, never trusted.
//! Files are written whole under another name, then renamed, and never
//! changed in place; the new site links them, so the site a build
//! replaces is left as it was. Whatever a build did not use is removed
//! at its end, so the cache holds one site's files.

use sha2::{Digest, Sha256};
use shilu_core::corpus::build::BuildError;
use shilu_core::corpus::kept::{hex, Kept};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

pub struct Cache {
    dir: PathBuf,
    files: PathBuf,
    /// The code's part of every key.
    salt: String,
    /// The kept files, by key: their names.
    kept: HashMap<String, String>,
    used: Mutex<HashSet<String>>,
    /// Parsed transcripts.
    pub entries: Option<Kept>,
    /// Files linked from the cache, and app pages read from it.
    pub hits: AtomicUsize,
    /// Numbers the files being written.
    parts: AtomicUsize,
}

/// A key: the digest of a file's inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(String);

/// A file's checksum, against damage (not an adversary: the cache is
/// the user's own).
fn sum(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// The SHA-256 digest of `bytes`.
pub fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The digest of the running executable, or `None` where it cannot be
/// read.
fn own_digest() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let bytes = std::fs::read(exe).ok()?;
    Some(hex(&Sha256::digest(&bytes)))
}

impl Cache {
    /// The cache beside `out`, for pages of the app whose page is
    /// `index_html`; `None` where it cannot be made, or the generator
    /// cannot read itself (the build goes on without it).
    pub fn beside(out: &Path, index_html: &str) -> Option<Cache> {
        let name = out.file_name()?.to_string_lossy().into_owned();
        let dir = out.with_file_name(format!(".{name}.cache"));
        let files = dir.join("files");
        std::fs::create_dir_all(&files).ok()?;
        let mut h = Sha256::new();
        h.update(own_digest()?.as_bytes());
        h.update(index_html.as_bytes());
        let salt = hex(&h.finalize());
        let kept = std::fs::read_dir(&files)
            .ok()?
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let (key, digest) = name.split_once('.')?;
                (digest.len() == 32).then(|| (key.to_string(), name.clone()))
            })
            .collect();
        Some(Cache {
            entries: Kept::open(&dir.join("entries"), &salt),
            dir,
            files,
            salt,
            kept,
            used: Mutex::new(HashSet::new()),
            hits: AtomicUsize::new(0),
            parts: AtomicUsize::new(0),
        })
    }

    /// The key of a file made of `parts` (each one whole: their lengths
    /// are part of the key).
    pub fn key(&self, parts: &[&[u8]]) -> Key {
        let mut h = Sha256::new();
        h.update(self.salt.as_bytes());
        for p in parts {
            h.update((p.len() as u64).to_le_bytes());
            h.update(p);
        }
        Key(hex(&h.finalize()[..16]))
    }

    /// Keeps the file of `key`, if kept, for the next build, unread (an
    /// app page whose transcript's page was kept whole).
    pub fn keep(&self, key: &Key) {
        if let (Some(name), Ok(mut used)) = (self.kept.get(&key.0), self.used.lock()) {
            used.insert(name.clone());
        }
    }

    /// The kept file of `key`, if its content is whole: its path and
    /// bytes.
    fn get(&self, key: &Key) -> Option<(PathBuf, Vec<u8>)> {
        let name = self.kept.get(&key.0)?;
        if let Ok(mut used) = self.used.lock() {
            used.insert(name.clone());
        }
        let path = self.files.join(name);
        let bytes = std::fs::read(&path).ok()?;
        let digest = name.split_once('.').map(|(_, d)| d)?;
        (sum(&bytes) == digest).then_some((path, bytes))
    }

    /// Keeps `bytes` under `key`; returns its path, if written.
    fn put(&self, key: &Key, bytes: &[u8]) -> Option<PathBuf> {
        let name = format!("{}.{}", key.0, sum(bytes));
        if let Ok(mut used) = self.used.lock() {
            used.insert(name.clone());
        }
        let path = self.files.join(&name);
        let part = self.files.join(format!(
            "{}.part-{}-{}",
            key.0,
            std::process::id(),
            self.parts.fetch_add(1, Ordering::Relaxed)
        ));
        if std::fs::write(&part, bytes).is_ok() && std::fs::rename(&part, &path).is_ok() {
            return Some(path);
        }
        let _ = std::fs::remove_file(&part);
        None
    }

    /// The bytes of `key`: the kept ones, else `make`'s, kept.
    pub fn bytes(&self, key: &Key, make: impl FnOnce() -> String) -> String {
        if let Some((_, bytes)) = self.get(key) {
            if let Ok(text) = String::from_utf8(bytes) {
                self.hits.fetch_add(1, Ordering::Relaxed);
                return text;
            }
        }
        let made = make();
        self.put(key, made.as_bytes());
        made
    }

    /// Puts the file of `key` at `to`: linked from the cache where kept,
    /// else `make`'s, kept and linked. Returns its size.
    pub fn file(
        &self,
        key: &Key,
        to: &Path,
        make: impl FnOnce() -> Result<Vec<u8>, BuildError>,
    ) -> Result<u64, BuildError> {
        let (from, bytes, hit) = match self.get(key) {
            Some((from, bytes)) => (Some(from), bytes, true),
            None => {
                let bytes = make()?;
                (self.put(key, &bytes), bytes, false)
            }
        };
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| BuildError(format!("cannot write {}: {e}", parent.display())))?;
        }
        let linked = from.is_some_and(|f| std::fs::hard_link(f, to).is_ok());
        if !linked {
            std::fs::write(to, &bytes)
                .map_err(|e| BuildError(format!("cannot write {}: {e}", to.display())))?;
        }
        if hit {
            self.hits.fetch_add(1, Ordering::Relaxed);
        }
        Ok(bytes.len() as u64)
    }

    /// Removes what this build did not use (and what earlier versions
    /// kept beside the folders).
    pub fn prune(&self) {
        if let Some(k) = &self.entries {
            k.prune();
        }
        let Ok(used) = self.used.lock() else { return };
        for e in std::fs::read_dir(&self.files)
            .into_iter()
            .flatten()
            .flatten()
        {
            if !used.contains(e.file_name().to_string_lossy().as_ref()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
        for e in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            if e.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(s: &str) -> impl FnOnce() -> Result<Vec<u8>, BuildError> + '_ {
        move || Ok(s.as_bytes().to_vec())
    }

    #[test]
    fn a_file_is_made_once_per_key_and_damaged_or_unused_ones_go() {
        let root = std::env::temp_dir().join(format!("shilu-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let out = root.join("site");
        std::fs::create_dir_all(&out).unwrap();
        let cache = Cache::beside(&out, "app 1").unwrap();
        let a = cache.key(&[b"a"]);
        assert_ne!(a, cache.key(&[b"", b"a"]));
        cache.file(&a, &out.join("1"), made("A")).unwrap();
        assert_eq!(cache.hits.load(Ordering::Relaxed), 0);
        // Kept: read back, linked.
        let again = Cache::beside(&out, "app 1").unwrap();
        again.file(&a, &out.join("2"), || unreachable!()).unwrap();
        assert_eq!(std::fs::read(out.join("2")).unwrap(), b"A");
        assert_eq!(again.hits.load(Ordering::Relaxed), 1);
        // Damaged through the link: made again, not trusted.
        std::fs::write(out.join("2"), b"B").unwrap();
        let third = Cache::beside(&out, "app 1").unwrap();
        third.file(&a, &out.join("3"), made("A")).unwrap();
        assert_eq!(third.hits.load(Ordering::Relaxed), 0);
        assert_eq!(std::fs::read(out.join("3")).unwrap(), b"A");
        // Another app makes it again; the first app's file is pruned.
        let other = Cache::beside(&out, "app 2").unwrap();
        let a2 = other.key(&[b"a"]);
        assert_ne!(a, a2);
        assert_eq!(other.bytes(&a2, || "A2".into()), "A2");
        other.prune();
        let left = std::fs::read_dir(root.join(".site.cache/files")).unwrap();
        assert_eq!(left.count(), 1);
        let _ = std::fs::remove_dir_all(&root);
    }
}
