//! Context values the app provides (see [`crate::app::provide_reader`]).

use leptos::prelude::*;

/// The context value of type `T`, which the app provides. Like Leptos's
/// `expect_context`, but its panic message does not format the type name
/// with `Debug`: that formatting code was about 1 KB of the first visit.
pub fn context<T: Clone + 'static>() -> T {
    use_context::<T>().expect("shilu: a value the app provides as context is missing")
}
