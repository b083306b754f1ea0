//! What a label's speaker part says: `主持人    董晓林`, `刘志杰`,
//! `山西日报记者`, `主持人(省生态环境厅宣教处处长王某)`, `问`, `答`,
//! `国家统计局局长 宁吉喆`, `行政長官`, `Audrey Tang`, `Question`, in
//! simplified or traditional characters.
//!
//! [`read`] gives the reading of one label syntax (see [`super::syntax`]),
//! or `None` when the text before the colon is plainly not a speaker (a
//! vocative, a lead-in, a quotation, a list item, a metadata key). Whether
//! a reading *is* a label depends on the whole document (see
//! [`super::evidence`]).

use super::names::{split_title_name, TITLE_WORDS};
use super::syntax::{Form, Syntax};
use super::titles::{split_name_title, split_office_name, surname_title};
use crate::chars::{
    contains_any, find_any, has_surname, is_han, is_label_breaker, is_name_like, listed,
    longest_word, strip_ws,
};
use crate::model::Role;

/// What kind of speaker a label names: how much it says by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    /// A role word: `主持人`, `记者`, `问`, `答`, `发言人`, `Moderator`.
    Role,
    /// A title before a name: `国家统计局局长 宁吉喆`.
    Titled,
    /// A journalist's outlet: `中央广播电视总台央视记者`.
    Outlet,
    /// A personal name: `华春莹`, `刘志杰`.
    Name,
    /// A name in Latin script: `Audrey Tang`, `Kolas Yotaka`.
    Latin,
    /// A title alone: `行政長官`, `国家统计局新闻发言人` is a role.
    TitleOnly,
    /// One character that may stand for a speaker named in full
    /// elsewhere: `謝` for `謝振中`, `記` for `記者`.
    Initial,
    /// Anything else, read as a label only in marked form (`### cheers：`).
    Other,
}

impl Shape {
    /// Shapes that make a label by themselves.
    pub fn is_strong(self) -> bool {
        matches!(self, Shape::Role | Shape::Titled | Shape::Outlet)
    }
}

/// A label candidate: its syntax and what its speaker part says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<'a> {
    pub form: Form,
    /// The label as written, markup and colon included.
    pub label: &'a str,
    /// The speaker part as written.
    pub body: &'a str,
    /// Speech following the label on the same line (may be empty).
    pub rest: &'a str,
    pub shape: Shape,
    /// The role the label names, if it names one.
    pub role: Option<Role>,
    /// The person's name, when the label gives one.
    pub name: Option<String>,
    pub title: Option<String>,
    /// A journalist's outlet: `山西日报` in `山西日报记者`.
    pub outlet: Option<String>,
    /// Whether a Chinese name starts with a common surname.
    pub surname: bool,
}

impl Label<'_> {
    /// The key under which the document counts this speaker's labels.
    pub fn key(&self) -> String {
        self.name.clone().unwrap_or_else(|| strip_ws(self.body))
    }
}

