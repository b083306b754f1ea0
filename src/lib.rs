//! shilu web app: renders a parsed transcript (the core's model) with Leptos.
//! The UI primitives are `shilu-ui`; the calendar and insights panels are
//! `shilu-panels`, a module of their own. See ARCHITECTURE.md for the code map.

pub mod app;
pub mod components;
pub mod current_turn;
pub mod i18n;
pub mod keyboard;
pub mod library;
pub mod navigate;
#[cfg(feature = "ssr")]
pub mod page;
pub mod panel_loader;
pub mod prefs;
pub mod seed;
pub mod selection;
pub mod speaker_pages;
pub mod state;
#[cfg(feature = "hydrate")]
pub mod takeover;
pub mod url_state;

pub use app::App;
