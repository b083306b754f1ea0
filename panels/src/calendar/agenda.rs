//! The agenda: every event grouped by date, undated plan activities last.
//! The list form of the calendar, for narrow screens and screen readers.

use crate::calendar::event_item::event_list_html;
use crate::calendar::model::{event_span, weekday};
use crate::calendar::state::{html_of, CalendarData, CalendarState};
use crate::texts::PanelTexts;
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_ui::html::{attr, Html, Region};
use std::collections::BTreeMap;

/// Where an event is listed: under its first day, or, when it covers whole
/// months (`8月份`, `9—10月份`), under its first month, before that month's days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgendaKey {
    pub start: Date,
    pub whole_months: bool,
}

impl AgendaKey {
    fn of(e: &shilu_core::Event) -> Option<AgendaKey> {
        let (s, t) = event_span(e)?;
        let whole_months = t > s && s.day == 1 && t == Date::last_of_month(t.year, t.month);
        Some(AgendaKey {
            start: s,
            whole_months,
        })
    }
}

/// Event indices grouped by where they are listed, and the undated ones.
pub fn group_by_date(events: &[shilu_core::Event]) -> (Vec<(AgendaKey, Vec<usize>)>, Vec<usize>) {
    let mut dated: BTreeMap<(Date, bool), Vec<usize>> = BTreeMap::new();
    let mut undated = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match AgendaKey::of(e) {
            // `false` sorts first: whole months lead their month.
            Some(k) => dated.entry((k.start, !k.whole_months)).or_default().push(i),
            None => undated.push(i),
        }
    }
    let dated = dated
        .into_iter()
        .map(|((start, day), ids)| {
            (
                AgendaKey {
                    start,
                    whole_months: !day,
                },
                ids,
            )
        })
        .collect();
    (dated, undated)
}

/// The agenda section, built as HTML.
pub fn agenda(cal: CalendarState) -> impl IntoView {
    let html = html_of(cal, |cal, t| cal.data.with(|data| agenda_html(data, t)));
    view! { <Region html=html/> }
}

/// `<section class="agenda">`: a heading per date (or whole month), its
/// events, and the undated ones last.
pub fn agenda_html(data: &CalendarData, t: &PanelTexts) -> Html {
    let mut h = Html::new();
    h.open(
        "section",
        &[
            attr("class", "agenda"),
            attr("aria-labelledby", "agenda-title"),
        ],
    )
    .el(
        "h3",
        &[
            attr("class", "calendar__section-title"),
            attr("id", "agenda-title"),
        ],
        t.agenda,
    )
    .open("ol", &[attr("class", "agenda__list")]);
    let (dated, undated) = group_by_date(&data.events);
    for (key, ids) in &dated {
        let d = key.start;
        let named = if key.whole_months {
            None
        } else {
            data.named_day(d)
        };
        let class = if named.is_some() {
            "agenda__day is-named"
        } else {
            "agenda__day"
        };
        h.open("li", &[attr("class", class)])
            .open("h4", &[attr("class", "agenda__date")]);
        if key.whole_months {
            h.text(&(t.month_title)(d.year, d.month));
        } else {
            h.text(&(t.date_full)(d.year, d.month, d.day))
                .text(" ")
                .text(t.weekdays[weekday(d)]);
        }
        if let Some(n) = named {
            h.text(" · ").text(n);
        }
        h.close("h4");
        event_list_html(&mut h, &data.events, ids, t);
        h.close("li");
    }
    if !undated.is_empty() {
        h.open("li", &[attr("class", "agenda__day agenda__day--undated")])
            .el("h4", &[attr("class", "agenda__date")], t.undated_heading);
        event_list_html(&mut h, &data.events, &undated, t);
        h.close("li");
    }
    h.close("ol").close("section");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use shilu_core::Event;

    fn ev(start: Option<&str>, end: Option<&str>) -> Event {
        Event {
            start: start.map(Into::into),
            end: end.map(Into::into),
            ..Event::default()
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn whole_months_lead_their_month_and_undated_come_last() {
        let events = [
            ev(Some("2017-09-04"), Some("2017-09-05")),
            ev(None, None),
            ev(Some("2017-09-01"), None),
            ev(Some("2017-09-01"), Some("2017-10-31")),
            ev(Some("2017-08-31"), None),
        ];
        let (dated, undated) = group_by_date(&events);
        let keys: Vec<(String, bool, Vec<usize>)> = dated
            .into_iter()
            .map(|(k, ids)| (k.start.iso(), k.whole_months, ids))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("2017-08-31".into(), false, vec![4]),
                ("2017-09-01".into(), true, vec![3]),
                ("2017-09-01".into(), false, vec![2]),
                ("2017-09-04".into(), false, vec![0]),
            ]
        );
        assert_eq!(undated, vec![1]);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_agenda_lists_every_event_under_its_date() {
        use crate::texts::PANEL_ZH;
        let data = CalendarData::new(&shilu_core::analysed(crate::SEED, None));
        let html = agenda_html(&data, &PANEL_ZH);
        assert!(html.starts_with(&format!(
            "<section class=\"agenda\" aria-labelledby=\"agenda-title\"><h3 class=\"calendar__section-title\" id=\"agenda-title\">{}</h3><ol class=\"agenda__list\">",
            PANEL_ZH.agenda
        )));
        assert!(html.ends_with("</ol></section>"));
        assert!(html.contains(
            "<li class=\"agenda__day is-named\"><h4 class=\"agenda__date\">2017年10月17日 星期二 · 全国扶贫日</h4><ul class=\"cal-events\">"
        ));
        assert!(html.contains(&format!(
            "<li class=\"agenda__day agenda__day--undated\"><h4 class=\"agenda__date\">{}</h4>",
            PANEL_ZH.undated_heading
        )));
        assert_eq!(
            html.matches("<li class=\"cal-event").count(),
            data.events.len(),
            "every event once"
        );
    }
}
