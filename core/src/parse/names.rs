//! Titles and names: `省扶贫办副主任、新闻发言人张建成` → title + name, and
//! the people an intro paragraph introduces.

use crate::chars::{has_surname, is_han, is_name_like, strip_ws};
use std::sync::OnceLock;

/// Words a title ends with (simplified and traditional). `长`/`長` covers
/// 部长, 厅长, 处长, 局长, 司长, 省长, 会长, 院长, 秘书长 ….
pub const TITLE_WORDS: &[&str] = &[
    "发言人",
    "發言人",
    "主任",
    "书记",
    "書記",
    "长",
    "長",
    "委员",
    "委員",
    "主席",
    "经理",
    "經理",
    "负责人",
    "負責人",
    "专家",
    "專家",
    "教授",
    "研究员",
    "研究員",
    "院士",
    "代表",
    "总监",
    "總監",
    "总裁",
    "總裁",
    "总师",
    "總師",
    "工程师",
    "工程師",
    "巡视员",
    "巡視員",
    "调研员",
    "調研員",
    "参事",
    "參事",
    "顾问",
    "顧問",
    "主编",
    "主編",
    "大使",
    "总干事",
    "總幹事",
    "理事",
    "董事",
    "监事",
    "監事",
    "馆员",
    "館員",
    "医生",
    "醫生",
    "律师",
    "律師",
    "会计师",
    "會計師",
    "局长",
    "干部",
    "幹部",
    "老师",
    "老師",
    "校长",
    "教练",
    "教練",
    "指挥",
    "指揮",
    "首席",
    "主管",
    "助理",
    "秘书",
    "秘書",
    "专员",
    "專員",
    "特派员",
    "特派員",
    "政委",
    "司令员",
    "司令員",
    "队员",
    "隊員",
    "村民",
    "职工",
    "长官",
    "長官",
    "法官",
    "检察官",
    "檢察官",
    "外交官",
    "警官",
    "警司",
    "議員",
    "议员",
    "部長",
    "職工",
];

/// The cores of titles a person is addressed by after the surname or
/// name (`莊副署長`, `陳議員`, `黃毓民議員`).
const ADDRESS_CORES: &[&str] = &[
    "議員",
    "议员",
    "委員",
    "委员",
    "局長",
    "局长",
    "司長",
    "司长",
    "署長",
    "署长",
    "處長",
    "处长",
    "部長",
    "部长",
    "廳長",
    "厅长",
    "主任",
    "長官",
    "长官",
    "市長",
    "市长",
    "省長",
    "省长",
    "縣長",
    "县长",
    "區長",
    "区长",
    "院長",
    "院长",
    "秘書長",
    "秘书长",
    "總監",
    "总监",
    "警司",
    "處長",
    "議長",
    "议长",
    "主席",
];
/// What may come before an address title's core: `副署長`, `總警司`.
const ADDRESS_PREFIXES: &[&str] = &["副", "總", "总", "助理", "常務", "常务", "高級", "高级"];

/// The title a person is addressed by that starts `s` (`副署長`,
/// `議員`), if one does.
pub fn address_title(s: &str) -> Option<&str> {
    // The first characters of the prefixes and cores, checked first: most
    // text starts otherwise.
    let first = s.chars().next();
    if !first.is_some_and(|c| {
        matches!(
            c,
            '副' | '總'
                | '总'
                | '助'
                | '常'
                | '高'
                | '議'
                | '议'
                | '委'
                | '局'
                | '司'
                | '署'
                | '處'
                | '处'
                | '部'
                | '廳'
                | '厅'
                | '主'
                | '長'
                | '长'
                | '市'
                | '省'
                | '縣'
                | '县'
                | '區'
                | '区'
                | '院'
                | '秘'
                | '警'
        )
    }) {
        return None;
    }
    let mut rest = s;
    let mut start = 0;
    if let Some(p) = ADDRESS_PREFIXES.iter().find(|p| s.starts_with(**p)) {
        rest = &s[p.len()..];
        start = p.len();
    }
    let core = ADDRESS_CORES.iter().find(|c| rest.starts_with(**c))?;
    Some(&s[..start + core.len()])
}

