//! The policy timeline: the dated milestones (not plan activities) on a time
//! axis, drawn as inline SVG, with the conference and the named day marked;
//! planned milestones are hollow and dashed. Milestones later than the axis
//! (`年底前`, `2019年底前`) sit past a break. A numbered list of links back
//! to the transcript follows the drawing and carries the same content.
//!
//! The whole section is HTML text ([`timeline_html`]) shown by an
//! [`Region`]: a dot is a `data-go` link to its paragraph. Geometry is
//! in integer tenths of an SVG unit, written as decimals (`12.5`) with
//! integer formatting only.

use crate::calendar::model::{add_months, event_span, YearMonth};
use crate::calendar::state::{CalendarData, CalendarState};
use crate::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::{Event, Precision, Status};
use shilu_ui::html::{attr, num, opt, tenths, view_box, Html, Region};

/// Drawing widths, in tenths of an SVG unit (each scales to the column):
/// wide screens, and narrow ones (about one unit per pixel at 375 px).
pub const WIDTH: i32 = 7200;
pub const NARROW: i32 = 3500;
const PAD: i32 = 240;
const RADIUS: i32 = 90;
/// Closest two dots may come in one lane.
const GAP: i32 = 2 * RADIUS + 30;
const LANE: i32 = 2 * RADIUS + 50;
/// Share of the width given to milestones past the break, in percent.
const LATER_SHARE: i32 = 22;

/// Events on the timeline, by index, in date order: dated events outside the
/// activity plan that are pinned to a day (or a span of at most a month), and
/// every planned one.
pub fn milestones(events: &[Event]) -> Vec<usize> {
    let mut out: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.activity)
        .filter(|(_, e)| {
            let Some((s, t)) = event_span(e) else {
                return false;
            };
            let pinned = match e.precision {
                Some(Precision::Day | Precision::PartOfDay) => true,
                Some(Precision::Range) => t.to_days() - s.to_days() <= 31,
                _ => false,
            };
            pinned || e.status == Some(Status::Planned)
        })
        .map(|(i, _)| i)
        .collect();
    // `out` is in event order; the index breaks ties as a stable sort would.
    out.sort_unstable_by_key(|&i| (event_span(&events[i]).map(|s| s.0), i));
    out
}

/// A dot on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    /// In tenths of a unit.
    pub x: i32,
    /// 0 sits on the axis; higher lanes stack above.
    pub lane: usize,
}

/// The drawing's geometry, in tenths of a unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub dots: Vec<Dot>,
    /// Months on the axis, with the x of their first day.
    pub ticks: Vec<(YearMonth, i32)>,
    /// Where the axis breaks before later milestones.
    pub break_x: Option<i32>,
    /// The x of the last axis day (end of the linear part).
    pub axis_end: i32,
    pub lanes: usize,
    /// Dates mapped to x on the linear part of the axis, if they fall on it.
    from: Date,
    to: Date,
}

impl Layout {
    /// The x of a date on the linear part of the axis, if it falls there.
    pub fn x_of(&self, d: Date) -> Option<i32> {
        (self.from <= d && d <= self.to).then(|| linear(d, self.from, self.to, PAD, self.axis_end))
    }
}

/// `d`'s x between `x0` (at `from`) and `x1` (at `to`), rounded; `d` is
/// not before `from`.
fn linear(d: Date, from: Date, to: Date, x0: i32, x1: i32) -> i32 {
    let span = (to.to_days() - from.to_days()).max(1);
    let days = d.to_days() - from.to_days();
    x0 + ((days * (x1 - x0) as i64 + span / 2) / span) as i32
}

