//! Figures: numbers with units (`57万`人, `11.76亿元`, `30.5%`, `1900个`).
//!
//! - **What counts.** Arabic numerals (half- or full-width, with decimals and
//!   `15-20万元` ranges) followed by a unit, a multiplier (`万`, `亿`) or `%`.
//!   Chinese numerals (`十个`) are left out: in these texts they are mostly
//!   names (`“六个帮扶”`, `三保障`), not counts.
//! - **What does not.** Dates and years (whatever [`dates::find`] resolves,
//!   `2016年` and `2017 年` included), ordinals (`第三批`, `1、`, `(一)`), bare
//!   numbers (`“136”`), the title, stamp and header lines, and the appendix.
//! - **Value.** In base units, computed without floating-point drift:
//!   `11.76亿元` → 1 176 000 000 (unit `元`), `28.47万` → 284 700. Percentages
//!   stay as written (`30.5%` → 30.5, unit `%`). A range keeps its lower bound.
//! - **Unit.** As written; when only a multiplier is written the unit is read
//!   from the noun after it (`57万贫困人口` → `人`, `8.2万贫困户` → `户`) or from
//!   money words before it (`筹资15亿` → `元`; a bare `亿` is money).
//! - **Label.** The noun after the unit (`贫困人口`), cut at the first verb-like
//!   character; else the words before the number in its clause (`增长`).

use crate::chars::{digit, is_han};
use crate::dates::{self, DateContext};
use crate::model::{Block, BlockKind, Document, Figure};

/// Extracts the figures, in reading order.
pub fn extract(doc: &Document) -> Vec<Figure> {
    extract_in(doc, &DateContext::from_document(doc))
}

/// [`extract`] with the document's date context already built.
pub fn extract_in(doc: &Document, ctx: &DateContext) -> Vec<Figure> {
    let mut out = Vec::new();
    for block in &doc.front {
        scan_block(block, None, ctx, &mut out);
    }
    for turn in &doc.turns {
        for block in &turn.blocks {
            scan_block(block, Some(&turn.speaker), ctx, &mut out);
        }
    }
    for (i, f) in out.iter_mut().enumerate() {
        f.id = format!("n{}", i + 1);
    }
    out
}

/// A figure found in a text, before it is tied to a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range in the text.
    pub span: std::ops::Range<usize>,
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub label: String,
}

fn scan_block(block: &Block, speaker: Option<&String>, ctx: &DateContext, out: &mut Vec<Figure>) {
    if matches!(
        block.kind,
        BlockKind::Title | BlockKind::Stamp | BlockKind::Header | BlockKind::Timestamp
    ) {
        return;
    }
    let text = dates::full_text(block);
    let skip = block.marker.as_ref().map_or(0, String::len);
    for f in find(&text, ctx) {
        if f.span.start < skip {
            continue;
        }
        out.push(Figure {
            id: String::new(),
            text: f.text,
            value: f.value,
            unit: f.unit,
            label: f.label,
            speaker: speaker.cloned(),
            block: block.id.clone(),
        });
    }
}

const MULTIPLIERS: &[(&str, u32)] = &[
    ("万亿", 12),
    ("千亿", 11),
    ("百亿", 10),
    ("亿", 8),
    ("千万", 7),
    ("百万", 6),
    ("万", 4),
];

/// Longest first.
const UNITS: &[&str] = &[
    "个百分点",
    "平方公里",
    "平方米",
    "千瓦时",
    "千瓦",
    "公里",
    "公斤",
    "人次",
    "户次",
    "%",
    "％",
    "‰",
    "元",
    "人",
    "个",
    "户",
    "亩",
    "座",
    "家",
    "名",
    "所",
    "项",
    "条",
    "次",
    "件",
    "套",
    "间",
    "处",
    "米",
    "吨",
    "斤",
    "倍",
    "张",
    "位",
    "支",
    "台",
    "辆",
    "头",
    "只",
    "株",
    "棵",
    "篇",
    "部",
    "批",
    "场",
    "岁",
];

/// The first characters of [`UNITS`] and [`MULTIPLIERS`].
const UNIT_STARTS: &str =
    "个平千公人户%％‰元亩座家名所项条次件套间处米吨斤倍张位支台辆头只株棵篇部批场岁万百亿";

/// Characters that end a label: verbs, particles and function words.
const LABEL_STOPS: &str = "的是为在和与及或等落到达承参获完实覆带惠提增投用于以对向从由已全均都将可要被把所共占比超突新年月日其中";

