//! The checks of the figures (the core's `doc.checks`): conflicts first,
//! side by side, each side with its speaker, its sentence (the figure
//! marked) and a link to its paragraph; then the sums, shares and growth
//! rates with ✓ or ✗ and their arithmetic. Repeats are merged in the
//! figures table, so here they are only counted.
//!
//! Each check is an element with its id (`c1`), focusable, so that a mark
//! in the transcript can lead to it.

use crate::insights::mentions::mention_links;
use crate::insights::section::open_section;
use crate::texts::PanelTexts;
use shilu_core::places::place;
use shilu_core::{Check, CheckKind, CheckStatus, Document};
use shilu_ui::html::{attr, Html};

/// ✓ or ✗, with its word for screen readers.
fn status_html(h: &mut Html, status: CheckStatus, t: &PanelTexts) {
    let (class, sign, word) = match status {
        CheckStatus::Consistent => ("check__status is-ok", "✓", t.consistent),
        CheckStatus::Inconsistent => ("check__status is-bad", "✗", t.inconsistent),
    };
    h.open("span", &[attr("class", class)])
        .el("span", &[attr("aria-hidden", "true")], sign)
        .el("span", &[attr("class", "visually-hidden")], word)
        .close("span");
}

/// A conflict: its arithmetic, then each side.
fn conflict_html(h: &mut Html, doc: &Document, c: &Check, t: &PanelTexts) {
    h.open(
        "li",
        &[
            attr("class", "check check--conflict"),
            attr("id", &c.id),
            attr("tabindex", "-1"),
        ],
    )
    .open("p", &[attr("class", "check__head")]);
    status_html(h, c.status, t);
    h.text(" ")
        .el("span", &[attr("class", "check__note")], &c.note)
        .close("p")
        .open("div", &[attr("class", "check__sides")]);
    for side in c.figures.iter().filter_map(|f| place(doc, f)) {
        let f = side.figure;
        let who = f.speaker.as_deref().unwrap_or_default();
        let s = &side.sentence;
        let (a, b) = (side.within.start, side.within.end);
        let href = format!("#{}", f.block);
        let hidden = format!("（{who} {}）", f.text);
        h.open("figure", &[attr("class", "check__side")])
            .el("figcaption", &[attr("class", "check__who")], who)
            .open("blockquote", &[attr("class", "check__sentence")])
            .text(&s[..a])
            .el("mark", &[attr("class", "check__figure")], &s[a..b])
            .text(&s[b..])
            .close("blockquote")
            .open(
                "a",
                &[
                    attr("class", "block-link check__go"),
                    attr("href", &href),
                    attr("data-go", &f.block),
                ],
            )
            .text(t.see_in_transcript)
            .el("span", &[attr("class", "visually-hidden")], &hidden)
            .close("a")
            .close("figure");
    }
    h.close("div").close("li");
}

/// A sum, share or growth check: ✓ or ✗, its kind, its arithmetic and
/// links to its paragraphs.
fn arithmetic_html(h: &mut Html, c: &Check, t: &PanelTexts) {
    let kind = match c.kind {
        CheckKind::Sum => t.kind_sum,
        CheckKind::Share => t.kind_share,
        _ => t.kind_growth,
    };
    let class = match c.status {
        CheckStatus::Consistent => "check",
        CheckStatus::Inconsistent => "check is-inconsistent",
    };
    h.open(
        "li",
        &[
            attr("class", class),
            attr("id", &c.id),
            attr("tabindex", "-1"),
        ],
    );
    status_html(h, c.status, t);
    h.text(" ")
        .el("span", &[attr("class", "check__kind")], kind)
        .text(" ")
        .el("span", &[attr("class", "check__note")], &c.note)
        .text(" ");
    mention_links(h, &c.blocks, t);
    h.close("li");
}

