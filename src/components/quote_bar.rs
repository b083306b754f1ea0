//! 复制引文链接: a button that shows while the reader has a passage of the
//! transcript selected (`crate::selection`), in a bar at the foot of the
//! window (fixed: the strict CSP allows no style attribute to place it by
//! the selection). It is part of the transcript's markup, so it costs no
//! view of its own and its click is the transcript's (`TranscriptAct::Quote`).
//! Choosing it makes the passage the reader's quote (`Reader::quote`,
//! marked in the transcript, and in the address bar's view), copies the
//! link (`url_state::quote_link`) and says so.

use super::transcript::acts::TranscriptAct;
use crate::components::toast::Toast;
use crate::i18n::{texts, I18n, Texts};
use crate::state::Reader;
use crate::url_state::quote_link;
use leptos::prelude::*;
use shilu_ui::context::context;
use shilu_ui::dom::copy_text;
use shilu_ui::html::{act, attr, Html};

/// The bar, hidden until a selection quotes something.
pub fn bar_html(h: &mut Html, t: &Texts) {
    h.open(
        "div",
        &[
            attr("class", "quote-bar"),
            attr("id", "quote-bar"),
            attr("hidden", ""),
        ],
    )
    .el(
        "button",
        &[
            attr("type", "button"),
            attr("class", "text-button quote-bar__button"),
            attr("id", "quote-button"),
            act(&TranscriptAct::Quote),
        ],
        t.copy_quote,
    )
    .close("div");
}

/// Quotes the selection: marks it, links it and copies the link.
pub fn copy_quote(reader: Reader) {
    let Some((quote, cut)) = crate::selection::selected_quote(reader) else {
        return;
    };
    let t = texts(context::<I18n>().0.get_untracked());
    let toast = context::<Toast>();
    let link = quote_link(&quote);
    // The address bar follows (`url_state`).
    reader.quote.set(quote.param().into());
    let ok = if cut { t.quote_clipped } else { t.copied_quote };
    let err = t.copy_failed;
    copy_text(link, move |done| toast.show(if done { ok } else { err }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, ZH};
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_bar_is_a_hidden_labelled_button_that_asks_for_a_quote() {
        let mut h = Html::new();
        bar_html(&mut h, &ZH);
        expect![[r#"<div class="quote-bar" id="quote-bar" hidden=""><button type="button" class="text-button quote-bar__button" id="quote-button" data-act="quote">复制引文链接</button></div>"#]].assert_eq(h.as_str());
        let mut h = Html::new();
        bar_html(&mut h, &EN);
        assert!(h.as_str().contains(">Copy quote link<"));
    }
}
