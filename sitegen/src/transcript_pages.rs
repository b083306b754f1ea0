//! Every transcript's page, on every core: the source read again, the
//! app's page rendered over it (or taken from the [`Cache`]), the
//! series' links and its speakers around it, and its Akoma Ntoso file.

use crate::build::Options;
use crate::build::{depth, Writer};
use crate::cache::Cache;
use crate::pages::transcript::{Neighbour, TranscriptFoot, TranscriptTop};
use crate::pages::{render, Here};
use crate::shell::{Head, Share, Shell};
use leptos::prelude::*;
use shilu_core::corpus::build::BuildError;
use shilu_core::corpus::catalog::Record;
use shilu_core::corpus::site;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Every transcript's page, on every core: the source read again, the
/// app's page rendered over it, the series' links and its speakers.
/// Writes every transcript's page; returns how many came from the cache.
pub fn write(
    o: &Options,
    shell: &Shell,
    records: &[Record],
    w: &Writer,
    cache: Option<&Cache>,
    step: &(dyn Fn() + Sync),
) -> Result<usize, BuildError> {
    let series = site::series(records);
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<BuildError>> = Mutex::new(None);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= records.len() || failed.lock().map_or(true, |f| f.is_some()) {
                    break;
                }
                if let Err(e) = transcript(o, shell, records, &series, i, w, cache) {
                    if let Ok(mut f) = failed.lock() {
                        f.get_or_insert(e);
                    }
                    break;
                }
                step();
            });
        }
    });
    match failed.into_inner() {
        Ok(Some(e)) => Err(e),
        _ => Ok(cache.map_or(0, |c| c.hits.load(Ordering::Relaxed))),
    }
}

fn transcript(
    o: &Options,
    shell: &Shell,
    records: &[Record],
    series: &[site::Neighbours],
    i: usize,
    w: &Writer,
    cache: Option<&Cache>,
) -> Result<(), BuildError> {
    let r = &records[i];
    let path = o.dir.join(&r.source);
    let bytes = std::fs::read(&path)
        .map_err(|e| BuildError(format!("cannot read {} again: {e}", path.display())))?;
    let file_name = path.file_name().and_then(|n| n.to_str());
    let name = file_name.unwrap_or("");
    // Parsed once, and only if a file is not kept.
    let parsed = std::sync::OnceLock::new();
    let parse = || {
        parsed
            .get_or_init(|| {
                shilu_core::decode(&bytes)
                    .map(|text| {
                        let doc = shilu_core::structure(&text, file_name);
                        (text, doc)
                    })
                    .map_err(|e| format!("cannot read {} again: {e}", path.display()))
            })
            .as_ref()
            .map_err(|e| BuildError(e.clone()))
    };
    let neighbour = |j: Option<usize>| {
        j.map(|j| Neighbour {
            record: records[j].clone(),
        })
    };
    let (previous, next) = (neighbour(series[i].previous), neighbour(series[i].next));
    let json = |v: &Option<Neighbour>| {
        serde_json::to_vec(&v.as_ref().map(|n| &n.record)).unwrap_or_default()
    };
    let page_key = cache.map(|c| {
        let record = serde_json::to_vec(r).unwrap_or_default();
        let url = o.url.as_deref().unwrap_or("").as_bytes();
        let parts: [&[u8]; 8] = [
            b"transcript page",
            o.title.as_bytes(),
            url,
            &record,
            &json(&previous),
            &json(&next),
            name.as_bytes(),
            &bytes,
        ];
        (c, c.key(&parts))
    });
    w.made(&format!("{}index.html", r.url), page_key, || {
        let (text, doc) = parse()?;
        // One parse serves the app's page, the head and the exports.
        let rendered = || shilu_app::page::render_parsed(text, doc);
        let app = match cache {
            Some(c) => c.bytes(&c.key(&[b"app page", name.as_bytes(), &bytes]), rendered),
            None => rendered(),
        };
        let here = Here(r.url.clone());
        let title = o.title.clone();
        let h = here.clone();
        let top = render(
            move || view! { <TranscriptTop here=h title=title previous=previous next=next/> },
        );
        let record = r.clone();
        let foot = render(move || view! { <TranscriptFoot here=here record=record/> });
        let url = o.url.as_ref().map(|u| format!("{u}{}", r.url));
        let share = shilu_core::share::share_meta(doc, url);
        let title = format!("{} · {}", r.title, o.title);
        let head = Head {
            title: &title,
            share: Share::Article(share),
        };
        Ok(shell
            .transcript(depth(&r.url), &head, &top, &app, &foot)
            .into_bytes())
    })?;
    let file = r.source.rsplit('/').next().unwrap_or(&r.source);
    let akn_key = cache.map(|c| {
        (
            c,
            c.key(&[b"akn", file.as_bytes(), name.as_bytes(), &bytes]),
        )
    });
    w.made(&format!("{}{AKN}", r.url), akn_key, || {
        let (_, doc) = parse()?;
        Ok(shilu_core::akn::akn(doc, file).into_bytes())
    })
}

/// Each transcript's Akoma Ntoso 3.0 document, beside its page.
pub const AKN: &str = "transcript.akn.xml";
