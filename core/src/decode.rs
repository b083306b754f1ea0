//! Bytes → text: detects the encoding, decodes, normalises line endings and
//! rejects input that is not a transcript (empty, whitespace-only, binary).
//!
//! Supported: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
//! GB18030/GBK (detected when the bytes are not UTF-8). GB18030 is decoded
//! natively with `encoding_rs`; on wasm32 (the web app) the tables are left
//! out to keep the download small, and GB18030 input is still *detected* and reported as [`DecodeError::LegacyEncoding`], so a
//! caller such as the web app can decode it another way (the browser's
//! `TextDecoder("gb18030")`) and pass the text to [`check_text`].

use std::fmt;

/// The encoding a byte string was found to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    /// The WHATWG label of the encoding (what `TextDecoder` takes).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

/// Why bytes could not be turned into transcript text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// No bytes at all (or only a byte-order mark).
    Empty,
    /// Only whitespace.
    WhitespaceOnly,
    /// NUL bytes or mostly control characters: not a text file.
    Binary,
    /// A legacy encoding was detected that this build cannot decode
    /// (the wasm build carries no encoding tables). Names the encoding's label.
    LegacyEncoding { encoding: &'static str },
    /// The bytes claim an encoding (by BOM) but are not valid in it.
    Malformed { encoding: &'static str },
    /// Neither UTF-8, UTF-16 with BOM, nor GB18030.
    UnknownEncoding,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty input: there is no text to parse"),
            DecodeError::WhitespaceOnly => {
                write!(f, "whitespace-only input: there is no text to parse")
            }
            DecodeError::Binary => write!(
                f,
                "binary input: this looks like a binary file, not a text transcript"
            ),
            DecodeError::LegacyEncoding { encoding } => write!(
                f,
                "legacy encoding: the input is {encoding}, which this build cannot decode \
                 (convert it to UTF-8 first)"
            ),
            DecodeError::Malformed { encoding } => {
                write!(f, "malformed input: the bytes are not valid {encoding}")
            }
            DecodeError::UnknownEncoding => write!(
                f,
                "unknown encoding: the input is neither UTF-8, UTF-16 with a BOM, nor GB18030"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The labels an error can name (see [`Encoding::label`]).
const LABELS: [&str; 4] = ["utf-8", "utf-16le", "utf-16be", "gb18030"];

impl DecodeError {
    /// A short code for the error (`binary`, `malformed:gb18030`), for
    /// handing it between threads; [`DecodeError::from_code`] reads it back.
    pub fn code(&self) -> String {
        match self {
            DecodeError::Empty => "empty".into(),
            DecodeError::WhitespaceOnly => "whitespace".into(),
            DecodeError::Binary => "binary".into(),
            DecodeError::LegacyEncoding { encoding } => format!("legacy:{encoding}"),
            DecodeError::Malformed { encoding } => format!("malformed:{encoding}"),
            DecodeError::UnknownEncoding => "unknown".into(),
        }
    }

    /// The error a [`DecodeError::code`] names; `None` for any other string.
    pub fn from_code(code: &str) -> Option<DecodeError> {
        let label = |l: &str| LABELS.into_iter().find(|x| *x == l);
        Some(match code.split_once(':') {
            Some(("legacy", l)) => DecodeError::LegacyEncoding {
                encoding: label(l)?,
            },
            Some(("malformed", l)) => DecodeError::Malformed {
                encoding: label(l)?,
            },
            Some(_) => return None,
            None => match code {
                "empty" => DecodeError::Empty,
                "whitespace" => DecodeError::WhitespaceOnly,
                "binary" => DecodeError::Binary,
                "unknown" => DecodeError::UnknownEncoding,
                _ => return None,
            },
        })
    }
}

/// Detects the encoding of `bytes` without decoding them.
///
/// Returns `None` when the bytes are none of the supported encodings.
pub fn detect(bytes: &[u8]) -> Option<Encoding> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some(Encoding::Utf8Bom);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some(Encoding::Utf16Le);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(Encoding::Utf16Be);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Some(Encoding::Utf8);
    }
    if looks_like_gb18030(bytes) {
        return Some(Encoding::Gb18030);
    }
    None
}

/// Decodes transcript bytes into text with `\n` line endings.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    // UTF-8, the common case: validated once, here, not by `detect` and
    // again by the conversion.
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text =
            std::str::from_utf8(rest).map_err(|_| DecodeError::Malformed { encoding: "utf-8" })?;
        return check_text(text);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(text);
    }
    let text = match detect(bytes) {
        Some(Encoding::Utf16Le) => decode_utf16(&bytes[2..], u16::from_le_bytes, "utf-16le")?,
        Some(Encoding::Utf16Be) => decode_utf16(&bytes[2..], u16::from_be_bytes, "utf-16be")?,
        Some(Encoding::Gb18030) => decode_gb18030(bytes)?,
        // UTF-8 (with or without BOM) was taken above.
        Some(Encoding::Utf8 | Encoding::Utf8Bom) | None => {
            if bytes.contains(&0) {
                return Err(DecodeError::Binary);
            }
            return Err(DecodeError::UnknownEncoding);
        }
    };
    check_text(&text)
}

