//! shilu-core: decode, parse and extract press-conference transcripts.
//!
//! Data flows one way: bytes → [`decode`] → text → [`parse`] → [`model::Document`].

pub mod dates;
pub mod events;
pub mod model;
pub mod outline;
pub mod parse;
pub mod search;

pub use model::*;
pub use parse::parse;
