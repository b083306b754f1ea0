//! The Content-Security-Policy's hashes of what the pages inline.

use base64::Engine;
use sha2::{Digest, Sha256};

/// `'sha256-…'` of `text`, as a policy's source.
pub fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A file's name part from its content: 16 hex digits of its SHA-256,
/// as the dist names its files (hosts may cache them for good).
pub fn short(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_hash_of_a_known_text() {
        // `printf 'a{}' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            super::hash("a{}"),
            "'sha256-X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk='"
        );
    }
}