/// Lays out dots for `dates` (in order): linear from the first month to the
/// end of `axis_last`'s month, evenly spaced past a break after that; dots
/// too close to the one before in a lane go up a lane.
pub fn layout(dates: &[Date], axis_last: Date, width: i32) -> Option<Layout> {
    let first = *dates.first()?;
    let from = YearMonth::of(first).first();
    let to = YearMonth::of(axis_last.max(first)).last();
    let later: Vec<usize> = (0..dates.len()).filter(|&i| dates[i] > to).collect();
    let axis_end = if later.is_empty() {
        width - PAD
    } else {
        width * (100 - LATER_SHARE) / 100 - PAD
    };
    let break_x = (!later.is_empty()).then_some(axis_end + PAD);
    // Past the break: from `axis_end + 2 PAD` to `width - PAD`.
    let later_from = axis_end + 2 * PAD;
    let later_span = width - PAD - later_from;
    let xs: Vec<i32> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| match later.iter().position(|&j| j == i) {
            Some(_) if later.len() == 1 => later_from + later_span / 2,
            Some(k) => {
                let n = later.len() as i32 - 1;
                later_from + (later_span * k as i32 + n / 2) / n
            }
            None => linear(*d, from, to, PAD, axis_end),
        })
        .collect();
    let lanes = assign_lanes(&xs, GAP);
    let mut ticks = Vec::new();
    let mut m = YearMonth::of(from);
    while m <= YearMonth::of(to) {
        ticks.push((m, linear(m.first(), from, to, PAD, axis_end)));
        m = add_months(m, 1);
    }
    Some(Layout {
        lanes: lanes.iter().map(|l| l + 1).max().unwrap_or(0),
        dots: xs
            .into_iter()
            .zip(lanes)
            .map(|(x, lane)| Dot { x, lane })
            .collect(),
        ticks,
        break_x,
        axis_end,
        from,
        to,
    })
}

/// For points in ascending x: the lowest lane whose last point is at least
/// `gap` to the left.
pub fn assign_lanes(xs: &[i32], gap: i32) -> Vec<usize> {
    let mut last: Vec<i32> = Vec::new();
    xs.iter()
        .map(|&x| match last.iter().position(|&l| x - l >= gap) {
            Some(lane) => {
                last[lane] = x;
                lane
            }
            None => {
                last.push(x);
                last.len() - 1
            }
        })
        .collect()
}

/// `<line x1 x2 y1 y2/>`, with a class when not empty.
fn svg_line(h: &mut Html, class: &str, x1: i32, x2: i32, y1: i32, y2: i32) {
    h.empty(
        "line",
        &[
            opt("class", Some(class).filter(|c| !c.is_empty())),
            tenths("x1", x1),
            tenths("x2", x2),
            tenths("y1", y1),
            tenths("y2", y2),
        ],
    );
}

/// `<text x y text-anchor>text</text>` (no class or anchor when empty).
fn svg_text(h: &mut Html, class: &str, x: i32, y: i32, anchor: &str, text: &str) {
    h.el(
        "text",
        &[
            opt("class", Some(class).filter(|c| !c.is_empty())),
            tenths("x", x),
            tenths("y", y),
            opt("text-anchor", Some(anchor).filter(|a| !a.is_empty())),
        ],
        text,
    );
}

/// The timeline section: its title, and when there are milestones, the
/// drawing (wide and narrow), the legend and the numbered list.
pub fn timeline_html(data: &CalendarData, t: &PanelTexts) -> Html {
    let mut h = Html::new();
    h.open(
        "section",
        &[
            attr("class", "timeline"),
            attr("aria-labelledby", "timeline-title"),
        ],
    )
    .el(
        "h3",
        &[
            attr("class", "calendar__section-title"),
            attr("id", "timeline-title"),
        ],
        t.timeline,
    );
    content(&mut h, data, t);
    h.close("section");
    h
}

