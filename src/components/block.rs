//! One block of the transcript — paragraph, heading, outline item — with its
//! permalink and citation controls.

use crate::components::header::chinese_date;
use crate::components::highlight::Highlighted;
use crate::components::toast::Toast;
use crate::dom::{copy_text, permalink};
use crate::i18n::{text, use_texts};
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::search::Field;
use shilu_core::{Block, BlockKind};

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
    }
}

/// A block. `fold` is set when the block heads a foldable section: the
/// block's own heading becomes the toggle, controlling `fold.body_id`.
#[component]
pub fn BlockView(
    block: Block,
    #[prop(optional)] speaker: Option<String>,
    #[prop(optional)] fold: Option<FoldControl>,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
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
        value.map(|v| view! { <span class=class><Highlighted block=id field=field text=v/></span> })
    };
    let marker = part(Field::Marker, block.marker.clone(), "block__marker");
    let heading = part(Field::Heading, block.heading.clone(), "block__heading");
    let note = part(Field::Note, block.note.clone(), "block__note");
    let body_id = self_fold.as_ref().map(|f| f.body_id.clone());
    let text = (!block.text.is_empty()).then(|| {
        let id = id.clone();
        let t = block.text.clone();
        view! { <span class="block__text" id=body_id hidden=text_hidden><Highlighted block=id field=Field::Text text=t/></span> }
    });
    let lead = match (&fold, block.kind) {
        (Some(f), _) => {
            view! { <FoldButton fold=f.clone()>{marker}{heading}</FoldButton> }.into_any()
        }
        (None, _) => view! { {marker}{heading} }.into_any(),
    };
    let is_heading =
        matches!(block.kind, BlockKind::Heading | BlockKind::Section) || fold.is_some();
    let content = if is_heading && block.text.is_empty() {
        let level = (block.level.max(1) + 2).min(6);
        heading_element(level, view! { {lead}{note} }.into_any())
    } else if is_heading {
        view! { <h3 class="block__lead">{lead}</h3><p>{text}{note}</p> }.into_any()
    } else {
        view! { <p>{lead}{text}{note}</p> }.into_any()
    };
    view! {
        <div class=class id=id.clone() data-block="">
            {content}
            <BlockActions block=block speaker=speaker/>
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
    let reader = expect_context::<Reader>();
    let t = use_texts();
    let id = fold.id.clone();
    let expanded = Memo::new(move |_| !reader.is_folded(&id));
    let id = fold.id.clone();
    view! {
        <button type="button" class="fold" aria-expanded=move || expanded.get().to_string()
            aria-controls=fold.body_id
            on:click=move |_| reader.toggle_fold(&id)
            title=move || if expanded.get() { t().fold } else { t().unfold }>
            <span class="fold__icon" aria-hidden="true"></span>
            {children()}
        </button>
    }
}

/// Permalink and citation buttons for a block.
#[component]
fn BlockActions(block: Block, speaker: Option<String>) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let toast = expect_context::<Toast>();
    let t = use_texts();
    let id = block.id.clone();
    let link_id = id.clone();
    let copy_link = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let url = permalink(&link_id);
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        let (ok, err) = (t().copied_link, t().copy_failed);
        copy_text(url, move |done| toast.show(if done { ok } else { err }));
    };
    let cite = move |_| {
        let text = citation(&reader, &block, speaker.as_deref());
        let (ok, err) = (t().copied_citation, t().copy_failed);
        copy_text(text, move |done| toast.show(if done { ok } else { err }));
    };
    view! {
        <span class="block__actions">
            <a class="icon-button" href=format!("#{id}") on:click=copy_link
                aria-label=text(|t| t.permalink) title=text(|t| t.permalink)>
                <span aria-hidden="true">"¶"</span>
            </a>
            <button type="button" class="icon-button" on:click=cite
                aria-label=text(|t| t.copy_citation) title=text(|t| t.copy_citation)>
                <span aria-hidden="true">"❝"</span>
            </button>
        </span>
    }
}

/// `“text” —— speaker（title），conference，date。link`
pub fn citation(reader: &Reader, block: &Block, speaker: Option<&str>) -> String {
    reader.doc.with_untracked(|doc| {
        let who = speaker.map(|name| {
            let title = doc
                .participants
                .iter()
                .find(|p| p.name == name)
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
        out.push_str(&permalink(&block.id));
        out
    })
}
