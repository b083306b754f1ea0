//! Table of contents: turns and their sections, following the scroll
//! position. On narrow screens it is a drawer behind a button.
//!
//! The list is HTML ([`contents_html`]); its links are followed by one
//! click handler.

use crate::i18n::text;
use crate::navigate::go_to_block;
use crate::state::Reader;
use leptos::html::Ol;
use leptos::prelude::*;
use shilu_core::{Block, BlockKind, Document};
use shilu_ui::context::context;
use shilu_ui::effect::effect;
use shilu_ui::html::{attr, followed_link, hydrating, Html};

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

/// The list: each turn (`data-for` its id; not `data-turn`, which marks
/// the transcript's turns for `current_turn`) with its sections,
/// every entry a `data-go` link to its place. A question reads by what it
/// asks (its pair's topic), with who asks after it; other turns by who
/// speaks.
pub fn contents_html(doc: &Document) -> Html {
    let mut h = Html::new();
    // The pairs come in the order of their questions.
    let mut qa = doc.qa.iter().peekable();
    for turn in &doc.turns {
        let topic = match qa.peek() {
            Some(q) if q.question == turn.id => qa.next().and_then(|q| q.topic.as_deref()),
            _ => None,
        };
        let class = format!("contents__turn contents__turn--{}", turn.role.as_str());
        let href = format!("#{}", turn.id);
        h.open("li", &[attr("class", &class), attr("data-for", &turn.id)]);
        let link = [attr("href", &href), attr("data-go", &turn.id)];
        match topic {
            Some(topic) => h
                .open("a", &link)
                .text(topic)
                .el("span", &[attr("class", "contents__asker")], &turn.speaker)
                .close("a"),
            None => h.el("a", &link, &turn.speaker),
        };
        let sections = section_entries(&turn.blocks);
        if !sections.is_empty() {
            h.open("ol", &[attr("class", "contents__sections")]);
            for (id, label, level) in sections {
                let class = format!("contents__section level-{level}");
                let href = format!("#{id}");
                h.open("li", &[attr("class", &class)])
                    .el("a", &[attr("href", &href), attr("data-go", &id)], &label)
                    .close("li");
            }
            h.close("ol");
        }
        h.close("li");
    }
    h
}

#[component]
pub fn TableOfContents(open: RwSignal<bool>) -> impl IntoView {
    let reader = context::<Reader>();
    let list = NodeRef::<Ol>::new();
    // The list is built once per document; the current turn and the turns
    // the filter hides are marked on it in place, so focus stays put.
    effect(move || {
        reader.doc.track();
        let current = reader.current_turn.get();
        let Some(list) = list.get() else { return };
        reader.visible_turns.with(|shown| {
            let items = list.children();
            for i in 0..items.length() {
                let Some(li) = items.item(i) else { continue };
                let id = li.get_attribute("data-for").unwrap_or_default();
                let is_current = current.as_deref() == Some(id.as_str());
                let classes = li.class_list();
                let _ = classes.toggle_with_force("is-current", is_current);
                let _ = classes.toggle_with_force("is-hidden", !shown.contains(&id));
                if let Some(a) = li.first_element_child() {
                    let _ = if is_current {
                        a.set_attribute("aria-current", "location")
                    } else {
                        a.remove_attribute("aria-current")
                    };
                }
            }
        });
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = followed_link(&ev) {
            open.set(false);
            go_to_block(reader, id);
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
            <ol class="contents__list" node_ref=list
                lang=move || reader.doc.with(|d| d.meta.lang_tag().to_string()) on:click=on_click
                inner_html=move || {
                    reader.doc.track();
                    // Taking over the pre-rendered page, the list is the page's.
                    if hydrating() {
                        return String::new();
                    }
                    reader.doc.with(|d| contents_html(d).into_string())
                }></ol>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn every_turn_is_listed_with_its_sections_as_links() {
        let doc = shilu_core::structure(crate::app::SEED, None);
        let html = contents_html(&doc);
        assert_eq!(html.matches("data-for=").count(), doc.turns.len());
        let first = &doc.turns[0];
        let head = &html[..html.find("</a>").unwrap() + 4];
        assert!(head.contains(&format!("data-go=\"{}\">{}</a>", first.id, first.speaker)));
        expect![[r##"<li class="contents__turn contents__turn--host" data-for="t1"><a href="#t1" data-go="t1">董晓林</a>"##]].assert_eq(head);
        // The plan's headings are entries of their turn.
        assert!(
            html.contains("<ol class=\"contents__sections\"><li class=\"contents__section level-")
        );
        assert!(html.contains(">一、活动宗旨</a></li>"), "{html}");
        // Every link goes somewhere in the document.
        for id in html
            .split("data-go=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
        {
            assert!(
                doc.turn(id).is_some() || doc.turn_of_block(id).is_some(),
                "{id}"
            );
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_question_reads_by_what_it_asks_with_its_asker_after() {
        let doc = shilu_core::structure(
            "主持人：下面请提问。\n\n彭博社记者：谢谢主持人。请问中方对美方的最新表态有何回应？\n\n华春莹：我们已经多次表明立场。\n\n总台央视记者：谢谢。\n",
            None,
        );
        let html = contents_html(&doc).into_string();
        let q = &doc.qa[0].question;
        assert!(
            html.contains(&format!(
                "data-go=\"{q}\">中方对美方的最新表态有何回应<span class=\"contents__asker\">彭博社记者</span></a>"
            )),
            "{html}"
        );
        // An answer, and a question that asks nothing yet, read by who speaks.
        assert!(html.contains(">华春莹</a>"), "{html}");
        assert!(html.contains(">总台央视记者</a>"), "{html}");
    }
}