/// The section (an `h3`, then an `h4` for the conflicts and one for the
/// arithmetic).
pub fn checks_html(doc: &Document, t: &PanelTexts) -> Html {
    let is = |k: CheckKind| move |c: &&Check| c.kind == k;
    let conflicts: Vec<&Check> = doc.checks.iter().filter(is(CheckKind::Conflict)).collect();
    let arithmetic: Vec<&Check> = doc
        .checks
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                CheckKind::Sum | CheckKind::Share | CheckKind::Growth
            )
        })
        .collect();
    let repeats = doc.checks.iter().filter(is(CheckKind::Repeat)).count();
    let mut h = Html::new();
    open_section(&mut h, "checks", "checks", t.checks_heading).el(
        "h4",
        &[attr("class", "checks__title")],
        t.conflicts_heading,
    );
    if conflicts.is_empty() {
        h.el("p", &[attr("class", "insights__empty")], t.no_conflicts);
    } else {
        h.open(
            "ol",
            &[attr("class", "checks__list checks__list--conflicts")],
        );
        for c in conflicts {
            conflict_html(&mut h, doc, c, t);
        }
        h.close("ol");
    }
    h.el(
        "h4",
        &[attr("class", "checks__title")],
        t.arithmetic_heading,
    );
    if arithmetic.is_empty() {
        h.el("p", &[attr("class", "insights__empty")], t.no_arithmetic);
    } else {
        h.open("ul", &[attr("class", "checks__list")]);
        for c in arithmetic {
            arithmetic_html(&mut h, c, t);
        }
        h.close("ul");
    }
    if repeats > 0 {
        h.el(
            "p",
            &[attr("class", "checks__repeats")],
            &(t.repeats_note)(repeats),
        );
    }
    h.close("section");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::{PANEL_EN, PANEL_ZH};
    use expect_test::expect;

    fn seed() -> Document {
        shilu_core::analysed(crate::SEED, None)
    }

    /// The part of `h` from the element that opens with `from` to the end
    /// of the first `to` after it.
    fn part<'a>(h: &'a str, from: &str, to: &str) -> &'a str {
        let a = h.find(from).unwrap();
        let b = a + h[a..].find(to).unwrap() + to.len();
        &h[a..b]
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_conflict_shows_both_sides_and_links_both_paragraphs() {
        let doc = seed();
        let h = checks_html(&doc, &PANEL_ZH);
        let conflict = part(&h, "<li class=\"check check--conflict\"", "</li>");
        assert_eq!(conflict.matches("<figure").count(), 2);
        assert!(conflict.contains("data-go=\"t2-b11\"") && conflict.contains("data-go=\"t9-b2\""));
        assert!(conflict.contains("<mark class=\"check__figure\">22.8%</mark>"));
        assert!(conflict.contains("<mark class=\"check__figure\">22.6%</mark>"));
        assert!(conflict.contains("<figcaption class=\"check__who\">刘志杰</figcaption>"));
        assert!(conflict.contains("<figcaption class=\"check__who\">高耀东</figcaption>"));
        // The sign has its word for screen readers.
        assert!(conflict.contains(
            "<span aria-hidden=\"true\">✗</span><span class=\"visually-hidden\">不一致</span>"
        ));
        let head = part(conflict, "<li", "</p>");
        expect![[r##"<li class="check check--conflict" id="c1" tabindex="-1"><p class="check__head"><span class="check__status is-bad"><span aria-hidden="true">✗</span><span class="visually-hidden">不一致</span></span> <span class="check__note">扶贫周转金: 22.8% (刘志杰) ≠ 22.6% (高耀东)</span></p>"##]].assert_eq(head);
        let link = part(conflict, "<a class=\"block-link check__go\"", "</a>");
        expect![[r##"<a class="block-link check__go" href="#t2-b11" data-go="t2-b11">查看原文<span class="visually-hidden">（刘志杰 22.8%）</span></a>"##]].assert_eq(link);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn conflicts_come_first_then_the_arithmetic_each_with_its_sign() {
        let doc = seed();
        let h = checks_html(&doc, &PANEL_ZH);
        // Headings in order: the section, then its two parts.
        let h3 = h.find("<h3").unwrap();
        let h4s: Vec<usize> = h.match_indices("<h4").map(|(i, _)| i).collect();
        assert_eq!(h4s.len(), 2);
        assert!(h3 < h4s[0] && h.find("check--conflict").unwrap() < h4s[1]);
        // Every sum, share and growth is listed, with its id, ✓ and note.
        let arithmetic = &h[h4s[1]..];
        for id in ["c2", "c3", "c4", "c5", "c6"] {
            assert!(arithmetic.contains(&format!("id=\"{id}\"")), "{id}");
        }
        assert_eq!(arithmetic.matches("✓").count(), 5);
        assert!(!arithmetic.contains("✗"));
        assert!(arithmetic.contains("4.88亿元 ÷ 21.6亿元 = 22.59% ≈ 22.6%"));
        let share = part(arithmetic, "<li class=\"check\" id=\"c6\"", "</li>");
        expect![[r##"<li class="check" id="c6" tabindex="-1"><span class="check__status is-ok"><span aria-hidden="true">✓</span><span class="visually-hidden">一致</span></span> <span class="check__kind">占比</span> <span class="check__note">4.88亿元 ÷ 21.6亿元 = 22.59% ≈ 22.6%</span> <span class="mentions"><a class="block-link mentions__link" href="#t9-b1" data-go="t9-b1">第1处</a> <a class="block-link mentions__link" href="#t9-b2" data-go="t9-b2">第2处</a></span></li>"##]].assert_eq(share);
        // Repeats are counted, not listed.
        assert!(h.contains("另有 19 组数字重复出现"), "{h}");
        assert!(!h.contains("id=\"c7\""));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn without_checks_each_part_says_so() {
        let doc = shilu_core::analysed("主持人：各位好。\n", None);
        let h = checks_html(&doc, &PANEL_EN);
        expect![[r##"<section class="insights__section checks" aria-labelledby="checks-title"><h3 class="insights__title" id="checks-title">Checks</h3><h4 class="checks__title">Conflicting figures</h4><p class="insights__empty">No figure is given with two different values.</p><h4 class="checks__title">Arithmetic</h4><p class="insights__empty">No figures to check against each other.</p></section>"##]].assert_eq(&h);
    }
}
