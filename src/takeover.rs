//! Taking over the pre-rendered page (`#app`) in parts, each in a task of
//! its own (issue 24; ARCHITECTURE.md, TBT: the app takes over in parts).
//!
//! Leptos hydrates a view in one pass: the whole shell (the top bar, the
//! header, the contents, the toolbar, the speakers, the transcript's
//! frame, the status line) was one task, which Lighthouse charged as a
//! long one. Here the state is made first ([`Shell::new`]), then each of
//! the [`Shell`]'s parts is hydrated from the element it begins at, under
//! the same owner, in the order the page has them, before any effect's
//! first run (`shilu_ui::effect::first_in_parts`): the page is ready only
//! after the last part and every effect.

use crate::app::Shell;
use crate::speaker_pages::SpeakerPages;
use hydration_context::HydrateSharedContext;
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Position, PositionState, RenderHtml};
use shilu_core::Document;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Makes the app's state now and queues the taking over of `root`'s parts;
/// they run once `shilu_ui::effect::finish_start` is called, ahead of the
/// effects made meanwhile. Call between `start_in_parts` and `finish_start`.
pub fn hydrate_in_parts(
    root: web_sys::HtmlElement,
    seed: Arc<str>,
    doc: Document,
    pages: SpeakerPages,
) {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // What `leptos::mount::hydrate_from` makes: a root owner that knows the
    // page is being hydrated (`shilu_ui::html::hydrating`) until the last part.
    let owner = Owner::new_root(Some(Arc::new(HydrateSharedContext::new())));
    let shell = owner.with(|| Shell::new(seed, doc, pages));
    // Where each part begins, as the pre-render wrote the page.
    let at = move |selector: &str| -> web_sys::Element {
        root.query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("shilu: the pre-rendered page has no `#app {selector}`"))
    };
    let parts: Vec<(web_sys::Element, Box<dyn FnOnce(&Cursor, &PositionState)>)> = vec![
        (
            at(":scope > .top-bar"),
            part(move |c, p| shell.top().into_view().hydrate::<true>(c, p)),
        ),
        (
            at(":scope > .layout > .contents"),
            part(move |c, p| shell.contents().into_view().hydrate::<true>(c, p)),
        ),
        (
            at("#main > .toolbar"),
            part(move |c, p| shell.toolbar().into_view().hydrate::<true>(c, p)),
        ),
        (
            at("#main > .panel"),
            part(move |c, p| shell.panels().into_view().hydrate::<true>(c, p)),
        ),
        (
            at(":scope > .toast"),
            part(move |c, p| shell.status().into_view().hydrate::<true>(c, p)),
        ),
    ];
    let mut steps: Vec<Box<dyn FnOnce()>> = parts
        .into_iter()
        .map(|(el, hydrate)| {
            let owner = owner.clone();
            Box::new(move || {
                owner.with(|| {
                    let cursor = Cursor::new(el.unchecked_into());
                    hydrate(&cursor, &PositionState::new(Position::Current));
                })
            }) as Box<dyn FnOnce()>
        })
        .collect();
    // After the last part, what is built is no longer the page's own.
    steps.push(Box::new(move || {
        owner.with(|| {
            if let Some(context) = Owner::current_shared_context() {
                context.hydration_complete();
            }
        });
        // The page is the app's for good (as `UnmountHandle::forget`).
        std::mem::forget(owner);
    }));
    shilu_ui::effect::first_in_parts(steps);
}

/// A part's hydration, its state kept for the page's lifetime (nothing
/// unmounts the app).
fn part<S: 'static>(
    hydrate: impl FnOnce(&Cursor, &PositionState) -> S + 'static,
) -> Box<dyn FnOnce(&Cursor, &PositionState)> {
    Box::new(move |cursor, position| std::mem::forget(hydrate(cursor, position)))
}
