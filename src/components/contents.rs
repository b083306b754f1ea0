//! Table of contents: turns and their sections, following the scroll
//! position. On narrow screens it is a drawer behind a button.

use crate::i18n::text;
use crate::navigate::go_to_block;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::{Block, BlockKind};

/// Contents entries for a turn: its headed sections.
fn section_entries(blocks: &[Block]) -> Vec<(String, String, u8)> {
    blocks
        .iter()
        .filter(|b| {
            matches!(b.kind, BlockKind::Heading | BlockKind::Section)
                || (b.kind == BlockKind::Item && b.level <= 2 && b.heading.is_some())
        })
        .filter(|b| {
            b.kind != BlockKind::Item || b.marker.as_deref().is_some_and(|m| !m.ends_with('是'))
        })
        .map(|b| {
            let label = format!(
                "{}{}",
                b.marker.clone().unwrap_or_default(),
                b.heading.clone().unwrap_or_else(|| b.text.clone())
            );
            (b.id.clone(), label.chars().take(24).collect(), b.level)
        })
        .collect()
}

#[component]
pub fn TableOfContents(open: RwSignal<bool>) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let go = move |id: String| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            open.set(false);
            go_to_block(reader, id.clone());
        }
    };
    view! {
        <nav class="contents" class=("is-open", move || open.get()) aria-labelledby="contents-title">
            <div class="contents__head">
                <h2 id="contents-title" class="contents__title">{text(|t| t.contents)}</h2>
                <button type="button" class="icon-button contents__close" on:click=move |_| open.set(false)
                    aria-label=text(|t| t.close)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            <ol class="contents__list" lang="zh-CN">
                {move || reader.doc.with(|d| d.turns.iter().map(|turn| {
                    let id = turn.id.clone();
                    let current = {
                        let id = id.clone();
                        Memo::new(move |_| reader.current_turn.with(|c| c.as_deref() == Some(id.as_str())))
                    };
                    let shown = {
                        let id = id.clone();
                        Memo::new(move |_| reader.visible_turns.with(|v| v.contains(&id)))
                    };
                    let sections = section_entries(&turn.blocks);
                    view! {
                        <li class=format!("contents__turn contents__turn--{}", turn.role.as_str())
                            class=("is-current", move || current.get()) class=("is-hidden", move || !shown.get())>
                            <a href=format!("#{id}") on:click=go(id.clone())
                                aria-current=move || current.get().then_some("location")>{turn.speaker.clone()}</a>
                            {(!sections.is_empty()).then(|| view! {
                                <ol class="contents__sections">
                                    {sections.into_iter().map(|(bid, label, level)| view! {
                                        <li class=format!("contents__section level-{level}")>
                                            <a href=format!("#{bid}") on:click=go(bid.clone())>{label}</a>
                                        </li>
                                    }).collect_view()}
                                </ol>
                            })}
                        </li>
                    }
                }).collect_view())}
            </ol>
        </nav>
    }
}

/// Keeps `Reader::current_turn` on the turn at the top of the viewport.
pub fn track_current_turn(reader: Reader) {
    let pending = StoredValue::new(false);
    let update = move || {
        pending.set_value(false);
        let Ok(list) = document().query_selector_all("[data-turn]") else {
            return;
        };
        let mut current = None;
        for i in 0..list.length() {
            let Some(el) = list
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            else {
                continue;
            };
            if el.get_bounding_client_rect().top() <= 140.0 {
                current = Some(el.id());
            } else {
                break;
            }
        }
        if reader.current_turn.with_untracked(|c| *c != current) {
            reader.current_turn.set(current);
        }
    };
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(update);
        }
    });
    on_cleanup(move || handle.remove());
}
