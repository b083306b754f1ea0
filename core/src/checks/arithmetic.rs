//! The checks that do arithmetic: sums of parts against their total,
//! shares against an amount and its total, growth against its two values.

use super::*;

pub(super) fn sums(all: &[F], by_id: &Ids, out: &mut Vec<(usize, Check)>) {
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
pub(super) fn joins_amount(gap: &str) -> bool {
    gap.chars()
        .all(|c| ",，、共计合即约为".contains(c) || c.is_whitespace())
}

/// Plain figures by unit and label tail, for finding totals by label.
pub(super) fn label_index(all: &[F]) -> BTreeMap<(String, String), Vec<usize>> {
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
pub(super) fn total_by_label(
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

pub(super) fn shares(all: &[F], texts: &[String], by_id: &Ids, out: &mut Vec<(usize, Check)>) {
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
pub(super) fn task_total(all: &[F], a: usize) -> Option<usize> {
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
pub(super) const BASE_WORDS: &[&str] = &["上年", "去年", "上一年", "同期", "由", "从"];

/// Changes that go down.
pub(super) const DOWN: &[&str] = &["下降", "减少", "降低", "降幅"];

pub(super) fn growth(all: &[F], texts: &[String], out: &mut Vec<(usize, Check)>) {
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
