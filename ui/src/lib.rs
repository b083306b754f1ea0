//! shilu's UI primitives, shared by the app (`shilu-app`) and the panels'
//! module (`shilu-panels`), which know this crate and the core but not each
//! other:
//!
//! - [`html`]: the typed HTML layer (escaped text, `&'static str` names,
//!   actions as enums) and [`html::Region`], the one element that shows it;
//! - [`effect`], [`context`]: small wrappers that keep the wasm small;
//! - [`dom`]: browser helpers;
//! - [`i18n`]: the interface language and the texts both sides show;
//! - [`marks`]: the figures the transcript marks, as the panels tell the page.

pub mod context;
pub mod dom;
pub mod effect;
pub mod html;
pub mod i18n;
pub mod marks;
