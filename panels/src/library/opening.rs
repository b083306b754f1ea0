//! A file the reader gave (picked, dropped) to transcript text: refused
//! when over the size limit, read (gloo-file), then decoded by the core; the legacy
//! encodings (GB18030/GBK) by the browser's TextDecoder, so the wasm carries
//! no encoding tables.

use shilu_core::decode::{check_text, decode, DecodeError};
use shilu_core::library::{fits, MAX_FILE_BYTES};

/// Why a file did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    TooLarge,
    Unreadable,
    /// In a folder: not a `.txt` or `.md` file
    /// (`shilu_core::library::is_transcript_name`).
    NotText,
    Decode(DecodeError),
}

impl Refusal {
    /// A short code for the refusal, for handing it between threads
    /// (`too-large`, `unreadable`, `not-text`, or the decoding error's code).
    pub fn code(&self) -> String {
        match self {
            Refusal::TooLarge => "too-large".into(),
            Refusal::Unreadable => "unreadable".into(),
            Refusal::NotText => "not-text".into(),
            Refusal::Decode(e) => e.code(),
        }
    }

    /// The refusal a [`Refusal::code`] names; `None` for any other string.
    pub fn from_code(code: &str) -> Option<Refusal> {
        match code {
            "too-large" => Some(Refusal::TooLarge),
            "unreadable" => Some(Refusal::Unreadable),
            "not-text" => Some(Refusal::NotText),
            _ => DecodeError::from_code(code).map(Refusal::Decode),
        }
    }

    /// What the reader is told (after the file's name).
    pub fn say(&self, t: &super::texts::LibraryTexts) -> String {
        match self {
            Refusal::TooLarge => (t.too_large)(MAX_FILE_BYTES / 1_000_000),
            Refusal::Unreadable => t.unreadable_file.into(),
            Refusal::NotText => t.not_text.into(),
            Refusal::Decode(e) => t.problem(e),
        }
    }
}

/// The text of `file`, or why not.
pub async fn read_file(file: &web_sys::File) -> Result<String, Refusal> {
    let file = gloo_file::File::from(file.clone());
    if !fits(file.size()) {
        return Err(Refusal::TooLarge);
    }
    let bytes = gloo_file::futures::read_as_bytes(&file)
        .await
        .map_err(|_| Refusal::Unreadable)?;
    read_bytes(&bytes).map_err(Refusal::Decode)
}

/// Decodes the bytes of a transcript file.
pub fn read_bytes(bytes: &[u8]) -> Result<String, DecodeError> {
    match decode(bytes) {
        Err(DecodeError::LegacyEncoding { encoding }) => {
            let text =
                decode_in_browser(bytes, encoding).ok_or(DecodeError::Malformed { encoding })?;
            check_text(&text)
        }
        decoded => decoded,
    }
}

fn decode_in_browser(bytes: &[u8], label: &str) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options(label, &opts).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_read_back_from_their_codes() {
        for r in [
            Refusal::TooLarge,
            Refusal::Unreadable,
            Refusal::NotText,
            Refusal::Decode(DecodeError::Binary),
            Refusal::Decode(DecodeError::Malformed {
                encoding: "gb18030",
            }),
        ] {
            assert_eq!(Refusal::from_code(&r.code()), Some(r.clone()));
        }
        assert_eq!(Refusal::from_code("too large"), None);
    }
}
