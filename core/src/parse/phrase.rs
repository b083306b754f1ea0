//! Date phrases as written: `10月12日下午`, `2019年3月7日`.

use crate::chars::digit;

const PART_OF_DAY: &[&str] = &["上午", "下午", "晚上", "早上", "中午", "傍晚", "凌晨", "晚"];

/// A date phrase such as `10月12日下午` or `2019年3月7日`.
#[derive(Debug, PartialEq, Eq)]
pub struct DatePhrase<'a> {
    pub text: &'a str,
    pub year: Option<u32>,
    pub month: u32,
    pub day: u32,
}

/// Reads up to `max` digits going backwards from the end of `s`.
fn digits_before(s: &str, max: usize) -> Option<(u32, usize)> {
    let mut val = 0;
    let mut mul = 1;
    let mut bytes = 0;
    let mut n = 0;
    for c in s.chars().rev() {
        let Some(d) = digit(c) else { break };
        n += 1;
        if n > max {
            return None;
        }
        val += d * mul;
        mul *= 10;
        bytes += c.len_utf8();
    }
    (n > 0).then_some((val, bytes))
}

fn digits_after(s: &str, max: usize) -> Option<(u32, usize)> {
    let mut val = 0;
    let mut bytes = 0;
    let mut n = 0;
    for c in s.chars() {
        let Some(d) = digit(c) else { break };
        n += 1;
        if n > max {
            return None;
        }
        val = val * 10 + d;
        bytes += c.len_utf8();
    }
    (n > 0).then_some((val, bytes))
}

/// The first `[YYYY年]M月D日[上午]` in `s`.
pub fn find_date(s: &str) -> Option<DatePhrase<'_>> {
    for (i, _) in s.match_indices('月') {
        let Some((month, mb)) = digits_before(&s[..i], 2) else {
            continue;
        };
        let after = &s[i + '月'.len_utf8()..];
        let Some((day, db)) = digits_after(after, 2) else {
            continue;
        };
        let rest = &after[db..];
        let Some(rest) = rest
            .strip_prefix('日')
            .or_else(|| rest.strip_prefix('号').or_else(|| rest.strip_prefix('號')))
        else {
            continue;
        };
        let mut start = i - mb;
        let mut year = None;
        if let Some(before) = s[..start].strip_suffix('年') {
            if let Some((y, yb)) = digits_before(before, 4) {
                if yb >= 4 {
                    year = Some(y);
                    start = before.len() - yb;
                }
            }
        }
        let mut end = s.len() - rest.len();
        if let Some(p) = PART_OF_DAY.iter().find(|p| rest.starts_with(**p)) {
            end += p.len();
        }
        return Some(DatePhrase {
            text: &s[start..end],
            year,
            month,
            day,
        });
    }
    None
}

/// Every `[YYYY年]M月D日` phrase in `s`, in order.
pub fn dates_in(s: &str) -> impl Iterator<Item = DatePhrase<'_>> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let p = find_date(&s[from..])?;
        // Phrases borrow from `s`: find where this one ends.
        let start = p.text.as_ptr() as usize - s.as_ptr() as usize;
        from = start + p.text.len().max(1);
        Some(p)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = find_date("10月12日下午,省政府新闻办举行新闻发布会。").unwrap();
        assert_eq!(
            (d.text, d.year, d.month, d.day),
            ("10月12日下午", None, 10, 12)
        );
        let d = find_date("国务院新闻办公室2019年3月7日上午举行").unwrap();
        assert_eq!(d.text, "2019年3月7日上午");
        assert_eq!(d.year, Some(2019));
        assert!(find_date("9—10月份").is_none());
    }
}
