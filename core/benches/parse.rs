//! Parser benchmark (no harness): `cargo bench -p shilu-core --bench parse`.
//!
//! Prints, per input, the time of each stage of `shilu_core::analysed`:
//!
//! - `structure`: the structure parser (`shilu_core::structure`: front,
//!   turns, Q&A, appendix);
//! - `events`: `shilu_core::events::extract` on the parsed document;
//! - `figures`: `shilu_core::figures::extract` on the parsed document;
//! - `checks`: `shilu_core::checks::check` on the analysed document (sums,
//!   shares, growth, repeats, conflicts);
//! - `names`: the documents, programmes and lead units named;
//! - `total`: the whole pipeline (`shilu_core::analysed`), timed on its own;
//! - `ics`: the calendar export of every event (`shilu_core::ics::calendar`);
//!
//! then a linearity table (time per copy of the seed at 1×, 10× and 100×).
//! Every figure is the best of several runs, so that a busy machine disturbs
//! it as little as possible. `-- --quick` runs fewer rounds.

use std::hint::black_box;
use std::time::Instant;

use shilu_core::{checks, documents, events, figures, ics, lead_units, programmes, Document};

const SEED: &str = include_str!("../../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt");

/// Best wall time of `runs` runs of `f`, in milliseconds.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

/// Per-stage times of one input, in milliseconds.
struct Stages {
    structure: f64,
    events: f64,
    figures: f64,
    checks: f64,
    names: f64,
    total: f64,
    ics: f64,
}

fn stages(text: &str, runs: usize) -> Stages {
    let doc: Document = shilu_core::structure(text, None);
    let full = shilu_core::analysed(text, None);
    Stages {
        structure: best(runs, || shilu_core::structure(black_box(text), None)),
        events: best(runs, || events::extract(black_box(&doc))),
        figures: best(runs, || figures::extract(black_box(&doc))),
        checks: best(runs, || checks::check(black_box(&full))),
        names: best(runs, || {
            let d = black_box(&full);
            (
                documents::extract(d),
                programmes::extract(d),
                lead_units::extract(d),
            )
        }),
        total: best(runs, || shilu_core::analysed(black_box(text), None)),
        ics: best(runs, || ics::calendar(black_box(&full), ics::IcsScope::All)),
    }
}

fn mb(text: &str) -> f64 {
    text.len() as f64 / 1_000_000.0
}

fn report(name: &str, text: &str, runs: usize) -> Stages {
    let s = stages(text, runs);
    println!(
        "{name:<20} {:>7.2} MB {:>10.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>8.1} MB/s {:>6.2}× {:>8.2}",
        mb(text),
        s.structure,
        s.events,
        s.figures,
        s.checks,
        s.names,
        s.total,
        mb(text) / (s.total / 1e3),
        s.total / s.structure,
        s.ics,
    );
    s
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let scale = |n: usize| if quick { n.div_ceil(4) } else { n };

    let copies = |n: usize| vec![SEED; n].join("\n");
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

    println!("times in ms, best of several runs; MB/s and ratio are of the total");
    println!(
        "{:<20} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>13} {:>7} {:>8}",
        "input",
        "size",
        "structure",
        "events",
        "figures",
        "checks",
        "names",
        "total",
        "throughput",
        "÷struct",
        "ics"
    );
    let s1 = report("seed", SEED, scale(101));
    let s10 = report("10× seed", &x10, scale(21));
    let s100 = report("100× seed", &x100, scale(9));
    report("1 MB single line", &one_line, scale(9));
    report("50,000 label lines", &labels, scale(9));

    println!();
    println!("linearity: time per copy of the seed, relative to 1×");
    println!(
        "{:<10} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "copies", "structure", "events", "figures", "checks", "names", "total"
    );
    for (n, s) in [(1, &s1), (10, &s10), (100, &s100)] {
        let rel = |t: f64, t1: f64| t / f64::from(n) / t1;
        println!(
            "{:<10} {:>10.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
            format!("{n}×"),
            rel(s.structure, s1.structure),
            rel(s.events, s1.events),
            rel(s.figures, s1.figures),
            rel(s.checks, s1.checks),
            rel(s.names, s1.names),
            rel(s.total, s1.total),
        );
    }

    let d = shilu_core::analysed(&x100, None);
    println!();
    println!(
        "100× seed: {} turns, {} blocks, {} participants, {} events, {} figures, {} checks",
        d.turns.len(),
        d.blocks().count(),
        d.participants.len(),
        d.events.len(),
        d.figures.len(),
        d.checks.len(),
    );
}
