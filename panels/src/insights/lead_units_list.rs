//! The lead units (牵头单位, `doc.lead_units`) and the items each leads.

use crate::insights::mentions::{names_html, Named};
use crate::texts::PanelTexts;
use shilu_core::Document;
use shilu_ui::html::Html;

pub fn lead_units_html(doc: &Document, t: &PanelTexts) -> Html {
    let items = doc.lead_units.iter().map(|u| Named {
        name: u.unit.clone(),
        by: None,
        mentions: &u.items,
    });
    names_html(
        "lead-units",
        "names lead-units",
        t.lead_units_heading,
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
    fn each_unit_links_the_items_it_leads() {
        let doc = shilu_core::analysed(crate::SEED, None);
        let h = lead_units_html(&doc, &PANEL_ZH);
        assert_eq!(
            h.matches("<li class=\"names__item\">").count(),
            doc.lead_units.len()
        );
        let items: usize = doc.lead_units.iter().map(|u| u.items.len()).sum();
        assert_eq!(h.matches("data-go=").count(), items);
        let office = &h[h.find("省扶贫办").unwrap()..];
        let office = &office[..office.find("</li>").unwrap()];
        expect![[r##"省扶贫办</span> <span class="mentions"><a class="block-link mentions__link" href="#t4-b11" data-go="t4-b11">第1处</a> <a class="block-link mentions__link" href="#t4-b16" data-go="t4-b16">第2处</a> <a class="block-link mentions__link" href="#t4-b18" data-go="t4-b18">第3处</a> <a class="block-link mentions__link" href="#t4-b21" data-go="t4-b21">第4处</a></span>"##]].assert_eq(office);
    }
}
