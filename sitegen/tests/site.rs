//! The corpus site, built over the repository's own transcripts (the
//! seed, the CC0 archive fixtures, the layout fixtures and the real texts
//! of other sources, with an empty and a binary file that must be skipped)
//! in the app's page shell (tests/fixtures/dist: see its README): every
//! link of every page leads to a file of the site (and a turn's fragment
//! to that turn), the feed reads back through a real Atom parser, the
//! sitemap lists every page, the series' links go both ways, and a failed
//! build leaves the previous site as it was.

use shilu_site::build::{build, Options};
use shilu_site::transcript_pages::AKN;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const URL: &str = "https://example.org/shilu/";

/// The corpus folder: the test corpus (`shilu-test-corpus`).
fn corpus(root: &Path) -> PathBuf {
    let dir = root.join("corpus");
    shilu_test_corpus::make(&dir).unwrap();
    dir
}

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dist")
}

struct Site {
    root: PathBuf,
    out: PathBuf,
    report: String,
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("shilu-site-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dir = corpus(&root);
        let out = root.join("out");
        let report = build(
            &Options {
                dir,
                assets: assets(),
                out: out.clone(),
                url: Some(URL.into()),
                title: "测试语料 Test corpus".into(),
                aliases: Default::default(),
            },
            &|_| {},
        )
        .expect("the site builds")
        .to_string();
        Site { root, out, report }
    })
}

fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            pages(&p, out);
        } else if p.extension().is_some_and(|e| e == "html") {
            out.push(p);
        }
    }
}

