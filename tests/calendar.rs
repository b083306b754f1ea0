//! Component tests of the calendar panel, in headless Chromium: the month
//! grid opens on the plan's month with its named day marked, choosing a day
//! lists its events, the keyboard moves through days and months, and an
//! event leads back to its paragraph.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use shilu_app::app::{provide_reader, SEED};
use shilu_app::components::transcript::Transcript;
use shilu_app::i18n::{I18n, Lang};
use shilu_app::navigate::go_to_block;
use shilu_app::state::{Panel, Reader};
use shilu_core::dates::Date;
use shilu_panels::calendar::CalendarPanel;
use shilu_panels::host::PanelHost;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_container() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Mounts the calendar and the transcript over the seed; returns the
/// container and the reader's state.
fn mount_calendar() -> (web_sys::HtmlElement, Reader) {
    let container = fresh_container();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let reader = provide_reader(SEED, shilu_core::structure(SEED, None));
        provide_panels_over(reader);
        reader.panel.set(Panel::Calendar);
        tx.send(reader).unwrap();
        view! { <CalendarPanel/><Transcript/> }
    });
    handle.forget();
    (container, rx.recv().unwrap())
}

/// The panels over the reader, in the same module: what the page gives
/// the panels' module (its text and day, and going to a block), without
/// the module boundary.
fn provide_panels_over(reader: Reader) {
    PanelHost::over(
        reader.text,
        reader.day,
        Callback::new(move |id| go_to_block(reader, id)),
    )
    .provide();
}

/// A day, from its ISO form.
fn day(iso: &str) -> Option<Date> {
    Some(Date::from_iso(iso).unwrap())
}

fn el(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is rendered"))
        .unchecked_into()
}

fn text(e: &web_sys::Element) -> String {
    e.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect()
}

/// Dispatches a `keydown` of `key` on `target`, bubbling like a real one.
fn key(target: &web_sys::HtmlElement, key: &str) {
    let press = js_sys::Function::new_with_args(
        "el, key",
        "el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))",
    );
    press
        .call2(&wasm_bindgen::JsValue::NULL, target, &key.into())
        .unwrap();
}

