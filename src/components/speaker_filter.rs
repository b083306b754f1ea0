//! Speaker filters: one toggle per participant in their role's colour with
//! their turn count, "only" shortcuts, role presets, and Q&A grouping.
//!
//! The presets and toggles are HTML ([`presets_html`], [`toggles_html`]),
//! built once per document and language; which of them are pressed is set
//! on them in place, so focus stays on the button the reader pressed.
//! Clicks are handled for the whole filter, by their [`SpeakerAct`].

use crate::i18n::{role_name, text, use_texts, Texts};
use crate::state::{set_of, Reader};
use leptos::html::Fieldset;
use leptos::prelude::*;
use shilu_core::{Document, Role};
use shilu_ui::context::context;
use shilu_ui::dom::select_all;
use shilu_ui::effect::effect;
use shilu_ui::html::{act, act_of, attr, clicked_act, Action, Html};
use std::collections::BTreeSet;

/// The presets after "everyone", when the document has such speakers.
const PRESET_ROLES: [Role; 3] = [Role::Official, Role::Journalist, Role::Host];

/// What a button of the filter asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum SpeakerAct {
    /// Everyone (`None`), or everyone with a role.
    Preset(Option<Role>),
    /// Show or hide one speaker.
    Toggle(String),
    /// Only this speaker.
    Only(String),
}

impl Action for SpeakerAct {
    fn write(&self) -> (&'static str, Option<String>) {
        match self {
            SpeakerAct::Preset(r) => ("preset", r.map(|r| r.as_str().to_string())),
            SpeakerAct::Toggle(n) => ("toggle", Some(n.clone())),
            SpeakerAct::Only(n) => ("only", Some(n.clone())),
        }
    }
    fn read(name: &str, arg: Option<&str>) -> Option<SpeakerAct> {
        match (name, arg) {
            ("preset", None) => Some(SpeakerAct::Preset(None)),
            ("preset", Some(r)) => PRESET_ROLES
                .into_iter()
                .find(|role| role.as_str() == r)
                .map(|role| SpeakerAct::Preset(Some(role))),
            ("toggle", Some(n)) => Some(SpeakerAct::Toggle(n.to_string())),
            ("only", Some(n)) => Some(SpeakerAct::Only(n.to_string())),
            _ => None,
        }
    }
}

/// Quick filters: everyone, then officials, journalists and the host.
pub fn presets_html(doc: &Document, t: &Texts) -> Html {
    let mut h = Html::new();
    // As first shown: nobody filtered out, so "everyone" is pressed.
    let mut preset = |role: Option<Role>, label: &str| {
        h.el(
            "button",
            &[
                attr("type", "button"),
                attr("class", "chip chip--preset"),
                attr(
                    "aria-pressed",
                    if role.is_none() { "true" } else { "false" },
                ),
                act(&SpeakerAct::Preset(role)),
            ],
            label,
        );
    };
    preset(None, t.everyone);
    for role in PRESET_ROLES {
        if doc.participants.iter().any(|p| p.role == role) {
            let label = match role {
                Role::Official => t.officials,
                Role::Journalist => t.journalists,
                _ => t.hosts,
            };
            preset(Some(role), label);
        }
    }
    h
}

/// Each participant who speaks: a toggle with their turn count, and an
/// "only" shortcut.
pub fn toggles_html(doc: &Document, t: &Texts) -> Html {
    let mut h = Html::new();
    for p in &doc.participants {
        let turns = doc.turn_count(&p.id);
        if turns == 0 {
            continue;
        }
        let class = format!("speaker speaker--{}", p.role.as_str());
        let title = format!(
            "{} · {}",
            role_name(t.common, p.role),
            p.title
                .as_deref()
                .or(p.outlet.as_deref())
                .unwrap_or_default()
        );
        let only = (t.only)(&p.name);
        h.open("li", &[attr("class", &class)])
            .open(
                "button",
                &[
                    attr("type", "button"),
                    attr("class", "chip speaker__toggle"),
                    attr("aria-pressed", "true"),
                    attr("title", &title),
                    act(&SpeakerAct::Toggle(p.name.clone())),
                ],
            )
            .el(
                "span",
                &[
                    attr("class", "speaker__swatch"),
                    attr("aria-hidden", "true"),
                ],
                "",
            )
            .el(
                "span",
                &[
                    attr("class", "speaker__name"),
                    attr("lang", doc.meta.lang_tag()),
                ],
                &p.name,
            )
            .el(
                "span",
                &[
                    attr("class", "speaker__count"),
                    attr("aria-label", &(t.common.turns_count)(turns)),
                ],
                &turns.to_string(),
            )
            .close("button")
            .open(
                "button",
                &[
                    attr("type", "button"),
                    attr("class", "chip chip--only"),
                    attr("aria-label", &only),
                    attr("title", &only),
                    act(&SpeakerAct::Only(p.name.clone())),
                ],
            )
            .el("span", &[attr("aria-hidden", "true")], "◎")
            .close("button")
            .close("li");
    }
    h
}

/// Whether the button for `a` is pressed when `speakers` are shown
/// (empty: everyone).
pub fn is_pressed(reader: &Reader, speakers: &BTreeSet<String>, a: &SpeakerAct) -> bool {
    match a {
        SpeakerAct::Toggle(name) => speakers.is_empty() || speakers.contains(name),
        SpeakerAct::Preset(role) => *speakers == set_of(role_names(reader, *role)),
        SpeakerAct::Only(_) => false,
    }
}

/// The names a preset stands for (none: everyone).
fn role_names(reader: &Reader, role: Option<Role>) -> Vec<String> {
    role.map(|r| reader.names_with_role(r)).unwrap_or_default()
}