fn all_pages() -> Vec<PathBuf> {
    let mut out = Vec::new();
    pages(&site().out, &mut out);
    out.sort();
    out
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every `href` and `src` of a page, quoted or not (not in the text of
/// the transcript's template, which is text).
fn links(html: &str) -> Vec<String> {
    let html = match (html.find("<template"), html.find("</template>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let html = html.as_str();
    let mut out = Vec::new();
    for attr in [" href=", " src="] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                // Escaped text that reads `src=&quot;…` is no attribute.
                Some('&') => continue,
                _ => rest.split([' ', '>']).next().unwrap_or(""),
            };
            out.push(unescape(value));
        }
    }
    out
}

/// The file a link from `page` leads to, and its fragment.
fn target(page: &Path, link: &str) -> Option<(PathBuf, Option<String>)> {
    if link.is_empty() || link.starts_with('#') || link.contains(':') || link.starts_with('/') {
        return None;
    }
    let (path, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (link, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let mut file = page.parent().unwrap().to_path_buf();
    for part in percent_decode(path).split('/') {
        match part {
            "" | "." => {}
            ".." => {
                file.pop();
            }
            p => file.push(p),
        }
    }
    if path.is_empty() || path.ends_with('/') {
        file.push("index.html");
    }
    Some((file, fragment))
}

#[test]
fn bad_files_are_named_and_the_site_still_builds() {
    let r = &site().report;
    assert!(r.contains("skipped empty.txt: "), "{r}");
    assert!(r.contains("skipped binary.md: "), "{r}");
    assert!(r.contains(" pages), "), "{r}");
    for name in [
        "index.html",
        "speakers/index.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "sw.js",
        "_headers",
        "corpus.jsonl",
        "index/meta.json",
    ] {
        assert!(site().out.join(name).is_file(), "{name}");
    }
    let robots = std::fs::read_to_string(site().out.join("robots.txt")).unwrap();
    assert!(robots.contains(&format!("Sitemap: {URL}sitemap.xml")));
    // The site's stylesheet is allowed by the policy.
    let headers = std::fs::read_to_string(site().out.join("_headers")).unwrap();
    assert!(headers.contains(&shilu_site::csp::hash(shilu_site::shell::SITE_CSS)));
}

#[test]
fn every_link_of_every_page_leads_to_a_file_and_every_turn_link_to_the_turn() {
    let pages = all_pages();
    assert!(pages.len() > 60, "{} pages", pages.len());
    let mut texts: HashMap<PathBuf, String> = HashMap::new();
    let mut read = |p: &Path| -> String {
        texts
            .entry(p.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(p).unwrap_or_default())
            .clone()
    };
    // The panels' and the search page's modules (the search page asks for
    // its wasm and stylesheet with the page) are not in the fixture's
    // dist: the e2e tier loads them from the real dist.
    let shell = std::fs::read_to_string(assets().join("index.html")).unwrap();
    let listed = |name: &str| -> Vec<String> {
        shell
            .split_once(&format!("<meta name=\"{name}\" content=\""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(list, _)| list.split(' ').map(String::from).collect())
            .unwrap_or_default()
    };
    let (module, search_module) = (listed("shilu-panels"), listed("shilu-search"));
    assert!(module.len() >= 2, "the fixture names the panels' files");
    assert!(
        search_module.len() == 3,
        "the fixture names the search module's files"
    );
    let module: Vec<String> = module.into_iter().chain(search_module).collect();
    let mut checked = 0;
    let mut fragments = 0;
    for page in &pages {
        let html = read(page);
        for link in links(&html) {
            let Some((file, fragment)) = target(page, &link) else {
                continue;
            };
            if module.iter().any(|m| file.ends_with(m)) && !assets().join(&module[0]).is_file() {
                continue;
            }
            assert!(
                file.is_file(),
                "{} links to {link}, which is not there ({})",
                page.display(),
                file.display()
            );
            checked += 1;
            if let (Some(f), true) = (fragment, file.extension().is_some_and(|e| e == "html")) {
                let target = read(&file);
                assert!(
                    target.contains(&format!("id=\"{f}\"")) || target.contains(&format!("id={f} ")),
                    "{} links to #{f} in {}, which has no such id",
                    page.display(),
                    file.display()
                );
                fragments += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked} links");
    assert!(fragments > 10, "{fragments} links into a turn");
}

#[test]
fn each_transcript_page_is_the_apps_page_over_its_own_text_with_its_source() {
    let corpus = site().root.join("corpus");
    let lines = std::fs::read_to_string(site().out.join("corpus.jsonl")).unwrap();
    let (mut seen, mut speaker_links) = (0, 0);
    for line in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (source, url) = (v["source"].as_str().unwrap(), v["url"].as_str().unwrap());
        let html = std::fs::read_to_string(site().out.join(url).join("index.html")).unwrap();
        let text = shilu_core::decode(&std::fs::read(corpus.join(source)).unwrap()).unwrap();
        let template = html
            .split_once("<template id=\"seed-text\"")
            .and_then(|(_, t)| t.split_once('>'))
            .and_then(|(_, t)| t.split_once("</template>"))
            .map(|(t, _)| unescape(t))
            .expect("the text's template");
        assert_eq!(template, text, "{source}");
        let app = html.find("<div id=app>").expect("#app");
        assert!(app < html.find("<template id=\"seed-text\"").unwrap());
        assert!(
            html.contains(&format!("<code>{source}</code>"))
                || html.contains(&source.replace('&', "&amp;")),
            "{source}"
        );
        assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/shilu/t/"));
        assert!(html.contains("<meta property=\"og:title\""));
        // One set of assets, at the root.
        assert!(html.contains("src=\"../../shilu-app-"), "{source}");
        let akn = std::fs::read_to_string(site().out.join(url).join(AKN)).unwrap();
        assert!(akn.contains("<akomaNtoso"));
        // In the reader, names and turns link to the speakers' pages: the
        // ones the foot lists for the transcript, and no others.
        let (reader, foot) = html.split_once("<footer class=\"site-foot\"").unwrap();
        let listed: Vec<String> = links(foot)
            .into_iter()
            .filter(|l| l.contains("/s/"))
            .collect();
        let linked: Vec<String> = reader
            .match_indices("class=\"turn__page\" href=\"")
            .chain(reader.match_indices("class=\"person__name\" href=\""))
            .map(|(i, m)| unescape(reader[i + m.len()..].split('"').next().unwrap()))
            .collect();
        assert!(
            linked.iter().all(|l| listed.contains(l)),
            "{source}: {linked:?} {listed:?}"
        );
        assert_eq!(
            linked.is_empty(),
            listed.is_empty(),
            "{source}: {linked:?} {listed:?}"
        );
        speaker_links += linked.len();
        seen += 1;
    }
    assert!(seen >= 30, "{seen}");
    assert!(speaker_links >= seen, "{speaker_links}");
}

#[test]
fn series_links_go_both_ways() {
    let mut pairs = 0;
    for page in all_pages() {
        let html = std::fs::read_to_string(&page).unwrap();
        let Some(prev) = html
            .split_once("rel=\"prev\" href=\"")
            .filter(|_| page.to_string_lossy().contains("/t/"))
            .map(|(_, r)| r.split('"').next().unwrap().to_string())
        else {
            continue;
        };
        let (file, _) = target(&page, &prev).unwrap();
        let back = std::fs::read_to_string(&file).unwrap();
        let next = back
            .split_once("rel=\"next\" href=\"")
            .map(|(_, r)| r.split('"').next().unwrap().to_string())
            .expect("the previous page links to its next");
        assert_eq!(target(&file, &next).unwrap().0, page);
        pairs += 1;
    }
    assert!(pairs > 10, "{pairs}");
}

#[test]
fn the_feed_reads_back_newest_first_and_the_sitemap_lists_every_page() {
    let xml = std::fs::read(site().out.join("feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(&xml[..]).expect("a valid Atom feed");
    assert_eq!(feed.title.unwrap().content, "测试语料 Test corpus");
    assert!(!feed.entries.is_empty() && feed.entries.len() <= 50);
    let dates: Vec<_> = feed.entries.iter().map(|e| e.updated.unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    for e in &feed.entries {
        let href = &e.links[0].href;
        let href = percent_decode(href);
        let folder = href.strip_prefix(URL).expect("absolute");
        assert!(
            site().out.join(folder).join("index.html").is_file(),
            "{href}"
        );
    }
    let sitemap = std::fs::read_to_string(site().out.join("sitemap.xml")).unwrap();
    let locs: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|l| percent_decode(l.split("</loc>").next().unwrap()))
        .collect();
    let pages: BTreeSet<String> = all_pages()
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(&site().out).unwrap().to_string_lossy();
            format!("{URL}{}", rel.trim_end_matches("index.html"))
        })
        .collect();
    assert_eq!(locs, pages);
}

#[test]
fn a_folder_that_is_not_a_site_is_never_replaced() {
    let root = site().root.join("not-a-site");
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(root.join("src/lib.rs"), "// code").unwrap();
    let err = build(
        &Options {
            dir: site().root.join("corpus"),
            assets: assets(),
            out: root.clone(),
            url: None,
            title: "t".into(),
            aliases: Default::default(),
        },
        &|_| {},
    )
    .unwrap_err();
    assert!(err.0.contains("is not a corpus shilu wrote"), "{}", err.0);
    assert_eq!(
        std::fs::read_to_string(root.join("src/lib.rs")).unwrap(),
        "// code"
    );
}

#[test]
fn a_failed_build_leaves_the_previous_site_as_it_was() {
    let root = site().root.join("again");
    let out = root.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("corpus.jsonl"), "").unwrap();
    std::fs::write(out.join("keep.txt"), "before").unwrap();
    let err = build(
        &Options {
            dir: site().root.join("corpus"),
            assets: root.join("no-such-dist"),
            out: out.clone(),
            url: None,
            title: "t".into(),
            aliases: Default::default(),
        },
        &|_| {},
    )
    .unwrap_err();
    assert!(err.0.contains("cargo xtask dist"), "{}", err.0);
    assert_eq!(
        std::fs::read_to_string(out.join("keep.txt")).unwrap(),
        "before"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

/// Every file below `dir`, by its path there: its bytes.
fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_tree(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

/// Fails unless the sites `a` and `b` hold the same files, byte for
/// byte, naming the first that differs.
fn assert_same_site(a: &Path, b: &Path) {
    let (a, b) = (files_of(a), files_of(b));
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b));
    for (name, bytes) in &a {
        assert!(&b[name] == bytes, "{name} differs from a clean build's");
    }
}

#[test]
fn a_rebuild_after_adding_changing_or_removing_files_is_a_clean_build_byte_for_byte() {
    let root = site().root.join("rebuild");
    let out = root.join("out");
    let dir = root.join("corpus");
    copy_tree(&site().root.join("corpus"), &dir);
    let options = |out: &Path| Options {
        dir: dir.clone(),
        assets: assets(),
        out: out.to_path_buf(),
        url: Some(URL.into()),
        title: "t".into(),
        aliases: Default::default(),
    };
    let clean = |n: usize| {
        let at = root.join(format!("clean-{n}"));
        build(&options(&at), &|_| {}).unwrap();
        at
    };
    let first = build(&options(&out), &|_| {}).unwrap();
    assert_eq!((first.cached, first.kept), (0, 0));
    let before = files_of(&out);

    // One more transcript, a copy of one with its text changed: only its
    // own files and what shows it are made again.
    let seed = std::fs::read_to_string(dir.join("seed.txt")).unwrap();
    std::fs::write(
        dir.join("seed-again.txt"),
        format!("{seed}\n补充：新的一段。\n"),
    )
    .unwrap();
    let second = build(&options(&out), &|_| {}).unwrap();
    assert_eq!(second.corpus.transcripts, first.corpus.transcripts + 1);
    assert_eq!(second.kept, first.corpus.transcripts, "{second}");
    assert!(second.cached > 2 * first.corpus.transcripts - 4, "{second}");
    // The terms' background: the last build's counts and the new one's.
    assert!(
        !first.terms.background && second.terms.background && second.terms.added == 1,
        "{second}"
    );
    assert!(
        second.to_string().contains("(1 transcript added)"),
        "{second}"
    );
    assert!(second.terms.speakers > 0, "{second}");
    assert_same_site(&out, &clean(1));
    // The site it replaced was set aside as it was: linked files are
    // never written in place.
    let old: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".out.old-")
        })
        .collect();
    assert_eq!(old.len(), 1, "{old:?}");
    assert!(files_of(&old[0]) == before, "the previous site was changed");

    // A changed text and a removed file.
    std::fs::write(dir.join("seed.txt"), format!("{seed}\n又一段。\n")).unwrap();
    let gone = std::fs::read_dir(dir.join("archive"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    std::fs::remove_file(&gone).unwrap();
    let third = build(&options(&out), &|_| {}).unwrap();
    assert_eq!(third.corpus.transcripts, first.corpus.transcripts);
    assert_eq!(third.kept, first.corpus.transcripts - 1, "{third}");
    // A transcript gone: the background is counted again.
    assert!(
        !third.terms.background && third.terms.speakers == 0,
        "{third}"
    );
    assert_same_site(&out, &clean(2));

    // Damaged and stale entries are ignored: every kept file cut short,
    // and one parsed transcript's entry under another's name; the index's
    // segments and the terms' memo cut short too.
    let cache = root.join(".out.cache");
    let listed = |sub: &str| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(cache.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let (entries, others): (Vec<PathBuf>, Vec<PathBuf>) = listed("entries")
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "entry"));
    let files = listed("files");
    assert!(entries.len() >= 2 && !files.is_empty());
    std::fs::copy(&entries[0], &entries[1]).unwrap();
    let kinds = |ext: &str| {
        others
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .count()
    };
    assert!(kinds("seg") >= 1 && kinds("memo") == 1, "{others:?}");
    for f in &others {
        let bytes = std::fs::read(f).unwrap();
        std::fs::write(f, &bytes[..bytes.len() / 2]).unwrap();
    }
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        // Written in place, through the link: the site's file too.
        std::fs::write(f, &bytes[..bytes.len() / 2]).unwrap();
    }
    let fourth = build(&options(&out), &|_| {}).unwrap();
    assert_eq!(fourth.kept, first.corpus.transcripts - 1, "{fourth}");
    assert_eq!(fourth.cached, 0, "{fourth}");
    assert_eq!(fourth.corpus.segments.kept, 0, "{fourth}");
    assert!(
        !fourth.terms.background && fourth.terms.speakers == 0,
        "{fourth}"
    );
    assert_same_site(&out, &clean(3));

    // Another app (its page changed) makes every file again.
    let other = root.join("other-dist");
    copy_tree(&assets(), &other);
    let index = std::fs::read_to_string(other.join("index.html")).unwrap();
    std::fs::write(other.join("index.html"), format!("{index}\n")).unwrap();
    let fifth = build(
        &Options {
            assets: other,
            ..options(&out)
        },
        &|_| {},
    )
    .unwrap();
    assert_eq!((fifth.cached, fifth.kept), (0, 0), "{fifth}");
    // Six sites and their caches: not left in the temporary folder.
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_speaker_of_several_transcripts_has_distinctive_terms_from_their_own_words() {
    let jsonl = std::fs::read_to_string(site().out.join("corpus.jsonl")).unwrap();
    let mut with_terms = 0;
    for e in std::fs::read_dir(site().out.join("s")).unwrap() {
        let html = std::fs::read_to_string(e.unwrap().path().join("index.html")).unwrap();
        let Some((_, list)) = html.split_once("<ul class=\"terms\">") else {
            continue;
        };
        let list = list.split("</ul>").next().unwrap();
        for item in list.split("<li").skip(1) {
            let term = item.split_once('>').unwrap().1.split('<').next().unwrap();
            let term = term.replace("&amp;", "&");
            assert!(!term.is_empty());
            // Said in the corpus as written (folding aside, as the
            // speaker wrote it most often).
            assert!(jsonl.contains(&term), "{term}");
        }
        with_terms += 1;
    }
    assert!(with_terms > 0, "some speaker has terms");
}

#[test]
fn every_page_has_the_search_box_and_the_search_page_starts_its_module() {
    let out = &site().out;
    for page in all_pages() {
        let html = std::fs::read_to_string(&page).unwrap();
        let rel = page.strip_prefix(out).unwrap();
        let up = "../".repeat(rel.components().count() - 1);
        assert!(
            html.contains(&format!("action=\"{up}search/\"")) && html.contains("name=\"q\""),
            "{} has no search box leading to search/",
            page.display()
        );
    }
    let search = std::fs::read_to_string(out.join("search/index.html")).unwrap();
    // The search module's script (its loader bundled in), in the head,
    // and the files it starts, climbed from search/.
    assert!(search.contains("<meta name=\"shilu-search\" content=\"../panels/shilu-search-"));
    let script = search
        .split("<script type=module async src=\"../")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the search module's script");
    assert!(script.starts_with("panels/shilu-search-"), "{script}");
    assert!(search.find(script).unwrap() < search.find("</head>").unwrap());
    assert!(search.contains("<link rel=stylesheet href=\"../panels/panels-"));
    // The panels' module is the app's: not named here, and the search
    // module is not named on the app's pages.
    assert!(!search.contains("shilu-panels"));
    for page in all_pages() {
        let html = std::fs::read_to_string(&page).unwrap();
        assert!(
            !html.contains("shilu-search") || page.ends_with("search/index.html"),
            "{}",
            page.display()
        );
    }
    assert!(search.contains("<noscript>") && search.contains("Search needs JavaScript"));
    for field in [
        "q",
        "speaker",
        "role",
        "organiser",
        "from",
        "to",
        "sort",
        "by",
    ] {
        assert!(search.contains(&format!("name=\"{field}\"")), "{field}");
    }
}
