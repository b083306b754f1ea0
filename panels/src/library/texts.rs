//! The library's interface text (我的实录, 粘贴文本, the alerts), in 简体中文
//! and English. Like the panels' texts, only the lazily loaded module
//! carries it.

use shilu_core::decode::DecodeError;
use shilu_ui::i18n::Lang;

/// Every string the library shows, one field each.
pub struct LibraryTexts {
    pub heading: &'static str,
    pub close: &'static str,
    pub remove: &'static str,
    pub open: &'static str,
    pub open_file: &'static str,
    pub current: &'static str,
    pub seed_note: &'static str,
    pub speakers: fn(&str) -> String,
    pub no_date: &'static str,
    pub loading: &'static str,
    pub unreadable: &'static str,
    pub paste_heading: &'static str,
    pub paste_label: &'static str,
    pub paste_hint: &'static str,
    pub pasted_name: &'static str,
    pub dismiss: &'static str,
    /// A file that was not opened, and why.
    pub refused: fn(&str, &str) -> String,
    pub too_large: fn(u64) -> String,
    /// The progress bar's name: the file's (or `pasted_name`).
    pub opening: fn(&str) -> String,
    /// Where the opening is.
    pub reading_file: &'static str,
    pub parsing: &'static str,
    pub unreadable_file: &'static str,
    /// Opened, but the browser would not keep it.
    pub not_kept: fn(&str) -> String,
    /// A transcript opened with no speakers found.
    pub no_speakers: fn(&str) -> String,
    /// A link names a transcript this browser does not have.
    pub missing: fn(&str) -> String,
    /// A link names a transcript, and the library could not be read.
    pub library_failed: fn(&str) -> String,
    pub empty: &'static str,
    pub whitespace: &'static str,
    pub binary: &'static str,
    pub malformed: fn(&str) -> String,
    pub unknown_encoding: &'static str,
    /// A folder's file that is not a `.txt` or `.md`.
    pub not_text: &'static str,
    /// The folder picker's label.
    pub open_folder: &'static str,
    /// The progress bar's name while a folder is read: done, of all.
    pub reading_folder: fn(usize, usize) -> String,
    /// A folder read: how many kept, how many skipped (named after it).
    pub folder_read: fn(usize, usize) -> String,
    /// The library search's label, and its hint.
    pub search_label: &'static str,
    pub search_hint: &'static str,
    /// The results' name.
    pub results: &'static str,
    /// Passages and transcripts found.
    pub found: fn(usize, usize) -> String,
    /// More results than shown.
    pub shown_first: fn(usize) -> String,
    pub show_more: &'static str,
    pub searching: &'static str,
    /// Transcripts kept before search existed, being made searchable.
    pub indexing: fn(usize) -> String,
    pub query_empty: &'static str,
    pub query_only_exclusions: &'static str,
    pub query_too_long: &'static str,
    /// The library holds no transcript to search.
    pub nothing_kept: &'static str,
}

impl LibraryTexts {
    /// What is wrong with a file, in the reader's words.
    pub fn problem(&self, e: &DecodeError) -> String {
        match e {
            DecodeError::Empty => self.empty.into(),
            DecodeError::WhitespaceOnly => self.whitespace.into(),
            DecodeError::Binary => self.binary.into(),
            DecodeError::LegacyEncoding { encoding } | DecodeError::Malformed { encoding } => {
                (self.malformed)(encoding)
            }
            DecodeError::UnknownEncoding => self.unknown_encoding.into(),
        }
    }
}