/// Words that may follow a name in running text: `李武军介绍…`, `董晓林主持`.
const AFTER_NAME: &[&str] = &[
    "介绍",
    "介紹",
    "主持",
    "出席",
    "回答",
    "答记者问",
    "答記者問",
    "发布",
    "發布",
    "通报",
    "通報",
    "解读",
    "解讀",
    "表示",
    "指出",
    "强调",
    "強調",
    "参加",
    "參加",
    "共同",
    "一起",
    "分别",
    "分別",
    "同志",
    "先生",
    "女士",
    "作",
    "就",
    "等",
    "和",
    "与",
    "與",
    "及",
    "向",
    "对",
    "對",
    "在",
    "为",
    "為",
    "说",
    "說",
    "、",
    "今日",
    "今天",
    "昨日",
    "昨天",
    "日前",
    "近日",
    "上午",
    "下午",
    "晚上",
    "於",
    "于",
    "先生",
];

/// Words after which a title begins: `…由省委宣传部副部长…`, `邀请到…`.
const BEFORE_TITLE: &[&str] = &[
    "邀请到",
    "邀請到",
    "请到",
    "請到",
    "邀请了",
    "邀請了",
    "邀请",
    "邀請",
    "的有",
    "由",
    "请",
    "請",
];

/// Separators that join people in a list.
const JOINERS: &[char] = &['、', '和', '与', '與', '及', ' ', '\u{a0}', '\u{3000}'];

/// The title word that starts at `s`, longest first.
fn title_word_at(s: &str) -> Option<&'static str> {
    // The title words' first characters, each once (a few dozen: a list
    // is as quick as a set, and less code in the wasm).
    static FIRST: OnceLock<Vec<char>> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut first = Vec::new();
        for c in TITLE_WORDS.iter().filter_map(|w| w.chars().next()) {
            if !first.contains(&c) {
                first.push(c);
            }
        }
        first
    });
    if !s.chars().next().is_some_and(|c| first.contains(&c)) {
        return None;
    }
    TITLE_WORDS
        .iter()
        .filter(|w| s.starts_with(**w))
        .max_by_key(|w| w.len())
        .copied()
}

/// Splits a whole label such as `省扶贫办副主任、新闻发言人张建成` into the
/// title and the name (whitespace removed). The name must end the string.
pub fn split_title_name(s: &str) -> Option<(&str, String)> {
    let s = s.trim();
    // Rightmost title word whose remainder is a name: `市长王长江`.
    let mut best = None;
    for (i, _) in s.char_indices() {
        if let Some(w) = title_word_at(&s[i..]) {
            let end = i + w.len();
            let rest = s[end..].trim_start();
            if rest.starts_with(is_han)
                && is_name_like(rest)
                && title_word_at(rest).is_none()
                && (has_surname(&strip_ws(rest)) || rest.contains(['·', '•']))
            {
                best = Some((s[..end].trim_end(), strip_ws(rest)));
            }
        }
    }
    best
}

/// A person introduced in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub title: String,
    /// The clause says they host (`…主持`).
    pub hosts: bool,
}

/// Finds `title + name` pairs in an intro or header value:
/// `省扶贫办主任刘志杰,…省扶贫办移民处处长李武军介绍…。新闻发布会由省委宣传部副部长董晓林主持。`
pub fn people_in(text: &str, known: &dyn Fn(&str) -> bool) -> Vec<Person> {
    let mut out = Vec::new();
    for clause in text.split([
        '。', ',', '\u{FF0C}', ';', '\u{FF1B}', ':', '\u{FF1A}', '!', '?', '\u{FF01}', '\u{FF1F}',
        '\n',
    ]) {
        people_in_clause(clause, known, &mut out);
    }
    out
}

fn people_in_clause(clause: &str, known: &dyn Fn(&str) -> bool, out: &mut Vec<Person>) {
    let before = out.len();
    titled_people(clause, known, out);
    if !out[before..].iter().any(|p| p.hosts) {
        out.extend(host_by_office(clause));
    }
}

/// `…由省政府新闻办公室李静主持`: the host named after an office, with no
/// title word.
fn host_by_office(clause: &str) -> Option<Person> {
    let at = clause.find("主持")?;
    let by = clause[..at].rfind(['由', '請', '请'])?;
    let span = &clause[by..at];
    let chars: Vec<(usize, char)> = span.char_indices().collect();
    for len in [3, 2] {
        let (i, _) = *chars.get(chars.len().checked_sub(len)?)?;
        let name = &span[i..];
        if i > 3 && name.chars().all(is_han) && has_surname(name) {
            let title = clean_title(&clause[..by + i]);
            return Some(Person {
                name: name.to_string(),
                title: title.to_string(),
                hosts: true,
            });
        }
    }
    None
}

