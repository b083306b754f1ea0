//! Small process helpers shared by the subcommands (std only).

use std::env;
use std::ffi::{OsStr, OsString};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the workspace that contains `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// `$CARGO_HOME/bin`, where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env::var_os("HOME").unwrap_or_default()).join(".cargo"));
    home.join("bin")
}

/// Where `setup` installs the npm build tools (wasm-opt from binaryen).
pub fn npm_tools_bin_dir() -> PathBuf {
    root().join("xtask/tools/node_modules/.bin")
}

/// The PATH every command we spawn gets: the npm build tools, then
/// `$CARGO_HOME/bin`, then our own PATH (without repeats of those two), so the
/// tools `setup` installs are the ones Trunk finds. Our own environment is
/// left alone: each command gets it through [`command`].
pub fn tools_path() -> OsString {
    static PATH: OnceLock<OsString> = OnceLock::new();
    PATH.get_or_init(|| {
        prepend_path(
            &[npm_tools_bin_dir(), cargo_bin_dir()],
            &env::var_os("PATH").unwrap_or_default(),
        )
    })
    .clone()
}

/// `firsts`, then the entries of `path` that are not among them.
fn prepend_path(firsts: &[PathBuf], path: &OsStr) -> OsString {
    let mut parts: Vec<PathBuf> = firsts.to_vec();
    parts.extend(env::split_paths(path).filter(|p| !firsts.contains(p)));
    env::join_paths(parts).expect("PATH entries contain no separator")
}

/// The one way this xtask builds a command: run from the repository root,
/// with [`tools_path`] as its PATH (which is also where `program` is looked
/// up, on Unix).
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tools_path());
    c
}

/// The cargo that runs us (falls back to `cargo` on PATH).
pub fn cargo() -> Command {
    command(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// A heading for a step, so logs read as a list of what was done.
pub fn step(msg: &str) {
    println!("\n==> {msg}");
    let _ = std::io::stdout().flush();
}

pub fn info(msg: &str) {
    println!("    {msg}");
    let _ = std::io::stdout().flush();
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Run a command with inherited stdio; error if it can't start or fails.
pub fn run(c: &mut Command) -> Result {
    let what = describe(c);
    println!("    $ {what}");
    let _ = std::io::stdout().flush();
    let status = c
        .status()
        .map_err(|e| format!("could not start `{what}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Run a command, echo its stdout line by line and hand each line to `on_line`
/// (stderr is inherited). Returns whether it succeeded.
pub fn run_tee(c: &mut Command, mut on_line: impl FnMut(&str)) -> Result<bool> {
    let what = describe(c);
    println!("    $ {what}");
    let _ = std::io::stdout().flush();
    let mut child = c
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{what}`: {e}"))?;
    let out = child.stdout.take().expect("piped stdout");
    let mut stdout = std::io::stdout();
    for line in BufReader::new(out).lines() {
        let line = line.map_err(|e| format!("reading output of `{what}`: {e}"))?;
        let _ = writeln!(stdout, "{line}");
        let _ = stdout.flush();
        on_line(&line);
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{what}`: {e}"))?;
    Ok(status.success())
}

/// First line of `program args…` (stdout, else stderr), if it runs and succeeds.
pub fn first_line_of(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = if out.stdout.is_empty() {
        out.stderr
    } else {
        out.stdout
    };
    String::from_utf8_lossy(&text)
        .lines()
        .next()
        .map(|l| l.trim().to_string())
}

/// Full stdout of a command, if it runs and succeeds.
pub fn stdout_of(c: &mut Command) -> Option<String> {
    let out = c.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_come_first_on_path_once() {
        let (npm, bin) = (
            PathBuf::from("/r/node_modules/.bin"),
            PathBuf::from("/h/.cargo/bin"),
        );
        let path = env::join_paths(["/usr/bin", "/h/.cargo/bin", "/bin"]).unwrap();
        let joined = prepend_path(&[npm.clone(), bin.clone()], &path);
        let parts: Vec<PathBuf> = env::split_paths(&joined).collect();
        assert_eq!(
            parts,
            [npm, bin, PathBuf::from("/usr/bin"), PathBuf::from("/bin")]
        );
    }

    #[test]
    fn commands_get_the_tools_path_and_the_root() {
        let c = command("trunk");
        let path = c
            .get_envs()
            .find(|(k, _)| *k == "PATH")
            .and_then(|(_, v)| v)
            .expect("PATH is set on the command");
        let first = env::split_paths(path).next();
        assert_eq!(first, Some(npm_tools_bin_dir()));
        assert_eq!(c.get_current_dir(), Some(root().as_path()));
    }
}