const HOST_WORDS: &[&str] = &["主持人", "主持", "司仪", "司儀"];
/// Role words that name the host only when they are the whole label.
const HOST_ALONE: &[&str] = &["主席", "主持人员", "代理主席", "代理主持人"];
const JOURNALIST_WORDS: &[&str] = &["记者", "記者"];
const QUESTION: &[&str] = &[
    "问",
    "問",
    "提问",
    "提問",
    "媒体提问",
    "媒體提問",
    "媒体",
    "媒體",
    "记者问",
    "記者問",
    "现场提问",
    "現場提問",
    "网友提问",
    "網友提問",
    "网友",
    "網友",
];
const ANSWER: &[&str] = &["答", "回答"];
const SPOKESPERSON: &[&str] = &["发言人", "發言人", "发布人", "發布人", "發佈人"];
const EN_HOST: &[&str] = &[
    "moderator",
    "host",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "mc",
    "facilitator",
    "presenter",
];
const EN_QUESTION: &[&str] = &[
    "question",
    "q",
    "reporter",
    "journalist",
    "interviewer",
    "press",
];
const EN_ANSWER: &[&str] = &["answer", "a", "spokesperson", "spokesman", "spokeswoman"];
const VOCATIVES: Words = Words::new(
    "各位|大家|朋友|女士们|先生们|同志们|同志們|同胞|来宾|來賓|你们|你們|您好|亲爱的|親愛的",
);
/// Endings of a verb of saying or listing: `王某说:`, `主要有:`.
const SAYING_ENDS: Words = Words::new("说|說|讲|講|称|稱|道|问道|問道|答道|是|有|为|為|的|了|们|們|等|表示|指出|强调|強調|认为|認為|介绍|介紹|透露|提到|谈到|談到|补充|補充|如下|包括|以下|如次|写道|寫道|回应|回應|宣布|要求|提出|总结|總結|告诉|告訴|例如|比如|即|分别|分別|在于|在於");
/// Keys of metadata lines: never speakers.
const META_KEYS: Words = Words::new("时间|時間|日期|地点|地點|主题|主題|来源|來源|原标题|原標題|标题|標題|副标题|副標題|责任编辑|責任編輯|编辑|編輯|作者|摄影|攝影|发布时间|發布時間|发布日期|發布日期|更新时间|更新時間|链接|鏈接|网址|網址|附件|注|备注|備註|关键词|關鍵詞|题目|題目|会议主题|會議主題|文字实录|文字實錄|视频|視頻|图片|圖片|Source|Date|Time|Title|Tags|Note|URL|Link");

/// The first characters of [`META_KEYS`], checked before the list: most
/// labels are names, which start otherwise.
fn may_be_meta_key(body: &str) -> bool {
    body.chars().next().is_some_and(|c| {
        "DLNSTU主会作來備关副原发图圖地备摄攝文日时時更會来标標注發網編编网視视責责鏈链關附題题"
            .contains(c)
    })
}

/// A list of words in one string, `|` between them: less data in the
/// wasm than a slice of string slices.
struct Words {
    list: &'static str,
    /// The longest word's length in bytes (computed at compile time).
    longest: usize,
}

impl Words {
    const fn new(list: &'static str) -> Words {
        Words {
            list,
            longest: longest_word(list),
        }
    }

    fn contains(&self, w: &str) -> bool {
        listed(self.list, w)
    }

    fn in_text(&self, s: &str) -> bool {
        self.list.split('|').any(|x| s.contains(x))
    }

    /// Whether `s` ends with one of the words: each ending of `s` no
    /// longer than the longest word is looked up.
    fn ends(&self, s: &str) -> bool {
        s.char_indices()
            .rev()
            .take_while(|&(i, _)| s.len() - i <= self.longest)
            .any(|(i, _)| listed(self.list, &s[i..]))
    }
}

/// The label candidate of a trimmed line: its syntax, read.
pub fn candidate(text: &str) -> Option<Label<'_>> {
    read(&super::syntax::label(text)?)
}