/// Characters a noun label may end with.
const NOUN_ENDS: &str = "口人村县户乡镇市区点站院校社企业金款力部员生者才干长位队园林地田房洞目动程务面题措策制品库师士象庭场厂金网路组团所会项链群众民记";

/// Finds the figures in a text (dates and years excluded).
pub fn find(text: &str, ctx: &DateContext) -> Vec<Found> {
    // Byte offsets throughout (always at char boundaries): the text is only
    // read where a digit starts a candidate.
    // The dates, found when the first candidate needs them.
    let mut dates: Option<Vec<std::ops::Range<usize>>> = None;
    // Dates before this index end before every later candidate.
    let mut date_from = 0;
    let at = |k: usize| text[k..].chars().next();
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while let Some(start) = next_digit(text, i) {
        let prev = text[..start].chars().next_back();
        // Past this digit (one byte, or three full-width).
        let next = start + if text.as_bytes()[start] < 0x80 { 1 } else { 3 };
        if prev
            .is_some_and(|p| digit(p).is_some() || p == '.' || p == '第' || p.is_ascii_alphabetic())
        {
            i = next;
            continue;
        }
        let Some((num, mut k)) = number(text, start) else {
            i = next;
            continue;
        };
        // A range: 15-20万元 (the lower bound is kept).
        if let Some(c) = at(k).filter(|&c| "-—~～至到".contains(c)) {
            if let Some((_, k2)) = number(text, k + c.len_utf8()) {
                k = k2;
            }
        }
        // Most numbers are followed by 年, 月, 日…: no unit, multiplier or
        // 多/余 starts with them.
        if !at(k).is_some_and(|c| UNIT_STARTS.contains(c) || c == '多' || c == '余') {
            i = k;
            continue;
        }
        let mut mult = 0u32;
        let mut unit = String::new();
        if let Some(u) = UNITS.iter().find(|u| written_at(text, k, u)) {
            unit = (*u).to_string();
            k += u.len();
        } else {
            if let Some((m, e)) = MULTIPLIERS.iter().find(|(m, _)| written_at(text, k, m)) {
                mult = *e;
                k += m.len();
            }
            if let Some(c) = at(k).filter(|&c| c == '多' || c == '余') {
                k += c.len_utf8();
            }
            if let Some(u) = UNITS.iter().find(|u| written_at(text, k, u)) {
                unit = (*u).to_string();
                k += u.len();
            }
        }
        if unit.is_empty() && mult == 0 {
            i = k;
            continue;
        }
        let span = start..k;
        let date_spans = dates
            .get_or_insert_with(|| dates::find(text, ctx).into_iter().map(|d| d.span).collect());
        // Candidates come in reading order, and so do the dates (by start).
        while date_spans
            .get(date_from)
            .is_some_and(|d| d.end <= span.start)
        {
            date_from += 1;
        }
        if date_spans[date_from..]
            .iter()
            .take_while(|d| d.start < span.end)
            .any(|d| span.start < d.end)
        {
            i = k.max(i + 1);
            continue;
        }
        if unit == "％" {
            unit = "%".into();
        }
        let after = noun_after(&text[k..]);
        let before = words_before(text, span.start, out.last().map_or(0, |f| f.span.end));
        if unit.is_empty() {
            unit = infer_unit(mult, &after, &sentence_before(text, span.start)).to_string();
        }
        let value = if unit == "%" || unit == "‰" {
            num.value(0)
        } else {
            num.value(mult)
        };
        let label = if !after.is_empty() {
            after
        } else if !before.is_empty() {
            before
        } else {
            // `…资金的30.5%共11.76亿元`: the same thing as the figure just before.
            out.last()
                .filter(|p| {
                    text[p.span.end..span.start]
                        .chars()
                        .all(|c| "、和及与或共计".contains(c) || c.is_whitespace())
                })
                .map(|p| p.label.clone())
                .unwrap_or_default()
        };
        out.push(Found {
            span: span.clone(),
            text: text[span].to_string(),
            value,
            unit,
            label,
        });
        i = k;
    }
    out
}

/// A decimal number as digits and the count of digits after the point.
#[derive(Debug, Clone, Copy)]
struct Num {
    digits: u128,
    decimals: u32,
}

impl Num {
    /// The value times 10^`exp`, correctly rounded.
    fn value(self, exp: u32) -> f64 {
        if exp >= self.decimals {
            (self.digits * 10u128.pow(exp - self.decimals)) as f64
        } else {
            self.digits as f64 / 10u128.pow(self.decimals - exp) as f64
        }
    }
}

