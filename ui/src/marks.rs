//! The figures the transcript marks (the sides of a conflict), as the
//! panels' module tells the page once its analysis is done: plain text, one
//! mark a line, `block field start end check` (`t2-b11 t 120 125 c1`; the
//! field is `m`arker, `h`eading, `t`ext or `n`ote, the range in bytes).
//!
//! The page holds the text as it came and reads each field's marks from it
//! ([`in_field`]): no parsing into types, no analysis in the first visit.

use shilu_core::places::Mark;
use shilu_core::search::Field;
use std::ops::Range;

/// The marks, as the page reads them.
pub fn encode(marks: &[Mark]) -> String {
    let mut out = String::new();
    for m in marks {
        let line = format!(
            "{} {} {} {} {}\n",
            m.block,
            m.field.code(),
            m.range.start,
            m.range.end,
            m.check
        );
        out.push_str(&line);
    }
    out
}

/// The marks of one field of `block`, whose text is `text`: (byte range,
/// check id), in order. Lines that do not read, and ranges that do not fit
/// `text` (marks of an older text, until the panels have read the new one),
/// are left out.
pub fn in_field<'a>(
    marks: &'a str,
    block: &str,
    field: Field,
    text: &str,
) -> Vec<(Range<usize>, &'a str)> {
    let mut out = Vec::new();
    // The words of a line, read byte by byte (no string searchers: this
    // runs in the first visit, where every generic costs).
    let mut words = [""; 5];
    let (mut n, mut from) = (0, 0);
    for (i, c) in marks.bytes().enumerate() {
        if c != b' ' && c != b'\n' {
            continue;
        }
        if n < 5 {
            words[n] = &marks[from..i];
        }
        n += 1;
        from = i + 1;
        if c != b'\n' {
            continue;
        }
        // Digits only, read by hand (no number parser for this alone).
        let num = |s: &str| {
            let digits = !s.is_empty() && s.bytes().all(|d| d.is_ascii_digit());
            let n = s.bytes().fold(0usize, |n, d| {
                n.wrapping_mul(10)
                    .wrapping_add(usize::from(d.wrapping_sub(b'0')))
            });
            digits.then_some(n)
        };
        let [b, f, start, end, check] = words;
        if let (5, true, true, Some(start), Some(end)) =
            (n, b == block, f == field.code(), num(start), num(end))
        {
            if start < end && text.get(start..end).is_some() {
                out.push((start..end, check));
            }
        }
        n = 0;
    }
    out
}

/// The blocks with a mark, in the order of their lines (a block may come
/// more than once): the first word of each line.
pub fn marked_blocks(marks: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut first = true;
    for (i, c) in marks.bytes().enumerate() {
        if c == b' ' && first {
            out.push(&marks[from..i]);
            first = false;
        }
        if c == b'\n' {
            from = i + 1;
            first = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_field_reads_back_its_own_marks() {
        let mark = |block: &str, field, range: Range<usize>, check: &str| Mark {
            block: block.into(),
            field,
            range,
            check: check.into(),
        };
        let text = encode(&[
            mark("t2-b11", Field::Text, 120..125, "c1"),
            mark("t9-b2", Field::Text, 30..35, "c1"),
            mark("t2-b11", Field::Heading, 0..4, "c2"),
        ]);
        assert_eq!(
            text,
            "t2-b11 t 120 125 c1\nt9-b2 t 30 35 c1\nt2-b11 h 0 4 c2\n"
        );
        let long = "x".repeat(200);
        assert_eq!(
            in_field(&text, "t2-b11", Field::Text, &long),
            [(120..125, "c1")]
        );
        assert_eq!(
            in_field(&text, "t2-b11", Field::Heading, "abcd"),
            [(0..4, "c2")]
        );
        assert!(in_field(&text, "t2-b1", Field::Text, &long).is_empty());
        assert_eq!(marked_blocks(&text), ["t2-b11", "t9-b2", "t2-b11"]);
        assert!(marked_blocks("").is_empty());
        assert!(in_field(&text, "t9-b2", Field::Note, &long).is_empty());
        let bad = "t1-b1 t x 3 c1\nt1-b1 t 1 2\nt1-b1 t 3 2 c1\nt1-b1 t -1 2 c1\nt1-b1 t 1 2 c1";
        assert!(in_field(bad, "t1-b1", Field::Text, &long).is_empty());
        assert!(in_field("", "t1-b1", Field::Text, &long).is_empty());
        // Ranges that do not fit the text (out of it, inside a character).
        assert!(in_field(&text, "t2-b11", Field::Text, "短").is_empty());
        assert!(in_field("t1-b1 t 1 3 c1\n", "t1-b1", Field::Text, "扶贫").is_empty());
    }
}
