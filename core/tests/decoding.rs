//! The same document from every supported encoding and line ending.

mod common;

use common::*;
use shilu_core::{analysed, analysed_bytes, decode, DecodeError};

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

#[test]
fn every_encoding_gives_the_same_document() {
    let text = seed_text();
    let expected = analysed(&text, None);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
    let mut variants: Vec<(&str, Vec<u8>)> = vec![
        ("utf-8", text.as_bytes().to_vec()),
        ("utf-8 bom", bom),
        ("utf-16le", utf16(&text, true)),
        ("utf-16be", utf16(&text, false)),
        ("utf-8 crlf", crlf(&text).into_bytes()),
        ("utf-8 cr", text.replace('\n', "\r").into_bytes()),
        ("utf-16le crlf", utf16(&crlf(&text), true)),
    ];
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (gb, _, bad) = encoding_rs::GB18030.encode(&text);
        assert!(!bad, "the seed is representable in GB18030");
        assert!(
            std::str::from_utf8(&gb).is_err(),
            "GB18030 bytes are not UTF-8"
        );
        variants.push(("gb18030", gb.into_owned()));
        let text_crlf = crlf(&text);
        let (gb, _, _) = encoding_rs::GB18030.encode(&text_crlf);
        variants.push(("gb18030 crlf", gb.into_owned()));
    }
    for (name, bytes) in variants {
        let d = analysed_bytes(&bytes, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(d, expected, "{name}");
    }
}

#[test]
fn fixtures_in_other_encodings() {
    for name in fixtures() {
        let text = fixture(&name);
        let expected = analysed(&text, None);
        assert_eq!(
            analysed_bytes(&utf16(&text, false), None).unwrap(),
            expected,
            "{name}"
        );
        #[cfg(not(target_arch = "wasm32"))]
        {
            let (gb, _, _) = encoding_rs::GB18030.encode(&text);
            assert_eq!(analysed_bytes(&gb, None).unwrap(), expected, "{name}");
        }
    }
}

#[test]
fn gbk_is_detected() {
    // 主持人:你好 in GBK.
    let gbk = [
        0xD6, 0xF7, 0xB3, 0xD6, 0xC8, 0xCB, b':', 0xC4, 0xE3, 0xBA, 0xC3,
    ];
    assert_eq!(
        shilu_core::decode::detect(&gbk),
        Some(shilu_core::decode::Encoding::Gb18030)
    );
    #[cfg(not(target_arch = "wasm32"))]
    assert_eq!(decode(&gbk).unwrap(), "主持人:你好");
    #[cfg(target_arch = "wasm32")]
    assert_eq!(
        decode(&gbk),
        Err(DecodeError::LegacyEncoding {
            encoding: "gb18030"
        })
    );
}

#[test]
fn bad_input_is_an_error_naming_the_problem() {
    let cases: Vec<(Vec<u8>, DecodeError, &str)> = vec![
        (vec![], DecodeError::Empty, "empty"),
        (
            b"  \n\r\n\t ".to_vec(),
            DecodeError::WhitespaceOnly,
            "whitespace",
        ),
        (
            "\u{3000}\u{a0}\n".as_bytes().to_vec(),
            DecodeError::WhitespaceOnly,
            "whitespace",
        ),
        (
            utf16(" \n", true),
            DecodeError::WhitespaceOnly,
            "whitespace",
        ),
        (
            b"PK\x03\x04\x00\x00binary".to_vec(),
            DecodeError::Binary,
            "binary",
        ),
        (
            vec![
                0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
            ],
            DecodeError::Binary,
            "binary",
        ),
        (
            (0u8..32).cycle().take(200).filter(|b| *b != 0).collect(),
            DecodeError::Binary,
            "binary",
        ),
    ];
    for (bytes, err, word) in cases {
        let got = analysed_bytes(&bytes, None).unwrap_err();
        assert_eq!(got, err, "{bytes:?}");
        let msg = got.to_string();
        assert!(msg.contains(word), "{msg}");
        assert!(!msg.contains('\n'));
    }
}
