//! Opening a transcript off the page's thread: a file's bytes or a text are
//! read, decoded and parsed in a module worker (`web/open-worker.js`), which
//! runs this same module and calls [`prepare`]. The page gets the text, its
//! key and its structure as bytes (`shilu_core::wire`), so that it shows a
//! large transcript without parsing it again. Where no worker starts (a test, a
//! browser without module workers), the same work is done here.

use super::opening::{read_bytes, Refusal};
use js_sys::Array;
use shilu_core::decode::{check_text, DecodeError};
use shilu_core::library::content_key;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A transcript ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub text: String,
    pub key: String,
    /// Its structure, as bytes (`shilu_core::wire`).
    pub doc: Vec<u8>,
    pub turns: usize,
}

/// What there is to open: a file, or a text (pasted, or kept by the library).
pub enum Job {
    File(web_sys::File),
    Text(String),
}

/// Where the opening is, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Parsing,
}

/// In the worker: `bytes` (a file's) or `text` to a transcript ready to
/// show, `[text, key, doc, turns]`, or `[refusal code]`.
#[wasm_bindgen]
pub fn prepare(bytes: Option<Vec<u8>>, text: Option<String>, name: Option<String>) -> Array {
    let decoded = match (bytes, text) {
        (Some(bytes), _) => read_bytes(&bytes),
        (None, Some(text)) => check_text(&text),
        (None, None) => Err(DecodeError::Empty),
    };
    match decoded.map(|text| prepared(text, name.as_deref())) {
        Ok(p) => Array::of4(
            &p.text.into(),
            &p.key.into(),
            &js_sys::Uint8Array::from(p.doc.as_slice()).into(),
            &(p.turns as f64).into(),
        ),
        Err(e) => Array::of1(&Refusal::Decode(e).code().into()),
    }
}

/// The text's key and structure.
pub fn prepared(text: String, name: Option<&str>) -> Prepared {
    let doc = shilu_core::structure(&text, name);
    Prepared {
        key: content_key(&text),
        doc: shilu_core::wire::write(&doc),
        turns: doc.turns.len(),
        text,
    }
}

/// What [`prepare`] handed back.
fn read_back(result: &Array) -> Result<Prepared, Refusal> {
    match (result.get(0).as_string(), result.length()) {
        (Some(text), 4) => Ok(Prepared {
            text,
            key: result.get(1).as_string().unwrap_or_default(),
            doc: result
                .get(2)
                .dyn_into::<js_sys::Uint8Array>()
                .map(|b| b.to_vec())
                .unwrap_or_default(),
            turns: result.get(3).as_f64().unwrap_or(0.0) as usize,
        }),
        (Some(code), 1) => Err(Refusal::from_code(&code).unwrap_or(Refusal::Unreadable)),
        _ => Err(Refusal::Unreadable),
    }
}

#[wasm_bindgen(inline_js = r#"
// One worker for the page, started on the first job; a job is answered by
// its id, after any number of stages.
let worker;
let next = 0;
const jobs = new Map();
function start(url) {
  const w = new Worker(url, { type: 'module' });
  w.onmessage = ({ data }) => {
    const job = jobs.get(data.id);
    if (!job) return;
    if (data.stage) return job.stage(data.stage);
    jobs.delete(data.id);
    if (data.done) job.resolve(data.done); else job.reject(new Error(data.failed));
  };
  // A worker that cannot start (or stops) fails its jobs; the next starts another.
  w.onerror = (e) => {
    e.preventDefault?.();
    for (const job of jobs.values()) job.reject(new Error(e.message || 'the worker failed'));
    jobs.clear();
    worker = undefined;
    w.terminate();
  };
  return w;
}
export function off_thread(modules, file, text, name, stage) {
  return new Promise((resolve, reject) => {
    const [url, script, wasm] = modules;
    const id = ++next;
    jobs.set(id, { resolve, reject, stage });
    try {
      worker ??= start(url);
      worker.postMessage({ id, script, wasm, file, text, name });
    } catch (e) {
      jobs.delete(id);
      reject(e);
    }
  });
}
"#)]
extern "C" {
    /// Sends a job to the worker (`modules`: its script's URL, then the
    /// module's script and wasm); resolves to what [`prepare`] handed back.
    fn off_thread(
        modules: &JsValue,
        file: Option<web_sys::File>,
        text: Option<String>,
        name: Option<String>,
        stage: &JsValue,
    ) -> js_sys::Promise;
}

/// Opens `job` in the worker the page named (`modules`; `None`: here),
/// telling `stage` where it is. A worker that fails is not the reader's
/// problem: the job is done here instead.
pub async fn open(
    modules: Option<JsValue>,
    job: Job,
    name: Option<String>,
    stage: impl Fn(Stage) + 'static,
) -> Result<Prepared, Refusal> {
    stage(Stage::Reading);
    let stage = std::rc::Rc::new(stage);
    if let Some(modules) = modules {
        let (file, text) = match &job {
            Job::File(f) => (Some(f.clone()), None),
            Job::Text(t) => (None, Some(t.clone())),
        };
        let said = stage.clone();
        let on_stage = Closure::<dyn Fn(String)>::new(move |s: String| {
            said(if s == "parsing" {
                Stage::Parsing
            } else {
                Stage::Reading
            })
        });
        let sent = off_thread(&modules, file, text, name.clone(), on_stage.as_ref());
        match JsFuture::from(sent).await {
            Ok(result) => return read_back(&result.into()),
            Err(e) => leptos::logging::warn!("shilu: opening on this thread: {e:?}"),
        }
    }
    let text = match job {
        Job::File(file) => super::opening::read_file(&file).await?,
        Job::Text(text) => check_text(&text).map_err(Refusal::Decode)?,
    };
    stage(Stage::Parsing);
    Ok(prepared(text, name.as_deref()))
}
