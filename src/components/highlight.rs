//! Text with the search matches inside it marked.
//!
//! A field's content is HTML ([`marked_html`]): the text escaped, each
//! match in a `<mark>`, and each figure the panels' module marks (a side of
//! a conflict, see `shilu_ui::marks`) a link to its check. It is set as the
//! content of the element that holds the field (the transcript's
//! `transcript::marks`, the header's title), so a match costs no view of its
//! own.

use shilu_core::search::{hits_in, Field, Hit};
use shilu_ui::html::{act, attr, num, opt, Action, Html};
use shilu_ui::marks::in_field;
use std::ops::Range;

/// A click on a marked figure: show its check (`c1`) in the insights.
#[derive(Debug, PartialEq)]
pub struct ShowCheck(pub String);

impl Action for ShowCheck {
    fn write(&self) -> (&'static str, Option<String>) {
        ("check", Some(self.0.clone()))
    }
    fn read(name: &str, arg: Option<&str>) -> Option<ShowCheck> {
        match (name, arg) {
            ("check", Some(id)) => Some(ShowCheck(id.into())),
            _ => None,
        }
    }
}

/// `text` escaped, with each of `marks` (index among all hits, byte range)
/// wrapped in `<mark data-hit="i">` (the `current` one is `is-current`),
/// and each of `checks` (byte range, check id, in order and within `text`:
/// see `shilu_ui::marks::in_field`) a link to its check, `hint` said after
/// it to screen readers. A figure that a match overlaps is not linked while
/// the match shows: the search keeps every mark.
pub fn marked_html(
    text: &str,
    marks: &[(usize, Range<usize>)],
    current: Option<usize>,
    checks: &[(Range<usize>, &str)],
    hint: &str,
) -> Html {
    quoted_html(text, None, marks, current, checks, hint)
}

/// [`marked_html`] with the passage `quote` (a byte range of `text`, see
/// `shilu_core::quote`), if any, in a `<mark class="quote">`: the matches
/// and figures inside it stay marked (a match across its edge is marked on
/// each side of it, a figure across it is not linked).
pub fn quoted_html(
    text: &str,
    quote: Option<Range<usize>>,
    marks: &[(usize, Range<usize>)],
    current: Option<usize>,
    checks: &[(Range<usize>, &str)],
    hint: &str,
) -> Html {
    let mut h = Html::new();
    let part =
        |h: &mut Html, span: Range<usize>| marked_into(h, text, span, marks, current, checks, hint);
    match quote {
        Some(q) => {
            part(&mut h, 0..q.start);
            h.open("mark", &[attr("class", "quote")]);
            part(&mut h, q.clone());
            h.close("mark");
            part(&mut h, q.end..text.len());
        }
        None => part(&mut h, 0..text.len()),
    }
    h
}

/// The part `span` of `text`, marked: the marks clipped to it, the figures
/// wholly inside it.
fn marked_into(
    h: &mut Html,
    text: &str,
    span: Range<usize>,
    marks: &[(usize, Range<usize>)],
    current: Option<usize>,
    checks: &[(Range<usize>, &str)],
    hint: &str,
) {
    let mut pos = span.start;
    let mut links = checks
        .iter()
        .filter(|(c, _)| {
            span.start <= c.start
                && c.end <= span.end
                && marks
                    .iter()
                    .all(|(_, r)| r.end <= c.start || c.end <= r.start)
        })
        .peekable();
    // The links before `until`.
    let mut link_to = |h: &mut Html, pos: &mut usize, until: usize| {
        while let Some((r, id)) = links.next_if(|(r, _)| r.start >= *pos && r.end <= until) {
            let href = format!("#{id}");
            h.text(&text[*pos..r.start])
                .open(
                    "a",
                    &[
                        attr("class", "check-mark"),
                        attr("href", &href),
                        act(&ShowCheck(id.to_string())),
                    ],
                )
                .text(&text[r.clone()])
                .el("span", &[attr("class", "visually-hidden")], hint)
                .close("a");
            *pos = r.end;
        }
    };
    for (i, r) in marks {
        let (from, to) = (r.start.max(span.start), r.end.min(span.end));
        if from >= to {
            continue;
        }
        link_to(h, &mut pos, from);
        let class = (current == Some(*i)).then_some("is-current");
        h.text(&text[pos..from]).el(
            "mark",
            &[opt("class", class), num("data-hit", *i as i64)],
            &text[from..to],
        );
        pos = to;
    }
    link_to(h, &mut pos, span.end);
    h.text(&text[pos..span.end]);
}

/// The hits in one field of `block`, numbered from `first` (the index among
/// all hits of the first of `hits`): the block's hits are found by binary
/// search in the reading-ordered hits (`search::hits_in`), so a field looks
/// at its own hits only.
pub fn marks_of(
    hits: &[Hit],
    block: &str,
    field: Field,
    first: usize,
) -> Vec<(usize, Range<usize>)> {
    hits_in(hits, block)
        .filter(|&i| hits[i].field == field)
        .map(|i| (first + i, hits[i].range.clone()))
        .collect()
}

