//! The page's [`Source`]: the site's index files fetched with a `Range`
//! header (a static host answers 206 with those bytes). A host that
//! ignores the header and sends the whole file (200) still works: the
//! range is cut from it.

use shilu_core::corpus::session::Source;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The index folder at `base` (an absolute URL ending in `/`), and
/// whole files read already (`primed`, by path): the page's loader
/// fetches the ones its head preloads while the module compiles, so the
/// query reads them at once, each once.
pub struct Fetched {
    pub base: String,
    pub primed: RefCell<HashMap<String, Vec<u8>>>,
}

fn message(e: wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the request failed".into())
}

impl Source for Fetched {
    type Error = String;

    async fn read(&self, path: &str, range: Option<Range<u64>>) -> Result<Vec<u8>, String> {
        if range.as_ref().is_some_and(|r| r.start == r.end) {
            return Ok(Vec::new());
        }
        if range.is_none() {
            if let Some(bytes) = self.primed.borrow_mut().remove(path) {
                return Ok(bytes);
            }
        }
        let init = web_sys::RequestInit::new();
        let headers = web_sys::Headers::new().map_err(message)?;
        if let Some(r) = &range {
            headers
                .set("Range", &format!("bytes={}-{}", r.start, r.end - 1))
                .map_err(message)?;
        }
        init.set_headers(&headers);
        // Held until the body is read: at most `in_flight::LIMIT` at once.
        let _turn = super::in_flight::turn().await;
        let url = format!("{}{path}", self.base);
        let window = web_sys::window().ok_or("no window")?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(&url, &init))
                .await
                .map_err(message)?
                .dyn_into()
                .map_err(message)?;
        let status = response.status();
        if !(status == 200 || status == 206) {
            return Err(format!("HTTP {status}"));
        }
        let buffer = JsFuture::from(response.array_buffer().map_err(message)?)
            .await
            .map_err(message)?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        match range {
            Some(r) if status == 200 => bytes
                .get(r.start as usize..r.end as usize)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| "the file is shorter than the range".into()),
            _ => Ok(bytes),
        }
    }
}
