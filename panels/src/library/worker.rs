//! Opening a transcript off the page's thread: a file's bytes or a text are
//! read, decoded and parsed in a module worker (`web/open-worker.js`, one
//! per transcript opened, or one for a whole folder: [`Opener`]), which
//! runs this same module and calls [`prepare`]. The page gets the text, its
//! key and its structure as bytes (`shilu_core::wire`, mostly places in
//! the text), so that it shows a transcript without parsing it: the page's
//! wasm has no parser. Where no worker starts (a test, a
//! browser without module workers), the same work is done here.

use super::opening::{read_bytes, Refusal};
use js_sys::Array;
use shilu_core::corpus::shelf;
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
    /// What library search keeps of it (`shilu_core::corpus::shelf`,
    /// as stored).
    pub part: String,
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
/// show, `[text, key, doc, turns, part]`, or `[refusal code]`.
#[wasm_bindgen]
pub fn prepare(bytes: Option<Vec<u8>>, text: Option<String>, name: Option<String>) -> Array {
    let decoded = match (bytes, text) {
        (Some(bytes), _) => read_bytes(&bytes),
        (None, Some(text)) => check_text(&text),
        (None, None) => Err(DecodeError::Empty),
    };
    match decoded.map(|text| prepared(text, name.as_deref())) {
        Ok(p) => Array::of5(
            &p.text.into(),
            &p.key.into(),
            &js_sys::Uint8Array::from(p.doc.as_slice()).into(),
            &(p.turns as f64).into(),
            &p.part.into(),
        ),
        Err(e) => Array::of1(&Refusal::Decode(e).code().into()),
    }
}

/// The text's key, structure and search part.
pub fn prepared(text: String, name: Option<&str>) -> Prepared {
    let doc = shilu_core::structure(&text, name);
    Prepared {
        key: content_key(&text),
        doc: shilu_core::wire::write(&doc, &text),
        turns: doc.turns.len(),
        part: shelf::write(&shelf::part(&doc, name)),
        text,
    }
}

/// What [`prepare`] handed back.
fn read_back(result: &Array) -> Result<Prepared, Refusal> {
    match (result.get(0).as_string(), result.length()) {
        (Some(text), 5) => Ok(Prepared {
            text,
            key: result.get(1).as_string().unwrap_or_default(),
            doc: result
                .get(2)
                .dyn_into::<js_sys::Uint8Array>()
                .map(|b| b.to_vec())
                .unwrap_or_default(),
            turns: result.get(3).as_f64().unwrap_or(0.0) as usize,
            part: result.get(4).as_string().unwrap_or_default(),
        }),
        (Some(code), 1) => Err(Refusal::from_code(&code).unwrap_or(Refusal::Unreadable)),
        _ => Err(Refusal::Unreadable),
    }
}

/// A worker that opens transcripts (`modules`: the worker's script, then
/// the module's script and wasm), one job at a time; it ends when dropped.
pub struct Opener {
    worker: web_sys::Worker,
    modules: Array,
}

impl Opener {
    /// Starts a worker, or says why it did not start.
    pub fn start(modules: &JsValue) -> Result<Opener, JsValue> {
        use web_sys::{Worker, WorkerOptions, WorkerType};
        let modules: Array = modules.clone().into();
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let url = modules.get(0).as_string().unwrap_or_default();
        let worker = Worker::new_with_options(&url, &opts)?;
        Ok(Opener { worker, modules })
    }

    /// Runs `job`, telling `stage` where it is; resolves to what
    /// [`prepare`] handed back.
    async fn run(
        &self,
        job: &Job,
        name: Option<String>,
        stage: std::rc::Rc<dyn Fn(Stage)>,
    ) -> Result<JsValue, JsValue> {
        use js_sys::Reflect;
        use web_sys::{ErrorEvent, MessageEvent};
        let worker = &self.worker;
        // The handlers live until the job is answered.
        let mut handlers = None;
        let answered = js_sys::Promise::new(&mut |resolve, reject| {
            let failed = reject.clone();
            let said = stage.clone();
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                let get = |k: &str| Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
                if get("stage").as_string().as_deref() == Some("parsing") {
                    return said(Stage::Parsing);
                }
                let done = get("done");
                let _ = if done.is_undefined() {
                    reject.call1(&JsValue::NULL, &get("failed"))
                } else {
                    resolve.call1(&JsValue::NULL, &done)
                };
            });
            let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |e: ErrorEvent| {
                e.prevent_default();
                let _ = failed.call1(&JsValue::NULL, &e.message().into());
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            handlers = Some((on_message, on_error));
        });
        let msg = js_sys::Object::new();
        let (file, text) = match job {
            Job::File(f) => (f.clone().into(), JsValue::NULL),
            Job::Text(t) => (JsValue::NULL, JsValue::from_str(t)),
        };
        for (k, v) in [
            ("script", self.modules.get(1)),
            ("wasm", self.modules.get(2)),
            ("file", file),
            ("text", text),
            ("name", name.map_or(JsValue::NULL, JsValue::from)),
        ] {
            Reflect::set(&msg, &k.into(), &v)?;
        }
        worker.post_message(&msg)?;
        let result = JsFuture::from(answered).await;
        worker.set_onmessage(None);
        worker.set_onerror(None);
        drop(handlers);
        result
    }

    /// Opens `job` here, telling `stage` where it is; a worker that
    /// fails is not the reader's problem: the job is done on this thread.
    pub async fn open(
        opener: Option<&Opener>,
        job: Job,
        name: Option<String>,
        stage: std::rc::Rc<dyn Fn(Stage)>,
    ) -> Result<Prepared, Refusal> {
        stage(Stage::Reading);
        if let Some(o) = opener {
            match o.run(&job, name.clone(), stage.clone()).await {
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
}

impl Drop for Opener {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Opens `job` in a worker of its own, started from the files the page
/// named (`modules`; `None`: here), telling `stage` where it is.
pub async fn open(
    modules: Option<JsValue>,
    job: Job,
    name: Option<String>,
    stage: impl Fn(Stage) + 'static,
) -> Result<Prepared, Refusal> {
    let opener = modules.and_then(|m| {
        Opener::start(&m)
            .map_err(|e| leptos::logging::warn!("shilu: no worker: {e:?}"))
            .ok()
    });
    Opener::open(opener.as_ref(), job, name, std::rc::Rc::new(stage)).await
}
