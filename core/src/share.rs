//! What search engines and link previews read of a document before any
//! script runs: its description, Open Graph meta (title, description, date),
//! a Twitter card (which takes its title and description from Open Graph)
//! and, when the site's address is known, a canonical link. `shilu meta FILE`
//! prints them; the release build writes them into `index.html` for the
//! seed (xtask/tools/post-build.mjs).
//!
//! The core has no UI dependency, so these few attributes are escaped here
//! (the app's markup goes through `shilu_ui::html`).

use crate::facts::chinese_date;
use crate::model::{Document, Role};

/// The meta of one document, as values (see [`ShareMeta::to_html`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareMeta {
    pub title: String,
    pub description: String,
    /// The conference date, ISO 8601 (`article:published_time`).
    pub date: Option<String>,
    /// The page's canonical address, when the site's is known.
    pub url: Option<String>,
}

/// The meta of `doc`, canonical at `url` (see [`site_url`]) if given.
pub fn share_meta(doc: &Document, url: Option<String>) -> ShareMeta {
    ShareMeta {
        title: doc.meta.title.trim().to_string(),
        description: description(doc),
        date: doc.meta.date.clone(),
        url,
    }
}

/// One short sentence of facts: the date, who held it, who spoke and the
/// questions answered, e.g. `2017年10月12日，省政府新闻办新闻发布会实录。发布人：
/// 刘志杰、张建成；主持人：董晓林；3个问答。` Only what the text says.
pub fn description(doc: &Document) -> String {
    let mut s = String::new();
    if let Some(date) = &doc.meta.date {
        s.push_str(&chinese_date(date));
        s.push('，');
    }
    if let Some(organiser) = &doc.meta.organiser {
        s.push_str(organiser);
    }
    s.push_str("新闻发布会实录。");
    // A speaker the text names only by role (`主持人：`) is not named again.
    let names = |role: Role, label: &str| -> Vec<&str> {
        doc.participants
            .iter()
            .filter(|p| p.role == role && p.name != label)
            .map(|p| p.name.as_str())
            .collect()
    };
    let mut parts = Vec::new();
    for (role, label) in [(Role::Official, "发布人"), (Role::Host, "主持人")] {
        let names = names(role, label);
        if !names.is_empty() {
            parts.push(format!("{label}：{}", names.join("、")));
        }
    }
    if !doc.qa.is_empty() {
        parts.push(format!("{}个问答", doc.qa.len()));
    }
    if !parts.is_empty() {
        s.push_str(&parts.join("；"));
        s.push('。');
    }
    s
}

/// `url` as the site's address for a canonical link: absolute `https://` or
/// `http://` with a host, no query or fragment, ending in `/` (added if
/// missing: the page is the site's `index.html`). Else why not.
pub fn site_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("site URL `{url}` must start with https:// or http://"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err(format!("site URL `{url}` has no host"));
    }
    if rest
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '?' | '#' | '"' | '<' | '>'))
    {
        return Err(format!(
            "site URL `{url}` must be a plain address: no spaces, query, fragment or quotes"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

impl ShareMeta {
    /// The tags for `<head>`, one per line.
    pub fn to_html(&self) -> String {
        let mut tags = Vec::new();
        if let Some(url) = &self.url {
            tags.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(url)));
            tags.push(property("og:url", url));
        }
        tags.push(name("description", &self.description));
        tags.push(property("og:type", "article"));
        tags.push(property("og:title", &self.title));
        tags.push(property("og:description", &self.description));
        if let Some(date) = &self.date {
            tags.push(property("article:published_time", date));
        }
        // X (Twitter) reads og:title and og:description when its own are
        // missing: the page says them once (the first visit is on a budget).
        tags.push(name("twitter:card", "summary"));
        tags.join("\n") + "\n"
    }
}

fn property(p: &str, content: &str) -> String {
    format!("<meta property=\"{p}\" content=\"{}\">", escape(content))
}

fn name(n: &str, content: &str) -> String {
    format!("<meta name=\"{n}\" content=\"{}\">", escape(content))
}

/// Text or an attribute value between double quotes, escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "关于“春耕”<备耕>的新闻发布会\n时间：2018年3月5日上午\n地点：省政府新闻发布厅\n\
        主持人：各位记者，上午好。今天我们请来省农业厅负责同志介绍情况。\n\
        王明（省农业厅厅长）：我们将于3月20日召开全省春耕现场会。\n\
        农民日报记者：请问今年的播种面积是多少？\n\
        王明：全省播种面积达到1200万亩。\n\
        主持人：今天的发布会到此结束。\n";

    #[test]
    fn the_description_says_the_date_the_speakers_and_the_questions() {
        let doc = crate::structure(TEXT, None);
        let d = description(&doc);
        assert!(d.starts_with("2018年3月5日，"), "{d}");
        assert!(d.contains("发布人：王明"), "{d}");
        assert!(d.contains("1个问答"), "{d}");
        assert!(d.ends_with('。'), "{d}");
    }

    #[test]
    fn tags_carry_title_description_and_date_escaped() {
        let doc = crate::structure(TEXT, None);
        let html = share_meta(&doc, None).to_html();
        assert!(
            html.contains(
                "<meta property=\"og:title\" content=\"关于“春耕”&lt;备耕&gt;的新闻发布会\">"
            ),
            "{html}"
        );
        assert!(
            html.contains("<meta property=\"article:published_time\" content=\"2018-03-05\">"),
            "{html}"
        );
        assert!(
            html.contains("<meta name=\"twitter:card\" content=\"summary\">"),
            "{html}"
        );
        assert!(
            html.contains("<meta name=\"description\" content=\"2018年3月5日，新闻发布会实录。发布人：王明；1个问答。\">"),
            "{html}"
        );
        assert!(
            !html.contains("canonical"),
            "no canonical link without a site URL: {html}"
        );
        let with_url = share_meta(&doc, Some("https://example.org/shilu/".into())).to_html();
        assert!(with_url.starts_with("<link rel=\"canonical\" href=\"https://example.org/shilu/\">\n<meta property=\"og:url\" content=\"https://example.org/shilu/\">\n"), "{with_url}");
    }

    #[test]
    fn a_site_url_is_absolute_and_ends_with_a_slash() {
        assert_eq!(
            site_url("https://example.org/shilu"),
            Ok("https://example.org/shilu/".into())
        );
        assert_eq!(
            site_url("http://example.org/"),
            Ok("http://example.org/".into())
        );
        assert!(site_url("example.org")
            .unwrap_err()
            .contains("must start with https://"));
        assert!(site_url("https:///x").unwrap_err().contains("no host"));
        assert!(site_url("https://example.org/?q=1")
            .unwrap_err()
            .contains("no spaces, query"));
        assert!(site_url("https://ex ample.org/").is_err());
    }
}
