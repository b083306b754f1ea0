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

/// Parses decoded transcript text (see [`parse::parse`]) and extracts its
/// dated events ([`events::extract`]) and figures ([`figures::extract`]).
pub fn parse(text: &str) -> Document {
    let mut doc = parse::parse(text);
    // One date context (reference date, named days) for both.
    let ctx = dates::DateContext::from_document(&doc);
    doc.events = events::extract_in(&doc, &ctx);
    doc.figures = figures::extract_in(&doc, &ctx);
    doc
}

/// Decodes transcript bytes (see [`decode`]) and parses them.
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, DecodeError> {
    decode::decode(bytes).map(|text| parse(&text))
}
