//! Distinctive terms over a real archive, timed: not run by default (it
//! needs a folder of transcripts). Run it with
//!
//! ```sh
//! SHILU_ARCHIVE=target/archive-full/archive-tw \
//!   cargo test --release -p shilu-core --test terms_archive -- --ignored --nocapture
//! ```
//!
//! It reads and parses the folder as the site's build does, then builds
//! the background, then every speaker's terms, printing the time and the
//! process's peak memory before and after, and a few speakers' terms.

use shilu_core::corpus::{folder, load, terms};
use std::time::Instant;

fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The process's CPU time so far (user and system), in seconds: the
/// machine may be shared, so wall time alone says little.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the command's name in parentheses: state is field 3; utime and
    // stime are fields 14 and 15, in clock ticks (100 a second on Linux).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

#[test]
#[ignore = "needs SHILU_ARCHIVE, a folder of transcripts"]
fn terms_of_every_speaker_of_an_archive() {
    let Some(dir) = std::env::var_os("SHILU_ARCHIVE") else {
        eprintln!("SHILU_ARCHIVE is not set");
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let t0 = Instant::now();
    let files = load::files(&dir).expect("the folder");
    let mut entries = Vec::new();
    load::read_all(
        &dir,
        &files,
        &|t| folder::entry(t, String::new()).0,
        &mut |_, r| {
            if let Ok(e) = r {
                entries.push(e);
            }
        },
    );
    let built = folder::build(entries);
    let read = t0.elapsed().as_secs_f64();
    let before = peak_mb();
    eprintln!(
        "read, parsed and indexed {} transcripts, {} speakers in {read:.1} s; peak {before:.0} MB",
        built.records.len(),
        built.speakers.len()
    );

    let (t1, c1) = (Instant::now(), cpu_secs());
    let background = terms::Background::of_corpus(&built.records, &built.texts);
    let bg_secs = t1.elapsed().as_secs_f64();
    let after_bg = peak_mb();
    eprintln!(
        "background alone: {} grams in {bg_secs:.1} s ({:.1} s of CPU); peak {after_bg:.0} MB",
        background.len(),
        cpu_secs() - c1
    );
    drop(background);

    let (t2, c2) = (Instant::now(), cpu_secs());
    let ids: Vec<_> = built.speakers.iter().map(|s| &s.identity).collect();
    let all = terms::of_speakers(&built.records, &built.texts, &ids, 20);
    let secs = t2.elapsed().as_secs_f64();
    eprintln!(
        "terms of {} speakers (background included) in {secs:.1} s ({:.1} s of CPU); peak {:.0} MB",
        ids.len(),
        cpu_secs() - c2,
        peak_mb()
    );
    let show: Vec<usize> = std::env::var("SHILU_SHOW")
        .map(|s| s.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_else(|_| vec![0, 1, 2, 3, 5, 10, 30, 100, 300, 1000]);
    for i in show {
        let (Some(s), Some(ts)) = (built.speakers.get(i), all.get(i)) else {
            continue;
        };
        let list: Vec<String> = ts
            .iter()
            .map(|t| format!("{} ({}/{}, {:.0})", t.text, t.count, t.corpus, t.score))
            .collect();
        eprintln!(
            "#{i} {} ({} transcripts, {} chars): {}",
            s.name,
            s.transcripts.len(),
            s.chars,
            list.join(", ")
        );
    }
}
