//! Programmes and slogans: `雨露计划`, `六个帮扶`, `三保险三救助`, `136`.
//!
//! Found by their shape, not from a list:
//! - **quoted** terms (`“…”`, `「…」`) of 2 to 12 characters with no sentence
//!   punctuation, dates (`“10·17”`) aside, that are numbered (`“六个帮扶”`,
//!   `“136”`, `“双签约”`), end like a programme (`“雨露计划”`, `…工程`,
//!   `…机制`, `…模式`, a `…制` of three characters or more: `“路长制”`),
//!   pair slogans with `、` (`“三保险、三救助”`) or recur;
//!   a quoted word said once (`“唱衰”`, `“甩锅”`) is a scare quote, not a name;
//! - **numbered** names: a numeral, `大`, two characters (`八大工程`), or a
//!   numeral, `项`, a programme word (`十项行动`, `四项改革`);
//! - **…计划, …工程, …行动** written without quotes, when the same name
//!   (cut after the last verb before it: `实施贫困村提升工程` →
//!   `贫困村提升工程`) recurs.
//!
//! Names equal but for `、`, quotes and spaces are one (`三保险、三救助` =
//! `三保险三救助`). Mentions are the blocks where the name is written, quoted
//! or not (names of two characters: quoted only, as `五进` is also a verb).

use crate::chars::{digit, is_cn_numeral, is_han};
use crate::dates::full_text;
use crate::model::{Block, Document, Programme};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The programmes named, in order of first mention.
pub fn extract(doc: &Document) -> Vec<Programme> {
    let blocks: Vec<(&Block, Cow<str>)> = doc
        .front
        .iter()
        .chain(doc.turns.iter().flat_map(|t| t.blocks.iter()))
        .map(|b| (b, full_text(b)))
        .collect();
    // Candidates: name as first written, key, blocks found in, and whether
    // found by a sure shape (quoted, numbered) or only by suffix.
    let mut names: Vec<(String, String, Vec<usize>, bool, usize)> = Vec::new();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for (bi, (_, text)) in blocks.iter().enumerate() {
        for (name, sure) in candidates(text) {
            let k = key(&name);
            if k.chars().count() < 2 {
                continue;
            }
            let i = *by_key.entry(k.clone()).or_insert_with(|| {
                names.push((name, k, Vec::new(), false, 0));
                names.len() - 1
            });
            let n = &mut names[i];
            n.3 |= sure;
            n.4 += 1;
            if n.2.last() != Some(&bi) {
                n.2.push(bi);
            }
        }
    }
    names.retain(|n| n.3 || n.4 >= 2);
    // Unquoted mentions of names of three characters or more: one pass per
    // block, names looked up by their first character (none: no pass).
    let mut more: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    let mut by_first: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (i, n) in names.iter().enumerate() {
        if n.1.chars().count() >= 3 {
            if let Some(c) = n.1.chars().next() {
                by_first.entry(c).or_default().push(i);
            }
        }
    }
    for (bi, (_, text)) in blocks.iter().enumerate() {
        if by_first.is_empty() {
            break;
        }
        let plain = key(text);
        let mut prev: Option<char> = None;
        for (at, c) in plain.char_indices() {
            if let Some(list) = by_first.get(&c) {
                for &i in list {
                    let k = &names[i].1;
                    if plain[at..].starts_with(k.as_str())
                        && !(digit(c).is_some() && prev.and_then(digit).is_some())
                        && !(plain[at + k.len()..]
                            .chars()
                            .next()
                            .and_then(digit)
                            .is_some()
                            && k.chars().last().and_then(digit).is_some())
                        && more[i].last() != Some(&bi)
                    {
                        more[i].push(bi);
                    }
                }
            }
            prev = Some(c);
        }
    }
    names
        .into_iter()
        .zip(more)
        .map(|((name, _, mut found, _, _), extra)| {
            found.extend(extra);
            found.sort_unstable();
            found.dedup();
            Programme {
                name,
                mentions: found.into_iter().map(|i| blocks[i].0.id.clone()).collect(),
            }
        })
        .collect()
}

