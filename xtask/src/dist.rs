//! `cargo xtask dist` and `cargo xtask sizes`: the release build into
//! `dist/`, its size table, and that table in README.md.

use crate::dist_stamp;
use crate::sizes::{self, FileSize};
use crate::util::{self, command, info, run, step, Result};
use std::path::Path;

/// Release build with trunk (wasm-opt runs inside it, see index.html and
/// Trunk.toml) into dist/, then the size table.
pub fn dist() -> Result<Vec<FileSize>> {
    let stamp = dist_stamp::current()?;
    step("dist: trunk build --release into dist/ (wasm-opt -Oz via Trunk)");
    dist_stamp::forget();
    run(command("trunk").args(["build", "--release"]))?;
    dist_stamp::record(&stamp);
    print_sizes()
}

/// [`dist`], unless `dist/` was built from the sources as they are now
/// (see [`dist_stamp`]).
pub fn dist_if_changed() -> Result {
    if dist_stamp::is_fresh(&dist_stamp::current()?) {
        info("dist/ is the build of the sources as they are (target/dist.stamp): not built again");
        return Ok(());
    }
    dist().map(drop)
}

/// Measure the existing dist/ and print its size table. (The first-visit
/// budget is measured in Chromium by the e2e tier: see `sizes`.)
pub fn print_sizes() -> Result<Vec<FileSize>> {
    let dir = util::root().join("dist");
    if !dir.join("index.html").is_file() {
        return Err("dist/index.html not found: run `cargo xtask dist` first".into());
    }
    step("sizes of dist/");
    let files = sizes::measure_dir(&dir)?;
    println!("{}", sizes::table(&files));
    info(&format!(
        "the {} first-visit budget is checked in Chromium by the e2e tier (tests/e2e/specs/size.test.mjs)",
        sizes::human(sizes::budget_brotli_bytes())
    ));
    Ok(files)
}

const BEGIN: &str = "<!-- sizes:begin -->";
const END: &str = "<!-- sizes:end -->";

/// The byte range of what lies between the size markers of `readme`.
fn table_range(readme: &str) -> Result<std::ops::Range<usize>> {
    let (Some(b), Some(e)) = (readme.find(BEGIN), readme.find(END)) else {
        return Err(format!("README.md has no {BEGIN} … {END} markers"));
    };
    if e < b {
        return Err("README.md: sizes markers are out of order".into());
    }
    Ok(b + BEGIN.len()..e)
}

/// `readme` with `table` between its size markers.
fn with_table(readme: &str, table: &str) -> Result<String> {
    let r = table_range(readme)?;
    Ok(format!(
        "{}\n{table}{}",
        &readme[..r.start],
        &readme[r.end..]
    ))
}

/// `Ok` if `readme` holds exactly `table` between its size markers, else
/// what differs and how to fix it.
fn check_table(readme: &str, table: &str) -> Result {
    let r = table_range(readme)?;
    let have = &readme[r];
    let have = have.strip_prefix('\n').unwrap_or(have);
    if have == table {
        return Ok(());
    }
    let mut have_lines = have.lines();
    let mut want_lines = table.lines();
    let (h, w) = loop {
        match (have_lines.next(), want_lines.next()) {
            (Some(h), Some(w)) if h == w => continue,
            (h, w) => break (h.unwrap_or("(nothing)"), w.unwrap_or("(nothing)")),
        }
    };
    Err(format!(
        "README.md's size table is not what `cargo xtask sizes` prints for this dist/ \
         (README has `{h}` where it prints `{w}`): run `cargo xtask sizes --readme` and commit README.md"
    ))
}

