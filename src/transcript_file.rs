//! Turns the bytes of a file the reader opened into transcript text. The core
//! detects the encoding; legacy encodings (GB18030/GBK) are decoded by the
//! browser's TextDecoder, so the wasm carries no encoding tables.

use shilu_core::decode::{check_text, decode, DecodeError};

/// Decodes a transcript file; the error is a one-line message.
pub fn read_transcript(bytes: &[u8]) -> Result<String, String> {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(DecodeError::LegacyEncoding { encoding }) => {
            let decoded =
                decode_in_browser(bytes, encoding).ok_or_else(|| format!("{encoding}?"))?;
            check_text(&decoded).map_err(|e| e.to_string())?
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok(text)
}

fn decode_in_browser(bytes: &[u8], label: &str) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options(label, &opts).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
