//! Who spoke how much: turns and characters per participant, as a bar chart
//! in plain CSS with the numbers written out.

use crate::i18n::{role_name, use_texts};
use crate::panels::BlockLink;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::{Document, Role};

/// One participant's share of the conference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerStat {
    pub name: String,
    pub title: Option<String>,
    pub role: Role,
    pub turns: usize,
    /// Characters spoken, whitespace not counted.
    pub chars: usize,
    /// The first turn, to link to.
    pub first_turn: Option<String>,
}

/// Every participant who speaks, in order of appearance.
pub fn speaker_stats(doc: &Document) -> Vec<SpeakerStat> {
    doc.participants
        .iter()
        .map(|p| {
            let turns: Vec<_> = doc.turns.iter().filter(|t| t.participant == p.id).collect();
            let chars = turns
                .iter()
                .flat_map(|t| &t.blocks)
                .map(|b| b.full_text().chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            SpeakerStat {
                name: p.name.clone(),
                title: p.title.clone(),
                role: p.role,
                turns: turns.len(),
                chars,
                first_turn: turns.first().map(|t| t.id.clone()),
            }
        })
        .filter(|s| s.turns > 0)
        .collect()
}

#[component]
pub fn SpeakerStats() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let t = use_texts();
    let stats = Memo::new(move |_| reader.doc.with(|d| speaker_stats(d)));
    let rows = move || {
        let t = t();
        stats.with(|stats| {
            let max = stats.iter().map(|s| s.chars).max().unwrap_or(0).max(1);
            stats
                .iter()
                .map(|s| {
                    let pct = s.chars as f64 * 100.0 / max as f64;
                    let who = s.name.clone();
                    let name = match &s.first_turn {
                        Some(turn) => view! { <BlockLink block=turn.clone() class="speaker-stats__name">{who}</BlockLink> }.into_any(),
                        None => view! { <span class="speaker-stats__name">{s.name.clone()}</span> }.into_any(),
                    };
                    view! {
                        <li class=format!("speaker-stats__row speaker--{}", s.role.as_str())>
                            <div class="speaker-stats__who">
                                {name}
                                <span class="speaker-stats__role">{role_name(t, s.role)}</span>
                                {s.title.clone().map(|x| view! { <span class="speaker-stats__title">{x}</span> })}
                            </div>
                            <div class="speaker-stats__bar" aria-hidden="true">
                                <span style=format!("width:{pct:.1}%")></span>
                            </div>
                            <div class="speaker-stats__numbers">
                                {(t.turns_count)(s.turns)}" · "{(t.chars_count)(s.chars)}
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="insights__section speaker-stats" aria-labelledby="speaker-stats-title">
            <h3 class="insights__title" id="speaker-stats-title">{move || t().speaker_stats}</h3>
            <ul class="speaker-stats__list">{rows}</ul>
        </section>
    }
}
