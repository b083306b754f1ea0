//! Transcripts of many layouts against hand-labelled expectations: the
//! conference date, place, title and language, dates said in the text,
//! every turn's speaker and role, speakers' roles and titles, and lines
//! that are not speech (`*.expected` beside each file in
//! `fixtures/layouts/`, `fixtures/archive/` and `fixtures/other-sources/`).

mod common;

use common::*;
use shilu_core::{analysed, lossless::is_lossless, Document};
use std::path::{Path, PathBuf};

/// What a reader says of one transcript. A field with no line is not
/// asserted; `none` asserts that the meta has no value.
#[derive(Debug, Default)]
struct Expected {
    date: Option<Option<String>>,
    place: Option<Option<String>>,
    source: Option<Option<String>>,
    title: Option<String>,
    lang: Option<String>,
    /// (phrase, ISO start): an event whose phrase contains the first.
    events: Vec<(String, String)>,
    /// (speaker, role); role `?` is not asserted.
    turns: Vec<(String, String)>,
    /// `turns: unlabelled`: a text labelled for its meta only.
    turns_unlabelled: bool,
    /// (name, role, title): a participant as the reader sees them; title
    /// `-` is none.
    speakers: Vec<(String, String, String)>,
    /// Lines that are not speech (page furniture, asides): each is in the
    /// document, only ever as an aside.
    not_speech: Vec<String>,
}

/// `none` is no value.
fn value(s: &str) -> Option<String> {
    let s = s.trim();
    (s != "none").then(|| s.to_string())
}

fn expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).expect("expectations readable");
    let mut e = Expected::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(d) = line.strip_prefix("date:") {
            e.date = Some(value(d));
        } else if let Some(p) = line.strip_prefix("place:") {
            e.place = Some(value(p));
        } else if let Some(v) = line.strip_prefix("source:") {
            e.source = Some(value(v));
        } else if let Some(t) = line.strip_prefix("title:") {
            e.title = Some(t.trim().to_string());
        } else if let Some(l) = line.strip_prefix("lang:") {
            e.lang = Some(l.trim().to_string());
        } else if let Some(ev) = line.strip_prefix("event:") {
            let (phrase, start) = ev.rsplit_once('|').expect("event: phrase | date");
            e.events
                .push((phrase.trim().to_string(), start.trim().to_string()));
        } else if line == "turns: unlabelled" {
            e.turns_unlabelled = true;
        } else if let Some(t) = line.strip_prefix("speaker:") {
            let f: Vec<&str> = t.split('|').map(str::trim).collect();
            let [name, role, title] = f[..] else {
                panic!("{}: speaker: name | role | title", path.display());
            };
            e.speakers.push((name.into(), role.into(), title.into()));
        } else if let Some(t) = line.strip_prefix("not-speech:") {
            e.not_speech.push(t.trim().to_string());
        } else if let Some(t) = line.strip_prefix("turn:") {
            let (speaker, role) = t.rsplit_once('|').expect("turn: speaker | role");
            e.turns
                .push((speaker.trim().to_string(), role.trim().to_string()));
        } else {
            panic!("{}: unreadable line {line:?}", path.display());
        }
    }
    e
}

/// Every transcript with expectations in a fixtures folder.
fn cases(folder: &str) -> Vec<(PathBuf, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "expected"))
        .map(|exp| (exp.with_extension(""), exp))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no cases in {folder}");
    out
}

fn parse_file(path: &Path) -> (String, Document) {
    let bytes = std::fs::read(path).expect("fixture readable");
    let text = shilu_core::decode(&bytes).expect("fixture decodes");
    let name = path.file_name().and_then(|n| n.to_str());
    let doc = analysed(&text, name);
    (text, doc)
}

