//! The policy timeline: the dated milestones (not plan activities) on a time
//! axis, drawn as inline SVG, with the conference and the named day marked;
//! planned milestones are hollow and dashed. Milestones later than the axis
//! (`年底前`, `2019年底前`) sit past a break. A numbered list of links back
//! to the transcript follows the drawing and carries the same content.
//!
//! The whole section is HTML text ([`timeline_html`]) shown by an
//! [`HtmlRegion`]: a dot is a `data-go` link to its paragraph. Geometry is
//! in integer tenths of an SVG unit, written as decimals (`12.5`) with
//! integer formatting only.

use crate::calendar::model::{add_months, event_span, YearMonth};
use crate::calendar::state::{CalendarData, CalendarState};
use crate::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::{Event, Precision, Status};
use shilu_ui::html::{escape_into, Html, HtmlRegion};

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

/// Writes tenths as a decimal: 125 → `12.5`, 120 → `12`, -5 → `-0.5`.
fn push_tenths(out: &mut String, v: i32) {
    if v < 0 {
        out.push('-');
    }
    let v = v.unsigned_abs();
    out.push_str(&(v / 10).to_string());
    if !v.is_multiple_of(10) {
        out.push('.');
        out.push(char::from(b'0' + (v % 10) as u8));
    }
}

/// `<tag class="…" a="1.5" …` (the class when not empty), left open for
/// more attributes.
fn svg_start(out: &mut String, tag: &str, class: &str, nums: &[(&str, i32)]) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    for (name, v) in nums {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        push_tenths(out, *v);
        out.push('"');
    }
}

/// `<line x1 x2 y1 y2/>`.
fn svg_line(out: &mut String, class: &str, x1: i32, x2: i32, y1: i32, y2: i32) {
    svg_start(
        out,
        "line",
        class,
        &[("x1", x1), ("x2", x2), ("y1", y1), ("y2", y2)],
    );
    out.push_str("/>");
}

/// `<text x y text-anchor>text</text>` (no anchor when empty).
fn svg_text(out: &mut String, class: &str, x: i32, y: i32, anchor: &str, text: &str) {
    svg_start(out, "text", class, &[("x", x), ("y", y)]);
    if !anchor.is_empty() {
        out.push_str(" text-anchor=\"");
        out.push_str(anchor);
        out.push('"');
    }
    out.push('>');
    escape_into(out, text);
    out.push_str("</text>");
}

/// The timeline section: its title, and when there are milestones, the
/// drawing (wide and narrow), the legend and the numbered list.
pub fn timeline_html(data: &CalendarData, t: &PanelTexts) -> String {
    let mut h = Html::new();
    h.open(
        "section",
        &[("class", "timeline"), ("aria-labelledby", "timeline-title")],
    )
    .el(
        "h3",
        &[
            ("class", "calendar__section-title"),
            ("id", "timeline-title"),
        ],
        t.timeline,
    );
    let mut out = h.into_string();
    content(&mut out, data, t);
    out.push_str("</section>");
    out
}

fn content(out: &mut String, data: &CalendarData, t: &PanelTexts) -> Option<()> {
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
    let mut wide = String::new();
    drawing(&mut wide, t, data, &ids, &dates, axis_last, WIDTH, "")?;
    let mut narrow = String::new();
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
    out.push_str("<div class=\"timeline__wide\">");
    out.push_str(&wide);
    out.push_str("</div><div class=\"timeline__narrow\">");
    out.push_str(&narrow);
    out.push_str("</div>");

    let key = "<svg viewBox=\"0 0 20 20\" width=\"14\" height=\"14\"><circle cx=\"10\" cy=\"10\" r=\"8\"/></svg>";
    let mut h = Html::new();
    h.open(
        "p",
        &[("class", "timeline__legend"), ("aria-hidden", "true")],
    );
    out.push_str(h.as_str());
    out.push_str("<span class=\"timeline__key\">");
    out.push_str(key);
    escape_into(out, t.done);
    out.push_str("</span><span class=\"timeline__key is-planned\">");
    out.push_str(key);
    escape_into(out, t.planned);
    out.push_str("</span></p>");

    let approx_note = format!("（{}）", t.approximate);
    let mut h = Html::new();
    h.open("ol", &[("class", "timeline__list")]);
    for &i in &ids {
        let e = &data.events[i];
        let planned = e.status == Some(Status::Planned);
        let approx = e.precision == Some(Precision::Approximate);
        let class = if planned {
            "timeline__item is-planned"
        } else {
            "timeline__item"
        };
        h.open("li", &[("class", class)])
            .open("span", &[("class", "timeline__when")]);
        if approx {
            h.el("span", &[("aria-hidden", "true")], "≈");
        }
        h.text(&e.phrase);
        if approx {
            h.el("span", &[("class", "visually-hidden")], &approx_note);
        }
        h.close("span")
            .block_link(&e.block, "timeline__label", &e.label);
        if planned {
            h.el(
                "span",
                &[("class", "cal-event__status is-planned")],
                t.planned,
            );
        }
        h.close("li");
    }
    h.close("ol");
    out.push_str(h.as_str());
    Some(())
}

