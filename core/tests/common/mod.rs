//! Helpers shared by the integration tests: fixtures and the lossless checks.
#![allow(dead_code)]

use shilu_core::Document;
use std::path::PathBuf;

pub const SEED: &str = "shanxi-2017-10-12-deep-poverty-press-conference.txt";

pub fn seed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../seeds")
        .join(SEED)
}

pub fn seed_bytes() -> Vec<u8> {
    std::fs::read(seed_path()).expect("seed readable")
}

pub fn seed_text() -> String {
    shilu_core::decode(&seed_bytes()).expect("seed decodes")
}

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fixture, decoded as `analysed_bytes` would (CRLF → LF).
pub fn fixture(name: &str) -> String {
    let bytes = std::fs::read(fixture_path(name)).expect("fixture readable");
    shilu_core::decode(&bytes).expect("fixture decodes")
}

pub fn fixtures() -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
            .expect("fixtures dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
    names.sort();
    names
}

pub fn nows(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The input without whitespace and without the turns' speaker labels
/// (written as they are, markup and colon included): what `content_text`
/// must equal. Labels are found line by line, in turn order, at the start
/// of a line.
pub fn strip_labels(input: &str, doc: &Document) -> String {
    let mut labels = doc.turns.iter().map(|t| t.label.as_str()).peekable();
    let mut out = String::new();
    for line in input.split(['\n', '\r']) {
        let t = line.trim_start();
        let mut rest = t;
        if let Some(label) = labels.peek() {
            if let Some(after) = t.strip_prefix(label) {
                rest = after;
                labels.next();
            }
        }
        out.push_str(&nows(rest));
    }
    assert!(
        labels.next().is_none(),
        "every turn's label was found in the input"
    );
    out
}

/// All string values of the document's JSON, in document order (keys left
/// out), concatenated.
pub fn json_strings(doc: &Document) -> String {
    let json = serde_json::to_string(doc).expect("serializes");
    let b = json.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let start = i;
            i += 1;
            while b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            let lit: String = serde_json::from_str(&json[start..i]).expect("string literal");
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= b.len() || b[j] != b':' {
                out.push_str(&lit);
            }
        } else {
            i += 1;
        }
    }
    out
}

pub fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut h = hay.chars();
    needle.chars().all(|c| h.any(|d| d == c))
}

/// The full lossless check for a known input: `content_text` equals the
/// input less labels and whitespace, and the JSON strings contain it in order.
pub fn assert_lossless(input: &str, doc: &Document) {
    let expected = strip_labels(input, doc);
    let got = doc.content_text();
    if expected != got {
        let common = expected
            .chars()
            .zip(got.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let ctx = |s: &str| {
            s.chars()
                .skip(common.saturating_sub(10))
                .take(40)
                .collect::<String>()
        };
        panic!(
            "content differs after {common} chars:\n expected …{}\n      got …{}",
            ctx(&expected),
            ctx(&got)
        );
    }
    assert!(
        is_subsequence(&expected, &json_strings(doc)),
        "input is a subsequence of the JSON strings"
    );
}

/// The lossless check for arbitrary input: nothing but labels and their
/// colons is missing, and the order is kept.
pub fn assert_lossless_any(input: &str, doc: &Document) {
    let all = nows(input);
    let content = doc.content_text();
    assert!(is_subsequence(&content, &all), "content is in input order");
    let label_chars: usize = doc
        .turns
        .iter()
        .map(|t| nows(&t.label).chars().count())
        .sum();
    assert_eq!(
        all.chars().count(),
        content.chars().count() + label_chars,
        "only labels (as written) are left out"
    );
    assert!(
        is_subsequence(&content, &json_strings(doc)),
        "JSON holds the content in order"
    );
}
