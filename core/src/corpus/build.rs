//! Builds a corpus's files from a folder of transcripts: reads and
//! parses every file on every core, keeps what the site needs of each,
//! writes `corpus.jsonl` as it goes and the index at the end, all into a
//! new folder beside the output that is swapped in only when whole, so
//! a failed build leaves the previous output as it was.

use super::aliases::{self, Aliases, Suggestion};
use super::catalog;
use super::folder;
use super::index::build::Builder;
use super::index::segments::{self, MergeError};
use super::jsonl::Lines;
use super::kept::Kept;
use super::load::{self, Skipped};
use super::pack::Pack;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::time::Instant;

/// Where a build is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// How many files there are to read.
    Files(usize),
    /// One more file read.
    Read,
    /// Everything read; indexing and writing.
    Indexing,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct Report {
    pub files: usize,
    pub transcripts: usize,
    pub speakers: usize,
    pub passages: u64,
    pub skipped: Vec<Skipped>,
    /// Files written, and their bytes.
    pub written: usize,
    pub bytes: u64,
    pub read_secs: f64,
    /// Building the index (on a thread of its own, beside the caller's
    /// work).
    pub index_secs: f64,
    /// Transcripts whose entry was kept from an earlier build, not parsed.
    pub kept: usize,
    /// The index's segments, and those kept from an earlier build.
    pub segments: segments::Made,
    /// Speakers the texts write as one (`唐鳳（Audrey Tang）`), not
    /// joined by the aliases: for the editor ([`aliases`]).
    pub suggestions: Vec<Suggestion>,
    /// Seconds per phase, in order (the index's overlap the caller's).
    pub phases: Vec<(&'static str, f64)>,
    pub secs: f64,
    /// Where the files are.
    pub out: String,
    /// The process's peak memory, in bytes, where the system says
    /// (Linux's `/proc/self/status`).
    pub peak_memory: Option<u64>,
    /// When the build started.
    pub started: Instant,
}

/// The process's peak resident memory so far (Linux's `VmHWM`).
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.skipped {
            writeln!(f, "skipped {}: {}", s.source, s.reason)?;
        }
        write!(
            f,
            "{} files, {} transcripts, {} speakers, {} skipped, {} passages; wrote {} files, {:.1} MB, to {} in {:.1} s (read and parsed {:.1} s, indexed {:.1} s)",
            self.files,
            self.transcripts,
            self.speakers,
            self.skipped.len(),
            self.passages,
            self.written,
            self.bytes as f64 / 1e6,
            self.out,
            self.secs,
            self.read_secs,
            self.index_secs
        )?;
        match self.peak_memory {
            Some(m) => writeln!(f, ", peak memory {:.0} MB", m as f64 / 1e6)?,
            None => writeln!(f)?,
        }
        suggestions(f, &self.suggestions)
    }
}

/// The suggestions of a build, for its report: the first few, and how
/// many more.
pub fn suggestions(f: &mut fmt::Formatter<'_>, all: &[Suggestion]) -> fmt::Result {
    const SHOWN: usize = 10;
    if all.is_empty() {
        return Ok(());
    }
    writeln!(
        f,
        "maybe one person (each written with the other's name in brackets; to count them as one, put the line in a list given with --aliases FILE):"
    )?;
    for s in all.iter().take(SHOWN) {
        writeln!(f, "  {s}")?;
    }
    if all.len() > SHOWN {
        writeln!(f, "  … and {} more", all.len() - SHOWN)?;
    }
    Ok(())
}

