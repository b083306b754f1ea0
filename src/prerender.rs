//! `shilu-prerender`: the page's initial view as HTML, for the post-build
//! hook (xtask/tools/post-build.mjs) to write into index.html's `#app`.
//!
//! The same components as in the browser, rendered natively (`ssr`): the
//! header, the contents and the whole transcript with its anchors, over the
//! embedded seed, in the defaults (Chinese, every speaker, nothing folded).
//! It prints the view, then the seed's text in a `<template>`, where the app
//! reads it back (`shilu_app::seed`), so the wasm need not carry it.

use leptos::prelude::*;
use shilu_app::{app::SEED, seed::seed_template, App};
use std::io::Write;
use std::sync::Arc;

fn main() {
    let owner = Owner::new();
    let html = owner.with(|| {
        let seed: Arc<str> = SEED.into();
        view! { <App seed=seed/> }.to_html()
    });
    let mut out = std::io::stdout().lock();
    let wrote = out
        .write_all(html.as_bytes())
        .and_then(|_| out.write_all(seed_template(SEED).as_bytes()))
        .and_then(|_| out.flush());
    if let Err(e) = wrote {
        eprintln!("shilu-prerender: {e}");
        std::process::exit(1);
    }
}
