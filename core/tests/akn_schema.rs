//! The Akoma Ntoso export of the seed and of every transcript fixture
//! validates against the OASIS Akoma Ntoso 3.0 schema, with a real
//! validator: `xmllint` (Debian's `libxml2-utils`, installed by `cargo
//! xtask setup`), offline, on the copy in `tests/schemas/akomantoso30/`.

mod common;

use shilu_core::akn::akn;
use shilu_core::library::content_key;
use std::path::{Path, PathBuf};
use std::process::Command;

fn schema() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/akomantoso30/akomantoso30.xsd")
}

/// Runs `xmllint --noout --nonet --schema` on these files: its exit code
/// and what it said.
fn xmllint(files: &[PathBuf]) -> (Option<i32>, String) {
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(schema())
        .args(files)
        .output()
        .expect("xmllint runs (Debian's libxml2-utils: `cargo xtask setup` installs it)");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every transcript under the fixtures (`.txt`, `.md`; no README), and the seed.
fn transcripts() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "md")
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                out.push(p);
            }
        }
    }
    let mut files = vec![common::seed_path()];
    walk(&common::fixture_path(""), &mut files);
    files.sort();
    files
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shilu-akn-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_fixture_validates_against_the_oasis_schema() {
    let dir = out_dir("all");
    let mut written = Vec::new();
    for (i, f) in transcripts().iter().enumerate() {
        let text = shilu_core::decode(&std::fs::read(f).unwrap()).unwrap();
        let doc = shilu_core::structure(&text, f.file_name().and_then(|n| n.to_str()));
        let xml = akn(&doc, &content_key(&text));
        // Every turn is a speech, every speaker a TLCPerson.
        assert_eq!(
            xml.matches("<speech ").count(),
            doc.turns.len(),
            "{}",
            f.display()
        );
        assert_eq!(
            xml.matches("<TLCPerson ").count(),
            doc.participants.len(),
            "{}",
            f.display()
        );
        let out = dir.join(format!("{i}.xml"));
        std::fs::write(&out, xml).unwrap();
        written.push(out);
    }
    assert!(written.len() >= 25, "transcripts: {}", written.len());
    let (code, said) = xmllint(&written);
    assert_eq!(code, Some(0), "xmllint: {said}");
    assert_eq!(said.matches(" validates").count(), written.len(), "{said}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_validator_refuses_what_the_schema_does_not_allow() {
    // The same export broken three ways the schema forbids: no namespace,
    // a speech outside a section, a speech with no block. Each must fail,
    // or the test above proves nothing.
    let xml = akn(&shilu_core::structure(&common::seed_text(), None), "seed");
    let dir = out_dir("bad");
    let broken = [
        xml.replace(
            " xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"",
            "",
        ),
        xml.replace(
            "<debateSection name=\"pressConference\" eId=\"dbsect_1\">",
            "<speech by=\"#p1\"><p>x</p></speech><debateSection name=\"pressConference\" eId=\"dbsect_1\">",
        ),
        xml.replacen(
            "</from>",
            "</from></speech><speech by=\"#p1\"><from>x</from>",
            1,
        ),
    ];
    for (i, b) in broken.iter().enumerate() {
        assert_ne!(b, &xml, "broken {i} changed nothing");
        let f = dir.join(format!("{i}.xml"));
        std::fs::write(&f, b).unwrap();
        let (code, said) = xmllint(&[f]);
        assert_eq!(code, Some(3), "broken {i} is refused: {said}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn awkward_texts_validate_too() {
    // Labels, markup, XML's own characters, control characters from
    // page-broken text, timestamps, appendix-like lines, empty turns: 60
    // texts drawn from these by a fixed linear congruential sequence.
    const PIECES: &[&str] = &[
        "主持人:\n",
        "刘志杰:\n",
        "记者：",
        "### 唐鳳：\n",
        "**李明：**",
        "【主持人】",
        "Moderator:\n",
        "2016-03-02 15:22:44\n",
        "各位记者朋友,大家好!",
        "<figure><img src=\"x\"></figure>\n",
        "a & b < c > d \" e ' f",
        "\u{0}\u{8}\u{b}\u{c}\u{1f}\u{fffe}",
        "（笑）\n",
        "> （播放影片）\n",
        "一、工作目标：\n",
        "(牵头单位:省扶贫办、省金融办)\n",
        "责任编辑：王某\n",
        "时间：2024年1月17日 10:00\n",
        "\n",
        "　　",
        "。",
        "😀𠀀",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let dir = out_dir("awkward");
    let mut written = Vec::new();
    let mut turns = 0;
    for i in 0..60 {
        let n = next() % 40;
        let text: String = (0..n).map(|_| PIECES[next() % PIECES.len()]).collect();
        let doc = shilu_core::structure(&text, None);
        let xml = akn(&doc, &content_key(&text));
        assert_eq!(xml.matches("<speech ").count(), doc.turns.len());
        turns += doc.turns.len();
        let f = dir.join(format!("{i}.xml"));
        std::fs::write(&f, xml).unwrap();
        written.push(f);
    }
    assert!(turns > 100, "turns: {turns}");
    let (code, said) = xmllint(&written);
    assert_eq!(code, Some(0), "xmllint: {said}");
    let _ = std::fs::remove_dir_all(dir);
}
