//! The agenda: every event grouped by date, undated plan activities last.
//! The list form of the calendar, for narrow screens and screen readers.

use crate::i18n::use_texts;
use crate::panels::calendar::CalendarState;
use crate::panels::calendar_model::{event_span, weekday};
use crate::panels::event_item::EventItem;
use leptos::prelude::*;
use shilu_core::dates::Date;
use std::collections::BTreeMap;

/// Event indices by start date, and the undated ones.
pub fn group_by_date(events: &[shilu_core::Event]) -> (BTreeMap<Date, Vec<usize>>, Vec<usize>) {
    let mut dated: BTreeMap<Date, Vec<usize>> = BTreeMap::new();
    let mut undated = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match event_span(e) {
            Some((s, _)) => dated.entry(s).or_default().push(i),
            None => undated.push(i),
        }
    }
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
                .map(|(d, ids)| {
                    let mut title = format!(
                        "{} {}",
                        (t.date_full)(d.year, d.month, d.day),
                        t.weekdays[weekday(*d)]
                    );
                    if let Some(n) = data.named_day(*d) {
                        title.push_str(&format!(" · {n}"));
                    }
                    view! {
                        <li class="agenda__day" class:is-named=data.named_day(*d).is_some()>
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
