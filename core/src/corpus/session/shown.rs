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
    /// root: the page with the match as written in its query (the
    /// reader's search, `?q=`, highlights it: it matches text as written,
    /// with no script folding) and the paragraph as the fragment, which
    /// the reader opens and scrolls to.
    pub fn link(&self) -> String {
        let mut url = self.card.url.clone();
        if let Some(m) = self.excerpt.first_match() {
            url.push_str("?q=");
            url.push_str(&crate::corpus::view::query_component(&m));
        }
        if !self.passage.block.is_empty() {
            url.push('#');
            url.push_str(&self.passage.block);
        }
        url
    }
}

impl<S: Source> Session<S> {
    /// The results `ps` as shown: their passages and their transcripts'
    /// cards, read as [`Session::read_passages`] reads them (nothing, for
    /// the first results: checking them read both).
    pub async fn hits(&mut self, ps: &[(PassageId, Vec<Span>)]) -> Result<Vec<Hit>, SourceError> {
        let ids: Vec<PassageId> = ps.iter().map(|(id, _)| *id).collect();
        self.read_passages(&ids).await?;
        let mut out = Vec::with_capacity(ps.len());
        for ((d, p), spans) in ps {
            let passage = self.texts[&(*d, *p)].clone();
            out.push(Hit {
                id: (*d, *p),
                excerpt: excerpt(&passage.text, spans, BEFORE, WIDTH),
                card: self.card(*d).await?,
                passage,
                hits: spans.len(),
            });
        }
        Ok(out)
    }
}
