//! Entry point in the browser: set the panic hook, read the seed's text
//! and structure from the page and take over the pre-rendered view (`#app`).
//!
//! In parts, each in a task of its own, so that no one task keeps the page
//! from answering (issue 24; ARCHITECTURE.md, the first paint against the
//! plain page): the wasm's instantiation ends with `main`; reading the
//! seed is the next task; making the app's state the one after; then
//! taking over the view's parts (`shilu_app::takeover`) and the effects'
//! first runs, a few per task (`shilu_ui::effect`).

#[cfg(feature = "hydrate")]
fn main() {
    use leptos::prelude::{document, set_timeout};
    use std::time::Duration;
    shilu_ui::dom::report_panics();
    set_timeout(
        || {
            let root = document().get_element_by_id("app");
            let (Some((seed, doc, pages)), Some(root)) = (shilu_app::seed::read_seed(), root)
            else {
                // A page built without the pre-render (see xtask/tools/post-build.mjs),
                // or by another build's.
                panic!(
                    "shilu: the page has no pre-rendered view (#app) or seed (#seed-text) of this build"
                );
            };
            set_timeout(
                move || {
                    let root = wasm_bindgen::JsCast::unchecked_into(root);
                    let seed: std::sync::Arc<str> = seed.into();
                    shilu_ui::effect::start_in_parts();
                    shilu_app::takeover::hydrate_in_parts(root, seed, doc, pages);
                    shilu_ui::effect::finish_start();
                },
                Duration::ZERO,
            );
        },
        Duration::ZERO,
    );
}

/// Natively there is nothing to run: the browser build is `cargo xtask dist`,
/// the pre-render `shilu-prerender`.
#[cfg(not(feature = "hydrate"))]
fn main() {
    eprintln!("shilu-app runs in the browser: build it with `cargo xtask dist`");
    std::process::exit(2);
}
