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
//! - **Label.** The noun after the unit (`贫困人口`, also past a `的`:
//!   `21.6亿的扶贫周转金`), cut at the first verb-like character; else the
//!   words before the number in its clause, whole (`贫困劳动力免费职业培训`),
//!   without leading `其中`/`今年`/`全省` or a trailing `达到`/`完成`.
//! - **Details** ([`FigureDetail`]): the span and sentence, the step of the
//!   last digit written, a range's upper bound, an approximation (`多`,
//!   `以上`, `约`, `超过`…), a rate (`每100千瓦`, `人均`, `每亩`), the parent
//!   total of a part (`总规模218万千瓦…其中村级电站138万千瓦`), and for a
//!   percentage what it is a share of (`扶贫周转金的22.6%`) or the change it
//!   measures (`增长50%`).

use crate::chars::{digit, is_han};
use crate::dates::{self, DateContext};
use crate::model::{Block, BlockKind, Document, Figure, FigureDetail};

mod label;
mod number;

use label::*;
pub(crate) use label::{strip_prefixes, strip_verbs, GOES_TO};

use number::*;

/// Extracts the figures, in reading order.
pub fn extract(doc: &Document) -> Vec<Figure> {
    extract_in(doc, &DateContext::from_document(doc))
}

/// [`extract`] with the document's date context already built.
pub fn extract_in(doc: &Document, ctx: &DateContext) -> Vec<Figure> {
    extract_details_in(doc, ctx).0
}

/// The figures and their details (one each, same order).
pub fn extract_details_in(doc: &Document, ctx: &DateContext) -> (Vec<Figure>, Vec<FigureDetail>) {
    let mut out = (Vec::new(), Vec::new());
    for block in &doc.front {
        scan_block(block, None, ctx, &mut out);
    }
    for turn in &doc.turns {
        for block in &turn.blocks {
            scan_block(block, Some(&turn.speaker), ctx, &mut out);
        }
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
    /// The value of the last digit written, in base units.
    pub step: f64,
    pub upper: Option<f64>,
    pub approx: Option<String>,
    pub rate: Option<String>,
    /// For a percentage: what it is a share of.
    pub of: Option<String>,
    /// For a percentage: the change it measures.
    pub change: Option<String>,
    /// Index (in the same result) of the total this is a part of.
    pub parent: Option<usize>,
    /// Byte range of its sentence.
    pub sentence: std::ops::Range<usize>,
}

fn scan_block(
    block: &Block,
    speaker: Option<&String>,
    ctx: &DateContext,
    (figures, details): &mut (Vec<Figure>, Vec<FigureDetail>),
) {
    if matches!(
        block.kind,
        BlockKind::Title | BlockKind::Stamp | BlockKind::Header | BlockKind::Timestamp
    ) {
        return;
    }
    let text = dates::full_text(block);
    let skip = block.marker.as_ref().map_or(0, String::len);
    let found = find(&text, ctx);
    // Ids of the figures kept, by index in `found`.
    let mut ids: Vec<Option<String>> = Vec::with_capacity(found.len());
    for f in found {
        if f.span.start < skip {
            ids.push(None);
            continue;
        }
        let id = format!("n{}", figures.len() + 1);
        ids.push(Some(id.clone()));
        details.push(FigureDetail {
            figure: id.clone(),
            span: [f.span.start, f.span.end],
            sentence: [f.sentence.start, f.sentence.end],
            step: f.step,
            upper: f.upper,
            approx: f.approx,
            rate: f.rate,
            parent: f.parent.and_then(|p| ids[p].clone()),
            of: f.of,
            change: f.change,
        });
        figures.push(Figure {
            id,
            text: f.text,
            value: f.value,
            unit: f.unit,
            label: f.label,
            speaker: speaker.cloned(),
            block: block.id.clone(),
        });
    }
}

/// Chinese multipliers and their powers of ten, longest first.
pub(crate) const MULTIPLIERS: &[(&str, u32)] = &[
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
const NOUN_ENDS: &str = "口人村县户乡镇市区点站院校社企业金款力部员生者才干长位队园林地田房洞目动程务面题措策制品库师士象庭场厂金网路组团所会项链群众民记训";

/// Ends a sentence (for a figure's sentence and a `其中…`'s reach).
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n')
}

/// Ends a sentence or a `；` clause (for a figure's sentence span).
fn ends_clause_group(c: char) -> bool {
    ends_sentence(c) || c == '；' || c == ';'
}

/// Words before a number that make it approximate or a bound.
const APPROX_BEFORE: &[&str] = &[
    "不超过",
    "不低于",
    "不少于",
    "超过",
    "突破",
    "不到",
    "不足",
    "约",
    "近",
    "逾",
    "上千",
    "上万",
];

/// Words after a number (and its unit) that make it approximate or a bound.
const APPROX_AFTER: &[&str] = &["以上", "以下", "左右", "多", "余"];

/// Words that make a percentage a change.
const CHANGES: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "下降", "减少", "降低", "增幅", "降幅",
];

