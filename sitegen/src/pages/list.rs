//! The transcript list: the home page (every transcript, newest first)
//! and each year's page, in pages, with the years and their counts.

use super::{Here, Pager, SiteBar};
use leptos::prelude::*;
use shilu_core::corpus::catalog::Record;
use shilu_core::corpus::site::{year_url, ListPage};

/// What a list page shows besides its rows.
pub struct ListView {
    pub title: String,
    /// The list's heading (the site's title on the home page).
    pub heading: String,
    pub page: ListPage,
    /// Every year with its transcripts, newest first; and the one shown.
    pub years: Vec<(String, usize)>,
    pub year: Option<String>,
    /// Transcripts and speakers in the whole corpus.
    pub total: usize,
    pub speakers: usize,
    /// The filters' script (`web/catalog.js`, named after its content),
    /// from the site's root; the home list has it, a year's list not.
    pub filters: Option<String>,
}

/// The list's filters: year, speaker, organiser, role. Hidden until the
/// script (`web/catalog.js`) shows them and fills the speakers' and
/// organisers' choices from `catalog.json`.
#[component]
fn CatalogFilter(years: Vec<(String, usize)>) -> impl IntoView {
    let years = years
        .into_iter()
        .map(|(y, n)| view! { <option value=y.clone()>{format!("{y}（{n}）")}</option> })
        .collect_view();
    let roles = shilu_core::model::Role::ALL
        .into_iter()
        .map(|r| view! { <option value=r.as_str()>{crate::pages::speakers::role_name(r)}</option> })
        .collect_view();
    view! {
        <form id="catalog-filter" class="catalog-filter" role="search" aria-label="筛选 Filter" hidden>
            <label>"年份 Year "<select name="year"><option value="">"全部 All"</option>{years}</select></label>
            <label>"发言人 Speaker "<input name="speaker" list="catalog-speakers" autocomplete="off"/></label>
            <datalist id="catalog-speakers"></datalist>
            <label>"主办 Organiser "<select name="organiser"><option value="">"全部 All"</option></select></label>
            <label>"角色 Role "<select name="role"><option value="">"全部 All"</option>{roles}</select></label>
            <button type="reset" class="text-button">"清除 Clear"</button>
        </form>
    }
}

/// One row: a transcript's title, date, organiser or source, speakers
/// and questions.
#[component]
pub fn TranscriptRow(here: Here, record: Record) -> impl IntoView {
    let by = record
        .organiser
        .clone()
        .unwrap_or_else(|| record.source.clone());
    let speakers = record
        .people()
        .into_iter()
        .map(|(s, id)| view! { <a href=here.to(&id.url())>{s.name.clone()}</a> })
        .collect_view();
    let questions = (record.questions > 0).then(|| {
        view! { <span class="catalog__questions">{format!("{} 问", record.questions)}</span> }
    });
    view! {
        <li class="catalog__row">
            <a class="catalog__title" href=here.to(&record.url)>{record.title.clone()}</a>
            <span class="catalog__facts">
                {record.date.clone().map(|d| view! { <time datetime=d.clone()>{d.clone()}</time> })}
                <span class="catalog__by">{by}</span>
                {questions}
            </span>
            <span class="catalog__speakers">{speakers}</span>
        </li>
    }
}

/// A page of the transcript list.
#[component]
pub fn TranscriptList(here: Here, view: ListView, rows: Vec<Record>) -> impl IntoView {
    let ListView {
        title,
        heading,
        page,
        years,
        year,
        total,
        speakers,
        filters,
    } = view;
    let filter_form = filters
        .as_ref()
        .map(|_| view! { <CatalogFilter years=years.clone()/> });
    let script = filters.map(|f| view! { <script type="module" src=here.to(&f)></script> });
    let shown = page.items.len();
    let all = here.to("");
    let year_links = years
        .iter()
        .map(|(y, n)| {
            let current = (Some(y) == year.as_ref()).then_some("page");
            view! { <li><a href=here.to(&year_url(y)) aria-current=current>{y.clone()}<span class="count">{*n}</span></a></li> }
        })
        .collect_view();
    let count = match &year {
        Some(y) => format!(
            "{y} 年 {} 场",
            years.iter().find(|(x, _)| x == y).map_or(0, |x| x.1)
        ),
        None => format!("{total} 场发布会 · {speakers} 位发言人"),
    };
    let first = (page.number - 1) * shilu_core::corpus::site::PAGE_ROWS + 1;
    let rows_view = rows
        .into_iter()
        .map(|r| view! { <TranscriptRow here=here.clone() record=r/> })
        .collect_view();
    view! {
        <SiteBar here=here.clone() title=title/>
        <main class="site-main" id="main">
            <h1>{heading}</h1>
            <p class="site-count" role="status">{count}</p>
            <nav class="filters" aria-label="按年份 By year">
                <ul class="filters__years">
                    <li><a href=all aria-current=year.is_none().then_some("page")>"全部 All"</a></li>
                    {year_links}
                </ul>
            </nav>
            {filter_form}
            <ol class="catalog" start=first aria-label=format!("第 {first}–{} 场", first + shown.saturating_sub(1))>{rows_view}</ol>
            <Pager here=here.clone() page=page/>
        </main>
        {script}
    }
}