/// Why a build stopped: the previous output is left as it was.
#[derive(Debug)]
pub struct BuildError(pub String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// Builds the corpus of `dir` into `out`, which is replaced only once
/// the new one is whole, its speakers joined by `aliases`.
pub fn build(
    dir: &Path,
    out: &Path,
    aliases: &Aliases,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Report, BuildError> {
    let fresh = Fresh::beside(out)?;
    let (mut report, ()) = build_in(dir, fresh.path(), None, aliases, progress, |_| Ok(()))?;
    fresh.swap_into(out)?;
    report.secs = report.started.elapsed().as_secs_f64();
    report.out = out.display().to_string();
    report.peak_memory = peak_memory();
    Ok(report)
}

/// A new folder beside an output, removed unless swapped in.
pub struct Fresh {
    path: std::path::PathBuf,
    /// Removing what earlier builds replaced, meanwhile.
    sweeping: Option<std::thread::JoinHandle<()>>,
}

/// Whether a build may replace `out`: it is not there yet, or is an
/// empty folder, or is a corpus a build wrote (it has `corpus.jsonl`).
/// Anything else (a project's folder, a home) is never replaced.
pub fn replaceable(out: &Path) -> Result<(), BuildError> {
    if !out.exists() {
        return Ok(());
    }
    let empty = std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_none());
    if out.is_dir() && (empty || out.join("corpus.jsonl").is_file()) {
        return Ok(());
    }
    Err(BuildError(format!(
        "{} is there and is not a corpus shilu wrote (no corpus.jsonl): choose another output folder, or remove it first",
        out.display()
    )))
}

fn name_of(out: &Path) -> String {
    out.file_name()
        .map_or("site".into(), |n| n.to_string_lossy().into_owned())
}

impl Fresh {
    /// `.NAME.new-PID` beside `out`, made empty. The outputs earlier
    /// builds replaced (`.NAME.old-*`) are removed meanwhile, on a thread
    /// of their own: removing thousands of files takes longer than
    /// writing them, and need not hold up the build that replaced them.
    pub fn beside(out: &Path) -> Result<Fresh, BuildError> {
        replaceable(out)?;
        let name = name_of(out);
        let path = out.with_file_name(format!(".{name}.new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)
            .map_err(|e| BuildError(format!("cannot write {}: {e}", path.display())))?;
        let prefix = format!(".{name}.old-");
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let old: Vec<std::path::PathBuf> = std::fs::read_dir(parent)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
                    .map(|e| e.path())
                    .collect()
            })
            .unwrap_or_default();
        let sweeping = (!old.is_empty()).then(|| {
            std::thread::spawn(move || {
                for o in old {
                    let _ = std::fs::remove_dir_all(o);
                }
            })
        });
        Ok(Fresh { path, sweeping })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Puts the folder in `out`'s place. The old `out` is set aside as
    /// `.NAME.old-PID`, which the next build removes (see [`Fresh::beside`]).
    pub fn swap_into(mut self, out: &Path) -> Result<(), BuildError> {
        if let Some(s) = self.sweeping.take() {
            let _ = s.join();
        }
        let old = out.with_file_name(format!(".{}.old-{}", name_of(out), std::process::id()));
        let _ = std::fs::remove_dir_all(&old);
        if out.exists() {
            std::fs::rename(out, &old)
                .map_err(|e| BuildError(format!("cannot replace {}: {e}", out.display())))?;
        }
        std::fs::rename(&self.path, out)
            .map_err(|e| BuildError(format!("cannot write {}: {e}", out.display())))?;
        Ok(())
    }
}

impl Drop for Fresh {
    fn drop(&mut self) {
        // Swapped in, it is gone from here and this does nothing.
        let _ = std::fs::remove_dir_all(&self.path);
        if let Some(s) = self.sweeping.take() {
            let _ = s.join();
        }
    }
}

/// Builds the corpus of `dir` into the folder `fresh` (`corpus.jsonl`
/// and `index/`), reusing what `kept` holds of unchanged files (and
/// keeping what it reads), its speakers joined by `aliases`. `then` gets the corpus once read, to make
/// what else the caller writes (the site's pages) while the index is
/// built and written on a thread of its own; its result comes back
/// beside the report.
pub fn build_in<T>(
    dir: &Path,
    fresh: &Path,
    kept: Option<&Kept>,
    aliases: &Aliases,
    progress: &(dyn Fn(Progress) + Sync),
    then: impl FnOnce(&folder::Parts) -> Result<T, BuildError>,
) -> Result<(Report, T), BuildError> {
    let started = Instant::now();
    let files =
        load::files(dir).map_err(|e| BuildError(format!("cannot read {}: {e}", dir.display())))?;
    progress(Progress::Files(files.len()));
    // Pages are named from the sources, before any is read.
    let sources: Vec<String> = files.iter().map(|f| load::source_of(dir, f)).collect();
    let urls = catalog::urls(sources.iter().map(String::as_str));
    let url_of: HashMap<&str, &String> = sources.iter().map(String::as_str).zip(&urls).collect();
    let job = |path: &Path| {
        let source = load::source_of(dir, path);
        let url = url_of
            .get(source.as_str())
            .map_or_else(String::new, |u| (*u).clone());
        let bytes = load::read_bytes(path, &source)?;
        let key = kept.map(|k| k.key(&source, &url, &bytes));
        if let (Some(k), Some(key)) = (kept, &key) {
            if let Some(got) = k.get(key) {
                return Ok(got);
            }
        }
        let made = folder::entry(load::parse(path, source, &bytes)?, url);
        if let (Some(k), Some(key)) = (kept, &key) {
            k.put(key, &made.0, &made.1);
        }
        Ok(made)
    };
    let fail = |e: std::io::Error| BuildError(format!("cannot write {}: {e}", fresh.display()));
    let mut lines = Lines::create(&fresh.join("corpus.jsonl")).map_err(fail)?;
    let (mut entries, mut skipped, mut failed) = (Vec::new(), Vec::new(), None);
    load::on_every_core(&files, &job, &mut |i, r| {
        progress(Progress::Read);
        let line = match r {
            Ok((e, line)) => {
                entries.push(e);
                Some(line)
            }
            Err(s) => {
                skipped.push(s);
                None
            }
        };
        if let Err(e) = lines.put(i, line) {
            failed.get_or_insert(e);
        }
    });
    if let Some(e) = failed {
        return Err(fail(e));
    }
    skipped.sort_by(|a, b| a.source.cmp(&b.source));
    let jsonl_bytes = lines.finish().map_err(fail)?;
    let read_secs = started.elapsed().as_secs_f64();
    progress(Progress::Indexing);
    // Kept entries hold the speakers as the text names them: the list is
    // applied to every build's entries alike.
    aliases.apply(&mut entries);
    let parts = folder::parts(entries);
    let parts_secs = started.elapsed().as_secs_f64() - read_secs;
    let named = parts
        .speakers
        .iter()
        .map(|s| (&s.identity, s.names.iter().map(|(n, _)| n.as_str())));
    let suggestions = aliases::suggest(&parts.texts, named, aliases);
    let suggest_secs = started.elapsed().as_secs_f64() - read_secs - parts_secs;
    let (indexed, then) = std::thread::scope(|s| {
        let index = s.spawn(|| {
            let at = Instant::now();
            let dir = fresh.join("index");
            // The posting blocks, by far the largest part, go to their
            // files as they are laid out.
            let post = Pack::new(&dir, "post");
            let (index, made) = segments::index_into(&parts.texts, kept, Builder::new(), post)
                .map_err(|e| match e {
                    MergeError::Sink(e) => e,
                    MergeError::Format(e) => {
                        std::io::Error::new(std::io::ErrorKind::InvalidData, e)
                    }
                })?;
            let index = index.try_map_post(Pack::finish)?;
            let index_secs = at.elapsed().as_secs_f64();
            let written = folder::IndexFiles {
                index: &index,
                records: &parts.records,
                texts: &parts.texts,
                speakers: &parts.speakers,
                aliases: aliases.joined(),
            }
            .write(&dir);
            let write_secs = at.elapsed().as_secs_f64() - index_secs;
            written.map(|w| (w, index.passages, index_secs, write_secs, made))
        });
        let then = then(&parts);
        let indexed = index
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (indexed, then)
    });
    let ((written, bytes), passages, index_secs, write_secs, made) = indexed.map_err(fail)?;
    let then = then?;
    let report = Report {
        files: files.len(),
        transcripts: parts.records.len(),
        speakers: parts.speakers.len(),
        passages,
        skipped,
        written: written + 1,
        bytes: bytes + jsonl_bytes,
        read_secs,
        index_secs,
        kept: kept.map_or(0, |k| k.hits.load(std::sync::atomic::Ordering::Relaxed)),
        segments: made,
        suggestions,
        phases: vec![
            ("read", read_secs),
            ("gather", parts_secs),
            ("suggestions", suggest_secs),
            ("index", index_secs),
            ("index written", write_secs),
        ],
        secs: started.elapsed().as_secs_f64(),
        out: fresh.display().to_string(),
        peak_memory: peak_memory(),
        started,
    };
    Ok((report, then))
}
