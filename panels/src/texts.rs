//! The panels' interface text, in 简体中文 and English, apart from the
//! reader's texts so that the first visit does not carry it: only the
//! panels' module refers to these statics.

use leptos::prelude::*;
use shilu_ui::context::context;
use shilu_ui::i18n::{CommonTexts, I18n, Lang, COMMON_EN, COMMON_ZH};

/// Every string of the calendar and insights panels, one field each; the
/// reader's texts they share (role names, turn counts) are `common`.
pub struct PanelTexts {
    pub common: &'static CommonTexts,
    // Calendar.
    pub calendar_heading: &'static str,
    pub no_events: &'static str,
    pub ics_group: &'static str,
    /// The activities download, named after the plan's day when known.
    pub ics_activities: fn(Option<&str>) -> String,
    pub ics_all: &'static str,
    pub prev_month: &'static str,
    pub next_month: &'static str,
    pub month_jump: &'static str,
    pub month_title: fn(i32, u32) -> String,
    pub month_short: fn(i32, u32) -> String,
    pub date_full: fn(i32, u32, u32) -> String,
    pub date_short: fn(u32, u32) -> String,
    /// Monday first.
    pub weekdays: [&'static str; 7],
    pub weekdays_short: [&'static str; 7],
    pub events_count: fn(usize) -> String,
    pub approximate: &'static str,
    pub planned: &'static str,
    pub done: &'static str,
    pub lead_unit: &'static str,
    pub until: &'static str,
    pub undated: &'static str,
    pub undated_heading: &'static str,
    pub chosen_day: &'static str,
    pub choose_day: &'static str,
    pub no_events_on_day: &'static str,
    pub agenda: &'static str,
    pub timeline: &'static str,
    pub timeline_desc: fn(usize, &str, &str) -> String,
    pub conference_marker: &'static str,
    pub later_plans: &'static str,
    pub see_in_transcript: &'static str,
    // Insights.
    pub insights_heading: &'static str,
    pub speaker_stats: &'static str,
    pub chars_count: fn(usize) -> String,
    pub qa_heading: &'static str,
    pub answered_by: &'static str,
    pub no_qa: &'static str,
    pub figures_heading: &'static str,
    pub figures_count: fn(usize) -> String,
    pub unit: &'static str,
    pub all_units: &'static str,
    pub sort_by_order: &'static str,
    pub figure_value: &'static str,
    pub figure_label: &'static str,
    pub figure_speaker: &'static str,
    /// A figure said several times: how many (hidden beside `×n`).
    pub times: fn(usize) -> String,
    pub also_at: &'static str,
    // Checks.
    pub checks_heading: &'static str,
    pub conflicts_heading: &'static str,
    pub arithmetic_heading: &'static str,
    pub no_conflicts: &'static str,
    pub no_arithmetic: &'static str,
    pub consistent: &'static str,
    pub inconsistent: &'static str,
    pub kind_sum: &'static str,
    pub kind_share: &'static str,
    pub kind_growth: &'static str,
    /// Repeated figures, merged in the figures table.
    pub repeats_note: fn(usize) -> String,
    /// The `n`th paragraph a check or a name links to (1-based).
    pub mention: fn(usize) -> String,
    // Names.
    pub documents_heading: &'static str,
    pub programmes_heading: &'static str,
    pub lead_units_heading: &'static str,
    pub named_by: &'static str,
    pub none_named: &'static str,
    // Exports.
    pub exports_heading: &'static str,
    pub export_json: &'static str,
    pub export_markdown: &'static str,
    pub export_ics: &'static str,
}

/// The panel texts of `lang`.
pub fn panel_texts(lang: Lang) -> &'static PanelTexts {
    match lang {
        Lang::Zh => &PANEL_ZH,
        Lang::En => &PANEL_EN,
    }
}

/// Panel texts for the current language (tracks the language signal).
pub fn use_panel_texts() -> impl Fn() -> &'static PanelTexts + Copy {
    let lang = context::<I18n>();
    move || panel_texts(lang.0.get())
}

