//! `shilu corpus [--json] DIR`: parses every file of a folder, as a
//! robustness and speed check over real transcripts.

use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What one file gave.
#[derive(Debug, Serialize)]
struct Record {
    file: String,
    bytes: usize,
    /// Why the file was not parsed (empty, binary, unreadable).
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    turns: usize,
    speakers: Vec<String>,
    /// Lines that look like speaker labels by themselves.
    speaker_like: usize,
    lossless: bool,
    panicked: bool,
    /// Speaker-like lines but no turns.
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<String>,
    date: Option<String>,
}

/// Files with at least this many speaker-like lines and no turns are
/// reported.
const WARN_AT: usize = 2;

pub fn run(args: &[String]) -> Result<String, String> {
    let (json, dir) = match args {
        [flag, dir] if flag == "--json" => (true, dir),
        [dir, flag] if flag == "--json" => (true, dir),
        [dir] if !dir.starts_with('-') => (false, dir),
        _ => return Err("usage error: shilu corpus [--json] DIR (try `shilu --help`)".into()),
    };
    let mut files = Vec::new();
    walk(Path::new(dir), &mut files).map_err(|e| format!("cannot read {dir}: {e}"))?;
    files.sort();
    if files.is_empty() {
        return Err(format!("{dir}: no files to parse"));
    }
    let mut out = String::new();
    let mut total_bytes = 0usize;
    let mut spent = Duration::ZERO;
    let (mut with_turns, mut lossless, mut panics, mut warnings) = (0, 0, 0, 0);
    for path in &files {
        let name = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
        total_bytes += bytes.len();
        let (rec, took) = parse_one(&name, &bytes);
        spent += took;
        with_turns += usize::from(rec.turns > 0);
        lossless += usize::from(rec.lossless);
        panics += usize::from(rec.panicked);
        warnings += usize::from(rec.warning.is_some());
        if json {
            out.push_str(&serde_json::to_string(&rec).map_err(|e| e.to_string())?);
            out.push('\n');
        } else {
            line(&mut out, &rec);
        }
    }
    if !json {
        let mb = total_bytes as f64 / 1e6;
        let _ = writeln!(
            out,
            "files {}, {mb:.2} MB, {:.1} MB/s, with turns {with_turns}, lossless {lossless}, panics {panics}, warnings {warnings}",
            files.len(),
            mb / spent.as_secs_f64().max(1e-9),
        );
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// Parses one file, catching a panic; returns the record and the parse
/// time (decoding included, file reading not).
fn parse_one(name: &str, bytes: &[u8]) -> (Record, Duration) {
    let mut rec = Record {
        file: name.to_string(),
        bytes: bytes.len(),
        error: None,
        turns: 0,
        speakers: Vec::new(),
        speaker_like: 0,
        lossless: false,
        panicked: false,
        warning: None,
        date: None,
    };
    let start = Instant::now();
    let result = std::panic::catch_unwind(|| {
        let text = shilu_core::decode(bytes)?;
        let doc = shilu_core::analysed(&text, Some(name));
        Ok::<_, shilu_core::DecodeError>((text, doc))
    });
    let took = start.elapsed();
    match result {
        Err(_) => rec.panicked = true,
        Ok(Err(e)) => rec.error = Some(e.to_string()),
        Ok(Ok((text, doc))) => {
            rec.turns = doc.turns.len();
            for t in &doc.turns {
                if !rec.speakers.contains(&t.speaker) {
                    rec.speakers.push(t.speaker.clone());
                }
            }
            rec.lossless = shilu_core::lossless::is_lossless(&text, &doc);
            rec.speaker_like = shilu_core::speaker_like_lines(&text);
            if rec.turns == 0 && rec.speaker_like >= WARN_AT {
                rec.warning = Some(format!(
                    "{} speaker-like lines but no turns",
                    rec.speaker_like
                ));
            }
            rec.date = doc.meta.date;
        }
    }
    (rec, took)
}

fn line(out: &mut String, r: &Record) {
    let _ = write!(out, "{}\t", r.file);
    if r.panicked {
        let _ = writeln!(out, "PANIC");
        return;
    }
    if let Some(e) = &r.error {
        let _ = writeln!(out, "error: {e}");
        return;
    }
    let shown: Vec<&str> = r.speakers.iter().take(8).map(String::as_str).collect();
    let more = r.speakers.len().saturating_sub(shown.len());
    let _ = write!(
        out,
        "turns {}\tspeakers {}: {}{}",
        r.turns,
        r.speakers.len(),
        shown.join("、"),
        if more > 0 {
            format!(" (+{more})")
        } else {
            String::new()
        },
    );
    if !r.lossless {
        let _ = write!(out, "\tNOT LOSSLESS");
    }
    if let Some(w) = &r.warning {
        let _ = write!(out, "\twarning: {w}");
    }
    out.push('\n');
}