/// Checks already-decoded text and normalises it: strips a leading BOM,
/// turns CRLF and lone CR into LF, and rejects empty, whitespace-only and
/// binary-looking text.
pub fn check_text(text: &str) -> Result<String, DecodeError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    if looks_binary(text) {
        return Err(DecodeError::Binary);
    }
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err(DecodeError::WhitespaceOnly);
    }
    Ok(normalize_newlines(text))
}

/// CRLF and lone CR → LF.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    // Whole runs between the CRs are copied, not character by character.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

/// NUL characters, or more than a tenth control characters (other than tab,
/// newline, carriage return and form feed), mean binary data.
fn looks_binary(text: &str) -> bool {
    let b = text.as_bytes();
    if b.contains(&0) {
        return true;
    }
    // Control characters (Cc) are the bytes below 0x20, 0x7F, and U+0080
    // to U+009F (`C2 80` to `C2 9F`). They are rare: the characters are
    // counted only when there are some.
    let is_control = |at: usize| {
        let x = b[at];
        (x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r' | 0x0C))
            || x == 0x7F
            || (x == 0xC2 && matches!(b.get(at + 1), Some(0x80..=0x9F)))
    };
    // Eight bytes at a time: only words holding a byte below 0x20, 0x7F or
    // 0xC2 are looked at byte by byte.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH != 0;
    let mut control = 0usize;
    let mut words = b.chunks_exact(8);
    let mut at = 0;
    for c in words.by_ref() {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if below(w, 0x20) || below(w ^ (ONES * 0x7F), 1) || below(w ^ (ONES * 0xC2), 1) {
            control += (at..at + 8).filter(|&i| is_control(i)).count();
        }
        at += 8;
    }
    control += (at..b.len()).filter(|&i| is_control(i)).count();
    control > 0 && control * 10 > text.chars().count()
}

fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    encoding: &'static str,
) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::Malformed { encoding });
    }
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::Malformed { encoding })
}

#[cfg(not(target_arch = "wasm32"))]
fn decode_gb18030(bytes: &[u8]) -> Result<String, DecodeError> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|cow| cow.into_owned())
        .ok_or(DecodeError::Malformed {
            encoding: "gb18030",
        })
}

#[cfg(target_arch = "wasm32")]
fn decode_gb18030(_bytes: &[u8]) -> Result<String, DecodeError> {
    Err(DecodeError::LegacyEncoding {
        encoding: "gb18030",
    })
}

