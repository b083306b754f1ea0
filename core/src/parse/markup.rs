//! Lines that are markup or non-speech, kept as written but never speech
//! of their own: Markdown headings that are not labels, block quotes
//! (`> （播放影片）`), HTML residue (`<figure>`), stage directions (`（笑）`)
//! and rules (`---`).

use super::sections::Parts;
use super::syntax;
use crate::model::BlockKind;

/// The parts of a markup line, or `None` for ordinary text.
pub fn parts(text: &str) -> Option<Parts> {
    if let Some((level, hashes, body)) = syntax::md_heading(text) {
        let mut p = Parts::plain(BlockKind::Heading, body);
        p.level = level as u8;
        p.marker = Some(hashes.to_string());
        return Some(p);
    }
    if let Some((mark, rest)) = syntax::block_quote(text) {
        let mut p = Parts::plain(BlockKind::Aside, rest);
        p.marker = Some(mark.to_string());
        return Some(p);
    }
    // `（新华社记者 李某 摄）` is a caption, not a direction.
    let direction = syntax::is_stage_direction(text) && !super::lines::is_caption(text);
    if syntax::is_html(text) || direction || syntax::is_rule(text) {
        return Some(Parts::plain(BlockKind::Aside, text));
    }
    None
}

/// A heading's text without its `#` marks; other lines as they are.
pub fn heading_text(text: &str) -> &str {
    syntax::md_heading(text).map_or(text, |(_, _, body)| body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_lines() {
        let p = parts("## 第一部分").unwrap();
        assert_eq!(
            (p.kind, p.level, p.marker.as_deref(), p.text.as_str()),
            (BlockKind::Heading, 2, Some("##"), "第一部分")
        );
        let p = parts("> （播放影片）").unwrap();
        assert_eq!(
            (p.kind, p.marker.as_deref(), p.text.as_str()),
            (BlockKind::Aside, Some(">"), "（播放影片）")
        );
        assert_eq!(parts("<figure>").unwrap().kind, BlockKind::Aside);
        assert_eq!(parts("（笑）").unwrap().kind, BlockKind::Aside);
        assert!(parts("（一）基本原则").is_none());
        assert!(parts("普通的一段话。").is_none());
        assert_eq!(heading_text("# 标题"), "标题");
    }
}
