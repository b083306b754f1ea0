//! An editor's list of who is one person (`--aliases`): two transcripts,
//! one naming `唐鳳`, the other `Audrey Tang`. Without the list the site
//! has two speakers and its report suggests joining them (the first text
//! writes `唐鳳（Audrey Tang）`); with it, one speaker page that lists
//! both transcripts, and both transcripts link to it (the page `Audrey
//! Tang` had alone sends the reader there); a rebuild with the list
//! changed is a clean build of it.

use shilu_core::corpus::aliases::Aliases;
use shilu_site::build::{build, Options, Report};
use std::path::{Path, PathBuf};

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dist")
}

const ZH: &str = "2020年1月2日 數位政策記者會\n\n主持人：歡迎唐鳳（Audrey Tang）政委出席今天的記者會。\n\n唐鳳：大家好，今天談開放政府與公共程式。\n\n記者：請問公共程式的進度如何？\n\n唐鳳：進度很好，下個月上線。\n";
const EN: &str = "# Open government briefing\n\nModerator: Welcome, everyone.\n\nAudrey Tang: Thank you. Today we talk about open government.\n\nReporter: When will the code be public?\n\nAudrey Tang: Next month, on the public repository.\n";

fn site(root: &Path, out: &str, aliases: &str) -> (PathBuf, Report) {
    let dir = root.join("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("2020-01-02-記者會.txt"), ZH).unwrap();
    std::fs::write(dir.join("2021-03-04-briefing.md"), EN).unwrap();
    let out = root.join(out);
    let report = build(
        &Options {
            dir,
            assets: assets(),
            out: out.clone(),
            url: None,
            title: "t".into(),
            aliases: Aliases::parse(aliases).unwrap(),
        },
        &|_| {},
    )
    .unwrap();
    (out, report)
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn speaker_pages(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(out.join("s"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn transcript_pages(out: &Path) -> Vec<String> {
    std::fs::read_dir(out.join("t"))
        .unwrap()
        .map(|e| read(e.unwrap().path().join("index.html")))
        .collect()
}

fn files(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>, root: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out, root);
        } else {
            out.push((
                p.strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read(&p).unwrap(),
            ));
        }
    }
}

fn all_files(out: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v = Vec::new();
    files(out, &mut v, out);
    v.sort();
    v
}

#[test]
fn names_an_editor_joins_are_one_speaker_and_the_report_suggests_them() {
    let root = std::env::temp_dir().join(format!("shilu-aliases-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);

    // Without the list: two people, and a suggestion.
    let (out, report) = site(&root, "out", "");
    assert_eq!(speaker_pages(&out), ["p-audreytang", "p-唐凤"]);
    let said = report.to_string();
    assert!(
        said.contains("maybe one person") && said.contains("唐鳳 = Audrey Tang"),
        "{said}"
    );

    // With it (the same build folder: its cache kept), one person under
    // the first name, both transcripts on their page, both linking to it.
    let (out, report) = site(&root, "out", "唐鳳 = Audrey Tang\n");
    assert_eq!(speaker_pages(&out), ["p-audreytang", "p-唐凤"]);
    // The page `Audrey Tang` had alone now sends the reader on.
    let moved = read(out.join("s/p-audreytang/index.html"));
    assert!(
        moved.contains("content=\"0; url=../../s/p-唐凤/\"")
            && moved.contains("href=\"../../s/p-唐凤/\"")
            && moved.contains("noindex"),
        "{moved}"
    );
    assert!(
        !moved.contains("Open government briefing"),
        "a notice, not a second page of the person"
    );
    assert!(!report.to_string().contains("maybe one person"), "{report}");
    let page = read(out.join("s/p-唐凤/index.html"));
    assert!(
        page.contains("數位政策記者會") && page.contains("Open government briefing"),
        "{page}"
    );
    for t in transcript_pages(&out) {
        assert!(
            t.contains("s/p-唐凤/"),
            "a transcript page links to the joined speaker"
        );
        assert!(
            !t.contains("p-audreytang"),
            "no link to a page that is not there"
        );
    }
    // A clean build with the list: the same site, byte for byte.
    let (clean, _) = site(&root, "clean", "唐鳳 = Audrey Tang\n");
    assert_eq!(all_files(&out), all_files(&clean));

    // The list emptied again: back to two, as a clean build.
    let (out, _) = site(&root, "out", "# nobody\n");
    let (clean, _) = site(&root, "clean-2", "");
    assert_eq!(speaker_pages(&out), ["p-audreytang", "p-唐凤"]);
    assert_eq!(all_files(&out), all_files(&clean));
    let _ = std::fs::remove_dir_all(&root);
}
