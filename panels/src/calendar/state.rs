//! What the calendar's parts share: the data derived from the document
//! ([`CalendarData`]) and the view state over it ([`CalendarState`]).

use crate::calendar::model::{clamp_to, default_focus, month_range, months_with_events, YearMonth};
use crate::events_of;
use crate::host::PanelHost;
use crate::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::days::named_days;
use shilu_core::Event;
use shilu_ui::html::Html;
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
    pub host: PanelHost,
    pub data: Memo<CalendarData>,
    /// The day keyboard focus is on, once the reader has moved it.
    pub focus: RwSignal<Option<Date>>,
}

impl CalendarState {
    pub fn new(host: PanelHost) -> CalendarState {
        CalendarState {
            host,
            data: Memo::new(move |_| host.doc.with(|d| CalendarData::new(d))),
            focus: RwSignal::new(None),
        }
    }

    /// The selected day, when it is a valid date.
    pub fn selected(&self) -> Option<Date> {
        self.host.day.get()
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
        self.host.day.set(Some(d));
    }
}

/// A part of the panel as HTML, built by `build` again whenever what it
/// reads changes, the language included. (One function for every part, so
/// the reactive code is there once.)
pub fn html_of(cal: CalendarState, build: fn(CalendarState, &PanelTexts) -> Html) -> Signal<Html> {
    let t = use_panel_texts();
    Signal::derive(move || build(cal, t()))
}
