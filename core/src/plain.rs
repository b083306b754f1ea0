//! The transcript as one plain static HTML page: the heading, the date, and
//! every turn with its speaker and paragraphs, each with its anchor (`t3`,
//! `t3-b2`), a few lines of CSS in the page and no script. `shilu html FILE`
//! prints it; `cargo xtask bench web` measures the explorer against it (the
//! baseline issue 11 sets: what a document served as a document costs).

use crate::facts::{chinese_date, title_block};
use crate::model::{Block, Document};
use crate::share::{escape, share_meta};

/// The document as a standalone HTML page.
pub fn page(doc: &Document) -> String {
    let meta = share_meta(doc, None);
    let mut h = String::new();
    h.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        escape(doc.meta.lang_tag())
    ));
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{}</title>\n", escape(&meta.title)));
    h.push_str(&meta.to_html());
    h.push_str(
        "<style>body{font:1rem/1.8 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;color:#1d1c1a;background:#fbfaf7}\
         h2{font-size:1.05rem;margin:2rem 0 .25rem}p{margin:.5rem 0}.meta{color:#5f5b53}</style>\n",
    );
    h.push_str("</head>\n<body>\n<main>\n");
    h.push_str(&format!("<h1>{}</h1>\n", escape(&meta.title)));
    if let Some(date) = &doc.meta.date {
        h.push_str(&format!(
            "<p class=\"meta\"><time datetime=\"{}\">{}</time></p>\n",
            escape(date),
            escape(&chinese_date(date))
        ));
    }
    let title = title_block(doc).map(|b| b.id.as_str());
    for b in doc.front.iter().filter(|b| Some(b.id.as_str()) != title) {
        paragraph(&mut h, b);
    }
    for t in &doc.turns {
        let who = doc
            .participants
            .iter()
            .find(|p| p.id == t.participant)
            .and_then(|p| p.title.as_deref())
            .map(|title| format!("{}（{title}）", t.speaker))
            .unwrap_or_else(|| t.speaker.clone());
        h.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            escape(&t.id),
            escape(&who)
        ));
        for b in &t.blocks {
            paragraph(&mut h, b);
        }
        h.push_str("</section>\n");
    }
    for b in &doc.appendix {
        paragraph(&mut h, b);
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn paragraph(h: &mut String, b: &Block) {
    h.push_str(&format!(
        "<p id=\"{}\">{}</p>\n",
        escape(&b.id),
        escape(&b.full_text())
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_turn_and_paragraph_is_there_with_its_anchor() {
        let text = "关于<春耕>的新闻发布会\n时间：2018年3月5日上午\n\
            主持人：各位记者，上午好。\n王明（省农业厅厅长）：全省播种面积达到1200万亩。\n";
        let doc = crate::structure(text, None);
        let html = page(&doc);
        assert!(
            html.starts_with("<!doctype html>\n<html lang=\"zh-Hans\">"),
            "{html}"
        );
        // The document's own language, not the interface's.
        let en = page(&crate::structure(
            "Moderator: Welcome.\nQuestion: When?\n",
            None,
        ));
        assert!(
            en.starts_with("<!doctype html>\n<html lang=\"en\">"),
            "{en}"
        );
        assert!(
            html.contains("<title>关于&lt;春耕&gt;的新闻发布会</title>"),
            "{html}"
        );
        assert!(
            html.contains("<h1>关于&lt;春耕&gt;的新闻发布会</h1>"),
            "{html}"
        );
        assert!(
            html.contains("<time datetime=\"2018-03-05\">2018年3月5日</time>"),
            "{html}"
        );
        for t in &doc.turns {
            assert!(
                html.contains(&format!("<section id=\"{}\">", t.id)),
                "{html}"
            );
            for b in &t.blocks {
                assert!(html.contains(&format!("<p id=\"{}\">", b.id)), "{html}");
            }
        }
        assert!(html.contains("全省播种面积达到1200万亩。</p>"), "{html}");
        assert!(!html.contains("<script"), "{html}");
    }
}
