//! The page header: what the conference was, when, where, and who spoke.

use crate::components::highlight::Highlighted;
use crate::components::transcript::title_block;
use crate::i18n::{role_name, text, use_texts};
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::search::Field;
use shilu_core::Role;

/// `2017-10-12` → `2017年10月12日`.
pub fn chinese_date(iso: &str) -> String {
    let mut it = iso.split('-').map(|p| p.trim_start_matches('0'));
    match (it.next(), it.next(), it.next()) {
        (Some(y), Some(m), Some(d)) => format!("{y}年{m}月{d}日"),
        _ => iso.to_string(),
    }
}

#[component]
pub fn ConferenceHeader() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let t = use_texts();
    let meta = move || reader.doc.with(|d| d.meta.clone());
    let speakers = move || {
        reader.doc.with(|d| {
            d.participants
                .iter()
                .filter(|p| matches!(p.role, Role::Host | Role::Official))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <header class="conference" lang="zh-CN">
            <h1 class="conference__title">{move || title_view(reader)}</h1>
            <dl class="conference__facts">
                {move || {
                    let m = meta();
                    let t = t();
                    let date = m.date.as_deref().map(|d| {
                        let part = m.date_text.as_deref().and_then(part_of_day).unwrap_or_default();
                        format!("{}{}", chinese_date(d), part)
                    });
                    [(t.date, date), (t.place, m.place.clone()), (t.organiser, m.organiser.clone())]
                        .into_iter()
                        .filter_map(|(k, v)| v.map(|v| (k, v)))
                        .map(|(k, v)| view! {
                            <div class="conference__fact"><dt>{k}</dt><dd>{v}</dd></div>
                        })
                        .collect_view()
                }}
            </dl>
            <ul class="conference__people" aria-label=text(|t| t.participants)>
                {move || speakers().into_iter().map(|p| {
                    let role = p.role;
                    view! {
                        <li class=format!("person person--{}", role.as_str())>
                            <span class="person__name">{p.name}</span>
                            <span class="person__title">{p.title.unwrap_or_else(|| role_name(t(), role).to_string())}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </header>
    }
}

/// The title, with search matches marked when it is the document's title block.
fn title_view(reader: Reader) -> AnyView {
    reader.doc.with(|d| match title_block(d) {
        Some(b) => {
            view! { <Highlighted block=b.id.clone() field=Field::Text text=b.text.clone()/> }
                .into_any()
        }
        None => d.meta.title.clone().into_any(),
    })
}

/// `10月12日下午` → `下午`.
fn part_of_day(text: &str) -> Option<&'static str> {
    ["上午", "下午", "晚上", "晚", "早上", "中午"]
        .into_iter()
        .find(|p| text.ends_with(p))
}
