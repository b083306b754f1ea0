//! Checks: the figures of a transcript against each other.
//!
//! - **`sum`**: the parts of a `其中…` sentence (same unit, exact, not rates)
//!   against their total. Each number counts as exact to half its last
//!   written digit, so `32.56 + 16.61 + 9.12 + 11.35 = 69.64` passes and so
//!   would `1.2 + 1.3 = 2.4` (2.5 within 0.1).
//! - **`share`**: a percentage (`扶贫周转金的22.6%，共4.88亿元`, `把总投资中的
//!   30%，即…`, `…占X的比例为20%，共…`) against the amount just after it (or
//!   before it: `6000万元，占X的3%`) and the total it is a share of: its
//!   parent (`其中22.8%`) or else the nearest figure, anywhere, whose label
//!   ends with what the share is of (see [`arithmetic::share`]). `完成年度任务的80%` is checked against the amount before it and a
//!   figure whose label ends with that amount's label, or else the nearest
//!   larger figure of its unit in its sentence (`计划120所…完成96所`).
//! - **`growth`**: `比上年增长20%` against the base (after `上年`, `比去年`,
//!   `由`, `从`; before the rate or after it: `…，上年为1.5亿元`) and the
//!   other value of the same unit in its sentence.
//! - **`repeat`** and **`conflict`**: "the same thing" (see `same_key`).
//!   Equal values in several blocks are a repeat; different values are a
//!   conflict only on stricter terms (see `repeat_and_conflict`).
//!
//! Everything is grouped by key first (B-tree maps), so the checks are
//! linear in the number of figures, bar the few labels of one key.

use crate::chars::is_han;
use crate::figures::{strip_verbs, GOES_TO};
use crate::model::{Check, CheckKind, CheckStatus, Document, Figure, FigureDetail};
use std::collections::{BTreeMap, BTreeSet};

mod arithmetic;
mod sameness;

use arithmetic::*;
use sameness::*;

/// Figures by id (`n12`), as a vector indexed by the id's number.
struct Ids(Vec<Option<usize>>);

impl Ids {
    fn new(all: &[F]) -> Self {
        let mut v = vec![None; all.len() + 1];
        for (i, x) in all.iter().enumerate() {
            if let Some(n) = Self::number(&x.f.id) {
                if n >= v.len() {
                    v.resize(n + 1, None);
                }
                v[n] = Some(i);
            }
        }
        Ids(v)
    }
    fn number(id: &str) -> Option<usize> {
        id.strip_prefix('n')?.parse().ok()
    }
    fn get(&self, id: &str) -> Option<&usize> {
        self.0.get(Self::number(id)?)?.as_ref()
    }
}

/// One figure with its detail and its block's text.
struct F<'a> {
    f: &'a Figure,
    d: &'a FigureDetail,
    /// Index into the block texts.
    block: usize,
    /// The label, without leading `今年`/`全省`… or verbs.
    canon: String,
    /// The two characters before the number (`完成` in `改造完成3.2万户`).
    lead: String,
}

impl F<'_> {
    fn percent(&self) -> bool {
        matches!(self.f.unit.as_str(), "%" | "‰" | "个百分点")
    }
    /// An amount or count (not a percentage, not a rate).
    fn plain(&self) -> bool {
        !self.percent() && self.d.rate.is_none()
    }
    /// Written as one exact number (no `多`, `以上`, range, bound).
    fn exact(&self) -> bool {
        self.d.approx.is_none() && self.d.upper.is_none()
    }
    fn half_step(&self) -> f64 {
        self.d.step / 2.0
    }
    fn who(&self) -> &str {
        self.f.speaker.as_deref().unwrap_or("")
    }
}

/// The label's last two characters: figures of one thing share them.
fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// Labels that say only "last year".
const LAST_YEAR: &[&str] = &["上年", "去年", "上一年", "上年同期", "去年同期", "同期"];

