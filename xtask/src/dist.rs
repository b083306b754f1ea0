//! `cargo xtask dist` and `cargo xtask sizes`: the release build into
//! `dist/`, its size table, and that table in README.md.

use crate::sizes::{self, FileSize};
use crate::util::{self, command, info, run, step, Result};
use std::path::Path;

/// Release build with trunk (wasm-opt runs inside it, see index.html and
/// Trunk.toml) into dist/, then the size table.
pub fn dist() -> Result<Vec<FileSize>> {
    step("dist: trunk build --release into dist/ (wasm-opt -Oz via Trunk)");
    run(command("trunk").args(["build", "--release"]))?;
    print_sizes()
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

/// `sizes --readme`: write the table of `files` between the README's size markers.
pub fn write_readme_table(files: &[FileSize]) -> Result {
    let path = readme_path();
    let new = with_table(&read(&path)?, &sizes::table(files))?;
    std::fs::write(&path, new).map_err(|e| format!("writing README.md: {e}"))?;
    info("wrote the size table into README.md");
    Ok(())
}

/// The `dist` tier's check: README.md shows the table of `files`.
pub fn check_readme_table(files: &[FileSize]) -> Result {
    check_table(&read(&readme_path())?, &sizes::table(files))
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
