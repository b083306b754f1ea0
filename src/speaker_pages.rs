//! Where a corpus site has a page for each of a transcript's speakers.
//!
//! The site (`sitegen/`) writes them on the page, beside the text and its
//! structure (`crate::seed`): each participant's id and the relative link
//! to their speaker page, from the core's `corpus::site::speaker_pages`.
//! The header's names and each turn's heading link there. They belong to
//! the page's own transcript: another one the reader opens has none.

use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::library::content_key;
use std::sync::Arc;

/// The attribute of the seed's template holding its speakers' pages.
pub const PAGES_ATTR: &str = "data-speaker-pages";

/// Each participant's id with the link to their page; none outside a site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeakerPages(Vec<(String, String)>);

impl SpeakerPages {
    /// A page outside a corpus site's.
    pub const fn none() -> SpeakerPages {
        SpeakerPages(Vec::new())
    }

    pub fn new(pages: Vec<(String, String)>) -> SpeakerPages {
        SpeakerPages(pages)
    }

    /// The link to the page of participant `id`, if the site has one.
    pub fn href(&self, id: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(p, _)| p == id)
            .map(|(_, href)| href.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// As the attribute holds them: a line per participant, id and link
    /// split by a tab.
    pub fn to_attr(&self) -> String {
        self.0
            .iter()
            .map(|(id, href)| format!("{id}\t{href}\n"))
            .collect()
    }

    /// What [`SpeakerPages::to_attr`] wrote; a line it did not write
    /// (no tab, a part empty or with a control character) is left out.
    pub fn from_attr(value: &str) -> SpeakerPages {
        let clean = |s: &str| !s.is_empty() && !s.chars().any(char::is_control);
        SpeakerPages(
            value
                .lines()
                .filter_map(|l| l.split_once('\t'))
                .filter(|(id, href)| clean(id) && clean(href))
                .map(|(id, href)| (id.to_string(), href.to_string()))
                .collect(),
        )
    }
}

/// The page's own transcript's speaker pages, with the key of its text.
#[derive(Clone)]
struct SeedPages {
    key: String,
    pages: Arc<SpeakerPages>,
}

/// Provides the pages of `seed`'s speakers (see [`current`]).
pub fn provide(seed: &str, pages: SpeakerPages) {
    provide_context(SeedPages {
        key: content_key(seed),
        pages: Arc::new(pages),
    });
}

/// The speaker pages of the transcript the reader has open (tracked):
/// the page's own transcript's, none for any other.
pub fn current(reader: Reader) -> Arc<SpeakerPages> {
    let seed = use_context::<SeedPages>();
    reader.key.with(|k| match seed {
        Some(s) if s.key == *k => s.pages,
        _ => Arc::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_attribute_reads_back_and_drops_what_it_did_not_write() {
        let pages = SpeakerPages::new(vec![
            ("p1".into(), "../../s/1/".into()),
            ("p3".into(), "../../s/%E5%88%98/".into()),
        ]);
        assert_eq!(SpeakerPages::from_attr(&pages.to_attr()), pages);
        assert_eq!(pages.href("p3"), Some("../../s/%E5%88%98/"));
        assert_eq!(pages.href("p2"), None);
        let bad = "p1\n\t../x/\np2\t\np3\ta\u{7}b\np4\t../../s/4/\n";
        assert_eq!(
            SpeakerPages::from_attr(bad),
            SpeakerPages::new(vec![("p4".into(), "../../s/4/".into())])
        );
        assert!(SpeakerPages::from_attr("").is_empty());
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn only_the_pages_own_transcript_has_its_speakers_pages() {
        let owner = Owner::new();
        owner.with(|| {
            let text = "主持人：各位记者朋友，大家好。\n刘志杰：谢谢。";
            let reader = crate::app::provide_reader(text, shilu_core::structure(text, None));
            provide(
                text,
                SpeakerPages::new(vec![("p1".into(), "../../s/1/".into())]),
            );
            assert_eq!(current(reader).href("p1"), Some("../../s/1/"));
            reader.load("另一场：别的话。".into(), None, None);
            assert!(current(reader).is_empty());
        });
    }
}
