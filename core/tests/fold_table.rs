//! The corpus's fold table (`core/src/corpus/t2s.tsv`) is OpenCC's
//! traditional-to-simplified character conversion, read from the
//! `ferrous-opencc` crate (OpenCC's own dictionaries), not a hand-written
//! list. This test regenerates it and fails if the checked-in table
//! differs; `UPDATE_FOLD_TABLE=1 cargo test -p shilu-core --test fold_table`
//! rewrites it.

use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::collections::BTreeMap;

/// Every code point of the CJK blocks OpenCC's tables cover.
fn cjk() -> impl Iterator<Item = char> {
    [
        0x2E80..=0x2FDF,   // radicals
        0x3000..=0x303F,   // CJK symbols
        0x3400..=0x4DBF,   // extension A
        0x4E00..=0x9FFF,   // unified ideographs
        0xF900..=0xFAFF,   // compatibility ideographs
        0x20000..=0x2FA1F, // extensions B–F, compatibility supplement
    ]
    .into_iter()
    .flatten()
    .filter_map(char::from_u32)
}

/// One character through one conversion, when it gives one character.
fn one(cc: &OpenCC, c: char) -> Option<char> {
    let out = cc.convert(c.encode_utf8(&mut [0; 4]));
    let mut it = out.chars();
    match (it.next(), it.next()) {
        (Some(d), None) if d != c => Some(d),
        _ => None,
    }
}

fn generate() -> String {
    let t2s = OpenCC::from_config(BuiltinConfig::T2s).unwrap();
    let tw2s = OpenCC::from_config(BuiltinConfig::Tw2s).unwrap();
    let hk2s = OpenCC::from_config(BuiltinConfig::Hk2s).unwrap();
    // The standard table first, then the Taiwan and Hong Kong variants
    // (著 → 着, 裡 → 裏 → 里), to a fixed point, so that folding is
    // idempotent: a folded character folds to itself.
    let step = |c: char| {
        one(&t2s, c)
            .or_else(|| one(&tw2s, c))
            .or_else(|| one(&hk2s, c))
    };
    let mut table = BTreeMap::new();
    for c in cjk() {
        let mut seen = vec![c];
        let mut d = c;
        while let Some(e) = step(d) {
            if seen.contains(&e) {
                break; // a cycle: stop at the last new character
            }
            seen.push(e);
            d = e;
        }
        if d != c {
            table.insert(c, d);
        }
    }
    // Idempotent: what a character folds to folds to itself.
    let table: BTreeMap<char, char> = table
        .iter()
        .map(|(&c, &d)| (c, table.get(&d).copied().unwrap_or(d)))
        .filter(|(c, d)| c != d)
        .collect();
    for d in table.values() {
        assert!(!table.contains_key(d), "{d} folds further");
    }
    // One pair a line, tab-separated, sorted by the first.
    let mut out = String::new();
    for (c, d) in &table {
        out.push_str(&format!("{c}\t{d}\n"));
    }
    out
}

#[test]
fn the_fold_table_is_opencc_s() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/corpus/t2s.tsv");
    let want = generate();
    if std::env::var_os("UPDATE_FOLD_TABLE").is_some() {
        std::fs::write(path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "{path} is not what OpenCC's tables give: run \
         UPDATE_FOLD_TABLE=1 cargo test -p shilu-core --test fold_table"
    );
}