fn readme_path() -> std::path::PathBuf {
    util::root().join("README.md")
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

const POLICY_START: &str = "default-src 'self';";
const POLICY_END: &str = "connect-src 'self'";

/// The Content-Security-Policy the build wrote to `dist/_headers` (the
/// hashes of the page's inline style and script: xtask/tools/post-build.mjs).
fn dist_policy() -> Result<String> {
    let headers = read(&util::root().join("dist/_headers"))?;
    headers
        .lines()
        .find_map(|l| l.trim().strip_prefix("Content-Security-Policy: "))
        .map(str::to_string)
        .ok_or_else(|| "dist/_headers names no Content-Security-Policy".into())
}

/// The byte ranges of the policies `readme` shows (each from `default-src`
/// to `connect-src 'self'`, on one line).
fn policy_ranges(readme: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(b) = readme[from..].find(POLICY_START).map(|i| from + i) {
        let line_end = readme[b..].find('\n').map_or(readme.len(), |i| b + i);
        match readme[b..line_end].find(POLICY_END) {
            Some(e) => {
                out.push(b..b + e + POLICY_END.len());
                from = b + e + POLICY_END.len();
            }
            None => from = line_end,
        }
    }
    out
}

/// `readme` with every policy it shows replaced by `policy`.
fn with_policy(readme: &str, policy: &str) -> String {
    let mut out = String::with_capacity(readme.len());
    let mut at = 0;
    for r in policy_ranges(readme) {
        out.push_str(&readme[at..r.start]);
        out.push_str(policy);
        at = r.end;
    }
    out.push_str(&readme[at..]);
    out
}

/// `Ok` if every policy `readme` shows is `policy` (and it shows one).
fn check_policy(readme: &str, policy: &str) -> Result {
    let ranges = policy_ranges(readme);
    if ranges.is_empty() {
        return Err("README.md shows no Content-Security-Policy".into());
    }
    match ranges.iter().find(|r| &readme[(*r).clone()] != policy) {
        None => Ok(()),
        Some(r) => Err(format!(
            "README.md shows the policy `{}` where this dist/ needs `{policy}` (dist/_headers): \
             run `cargo xtask sizes --readme` and commit README.md",
            &readme[r.clone()]
        )),
    }
}

/// `sizes --readme`: write the table of `files` between the README's size
/// markers, and the dist's Content-Security-Policy wherever it shows one.
pub fn write_readme_table(files: &[FileSize]) -> Result {
    let path = readme_path();
    let new = with_table(&read(&path)?, &sizes::table(files))?;
    let new = with_policy(&new, &dist_policy()?);
    std::fs::write(&path, new).map_err(|e| format!("writing README.md: {e}"))?;
    info("wrote the size table and the Content-Security-Policy into README.md");
    Ok(())
}

/// The `dist` tier's check: README.md shows the table of `files`, and the
/// policy this dist needs.
pub fn check_readme_table(files: &[FileSize]) -> Result {
    let readme = read(&readme_path())?;
    check_table(&readme, &sizes::table(files))?;
    check_policy(&readme, &dist_policy()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str =
        "# x\n\nbefore\n\n<!-- sizes:begin -->\n| old |\n<!-- sizes:end -->\n\nafter\n";

    #[test]
    fn writes_the_table_between_the_markers_only() {
        let new = with_table(README, "| new |\n| rows |\n").unwrap();
        assert_eq!(
            new,
            "# x\n\nbefore\n\n<!-- sizes:begin -->\n| new |\n| rows |\n<!-- sizes:end -->\n\nafter\n"
        );
        // What it writes is what the check accepts.
        assert_eq!(check_table(&new, "| new |\n| rows |\n"), Ok(()));
    }

    #[test]
    fn a_stale_table_names_the_line_and_the_fix() {
        let err = check_table(README, "| new |\n").unwrap_err();
        assert!(
            err.contains("README has `| old |` where it prints `| new |`"),
            "{err}"
        );
        assert!(err.contains("run `cargo xtask sizes --readme`"), "{err}");
        let err = check_table(README, "| old |\n| more |\n").unwrap_err();
        assert!(err.contains("where it prints `| more |`"), "{err}");
    }

    #[test]
    fn the_policy_is_written_wherever_the_readme_shows_one() {
        let old = "default-src 'self'; style-src 'self'; connect-src 'self'";
        let new = "default-src 'self'; style-src 'self' 'sha256-x='; connect-src 'self'";
        let readme = format!("a\n```\n{old}\n```\nb \"{old}\" c\ndefault-src 'self'; no end\n");
        assert_eq!(policy_ranges(&readme).len(), 2);
        let written = with_policy(&readme, new);
        assert_eq!(written, readme.replace(old, new));
        assert_eq!(check_policy(&written, new), Ok(()));
        let err = check_policy(&readme, new).unwrap_err();
        assert!(err.contains(&format!("shows the policy `{old}`")), "{err}");
        assert!(check_policy("none", new).unwrap_err().contains("shows no"));
    }

    #[test]
    fn missing_or_swapped_markers_are_reported() {
        assert!(check_table("no markers", "t")
            .unwrap_err()
            .contains("no <!-- sizes:begin -->"));
        let swapped = "<!-- sizes:end -->\n<!-- sizes:begin -->\n";
        assert!(with_table(swapped, "t")
            .unwrap_err()
            .contains("out of order"));
    }
}
