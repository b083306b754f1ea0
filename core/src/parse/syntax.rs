//! The written form of a line, before any meaning: a Markdown heading
//! (`### 唐鳳：`), a bold label (`**王某：**`), a bracketed one
//! (`【主持人】`), a plain prefix before a colon (`华春莹：…`), a block
//! quote (`> （播放影片）`), HTML residue (`<figure>`), a stage direction
//! alone on its line (`（笑）`).
//!
//! [`label`] finds where a line *could* have a speaker label and splits
//! it into the label as written, the speaker part and the speech after
//! it; whether it is a label is decided later, from the whole document.

use crate::chars::{count_upto, is_colon};

/// How a label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// `### 唐鳳：`: a Markdown heading that ends with a colon.
    Heading,
    /// `**王某：**` or `**王某**：`.
    Bold,
    /// `【主持人】`.
    Bracket,
    /// `华春莹：…`, `主持人    董晓林:`.
    Plain,
}

impl Form {
    /// Markup that marks a label on purpose: the layout itself says so.
    pub fn is_marked(self) -> bool {
        self != Form::Plain
    }
}

/// Where a line could carry a speaker label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax<'a> {
    pub form: Form,
    /// The label as written, markup and colon included: everything of the
    /// line before the speech.
    pub label: &'a str,
    /// The speaker part: no markup, no colon, trimmed.
    pub body: &'a str,
    /// The speech after the label on the same line (may be empty).
    pub rest: &'a str,
}

/// Longest speaker part of a plain label, in characters.
pub const MAX_PLAIN: usize = 40;
/// Longest speaker part of a marked label (`### Demetrius Jordan, …：`).
pub const MAX_MARKED: usize = 80;

/// The label syntax of a trimmed line, if it has one.
pub fn label(text: &str) -> Option<Syntax<'_>> {
    heading_label(text)
        .or_else(|| bold_label(text))
        .or_else(|| bracket_label(text))
        .or_else(|| plain_label(text))
}

/// The level and text of a Markdown ATX heading: `### 唐鳳：` → (3, `唐鳳：`).
pub fn md_heading(text: &str) -> Option<(usize, &str, &str)> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let after = &text[hashes..];
    // `#tag` is not a heading; `# 标题` and `#标题` (CJK) both are.
    let first = after.chars().next()?;
    if !first.is_whitespace() && first.is_ascii() {
        return None;
    }
    let body = after.trim();
    (!body.is_empty()).then_some((hashes, &text[..hashes], body))
}

fn heading_label(text: &str) -> Option<Syntax<'_>> {
    let (level, _, body) = md_heading(text)?;
    // `# …` is the document's title; speakers are `##`…`######`.
    if level < 2 {
        return None;
    }
    if let Some((speaker, _)) = strip_colon_end(body) {
        let speaker = speaker.trim_end();
        if speaker.is_empty() || count_upto(speaker, MAX_MARKED) > MAX_MARKED {
            return None;
        }
        return Some(Syntax {
            form: Form::Heading,
            label: text,
            body: speaker,
            rest: "",
        });
    }
    // `### 唐鳳：speech on the same line`.
    let (pos, colon) = body
        .char_indices()
        .take(MAX_PLAIN + 1)
        .find(|&(_, c)| is_colon(c))?;
    let speaker = body[..pos].trim_end();
    if speaker.is_empty() {
        return None;
    }
    let end = text.len() - body.len() + pos + colon.len_utf8();
    Some(Syntax {
        form: Form::Heading,
        label: &text[..end],
        body: speaker,
        rest: text[end..].trim_start(),
    })
}

/// `body：` → (`body`, colon).
fn strip_colon_end(s: &str) -> Option<(&str, char)> {
    let c = s.chars().next_back().filter(|&c| is_colon(c))?;
    Some((&s[..s.len() - c.len_utf8()], c))
}

fn bold_label(text: &str) -> Option<Syntax<'_>> {
    let inner = text.strip_prefix("**")?;
    let close = inner.find("**")?;
    let bold = &inner[..close];
    let after = &inner[close + 2..];
    // `**王某：**rest` or `**王某**：rest`.
    let (speaker, label_end) = if let Some((speaker, _)) = strip_colon_end(bold.trim_end()) {
        (speaker, 2 + close + 2)
    } else if let Some(c) = after.trim_start().chars().next().filter(|&c| is_colon(c)) {
        let colon_at = 2 + close + 2 + (after.len() - after.trim_start().len());
        (bold, colon_at + c.len_utf8())
    } else if after.trim().is_empty() {
        // `**記者：請問……？**`: a whole paragraph in bold, its label
        // inside; the closing `**` stays with the speech.
        let (pos, c) = bold
            .char_indices()
            .take(MAX_PLAIN + 1)
            .find(|&(_, c)| is_colon(c))?;
        (&bold[..pos], 2 + pos + c.len_utf8())
    } else {
        return None;
    };
    let speaker = speaker.trim();
    if speaker.is_empty() || count_upto(speaker, MAX_PLAIN) > MAX_PLAIN {
        return None;
    }
    Some(Syntax {
        form: Form::Bold,
        label: &text[..label_end],
        body: speaker,
        rest: text[label_end..].trim_start(),
    })
}

fn bracket_label(text: &str) -> Option<Syntax<'_>> {
    let inner = text.strip_prefix('【')?;
    let close = inner.find('】')?;
    let speaker = inner[..close].trim();
    if speaker.is_empty() || count_upto(speaker, 20) > 20 || speaker.contains('【') {
        return None;
    }
    let mut end = '【'.len_utf8() + close + '】'.len_utf8();
    let after = &text[end..];
    let t = after.trim_start();
    if let Some(c) = t.chars().next().filter(|&c| is_colon(c)) {
        end += after.len() - t.len() + c.len_utf8();
    }
    Some(Syntax {
        form: Form::Bracket,
        label: &text[..end],
        body: speaker,
        rest: text[end..].trim_start(),
    })
}

