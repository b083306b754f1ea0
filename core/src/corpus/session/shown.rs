//! What a result shows: its transcript's card, who said the passage, and
//! the excerpt with its matches marked. Read for the passages on screen
//! only.

use super::cold::Session;
use super::join;
use super::source::{Source, SourceError};
use crate::corpus::excerpt::{excerpt, Excerpt};
use crate::corpus::folder::DocAt;
use crate::corpus::folder::{Card, PassageText};
use crate::corpus::search::{PassageId, Span};
use std::collections::HashMap;

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
    /// The results `ps` as shown: where each transcript is, then its card
    /// and each passage, each step's reads side by side (a page waits
    /// for a round trip per step, not per read).
    pub async fn hits(&mut self, ps: &[(PassageId, Vec<Span>)]) -> Result<Vec<Hit>, SourceError> {
        let index = self.index.clone();
        let mut docs: Vec<u32> = ps.iter().map(|((d, _), _)| *d).collect();
        docs.sort_unstable();
        docs.dedup();
        let unplaced: Vec<u32> = docs.iter().copied().filter(|d| !self.has_at(*d)).collect();
        let placed = join::all(unplaced.iter().map(|&d| index.doc(d)).collect()).await;
        for (d, at) in unplaced.iter().zip(placed) {
            self.put_at(*d, at?);
        }
        let ats: HashMap<u32, DocAt> = docs.iter().map(|&d| (d, self.at_of(d))).collect();
        let uncarded: Vec<u32> = docs
            .iter()
            .copied()
            .filter(|d| !self.has_card(*d))
            .collect();
        let unread: Vec<PassageId> = ps
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| !self.texts.contains_key(id))
            .collect();
        let (cards, texts) = join2(
            join::all(uncarded.iter().map(|d| index.card(&ats[d])).collect()),
            join::all(
                unread
                    .iter()
                    .map(|(d, p)| index.passage(&ats[d], *p))
                    .collect(),
            ),
        )
        .await;
        for (d, c) in uncarded.iter().zip(cards) {
            self.put_card(*d, c?);
        }
        for (id, t) in unread.iter().zip(texts) {
            self.texts.insert(*id, t?);
        }
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

/// Both outputs, the two awaited side by side.
async fn join2<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    enum Either<X, Y> {
        A(X),
        B(Y),
    }
    let both: Vec<
        std::pin::Pin<Box<dyn std::future::Future<Output = Either<A::Output, B::Output>> + '_>>,
    > = vec![
        Box::pin(async { Either::A(a.await) }),
        Box::pin(async { Either::B(b.await) }),
    ];
    let mut a_out = None;
    let mut b_out = None;
    for o in join::all(both).await {
        match o {
            Either::A(x) => a_out = Some(x),
            Either::B(y) => b_out = Some(y),
        }
    }
    match (a_out, b_out) {
        (Some(a), Some(b)) => (a, b),
        _ => unreachable!("join::all gives every output"),
    }
}
