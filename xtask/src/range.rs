//! `Range: bytes=…` as static hosts answer it (RFC 9110, one range):
//! the site's index is read by byte ranges, so `cargo xtask serve --site`
//! answers them with 206, like the host it stands in for.

use std::ops::Range;

/// What a request's `Range` header asks of a file of `len` bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// No range (or one this server ignores, as RFC 9110 allows: several
    /// ranges, another unit): the whole file, 200.
    Whole,
    /// These bytes, 206.
    Part(Range<u64>),
    /// A range past the end: 416.
    Unsatisfiable,
}

/// Reads `header` (the value of `Range`, if any) for a file of `len`
/// bytes: `bytes=a-b`, `bytes=a-` or `bytes=-n`.
pub fn wanted(header: Option<&str>, len: u64) -> Wanted {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Wanted::Whole;
    };
    if spec.contains(',') {
        return Wanted::Whole;
    }
    let Some((a, b)) = spec.trim().split_once('-') else {
        return Wanted::Whole;
    };
    let num = |s: &str| s.trim().parse::<u64>().ok();
    let r = match (a.trim().is_empty(), num(a), num(b)) {
        // The last n bytes.
        (true, _, Some(n)) if n > 0 => len.saturating_sub(n)..len,
        (true, _, _) => return Wanted::Unsatisfiable,
        (false, Some(a), None) if b.trim().is_empty() => a..len,
        (false, Some(a), Some(b)) if a <= b => a..(b + 1).min(len),
        _ => return Wanted::Whole,
    };
    if r.start >= len {
        return Wanted::Unsatisfiable;
    }
    Wanted::Part(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_as_a_static_host_reads_them() {
        assert_eq!(wanted(None, 10), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=2-4"), 10), Wanted::Part(2..5));
        assert_eq!(wanted(Some("bytes=8-"), 10), Wanted::Part(8..10));
        assert_eq!(wanted(Some("bytes=-3"), 10), Wanted::Part(7..10));
        // An end past the file is cut to it.
        assert_eq!(wanted(Some("bytes=5-99"), 10), Wanted::Part(5..10));
        assert_eq!(wanted(Some("bytes=10-12"), 10), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=-0"), 10), Wanted::Unsatisfiable);
        // Several ranges, another unit, or nonsense: the whole file.
        assert_eq!(wanted(Some("bytes=0-1,4-5"), 10), Wanted::Whole);
        assert_eq!(wanted(Some("items=0-1"), 10), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=4-2"), 10), Wanted::Whole);
    }
}
