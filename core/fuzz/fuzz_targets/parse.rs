//! Fuzzes `analysed_bytes` and checks the lossless property on what decodes:
//! every non-whitespace character of the text, speaker labels (as written,
//! markup and colon included) aside, is kept in order.

#![no_main]

use libfuzzer_sys::fuzz_target;

fn nows(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace())
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = shilu_core::analysed_bytes(data, None) else {
        return;
    };
    let text = shilu_core::decode(data).expect("decodes when analysed_bytes did");
    let content = doc.content_text();
    // In order…
    let mut all = nows(&text);
    assert!(
        content.chars().all(|c| all.any(|d| d == c)),
        "content is a subsequence of the input"
    );
    // …and nothing but the labels missing…
    let labels: usize = doc.turns.iter().map(|t| nows(&t.label).count()).sum();
    assert_eq!(nows(&text).count(), content.chars().count() + labels);
    // …each one where it was written.
    assert!(shilu_core::lossless::is_lossless(&text, &doc));
    // Every Q&A pair names turns that exist.
    for q in &doc.qa {
        assert!(doc.turn(&q.question).is_some());
        assert!(q.answers.iter().chain(&q.continued).all(|a| doc.turn(a).is_some()));
    }
    // The JSON round-trips.
    let json = serde_json::to_string(&doc).expect("serializes");
    let mut back: shilu_core::Document = serde_json::from_str(&json).expect("deserializes");
    // serde_json's default float parsing may differ in the last bit
    // (no `float_roundtrip`): compare figures' values approximately.
    assert_eq!(back.figures.len(), doc.figures.len());
    for (b, d) in back.figures.iter_mut().zip(&doc.figures) {
        assert!((b.value - d.value).abs() <= d.value.abs() * 1e-12);
        b.value = d.value;
    }
    assert_eq!(back, doc);
});
