//! The xtask binary's exit codes and messages for bad command lines (none
//! of these get as far as installing or building anything).

use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("the xtask binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_unknown_flag_exits_2_naming_it() {
    for (args, named) in [
        (&["setup", "--no-such-flag"][..], "`--no-such-flag`"),
        (&["setup", "--no-brwoser"], "`--no-brwoser`"),
        (&["sizes", "--readme", "--verbose"], "`--verbose`"),
        (&["serve", "--prot", "9000"], "`--prot`"),
        (&["test", "--keep-goin"], "`--keep-goin`"),
    ] {
        let out = xtask(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains(named) && err.contains("usage: cargo xtask"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn no_command_or_an_unknown_one_prints_usage_and_exits_2() {
    for args in [&[][..], &["biuld"], &["test", "core", "e3e"]] {
        let out = xtask(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("usage: cargo xtask"), "{args:?}");
    }
    assert!(stderr(&xtask(&["test", "e3e"])).contains("unknown test tier `e3e`"));
}

#[test]
fn help_prints_usage_and_succeeds() {
    let out = xtask(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let usage = String::from_utf8_lossy(&out.stdout);
    for command in ["serve", "test", "dist", "sizes", "setup"] {
        assert!(
            usage.contains(&format!("\n  {command} ")),
            "{command}: {usage}"
        );
    }
}
