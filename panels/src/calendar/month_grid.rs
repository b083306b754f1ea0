//! The month grid: an ARIA grid of days, Monday first, with each day's
//! events. Arrow keys move a roving focus (Home/End: week, PageUp/PageDown:
//! month); Enter, Space or a click chooses the day.
//!
//! The navigation (‹ ›, the title, the month menu) is a small Leptos view
//! that stays in place; the grid itself is HTML built by [`month_grid_html`]
//! and replaced whenever the month, the focus or the selection changes (see
//! [`crate::html`]), after which focus goes back to the focused cell.

use crate::calendar::event_item::approx_note;
use crate::calendar::model::{
    add_months, event_span, is_approximate, is_multi_day, key_target, lane_count, month_weeks,
    single_day_events_on, week_segments, weekday, Segment, YearMonth,
};
use crate::calendar::state::{html_of, CalendarData, CalendarState};
use crate::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_ui::html::{act, acts, attr, flag, key, Action, FocusKey, Html, Region};

/// Single-day events shown in a cell before "+n".
const MAX_IN_CELL: usize = 3;

/// The id of a day's cell.
pub fn cell_id(d: Date) -> String {
    format!("cal-{}", d.iso())
}

/// A click on a day's cell: choose that day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayAct(pub Date);

impl Action for DayAct {
    fn write(&self) -> (&'static str, Option<String>) {
        ("day", Some(self.0.iso()))
    }
    fn read(name: &str, arg: Option<&str>) -> Option<DayAct> {
        (name == "day")
            .then(|| arg.and_then(Date::from_iso))
            .flatten()
            .map(DayAct)
    }
}

pub fn month_grid(cal: CalendarState) -> impl IntoView {
    let t = use_panel_texts();
    // The day to focus once the grid has been rebuilt, when focus was in
    // it (the rebuild removes the cell that had it): cells are keyed by day.
    let focus = FocusKey::new();
    let refocus = move |d: Date| focus.request(d.iso());
    let month = move || cal.focused().map(YearMonth::of);
    let can_go = move |n: i32| match (month(), cal.data.with(|d| d.range)) {
        (Some(m), Some((first, last))) => {
            let to = add_months(m, n);
            first <= to && to <= last
        }
        _ => false,
    };
    let go = move |n: i32| {
        if let Some(d) = cal.focused() {
            let m = add_months(YearMonth::of(d), n);
            cal.focus.set(Some(m.with_day(d.day)));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(d) = cal.focused() else { return };
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            cal.select(d);
            refocus(d);
            return;
        }
        let Some(to) = key_target(&key, d) else {
            return;
        };
        ev.prevent_default();
        let in_range = cal.data.with_untracked(|c| {
            c.range
                .is_some_and(|(a, b)| a.first() <= to && to <= b.last())
        });
        if in_range {
            cal.focus.set(Some(to));
            refocus(to);
        }
    };
    let on_act = acts(move |DayAct(d)| {
        cal.select(d);
        refocus(d);
    });
    let jump = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let target = cal
            .data
            .with_untracked(|c| c.months.iter().find(|m| m.iso() == v).copied());
        if let Some(m) = target {
            let day = cal.focused().map_or(1, |d| d.day);
            cal.focus.set(Some(m.with_day(day)));
        }
    };
    let title = move || {
        month()
            .map(|m| (t().month_title)(m.year, m.month))
            .unwrap_or_default()
    };
    let options = move || {
        let t = t();
        cal.data.with(|c| month_options_html(c, month(), t))
    };
    let grid = html_of(cal, |cal, t| {
        let (focus, selected) = (cal.focused(), cal.selected());
        cal.data.with(|c| month_grid_html(c, focus, selected, t))
    });
    // ‹ and ›: one function for both, so one piece of code.
    let step = move |n: i32| {
        let label = move || {
            if n < 0 {
                t().prev_month
            } else {
                t().next_month
            }
        };
        view! {
            <button type="button" class="icon-button month-grid__step" aria-label=label title=label
                disabled=move || !can_go(n) on:click=move |_| go(n)>{if n < 0 { "‹" } else { "›" }}</button>
        }
    };
    view! {
        <div class="month-grid">
            <div class="month-grid__nav">
                {step(-1)}
                <h3 class="month-grid__title" id="cal-month-title" aria-live="polite">{title}</h3>
                {step(1)}
                <label class="month-grid__jump">
                    <span class="visually-hidden">{move || t().month_jump}</span>
                    <select on:change=jump inner_html=move || options().into_string()></select>
                </label>
            </div>
            // The grid stays while its rows are rebuilt, so assistive
            // technology does not announce a new grid at every move.
            <div role="grid" class="month-grid__grid" aria-labelledby="cal-month-title" on:keydown=on_keydown>
                <Region html=grid on_act=on_act focus=focus/>
            </div>
        </div>
    }
}

