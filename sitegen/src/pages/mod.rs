//! The corpus site's own pages, rendered natively with Leptos (`ssr`) as
//! static HTML: they read without JavaScript, and carry no wasm. Each
//! component is named for what the reader sees; links are made with
//! [`shilu_core::corpus::site::link`] from the page's folder, so the site
//! works at `/` or under any sub-path.

pub mod list;
pub mod moved;
pub mod search;
pub mod speaker;
pub mod speakers;
pub mod transcript;

use leptos::prelude::*;
use shilu_core::corpus::site::{link, ListPage};

/// Where a page is, for its links: its folder relative to the root.
#[derive(Clone, Debug)]
pub struct Here(pub String);

impl Here {
    /// The link from here to the page at `to` (a folder from the root).
    pub fn to(&self, to: &str) -> String {
        link(&self.0, to)
    }
}

/// The bar at the top of every page of the site: its name, its lists,
/// and a search box (a plain GET form to `search/?q=…`, so it works
/// before any script).
#[component]
pub fn SiteBar(here: Here, title: String) -> impl IntoView {
    view! {
        <header class="site-bar">
            <a class="site-bar__name" href=here.to("")>"实录 · "{title}</a>
            <nav class="site-bar__nav" aria-label="站点 Site">
                <a href=here.to("")>"发布会 Transcripts"</a>
                <a href=here.to("speakers/")>"发言人 Speakers"</a>
                <a href=here.to("feed.xml") type="application/atom+xml">"订阅 Feed"</a>
            </nav>
            <form class="site-search" role="search" aria-label="全文检索 Search the transcripts" action=here.to("search/") method="get">
                <input type="search" name="q" aria-label="检索词 Search words" placeholder="检索全部实录 Search" required maxlength="500"/>
                <button type="submit">"检索 Search"</button>
            </form>
        </header>
    }
}

/// The links to a list's other pages: previous, each page, next.
#[component]
pub fn Pager(here: Here, page: ListPage) -> impl IntoView {
    (page.pages > 1).then(|| {
        let at = |n: usize| here.to(&ListPage::url_of(&page.first, n));
        let previous = (page.number > 1).then(|| {
            view! { <a rel="prev" href=at(page.number - 1)>"上一页 Previous"</a> }
        });
        let next = (page.number < page.pages).then(|| {
            view! { <a rel="next" href=at(page.number + 1)>"下一页 Next"</a> }
        });
        let numbers = (1..=page.pages)
            .map(|n| {
                let current = (n == page.number).then_some("page");
                view! { <a href=at(n) aria-current=current>{n}</a> }
            })
            .collect_view();
        view! {
            <nav class="pager" aria-label=format!("第 {} 页，共 {} 页 Page {} of {}", page.number, page.pages, page.number, page.pages)>
                {previous}<span class="pager__numbers">{numbers}</span>{next}
            </nav>
        }
    })
}

/// Renders a page's body with the components of this module.
pub fn render<V: IntoView + 'static>(f: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| f().to_html())
}
