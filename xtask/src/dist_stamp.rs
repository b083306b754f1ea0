//! Whether `dist/` is the build of the sources as they are now: a stamp
//! of every input of `trunk build --release` (the app's, the core's, the
//! panels' and the shared UI's sources, the page, the styles and web
//! files, the seed, the manifests and lock files, the post-build hook and
//! its npm tools' lock, and the compiler's and Trunk's versions), written
//! in `target/dist.stamp` after a build. `cargo xtask site` builds the
//! dist only when the stamp differs (it took ~30 s every time); `cargo
//! xtask dist` always builds.

use crate::util::{command, root, Result};
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

/// Folders and files below the root that the dist is built from.
const INPUTS: &[&str] = &[
    "index.html",
    "Trunk.toml",
    "Cargo.toml",
    "Cargo.lock",
    "src",
    "core",
    "ui",
    "panels",
    "style",
    "web",
    "seeds",
    "xtask/tools/post-build.mjs",
    "xtask/tools/package-lock.json",
];

fn stamp_path() -> PathBuf {
    root().join("target/dist.stamp")
}

/// The stamp of the inputs as they are now.
pub fn current() -> Result<String> {
    let version = |tool: &str, arg: &str| {
        command(tool)
            .arg(arg)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    let tools = format!(
        "{}; {}",
        version("rustc", "-V"),
        version("trunk", "--version")
    );
    stamp_of(&root(), &tools)
}

/// The stamp of the inputs below `root`, built with `tools`.
fn stamp_of(root: &Path, tools: &str) -> Result<String> {
    let mut files = Vec::new();
    for input in INPUTS {
        collect(&root.join(input), &mut files)
            .map_err(|e| format!("dist stamp: reading {input}: {e}"))?;
    }
    files.sort();
    let mut h = DefaultHasher::new();
    for f in &files {
        let bytes = std::fs::read(f).map_err(|e| format!("dist stamp: {}: {e}", f.display()))?;
        h.write(
            f.strip_prefix(root)
                .unwrap_or(f)
                .to_string_lossy()
                .as_bytes(),
        );
        h.write_usize(bytes.len());
        h.write(&bytes);
    }
    Ok(format!(
        "{} files {:016x}; {tools}\n",
        files.len(),
        h.finish()
    ))
}

/// Every file at or below `path` (none if it is not there), but build
/// outputs and installed packages.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        out.push(path.to_path_buf());
    } else if path.is_dir() {
        for e in std::fs::read_dir(path)? {
            let p = e?.path();
            let name = p.file_name().unwrap_or_default();
            if name == "target" || name == "node_modules" {
                continue;
            }
            collect(&p, out)?;
        }
    }
    Ok(())
}

/// Whether `dist/` was built from the inputs as they are now (`stamp`,
/// from [`current`]).
pub fn is_fresh(stamp: &str) -> bool {
    root().join("dist/index.html").is_file()
        && std::fs::read_to_string(stamp_path()).is_ok_and(|s| s == stamp)
}

/// Records `stamp` as the dist's, after a build from those inputs; a
/// stamp that cannot be written only means the next `site` builds again.
pub fn record(stamp: &str) {
    let _ = std::fs::write(stamp_path(), stamp);
}

/// Forgets the dist's stamp (before a build that may fail half-way).
pub fn forget() {
    let _ = std::fs::remove_file(stamp_path());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stamp_changes_with_an_input_and_only_with_one() {
        let dir = std::env::temp_dir().join(format!("shilu-dist-stamp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (f, text) in [
            ("src/main.rs", "fn main() {}"),
            ("Trunk.toml", "[build]"),
            ("docs/notes.md", "x"),
        ] {
            std::fs::create_dir_all(dir.join(f).parent().unwrap()).unwrap();
            std::fs::write(dir.join(f), text).unwrap();
        }
        let a = stamp_of(&dir, "rustc 1").unwrap();
        assert!(a.starts_with("2 files "), "{a}");
        assert_eq!(a, stamp_of(&dir, "rustc 1").unwrap());
        // Not an input: the same stamp.
        std::fs::write(dir.join("docs/notes.md"), "y").unwrap();
        assert_eq!(a, stamp_of(&dir, "rustc 1").unwrap());
        // Another compiler, a source changed, a file added, a build output.
        assert_ne!(a, stamp_of(&dir, "rustc 2").unwrap());
        std::fs::write(dir.join("src/main.rs"), "fn main() { }").unwrap();
        let b = stamp_of(&dir, "rustc 1").unwrap();
        assert_ne!(a, b);
        std::fs::write(dir.join("src/lib.rs"), "").unwrap();
        let c = stamp_of(&dir, "rustc 1").unwrap();
        assert_ne!(b, c);
        std::fs::create_dir_all(dir.join("src/target")).unwrap();
        std::fs::write(dir.join("src/target/out"), "o").unwrap();
        assert_eq!(c, stamp_of(&dir, "rustc 1").unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