/// One drawing of the timeline, `width` tenths wide.
#[allow(clippy::too_many_arguments)]
fn drawing(
    out: &mut String,
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
    let mut markers: Vec<(i32, &str, &str)> = Vec::new();
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

    out.push_str("<svg class=\"timeline__svg\" role=\"img\" viewBox=\"0 0 ");
    push_tenths(out, width);
    out.push(' ');
    push_tenths(out, height);
    out.push_str("\" aria-labelledby=\"timeline-svg-title");
    out.push_str(suffix);
    out.push_str(" timeline-svg-desc");
    out.push_str(suffix);
    out.push_str("\" preserveAspectRatio=\"xMinYMin meet\"><title id=\"timeline-svg-title");
    out.push_str(suffix);
    out.push_str("\">");
    escape_into(out, t.timeline);
    out.push_str("</title><desc id=\"timeline-svg-desc");
    out.push_str(suffix);
    out.push_str("\">");
    escape_into(out, &desc);
    out.push_str("</desc>");

    let axis_to = if lay.break_x.is_some() {
        width - PAD
    } else {
        lay.axis_end
    };
    svg_line(out, "timeline__axis", PAD, axis_to, axis_y, axis_y);
    for (m, x) in &lay.ticks {
        out.push_str("<g class=\"timeline__tick\">");
        svg_line(out, "", *x, *x, axis_y - 40, axis_y + 40);
        svg_text(
            out,
            "",
            x + 30,
            axis_y + 180,
            "",
            &(t.month_short)(m.year, m.month),
        );
        out.push_str("</g>");
    }
    for (k, (x, label, class)) in markers.into_iter().enumerate() {
        let end = x * 10 > width * 6;
        let (tx, anchor) = if end {
            (x - 30, "end")
        } else {
            (x + 30, "start")
        };
        out.push_str("<g class=\"");
        out.push_str(class);
        out.push_str("\">");
        svg_line(out, "", x, x, 80, axis_y);
        svg_text(out, "", tx, axis_y + 340 + k as i32 * 140, anchor, label);
        out.push_str("</g>");
    }
    if let Some(x) = lay.break_x {
        out.push_str("<g class=\"timeline__break\">");
        svg_line(out, "", x - 60, x - 20, axis_y + 60, axis_y - 60);
        svg_line(out, "", x + 20, x + 60, axis_y + 60, axis_y - 60);
        out.push_str("</g>");
        svg_text(
            out,
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
        out.push_str(if e.status == Some(Status::Planned) {
            "<g class=\"timeline__dot is-planned\" data-go=\""
        } else {
            "<g class=\"timeline__dot\" data-go=\""
        });
        escape_into(out, &e.block);
        out.push_str("\"><title>");
        escape_into(out, &e.phrase);
        out.push(' ');
        escape_into(out, &e.label);
        out.push_str("</title>");
        svg_line(out, "timeline__stem", dot.x, dot.x, cy + RADIUS, axis_y);
        svg_start(
            out,
            "circle",
            "",
            &[("cx", dot.x), ("cy", cy), ("r", RADIUS)],
        );
        out.push_str("/>");
        svg_text(out, "", dot.x, cy + 35, "middle", &(n + 1).to_string());
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    Some(())
}

#[component]
pub fn Timeline(cal: CalendarState) -> impl IntoView {
    let t = use_panel_texts();
    let html = Memo::new(move |_| {
        let t = t();
        cal.data.with(|data| timeline_html(data, t))
    });
    view! { <HtmlRegion html=html class="timeline-region"/> }
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

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
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

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn close_points_stack_in_lanes() {
        assert_eq!(
            assign_lanes(&[0, 50, 100, 300, 310], 200),
            vec![0, 1, 2, 0, 1]
        );
        assert_eq!(assign_lanes(&[], 200), Vec::<usize>::new());
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn tenths_are_written_as_decimals() {
        let mut s = String::new();
        for v in [0, 5, 120, 125, 7200, -5, -125] {
            push_tenths(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "0 0.5 12 12.5 720 -0.5 -12.5 ");
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
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

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
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