/// `s` is written at byte `k`: a byte loop that stops at the first
/// difference, as it runs for every unit at every candidate.
fn written_at(text: &str, k: usize, s: &str) -> bool {
    let t = &text.as_bytes()[k..];
    t.len() >= s.len() && s.bytes().zip(t).all(|(a, &b)| a == b)
}

/// The byte offset of the first digit (ASCII, or full-width: EF BC 90–99)
/// at or after byte `from`.
fn next_digit(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(r) = b
        .get(i..)?
        .iter()
        .position(|&x| x.is_ascii_digit() || x == 0xEF)
    {
        let j = i + r;
        if b[j] != 0xEF
            || (b.get(j + 1) == Some(&0xBC)
                && b.get(j + 2).is_some_and(|x| (0x90..=0x99).contains(x)))
        {
            return Some(j);
        }
        i = j + 1;
    }
    None
}

/// Digits with optional thousands separators (`1,000`) and decimals, at byte
/// `i`: the number and the byte after it.
fn number(text: &str, i: usize) -> Option<(Num, usize)> {
    let at = |k: usize| text.get(k..).and_then(|t| t.chars().next());
    // The chars after byte `k`, the next `n` of them digits, then no digit.
    let digits_then_none = |k: usize, n: usize| {
        let mut it = text[k..].chars();
        (0..n).all(|_| it.next().and_then(digit).is_some()) && it.next().and_then(digit).is_none()
    };
    let mut digits: u128 = 0;
    let mut k = i;
    let mut n = 0;
    while let Some((c, d)) = at(k).and_then(|c| Some((c, digit(c)?))) {
        digits = digits.checked_mul(10)?.checked_add(u128::from(d))?;
        k += c.len_utf8();
        n += 1;
        // 1,000 but not 1,2 or 1,0000.
        if at(k) == Some(',') && n <= 3 && digits_then_none(k + 1, 3) {
            k += 1;
            n = 0;
        }
    }
    if k == i {
        return None;
    }
    let mut decimals = 0;
    if let Some(point) = at(k).filter(|&c| c == '.' || c == '．') {
        if at(k + point.len_utf8()).and_then(digit).is_some() {
            k += point.len_utf8();
            while let Some((c, d)) = at(k).and_then(|c| Some((c, digit(c)?))) {
                digits = digits.checked_mul(10)?.checked_add(u128::from(d))?;
                decimals += 1;
                k += c.len_utf8();
            }
            // 13.10.2017: a stamp, not a number.
            if matches!(at(k), Some('.') | Some('．')) {
                return None;
            }
        }
    }
    Some((Num { digits, decimals }, k))
}

/// The noun after a unit: CJK characters up to a stop character, cut back
/// to the last character a noun ends with.
fn noun_after(rest: &str) -> String {
    let run: Vec<char> = rest
        .chars()
        .take_while(|&c| is_han(c) && !LABEL_STOPS.contains(c))
        .take(12)
        .collect();
    let end = run
        .iter()
        .rposition(|&c| NOUN_ENDS.contains(c))
        .map_or(0, |p| p + 1);
    run[..end].iter().collect()
}

/// The words before a number within its clause, after the previous figure.
fn words_before(text: &str, start: usize, floor: usize) -> String {
    let floor = floor.min(start);
    let before = &text[floor..start];
    let clause = before
        .rsplit(|c: char| dates::is_punct(c) && c != '“' && c != '”' || c.is_whitespace())
        .next()
        .unwrap_or("");
    let mut s: &str = clause;
    for p in ["其中", "另外", "此外", "全省", "今年"] {
        if let Some(r) = s.strip_prefix(p) {
            if r.chars().count() >= 2 {
                s = r;
            }
        }
    }
    let mut s = s.to_string();
    if [
        "共", "计", "约", "近", "达", "为", "和", "及", "与", "或", "每", "其中",
    ]
    .contains(&s.as_str())
    {
        return String::new();
    }
    for suffix in [
        "分别不超过",
        "不超过",
        "分别为",
        "达到",
        "超过",
        "突破",
        "共计",
        "合计",
        "约",
        "近",
        "共",
        "达",
        "为",
        "的",
        "了",
        "是",
    ] {
        if let Some(r) = s.strip_suffix(suffix) {
            if !r.is_empty() {
                s = r.to_string();
                break;
            }
        }
    }
    let n = s.chars().count();
    if n > 12 {
        s = s.chars().skip(n - 12).collect();
    }
    s
}

