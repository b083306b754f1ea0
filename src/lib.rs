//! shilu web app: renders a parsed transcript (the core's model) with Leptos.
//! See ARCHITECTURE.md for the code map.

pub mod app;
pub mod components;
pub mod context;
pub mod dom;
pub mod effect;
pub mod html;
pub mod i18n;
pub mod keyboard;
pub mod navigate;
pub mod panel_loader;
pub mod panels;
pub mod prefs;
pub mod state;
pub mod transcript_file;
pub mod url_state;

pub use app::App;