#[wasm_bindgen_test]
fn the_calendar_opens_on_october_2017_with_the_17th_marked() {
    let (container, _) = mount_calendar();

    let grid = el(&container, "[role=grid]");
    assert_eq!(text(&el(&container, "#cal-month-title")), "2017年10月");
    assert_eq!(
        grid.get_attribute("aria-labelledby").as_deref(),
        Some("cal-month-title")
    );
    // Weeks start on Monday.
    let headers = grid.query_selector_all("[role=columnheader]").unwrap();
    assert_eq!(headers.length(), 7);
    let first: web_sys::Element = headers.item(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("aria-label").as_deref(), Some("星期一"));
    // 1 October 2017 is a Sunday: the last cell of the first row.
    let first_row = grid
        .query_selector_all("[role=row]")
        .unwrap()
        .item(1)
        .unwrap();
    let cells = first_row
        .unchecked_ref::<web_sys::Element>()
        .query_selector_all("[role=gridcell]")
        .unwrap();
    assert_eq!(cells.length(), 7);
    let sunday: web_sys::Element = cells.item(6).unwrap().unchecked_into();
    assert_eq!(sunday.id(), "cal-2017-10-01");

    let day = el(&container, "#cal-2017-10-17");
    assert!(
        day.class_list().contains("is-named"),
        "17 October is marked"
    );
    assert!(text(&day).contains("全国扶贫日"));
    let name = text(&day);
    assert!(
        name.contains("2017年10月17日星期二") && name.contains("攻坚深度贫困论坛"),
        "{name}"
    );
    assert_eq!(
        day.get_attribute("tabindex").as_deref(),
        Some("0"),
        "the roving focus starts on the plan's day"
    );
    assert_eq!(
        container
            .query_selector_all("[role=gridcell][tabindex='0']")
            .unwrap()
            .length(),
        1
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn choosing_the_17th_lists_the_forum_and_the_performance() {
    let (c, reader) = mount_calendar();
    el(&c, "#cal-2017-10-17").click();
    leptos::task::tick().await;
    assert_eq!(reader.day.get_untracked(), day("2017-10-17"));
    let cell = el(&c, "#cal-2017-10-17");
    assert_eq!(cell.get_attribute("aria-selected").as_deref(), Some("true"));
    let listed = text(&el(&c, ".day-events"));
    assert!(listed.contains("攻坚深度贫困论坛"), "{listed}");
    assert!(listed.contains("文艺节目汇演"), "{listed}");
    assert!(
        listed.contains("牵头单位"),
        "lead units are shown: {listed}"
    );
    c.remove();
}

#[wasm_bindgen_test]
async fn keys_move_the_focus_and_the_month() {
    let (c, reader) = mount_calendar();
    let grid = el(&c, "[role=grid]");
    key(&grid, "ArrowRight");
    leptos::task::tick().await;
    assert_eq!(
        el(&c, "#cal-2017-10-18")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    assert_eq!(
        el(&c, "#cal-2017-10-17")
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
    key(&grid, "ArrowUp");
    leptos::task::tick().await;
    assert_eq!(
        el(&c, "#cal-2017-10-11")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    key(&grid, "PageUp");
    leptos::task::tick().await;
    assert_eq!(text(&el(&c, "#cal-month-title")), "2017年9月");
    assert_eq!(
        el(&c, "#cal-2017-09-11")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    // 9—10月份 spans September: a bar in every week row.
    let bars = c.query_selector_all(".cal-bar__label").unwrap();
    let five_in: Vec<String> = (0..bars.length())
        .map(|i| bars.item(i).unwrap().text_content().unwrap_or_default())
        .filter(|s| s.contains("五进"))
        .collect();
    assert_eq!(five_in.len(), 5, "one label per week row of September");
    key(&grid, "Enter");
    leptos::task::tick().await;
    assert_eq!(reader.day.get_untracked(), day("2017-09-11"));
    c.remove();
}

#[wasm_bindgen_test]
async fn an_event_links_back_to_its_paragraph() {
    let (c, reader) = mount_calendar();
    reader.day.set(day("2017-10-17"));
    // Fold the turn that holds the plan, and hide its speaker.
    let (turn, block) = {
        let d = shilu_core::analysed(SEED, None);
        let e = d
            .events
            .iter()
            .find(|e| e.label.contains("攻坚深度贫困论坛"))
            .expect("the forum is an event")
            .clone();
        (d.turn_of_block(&e.block).unwrap().id.clone(), e.block)
    };
    reader.folded.update(|f| {
        f.insert(turn.clone());
    });
    reader.show_only(["董晓林".to_string()]);
    reader.keep_qa.set(false);
    leptos::task::tick().await;
    assert!(!reader.visible_turns.get_untracked().contains(&turn));

    let links = c.query_selector_all(".day-events a").unwrap();
    let link: web_sys::HtmlElement = (0..links.length())
        .map(|i| {
            links
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|a| text(a).contains("攻坚深度贫困论坛"))
        .expect("the forum links to its paragraph");
    assert_eq!(link.get_attribute("href"), Some(format!("#{block}")));
    link.click();
    leptos::task::tick().await;
    assert_eq!(reader.panel.get_untracked(), Panel::Transcript);
    assert!(
        reader.visible_turns.get_untracked().contains(&turn),
        "the speaker filter lets it show"
    );
    assert!(
        reader.folded.with_untracked(|f| !f.contains(&turn)),
        "its turn unfolds"
    );
    c.remove();
}

#[wasm_bindgen_test]
async fn a_click_anywhere_in_a_day_chooses_it() {
    let (c, reader) = mount_calendar();
    el(&c, "#cal-2017-10-12 .month-grid__num").click();
    leptos::task::tick().await;
    assert_eq!(reader.day.get_untracked(), day("2017-10-12"));
    // An event inside a cell, and another day.
    el(&c, "#cal-2017-10-17 .cal-chip").click();
    leptos::task::tick().await;
    assert_eq!(reader.day.get_untracked(), day("2017-10-17"));
    assert_eq!(
        c.query_selector_all("[role=gridcell][aria-selected=true]")
            .unwrap()
            .length(),
        1
    );
    el(&c, "#cal-2017-10-03").click();
    leptos::task::tick().await;
    assert_eq!(reader.day.get_untracked(), day("2017-10-03"));
    assert!(text(&el(&c, ".day-events")).contains("2017年10月3日"));
    c.remove();
}

#[wasm_bindgen_test]
async fn switching_the_language_rewrites_the_calendar() {
    let c = fresh_container();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(c.clone(), move || {
        let reader = provide_reader(SEED, shilu_core::structure(SEED, None));
        provide_panels_over(reader);
        let lang = expect_context::<I18n>();
        lang.0.set(Lang::Zh);
        tx.send((reader, lang)).unwrap();
        view! { <CalendarPanel/> }
    });
    handle.forget();
    let (reader, lang) = rx.recv().unwrap();
    reader.day.set(day("2017-10-17"));
    leptos::task::tick().await;
    assert_eq!(text(&el(&c, "#agenda-title")), "按日期列出");

    lang.0.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(text(&el(&c, "#cal-month-title")), "October2017");
    assert_eq!(
        el(&c, "[role=columnheader]")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Monday")
    );
    assert_eq!(text(&el(&c, ".panel__title")), "Calendarandtimeline");
    assert_eq!(text(&el(&c, "#agenda-title")), "Agenda");
    assert!(text(&el(&c, ".day-events__title")).starts_with("17October2017"));
    let day = el(&c, "#cal-2017-10-17");
    assert_eq!(day.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(day.get_attribute("aria-selected").as_deref(), Some("true"));
    assert!(text(&el(&c, ".month-grid__jump select")).contains("October2017"));
    c.remove();
}
