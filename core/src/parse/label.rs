//! Speaker labels: `主持人    董晓林:`, `刘志杰:`, `山西日报记者:`,
//! `主持人(省生态环境厅宣教处处长王某):各位…`, `问:`, `答:`,
//! `某省生态环境厅副厅长、新闻发言人张某:`, in simplified or traditional
//! characters, with ASCII or fullwidth colons.
//!
//! [`candidate`] reads one line and says whether it *could* be a label and
//! what it says about the speaker; whether it *is* one also depends on the
//! line's indentation and on the names known from the intro (see `mod.rs`).

use super::names::{split_title_name, TITLE_WORDS};
use crate::chars::{
    contains_any, count_upto, find_any, has_surname, is_colon, is_han, is_label_breaker,
    is_name_like,
};
use crate::model::Role;

/// How sure the label reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// A role word (主持人, 记者, 发言人, 问, 答) or a title before a name.
    Strong,
    /// Only a bare name, e.g. `刘志杰`.
    Bare,
}

/// What a label line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<'a> {
    /// The label as written, without the colon.
    pub body: &'a str,
    /// Speech following the colon on the same line (may be empty).
    pub rest: &'a str,
    pub strength: Strength,
    /// The role the label names, if it names one.
    pub role: Option<Role>,
    /// The person's name, when the label gives one.
    pub name: Option<String>,
    pub title: Option<String>,
    /// A journalist's outlet: `山西日报` in `山西日报记者`.
    pub outlet: Option<String>,
    /// Whether a bare name starts with a common surname.
    pub surname: bool,
}

const HOST_WORDS: &[&str] = &["主持人", "主持"];
const JOURNALIST_WORDS: &[&str] = &["记者", "記者"];
const QUESTION: &[&str] = &["问", "問", "提问", "提問"];
const ANSWER: &[&str] = &["答", "回答"];
const SPOKESPERSON: &[&str] = &["发言人", "發言人"];
const VOCATIVES: &[&str] = &[
    "各位",
    "大家",
    "朋友",
    "女士",
    "先生",
    "同志们",
    "同志們",
    "同胞",
    "来宾",
    "來賓",
    "你们",
    "你們",
    "您好",
];
/// Endings of a verb of saying or listing: `王某说:`, `主要有:`.
const SAYING_ENDS: &[&str] = &[
    "说", "說", "讲", "講", "称", "稱", "道", "问", "問", "答", "是", "有", "为", "為", "的", "了",
    "们", "們", "等", "表示", "指出", "强调", "強調", "认为", "認為", "介绍", "介紹", "透露",
    "提到", "谈到", "談到", "补充", "補充", "如下", "包括",
];
/// Longest label body accepted, in characters.
const MAX_BODY: usize = 40;

/// Reads `text` (a trimmed line) as a speaker label, if it can be one.
pub fn candidate(text: &str) -> Option<Label<'_>> {
    // The colon must come early: labels are short.
    let (pos, colon) = text
        .char_indices()
        .take(MAX_BODY + 8)
        .find(|&(_, c)| is_colon(c))?;
    let body = text[..pos].trim();
    let rest = text[pos + colon.len_utf8()..].trim_start();
    if body.is_empty() || count_upto(body, MAX_BODY) > MAX_BODY {
        return None;
    }
    if body.chars().any(is_label_breaker) || !body.chars().any(is_han) {
        return None;
    }
    if contains_any(body, VOCATIVES) {
        return None;
    }
    let (outer, inner) = split_parenthetical(body)?;
    let mut label = Label {
        body,
        rest,
        strength: Strength::Strong,
        role: None,
        name: None,
        title: None,
        outlet: None,
        surname: false,
    };

    if QUESTION.contains(&outer) || outer.ends_with("记者问") || outer.ends_with("記者問") {
        label.role = Some(Role::Journalist);
        return Some(label);
    }
    if ANSWER.contains(&outer) {
        label.role = Some(Role::Official);
        return Some(label);
    }
    if let Some((_, w)) = find_any(outer, HOST_WORDS) {
        label.role = Some(Role::Host);
        let left = outer.replacen(w, " ", 1);
        fill_person(&mut label, left.trim(), inner);
        return Some(label);
    }
    if let Some((i, w)) = find_any(outer, JOURNALIST_WORDS) {
        label.role = Some(Role::Journalist);
        let outlet = outer[..i].trim();
        if !outlet.is_empty() {
            label.outlet = Some(outlet.to_string());
        }
        let after = outer[i + w.len()..].trim();
        if is_name_like(after) {
            label.name = Some(crate::chars::strip_ws(after));
        }
        return Some(label);
    }
    if contains_any(outer, SPOKESPERSON) {
        label.role = Some(Role::Official);
        fill_person(&mut label, outer, inner);
        return Some(label);
    }
    // A title before a name: `省扶贫办主任刘志杰`, `张某(生态环境部副部长)`.
    if let Some((title, name)) = split_title_name(outer) {
        label.role = Some(Role::Official);
        label.title = Some(title.to_string());
        label.name = Some(name);
        return Some(label);
    }
    if let Some(inner) = inner {
        if let Some((title, name)) = split_title_name(inner) {
            label.role = Some(Role::Official);
            label.title = Some(title.to_string());
            label.name = Some(name);
            return Some(label);
        }
        if is_name_like(outer) && ends_with_title(inner) {
            label.role = Some(Role::Official);
            label.title = Some(inner.trim().to_string());
            label.name = Some(crate::chars::strip_ws(outer));
            return Some(label);
        }
        return None;
    }
    // A bare name.
    if is_name_like(outer) && !SAYING_ENDS.iter().any(|e| outer.ends_with(e)) {
        let name = crate::chars::strip_ws(outer);
        label.strength = Strength::Bare;
        label.surname = has_surname(&name);
        label.name = Some(name);
        return Some(label);
    }
    None
}

