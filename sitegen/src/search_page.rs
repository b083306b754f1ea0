//! Writes the search page (`search/index.html`, [`crate::pages::search`]);
//! its script is the dist's search module, its loader (`web/search.js`)
//! bundled in by the dist's build.

use crate::build::{depth, Writer};
use crate::pages::search::SearchPage;
use crate::pages::{render, Here};
use crate::shell::{Head, Share, Shell};
use leptos::prelude::*;
use shilu_core::corpus::build::BuildError;

/// The search page's folder.
pub const URL: &str = "search/";

/// Writes the page.
pub fn write(title: &str, shell: &Shell, w: &Writer) -> Result<(), BuildError> {
    let (here, t) = (Here(URL.into()), title.to_string());
    let body = render(move || view! { <SearchPage here=here title=t/> });
    let page_title = format!("全文检索 Search · {title}");
    let description = format!("检索{title}的全部实录：每一段含有所查词语的发言，简繁体通用。");
    let head = Head {
        title: &page_title,
        share: Share::Page(&description),
    };
    // The index's files every query reads first, with the page.
    let first = ["index/meta.json", "index/keys.bin"];
    w.page(URL, &shell.search_page(depth(URL), &head, &body, &first))
}
