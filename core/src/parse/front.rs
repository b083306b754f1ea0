//! Front matter: title, publication stamp, header lines (`发布人:…`),
//! headings (`全程文字实录`) and the intro paragraph, plus the people the
//! front matter introduces.

use super::lines;
use super::names::{people_in, Person};
use super::participants::Registry;
use crate::chars::{count_upto, has_surname, is_colon, is_name_like, is_sentence_end, strip_ws};
use crate::model::{BlockKind, Role};

/// A `key:value` metadata line before the first speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header<'a> {
    pub key: &'a str,
    pub value: &'a str,
}

const HOST_KEYS: &[&str] = &["主持人", "主持"];
const SPEAKER_KEYS: &[&str] = &[
    "发布人",
    "發布人",
    "发布嘉宾",
    "發布嘉賓",
    "嘉宾",
    "嘉賓",
    "出席",
    "出席人",
    "出席嘉宾",
    "出席嘉賓",
    "发言人",
    "發言人",
    "新闻发言人",
    "新聞發言人",
    "发布者",
    "發布者",
];
const OTHER_KEYS: &[&str] = &[
    "时间",
    "時間",
    "日期",
    "地点",
    "地點",
    "主题",
    "主題",
    "发布时间",
    "發布時間",
    "来源",
    "來源",
    "主办",
    "主辦",
    "主办单位",
    "主辦單位",
    "主办方",
    "主辦方",
    "作者",
    "编辑",
    "編輯",
    "责任编辑",
    "責任編輯",
    "会议主题",
    "會議主題",
    "发布会主题",
    "發布會主題",
    "发布机构",
    "發布機構",
    "标题",
    "標題",
    "举办单位",
    "舉辦單位",
    "承办单位",
    "承辦單位",
];
const NOT_SPEECH: &[&str] = &[
    "各位", "大家", "朋友", "女士", "先生", "欢迎", "歡迎", "您好",
];

/// Reads a header line: `发布人:…`, `主持人:…`, `时间:…`, `地点:…`.
pub fn header(text: &str) -> Option<Header<'_>> {
    let (pos, colon) = text.char_indices().take(12).find(|&(_, c)| is_colon(c))?;
    let key = text[..pos].trim();
    let value = text[pos + colon.len_utf8()..].trim();
    let known =
        HOST_KEYS.contains(&key) || SPEAKER_KEYS.contains(&key) || OTHER_KEYS.contains(&key);
    if !known || value.is_empty() || count_upto(value, 200) > 200 {
        return None;
    }
    let body = value.trim_end_matches(is_sentence_end);
    if body.chars().any(is_sentence_end) || NOT_SPEECH.iter().any(|w| value.contains(w)) {
        return None;
    }
    Some(Header { key, value })
}

impl Header<'_> {
    /// The role of the people a header names, if it names people.
    pub fn role(&self) -> Option<Role> {
        if HOST_KEYS.contains(&self.key) {
            Some(Role::Host)
        } else if SPEAKER_KEYS.contains(&self.key) {
            Some(Role::Official)
        } else {
            None
        }
    }

    pub fn is(&self, keys: &[&str]) -> bool {
        keys.contains(&self.key)
    }

    /// Adds the people a `发布人:`/`主持人:` header names.
    pub fn register(&self, reg: &mut Registry) {
        let Some(role) = self.role() else { return };
        let people = people_in(self.value, &|n| reg.knows(n));
        if !people.is_empty() {
            for p in &people {
                reg.add_person(p, role);
            }
            return;
        }
        // Bare names: `发布人:张某、李某`.
        for piece in self.value.split([
            ',', '\u{FF0C}', ';', '\u{FF1B}', '、', ' ', '\u{a0}', '\u{3000}', '/',
        ]) {
            let name = strip_ws(piece);
            if is_name_like(&name) && has_surname(&name) {
                let p = Person {
                    name,
                    title: String::new(),
                    hosts: role == Role::Host,
                };
                reg.add_person(&p, role);
            }
        }
    }
}

/// The kind of a front-matter line.
pub fn kind(text: &str, first: bool) -> BlockKind {
    if first {
        BlockKind::Title
    } else if lines::timestamp(text).is_some() {
        BlockKind::Stamp
    } else if header(text).is_some() {
        BlockKind::Header
    } else if lines::is_caption(text) {
        BlockKind::Caption
    } else if count_upto(text, 40) <= 40 && !text.chars().any(is_sentence_end) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// Adds the people an intro paragraph introduces.
pub fn register_intro(text: &str, reg: &mut Registry) {
    for p in people_in(text, &|n| reg.knows(n)) {
        reg.add_person(&p, Role::Official);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let h = header("发布人:生态环境部副部长张某").unwrap();
        assert_eq!(h.key, "发布人");
        assert_eq!(h.role(), Some(Role::Official));
        assert!(header("主持人:各位记者朋友,上午好!").is_none());
        assert!(header("主持人:").is_none());
        assert!(header("時間:2019年3月7日上午10時").is_some());
        assert!(header("刘志杰:").is_none());
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("全程文字实录", false), BlockKind::Heading);
        assert_eq!(kind("13.10.2017  14:57", false), BlockKind::Stamp);
        assert_eq!(kind("标题", true), BlockKind::Title);
        assert_eq!(
            kind("10月12日下午,省政府新闻办举行新闻发布会。", false),
            BlockKind::Paragraph
        );
    }
}