/// Fills name and title from what is left of the label after its role
/// word (`董晓林`) and from a parenthetical (`省生态环境厅宣教处处长王某`).
fn fill_person(label: &mut Label<'_>, left: &str, inner: Option<&str>) {
    if let Some(inner) = inner {
        if let Some((title, name)) = split_title_name(inner) {
            label.title = Some(title.to_string());
            label.name = Some(name);
            return;
        }
        if is_name_like(inner) {
            label.name = Some(crate::chars::strip_ws(inner));
            return;
        }
        if ends_with_title(inner) {
            label.title = Some(inner.trim().to_string());
        }
    }
    if let Some((title, name)) = split_title_name(left) {
        label.title.get_or_insert_with(|| title.to_string());
        label.name = Some(name);
    } else if is_name_like(left) {
        label.name = Some(crate::chars::strip_ws(left));
    }
}

fn ends_with_title(s: &str) -> bool {
    let s = s.trim();
    TITLE_WORDS.iter().any(|w| s.ends_with(w))
}

/// Splits `主持人(…王某)` into `主持人` and `…王某`. Returns `None` when the
/// parentheses are unbalanced or text follows the closing one.
fn split_parenthetical(body: &str) -> Option<(&str, Option<&str>)> {
    let open = body.find(['(', '\u{FF08}']);
    let close = body.rfind([')', '\u{FF09}']);
    match (open, close) {
        (None, None) => Some((body, None)),
        (Some(o), Some(c)) if o < c && body[c..].chars().count() == 1 => {
            let open_len = body[o..].chars().next().map_or(1, char::len_utf8);
            let inner = body[o + open_len..c].trim();
            if inner.contains(['(', '\u{FF08}', ')', '\u{FF09}']) {
                return None;
            }
            Some((body[..o].trim(), Some(inner)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Label<'_> {
        candidate(s).unwrap_or_else(|| panic!("not a label: {s}"))
    }

    #[test]
    fn seed_labels() {
        let l = c("主持人\u{a0}\u{a0}\u{a0} 董晓林:");
        assert_eq!(l.role, Some(Role::Host));
        assert_eq!(l.name.as_deref(), Some("董晓林"));
        assert_eq!(l.body, "主持人\u{a0}\u{a0}\u{a0} 董晓林");
        let l = c("刘志杰:");
        assert_eq!(l.strength, Strength::Bare);
        assert!(l.surname);
        let l = c("山西日报记者:");
        assert_eq!(l.role, Some(Role::Journalist));
        assert_eq!(l.outlet.as_deref(), Some("山西日报"));
        assert_eq!(l.name, None);
        assert!(candidate("新闻界的各位朋友:").is_none());
    }

    #[test]
    fn inline_and_titled() {
        let l = c("主持人(省生态环境厅宣教处处长王某):各位记者朋友,上午好。");
        assert_eq!(l.role, Some(Role::Host));
        assert_eq!(l.name.as_deref(), Some("王某"));
        assert_eq!(l.title.as_deref(), Some("省生态环境厅宣教处处长"));
        assert_eq!(l.rest, "各位记者朋友,上午好。");
        let l = c("某省生态环境厅副厅长、新闻发言人张某:");
        assert_eq!(l.role, Some(Role::Official));
        assert_eq!(l.name.as_deref(), Some("张某"));
        assert_eq!(l.title.as_deref(), Some("某省生态环境厅副厅长、新闻发言人"));
        let l = c("張某(某省生態環境廳副廳長):");
        assert_eq!(l.name.as_deref(), Some("張某"));
        assert_eq!(l.title.as_deref(), Some("某省生態環境廳副廳長"));
    }

    #[test]
    fn question_answer_traditional() {
        assert_eq!(c("问:").role, Some(Role::Journalist));
        assert_eq!(c("問:").role, Some(Role::Journalist));
        assert_eq!(c("答:").role, Some(Role::Official));
        assert_eq!(c("記者:").role, Some(Role::Journalist));
        let l = c("香港商報記者:");
        assert_eq!(l.outlet.as_deref(), Some("香港商報"));
        assert_eq!(c("國家統計局新聞發言人:").role, Some(Role::Official));
    }

    #[test]
    fn not_labels() {
        for s in [
            "总书记指出:“要把深度贫困地区作为区域攻坚重点”",
            "今年我省“10.17”扶贫日的主题是:聚焦深度贫困",
            "他说:我们一定",
            "主要有:",
            "10:52",
            "具体如下:",
            "各位记者朋友:",
            "",
            ":",
        ] {
            assert!(candidate(s).is_none(), "{s}");
        }
    }
}
