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

fn code(field: Field) -> &'static str {
    match field {
        Field::Marker => "m",
        Field::Heading => "h",
        Field::Text => "t",
        Field::Note => "n",
    }
}

/// The marks, as the page reads them.
pub fn encode(marks: &[Mark]) -> String {
    let mut out = String::new();
    for m in marks {
        let line = format!(
            "{} {} {} {} {}\n",
            m.block,
            code(m.field),
            m.range.start,
            m.range.end,
            m.check
        );
        out.push_str(&line);
    }
    out
}

/// The marks of one field of `block`: (byte range, check id), in order.
/// Lines that do not read are left out.
pub fn in_field<'a>(marks: &'a str, block: &str, field: Field) -> Vec<(Range<usize>, &'a str)> {
    let mut out = Vec::new();
    for line in marks.lines() {
        let mut p = line.split(' ');
        if p.next() != Some(block) || p.next() != Some(code(field)) {
            continue;
        }
        let n = |s: Option<&str>| s.and_then(|s| s.parse::<usize>().ok());
        if let (Some(start), Some(end), Some(check)) = (n(p.next()), n(p.next()), p.next()) {
            out.push((start..end, check));
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
        assert_eq!(in_field(&text, "t2-b11", Field::Text), [(120..125, "c1")]);
        assert_eq!(in_field(&text, "t2-b11", Field::Heading), [(0..4, "c2")]);
        assert!(in_field(&text, "t2-b1", Field::Text).is_empty());
        assert!(in_field(&text, "t9-b2", Field::Note).is_empty());
        assert!(in_field("t1-b1 t x 3 c1\nt1-b1 t 1 2\n", "t1-b1", Field::Text).is_empty());
        assert!(in_field("", "t1-b1", Field::Text).is_empty());
    }
}
