//! The transcripts this browser keeps: IndexedDB (database `shilu`),
//! through `rexie`, two object stores under the content key
//! (`shilu_core::library::content_key`):
//! - `transcripts`: the decoded text, the file name it came from (none
//!   for pasted text), when it was kept, and (since version 2) its line in
//!   the list (`title`, `date`, `speakers`);
//! - `parts` (since version 2): what library search reads of it
//!   (`shilu_core::corpus::shelf::Part`, as stored), computed by the
//!   worker that opened it. Version 1's transcripts are kept as they are
//!   by the upgrade; their parts are computed when search first needs them.
//!
//! Every call (or [`PartsReader`]) opens the database afresh and says whether it worked: where
//! storage is full, blocked (private windows) or failing, the caller tells
//! the reader, and what is on screen stays.

use js_sys::{Array, Object, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use shilu_core::library::Summary;
use wasm_bindgen::JsValue;

const DB: &str = "shilu";
const STORE: &str = "transcripts";
const PARTS: &str = "parts";

/// A kept transcript.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub key: String,
    /// The file it came from; `None` for pasted text.
    pub name: Option<String>,
    pub text: String,
    /// When it was kept (ms since the epoch): the list shows the latest first.
    pub saved: f64,
    /// Its line in the list (title, date, speakers), kept beside it since
    /// version 2 so that listing parses nothing; `None` for older records.
    pub summary: Option<Summary>,
}

/// Storage did not work; the reason is for the console only.
#[derive(Debug)]
pub struct Failed(pub String);

impl From<rexie::Error> for Failed {
    fn from(e: rexie::Error) -> Failed {
        Failed(e.to_string())
    }
}

async fn open() -> Result<Rexie, Failed> {
    Ok(Rexie::builder(DB)
        .version(2)
        .add_object_store(ObjectStore::new(STORE).key_path("key"))
        .add_object_store(ObjectStore::new(PARTS).key_path("key"))
        .build()
        .await?)
}

/// Keeps `kept` and its search part `part` (as stored), replacing records
/// of the same key, together or not at all.
pub async fn put(kept: &Kept, part: &str) -> Result<(), Failed> {
    let db = open().await?;
    let tx = db.transaction(&[STORE, PARTS], TransactionMode::ReadWrite)?;
    tx.store(STORE)?.put(&to_js(kept), None).await?;
    tx.store(PARTS)?
        .put(&part_js(&kept.key, part), None)
        .await?;
    tx.done().await?;
    Ok(())
}

/// Keeps the search part of a transcript already kept.
pub async fn put_part(key: &str, part: &str) -> Result<(), Failed> {
    let db = open().await?;
    let tx = db.transaction(&[PARTS], TransactionMode::ReadWrite)?;
    tx.store(PARTS)?.put(&part_js(key, part), None).await?;
    tx.done().await?;
    Ok(())
}

/// The keys of every kept transcript.
pub async fn keys() -> Result<Vec<String>, Failed> {
    let db = open().await?;
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly)?;
    let keys = tx.store(STORE)?.get_all_keys(None, None).await?;
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}

/// The kept search parts, read a batch at a time through one opened
/// database (opening it costs more than a batch of parts).
pub struct PartsReader {
    db: Rexie,
    /// The last key read: the next batch starts after it.
    after: Option<String>,
}

impl PartsReader {
    pub async fn open() -> Result<PartsReader, Failed> {
        Ok(PartsReader {
            db: open().await?,
            after: None,
        })
    }

    /// The next `n` parts at most, `(key, part as stored)`, in key
    /// order; none once all are read. Each batch is a request of its
    /// own, so no one task takes them all in.
    pub async fn next(&mut self, n: u32) -> Result<Vec<(String, String)>, Failed> {
        let tx = self.db.transaction(&[PARTS], TransactionMode::ReadOnly)?;
        let range = match &self.after {
            Some(k) => Some(
                rexie::KeyRange::lower_bound(&JsValue::from_str(k), Some(true))
                    .map_err(|e| Failed(e.to_string()))?,
            ),
            None => None,
        };
        let values = tx.store(PARTS)?.get_all(range, Some(n)).await?;
        let batch: Vec<(String, String)> = values
            .iter()
            .filter_map(|v| Some((field(v, "key")?.as_string()?, field(v, "part")?.as_string()?)))
            .collect();
        if let Some((last, _)) = batch.last() {
            self.after = Some(last.clone());
        }
        Ok(batch)
    }
}

