//! What a reader takes away: the document as JSON (the model `shilu parse`
//! prints) and the names of the files the exports are saved as.

use crate::model::Document;

/// The whole document as pretty-printed JSON, ending in a newline: exactly
/// what `shilu parse` prints.
pub fn json(doc: &Document) -> String {
    // The model is plain data (strings, numbers, lists, maps with string
    // keys): serialising it cannot fail.
    let mut out = serde_json::to_string_pretty(doc).unwrap_or_default();
    out.push('\n');
    out
}

/// The name of an export with extension `ext` (`json`, `md`, `ics`): the
/// opened file's name with that extension, else `shilu-` and the
/// conference's date, else `shilu`.
pub fn file_name(doc: &Document, ext: &str) -> String {
    let from_source = doc.meta.source.as_deref().and_then(|s| {
        let base = s.rsplit(['/', '\\']).next().unwrap_or(s);
        let stem = match base.rfind('.') {
            Some(i) if i > 0 => &base[..i],
            _ => base,
        };
        (!stem.trim().is_empty()).then(|| stem.trim().to_string())
    });
    let stem = from_source.unwrap_or_else(|| match &doc.meta.date {
        Some(d) => format!("shilu-{d}"),
        None => "shilu".into(),
    });
    format!("{stem}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_reads_back_into_the_same_document() {
        let doc = crate::analysed("主持人：开始。\n记者：问一个问题？\n张三：回答。\n", None);
        let text = json(&doc);
        assert!(text.ends_with("}\n"));
        let back: Document = serde_json::from_str(&text).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn file_names_follow_the_source_then_the_date() {
        let mut doc = Document::default();
        assert_eq!(file_name(&doc, "json"), "shilu.json");
        doc.meta.date = Some("2017-10-12".into());
        assert_eq!(file_name(&doc, "md"), "shilu-2017-10-12.md");
        doc.meta.source = Some("dir/2024-05-08-記者會.txt".into());
        assert_eq!(file_name(&doc, "md"), "2024-05-08-記者會.md");
        doc.meta.source = Some(r"C:\x\notes".into());
        assert_eq!(file_name(&doc, "ics"), "notes.ics");
        doc.meta.source = Some(".md".into());
        assert_eq!(file_name(&doc, "json"), ".md.json");
    }
}