fn content(h: &mut Html, data: &CalendarData, t: &PanelTexts) -> Option<()> {
    let ids = milestones(&data.events);
    let dates: Vec<Date> = ids
        .iter()
        .filter_map(|&i| event_span(&data.events[i]).map(|s| s.0))
        .collect();
    // The axis runs to the conference or the plan's day, or the last
    // milestone done, whichever is latest.
    let done_last = ids
        .iter()
        .filter(|&&i| data.events[i].status != Some(Status::Planned))
        .filter_map(|&i| event_span(&data.events[i]).map(|s| s.1))
        .max();
    let axis_last = [done_last, data.conference, data.default_focus]
        .into_iter()
        .flatten()
        .max()?;
    let mut wide = Html::new();
    drawing(&mut wide, t, data, &ids, &dates, axis_last, WIDTH, "")?;
    let mut narrow = Html::new();
    drawing(
        &mut narrow,
        t,
        data,
        &ids,
        &dates,
        axis_last,
        NARROW,
        "-narrow",
    )?;
    h.open("div", &[attr("class", "timeline__wide")])
        .append(&wide)
        .close("div")
        .open("div", &[attr("class", "timeline__narrow")])
        .append(&narrow)
        .close("div");

    let key = |h: &mut Html| {
        h.open(
            "svg",
            &[
                view_box([0, 0, 200, 200]),
                num("width", 14),
                num("height", 14),
            ],
        )
        .empty(
            "circle",
            &[tenths("cx", 100), tenths("cy", 100), tenths("r", 80)],
        )
        .close("svg");
    };
    h.open(
        "p",
        &[
            attr("class", "timeline__legend"),
            attr("aria-hidden", "true"),
        ],
    )
    .open("span", &[attr("class", "timeline__key")]);
    key(h);
    h.text(t.done)
        .close("span")
        .open("span", &[attr("class", "timeline__key is-planned")]);
    key(h);
    h.text(t.planned).close("span").close("p");

    let approx_note = format!("（{}）", t.approximate);
    h.open("ol", &[attr("class", "timeline__list")]);
    for &i in &ids {
        let e = &data.events[i];
        let planned = e.status == Some(Status::Planned);
        let approx = e.precision == Some(Precision::Approximate);
        let class = if planned {
            "timeline__item is-planned"
        } else {
            "timeline__item"
        };
        h.open("li", &[attr("class", class)])
            .open("span", &[attr("class", "timeline__when")]);
        if approx {
            h.el("span", &[attr("aria-hidden", "true")], "≈");
        }
        h.text(&e.phrase);
        if approx {
            h.el("span", &[attr("class", "visually-hidden")], &approx_note);
        }
        h.close("span")
            .block_link(&e.block, "timeline__label", &e.label);
        if planned {
            h.el(
                "span",
                &[attr("class", "cal-event__status is-planned")],
                t.planned,
            );
        }
        h.close("li");
    }
    h.close("ol");
    Some(())
}

