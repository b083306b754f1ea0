//! What a transcript page of the site shows around the reader (the
//! reader itself is the app's page, `shilu_app::page::render`): the
//! site's bar, the previous and next transcripts of its series, its
//! speakers' pages, and where it came from. Outside the app's `#app`,
//! so the app takes over its own view as on the seed's page.

use super::{Here, SiteBar};
use leptos::prelude::*;
use shilu_core::corpus::catalog::Record;

/// A neighbour's link: its title and date.
pub struct Neighbour {
    pub record: Record,
}

fn neighbour(
    here: &Here,
    n: Option<Neighbour>,
    rel: &'static str,
    label: &'static str,
) -> impl IntoView {
    n.map(|n| {
        let r = n.record;
        let date = r.date.clone().map(|d| format!(" {d}")).unwrap_or_default();
        view! {
            <a rel=rel href=here.to(&r.url) class=format!("series__{rel}")>
                <span class="muted">{label}</span>" "{r.title.clone()}<span class="muted">{date}</span>
            </a>
        }
    })
}

/// Above the reader: the site's bar and the series' links.
#[component]
pub fn TranscriptTop(
    here: Here,
    title: String,
    previous: Option<Neighbour>,
    next: Option<Neighbour>,
) -> impl IntoView {
    let series = (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="series" aria-label="本系列 In this series">
                {neighbour(&here, previous, "prev", "← 上一场 Previous")}
                {neighbour(&here, next, "next", "下一场 Next →")}
            </nav>
        }
    });
    view! {
        <SiteBar here=here.clone() title=title/>
        {series}
    }
}

/// Below the reader: its speakers' pages and its source file.
#[component]
pub fn TranscriptFoot(here: Here, record: Record) -> impl IntoView {
    let speakers = record
        .people()
        .into_iter()
        .map(|(s, id)| view! { <li><a href=here.to(&id.url())>{s.name.clone()}</a></li> })
        .collect_view();
    view! {
        <footer class="site-foot">
            <section aria-labelledby="site-speakers">
                <h2 id="site-speakers">"本场发言人 Speakers in this transcript"</h2>
                <ul class="site-foot__speakers">{speakers}</ul>
            </section>
            <p class="provenance">"来源文件 Source file: "<code>{record.source.clone()}</code></p>
            <p class="exports">"导出 Export: "
                <a href=crate::transcript_pages::AKN type="application/akn+xml" download>"Akoma Ntoso 3.0 (XML)"</a>
            </p>
        </footer>
    }
}
