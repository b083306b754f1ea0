//! Line splitting and the shapes a single line can have on its own:
//! timestamps, photo captions, closing remarks.

use super::label::Label;
use crate::chars::{digit, is_colon, is_han};

/// One non-blank line of the input.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The line without leading and trailing whitespace.
    pub text: &'a str,
    /// How many whitespace characters precede the text.
    pub indent: usize,
}

/// Splits on `\n`, `\r\n` and `\r`, dropping blank lines. Indents are
/// relative to the least indented line: a document indented as a whole
/// reads as the same document.
pub fn split(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    // Splitting on one ASCII character is a `memchr`; on a set of two, the
    // searcher decodes every character.
    for line in text.split('\n') {
        for raw in line.split('\r') {
            let text = raw.trim_start();
            let indent = raw[..raw.len() - text.len()].chars().count();
            let text = text.trim_end();
            if !text.is_empty() {
                out.push(Line { text, indent });
            }
        }
    }
    let base = out.iter().map(|l| l.indent).min().unwrap_or(0);
    for l in &mut out {
        l.indent -= base;
    }
    out
}

/// Page furniture of a text converted from print: a running header
/// (`立法會 ─ 2013年 1月 23日`) next to a page number (`3491`), inside the
/// speeches. A header is a short line that stands next to a page number
/// at least twice; a page number is a line of digits next to a header.
pub fn page_furniture(lines: &[Line<'_>]) -> Vec<bool> {
    let n = lines.len();
    let mut out = vec![false; n];
    let page_number = |i: usize| {
        let t = lines[i].text;
        t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit())
    };
    let short = |t: &str| {
        crate::chars::count_upto(t, 40) <= 40
            && !t
                .chars()
                .any(|c| crate::chars::is_sentence_end(c) || is_colon(c))
            && !t.bytes().all(|b| b.is_ascii_digit())
    };
    let neighbours = |i: usize| [i.checked_sub(1), (i + 1 < n).then_some(i + 1)];
    let mut count: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for i in (0..n).filter(|&i| page_number(i)) {
        for j in neighbours(i).into_iter().flatten() {
            if short(lines[j].text) {
                *count.entry(lines[j].text).or_default() += 1;
            }
        }
    }
    count.retain(|_, c| *c >= 2);
    if count.is_empty() {
        return out;
    }
    for i in 0..n {
        out[i] = count.contains_key(lines[i].text);
    }
    for i in (0..n).filter(|&i| page_number(i)) {
        if neighbours(i)
            .into_iter()
            .flatten()
            .any(|j| out[j] && !page_number(j))
        {
            out[i] = true;
        }
    }
    out
}

/// Whether a line reads as hard-wrapped in mid-sentence: long, and
/// ending in a character of the text, not in punctuation.
pub fn ends_wrapped(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_han)
        && crate::chars::count_upto(text, 20) >= 20
        && super::syntax::md_heading(text).is_none()
}

/// Timestamp lines between turns become the turns' times: a stamp right
/// before a label, or right after a label alone on its line. Returns, per
/// line, the stamp line of its turn, and which lines were so consumed.
pub fn turn_times(
    lines: &[Line<'_>],
    is_label: &[bool],
    cands: &[Option<Label<'_>>],
    from: usize,
    end: usize,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let n = lines.len();
    let mut time_line: Vec<Option<usize>> = vec![None; n];
    let mut consumed = vec![false; n];
    let is_stamp = |i: usize| timestamp(lines[i].text).is_some();
    for i in from..end {
        if is_label[i] && i > 0 && !is_label[i - 1] && !consumed[i - 1] && is_stamp(i - 1) {
            time_line[i] = Some(i - 1);
            consumed[i - 1] = true;
        }
    }
    for i in from..end {
        let bare = cands[i].as_ref().is_some_and(|c| c.rest.is_empty());
        if is_label[i]
            && bare
            && time_line[i].is_none()
            && i + 1 < end
            && !is_label[i + 1]
            && !consumed[i + 1]
            && is_stamp(i + 1)
        {
            time_line[i] = Some(i + 1);
            consumed[i + 1] = true;
        }
    }
    (time_line, consumed)
}

/// A date and/or time alone on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// `YYYY-MM-DD`, when the line has a date.
    pub date: Option<String>,
    /// `HH:MM` or `HH:MM:SS`, when the line has a time.
    pub time: Option<String>,
}

impl Stamp {
    /// ISO 8601 local form: `2017-10-13T14:57`, `2019-03-07`, `10:52:20`.
    pub fn iso(&self) -> Option<String> {
        match (&self.date, &self.time) {
            (Some(d), Some(t)) => Some(format!("{d}T{t}")),
            (Some(d), None) => Some(d.clone()),
            (None, Some(t)) => Some(t.clone()),
            (None, None) => None,
        }
    }
}

/// Tokens of a stamp line: numbers and the separators between them.
#[derive(Debug, PartialEq, Clone, Copy)]
enum Tok {
    Num(u32, usize),
    Sep(char),
    Space,
}

fn tokens(s: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(d) = digit(c) {
            let mut v = d;
            let mut n = 1;
            while let Some(d) = chars.peek().and_then(|&c| digit(c)) {
                chars.next();
                n += 1;
                if n > 4 {
                    return None;
                }
                v = v * 10 + d;
            }
            out.push(Tok::Num(v, n));
        } else if c.is_whitespace() {
            if out.last() != Some(&Tok::Space) {
                out.push(Tok::Space);
            }
        } else if is_colon(c)
            || matches!(
                c,
                '.' | '-' | '/' | '年' | '月' | '日' | '\u{FF0E}' | '\u{FF0D}'
            )
        {
            out.push(Tok::Sep(if is_colon(c) { ':' } else { c }));
        } else {
            return None;
        }
    }
    Some(out)
}

