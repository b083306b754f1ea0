//! A figure's words: the noun after it, the words before it in its clause
//! (without leading and verb-like words), its sentence, a rate's `每…`, and
//! the unit read from them.

use super::*;

/// `人均`, `每亩`, `每年` in the words before a number.
pub(super) fn per_word(before: &str) -> Option<String> {
    if let Some(p) = PER.iter().find(|p| before.contains(**p)) {
        return Some((*p).to_string());
    }
    let i = before.rfind('每')?;
    let c = before[i + '每'.len_utf8()..].chars().next()?;
    is_han(c).then(|| format!("每{c}"))
}

/// Leading words that say when or where, not what (`今年`, `全省`, `其中`).
pub(super) const LEADING: &[&str] = &[
    "其中", "另外", "此外", "同时", "目前", "今年", "去年", "全省", "全市", "全区", "全县", "全国",
    "我省", "我市", "我区", "我县", "累计", "已经", "已",
];

/// Leading verbs before the thing a share is of (`拿出…资金的30.5%`).
pub(super) const LEADING_VERBS: &[&str] = &[
    "拿出", "安排", "设立", "完成", "实施", "投入", "占", "是", "把", "将",
];

/// The words without leading [`LEADING`] words (keeping at least two characters).
pub(crate) fn strip_prefixes(s: &str) -> &str {
    let mut s = s;
    'again: loop {
        for p in LEADING {
            if let Some(r) = s.strip_prefix(p) {
                if r.chars().count() >= 2 {
                    s = r;
                    continue 'again;
                }
            }
        }
        return s;
    }
}

/// [`strip_prefixes`], then leading verbs.
pub(crate) fn strip_verbs(s: &str) -> &str {
    let mut s = strip_prefixes(s);
    for p in LEADING_VERBS {
        if let Some(r) = s.strip_prefix(p) {
            if r.chars().count() >= 2 {
                s = r;
                break;
            }
        }
    }
    s
}

/// The clause before a number, after the previous figure, as written.
pub(super) fn clause_before(text: &str, start: usize, floor: usize) -> &str {
    let floor = floor.min(start);
    text[floor..start]
        .rsplit(|c: char| dates::is_punct(c) && c != '“' && c != '”' || c.is_whitespace())
        .next()
        .unwrap_or("")
}

/// The noun after a unit: CJK characters up to a stop character, cut back
/// to the last character a noun ends with.
pub(super) fn noun_after(rest: &str) -> String {
    let run: Vec<char> = rest
        .chars()
        .take_while(|&c| is_han(c) && !LABEL_STOPS.contains(c))
        .take(16)
        .collect();
    let end = run
        .iter()
        .rposition(|&c| NOUN_ENDS.contains(c))
        .map_or(0, |p| p + 1);
    run[..end].iter().collect()
}

/// The words before a number within its clause, after the previous figure:
/// the phrase whole, without leading [`LEADING`] words or a trailing verb.
pub(super) fn words_before(text: &str, start: usize, floor: usize) -> String {
    let s = strip_prefixes(clause_before(text, start, floor));
    let mut s = s.to_string();
    if [
        "共", "计", "即", "约", "近", "达", "为", "和", "及", "与", "或", "每", "其中",
    ]
    .contains(&s.as_str())
    {
        return String::new();
    }
    for suffix in [
        "分别不超过",
        "不超过",
        "分别为",
        "提高到",
        "达到",
        "超过",
        "突破",
        "共计",
        "合计",
        "完成",
        "约",
        "近",
        "共",
        "达",
        "为",
        "的",
        "了",
        "是",
        "每",
    ] {
        if let Some(r) = s.strip_suffix(suffix) {
            if !r.is_empty() {
                s = r.to_string();
                break;
            }
        }
    }
    // A whole phrase, but not a whole run-on line.
    let n = s.chars().count();
    if n > 24 {
        s = s.chars().skip(n - 24).collect();
    }
    s
}

/// Up to 16 characters before a number, within its sentence.
pub(super) fn sentence_before(text: &str, start: usize) -> String {
    let before = &text[..start];
    let sentence = before
        .rsplit(['。', ';', '；', '!', '！', '?', '？', '\n'])
        .next()
        .unwrap_or("");
    let n = sentence.chars().count();
    sentence.chars().skip(n.saturating_sub(16)).collect()
}

