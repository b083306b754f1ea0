//! The month grid: an ARIA grid of days, Monday first, with each day's
//! events. Arrow keys move a roving focus (Home/End: week, PageUp/PageDown:
//! month); Enter, Space or a click chooses the day.

use crate::dom::focus_id;
use crate::i18n::{use_texts, Texts};
use crate::panels::calendar::{CalendarData, CalendarState};
use crate::panels::calendar_model::{
    add_months, event_span, is_approximate, is_multi_day, key_target, lane_count, month_weeks,
    single_day_events_on, week_segments, weekday, Segment, YearMonth,
};
use leptos::prelude::*;
use shilu_core::dates::Date;

/// Single-day events shown in a cell before "+n".
const MAX_IN_CELL: usize = 3;

/// The id of a day's cell.
pub fn cell_id(d: Date) -> String {
    format!("cal-{}", d.iso())
}

#[component]
pub fn MonthGrid(cal: CalendarState) -> impl IntoView {
    let t = use_texts();
    let month = Memo::new(move |_| cal.focused().map(YearMonth::of));
    let range = move || cal.data.with(|d| d.range);
    let can_go = move |n: i32| match (month.get(), range()) {
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
            request_animation_frame(move || focus_id(&cell_id(to)));
        }
    };
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
        month
            .get()
            .map(|m| (t().month_title)(m.year, m.month))
            .unwrap_or_default()
    };
    view! {
        <div class="month-grid">
            <div class="month-grid__nav">
                <button type="button" class="icon-button month-grid__step" aria-label=move || t().prev_month
                    title=move || t().prev_month disabled=move || !can_go(-1) on:click=move |_| go(-1)>"‹"</button>
                <h3 class="month-grid__title" id="cal-month-title" aria-live="polite">{title}</h3>
                <button type="button" class="icon-button month-grid__step" aria-label=move || t().next_month
                    title=move || t().next_month disabled=move || !can_go(1) on:click=move |_| go(1)>"›"</button>
                <label class="month-grid__jump">
                    <span class="visually-hidden">{move || t().month_jump}</span>
                    <select on:change=jump>
                        <option value="" disabled=true
                            prop:selected=move || !month.get().is_some_and(|m| cal.data.with(|c| c.months.contains(&m)))>
                            {move || t().month_jump}
                        </option>
                        {move || cal.data.with(|c| c.months.iter().map(|&m| {
                            let label = (t().month_title)(m.year, m.month);
                            view! { <option value=m.iso() prop:selected=move || month.get() == Some(m)>{label}</option> }
                        }).collect_view())}
                    </select>
                </label>
            </div>
            <div role="grid" class="month-grid__grid" aria-labelledby="cal-month-title" on:keydown=on_keydown>
                <div role="row" class="month-grid__row month-grid__row--head">
                    {(0..7).map(|i| view! {
                        <div role="columnheader" class="month-grid__weekday" aria-label=move || t().weekdays[i]>
                            <span aria-hidden="true">{move || t().weekdays_short[i]}</span>
                        </div>
                    }).collect_view()}
                </div>
                {move || month.get().map(|m| view! { <MonthWeeks cal=cal month=m/> })}
            </div>
        </div>
    }
}

/// The rows of one month. Re-rendered only when the month changes; focus
/// and selection update the cells in place.
#[component]
fn MonthWeeks(cal: CalendarState, month: YearMonth) -> impl IntoView {
    let t = use_texts();
    move || {
        let texts = t();
        cal.data.with(|data| {
            let spans: Vec<(usize, Date, Date)> = data
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| is_multi_day(e))
                .filter_map(|(i, e)| event_span(e).map(|(s, t)| (i, s, t)))
                .collect();
            month_weeks(month)
                .into_iter()
                .map(|week| {
                    let segs = week_segments(&week, &spans);
                    let lanes = lane_count(&segs);
                    let cells = week
                        .iter()
                        .enumerate()
                        .map(|(col, day)| match day {
                            Some(d) => day_cell(cal, data, texts, *d, col, &segs, lanes),
                            None => view! { <div role="gridcell" class="month-grid__cell is-outside"></div> }.into_any(),
                        })
                        .collect_view();
                    view! { <div role="row" class="month-grid__row">{cells}</div> }
                })
                .collect_view()
        })
    }
}

