//! `corpus.jsonl`: the corpus for researchers, one JSON record a line,
//! one line per transcript in the corpus's order: where it came from
//! (`source`, relative to the corpus folder), its page (`url`, relative
//! to the site's root), its meta, participants, turns and Q&A pairs, in
//! the same model `shilu parse` prints.

use super::load::Transcript;
use crate::model::{Meta, Participant, QaPair, Turn};
use serde::{Deserialize, Serialize};

/// One line of `corpus.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub source: String,
    pub url: String,
    pub meta: Meta,
    pub participants: Vec<Participant>,
    pub turns: Vec<Turn>,
    pub qa: Vec<QaPair>,
}

/// The line of `t`, whose page is `url` (no newline).
pub fn line(t: &Transcript, url: &str) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        source: &'a str,
        url: &'a str,
        meta: &'a Meta,
        participants: &'a [Participant],
        turns: &'a [Turn],
        qa: &'a [QaPair],
    }
    let d = &t.doc;
    serde_json::to_string(&Borrowed {
        source: &t.source,
        url,
        meta: &d.meta,
        participants: &d.participants,
        turns: &d.turns,
        qa: &d.qa,
    })
    .unwrap_or_default()
}

/// Reads a line back.
pub fn read(line: &str) -> Result<Line, serde_json::Error> {
    serde_json::from_str(line)
}
