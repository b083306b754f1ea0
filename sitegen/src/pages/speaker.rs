//! A speaker's page: their names, titles and outlets with dates, roles,
//! appearances over time (a chart by year), the transcripts they speak
//! in and the questions they asked or answered, each linking into its
//! transcript at the turn.

use super::speakers::role_name;
use super::{Here, SiteBar};
use leptos::prelude::*;
use shilu_core::corpus::catalog::Record;
use shilu_core::corpus::identity::Kind;
use shilu_core::corpus::speakers::{Seen, Speaker};
use std::collections::BTreeMap;

/// At most this many transcripts and questions are listed on the page
/// (newest first), so a speaker of thousands stays within the page
/// budget; the page says how many more there are.
pub const LISTED: usize = 200;

fn span(first: &Option<String>, last: &Option<String>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
        (Some(a), _) => a.clone(),
        _ => "日期不详 undated".into(),
    }
}

/// Titles or outlets with when they were seen.
#[component]
fn SeenList(heading: &'static str, seen: Vec<Seen>) -> impl IntoView {
    (!seen.is_empty()).then(|| {
        let items = seen
            .into_iter()
            .map(|s| {
                let when = span(&s.first, &s.last);
                view! { <li>{s.text}<span class="muted">{format!(" {when} · {} 场", s.count)}</span></li> }
            })
            .collect_view();
        view! { <section><h2>{heading}</h2><ul class="seen">{items}</ul></section> }
    })
}

/// Transcripts per year, every year from the first to the last, as bars.
#[component]
pub fn YearChart(years: BTreeMap<String, usize>) -> impl IntoView {
    let numbers: Vec<(i32, usize)> = years
        .iter()
        .filter_map(|(y, n)| Some((y.parse::<i32>().ok()?, *n)))
        .collect();
    let (Some(first), Some(last)) = (numbers.first(), numbers.last()) else {
        return None;
    };
    let all: Vec<(i32, usize)> = (first.0..=last.0)
        .map(|y| (y, numbers.iter().find(|(x, _)| *x == y).map_or(0, |x| x.1)))
        .collect();
    let max = all.iter().map(|x| x.1).max().unwrap_or(1).max(1);
    // Coordinates in the picture's units; the count above each bar may
    // reach above the bars' top, into the view box's margin.
    let (bar, gap, height) = (34i64, 6i64, 80i64);
    let width = all.len() as i64 * (bar + gap);
    let bars = all
        .iter()
        .enumerate()
        .map(|(i, (y, n))| {
            let h = (*n as i64 * height + max as i64 - 1) / max as i64;
            let x = i as i64 * (bar + gap);
            view! {
                <g>
                    <title>{format!("{y}：{n} 场")}</title>
                    <rect class="chart__bar" x=x y=height - h width=bar height=h></rect>
                    <text class="chart__n" x=x + bar / 2 y=height - h - 3 text-anchor="middle">{*n}</text>
                    <text class="chart__year" x=x + bar / 2 y=height + 14 text-anchor="middle">{*y}</text>
                </g>
            }
        })
        .collect_view();
    let summary = all
        .iter()
        .map(|(y, n)| format!("{y} 年 {n} 场"))
        .collect::<Vec<_>>()
        .join("，");
    Some(view! {
        <figure class="chart">
            <svg role="img" aria-label=summary viewBox=format!("0 -16 {width} {}", height + 34) width=width height=height + 34>
                {bars}
            </svg>
            <figcaption>"每年出现场次 Transcripts per year"</figcaption>
        </figure>
    })
}

/// A speaker's page.
#[component]
pub fn SpeakerPage(
    here: Here,
    title: String,
    speaker: Speaker,
    /// The records of the transcripts they speak in, by their numbers.
    records: BTreeMap<u32, Record>,
) -> impl IntoView {
    let s = speaker;
    let kind = match s.identity.kind {
        Kind::Person => None,
        Kind::Outlet => Some(
            view! { <p class="muted">"媒体：其记者的提问归于此 An outlet: its journalists' questions"</p> },
        ),
    };
    let other_names = s
        .names
        .iter()
        .skip(1)
        .map(|(n, c)| format!("{n}（{c}）"))
        .collect::<Vec<_>>();
    let other_names = (!other_names.is_empty())
        .then(|| view! { <p>"又作 Also written: "{other_names.join("、")}</p> });
    let roles = s
        .roles
        .iter()
        .map(|(r, n)| format!("{}（{n}）", role_name(*r)))
        .collect::<Vec<_>>()
        .join("、");
    let title_of = |doc: u32| records.get(&doc);
    let transcripts_more = s.transcripts.len().saturating_sub(LISTED);
    let transcripts = s
        .transcripts
        .iter()
        .rev()
        .take(LISTED)
        .filter_map(|d| title_of(*d))
        .map(|r| {
            view! {
                <li>
                    {r.date.clone().map(|d| view! { <time datetime=d.clone()>{d.clone()}</time>" " })}
                    <a href=here.to(&r.url)>{r.title.clone()}</a>
                </li>
            }
        })
        .collect_view();
    let questions_more = s.questions.len().saturating_sub(LISTED);
    let questions = s
        .questions
        .iter()
        .rev()
        .take(LISTED)
        .filter_map(|(d, q)| Some((title_of(*d)?, q)))
        .map(|(r, q)| {
            let verb = if q.asked { "问 Asked" } else { "答 Answered" };
            let topic = q.topic.clone().unwrap_or_else(|| r.title.clone());
            let href = format!("{}#{}", here.to(&r.url), q.turn);
            view! {
                <li>
                    <span class="tag">{verb}</span>" "
                    <a href=href>{topic}</a>
                    <span class="muted">{format!(" {}", r.date.clone().unwrap_or_default())}</span>
                </li>
            }
        })
        .collect_view();
    let more = |n: usize| {
        (n > 0)
            .then(|| view! { <p class="muted">{format!("另有 {n} 条较早的 {n} more, older")}</p> })
    };
    let questions_heading = format!("问答 Questions ({})", s.questions.len());
    let transcripts_heading = format!("发布会 Transcripts ({})", s.transcripts.len());
    view! {
        <SiteBar here=here.clone() title=title/>
        <main class="site-main speaker-page" id="main">
            <h1>{s.name.clone()}</h1>
            {kind}
            {other_names}
            <dl class="facts">
                <dt>"角色 Roles"</dt><dd>{roles}</dd>
                <dt>"场次 Transcripts"</dt><dd>{s.transcripts.len()}</dd>
                <dt>"发言 Turns"</dt><dd>{s.turns}</dd>
                <dt>"字数 Characters"</dt><dd>{s.chars}</dd>
                <dt>"时间 Dates"</dt><dd>{span(&s.first, &s.last)}</dd>
            </dl>
            <YearChart years=s.years.clone()/>
            <SeenList heading="职务 Titles" seen=s.titles.clone()/>
            <SeenList heading="媒体 Outlets" seen=s.outlets.clone()/>
            <section>
                <h2>{questions_heading}</h2>
                <ul class="questions">{questions}</ul>
                {more(questions_more)}
            </section>
            <section>
                <h2>{transcripts_heading}</h2>
                <ul class="appearances">{transcripts}</ul>
                {more(transcripts_more)}
            </section>
        </main>
    }
}
