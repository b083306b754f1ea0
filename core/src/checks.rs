//! Checks: the figures of a transcript against each other.
//!
//! - **`sum`**: the parts of a `其中…` sentence (same unit, exact, not rates)
//!   against their total. Each number counts as exact to half its last
//!   written digit, so `32.56 + 16.61 + 9.12 + 11.35 = 69.64` passes and so
//!   would `1.2 + 1.3 = 2.4` (2.5 within 0.1).
//! - **`share`**: a percentage (`扶贫周转金的22.6%，共4.88亿元`) against the
//!   amount just after it and the total it is a share of: its parent
//!   (`其中22.8%`) or else a figure whose label ends with what the share is
//!   of. `完成年度任务的80%` is checked against the amount before it and a
//!   figure whose label ends with that amount's label, or else the nearest
//!   larger figure of its unit in its sentence (`计划120所…完成96所`).
//! - **`growth`**: `比上年增长20%` against the base (after `上年`, `去年`,
//!   `由`, `从`) and the other value of the same unit in its sentence.
//! - **`repeat`** and **`conflict`**: "the same thing" (see `same_key`).
//!   Equal values in several blocks are a repeat; different values are a
//!   conflict only on stricter terms (see `repeat_and_conflict`).
//!
//! Everything is grouped by key first (B-tree maps), so the checks are
//! linear in the number of figures, bar the few labels of one key.

use crate::chars::is_han;
use crate::figures::strip_verbs;
use crate::model::{Check, CheckKind, CheckStatus, Document, Figure, FigureDetail};
use std::collections::{BTreeMap, BTreeSet};

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

