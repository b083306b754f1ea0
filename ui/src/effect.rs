//! Effects, compiled once, and started in parts.
//!
//! `Effect::new` is generic over its closure, so each effect carries its
//! own copy of the effect runner (0.6–2.5 KB of wasm each). [`effect`]
//! boxes the body first: one runner for all of them.
//!
//! While a page starts ([`start_in_parts`]), the effects' first runs wait
//! for later tasks, in the order the effects were made, a few milliseconds'
//! worth per task ([`finish_start`]): taking over the pre-rendered page is
//! then several short tasks, not one long one that the reader (and a first
//! input) would wait on. Steps that must come before them all (the parts
//! of a page taken over one by one) are queued ahead ([`first_in_parts`]);
//! [`after_start`] runs once they all have.

use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;

/// Runs `body` now and again whenever a signal it reads changes (like
/// `Effect::new(move |_| body())`), for the lifetime of the current owner.
/// While the page starts, its first run comes in a task of its own.
pub fn effect(body: impl Fn() + 'static) {
    run(Box::new(body));
}

fn run(body: Box<dyn Fn()>) {
    let owner = Owner::current();
    let now = move || {
        Effect::new(move |_| body());
    };
    queue(Box::new(move || match owner {
        Some(owner) => owner.with(now),
        None => now(),
    }));
}

thread_local! {
    /// What waits for a task of its own while the page starts; `None` once started.
    static STARTING: RefCell<Option<VecDeque<Box<dyn FnOnce()>>>> = const { RefCell::new(None) };
}

/// Queues `f` if the page is starting (returns `true`), else runs it.
fn queue(f: Box<dyn FnOnce()>) -> bool {
    let f = STARTING.with_borrow_mut(|q| match q {
        Some(q) => {
            q.push_back(f);
            None
        }
        None => Some(f),
    });
    match f {
        Some(f) => {
            f();
            false
        }
        None => true,
    }
}

/// From now on, until [`finish_start`] has run what was queued, effects
/// start in tasks of their own.
pub fn start_in_parts() {
    STARTING.with_borrow_mut(|q| *q = Some(VecDeque::new()));
}

/// Runs what was queued while starting, in order (what they queue in turn
/// comes after), a few milliseconds' worth per task, then starts effects at
/// once again.
pub fn finish_start() {
    next_task(step);
}

/// How long one task runs what was queued, at most about (ms).
const TASK_MS: f64 = 4.0;

fn step() {
    run_until(js_sys::Date::now() + TASK_MS);
}

fn run_until(deadline: f64) {
    // The page has started as the last thing queued runs: what it makes or
    // waits for (an `after_start` callback's own effects) runs at once.
    let next = STARTING.with_borrow_mut(|q| {
        let next = q.as_mut().and_then(VecDeque::pop_front);
        if q.as_ref().is_none_or(VecDeque::is_empty) {
            *q = None;
        }
        next
    });
    let Some(f) = next else { return };
    f();
    // An effect's first run is a microtask queued as it is made: this one
    // comes after it, so the time it took counts.
    after_microtasks(move || {
        if js_sys::Date::now() < deadline {
            run_until(deadline);
        } else {
            next_task(step);
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn after_microtasks(f: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move { f() });
}

#[cfg(not(target_arch = "wasm32"))]
fn after_microtasks(f: impl FnOnce() + 'static) {
    f();
}

/// Runs `f` in a task of its own, soon: a message to the page itself,
/// which browsers do not hold back as they do nested timers (4 ms each).
#[cfg(target_arch = "wasm32")]
fn next_task(f: fn()) {
    use wasm_bindgen::prelude::*;
    thread_local! {
        static CHANNEL: (web_sys::MessageChannel, RefCell<VecDeque<fn()>>) = {
            let channel = web_sys::MessageChannel::new().expect("MessageChannel");
            let run = Closure::<dyn Fn()>::new(|| {
                if let Some(f) = CHANNEL.with(|(_, q)| q.borrow_mut().pop_front()) {
                    f();
                }
            });
            channel.port1().set_onmessage(Some(run.as_ref().unchecked_ref()));
            run.forget();
            (channel, RefCell::new(VecDeque::new()))
        };
    }
    CHANNEL.with(|(channel, q)| {
        q.borrow_mut().push_back(f);
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
}

/// Natively (the pre-render) there are no tasks: at once.
#[cfg(not(target_arch = "wasm32"))]
fn next_task(f: fn()) {
    f();
}

/// Runs `steps` in order, each in the start's tasks, ahead of every effect
/// made so far or while they run (taking over a page in parts: an effect's
/// first run meets the whole page); at once, in order, if the page has
/// started.
pub fn first_in_parts(steps: Vec<Box<dyn FnOnce()>>) {
    let steps = STARTING.with_borrow_mut(|q| match q {
        Some(q) => {
            for step in steps.into_iter().rev() {
                q.push_front(step);
            }
            None
        }
        None => Some(steps),
    });
    for step in steps.into_iter().flatten() {
        step();
    }
}

/// Runs `f` once every effect made while the page started has run (at
/// once if the page has started).
pub fn after_start(f: impl FnOnce() + 'static) {
    queue(Box::new(f));
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use std::rc::Rc;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// While the page starts, no effect runs in the task that makes it;
    /// they run later, in the order made, after the steps queued first
    /// (though queued after them), and what waits for the start after them
    /// all; then an effect starts at once again (a microtask).
    #[wasm_bindgen_test]
    async fn effects_made_while_starting_run_later_in_order_then_what_waits() {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let seen = Rc::new(RefCell::new(Vec::<&str>::new()));
        let owner = Owner::new();
        let started = js_sys::Promise::new(&mut |resolve, _| {
            owner.with(|| {
                start_in_parts();
                for name in ["first", "second", "third"] {
                    let seen = seen.clone();
                    effect(move || seen.borrow_mut().push(name));
                }
                let parts = ["part 1", "part 2"].map(|name| {
                    let seen = seen.clone();
                    Box::new(move || seen.borrow_mut().push(name)) as Box<dyn FnOnce()>
                });
                first_in_parts(parts.into());
                let seen = seen.clone();
                after_start(move || {
                    seen.borrow_mut().push("started");
                    let _ = resolve.call0(&JsValue::NULL);
                });
                finish_start();
            });
        });
        any_spawner::Executor::tick().await;
        assert!(
            seen.borrow().is_empty(),
            "ran in the task that made them: {:?}",
            seen.borrow()
        );
        wasm_bindgen_futures::JsFuture::from(started).await.unwrap();
        assert_eq!(
            *seen.borrow(),
            ["part 1", "part 2", "first", "second", "third", "started"]
        );
        let later = seen.clone();
        owner.with(|| effect(move || later.borrow_mut().push("later")));
        any_spawner::Executor::tick().await;
        assert_eq!(seen.borrow().last(), Some(&"later"));
    }
}