/// Marks and separators a name may be written with or without.
fn dropped(c: char) -> bool {
    matches!(
        c,
        '、' | '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』' | '·'
    ) || c.is_whitespace()
}

/// `s` without the [`dropped`] characters. Only some bytes can start one
/// (ASCII spaces and quotes; `C2`, `E1`, `E2`, `E3` lead bytes): the kept
/// runs between them are copied whole.
fn key(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut run, mut i) = (0, 0);
    while let Some(p) = b[i..].iter().position(|&x| {
        matches!(
            x,
            b'\t'..=b'\r' | b' ' | b'"' | b'\'' | 0xC2 | 0xE1 | 0xE2 | 0xE3
        )
    }) {
        let at = i + p;
        let Some(c) = s[at..].chars().next() else {
            break;
        };
        i = at + c.len_utf8();
        if dropped(c) {
            out.push_str(&s[run..at]);
            run = i;
        }
    }
    out.push_str(&s[run..]);
    out
}

/// What programme names end with.
const PROGRAMME_ENDS: &[&str] = &[
    "计划",
    "工程",
    "行动",
    "战略",
    "机制",
    "模式",
    "体系",
    "政策",
    "项目",
    "制度",
    "改革",
    "活动",
    "专项",
    "攻坚战",
    "路",
];

/// What follows `N项` in a programme's name.
const PROGRAMME_WORDS: &[&str] = &[
    "行动", "工程", "改革", "制度", "措施", "任务", "机制", "政策",
];

/// Numeral-like characters that start numbered slogans (`双签约`, `两不愁`).
fn numeral_like(c: char) -> bool {
    is_cn_numeral(c) || digit(c).is_some() || matches!(c, '双' | '百' | '千' | '万')
}

/// A quoted term shaped like a name: numbered, a programme's ending, or
/// paired slogans.
fn named_shape(inner: &str) -> bool {
    inner.chars().any(numeral_like)
        || PROGRAMME_ENDS.iter().any(|e| inner.ends_with(e))
        // A system named for who answers for it (`路长制`, `首问负责制`):
        // three characters or more, so `“体制”` said once stays a word.
        || inner.ends_with('制') && inner.chars().count() >= 3 && inner.chars().all(is_han)
        || inner.contains('、')
}

/// Punctuation a quoted name does not hold.
fn sentence_punct(c: char) -> bool {
    "，。；：！？,;:!?《》()（）".contains(c)
}

/// Leading words cut off an unquoted `…工程` name.
const VERBS: &[&str] = &[
    "实施", "用于", "推进", "启动", "开展", "组织", "落实", "通过", "围绕", "加快", "抓好", "建设",
    "的", "和", "与", "及", "是", "在", "把", "对", "将",
];

/// The characters a candidate's shape is told by: quotes, the `大`/`项`
/// after a numeral, the first of `计划`, `工程`, `行动`.
const TRIGGERS: [char; 7] = ['“', '「', '大', '项', '计', '工', '行'];

/// The candidate names of a text, with whether their shape is sure.
///
/// Only where a [`TRIGGERS`] character is can a shape start: they are
/// found by one `memchr`-based search each, in reading order, not by
/// looking at every character.
pub fn candidates(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let find_from = |from: usize, c: char| text[from..].find(c).map(|p| from + p);
    let mut nexts = TRIGGERS.map(|c| find_from(0, c));
    // Where the text is still to be read (past a match), and the last
    // place looked at.
    let mut next = 0;
    let mut last = None;
    while let Some((k, q)) = nexts
        .iter()
        .enumerate()
        .filter_map(|(k, q)| q.map(|q| (k, q)))
        .min_by_key(|&(_, q)| q)
    {
        let c = TRIGGERS[k];
        nexts[k] = find_from(q + c.len_utf8(), c);
        // A numbered name starts at the numeral before `大`/`项`.
        let at = if matches!(c, '大' | '项') {
            match text[..q].chars().next_back() {
                Some(p) => q - p.len_utf8(),
                None => continue,
            }
        } else {
            q
        };
        if at < next || last == Some(at) {
            continue;
        }
        last = Some(at);
        if let Some((name, sure, end)) = candidate_at(text, at) {
            out.push((name, sure));
            next = end;
        }
    }
    out
}

