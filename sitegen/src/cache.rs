//! What a rebuild reuses: each transcript's pre-rendered app page
//! (`shilu_app::page::render`, most of a build's time), kept in a folder
//! beside the output (`.NAME.cache/`, never deployed) under a key of the
//! text, its file's name (the parser may take a date from it), and of the
//! app's page it was rendered for (the dist's
//! `index.html`, which names the wasm by its content): a changed text, or
//! a changed app, renders again. Entries no build used are removed at the
//! end, so the cache holds one site's pages.

use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

pub struct Cache {
    dir: PathBuf,
    /// The app's part of every key.
    app: String,
    used: Mutex<HashSet<String>>,
    pub hits: AtomicUsize,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    /// The cache beside `out`, for pages of the app whose page is
    /// `index_html`; `None` where it cannot be made (the build goes on
    /// without it).
    pub fn beside(out: &Path, index_html: &str) -> Option<Cache> {
        let name = out.file_name()?.to_string_lossy().into_owned();
        let dir = out.with_file_name(format!(".{name}.cache"));
        std::fs::create_dir_all(&dir).ok()?;
        Some(Cache {
            dir,
            app: hex(&Sha256::digest(index_html.as_bytes())[..8]),
            used: Mutex::new(HashSet::new()),
            hits: AtomicUsize::new(0),
        })
    }

    fn key(&self, text: &str, name: &str) -> String {
        let mut h = Sha256::new();
        h.update(name.as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
        format!("{}-{}.html", self.app, hex(&h.finalize()[..16]))
    }

    /// The page of `text` from the file `name`: the kept one, else
    /// `render`'s, kept.
    pub fn page(&self, text: &str, name: &str, render: impl FnOnce() -> String) -> String {
        let key = self.key(text, name);
        let path = self.dir.join(&key);
        if let Ok(mut used) = self.used.lock() {
            used.insert(key);
        }
        if let Ok(kept) = std::fs::read_to_string(&path) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return kept;
        }
        let html = render();
        // Written whole, then named: a build stopped midway leaves no
        // half page under a key.
        let part = path.with_extension(format!("part-{}", std::process::id()));
        if std::fs::write(&part, &html).is_ok() {
            let _ = std::fs::rename(&part, &path);
        }
        html
    }

    /// Removes what this build did not use.
    pub fn prune(&self) {
        let Ok(used) = self.used.lock() else { return };
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !used.contains(&name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_rendered_once_per_text_and_app_and_unused_ones_go() {
        let root = std::env::temp_dir().join(format!("shilu-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let out = root.join("site");
        let cache = Cache::beside(&out, "app 1").unwrap();
        assert_eq!(cache.page("a", "a.txt", || "A".into()), "A");
        assert_eq!(cache.page("a", "a.txt", || unreachable!()), "A");
        assert_eq!(cache.hits.load(Ordering::Relaxed), 1);
        // Another app renders again; the first app's page is pruned.
        let other = Cache::beside(&out, "app 2").unwrap();
        assert_eq!(other.page("a", "a.txt", || "A2".into()), "A2");
        other.prune();
        let left: Vec<_> = std::fs::read_dir(root.join(".site.cache"))
            .unwrap()
            .collect();
        assert_eq!(left.len(), 1);
        let _ = std::fs::remove_dir_all(&root);
    }
}
