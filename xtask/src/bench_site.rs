//! `cargo xtask bench site [DIR]`: the corpus site's build on a folder of
//! transcripts ×1, ×2 and ×4 (renamed copies, hard-linked), with the
//! release dist and `shilu-site`: time, peak memory, files and MB of each, how
//! they grow, and what 100,000 transcripts would take at the ×4 rate;
//! and after ×1, the rebuild of that site with one new file added.
//! Without DIR, the whole shared archive (`../shared/corpus/
//! archive-tw-full.tar.xz`, unpacked once under `target/bench-site/`).

use crate::util::{self, cargo, command, run, step, Result};
use std::path::{Path, PathBuf};

/// One build's figures, read from `shilu-site`'s (or `shilu index`'s) report.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub transcripts: u64,
    pub files: u64,
    pub mb: f64,
    pub secs: f64,
    pub peak_mb: f64,
}

/// Reads the report's summary line: `… N transcripts, … wrote F files,
/// M MB, to … in S s (…), peak memory P MB`.
pub fn read_report(report: &str) -> Option<Figures> {
    let line = report
        .lines()
        .rev()
        .find(|l| l.contains(" transcripts, "))?;
    let before = |word: &str| -> Option<f64> {
        let end = line.find(word)?;
        line[..end]
            .split_whitespace()
            .last()?
            .replace(',', "")
            .parse()
            .ok()
    };
    Some(Figures {
        transcripts: before(" transcripts,")? as u64,
        files: {
            let w = line.find("wrote ")?;
            line[w + 6..].split_whitespace().next()?.parse().ok()?
        },
        mb: before(" MB, to")?,
        secs: {
            let i = line.find(" in ")?;
            line[i + 4..].split_whitespace().next()?.parse().ok()?
        },
        peak_mb: {
            let i = line.find("peak memory ")?;
            line[i + 12..].split_whitespace().next()?.parse().ok()?
        },
    })
}

fn copies(dir: &Path, into: &Path, n: usize) -> Result {
    let _ = std::fs::remove_dir_all(into);
    for k in 1..=n {
        link_tree(dir, &into.join(format!("copy-{k}")))?;
    }
    Ok(())
}

fn link_tree(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("creating {}: {e}", to.display()))?;
    for e in std::fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))? {
        let p = e.map_err(|e| e.to_string())?.path();
        let target = to.join(p.file_name().unwrap_or_default());
        if p.is_dir() {
            link_tree(&p, &target)?;
        } else if std::fs::hard_link(&p, &target).is_err() {
            std::fs::copy(&p, &target).map_err(|e| format!("copying {}: {e}", p.display()))?;
        }
    }
    Ok(())
}

pub fn archive() -> Result<PathBuf> {
    let root = util::root();
    let tar = root.join("../shared/corpus/archive-tw-full.tar.xz");
    let into = root.join("target/bench-site/archive");
    let dir = into.join("archive-tw");
    if !dir.is_dir() {
        if !tar.is_file() {
            return Err(format!(
                "{} not found: name a folder of transcripts (`cargo xtask bench site DIR`)",
                tar.display()
            ));
        }
        step(&format!("unpacking {}", tar.display()));
        std::fs::create_dir_all(&into).map_err(|e| e.to_string())?;
        run(command("tar").arg("-xJf").arg(&tar).arg("-C").arg(&into))?;
    }
    Ok(dir)
}

/// Builds the site of `corpus` into `out`: its figures and its phases'
/// line.
fn site_build(shilu: &Path, corpus: &Path, dist: &Path, out: &Path) -> Result<(Figures, String)> {
    let run = command(shilu)
        .arg(corpus)
        .arg("--assets")
        .arg(dist)
        .arg("--out")
        .arg(out)
        .output()
        .map_err(|e| format!("running shilu-site: {e}"))?;
    let report = String::from_utf8_lossy(&run.stdout);
    if !run.status.success() {
        return Err(format!(
            "shilu-site failed: {}",
            String::from_utf8_lossy(&run.stderr).trim()
        ));
    }
    let f = read_report(&report).ok_or_else(|| format!("cannot read the report: {report}"))?;
    let phases = report
        .lines()
        .find_map(|l| l.strip_prefix("phases: "))
        .unwrap_or("")
        .to_string();
    Ok((f, phases))
}

/// The first `.md` or `.txt` file below `dir`, by name.
fn first_transcript(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    entries.into_iter().find_map(|p| {
        if p.is_dir() {
            first_transcript(&p)
        } else {
            p.extension()
                .is_some_and(|e| e == "md" || e == "txt")
                .then_some(p)
        }
    })
}

/// Removes a built site, its cache and the sites it replaced.
fn remove_site(site: &Path) {
    let _ = std::fs::remove_dir_all(site);
    let name = site.file_name().unwrap_or_default().to_string_lossy();
    let parent = site.parent().unwrap_or(Path::new("."));
    for e in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&format!(".{name}.")) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// The copies built: ×1, ×2 and ×4, or ×1 alone (`rebuild_only`: the
