//! The agenda: every event grouped by date, undated plan activities last.
//! The list form of the calendar, for narrow screens and screen readers.

use crate::i18n::use_texts;
use crate::panels::calendar::CalendarState;
use crate::panels::calendar_model::{event_span, weekday};
use crate::panels::event_item::EventItem;
use leptos::prelude::*;
use shilu_core::dates::Date;
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

#[component]
pub fn Agenda(cal: CalendarState) -> impl IntoView {
    let t = use_texts();
    let groups = move || {
        let t = t();
        cal.data.with(|data| {
            let (dated, undated) = group_by_date(&data.events);
            let items = |ids: &[usize]| {
                ids.iter()
                    .map(|&i| view! { <EventItem event=data.events[i].clone()/> })
                    .collect_view()
            };
            let days = dated
                .iter()
                .map(|(key, ids)| {
                    let d = key.start;
                    let named = if key.whole_months {
                        None
                    } else {
                        data.named_day(d)
                    };
                    let mut title = if key.whole_months {
                        (t.month_title)(d.year, d.month)
                    } else {
                        format!(
                            "{} {}",
                            (t.date_full)(d.year, d.month, d.day),
                            t.weekdays[weekday(d)]
                        )
                    };
                    if let Some(n) = named {
                        title.push_str(&format!(" · {n}"));
                    }
                    view! {
                        <li class="agenda__day" class:is-named=named.is_some()>
                            <h4 class="agenda__date">{title}</h4>
                            <ul class="cal-events">{items(ids)}</ul>
                        </li>
                    }
                })
                .collect_view();
            let rest = (!undated.is_empty()).then(|| {
                view! {
                    <li class="agenda__day agenda__day--undated">
                        <h4 class="agenda__date">{t.undated_heading}</h4>
                        <ul class="cal-events">{items(&undated)}</ul>
                    </li>
                }
            });
            view! { {days}{rest} }
        })
    };
    view! {
        <section class="agenda" aria-labelledby="agenda-title">
            <h3 class="calendar__section-title" id="agenda-title">{move || t().agenda}</h3>
            <ol class="agenda__list">{groups}</ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shilu_core::Event;

    fn ev(start: Option<&str>, end: Option<&str>) -> Event {
        Event {
            id: String::new(),
            start: start.map(Into::into),
            end: end.map(Into::into),
            precision: None,
            part_of_day: None,
            phrase: String::new(),
            label: String::new(),
            speaker: None,
            lead_unit: None,
            block: String::new(),
            status: None,
            activity: false,
        }
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
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
}
