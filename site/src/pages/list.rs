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
}

/// One row: a transcript's title, date, organiser or source, speakers
/// and questions.
#[component]
pub fn TranscriptRow(here: Here, record: Record) -> impl IntoView {
    let by = record
        .organiser
        .clone()
        .unwrap_or_else(|| record.source.clone());
    let mut seen = Vec::new();
    let speakers = record
        .speakers
        .iter()
        .filter_map(|s| Some((s, s.identity.as_ref()?)))
        .filter(|(_, id)| {
            let new = !seen.contains(id);
            seen.push(id);
            new
        })
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
    } = view;
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
            <ol class="catalog" start=first aria-label=format!("第 {first}–{} 场", first + shown.saturating_sub(1))>{rows_view}</ol>
            <Pager here=here.clone() page=page/>
        </main>
    }
}
