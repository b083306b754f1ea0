//! Dated events: every resolvable date expression in the transcript becomes an
//! [`Event`] with a label from its sentence, its speaker, its lead unit (牵头单位)
//! and its block; an activity plan (the 扶贫日 plan) becomes a list of
//! activities, dated or not.
//!
//! - **Which blocks.** Front matter (the intro paragraph dates the conference
//!   itself) and the turns; not the title, stamp or header lines, and not the
//!   appendix (page residue after the conference).
//! - **Which dates.** Everything [`dates::find`] resolves except whole years
//!   (`今年`, `2016年`): those are too coarse to put on a calendar.
//! - **Activity plans.** A turn whose blocks carry two or more lead-unit notes
//!   (`(牵头单位:…)`) presents a plan. Every dated event in it is an activity,
//!   and so is every leaf outline item that carries a lead unit or sits under a
//!   heading naming 活动 (`三、活动内容`), dated or not (undated ones have
//!   `start: None`). An item holding several notes holds several activities:
//!   each stretch of text ending in a note is one.
//! - **Labels.** A plan item's heading (`举办攻坚深度贫困论坛`); for an item
//!   split into several activities, the first clause of each; otherwise the
//!   clause around the date with the date taken out (or the next clause when
//!   that leaves too little), trimmed to a few dozen characters. A mention of a
//!   named day (`10.17全国扶贫日`) is labelled with the day's name and kept once
//!   per date.
//! - **Lead unit.** The first note after the date in its block (so
//!   `10.17前,召开新闻媒体通气会…(牵头单位:省委宣传部、省扶贫办)` gets its own
//!   unit even though the block ends with another one); else the block's.
//! - **Status.** Done when the event ends before or on the conference date,
//!   planned when it ends after it (an ongoing range such as `9—10月份` is
//!   planned); undated activities are planned.

use std::borrow::Cow;
use std::ops::Range;

use crate::dates::{self, Date, DateContext, DateExpr};
use crate::model::{Block, BlockKind, Document, Event, Status};
use crate::notes::{notes, strip_notes, Note, NoteIndex};

/// The longest label, in chars, before it is cut with `…`.
const MAX_LABEL: usize = 30;

/// Extracts the dated events (and undated plan activities), in reading order.
pub fn extract(doc: &Document) -> Vec<Event> {
    extract_in(doc, &DateContext::from_document(doc))
}

/// [`extract`] with the document's date context already built.
pub fn extract_in(doc: &Document, ctx: &DateContext) -> Vec<Event> {
    let mut found: Vec<Found> = Vec::new();
    for block in &doc.front {
        if scanned(block) {
            let text = dates::full_text(block);
            let ns = notes(&text);
            let scan = Scanned {
                block,
                text: &text,
                notes: &ns,
            };
            scan_block(&scan, None, false, false, ctx, &mut found);
        }
    }
    for turn in &doc.turns {
        // Each block's text and notes, once.
        let texts: Vec<Cow<str>> = turn.blocks.iter().map(dates::full_text).collect();
        let block_notes: Vec<Vec<Note>> = texts.iter().map(|t| notes(t)).collect();
        let plan = is_plan(&turn.blocks, &block_notes);
        let mut section: &str = "";
        for (i, block) in turn.blocks.iter().enumerate() {
            if is_section_heading(block) {
                section = &texts[i];
            }
            if !scanned(block) {
                continue;
            }
            let item_activity = plan
                && block.kind == BlockKind::Item
                && !is_section_heading(block)
                && is_leaf(&turn.blocks, i)
                && (!block_notes[i].is_empty()
                    || block.lead_unit.is_some()
                    || section.contains("活动"));
            let scan = Scanned {
                block,
                text: &texts[i],
                notes: &block_notes[i],
            };
            scan_block(
                &scan,
                Some(&turn.speaker),
                plan,
                item_activity,
                ctx,
                &mut found,
            );
        }
    }
    dedupe_named_days(&mut found);
    found
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let mut e = f.event;
            e.id = format!("e{}", i + 1);
            e.status = status(ctx.reference, &e);
            e
        })
        .collect()
}

/// The sentence an event comes from, for descriptions and tooltips.
pub fn sentence_of(doc: &Document, event: &Event) -> Option<String> {
    sentence_in(doc.blocks().find(|b| b.id == event.block)?, event)
}