pub static PANEL_ZH: PanelTexts = PanelTexts {
    common: &COMMON_ZH,
    calendar_heading: "日程与时间线",
    no_events: "这份实录中没有找到日期。",
    ics_group: "下载日历（.ics）",
    ics_activities: |day| match day {
        Some(d) => format!("{d}活动"),
        None => "活动安排".to_string(),
    },
    ics_all: "全部事件",
    prev_month: "上个月",
    next_month: "下个月",
    month_jump: "跳到有事件的月份",
    month_title: |y, m| format!("{y}年{m}月"),
    month_short: |_, m| format!("{m}月"),
    date_full: |y, m, d| format!("{y}年{m}月{d}日"),
    date_short: |m, d| format!("{m}月{d}日"),
    weekdays: [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ],
    weekdays_short: ["一", "二", "三", "四", "五", "六", "日"],
    events_count: |n| format!("{n} 项事件"),
    approximate: "大致日期",
    planned: "计划",
    done: "已完成",
    lead_unit: "牵头单位",
    until: "至",
    undated: "未定日期",
    undated_heading: "未定日期的活动",
    chosen_day: "所选日期的事件",
    choose_day: "在月历中选择一天，查看当天的事件。",
    no_events_on_day: "这一天没有事件。",
    agenda: "按日期列出",
    timeline: "政策时间线",
    timeline_desc: |n, from, to| {
        format!("{n} 个节点，从{from}到{to}；实心为已完成，空心虚线为计划。")
    },
    conference_marker: "本次发布会",
    later_plans: "此后",
    see_in_transcript: "查看原文",
    insights_heading: "数据与统计",
    speaker_stats: "发言统计",
    chars_count: |n| format!("{n} 字"),
    qa_heading: "记者提问",
    answered_by: "回答：",
    no_qa: "这份实录中没有问答。",
    figures_heading: "数字",
    figures_count: |n| format!("共 {n} 个"),
    unit: "单位",
    all_units: "全部单位",
    sort_by_order: "按出现顺序排列",
    figure_value: "数值",
    figure_label: "指标",
    figure_speaker: "发言人",
    times: |n| format!("（共 {n} 次）"),
    also_at: "又见",
    checks_heading: "核对",
    conflicts_heading: "说法不一",
    arithmetic_heading: "计算核对",
    no_conflicts: "没有发现前后说法不一的数字。",
    no_arithmetic: "没有可以相互核算的数字。",
    consistent: "一致",
    inconsistent: "不一致",
    kind_sum: "合计",
    kind_share: "占比",
    kind_growth: "增长",
    repeats_note: |n| format!("另有 {n} 组数字重复出现，在下面的数字表中各合为一行。"),
    mention: |n| format!("第{n}处"),
    documents_heading: "提到的文件",
    programmes_heading: "工程、计划与提法",
    lead_units_heading: "牵头单位",
    named_by: "提到者：",
    none_named: "没有。",
    exports_heading: "导出",
    export_json: "JSON（解析结果）",
    export_markdown: "Markdown（SayIt 格式）",
    export_ics: "日历（.ics）",
};

pub static PANEL_EN: PanelTexts = PanelTexts {
    common: &COMMON_EN,
    calendar_heading: "Calendar and timeline",
    no_events: "No dates found in this transcript.",
    ics_group: "Download calendar (.ics)",
    ics_activities: |day| match day {
        Some(d) => format!("{d} activities"),
        None => "Plan activities".to_string(),
    },
    ics_all: "All events",
    prev_month: "Previous month",
    next_month: "Next month",
    month_jump: "Jump to a month with events",
    month_title: |y, m| format!("{} {y}", MONTHS[(m as usize + 11) % 12]),
    month_short: |_, m| MONTHS[(m as usize + 11) % 12][..3].to_string(),
    date_full: |y, m, d| format!("{d} {} {y}", MONTHS[(m as usize + 11) % 12]),
    date_short: |m, d| format!("{d} {}", &MONTHS[(m as usize + 11) % 12][..3]),
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    events_count: |n| {
        if n == 1 {
            "1 event".to_string()
        } else {
            format!("{n} events")
        }
    },
    approximate: "approximate date",
    planned: "planned",
    done: "done",
    lead_unit: "Lead",
    until: " to ",
    undated: "No date given",
    undated_heading: "Activities without a date",
    chosen_day: "Events of the chosen day",
    choose_day: "Choose a day in the month grid to list its events.",
    no_events_on_day: "No events on this day.",
    agenda: "Agenda",
    timeline: "Policy timeline",
    timeline_desc: |n, from, to| {
        format!("{n} milestones from {from} to {to}; filled: done, hollow and dashed: planned.")
    },
    conference_marker: "This conference",
    later_plans: "Later",
    see_in_transcript: "see in transcript",
    insights_heading: "Insights",
    speaker_stats: "Who spoke",
    chars_count: |n| format!("{n} characters"),
    qa_heading: "Questions from the press",
    answered_by: "Answered by:",
    no_qa: "No questions and answers in this transcript.",
    figures_heading: "Figures",
    figures_count: |n| {
        if n == 1 {
            "1 figure".to_string()
        } else {
            format!("{n} figures")
        }
    },
    unit: "Unit",
    all_units: "All units",
    sort_by_order: "in order of appearance",
    figure_value: "Value",
    figure_label: "What",
    figure_speaker: "Speaker",
    times: |n| format!(" ({n} times)"),
    also_at: "Also",
    checks_heading: "Checks",
    conflicts_heading: "Conflicting figures",
    arithmetic_heading: "Arithmetic",
    no_conflicts: "No figure is given with two different values.",
    no_arithmetic: "No figures to check against each other.",
    consistent: "consistent",
    inconsistent: "inconsistent",
    kind_sum: "Sum",
    kind_share: "Share",
    kind_growth: "Growth",
    repeats_note: |n| {
        format!("{n} more figures are given more than once: each is one row of the figures table below.")
    },
    mention: |n| format!("mention {n}"),
    documents_heading: "Documents named",
    programmes_heading: "Programmes and slogans",
    lead_units_heading: "Lead units",
    named_by: "Named by:",
    none_named: "None.",
    exports_heading: "Export",
    export_json: "JSON (the parsed model)",
    export_markdown: "Markdown (SayIt layout)",
    export_ics: "Calendar (.ics)",
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
