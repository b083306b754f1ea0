//! Component tests of the reading view, in headless Chromium: the pieces a
//! reader sees, mounted over documents parsed by the real core.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use shilu_app::app::{provide_reader, SEED};
use shilu_app::components::search_bar::SearchBar;
use shilu_app::components::speaker_filter::SpeakerFilter;
use shilu_app::components::transcript::Transcript;
use shilu_app::i18n::{I18n, Lang};
use shilu_app::state::Reader;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the search bar, speaker filter and transcript over `text`, in a
/// fresh container; returns the container and the reader's state.
fn mount(text: &'static str) -> (web_sys::HtmlElement, Reader) {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let reader = provide_reader(text, shilu_core::structure(text, None));
        tx.send(reader).unwrap();
        view! { <SearchBar/><SpeakerFilter/><Transcript/> }
    });
    handle.forget();
    (container, rx.recv().unwrap())
}

/// Runs `js` in the page (the CSS highlights have no web-sys binding on stable).
fn js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).unwrap()
}

/// Resolves after the next animation frame (the search's highlights are set in one).
async fn frame() {
    let p = js("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(p))
        .await
        .unwrap();
}

/// How many ranges the highlight `name` holds.
fn highlights(name: &str) -> u32 {
    js(&format!("CSS.highlights.get('{name}')?.size ?? 0"))
        .as_f64()
        .unwrap() as u32
}

fn count(container: &web_sys::HtmlElement, selector: &str) -> u32 {
    container.query_selector_all(selector).unwrap().length()
}

fn visible_speakers(container: &web_sys::HtmlElement) -> Vec<String> {
    let list = container
        .query_selector_all(".turn__shown:not([hidden]) .turn__name")
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

const SMALL: &str = "某市新闻发布会\n\n主持人 王某:\n\n各位记者，上午好。今天介绍光伏扶贫。\n\n新华社记者:\n\n请问光伏电站建了多少？\n\n李某:\n\n一是建成光伏电站100座。\n\n二是带动贫困户3万户。\n";

#[wasm_bindgen_test]
async fn renders_each_turn_with_its_speaker_and_role() {
    let (c, _) = mount(SMALL);
    assert_eq!(visible_speakers(&c), ["王某", "新华社记者", "李某"]);
    assert_eq!(count(&c, ".turn--host"), 1);
    assert_eq!(count(&c, ".turn--journalist"), 1);
    c.remove();
}

#[wasm_bindgen_test]
async fn search_marks_every_match_and_counts_them() {
    let (c, reader) = mount(SEED);
    reader.set_query("光伏".into());
    leptos::task::tick().await;
    frame().await;
    assert_eq!(highlights("search") + highlights("search-current"), 5);
    assert_eq!(highlights("search-current"), 1);
    assert_eq!(count(&c, "mark"), 0, "no element per match");
    let summary = c
        .query_selector("#search-summary")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(summary.contains('5'), "summary {summary:?}");
    reader.set_query(String::new());
    leptos::task::tick().await;
    frame().await;
    assert_eq!(highlights("search") + highlights("search-current"), 0);
    c.remove();
}

#[wasm_bindgen_test]
async fn filtering_keeps_questions_with_answers_unless_asked_not_to() {
    let (c, reader) = mount(SMALL);
    reader.show_only(["李某".to_string()]);
    leptos::task::tick().await;
    assert_eq!(visible_speakers(&c), ["新华社记者", "李某"]);
    assert_eq!(
        count(&c, ".turn__hidden:not([hidden])"),
        1,
        "the host's turn shrinks to a placeholder"
    );
    reader.keep_qa.set(false);
    leptos::task::tick().await;
    assert_eq!(visible_speakers(&c), ["李某"]);
    c.remove();
}

#[wasm_bindgen_test]
async fn a_fold_button_hides_what_it_controls() {
    let (c, _) = mount(SEED);
    let button: web_sys::HtmlElement = c
        .query_selector(".turn__speaker .fold")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let body = document()
        .get_element_by_id(&button.get_attribute("aria-controls").unwrap())
        .unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!body.has_attribute("hidden"));
    button.click();
    leptos::task::tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(body.has_attribute("hidden"));
    c.remove();
}

#[wasm_bindgen_test]
async fn matches_inside_folded_sections_unfold_them() {
    let (c, reader) = mount(SEED);
    reader.folded.set(reader.all_folds());
    leptos::task::tick().await;
    reader.set_query("光伏".into());
    leptos::task::tick().await;
    frame().await;
    assert_eq!(highlights("search") + highlights("search-current"), 5);
    let visible = js(
        "[...CSS.highlights.get('search'), ...CSS.highlights.get('search-current')]\
        .every((r) => r.startContainer.parentElement.offsetParent !== null)",
    );
    assert_eq!(visible.as_bool(), Some(true), "every match is visible");
    c.remove();
}

#[wasm_bindgen_test]
async fn switching_language_relabels_controls_and_placeholders() {
    let c: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&c).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    leptos::mount::mount_to(c.clone(), move || {
        let reader = provide_reader(SMALL, shilu_core::structure(SMALL, None));
        tx.send((reader, expect_context::<I18n>())).unwrap();
        view! { <Transcript/> }
    })
    .forget();
    let (reader, I18n(lang)) = rx.recv().unwrap();
    lang.set(Lang::Zh);
    reader
        .speakers
        .set(["李某".to_string()].into_iter().collect());
    leptos::task::tick().await;
    let first_placeholder = || {
        c.query_selector(".turn__hidden:not([hidden]) .turn__hidden-name")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(first_placeholder(), "王某 的发言已隐藏（1 段）");
    assert!(c.text_content().unwrap().contains("全部展开"));

    lang.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(first_placeholder(), "王某: hidden (1 paragraph)");
    let text = c.text_content().unwrap();
    assert!(
        text.contains("Expand all") && !text.contains("全部展开"),
        "{text}"
    );
    c.remove();
}

/// The page parses nothing: a transcript's structure comes with it (the
/// worker's bytes, `shilu_core::wire`), the seed's is the one it was given
/// when it comes back without, and a text with no structure that reads
/// shows as paragraphs, one per line.
#[wasm_bindgen_test]
async fn the_structure_comes_with_the_text() {
    let (c, reader) = mount(SEED);
    let seed = reader.doc.get_untracked();
    let small = shilu_core::structure(SMALL, None);
    reader.load(
        SMALL.into(),
        Some("small.txt".into()),
        Some(shilu_core::wire::write(&small, SMALL)),
    );
    assert_eq!(*reader.doc.get_untracked(), small);
    leptos::task::tick().await;
    assert_eq!(visible_speakers(&c), ["王某", "新华社记者", "李某"]);
    reader.load(SEED.into(), None, None);
    assert!(std::sync::Arc::ptr_eq(&reader.doc.get_untracked(), &seed));
    // Bytes written with another text do not read as this one's.
    let other = "第一段\n\n  第二段  \n";
    reader.load(
        other.into(),
        None,
        Some(shilu_core::wire::write(&small, SMALL)),
    );
    let doc = reader.doc.get_untracked();
    let paragraphs: Vec<(&str, &str)> = doc
        .front
        .iter()
        .map(|b| (b.id.as_str(), b.text.as_str()))
        .collect();
    assert_eq!(paragraphs, [("f1", "第一段"), ("f2", "第二段")]);
    assert!(doc.turns.is_empty());
    c.remove();
}
