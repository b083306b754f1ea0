//! Who spoke how much: turns and characters per participant, as a bar chart
//! (an SVG rectangle per bar, its width an attribute: a `style` attribute
//! would be blocked by a strict CSP) with the numbers written out.

use crate::insights::section::open_section;
use crate::texts::PanelTexts;
use shilu_core::{Document, Role};
use shilu_ui::html::{attr, Html};
use shilu_ui::i18n::role_name;

/// One participant's share of the conference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerStat {
    pub name: String,
    pub title: Option<String>,
    pub role: Role,
    pub turns: usize,
    /// Characters spoken, whitespace not counted.
    pub chars: usize,
    /// The first turn, to link to.
    pub first_turn: Option<String>,
}

/// Every participant who speaks, in order of appearance.
pub fn speaker_stats(doc: &Document) -> Vec<SpeakerStat> {
    doc.participants
        .iter()
        .map(|p| {
            let turns: Vec<_> = doc.turns.iter().filter(|t| t.participant == p.id).collect();
            let chars = turns
                .iter()
                .flat_map(|t| &t.blocks)
                .map(|b| b.full_text().chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            SpeakerStat {
                name: p.name.clone(),
                title: p.title.clone(),
                role: p.role,
                turns: turns.len(),
                chars,
                first_turn: turns.first().map(|t| t.id.clone()),
            }
        })
        .filter(|s| s.turns > 0)
        .collect()
}

/// `57.3%`: `part` of `whole` in tenths of a percent, rounded, written
/// with integers only (float formatting costs wasm).
pub fn bar_width(part: usize, whole: usize) -> String {
    let whole = whole.max(1);
    let tenths = (part * 1000 + whole / 2) / whole;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// The section: a row per speaker with a link to their first turn, their
/// role and title, a bar of their share (the longest is full) and the counts.
pub fn speaker_stats_html(stats: &[SpeakerStat], t: &PanelTexts) -> Html {
    let mut h = Html::new();
    open_section(&mut h, "speaker-stats", "speaker-stats", t.speaker_stats)
        .open("ul", &[attr("class", "speaker-stats__list")]);
    let max = stats.iter().map(|s| s.chars).max().unwrap_or(0);
    for s in stats {
        let row = format!("speaker-stats__row speaker--{}", s.role.as_str());
        h.open("li", &[attr("class", &row)])
            .open("div", &[attr("class", "speaker-stats__who")]);
        match &s.first_turn {
            Some(turn) => h.block_link(turn, "speaker-stats__name", &s.name),
            None => h.el("span", &[attr("class", "speaker-stats__name")], &s.name),
        };
        h.el(
            "span",
            &[attr("class", "speaker-stats__role")],
            role_name(t.common, s.role),
        );
        if let Some(title) = &s.title {
            h.el("span", &[attr("class", "speaker-stats__title")], title);
        }
        let numbers = format!(
            "{} · {}",
            (t.common.turns_count)(s.turns),
            (t.chars_count)(s.chars)
        );
        h.close("div")
            .open(
                "svg",
                &[
                    attr("class", "speaker-stats__bar"),
                    attr("aria-hidden", "true"),
                ],
            )
            .empty(
                "rect",
                &[
                    attr("width", &bar_width(s.chars, max)),
                    attr("height", "100%"),
                ],
            )
            .close("svg")
            .el("div", &[attr("class", "speaker-stats__numbers")], &numbers)
            .close("li");
    }
    h.close("ul").close("section");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn bars_are_tenths_of_a_percent_of_the_longest() {
        assert_eq!(bar_width(10, 10), "100.0%");
        assert_eq!(bar_width(1, 3), "33.3%");
        assert_eq!(bar_width(2, 3), "66.7%");
        assert_eq!(bar_width(0, 0), "0.0%");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn rows_link_the_first_turn_and_write_the_counts() {
        let stats = [
            SpeakerStat {
                name: "刘<志杰>".into(),
                title: Some("副主任".into()),
                role: Role::Official,
                turns: 1,
                chars: 200,
                first_turn: Some("t3".into()),
            },
            SpeakerStat {
                name: "记者".into(),
                title: None,
                role: Role::Journalist,
                turns: 2,
                chars: 50,
                first_turn: None,
            },
        ];
        let h = speaker_stats_html(&stats, &PANEL_ZH).into_string();
        assert!(h.starts_with("<section class=\"insights__section speaker-stats\" aria-labelledby=\"speaker-stats-title\"><h3 class=\"insights__title\" id=\"speaker-stats-title\">发言统计</h3>"), "{h}");
        assert!(h.contains("<li class=\"speaker-stats__row speaker--official\"><div class=\"speaker-stats__who\"><a class=\"block-link speaker-stats__name\" href=\"#t3\" data-go=\"t3\">刘&lt;志杰&gt;</a>"), "{h}");
        assert!(h.contains("<span class=\"speaker-stats__title\">副主任</span></div><svg class=\"speaker-stats__bar\" aria-hidden=\"true\"><rect width=\"100.0%\" height=\"100%\"/></svg><div class=\"speaker-stats__numbers\">1 次发言 · 200 字</div></li>"), "{h}");
        assert!(
            h.contains("<span class=\"speaker-stats__name\">记者</span>"),
            "{h}"
        );
        assert!(h.contains("<rect width=\"25.0%\""), "{h}");
        assert!(h.ends_with("</ul></section>"), "{h}");
    }
}
