//! Which turn the reader is at: the last turn that reaches the reading line
//! (140 px below the top of the viewport), else the last one above it.
//!
//! An IntersectionObserver watches the band above the reading line, so the
//! browser says when a turn enters or leaves it; nothing is measured per
//! scroll frame. The observer is set up again for a new document (new turn
//! elements) and when the window's height changes (the band's margin).

use crate::state::Reader;
use leptos::prelude::*;
use shilu_ui::dom::select_all;
use shilu_ui::effect::effect;
use wasm_bindgen::prelude::*;

/// Where the reading line is, from the top of the viewport, in CSS pixels.
const LINE: i32 = 140;

/// Where a turn is relative to the band above the reading line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Entirely above the viewport.
    Above,
    /// In the band: between the top of the viewport and the reading line.
    Band,
    /// Below the reading line.
    Below,
}

/// The current turn, given each turn's place in document order: the last
/// one in the band, else the last one above it.
pub fn current<'a>(turns: impl IntoIterator<Item = (&'a str, Place)>) -> Option<&'a str> {
    let (mut band, mut above) = (None, None);
    for (id, place) in turns {
        match place {
            Place::Band => band = Some(id),
            Place::Above => above = Some(id),
            Place::Below => {}
        }
    }
    band.or(above)
}

/// The observer and what it has said so far.
struct Tracker {
    observer: Option<web_sys::IntersectionObserver>,
    /// Turn ids in document order, each with its place once known.
    turns: Vec<(String, Option<Place>)>,
}

/// Keeps `Reader::current_turn` on the turn at the reading line.
pub fn track_current_turn(reader: Reader) {
    let tracker = StoredValue::new_local(Tracker {
        observer: None,
        turns: Vec::new(),
    });
    let on_entries = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let next = tracker
            .try_update_value(|t| {
                for entry in entries.iter() {
                    let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                    let place = if entry.is_intersecting() {
                        Place::Band
                    } else if entry.bounding_client_rect().bottom() <= 0.0 {
                        Place::Above
                    } else {
                        Place::Below
                    };
                    let id = entry.target().id();
                    if let Some(turn) = t.turns.iter_mut().find(|(t, _)| *t == id) {
                        turn.1 = Some(place);
                    }
                }
                let known = t
                    .turns
                    .iter()
                    .filter_map(|(id, p)| p.map(|p| (id.as_str(), p)));
                current(known).map(str::to_string)
            })
            .flatten();
        if reader.current_turn.with_untracked(|c| *c != next) {
            reader.current_turn.set(next);
        }
    })
    .into_js_value();
    let height = RwSignal::new(window_height());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let h = window_height();
        if height.get_untracked() != h {
            height.set(h);
        }
    });
    on_cleanup(move || resize.remove());
    // After the transcript has rendered the document's turns.
    effect(move || {
        reader.rendered.track();
        let h = height.get();
        tracker.update_value(|t| {
            if let Some(o) = t.observer.take() {
                o.disconnect();
            }
            t.turns.clear();
            let Some(root) = document().document_element() else {
                return;
            };
            let init = web_sys::IntersectionObserverInit::new();
            // The band: the viewport, its bottom raised to the reading line.
            // (Whole pixels: no float formatting in the first visit.)
            let lift = (h - LINE).max(0);
            init.set_root_margin(&format!("0px 0px -{lift}px 0px"));
            let Ok(observer) =
                web_sys::IntersectionObserver::new_with_options(on_entries.unchecked_ref(), &init)
            else {
                return;
            };
            for el in select_all(&root, "[data-turn]") {
                t.turns.push((el.id(), None));
                observer.observe(&el);
            }
            t.observer = Some(observer);
        });
    });
}

/// The window's height in whole CSS pixels.
fn window_height() -> i32 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .map_or(0, |h| h as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Place::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_current_turn_is_the_last_in_the_band_else_the_last_above() {
        assert_eq!(
            current([("t1", Above), ("t2", Band), ("t3", Band), ("t4", Below)]),
            Some("t3")
        );
        assert_eq!(
            current([("t1", Above), ("t2", Above), ("t3", Below)]),
            Some("t2")
        );
        assert_eq!(current([("t1", Below), ("t2", Below)]), None);
        assert_eq!(current([]), None);
    }
}