/// "The same thing": a figure's key is its unit, the last two characters of
/// its label (without leading `今年`, `全省`… and verbs) and the total it is a
/// part of (by unit and value); within a key, two labels are the same thing
/// when one ends with the other. A share's key is its total (the figure, by
/// value, else its name) and where it goes ([`sameness::destination`]), in
/// whatever shape it is said; a change's, the figure it is the change of.
fn same_key(x: &F, all: &[F], by_id: &Ids) -> Option<String> {
    if x.plain() {
        // Last year's value (`上年为1.5亿元`) is only a growth's base.
        if x.canon.chars().count() < 2 || LAST_YEAR.contains(&x.canon.as_str()) {
            return None;
        }
        let parent =
            x.d.parent
                .as_deref()
                .and_then(|p| by_id.get(p))
                .map_or(String::new(), |&p| {
                    format!("{:x}{}", all[p].f.value.to_bits(), all[p].f.unit)
                });
        return Some(format!("{}|{}|{}", x.f.unit, tail(&x.canon, 2), parent));
    }
    None
}

/// The figures of the document, with their block texts.
fn views(doc: &Document) -> (Vec<F<'_>>, Vec<String>) {
    let mut texts: Vec<String> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    let mut blocks = doc.blocks();
    let mut out = Vec::with_capacity(doc.figures.len());
    for (f, d) in doc.figures.iter().zip(&doc.figure_details) {
        if ids.last() != Some(&f.block.as_str()) {
            // Figures are in reading order: walk the blocks along.
            for b in blocks.by_ref() {
                if b.id == f.block {
                    texts.push(b.full_text());
                    ids.push(&f.block);
                    break;
                }
            }
            if ids.last() != Some(&f.block.as_str()) {
                break;
            }
        }
        let text = &texts[texts.len() - 1];
        // Details from elsewhere (deserialized) may not fit: skip those.
        let fits = |r: [usize; 2]| r[0] <= r[1] && text.get(r[0]..r[1]).is_some();
        if !fits(d.span) || !fits(d.sentence) || d.figure != f.id {
            continue;
        }
        let lead: Vec<char> = text[..d.span[0]].chars().rev().take(2).collect();
        out.push(F {
            f,
            d,
            block: texts.len() - 1,
            canon: strip_verbs(&f.label).to_string(),
            lead: lead.into_iter().rev().collect(),
        });
    }
    (out, texts)
}

/// The checks of a document's figures (`doc.figures` and
/// `doc.figure_details`, as [`crate::figures::extract_details_in`] gives them):
/// conflicts first, then sums, shares and growth in reading order, then
/// repeats; ids `c1…` in that order.
pub fn check(doc: &Document) -> Vec<Check> {
    let (all, texts) = views(doc);
    let by_id = Ids::new(&all);
    let mut conflicts = Vec::new();
    let mut arithmetic: Vec<(usize, Check)> = Vec::new();
    let mut repeats = Vec::new();

    sums(&all, &by_id, &mut arithmetic);
    shares(&all, &texts, &by_id, &mut arithmetic);
    growth(&all, &texts, &mut arithmetic);
    same_things(&all, &texts, &by_id, &mut repeats, &mut conflicts);

    arithmetic.sort_by_key(|(i, _)| *i);
    let mut out: Vec<Check> = conflicts;
    out.extend(arithmetic.into_iter().map(|(_, c)| c));
    out.extend(repeats);
    for (i, c) in out.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }
    out
}

/// A check of these figures (indices into `all`).
fn make(all: &[F], kind: CheckKind, ok: bool, figs: &[usize], note: String) -> Check {
    // Figures are in reading order, so are their blocks.
    let mut sorted = figs.to_vec();
    sorted.sort_unstable();
    let mut blocks: Vec<String> = Vec::new();
    for &i in &sorted {
        if blocks.last() != Some(&all[i].f.block) {
            blocks.push(all[i].f.block.clone());
        }
    }
    Check {
        id: String::new(),
        kind,
        status: if ok {
            CheckStatus::Consistent
        } else {
            CheckStatus::Inconsistent
        },
        figures: figs.iter().map(|&i| all[i].f.id.clone()).collect(),
        note,
        blocks,
    }
}