/// Whether `bytes` are well-formed GB18030 (which includes GBK and GB2312)
/// with at least one multi-byte character and no NUL bytes.
fn looks_like_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut multi = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x00 => return false,
            0x01..=0x7F => i += 1,
            0x81..=0xFE => {
                let Some(&b2) = bytes.get(i + 1) else {
                    return false;
                };
                match b2 {
                    0x40..=0x7E | 0x80..=0xFE => {
                        i += 2;
                    }
                    0x30..=0x39 => {
                        let (Some(&b3), Some(&b4)) = (bytes.get(i + 2), bytes.get(i + 3)) else {
                            return false;
                        };
                        if !(0x81..=0xFE).contains(&b3) || !(0x30..=0x39).contains(&b4) {
                            return false;
                        }
                        i += 4;
                    }
                    _ => return false,
                }
                multi += 1;
            }
            _ => return false,
        }
    }
    multi > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_reads_back_from_its_code() {
        let mut all = vec![
            DecodeError::Empty,
            DecodeError::WhitespaceOnly,
            DecodeError::Binary,
            DecodeError::UnknownEncoding,
        ];
        for encoding in LABELS {
            all.push(DecodeError::LegacyEncoding { encoding });
            all.push(DecodeError::Malformed { encoding });
        }
        for e in all {
            assert_eq!(DecodeError::from_code(&e.code()), Some(e.clone()), "{e:?}");
        }
        for other in ["", "binary:", "malformed:latin-1", "legacy", "nonsense"] {
            assert_eq!(DecodeError::from_code(other), None, "{other}");
        }
    }

    #[test]
    fn utf8_plain_and_bom() {
        assert_eq!(decode("你好".as_bytes()).unwrap(), "你好");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("你好".as_bytes());
        assert_eq!(decode(&b).unwrap(), "你好");
    }

    #[test]
    fn utf16_with_bom() {
        let s = "主持人:你好\r\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "主持人:你好\n");
        assert_eq!(decode(&be).unwrap(), "主持人:你好\n");
        assert_eq!(
            decode(&le[..le.len() - 1]),
            Err(DecodeError::Malformed {
                encoding: "utf-16le"
            })
        );
    }

    #[test]
    fn gb18030_detected() {
        // 你好 in GBK.
        let gbk = [0xC4, 0xE3, 0xBA, 0xC3];
        assert_eq!(detect(&gbk), Some(Encoding::Gb18030));
        #[cfg(not(target_arch = "wasm32"))]
        assert_eq!(decode(&gbk).unwrap(), "你好");
        #[cfg(target_arch = "wasm32")]
        assert_eq!(
            decode(&gbk),
            Err(DecodeError::LegacyEncoding {
                encoding: "gb18030"
            })
        );
    }

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalize_newlines("\r\r\n"), "\n\n");
    }

    #[test]
    fn errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF]), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::WhitespaceOnly));
        assert_eq!(
            decode("\u{3000}\u{a0}".as_bytes()),
            Err(DecodeError::WhitespaceOnly)
        );
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary));
        assert_eq!(decode(&[1, 2, 3, 4, 5, b'a']), Err(DecodeError::Binary));
        assert_eq!(decode(&[0xFF, 0x00, 0x12]), Err(DecodeError::Binary));
        assert_eq!(
            decode(&[0xE9, b' ', b'x']),
            Err(DecodeError::UnknownEncoding)
        );
    }

    #[test]
    fn messages_are_one_line() {
        for e in [
            DecodeError::Empty,
            DecodeError::WhitespaceOnly,
            DecodeError::Binary,
            DecodeError::LegacyEncoding {
                encoding: "gb18030",
            },
            DecodeError::Malformed { encoding: "utf-8" },
            DecodeError::UnknownEncoding,
        ] {
            let m = e.to_string();
            assert!(!m.contains('\n'), "{m}");
        }
        assert!(DecodeError::Empty.to_string().contains("empty"));
        assert!(DecodeError::Binary.to_string().contains("binary"));
    }
}
