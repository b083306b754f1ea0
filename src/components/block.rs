//! One block of the transcript — paragraph, heading, outline item — with its
//! permalink and citation controls.

use crate::components::highlight::{highlighted, ShowCheck};
use crate::components::toast::Toast;
use crate::i18n::{texts, use_texts, I18n, Texts};
use crate::navigate::go_to_check;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::facts::chinese_date;
use shilu_core::search::Field;
use shilu_core::{Block, BlockKind, Document};
use shilu_ui::context::context;
use shilu_ui::dom::{copy_text, permalink};
use shilu_ui::html::{act, act_of, attr, clicked, clicked_act, Action, Html};

/// What a block says it is, as a CSS modifier.
fn kind_class(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Title => "title",
        BlockKind::Stamp => "stamp",
        BlockKind::Header => "header",
        BlockKind::Heading => "heading",
        BlockKind::Section => "section",
        BlockKind::Item => "item",
        BlockKind::Paragraph => "paragraph",
        BlockKind::Caption => "caption",
        BlockKind::Timestamp => "timestamp",
        BlockKind::Aside => "aside",
    }
}

/// A block. `fold` is set when the block heads a foldable section: the
/// block's own heading becomes the toggle, controlling `fold.body_id`.
#[component]
pub fn BlockView(block: Block, #[prop(optional)] fold: Option<FoldControl>) -> impl IntoView {
    let reader = context::<Reader>();
    let t = use_texts();
    let id = block.id.clone();
    let class = format!(
        "block block--{} level-{}",
        kind_class(block.kind),
        block.level
    );
    // A section block (`——聚焦攻坚重点。…`) folds its own body text.
    let self_fold =
        (block.kind == BlockKind::Section && block.heading.is_some() && !block.text.is_empty())
            .then(|| FoldControl {
                id: id.clone(),
                body_id: format!("{id}-text"),
            });
    let fold = fold.or(self_fold.clone());
    let text_hidden = {
        let self_fold = self_fold.clone();
        move || self_fold.as_ref().is_some_and(|f| reader.is_folded(&f.id))
    };
    let part = |field: Field, value: Option<String>, class: &'static str| {
        let id = id.clone();
        value.map(|v| view! { <span class=class inner_html=highlighted(id, field, v)></span> })
    };
    let marker = part(Field::Marker, block.marker.clone(), "block__marker");
    let heading = part(Field::Heading, block.heading.clone(), "block__heading");
    let note = part(Field::Note, block.note.clone(), "block__note");
    let body_id = self_fold.as_ref().map(|f| f.body_id.clone());
    let text = (!block.text.is_empty()).then(|| {
        let id = id.clone();
        let t = block.text.clone();
        view! { <span class="block__text" id=body_id hidden=text_hidden inner_html=highlighted(id, Field::Text, t)></span> }
    });
    let lead = match (&fold, block.kind) {
        (Some(f), _) => {
            view! { <FoldButton fold=f.clone()>{marker}{heading}</FoldButton> }.into_any()
        }
        (None, _) => view! { {marker}{heading} }.into_any(),
    };
    let href = format!("#{id}");
    let actions = view! {
        <span class="block__actions" inner_html=move || actions_html(&href, t()).into_string()></span>
    };
    let is_heading =
        matches!(block.kind, BlockKind::Heading | BlockKind::Section) || fold.is_some();
    // The actions end the paragraph, so on phones they follow its last line
    // (on wider screens they sit in the block's top right corner).
    let content = if is_heading && block.text.is_empty() {
        let level = (block.level.max(1) + 2).min(6);
        view! { {heading_element(level, view! { {lead}{note} }.into_any())}{actions} }.into_any()
    } else if is_heading {
        view! { <h3 class="block__lead">{lead}</h3><p>{text}{note}{actions}</p> }.into_any()
    } else {
        view! { <p>{lead}{text}{note}{actions}</p> }.into_any()
    };
    view! {
        <div class=class id=id.clone() data-block="">
            {content}
        </div>
    }
}

fn heading_element(level: u8, inner: AnyView) -> AnyView {
    match level {
        3 => view! { <h3 class="block__lead">{inner}</h3> }.into_any(),
        4 => view! { <h4 class="block__lead">{inner}</h4> }.into_any(),
        5 => view! { <h5 class="block__lead">{inner}</h5> }.into_any(),
        _ => view! { <h6 class="block__lead">{inner}</h6> }.into_any(),
    }
}

/// Which fold a toggle controls.
#[derive(Clone, Debug, PartialEq)]
pub struct FoldControl {
    /// The fold's id in `Reader::folded`.
    pub id: String,
    /// The element it shows or hides.
    pub body_id: String,
}

/// A disclosure button for a fold (`aria-expanded`).
#[component]
pub fn FoldButton(fold: FoldControl, children: Children) -> impl IntoView {
    let reader = context::<Reader>();
    let t = use_texts();
    // Closures rather than a memo: no memo of `bool` in the wasm for it.
    let expanded = {
        let id = fold.id.clone();
        move || !reader.is_folded(&id)
    };
    let label = {
        let expanded = expanded.clone();
        move || if expanded() { t().fold } else { t().unfold }
    };
    let id = fold.id.clone();
    view! {
        <button type="button" class="fold" aria-expanded=move || expanded().to_string()
            aria-controls=fold.body_id
            on:click=move |_| reader.toggle_fold(&id)
            title=label>
            <span class="fold__icon" aria-hidden="true"></span>
            {children()}
        </button>
    }
}

