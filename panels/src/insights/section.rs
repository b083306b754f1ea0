//! The frame every insights section shares: a `<section>` labelled by its
//! `<h3>`, under the panel's `<h2>`.

use shilu_ui::html::{attr, Html};

/// Opens section `id` (classes `insights__section` and `class`) and writes
/// its heading, `{id}-title`; the caller closes the section.
pub fn open_section<'h>(h: &'h mut Html, id: &str, class: &str, heading: &str) -> &'h mut Html {
    let title = format!("{id}-title");
    let class = format!("insights__section {class}");
    h.open(
        "section",
        &[attr("class", &class), attr("aria-labelledby", &title)],
    )
    .el(
        "h3",
        &[attr("class", "insights__title"), attr("id", &title)],
        heading,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_heading_labels_its_section() {
        let mut h = Html::new();
        open_section(&mut h, "qa", "qa", "问答").close("section");
        assert_eq!(
            h.into_string(),
            "<section class=\"insights__section qa\" aria-labelledby=\"qa-title\"><h3 class=\"insights__title\" id=\"qa-title\">问答</h3></section>"
        );
    }
}
