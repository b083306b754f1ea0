//! A number as written: digits (half- or full-width), a decimal part, a
//! range's upper bound, and the step of its last digit.

use super::*;

/// A decimal number as digits and the count of digits after the point.
#[derive(Debug, Clone, Copy)]
pub(super) struct Num {
    pub(super) digits: u128,
    pub(super) decimals: u32,
}

impl Num {
    /// The value times 10^`exp`, correctly rounded.
    pub(super) fn value(self, exp: u32) -> f64 {
        if exp >= self.decimals {
            (self.digits * 10u128.pow(exp - self.decimals)) as f64
        } else {
            self.digits as f64 / 10u128.pow(self.decimals - exp) as f64
        }
    }
}

/// `s` is written at byte `k`: a byte loop that stops at the first
/// difference, as it runs for every unit at every candidate.
pub(super) fn written_at(text: &str, k: usize, s: &str) -> bool {
    let t = &text.as_bytes()[k..];
    t.len() >= s.len() && s.bytes().zip(t).all(|(a, &b)| a == b)
}

/// The byte offset of the first digit (ASCII, or full-width: EF BC 90–99)
/// at or after byte `from`.
pub(super) fn next_digit(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(r) = b
        .get(i..)?
        .iter()
        .position(|&x| x.is_ascii_digit() || x == 0xEF)
    {
        let j = i + r;
        if b[j] != 0xEF
            || (b.get(j + 1) == Some(&0xBC)
                && b.get(j + 2).is_some_and(|x| (0x90..=0x99).contains(x)))
        {
            return Some(j);
        }
        i = j + 1;
    }
    None
}

/// Digits with optional thousands separators (`1,000`) and decimals, at byte
/// `i`: the number and the byte after it.
pub(super) fn number(text: &str, i: usize) -> Option<(Num, usize)> {
    let at = |k: usize| text.get(k..).and_then(|t| t.chars().next());
    // The chars after byte `k`, the next `n` of them digits, then no digit.
    let digits_then_none = |k: usize, n: usize| {
        let mut it = text[k..].chars();
        (0..n).all(|_| it.next().and_then(digit).is_some()) && it.next().and_then(digit).is_none()
    };
    let mut digits: u128 = 0;
    let mut k = i;
    let mut n = 0;
    while let Some((c, d)) = at(k).and_then(|c| Some((c, digit(c)?))) {
        digits = digits.checked_mul(10)?.checked_add(u128::from(d))?;
        k += c.len_utf8();
        n += 1;
        // 1,000 but not 1,2 or 1,0000.
        if at(k) == Some(',') && n <= 3 && digits_then_none(k + 1, 3) {
            k += 1;
            n = 0;
        }
    }
    if k == i {
        return None;
    }
    let mut decimals = 0;
    if let Some(point) = at(k).filter(|&c| c == '.' || c == '．') {
        if at(k + point.len_utf8()).and_then(digit).is_some() {
            k += point.len_utf8();
            while let Some((c, d)) = at(k).and_then(|c| Some((c, digit(c)?))) {
                digits = digits.checked_mul(10)?.checked_add(u128::from(d))?;
                decimals += 1;
                k += c.len_utf8();
            }
            // 13.10.2017: a stamp, not a number.
            if matches!(at(k), Some('.') | Some('．')) {
                return None;
            }
        }
    }
    Some((Num { digits, decimals }, k))
}
