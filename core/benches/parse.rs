//! Parser benchmark (no harness): `cargo bench -p shilu-core --bench parse`.
//!
//! Prints the time to parse the seed, 100 copies of it, one 1 MB line and
//! 50,000 label lines in a row, and checks that time grows linearly. The
//! `parse` column is the structure parser (`shilu_core::parse::parse`); the
//! last column is the whole pipeline (`shilu_core::parse`, which also
//! extracts events and figures).

use std::hint::black_box;
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt");

/// Median wall time of `runs` runs of `f` on `text`.
fn time_with(f: fn(&str) -> shilu_core::Document, text: &str, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f(black_box(text)));
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The structure parser alone (front, turns, Q&A, appendix).
fn time(text: &str, runs: usize) -> Duration {
    time_with(shilu_core::parse::parse, text, runs)
}

/// The whole pipeline, with events and figures.
fn time_full(text: &str, runs: usize) -> Duration {
    time_with(shilu_core::parse, text, runs)
}

fn mb(text: &str) -> f64 {
    text.len() as f64 / 1_000_000.0
}

fn report(name: &str, text: &str, runs: usize) -> Duration {
    let t = time(text, runs);
    let full = time_full(text, runs.min(5));
    println!(
        "{name:<24} {:>8.2} MB {:>10.2} ms {:>9.1} MB/s {:>12.2} ms",
        mb(text),
        t.as_secs_f64() * 1e3,
        mb(text) / t.as_secs_f64(),
        full.as_secs_f64() * 1e3,
    );
    t
}

fn main() {
    let seed = SEED.to_string();
    let copies = |n: usize| vec![seed.as_str(); n].join("\n");
    let x10 = copies(10);
    let x100 = copies(100);
    let one_line: String = "省扶贫办主任刘志杰介绍情况,增长25.8%。".repeat(1_000_000 / 57 + 1);
    let labels: String = (0..50_000)
        .map(|i| match i % 4 {
            0 if i % 8 == 0 => "主持人:\n".to_string(),
            0 => "主持人    董晓林:\n".to_string(),
            1 => "刘志杰:\n".to_string(),
            2 => format!("第{i}报记者:\n"),
            _ => "问:\n".to_string(),
        })
        .collect();

    println!(
        "{:<24} {:>11} {:>13} {:>14} {:>15}",
        "input", "size", "parse", "throughput", "+events/figs"
    );
    report("seed", &seed, 51);
    let t100 = report("100× seed", &x100, 7);
    report("1 MB single line", &one_line, 7);
    report("50,000 label lines", &labels, 7);

    let t1 = time(&seed, 51).as_secs_f64();
    let t10 = time(&x10, 11).as_secs_f64();
    let t100 = t100.as_secs_f64();
    println!(
        "linearity (time per copy, 1× = 1.00): 10× {:.2}, 100× {:.2}",
        t10 / 10.0 / t1,
        t100 / 100.0 / t1
    );
    let d = shilu_core::parse(&x100);
    println!(
        "100× seed: {} turns, {} blocks, {} participants",
        d.turns.len(),
        d.blocks().count(),
        d.participants.len()
    );
}
