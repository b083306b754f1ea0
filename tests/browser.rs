//! Component tests of the UI crate, run in headless Chromium through
//! chromedriver by `wasm-bindgen-test-runner` (see `webdriver.json` and
//! `.cargo/config.toml`). `cargo xtask test` runs them as tier (b):
//!
//! ```text
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test -p shilu-app --target wasm32-unknown-unknown
//! ```
//!
//! Natively this file compiles to an empty test binary.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TITLE: &str = "“聚焦深度贫困 凝心聚力攻坚”新闻发布会";

/// A fresh, empty `<div>` appended to `<body>`, so each test mounts in isolation.
fn fresh_container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc
        .create_element("div")
        .expect("create <div>")
        .dyn_into::<web_sys::HtmlElement>()
        .expect("<div> is an HtmlElement");
    doc.body()
        .expect("<body>")
        .append_child(&el)
        .expect("append container");
    el
}

/// Visible text of an element, whitespace-insensitive (CJK text has no spaces to lose).
fn text_of(el: &web_sys::Element) -> String {
    el.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect()
}

#[wasm_bindgen_test]
fn app_renders_the_transcript_title() {
    let container = fresh_container();
    let handle = leptos::mount::mount_to(
        container.clone(),
        || view! { <shilu_app::App seed=shilu_app::app::SEED.into() doc=shilu_core::structure(shilu_app::app::SEED, None)/> },
    );

    let headings = container.query_selector_all("h1").expect("query h1");
    assert!(headings.length() >= 1, "App renders an <h1>");
    let h1 = headings
        .get(0)
        .unwrap()
        .dyn_into::<web_sys::Element>()
        .unwrap();
    let want: String = TITLE.split_whitespace().collect();
    assert_eq!(text_of(&h1), want, "the <h1> is the transcript's title");

    drop(handle);
    assert_eq!(
        container.child_element_count(),
        0,
        "unmounting removes the view"
    );
    container.remove();
}

#[wasm_bindgen_test]
fn app_renders_the_transcript_body_in_order() {
    let container = fresh_container();
    let _handle = leptos::mount::mount_to(
        container.clone(),
        || view! { <shilu_app::App seed=shilu_app::app::SEED.into() doc=shilu_core::structure(shilu_app::app::SEED, None)/> },
    );

    let text = text_of(&container);
    // Phrases taken from the seed transcript, in the order they occur there.
    let phrases = ["省政府新闻办举行新闻发布会", "各位新闻界", "深度贫困"];
    let mut from = 0;
    for phrase in phrases {
        let at = text[from..]
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} is rendered after byte {from}"));
        from += at + phrase.len();
    }
    container.remove();
}

/// Waits (up to 10 s) for `selector` to match inside `container`.
async fn appears(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    for _ in 0..200 {
        if let Some(el) = container.query_selector(selector).unwrap() {
            return el.unchecked_into();
        }
        let pause = js_sys::Promise::new(&mut |done, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&done, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
    panic!("{selector} never appeared");
}

/// Whether the page has asked for anything under `panels/` (the browser's
/// resource timing lists every request, answered or not).
fn fetched_from_panels() -> bool {
    js_sys::Function::new_no_args(
        "return performance.getEntriesByType('resource').some((e) => e.name.includes('/panels/'))",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap()
    .as_bool()
    .unwrap()
}

#[wasm_bindgen_test]
async fn a_panel_whose_module_does_not_load_says_so_and_can_try_again() {
    let container = fresh_container();
    let _handle = leptos::mount::mount_to(
        container.clone(),
        || view! { <shilu_app::App seed=shilu_app::app::SEED.into() doc=shilu_core::structure(shilu_app::app::SEED, None)/> },
    );
    let status = container
        .query_selector("#panel-calendar .panel-status")
        .unwrap()
        .expect("the calendar has a status line");
    // Nothing is fetched before a panel tab opens.
    assert!(text_of(&status).starts_with("正在加载"));
    leptos::task::tick().await;
    assert!(!fetched_from_panels(), "nothing from panels/ yet");

    // The test page serves no panels module, so the import fails.
    let tab: web_sys::HtmlElement = container
        .query_selector("#tab-calendar")
        .unwrap()
        .unwrap()
        .unchecked_into();
    tab.click();
    let retry = appears(&container, "#panel-calendar .panel-status button").await;
    assert!(
        fetched_from_panels(),
        "opening the tab asked for the module"
    );
    assert!(
        text_of(&status).starts_with("加载失败"),
        "{}",
        text_of(&status)
    );
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));

    retry.click();
    leptos::task::tick().await;
    assert!(text_of(&status).starts_with("正在加载"), "loading again");
    assert!(status.query_selector("button").unwrap().is_none());
    appears(&container, "#panel-calendar .panel-status button").await;
    container.remove();
}
