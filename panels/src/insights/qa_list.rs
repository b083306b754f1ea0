//! The questions asked, each with its outlet, its answerers and links.

use crate::insights::section::open_section;
use crate::texts::PanelTexts;
use shilu_core::Document;
use shilu_ui::html::{attr, Html};

/// Characters of a question shown before it is cut with `…`.
const EXCERPT: usize = 70;

/// A question and its answers, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QaRow {
    pub question: String,
    /// Who asked: the journalist's outlet, else their name.
    pub asker: String,
    pub excerpt: String,
    /// (turn id, speaker) of each answer.
    pub answers: Vec<(String, String)>,
}

pub fn qa_rows(doc: &Document) -> Vec<QaRow> {
    doc.qa
        .iter()
        .filter_map(|pair| {
            let q = doc.turn(&pair.question)?;
            let asker = doc
                .participant(&q.participant)
                .and_then(|p| p.outlet.clone())
                .unwrap_or_else(|| q.speaker.clone());
            let text: String = q
                .blocks
                .iter()
                .map(|b| b.full_text())
                .collect::<Vec<_>>()
                .join(" ");
            let mut excerpt: String = text.chars().take(EXCERPT).collect();
            if text.chars().count() > EXCERPT {
                excerpt.push('…');
            }
            let answers = pair
                .answers
                .iter()
                .filter_map(|a| doc.turn(a).map(|t| (t.id.clone(), t.speaker.clone())))
                .collect();
            Some(QaRow {
                question: q.id.clone(),
                asker,
                excerpt,
                answers,
            })
        })
        .collect()
}

/// The section: each question's outlet, its excerpt linked to the question,
/// and its answerers linked to their answers; a note when there are none.
pub fn qa_html(rows: &[QaRow], t: &PanelTexts) -> Html {
    let mut h = Html::new();
    open_section(&mut h, "qa", "qa", t.qa_heading);
    if rows.is_empty() {
        h.el("p", &[attr("class", "insights__empty")], t.no_qa);
        h.close("section");
        return h;
    }
    h.open("ol", &[attr("class", "qa__list")]);
    for r in rows {
        h.open("li", &[attr("class", "qa__item")])
            .open("p", &[attr("class", "qa__asker")])
            .el("span", &[attr("class", "qa__outlet")], &r.asker)
            .text(" ")
            .text(t.common.question)
            .close("p")
            .open("p", &[attr("class", "qa__question")])
            .block_link(&r.question, "", &r.excerpt)
            .close("p")
            .open("div", &[attr("class", "qa__answers")])
            .el("span", &[attr("class", "qa__answered-by")], t.answered_by)
            .open("ul", &[attr("class", "qa__answerers")]);
        for (id, who) in &r.answers {
            h.open("li", &[]).block_link(id, "", who).close("li");
        }
        h.close("ul").close("div").close("li");
    }
    h.close("ol").close("section");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_question_links_its_text_and_its_answers() {
        let rows = [QaRow {
            question: "t6".into(),
            asker: "山西日报".into(),
            excerpt: "请问…".into(),
            answers: vec![("t7".into(), "李武军".into())],
        }];
        let h = qa_html(&rows, &PANEL_ZH).into_string();
        assert_eq!(
            h,
            "<section class=\"insights__section qa\" aria-labelledby=\"qa-title\">\
             <h3 class=\"insights__title\" id=\"qa-title\">记者提问</h3>\
             <ol class=\"qa__list\"><li class=\"qa__item\">\
             <p class=\"qa__asker\"><span class=\"qa__outlet\">山西日报</span> 提问</p>\
             <p class=\"qa__question\"><a class=\"block-link\" href=\"#t6\" data-go=\"t6\">请问…</a></p>\
             <div class=\"qa__answers\"><span class=\"qa__answered-by\">回答：</span>\
             <ul class=\"qa__answerers\"><li><a class=\"block-link\" href=\"#t7\" data-go=\"t7\">李武军</a></li></ul>\
             </div></li></ol></section>"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn without_questions_a_note() {
        let h = qa_html(&[], &PANEL_ZH).into_string();
        assert!(
            h.contains("<p class=\"insights__empty\">这份实录中没有问答。</p></section>"),
            "{h}"
        );
    }
}
