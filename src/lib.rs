//! shilu web app: renders a parsed transcript (the core's model) with Leptos.

pub mod app;

pub use app::App;
