//! Two .ics downloads: the activity plan, and every dated event. The core's
//! iCalendar writer makes the file; the browser offers it.

use crate::calendar::state::{CalendarData, CalendarState};
use crate::texts::PanelTexts;
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::ics::{calendar, IcsScope};
use shilu_ui::dom::download;
use shilu_ui::html::{act, attr, flag, Action, Html};

/// A click on a download button: save the .ics file of this scope.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IcsAct(pub IcsScope);

impl Action for IcsAct {
    fn write(&self) -> (&'static str, Option<String>) {
        let scope = match self.0 {
            IcsScope::Activities => "activities",
            IcsScope::All => "all",
        };
        ("ics", Some(scope.into()))
    }
    fn read(name: &str, arg: Option<&str>) -> Option<IcsAct> {
        match (name, arg) {
            ("ics", Some("activities")) => Some(IcsAct(IcsScope::Activities)),
            ("ics", Some("all")) => Some(IcsAct(IcsScope::All)),
            _ => None,
        }
    }
}

/// `shilu-2017-10-12-activities.ics` (the date part only when known).
pub fn ics_filename(date: Option<&str>, scope: IcsScope) -> String {
    let what = match scope {
        IcsScope::Activities => "activities",
        IcsScope::All => "all",
    };
    match date.and_then(Date::from_iso) {
        Some(d) => format!("shilu-{}-{what}.ics", d.iso()),
        None => format!("shilu-{what}.ics"),
    }
}

/// Whether there is anything to save for `scope`.
pub fn can_save(data: &CalendarData, scope: IcsScope) -> bool {
    data.events
        .iter()
        .any(|e| e.start.is_some() && (e.activity || scope == IcsScope::All))
}

/// Makes the .ics file for `scope` and offers it as a download.
pub fn save(cal: CalendarState, scope: IcsScope) {
    if !cal.data.with_untracked(|d| can_save(d, scope)) {
        return;
    }
    cal.host.doc.with_untracked(|doc| {
        let text = calendar(doc, scope);
        download(
            &ics_filename(doc.meta.date.as_deref(), scope),
            "text/calendar;charset=utf-8",
            &text,
        );
    });
}

/// The two download buttons in their group; a click on one is an
/// [`IcsAct`] (see [`save`]).
pub fn ics_downloads_html(h: &mut Html, data: &CalendarData, t: &PanelTexts) {
    h.open(
        "div",
        &[
            attr("class", "ics-downloads"),
            attr("role", "group"),
            attr("aria-label", t.ics_group),
        ],
    )
    .el(
        "span",
        &[
            attr("class", "ics-downloads__label"),
            attr("aria-hidden", "true"),
        ],
        t.ics_group,
    );
    for (scope, label) in [
        (IcsScope::Activities, (t.ics_activities)(data.plan_name())),
        (IcsScope::All, t.ics_all.to_string()),
    ] {
        h.open(
            "button",
            &[
                attr("type", "button"),
                attr("class", "text-button"),
                flag("disabled", !can_save(data, scope)),
                act(&IcsAct(scope)),
            ],
        )
        .el("span", &[attr("aria-hidden", "true")], "⤓")
        .text(&label)
        .close("button");
    }
    h.close("div");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn two_buttons_in_a_group_disabled_when_there_is_nothing_to_save() {
        let mut data = CalendarData::new(&shilu_core::analysed(crate::SEED, None));
        let mut h = Html::new();
        ics_downloads_html(&mut h, &data, &PANEL_ZH);
        let html = h.as_str();
        assert!(html.contains(&(PANEL_ZH.ics_activities)(Some("全国扶贫日"))));
        assert_eq!(html.matches("<button").count(), 2);
        expect![[r##"<div class="ics-downloads" role="group" aria-label="下载日历（.ics）"><span class="ics-downloads__label" aria-hidden="true">下载日历（.ics）</span><button type="button" class="text-button" data-act="ics" data-arg="activities"><span aria-hidden="true">⤓</span>全国扶贫日活动</button><button type="button" class="text-button" data-act="ics" data-arg="all"><span aria-hidden="true">⤓</span>全部事件</button></div>"##]].assert_eq(html);
        assert!(!html.contains("disabled"));
        data.events.iter_mut().for_each(|e| e.activity = false);
        let mut h = Html::new();
        ics_downloads_html(&mut h, &data, &PANEL_ZH);
        let h = h.as_str();
        assert_eq!(h.matches("disabled=\"\"").count(), 1);
        assert!(h.contains("disabled=\"\" data-act=\"ics\" data-arg=\"activities\""));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn file_names_carry_the_date_when_known() {
        assert_eq!(
            ics_filename(Some("2017-10-12"), IcsScope::Activities),
            "shilu-2017-10-12-activities.ics"
        );
        assert_eq!(ics_filename(None, IcsScope::All), "shilu-all.ics");
        assert_eq!(
            ics_filename(Some("2017-02-31"), IcsScope::All),
            "shilu-all.ics"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_download_actions_read_what_they_write() {
        for scope in [IcsScope::Activities, IcsScope::All] {
            let (name, arg) = IcsAct(scope).write();
            assert_eq!(IcsAct::read(name, arg.as_deref()), Some(IcsAct(scope)));
        }
        assert_eq!(IcsAct::read("ics", Some("al")), None);
        assert_eq!(IcsAct::read("ics", None), None);
    }
}
