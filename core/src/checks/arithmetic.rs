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

/// Characters allowed between a share and its amount (`22.6%，共4.88亿元`,
/// `30%（12亿元）`).
pub(super) fn joins_amount(gap: &str) -> bool {
    gap.chars()
        .all(|c| ",，、(（共计合即约为".contains(c) || c.is_whitespace())
}

/// Plain figures by label tail, for finding totals by label.
pub(super) fn label_index(all: &[F]) -> BTreeMap<String, Vec<usize>> {
    let mut idx: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, x) in all.iter().enumerate() {
        if x.plain() && x.canon.chars().count() >= 2 {
            idx.entry(tail(&x.canon, 2)).or_default().push(i);
        }
    }
    idx
}

/// Whether figure `k` is the amount said with the share just before it
/// (`22.6%，共4.88亿元`).
fn follows_share(all: &[F], texts: &[String], k: usize) -> bool {
    k.checked_sub(1).is_some_and(|j| {
        let p = &all[j];
        p.percent()
            && p.block == all[k].block
            && p.d.span[1] <= all[k].d.span[0]
            && joins_amount(&texts[p.block][p.d.span[1]..all[k].d.span[0]])
    })
}

/// The total whose label ends with `what`, nearest before `near` (else
/// nearest after), of this unit (any, for `None`), larger than `than`, not
/// `not`, and not itself a share's amount.
#[allow(clippy::too_many_arguments)]
pub(super) fn total_by_label(
    all: &[F],
    texts: &[String],
    idx: &BTreeMap<String, Vec<usize>>,
    unit: Option<&str>,
    what: &str,
    near: usize,
    than: f64,
    not: usize,
) -> Option<usize> {
    if what.chars().count() < 2 {
        return None;
    }
    let list = idx.get(&tail(what, 2))?;
    let fits = |&&i: &&usize| {
        i != not
            && unit.is_none_or(|u| all[i].f.unit == u)
            && all[i].f.value > than
            && all[i].canon.ends_with(what)
            && !follows_share(all, texts, i)
    };
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

/// A percentage that is a share of a total (not a change), read in any of
/// its shapes: `X的P%，共A`, `其中P%`, `A，占X的P%`, `完成年度任务的P%`,
/// `…用于Y的比例是P%`, `Y占X的比例为P%`.
pub(super) struct Share {
    /// What it is a share of, as said (without leading verbs).
    pub of: String,
    /// The amount said with it, if any.
    pub amount: Option<usize>,
    /// The total, if found: the parent, or a figure whose label ends with
    /// `of` (of the amount's unit).
    pub total: Option<usize>,
}

/// The share that percentage `i` is, if it is one.
pub(super) fn share(
    all: &[F],
    texts: &[String],
    by_id: &Ids,
    idx: &BTreeMap<String, Vec<usize>>,
    i: usize,
) -> Option<Share> {
    let p = &all[i];
    let (Some(of), true, None) = (&p.d.of, p.f.unit == "%", &p.d.change) else {
        return None;
    };
    let of = strip_verbs(of).to_string();
    let text = &texts[p.block];
    let task = ["任务", "计划", "目标"].iter().any(|w| of.contains(w));
    let prev = i.checked_sub(1).filter(|&j| {
        let a = &all[j];
        a.block == p.block && a.plain() && a.d.sentence[0] == p.d.sentence[0]
    });
    // The amount: just after (`22.6%，共4.88亿元`); just before for a task
    // or for `A，占X的P%`.
    let next = all.get(i + 1).filter(|a| {
        a.block == p.block
            && a.plain()
            && a.d.span[0] >= p.d.span[1]
            && joins_amount(&text[p.d.span[1]..a.d.span[0]])
    });
    let amount = if next.is_some() {
        Some(i + 1)
    } else {
        // `占` opens the share's clause: `2亿元用于生态保护，占专项资金的25%`.
        prev.filter(|&j| {
            let gap = &text[all[j].d.span[1]..p.d.span[0]];
            let clause = gap.rfind([',', '，', '、']).map_or(gap, |k| &gap[k..]);
            let clause =
                clause.trim_start_matches(|c: char| ",，、".contains(c) || c.is_whitespace());
            // `占地…` is land, not a share.
            task || clause.starts_with('占') && !clause.starts_with("占地")
        })
    };
    let parent = p.d.parent.as_deref().and_then(|id| by_id.get(id)).copied();
    let total = match amount {
        Some(a) => {
            let am = &all[a];
            parent
                .filter(|&t| all[t].f.unit == am.f.unit)
                .or_else(|| {
                    let what = if task { am.canon.as_str() } else { of.as_str() };
                    total_by_label(all, texts, idx, Some(&am.f.unit), what, i, am.f.value, a)
                })
                .or_else(|| task.then(|| task_total(all, a)).flatten())
        }
        None if task => None,
        None => parent.or_else(|| total_by_label(all, texts, idx, None, &of, i, 0.0, i)),
    };
    Some(Share { of, amount, total })
}

pub(super) fn shares(all: &[F], texts: &[String], by_id: &Ids, out: &mut Vec<(usize, Check)>) {
    let idx = label_index(all);
    for (i, p) in all.iter().enumerate() {
        if !p.percent() {
            continue;
        }
        let Some(Share {
            amount: Some(a),
            total: Some(t),
            ..
        }) = share(all, texts, by_id, &idx, i)
        else {
            continue;
        };
        let am = &all[a];
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

/// Whether the words before a figure make it a growth rate's base value:
/// last year's (`比上年的`, `上年为`, `去年同期`, not `去年全市完成…`), or
/// where a change starts (`由`, `从`).
fn base_words(lead: &str) -> bool {
    crate::figures::last_years(lead) || lead.contains('由') || lead.contains('从')
}

/// `2022年` at the start of a text (four ASCII digits and `年`).
fn year_at(s: &str) -> Option<&str> {
    let y = s.get(..4 + '年'.len_utf8())?;
    (y.as_bytes()[..4].iter().all(u8::is_ascii_digit) && y.ends_with('年')).then_some(y)
}

/// Changes that go down.
pub(super) const DOWN: &[&str] = &["下降", "减少", "降低", "降幅"];

pub(super) fn growth(all: &[F], texts: &[String], out: &mut Vec<(usize, Check)>) {
    use crate::dates;
    for (i, p) in all.iter().enumerate() {
        let (Some(change), "%") = (&p.d.change, p.f.unit.as_str()) else {
            continue;
        };
        let text = &texts[p.block];
        let in_sentence = |&j: &usize| {
            all[j].block == p.block && all[j].d.sentence[0] == p.d.sentence[0] && all[j].plain()
        };
        let before: Vec<usize> = (i.saturating_sub(8)..i).filter(in_sentence).collect();
        let after: Vec<usize> = (i + 1..(i + 8).min(all.len()))
            .filter(in_sentence)
            .collect();
        // The year the rate compares with: `比2022年增长30%`.
        let rate_lead = &text[p.d.sentence[0].min(p.d.span[0])..p.d.span[0]];
        let year = rate_lead
            .rfind('比')
            .and_then(|k| year_at(&rate_lead[k + '比'.len_utf8()..]));
        // A figure introduced by 上年, 去年, 由, 从…, or by that year (the
        // words since the figure before it, or the sentence's start).
        let lead = |j: usize| {
            let from = if j > 0 && all[j - 1].block == p.block {
                all[j - 1].d.span[1].max(p.d.sentence[0])
            } else {
                p.d.sentence[0]
            };
            &text[from.min(all[j].d.span[0])..all[j].d.span[0]]
        };
        let by_year = |j: usize| year.is_some_and(|y| lead(j).contains(y));
        // Before the rate: last year's words, `由`, `从` (`由8万增加到`).
        let base_before = |j: usize| base_words(lead(j)) || by_year(j);
        // After it, where `从业人员` and the like follow rates: last year's
        // words, the year, or a clause that opens with `由`.
        let base_after = |j: usize| {
            let l = lead(j);
            crate::figures::last_years(l)
                || by_year(j)
                || l.trim_start_matches(|c: char| ",，、（(".contains(c) || c.is_whitespace())
                    .starts_with('由')
        };
        // `去年投入10亿元，今年12亿元，增长20%`: a figure said of `去年`, when
        // no other is a base and one of its unit is there to compare.
        let said_last_year = |j: usize| {
            lead(j)
                .trim_start_matches(|c: char| dates::is_punct(c) || c.is_whitespace())
                .starts_with("去年")
        };
        let same_unit = |b: usize, j: usize| j != b && all[j].f.unit == all[b].f.unit;
        // The base before the rate (`比上年的10亿元增长20%`), or else after
        // it (`比上年增长20%，上年为1.5亿元`); the current value is the
        // nearest other figure of its unit, before the rate if one is.
        let found = if let Some(b) = before.iter().rev().copied().find(|&j| base_before(j)) {
            Some((b, before.iter().rev().copied().find(|&j| same_unit(b, j))))
        } else if let Some(b) = after.iter().copied().find(|&j| base_after(j)) {
            let c = before
                .iter()
                .rev()
                .copied()
                .find(|&j| same_unit(b, j))
                .or_else(|| {
                    after
                        .iter()
                        .copied()
                        .find(|&j| same_unit(b, j) && !base_after(j))
                });
            Some((b, c))
        } else {
            before
                .iter()
                .copied()
                .find(|&j| said_last_year(j))
                .map(|b| {
                    let c = before
                        .iter()
                        .rev()
                        .copied()
                        .find(|&j| same_unit(b, j) && !said_last_year(j));
                    (b, c)
                })
        };
        let Some((b, c)) = found else { continue };
        let Some(c) = c else { continue };
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
