//! A round trip's reads planned as few requests: each request costs the
//! browser and the server a few milliseconds (an HTTP/1.1 host answers
//! six at a time), a byte on loopback about nothing, but a cold query's
//! budget is 100 KB. [`plan_step`] merges a step's nearest reads while it
//! has more than [`STEP_REQUESTS`], within what the query may spare.

use std::ops::Range;

/// The bytes a query may read between the ranges it asks for, in all, to
/// make fewer requests ([`plan_step`]). A rare word's query reads ~30 KB
/// of its 100 KB budget, and its transcripts' `cidx` entries (24 bytes
/// each) are spread over the part: 12 KB saves it ~10 requests of ~35.
pub const QUERY_MERGE_BYTES: u64 = 12 * 1024;

/// A query that has read this many bytes merges no more: it is one of the
/// costly ones, and its bytes are nearer the budget than its requests
/// are worth (with 32 KB and 12 KB to merge, `"in order to"` read 100.2 KB).
pub const MERGE_UNTIL: u64 = 24 * 1024;

/// One part's reads in a step ([`super::source::Remote::step`]): its
/// ranges, and how many bytes apart two may be to be read as one whatever
/// the step's requests.
pub struct Reads<'a> {
    pub part: &'a str,
    pub ranges: &'a [Range<u64>],
    pub gap: u64,
}

/// How a part's ranges are read: `order`, their indices by start; `runs`,
/// each a slice of `order` and the span read for it.
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    pub order: Vec<usize>,
    pub runs: Vec<(Range<usize>, Range<u64>)>,
}

/// The requests a round trip makes before its nearest runs are merged:
/// as many as an HTTP/1.1 host answers at once (a browser's six
/// connections). Each request costs a few milliseconds of the browser's
/// and the server's time, and a seventh waits for one of the six.
pub const STEP_REQUESTS: usize = 6;

/// Two runs of a part are merged to save a request only if at most this
/// many bytes lie between them.
pub const MERGE_BYTES: u64 = 2048;

/// The bytes a step's merges may add in all (the cold query's budget is
/// 100 KB).
pub const STEP_MERGE_BYTES: u64 = 8192;

/// How [`super::source::Remote::step`] reads `parts` from files of
/// `pack` bytes: each part's ranges at most its `gap` apart as one run,
/// then the runs nearest each other (in one file, so a merge saves a request) merged,
/// the nearest first, while there are more than [`STEP_REQUESTS`]
/// requests, each merge adding at most [`MERGE_BYTES`] and all of them at
/// most `allow`. The plans, and the bytes the merges added.
pub fn plan_step(parts: &[Reads<'_>], pack: u64, allow: u64) -> (Vec<Plan>, u64) {
    let pack = pack.max(1);
    let mut plans: Vec<Plan> = parts
        .iter()
        .map(|r| {
            let rs = r.ranges;
            let mut order: Vec<usize> = (0..rs.len()).collect();
            order.sort_by_key(|&i| (rs[i].start, rs[i].end));
            let mut runs: Vec<(Range<usize>, Range<u64>)> = Vec::new();
            for (k, &i) in order.iter().enumerate() {
                match runs.last_mut() {
                    Some((ks, span)) if rs[i].start <= span.end.saturating_add(r.gap) => {
                        ks.end = k + 1;
                        span.end = span.end.max(rs[i].end);
                    }
                    _ => runs.push((k..k + 1, rs[i].clone())),
                }
            }
            Plan { order, runs }
        })
        .collect();
    // A span's requests: one per file it touches.
    let requests = |s: &Range<u64>| {
        if s.start >= s.end {
            0
        } else {
            ((s.end - 1) / pack - s.start / pack + 1) as usize
        }
    };
    let mut total: usize = plans
        .iter()
        .flat_map(|p| p.runs.iter().map(|(_, s)| requests(s)))
        .sum();
    if total <= STEP_REQUESTS {
        return (plans, 0);
    }
    // The gaps between a part's runs in one file: (bytes, part, run).
    let mut gaps: Vec<(u64, usize, usize)> = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        for (i, w) in plan.runs.windows(2).enumerate() {
            let (a, b) = (&w[0].1, &w[1].1);
            if a.start < a.end && b.start < b.end && (a.end - 1) / pack == b.start / pack {
                gaps.push((b.start - a.end, p, i));
            }
        }
    }
    gaps.sort_unstable();
    let mut joined: Vec<Vec<bool>> = plans.iter().map(|p| vec![false; p.runs.len()]).collect();
    let mut added = 0u64;
    for (bytes, p, i) in gaps {
        if total <= STEP_REQUESTS || bytes > MERGE_BYTES || added + bytes > allow {
            break;
        }
        joined[p][i] = true;
        added += bytes;
        total -= 1;
    }
    for (plan, joined) in plans.iter_mut().zip(joined) {
        let mut runs: Vec<(Range<usize>, Range<u64>)> = Vec::with_capacity(plan.runs.len());
        let mut join_next = false;
        for ((ks, span), j) in std::mem::take(&mut plan.runs).into_iter().zip(joined) {
            match runs.last_mut() {
                Some((kk, s)) if join_next => {
                    kk.end = ks.end;
                    s.end = s.end.max(span.end);
                }
                _ => runs.push((ks, span)),
            }
            join_next = j;
        }
        plan.runs = runs;
    }
    (plans, added)
}

