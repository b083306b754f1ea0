//! What the corpus knows of each transcript beside its text: where it
//! came from, its page, its meta, its speakers with their identities,
//! and its passages. Transcripts are numbered oldest first (undated
//! ones before the dated), so a number range is a date range and the
//! newest come last.

use super::identity::{self, Identity};
use super::load::Transcript;
use super::passages::Passage;
use crate::model::Role;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A transcript's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The file's path relative to the corpus folder.
    pub source: String,
    /// Its page, relative to the site's root (`t/…/`).
    pub url: String,
    pub title: String,
    pub date: Option<String>,
    pub organiser: Option<String>,
    /// Questions asked (Q&A pairs).
    pub questions: usize,
    pub speakers: Vec<Speaker>,
    pub passages: Vec<PassageRef>,
}

/// One of a transcript's speakers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub role: Role,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Who they are across the corpus; `None` for a role word alone.
    pub identity: Option<Identity>,
}

/// Where a passage is in its transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageRef {
    /// The id of the element it is in, the link's fragment (`t3-b2`;
    /// `t3` for a speaker's label).
    pub block: String,
    /// The field's code: `l`abel, `t`ext, `h`eading, `m`arker, `n`ote.
    pub field: String,
    /// Who said it: an index into the record's speakers.
    pub speaker: Option<u32>,
}

/// The corpus's order: undated first, then by date, then by source.
pub fn order(a: &Record, b: &Record) -> std::cmp::Ordering {
    let key = |r: &Record| (r.date.is_some(), r.date.clone());
    key(a).cmp(&key(b)).then_with(|| a.source.cmp(&b.source))
}

/// A page's folder for each source: the path without its extension,
/// `/` as `-`, characters a URL path would need to escape (`?`, `#`,
/// `%`, space) as `_`; a second source with the same folder gets `-2`.
pub fn urls<'a>(sources: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = HashSet::new();
    sources
        .map(|s| {
            let stem = s.rsplit_once('.').map_or(s, |(a, _)| a);
            let slug: String = stem
                .chars()
                .map(|c| match c {
                    '/' | '\\' => '-',
                    '?' | '#' | '%' | '&' | '"' | '<' | '>' => '_',
                    c if c.is_whitespace() || c.is_control() => '_',
                    c => c,
                })
                .collect();
            let mut slug = if slug.is_empty() {
                "t".to_string()
            } else {
                slug
            };
            let base = slug.clone();
            let mut n = 2;
            while !seen.insert(slug.to_lowercase()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            format!("t/{slug}/")
        })
        .collect()
}

impl Record {
    /// Its speakers who are someone across the corpus (an identity), each
    /// once, in the order they first appear.
    pub fn people(&self) -> Vec<(&Speaker, &Identity)> {
        let mut out: Vec<(&Speaker, &Identity)> = Vec::new();
        for s in &self.speakers {
            if let Some(id) = &s.identity {
                if !out.iter().any(|(_, seen)| *seen == id) {
                    out.push((s, id));
                }
            }
        }
        out
    }

    /// Who said passage `passage`, if a speaker did.
    pub fn speaker_of(&self, passage: u32) -> Option<&Speaker> {
        let p = self.passages.get(passage as usize)?;
        self.speakers.get(p.speaker? as usize)
    }
}

/// The record of a transcript, with the page `url`, from its
/// [`super::passages::of`].
pub fn record(t: &Transcript, url: String, passages: &[Passage<'_>]) -> Record {
    let doc = &t.doc;
    let speakers: Vec<Speaker> = doc
        .participants
        .iter()
        .map(|p| Speaker {
            name: p.name.clone(),
            role: p.role,
            title: p.title.clone(),
            outlet: p.outlet.clone(),
            identity: identity::of(p),
        })
        .collect();
    let index_of = |id: &str| {
        doc.participants
            .iter()
            .position(|p| p.id == id)
            .map(|i| i as u32)
    };
    let passages = passages
        .iter()
        .map(|p| PassageRef {
            block: p.anchor.to_string(),
            field: p.field.to_string(),
            speaker: p.participant.and_then(index_of),
        })
        .collect();
    Record {
        source: t.source.clone(),
        url,
        title: doc.meta.title.clone(),
        date: doc.meta.date.clone(),
        organiser: doc.meta.organiser.clone(),
        questions: doc.qa.len(),
        speakers,
        passages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_unique_folders_without_characters_to_escape() {
        let u = urls(["a/b c.md", "a/b c.txt", "x?.txt", "A-b c.md"].into_iter());
        assert_eq!(u, ["t/a-b_c/", "t/a-b_c-2/", "t/x_/", "t/A-b_c-3/"]);
    }
}
