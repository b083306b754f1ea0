//! Two .ics downloads: the activity plan, and every dated event. The core's
//! iCalendar writer makes the file; the browser offers it.

use crate::dom::download;
use crate::i18n::use_texts;
use crate::panels::calendar::CalendarState;
use leptos::prelude::*;
use shilu_core::ics::{calendar, IcsScope};

/// `shilu-2017-10-12-activities.ics` (the date part only when known).
pub fn ics_filename(date: Option<&str>, scope: IcsScope) -> String {
    let what = match scope {
        IcsScope::Activities => "activities",
        IcsScope::All => "all",
    };
    match date.filter(|d| crate::url_state::is_iso_date(d)) {
        Some(d) => format!("shilu-{d}-{what}.ics"),
        None => format!("shilu-{what}.ics"),
    }
}

#[component]
pub fn IcsDownloads(cal: CalendarState) -> impl IntoView {
    let t = use_texts();
    let reader = cal.reader;
    let save = move |scope: IcsScope| {
        reader.doc.with_untracked(|doc| {
            let text = calendar(doc, scope);
            download(
                &ics_filename(doc.meta.date.as_deref(), scope),
                "text/calendar;charset=utf-8",
                &text,
            );
        });
    };
    let has_activities = move || {
        cal.data
            .with(|d| d.events.iter().any(|e| e.activity && e.start.is_some()))
    };
    let has_dated = move || {
        cal.data
            .with(|d| d.events.iter().any(|e| e.start.is_some()))
    };
    let activities_label = move || {
        let name = cal.data.with(|d| d.plan_name().map(str::to_string));
        (t().ics_activities)(name.as_deref())
    };
    view! {
        <div class="ics-downloads" role="group" aria-label=move || t().ics_group>
            <span class="ics-downloads__label" aria-hidden="true">{move || t().ics_group}</span>
            <button type="button" class="text-button" disabled=move || !has_activities()
                on:click=move |_| save(IcsScope::Activities)>
                <span aria-hidden="true">"⤓"</span>{activities_label}
            </button>
            <button type="button" class="text-button" disabled=move || !has_dated()
                on:click=move |_| save(IcsScope::All)>
                <span aria-hidden="true">"⤓"</span>{move || t().ics_all}
            </button>
        </div>
    }
}
