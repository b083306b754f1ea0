//! A block's own controls: its permalink and citation buttons, what a click
//! on them does, and the citation it copies.

use crate::components::highlight::ShowCheck;
use crate::components::toast::Toast;
use crate::i18n::{texts, I18n, Texts};
use crate::navigate::go_to_check;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::facts::chinese_date;
use shilu_core::Document;
use shilu_ui::context::context;
use shilu_ui::dom::{copy_text, permalink};
use shilu_ui::html::{act, act_of, attr, clicked, clicked_act, Action, Html};

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