/// Reads a label syntax, or `None` when its speaker part is plainly not a
/// speaker.
pub fn read<'a>(syn: &Syntax<'a>) -> Option<Label<'a>> {
    let body = syn.body;
    let mut label = Label {
        form: syn.form,
        label: syn.label,
        body,
        rest: syn.rest,
        shape: Shape::Other,
        role: None,
        name: None,
        title: None,
        outlet: None,
        surname: false,
    };
    // A paragraph all in bold (`**記者：請問…？**`) is read as plain text.
    let marked = syn.form.is_marked() && !is_open_bold(syn.form, syn.rest);
    // `### 1：` names an anonymous speaker; `1. 总体要求：` opens an item.
    let item = is_list_item(body)
        && !(marked && body.chars().all(|c| c.is_ascii_alphanumeric() || is_han(c)));
    if may_be_meta_key(body) && META_KEYS.contains(body) {
        return None;
    }
    if item {
        return numbered(syn);
    }
    if !body.chars().any(is_han) {
        return latin(label);
    }
    if body.chars().nth(1).is_none() && !QUESTION.contains(&body) && !ANSWER.contains(&body) {
        // `謝：`, `記：`: decided once the document's full labels are known.
        label.shape = Shape::Initial;
        return Some(label);
    }
    if !marked {
        // Plain prefixes need to look like a label to be one.
        if body.chars().any(is_label_breaker) || VOCATIVES.in_text(body) {
            return None;
        }
        if opens_quotation(syn.rest) && SAYING_ENDS.ends(body) {
            return None;
        }
    }
    let Some((outer, inner)) = split_parenthetical(body) else {
        return marked.then_some(label);
    };
    if read_role(&mut label, outer, inner) {
        return Some(label);
    }
    // A title before a name: `省扶贫办主任刘志杰`, `国家统计局局长 宁吉喆`.
    if let Some((title, name)) = split_title_name(outer) {
        label.shape = Shape::Titled;
        label.role = Some(Role::Official);
        label.title = Some(title.to_string());
        label.name = Some(name);
        return Some(label);
    }
    if let Some(inner) = inner {
        // `張某(某省生態環境廳副廳長)`, `陈某(省扶贫办主任刘志杰)`.
        if let Some((title, name)) = split_title_name(inner) {
            label.shape = Shape::Titled;
            label.role = Some(Role::Official);
            label.title = Some(title.to_string());
            label.name = Some(name);
            return Some(label);
        }
        if is_name_like(outer) && ends_with_title(inner) {
            label.shape = Shape::Titled;
            label.role = Some(Role::Official);
            label.title = Some(inner.trim().to_string());
            label.name = Some(strip_ws(outer));
            return Some(label);
        }
        return marked.then_some(label);
    }
    if !marked && SAYING_ENDS.ends(outer) {
        return None;
    }
    // `鏡傳媒`, `台視`, `彭博社`: an outlet by its ending.
    if is_outlet(outer) {
        label.shape = Shape::Outlet;
        label.role = Some(Role::Journalist);
        label.outlet = Some(strip_ws(outer));
        return Some(label);
    }
    // `莊副署長`: a surname and the title the others address the speaker
    // by (see [`super::initials`] for the full name).
    if let Some(title) = surname_title(outer) {
        label.shape = Shape::Name;
        label.role = official_title(title).then_some(Role::Official);
        label.title = Some(title.to_string());
        label.name = Some(outer.trim().to_string());
        label.surname = true;
        return Some(label);
    }
    // `黃毓民議員`, `陳家強局長`: a name, then the title it is addressed by.
    if let Some((name, title)) = split_name_title(outer) {
        label.shape = Shape::Titled;
        label.role = official_title(title).then_some(Role::Official);
        label.title = Some(title.to_string());
        label.name = Some(name.to_string());
        label.surname = true;
        return Some(label);
    }
    // `省人民政府新闻办公室李静`: an office, then a name.
    if let Some((office, name)) = split_office_name(outer) {
        label.shape = Shape::Name;
        label.title = Some(office.to_string());
        label.name = Some(name.to_string());
        label.surname = true;
        return Some(label);
    }
    if is_name_like(outer) {
        let name = strip_ws(outer);
        label.surname = has_surname(&name);
        // `行政長官`, `省长`: a title, not a name.
        if ends_with_title(outer) && !label.surname {
            label.shape = Shape::TitleOnly;
            label.role = official_title(&name).then_some(Role::Official);
            label.title = Some(name);
            return Some(label);
        }
        label.shape = Shape::Name;
        label.name = Some(name);
        return Some(label);
    }
    if ends_with_title(outer) && outer.chars().count() <= 24 {
        label.shape = Shape::TitleOnly;
        label.title = Some(strip_ws(outer));
        label.role = official_title(outer).then_some(Role::Official);
        return Some(label);
    }
    marked.then_some(label)
}

/// A paragraph all in bold whose label is inside the bold:
/// `**記者：請問…？**`.
pub fn is_open_bold(form: Form, rest: &str) -> bool {
    form == Form::Bold && rest.ends_with("**")
}

