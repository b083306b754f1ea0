//! A corpus: many transcripts read as one. Who speaks across them
//! ([`identity`]), and search over all their passages ([`index`],
//! [`query`], [`search`]), exact to the character after folding
//! ([`fold`]).
pub mod aliases;
pub mod build;
pub mod catalog;
pub mod cold;
mod cold_pages;
mod cold_reads;
pub mod excerpt;
#[cfg(not(target_arch = "wasm32"))]
pub mod feed;
pub mod fold;
pub mod folder;
pub mod identity;
pub mod index;
pub mod jsonl;
pub mod kept;
pub mod load;
pub mod lookup;
pub mod pack;
pub mod passages;
pub mod query;
pub mod scan;
pub mod search;
pub mod session;
pub mod shelf;
pub mod site;
pub mod speakers;
pub mod terms;
pub mod trends;
pub mod view;
