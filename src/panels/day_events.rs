//! The chosen day's events, below the month grid.

use crate::i18n::use_texts;
use crate::panels::calendar::CalendarState;
use crate::panels::calendar_model::{event_span, events_on, weekday};
use crate::panels::event_item::EventItem;
use leptos::prelude::*;

#[component]
pub fn DayEvents(cal: CalendarState) -> impl IntoView {
    let t = use_texts();
    let body = move || {
        let t = t();
        let Some(day) = cal.selected() else {
            return view! { <p class="day-events__hint">{t.choose_day}</p> }.into_any();
        };
        cal.data.with(|data| {
            let mut on = events_on(&data.events, day);
            // Events of that very day first, then the longer ones covering it.
            // `on` is in event order; the index breaks ties as a stable sort would.
            on.sort_unstable_by_key(|&i| {
                (
                    event_span(&data.events[i]).map(|(s, e)| (e.to_days() - s.to_days(), s)),
                    i,
                )
            });
            let mut heading = format!(
                "{} {}",
                (t.date_full)(day.year, day.month, day.day),
                t.weekdays[weekday(day)]
            );
            if let Some(n) = data.named_day(day) {
                heading.push_str(&format!(" · {n}"));
            }
            let list = if on.is_empty() {
                view! { <p class="day-events__none">{t.no_events_on_day}</p> }.into_any()
            } else {
                let items = on
                    .into_iter()
                    .map(|i| view! { <EventItem event=data.events[i].clone()/> })
                    .collect_view();
                view! { <ul class="cal-events">{items}</ul> }.into_any()
            };
            view! {
                <h3 class="day-events__title">{heading}</h3>
                {list}
            }
            .into_any()
        })
    };
    view! {
        <section class="day-events" aria-live="polite" aria-label=move || t().chosen_day>
            {body}
        </section>
    }
}
