//! The lossless property: every non-whitespace character of the input is
//! in the document, in order, but for the speaker labels as written.

use crate::model::Document;

/// Whether `doc` holds all of `input` (whitespace aside): its blocks,
/// times and turn labels, in reading order.
pub fn is_lossless(input: &str, doc: &Document) -> bool {
    expected_content(input, doc).is_some_and(|e| e == doc.content_text())
}

/// The input less whitespace and the turns' labels, or `None` when a
/// turn's label does not open a line of the input, in turn order.
fn expected_content(input: &str, doc: &Document) -> Option<String> {
    let mut labels = doc.turns.iter().map(|t| t.label.as_str()).peekable();
    let mut out = String::with_capacity(input.len());
    for line in input.split(['\n', '\r']) {
        let t = line.trim_start();
        let rest = match labels.peek().and_then(|l| t.strip_prefix(l)) {
            Some(after) => {
                labels.next();
                after
            }
            None => t,
        };
        out.extend(rest.chars().filter(|c| !c.is_whitespace()));
    }
    labels.next().is_none().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_and_fails() {
        let text = "标题\n主持人 王某:\n各位好。\n";
        let mut d = crate::structure(text, None);
        assert!(is_lossless(text, &d));
        d.turns[0].blocks[0].text.pop();
        assert!(!is_lossless(text, &d));
    }
}
