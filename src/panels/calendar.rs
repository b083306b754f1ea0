//! The event calendar panel: ICS downloads, the month grid with the chosen
//! day's events, the policy timeline and the agenda (the same events as a
//! list, for narrow screens and screen readers).

use crate::context::context;
use crate::html::{Act, Html, HtmlRegion};
use crate::panels::agenda::agenda;
use crate::panels::calendar_model::{
    clamp_to, default_focus, month_range, months_with_events, named_days, YearMonth,
};
use crate::panels::day_events::day_events;
use crate::panels::events_of;
use crate::panels::host::PanelHost;
use crate::panels::ics_downloads::{ics_downloads_html, save};
use crate::panels::month_grid::month_grid;
use crate::panels::texts::{use_panel_texts, PanelTexts};
use crate::panels::timeline::Timeline;
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::ics::IcsScope;
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
        self.host
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
        self.host.day.set(Some(d.iso()));
    }
}

#[component]
pub fn CalendarPanel() -> impl IntoView {
    let cal = CalendarState::new(context::<PanelHost>());
    let has_events = move || cal.data.with(|d| !d.events.is_empty());
    let head = html_of(cal, |cal, t| cal.data.with(|d| head_html(d, t)));
    let on_act = Callback::new(move |a: Act| {
        if a.name == "ics" {
            save(
                cal,
                if a.arg == "all" {
                    IcsScope::All
                } else {
                    IcsScope::Activities
                },
            );
        }
    });
    view! {
        <div class="calendar">
            <HtmlRegion html=head on_act=on_act/>
            {move || has_events().then(|| view! {
                <div class="calendar__month">
                    {month_grid(cal)}
                    {day_events(cal)}
                </div>
                <Timeline cal=cal/>
                {agenda(cal)}
            })}
        </div>
    }
}

/// The panel's heading and the .ics downloads; below them, when the
/// document has no events, a note saying so.
pub fn head_html(data: &CalendarData, t: &PanelTexts) -> String {
    let mut h = Html::new();
    h.open("div", &[("class", "calendar__head")]).el(
        "h2",
        &[("class", "panel__title")],
        t.calendar_heading,
    );
    ics_downloads_html(&mut h, data, t);
    h.close("div");
    if data.events.is_empty() {
        h.el("p", &[("class", "calendar__empty")], t.no_events);
    }
    h.into_string()
}

/// A part of the panel as HTML, built by `build` again whenever what it
/// reads changes, the language included. (One function for every part, so
/// the reactive code is there once.)
pub fn html_of(
    cal: CalendarState,
    build: fn(CalendarState, &PanelTexts) -> String,
) -> Signal<String> {
    let t = use_panel_texts();
    Signal::derive(move || build(cal, t()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panels::texts::PANEL_ZH;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn the_head_says_when_there_are_no_events() {
        let mut data = CalendarData::new(&shilu_core::analysed(crate::app::SEED, None));
        let html = head_html(&data, &PANEL_ZH);
        assert!(html.starts_with(&format!(
            "<div class=\"calendar__head\"><h2 class=\"panel__title\">{}</h2><div class=\"ics-downloads\"",
            PANEL_ZH.calendar_heading
        )));
        assert!(html.ends_with("</div></div>"));
        data.events.clear();
        let html = head_html(&data, &PANEL_ZH);
        assert!(html.ends_with(&format!(
            "</div></div><p class=\"calendar__empty\">{}</p>",
            PANEL_ZH.no_events
        )));
        assert_eq!(html.matches(" disabled=\"\"").count(), 2);
    }
}