/// `1. 陳家洛議員：`: a numbered question names its asker, a person with
/// a title; `1. 总体要求：` opens a list item.
fn numbered<'a>(syn: &Syntax<'a>) -> Option<Label<'a>> {
    let b = syn.body;
    let digits = b.len()
        - b.trim_start_matches(|c| crate::chars::digit(c).is_some())
            .len();
    let rest = b[digits..].strip_prefix(['.', '．', '、'])?.trim_start();
    if digits == 0 || rest.is_empty() {
        return None;
    }
    let l = read(&Syntax { body: rest, ..*syn })?;
    let person = l.title.is_some() && l.name.as_deref().is_some_and(has_surname);
    person.then_some(l)
}

/// Titles of a member of an assembly: they ask the officials.
const MEMBER_TITLES: Words = Words::new("議員|议员|委員|委员|代表|主席");
/// Endings of an office holder's title: `局長`, `行政長官`, `主任`.
const OFFICIAL_ENDS: Words = Words::new("长|長|官|主任|书记|書記|专员|專員|秘书|秘書|发言人|發言人|总监|總監|巡视员|巡視員|调研员|調研員|参事|參事|政委|司令员|司令員|特派员|特派員|大使|警司");

/// Whether a title names an official (`財經事務及庫務局局長`), not a
/// member of an assembly (`議員`) or someone else (`教授`).
pub fn official_title(title: &str) -> bool {
    let t = title.trim();
    !MEMBER_TITLES.ends(t) && OFFICIAL_ENDS.ends(t)
}

/// Role words: host, journalist, question, answer, spokesperson.
fn read_role(label: &mut Label<'_>, outer: &str, inner: Option<&str>) -> bool {
    let role = |label: &mut Label<'_>, role| {
        label.shape = Shape::Role;
        label.role = Some(role);
        true
    };
    if QUESTION.contains(&outer) {
        return role(label, Role::Journalist);
    }
    if ANSWER.contains(&outer) {
        return role(label, Role::Official);
    }
    if HOST_ALONE.contains(&outer) && inner.is_none() {
        return role(label, Role::Host);
    }
    if let Some((i, w)) = find_any(outer, HOST_WORDS) {
        // `主持人 董晓林`, `主持人(…王某)`; not `…主持的`.
        let left = format!("{} {}", &outer[..i], &outer[i + w.len()..]);
        if i == 0 || left.trim().is_empty() || inner.is_some() || outer[..i].ends_with(' ') {
            role(label, Role::Host);
            fill_person(label, left.trim(), inner);
            return true;
        }
    }
    if let Some((i, w)) = find_any(outer, JOURNALIST_WORDS) {
        role(label, Role::Journalist);
        let outlet = outer[..i].trim();
        if !outlet.is_empty() {
            label.shape = Shape::Outlet;
            label.outlet = Some(outlet.to_string());
        }
        let after = outer[i + w.len()..].trim();
        if is_name_like(after) {
            label.name = Some(strip_ws(after));
        }
        return true;
    }
    if contains_any(outer, SPOKESPERSON) {
        role(label, Role::Official);
        fill_person(label, outer, inner);
        if label.name.is_none() && label.title.is_none() && outer.chars().count() > 3 {
            label.title = Some(strip_ws(outer));
        }
        return true;
    }
    false
}