/// The multiplier written in a figure (`亿`, `万`) and its exponent.
fn scale(text: &str) -> (&'static str, i32) {
    crate::figures::MULTIPLIERS
        .iter()
        .find(|(m, _)| text.contains(m))
        .map_or(("", 0), |&(m, e)| (m, e as i32))
}

/// A value written at a figure's scale: `6964000000` like `69.64亿元` →
/// `69.64亿元`.
fn written_like(value: f64, like: &F, decimals: usize) -> String {
    let (m, e) = scale(&like.f.text);
    let unit = if like.f.text.ends_with(like.f.unit.as_str()) {
        like.f.unit.as_str()
    } else {
        ""
    };
    format!("{}{m}{unit}", fixed(value / 10f64.powi(e), decimals))
}

/// `x` with `d` digits after the point, rounded half away from zero. By
/// integers: float formatting would weigh on the panels' wasm.
fn fixed(x: f64, d: usize) -> String {
    let d = d.min(12);
    let scaled = (x.abs() * 10f64.powi(d as i32)).round();
    if !scaled.is_finite() || scaled >= 1e30 {
        return String::from("∞");
    }
    let n = scaled as u128;
    let p = 10u128.pow(d as u32);
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    if d == 0 {
        format!("{sign}{n}")
    } else {
        format!("{sign}{}.{:0w$}", n / p, n % p, w = d)
    }
}

/// Digits after the point in a figure as written.
fn decimals(x: &F) -> usize {
    let t = &x.f.text;
    t.find(['.', '．']).map_or(0, |i| {
        t[i..]
            .chars()
            .skip(1)
            .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .count()
    })
}

#[cfg(test)]
mod tests {
    use crate::model::{CheckKind, CheckStatus};

    fn checks(text: &str) -> Vec<(CheckKind, CheckStatus, String)> {
        let doc = crate::analysed(text, None);
        doc.checks
            .into_iter()
            .map(|c| (c.kind, c.status, c.note))
            .collect()
    }

    fn has(v: &[(CheckKind, CheckStatus, String)], kind: CheckKind, ok: bool, note: &str) -> bool {
        let status = if ok {
            CheckStatus::Consistent
        } else {
            CheckStatus::Inconsistent
        };
        v.iter()
            .any(|(k, s, n)| *k == kind && *s == status && n.contains(note))
    }

