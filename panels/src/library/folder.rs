//! A folder the reader gave (dropped, or picked with
//! `<input webkitdirectory>`): every file under it, sub-folders included,
//! each with its path in the folder; then all of them read in one worker
//! and kept ([`super::Shelf::open_folder`]). Files that are not transcripts
//! (by name: `shilu_core::library::is_transcript_name`), too large or not
//! text are named with the reason; the rest are kept.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A file found in a folder: the file (`None`: the browser would not give
/// it) and its path in the folder.
pub struct Found {
    pub file: Option<web_sys::File>,
    pub path: String,
}

impl Found {
    /// The file's own name, the last part of its path.
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// The files a folder picker gave, with their paths (`webkitRelativePath`).
pub fn picked(files: Vec<web_sys::File>) -> Vec<Found> {
    files
        .into_iter()
        .map(|f| {
            let path = Reflect::get(&f, &"webkitRelativePath".into())
                .ok()
                .and_then(|p| p.as_string())
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| f.name());
            Found {
                file: Some(f),
                path,
            }
        })
        .collect()
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    f.apply(target, args)
}

/// Calls `method` of `target` with a success and a failure callback, as
/// the file system entries do, and resolves to what the first is given.
async fn answered(target: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    let mut asked = Ok(JsValue::UNDEFINED);
    let promise = Promise::new(&mut |resolve, reject| {
        asked = call(target, method, &Array::of2(&resolve, &reject));
    });
    asked?;
    JsFuture::from(promise).await
}

fn path_of(entry: &JsValue) -> String {
    Reflect::get(entry, &"fullPath".into())
        .ok()
        .and_then(|p| p.as_string())
        .map(|p| p.trim_start_matches('/').to_string())
        .unwrap_or_default()
}

fn is(entry: &JsValue, what: &str) -> bool {
    Reflect::get(entry, &what.into()).is_ok_and(|v| v.is_truthy())
}

/// Every file under the dropped `entries` (`FileSystemEntry`s, taken
/// from the drop while it lasted), folders read to the end, in order.
pub async fn under(entries: Array) -> Vec<Found> {
    let mut out = Vec::new();
    let mut todo: Vec<JsValue> = entries.iter().rev().collect();
    while let Some(entry) = todo.pop() {
        if is(&entry, "isFile") {
            let file = answered(&entry, "file")
                .await
                .ok()
                .and_then(|f| f.dyn_into::<web_sys::File>().ok());
            out.push(Found {
                file,
                path: path_of(&entry),
            });
        } else if is(&entry, "isDirectory") {
            let Ok(reader) = call(&entry, "createReader", &Array::new()) else {
                continue;
            };
            // A reader gives a folder's entries in batches, then none.
            let mut inside = Vec::new();
            while let Ok(batch) = answered(&reader, "readEntries").await {
                let batch: Array = batch.into();
                if batch.length() == 0 {
                    break;
                }
                inside.extend(batch.iter());
            }
            todo.extend(inside.into_iter().rev());
        }
    }
    out
}
