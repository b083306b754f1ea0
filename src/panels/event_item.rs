//! One event in a list (the chosen day, the agenda): when, what, who leads,
//! and its label as a link to the paragraph it comes from.

use crate::i18n::{use_texts, ZH};
use crate::panels::calendar_model::{event_span, is_approximate, is_multi_day};
use crate::panels::BlockLink;
use leptos::prelude::*;
use shilu_core::{Event, Status};

#[component]
pub fn EventItem(event: Event) -> impl IntoView {
    let t = use_texts();
    let approx = is_approximate(&event);
    let planned = event.status == Some(Status::Planned);
    let class = format!(
        "cal-event{}{}{}",
        if event.activity {
            " cal-event--activity"
        } else {
            ""
        },
        if approx { " is-approx" } else { "" },
        if planned { " is-planned" } else { "" },
    );
    let span = event_span(&event);
    let multi = is_multi_day(&event);
    let phrase = event.phrase.clone();
    let when = move || {
        let t = t();
        match span {
            None => t.undated.to_string(),
            // The days a range resolves to, unless the phrase already says them.
            Some((s, e)) if multi && !phrase.contains(&(ZH.date_short)(s.month, s.day)) => format!(
                "{phrase}（{}{}{}）",
                (t.date_short)(s.month, s.day),
                t.until,
                (t.date_short)(e.month, e.day)
            ),
            Some(_) => phrase.clone(),
        }
    };
    let lead = event.lead_unit.clone();
    let speaker = event.speaker.clone();
    view! {
        <li class=class>
            <span class="cal-event__when">
                {approx.then(|| view! {
                    <span class="cal-event__approx" aria-hidden="true">"≈"</span>
                })}
                {when}
                {approx.then(|| view! { <span class="visually-hidden">{move || format!("（{}）", t().approximate)}</span> })}
            </span>
            <BlockLink block=event.block.clone() class="cal-event__label">{event.label.clone()}</BlockLink>
            <span class="cal-event__meta">
                {lead.map(|u| view! { <span class="cal-event__lead">{move || t().lead_unit}"："{u.clone()}</span> })}
                {speaker.map(|s| view! { <span class="cal-event__speaker">{s}</span> })}
                <span class=if planned { "cal-event__status is-planned" } else { "cal-event__status" }>
                    {move || match event.status {
                        Some(Status::Planned) => t().planned,
                        Some(Status::Done) => t().done,
                        None => "",
                    }}
                </span>
            </span>
        </li>
    }
}
