//! The pieces of the page a reader sees, one per file.

pub mod block;
pub mod contents;
pub mod deferred_panel;
pub mod header;
pub mod highlight;
pub mod panel_tabs;
pub mod quote_bar;
pub mod search_bar;
pub mod speaker_filter;
pub mod toast;
pub mod top_bar;
pub mod transcript;
