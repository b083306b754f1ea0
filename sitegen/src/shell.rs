//! The page shell: the app's built `index.html` (from `cargo xtask dist`),
//! made into the site's pages. A transcript page is that page with
//! another transcript in `#app` (the same hashed assets, so one download
//! serves every page); a list or speaker page keeps its head (the inlined
//! stylesheet, the early script, the manifest) without the app's script.
//!
//! Every page is a folder below the root (`t/…/index.html`), so the
//! shell's relative addresses (`./shilu-app-….js`, `panels/…`) are
//! rewritten to climb to the root.

use shilu_core::share::{escape, ShareMeta};

/// What a page is, for its head.
pub struct Head<'a> {
    pub title: &'a str,
    /// Its Open Graph and description tags (`ShareMeta::to_html`), or a
    /// description alone.
    pub share: Share<'a>,
}

/// A page's share tags.
pub enum Share<'a> {
    /// A transcript's (`og:type` article, date).
    Article(ShareMeta),
    /// A list's or a person's page: a description.
    Page(&'a str),
}

/// The app's page, split where each page puts its own parts.
#[derive(Clone, Debug)]
pub struct Shell {
    /// `<!DOCTYPE html><html lang=…><head>` up to `<title>`.
    before_title: String,
    /// The head after the title, the seed's own share tags taken out.
    head: String,
    /// The same head without the app's script and module list, for the
    /// pages that carry no app.
    static_head: String,
    /// The body's start, before `<div id=app>` (the notice for readers
    /// without JavaScript, the loading line).
    body_start: String,
    /// The site's own stylesheet, inlined after the app's.
    site_css: &'static str,
    /// The site's search module's files (`<meta name="shilu-search"
    /// content="script wasm css">`), for the search page, which starts it.
    search_meta: String,
}

/// The site's stylesheet (style/site.css).
pub const SITE_CSS: &str = include_str!("../../style/site.css");

/// The search module's files in a debug build's dist (a release build
/// names them after their content, in its `index.html`).
const DEBUG_SEARCH_META: &str = "<meta name=\"shilu-search\" content=\"panels/shilu-search.js panels/shilu-search_bg.wasm panels/panels.css\">";

/// Why a dist cannot be a shell.
#[derive(Debug)]
pub struct ShellError(pub String);

impl std::fmt::Display for ShellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn cut<'a>(s: &'a str, from: &str, what: &str) -> Result<(&'a str, &'a str), ShellError> {
    s.split_once(from).ok_or_else(|| {
        ShellError(format!(
            "the app's index.html has no {what} (build it with `cargo xtask dist`)"
        ))
    })
}

/// A tag's end: the `>` after `at`.
fn tag_end(s: &str, at: usize) -> usize {
    s[at..].find('>').map_or(s.len(), |e| at + e + 1)
}

/// `s` without every tag that starts with one of `starts`.
fn drop_tags(s: &str, starts: &[&str]) -> String {
    let mut out = s.to_string();
    for start in starts {
        while let Some(at) = out.find(start) {
            let end = tag_end(&out, at);
            out.replace_range(at..end, "");
        }
    }
    out
}

impl Shell {
    /// The shell of the built page `index_html`.
    pub fn parse(index_html: &str) -> Result<Shell, ShellError> {
        let (before_title, rest) = cut(index_html, "<title>", "<title>")?;
        let (_, rest) = cut(rest, "</title>", "</title>")?;
        let (head, rest) = cut(rest, "</head>", "</head>")?;
        let (_, body) = cut(rest, "<body>", "<body>")?;
        let (body_start, _) = cut(body, "<div id=app>", "pre-rendered <div id=app>")?;
        if !head.contains("<style>") {
            return Err(ShellError(
                "the app's index.html has no inlined stylesheet: build it with `cargo xtask dist` (a release build)".into(),
            ));
        }
        // The seed's share tags (xtask/tools/post-build.mjs, step 3).
        let head = drop_tags(
            head,
            &[
                "<meta name=\"description\"",
                "<meta property=\"og:",
                "<meta property=\"article:",
                "<meta name=\"twitter:",
                "<link rel=\"canonical\"",
            ],
        );
        // A debug build names the module's files as Trunk wrote them.
        let search_meta = head
            .find("<meta name=\"shilu-search\"")
            .map(|at| head[at..tag_end(&head, at)].to_string())
            .unwrap_or_else(|| DEBUG_SEARCH_META.to_string());
        // The app never loads the search module: only the search page
        // names it.
        let head = drop_tags(&head, &["<meta name=\"shilu-search\""]);
        let static_head = drop_tags(
            &drop_elements(&head, "<script type=module", "</script>"),
            &["<meta name=\"shilu-panels\""],
        );
        Ok(Shell {
            before_title: before_title.to_string(),
            head,
            static_head,
            body_start: body_start.to_string(),
            site_css: SITE_CSS,
            search_meta,
        })
    }

