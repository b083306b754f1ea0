//! The document as Markdown in the SayIt layout: `# date title`, then for
//! each turn `### 名字：` and its paragraphs, and `> ` before what is not
//! speech (stage directions, captions, timestamps, the front matter's
//! headers). The parser reads it back into the same turns.
//!
//! A speaker's label carries what the parser needs to give back the same
//! role: `### 主持人 董晓林：` for the host, the title before an official's
//! name (`### 省扶贫办主任 刘志杰：`), the label itself for a voice without
//! a name (`### 山西日报记者：`).

use crate::model::{Block, BlockKind, Document, Role, Turn};

/// The document as SayIt-style Markdown.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let title = doc.meta.title.trim();
    let date = doc.meta.date.as_deref().unwrap_or_default();
    let heading = format!("{date} {title}");
    if !heading.trim().is_empty() {
        out.push_str("# ");
        out.push_str(heading.trim());
        out.push_str("\n\n");
    }
    let title_block = crate::facts::title_block(doc).map(|b| b.id.as_str());
    for b in &doc.front {
        if Some(b.id.as_str()) != title_block {
            push_block(&mut out, b);
        }
    }
    for t in &doc.turns {
        out.push_str("### ");
        out.push_str(&label(doc, t));
        out.push_str("：\n");
        // The time right after the label, as the parser reads it back.
        if let Some(time) = &t.time {
            out.push_str(time);
            out.push_str("\n\n");
        }
        for b in &t.blocks {
            push_block(&mut out, b);
        }
        if t.blocks.is_empty() {
            out.push('\n');
        }
    }
    if !doc.appendix.is_empty() {
        out.push_str("---\n\n");
        for b in &doc.appendix {
            push_block(&mut out, b);
        }
    }
    out
}

/// A turn's label: what it takes to read back the same speaker and role.
/// A label that is the speaker (`刘志杰:`, `Moderator:`) stays as it is;
/// a host or official named by a longer label gets their role or title.
fn label(doc: &Document, t: &Turn) -> String {
    let body = t
        .label
        .trim_matches(|c: char| c.is_whitespace() || "#*【】[]:：︰﹕".contains(c));
    if body == t.speaker {
        return t.speaker.clone();
    }
    let title = t.title.clone().or_else(|| {
        doc.participant(&t.participant)
            .and_then(|p| p.title.clone())
    });
    match (t.role, title) {
        (Role::Host, _) => format!("主持人 {}", t.speaker),
        // A title with a parenthesis (`警務處助理處長（行動）`) would not
        // read back as a label: the name alone, which the intro gives.
        (Role::Official, Some(title))
            if !title.contains(&t.speaker) && !title.contains(['（', '(']) =>
        {
            format!("{title} {}", t.speaker)
        }
        _ => t.speaker.clone(),
    }
}

fn push_block(out: &mut String, b: &Block) {
    let mut line = String::new();
    for part in [&b.marker, &b.heading].into_iter().flatten() {
        // Markdown heading marks (`##`) are layout, not text.
        if b.marker.as_deref() == Some(part.as_str()) && is_layout_mark(part) {
            continue;
        }
        line.push_str(part);
    }
    line.push_str(&b.text);
    if let Some(n) = &b.note {
        line.push_str(n);
    }
    let aside = matches!(
        b.kind,
        BlockKind::Aside | BlockKind::Caption | BlockKind::Timestamp | BlockKind::Stamp
    );
    if aside {
        out.push_str("> ");
    }
    out.push_str(&line);
    out.push_str("\n\n");
}

fn is_layout_mark(m: &str) -> bool {
    !m.is_empty() && m.chars().all(|c| c == '#' || c == '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_sayit_layout() {
        let d = crate::structure(
            "标题\n10月12日下午，省政府新闻办举行新闻发布会。\n主持人 王某:\n各位好。\n李某:\n谢谢。\n",
            None,
        );
        let md = markdown(&d);
        assert!(md.contains("### 主持人 王某：\n各位好。\n"), "{md}");
        assert!(md.contains("### 李某：\n谢谢。\n"), "{md}");
    }
}