/// The options of the month menu: a disabled prompt (chosen while the month
/// shown has no events), then every month with events.
pub fn month_options_html(data: &CalendarData, month: Option<YearMonth>, t: &PanelTexts) -> Html {
    let listed = month.is_some_and(|m| data.months.contains(&m));
    let mut h = Html::new();
    h.el(
        "option",
        &[
            attr("value", ""),
            flag("disabled", true),
            flag("selected", !listed),
        ],
        t.month_jump,
    );
    for &m in &data.months {
        h.el(
            "option",
            &[attr("value", &m.iso()), flag("selected", month == Some(m))],
            &(t.month_title)(m.year, m.month),
        );
    }
    h
}

/// The rows of the grid of the focused day's month: the weekday header and
/// the weeks, the focused day in the tab order, the selected one marked.
pub fn month_grid_html(
    data: &CalendarData,
    focus: Option<Date>,
    selected: Option<Date>,
    t: &PanelTexts,
) -> Html {
    let mut h = Html::new();
    h.open(
        "div",
        &[
            attr("role", "row"),
            attr("class", "month-grid__row month-grid__row--head"),
        ],
    );
    for i in 0..7 {
        h.open(
            "div",
            &[
                attr("role", "columnheader"),
                attr("class", "month-grid__weekday"),
                attr("aria-label", t.weekdays[i]),
            ],
        )
        .el("span", &[attr("aria-hidden", "true")], t.weekdays_short[i])
        .close("div");
    }
    h.close("div");
    if let Some(focus) = focus {
        let spans: Vec<(usize, Date, Date)> = data
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| is_multi_day(e))
            .filter_map(|(i, e)| event_span(e).map(|(s, t)| (i, s, t)))
            .collect();
        for week in month_weeks(YearMonth::of(focus)) {
            let segs = week_segments(&week, &spans);
            let lanes = lane_count(&segs);
            h.open(
                "div",
                &[attr("role", "row"), attr("class", "month-grid__row")],
            );
            for (col, day) in week.iter().enumerate() {
                match day {
                    Some(d) => {
                        let cell = Cell {
                            d: *d,
                            col,
                            focus: focus == *d,
                            selected: selected == Some(*d),
                        };
                        day_cell(&mut h, data, t, cell, &segs, lanes)
                    }
                    None => {
                        h.el(
                            "div",
                            &[
                                attr("role", "gridcell"),
                                attr("class", "month-grid__cell is-outside"),
                            ],
                            "",
                        );
                    }
                }
            }
            h.close("div");
        }
    }
    h
}

/// A day of the grid and its state.
struct Cell {
    d: Date,
    col: usize,
    focus: bool,
    selected: bool,
}

/// `base` followed by each of `flags`' names that is set, space-separated.
fn classes(base: &str, flags: &[(bool, &str)]) -> String {
    let mut out = base.to_string();
    for (on, name) in flags {
        if *on {
            out.push(' ');
            out.push_str(name);
        }
    }
    out
}