    /// The site's stylesheet, which the pages inline (its hash goes into
    /// the Content-Security-Policy).
    pub fn site_css(&self) -> &str {
        self.site_css
    }

    fn head_html(&self, up: &str, head: &Head<'_>, app: bool) -> String {
        let mut out = String::with_capacity(self.head.len() + 512);
        out.push_str(&climb(&self.before_title, up));
        out.push_str("<title>");
        out.push_str(&escape(head.title));
        out.push_str("</title>");
        out.push_str(&climb(if app { &self.head } else { &self.static_head }, up));
        match &head.share {
            Share::Article(meta) => out.push_str(&meta.to_html().replace('\n', "")),
            Share::Page(description) => {
                let d = escape(description);
                let t = escape(head.title);
                out.push_str(&format!(
                    "<meta name=\"description\" content=\"{d}\"><meta property=\"og:type\" content=\"website\"><meta property=\"og:title\" content=\"{t}\"><meta property=\"og:description\" content=\"{d}\"><meta name=\"twitter:card\" content=\"summary\">"
                ));
            }
        }
        out.push_str("<style>");
        out.push_str(self.site_css);
        out.push_str("</style>");
        out.push_str("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"");
        out.push_str(up);
        out.push_str("feed.xml\">");
        out.push_str("</head>");
        out
    }

    /// A transcript's page at a folder `depth` levels below the root:
    /// `top` above the reader, the app's pre-rendered `app` (its view and
    /// the text's template: `shilu_app::page::render`), `foot` below.
    pub fn transcript(
        &self,
        depth: usize,
        head: &Head<'_>,
        top: &str,
        app: &str,
        foot: &str,
    ) -> String {
        let up = "../".repeat(depth);
        let (view, template) = match app.find("<template id=\"seed-text\"") {
            Some(at) => app.split_at(at),
            None => (app, ""),
        };
        let mut out = self.head_html(&up, head, true);
        out.push_str("<body>");
        out.push_str(&self.body_start);
        out.push_str(top);
        out.push_str("<div id=app>");
        out.push_str(view);
        out.push_str("</div>");
        out.push_str(template);
        out.push_str(foot);
        out.push_str("</body></html>");
        out
    }

    /// A page without the app (a list, a speaker) at a folder `depth`
    /// levels below the root.
    pub fn page(&self, depth: usize, head: &Head<'_>, body: &str) -> String {
        self.page_of(depth, head, body, "")
    }

    /// A page whose content moved to `to` (a link from its folder): its
    /// `body` says so, the browser follows at once (`<meta
    /// http-equiv=refresh>`, which a strict policy allows), and search
    /// engines do not list it.
    pub fn moved(&self, depth: usize, head: &Head<'_>, body: &str, to: &str) -> String {
        let extra = format!(
            "<meta http-equiv=\"refresh\" content=\"0; url={}\"><meta name=\"robots\" content=\"noindex\">",
            escape(to)
        );
        self.page_of(depth, head, body, &extra)
    }

    /// A page without the app that starts the site's search module (the
    /// search page): its head names the module's files, links its
    /// stylesheet (the panels', which the results are drawn with), asks
    /// for the module's wasm and for `fetched` (files from the root its
    /// module reads first) with the page, side by side, and ends with the
    /// module's script (its loader bundled in), `async`: it runs as soon
    /// as it arrives, not once the page is parsed, styled and laid out,
    /// and starts the query while the rest of the page is read. A script
    /// is not fetched where scripts do not run (a reader without
    /// JavaScript fetches the wasm and the index's first files for
    /// nothing; the page is of no use to them beyond its notice).
    pub fn search_page(
        &self,
        depth: usize,
        head: &Head<'_>,
        body: &str,
        fetched: &[&str],
    ) -> String {
        let up = "../".repeat(depth);
        let mut extra = self.search_meta.clone();
        let files = module_files(&self.search_meta);
        for f in files.iter().filter(|f| f.ends_with(".css")) {
            extra.push_str(&format!("<link rel=stylesheet href=\"{f}\">"));
        }
        for f in files.iter().filter(|f| f.ends_with(".wasm")) {
            extra.push_str(&preload_fetch(f));
        }
        for f in fetched {
            extra.push_str(&preload_fetch(f));
        }
        if let Some(script) = files.iter().find(|f| f.ends_with(".js")) {
            extra.push_str(&format!("<script type=module async src=\"{script}\"></script>"));
        }
        self.page_of(depth, head, body, &climb(&extra, &up))
    }

    fn page_of(&self, depth: usize, head: &Head<'_>, body: &str, extra_head: &str) -> String {
        let up = "../".repeat(depth);
        let mut out = self.head_html(&up, head, false);
        let at = out.rfind("</head>").unwrap_or(out.len());
        out.insert_str(at, extra_head);
        out.push_str("<body class=\"site\">");
        out.push_str(body);
        out.push_str("</body></html>");
        out
    }
}

/// The files a module list (`<meta name="shilu-search" content="script
/// wasm …">`) names, in order.
fn module_files(meta: &str) -> Vec<String> {
    meta.split_once("content=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(list, _)| {
            list.split(' ')
                .filter(|f| !f.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// A preload of `href` as a script's `fetch` reads it (same origin,
/// CORS mode: a fetch reads the preloaded response, not a second one).
fn preload_fetch(href: &str) -> String {
    format!("<link rel=preload as=fetch crossorigin=anonymous href=\"{href}\">")
}

/// `s` without each element that starts with `start`, through its `close`.
fn drop_elements(s: &str, start: &str, close: &str) -> String {
    let mut out = s.to_string();
    while let Some(at) = out.find(start) {
        let end = out[at..]
            .find(close)
            .map_or(out.len(), |e| at + e + close.len());
        out.replace_range(at..end, "");
    }
    out
}

/// The relative addresses in `html`'s `src`, `href` and the modules'
/// lists, made to climb `up` to the root.
pub fn climb(html: &str, up: &str) -> String {
    if up.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    loop {
        let next = [
            "src=",
            "href=",
            "name=\"shilu-panels\" content=",
            "name=\"shilu-search\" content=",
        ]
        .iter()
        .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
        .min();
        let Some((i, len)) = next else { break };
        // Only an attribute (after a space), not text that happens to
        // hold `href=`.
        let is_attr = rest[..i].ends_with(' ');
        out.push_str(&rest[..i + len]);
        rest = &rest[i + len..];
        if !is_attr {
            continue;
        }
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
        let (value, after) = match quote {
            Some(q) => {
                let end = rest[1..].find(q).map_or(rest.len(), |e| e + 1);
                (&rest[1..end], &rest[(end + 1).min(rest.len())..])
            }
            None => {
                let end = rest.find([' ', '>']).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        let climbed = value
            .split(' ')
            .map(|v| {
                let v = v.strip_prefix("./").unwrap_or(v);
                let absolute =
                    v.is_empty() || v.starts_with('/') || v.starts_with('#') || v.contains(':');
                if absolute {
                    v.to_string()
                } else {
                    format!("{up}{v}")
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        out.push('"');
        out.push_str(&climbed);
        out.push('"');
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_addresses_climb_to_the_root() {
        let head = "<script type=module src=./app-1.js></script><link href=manifest.webmanifest rel=manifest><link rel=icon href=\"data:,\"><meta name=\"shilu-panels\" content=\"panels/a.js panels/b.wasm\"><a href=#x>";
        assert_eq!(
            climb(head, "../../"),
            "<script type=module src=\"../../app-1.js\"></script><link href=\"../../manifest.webmanifest\" rel=manifest><link rel=icon href=\"data:,\"><meta name=\"shilu-panels\" content=\"../../panels/a.js ../../panels/b.wasm\"><a href=\"#x\">"
        );
        assert_eq!(climb(head, ""), head);
    }

    #[test]
    fn the_search_page_asks_for_its_wasm_stylesheet_and_first_files_with_the_page() {
        let page = "<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><title>x</title><style>a{}</style><meta name=\"shilu-panels\" content=\"panels/a.js panels/b.wasm panels/c.css\"><meta name=\"shilu-search\" content=\"panels/s.js panels/s.wasm panels/c.css\"></head><body><div id=app></div></body></html>";
        let shell = Shell::parse(page).unwrap();
        let head = Head {
            title: "s",
            share: Share::Page("d"),
        };
        let html = shell.search_page(1, &head, "<main>m</main>", &["index/meta.json"]);
        assert!(!html.contains("modulepreload") && !html.contains("href=\"../panels/s.js\""));
        // The module's script, in the head, after what it reads first.
        let script = html
            .find("<script type=module async src=\"../panels/s.js\"></script>")
            .unwrap();
        assert!(html.find("meta.json").unwrap() < script && script < html.find("</head>").unwrap());
        assert!(html.contains(
            "<meta name=\"shilu-search\" content=\"../panels/s.js ../panels/s.wasm ../panels/c.css\">"
        ));
        assert!(html.contains(
            "<link rel=preload as=fetch crossorigin=anonymous href=\"../panels/s.wasm\">"
        ));
        assert!(html.contains(
            "<link rel=preload as=fetch crossorigin=anonymous href=\"../index/meta.json\">"
        ));
        assert!(html.contains("<link rel=stylesheet href=\"../panels/c.css\">"));
        // The panels' module is the app's, not this page's.
        assert!(!html.contains("b.wasm") && !html.contains("shilu-panels"));
        assert!(html.find("s.wasm").unwrap() < html.find("</head>").unwrap());
        // Nor does the app's page name the search module.
        let app = shell.transcript(1, &head, "", "<p>t</p>", "");
        assert!(app.contains("shilu-panels") && !app.contains("shilu-search"));
    }

    #[test]
    fn a_static_page_has_no_app_script_and_no_seed_share_tags() {
        let page = "<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><title>x</title><style>a{}</style><script>early()</script><script type=module src=./app-1.js></script><meta name=\"description\" content=\"seed\"><meta property=\"og:title\" content=\"seed\"><meta name=\"shilu-panels\" content=\"panels/a.js\"></head><body><noscript>n</noscript><div id=app><p>seed</p></div></body></html>";
        let shell = Shell::parse(page).unwrap();
        let head = Head {
            title: "<a>",
            share: Share::Page("d"),
        };
        let html = shell.page(1, &head, "<main>m</main>");
        assert!(html.starts_with("<!DOCTYPE html><html lang=zh-CN><head>"));
        assert!(html.contains("<title>&lt;a&gt;</title>"));
        assert!(html.contains("<script>early()</script>"));
        assert!(
            !html.contains("app-1.js") && !html.contains("shilu-panels") && !html.contains("seed")
        );
        assert_eq!(
            html.matches("<script").count(),
            html.matches("</script>").count()
        );
        let t = shell.transcript(
            2,
            &head,
            "<nav>top</nav>",
            "<p>v</p><template id=\"seed-text\">t</template>",
            "<footer>f</footer>",
        );
        assert!(t.contains("src=\"../../app-1.js\""));
        assert!(t.contains("<body><noscript>n</noscript><nav>top</nav><div id=app><p>v</p></div><template id=\"seed-text\">t</template><footer>f</footer></body>"));
    }
}
