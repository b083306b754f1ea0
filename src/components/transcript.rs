//! The reading column: front matter, every turn with its sections, and the
//! appendix set apart.

use crate::components::block::{on_block_action, BlockView, FoldButton, FoldControl};
use crate::components::highlight::provide_part_marks;
use crate::i18n::{role_name, text, use_texts, Texts};
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::facts::title_block;
use shilu_core::outline::{outline, Node};
use shilu_core::{Block, Document, Role, Turn};
use shilu_ui::context::context;
use shilu_ui::html::{attr, Html};
use std::sync::Arc;

#[component]
pub fn Transcript() -> impl IntoView {
    let reader = context::<Reader>();
    // Printed at the end of the transcript, so a paper copy says where it came from.
    let source_url = {
        let loc = window().location();
        format!(
            "{}{}",
            loc.origin().unwrap_or_default(),
            loc.pathname().unwrap_or_default()
        )
    };
    view! {
        <article id="transcript" class="transcript" lang="zh-CN" tabindex="-1"
            data-url=source_url aria-label=text(|t| t.panel_transcript)
            on:click=move |ev| on_block_action(reader, &ev)>
            <FoldAllControls/>
            {move || {
                let doc = reader.doc.get();
                // The title block is shown as the page's heading (ConferenceHeader).
                let title = title_block(&doc).map(|b| b.id.clone());
                let front = doc.front.iter().filter(|b| Some(&b.id) != title.as_ref()).cloned().collect::<Vec<_>>();
                view! {
                    <FrontMatter blocks=front/>
                    {doc.turns.iter().map(|turn| view! { <TurnView turn=turn.clone() doc=doc.clone()/> }).collect_view()}
                    <Appendix blocks=doc.appendix.clone()/>
                }
            }}
        </article>
    }
}

/// Expand-all and collapse-all.
#[component]
fn FoldAllControls() -> impl IntoView {
    let reader = context::<Reader>();
    view! {
        <div class="fold-all" role="group">
            <button type="button" class="text-button" on:click=move |_| reader.folded.set(Default::default())>
                {text(|t| t.expand_all)}
            </button>
            <button type="button" class="text-button" on:click=move |_| reader.folded.set(reader.all_folds())>
                {text(|t| t.collapse_all)}
            </button>
        </div>
    }
}

#[component]
fn FrontMatter(blocks: Vec<Block>) -> impl IntoView {
    provide_part_marks("f".into());
    (!blocks.is_empty()).then(|| {
        view! {
            <section class="front" aria-label=text(|t| t.front_matter)>
                {blocks.into_iter().map(|b| view! { <BlockView block=b/> }).collect_view()}
            </section>
        }
    })
}

#[component]
fn Appendix(blocks: Vec<Block>) -> impl IntoView {
    provide_part_marks("a".into());
    (!blocks.is_empty()).then(|| {
        view! {
            <aside class="appendix" aria-labelledby="appendix-title">
                <h2 id="appendix-title">{text(|t| t.appendix)}</h2>
                <p class="appendix__note">{text(|t| t.appendix_note)}</p>
                {blocks.into_iter().map(|b| view! { <BlockView block=b/> }).collect_view()}
            </aside>
        }
    })
}

/// Where a turn stands in the Q&A: a question, or an answer to one.
fn qa_note(doc: &Document, turn: &Turn) -> Option<(bool, String)> {
    doc.qa.iter().find_map(|pair| {
        if pair.question == turn.id {
            pair.answers.first().map(|a| (true, a.clone()))
        } else if pair.answers.contains(&turn.id) {
            Some((false, pair.question.clone()))
        } else {
            None
        }
    })
}

/// What a turn's heading says after the speaker's name.
pub struct TurnMeta {
    pub role: Role,
    /// The speaker's title or outlet.
    pub title: Option<String>,
    /// When the turn began, if the transcript says.
    pub time: Option<String>,
    /// A question (`true`, with its first answer) or an answer (with its question).
    pub qa: Option<(bool, String)>,
}