/// The unit of `57万贫困人口`, `21.6亿的扶贫周转金`, `人均1.5万`.
pub(super) fn infer_unit(mult: u32, after: &str, before: &str) -> &'static str {
    for (ends, unit) in [
        (
            &[
                "人口",
                "劳动力",
                "群众",
                "学生",
                "贫困生",
                "干部",
                "农民",
                "人",
            ][..],
            "人",
        ),
        (&["户"][..], "户"),
        (&["亩"][..], "亩"),
    ] {
        if ends.iter().any(|e| after.contains(e)) {
            return unit;
        }
    }
    const MONEY: &[&str] = &[
        "资金", "基金", "金", "元", "贷款", "投入", "投资", "筹资", "补助", "补贴", "奖补", "收入",
        "预算", "经费", "拨付", "安排", "整合", "债", "资助",
    ];
    if MONEY
        .iter()
        .any(|m| before.contains(m) || after.contains(m))
        || mult >= 8
    {
        return "元";
    }
    ""
}

/// What a share is of, from the words before `的`: without leading verbs
/// (`把总投资中的30%` → `总投资`) and a trailing `中`/`里`/`当中`.
pub(super) fn share_of(before: &str) -> &str {
    let mut s = strip_verbs(before);
    for suffix in ["之中", "当中", "中", "里"] {
        if let Some(r) = s.strip_suffix(suffix) {
            if r.chars().count() >= 2 {
                s = r;
                break;
            }
        }
    }
    // `我们把…`, `市里把…`: the words after `把`/`将`.
    for w in ["把", "将"] {
        if let Some(p) = s.rfind(w) {
            let r = &s[p + w.len()..];
            if r.chars().count() >= 2 {
                s = r;
            }
        }
    }
    s
}

/// Verbs that say where a share goes (`用于`, `投入到`).
pub(crate) const GOES_TO: &[&str] = &[
    "用于",
    "投入到",
    "投向",
    "投入",
    "用在",
    "倾斜支持",
    "倾斜到",
    "支持",
    "下达到",
    "安排到",
];

/// Endings of a ratio said as a sentence (`…的比例是35%`).
const RATIO_ENDS: &[&str] = &["的比例", "的比重", "的占比", "所占比例", "所占比重"];

/// Clause punctuation inside a sentence.
fn clause_mark(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '：' | ':')
}

/// The text before a number in its sentence, after the previous figure.
pub(super) fn sentence_to(text: &str, start: usize, floor: usize) -> &str {
    let floor = floor.min(start);
    let s = &text[floor..start];
    let from = s
        .rfind(['。', '；', ';', '！', '!', '？', '?', '\n'])
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[from..]
}

/// What a share said as a ratio is of: `A占B的比例为35%` → `B`,
/// `B中用于A的比例是35%` → `B`, `B中，用于A的占比为35%` → `B`; `None` for
/// other shapes. `before`: its sentence up to the number.
pub(super) fn ratio_of(before: &str) -> Option<String> {
    let mut head = before.trim_end();
    for suffix in ["约为", "已达", "达到", "超过", "是", "为", "达", "约"] {
        if let Some(r) = head.strip_suffix(suffix) {
            head = r;
            break;
        }
    }
    let head = RATIO_ENDS.iter().find_map(|e| head.strip_suffix(e))?;
    let of = if let Some(p) = head.rfind('占') {
        &head[p + '占'.len_utf8()..]
    } else {
        // The last clause with a goes-to verb: what comes before the verb,
        // or the clause before it (`总投资中，用于…`).
        let clause_at = head.rfind(clause_mark).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let clause = &head[clause_at..];
        let p = GOES_TO.iter().filter_map(|v| clause.find(v)).min()?;
        if p > 0 {
            &clause[..p]
        } else {
            let prev = head[..clause_at].trim_end_matches(clause_mark);
            let at = prev.rfind(clause_mark).map_or(0, |i| {
                i + prev[i..].chars().next().map_or(1, char::len_utf8)
            });
            &prev[at..]
        }
    };
    let of = share_of(strip_prefixes(of));
    (of.chars().count() >= 2 && of.chars().all(is_han)).then(|| of.to_string())
}
