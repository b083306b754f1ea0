//! shilu's corpus site: a folder of transcripts as one static site. The
//! corpus model (who speaks, the index, what each page shows) is the
//! core's (`shilu_core::corpus`); this crate renders it, with the app's
//! own components for every transcript page (`shilu_app::page`) and its
//! own for the lists and speakers ([`pages`]), into the app's page shell
//! ([`shell`]), and writes the site ([`build`]).

pub mod build;
pub mod cache;
pub mod csp;
pub mod pages;
pub mod search_page;
pub mod shell;
pub mod transcript_pages;
