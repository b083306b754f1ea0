//! Property tests: the structure read from a transcript does not depend on
//! how it was saved — CRLF or LF, a BOM or none, fullwidth or ASCII colons
//! and spaces, and indentation of the whole text.

mod common;

use proptest::prelude::*;
use shilu_core::{analysed_bytes, Document};
use std::path::PathBuf;

/// Every real and layout fixture (and the seed).
fn texts() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![common::seed_path()];
    for dir in [
        "tests/fixtures",
        "tests/fixtures/layouts",
        "tests/fixtures/archive",
    ] {
        for e in std::fs::read_dir(root.join(dir))
            .expect("fixtures")
            .flatten()
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt" || x == "md")
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| shilu_core::decode(&std::fs::read(p).unwrap()).unwrap())
        .collect()
}

/// What must not change: who speaks in which role, how many blocks each
/// turn has, the participants, the Q&A pairs and the date.
fn shape(d: &Document) -> impl PartialEq + std::fmt::Debug {
    (
        d.turns
            .iter()
            .map(|t| (t.speaker.clone(), t.role, t.blocks.len()))
            .collect::<Vec<_>>(),
        d.participants
            .iter()
            .map(|p| (p.name.clone(), p.role))
            .collect::<Vec<_>>(),
        d.qa.clone(),
        d.meta.date.clone(),
        d.front.len(),
        d.appendix.len(),
    )
}

#[derive(Debug, Clone, Copy)]
struct Saved {
    crlf: bool,
    bom: bool,
    /// Colons swapped between fullwidth and ASCII.
    colons: bool,
    /// Leading spaces swapped between fullwidth and ASCII.
    spaces: bool,
    /// Extra indentation of every line.
    indent: usize,
}

fn save(text: &str, s: Saved) -> Vec<u8> {
    let mut out = String::new();
    for line in text.split('\n') {
        let body = line.trim_start();
        let lead = &line[..line.len() - body.len()];
        let mut lead: String = if s.spaces {
            lead.chars()
                .map(|c| match c {
                    '\u{3000}' => ' ',
                    ' ' => '\u{3000}',
                    c => c,
                })
                .collect()
        } else {
            lead.to_string()
        };
        if !body.is_empty() {
            lead.insert_str(0, &" ".repeat(s.indent));
        }
        let body: String = if s.colons {
            body.chars()
                .map(|c| match c {
                    '：' => ':',
                    ':' => '：',
                    c => c,
                })
                .collect()
        } else {
            body.to_string()
        };
        out.push_str(&lead);
        out.push_str(&body);
        out.push_str(if s.crlf { "\r\n" } else { "\n" });
    }
    let mut bytes = Vec::new();
    if s.bom {
        bytes.extend_from_slice(b"\xEF\xBB\xBF");
    }
    bytes.extend_from_slice(out.as_bytes());
    bytes
}

fn saved() -> impl Strategy<Value = Saved> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0usize..6,
    )
        .prop_map(|(crlf, bom, colons, spaces, indent)| Saved {
            crlf,
            bom,
            colons,
            spaces,
            indent,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn structure_is_stable_however_saved(i in 0usize..64, how in saved()) {
        let texts = texts();
        let text = &texts[i % texts.len()];
        let plain = analysed_bytes(text.as_bytes(), None).unwrap();
        let other = analysed_bytes(&save(text, how), None).unwrap();
        prop_assert_eq!(shape(&plain), shape(&other), "{:?}", how);
    }
}