#[cfg(test)]
mod tests {
    use super::{plan_step, Reads, MERGE_BYTES, STEP_REQUESTS};

    /// The spans a plan reads, by part.
    fn spans(parts: &[Reads<'_>], pack: u64, allow: u64) -> (Vec<Vec<std::ops::Range<u64>>>, u64) {
        let (plans, added) = plan_step(parts, pack, allow);
        (
            plans
                .into_iter()
                .map(|p| p.runs.into_iter().map(|(_, s)| s).collect())
                .collect(),
            added,
        )
    }

    #[test]
    fn a_step_of_many_requests_merges_its_nearest_runs() {
        // Eight texts, 100 bytes each, the gaps between them growing:
        // 10, 20, …, 70 bytes.
        let mut at = 0;
        let texts: Vec<std::ops::Range<u64>> = (0..8)
            .map(|i| {
                let r = at..at + 100;
                at += 100 + 10 * (i + 1);
                r
            })
            .collect();
        let cards = [10_000..10_200];
        let parts = |gap| {
            [
                Reads {
                    part: "text",
                    ranges: &texts,
                    gap,
                },
                Reads {
                    part: "card",
                    ranges: &cards,
                    gap,
                },
            ]
        };
        // Nine requests: the three nearest pairs merge, to six.
        let (got, added) = spans(&parts(0), 1 << 20, 10_000);
        assert_eq!(got[0].len() + got[1].len(), STEP_REQUESTS);
        assert_eq!(added, 10 + 20 + 30);
        assert_eq!(got[0][0], 0..460);
        assert_eq!(got[1], vec![10_000..10_200]);
        // Within what the step may add, and no more: 25 bytes allow one.
        let (got, added) = spans(&parts(0), 1 << 20, 25);
        assert_eq!((got[0].len(), added), (7, 10));
        // Runs in two files are never merged (it saves no request): in
        // files of 500 bytes, not the 40 bytes across the first's end.
        let (got, added) = spans(&parts(0), 500, 10_000);
        assert_eq!(got[0], vec![0..460, 500..750, 810..910, 980..1080]);
        assert_eq!(added, 10 + 20 + 30 + 50);
        // Six requests or fewer: read as asked (the gap still joins).
        let (got, added) = spans(&parts(45), 1 << 20, 10_000);
        assert_eq!((got[0].len(), added), (4, 0));
        let few = [0..10, 5_000..5_010];
        let (got, added) = spans(
            &[Reads {
                part: "text",
                ranges: &few,
                gap: 0,
            }],
            1 << 20,
            10_000,
        );
        assert_eq!((got[0].len(), added), (2, 0));
        // A gap over MERGE_BYTES is never read to save a request.
        let far: Vec<std::ops::Range<u64>> = (0..10)
            .map(|i| i * (MERGE_BYTES + 200)..i * (MERGE_BYTES + 200) + 100)
            .collect();
        let (got, added) = spans(
            &[Reads {
                part: "text",
                ranges: &far,
                gap: 0,
            }],
            1 << 30,
            1 << 20,
        );
        assert_eq!((got[0].len(), added), (10, 0));
    }
}
