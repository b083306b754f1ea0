use leptos::prelude::*;
use shilu_core::{parse, Block};

const SEED: &str = include_str!("../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt");

#[component]
pub fn App() -> impl IntoView {
    let doc = parse(SEED);
    if let Some(el) = document().get_element_by_id("loading") {
        el.remove();
    }
    let blocks: Vec<Block> = doc.blocks().cloned().collect();
    view! {
        <main>
            <h1>{doc.meta.title.clone()}</h1>
            {blocks.into_iter().map(|b| view! { <p id=b.id.clone()>{b.text.clone()}</p> }).collect_view()}
        </main>
    }
}