/// One day: its number, the named day, bars of multi-day events, and its
/// single-day events.
fn day_cell(
    cal: CalendarState,
    data: &CalendarData,
    t: &'static Texts,
    d: Date,
    col: usize,
    segs: &[Segment],
    lanes: usize,
) -> AnyView {
    let named = data.named_day(d).map(str::to_string);
    let singles: Vec<usize> = single_day_events_on(&data.events, d)
        .into_iter()
        // The named day is shown as the day's name, not again as an event.
        .filter(|&i| named.as_deref() != Some(data.events[i].label.as_str()))
        .collect();
    let covering: Vec<&Segment> = segs
        .iter()
        .filter(|s| s.from <= col && col <= s.to)
        .collect();
    let count = singles.len() + covering.len();

    // The cell is named by its content: the full date and weekday (hidden
    // text), the named day, and every event's label (approximate ones say so).
    let date_name = format!(
        "{} {}{}",
        (t.date_full)(d.year, d.month, d.day),
        t.weekdays[weekday(d)],
        if count > 0 {
            format!("，{}", (t.events_count)(count))
        } else {
            String::new()
        }
    );
    let approx_note =
        || view! { <span class="visually-hidden">{format!("（{}）", t.approximate)}</span> };

    let bars = (0..lanes)
        .map(|lane| match covering.iter().find(|s| s.lane == lane) {
            Some(s) => {
                let e = &data.events[s.event];
                let first_here = s.from == col;
                let class = format!(
                    "cal-bar{}{}{}{}",
                    if e.activity { " cal-bar--activity" } else { "" },
                    if first_here && s.starts {
                        " is-start"
                    } else {
                        ""
                    },
                    if s.to == col && s.ends { " is-end" } else { "" },
                    if is_approximate(e) { " is-approx" } else { "" },
                );
                let approx = is_approximate(e).then(approx_note);
                // The label shows where the bar begins in this row; on its
                // other days it is there for screen readers only.
                let label = if first_here {
                    let style = format!("--span:{}", s.to - s.from + 1);
                    view! { <span class="cal-bar__label" style=style>{e.label.clone()}{approx}</span> }.into_any()
                } else {
                    view! { <span class="visually-hidden">{e.label.clone()}{approx}</span> }.into_any()
                };
                view! { <span class=class title=format!("{} {}", e.phrase, e.label)>{label}</span> }
                    .into_any()
            }
            None => view! { <span class="cal-bar cal-bar--empty" aria-hidden="true"></span> }.into_any(),
        })
        .collect_view();

    let more = singles.len().saturating_sub(MAX_IN_CELL);
    let chips = singles
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let e = &data.events[i];
            let approx = is_approximate(e);
            let class = format!(
                "cal-chip{}{}{}",
                // Past the first few, for screen readers only.
                if k >= MAX_IN_CELL { " visually-hidden" } else { "" },
                if e.activity {
                    " cal-chip--activity"
                } else {
                    ""
                },
                if approx { " is-approx" } else { "" }
            );
            view! {
                <li class=class title=format!("{} {}", e.phrase, e.label)>
                    {approx.then_some(view! { <span class="cal-chip__approx" aria-hidden="true">"≈"</span> })}
                    {e.label.clone()}
                    {approx.then(approx_note)}
                </li>
            }
        })
        .collect_view();
    let more =
        (more > 0).then(|| view! { <li class="cal-chip cal-chip--more" aria-hidden="true">{format!("+{more}")}</li> });

    let is_focus = move || cal.focused() == Some(d);
    let is_selected = move || cal.selected() == Some(d);
    let is_conference = data.conference == Some(d);
    let class = format!(
        "month-grid__cell{}{}{}",
        if named.is_some() { " is-named" } else { "" },
        if is_conference { " is-conference" } else { "" },
        if count > 0 { " has-events" } else { "" },
    );
    view! {
        <div role="gridcell" id=cell_id(d) class=class
            class:is-selected=is_selected
            aria-selected=move || is_selected().to_string()
            tabindex=move || if is_focus() { "0" } else { "-1" }
            on:click=move |_| cal.select(d)>
            <div class="month-grid__day">
                <span class="visually-hidden">{date_name}</span>
                <span class="month-grid__num" aria-hidden="true">{d.day}</span>
                {named.map(|n| view! { <span class="month-grid__named">{n}</span> })}
            </div>
            <div class="month-grid__events">
                {bars}
                <ul class="cal-chips">{chips}{more}</ul>
            </div>
        </div>
    }
    .into_any()
}
