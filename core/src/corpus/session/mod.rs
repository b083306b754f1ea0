//! One query over a site's index, as the command line and the page run
//! it: generic over where the bytes come from ([`Source`]: files
//! natively, `fetch` with a `Range` header in the browser), with no
//! runtime of its own. Natively, reads are ready at once and [`ready`]
//! polls a query to its end; the page awaits it.
//!
//! - [`source`]: the [`Source`] trait and [`Remote`], the index read
//!   through one (the parts' byte ranges, the cards, records and
//!   passages), with a log of what it fetched;
//! - [`cold`]: the first results of a query with nothing cached (newest
//!   posting blocks first), then every result on demand ([`Session`]);
//! - [`passages`]: the passages a cold query reads, ruled out by their
//!   masks first where they can be, with their transcripts' cards;
//!   [`reads`], how [`Remote`] reads them (entries beside masks, texts
//!   beside cards);
//! - [`newest`]: the first results of common characters alone, read
//!   from the newest passages and scanned ([`scan_cursor`]: where such a
//!   scan stands, so more results go on from there);
//! - [`shown`]: what a result shows (its transcript's card, its passage,
//!   the excerpt), read for the passages on screen;
//! - [`files`]: the native source, an index folder; [`join`], reads
//!   awaited side by side; [`rounds`], the round trips a query waits for,
//!   counted natively; [`step`], a round trip's reads planned as few
//!   requests.

pub mod cold;
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
pub mod join;
pub mod newest;
pub mod passages;
pub mod reads;
pub mod rounds;
pub mod scan_cursor;
pub mod shown;
pub mod source;
pub mod step;

pub use cold::{First, Session};
pub use shown::Hit;
pub use source::{Remote, Source, SourceError};

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// `f`'s output if it finishes without waiting, as a query over files
/// does (each read is ready at once); `None` if it waited.
pub fn ready<F: Future>(f: F) -> Option<F::Output> {
    let mut f = pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}
