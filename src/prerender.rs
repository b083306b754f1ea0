//! `shilu-prerender`: the page's initial view as HTML, for the post-build
//! hook (xtask/tools/post-build.mjs) to write into index.html's `#app`.
//!
//! The same components as in the browser, rendered natively (`ssr`): the
//! header, the contents and the whole transcript with its anchors, over the
//! embedded seed, in the defaults (Chinese, every speaker, nothing folded).
//! It prints the view, then the seed's text in a `<template>`, where the app
//! reads it back (`shilu_app::seed`), so the wasm need not carry it; and,
//! on the template, the seed's meta, which the page does not read itself.

use leptos::prelude::*;
use shilu_app::{app::SEED, seed::seed_template, App};
use std::io::Write;
use std::sync::Arc;

fn main() {
    // The full parser's meta: the page is given it, and reads the seed
    // without it (`shilu_app::seed`).
    let meta = shilu_core::structure(SEED, None).meta;
    let owner = Owner::new();
    let html = owner.with(|| {
        let seed: Arc<str> = SEED.into();
        let meta = Some(meta.clone());
        view! { <App seed=seed meta=meta/> }.to_html()
    });
    let mut out = std::io::stdout().lock();
    let wrote = out
        .write_all(html.as_bytes())
        .and_then(|_| out.write_all(seed_template(SEED, &meta).as_bytes()))
        .and_then(|_| out.flush());
    if let Err(e) = wrote {
        eprintln!("shilu-prerender: {e}");
        std::process::exit(1);
    }
}
