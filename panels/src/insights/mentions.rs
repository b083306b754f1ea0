//! Links to the paragraphs a check or a name comes from, and the section
//! a list of names (documents, programmes, lead units) makes.

use crate::insights::section::open_section;
use crate::texts::PanelTexts;
use shilu_ui::html::{attr, Html};

/// Links to `blocks`: "see in transcript" for one, numbered for several.
pub fn mention_links(h: &mut Html, blocks: &[String], t: &PanelTexts) {
    h.open("span", &[attr("class", "mentions")]);
    for (i, b) in blocks.iter().enumerate() {
        let label = if blocks.len() == 1 {
            t.see_in_transcript.to_string()
        } else {
            (t.mention)(i + 1)
        };
        if i > 0 {
            h.text(" ");
        }
        h.block_link(b, "mentions__link", &label);
    }
    h.close("span");
}

/// One named thing: its name as shown, who names it (when that is
/// known), and the paragraphs it is named in.
pub struct Named<'a> {
    pub name: String,
    pub by: Option<&'a [String]>,
    pub mentions: &'a [String],
}

/// A section `id` headed `heading`, listing `items`, or saying there are none.
pub fn names_html<'a>(
    id: &'static str,
    class: &'static str,
    heading: &str,
    items: impl Iterator<Item = Named<'a>>,
    t: &PanelTexts,
) -> Html {
    let mut h = Html::new();
    open_section(&mut h, id, class, heading);
    let mut items = items.peekable();
    if items.peek().is_none() {
        h.el("p", &[attr("class", "insights__empty")], t.none_named)
            .close("section");
        return h;
    }
    h.open("ul", &[attr("class", "names__list")]);
    for n in items {
        h.open("li", &[attr("class", "names__item")])
            .el("span", &[attr("class", "names__name")], &n.name)
            .text(" ");
        if let Some(by) = n.by.filter(|b| !b.is_empty()) {
            h.open("span", &[attr("class", "names__by")])
                .text(t.named_by)
                .text(&by.join("、"))
                .close("span")
                .text(" ");
        }
        mention_links(&mut h, n.mentions, t);
        h.close("li");
    }
    h.close("ul").close("section");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn one_place_is_see_in_transcript_several_are_numbered() {
        let mut h = Html::new();
        mention_links(&mut h, &["t2-b5".into()], &PANEL_ZH);
        expect![[r##"<span class="mentions"><a class="block-link mentions__link" href="#t2-b5" data-go="t2-b5">查看原文</a></span>"##]].assert_eq(&h);
        let mut h = Html::new();
        mention_links(&mut h, &["t2-b5".into(), "t7-b3".into()], &PANEL_ZH);
        assert_eq!(h.matches("data-go=").count(), 2);
        assert!(h.contains("data-go=\"t7-b3\">第2处</a>"));
    }
}
