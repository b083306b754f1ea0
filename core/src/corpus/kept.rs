//! What a rebuild reuses of each transcript: what the site keeps of it
//! once parsed ([`Entry`]) and its line of `corpus.jsonl`, kept in a
//! folder of the caller's (the site's cache), so that an unchanged file
//! is not parsed again.
//!
//! An entry is stored under a key of everything it is made of: the
//! file's bytes, its path in the corpus, its page's address, and a `salt`
//! the caller gives for the code that made it (the site generator's: its
//! own executable's digest), so a changed file, a moved one or another
//! shilu parses again. It is kept in a binary form (`KEY.entry`: the key,
//! the line and the passages' texts as they are, the record and the
//! appearances as JSON, and a checksum), so reading it back is mostly
//! copying. The key is also inside the entry, and an entry that does not
//! read back whole (its checksum), or whose key is not its name's, is
//! parsed again: a damaged or stale entry is never trusted. Entries no
//! build used are removed by [`Kept::prune`], so the folder holds one
//! corpus's.

use super::catalog::Record;
use super::folder::Entry;
use super::index::postings::{get64, put64};
use super::speakers::Appearance;
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

/// The start of a kept entry, and its format's number.
const MAGIC: &[u8] = b"shilu kept entry 2\n";

/// An entry's record and appearances (its small part, as JSON; its
/// texts and line follow as they are).
#[derive(Serialize)]
struct PutMeta<'a> {
    record: &'a Record,
    appearances: &'a [Appearance],
}

#[derive(Deserialize)]
struct GotMeta {
    record: Record,
    appearances: Vec<Appearance>,
}

/// An entry's bytes as kept under `key`: the magic, then the key, the
/// line, the record and appearances (JSON) and each passage's text,
/// each its length (LEB128) and bytes, and last a checksum of them all.
fn entry_bytes(key: &str, entry: &Entry, line: &str) -> Option<Vec<u8>> {
    let meta = serde_json::to_vec(&PutMeta {
        record: &entry.record,
        appearances: &entry.appearances,
    })
    .ok()?;
    let texts: usize = entry.texts.iter().map(|t| t.len() + 5).sum();
    let mut out =
        Vec::with_capacity(MAGIC.len() + key.len() + line.len() + meta.len() + texts + 64);
    out.extend_from_slice(MAGIC);
    let field = |out: &mut Vec<u8>, b: &[u8]| {
        put64(out, b.len() as u64);
        out.extend_from_slice(b);
    };
    field(&mut out, key.as_bytes());
    field(&mut out, line.as_bytes());
    field(&mut out, &meta);
    put64(&mut out, entry.texts.len() as u64);
    for t in &entry.texts {
        field(&mut out, t.as_bytes());
    }
    Some(seal(out))
}

/// The entry and line `data` holds, if whole (its checksum holds, its
/// fields fill it) and kept under `key`.
fn entry_of(data: &[u8], key: &str) -> Option<(Entry, String)> {
    let rest = unseal(data, MAGIC)?;
    let mut at = 0;
    let field = |at: &mut usize| -> Option<&[u8]> {
        let len = usize::try_from(get64(rest, at).ok()?).ok()?;
        let b = rest.get(*at..at.checked_add(len)?)?;
        *at += len;
        Some(b)
    };
    if field(&mut at)? != key.as_bytes() {
        return None;
    }
    let line = std::str::from_utf8(field(&mut at)?).ok()?.to_string();
    let meta: GotMeta = serde_json::from_slice(field(&mut at)?).ok()?;
    let n = usize::try_from(get64(rest, &mut at).ok()?).ok()?;
    let mut texts = Vec::with_capacity(n.min(rest.len()));
    for _ in 0..n {
        texts.push(std::str::from_utf8(field(&mut at)?).ok()?.to_string());
    }
    (at == rest.len()).then_some((
        Entry {
            record: meta.record,
            texts,
            appearances: meta.appearances,
        },
        line,
    ))
}

/// A checksum against damage of what is kept (not an adversary: the
/// cache is the user's own).
fn checksum(bytes: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(bytes).to_le_bytes()
}

/// Ends kept bytes with their checksum, as [`unseal`] reads them.
pub fn seal(mut out: Vec<u8>) -> Vec<u8> {
    let sum = checksum(&out);
    out.extend_from_slice(&sum);
    out
}

/// What [`seal`]ed `data` holds after its `magic` (the format's start
/// and number), if its checksum holds and it starts so.
pub fn unseal<'a>(data: &'a [u8], magic: &[u8]) -> Option<&'a [u8]> {
    let (body, sum) = data.split_at(data.len().checked_sub(16)?);
    (checksum(body) == sum).then_some(())?;
    body.strip_prefix(magic)
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
        let got = entry_of(&self.get_file(&format!("{key}.entry"))?, key)?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(got)
    }

    /// Keeps `entry` and `line` under `key`: written whole, then named,
    /// so a build stopped midway leaves no half entry under a key.
    pub fn put(&self, key: &str, entry: &Entry, line: &str) {
        if let Some(bytes) = entry_bytes(key, entry, line) {
            self.put_file(&format!("{key}.entry"), &bytes);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{folder, load};

    fn made() -> (Entry, String) {
        let text = "# 記者會\n\n主持人：各位好，今天談\"開放資料\"。\n\n唐鳳：謝謝。\\n 換行與 tab\t都照存。\n";
        let t = load::parse(Path::new("a.md"), "a.md".into(), text.as_bytes()).unwrap();
        folder::entry(t, "t/a/".into())
    }

    #[test]
    fn an_entry_reads_back_whole_only_under_its_key() {
        let dir = std::env::temp_dir().join(format!("shilu-kept-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let kept = Kept::open(&dir, "test").unwrap();
        let (entry, line) = made();
        assert!(!entry.texts.is_empty());
        let key = kept.key("a.md", "t/a/", b"bytes");
        kept.put(&key, &entry, &line);
        assert_eq!(kept.get(&key), Some((entry.clone(), line.clone())));
        let bytes = entry_bytes(&key, &entry, &line).unwrap();
        // Under another key, cut short, or with any byte changed: not
        // trusted.
        assert_eq!(entry_of(&bytes, "other"), None);
        assert_eq!(entry_of(&bytes[..bytes.len() - 1], &key), None);
        assert_eq!(entry_of(&[], &key), None);
        for i in (0..bytes.len()).step_by(7) {
            let mut b = bytes.clone();
            b[i] ^= 0x10;
            assert_eq!(entry_of(&b, &key), None, "byte {i}");
        }
        std::fs::write(dir.join(format!("{key}.entry")), &bytes[..bytes.len() / 2]).unwrap();
        assert_eq!(kept.get(&key), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