/// Up to 16 characters before a number, within its sentence.
fn sentence_before(text: &str, start: usize) -> String {
    let before = &text[..start];
    let sentence = before
        .rsplit(['。', ';', '；', '!', '！', '?', '？', '\n'])
        .next()
        .unwrap_or("");
    let n = sentence.chars().count();
    sentence.chars().skip(n.saturating_sub(16)).collect()
}

/// The unit of `57万贫困人口`, `21.6亿的扶贫周转金`, `人均1.5万`.
fn infer_unit(mult: u32, after: &str, before: &str) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Date;

    fn figs(text: &str) -> Vec<(String, f64, String, String)> {
        let ctx = DateContext::new(Date::parse_iso("2017-10-12"));
        find(text, &ctx)
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.label))
            .collect()
    }

    fn f(t: &str, v: f64, u: &str, l: &str) -> (String, f64, String, String) {
        (t.into(), v, u.into(), l.into())
    }

    #[test]
    fn numbers_with_units() {
        assert_eq!(
            figs("2016年,我省57万贫困人口脱贫,1900个贫困村退出,脱贫攻坚首战首胜。"),
            vec![
                f("57万", 570_000.0, "人", "贫困人口"),
                f("1900个", 1900.0, "个", "贫困村"),
            ]
        );
        assert_eq!(
            figs("全省拿出中央和省财政专项扶贫资金的30.5%共11.76亿元,倾斜支持10个深度贫困县。"),
            vec![
                f("30.5%", 30.5, "%", "中央和省财政专项扶贫资金"),
                f(
                    "11.76亿元",
                    1_176_000_000.0,
                    "元",
                    "中央和省财政专项扶贫资金"
                ),
                f("10个", 10.0, "个", "深度贫困县"),
            ]
        );
        assert_eq!(
            figs("确定家庭主要劳动力失去能力的28.47万深度贫困人口为群体攻坚重点"),
            vec![f("28.47万", 284_700.0, "人", "深度贫困人口")]
        );
        assert_eq!(
            figs("今年安排下达政府债务资金25亿元,集中用于贫困村提升工程;需整体搬迁的3350个深度贫困自然村"),
            vec![
                f("25亿元", 2_500_000_000.0, "元", "安排下达政府债务资金"),
                f("3350个", 3350.0, "个", "深度贫困自然村"),
            ]
        );
    }

    #[test]
    fn inferred_units_and_approximations() {
        assert_eq!(
            figs("省级筹资15亿,人均1.5万,惠及8.2万贫困户,2400多个扶贫攻坚造林合作社承担"),
            vec![
                f("15亿", 1_500_000_000.0, "元", "省级筹资"),
                f("1.5万", 15_000.0, "元", "人均"),
                f("8.2万", 82_000.0, "户", "贫困户"),
                f("2400多个", 2400.0, "个", "扶贫攻坚造林合作社"),
            ]
        );
        assert_eq!(
            figs("每100千瓦补贴15-20万元,总规模218万千瓦"),
            vec![
                f("100千瓦", 100.0, "千瓦", ""),
                f("15-20万元", 150_000.0, "元", "补贴"),
                f("218万千瓦", 2_180_000.0, "千瓦", "总规模"),
            ]
        );
    }

    #[test]
    fn labels_carry_over_lists() {
        let v = figs("个人自付费用总额分别不超过1000元、3000元和6000元");
        assert_eq!(
            v.iter().map(|f| f.3.as_str()).collect::<Vec<_>>(),
            vec!["个人自付费用总额"; 3]
        );
        let v = figs("省财政安排专项资金1.8亿,实施6万农村贫困劳动力免费职业培训");
        assert_eq!((v[1].1, v[1].2.as_str()), (60_000.0, "人"));
    }

    #[test]
    fn not_figures() {
        for text in [
            "2016年,2017 年,2019年底前",
            "9月4日至5日,10.17前,扶贫日活动结束后5日内",
            "第三批搬迁任务,第四个扶贫日",
            "1、单位包村帮扶。“136”兜底保障",
            "13.10.2017  14:57",
            "光伏扶贫2017—2019三年实施方案,加上2015、2016两年试点项目",
        ] {
            assert_eq!(figs(text), vec![], "{text}");
        }
    }

    #[test]
    fn exact_values() {
        assert_eq!(figs("增长147.8%")[0].1, 147.8);
        assert_eq!(figs("投入69.64亿元")[0].1, 6_964_000_000.0);
        assert_eq!(figs("1,000元")[0].1, 1000.0);
        assert_eq!(figs("１２个")[0].1, 12.0);
    }
}
