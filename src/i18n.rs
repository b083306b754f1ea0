//! Interface text in 简体中文 (default) and English. Transcript text is never
//! translated: only the controls around it.

use leptos::prelude::*;
use shilu_ui::context::context;

pub use shilu_ui::i18n::{role_name, CommonTexts, I18n, Lang};
use shilu_ui::i18n::{COMMON_EN, COMMON_ZH};

/// The reader's texts of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Every interface string, one field each, so a missing translation is a
/// compile error.
pub struct Texts {
    /// What the panels show too (role names, turn counts).
    pub common: &'static CommonTexts,
    pub skip_to_content: &'static str,
    pub date: &'static str,
    pub place: &'static str,
    pub organiser: &'static str,
    pub participants: &'static str,
    pub open_file: &'static str,
    /// The library's module did not load.
    pub open_file_failed: &'static str,
    /// A link's transcript could not be read: the library did not load.
    pub link_failed: &'static str,
    pub paste_text: &'static str,
    pub my_transcripts: &'static str,
    pub theme_to_dark: &'static str,
    pub theme_to_light: &'static str,
    pub language_switch: &'static str,
    pub contents: &'static str,
    pub close: &'static str,
    pub panels: &'static str,
    pub panel_transcript: &'static str,
    pub panel_calendar: &'static str,
    pub panel_insights: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub matches: fn(usize) -> String,
    pub match_position: fn(usize, usize) -> String,
    pub next_match: &'static str,
    pub previous_match: &'static str,
    pub speakers: &'static str,
    pub everyone: &'static str,
    pub officials: &'static str,
    pub journalists: &'static str,
    pub hosts: &'static str,
    pub only: fn(&str) -> String,
    pub keep_qa: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    pub fold: &'static str,
    pub unfold: &'static str,
    pub hidden_turn: fn(&str, usize) -> String,
    pub show_turn: &'static str,
    pub answer_to: &'static str,
    /// A turn's link to its speaker's page on a corpus site.
    pub speaker_page: &'static str,
    pub front_matter: &'static str,
    pub appendix: &'static str,
    pub appendix_note: &'static str,
    pub permalink: &'static str,
    /// Hidden after a figure the panels mark: it conflicts with another.
    pub conflict_mark: &'static str,
    pub copy_citation: &'static str,
    pub copied_link: &'static str,
    pub copied_citation: &'static str,
    pub copy_failed: &'static str,
    /// The button over a selection in the transcript, and what it says.
    pub copy_quote: &'static str,
    pub copied_quote: &'static str,
    /// A selection beyond one field: the link quotes its first field's part.
    pub quote_clipped: &'static str,
    /// A quote link whose passage this transcript does not have.
    pub quote_missing: &'static str,
    pub keyboard_help: &'static str,
    // A panel whose module is loading.
    pub panel_loading: &'static str,
    pub panel_failed: &'static str,
    pub retry: &'static str,
}

pub static ZH: Texts = Texts {
    common: &COMMON_ZH,
    skip_to_content: "跳到正文",
    date: "日期",
    place: "地点",
    organiser: "主办",
    participants: "出席",
    open_file: "打开实录文件",
    open_file_failed: "实录库加载失败，请检查网络连接后重试。",
    link_failed: "链接所指的实录未能打开：实录库加载失败。下面显示的是内置示例。请检查网络连接后",
    paste_text: "粘贴文本",
    my_transcripts: "我的实录",
    theme_to_dark: "切换到深色主题",
    theme_to_light: "切换到浅色主题",
    language_switch: "English",
    contents: "目录",
    close: "关闭",
    panels: "视图",
    panel_transcript: "实录",
    panel_calendar: "日程",
    panel_insights: "数据",
    search: "搜索实录",
    search_placeholder: "搜索（按 / 聚焦）",
    matches: |n| format!("{n} 处匹配"),
    match_position: |i, n| format!("第 {i} / {n} 处"),
    next_match: "下一处",
    previous_match: "上一处",
    speakers: "发言人",
    everyone: "全部",
    officials: "仅官员",
    journalists: "仅记者",
    hosts: "仅主持人",
    only: |name| format!("只看{name}"),
    keep_qa: "问答保持在一起",
    expand_all: "全部展开",
    collapse_all: "全部折叠",
    fold: "折叠",
    unfold: "展开",
    hidden_turn: |name, n| format!("{name} 的发言已隐藏（{n} 段）"),
    show_turn: "显示",
    answer_to: "回答",
    speaker_page: "发言人页",
    front_matter: "导语",
    appendix: "附录",
    appendix_note: "以下内容位于发布会结束之后，为页面附带材料，不属于发布会实录。",
    permalink: "复制段落链接",
    conflict_mark: "（与另一处说法不一，查看核对）",
    copy_citation: "复制引用",
    copied_link: "已复制段落链接",
    copied_citation: "已复制引用",
    copy_failed: "复制失败，请手动复制地址栏中的链接",
    copy_quote: "复制引文链接",
    copied_quote: "已复制引文链接",
    quote_clipped: "引文限于一段之内，已截取第一段",
    quote_missing: "引文链接所指的文字不在此实录中",
    keyboard_help: "快捷键：/ 搜索，j / k 上一位 / 下一位发言人，Enter / Shift+Enter 跳转匹配，q 复制所选文字的引文链接",
    panel_loading: "正在加载…",
    panel_failed: "加载失败，请检查网络连接。",
    retry: "重试",
};