/// The library's texts of `lang`.
pub fn library_texts(lang: Lang) -> &'static LibraryTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: LibraryTexts = LibraryTexts {
    heading: "我的实录",
    close: "关闭",
    remove: "删除",
    open: "打开",
    open_file: "打开实录文件",
    current: "正在阅读",
    seed_note: "内置示例，不能删除",
    speakers: |s| format!("发言人：{s}"),
    no_date: "日期不详",
    loading: "正在读取本浏览器保存的实录…",
    unreadable: "无法读取本浏览器保存的实录（存储被禁用或出错）。",
    paste_heading: "粘贴文本",
    paste_label: "实录文本",
    paste_hint: "把实录全文粘贴到这里，然后选择“打开”。",
    pasted_name: "粘贴的文本",
    dismiss: "知道了",
    refused: |name, why| format!("未打开“{name}”：{why}。正在阅读的实录保持不变。"),
    too_large: |mb| format!("文件超过 {mb} MB，太大了"),
    opening: |name| format!("正在打开“{name}”"),
    reading_file: "正在读取文件…",
    parsing: "正在分析发言人和结构…",
    unreadable_file: "无法读取该文件",
    not_kept: |title| {
        format!("“{title}”已打开，但本浏览器无法保存它（存储已满、被禁用或出错）：刷新或关闭页面后它将不再保留。")
    },
    no_speakers: |name| format!("“{name}”中没有识别出发言人，按普通段落显示。"),
    missing: |key| {
        format!("本浏览器没有链接所指的实录（编号 {key}）。下面显示的是内置示例，不是链接所指的实录。如果你有这份实录的文件，请打开它。")
    },
    library_failed: |key| {
        format!("无法读取本浏览器保存的实录（存储被禁用或出错），链接所指的实录（编号 {key}）无法打开。下面显示的是内置示例。如果你有这份实录的文件，请打开它。")
    },
    empty: "没有内容",
    whitespace: "只有空白，没有文字",
    binary: "这是二进制数据，不是文本实录",
    malformed: |enc| format!("不是有效的 {enc} 文本"),
    unknown_encoding: "无法识别编码（应为 UTF-8、UTF-16 或 GB18030/GBK）",
    not_text: "不是 .txt 或 .md 文件",
    open_folder: "打开文件夹",
    reading_folder: |done, all| format!("正在读取文件夹：{done} / {all}"),
    folder_read: |kept, skipped| {
        if skipped == 0 {
            format!("已从文件夹保存 {kept} 篇实录。")
        } else {
            format!("已从文件夹保存 {kept} 篇实录，跳过 {skipped} 个文件：")
        }
    },
    search_label: "搜索我的实录",
    search_hint: "多个词须同时出现；\"引号\"内为短语；-词 排除。简繁通用。",
    results: "搜索结果",
    found: |p, t| format!("{t} 篇实录中有 {p} 段"),
    shown_first: |n| format!("显示前 {n} 段"),
    show_more: "显示更多",
    searching: "正在搜索…",
    indexing: |n| format!("正在为之前保存的 {n} 篇实录建立索引…"),
    query_empty: "请输入要搜索的词或短语",
    query_only_exclusions: "请加上要找的词：减号后的词只用于排除",
    query_too_long: "搜索词最多 1000 个字",
    nothing_kept: "本浏览器还没有保存实录：打开文件或文件夹后即可搜索。",
};

static EN: LibraryTexts = LibraryTexts {
    heading: "My transcripts",
    close: "Close",
    remove: "Remove",
    open: "Open",
    open_file: "Open transcript file",
    current: "Reading now",
    seed_note: "Built-in sample, cannot be removed",
    speakers: |s| format!("Speakers: {s}"),
    no_date: "Date unknown",
    loading: "Reading the transcripts this browser keeps…",
    unreadable:
        "The transcripts this browser keeps cannot be read (storage is blocked or failing).",
    paste_heading: "Paste text",
    paste_label: "Transcript text",
    paste_hint: "Paste the whole transcript here, then choose Open.",
    pasted_name: "Pasted text",
    dismiss: "Dismiss",
    refused: |name, why| {
        format!("“{name}” was not opened: {why}. The transcript you are reading stays.")
    },
    too_large: |mb| format!("the file is over {mb} MB, too large"),
    opening: |name| format!("Opening “{name}”"),
    reading_file: "Reading the file…",
    parsing: "Finding the speakers and the structure…",
    unreadable_file: "the file could not be read",
    not_kept: |title| {
        format!("“{title}” is open, but this browser cannot keep it (storage is full, blocked or failing): it will be gone after a reload.")
    },
    no_speakers: |name| {
        format!("No speakers were recognised in “{name}”: it is shown as plain paragraphs.")
    },
    missing: |key| {
        format!("This browser does not have the transcript the link names (key {key}). What you see below is the built-in sample, not that transcript. If you have its file, open it.")
    },
    library_failed: |key| {
        format!("The transcripts this browser keeps cannot be read (storage is blocked or failing), so the transcript the link names (key {key}) cannot be opened. What you see below is the built-in sample. If you have its file, open it.")
    },
    empty: "there is nothing in it",
    whitespace: "it holds only whitespace, no text",
    binary: "this is binary data, not a text transcript",
    malformed: |enc| format!("it is not valid {enc} text"),
    unknown_encoding: "its encoding is not recognised (UTF-8, UTF-16 or GB18030/GBK expected)",
    not_text: "not a .txt or .md file",
    open_folder: "Open folder",
    reading_folder: |done, all| format!("Reading the folder: {done} of {all}"),
    folder_read: |kept, skipped| {
        if skipped == 0 {
            format!("Kept {kept} transcripts from the folder.")
        } else {
            format!("Kept {kept} transcripts from the folder; {skipped} files skipped:")
        }
    },
    search_label: "Search my transcripts",
    search_hint: "All words must appear; \"quotes\" make a phrase; -word leaves out. Traditional and simplified alike.",
    results: "Search results",
    found: |p, t| format!("{p} passages in {t} transcripts"),
    shown_first: |n| format!("Showing the first {n} passages"),
    show_more: "Show more",
    searching: "Searching…",
    indexing: |n| format!("Making {n} transcripts kept earlier searchable…"),
    query_empty: "Type a word or phrase to search for",
    query_only_exclusions: "Add a word to find: a word after a minus only leaves out",
    query_too_long: "A search term can be at most 1,000 characters long",
    nothing_kept: "This browser keeps no transcripts yet: open files or a folder to search them.",
};
