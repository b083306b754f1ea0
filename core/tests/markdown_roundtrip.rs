//! `shilu md` writes the SayIt layout; reading it back gives the same turns:
//! the same speakers in the same roles, saying the same things.

mod common;

use shilu_core::{markdown::markdown, structure, Document};
use std::path::PathBuf;

fn turns(d: &Document) -> Vec<(String, shilu_core::Role, String)> {
    d.turns
        .iter()
        .map(|t| {
            let mut text = String::new();
            for b in &t.blocks {
                let parts = [
                    b.marker.as_deref(),
                    b.heading.as_deref(),
                    Some(&b.text),
                    b.note.as_deref(),
                ];
                for s in parts.into_iter().flatten() {
                    // Markdown marks (`##`, `>`) are layout, not text.
                    if !s.chars().all(|c| c == '#' || c == '>') {
                        text.extend(s.chars().filter(|c| !c.is_whitespace()));
                    }
                }
            }
            (t.speaker.clone(), t.role, text)
        })
        .collect()
}

#[test]
fn markdown_reads_back_into_the_same_turns() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = vec![common::seed_path()];
    for dir in ["", "layouts", "archive", "other-sources"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let p = e.path();
            let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
            if (ext == "txt" || ext == "md") && !p.ends_with("README.md") {
                files.push(p);
            }
        }
    }
    assert!(files.len() >= 15);
    for f in files {
        let text = shilu_core::decode(&std::fs::read(&f).unwrap()).unwrap();
        let doc = structure(&text, None);
        let md = markdown(&doc);
        let back = structure(&md, None);
        assert_eq!(turns(&back), turns(&doc), "{}\n{md}", f.display());
        assert_eq!(back.meta.title, doc.meta.title, "{}", f.display());
        assert_eq!(back.meta.date, doc.meta.date, "{}", f.display());
    }
}
