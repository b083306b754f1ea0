//! The `shilu` binary: JSON on success, one line and exit code 1 on error.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn shilu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shilu"))
        .args(args)
        .output()
        .expect("runs")
}

fn shilu_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shilu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// Exit code 1, nothing on stdout, exactly one line on stderr containing `word`.
fn assert_fails(out: &Output, word: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(out.stdout.is_empty());
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.ends_with('\n'));
    assert!(err.contains(word), "{err:?} names {word}");
    assert!(!err.contains("panicked"));
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("shilu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn parse_prints_the_document_as_json() {
    let seed = common::seed_path();
    let out = shilu(&["parse", seed.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in [
        "meta",
        "participants",
        "front",
        "turns",
        "qa",
        "appendix",
        "events",
        "figures",
    ] {
        assert!(v.get(k).is_some(), "{k}");
    }
    assert_eq!(v["turns"].as_array().unwrap().len(), 12);
    assert_eq!(v["turns"][1]["speaker"], "刘志杰");
    // Pretty-printed.
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"meta\""));
}

#[test]
fn parse_reads_stdin() {
    let out = shilu_stdin(&["parse", "-"], &common::seed_bytes());
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["meta"]["date"], "2017-10-12");
}

#[test]
fn help() {
    for flag in ["--help", "-h", "help"] {
        let out = shilu(&[flag]);
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stdout).contains("shilu parse [--name NAME] FILE"));
    }
}

#[test]
fn bad_input_exits_1_with_one_line() {
    assert_fails(
        &shilu(&["parse", tmp("empty.txt", b"").to_str().unwrap()]),
        "empty",
    );
    assert_fails(
        &shilu(&["parse", tmp("ws.txt", b" \r\n\t\n").to_str().unwrap()]),
        "whitespace-only",
    );
    assert_fails(
        &shilu(&[
            "parse",
            tmp("bin.dat", b"\x7fELF\x02\x01\x01\x00\x00\x00")
                .to_str()
                .unwrap(),
        ]),
        "binary",
    );
    assert_fails(&shilu_stdin(&["parse", "-"], b""), "empty");
    assert_fails(
        &shilu(&["parse", "/definitely/not/here.txt"]),
        "no such file",
    );
    let dir = std::env::temp_dir();
    assert_fails(&shilu(&["parse", dir.to_str().unwrap()]), "cannot read");
}

#[test]
fn usage_errors_exit_1_with_one_line() {
    assert_fails(&shilu(&[]), "usage");
    assert_fails(&shilu(&["frobnicate"]), "unknown command");
    assert_fails(&shilu(&["parse"]), "FILE");
    assert_fails(&shilu(&["parse", "a", "b"]), "one FILE");
}

#[test]
fn ics_prints_a_calendar_that_a_parser_reads() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let seed = common::seed_path();
    let all = shilu(&["ics", seed.to_str().unwrap()]);
    assert_eq!(
        all.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&all.stderr)
    );
    let plan = shilu(&["ics", "--activities", seed.to_str().unwrap()]);
    assert_eq!(plan.status.code(), Some(0));
    let events = |out: &Output| -> Vec<String> {
        let text = String::from_utf8(out.stdout.clone()).unwrap();
        let cal: Calendar = text.parse().expect("valid iCalendar");
        cal.components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => e.get_summary().map(str::to_string),
                _ => None,
            })
            .collect()
    };
    let (all, plan) = (events(&all), events(&plan));
    assert!(
        plan.iter().any(|s| s.contains("攻坚深度贫困论坛")),
        "{plan:?}"
    );
    assert!(
        plan.len() < all.len(),
        "the plan is a subset: {} vs {}",
        plan.len(),
        all.len()
    );
    assert!(plan.iter().all(|s| all.contains(s)));
}

#[test]
fn ics_fails_like_parse_on_bad_input() {
    assert_fails(&shilu(&["ics"]), "needs a FILE");
    assert_fails(&shilu_stdin(&["ics", "-"], b""), "empty");
}

#[test]
fn meta_prints_the_share_tags_of_the_seed() {
    let seed = common::seed_path();
    let out = shilu(&["meta", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains(
            "<meta property=\"og:title\" content=\"“聚焦深度贫困 凝心聚力攻坚”新闻发布会\">"
        ),
        "{html}"
    );
    assert!(
        html.contains("<meta property=\"article:published_time\" content=\"2017-10-12\">"),
        "{html}"
    );
    assert!(html.contains("content=\"2017年10月12日，省政府新闻办新闻发布会实录。发布人：刘志杰、张建成、高耀东、李武军；主持人：董晓林；3个问答。\""), "{html}");
    assert!(!html.contains("canonical"), "{html}");
    let out = shilu(&[
        "meta",
        "--url",
        "https://example.org/shilu",
        seed.to_str().unwrap(),
    ]);
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.starts_with("<link rel=\"canonical\" href=\"https://example.org/shilu/\">"),
        "{html}"
    );
}

#[test]
fn meta_refuses_a_bad_url_and_bad_input() {
    assert_fails(
        &shilu(&["meta", "--url", "example.org", "x.txt"]),
        "must start with https://",
    );
    assert_fails(&shilu(&["meta", "--url"]), "needs a URL");
    assert_fails(&shilu(&["meta"]), "FILE");
    assert_fails(
        &shilu(&["meta", tmp("empty-meta.txt", b"").to_str().unwrap()]),
        "empty",
    );
}

#[test]
fn html_prints_the_seed_as_a_plain_page() {
    let out = shilu(&["html", common::seed_path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("<h1>“聚焦深度贫困 凝心聚力攻坚”新闻发布会</h1>"));
    assert!(html.contains("<h2>刘志杰（省扶贫办主任）</h2>"), "{html}");
    assert!(
        html.contains("<p id=\"t2-b5\">2016年,我省57万贫困人口脱贫"),
        "{html}"
    );
    assert!(!html.contains("<script"));
    assert_fails(&shilu(&["html"]), "FILE");
}

#[test]
fn akn_prints_the_seed_as_akoma_ntoso() {
    let seed = common::seed_path();
    let out = shilu(&["akn", seed.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"), "{xml}");
    // The work is named by the text's content key, as `?doc=` is.
    let key = shilu_core::library::content_key(&common::seed_text());
    assert!(
        xml.contains(&format!(
            "<FRBRuri value=\"/akn/xx/debate/2017-10-12/{key}\" />"
        )),
        "{xml}"
    );
    assert!(xml.contains("<FRBRlanguage language=\"zho\" />"), "{xml}");
    assert!(xml.contains("<docTitle>“聚焦深度贫困 凝心聚力攻坚”新闻发布会</docTitle>"));
    let doc = shilu_core::structure(&common::seed_text(), None);
    assert_eq!(xml.matches("<speech ").count(), doc.turns.len());
    let liu = doc
        .participants
        .iter()
        .find(|p| p.name == "刘志杰")
        .unwrap();
    assert!(xml.contains(&format!(
        "<TLCPerson eId=\"{}\" href=\"/ontology/person/{}\" showAs=\"省扶贫办主任 刘志杰\" />",
        liu.id, liu.id
    )));
    assert!(xml.contains(&format!("<speech by=\"#{}\" as=\"#official\"", liu.id)));
    // From stdin too, and the same.
    let again = shilu_stdin(&["akn", "-"], &common::seed_bytes());
    assert_eq!(String::from_utf8(again.stdout).unwrap(), xml);
    assert_fails(&shilu(&["akn"]), "FILE");
    assert_fails(&shilu_stdin(&["akn", "-"], b""), "empty");
}