/// The sentence of `block` that `event` comes from (`block` is the event's
/// block: see [`sentence_of`] to look it up).
pub fn sentence_in(block: &Block, event: &Event) -> Option<String> {
    let text = block.full_text();
    let needle = if event.phrase.is_empty() {
        event.label.trim_end_matches('…')
    } else {
        event.phrase.as_str()
    };
    let at = text.find(needle)?;
    let s = sentence_bounds(&text, at..at + needle.len());
    // With its closing punctuation.
    let end = s.end
        + text[s.end..]
            .chars()
            .next()
            .filter(|&c| c != '\n')
            .map_or(0, char::len_utf8);
    Some(text[s.start..end].trim().to_string())
}

struct Found {
    event: Event,
    named_day: Option<String>,
}

fn scanned(block: &Block) -> bool {
    !matches!(
        block.kind,
        BlockKind::Title | BlockKind::Stamp | BlockKind::Header | BlockKind::Timestamp
    )
}

/// A top-level heading such as `三、活动内容` (a heading block, or an item
/// marked `一、`).
fn is_section_heading(block: &Block) -> bool {
    if block.kind == BlockKind::Heading {
        return true;
    }
    let marker = block.marker.as_deref().unwrap_or("");
    matches!(block.kind, BlockKind::Item | BlockKind::Section)
        && marker.ends_with('、')
        && marker
            .chars()
            .next()
            .is_some_and(|c| "一二三四五六七八九十".contains(c))
}

/// No deeper item follows directly.
fn is_leaf(blocks: &[Block], i: usize) -> bool {
    match blocks.get(i + 1) {
        Some(next) => !(next.kind == BlockKind::Item && next.level > blocks[i].level),
        None => true,
    }
}

/// A turn presents a plan when its blocks carry two or more lead-unit notes.
fn is_plan(blocks: &[Block], block_notes: &[Vec<Note>]) -> bool {
    blocks
        .iter()
        .zip(block_notes)
        .map(|(b, ns)| {
            let n = ns.len();
            if n == 0 && b.lead_unit.is_some() {
                1
            } else {
                n
            }
        })
        .sum::<usize>()
        >= 2
}

/// A stretch of a block's text that ends in a lead-unit note (or the rest).
struct Segment {
    range: Range<usize>,
    unit: Option<String>,
    has_note: bool,
}

fn segments(text: &str, ns: &[Note], block: &Block) -> Vec<Segment> {
    if ns.is_empty() {
        return vec![Segment {
            range: 0..text.len(),
            unit: block.lead_unit.clone(),
            has_note: false,
        }];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for n in ns {
        out.push(Segment {
            range: from..n.range.end,
            unit: Some(n.unit.clone()),
            has_note: true,
        });
        from = n.range.end;
    }
    if !clean(&text[from..]).is_empty() {
        out.push(Segment {
            range: from..text.len(),
            unit: None,
            has_note: false,
        });
    }
    out
}

/// A block to scan, with its full text and that text's notes.
struct Scanned<'a> {
    block: &'a Block,
    text: &'a str,
    notes: &'a [Note],
}

