//! Splits decoded text into a [`Document`]. (Minimal: paragraphs only.)

use crate::model::{Block, BlockKind, Document};

/// Parses decoded transcript text.
pub fn parse(text: &str) -> Document {
    let mut doc = Document::default();
    for (i, para) in text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let kind = if i == 0 { BlockKind::Title } else { BlockKind::Paragraph };
        if i == 0 {
            doc.meta.title = para.to_string();
        }
        doc.front.push(Block {
            id: format!("f{}", i + 1),
            kind,
            level: 0,
            marker: None,
            heading: None,
            text: para.to_string(),
            note: None,
            lead_unit: None,
        });
    }
    doc
}
