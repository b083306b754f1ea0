//! The event calendar panel: ICS downloads, the month grid with the chosen
//! day's events, the policy timeline and the agenda (the same events as a
//! list, for narrow screens and screen readers).

use crate::i18n::use_texts;
use crate::panels::agenda::Agenda;
use crate::panels::calendar_model::{
    clamp_to, default_focus, month_range, months_with_events, named_days, YearMonth,
};
use crate::panels::day_events::DayEvents;
use crate::panels::events_of;
use crate::panels::ics_downloads::IcsDownloads;
use crate::panels::month_grid::MonthGrid;
use crate::panels::timeline::Timeline;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::Event;
use std::collections::BTreeSet;

/// What the calendar shows, derived from the document.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarData {
    pub events: Vec<Event>,
    /// Named days the text mentions (`全国扶贫日`), by date.
    pub named: Vec<(Date, String)>,
    /// First and last month with events.
    pub range: Option<(YearMonth, YearMonth)>,
    pub months: BTreeSet<YearMonth>,
    /// The day the grid opens on (the plan's day).
    pub default_focus: Option<Date>,
    /// The conference date.
    pub conference: Option<Date>,
}

impl CalendarData {
    pub fn new(doc: &shilu_core::Document) -> CalendarData {
        let events = events_of(doc);
        let named = named_days(doc);
        let conference = doc.meta.date.as_deref().and_then(Date::parse_iso);
        CalendarData {
            range: month_range(&events),
            months: months_with_events(&events),
            default_focus: default_focus(&events, &named, conference),
            named,
            conference,
            events,
        }
    }

    /// The name of a named day falling on `d`.
    pub fn named_day(&self, d: Date) -> Option<&str> {
        self.named
            .iter()
            .find(|(n, _)| *n == d)
            .map(|(_, s)| s.as_str())
    }

    /// The name of the day the activity plan is for (`全国扶贫日`).
    pub fn plan_name(&self) -> Option<&str> {
        self.default_focus.and_then(|d| self.named_day(d))
    }
}

/// The calendar's view state, shared by its parts. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct CalendarState {
    pub reader: Reader,
    pub data: Memo<CalendarData>,
    /// The day keyboard focus is on, once the reader has moved it.
    pub focus: RwSignal<Option<Date>>,
}

impl CalendarState {
    pub fn new(reader: Reader) -> CalendarState {
        CalendarState {
            reader,
            data: Memo::new(move |_| reader.doc.with(|d| CalendarData::new(d))),
            focus: RwSignal::new(None),
        }
    }

    /// The selected day, when it is a valid date.
    pub fn selected(&self) -> Option<Date> {
        self.reader
            .day
            .with(|d| d.as_deref().and_then(Date::parse_iso))
    }

    /// The focused day: the one the reader moved to, else the selected day,
    /// else the plan's day; always within the months that have events.
    pub fn focused(&self) -> Option<Date> {
        let moved = self.focus.get();
        let selected = self.selected();
        self.data.with(|d| {
            let range = d.range?;
            moved
                .or(selected)
                .or(d.default_focus)
                .map(|x| clamp_to(range, x))
        })
    }

    /// Chooses a day: selects it (the URL follows) and focuses it.
    pub fn select(&self, d: Date) {
        self.focus.set(Some(d));
        self.reader.day.set(Some(d.iso()));
    }
}

#[component]
pub fn CalendarPanel() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let cal = CalendarState::new(reader);
    let t = use_texts();
    let has_events = move || cal.data.with(|d| !d.events.is_empty());
    view! {
        <div class="calendar">
            <div class="calendar__head">
                <h2 class="panel__title">{move || t().calendar_heading}</h2>
                <IcsDownloads cal=cal/>
            </div>
            <Show when=has_events fallback=move || view! { <p class="calendar__empty">{move || t().no_events}</p> }>
                <div class="calendar__month">
                    <MonthGrid cal=cal/>
                    <DayEvents cal=cal/>
                </div>
                <Timeline cal=cal/>
                <Agenda cal=cal/>
            </Show>
        </div>
    }
}
