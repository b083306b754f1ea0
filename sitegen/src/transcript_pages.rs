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
use shilu_app::speaker_pages::SpeakerPages;
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
    let text = shilu_core::decode(&bytes)
        .map_err(|e| BuildError(format!("cannot read {} again: {e}", path.display())))?;
    let name = path.file_name().and_then(|n| n.to_str());
    let doc = shilu_core::structure(&text, name);
    // One parse serves the app's page, the head and the exports.
    let pages = SpeakerPages::new(site::speaker_pages(&doc, r));
    let rendered = || shilu_app::page::render_parsed(&text, &doc, &pages);
    let app = match cache {
        Some(c) => c.page(&text, name.unwrap_or(""), rendered),
        None => rendered(),
    };
    let here = Here(r.url.clone());
    let neighbour = |j: Option<usize>| {
        j.map(|j| Neighbour {
            record: records[j].clone(),
        })
    };
    let (title, previous, next) = (
        o.title.clone(),
        neighbour(series[i].previous),
        neighbour(series[i].next),
    );
    let h = here.clone();
    let top =
        render(move || view! { <TranscriptTop here=h title=title previous=previous next=next/> });
    let record = r.clone();
    let foot = render(move || view! { <TranscriptFoot here=here record=record/> });
    let url = o.url.as_ref().map(|u| format!("{u}{}", r.url));
    let share = shilu_core::share::share_meta(&doc, url);
    let title = format!("{} · {}", r.title, o.title);
    let head = Head {
        title: &title,
        share: Share::Article(share),
    };
    w.page(
        &r.url,
        &shell.transcript(depth(&r.url), &head, &top, &app, &foot),
    )?;
    let name = r.source.rsplit('/').next().unwrap_or(&r.source);
    w.put(
        &format!("{}{AKN}", r.url),
        shilu_core::akn::akn(&doc, name).as_bytes(),
    )
}

/// Each transcript's Akoma Ntoso 3.0 document, beside its page.
pub const AKN: &str = "transcript.akn.xml";