/// One drawing of the timeline, `width` tenths wide.
#[allow(clippy::too_many_arguments)]
fn drawing(
    h: &mut Html,
    t: &PanelTexts,
    data: &CalendarData,
    ids: &[usize],
    dates: &[Date],
    axis_last: Date,
    width: i32,
    suffix: &str,
) -> Option<()> {
    let lay = layout(dates, axis_last, width)?;
    let axis_y = 180 + lay.lanes as i32 * LANE + 80;
    let first = dates.first().copied()?;
    let last = dates.last().copied()?;
    let desc = (t.timeline_desc)(
        ids.len(),
        &(t.date_full)(first.year, first.month, first.day),
        &(t.date_full)(last.year, last.month, last.day),
    );
    let mut markers: Vec<(i32, &str, &'static str)> = Vec::new();
    if let Some(x) = data.conference.and_then(|d| lay.x_of(d)) {
        markers.push((
            x,
            t.conference_marker,
            "timeline__marker timeline__marker--conference",
        ));
    }
    if let Some(d) = data.default_focus {
        if let (Some(x), Some(name)) = (lay.x_of(d), data.named_day(d)) {
            markers.push((x, name, "timeline__marker timeline__marker--named"));
        }
    }
    let height = axis_y + 300 + 140 * markers.len().max(1) as i32;

    let title_id = format!("timeline-svg-title{suffix}");
    let desc_id = format!("timeline-svg-desc{suffix}");
    let labelled = format!("{title_id} {desc_id}");
    h.open(
        "svg",
        &[
            attr("class", "timeline__svg"),
            attr("role", "img"),
            view_box([0, 0, width, height]),
            attr("aria-labelledby", &labelled),
            attr("preserveAspectRatio", "xMinYMin meet"),
        ],
    )
    .el("title", &[attr("id", &title_id)], t.timeline)
    .el("desc", &[attr("id", &desc_id)], &desc);

    let axis_to = if lay.break_x.is_some() {
        width - PAD
    } else {
        lay.axis_end
    };
    svg_line(h, "timeline__axis", PAD, axis_to, axis_y, axis_y);
    for (m, x) in &lay.ticks {
        h.open("g", &[attr("class", "timeline__tick")]);
        svg_line(h, "", *x, *x, axis_y - 40, axis_y + 40);
        svg_text(
            h,
            "",
            x + 30,
            axis_y + 180,
            "",
            &(t.month_short)(m.year, m.month),
        );
        h.close("g");
    }
    for (k, (x, label, class)) in markers.into_iter().enumerate() {
        let end = x * 10 > width * 6;
        let (tx, anchor) = if end {
            (x - 30, "end")
        } else {
            (x + 30, "start")
        };
        h.open("g", &[attr("class", class)]);
        svg_line(h, "", x, x, 80, axis_y);
        svg_text(h, "", tx, axis_y + 340 + k as i32 * 140, anchor, label);
        h.close("g");
    }
    if let Some(x) = lay.break_x {
        h.open("g", &[attr("class", "timeline__break")]);
        svg_line(h, "", x - 60, x - 20, axis_y + 60, axis_y - 60);
        svg_line(h, "", x + 20, x + 60, axis_y + 60, axis_y - 60);
        h.close("g");
        svg_text(
            h,
            "timeline__later",
            (x + width - PAD) / 2,
            axis_y + 180,
            "middle",
            t.later_plans,
        );
    }
    for (n, (&i, dot)) in ids.iter().zip(&lay.dots).enumerate() {
        let e = &data.events[i];
        let cy = axis_y - 140 - dot.lane as i32 * LANE;
        let class = if e.status == Some(Status::Planned) {
            "timeline__dot is-planned"
        } else {
            "timeline__dot"
        };
        let title = format!("{} {}", e.phrase, e.label);
        h.open("g", &[attr("class", class), attr("data-go", &e.block)])
            .el("title", &[], &title);
        svg_line(h, "timeline__stem", dot.x, dot.x, cy + RADIUS, axis_y);
        h.empty(
            "circle",
            &[tenths("cx", dot.x), tenths("cy", cy), tenths("r", RADIUS)],
        );
        svg_text(h, "", dot.x, cy + 35, "middle", &(n + 1).to_string());
        h.close("g");
    }
    h.close("svg");
    Some(())
}

#[component]
pub fn Timeline(cal: CalendarState) -> impl IntoView {
    let t = use_panel_texts();
    let html = Memo::new(move |_| {
        let t = t();
        cal.data.with(|data| timeline_html(data, t))
    });
    view! { <Region html=html class="timeline-region"/> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn event(start: &str, phrase: &str, status: Status, block: &str) -> Event {
        Event {
            id: String::new(),
            start: Some(start.into()),
            end: None,
            precision: Some(Precision::Day),
            part_of_day: None,
            phrase: phrase.into(),
            label: "召开<会议>".into(),
            speaker: None,
            lead_unit: None,
            block: block.into(),
            status: Some(status),
            activity: false,
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_section_draws_linked_dots_and_lists_the_milestones() {
        let data = CalendarData {
            events: vec![
                event("2017-06-21", "6月21日", Status::Done, "t2-b1"),
                event("2017-10-17", "10月17日", Status::Planned, "t3-b4"),
            ],
            named: vec![(d(2017, 10, 17), "全国扶贫日".into())],
            range: None,
            months: Default::default(),
            default_focus: Some(d(2017, 10, 17)),
            conference: Some(d(2017, 10, 12)),
        };
        let h = timeline_html(&data, &crate::texts::PANEL_ZH);
        assert!(h.starts_with("<section class=\"timeline\" aria-labelledby=\"timeline-title\"><h3 class=\"calendar__section-title\" id=\"timeline-title\">政策时间线</h3><div class=\"timeline__wide\"><svg class=\"timeline__svg\" role=\"img\" viewBox=\"0 0 720 "), "{h}");
        assert!(
            h.contains("aria-labelledby=\"timeline-svg-title-narrow timeline-svg-desc-narrow\""),
            "{h}"
        );
        assert!(
            h.contains("<line class=\"timeline__axis\" x1=\"24\" x2=\"696\""),
            "{h}"
        );
        assert!(h.contains("<g class=\"timeline__dot\" data-go=\"t2-b1\"><title>6月21日 召开&lt;会议&gt;</title><line class=\"timeline__stem\" x1=\"112.4\" x2=\"112.4\""), "{h}");
        assert!(
            h.contains("<g class=\"timeline__dot is-planned\" data-go=\"t3-b4\">"),
            "{h}"
        );
        assert!(
            h.contains("<g class=\"timeline__marker timeline__marker--named\">"),
            "{h}"
        );
        assert!(h.contains(">本次发布会</text>"), "{h}");
        assert!(h.contains("<li class=\"timeline__item is-planned\"><span class=\"timeline__when\">10月17日</span><a class=\"block-link timeline__label\" href=\"#t3-b4\" data-go=\"t3-b4\">召开&lt;会议&gt;</a><span class=\"cal-event__status is-planned\">计划</span></li></ol></section>"), "{h}");
        assert!(!h.contains("NaN") && !h.contains("timeline__break"), "{h}");

        let empty = CalendarData {
            events: vec![],
            ..data
        };
        assert_eq!(
            timeline_html(&empty, &crate::texts::PANEL_ZH),
            "<section class=\"timeline\" aria-labelledby=\"timeline-title\"><h3 class=\"calendar__section-title\" id=\"timeline-title\">政策时间线</h3></section>"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn close_points_stack_in_lanes() {
        assert_eq!(
            assign_lanes(&[0, 50, 100, 300, 310], 200),
            vec![0, 1, 2, 0, 1]
        );
        assert_eq!(assign_lanes(&[], 200), Vec::<usize>::new());
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_axis_runs_june_to_october_with_later_plans_past_a_break() {
        let dates = [
            d(2017, 6, 21),
            d(2017, 8, 6),
            d(2017, 9, 28),
            d(2017, 12, 31),
            d(2019, 12, 31),
        ];
        let lay = layout(&dates, d(2017, 10, 17), WIDTH).unwrap();
        let months: Vec<String> = lay.ticks.iter().map(|(m, _)| m.iso()).collect();
        assert_eq!(
            months,
            ["2017-06", "2017-07", "2017-08", "2017-09", "2017-10"]
        );
        let xs: Vec<i32> = lay.dots.iter().map(|p| p.x).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "in date order: {xs:?}");
        let brk = lay.break_x.expect("later plans break the axis");
        assert!(
            xs[2] < brk && brk < xs[3],
            "the break sits between Sept and December"
        );
        assert!(xs.iter().all(|&x| (0..=WIDTH).contains(&x)));
        assert!(lay.x_of(d(2017, 10, 12)).is_some());
        assert!(lay.x_of(d(2017, 12, 31)).is_none(), "past the linear axis");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn without_later_plans_the_axis_fills_the_width() {
        let lay = layout(&[d(2017, 6, 1), d(2017, 6, 30)], d(2017, 6, 30), WIDTH).unwrap();
        assert_eq!(lay.break_x, None);
        assert_eq!(lay.dots[0].x, PAD);
        assert!((lay.dots[1].x - (WIDTH - PAD)).abs() < 10);
        assert_eq!(layout(&[], d(2017, 6, 30), WIDTH), None);
        let narrow = layout(
            &[d(2017, 6, 1), d(2017, 6, 2), d(2017, 6, 3)],
            d(2017, 6, 30),
            NARROW,
        )
        .unwrap();
        assert!(narrow.dots.iter().all(|p| p.x <= NARROW));
        assert_eq!(narrow.lanes, 3, "days a few units apart stack");
    }
}
