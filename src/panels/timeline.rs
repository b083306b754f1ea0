//! The policy timeline: the dated milestones (not plan activities) on a time
//! axis, drawn as inline SVG, with the conference and the named day marked;
//! planned milestones are hollow and dashed. Milestones later than the axis
//! (`年底前`, `2019年底前`) sit past a break. A numbered list of links back
//! to the transcript follows the drawing and carries the same content.

use crate::i18n::{use_texts, Texts};
use crate::panels::calendar::{CalendarData, CalendarState};
use crate::panels::calendar_model::{event_span, YearMonth};
use crate::panels::{go_to_block, BlockLink};
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::{Event, Precision, Status};

/// Drawing widths in SVG units (each scales to the column): wide screens,
/// and narrow ones (about one unit per pixel at 375 px).
pub const WIDTH: f64 = 720.0;
pub const NARROW: f64 = 350.0;
const PAD: f64 = 24.0;
const RADIUS: f64 = 9.0;
/// Closest two dots may come in one lane.
const GAP: f64 = 2.0 * RADIUS + 3.0;
const LANE: f64 = 2.0 * RADIUS + 5.0;
/// Share of the width given to milestones past the break.
const LATER_SHARE: f64 = 0.22;

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
    pub x: f64,
    /// 0 sits on the axis; higher lanes stack above.
    pub lane: usize,
}

/// The drawing's geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub dots: Vec<Dot>,
    /// Months on the axis, with the x of their first day.
    pub ticks: Vec<(YearMonth, f64)>,
    /// Where the axis breaks before later milestones.
    pub break_x: Option<f64>,
    /// The x of the last axis day (end of the linear part).
    pub axis_end: f64,
    pub lanes: usize,
    /// Dates mapped to x on the linear part of the axis, if they fall on it.
    from: Date,
    to: Date,
}

impl Layout {
    /// The x of a date on the linear part of the axis, if it falls there.
    pub fn x_of(&self, d: Date) -> Option<f64> {
        (self.from <= d && d <= self.to).then(|| linear(d, self.from, self.to, PAD, self.axis_end))
    }
}

fn linear(d: Date, from: Date, to: Date, x0: f64, x1: f64) -> f64 {
    let span = (to.to_days() - from.to_days()).max(1) as f64;
    x0 + (d.to_days() - from.to_days()) as f64 / span * (x1 - x0)
}

