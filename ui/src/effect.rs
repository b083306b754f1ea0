//! Effects, compiled once.
//!
//! `Effect::new` is generic over its closure, so each effect carries its
//! own copy of the effect runner (0.6–2.5 KB of wasm each). [`effect`]
//! boxes the body first: one runner for all of them.

use leptos::prelude::*;

/// Runs `body` now and again whenever a signal it reads changes (like
/// `Effect::new(move |_| body())`), for the lifetime of the current owner.
pub fn effect(body: impl Fn() + 'static) {
    run(Box::new(body));
}

fn run(body: Box<dyn Fn()>) {
    Effect::new(move |_| body());
}
