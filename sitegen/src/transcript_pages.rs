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
/// Writes every transcript's page and Akoma Ntoso file.
pub fn write(
    o: &Options,
    shell: &Shell,
    records: &[Record],
    record_digests: &[[u8; 32]],
    w: &Writer,
    cache: Option<&Cache>,
    step: &(dyn Fn() + Sync),
) -> Result<(), BuildError> {
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
                if let Err(e) = transcript(o, shell, records, record_digests, &series, i, w, cache)
                {
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
        _ => Ok(()),
    }
}

fn transcript(
    o: &Options,
    shell: &Shell,
    records: &[Record],
    record_digests: &[[u8; 32]],
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
    // The text's digest stands for it in the keys.
    let text = crate::cache::digest(&bytes);
    let page_key = cache.map(|c| {
        let url = o.url.as_deref().unwrap_or("").as_bytes();
        let digest = |j: Option<usize>| j.map_or(&[][..], |j| &record_digests[j][..]);
        let parts: [&[u8]; 8] = [
            b"transcript page",
            o.title.as_bytes(),
            url,
            &record_digests[i],
            digest(series[i].previous),
            digest(series[i].next),
            name.as_bytes(),
            &text,
        ];
        (c, c.key(&parts))
    });
    // The app's page alone, kept for when the page around it changes
    // (its neighbours in the series).
    // Its links to speakers' pages follow from the text, but for the
    // names an editor's list joins: who they are is in the key too.
    let people: String = r
        .speakers
        .iter()
        .map(|s| s.identity.as_ref().map_or(String::new(), |i| i.slug()) + "\n")
        .collect();
    let app_key = cache.map(|c| c.key(&[b"app page", name.as_bytes(), &text, people.as_bytes()]));
    if let (Some(c), Some(k)) = (cache, &app_key) {
        c.keep(k);
    }
    w.made(&format!("{}index.html", r.url), page_key, || {
        let (text, doc) = parse()?;
        // One parse serves the app's page, the head and the exports.
        // Its speakers' pages follow from the record (its speakers are the
        // text's participants, as the aliases name them).
        let pages = SpeakerPages::new(site::speaker_pages(doc, r));
        let rendered = || shilu_app::page::render_parsed(text, doc, &pages);
        let app = match (cache, &app_key) {
            (Some(c), Some(k)) => c.bytes(k, rendered),
            _ => rendered(),
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
    let akn_key = cache.map(|c| (c, c.key(&[b"akn", file.as_bytes(), name.as_bytes(), &text])));
    w.made(&format!("{}{AKN}", r.url), akn_key, || {
        let (_, doc) = parse()?;
        Ok(shilu_core::akn::akn(doc, file).into_bytes())
    })
}

/// Each transcript's Akoma Ntoso 3.0 document, beside its page.
pub const AKN: &str = "transcript.akn.xml";
