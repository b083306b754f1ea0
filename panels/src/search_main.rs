//! The corpus site's search module: the search page's results and
//! nothing else (the page's `web/search.js` starts it). A binary of its
//! own, beside the panels' module, so that the page downloads and
//! compiles only the core's search session and the result lists
//! (`shilu_panels::search`, `shilu_panels::passage_results`, the same
//! components the reader's library lists its passages with), not the
//! calendar, the insights and the library.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

fn main() {
    shilu_ui::dom::report_panics();
}

/// The corpus site's search page (`search/`): its query over the site's
/// index at `index` (an absolute URL ending in `/`), and its results;
/// `here` is the page's folder from the site's root. A query may start
/// before the page is parsed ([`SearchPage::show`]): the results are
/// mounted once it is ([`SearchPage::mount`]).
#[wasm_bindgen]
pub struct SearchPage {
    page: shilu_panels::search::Page,
    owner: Owner,
}

#[wasm_bindgen]
impl SearchPage {
    #[wasm_bindgen(constructor)]
    pub fn new(index: String, here: String) -> SearchPage {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let owner = Owner::new();
        owner.set();
        SearchPage {
            page: shilu_panels::search::Page::new(index, here),
            owner,
        }
    }

    /// Gives the index's file `path` (from the index's folder, as
    /// `meta.json`), fetched whole already by the page: the query reads
    /// it from here.
    pub fn prime(&self, path: String, bytes: Vec<u8>) {
        self.page.driver.prime(path, bytes);
    }

    /// Shows the results in `el`.
    pub fn mount(&self, el: web_sys::HtmlElement) {
        self.owner.with(|| shilu_panels::search::mount(&self.page, el));
    }

    /// Shows the view of `search`, the page's query string.
    pub fn show(&self, search: &str) {
        self.owner
            .with(|| shilu_panels::search::show(&self.page, search));
    }
}