/// English role words and Latin-script names: `Moderator`, `Q`,
/// `Audrey Tang`, `Kolas Yotaka`.
fn latin(mut label: Label<'_>) -> Option<Label<'_>> {
    let body = label.body;
    let lower = body.to_ascii_lowercase();
    let word = lower.trim_end_matches('.');
    for (words, role) in [
        (EN_HOST, Role::Host),
        (EN_QUESTION, Role::Journalist),
        (EN_ANSWER, Role::Official),
    ] {
        if words.contains(&word) {
            label.shape = Shape::Role;
            label.role = Some(role);
            return Some(label);
        }
    }
    if label.form.is_marked() {
        label.shape = if is_latin_name(body) {
            Shape::Latin
        } else {
            Shape::Other
        };
        label.name = (label.shape == Shape::Latin).then(|| body.to_string());
        return Some(label);
    }
    if is_latin_name(body) {
        label.shape = Shape::Latin;
        label.name = Some(body.to_string());
        return Some(label);
    }
    None
}

/// Endings of a news outlet's name (simplified and traditional).
const OUTLET_ENDS: Words = Words::new("报|報|社|网|網|台|视|視|新闻|新聞|传媒|傳媒|媒体|媒體|周刊|週刊|杂志|雜誌|电台|電台|频道|頻道|客户端|客戶端|通讯|通訊|日报|日報|时报|時報|晚报|晚報");

/// A short name that ends as outlets do: `鏡傳媒`, `彭博社`, `台視`,
/// `央廣` (but `李广` is a person).
fn is_outlet(s: &str) -> bool {
    let n = s.chars().count();
    // The cheap tests first: most speakers end otherwise.
    let person = || n <= 3 && is_name_like(s) && has_surname(&strip_ws(s));
    (2..=14).contains(&n)
        && OUTLET_ENDS.ends(s)
        && s.chars()
            .all(|c| is_han(c) || c == '、' || c.is_ascii_alphanumeric())
        && !person()
}

/// One to four capitalised words: `Audrey Tang`, `Paul B. Preciado`,
/// `Frédéric Laffont`. Latin letters only (ASCII and Latin-1 to Latin
/// Extended-B): no Unicode tables in the wasm.
fn is_latin_name(s: &str) -> bool {
    let letter = |c: char| {
        c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) && c != '×' && c != '÷'
    };
    let upper = |c: char| c.is_ascii_uppercase() || ('\u{C0}'..='\u{DE}').contains(&c) && c != '×';
    let mut words = 0;
    for w in s.split_whitespace() {
        words += 1;
        let mut c = w.chars();
        if words > 4
            || !c.next().is_some_and(upper)
            || !c.all(|c| letter(c) || matches!(c, '.' | '-' | '\''))
        {
            return false;
        }
    }
    words > 0
}

/// `一、`, `1.`, `（一）`, `第一`: the start of a list item, not a speaker
/// (`21世纪经济报道记者` starts with digits but no list mark).
fn is_list_item(body: &str) -> bool {
    let b = body.strip_prefix(['(', '（']).unwrap_or(body);
    if let Some(rest) = b.strip_prefix('第') {
        return rest.starts_with(crate::chars::is_cn_numeral);
    }
    let numeral = |c: char| crate::chars::is_cn_numeral(c) || crate::chars::digit(c).is_some();
    let n = b.chars().take_while(|&c| numeral(c)).count();
    if n == 0 {
        return false;
    }
    // `1、`, `1.`, `一是`, `（一）`, `1)`: a numeral and a list mark.
    b.chars()
        .nth(n)
        .is_some_and(|c| matches!(c, '、' | '.' | '．' | '是' | ')' | '）'))
}

/// Speech that opens with a quotation mark: `我说：「…」`.
fn opens_quotation(rest: &str) -> bool {
    rest.starts_with(['“', '「', '『', '"', '‘'])
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
            label.name = Some(strip_ws(inner));
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
        label.name = Some(strip_ws(left));
    }
}

