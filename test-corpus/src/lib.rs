//! The test corpus: one folder of transcripts made from the repository's
//! own files, which the core's CLI tests (`core/tests/corpus_cli.rs`), the
//! site's tests (`sitegen/tests/site.rs`) and the e2e tier's site
//! (`xtask/src/tiers.rs`) all build from, so that they agree on what it
//! holds. Where the files come from: `core/tests/fixtures/` (each folder's
//! README) and `seeds/`.
//!
//! It holds every kind of input a corpus folder may: transcripts in
//! sub-folders two deep, `.md` and `.txt`, traditional and simplified,
//! legacy encodings, and files the build must skip and name (an empty and
//! a binary file) or pass over in silence (not a transcript's extension).

use std::io;
use std::path::{Path, PathBuf};

/// Folders of transcripts (from the repository's root) and where each
/// goes in the corpus.
pub const FOLDERS: &[(&str, &str)] = &[
    ("core/tests/fixtures/archive", "archive"),
    ("core/tests/fixtures/layouts", "layouts/mainland"),
    ("core/tests/fixtures/other-sources", "other-sources"),
];

/// The embedded seed, and its name in the corpus.
pub const SEED: (&str, &str) = (
    "seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt",
    "seed.txt",
);

/// Files a build must skip, naming each with its reason.
pub const UNREADABLE: &[(&str, &[u8])] = &[
    ("empty.txt", b""),
    ("binary.md", &[0, 159, 146, 150, 0, 1, 2]),
];

/// A file that is not a transcript's (by its extension): not read, not
/// reported.
pub const NOT_A_TRANSCRIPT: (&str, &[u8]) = ("notes.json", b"{}");

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate is in the repository")
        .to_path_buf()
}

/// Whether the folders' file `name` is a transcript of the corpus (not a
/// folder's README, nor a fixture's expected output).
fn is_transcript(name: &str) -> bool {
    (name.ends_with(".md") || name.ends_with(".txt")) && name != "README.md"
}

/// Makes the corpus in `dir` (created; whatever it held is removed
/// first).
pub fn make(dir: &Path) -> io::Result<()> {
    let root = root();
    let at = |e: io::Error, p: &Path| io::Error::new(e.kind(), format!("{}: {e}", p.display()));
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(at(e, dir)),
        _ => {}
    }
    for (from, to) in FOLDERS {
        let (from, to) = (root.join(from), dir.join(to));
        std::fs::create_dir_all(&to).map_err(|e| at(e, &to))?;
        for e in std::fs::read_dir(&from).map_err(|e| at(e, &from))? {
            let p = e?.path();
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            if is_transcript(&name) {
                std::fs::copy(&p, to.join(&*name)).map_err(|e| at(e, &p))?;
            }
        }
    }
    let seed = root.join(SEED.0);
    std::fs::copy(&seed, dir.join(SEED.1)).map_err(|e| at(e, &seed))?;
    for (name, bytes) in UNREADABLE.iter().chain([&NOT_A_TRANSCRIPT]) {
        std::fs::write(dir.join(name), bytes).map_err(|e| at(e, dir))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_folders_transcripts_the_seed_and_the_bad_files() {
        let dir = std::env::temp_dir().join(format!("shilu-test-corpus-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("stale")).unwrap();
        make(&dir).unwrap();
        assert!(!dir.join("stale").exists(), "made afresh");
        for (from, to) in FOLDERS {
            let want = std::fs::read_dir(root().join(from))
                .unwrap()
                .filter(|e| is_transcript(&e.as_ref().unwrap().file_name().to_string_lossy()))
                .count();
            assert!(want > 0, "{from} holds transcripts");
            assert_eq!(std::fs::read_dir(dir.join(to)).unwrap().count(), want, "{to}");
        }
        assert!(!dir.join("layouts/mainland/README.md").exists());
        assert!(std::fs::read_dir(dir.join("layouts/mainland"))
            .unwrap()
            .all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".expected")));
        assert_eq!(
            std::fs::read(dir.join(SEED.1)).unwrap(),
            std::fs::read(root().join(SEED.0)).unwrap()
        );
        assert_eq!(std::fs::read(dir.join("binary.md")).unwrap()[0], 0);
        assert!(dir.join("empty.txt").exists() && dir.join("notes.json").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
