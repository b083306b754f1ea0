//! Where a check's figures are said: the sentence each is in (for showing
//! a conflict's sides), and the field of its block that holds it (for
//! marking it in the transcript, whose fields are shown apart).
//!
//! Built on `Document::figure_details`, whose byte ranges are in the
//! block's [`Block::full_text`]; nothing is re-read from the text.

use crate::model::{Block, CheckKind, Document, Figure, FigureDetail};
use crate::search::Field;
use std::ops::Range;

/// A figure where it is said.
#[derive(Debug, Clone, PartialEq)]
pub struct Place<'a> {
    pub figure: &'a Figure,
    /// The sentence it is in (to `。` or `；`), as written, trimmed.
    pub sentence: String,
    /// The figure within `sentence` (a byte range).
    pub within: Range<usize>,
}

/// The figure with this id (`n62`) and its detail, when both are there.
fn figure<'a>(doc: &'a Document, id: &str) -> Option<(&'a Figure, &'a FigureDetail)> {
    let i = doc.figures.iter().position(|f| f.id == id)?;
    let d = doc.figure_details.get(i).filter(|d| d.figure == id)?;
    Some((&doc.figures[i], d))
}

fn block<'a>(doc: &'a Document, id: &str) -> Option<&'a Block> {
    doc.blocks().find(|b| b.id == id)
}

/// The figure `id` with its sentence, or `None` when the document does not
/// say where it is (no detail, or ranges that do not fit its block).
pub fn place<'a>(doc: &'a Document, id: &str) -> Option<Place<'a>> {
    let (f, d) = figure(doc, id)?;
    let text = block(doc, &f.block)?.full_text();
    let [s, e] = d.sentence;
    let sentence = text.get(s..e)?;
    let lead = sentence.len() - sentence.trim_start().len();
    let trimmed = sentence.trim();
    let start = d.span[0].checked_sub(s + lead)?;
    let end = d.span[1].checked_sub(s + lead)?;
    trimmed.get(start..end)?;
    Some(Place {
        figure: f,
        sentence: trimmed.to_string(),
        within: start..end,
    })
}

/// A figure the transcript marks: a side of a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The block that holds it.
    pub block: String,
    /// The field of the block, and the figure's byte range in that field.
    pub field: Field,
    pub range: Range<usize>,
    /// The conflict it is a side of (`c1`).
    pub check: String,
}

/// The field of `b` that holds the byte range `span` of its full text,
/// and the range within that field (`None` across fields).
pub fn in_field(b: &Block, span: [usize; 2]) -> Option<(Field, Range<usize>)> {
    let mut at = 0;
    for (field, text) in b.fields() {
        let end = at + text.len();
        if span[0] >= at && span[1] <= end && span[0] < span[1] {
            let r = span[0] - at..span[1] - at;
            return text.get(r.clone()).map(|_| (field, r));
        }
        at = end;
    }
    None
}

/// Every figure of a conflict, where the transcript shows it, in the order
/// of the checks.
pub fn conflict_marks(doc: &Document) -> Vec<Mark> {
    let mut out = Vec::new();
    for c in doc.checks.iter().filter(|c| c.kind == CheckKind::Conflict) {
        for id in &c.figures {
            let Some((f, d)) = figure(doc, id) else {
                continue;
            };
            let Some((field, range)) = block(doc, &f.block).and_then(|b| in_field(b, d.span))
            else {
                continue;
            };
            out.push(Mark {
                block: f.block.clone(),
                field,
                range,
                check: c.id.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    const SEED: &str =
        include_str!("../../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt");

    #[test]
    fn a_conflicts_sides_are_their_sentences_with_the_figure_inside() {
        let doc = crate::analysed(SEED, None);
        let c = &doc.checks[0];
        assert_eq!(c.kind, CheckKind::Conflict);
        let sides: Vec<Place> = c.figures.iter().filter_map(|f| place(&doc, f)).collect();
        assert_eq!(sides.len(), 2);
        for (side, (who, value)) in sides.iter().zip([("刘志杰", "22.8%"), ("高耀东", "22.6%")])
        {
            assert_eq!(side.figure.speaker.as_deref(), Some(who));
            assert_eq!(&side.sentence[side.within.clone()], value);
            assert!(side.sentence.contains("扶贫周转金"), "{}", side.sentence);
            assert!(!side.sentence.starts_with(char::is_whitespace));
        }
        assert_eq!(place(&doc, "n9999"), None);
    }

    #[test]
    fn conflict_marks_name_the_field_and_range_of_each_side() {
        let doc = crate::analysed(SEED, None);
        let marks = conflict_marks(&doc);
        assert_eq!(marks.len(), 2);
        for (m, value) in marks.iter().zip(["22.8%", "22.6%"]) {
            let b = doc.blocks().find(|b| b.id == m.block).unwrap();
            let text = b.fields().find(|(f, _)| *f == m.field).unwrap().1;
            assert_eq!(&text[m.range.clone()], value);
            assert_eq!(m.check, "c1");
        }
        assert_eq!(marks[0].block, "t2-b11");
        assert_eq!(marks[1].block, "t9-b2");
    }

    #[test]
    fn a_span_is_found_in_its_field_never_across_two() {
        let b = Block {
            id: "t1-b1".into(),
            kind: BlockKind::Section,
            level: 1,
            marker: Some("——".into()),
            heading: Some("增收3%。".into()),
            text: "共5亿元".into(),
            note: None,
            lead_unit: None,
        };
        let full = b.full_text();
        let at = |s: &str| {
            let i = full.find(s).unwrap();
            [i, i + s.len()]
        };
        assert_eq!(in_field(&b, at("3%")), Some((Field::Heading, 6..8)));
        assert_eq!(in_field(&b, at("5亿元")), Some((Field::Text, 3..10)));
        assert_eq!(in_field(&b, at("。共")), None);
        assert_eq!(in_field(&b, [0, 99]), None);
    }
}