/// One field's text as marked HTML: the matches among `hits` that fall in
/// it (the `current` one apart), the marked figures of `checks` (see
/// `shilu_ui::marks`), the `hint` said after each figure, and the reader's
/// `quote` (a byte range of `text`) around them; `None` when the field has
/// none of them, and shows its plain text.
#[allow(clippy::too_many_arguments)]
pub fn field_marks_html(
    hits: &[Hit],
    current: Option<usize>,
    checks: &str,
    block: &str,
    field: Field,
    text: &str,
    hint: &str,
    quote: Option<Range<usize>>,
) -> Option<String> {
    let marks = marks_of(hits, block, field, 0);
    let figures = in_field(checks, block, field, text);
    if marks.is_empty() && figures.is_empty() && quote.is_none() {
        return None;
    }
    let current = if marks.is_empty() { None } else { current };
    let hint = if figures.is_empty() { "" } else { hint };
    Some(quoted_html(text, quote, &marks, current, &figures, hint).into_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn matches_are_marked_the_current_one_apart_and_the_rest_escaped() {
        let text = "光伏<扶贫>与光伏";
        assert_eq!(
            marked_html(text, &[], None, &[], ""),
            "光伏&lt;扶贫&gt;与光伏"
        );
        let second = text.rfind("光伏").unwrap();
        let marks = [(3, 0..6), (4, second..second + 6)];
        let html = marked_html(text, &marks, Some(4), &[], "");
        assert_eq!(html.matches("<mark").count(), 2);
        assert_eq!(html.matches("is-current").count(), 1);
        expect![[r##"<mark data-hit="3">光伏</mark>&lt;扶贫&gt;与<mark class="is-current" data-hit="4">光伏</mark>"##]].assert_eq(&html);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_quote_is_marked_around_the_matches_and_figures_inside_it() {
        let text = "占22.8%，共4.88亿元<";
        let fig = text.find("22.8%").unwrap();
        let quote = fig..text.find("4.88").unwrap();
        let html = quoted_html(
            text,
            Some(quote.clone()),
            &[],
            None,
            &[(fig..fig + 5, "c1")],
            "！",
        );
        expect![[r##"占<mark class="quote"><a class="check-mark" href="#c1" data-act="check" data-arg="c1">22.8%<span class="visually-hidden">！</span></a>，共</mark>4.88亿元&lt;"##]].assert_eq(&html);
        // A match across the quote's end is marked on both sides of it.
        let html = quoted_html(
            text,
            Some(quote.clone()),
            &[(0, quote.end - 3..quote.end + 1)],
            Some(0),
            &[],
            "",
        );
        expect![[r##"占<mark class="quote">22.8%，<mark class="is-current" data-hit="0">共</mark></mark><mark class="is-current" data-hit="0">4</mark>.88亿元&lt;"##]].assert_eq(&html);
        // The whole text quoted.
        let html = quoted_html(text, Some(0..text.len()), &[], None, &[], "");
        assert_eq!(
            html.into_string(),
            "<mark class=\"quote\">占22.8%，共4.88亿元&lt;</mark>"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_field_finds_its_own_marks() {
        let hit = |block: &str, field, range: Range<usize>| Hit {
            block: block.into(),
            field,
            range,
        };
        // In reading order, as the search gives them.
        let hits = [
            hit("f1", Field::Text, 0..3),
            hit("t1-b1", Field::Text, 0..3),
            hit("t1-b1", Field::Text, 6..9),
            hit("t1-b2", Field::Heading, 0..3),
            hit("t1-b2", Field::Text, 3..6),
            hit("t2-b1", Field::Text, 1..2),
        ];
        assert_eq!(marks_of(&hits, "t1-b2", Field::Text, 0), [(4, 3..6)]);
        assert_eq!(marks_of(&hits, "f1", Field::Text, 0), [(0, 0..3)]);
        assert_eq!(marks_of(&hits, "t2-b1", Field::Text, 0), [(5, 1..2)]);
        assert_eq!(
            marks_of(&hits, "t1-b1", Field::Text, 0),
            [(1, 0..3), (2, 6..9)]
        );
        assert!(marks_of(&hits, "t1-b1", Field::Note, 0).is_empty());
        // A part's hits (here from the second on) keep their index among all.
        assert_eq!(marks_of(&hits[1..], "t1-b2", Field::Text, 1), [(4, 3..6)]);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_marked_figure_links_its_check_unless_a_match_overlaps_it() {
        let text = "占22.8%，共4.88亿元";
        let fig = text.find("22.8%").unwrap();
        let checks = [(fig..fig + 5, "c1")];
        let html = marked_html(text, &[], None, &checks, "（说法不一）");
        assert_eq!(
            html.matches("data-act=\"check\" data-arg=\"c1\"").count(),
            1
        );
        assert!(html.contains("href=\"#c1\""));
        expect![[r##"占<a class="check-mark" href="#c1" data-act="check" data-arg="c1">22.8%<span class="visually-hidden">（说法不一）</span></a>，共4.88亿元"##]].assert_eq(&html);
        let (name, arg) = ShowCheck("c1".into()).write();
        assert_eq!(
            ShowCheck::read(name, arg.as_deref()),
            Some(ShowCheck("c1".into()))
        );
        // While a match overlaps the figure, the match shows, not the link.
        let html = marked_html(text, &[(0, 0..5)], Some(0), &checks, "");
        assert!(!html.contains("<a"), "{html}");
        // A match elsewhere in the field leaves it linked.
        let html = marked_html(
            text,
            &[(0, 0..3), (1, fig + 8..fig + 11)],
            None,
            &checks,
            "",
        );
        expect![[r##"<mark data-hit="0">占</mark><a class="check-mark" href="#c1" data-act="check" data-arg="c1">22.8%<span class="visually-hidden"></span></a>，<mark data-hit="1">共</mark>4.88亿元"##]].assert_eq(&html);
    }
}