fn scan_block(
    scan: &Scanned,
    speaker: Option<&String>,
    plan: bool,
    item_activity: bool,
    ctx: &DateContext,
    out: &mut Vec<Found>,
) {
    let (block, text) = (scan.block, scan.text);
    let found: Vec<DateExpr> = dates::find(text, ctx)
        .into_iter()
        .filter(|e| !e.year_only)
        .collect();
    if found.is_empty() && !item_activity {
        return;
    }
    let segs = segments(text, scan.notes, block);
    // The first note after each date, from one index of the block's brackets.
    let note_index = if found.is_empty() || scan.notes.is_empty() {
        None
    } else {
        Some(NoteIndex::new(text))
    };
    let head_len = block.marker.as_ref().map_or(0, String::len)
        + block.heading.as_ref().map_or(0, String::len);
    let item_label = block
        .heading
        .as_deref()
        .map(clean)
        .filter(|h| !h.is_empty())
        .map(|h| truncate(&h))
        .unwrap_or_else(|| first_clause(&text[head_len.min(text.len())..]));
    let split = segs.iter().filter(|s| s.has_note).count() > 1;
    for (si, seg) in segs.iter().enumerate() {
        // `found` is in reading order: the segment's dates are one run of it.
        let lo = found.partition_point(|e| e.span.start < seg.range.start);
        let hi = found.partition_point(|e| e.span.start < seg.range.end);
        let in_seg = &found[lo..hi.max(lo)];
        // The segment's own text, after the item's heading.
        let body_start = if si == 0 {
            head_len.min(seg.range.end)
        } else {
            seg.range.start
        };
        let seg_body = strip_notes(&text[body_start..seg.range.end]);
        for e in in_seg {
            let lead = note_index
                .as_ref()
                .and_then(|ix| ix.first_from(e.span.end))
                .map(|n| n.unit.clone())
                .or_else(|| seg.unit.clone())
                .or_else(|| block.lead_unit.clone());
            let label = if let Some(name) = &e.named_day {
                name.clone()
            } else if item_activity && !split {
                item_label.clone()
            } else if item_activity && split {
                clause_label(text, e.span.clone(), seg.range.clone())
            } else {
                clause_label(text, e.span.clone(), 0..text.len())
            };
            out.push(Found {
                event: Event {
                    id: String::new(),
                    start: Some(e.start_iso()),
                    end: e.end_iso(),
                    precision: Some(e.precision),
                    part_of_day: e.part_of_day.clone(),
                    phrase: e.phrase.clone(),
                    label,
                    speaker: speaker.cloned(),
                    lead_unit: lead,
                    block: block.id.clone(),
                    status: None,
                    activity: plan,
                },
                named_day: e.named_day.clone(),
            });
        }
        // An activity of the plan with no date.
        let own_activity = seg.has_note || segs.len() == 1;
        let marker_len = block.marker.as_ref().map_or(0, String::len);
        let seg_text = strip_notes(&text[seg.range.start.max(marker_len)..seg.range.end]);
        if item_activity && in_seg.is_empty() && own_activity && !clean(&seg_text).is_empty() {
            let label = if split {
                first_clause(&seg_body)
            } else {
                item_label.clone()
            };
            out.push(Found {
                event: Event {
                    id: String::new(),
                    start: None,
                    end: None,
                    precision: None,
                    part_of_day: None,
                    phrase: String::new(),
                    label,
                    speaker: speaker.cloned(),
                    lead_unit: seg.unit.clone().or_else(|| block.lead_unit.clone()),
                    block: block.id.clone(),
                    status: None,
                    activity: true,
                },
                named_day: None,
            });
        }
    }
}

/// Keeps one event per named day and date: the plan's own, else the first.
/// Its label is the longest name among the mentions from it on (the last of
/// equals).
fn dedupe_named_days(found: &mut Vec<Found>) {
    // The named-day mentions grouped by date, each group in reading order.
    let mut named: Vec<usize> = (0..found.len())
        .filter(|&j| found[j].named_day.is_some())
        .collect();
    if named.is_empty() {
        return;
    }
    named.sort_unstable_by(|&a, &b| (&found[a].event.start, a).cmp(&(&found[b].event.start, b)));
    let mut keep = vec![true; found.len()];
    let mut g = 0;
    while g < named.len() {
        let start = &found[named[g]].event.start;
        let n = named[g..]
            .iter()
            .take_while(|&&j| found[j].event.start == *start)
            .count();
        let same = &named[g..g + n];
        g += n;
        let from = same
            .iter()
            .position(|&j| found[j].event.activity)
            .unwrap_or(0);
        let best = same[from];
        let longest = same[from..]
            .iter()
            .filter_map(|&j| found[j].named_day.as_ref())
            .max_by_key(|n| n.chars().count())
            .cloned()
            .unwrap_or_default();
        for &j in same {
            keep[j] = j == best;
        }
        found[best].event.label = longest;
    }
    let mut k = keep.into_iter();
    found.retain(|_| k.next().unwrap_or(true));
}

/// Done if it ends on or before the conference day, planned if after.
fn status(reference: Option<Date>, e: &Event) -> Option<Status> {
    let Some(start) = e.start.as_deref() else {
        return e.activity.then_some(Status::Planned);
    };
    let reference = reference?;
    let last = e.end.as_deref().unwrap_or(start);
    let last = Date::parse_iso(last)?;
    Some(if last <= reference {
        Status::Done
    } else {
        Status::Planned
    })
}

