//! `shilu-prerender`: the page's initial view as HTML, for the post-build
//! hook (xtask/tools/post-build.mjs) to write into index.html's `#app`.
//!
//! The seed's page ([`shilu_app::page::render`]): the same components as in
//! the browser, rendered natively (`ssr`), then the seed's text in a
//! `<template>`, where the app reads it back (`shilu_app::seed`), so the
//! wasm need not carry it; and, on the template, the seed's meta, which
//! the page does not read itself.

use shilu_app::{app::SEED, page};
use std::io::Write;

fn main() {
    let html = page::render(SEED);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(html.as_bytes()).and_then(|_| out.flush()) {
        eprintln!("shilu-prerender: {e}");
        std::process::exit(1);
    }
}