fn ends_with_title(s: &str) -> bool {
    let s = s.trim();
    // The last bytes first: most words end otherwise.
    let last = s.as_bytes().last();
    TITLE_WORDS
        .iter()
        .any(|w| w.as_bytes().last() == last && s.ends_with(w))
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
        assert_eq!(l.label, "主持人\u{a0}\u{a0}\u{a0} 董晓林:");
        let l = c("刘志杰:");
        assert_eq!(l.shape, Shape::Name);
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
        let l = c("主持人（省生态环境厅宣传教育处处长王立新）：各位记者朋友");
        assert_eq!(l.name.as_deref(), Some("王立新"));
        assert_eq!(l.title.as_deref(), Some("省生态环境厅宣传教育处处长"));
        let l = c("某省生态环境厅副厅长、新闻发言人张某:");
        assert_eq!(l.role, Some(Role::Official));
        assert_eq!(l.name.as_deref(), Some("张某"));
        assert_eq!(l.title.as_deref(), Some("某省生态环境厅副厅长、新闻发言人"));
        let l = c("張某(某省生態環境廳副廳長):");
        assert_eq!(l.name.as_deref(), Some("張某"));
        assert_eq!(l.title.as_deref(), Some("某省生態環境廳副廳長"));
        let l = c("国家统计局局长 宁吉喆：");
        assert_eq!(
            (l.shape, l.name.as_deref()),
            (Shape::Titled, Some("宁吉喆"))
        );
        assert_eq!(l.title.as_deref(), Some("国家统计局局长"));
    }

    #[test]
    fn outlets_and_titles() {
        let l = c("中央广播电视总台央视记者：");
        assert_eq!(
            (l.shape, l.outlet.as_deref()),
            (Shape::Outlet, Some("中央广播电视总台央视"))
        );
        let l = c("人民日报、人民网和人民日报客户端记者：");
        assert_eq!(
            l.outlet.as_deref(),
            Some("人民日报、人民网和人民日报客户端")
        );
        let l = c("鏡傳媒：");
        assert_eq!((l.shape, l.role), (Shape::Outlet, Some(Role::Journalist)));
        assert_eq!(c("台視：").shape, Shape::Outlet);
        let l = c("行政長官：首先");
        assert_eq!(
            (l.shape, l.title.as_deref()),
            (Shape::TitleOnly, Some("行政長官"))
        );
        assert_eq!(c("國家統計局新聞發言人:").role, Some(Role::Official));
    }

    #[test]
    fn question_answer_traditional() {
        assert_eq!(c("问:").role, Some(Role::Journalist));
        assert_eq!(c("問:").role, Some(Role::Journalist));
        assert_eq!(c("答:").role, Some(Role::Official));
        assert_eq!(c("記者:").role, Some(Role::Journalist));
        assert_eq!(c("司儀：").role, Some(Role::Host));
        assert_eq!(c("主席：").role, Some(Role::Host));
        assert_eq!(c("媒體提問：").role, Some(Role::Journalist));
        let l = c("香港商報記者:");
        assert_eq!(l.outlet.as_deref(), Some("香港商報"));
    }

    #[test]
    fn latin_and_marked() {
        assert_eq!(c("Question:").role, Some(Role::Journalist));
        assert_eq!(c("Moderator:").role, Some(Role::Host));
        let l = c("### Kolas Yotaka：");
        assert_eq!(
            (l.shape, l.name.as_deref()),
            (Shape::Latin, Some("Kolas Yotaka"))
        );
        assert_eq!(c("### cheers：").shape, Shape::Other);
        assert_eq!(c("Audrey Tang: hello").shape, Shape::Latin);
        assert!(candidate("Note: this is").is_none());
        assert!(candidate("the plan: go").is_none());
    }

    #[test]
    fn every_meta_key_is_checked() {
        for w in META_KEYS.list.split('|') {
            assert!(may_be_meta_key(w), "{w}");
        }
        assert!(!may_be_meta_key("刘志杰"));
    }

    #[test]
    fn not_labels() {
        for s in [
            "总书记指出:“要把深度贫困地区作为区域攻坚重点”",
            "今年我省“10.17”扶贫日的主题是:聚焦深度贫困",
            "他说:我们一定",
            "我说：「我们一定」",
            "主要有:",
            "10:52",
            "具体如下:",
            "主要包括：",
            "各位记者朋友:",
            "一、工作目标：",
            "1. 总体要求：",
            "（一）基本原则：",
            "来源：新华网",
            "责任编辑：张某",
            "原标题：某某",
            "",
            ":",
        ] {
            assert!(candidate(s).is_none(), "{s}");
        }
    }
}