/// Whether the words before a number say it is last year's value, a
/// growth's base (`上年为1.5亿元`, `上年同期为`, `比去年的`, `去年是`), not
/// what a report of last year gives (`去年全市完成投资…`).
pub(crate) fn last_years(before: &str) -> bool {
    let before = before.trim_start_matches(|c: char| dates::is_punct(c) || c.is_whitespace());
    ["上年", "上一年", "同期", "比去年"]
        .iter()
        .any(|w| before.contains(w))
        || before
            .strip_prefix("去年")
            .is_some_and(|r| r.chars().count() <= 2)
}

/// Per-something words (`人均1.5万`, `每亩垫付500元`).
const PER: &[&str] = &["人均", "户均", "县均", "村均", "亩均", "年均", "月均"];

/// Cursor over sentence boundaries, moved forward only (linear overall).
struct Sentences<'t> {
    text: &'t str,
    /// Scanned up to here.
    at: usize,
    /// Start of the current sentence (after `。`…) and of the one before.
    start: usize,
    prev_start: usize,
    /// Start of the current `；` clause group.
    group_start: usize,
    /// The last `其中` in the current sentence.
    qizhong: Option<usize>,
    /// The next clause-group end at or after some point, cached.
    next_end: usize,
}

impl<'t> Sentences<'t> {
    fn new(text: &'t str) -> Self {
        Sentences {
            text,
            at: 0,
            start: 0,
            prev_start: 0,
            group_start: 0,
            qizhong: None,
            next_end: 0,
        }
    }

    /// Moves to byte `to` (a char boundary at or after the last one).
    fn advance(&mut self, to: usize) {
        let mut q = 0u8;
        for (i, c) in self.text[self.at..to].char_indices() {
            let i = self.at + i;
            if c == '其' {
                q = 1;
            } else if c == '中' && q == 1 {
                self.qizhong = Some(i - '其'.len_utf8());
                q = 0;
            } else {
                q = 0;
            }
            if ends_sentence(c) {
                self.prev_start = self.start;
                self.start = i + c.len_utf8();
                self.group_start = self.start;
                self.qizhong = None;
            } else if ends_clause_group(c) {
                self.group_start = i + c.len_utf8();
            }
        }
        // A `其中` cut by `to` is found on the next call.
        if self.text[..to].ends_with('其') {
            self.at = to - '其'.len_utf8();
        } else {
            self.at = to;
        }
    }