    #[test]
    fn fixed_point() {
        use super::fixed;
        assert_eq!(fixed(22.5926, 2), "22.59");
        assert_eq!(fixed(69.64, 2), "69.64");
        assert_eq!(fixed(-19.84, 1), "-19.8");
        assert_eq!(fixed(80.0, 0), "80");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(f64::INFINITY, 1), "∞");
    }

    #[test]
    fn sums_within_rounding() {
        let v = checks("主持人:\n今年共投入资金12.5亿元,其中中央安排6.2亿元,省级安排4.1亿元,市县安排2.2亿元。\n");
        assert!(
            has(
                &v,
                CheckKind::Sum,
                true,
                "6.2亿元 + 4.1亿元 + 2.2亿元 = 12.5亿元 = 12.5亿元"
            ),
            "{v:?}"
        );
        let v = checks("主持人:\n今年共投入资金12.5亿元,其中中央安排6.2亿元,省级安排4.1亿元,市县安排2.6亿元。\n");
        assert!(
            has(&v, CheckKind::Sum, false, "= 12.9亿元 ≠ 12.5亿元"),
            "{v:?}"
        );
        // Rounded parts: 1.3 + 1.3 may be 2.5.
        let v = checks("主持人:\n建成电站2.5万千瓦,其中村级电站1.3万千瓦,集中电站1.3万千瓦。\n");
        assert!(
            has(&v, CheckKind::Sum, true, "= 2.6万千瓦 = 2.5万千瓦"),
            "{v:?}"
        );
    }

    #[test]
    fn shares_and_growth() {
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n设立总规模20亿元的产业基金。\n李明华:\n安排产业基金的25%,共5亿元投入到贫困县。安排产业基金的30%,共5亿元用于龙头企业。\n");
        assert!(
            has(&v, CheckKind::Share, true, "5亿元 ÷ 20亿元 = 25.0% ≈ 25%"),
            "{v:?}"
        );
        assert!(has(&v, CheckKind::Share, false, "≠ 30%"), "{v:?}");
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n今年投入12亿元,比上年的10亿元增长20%。今年培训8000人,比去年的5000人增长50%。\n");
        assert!(
            has(
                &v,
                CheckKind::Growth,
                true,
                "(12亿元 − 10亿元) ÷ 10亿元 = 20.0% ≈ 增长20%"
            ),
            "{v:?}"
        );
        assert!(
            has(&v, CheckKind::Growth, false, "60.0% ≠ 增长50%"),
            "{v:?}"
        );
    }

    #[test]
    fn repeats_and_conflicts() {
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n全省农村危房改造完成3.2万户。\n李明华:\n全省农村危房改造完成3.2万户,扶贫周转金的20%投入到深度贫困县。\n赵文军:\n扶贫周转金的22%投入到深度贫困县。农村危房改造完成3.5万户。\n");
        assert!(
            has(
                &v,
                CheckKind::Repeat,
                true,
                "农村危房改造 3.2万户 × 2 (王建国、李明华)"
            ),
            "{v:?}"
        );
        assert!(
            has(&v, CheckKind::Conflict, false, "扶贫周转金: 20% (李明华"),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                CheckKind::Conflict,
                false,
                "农村危房改造: 3.2万户 (王建国"
            ),
            "{v:?}"
        );
        // Short, generic labels do not conflict: 贫困村 counts many things.
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n1900个贫困村退出。\n李明华:\n覆盖贫困村2500个。\n");
        assert!(v.iter().all(|c| c.0 != CheckKind::Conflict), "{v:?}");
    }
    #[test]
    fn other_wordings() {
        // The base after the rate, in the same sentence.
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n今年投入12.6亿元,比上年增长30%,上年为10.5亿元。\n");
        assert!(
            has(&v, CheckKind::Growth, false, "20.0% ≠ 增长30%"),
            "{v:?}"
        );
        // `去年全市…` reports last year; it is not a base.
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n去年全市完成投资6亿元,同比增长20%,上年同期为5亿元。\n");
        assert!(
            has(&v, CheckKind::Growth, true, "(6亿元 − 5亿元) ÷ 5亿元"),
            "{v:?}"
        );
        // `从业人员` after a rate is no base; `去年…` is one when another
        // value is there to compare.
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n接待游客3000万人,同比增长20%,从业人员达到50万人。去年全年投入10亿元,今年投入12.5亿元,增长25%。\n");
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(
            has(&v, CheckKind::Growth, true, "(12.5亿元 − 10亿元) ÷ 10亿元"),
            "{v:?}"
        );
        // A base of another unit is none.
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n投入6亿元,比上年增长20%,上年新开工项目为30个。\n");
        assert!(v.iter().all(|c| c.0 != CheckKind::Growth), "{v:?}");
        // The amount before the share: `A，占X的P%`.
        let v = checks("主持人:\n各位记者朋友们,大家好!\n王建国:\n设立专项资金50亿元。其中安排贫困县12.5亿元,占专项资金的25%。\n");
        assert!(
            has(
                &v,
                CheckKind::Share,
                true,
                "12.5亿元 ÷ 50亿元 = 25.0% ≈ 25%"
            ),
            "{v:?}"
        );
        // Two shares of one total in two shapes, to the same place and to
        // another.
        let text = "主持人:\n各位记者朋友们,大家好!\n王建国:\n设立产业基金20亿元,产业基金的30%投向贫困县。\n李明华:\n产业基金中投向贫困县的比例是35%。\n赵文军:\n产业基金的35%投向龙头企业。\n";
        let v = checks(text);
        let conflicts: Vec<_> = v.iter().filter(|c| c.0 == CheckKind::Conflict).collect();
        assert_eq!(conflicts.len(), 1, "{v:?}");
        assert!(
            conflicts[0].2.contains("30% (王建国) ≠ 35% (李明华)"),
            "{v:?}"
        );
    }
}