fn titled_people(clause: &str, known: &dyn Fn(&str) -> bool, out: &mut Vec<Person>) {
    let mut title_start = 0;
    let mut i = 0;
    while i < clause.len() {
        let Some(w) = title_word_at(&clause[i..]) else {
            i += clause[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut end = i + w.len();
        // `警務處助理處長（行動）麥展豪`: a short parenthetical belongs to
        // the title.
        if let Some(r) = clause[end..].strip_prefix(['（', '(']) {
            if let Some(close) = r.find(['）', ')']).filter(|&c| c <= 18) {
                let close_len = r[close..].chars().next().map_or(1, char::len_utf8);
                end = clause.len() - r.len() + close + close_len;
            }
        }
        let after = &clause[end..];
        let rest = after.trim_start();
        let skipped = after.len() - rest.len();
        // After a long title, a name that ends the clause needs no common
        // surname (`…新闻发言人寿小丽`); after `长` of `增长`, it does.
        let long_title = clause[title_start..end].chars().count() >= 4;
        if let Some(name_len) = name_at(rest, known, long_title) {
            let name_end = end + skipped + name_len;
            let title = clean_title(&clause[title_start..end]);
            let hosts = clause[name_end..].starts_with("主持");
            if !title.is_empty() {
                out.push(Person {
                    name: strip_ws(&rest[..name_len]),
                    title: title.to_string(),
                    hosts,
                });
            }
            // The next title starts after the name and any joiner.
            let mut next = name_end;
            while let Some(c) = clause[next..].chars().next() {
                if JOINERS.contains(&c) {
                    next += c.len_utf8();
                } else {
                    break;
                }
            }
            title_start = next;
            i = next;
        } else {
            i = end;
        }
    }
}

/// Length in bytes of the name that starts `s`, if one does.
fn name_at(s: &str, known: &dyn Fn(&str) -> bool, long_title: bool) -> Option<usize> {
    if !s.starts_with(is_han) || title_word_at(s).is_some() {
        return None;
    }
    // Byte offsets after 2, 3 and 4 characters.
    let ends: Vec<usize> = s
        .char_indices()
        .skip(1)
        .take(3)
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    for &e in ends.iter().rev() {
        if known(&s[..e]) {
            return Some(e);
        }
    }
    for &e in &ends {
        let name = &s[..e];
        if !name.chars().all(is_han) {
            return None;
        }
        // `请周文局长介绍`: a verb after a title, not a name.
        if AFTER_NAME.iter().any(|w| name.starts_with(w)) {
            return None;
        }
        let after = &s[e..];
        let cut = after.is_empty()
            || !after.starts_with(is_han)
            || AFTER_NAME.iter().any(|w| after.starts_with(w));
        // A name that ends the clause right after a title needs no
        // common surname: `…新闻发言人寿小丽`.
        let ends_clause = long_title && after.trim().is_empty();
        if cut && (has_surname(name) || ends_clause) {
            return Some(e);
        }
    }
    None
}

/// Drops what precedes a title in a clause (`新闻发布会由`) and joiners.
fn clean_title(t: &str) -> &str {
    let mut t = t;
    for w in BEFORE_TITLE {
        if let Some(i) = t.rfind(w) {
            t = &t[i + w.len()..];
        }
    }
    let mut t = t.trim_matches(|c: char| c.is_whitespace() || JOINERS.contains(&c));
    // The intro's own opening bracket: `（警務處助理處長（行動）…`.
    let opens = t.matches(['（', '(']).count();
    if opens > t.matches(['）', ')']).count() {
        t = t.trim_start_matches(['（', '(']);
    }
    without_date(t)
}

/// Words of a day's time before a title: `今天下午`.
const WHEN_WORDS: &[&str] = &[
    "上午", "下午", "晚上", "早上", "中午", "今天", "今日", "昨天", "昨日", "明天", "明日",
];

/// A title without the date or time written before it: `5月15日行政長官`
/// → `行政長官`, `5月15日（星期一）下午…` → `…`.
fn without_date(t: &str) -> &str {
    let mut t = t.trim_start();
    loop {
        let digits = t.len()
            - t.trim_start_matches(|c| crate::chars::digit(c).is_some())
                .len();
        let next = if digits > 0 {
            let r = &t[digits..];
            match r.chars().next() {
                Some(c) if "年月日号號時时点點分:：".contains(c) => &r[c.len_utf8()..],
                _ => return t,
            }
        } else if let Some(r) = WHEN_WORDS.iter().find_map(|w| t.strip_prefix(w)) {
            r
        } else if let Some(r) = t.strip_prefix(['（', '(']) {
            // `（星期一）`
            match r.find(['）', ')']) {
                Some(end) if r[..end].starts_with("星期") && end <= 9 => r[end..]
                    .get(r[end..].chars().next().map_or(1, char::len_utf8)..)
                    .unwrap_or(""),
                _ => return t,
            }
        } else {
            return t;
        };
        t = next.trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_titles() {
        assert_eq!(
            split_title_name("省扶贫办副主任、新闻发言人张建成"),
            Some(("省扶贫办副主任、新闻发言人", "张建成".to_string()))
        );
        assert_eq!(
            split_title_name("市长王长江"),
            Some(("市长", "王长江".to_string()))
        );
        assert_eq!(
            split_title_name("主任委员张某"),
            Some(("主任委员", "张某".to_string()))
        );
        assert_eq!(split_title_name("国家统计局新闻发言人"), None);
    }

    #[test]
    fn seed_intro() {
        let intro = "10月12日下午,省政府新闻办举行新闻发布会。省扶贫办主任刘志杰,省扶贫办副主任、新闻发言人张建成,省扶贫办计财处处长高耀东,省扶贫办移民处处长李武军介绍全省攻坚深度贫困的政策措施及推进情况并回答记者提问。新闻发布会由省委宣传部副部长董晓林主持。";
        let p = people_in(intro, &|_| false);
        let got: Vec<(&str, &str, bool)> = p
            .iter()
            .map(|p| (p.name.as_str(), p.title.as_str(), p.hosts))
            .collect();
        assert_eq!(
            got,
            vec![
                ("刘志杰", "省扶贫办主任", false),
                ("张建成", "省扶贫办副主任、新闻发言人", false),
                ("高耀东", "省扶贫办计财处处长", false),
                ("李武军", "省扶贫办移民处处长", false),
                ("董晓林", "省委宣传部副部长", true),
            ]
        );
    }

    #[test]
    fn lists() {
        let p = people_in(
            "出席发布会的有生态环境部副部长张某、水生态环境司司长李某和副司长王某",
            &|_| false,
        );
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["张某", "李某", "王某"]);
        assert_eq!(p[0].title, "生态环境部副部长");
        assert_eq!(p[2].title, "副司长");
    }

    #[test]
    fn titles_without_dates_and_brackets() {
        let p = people_in("5月15日行政長官梁振英在北京會見傳媒", &|_| false);
        assert_eq!(
            (p[0].name.as_str(), p[0].title.as_str()),
            ("梁振英", "行政長官")
        );
        let p = people_in(
            "（警務處助理處長（行動）麥展豪、警察公共關係科總警司謝振中）",
            &|_| false,
        );
        let got: Vec<(&str, &str)> = p
            .iter()
            .map(|p| (p.name.as_str(), p.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("麥展豪", "警務處助理處長（行動）"),
                ("謝振中", "警察公共關係科總警司")
            ]
        );
        // `日本` is no date.
        let p = people_in("日本驻华大使王某", &|_| false);
        assert_eq!(p[0].title, "日本驻华大使");
    }

    #[test]
    fn host_named_after_an_office() {
        let p = people_in("发布会由省政府新闻办公室李静主持", &|_| {
            false
        });
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].name.as_str(), p[0].title.as_str(), p[0].hosts),
            ("李静", "省政府新闻办公室", true)
        );
        assert_eq!(address_title("副署長說"), Some("副署長"));
        assert_eq!(address_title("議員，"), Some("議員"));
        assert_eq!(address_title("先生"), None);
    }

    #[test]
    fn ignores_growth() {
        let p = people_in("市县安排9.12亿元,增长25.8%,长期以来", &|_| {
            false
        });
        assert!(p.is_empty(), "{p:?}");
    }
}
