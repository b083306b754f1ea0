//! The structure crosses from the pre-render and the worker to the page as
//! bytes beside its text (`shilu_core::wire`): what is read back with the
//! text is the structure that was written, for every fixture, the seed,
//! arbitrary text and transcript-like text; and bytes that were not
//! written by it, or a text they were not written with, read as nothing,
//! never as a panic.

mod common;

use common::*;
use proptest::prelude::*;
use shilu_core::{structure, wire};

fn round_trip(text: &str, name: Option<&str>) {
    let doc = structure(text, name);
    assert_eq!(
        wire::read(&wire::write(&doc, text), text).as_ref(),
        Some(&doc)
    );
}

#[test]
fn the_seed_and_every_fixture_read_back_the_same() {
    round_trip(&seed_text(), None);
    round_trip(&seed_text(), Some("2017-10-12-深度贫困.txt"));
    // Every file under the fixtures (the layouts and archive ones included).
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&fixture_path(""), &mut files);
    let mut read = 0;
    for f in files {
        if let Ok(text) = shilu_core::decode(&std::fs::read(&f).unwrap()) {
            let name = f.file_name().and_then(|n| n.to_str());
            round_trip(&text, name);
            read += 1;
        }
    }
    assert!(read > 20, "fixtures read: {read}");
}

#[test]
fn the_structure_is_a_small_part_of_the_text() {
    // The seed's page carries its structure beside its text.
    let seed = seed_text();
    let bytes = wire::write(&structure(&seed, None), &seed);
    assert!(
        bytes.len() < seed.len() / 8,
        "{} bytes for {} of text",
        bytes.len(),
        seed.len()
    );
    // Large transcripts, from the worker, alike.
    let text = vec![seed; 100].join("\n\n");
    let bytes = wire::write(&structure(&text, None), &text);
    assert!(
        bytes.len() < text.len() / 8,
        "{} bytes for {} of text",
        bytes.len(),
        text.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_reads_back(text in any::<String>()) {
        round_trip(&text, None);
    }

    #[test]
    fn seed_like_text_reads_back(cut in 0usize..4000, line in "[主持人王明记者：:\n一二、（）1.谢谢 ]{0,40}") {
        let seed = seed_text();
        let at = seed.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(seed.len());
        round_trip(&format!("{}{}{}", &seed[..at], line, &seed[at..]), None);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = wire::read(&bytes, &seed_text());
    }

    #[test]
    fn a_written_document_changed_anywhere_never_panics(at in any::<prop::sample::Index>(), b in any::<u8>()) {
        let seed = seed_text();
        let mut bytes = wire::write(&structure(&seed, None), &seed);
        let i = at.index(bytes.len());
        bytes[i] = b;
        let _ = wire::read(&bytes, &seed);
    }

    #[test]
    fn with_another_text_it_never_panics(cut in 0usize..4000) {
        let seed = seed_text();
        let bytes = wire::write(&structure(&seed, None), &seed);
        let at = seed.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(seed.len());
        let _ = wire::read(&bytes, &seed[at..]);
        let _ = wire::read(&bytes, &seed[..at]);
    }
}
