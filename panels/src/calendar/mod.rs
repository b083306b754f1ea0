//! The event calendar panel: ICS downloads, the month grid with the chosen
//! day's events, the policy timeline and the agenda (the same events as a
//! list, for narrow screens and screen readers).

pub mod agenda;
pub mod day_events;
pub mod event_item;
pub mod ics_downloads;
pub mod model;
pub mod month_grid;
pub mod state;
pub mod timeline;

use crate::calendar::agenda::agenda;
use crate::calendar::day_events::day_events;
use crate::calendar::ics_downloads::{ics_downloads_html, save, IcsAct};
use crate::calendar::month_grid::month_grid;
use crate::calendar::state::{html_of, CalendarData, CalendarState};
use crate::calendar::timeline::Timeline;
use crate::host::PanelHost;
use crate::texts::PanelTexts;
use leptos::prelude::*;
use shilu_ui::context::context;
use shilu_ui::html::{acts, attr, Html, Region};

#[component]
pub fn CalendarPanel() -> impl IntoView {
    let cal = CalendarState::new(context::<PanelHost>());
    let has_events = move || cal.data.with(|d| !d.events.is_empty());
    let head = html_of(cal, |cal, t| cal.data.with(|d| head_html(d, t)));
    let on_act = acts(move |IcsAct(scope)| save(cal, scope));
    view! {
        <div class="calendar">
            <Region html=head on_act=on_act/>
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
pub fn head_html(data: &CalendarData, t: &PanelTexts) -> Html {
    let mut h = Html::new();
    h.open("div", &[attr("class", "calendar__head")]).el(
        "h2",
        &[attr("class", "panel__title")],
        t.calendar_heading,
    );
    ics_downloads_html(&mut h, data, t);
    h.close("div");
    if data.events.is_empty() {
        h.el("p", &[attr("class", "calendar__empty")], t.no_events);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_head_says_when_there_are_no_events() {
        let mut data = CalendarData::new(&shilu_core::analysed(crate::SEED, None));
        let html = head_html(&data, &PANEL_ZH);
        assert!(html.contains(PANEL_ZH.calendar_heading));
        assert!(!html.contains(PANEL_ZH.no_events));
        expect![[r##"<div class="calendar__head"><h2 class="panel__title">日程与时间线</h2><div class="ics-downloads" role="group" aria-label="下载日历（.ics）"><span class="ics-downloads__label" aria-hidden="true">下载日历（.ics）</span><button type="button" class="text-button" data-act="ics" data-arg="activities"><span aria-hidden="true">⤓</span>全国扶贫日活动</button><button type="button" class="text-button" data-act="ics" data-arg="all"><span aria-hidden="true">⤓</span>全部事件</button></div></div>"##]].assert_eq(&html);
        data.events.clear();
        let html = head_html(&data, &PANEL_ZH);
        assert!(html.ends_with(&format!(
            "</div></div><p class=\"calendar__empty\">{}</p>",
            PANEL_ZH.no_events
        )));
        assert_eq!(html.matches(" disabled=\"\"").count(), 2);
    }
}
