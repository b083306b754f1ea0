//! shilu-core: decode, parse and extract press-conference transcripts.
//!
//! Data flows one way: bytes → [`decode`] → text → [`parse`] → [`model::Document`].

pub mod dates;
pub mod decode;
pub mod events;
pub mod figures;
pub mod ics;
pub mod model;
pub mod outline;
pub mod parse;
pub mod search;

pub use decode::{decode, DecodeError};
pub use model::*;
pub use parse::parse;

/// Decodes transcript bytes (see [`decode`]) and parses them.
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, DecodeError> {
    decode::decode(bytes).map(|text| parse(&text))
}