/// The candidate that starts at byte `at`, if one does, with where the
/// text is to be read on.
fn candidate_at(text: &str, at: usize) -> Option<(String, bool, usize)> {
    let mut chars = text[at..].char_indices().map(|(o, c)| (at + o, c));
    let (_, c) = chars.next()?;
    // Quoted.
    if c == '“' || c == '「' {
        let close = if c == '“' { '”' } else { '」' };
        let body = at + c.len_utf8();
        let (e, d) = chars
            .take(14)
            .find(|&(_, d)| d == close || d == c || sentence_punct(d) || d == '\n')?;
        let inner = text[body..e].trim();
        let n = inner.chars().count();
        let datelike = inner.chars().any(|c| c == '·' || c == '.' || c == '．')
            && inner.chars().any(|c| digit(c).is_some());
        let named = d == close
            && (2..=12).contains(&n)
            && !datelike
            && inner.chars().any(|c| is_han(c) || digit(c).is_some());
        // On past the closing mark: its words are not looked at again.
        return named.then(|| (inner.to_string(), named_shape(inner), e + d.len_utf8()));
    }
    let (o1, c1) = chars.next()?;
    // Numbered: 八大工程, 十项行动.
    if is_cn_numeral(c) && matches!(c1, '大' | '项') {
        if let (Some((o2, a)), Some((_, b))) = (chars.next(), chars.next()) {
            let prev_num = text[..at].chars().next_back().is_some_and(is_cn_numeral);
            let end = chars.next().map_or(text.len(), |x| x.0);
            let word = &text[o2..end];
            let fits = c1 == '大' || PROGRAMME_WORDS.contains(&word);
            if !prev_num && fits && is_han(a) && is_han(b) && !is_cn_numeral(a) {
                return Some((text[at..end].to_string(), true, end));
            }
        }
    }
    // …计划, …工程, …行动.
    let pair = match (c, c1) {
        ('计', '划') => "计划",
        ('工', '程') => "工程",
        ('行', '动') => "行动",
        _ => return None,
    };
    // Back over up to 12 ideographs.
    let mut s = at;
    for (k, p) in text[..at].chars().rev().enumerate() {
        if k >= 12 || !is_han(p) {
            break;
        }
        s -= p.len_utf8();
    }
    let run_ok = !text[..s].chars().next_back().is_some_and(is_han);
    let mut name = &text[s..at];
    // Cut after the last verb or particle.
    let cut = VERBS
        .iter()
        .filter_map(|v| name.rfind(v).map(|p| p + v.len()))
        .max();
    if let Some(p) = cut {
        name = &name[p..];
    } else if !run_ok {
        name = "";
    }
    let n = name.chars().count();
    ((2..=10).contains(&n) && !name.chars().any(is_cn_numeral))
        .then(|| (format!("{name}{pair}"), false, o1 + c1.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let v: Vec<String> = candidates("实施“三保险、三救助”和“136”兜底,“雨露计划”,全国第四个“10·17”扶贫日,八大工程20项行动,实施贫困村提升工程")
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(
            v,
            vec![
                "三保险、三救助",
                "136",
                "雨露计划",
                "八大工程",
                "贫困村提升工程"
            ]
        );
    }

    #[test]
    fn merged_and_recurring() {
        let doc = crate::analysed(
            "主持人:\n各位记者朋友们,大家好!\n王建国:\n推进“三保险、三救助”,实施贫困村提升工程。\n李明华:\n三保险三救助政策体系,“四好农村路”建设。\n赵文军:\n加快贫困村提升工程,启动实施光伏工程。\n",
            None,
        );
        let names: Vec<(&str, usize)> = doc
            .programmes
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.len()))
            .collect();
        assert!(names.contains(&("三保险、三救助", 2)), "{names:?}");
        assert!(names.contains(&("贫困村提升工程", 2)), "{names:?}");
        assert!(names.contains(&("四好农村路", 1)), "{names:?}");
        // Said once, unquoted: not a name yet.
        assert!(!names.iter().any(|n| n.0.contains("光伏")), "{names:?}");
    }
}
