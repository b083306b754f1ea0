//! The passages a search found, as every search lists them (the site's
//! search page and the reader's library alike): each with its
//! transcript's title (the link to the paragraph, the match highlighted
//! there), date, speaker and hits, and its excerpt with the matches
//! marked. Plain data in ([`PassageItem`]); its look is `.search-hit` in
//! the panels' stylesheet, which both pages load.

use leptos::prelude::*;
use shilu_core::corpus::excerpt::Excerpt;
use shilu_core::corpus::session::Hit;
use shilu_core::corpus::shelf::Shown;
use shilu_core::corpus::site::link;

/// A passage as a result list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageItem {
    pub title: String,
    pub date: Option<String>,
    pub speaker: Option<String>,
    /// The passage's paragraph in its transcript, the match highlighted.
    pub href: String,
    /// The excerpt, each run marked (a match) or not.
    pub pieces: Vec<(String, bool)>,
    /// Matches in the passage.
    pub hits: usize,
}

impl PassageItem {
    /// A result of the site's index, as shown on the page at `here` (a
    /// folder from the site's root).
    pub fn of_hit(hit: &Hit, here: &str) -> PassageItem {
        PassageItem {
            title: hit.card.title.clone(),
            date: hit.card.date.clone(),
            speaker: hit.passage.speaker.clone(),
            href: link(here, &hit.link()),
            pieces: hit.excerpt.pieces(),
            hits: hit.hits,
        }
    }

    /// A result of the reader's library, whose transcript it keeps under
    /// `key`.
    pub fn of_shown(shown: Shown, key: &str) -> PassageItem {
        let href = shown.link(key);
        let Shown {
            title,
            date,
            speaker,
            excerpt,
            hits,
            ..
        } = shown;
        PassageItem {
            title,
            date,
            speaker,
            href,
            pieces: Excerpt::pieces(&excerpt),
            hits,
        }
    }
}

/// One passage.
#[component]
pub fn PassageResult(item: PassageItem) -> impl IntoView {
    let date = item
        .date
        .map(|d| view! { <time class="search-hit__date" datetime=d.clone()>{d.clone()}</time> });
    let speaker = item
        .speaker
        .map(|s| view! { <span class="search-hit__speaker">{s}</span> });
    let pieces = item
        .pieces
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    view! {
        <li class="search-hit">
            <a class="search-hit__title" href=item.href>{item.title}</a>
            <span class="search-hit__facts">
                {date}
                {speaker}
                <span>{format!("{} 处 hits", item.hits)}</span>
            </span>
            <p class="search-hit__text">{pieces}</p>
        </li>
    }
}

/// Passages, in order, as a list named `label` if given; nothing when
/// there are none.
#[component]
pub fn PassageList(
    #[prop(into)] items: Signal<Vec<PassageItem>>,
    #[prop(optional, into)] label: MaybeProp<String>,
) -> impl IntoView {
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <ol class="search-hits" aria-label=move || label.get()>
                <For
                    each=move || items.get().into_iter().enumerate()
                    key=|(i, item)| (*i, item.href.clone())
                    children=|(_, item)| view! { <PassageResult item=item/> }
                />
            </ol>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> PassageItem {
        PassageItem {
            title: "關於<春耕>的記者會".into(),
            date: Some("2018-03-05".into()),
            speaker: Some("王明".into()),
            href: "t/2018-03-05/?q=%E5%80%AB%E7%90%86#t2-b1".into(),
            pieces: vec![
                ("…以及".into(), false),
                ("倫理".into(), true),
                ("委員會…".into(), false),
            ],
            hits: 2,
        }
    }

    /// `v` mounted in a fresh element of the page.
    fn mounted<V: IntoView + 'static>(v: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
        use wasm_bindgen::JsCast;
        let doc = web_sys::window().unwrap().document().unwrap();
        let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        doc.body().unwrap().append_child(&el).unwrap();
        leptos::mount::mount_to(el.clone(), v).forget();
        el
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn a_passage_shows_its_transcript_date_speaker_hits_and_marked_match() {
        let el = mounted(|| view! { <PassageResult item=item()/> });
        let title = el.query_selector("a.search-hit__title").unwrap().unwrap();
        assert_eq!(
            title.get_attribute("href").as_deref(),
            Some("t/2018-03-05/?q=%E5%80%AB%E7%90%86#t2-b1")
        );
        assert_eq!(title.text_content().as_deref(), Some("關於<春耕>的記者會"));
        let date = el.query_selector("time").unwrap().unwrap();
        assert_eq!(date.get_attribute("datetime").as_deref(), Some("2018-03-05"));
        let facts = el.query_selector(".search-hit__facts").unwrap().unwrap();
        assert_eq!(
            facts.text_content().as_deref(),
            Some("2018-03-05王明2 处 hits")
        );
        let text = el.query_selector(".search-hit__text").unwrap().unwrap();
        assert_eq!(text.text_content().as_deref(), Some("…以及倫理委員會…"));
        let marks = text.query_selector_all("mark").unwrap();
        assert_eq!(marks.length(), 1);
        assert_eq!(marks.get(0).unwrap().text_content().as_deref(), Some("倫理"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn a_list_is_named_when_given_and_absent_when_empty() {
        let named = mounted(|| {
            view! { <PassageList items=Signal::stored(vec![item(), item()]) label="搜索结果".to_string()/> }
        });
        let list = named.query_selector("ol").unwrap().unwrap();
        assert_eq!(list.get_attribute("aria-label").as_deref(), Some("搜索结果"));
        assert_eq!(list.query_selector_all("li").unwrap().length(), 2);
        let empty = mounted(|| view! { <PassageList items=Signal::stored(Vec::new())/> });
        assert!(empty.query_selector("ol").unwrap().is_none());
    }
}
