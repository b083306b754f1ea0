//! The named programmes and slogans (`doc.programmes`) and where each is
//! named.

use crate::insights::mentions::{names_html, Named};
use crate::texts::PanelTexts;
use shilu_core::Document;
use shilu_ui::html::Html;

pub fn programmes_html(doc: &Document, t: &PanelTexts) -> Html {
    let items = doc.programmes.iter().map(|p| Named {
        name: format!("“{}”", p.name),
        by: None,
        mentions: &p.mentions,
    });
    names_html(
        "programmes",
        "names programmes",
        t.programmes_heading,
        items,
        t,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_EN;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_programme_links_where_it_is_named() {
        let doc = shilu_core::analysed(crate::SEED, None);
        let h = programmes_html(&doc, &PANEL_EN);
        assert_eq!(
            h.matches("<li class=\"names__item\">").count(),
            doc.programmes.len()
        );
        let six = &h[h.find("“六个帮扶”").unwrap()..];
        let six = &six[..six.find("</li>").unwrap()];
        expect![[r##"“六个帮扶”</span> <span class="mentions"><a class="block-link mentions__link" href="#t2-b15" data-go="t2-b15">mention 1</a> <a class="block-link mentions__link" href="#t4-b11" data-go="t4-b11">mention 2</a> <a class="block-link mentions__link" href="#t4-b12" data-go="t4-b12">mention 3</a> <a class="block-link mentions__link" href="#t10-b1" data-go="t10-b1">mention 4</a> <a class="block-link mentions__link" href="#t11-b1" data-go="t11-b1">mention 5</a></span>"##]].assert_eq(six);
        assert!(!h.contains("names__by"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn none_named_says_so() {
        let doc = shilu_core::analysed("主持人：各位好。\n", None);
        let h = programmes_html(&doc, &PANEL_EN);
        expect![[r#"<section class="insights__section names programmes" aria-labelledby="programmes-title"><h3 class="insights__title" id="programmes-title">Programmes and slogans</h3><p class="insights__empty">None.</p></section>"#]].assert_eq(&h);
    }
}
