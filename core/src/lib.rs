//! shilu-core: decode, parse and analyse press-conference transcripts.
//!
//! Data flows one way: bytes → [`decode`] → text → [`structure`] →
//! [`model::Document`] → [`analyse`] (events, figures).
//!
//! - [`structure`] reads who speaks and what they say: front matter,
//!   participants, turns, Q&A pairs, the appendix and the meta. It is what
//!   the reading view needs, and all the app's first visit links.
//! - [`analyse`] adds what the text says about dates and numbers to a
//!   structured document: events, figures and their checks, the documents,
//!   programmes and lead units named.
//! - [`analysed`] and [`analysed_bytes`] do both.

#[cfg(not(target_arch = "wasm32"))]
pub mod akn;
pub mod chars;
pub mod checks;
pub mod corpus;
pub mod dates;
pub mod days;
pub mod decode;
pub mod documents;
pub mod events;
pub mod export;
pub mod facts;
pub mod figures;
pub mod filter;
pub mod ics;
pub mod lead_units;
pub mod library;
pub mod lossless;
pub mod markdown;
pub mod model;
pub(crate) mod notes;
pub mod outline;
mod parse;
pub mod places;
pub mod plain;
pub mod programmes;
pub mod quote;
pub mod search;
pub mod share;
pub mod wire;

pub use decode::{decode, DecodeError};
pub use model::*;

/// Reads the structure of decoded transcript text. `name` is the file
/// name, when there is one: the meta falls back on it (a date in
/// `2024-05-08-….md`). Never fails: text with no structure comes back as
/// front-matter paragraphs.
pub fn structure(text: &str, name: Option<&str>) -> Document {
    parse::structure(text, name)
}

/// How many lines of `text` look like speaker labels (`### 唐鳳：`,
/// `主持人：`, `国家统计局局长 宁吉喆：`), whether or not the parser took
/// them as labels: a file with several and no turns is worth a look.
pub fn speaker_like_lines(text: &str) -> usize {
    parse::speaker_like_lines(text)
}

/// Whether a speaker's name is only a role word (`问`, `記者`,
/// `主持人`, `Moderator`): a voice, not a person to follow across
/// transcripts.
pub fn is_role_only(name: &str) -> bool {
    parse::is_role_only(name)
}

/// Adds the analysis to a structured document: its dated events and its
/// figures, both resolved against the conference's own date, the checks of
/// the figures, and the documents, programmes and lead units it names.
pub fn analyse(doc: &mut Document) {
    // One date context (reference date, named days) for both.
    let ctx = dates::DateContext::from_document(doc);
    doc.events = events::extract_in(doc, &ctx);
    (doc.figures, doc.figure_details) = figures::extract_details_in(doc, &ctx);
    doc.checks = checks::check(doc);
    doc.documents = documents::extract(doc);
    doc.programmes = programmes::extract(doc);
    doc.lead_units = lead_units::extract(doc);
}

/// [`structure`], then [`analyse`].
pub fn analysed(text: &str, name: Option<&str>) -> Document {
    let mut doc = structure(text, name);
    analyse(&mut doc);
    doc
}

/// Decodes transcript bytes (see [`decode`]), then [`analysed`].
pub fn analysed_bytes(bytes: &[u8], name: Option<&str>) -> Result<Document, DecodeError> {
    decode::decode(bytes).map(|text| analysed(&text, name))
}
