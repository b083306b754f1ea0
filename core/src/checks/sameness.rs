//! Repeats and conflicts: figures of the same thing, grouped by key, with
//! equal values (a repeat) or different ones (a conflict).

use super::*;

/// The last three Han characters of a text, digits and figures aside
/// (`10个深度贫困县` → `贫困县`).
fn last_han(text: &str) -> String {
    let han: Vec<char> = text.chars().filter(|&c| is_han(c)).collect();
    han[han.len().saturating_sub(3)..].iter().collect()
}

/// Where a goes-to verb leads: the words after the first [`GOES_TO`] verb
/// up to a clause's end or a `的` (`用于背街小巷改造的资金` → `背街小巷改造`).
fn goes_to(text: &str) -> Option<&str> {
    let (p, v) = GOES_TO
        .iter()
        .filter_map(|v| text.find(v).map(|p| (p, v)))
        .min_by_key(|&(p, v)| (p, usize::MAX - v.len()))?;
    let rest = &text[p + v.len()..];
    let end = rest
        .find(|c: char| "，,、；;。的（(".contains(c))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Where a share goes, as the last three Han characters of the words that
/// say it: after a goes-to verb past the share (`…，共6亿元用于农村供水保障`,
/// up to the next percentage), or before it in a ratio (`用于Y的比例是`,
/// `用于Y的资金占X的比例为`); for `A，占X的P%` the amount's label; else the
/// rest of its sentence (`其中22.8%投入到10个深度贫困县` → `贫困县`).
pub(super) fn destination(all: &[F], i: usize, text: &str, amount: Option<usize>) -> String {
    let x = &all[i];
    let before = &text[x.d.sentence[0].min(x.d.span[0])..x.d.span[0]];
    if let Some(r) = ["的比例", "的比重", "的占比", "所占比"]
        .iter()
        .filter_map(|e| before.rfind(e))
        .max()
    {
        let head = &before[..r];
        let head = head.rfind('占').map_or(head, |z| &head[..z]);
        if let Some(to) = goes_to(head) {
            return last_han(to);
        }
        return last_han(head);
    }
    if let Some(a) = amount.filter(|&a| a < i) {
        return tail(&all[a].canon, 3);
    }
    // The rest of the sentence, up to the next percentage in it.
    let mut end = x.d.sentence[1].max(x.d.span[1]);
    if let Some(n) = all[i + 1..]
        .iter()
        .take_while(|y| y.block == x.block && y.d.span[0] < end)
        .find(|y| y.percent())
    {
        end = n.d.span[0];
    }
    let rest = &text[x.d.span[1]..end];
    goes_to(rest).map_or_else(|| last_han(rest), last_han)
}

/// The speakers of these figures, each once.
pub(super) fn speakers(all: &[F], figs: &[usize]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for &i in figs {
        let w = all[i].who();
        if !w.is_empty() && !names.contains(&w) {
            names.push(w);
        }
    }
    names.join("、")
}

pub(super) fn same_things(
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
    let idx = label_index(all);
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
            if let Some(sh) =
                share(all, texts, by_id, &idx, i).filter(|s| s.of.chars().count() >= 2 && x.exact())
            {
                // One total, by its value (a total said twice is one), or
                // else by what it is called.
                let whole = sh.total.map_or_else(
                    || format!("of {}", sh.of),
                    |t| format!("{:x}{}", all[t].f.value.to_bits(), all[t].f.unit),
                );
                let to = destination(all, i, &texts[x.block], sh.amount);
                let key = format!("share|{whole}|{}|{to}", x.f.unit);
                let e = exact_groups.entry(key).or_default();
                if e.1.is_empty() {
                    e.0 = sh.of;
                }
                e.1.push(i);
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
pub(super) fn repeat_and_conflict(
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
        // Who said each; where they said it is the check's `blocks` (and
        // the figures'), which the explorer links and the JSON carries.
        let said = |v: &F| match v.who() {
            "" => v.f.text.clone(),
            who => format!("{} ({who})", v.f.text),
        };
        let note = format!("{what}: {} ≠ {}", said(x), said(y));
        out.push((
            a,
            make(all, CheckKind::Conflict, false, &involved, note),
            true,
        ));
    }
}
