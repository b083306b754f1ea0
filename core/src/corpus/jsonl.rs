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

/// `corpus.jsonl`, written as transcripts are read: each line goes out
/// as soon as every file before it has, so the file is in the sources'
/// order and only the lines of files read early wait in memory.
pub struct Lines {
    out: std::io::BufWriter<std::fs::File>,
    next: usize,
    waiting: std::collections::BTreeMap<usize, Option<String>>,
    pub bytes: u64,
}

impl Lines {
    pub fn create(path: &std::path::Path) -> std::io::Result<Lines> {
        Ok(Lines {
            out: std::io::BufWriter::new(std::fs::File::create(path)?),
            next: 0,
            waiting: Default::default(),
            bytes: 0,
        })
    }

    /// File `i`'s line, or `None` for a file skipped.
    pub fn put(&mut self, i: usize, line: Option<String>) -> std::io::Result<()> {
        use std::io::Write;
        self.waiting.insert(i, line);
        while let Some(line) = self.waiting.remove(&self.next) {
            if let Some(l) = line {
                self.out.write_all(l.as_bytes())?;
                self.out.write_all(b"\n")?;
                self.bytes += l.len() as u64 + 1;
            }
            self.next += 1;
        }
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<u64> {
        use std::io::Write;
        self.out.flush()?;
        Ok(self.bytes)
    }
}
