//! What the reader's library knows a transcript by: its content key (the
//! same text always has the same key, in every browser and in links), the
//! summary the library lists, and the largest file it opens.

use crate::facts::chinese_date;
use crate::model::Document;

/// The largest file the explorer opens: 20 MB (a transcript is rarely
/// over 1 MB; 100 copies of the seed are 3.4 MB).
pub const MAX_FILE_BYTES: u64 = 20 * 1000 * 1000;

/// Whether a file of `bytes` is small enough to open.
pub fn fits(bytes: u64) -> bool {
    bytes <= MAX_FILE_BYTES
}

/// Whether a file in a folder the reader gave is read as a transcript:
/// a `.txt` or `.md` (`.markdown`) file, any case, not hidden (`.DS_Store`,
/// `._a.txt`). The others are named as skipped.
pub fn is_transcript_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !lower.starts_with('.')
        && [".txt", ".md", ".markdown"]
            .iter()
            .any(|ext| lower.len() > ext.len() && lower.ends_with(ext))
}

/// The content key of decoded transcript `text`: the 64-bit FNV-1a hash of
/// its UTF-8 bytes as 16 lowercase hex digits. It names the transcript in
/// links (`?doc=…`) and in the browser's library. Not a cryptographic
/// hash: it tells apart a reader's transcripts, it proves nothing.
pub fn content_key(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // By hand, not `format!("{h:016x}")`: no integer formatting in the wasm.
    (0..16)
        .rev()
        .map(|i| char::from(b"0123456789abcdef"[((h >> (i * 4)) & 0xf) as usize]))
        .collect()
}

/// Whether `s` is a content key as [`content_key`] writes it (what a link's
/// `?doc=` must be; anything else is ignored).
pub fn is_content_key(s: &str) -> bool {
    s.len() == 16
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// One line of the library's list: what the transcript is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The title, or the file name when the text has none.
    pub title: String,
    /// The conference's date in Chinese (`2017年10月12日`), when known.
    pub date: Option<String>,
    /// Who speaks, in order of first appearance.
    pub speakers: Vec<String>,
}

/// The library's line for `doc`, opened from the file `name` (if any).
pub fn summary(doc: &Document, name: Option<&str>) -> Summary {
    let title = doc.meta.title.trim();
    let title = if title.is_empty() {
        name.unwrap_or_default()
    } else {
        title
    };
    Summary {
        title: title.to_string(),
        date: doc.meta.date.as_deref().map(chinese_date),
        speakers: doc.participants.iter().map(|p| p.name.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_fnv1a_64_in_hex() {
        // The reference values of FNV-1a, 64 bits.
        assert_eq!(content_key(""), "cbf29ce484222325");
        assert_eq!(content_key("a"), "af63dc4c8601ec8c");
        assert_eq!(content_key("foobar"), "85944171f73967e8");
    }

    #[test]
    fn a_changed_character_changes_the_key() {
        let a = content_key("主持人：各位记者朋友，大家好。");
        let b = content_key("主持人：各位记者朋友，大家好！");
        assert_ne!(a, b);
        assert!(is_content_key(&a) && is_content_key(&b));
    }

    #[test]
    fn only_keys_as_written_are_keys() {
        assert!(is_content_key("0123456789abcdef"));
        for bad in [
            "",
            "0123456789abcde",
            "0123456789ABCDEF",
            "0123456789abcdeg",
            "0123456789abcdef0",
        ] {
            assert!(!is_content_key(bad), "{bad}");
        }
    }

    #[test]
    fn a_folder_reads_text_and_markdown_files() {
        for yes in ["a.txt", "B.TXT", "说明.md", "x.markdown", "a.b.txt"] {
            assert!(is_transcript_name(yes), "{yes}");
        }
        for no in [
            ".txt",
            ".DS_Store",
            "._a.txt",
            "a.pdf",
            "a.txt.zip",
            "txt",
            "a.docx",
        ] {
            assert!(!is_transcript_name(no), "{no}");
        }
    }

    #[test]
    fn the_size_limit_is_20_mb() {
        assert!(fits(20_000_000));
        assert!(!fits(20_000_001));
    }

    #[test]
    fn a_summary_names_title_date_and_speakers() {
        let text = "关于某事的新闻发布会\n\n时间：2017年10月12日\n\n主持人 王某:\n各位记者朋友，大家好。\n\n李某:\n谢谢主持人。\n";
        let doc = crate::structure(text, Some("a.txt"));
        let s = summary(&doc, Some("a.txt"));
        assert_eq!(s.title, "关于某事的新闻发布会");
        assert_eq!(s.date.as_deref(), Some("2017年10月12日"));
        assert_eq!(s.speakers, ["王某", "李某"]);
    }

    #[test]
    fn without_a_title_the_file_name_stands_in() {
        let doc = crate::structure("", None);
        assert_eq!(summary(&doc, Some("notes.txt")).title, "notes.txt");
        assert_eq!(summary(&doc, None).title, "");
    }
}
