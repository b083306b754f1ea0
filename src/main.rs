//! Entry point in the browser: set the panic hook, read the seed's text
//! and structure from the page and take over the pre-rendered view (`#app`).

#[cfg(feature = "hydrate")]
fn main() {
    use leptos::prelude::*;
    shilu_ui::dom::report_panics();
    let root = document().get_element_by_id("app");
    let (Some((seed, doc, pages)), Some(root)) = (shilu_app::seed::read_seed(), root) else {
        // A page built without the pre-render (see xtask/tools/post-build.mjs),
        // or by another build's.
        panic!(
            "shilu: the page has no pre-rendered view (#app) or seed (#seed-text) of this build"
        );
    };
    let root = wasm_bindgen::JsCast::unchecked_into(root);
    let seed: std::sync::Arc<str> = seed.into();
    leptos::mount::hydrate_from(
        root,
        move || view! { <shilu_app::App seed=seed doc=doc pages=pages/> },
    )
    .forget();
}

/// Natively there is nothing to run: the browser build is `cargo xtask dist`,
/// the pre-render `shilu-prerender`.
#[cfg(not(feature = "hydrate"))]
fn main() {
    eprintln!("shilu-app runs in the browser: build it with `cargo xtask dist`");
    std::process::exit(2);
}
