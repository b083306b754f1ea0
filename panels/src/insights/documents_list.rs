//! The documents named by their 《title》 (`doc.documents`), who names
//! each, and where.

use crate::insights::mentions::{names_html, Named};
use crate::texts::PanelTexts;
use shilu_core::Document;
use shilu_ui::html::Html;

pub fn documents_html(doc: &Document, t: &PanelTexts) -> Html {
    let items = doc.documents.iter().map(|d| Named {
        name: format!("《{}》", d.title),
        by: Some(&d.speakers),
        mentions: &d.mentions,
    });
    names_html(
        "documents",
        "names documents",
        t.documents_heading,
        items,
        t,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_document_names_its_speakers_and_links_its_mentions() {
        let doc = shilu_core::analysed(crate::SEED, None);
        let h = documents_html(&doc, &PANEL_ZH);
        assert_eq!(
            h.matches("<li class=\"names__item\">").count(),
            doc.documents.len()
        );
        let first = &h[h.find("<li").unwrap()..h.find("</li>").unwrap() + 5];
        expect![[r##"<li class="names__item"><span class="names__name">《进一步做好易地扶贫搬迁工作的若干意见》</span> <span class="names__by">提到者：董晓林、刘志杰</span> <span class="mentions"><a class="block-link mentions__link" href="#t1-b3" data-go="t1-b3">第1处</a> <a class="block-link mentions__link" href="#t2-b7" data-go="t2-b7">第2处</a></span></li>"##]].assert_eq(first);
        // Every mention is a link to its paragraph.
        let links: usize = doc.documents.iter().map(|d| d.mentions.len()).sum();
        assert_eq!(h.matches("data-go=").count(), links);
        // The appendix's document has no speaker: no "named by".
        let last = &h[h.rfind("<li").unwrap()..];
        assert!(last.contains("《财政部关于印发〈普惠金融发展专项资金管理办法〉的通知》"));
        assert!(!last.contains("names__by"));
    }
}
