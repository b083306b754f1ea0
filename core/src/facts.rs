//! Facts about a document that every view of it states the same way: which
//! front block is its title, and its date as Chinese text. (The reading
//! view's header, the transcript and the citations all use them.)

use crate::model::{Block, BlockKind, Document};

/// The front block that is the document's title (the page shows it as its
/// heading, not again among the front matter), if any.
pub fn title_block(doc: &Document) -> Option<&Block> {
    let title = doc.meta.title.trim();
    doc.front.iter().find(|b| {
        // The line as written, or with the `原标题：` the meta leaves out.
        let t = b.text.trim();
        let original = || {
            t.strip_suffix(title)
                .and_then(|k| {
                    k.strip_prefix("原标题")
                        .or_else(|| k.strip_prefix("原標題"))
                })
                .is_some_and(|k| matches!(k.trim(), "：" | ":"))
        };
        b.kind == BlockKind::Title && !title.is_empty() && (t == title || original())
    })
}

/// `2017-10-12` → `2017年10月12日`; anything that is not three `-`-separated
/// parts comes back as it is.
pub fn chinese_date(iso: &str) -> String {
    let mut it = iso.split('-').map(|p| p.trim_start_matches('0'));
    match (it.next(), it.next(), it.next()) {
        (Some(y), Some(m), Some(d)) => format!("{y}年{m}月{d}日"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_chinese_without_leading_zeros() {
        assert_eq!(chinese_date("2017-10-12"), "2017年10月12日");
        assert_eq!(chinese_date("2017-01-02"), "2017年1月2日");
        assert_eq!(chinese_date("2017年"), "2017年");
    }

    #[test]
    fn the_title_block_is_the_front_title_with_the_meta_title() {
        let text =
            "关于某事的新闻发布会\n\n2017年10月12日\n\n主持人 王某:\n各位记者朋友，大家好。\n";
        let mut doc = crate::structure(text, None);
        let title = title_block(&doc).map(|b| b.text.trim().to_string());
        assert_eq!(title.as_deref(), Some(doc.meta.title.trim()));
        // A title block that is not the document's title is not it.
        doc.meta.title = "另一个标题".into();
        assert_eq!(title_block(&doc), None);
        // `原标题：…`: the line is the title block, the meta its title.
        let doc = crate::structure(
            "原标题：某某新闻发布会\n主持人：大家好。\n王明：谢谢。\n",
            None,
        );
        assert_eq!(doc.meta.title, "某某新闻发布会");
        assert_eq!(title_block(&doc).map(|b| b.id.as_str()), Some("f1"));
    }
}
