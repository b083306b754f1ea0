//! The search page (`search/`): the site's bar, the query form with its
//! filters (a plain GET form: the view lives in the URL, so a link
//! reproduces it), and the place the results go. The results are the
//! site's search module's (`panels/src/search_main.rs` over
//! `panels/src/search/`), started by the page's loader
//! (`web/search.js`); without JavaScript the page says that search needs
//! it.

use super::{Here, SiteBar};
use leptos::prelude::*;
use shilu_core::model::Role;

/// The search page's body.
#[component]
pub fn SearchPage(here: Here, title: String) -> impl IntoView {
    let roles = Role::ALL
        .into_iter()
        .map(|r| view! { <option value=r.as_str()>{super::speakers::role_name(r)}</option> })
        .collect_view();
    view! {
        <SiteBar here=here title=title/>
        <main class="site-main search-page" id="main">
            <h1>"全文检索 Search"</h1>
            <form id="search-form" class="search-form" role="search" aria-label="检索 Search" method="get" action="./">
                <p class="search-form__query">
                    <label for="search-q">"检索词 Search words"</label>
                    <input id="search-q" type="search" name="q" maxlength="500" autocomplete="off" aria-describedby="search-syntax"/>
                    <button type="submit">"检索 Search"</button>
                </p>
                <p id="search-syntax" class="muted search-form__syntax">
                    "多个词须同时出现；\"引号\" 内为整句；-词 排除。简繁体通用。 · All words must occur; \"quotes\" keep a phrase; -word leaves out. Simplified and traditional match each other."
                </p>
                <details class="search-form__filters">
                    <summary>"筛选与排序 Filters and order"</summary>
                    <div class="catalog-filter">
                        <label>"发言人 Speaker "<input name="speaker" autocomplete="off"/></label>
                        <label>"角色 Role "<select name="role"><option value="">"全部 All"</option>{roles}</select></label>
                        <label>"主办 Organiser "<input name="organiser" autocomplete="off"/></label>
                        <label>"从 From "<input name="from" placeholder="2019-01" pattern="[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?" inputmode="numeric"/></label>
                        <label>"到 To "<input name="to" placeholder="2020-12" pattern="[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?" inputmode="numeric"/></label>
                        <label>"排序 Order "<select name="sort">
                            <option value="">"最新 Newest"</option>
                            <option value="relevance">"相关 Relevance"</option>
                        </select></label>
                    </div>
                </details>
                <input type="hidden" name="by" id="search-by"/>
            </form>
            <noscript>
                <p class="search-noscript">"全文检索需要启用 JavaScript。 · Search needs JavaScript: it reads the site's index in your browser."</p>
            </noscript>
            <div id="search-results" class="search-results"></div>
        </main>
    }
}
