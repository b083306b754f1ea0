//! The page a speaker had under a name an editor's list joined to
//! another's (`s/p-audreytang/`): it says where the person is now and
//! sends the reader there, so a link cited before the join still leads
//! to them.

use super::{Here, SiteBar};
use leptos::prelude::*;

/// `name`'s old page: a notice and a link to the page at `to` (a folder
/// from the root) of the person, written as `names` (each of their names).
#[component]
pub fn MovedSpeaker(here: Here, title: String, name: String, names: String, to: String) -> impl IntoView {
    let href = here.to(&to);
    view! {
        <SiteBar here=here title=title/>
        <main class="site-main" id="main">
            <h1>{name.clone()}</h1>
            <p>
                {format!("{name} 的发言已并入同一人的页面：")}
                <a href=href.clone()>{names.clone()}</a>
            </p>
            <p lang="en">
                {format!("{name}'s page is now one with their other names: ")}
                <a href=href>{names}</a>
            </p>
        </main>
    }
}
