//! Awaits several reads at once, with no runtime: a page's fetches then
//! overlap (one round trip for all, not one each); natively each is ready
//! at once and this is a loop.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Every output of `fs`, in order, once all are ready.
pub async fn all<F: Future>(fs: Vec<F>) -> Vec<F::Output> {
    All {
        pending: fs.into_iter().map(|f| Some(Box::pin(f))).collect(),
        done: Vec::new(),
    }
    .await
}

/// A future of `T`, boxed.
type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Both outputs, the two awaited side by side.
pub async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    enum Either<X, Y> {
        A(X),
        B(Y),
    }
    let two: Vec<Boxed<'_, Either<A::Output, B::Output>>> = vec![
        Box::pin(async { Either::A(a.await) }),
        Box::pin(async { Either::B(b.await) }),
    ];
    let (mut a_out, mut b_out) = (None, None);
    for o in all(two).await {
        match o {
            Either::A(x) => a_out = Some(x),
            Either::B(y) => b_out = Some(y),
        }
    }
    match (a_out, b_out) {
        (Some(a), Some(b)) => (a, b),
        _ => unreachable!("`all` gives every output"),
    }
}

struct All<F: Future> {
    pending: Vec<Option<Pin<Box<F>>>>,
    done: Vec<Option<F::Output>>,
}

// Only boxed futures and their outputs: nothing here is pinned in place.
impl<F: Future> Unpin for All<F> {}

impl<F: Future> Future for All<F> {
    type Output = Vec<F::Output>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        if this.done.len() < this.pending.len() {
            this.done.resize_with(this.pending.len(), || None);
        }
        for (slot, out) in this.pending.iter_mut().zip(this.done.iter_mut()) {
            if let Some(f) = slot {
                if let Poll::Ready(v) = f.as_mut().poll(cx) {
                    *out = Some(v);
                    *slot = None;
                }
            }
        }
        if this.pending.iter().all(Option::is_none) {
            Poll::Ready(
                this.done
                    .drain(..)
                    .map(|o| o.expect("each is done"))
                    .collect(),
            )
        } else {
            Poll::Pending
        }
    }
}