/// Shows `name` or hides them; showing everyone again clears the filter.
fn toggle(reader: Reader, name: &str) {
    let all = reader
        .doc
        .with(|d| set_of(d.turns.iter().map(|t| t.speaker.clone())));
    reader.speakers.update(|s| {
        if s.is_empty() {
            *s = all.clone();
        }
        if !s.remove(name) {
            s.insert(name.to_string());
        }
        if *s == all {
            s.clear();
        }
    });
}

#[component]
pub fn SpeakerFilter() -> impl IntoView {
    let reader = context::<Reader>();
    let t = use_texts();
    let filter = NodeRef::<Fieldset>::new();
    // Mark the pressed buttons in place (after a new document or language
    // has rebuilt them, too).
    effect(move || {
        reader.doc.track();
        t();
        let Some(root) = filter.get() else { return };
        reader.speakers.with(|speakers| {
            for b in select_all(&root, "[aria-pressed]") {
                let Some(a) = act_of::<SpeakerAct>(&b) else {
                    continue;
                };
                let pressed = is_pressed(&reader, speakers, &a);
                let _ = b.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            }
        });
    });
    let on_click = move |ev: leptos::ev::MouseEvent| match clicked_act::<SpeakerAct>(&ev) {
        Some(SpeakerAct::Toggle(name)) => toggle(reader, &name),
        Some(SpeakerAct::Only(name)) => reader.show_only([name]),
        Some(SpeakerAct::Preset(role)) => reader.show_only(role_names(&reader, role)),
        None => {}
    };
    view! {
        <fieldset class="speakers" node_ref=filter on:click=on_click>
            <legend class="speakers__legend">{text(|t| t.speakers)}</legend>
            <div class="speakers__presets" role="group"
                inner_html=move || reader.doc.with(|d| presets_html(d, t()).into_string())></div>
            <ul class="speakers__list"
                inner_html=move || reader.doc.with(|d| toggles_html(d, t()).into_string())></ul>
            <label class="speakers__qa">
                <input type="checkbox"
                    prop:checked=move || reader.keep_qa.get()
                    on:change=move |ev| reader.keep_qa.set(event_target_checked(&ev))/>
                {text(|t| t.keep_qa)}
            </label>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, ZH};
    use expect_test::expect;

    fn seed() -> Document {
        shilu_core::structure(crate::app::SEED, None)
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn presets_are_everyone_then_the_roles_present() {
        let html = presets_html(&seed(), &ZH);
        // Everyone (pressed), then each role present, in order.
        assert_eq!(html.matches("aria-pressed=\"true\"").count(), 1);
        let at = |s: &str| html.find(s).unwrap();
        assert!(at(ZH.everyone) < at(ZH.officials) && at(ZH.officials) < at(ZH.journalists));
        assert!(at(ZH.journalists) < at(ZH.hosts));
        expect![[r##"<button type="button" class="chip chip--preset" aria-pressed="true" data-act="preset">全部</button><button type="button" class="chip chip--preset" aria-pressed="false" data-act="preset" data-arg="official">仅官员</button><button type="button" class="chip chip--preset" aria-pressed="false" data-act="preset" data-arg="journalist">仅记者</button><button type="button" class="chip chip--preset" aria-pressed="false" data-act="preset" data-arg="host">仅主持人</button>"##]].assert_eq(&html);
        // A transcript without journalists has no journalists' preset.
        let mut doc = seed();
        doc.participants.retain(|p| p.role != Role::Journalist);
        assert!(!presets_html(&doc, &EN).contains("journalist"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_filter_actions_read_what_they_write() {
        for a in [
            SpeakerAct::Preset(None),
            SpeakerAct::Preset(Some(Role::Journalist)),
            SpeakerAct::Toggle("刘志杰".into()),
            SpeakerAct::Only("刘志杰".into()),
        ] {
            let (name, arg) = a.write();
            assert_eq!(SpeakerAct::read(name, arg.as_deref()), Some(a));
        }
        assert_eq!(SpeakerAct::read("preset", Some("nobody")), None);
        assert_eq!(SpeakerAct::read("toggle", None), None);
        assert_eq!(SpeakerAct::read("tog", Some("x")), None);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_speaker_has_a_toggle_with_the_turn_count_and_an_only_button() {
        let doc = seed();
        let html = toggles_html(&doc, &ZH);
        let speaking = doc
            .participants
            .iter()
            .filter(|p| doc.turn_count(&p.id) > 0)
            .count();
        assert_eq!(html.matches("data-act=\"toggle\"").count(), speaking);
        assert_eq!(html.matches("data-act=\"only\"").count(), speaking);
        let liu = &doc.participants[0];
        let n = doc.turn_count(&liu.id);
        let first = &html[..html.find("</li>").unwrap() + 5];
        assert!(first.contains(&format!(">{n}</span>")), "{first}");
        assert!(first.contains(&(ZH.common.turns_count)(n)), "{first}");
        assert!(first.contains(&(ZH.only)(&liu.name)), "{first}");
        expect![[r##"<li class="speaker speaker--official"><button type="button" class="chip speaker__toggle" aria-pressed="true" title="发布人 · 省扶贫办主任" data-act="toggle" data-arg="刘志杰"><span class="speaker__swatch" aria-hidden="true"></span><span class="speaker__name" lang="zh-Hans">刘志杰</span><span class="speaker__count" aria-label="1 次发言">1</span></button><button type="button" class="chip chip--only" aria-label="只看刘志杰" title="只看刘志杰" data-act="only" data-arg="刘志杰"><span aria-hidden="true">◎</span></button></li>"##]].assert_eq(first);
    }
}