/// What a block's action buttons ask for (see [`on_block_action`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BlockAct {
    /// Copy the paragraph's link (and put it in the address bar).
    Permalink,
    /// Copy its citation.
    Cite,
}

impl Action for BlockAct {
    fn write(&self) -> (&'static str, Option<String>) {
        match self {
            BlockAct::Permalink => ("permalink", None),
            BlockAct::Cite => ("cite", None),
        }
    }
    fn read(name: &str, _: Option<&str>) -> Option<BlockAct> {
        match name {
            "permalink" => Some(BlockAct::Permalink),
            "cite" => Some(BlockAct::Cite),
            _ => None,
        }
    }
}

/// A block's permalink (to `href`) and citation buttons.
pub fn actions_html(href: &str, t: &Texts) -> Html {
    let mut h = Html::new();
    h.open(
        "a",
        &[
            attr("class", "icon-button"),
            attr("href", href),
            act(&BlockAct::Permalink),
            attr("aria-label", t.permalink),
            attr("title", t.permalink),
        ],
    )
    .el("span", &[attr("aria-hidden", "true")], "¶")
    .close("a")
    .open(
        "button",
        &[
            attr("type", "button"),
            attr("class", "icon-button"),
            act(&BlockAct::Cite),
            attr("aria-label", t.copy_citation),
            attr("title", t.copy_citation),
        ],
    )
    .el("span", &[attr("aria-hidden", "true")], "❝")
    .close("button");
    h
}

/// A click in the transcript: on a marked figure, shows its check; on a
/// block's permalink or citation button, copies the link (and puts it in
/// the address bar) or the citation, and says so.
pub fn on_block_action(reader: Reader, ev: &web_sys::MouseEvent) {
    if let Some(ShowCheck(id)) = clicked_act(ev) {
        ev.prevent_default();
        return go_to_check(reader, id);
    }
    let Some(action) =
        clicked(ev, ".block__actions [data-act]").and_then(|b| act_of::<BlockAct>(&b))
    else {
        return;
    };
    let Some(id) = clicked(ev, "[data-block]").map(|b| b.id()) else {
        return;
    };
    let t = texts(context::<I18n>().0.get_untracked());
    let toast = context::<Toast>();
    let (text, ok) = if action == BlockAct::Permalink {
        ev.prevent_default();
        let url = permalink(&id);
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        (url, t.copied_link)
    } else {
        match reader
            .doc
            .with_untracked(|d| citation(d, &id, &permalink(&id)))
        {
            Some(c) => (c, t.copied_citation),
            None => return,
        }
    };
    let err = t.copy_failed;
    copy_text(text, move |done| toast.show(if done { ok } else { err }));
}

/// `“text” —— speaker（title），conference，date。link`, for the block
/// `block_id` (the speaker is its turn's) and its permalink `link`.
pub fn citation(doc: &Document, block_id: &str, link: &str) -> Option<String> {
    let block = doc.blocks().find(|b| b.id == block_id)?;
    let who = doc.turn_of_block(block_id).map(|turn| {
        let name = &turn.speaker;
        let title = doc
            .participant(&turn.participant)
            .and_then(|p| p.title.clone().or(p.outlet.clone()));
        match title {
            Some(t) => format!("——{name}（{t}）"),
            None => format!("——{name}"),
        }
    });
    let date = doc.meta.date.as_deref().map(chinese_date);
    let mut out = format!("“{}”", block.full_text().trim());
    if let Some(w) = who {
        out.push_str(&w);
    }
    out.push_str(&format!("，{}", doc.meta.title.trim()));
    if let Some(d) = date {
        out.push_str(&format!("，{d}"));
    }
    out.push_str("。\n");
    out.push_str(link);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ZH;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_actions_are_a_permalink_and_a_citation_button() {
        let html = actions_html("#t2-b1", &ZH);
        // A link to the paragraph and a button, each labelled.
        assert_eq!(html.matches("data-act=").count(), 2);
        assert!(html.contains("href=\"#t2-b1\""));
        assert!(html.contains(ZH.permalink) && html.contains(ZH.copy_citation));
        expect![[r##"<a class="icon-button" href="#t2-b1" data-act="permalink" aria-label="复制段落链接" title="复制段落链接"><span aria-hidden="true">¶</span></a><button type="button" class="icon-button" data-act="cite" aria-label="复制引用" title="复制引用"><span aria-hidden="true">❝</span></button>"##]].assert_eq(&html);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_citation_quotes_the_block_and_names_speaker_conference_and_date() {
        let doc = shilu_core::structure(crate::app::SEED, None);
        let turn = doc.turns.iter().find(|t| t.speaker == "刘志杰").unwrap();
        let block = &turn.blocks[0];
        let c = citation(&doc, &block.id, "https://example.org/#x").unwrap();
        let head = format!("“{}”——刘志杰（省扶贫办主任），", block.full_text().trim());
        assert!(c.starts_with(&head), "{c}");
        assert!(c.contains("新闻发布会，2017年10月12日。\n"), "{c}");
        assert!(c.ends_with("。\nhttps://example.org/#x"), "{c}");
        // Front matter has no speaker.
        let front = &doc.front[0];
        let c = citation(&doc, &front.id, "").unwrap();
        assert!(
            c.starts_with(&format!("“{}”，", front.full_text().trim())),
            "{c}"
        );
        assert_eq!(citation(&doc, "no-such-block", ""), None);
    }
}