/// Checks one transcript; returns the differences, if any.
fn check(path: &Path, exp: &Expected) -> Vec<String> {
    let (text, doc) = parse_file(path);
    let mut diffs = Vec::new();
    if !is_lossless(&text, &doc) {
        diffs.push("not lossless".to_string());
    }
    let m = &doc.meta;
    if let Some(date) = exp.date.as_ref().filter(|d| **d != m.date) {
        diffs.push(format!("date {:?}, expected {date:?}", m.date));
    }
    if let Some(place) = exp.place.as_ref().filter(|p| **p != m.place) {
        diffs.push(format!("place {:?}, expected {place:?}", m.place));
    }
    if let Some(source) = exp.source.as_ref().filter(|s| **s != m.source) {
        diffs.push(format!("source {:?}, expected {source:?}", m.source));
    }
    if let Some(title) = exp.title.as_ref().filter(|t| **t != m.title) {
        diffs.push(format!("title {:?}, expected {title:?}", m.title));
    }
    if let Some(lang) = exp.lang.as_ref().filter(|l| **l != m.lang) {
        diffs.push(format!("lang {:?}, expected {lang:?}", m.lang));
    }
    for (phrase, start) in &exp.events {
        let found = doc
            .events
            .iter()
            .any(|e| e.phrase.contains(phrase.as_str()) && e.start.as_deref() == Some(start));
        if !found {
            diffs.push(format!("no event {phrase} on {start}"));
        }
    }
    if exp.turns_unlabelled {
        return diffs;
    }
    let got: Vec<(String, String)> = doc
        .turns
        .iter()
        .map(|t| (t.speaker.clone(), t.role.as_str().to_string()))
        .collect();
    if got.len() != exp.turns.len() {
        diffs.push(format!("{} turns, expected {}", got.len(), exp.turns.len()));
    }
    for (i, (g, e)) in got.iter().zip(&exp.turns).enumerate() {
        if g.0 != e.0 || (e.1 != "?" && g.1 != e.1) {
            diffs.push(format!(
                "turn {}: {} | {}, expected {} | {}",
                i + 1,
                g.0,
                g.1,
                e.0,
                e.1
            ));
        }
    }
    for (name, role, title) in &exp.speakers {
        match doc.participants.iter().find(|p| &p.name == name) {
            None => diffs.push(format!("no speaker {name}")),
            Some(p) => {
                let got_title = p.title.as_deref().unwrap_or("-");
                if p.role.as_str() != role || got_title != title {
                    diffs.push(format!(
                        "speaker {name}: {} | {got_title}, expected {role} | {title}",
                        p.role.as_str()
                    ));
                }
            }
        }
    }
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for line in &exp.not_speech {
        let line = squeeze(line);
        let blocks: Vec<&shilu_core::model::Block> = doc
            .front
            .iter()
            .chain(doc.turns.iter().flat_map(|t| &t.blocks))
            .chain(&doc.appendix)
            .filter(|b| squeeze(&b.text) == line)
            .collect();
        if blocks.is_empty() {
            diffs.push(format!("no block {line:?}"));
        }
        if blocks
            .iter()
            .any(|b| b.kind != shilu_core::model::BlockKind::Aside)
        {
            diffs.push(format!("{line:?} read as speech"));
        }
    }
    diffs
}

fn run(folder: &str) {
    let mut failures = Vec::new();
    for (file, exp) in cases(folder) {
        let diffs = check(&file, &expected(&exp));
        if !diffs.is_empty() {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            failures.push(format!("{name}:\n  {}", diffs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn archive_transcripts_read_as_labelled() {
    run("archive");
}

#[test]
fn layouts_read_as_labelled() {
    run("layouts");
}

#[test]
fn other_sources_read_as_labelled() {
    run("other-sources");
}

#[test]
fn archive_turns_are_its_headings() {
    // Each `### 名字：` heading opens exactly one turn, with that label.
    for (file, _) in cases("archive") {
        let (text, doc) = parse_file(&file);
        let headings: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("###") && l.ends_with(['：', ':']))
            .collect();
        let labels: Vec<&str> = doc.turns.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, headings, "{}", file.display());
        assert_lossless(&text, &doc);
    }
}
