//! Documents: every 《…》 title named in the transcript.
//!
//! A title runs from `《` to its matching `》` (a nested `《…》` or `〈…〉` is
//! kept inside it), within one block and 100 characters. Titles that differ
//! only by 《》〈〉 or quotation marks (`《“十三五”脱贫攻坚规划》`,
//! `《十三五脱贫攻坚规划》`) are one document, spelt as first written.

use crate::model::{Block, Document, DocumentRef};
use std::collections::BTreeMap;

/// The documents named, in order of first mention.
pub fn extract(doc: &Document) -> Vec<DocumentRef> {
    let mut out: Vec<DocumentRef> = Vec::new();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut add = |block: &Block, speaker: Option<&str>| {
        for title in titles(&crate::dates::full_text(block)) {
            let key = key(&title);
            if key.is_empty() {
                continue;
            }
            let i = *by_key.entry(key).or_insert_with(|| {
                out.push(DocumentRef {
                    title,
                    ..Default::default()
                });
                out.len() - 1
            });
            let d = &mut out[i];
            if d.mentions.last() != Some(&block.id) {
                d.mentions.push(block.id.clone());
            }
            if let Some(s) = speaker {
                if !d.speakers.iter().any(|x| x == s) {
                    d.speakers.push(s.to_string());
                }
            }
        }
    };
    for b in &doc.front {
        add(b, None);
    }
    for t in &doc.turns {
        for b in &t.blocks {
            add(b, Some(&t.speaker));
        }
    }
    for b in &doc.appendix {
        add(b, None);
    }
    out
}

/// The 《…》 titles in a text, outermost only, without the outer marks.
pub fn titles(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Where the search for the next `《` resumes: past what a title read.
    let mut from = 0;
    while let Some(p) = text[from..].find('《') {
        let body = from + p + '《'.len_utf8();
        from = text.len();
        let mut depth = 1;
        let mut n = 0;
        let mut end = None;
        for (j, d) in text[body..].char_indices() {
            let j = body + j;
            n += 1;
            match d {
                '《' => depth += 1,
                '》' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(j);
                        from = j + d.len_utf8();
                        break;
                    }
                }
                '\n' => {
                    from = j + 1;
                    break;
                }
                _ => {}
            }
            if n > 100 {
                from = j + d.len_utf8();
                break;
            }
        }
        if let Some(e) = end {
            let t = text[body..e].trim();
            if !t.is_empty() {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// A title without marks, quotes or whitespace: titles equal by it are one.
fn key(title: &str) -> String {
    title
        .chars()
        .filter(|c| !"《》〈〉<>“”‘’\"'「」『』".contains(*c) && !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_nested_and_unclosed() {
        assert_eq!(
            titles("根据《财政部关于印发〈普惠金融发展专项资金管理办法〉的通知》和《意见》,《未完"),
            vec![
                "财政部关于印发〈普惠金融发展专项资金管理办法〉的通知",
                "意见"
            ]
        );
        assert_eq!(titles("《外《内》外》"), vec!["外《内》外"]);
        assert_eq!(titles("《》《 》"), Vec::<String>::new());
    }

    #[test]
    fn merged_by_marks_and_quotes() {
        let doc = crate::analysed(
            "主持人:\n各位记者朋友们,大家好!\n王建国:\n制定《“十三五”脱贫攻坚规划》。\n李明华:\n落实《十三五脱贫攻坚规划》和《“十三五”脱贫攻坚规划》。\n",
            None,
        );
        assert_eq!(doc.documents.len(), 1, "{:?}", doc.documents);
        let d = &doc.documents[0];
        assert_eq!(d.title, "“十三五”脱贫攻坚规划");
        assert_eq!(d.speakers, vec!["王建国", "李明华"]);
        assert_eq!(d.mentions.len(), 2);
    }
}
