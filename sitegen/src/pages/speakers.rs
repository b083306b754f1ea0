//! The speakers index: everyone by appearances (most transcripts
//! first), in pages, with a filter by role (a list per role).

use super::{Here, Pager, SiteBar};
use leptos::prelude::*;
use shilu_core::corpus::identity::Kind;
use shilu_core::corpus::site::{speakers_url, ListPage};
use shilu_core::corpus::speakers::Summary;
use shilu_core::model::Role;

/// A role's name for the reader.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Host => "主持人 Host",
        Role::Official => "发布人 Official",
        Role::Journalist => "记者 Journalist",
        Role::Other => "其他 Other",
    }
}

/// A page of the speakers index.
#[component]
pub fn SpeakerIndex(
    here: Here,
    title: String,
    page: ListPage,
    /// The lists: everyone (`None`), then each role, with their counts.
    roles: Vec<(Option<Role>, usize)>,
    role: Option<Role>,
    rows: Vec<Summary>,
) -> impl IntoView {
    let filters = roles
        .iter()
        .map(|(r, n)| {
            let current = (*r == role).then_some("page");
            let name = r.map_or("全部 All", role_name);
            view! { <li><a href=here.to(&speakers_url(*r)) aria-current=current>{name}<span class="count">{*n}</span></a></li> }
        })
        .collect_view();
    let count = roles.iter().find(|(r, _)| *r == role).map_or(0, |x| x.1);
    let first = (page.number - 1) * shilu_core::corpus::site::PAGE_ROWS + 1;
    let rows = rows
        .into_iter()
        .map(|s| {
            let kind = match s.kind {
                Kind::Person => "",
                Kind::Outlet => " （媒体 outlet）",
            };
            let span = match (&s.first, &s.last) {
                (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                (Some(a), _) => a.clone(),
                _ => String::new(),
            };
            view! {
                <tr>
                    <th scope="row"><a href=here.to(&s.url)>{s.name.clone()}</a>{kind}</th>
                    <td>{role_name(s.role)}</td>
                    <td class="num">{s.transcripts}</td>
                    <td class="num">{s.turns}</td>
                    <td>{span}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <SiteBar here=here.clone() title=title/>
        <main class="site-main" id="main">
            <h1>"发言人 Speakers"</h1>
            <p class="site-count" role="status">{format!("{count} 位 · {}", role.map_or("全部 All", role_name))}</p>
            <nav class="filters" aria-label="按角色 By role"><ul>{filters}</ul></nav>
            <table class="speaker-table">
                <caption>{format!("第 {first}–{} 位，按出现场次 By appearances", first + page.items.len().saturating_sub(1))}</caption>
                <thead><tr>
                    <th scope="col">"姓名 Name"</th>
                    <th scope="col">"角色 Role"</th>
                    <th scope="col" class="num">"场次 Transcripts"</th>
                    <th scope="col" class="num">"发言 Turns"</th>
                    <th scope="col">"时间 Dates"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Pager here=here.clone() page=page/>
        </main>
    }
}