pub static EN: Texts = Texts {
    common: &COMMON_EN,
    skip_to_content: "Skip to the transcript",
    date: "Date",
    place: "Place",
    organiser: "Held by",
    participants: "Speakers",
    open_file: "Open a transcript file",
    open_file_failed: "Could not load the library; check the connection and try again.",
    link_failed: "The transcript this link names could not be opened: the library did not load. Below is the built-in sample. Check the connection, then",
    paste_text: "Paste text",
    my_transcripts: "My transcripts",
    theme_to_dark: "Switch to dark theme",
    theme_to_light: "Switch to light theme",
    language_switch: "中文",
    contents: "Contents",
    close: "Close",
    panels: "Views",
    panel_transcript: "Transcript",
    panel_calendar: "Calendar",
    panel_insights: "Insights",
    search: "Search the transcript",
    search_placeholder: "Search (press /)",
    matches: |n| {
        if n == 1 {
            "1 match".to_string()
        } else {
            format!("{n} matches")
        }
    },
    match_position: |i, n| format!("{i} of {n}"),
    next_match: "Next match",
    previous_match: "Previous match",
    speakers: "Speakers",
    everyone: "Everyone",
    officials: "Officials",
    journalists: "Journalists",
    hosts: "Host",
    only: |name| format!("Only {name}"),
    keep_qa: "Keep questions with answers",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    fold: "Collapse",
    unfold: "Expand",
    hidden_turn: |name, n| {
        let s = if n == 1 { "" } else { "s" };
        format!("{name}: hidden ({n} paragraph{s})")
    },
    show_turn: "Show",
    answer_to: "Answer",
    speaker_page: "Speaker page",
    front_matter: "Introduction",
    appendix: "Appendix",
    appendix_note:
        "What follows comes after the conference ended: page material, not part of the transcript.",
    permalink: "Copy link to paragraph",
    conflict_mark: " (given differently elsewhere: see the check)",
    copy_citation: "Copy citation",
    copied_link: "Link copied",
    copied_citation: "Citation copied",
    copy_failed: "Could not copy; copy the link from the address bar",
    copy_quote: "Copy quote link",
    copied_quote: "Quote link copied",
    quote_clipped: "A quote stays within one paragraph: the first one is quoted",
    quote_missing: "The quoted passage is not in this transcript",
    keyboard_help:
        "Keys: / search, j / k next / previous speaker, Enter / Shift+Enter next / previous match, q copy a quote link to the selection",
    panel_loading: "Loading…",
    panel_failed: "Could not load this panel; check the connection.",
    retry: "Try again",
};

/// Interface texts for the current language (tracks the language signal).
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy {
    let I18n(lang) = context::<I18n>();
    move || texts(lang.get())
}

/// A piece of interface text that follows the language, e.g.
/// `text(|t| t.contents)`. Every label is the same `Signal` type built by
/// the same closure, so a label costs no code of its own (a `move || t().x`
/// closure per label costs wasm for each one).
pub fn text(pick: fn(&Texts) -> &'static str) -> Signal<&'static str> {
    let I18n(lang) = context::<I18n>();
    Signal::derive(move || pick(texts(lang.get())))
}
