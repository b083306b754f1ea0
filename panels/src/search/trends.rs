//! A query's trends: its hits over time as a bar chart (SVG, drawn with
//! attributes only: the strict CSP allows no style attribute), and who
//! says it the most.

use leptos::prelude::*;
use shilu_core::corpus::trends::{OverTime, Unit};

/// The chart's size in its own units (it scales to its box).
const W: f64 = 600.0;
const H: f64 = 160.0;
/// Room below the bars for the first and last labels.
const FOOT: f64 = 20.0;

/// Hits per year or month, as bars; each bar's count in its tooltip, and
/// the whole as a list for a screen reader.
#[component]
pub fn OverTimeChart(data: OverTime) -> impl IntoView {
    let n = data.bars.len().max(1) as f64;
    let max = data.bars.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64;
    let step = W / n;
    let unit = match data.unit {
        Unit::Year => "每年 per year",
        Unit::Month => "每月 per month",
    };
    let bars = data
        .bars
        .iter()
        .enumerate()
        .map(|(i, (label, hits))| {
            let h = (H - FOOT) * (*hits as f64) / max;
            view! {
                <rect
                    class="search-chart__bar"
                    x=format!("{:.1}", i as f64 * step + step * 0.1)
                    y=format!("{:.1}", H - FOOT - h)
                    width=format!("{:.1}", step * 0.8)
                    height=format!("{:.1}", h)
                >
                    <title>{format!("{label}: {hits}")}</title>
                </rect>
            }
        })
        .collect_view();
    let first = data.bars.first().map(|b| b.0.clone()).unwrap_or_default();
    let last = data.bars.last().map(|b| b.0.clone()).unwrap_or_default();
    let list = data
        .bars
        .iter()
        .filter(|b| b.1 > 0)
        .map(|(label, hits)| view! { <li>{format!("{label}: {hits}")}</li> })
        .collect_view();
    view! {
        <figure class="search-chart">
            <figcaption>{format!("命中随时间 Hits over time ({unit})")}</figcaption>
            <svg viewBox=format!("0 0 {W} {H}") aria-hidden="true" class="search-chart__svg">
                <line class="search-chart__axis" x1="0" x2=W.to_string() y1=(H - FOOT).to_string() y2=(H - FOOT).to_string()/>
                {bars}
                <text class="search-chart__label" x="0" y=(H - 4.0).to_string()>{first}</text>
                <text class="search-chart__label" x=W.to_string() y=(H - 4.0).to_string() text-anchor="end">{last}</text>
            </svg>
            <ul class="visually-hidden">{list}</ul>
        </figure>
    }
}

/// Speakers shown, at most.
pub const TOP_SPEAKERS: usize = 10;

/// Who says it the most: each speaker with their hits, a meter beside.
#[component]
pub fn SpeakerCounts(rows: Vec<(String, usize)>) -> impl IntoView {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1);
    let items = rows
        .into_iter()
        .take(TOP_SPEAKERS)
        .map(|(name, hits)| {
            view! {
                <li class="search-speakers__row">
                    <span class="search-speakers__name">{name}</span>
                    <meter min="0" max=max.to_string() value=hits.to_string() aria-hidden="true"></meter>
                    <span class="search-speakers__hits">{hits}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="search-speakers" aria-labelledby="search-speakers-h">
            <h2 id="search-speakers-h">"谁说得最多 Who says it most"</h2>
            <ol>{items}</ol>
        </section>
    }
}
