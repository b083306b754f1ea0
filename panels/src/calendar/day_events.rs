//! The chosen day's events, below the month grid.

use crate::calendar::event_item::event_list_html;
use crate::calendar::model::{event_span, events_on, weekday};
use crate::calendar::state::{html_of, CalendarData, CalendarState};
use crate::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_ui::html::{attr, Html, Region};

/// A live region: its content changes with the chosen day.
pub fn day_events(cal: CalendarState) -> impl IntoView {
    let t = use_panel_texts();
    let body = html_of(cal, |cal, t| {
        let day = cal.selected();
        cal.data.with(|data| day_events_html(data, day, t))
    });
    view! {
        <section class="day-events" aria-live="polite" aria-label=move || t().chosen_day>
            <Region html=body/>
        </section>
    }
}

/// The chosen day as a heading and its events, or a hint to choose one.
pub fn day_events_html(data: &CalendarData, day: Option<Date>, t: &PanelTexts) -> Html {
    let mut h = Html::new();
    let Some(day) = day else {
        h.el("p", &[attr("class", "day-events__hint")], t.choose_day);
        return h;
    };
    let mut on = events_on(&data.events, day);
    // Events of that very day first, then the longer ones covering it.
    // `on` is in event order; the index breaks ties as a stable sort would.
    on.sort_unstable_by_key(|&i| {
        (
            event_span(&data.events[i]).map(|(s, e)| (e.to_days() - s.to_days(), s)),
            i,
        )
    });
    h.open("h3", &[attr("class", "day-events__title")])
        .text(&(t.date_full)(day.year, day.month, day.day))
        .text(" ")
        .text(t.weekdays[weekday(day)]);
    if let Some(n) = data.named_day(day) {
        h.text(" · ").text(n);
    }
    h.close("h3");
    if on.is_empty() {
        h.el(
            "p",
            &[attr("class", "day-events__none")],
            t.no_events_on_day,
        );
    } else {
        event_list_html(&mut h, &data.events, &on, t);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_chosen_day_lists_its_events_that_day_first() {
        let data = CalendarData::new(&shilu_core::analysed(crate::SEED, None));
        assert_eq!(
            day_events_html(&data, None, &PANEL_ZH),
            format!("<p class=\"day-events__hint\">{}</p>", PANEL_ZH.choose_day)
        );
        let html = day_events_html(&data, Date::new(2017, 10, 17), &PANEL_ZH);
        let title = &html[..html.find("</h3>").unwrap() + 5];
        assert!(title.contains("全国扶贫日"), "{title}");
        expect![[r##"<h3 class="day-events__title">2017年10月17日 星期二 · 全国扶贫日</h3>"##]]
            .assert_eq(title);
        let forum = html.find("攻坚深度贫困论坛").expect("the forum");
        let five = html
            .find("五进")
            .expect("the month-long activity covers the day");
        assert!(forum < five, "the day's own events come first");
        assert!(html.contains("文艺节目汇演"));
        assert!(html.contains(PANEL_ZH.lead_unit));
        assert!(html.contains("data-go=\"t"));
        let none = day_events_html(&data, Date::new(2017, 7, 3), &PANEL_ZH);
        assert!(none.ends_with(&format!(
            "<p class=\"day-events__none\">{}</p>",
            PANEL_ZH.no_events_on_day
        )));
    }
}