fn plain_label(text: &str) -> Option<Syntax<'_>> {
    // The colon must come early: labels are short.
    let (pos, colon) = text
        .char_indices()
        .take(MAX_PLAIN + 8)
        .find(|&(_, c)| is_colon(c))?;
    let body = text[..pos].trim();
    if body.is_empty() || count_upto(body, MAX_PLAIN) > MAX_PLAIN {
        return None;
    }
    let end = pos + colon.len_utf8();
    Some(Syntax {
        form: Form::Plain,
        label: &text[..end],
        body,
        rest: text[end..].trim_start(),
    })
}

/// A Markdown block quote: `> （播放影片）` → `>` and `（播放影片）`.
pub fn block_quote(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('>')?;
    Some((&text[..1], rest.trim_start()))
}

/// HTML residue of a web page: `<figure>`, `<img src=…>`, `</figcaption>`.
pub fn is_html(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    const TAGS: &[&str] = &[
        "figure",
        "figcaption",
        "img",
        "p",
        "div",
        "span",
        "br",
        "a",
        "iframe",
        "video",
        "audio",
        "source",
        "picture",
        "table",
        "tr",
        "td",
        "th",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "b",
        "i",
        "section",
        "blockquote",
        "hr",
        "center",
        "font",
    ];
    let after = &rest[name.len()..];
    TAGS.contains(&name.to_ascii_lowercase().as_str())
        && after.starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
}

/// A stage direction alone on its line: `（笑）`, `(掌声)`, `（播放影片）`.
pub fn is_stage_direction(text: &str) -> bool {
    let Some(inner) = text
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
    else {
        return false;
    };
    let n = count_upto(inner, 30);
    // `（一）`, `(1)` are outline markers, not directions.
    let numeral = inner
        .chars()
        .all(|c| crate::chars::is_cn_numeral(c) || crate::chars::digit(c).is_some());
    n > 0 && n <= 30 && !numeral && !inner.contains(['（', '(', '）', ')'])
}

/// A horizontal rule or other bare markup line: `---`, `***`, `* * *`.
pub fn is_rule(text: &str) -> bool {
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_' | '=')
        && text.chars().filter(|&c| c == first).count() >= 3
        && chars.all(|c| c == first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Syntax<'_> {
        label(s).unwrap_or_else(|| panic!("no label syntax: {s}"))
    }

    #[test]
    fn headings() {
        let s = l("### 唐鳳：");
        assert_eq!(
            (s.form, s.body, s.rest, s.label),
            (Form::Heading, "唐鳳", "", "### 唐鳳：")
        );
        assert_eq!(l("### Audrey Tang:").body, "Audrey Tang");
        assert_eq!(l("###唐鳳：").body, "唐鳳");
        let s = l("### 唐鳳：大家好");
        assert_eq!((s.body, s.rest, s.label), ("唐鳳", "大家好", "### 唐鳳："));
        // `#` is the title, never a speaker.
        assert_eq!(
            label("# 奇文共賞：梁振英如何回應").map(|s| s.form),
            Some(Form::Plain)
        );
        // A heading without a colon is no label.
        assert_eq!(label("## 第一部分"), None);
        assert_eq!(
            md_heading("# 2016-10-01 萌典松前記者會").unwrap().2,
            "2016-10-01 萌典松前記者會"
        );
        assert_eq!(md_heading("#tag"), None);
    }

    #[test]
    fn bold_and_brackets() {
        let s = l("**王某：**");
        assert_eq!(
            (s.form, s.body, s.rest, s.label),
            (Form::Bold, "王某", "", "**王某：**")
        );
        let s = l("**王某**：各位好");
        assert_eq!((s.body, s.rest, s.label), ("王某", "各位好", "**王某**："));
        // A paragraph in bold with its label inside.
        let s = l("**記者：請問？**");
        assert_eq!(
            (s.form, s.body, s.rest, s.label),
            (Form::Bold, "記者", "請問？**", "**記者：")
        );
        assert_eq!(label("**重點：**").map(|s| s.body), Some("重點"));
        let s = l("【主持人】各位记者");
        assert_eq!(
            (s.form, s.body, s.rest, s.label),
            (Form::Bracket, "主持人", "各位记者", "【主持人】")
        );
        let s = l("【主持人】：好");
        assert_eq!((s.label, s.rest), ("【主持人】：", "好"));
    }

    #[test]
    fn plain() {
        let s = l("华春莹：我们注意到");
        assert_eq!(
            (s.form, s.body, s.rest, s.label),
            (Form::Plain, "华春莹", "我们注意到", "华春莹：")
        );
        let s = l("主持人\u{a0}\u{a0} 董晓林:");
        assert_eq!(s.body, "主持人\u{a0}\u{a0} 董晓林");
        assert_eq!(label("没有冒号的一行"), None);
    }

    #[test]
    fn non_speech() {
        assert_eq!(block_quote("> （播放影片）"), Some((">", "（播放影片）")));
        assert!(is_html("<figure>"));
        assert!(is_html("<img src=\"x.png\" alt=\"\">"));
        assert!(is_html("</figcaption>"));
        assert!(!is_html("<<十三五规划>>"));
        assert!(is_stage_direction("（笑）"));
        assert!(is_stage_direction("(掌声)"));
        assert!(!is_stage_direction("（一）"));
        assert!(is_rule("---"));
        assert!(is_rule("* * *"));
        assert!(!is_rule("--"));
    }
}
