//! The passages of a transcript that corpus search reads, in reading
//! order, with who said them: each turn's speaker label as written
//! (`### 唐鳳：`: a name is found where it only labels a speech), and
//! each field of each block (a paragraph's text, a heading, a marker, a
//! note). With the labels, the passages hold every character of the
//! transcript's text but white space (the parser's losslessness).

use crate::model::{Block, Document};

/// The code of a label passage; the others are [`crate::search::Field`]'s.
pub const LABEL: &str = "l";

/// One searchable passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage<'a> {
    /// The id of the element it is in (`t3-b2`, or the turn `t3` for a
    /// label): the link's fragment.
    pub anchor: &'a str,
    /// [`LABEL`] or a block field's code (`t`ext, `h`eading, `m`arker,
    /// `n`ote).
    pub field: &'static str,
    /// The participant's id (`p2`) for a turn; `None` for front matter
    /// and the appendix.
    pub participant: Option<&'a str>,
    pub text: &'a str,
}

/// Every passage of `doc` with text, in reading order.
pub fn of(doc: &Document) -> Vec<Passage<'_>> {
    let mut out = Vec::new();
    for b in &doc.front {
        block(&mut out, b, None);
    }
    for turn in &doc.turns {
        let who = Some(turn.participant.as_str());
        push(
            &mut out,
            Passage {
                anchor: &turn.id,
                field: LABEL,
                participant: who,
                text: &turn.label,
            },
        );
        for b in &turn.blocks {
            block(&mut out, b, who);
        }
    }
    for b in &doc.appendix {
        block(&mut out, b, None);
    }
    out
}

fn block<'a>(out: &mut Vec<Passage<'a>>, b: &'a Block, participant: Option<&'a str>) {
    for (f, text) in b.fields() {
        push(
            out,
            Passage {
                anchor: &b.id,
                field: f.code(),
                participant,
                text,
            },
        );
    }
}

fn push<'a>(out: &mut Vec<Passage<'a>>, p: Passage<'a>) {
    if !p.text.trim().is_empty() {
        out.push(p);
    }
}