fn date(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn time(h: u32, m: u32, s: Option<u32>) -> Option<String> {
    if h > 23 || m > 59 || s.is_some_and(|s| s > 59) {
        return None;
    }
    Some(match s {
        Some(s) => format!("{h:02}:{m:02}:{s:02}"),
        None => format!("{h:02}:{m:02}"),
    })
}

/// Parses a line that is only a date and/or time: `13.10.2017  14:57`,
/// `2019-03-07 10:52:20`, `2019/3/7`, `2019年3月7日 10:00`, `10:52:20`.
pub fn timestamp(s: &str) -> Option<Stamp> {
    if s.len() > 48
        || s.chars()
            .any(|c| is_han(c) && !matches!(c, '年' | '月' | '日'))
    {
        return None;
    }
    let toks = tokens(s)?;
    let toks: Vec<Tok> = toks.into_iter().collect();
    // Split into the date part and the time part at the (first) space, or
    // at 日 for the Chinese form.
    let (date_toks, time_toks): (&[Tok], &[Tok]) = match toks
        .iter()
        .position(|t| *t == Tok::Space || *t == Tok::Sep('日'))
    {
        Some(i) if toks[i] == Tok::Sep('日') => {
            let rest = &toks[i + 1..];
            let rest = rest.strip_prefix(&[Tok::Space]).unwrap_or(rest);
            (&toks[..=i], rest)
        }
        Some(i) => (&toks[..i], &toks[i + 1..]),
        None => (&toks[..], &[]),
    };
    let parse_time = |t: &[Tok]| -> Option<String> {
        match t {
            [Tok::Num(h, hn), Tok::Sep(':'), Tok::Num(m, 2)] if *hn <= 2 => time(*h, *m, None),
            [Tok::Num(h, hn), Tok::Sep(':'), Tok::Num(m, 2), Tok::Sep(':'), Tok::Num(s, 2)]
                if *hn <= 2 =>
            {
                time(*h, *m, Some(*s))
            }
            _ => None,
        }
    };
    let parse_date = |t: &[Tok]| -> Option<String> {
        match t {
            // 13.10.2017
            [Tok::Num(d, dn), Tok::Sep(a), Tok::Num(m, mn), Tok::Sep(b), Tok::Num(y, 4)]
                if a == b && matches!(a, '.' | '/' | '-' | '\u{FF0E}') && *dn <= 2 && *mn <= 2 =>
            {
                date(*y, *m, *d)
            }
            // 2019-03-07
            [Tok::Num(y, 4), Tok::Sep(a), Tok::Num(m, mn), Tok::Sep(b), Tok::Num(d, dn)]
                if a == b
                    && matches!(a, '.' | '/' | '-' | '\u{FF0E}' | '\u{FF0D}')
                    && *dn <= 2
                    && *mn <= 2 =>
            {
                date(*y, *m, *d)
            }
            // 2019年3月7日
            [Tok::Num(y, 4), Tok::Sep('年'), Tok::Num(m, mn), Tok::Sep('月'), Tok::Num(d, dn), Tok::Sep('日')]
                if *dn <= 2 && *mn <= 2 =>
            {
                date(*y, *m, *d)
            }
            _ => None,
        }
    };
    if time_toks.is_empty() {
        if let Some(d) = parse_date(date_toks) {
            return Some(Stamp {
                date: Some(d),
                time: None,
            });
        }
        return parse_time(date_toks).map(|t| Stamp {
            date: None,
            time: Some(t),
        });
    }
    let d = parse_date(date_toks)?;
    let t = parse_time(time_toks)?;
    Some(Stamp {
        date: Some(d),
        time: Some(t),
    })
}

/// A photo caption: `…中国网 李某摄`, `(新华社记者 李某 摄)`, `图为…`.
pub fn is_caption(s: &str) -> bool {
    if crate::chars::count_upto(s, 120) > 120 {
        return false;
    }
    let unwrapped = s.trim_start_matches(['(', '\u{FF08}', '[', '【']);
    if unwrapped.starts_with("图为") || unwrapped.starts_with("圖為") {
        return true;
    }
    let t = s.trim_end_matches([')', '\u{FF09}', ']', '】']).trim_end();
    let Some(t) = t.strip_suffix('摄').or_else(|| t.strip_suffix('攝')) else {
        return false;
    };
    let t = t.trim_end();
    // The photographer's name: after the last space, slash or 记者.
    let name_start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_han(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let mut name = &t[name_start..];
    for prefix in ["记者", "記者", "摄影", "攝影"] {
        if let Some(i) = name.rfind(prefix) {
            name = &name[i + prefix.len()..];
        }
    }
    let n = name.chars().count();
    (2..=4).contains(&n) && (name_start > 0 || name.len() < t.len())
}

/// The host's closing remark, unmistakably: `…到此结束`, `散会`.
pub fn is_strong_closing(s: &str) -> bool {
    const PATTERNS: &[&str] = &[
        "到此结束",
        "到此結束",
        "发布会结束",
        "發布會結束",
        "会就到这里",
        "會就到這裡",
        "散会",
        "散會",
    ];
    PATTERNS.iter().any(|p| s.contains(p))
}

/// A short line of thanks or farewell: `谢谢大家!`, `谢谢!`, `再见。`
pub fn is_thanks(s: &str) -> bool {
    s.chars().count() <= 16
        && ["谢谢", "謝謝", "再见", "再見", "感谢大家", "感謝大家"]
            .iter()
            .any(|p| s.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_indents() {
        let l = split("a\r\n\u{a0}\u{a0}b\rc\n\n \u{3000}\n");
        assert_eq!(l.len(), 3);
        assert_eq!(l[1].text, "b");
        assert_eq!(l[1].indent, 2);
        // Relative to the least indented line.
        let l = split("  a\n    b\n");
        assert_eq!((l[0].indent, l[1].indent), (0, 2));
    }

    #[test]
    fn timestamps() {
        let s = timestamp("13.10.2017 \u{a0}14:57").unwrap();
        assert_eq!(s.iso().unwrap(), "2017-10-13T14:57");
        let s = timestamp("2019-03-07 10:52:20").unwrap();
        assert_eq!(s.iso().unwrap(), "2019-03-07T10:52:20");
        assert_eq!(
            timestamp("2019年3月7日").unwrap().iso().unwrap(),
            "2019-03-07"
        );
        assert_eq!(
            timestamp("2019年3月7日 10:00").unwrap().iso().unwrap(),
            "2019-03-07T10:00"
        );
        assert_eq!(timestamp("10:52:20").unwrap().iso().unwrap(), "10:52:20");
        assert!(timestamp("10.17").is_none());
        assert!(timestamp("2016年").is_none());
        assert!(timestamp("刘志杰:").is_none());
        assert!(timestamp("99:99").is_none());
    }

    #[test]
    fn furniture() {
        let text = "甲：第一行\n立法會 ─ 2013年1月23日\n3489\n接着說\n立法會 ─ 2013年1月23日\n3490\n完了。\n2019\n";
        let l = split(text);
        let f = page_furniture(&l);
        assert_eq!(f, [false, true, true, false, true, true, false, false]);
        // A header once is not furniture.
        let l = split("甲：第一行\n某報 第3版\n12\n接着說\n");
        assert!(!page_furniture(&l).contains(&true));
    }

    #[test]
    fn captions() {
        assert!(is_caption("发布会现场。中国网 李某摄"));
        assert!(is_caption("(新华社记者 李某 摄)"));
        assert!(is_caption("图为发布会现场"));
        assert!(is_caption("\u{FF08}图为乡村风光\u{FF09}"));
        assert!(!is_caption("我们拍摄"));
        assert!(!is_caption("摄"));
    }

    #[test]
    fn closings() {
        assert!(is_strong_closing("今天的新闻发布会到此结束,谢谢大家!"));
        assert!(!is_strong_closing("由于时间关系,记者提问到此为止。"));
        assert!(is_thanks("谢谢大家!"));
    }
}
