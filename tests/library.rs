//! The reader's library in headless Chromium: IndexedDB keeps, lists and
//! forgets transcripts with their search parts; the browser decodes what the core leaves to it
//! (GBK, with UTF-16 decoded by the core); pasted text that is no
//! transcript is refused, and nothing is shown.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use shilu_core::decode::DecodeError;
use shilu_core::library::Summary;
use shilu_panels::library::opening::read_bytes;
use shilu_panels::library::store::{self, Kept};
use shilu_panels::library::Shelf;
use shilu_ui::i18n::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn kept(key: &str, saved: f64) -> Kept {
    Kept {
        key: key.into(),
        name: Some(format!("{key}.txt")),
        text: format!("主持人：{key}"),
        saved,
        summary: Some(Summary {
            title: format!("{key}.txt"),
            date: Some("2017年10月12日".into()),
            speakers: vec!["主持人".into()],
        }),
    }
}

#[wasm_bindgen_test]
async fn keeps_lists_the_latest_first_and_forgets() {
    let (a, b) = (kept("00000000000000aa", 1.0), kept("00000000000000bb", 2.0));
    store::put(&a, "part a").await.unwrap();
    store::put(&b, "part b").await.unwrap();
    assert_eq!(store::get(&a.key).await.unwrap(), Some(a.clone()));
    // The parts, in key order, a batch at a time, then none.
    let mut reader = store::PartsReader::open().await.unwrap();
    let first = reader.next(1).await.unwrap();
    assert_eq!(first.len(), 1);
    let mut parts: Vec<(String, String)> = first;
    loop {
        let batch = reader.next(10).await.unwrap();
        if batch.is_empty() {
            break;
        }
        parts.extend(batch);
    }
    assert!(parts.windows(2).all(|w| w[0].0 < w[1].0), "key order: {parts:?}");
    assert!(
        parts.contains(&(a.key.clone(), "part a".into())),
        "{parts:?}"
    );
    assert!(
        parts.contains(&(b.key.clone(), "part b".into())),
        "{parts:?}"
    );
    let lines = store::lines().await.unwrap();
    let line = lines.iter().find(|l| l.key == b.key).unwrap();
    assert_eq!(
        (line.summary.as_ref(), line.text.as_deref(), line.saved),
        (b.summary.as_ref(), None, b.saved),
        "a line as kept beside it, without the text"
    );
    let keys: Vec<String> = lines.into_iter().map(|l| l.key).collect();
    let at = |key: &str| keys.iter().position(|k| k == key).unwrap();
    assert!(at(&b.key) < at(&a.key), "the latest first: {keys:?}");
    store::remove(&a.key).await.unwrap();
    assert_eq!(store::get(&a.key).await.unwrap(), None);
    store::remove(&b.key).await.unwrap();
    assert_eq!(store::get(&b.key).await.unwrap(), None);
    let left = store::PartsReader::open().await.unwrap().next(100).await.unwrap();
    assert!(
        !left.iter().any(|(k, _)| *k == a.key || *k == b.key),
        "the parts go with them"
    );
}

#[wasm_bindgen_test]
async fn a_record_kept_without_its_line_is_listed_with_its_text() {
    // As version 1 kept them: the list makes its line from the text.
    let old = Kept {
        summary: None,
        ..kept("00000000000000dd", 4.0)
    };
    store::put(&old, "{}").await.unwrap();
    let lines = store::lines().await.unwrap();
    let line = lines.iter().find(|l| l.key == old.key).unwrap();
    assert_eq!((line.summary.as_ref(), line.text.as_deref()), (None, Some(old.text.as_str())));
    store::remove(&old.key).await.unwrap();
}

#[wasm_bindgen_test]
async fn pasted_text_is_kept_without_a_name() {
    let p = Kept {
        name: None,
        ..kept("00000000000000cc", 3.0)
    };
    store::put(&p, "{}").await.unwrap();
    assert_eq!(store::get(&p.key).await.unwrap().unwrap().name, None);
    store::remove(&p.key).await.unwrap();
}

#[wasm_bindgen_test]
fn gbk_is_decoded_by_the_browser_and_utf16_by_the_core() {
    // 主持人：大家好 in GBK.
    let gbk = [
        0xD6, 0xF7, 0xB3, 0xD6, 0xC8, 0xCB, 0xA3, 0xBA, 0xB4, 0xF3, 0xBC, 0xD2, 0xBA, 0xC3,
    ];
    assert_eq!(read_bytes(&gbk).unwrap(), "主持人：大家好");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("主持人：大家好".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read_bytes(&utf16).unwrap(), "主持人：大家好");
    assert_eq!(
        read_bytes(&[0, 1, 2, 0, 0xFF, 0x00]),
        Err(DecodeError::Binary)
    );
    assert_eq!(read_bytes(b""), Err(DecodeError::Empty));
}

/// Lets the tasks that are ready run.
async fn settle() {
    for _ in 0..5 {
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn pasted_whitespace_is_refused_and_nothing_is_shown() {
    let owner = Owner::new();
    owner.set();
    let shown = RwSignal::new(0);
    let shelf = Shelf::new(
        "主持人：示例。",
        Lang::Zh,
        Callback::new(move |_| shown.update(|n| *n += 1)),
        None,
    );
    assert!(!shelf.open_pasted("  \n\t "));
    assert_eq!(shown.get_untracked(), 0);
    assert_eq!(
        shelf.paste_problem.get_untracked().as_deref(),
        Some("只有空白，没有文字")
    );
    settle().await;
    assert_eq!(shown.get_untracked(), 0);
    assert!(shelf.open_pasted("主持人：大家好。"));
    settle().await;
    assert_eq!(shown.get_untracked(), 1);
    assert_eq!(shelf.paste_problem.get_untracked(), None);
}
