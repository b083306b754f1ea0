//! The structure crosses between threads as bytes (`shilu_core::wire`):
//! what is read back is the structure that was written, for every fixture,
//! the seed, arbitrary text and transcript-like text; and bytes that were
//! not written by it read as nothing, never as a panic. The same for the
//! meta alone (`write_meta`, `read_meta`), which the page is given for its
//! seed: the structure with it (`structure_with_meta`) is the full one.

mod common;

use common::*;
use proptest::prelude::*;
use shilu_core::{structure, wire};

fn round_trip(text: &str, name: Option<&str>) {
    let doc = structure(text, name);
    assert_eq!(wire::read(&wire::write(&doc)).as_ref(), Some(&doc));
    // The meta alone, as the pre-render gives the page its seed's; with it,
    // the structure without the meta's rules is the full parser's.
    let meta = wire::read_meta(&wire::write_meta(&doc.meta));
    assert_eq!(meta.as_ref(), Some(&doc.meta));
    assert_eq!(shilu_core::structure_with_meta(text, name, meta), doc);
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
fn a_hundred_copies_are_smaller_as_bytes_than_as_text_and_markup() {
    let text = vec![seed_text(); 100].join("\n\n");
    let bytes = wire::write(&structure(&text, None));
    // The text and its ids, little more: the page takes it in at once.
    assert!(
        bytes.len() < text.len() * 11 / 10,
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
        let _ = wire::read(&bytes);
    }

    #[test]
    fn a_written_document_changed_anywhere_never_panics(at in any::<prop::sample::Index>(), b in any::<u8>()) {
        let mut bytes = wire::write(&structure(&seed_text(), None));
        let i = at.index(bytes.len());
        bytes[i] = b;
        let _ = wire::read(&bytes);
    }
}