/// "The same thing": a figure's key is its unit, the last two characters of
/// its label (without leading `今年`, `全省`… and verbs) and the total it is a
/// part of (by unit and value); within a key, two labels are the same thing
/// when one ends with the other. A percentage's key is what it is a share of
/// and where the share goes (the last three characters of its sentence's
/// rest), or, for a change, the figure it is the change of.
fn same_key(x: &F, all: &[F], by_id: &Ids) -> Option<String> {
    if x.plain() {
        if x.canon.chars().count() < 2 {
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

fn sums(all: &[F], by_id: &Ids, out: &mut Vec<(usize, Check)>) {
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, x) in all.iter().enumerate() {
        let Some(&p) = x.d.parent.as_deref().and_then(|p| by_id.get(p)) else {
            continue;
        };
        if x.plain() && x.exact() && all[p].plain() && all[p].exact() && all[p].f.unit == x.f.unit {
            parts.entry(p).or_default().push(i);
        }
    }
    for (p, ps) in parts {
        if ps.len() < 2 {
            continue;
        }
        let total = &all[p];
        let sum: f64 = ps.iter().map(|&i| all[i].f.value).sum();
        let tol = total.half_step() + ps.iter().map(|&i| all[i].half_step()).sum::<f64>();
        let ok = (sum - total.f.value).abs() <= tol * (1.0 + 1e-9);
        let dec = ps
            .iter()
            .map(|&i| decimals(&all[i]))
            .chain([decimals(total)])
            .max()
            .unwrap_or(0);
        let terms: Vec<&str> = ps.iter().map(|&i| all[i].f.text.as_str()).collect();
        let note = format!(
            "{} = {} {} {}",
            terms.join(" + "),
            written_like(sum, total, dec),
            if ok { "=" } else { "≠" },
            total.f.text
        );
        let mut figs = vec![p];
        figs.extend(&ps);
        out.push((p, make(all, CheckKind::Sum, ok, &figs, note)));
    }
}

/// Characters allowed between a share and its amount (`22.6%，共4.88亿元`).
fn joins_amount(gap: &str) -> bool {
    gap.chars()
        .all(|c| ",，、共计合即约为".contains(c) || c.is_whitespace())
}

/// Plain figures by unit and label tail, for finding totals by label.
fn label_index(all: &[F]) -> BTreeMap<(String, String), Vec<usize>> {
    let mut idx: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, x) in all.iter().enumerate() {
        if x.plain() && x.canon.chars().count() >= 2 {
            idx.entry((x.f.unit.clone(), tail(&x.canon, 2)))
                .or_default()
                .push(i);
        }
    }
    idx
}

/// The total whose label ends with `what`, nearest before `near` (else
/// nearest after), of this unit, larger than `than`, not `not`.
fn total_by_label(
    all: &[F],
    idx: &BTreeMap<(String, String), Vec<usize>>,
    unit: &str,
    what: &str,
    near: usize,
    than: f64,
    not: usize,
) -> Option<usize> {
    if what.chars().count() < 2 {
        return None;
    }
    let list = idx.get(&(unit.to_string(), tail(what, 2)))?;
    let fits = |&&i: &&usize| i != not && all[i].f.value > than && all[i].canon.ends_with(what);
    let before = list.partition_point(|&i| i < near);
    // The nearest 64 on either side: a total is given near its share, and
    // the search stays linear on long documents.
    list[..before]
        .iter()
        .rev()
        .take(64)
        .find(fits)
        .or_else(|| list[before..].iter().take(64).find(fits))
        .copied()
}

fn shares(all: &[F], texts: &[String], by_id: &Ids, out: &mut Vec<(usize, Check)>) {
    let idx = label_index(all);
    for (i, p) in all.iter().enumerate() {
        let (Some(of), true, None) = (&p.d.of, p.percent(), &p.d.change) else {
            continue;
        };
        if p.f.unit != "%" {
            continue;
        }
        let text = &texts[p.block];
        let task = ["任务", "计划", "目标"].iter().any(|w| of.contains(w));
        // The amount: just after (`22.6%，共4.88亿元`), or for a task just before.
        let next = all.get(i + 1).filter(|a| {
            a.block == p.block
                && a.plain()
                && a.d.span[0] >= p.d.span[1]
                && joins_amount(&text[p.d.span[1]..a.d.span[0]])
        });
        let amount = if next.is_some() {
            Some(i + 1)
        } else if task {
            i.checked_sub(1).filter(|&j| {
                let a = &all[j];
                a.block == p.block && a.plain() && a.d.sentence[0] == p.d.sentence[0]
            })
        } else {
            None
        };
        let Some(a) = amount else { continue };
        let am = &all[a];
        let parent = p.d.parent.as_deref().and_then(|id| by_id.get(id)).copied();
        let total = parent
            .filter(|&t| all[t].f.unit == am.f.unit)
            .or_else(|| {
                let what = if task { am.canon.as_str() } else { of.as_str() };
                total_by_label(all, &idx, &am.f.unit, what, i, am.f.value, a)
            })
            .or_else(|| task.then(|| task_total(all, a)).flatten());
        let Some(t) = total else { continue };
        let tt = &all[t];
        if tt.f.value <= 0.0 {
            continue;
        }
        let share = am.f.value / tt.f.value * 100.0;
        let tol = p.half_step()
            + share
                * (am.half_step() / am.f.value.max(f64::MIN_POSITIVE)
                    + tt.half_step() / tt.f.value);
        let ok = (share - p.f.value).abs() <= tol * (1.0 + 1e-9);
        let note = format!(
            "{} ÷ {} = {}% {} {}",
            am.f.text,
            tt.f.text,
            fixed(share, decimals(p) + 1),
            if ok { "≈" } else { "≠" },
            p.f.text
        );
        out.push((i, make(all, CheckKind::Share, ok, &[i, a, t], note)));
    }
}

/// `计划新建120所，已完成96所，完成年度任务的80%`: the nearest larger figure
/// of the amount's unit in its sentence.
fn task_total(all: &[F], a: usize) -> Option<usize> {
    let am = &all[a];
    let same = |j: &usize| {
        let t = &all[*j];
        t.block == am.block
            && t.d.sentence[0] == am.d.sentence[0]
            && t.plain()
            && t.f.unit == am.f.unit
            && t.f.value > am.f.value
    };
    let before = (a.saturating_sub(8)..a).rev().find(same);
    before.or_else(|| (a + 1..(a + 8).min(all.len())).find(same))
}

/// Words that mark a growth rate's base value.
const BASE_WORDS: &[&str] = &["上年", "去年", "上一年", "同期", "由", "从"];

/// Changes that go down.
const DOWN: &[&str] = &["下降", "减少", "降低", "降幅"];

fn growth(all: &[F], texts: &[String], out: &mut Vec<(usize, Check)>) {
    for (i, p) in all.iter().enumerate() {
        let (Some(change), "%") = (&p.d.change, p.f.unit.as_str()) else {
            continue;
        };
        let text = &texts[p.block];
        let sentence: Vec<usize> = (i.saturating_sub(8)..i)
            .filter(|&j| {
                all[j].block == p.block && all[j].d.sentence[0] == p.d.sentence[0] && all[j].plain()
            })
            .collect();
        // The base: a figure introduced by 上年, 去年, 由, 从….
        let base = sentence.iter().rev().copied().find(|&j| {
            let from = if j > 0 && all[j - 1].block == p.block {
                all[j - 1].d.span[1].max(p.d.sentence[0])
            } else {
                p.d.sentence[0]
            };
            let lead = &text[from.min(all[j].d.span[0])..all[j].d.span[0]];
            BASE_WORDS.iter().any(|w| lead.contains(w))
        });
        let Some(b) = base else { continue };
        let Some(c) = sentence
            .iter()
            .rev()
            .copied()
            .find(|&j| j != b && all[j].f.unit == all[b].f.unit)
        else {
            continue;
        };
        let (bv, cv) = (all[b].f.value, all[c].f.value);
        if bv <= 0.0 {
            continue;
        }
        let down = DOWN.iter().any(|w| change.contains(w));
        let g = if down { bv - cv } else { cv - bv } / bv * 100.0;
        let rel = all[c].half_step() / cv.abs().max(f64::MIN_POSITIVE) + all[b].half_step() / bv;
        let tol = p.half_step() + (cv / bv) * 100.0 * rel;
        let ok = (g - p.f.value).abs() <= tol * (1.0 + 1e-9);
        let (x, y) = if down { (b, c) } else { (c, b) };
        let note = format!(
            "({} − {}) ÷ {} = {}% {} {}{}",
            all[x].f.text,
            all[y].f.text,
            all[b].f.text,
            fixed(g, decimals(p) + 1),
            if ok { "≈" } else { "≠" },
            change,
            p.f.text
        );
        out.push((i, make(all, CheckKind::Growth, ok, &[i, c, b], note)));
    }
}

/// Where a share goes: the last three Han characters of the rest of its
/// sentence, digits and figures aside (`…投入到10个深度贫困县` → `贫困县`).
fn destination(x: &F, text: &str) -> String {
    let rest = &text[x.d.span[1]..x.d.sentence[1].max(x.d.span[1])];
    let han: Vec<char> = rest.chars().filter(|&c| is_han(c)).collect();
    han[han.len().saturating_sub(3)..].iter().collect()
}

/// The speakers of these figures, each once.
fn speakers(all: &[F], figs: &[usize]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for &i in figs {
        let w = all[i].who();
        if !w.is_empty() && !names.contains(&w) {
            names.push(w);
        }
    }
    names.join("、")
}

fn same_things(
    all: &[F],
    texts: &[String],
    by_id: &Ids,
    repeats: &mut Vec<Check>,
    conflicts: &mut Vec<Check>,
) {
    // Key → clusters of (representative label, members, their values).
    type Cluster = (String, Vec<usize>, BTreeSet<u64>);
    let mut groups: BTreeMap<String, Vec<Cluster>> = BTreeMap::new();
    // Shares and changes: exact keys, no clustering.
    let mut exact_groups: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (i, x) in all.iter().enumerate() {
        if let Some(key) = same_key(x, all, by_id) {
            let clusters = groups.entry(key).or_default();
            let fits =
                |rep: &String| rep.ends_with(x.canon.as_str()) || x.canon.ends_with(rep.as_str());
            // A matching cluster, one with this value first.
            let bits = x.f.value.to_bits();
            let at = clusters
                .iter()
                .position(|(rep, _, v)| fits(rep) && v.contains(&bits))
                .or_else(|| clusters.iter().position(|(rep, _, _)| fits(rep)));
            let c = at.unwrap_or_else(|| {
                clusters.push((x.canon.clone(), Vec::new(), BTreeSet::new()));
                clusters.len() - 1
            });
            clusters[c].1.push(i);
            clusters[c].2.insert(bits);
        } else if x.percent() {
            if let Some(of) = x.d.of.as_deref().map(strip_verbs) {
                if of.chars().count() >= 2 && x.exact() {
                    let key = format!(
                        "share|{of}|{}|{}",
                        x.f.unit,
                        destination(x, &texts[x.block])
                    );
                    let e = exact_groups.entry(key).or_default();
                    e.0 = of.to_string();
                    e.1.push(i);
                }
            } else if let Some(change) = &x.d.change {
                // The change of the figure before it in its sentence.
                let subject = i.checked_sub(1).filter(|&j| {
                    all[j].block == x.block
                        && all[j].d.sentence[0] == x.d.sentence[0]
                        && all[j].plain()
                });
                if let Some(s) = subject {
                    let s = &all[s];
                    let parent =
                        s.d.parent
                            .as_deref()
                            .and_then(|p| by_id.get(p))
                            .map_or(String::new(), |&p| {
                                format!("{:x}{}", all[p].f.value.to_bits(), all[p].f.unit)
                            });
                    let key = format!(
                        "change|{change}|{}|{:x}{}|{parent}",
                        s.canon,
                        s.f.value.to_bits(),
                        s.f.unit
                    );
                    let e = exact_groups.entry(key).or_default();
                    e.0 = format!("{} {} {change}", s.f.label, s.f.text);
                    e.1.push(i);
                }
            }
        }
    }
    let mut found: Vec<(usize, Check, bool)> = Vec::new();
    for members in groups
        .into_values()
        .flat_map(|c| c.into_iter().map(|(_, m, _)| m))
    {
        repeat_and_conflict(all, &members, None, &mut found);
    }
    for (what, members) in exact_groups.into_values() {
        repeat_and_conflict(all, &members, Some(&what), &mut found);
    }
    found.sort_by_key(|(i, _, _)| *i);
    for (_, c, conflict) in found {
        if conflict {
            conflicts.push(c);
        } else {
            repeats.push(c);
        }
    }
}

/// The repeats (equal values in several blocks) and the conflict of one
/// thing. `specific`: the key alone makes it the same thing (shares,
/// changes); otherwise a conflict needs the same label exactly, of four
/// characters or more, the same two characters before the number (`完成`
/// in `改造完成3.2万户`: the same predicate), exact values within a factor
/// of two.
fn repeat_and_conflict(
    all: &[F],
    members: &[usize],
    what: Option<&str>,
    out: &mut Vec<(usize, Check, bool)>,
) {
    let specific = what.is_some();
    // By value, in order of first appearance.
    let mut values: Vec<(f64, Vec<usize>)> = Vec::new();
    let mut by_value: BTreeMap<u64, usize> = BTreeMap::new();
    for &i in members {
        let v = all[i].f.value;
        let at = *by_value.entry(v.to_bits()).or_insert_with(|| {
            values.push((v, Vec::new()));
            values.len() - 1
        });
        values[at].1.push(i);
    }
    for (_, m) in &values {
        let first_block = all[m[0]].block;
        if m.iter().any(|&i| all[i].block != first_block) {
            let x = &all[m[0]];
            let who = speakers(all, m);
            let note = format!(
                "{} {} × {}{}",
                what.unwrap_or(&x.f.label),
                x.f.text,
                m.len(),
                if who.is_empty() {
                    String::new()
                } else {
                    format!(" ({who})")
                }
            );
            out.push((m[0], make(all, CheckKind::Repeat, true, m, note), false));
        }
    }
    if values.len() < 2 {
        return;
    }
    // Conflicts: by exact label and the words before the number, values
    // that differ beyond rounding.
    let mut by_label: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (_, m) in &values {
        for &i in m {
            let x = &all[i];
            if !x.exact() {
                continue;
            }
            let label = if specific {
                ("", "")
            } else {
                (x.canon.as_str(), x.lead.as_str())
            };
            if !specific && label.0.chars().count() < 4 {
                continue;
            }
            by_label.entry(label).or_default().push(i);
        }
    }
    for (_, figs) in by_label {
        // One figure per value (the first), sorted by value: the closest
        // values are neighbours, so one pass finds a clash if any.
        let mut distinct: Vec<usize> = Vec::new();
        let mut seen: BTreeMap<u64, ()> = BTreeMap::new();
        for &i in &figs {
            if seen.insert(all[i].f.value.to_bits(), ()).is_none() {
                distinct.push(i);
            }
        }
        distinct.sort_by(|&a, &b| all[a].f.value.total_cmp(&all[b].f.value));
        let clash = distinct.windows(2).find_map(|w| {
            let (x, y) = (&all[w[0]], &all[w[1]]);
            let differ = (y.f.value - x.f.value).abs() > x.half_step() + y.half_step();
            let near = specific || (x.f.value > 0.0 && y.f.value <= 2.0 * x.f.value);
            (differ && near && x.block != y.block).then(|| (w[0].min(w[1]), w[0].max(w[1])))
        });
        let Some((a, b)) = clash else { continue };
        let involved: Vec<usize> = figs
            .iter()
            .copied()
            .filter(|&i| all[i].f.value == all[a].f.value || all[i].f.value == all[b].f.value)
            .collect();
        let (x, y) = (&all[a], &all[b]);
        let what = what.unwrap_or(&x.f.label);
        let note = format!(
            "{what}: {} ({}, {}) ≠ {} ({}, {})",
            x.f.text,
            x.who(),
            x.f.block,
            y.f.text,
            y.who(),
            y.f.block
        );
        out.push((
            a,
            make(all, CheckKind::Conflict, false, &involved, note),
            true,
        ));
    }
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
}