    /// The end of the clause group holding byte `k`.
    fn end_after(&mut self, k: usize) -> usize {
        if self.next_end < k || self.next_end == 0 {
            self.next_end = self.text[k..]
                .char_indices()
                .find(|&(_, c)| ends_clause_group(c))
                .map_or(self.text.len(), |(i, _)| k + i);
        }
        self.next_end
    }
}

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
    // Whether each figure in `out` is last year's (see [`last_years`]).
    let mut base: Vec<bool> = Vec::new();
    let mut sentences = Sentences::new(text);
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
        let mut upper_num = None;
        if let Some(c) = at(k).filter(|&c| "-—~～至到".contains(c)) {
            if let Some((n2, k2)) = number(text, k + c.len_utf8()) {
                k = k2;
                upper_num = Some(n2);
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
        let mut approx: Option<String> = None;
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
                approx = Some(c.to_string());
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
        let percent = unit == "%" || unit == "‰" || unit == "个百分点";
        // After the unit: an approximation, then perhaps `的` and a noun.
        let mut rest = &text[k..];
        if let Some(a) = APPROX_AFTER.iter().find(|a| rest.starts_with(**a)) {
            approx.get_or_insert_with(|| (*a).to_string());
            rest = &rest[a.len()..];
        }
        let past_de = rest.strip_prefix('的');
        let after = noun_after(past_de.unwrap_or(rest));
        let floor = out.last().map_or(0, |f| f.span.end);
        let before_raw = clause_before(text, span.start, floor);
        let mut before = words_before(text, span.start, floor);
        if text[..span.start].trim_end().ends_with('的') {
            // `拿出…资金的30.5%`, `把总投资中的30%`: what the share is of.
            before = share_of(&before).to_string();
        }
        // `…用于A的比例是35%`, `A占B的比例为20%`: a share of B.
        let ratio = if unit == "%" {
            ratio_of(sentence_to(text, span.start, floor))
        } else {
            None
        };
        if let Some(r) = &ratio {
            before = r.clone();
        }
        if approx.is_none() {
            approx = APPROX_BEFORE
                .iter()
                .find(|a| text[..span.start].ends_with(**a))
                .map(|a| (*a).to_string());
        }
        if unit.is_empty() {
            unit = infer_unit(mult, &after, &sentence_before(text, span.start)).to_string();
        }
        let exp = if percent { 0 } else { mult };
        let value = num.value(exp);
        let step = Num {
            digits: 1,
            decimals: num.decimals,
        }
        .value(exp);
        let upper = upper_num.map(|n| n.value(exp));
        // A rate: `每100千瓦` (the basis), what follows it, `人均…`, `每亩…`.
        let basis = before_raw.ends_with('每');
        let rate = if basis {
            Some(format!("每{}", &text[span.clone()]))
        } else if let Some(p) = out
            .last()
            .filter(|p| p.rate.is_some() && p.span.end <= span.start)
            .filter(|p| {
                text[p.span.end..span.start]
                    .chars()
                    .all(|c| is_han(c) || c.is_whitespace())
            })
        {
            p.rate.clone()
        } else {
            per_word(before_raw)
        };
        let change = if percent {
            CHANGES
                .iter()
                .find(|w| before_raw.contains(**w))
                .map(|w| (*w).to_string())
        } else {
            None
        };
        let mut label = if basis {
            // `省级每100千瓦补贴…`: the words around the rate.
            let head = before_raw.trim_end_matches('每');
            let head = strip_prefixes(head);
            let tail: String = rest.chars().take_while(|&c| is_han(c)).take(8).collect();
            format!("{head}{tail}")
        } else if !after.is_empty() {
            after.clone()
        } else if !before.is_empty() {
            before.clone()
        } else {
            String::new()
        };
        if label.is_empty() {
            // `…资金的30.5%，共11.76亿元`: the same thing as the figure just before.
            label = out
                .last()
                .filter(|p| {
                    text[p.span.end..span.start]
                        .chars()
                        .all(|c| "、和及与或共计即,，".contains(c) || c.is_whitespace())
                })
                .map(|p| p.label.clone())
                .unwrap_or_default();
        }
        let mut of = None;
        if percent && change.is_none() {
            if ratio.is_some()
                || text[..span.start].trim_end().ends_with('的') && !before.is_empty()
            {
                of = Some(before.clone());
            } else if past_de.is_some() && !after.is_empty() {
                of = Some(after.clone());
            }
        }
        // The sentence, and the total a `其中…` part belongs to.
        sentences.advance(span.start);
        let sentence = sentences.group_start..sentences.end_after(span.end);
        let mut parent = None;
        let threshold = approx
            .as_deref()
            .is_some_and(|a| !matches!(a, "多" | "余" | "约" | "近"));
        if let Some(q) = sentences.qizhong.filter(|_| rate.is_none() && !threshold) {
            let reach = sentences.prev_start;
            parent = out
                .iter()
                .enumerate()
                .rev()
                .take(32)
                .filter(|(_, p)| p.span.end <= q && p.span.start >= reach)
                .filter(|(_, p)| p.rate.is_none() && p.of.is_none() && p.change.is_none())
                .filter(|(_, p)| p.unit != "%" && p.unit != "‰" && p.unit != "个百分点")
                // Last year's figure (`上年同期为10万亩`) is a growth's base,
                // not this year's total.
                .filter(|&(j, _)| !base[j])
                .find(|(_, p)| (percent && change.is_none()) || (!percent && p.unit == unit))
                .map(|(j, _)| j);
            if percent && of.is_none() {
                of = parent.map(|j| out[j].label.clone());
            }
        }
        base.push(last_years(before_raw));
        out.push(Found {
            span: span.clone(),
            text: text[span].to_string(),
            value,
            unit,
            label,
            step,
            upper,
            approx,
            rate,
            of,
            change,
            parent,
            sentence,
        });
        i = k;
    }
    out
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
                f("100千瓦", 100.0, "千瓦", "补贴"),
                f("15-20万元", 150_000.0, "元", "补贴"),
                f("218万千瓦", 2_180_000.0, "千瓦", "总规模"),
            ]
        );
    }

    fn found(text: &str) -> Vec<Found> {
        find(text, &DateContext::new(Date::parse_iso("2017-10-12")))
    }

    #[test]
    fn labels_are_whole_phrases() {
        let v = figs("到8月底,贫困劳动力免费职业培训完成4.82万人,完成年度任务的80%。");
        assert_eq!(v[0].3, "贫困劳动力免费职业培训");
        assert_eq!(v[1].3, "年度任务");
        let v = figs("省级还设立总规模21.6亿的扶贫周转金,其中22.8%投入到深度贫困县。");
        assert_eq!(v[0].3, "扶贫周转金");
        let v = figs("省级每100千瓦补贴15-20万元");
        assert_eq!(v[0].3, "省级补贴");
        assert_eq!(v[1].3, "补贴");
    }

    #[test]
    fn rates_ranges_approximations() {
        let v = found("省级每100千瓦补贴15-20万元,人均1.5万,惠及2000个以上贫困村,7万多贫困户受益,新增贷款超过5000万");
        assert_eq!(v[0].rate.as_deref(), Some("每100千瓦"));
        assert_eq!(v[1].rate.as_deref(), Some("每100千瓦"));
        assert_eq!(v[1].upper, Some(200_000.0));
        assert_eq!(v[1].step, 10_000.0);
        assert_eq!(v[2].rate.as_deref(), Some("人均"));
        assert_eq!(v[3].approx.as_deref(), Some("以上"));
        assert_eq!(v[3].label, "贫困村");
        assert_eq!(v[4].approx.as_deref(), Some("多"));
        assert_eq!(v[5].approx.as_deref(), Some("超过"));
        assert!(v.iter().all(|f| f.parent.is_none()));
    }

    #[test]
    fn parents_shares_and_changes() {
        let v = found("今年投入达到69.64亿元,其中中央安排32.56亿,增长50.6%;省级安排16.61亿元,增长50%。另外安排1.6亿元。");
        let texts: Vec<_> = v.iter().map(|f| (f.text.as_str(), f.parent)).collect();
        assert_eq!(
            texts,
            vec![
                ("69.64亿元", None),
                ("32.56亿", Some(0)),
                ("50.6%", None),
                ("16.61亿元", Some(0)),
                ("50%", None),
                ("1.6亿元", None),
            ]
        );
        assert_eq!(v[2].change.as_deref(), Some("增长"));
        assert_eq!(v[0].step, 1_000_000.0);
        // A 其中 sentence reaches back one sentence, for the same unit.
        let v = found("总规模218万千瓦,覆盖深度贫困县。其中村级电站138万千瓦,集中电站80万千瓦,省级每100千瓦补贴15-20万元。");
        let parents: Vec<_> = v.iter().map(|f| f.parent).collect();
        assert_eq!(parents, vec![None, Some(0), Some(0), None, None]);
        let v = found("设立总规模21.6亿的扶贫周转金,其中22.8%投入到深度贫困县。安排扶贫周转金的22.6% ,共4.88亿元投入。");
        assert_eq!(v[1].parent, Some(0));
        assert_eq!(v[1].of.as_deref(), Some("扶贫周转金"));
        assert_eq!(v[2].of.as_deref(), Some("扶贫周转金"));
        assert_eq!(v[3].label, "扶贫周转金");
        assert_eq!(v[2].sentence.start, v[3].sentence.start);
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