/// build and its rebuild with one file added).
pub fn copies_built(rebuild_only: bool) -> &'static [usize] {
    if rebuild_only {
        &[1]
    } else {
        &[1, 2, 4]
    }
}

pub fn bench(dir: Option<PathBuf>, rebuild_only: bool) -> Result {
    let dir = match dir {
        Some(d) => d,
        None => archive()?,
    };
    let root = util::root();
    // The whole site: the app's assets, then shilu-site (release).
    crate::dist::dist()?;
    step("building shilu-site (release)");
    run(cargo()
        .current_dir(&root)
        .args(["build", "--release", "--offline", "-p", "shilu-site"]))?;
    let shilu = root.join("target/release/shilu-site");
    let work = root.join("target/bench-site");
    let mut rows: Vec<(usize, Figures)> = Vec::new();
    let mut rebuild = None;
    for &n in copies_built(rebuild_only) {
        let corpus = work.join(format!("x{n}"));
        copies(&dir, &corpus, n)?;
        step(&format!("bench site: ×{n}"));
        let site = work.join(format!("site-x{n}"));
        let f = site_build(&shilu, &corpus, &root.join("dist"), &site)?.0;
        rows.push((n, f));
        if n == 1 {
            // One new file (a transcript with a line added, beside the
            // linked originals, which stay as they were), and the site
            // built again over the last.
            let first = first_transcript(&corpus).ok_or("no transcript in the corpus")?;
            let text = std::fs::read_to_string(&first).map_err(|e| e.to_string())?;
            std::fs::write(
                corpus.join("copy-1/bench-rebuild-added.md"),
                format!("{text}\n\n补充：这是为测重建而加的一段。\n"),
            )
            .map_err(|e| e.to_string())?;
            step("bench site: ×1 again, one file added");
            rebuild = Some(site_build(&shilu, &corpus, &root.join("dist"), &site)?);
        }
        let _ = std::fs::remove_dir_all(&corpus);
        remove_site(&site);
    }
    println!("\ncopies  transcripts     time   peak memory    files        MB");
    for (n, f) in &rows {
        println!(
            "×{n:<6} {:>11} {:>7.1} s {:>9.0} MB {:>8} {:>9.1}",
            f.transcripts, f.secs, f.peak_mb, f.files, f.mb
        );
    }
    if let Some((f, phases)) = &rebuild {
        println!(
            "\nrebuild of ×1 with one file added: {:.1} s, {:.0} MB peak ({phases})",
            f.secs, f.peak_mb
        );
    }
    let (Some((_, one)), Some((_, four))) = (rows.first(), rows.get(2)) else {
        return Ok(());
    };
    println!("\nper transcript, relative to ×1:");
    for (n, f) in &rows {
        let per = |x: f64, y: f64| (x / f.transcripts as f64) / (y / one.transcripts as f64);
        println!(
            "×{n:<6} time {:.2}  memory {:.2}  files {:.2}  MB {:.2}",
            per(f.secs, one.secs),
            per(f.peak_mb, one.peak_mb),
            per(f.files as f64, one.files as f64),
            per(f.mb, one.mb)
        );
    }
    // 100,000 transcripts at the ×4 rate; memory by the slope from ×1 to ×4.
    let k = 100_000.0 / four.transcripts as f64;
    let slope = (four.peak_mb - one.peak_mb) / (four.transcripts - one.transcripts) as f64;
    println!(
        "\n100,000 transcripts (from ×4, linear): {:.0} s, {:.0} MB peak, {:.0} files, {:.0} MB",
        four.secs * k,
        one.peak_mb + slope * (100_000 - one.transcripts) as f64,
        four.files as f64 * k,
        four.mb * k
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rebuild_alone_builds_one_copy() {
        assert_eq!(copies_built(true), [1]);
        assert_eq!(copies_built(false), [1, 2, 4]);
    }

    #[test]
    fn reads_the_reports_figures() {
        let r = "skipped a.txt: empty input\n2,051 files, 2051 transcripts, 7619 speakers, 1 skipped, 734613 passages; wrote 2594 files, 410.9 MB, to /tmp/s in 25.9 s (read and parsed 4.2 s, indexed 12.4 s), peak memory 561 MB\n";
        assert_eq!(
            read_report(r),
            Some(Figures {
                transcripts: 2051,
                files: 2594,
                mb: 410.9,
                secs: 25.9,
                peak_mb: 561.0
            })
        );
        // shilu-site's.
        let r = "2051 files, 2051 transcripts, 7609 speakers, 0 skipped; wrote 14521 files (9861 pages), 1431.4 MB, to /tmp/site-full in 58.8 s (read and parsed 3.4 s, indexed 9.6 s), peak memory 550 MB\nserve it with this header (also in _headers):\nContent-Security-Policy: default-src 'self'\n";
        assert_eq!(
            read_report(r),
            Some(Figures {
                transcripts: 2051,
                files: 14521,
                mb: 1431.4,
                secs: 58.8,
                peak_mb: 550.0
            })
        );
        assert_eq!(read_report("nothing"), None);
    }
}
