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

/// The corpus site's search page (`search/`): its results, mounted into
/// `el`, over the site's index at `index` (an absolute URL ending in
/// `/`); `here` is the page's folder from the site's root.
#[wasm_bindgen]
pub struct SearchPage {
    mounted: shilu_panels::search::Mounted,
    _owner: Owner,
}

#[wasm_bindgen]
impl SearchPage {
    #[wasm_bindgen(constructor)]
    pub fn new(index: String, here: String, el: web_sys::HtmlElement) -> SearchPage {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let owner = Owner::new();
        owner.set();
        SearchPage {
            mounted: shilu_panels::search::mount(index, here, el),
            _owner: owner,
        }
    }

    /// Shows the view of `search`, the page's query string.
    pub fn show(&self, search: &str) {
        shilu_panels::search::show(&self.mounted, search);
    }
}
