//! Round trips, counted natively: a [`Stepped`] source makes each read
//! wait once, as a fetch waits for its answer, and [`rounds`] polls a
//! query until it is done. Reads awaited side by side ([`super::join`])
//! wait in the same round; a read that needs another's bytes waits in the
//! next. So the count is the longest chain of reads one after another:
//! what a page's first results wait for, however near the server is.

use super::source::Source;
use std::future::Future;
use std::ops::Range;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

/// A source whose every read waits one round before it reads.
pub struct Stepped<S>(pub S);

/// Pending once, then ready.
struct Wait(bool);

impl Future for Wait {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

impl<S: Source> Source for Stepped<S> {
    type Error = S::Error;

    async fn read(&self, path: &str, range: Option<Range<u64>>) -> Result<Vec<u8>, S::Error> {
        Wait(false).await;
        self.0.read(path, range).await
    }
}

/// `f`'s output, and how many times it waited: over a [`Stepped`] source
/// whose reads are otherwise ready at once (files), its round trips.
pub fn rounds<F: Future>(f: F) -> (F::Output, usize) {
    let mut f = pin!(f);
    let mut waited = 0;
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            return (v, waited);
        }
        waited += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::session::join;

    struct Echo;

    impl Source for Echo {
        type Error = String;

        async fn read(&self, path: &str, _: Option<Range<u64>>) -> Result<Vec<u8>, String> {
            Ok(path.as_bytes().to_vec())
        }
    }

    #[test]
    fn reads_side_by_side_are_one_round_and_a_chain_is_one_each() {
        let s = Stepped(Echo);
        let (out, n) = rounds(join::all(vec![s.read("a", None), s.read("b", None)]));
        assert_eq!(out, vec![Ok(b"a".to_vec()), Ok(b"b".to_vec())]);
        assert_eq!(n, 1);
        let chain = async {
            let a = s.read("a", None).await?;
            let b = s.read(std::str::from_utf8(&a).unwrap_or("?"), None).await?;
            s.read("c", None).await.map(|c| [b, c].concat())
        };
        assert_eq!(rounds(chain), (Ok(b"ac".to_vec()), 3));
        assert_eq!(rounds(async { 7 }), (7, 0));
    }
}
