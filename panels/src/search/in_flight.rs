//! At most [`LIMIT`] index requests in flight at once. A query of the
//! commonest character (`的`) asks for thousands of ranges while it counts
//! its totals, and a browser refuses requests past what it can hold
//! (`net::ERR_INSUFFICIENT_RESOURCES`): the query then failed. The rest
//! wait their turn, in order.
//!
//! A waiting request may be dropped (the reader typed another query): it
//! gives up its place, and a turn handed to it just then goes to the next.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Requests in flight at once: several times what an HTTP/1.1 host
/// answers at a time (6), well below what a browser refuses.
pub const LIMIT: usize = 24;

/// Where a waiting request stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wait {
    Waiting,
    /// Its turn came: the slot is its own.
    Handed,
    /// Dropped while waiting.
    Gone,
}

struct Queue {
    busy: usize,
    waiting: VecDeque<(Rc<Cell<Wait>>, js_sys::Function)>,
}

thread_local! {
    static QUEUE: RefCell<Queue> = const {
        RefCell::new(Queue { busy: 0, waiting: VecDeque::new() })
    };
}

/// A request's turn: the slot is given back when it is dropped.
pub struct Turn(());

impl Drop for Turn {
    fn drop(&mut self) {
        give_back();
    }
}

/// Hands the slot to the next request still waiting, or frees it.
fn give_back() {
    let next = QUEUE.with_borrow_mut(|q| {
        while let Some((wait, resolve)) = q.waiting.pop_front() {
            if wait.get() == Wait::Waiting {
                wait.set(Wait::Handed);
                return Some(resolve);
            }
        }
        q.busy -= 1;
        None
    });
    if let Some(resolve) = next {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// While a request waits: if it is dropped, it gives up its place (or the
/// slot it was just handed).
struct Place(Rc<Cell<Wait>>);

impl Drop for Place {
    fn drop(&mut self) {
        match self.0.replace(Wait::Gone) {
            Wait::Handed => give_back(),
            Wait::Waiting | Wait::Gone => {}
        }
    }
}

/// Waits for a turn to send a request.
pub async fn turn() -> Turn {
    let wait = Rc::new(Cell::new(Wait::Waiting));
    let promise = QUEUE.with_borrow_mut(|q| {
        if q.busy < LIMIT {
            q.busy += 1;
            return None;
        }
        let place = wait.clone();
        Some(js_sys::Promise::new(&mut |resolve, _| {
            q.waiting.push_back((place.clone(), resolve));
        }))
    });
    if let Some(promise) = promise {
        let place = Place(wait);
        let _ = JsFuture::from(promise).await;
        // The slot is now this request's: the turn gives it back, not
        // the place.
        place.0.set(Wait::Gone);
    }
    Turn(())
}

/// Requests in flight and waiting (for tests).
#[cfg(test)]
fn counts() -> (usize, usize) {
    QUEUE.with_borrow(|q| (q.busy, q.waiting.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::future::{join_all, select, Either};
    use wasm_bindgen_test::wasm_bindgen_test;

    async fn tick() {
        let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
    }

    #[wasm_bindgen_test]
    async fn no_more_than_the_limit_are_in_flight_and_every_one_gets_its_turn() {
        let most = Rc::new(Cell::new(0));
        let now = Rc::new(Cell::new(0));
        let done = join_all((0..LIMIT * 3).map(|_| {
            let (most, now) = (most.clone(), now.clone());
            async move {
                let _turn = turn().await;
                now.set(now.get() + 1);
                most.set(most.get().max(now.get()));
                tick().await;
                now.set(now.get() - 1);
            }
        }))
        .await;
        assert_eq!(done.len(), LIMIT * 3);
        assert_eq!(most.get(), LIMIT);
        assert_eq!(counts(), (0, 0));
    }

    #[wasm_bindgen_test]
    async fn a_request_dropped_while_waiting_gives_up_its_place() {
        let held: Vec<Turn> = join_all((0..LIMIT).map(|_| turn())).await;
        // One waits and is dropped; another waits behind it.
        let mut waiting = Vec::new();
        for _ in 0..2 {
            match select(Box::pin(turn()), Box::pin(tick())).await {
                Either::Left(_) => panic!("a turn past the limit"),
                Either::Right(((), w)) => waiting.push(w),
            }
        }
        assert_eq!(counts(), (LIMIT, 2));
        let behind = waiting.pop().unwrap();
        drop(waiting);
        // The first turn given back skips the dropped place for the one behind.
        drop(held);
        let _turn = behind.await;
        assert_eq!(counts(), (1, 0));
    }
}