/// Lays out dots for `dates` (in order): linear from the first month to the
/// end of `axis_last`'s month, evenly spaced past a break after that; dots
/// too close to the one before in a lane go up a lane.
pub fn layout(dates: &[Date], axis_last: Date, width: f64) -> Option<Layout> {
    let first = *dates.first()?;
    let from = YearMonth::of(first).first();
    let to = YearMonth::of(axis_last.max(first)).last();
    let later: Vec<usize> = (0..dates.len()).filter(|&i| dates[i] > to).collect();
    let axis_end = if later.is_empty() {
        width - PAD
    } else {
        width * (1.0 - LATER_SHARE) - PAD
    };
    let break_x = (!later.is_empty()).then_some(axis_end + PAD);
    let step = if later.is_empty() {
        0.0
    } else {
        (width - PAD - (axis_end + 2.0 * PAD)) / later.len().max(2).saturating_sub(1) as f64
    };
    let xs: Vec<f64> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| match later.iter().position(|&j| j == i) {
            Some(_) if later.len() == 1 => {
                axis_end + 2.0 * PAD + (width - PAD - axis_end - 2.0 * PAD) / 2.0
            }
            Some(k) => axis_end + 2.0 * PAD + step * k as f64,
            None => linear(*d, from, to, PAD, axis_end),
        })
        .collect();
    let lanes = assign_lanes(&xs, GAP);
    let mut ticks = Vec::new();
    let mut m = YearMonth::of(from);
    while m <= YearMonth::of(to) {
        ticks.push((m, linear(m.first(), from, to, PAD, axis_end)));
        m = m.next();
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
pub fn assign_lanes(xs: &[f64], gap: f64) -> Vec<usize> {
    let mut last: Vec<f64> = Vec::new();
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

#[component]
pub fn Timeline(cal: CalendarState) -> impl IntoView {
    let t = use_texts();
    let reader = cal.reader;
    let content = move || {
        let t = t();
        cal.data.with(|data| {
            let ids = milestones(&data.events);
            let dates: Vec<Date> = ids.iter().filter_map(|&i| event_span(&data.events[i]).map(|s| s.0)).collect();
            // The axis runs to the conference or the plan's day, or the last
            // milestone done, whichever is latest.
            let done_last = ids
                .iter()
                .filter(|&&i| data.events[i].status != Some(Status::Planned))
                .filter_map(|&i| event_span(&data.events[i]).map(|s| s.1))
                .max();
            let axis_last = [done_last, data.conference, data.default_focus].into_iter().flatten().max()?;
            let wide = drawing(reader, t, data, &ids, &dates, axis_last, WIDTH, "")?;
            let narrow = drawing(reader, t, data, &ids, &dates, axis_last, NARROW, "-narrow")?;
            let items = ids
                .iter()
                .map(|&i| {
                    let e = &data.events[i];
                    let planned = e.status == Some(Status::Planned);
                    let approx = e.precision == Some(Precision::Approximate);
                    let label = e.label.clone();
                    view! {
                        <li class="timeline__item" class:is-planned=planned>
                            <span class="timeline__when">
                                {approx.then_some(view! { <span aria-hidden="true">"≈"</span> })}
                                {e.phrase.clone()}
                                {approx.then(|| view! { <span class="visually-hidden">{format!("（{}）", t.approximate)}</span> })}
                            </span>
                            <BlockLink block=e.block.clone() class="timeline__label">{label}</BlockLink>
                            {planned.then(|| view! { <span class="cal-event__status is-planned">{t.planned}</span> })}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="timeline__wide">{wide}</div>
                <div class="timeline__narrow">{narrow}</div>
                <p class="timeline__legend" aria-hidden="true">
                    <span class="timeline__key"><svg viewBox="0 0 20 20" width="14" height="14"><circle cx="10" cy="10" r="8"/></svg>{t.done}</span>
                    <span class="timeline__key is-planned"><svg viewBox="0 0 20 20" width="14" height="14"><circle cx="10" cy="10" r="8"/></svg>{t.planned}</span>
                </p>
                <ol class="timeline__list">{items}</ol>
            })
        })
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h3 class="calendar__section-title" id="timeline-title">{move || t().timeline}</h3>
            {content}
        </section>
    }
}

/// One drawing of the timeline, `width` units wide.
#[allow(clippy::too_many_arguments)]
fn drawing(
    reader: Reader,
    t: &'static Texts,
    data: &CalendarData,
    ids: &[usize],
    dates: &[Date],
    axis_last: Date,
    width: f64,
    suffix: &'static str,
) -> Option<AnyView> {
    let lay = layout(dates, axis_last, width)?;
    let axis_y = 18.0 + lay.lanes as f64 * LANE + 8.0;
    let first = dates.first().copied()?;
    let last = dates.last().copied()?;
    let desc = (t.timeline_desc)(
        ids.len(),
        &(t.date_full)(first.year, first.month, first.day),
        &(t.date_full)(last.year, last.month, last.day),
    );

    let ticks = lay
        .ticks
        .iter()
        .map(|(m, x)| {
            let label = (t.month_short)(m.year, m.month);
            view! {
                <g class="timeline__tick">
                    <line x1=*x x2=*x y1=axis_y - 4.0 y2=axis_y + 4.0/>
                    <text x=*x + 3.0 y=axis_y + 18.0>{label}</text>
                </g>
            }
        })
        .collect_view();
    let mut markers = Vec::new();
    if let Some((x, d)) = data.conference.and_then(|d| lay.x_of(d).map(|x| (x, d))) {
        markers.push((
            x,
            t.conference_marker.to_string(),
            d,
            "timeline__marker timeline__marker--conference",
        ));
    }
    if let Some(d) = data.default_focus {
        if let (Some(x), Some(name)) = (lay.x_of(d), data.named_day(d)) {
            markers.push((
                x,
                name.to_string(),
                d,
                "timeline__marker timeline__marker--named",
            ));
        }
    }
    let height = axis_y + 30.0 + 14.0 * markers.len().max(1) as f64;
    let markers = markers
        .into_iter()
        .enumerate()
        .map(|(k, (x, label, _, class))| {
            let anchor = if x > width * 0.6 { "end" } else { "start" };
            let tx = if anchor == "end" { x - 3.0 } else { x + 3.0 };
            view! {
                <g class=class>
                    <line x1=x x2=x y1=8.0 y2=axis_y/>
                    <text x=tx y=axis_y + 34.0 + k as f64 * 14.0 text-anchor=anchor>{label}</text>
                </g>
            }
        })
        .collect_view();
    let dots = ids
                .iter()
                .zip(&lay.dots)
                .enumerate()
                .map(|(n, (&i, dot))| {
                    let e = &data.events[i];
                    let planned = e.status == Some(Status::Planned);
                    let cy = axis_y - 14.0 - dot.lane as f64 * LANE;
                    let block = e.block.clone();
                    let tip = format!("{} {}", e.phrase, e.label);
                    view! {
                        <g class="timeline__dot" class:is-planned=planned on:click=move |_| go_to_block(reader, block.clone())>
                            <title>{tip}</title>
                            <line class="timeline__stem" x1=dot.x x2=dot.x y1=cy + RADIUS y2=axis_y/>
                            <circle cx=dot.x cy=cy r=RADIUS/>
                            <text x=dot.x y=cy + 3.5 text-anchor="middle">{(n + 1).to_string()}</text>
                        </g>
                    }
                })
                .collect_view();
    let breaker = lay.break_x.map(|x| {
        view! {
            <g class="timeline__break">
                <line x1=x - 6.0 x2=x - 2.0 y1=axis_y + 6.0 y2=axis_y - 6.0/>
                <line x1=x + 2.0 x2=x + 6.0 y1=axis_y + 6.0 y2=axis_y - 6.0/>
            </g>
        }
    });
    let axis_to = if lay.break_x.is_some() {
        width - PAD
    } else {
        lay.axis_end
    };
    let later = lay.break_x.map(|x| view! {
                <text class="timeline__later" x=(x + width - PAD) / 2.0 y=axis_y + 18.0 text-anchor="middle">{t.later_plans}</text>
            });
    Some(view! {
                <svg class="timeline__svg" role="img" viewBox=format!("0 0 {width} {height}")
                    aria-labelledby=format!("timeline-svg-title{suffix} timeline-svg-desc{suffix}") preserveAspectRatio="xMinYMin meet">
                    <title id=format!("timeline-svg-title{suffix}")>{t.timeline}</title>
                    <desc id=format!("timeline-svg-desc{suffix}")>{desc}</desc>
                    <line class="timeline__axis" x1=PAD x2=axis_to y1=axis_y y2=axis_y/>
                    {ticks}
                    {markers}
                    {breaker}
                    {later}
                    {dots}
                </svg>
    }.into_any())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn close_points_stack_in_lanes() {
        assert_eq!(
            assign_lanes(&[0.0, 5.0, 10.0, 30.0, 31.0], 20.0),
            vec![0, 1, 2, 0, 1]
        );
        assert_eq!(assign_lanes(&[], 20.0), Vec::<usize>::new());
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
        let xs: Vec<f64> = lay.dots.iter().map(|p| p.x).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "in date order: {xs:?}");
        let brk = lay.break_x.expect("later plans break the axis");
        assert!(
            xs[2] < brk && brk < xs[3],
            "the break sits between Sept and December"
        );
        assert!(xs.iter().all(|&x| (0.0..=WIDTH).contains(&x)));
        assert!(lay.x_of(d(2017, 10, 12)).is_some());
        assert!(lay.x_of(d(2017, 12, 31)).is_none(), "past the linear axis");
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn without_later_plans_the_axis_fills_the_width() {
        let lay = layout(&[d(2017, 6, 1), d(2017, 6, 30)], d(2017, 6, 30), WIDTH).unwrap();
        assert_eq!(lay.break_x, None);
        assert_eq!(lay.dots[0].x, PAD);
        assert!((lay.dots[1].x - (WIDTH - PAD)).abs() < 1.0);
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