/// The transcript kept under `key`, if any.
pub async fn get(key: &str) -> Result<Option<Kept>, Failed> {
    let db = open().await?;
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly)?;
    let value = tx.store(STORE)?.get(JsValue::from_str(key)).await?;
    Ok(value.as_ref().and_then(from_js))
}

/// A kept transcript as the list shows it: its text is left in storage
/// (500 transcripts are ~27 MB) unless its line was not kept beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub key: String,
    pub name: Option<String>,
    pub saved: f64,
    /// Its line as kept beside it (since version 2).
    pub summary: Option<Summary>,
    /// The text, read only for a record without its line (version 1),
    /// to make the line from.
    pub text: Option<String>,
}

/// Every kept transcript's line, the latest first.
pub async fn lines() -> Result<Vec<Line>, Failed> {
    let db = open().await?;
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly)?;
    let values = tx.store(STORE)?.get_all(None, None).await?;
    let mut lines: Vec<Line> = values
        .iter()
        .filter_map(|v| {
            let summary = summary_js(v);
            Some(Line {
                key: field(v, "key")?.as_string()?,
                name: field(v, "name").and_then(|n| n.as_string()),
                saved: field(v, "saved").and_then(|s| s.as_f64()).unwrap_or(0.0),
                text: match summary {
                    Some(_) => None,
                    None => Some(field(v, "text")?.as_string()?),
                },
                summary,
            })
        })
        .collect();
    lines.sort_by(|a, b| b.saved.total_cmp(&a.saved));
    Ok(lines)
}

/// Forgets the transcript kept under `key`.
pub async fn remove(key: &str) -> Result<(), Failed> {
    let db = open().await?;
    let tx = db.transaction(&[STORE, PARTS], TransactionMode::ReadWrite)?;
    tx.store(STORE)?.delete(JsValue::from_str(key)).await?;
    tx.store(PARTS)?.delete(JsValue::from_str(key)).await?;
    tx.done().await?;
    Ok(())
}

fn part_js(key: &str, part: &str) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"key".into(), &key.into());
    let _ = Reflect::set(&o, &"part".into(), &part.into());
    o.into()
}

fn to_js(kept: &Kept) -> JsValue {
    let o = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
    };
    set("key", JsValue::from_str(&kept.key));
    set(
        "name",
        kept.name
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str),
    );
    set("text", JsValue::from_str(&kept.text));
    set("saved", JsValue::from_f64(kept.saved));
    if let Some(s) = &kept.summary {
        set("title", JsValue::from_str(&s.title));
        set(
            "date",
            s.date.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        );
        let speakers: Array = s.speakers.iter().map(|n| JsValue::from_str(n)).collect();
        set("speakers", speakers.into());
    }
    o.into()
}

fn field(v: &JsValue, k: &str) -> Option<JsValue> {
    Reflect::get(v, &JsValue::from_str(k)).ok()
}

/// The line kept beside a record, if it has one.
fn summary_js(v: &JsValue) -> Option<Summary> {
    field(v, "title")
        .and_then(|t| t.as_string())
        .map(|title| Summary {
            title,
            date: field(v, "date").and_then(|d| d.as_string()),
            speakers: field(v, "speakers")
                .filter(|s| s.is_array())
                .map(|s| {
                    Array::from(&s)
                        .iter()
                        .filter_map(|n| n.as_string())
                        .collect()
                })
                .unwrap_or_default(),
        })
}

fn from_js(v: &JsValue) -> Option<Kept> {
    Some(Kept {
        key: field(v, "key")?.as_string()?,
        name: field(v, "name").and_then(|n| n.as_string()),
        text: field(v, "text")?.as_string()?,
        saved: field(v, "saved").and_then(|s| s.as_f64()).unwrap_or(0.0),
        summary: summary_js(v),
    })
}
