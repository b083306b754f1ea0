//! What a result shows: its transcript's card, who said the passage, and
//! the excerpt with its matches marked. Read for the passages on screen
//! only.

use super::cold::Session;
use super::source::{Source, SourceError};
use crate::corpus::excerpt::{excerpt, Excerpt};
use crate::corpus::folder::{Card, PassageText};
use crate::corpus::search::{PassageId, Span};

/// Characters of context before a result's first match, and in all.
pub const BEFORE: usize = 40;
pub const WIDTH: usize = 160;

/// A result as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: PassageId,
    pub card: Card,
    pub passage: PassageText,
    pub excerpt: Excerpt,
    /// Matches in the passage.
    pub hits: usize,
}

impl Hit {
    /// The link to the passage in its transcript's page, from the site's
    /// root: the page, the query (which the page highlights) and the
    /// paragraph as the fragment.
    pub fn link(&self, query: &str) -> String {
        let mut url = self.card.url.clone();
        url.push_str("?q=");
        url.push_str(&crate::corpus::view::query_component(query));
        if !self.passage.block.is_empty() {
            url.push('#');
            url.push_str(&self.passage.block);
        }
        url
    }
}

impl<S: Source> Session<S> {
    /// The results `ps` as shown: each transcript's card read once, and
    /// each passage.
    pub async fn hits(&mut self, ps: &[(PassageId, Vec<Span>)]) -> Result<Vec<Hit>, SourceError> {
        let mut out = Vec::with_capacity(ps.len());
        for ((d, p), spans) in ps {
            let card = self.card(*d).await?;
            let passage = match self.texts.get(&(*d, *p)) {
                Some(t) => t.clone(),
                None => {
                    let at = self.at(*d).await?;
                    self.index.passage(&at, *p).await?
                }
            };
            out.push(Hit {
                id: (*d, *p),
                excerpt: excerpt(&passage.text, spans, BEFORE, WIDTH),
                card,
                passage,
                hits: spans.len(),
            });
        }
        Ok(out)
    }
}