/// One day: its number, the named day, bars of multi-day events, and its
/// single-day events.
fn day_cell(
    h: &mut Html,
    data: &CalendarData,
    t: &PanelTexts,
    cell: Cell,
    segs: &[Segment],
    lanes: usize,
) {
    let Cell { d, col, .. } = cell;
    let named = data.named_day(d);
    let singles: Vec<usize> = single_day_events_on(&data.events, d)
        .into_iter()
        // The named day is shown as the day's name, not again as an event.
        .filter(|&i| named != Some(data.events[i].label.as_str()))
        .collect();
    let covering: Vec<&Segment> = segs
        .iter()
        .filter(|s| s.from <= col && col <= s.to)
        .collect();
    let count = singles.len() + covering.len();

    // The cell is named by its content: the full date and weekday (hidden
    // text), the named day, and every event's label (approximate ones say so).
    let iso = d.iso();
    let id = cell_id(d);
    let class = classes(
        "month-grid__cell",
        &[
            (named.is_some(), "is-named"),
            (data.conference == Some(d), "is-conference"),
            (count > 0, "has-events"),
            (cell.selected, "is-selected"),
        ],
    );
    h.open(
        "div",
        &[
            attr("role", "gridcell"),
            attr("id", &id),
            attr("class", &class),
            attr(
                "aria-selected",
                if cell.selected { "true" } else { "false" },
            ),
            attr("tabindex", if cell.focus { "0" } else { "-1" }),
            key(&iso),
            act(&DayAct(d)),
        ],
    )
    .open("div", &[attr("class", "month-grid__day")])
    .open("span", &[attr("class", "visually-hidden")])
    .text(&(t.date_full)(d.year, d.month, d.day))
    .text(" ")
    .text(t.weekdays[weekday(d)]);
    if count > 0 {
        h.text("，").text(&(t.events_count)(count));
    }
    h.close("span").el(
        "span",
        &[
            attr("class", "month-grid__num"),
            attr("aria-hidden", "true"),
        ],
        &d.day.to_string(),
    );
    if let Some(n) = named {
        h.el("span", &[attr("class", "month-grid__named")], n);
    }
    h.close("div")
        .open("div", &[attr("class", "month-grid__events")]);
    for lane in 0..lanes {
        let Some(s) = covering.iter().find(|s| s.lane == lane) else {
            h.el(
                "span",
                &[
                    attr("class", "cal-bar cal-bar--empty"),
                    attr("aria-hidden", "true"),
                ],
                "",
            );
            continue;
        };
        let e = &data.events[s.event];
        let first_here = s.from == col;
        let class = classes(
            "cal-bar",
            &[
                (e.activity, "cal-bar--activity"),
                (first_here && s.starts, "is-start"),
                (s.to == col && s.ends, "is-end"),
                (is_approximate(e), "is-approx"),
            ],
        );
        let title = format!("{} {}", e.phrase, e.label);
        h.open("span", &[attr("class", &class), attr("title", &title)]);
        // The label shows where the bar begins in this row; on its other
        // days it is there for screen readers only.
        // How many days it spans in this row (1 to 7), as a data attribute
        // that panels.css turns into `--span`: a `style` attribute would be
        // blocked by a strict CSP (`style-src 'self'`).
        if first_here {
            let span = (s.to - s.from + 1).to_string();
            h.open(
                "span",
                &[attr("class", "cal-bar__label"), attr("data-span", &span)],
            );
        } else {
            h.open("span", &[attr("class", "visually-hidden")]);
        }
        h.text(&e.label);
        if is_approximate(e) {
            approx_note(h, t);
        }
        h.close("span").close("span");
    }

    h.open("ul", &[attr("class", "cal-chips")]);
    for (k, &i) in singles.iter().enumerate() {
        let e = &data.events[i];
        let approx = is_approximate(e);
        let class = classes(
            "cal-chip",
            &[
                // Past the first few, for screen readers only.
                (k >= MAX_IN_CELL, "visually-hidden"),
                (e.activity, "cal-chip--activity"),
                (approx, "is-approx"),
            ],
        );
        let title = format!("{} {}", e.phrase, e.label);
        h.open("li", &[attr("class", &class), attr("title", &title)]);
        if approx {
            h.el(
                "span",
                &[
                    attr("class", "cal-chip__approx"),
                    attr("aria-hidden", "true"),
                ],
                "≈",
            );
        }
        h.text(&e.label);
        if approx {
            approx_note(h, t);
        }
        h.close("li");
    }
    let more = singles.len().saturating_sub(MAX_IN_CELL);
    if more > 0 {
        h.el(
            "li",
            &[
                attr("class", "cal-chip cal-chip--more"),
                attr("aria-hidden", "true"),
            ],
            &format!("+{more}"),
        );
    }
    h.close("ul").close("div").close("div");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;

    fn seed() -> CalendarData {
        CalendarData::new(&shilu_core::analysed(crate::SEED, None))
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    /// The opening tag of the element with this id.
    fn tag<'a>(html: &'a str, id: &str) -> &'a str {
        let at = html.find(&format!("id=\"{id}\"")).expect(id);
        let start = html[..at].rfind('<').unwrap();
        &html[start..start + html[start..].find('>').unwrap() + 1]
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn october_2017_is_a_monday_first_grid_with_the_focus_and_the_selection() {
        let data = seed();
        let html = month_grid_html(
            &data,
            Some(d(2017, 10, 17)),
            Some(d(2017, 10, 12)),
            &PANEL_ZH,
        );
        assert!(html.starts_with(
            "<div role=\"row\" class=\"month-grid__row month-grid__row--head\"><div role=\"columnheader\""
        ));
        assert_eq!(html.matches("role=\"columnheader\"").count(), 7);
        assert!(html.contains(&format!(
            "<div role=\"columnheader\" class=\"month-grid__weekday\" aria-label=\"{}\"><span aria-hidden=\"true\">{}</span></div>",
            PANEL_ZH.weekdays[0], PANEL_ZH.weekdays_short[0]
        )));
        // A header row and six weeks; 1 October is a Sunday.
        assert_eq!(html.matches("role=\"row\"").count(), 7);
        assert_eq!(html.matches("role=\"gridcell\"").count(), 42);
        assert_eq!(html.matches("is-outside").count(), 11);
        assert_eq!(html.matches("tabindex=\"0\"").count(), 1);
        assert_eq!(html.matches("aria-selected=\"true\"").count(), 1);

        let forum_day = tag(&html, "cal-2017-10-17");
        assert!(
            forum_day.contains("class=\"month-grid__cell is-named has-events\""),
            "{forum_day}"
        );
        assert!(forum_day.contains("tabindex=\"0\""));
        assert!(forum_day.contains("aria-selected=\"false\""));
        assert!(forum_day.contains("data-act=\"day\" data-arg=\"2017-10-17\""));
        assert!(html.contains("<span class=\"month-grid__named\">全国扶贫日</span>"));
        assert!(html.contains("2017年10月17日 星期二，"));

        let conference = tag(&html, "cal-2017-10-12");
        assert!(conference.contains("is-conference"), "{conference}");
        assert!(conference.contains(" is-selected\""), "{conference}");
        assert!(conference.contains("aria-selected=\"true\" tabindex=\"-1\""));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_range_shows_one_label_per_week_row() {
        let data = seed();
        let html = month_grid_html(&data, Some(d(2017, 9, 11)), None, &PANEL_ZH);
        let labels = html
            .split("<span class=\"cal-bar__label\"")
            .skip(1)
            .filter(|s| s[..s.find("</span>").unwrap()].contains("五进"))
            .count();
        assert_eq!(labels, 5, "one label per week row of September");
        assert!(html.contains("<span class=\"cal-bar__label\" data-span=\"7\">"));
        assert!(!html.contains("style="), "no inline styles (CSP)");
        assert!(!html.contains("aria-selected=\"true\""));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_month_menu_marks_the_month_shown() {
        let data = seed();
        let oct = YearMonth::of(d(2017, 10, 1));
        let html = month_options_html(&data, Some(oct), &PANEL_ZH);
        assert!(html.starts_with(&format!(
            "<option value=\"\" disabled=\"\">{}</option>",
            PANEL_ZH.month_jump
        )));
        assert!(html.contains("<option value=\"2017-10\" selected=\"\">2017年10月</option>"));
        assert_eq!(html.matches("selected=").count(), 1);
        assert!(html.contains("<option value=\"2017-06\">2017年6月</option>"));
        // A month without events: the prompt is chosen.
        let html = month_options_html(&data, Some(YearMonth::of(d(2016, 1, 1))), &PANEL_ZH);
        assert!(html.starts_with("<option value=\"\" disabled=\"\" selected=\"\">"));
        assert_eq!(html.matches("selected=").count(), 1);
    }
}
