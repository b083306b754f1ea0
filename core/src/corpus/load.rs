//! Reads a folder of transcripts: every `.txt` and `.md` below it, in any
//! encoding the core decodes, parsed on every core. A file that cannot
//! be read, or is empty or binary, is skipped with its reason; the rest
//! go on.

use crate::model::Document;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// One transcript of the corpus.
#[derive(Debug, Clone)]
pub struct Transcript {
    /// The file's path relative to the folder, with `/` between parts.
    pub source: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its structure (what [`crate::structure`] reads).
    pub doc: Document,
}

/// A file left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub source: String,
    pub reason: String,
}

/// Every transcript file below `dir`, sorted: `.txt`, `.md` and
/// `.markdown`, hidden files and folders left out.
pub fn files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    walk(dir, &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| matches!(e.to_str(), Some("txt" | "md" | "markdown")))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// `path` relative to `dir`, `/` between its parts.
pub fn source_of(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads one file: its transcript, or why it was skipped.
pub fn read(dir: &Path, path: &Path) -> Result<Transcript, Skipped> {
    let source = source_of(dir, path);
    let bytes = read_bytes(path, &source)?;
    parse(path, source, &bytes)
}

/// A file's bytes, or why it cannot be read.
pub fn read_bytes(path: &Path, source: &str) -> Result<Vec<u8>, Skipped> {
    std::fs::read(path).map_err(|e| Skipped {
        source: source.to_string(),
        reason: format!("cannot read: {e}"),
    })
}

/// The transcript of `bytes`, read from `path` (whose name the parser
/// may take a date from) as `source`, or why it was skipped.
pub fn parse(path: &Path, source: String, bytes: &[u8]) -> Result<Transcript, Skipped> {
    let text = crate::decode(bytes).map_err(|e| Skipped {
        source: source.clone(),
        reason: e.to_string(),
    })?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let doc = crate::structure(&text, name.as_deref());
    Ok(Transcript {
        source,
        bytes: bytes.len(),
        doc,
    })
}

/// Reads `files` (below `dir`) on every core, each turned by `keep`
/// into what the caller keeps of it (so a large corpus never holds every
/// parsed document at once). `each` gets every file's number and result
/// on the calling thread, as they come (not in order).
pub fn read_all<T: Send>(
    dir: &Path,
    files: &[PathBuf],
    keep: &(dyn Fn(Transcript) -> T + Sync),
    each: &mut dyn FnMut(usize, Result<T, Skipped>),
) {
    on_every_core(files, &|path| read(dir, path).map(keep), each)
}

/// Runs `job` on each of `files` on every core; `each` gets every file's
/// number and result on the calling thread, as they come (not in order).
pub fn on_every_core<T: Send>(
    files: &[PathBuf],
    job: &(dyn Fn(&Path) -> Result<T, Skipped> + Sync),
    each: &mut dyn FnMut(usize, Result<T, Skipped>),
) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::scope(|s| {
        for _ in 0..threads.min(files.len().max(1)) {
            let send = send.clone();
            let next = &next;
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                if send.send((i, job(path))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        for (i, r) in receive {
            each(i, r);
        }
    });
}