// ---------------------------------------------------------------------------
// Labels

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '!' | '\u{FF01}' | '?' | '\u{FF1F}' | ';' | '\u{FF1B}' | '\n'
    )
}

fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '\u{FF0C}' | ':' | '\u{FF1A}')
}

/// The byte range of the sentence around `span`.
fn sentence_bounds(text: &str, span: Range<usize>) -> Range<usize> {
    bounds(text, span, 0..text.len(), is_sentence_end)
}

fn bounds(
    text: &str,
    span: Range<usize>,
    within: Range<usize>,
    stop: fn(char) -> bool,
) -> Range<usize> {
    let start = text[within.start..span.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| stop(c))
        .map_or(within.start, |(i, c)| within.start + i + c.len_utf8());
    let end = text[span.end..within.end]
        .char_indices()
        .find(|&(_, c)| stop(c))
        .map_or(within.end, |(i, _)| span.end + i);
    start..end
}

/// The clause around a date, without the date; the next clause when that
/// leaves too little (`9月25日,中办、国办印发…`).
fn clause_label(text: &str, span: Range<usize>, within: Range<usize>) -> String {
    let c = bounds(text, span.clone(), within.clone(), is_clause_end);
    let own = format!("{}{}", &text[c.start..span.start], &text[span.end..c.end]);
    let own = clean(&strip_notes(&own));
    if own.chars().count() >= 4 {
        return truncate(&own);
    }
    // The next clause within the same sentence, else the previous one.
    let s = bounds(text, span, within, is_sentence_end);
    let next_from = (c.end + text[c.end..].chars().next().map_or(0, char::len_utf8)).min(s.end);
    if next_from < s.end {
        let n = first_clause(&text[next_from..s.end]);
        if n.chars().count() >= 2 {
            return n;
        }
    }
    if c.start > s.start {
        let prev = &text[s.start..c.start];
        let p = clean(
            prev.trim_end_matches(is_clause_end)
                .rsplit(is_clause_end)
                .next()
                .unwrap_or(""),
        );
        if !p.is_empty() {
            return truncate(&p);
        }
    }
    truncate(&own)
}

/// The first clause of a text, cleaned.
fn first_clause(text: &str) -> String {
    let text = strip_notes(text);
    let first = text
        .split(is_clause_end)
        .map(clean)
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    truncate(&first)
}

/// Trims whitespace, punctuation and leading connectives.
fn clean(s: &str) -> String {
    const LEADING: &[&str] = &["特别是", "其中", "另外", "此外", "同时", "并且", "并", "于"];
    let trim = |s: &str| -> String {
        s.trim_matches(|c: char| c.is_whitespace() || (dates::is_punct(c) && !"“”《》".contains(c)))
            .to_string()
    };
    let mut s = trim(s);
    loop {
        let before = s.len();
        for p in LEADING {
            if let Some(rest) = s.strip_prefix(p) {
                if rest.chars().count() >= 2 {
                    s = trim(rest);
                }
            }
        }
        if s.len() == before {
            break;
        }
    }
    // Unbalanced quotes left by the cut.
    if s.starts_with('”') {
        s = trim(&s['”'.len_utf8()..]);
    }
    if s.ends_with('“') {
        s = trim(&s[..s.len() - '“'.len_utf8()]);
    }
    s
}

fn truncate(s: &str) -> String {
    if s.chars().count() <= MAX_LABEL {
        return s.to_string();
    }
    let mut t: String = s.chars().take(MAX_LABEL - 1).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_from_clauses() {
        let t = "9月25日,中办、国办印发《关于支持深度贫困地区脱贫攻坚的实施意见》。";
        assert_eq!(
            clause_label(t, 0..9, 0..t.len()),
            "中办、国办印发《关于支持深度贫困地区脱贫攻坚的实施意见》"
        );
        let t = "总书记指出,8月6日省委省政府出台建档立卡农村贫困人口医疗保障帮扶方案,8月15日。";
        let at = t.find("8月6日").unwrap();
        assert_eq!(
            clause_label(t, at..at + "8月6日".len(), 0..t.len()),
            "省委省政府出台建档立卡农村贫困人口医疗保障帮扶方案"
        );
        assert_eq!(truncate(&"一".repeat(40)).chars().count(), MAX_LABEL);
    }
}
