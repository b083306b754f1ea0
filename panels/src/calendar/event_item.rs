//! One event in a list (the chosen day, the agenda): when, what, who leads,
//! and its label as a link to the paragraph it comes from. Written as HTML
//! (see [`crate::html`]).

use crate::calendar::model::{event_span, is_approximate, is_multi_day};
use crate::texts::{PanelTexts, PANEL_ZH};
use shilu_core::{Event, Status};
use shilu_ui::html::{attr, Html};

/// The hidden note after an approximate date: `（大致日期）`.
pub fn approx_note(h: &mut Html, t: &PanelTexts) {
    h.open("span", &[attr("class", "visually-hidden")])
        .text("（")
        .text(t.approximate)
        .text("）")
        .close("span");
}

/// `<ul class="cal-events">` of the events at `ids`.
pub fn event_list_html(h: &mut Html, events: &[Event], ids: &[usize], t: &PanelTexts) {
    h.open("ul", &[attr("class", "cal-events")]);
    for &i in ids {
        event_item_html(h, &events[i], t);
    }
    h.close("ul");
}

/// One event as an `<li class="cal-event">`.
pub fn event_item_html(h: &mut Html, event: &Event, t: &PanelTexts) {
    let approx = is_approximate(event);
    let planned = event.status == Some(Status::Planned);
    let class = format!(
        "cal-event{}{}{}",
        if event.activity {
            " cal-event--activity"
        } else {
            ""
        },
        if approx { " is-approx" } else { "" },
        if planned { " is-planned" } else { "" },
    );
    h.open("li", &[attr("class", &class)])
        .open("span", &[attr("class", "cal-event__when")]);
    if approx {
        h.el(
            "span",
            &[
                attr("class", "cal-event__approx"),
                attr("aria-hidden", "true"),
            ],
            "≈",
        );
    }
    match event_span(event) {
        None => {
            h.text(t.undated);
        }
        // The days a range resolves to, unless the phrase already says them.
        Some((s, e))
            if is_multi_day(event)
                && !event
                    .phrase
                    .contains(&(PANEL_ZH.date_short)(s.month, s.day)) =>
        {
            h.text(&event.phrase)
                .text("（")
                .text(&(t.date_short)(s.month, s.day))
                .text(t.until)
                .text(&(t.date_short)(e.month, e.day))
                .text("）");
        }
        Some(_) => {
            h.text(&event.phrase);
        }
    }
    if approx {
        approx_note(h, t);
    }
    h.close("span")
        .block_link(&event.block, "cal-event__label", &event.label)
        .open("span", &[attr("class", "cal-event__meta")]);
    if let Some(u) = &event.lead_unit {
        h.open("span", &[attr("class", "cal-event__lead")])
            .text(t.lead_unit)
            .text("：")
            .text(u)
            .close("span");
    }
    if let Some(s) = &event.speaker {
        h.el("span", &[attr("class", "cal-event__speaker")], s);
    }
    let status = match event.status {
        Some(Status::Planned) => t.planned,
        Some(Status::Done) => t.done,
        None => "",
    };
    h.el(
        "span",
        &[attr(
            "class",
            if planned {
                "cal-event__status is-planned"
            } else {
                "cal-event__status"
            },
        )],
        status,
    )
    .close("span")
    .close("li");
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;
    use shilu_core::Precision;

    fn ev() -> Event {
        Event {
            start: Some("2017-09-01".into()),
            end: Some("2017-10-31".into()),
            precision: Some(Precision::Approximate),
            phrase: "9—10月份".into(),
            label: "开展<五进>活动".into(),
            speaker: Some("董晓林".into()),
            lead_unit: Some("省扶贫办".into()),
            block: "t4-b11".into(),
            status: Some(Status::Planned),
            activity: true,
            ..Event::default()
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn an_event_says_when_what_and_who_and_links_back() {
        let mut h = Html::new();
        event_item_html(&mut h, &ev(), &PANEL_ZH);
        let h = h.into_string();
        // When (approximate, with its span), what (escaped, a link back),
        // who leads, who said it, and that it is planned.
        assert!(
            h.contains(&format!("9月1日{}10月31日", PANEL_ZH.until)),
            "{h}"
        );
        assert!(
            h.contains("data-go=\"t4-b11\">开展&lt;五进&gt;活动</a>"),
            "{h}"
        );
        assert!(
            h.contains(&format!("{}：省扶贫办", PANEL_ZH.lead_unit)),
            "{h}"
        );
        assert!(h.contains("董晓林") && h.contains(PANEL_ZH.planned), "{h}");
        expect![[r##"<li class="cal-event cal-event--activity is-approx is-planned"><span class="cal-event__when"><span class="cal-event__approx" aria-hidden="true">≈</span>9—10月份（9月1日至10月31日）<span class="visually-hidden">（大致日期）</span></span><a class="block-link cal-event__label" href="#t4-b11" data-go="t4-b11">开展&lt;五进&gt;活动</a><span class="cal-event__meta"><span class="cal-event__lead">牵头单位：省扶贫办</span><span class="cal-event__speaker">董晓林</span><span class="cal-event__status is-planned">计划</span></span></li>"##]].assert_eq(&h);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn an_undated_event_says_so_and_keeps_an_empty_status() {
        let mut e = ev();
        e.start = None;
        e.end = None;
        e.precision = None;
        e.status = None;
        e.lead_unit = None;
        e.speaker = None;
        let mut h = Html::new();
        event_item_html(&mut h, &e, &PANEL_ZH);
        let h = h.into_string();
        assert!(h.contains(&format!(
            "<span class=\"cal-event__when\">{}</span>",
            PANEL_ZH.undated
        )));
        assert!(h.ends_with(
            "<span class=\"cal-event__meta\"><span class=\"cal-event__status\"></span></span></li>"
        ));
    }
}