/// The role, title, time and Q&A link of a turn's heading.
pub fn turn_meta_html(m: &TurnMeta, t: &Texts) -> Html {
    let mut h = Html::new();
    h.el(
        "span",
        &[attr("class", "turn__role")],
        role_name(t.common, m.role),
    );
    if let Some(x) = &m.title {
        h.el("span", &[attr("class", "turn__title")], x);
    }
    if let Some(x) = &m.time {
        h.el("time", &[attr("class", "turn__time")], x);
    }
    if let Some((is_question, other)) = &m.qa {
        let href = format!("#{other}");
        let label = if *is_question {
            t.common.question
        } else {
            t.answer_to
        };
        h.el(
            "a",
            &[attr("class", "turn__qa"), attr("href", &href)],
            label,
        );
    }
    h
}

/// One speaker's turn: a foldable heading with the speaker's name and role,
/// or a one-line placeholder when the speaker filter hides it.
#[component]
fn TurnView(turn: Turn, doc: Arc<Document>) -> impl IntoView {
    let reader = context::<Reader>();
    let t = use_texts();
    let id = turn.id.clone();
    provide_part_marks(id.clone());
    let shown = {
        let id = id.clone();
        move || reader.visible_turns.with(|v| v.contains(&id))
    };
    let hidden = {
        let shown = shown.clone();
        move || !shown()
    };
    let folded = {
        let id = id.clone();
        move || reader.is_folded(&id)
    };
    let role = turn.role;
    let meta = TurnMeta {
        role,
        title: doc
            .participant(&turn.participant)
            .and_then(|p| p.title.clone().or(p.outlet.clone())),
        time: turn.time.clone(),
        qa: qa_note(&doc, &turn),
    };
    let body_id = format!("{id}-body");
    let heading_id = format!("{id}-heading");
    let paragraphs = turn.blocks.len();
    let speaker = turn.speaker.clone();
    let reveal = {
        let speaker = speaker.clone();
        move |_| {
            reader.speakers.update(|s| {
                s.insert(speaker.clone());
            })
        }
    };
    let name = speaker.clone();
    let blocks = Arc::new(turn.blocks.clone());
    let nodes = outline(&blocks);
    view! {
        <section class=format!("turn turn--{}", role.as_str()) id=id.clone() data-turn="" aria-labelledby=heading_id.clone()>
            <p class="turn__hidden" hidden=shown>
                <span class="turn__hidden-name">{let s = speaker.clone(); move || (t().hidden_turn)(&s, paragraphs)}</span>
                <button type="button" class="text-button" on:click=reveal>{text(|t| t.show_turn)}</button>
            </p>
            <div class="turn__shown" hidden=hidden>
                <header class="turn__head">
                    <h2 class="turn__speaker" id=heading_id.clone() tabindex="-1">
                        <FoldButton fold=FoldControl { id: id.clone(), body_id: body_id.clone() }>
                            <span class="turn__name">{name}</span>
                        </FoldButton>
                    </h2>
                    <span class="turn__meta" inner_html=move || turn_meta_html(&meta, t()).into_string()></span>
                </header>
                <div class="turn__body" id=body_id hidden=folded>
                    {render_nodes(&blocks, nodes)}
                </div>
            </div>
        </section>
    }
}

/// Renders an outline: sections become a heading block with a foldable body.
fn render_nodes(blocks: &Arc<Vec<Block>>, nodes: Vec<Node>) -> AnyView {
    nodes
        .into_iter()
        .map(|node| match node {
            Node::Leaf(i) => view! { <BlockView block=blocks[i].clone()/> }.into_any(),
            Node::Section { head, body } => {
                let reader = context::<Reader>();
                let head_block = blocks[head].clone();
                let fold = FoldControl { id: head_block.id.clone(), body_id: format!("{}-section", head_block.id) };
                let fold_id = fold.id.clone();
                let body_id = fold.body_id.clone();
                let level = head_block.level;
                view! {
                    <div class=format!("section level-{level}")>
                        <BlockView block=head_block fold=fold/>
                        <div class="section__body" id=body_id hidden=move || reader.is_folded(&fold_id)>
                            {render_nodes(blocks, body)}
                        </div>
                    </div>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}
