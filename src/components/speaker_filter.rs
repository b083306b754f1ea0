//! Speaker filters: one toggle per participant in their role's colour with
//! their turn count, "only" shortcuts, role presets, and Q&A grouping.

use crate::i18n::{role_name, text, use_texts};
use crate::state::{set_of, Reader};
use leptos::prelude::*;
use shilu_core::{Participant, Role};

#[component]
pub fn SpeakerFilter() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let people = move || {
        reader.doc.with(|d| {
            d.participants
                .iter()
                .map(|p| (p.clone(), d.turn_count(&p.id)))
                .filter(|(_, n)| *n > 0)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="speakers">
            <legend class="speakers__legend">{text(|t| t.speakers)}</legend>
            <RolePresets/>
            <ul class="speakers__list">
                {move || people().into_iter().map(|(p, n)| view! { <SpeakerToggle person=p turns=n/> }).collect_view()}
            </ul>
            <label class="speakers__qa">
                <input type="checkbox"
                    prop:checked=move || reader.keep_qa.get()
                    on:change=move |ev| reader.keep_qa.set(event_target_checked(&ev))/>
                {text(|t| t.keep_qa)}
            </label>
        </fieldset>
    }
}

/// Quick filters: everyone, officials, journalists, host.
#[component]
fn RolePresets() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let t = use_texts();
    let preset = move |role: Option<Role>| {
        let names = set_of(role.map(|r| reader.names_with_role(r)).unwrap_or_default());
        let pressed = move || reader.speakers.with(|s| *s == names);
        let label = move || match role {
            None => t().everyone,
            Some(Role::Official) => t().officials,
            Some(Role::Journalist) => t().journalists,
            Some(Role::Host) => t().hosts,
            Some(Role::Other) => t().role_other,
        };
        view! {
            <button type="button" class="chip chip--preset"
                aria-pressed=move || pressed().to_string()
                on:click=move |_| reader.show_only(role.map(|r| reader.names_with_role(r)).unwrap_or_default())>
                {label}
            </button>
        }
    };
    let has = move |role: Role| !reader.names_with_role(role).is_empty();
    view! {
        <div class="speakers__presets" role="group">
            {preset(None)}
            {move || [Role::Official, Role::Journalist, Role::Host]
                .into_iter()
                .filter(|r| has(*r))
                .map(|r| preset(Some(r)))
                .collect_view()}
        </div>
    }
}

/// One participant's toggle, plus an "only this speaker" shortcut.
#[component]
fn SpeakerToggle(person: Participant, turns: usize) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let t = use_texts();
    let name = person.name.clone();
    let shown = {
        let name = name.clone();
        move || reader.speakers.with(|s| s.is_empty() || s.contains(&name))
    };
    let toggle = {
        let name = name.clone();
        move |_| {
            let all = reader
                .doc
                .with(|d| set_of(d.turns.iter().map(|t| t.speaker.clone())));
            reader.speakers.update(|s| {
                if s.is_empty() {
                    *s = all.clone();
                }
                if !s.remove(&name) {
                    s.insert(name.clone());
                }
                if *s == all {
                    s.clear();
                }
            });
        }
    };
    let only = {
        let name = name.clone();
        move |_| reader.show_only([name.clone()])
    };
    let role = person.role;
    let title = person.title.clone().or(person.outlet.clone());
    let only_label = {
        let name = name.clone();
        move || (t().only)(&name)
    };
    view! {
        <li class=format!("speaker speaker--{}", role.as_str())>
            <button type="button" class="chip speaker__toggle"
                aria-pressed=move || shown().to_string()
                on:click=toggle
                title=move || format!("{} · {}", role_name(t(), role), title.clone().unwrap_or_default())>
                <span class="speaker__swatch" aria-hidden="true"></span>
                <span class="speaker__name" lang="zh-CN">{name.clone()}</span>
                <span class="speaker__count" aria-label=move || (t().turns_count)(turns)>{turns}</span>
            </button>
            <button type="button" class="chip chip--only" on:click=only aria-label=only_label.clone() title=only_label>
                <span aria-hidden="true">"◎"</span>
            </button>
        </li>
    }
}
