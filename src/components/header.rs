//! The page header: what the conference was, when, where, and who spoke.

use crate::components::highlight::field_marks_html;
use crate::i18n::{role_name, text, use_texts, Texts};
use crate::speaker_pages::{self, SpeakerPages};
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::facts::{chinese_date, title_block};
use shilu_core::search::Field;
use shilu_core::{Meta, Participant, Role};
use shilu_ui::context::context;
use shilu_ui::html::{attr, Html};

#[component]
pub fn ConferenceHeader() -> impl IntoView {
    let reader = context::<Reader>();
    let t = use_texts();
    // Facts and people are plain text: HTML built once per document and language.
    let facts = move || reader.doc.with(|d| facts_html(&d.meta, t()).into_string());
    let people = move || {
        let pages = speaker_pages::current(reader);
        reader
            .doc
            .with(|d| people_html(&d.participants, t(), &pages).into_string())
    };
    view! {
        <header class="conference"
            lang=move || reader.doc.with(|d| d.meta.lang_tag().to_string())>
            <h1 class="conference__title" inner_html=title_html(reader)
                data-field-of=move || reader.doc.with(|d| title_block(d).map(|b| b.id.clone()))></h1>
            <dl class="conference__facts" inner_html=facts></dl>
            <ul class="conference__people" aria-label=text(|t| t.participants) inner_html=people></ul>
        </header>
    }
}

/// The date (with the part of the day), place and organiser that are known.
pub fn facts_html(m: &Meta, t: &Texts) -> Html {
    let date = m.date.as_deref().map(|d| {
        let part = m
            .date_text
            .as_deref()
            .and_then(part_of_day)
            .unwrap_or_default();
        format!("{}{}", chinese_date(d), part)
    });
    let mut h = Html::new();
    for (k, v) in [
        (t.date, date.as_deref()),
        (t.place, m.place.as_deref()),
        (t.organiser, m.organiser.as_deref()),
    ] {
        if let Some(v) = v {
            h.open("div", &[attr("class", "conference__fact")])
                .el("dt", &[], k)
                .el("dd", &[], v)
                .close("div");
        }
    }
    h
}

/// The host and the officials, each with their title (else their role),
/// and a link to their page on a corpus site.
pub fn people_html(participants: &[Participant], t: &Texts, pages: &SpeakerPages) -> Html {
    let mut h = Html::new();
    for p in participants
        .iter()
        .filter(|p| matches!(p.role, Role::Host | Role::Official))
    {
        let class = format!("person person--{}", p.role.as_str());
        h.open("li", &[attr("class", &class)]);
        match pages.href(&p.id) {
            Some(href) => h.el(
                "a",
                &[attr("class", "person__name"), attr("href", href)],
                &p.name,
            ),
            None => h.el("span", &[attr("class", "person__name")], &p.name),
        }
        .el(
            "span",
            &[attr("class", "person__title")],
            p.title.as_deref().unwrap_or(role_name(t.common, p.role)),
        )
        .close("li");
    }
    h
}

/// The title as HTML, with its marked figures when it is the document's
/// title block (which the transcript leaves to the header; the search's
/// highlights find it by `data-field-of`).
fn title_html(reader: Reader) -> impl Fn() -> String {
    let t = use_texts();
    move || {
        reader.doc.with(|d| match title_block(d) {
            Some(b) => {
                let checks = reader.marks.get();
                field_marks_html(
                    &[],
                    None,
                    &checks,
                    &b.id,
                    Field::Text,
                    &b.text,
                    t().conflict_mark,
                    None,
                )
                .unwrap_or_else(|| Html::of_text(&b.text).into_string())
            }
            None => Html::of_text(&d.meta.title).into_string(),
        })
    }
}

/// `10月12日下午` → `下午`.
fn part_of_day(text: &str) -> Option<&'static str> {
    ["上午", "下午", "晚上", "晚", "早上", "中午"]
        .into_iter()
        .find(|p| text.ends_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, ZH};
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn facts_list_what_is_known_with_the_part_of_the_day() {
        let doc = shilu_core::structure(crate::app::SEED, None);
        let facts = facts_html(&doc.meta, &ZH);
        assert!(facts.contains("<dd>2017年10月12日下午</dd>"), "{facts}");
        assert_eq!(facts.matches("<dt>").count(), 3);
        expect![[r##"<div class="conference__fact"><dt>日期</dt><dd>2017年10月12日下午</dd></div><div class="conference__fact"><dt>地点</dt><dd>山西省</dd></div><div class="conference__fact"><dt>主办</dt><dd>省政府新闻办</dd></div>"##]].assert_eq(&facts);
        let meta = Meta {
            place: Some("<b>".into()),
            ..Meta::default()
        };
        assert_eq!(
            facts_html(&meta, &EN),
            "<div class=\"conference__fact\"><dt>Place</dt><dd>&lt;b&gt;</dd></div>"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn people_are_the_host_and_officials_with_their_titles() {
        let doc = shilu_core::structure(crate::app::SEED, None);
        let html = people_html(&doc.participants, &ZH, &SpeakerPages::default());
        assert_eq!(html.matches("<li ").count(), 5, "{html}");
        assert!(html.starts_with(
            "<li class=\"person person--official\"><span class=\"person__name\">刘志杰</span>\
             <span class=\"person__title\">省扶贫办主任</span></li>"
        ));
        assert!(html.ends_with(
            "<li class=\"person person--host\"><span class=\"person__name\">董晓林</span>\
             <span class=\"person__title\">省委宣传部副部长</span></li>"
        ));
        // Without a title, the role says who they are.
        let mut untitled = doc.participants.clone();
        untitled[0].title = None;
        assert!(
            people_html(&untitled, &EN, &SpeakerPages::default()).starts_with(
                "<li class=\"person person--official\"><span class=\"person__name\">刘志杰</span>\
             <span class=\"person__title\">Official</span></li>"
            )
        );
        assert!(!html.contains("person--journalist"));
        // On a corpus site, a name links to the speaker's page.
        let pages = SpeakerPages::new(vec![(doc.participants[0].id.clone(), "../../s/1/".into())]);
        let linked = people_html(&doc.participants, &ZH, &pages);
        assert!(linked.starts_with(
            "<li class=\"person person--official\"><a class=\"person__name\" href=\"../../s/1/\">刘志杰</a>"
        ), "{linked}");
        assert_eq!(linked.matches("<a ").count(), 1);
    }
}
