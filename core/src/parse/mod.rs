//! Text → [`Document`]: front matter, turns, Q&A pairs and the appendix.
//!
//! The parser works line by line and in a fixed number of passes, so its
//! time grows linearly with the input:
//!
//! 1. split into non-blank lines ([`lines`]) and read each as a possible
//!    speaker label ([`label`]);
//! 2. the front matter runs up to the first label; its header lines and
//!    intro paragraph introduce people ([`front`], [`names`]);
//! 3. decide which label candidates are labels (bare names must be
//!    unindented or known), attach timestamp lines to turns;
//! 4. find where the conference ends ([`appendix`]);
//! 5. build blocks ([`sections`]), resolve speakers ([`participants`]),
//!    pair questions and answers ([`qa`]) and fill the meta ([`meta`]).
//!
//! Nothing is dropped: every non-whitespace character of the input lands in
//! a block, a turn's time, or (for speaker labels) a turn's label.

mod appendix;

mod front;
mod label;
mod lines;
mod meta;
mod names;
mod participants;
mod qa;
mod sections;

use crate::model::{Block, BlockKind, Document, Role, Turn};
use label::{Label, Strength};
use lines::Line;
use participants::Registry;
use sections::{Outline, Parts};
use std::collections::BTreeSet;

/// Titles longer than this (in characters) are not taken as the title.
const MAX_TITLE: usize = 80;

/// Parses decoded transcript text. Never fails: text that has no structure
/// comes back as front-matter paragraphs.
pub fn structure(text: &str, _name: Option<&str>) -> Document {
    let lines = lines::split(text);
    let n = lines.len();
    let cands: Vec<Option<Label<'_>>> = lines.iter().map(|l| label::candidate(l.text)).collect();
    let mut reg = Registry::default();

    // 2. Front matter: up to the first label.
    let mut front_end = n;
    for i in 0..n {
        if let Some(h) = front::header(lines[i].text) {
            h.register(&mut reg);
            continue;
        }
        if cands[i]
            .as_ref()
            .is_some_and(|c| accept(c, &lines[i], &|n| reg.knows(n)))
        {
            front_end = i;
            break;
        }
        if i > 0 && front::kind(lines[i].text, false) == BlockKind::Paragraph {
            front::register_intro(lines[i].text, &mut reg);
        }
    }

    reg.end_front();

    // 3. Labels after the front matter. Names that some label gives
    // plainly make the same name a label elsewhere, indented or not.
    let mut known = BTreeSet::new();
    known.extend(reg.names().map(str::to_string));
    for (c, l) in cands.iter().zip(&lines).skip(front_end) {
        if let Some(c) = c {
            let plain = c.strength == Strength::Strong || (l.indent == 0 && c.surname);
            if let (true, Some(name)) = (plain, &c.name) {
                known.insert(name.clone());
            }
        }
    }
    let is_label: Vec<bool> = (0..n)
        .map(|i| {
            i >= front_end
                && cands[i]
                    .as_ref()
                    .is_some_and(|c| accept(c, &lines[i], &|n| known.contains(n)))
        })
        .collect();

    // 4. Where the conference ends.
    let mut turn_role = vec![None; n];
    let mut role = None;
    for i in front_end..n {
        if is_label[i] {
            role = cands[i].as_ref().map(|c| guess_role(c, &reg));
        }
        turn_role[i] = role;
    }
    let end = appendix::start(&lines, &turn_role, &is_label).unwrap_or(n);

    // Timestamp lines between turns become the turns' times.
    let mut time_line: Vec<Option<usize>> = vec![None; n];
    let mut consumed = vec![false; n];
    let is_stamp = |i: usize| lines::timestamp(lines[i].text).is_some();
    for i in front_end..end {
        if is_label[i] && i > 0 && !is_label[i - 1] && !consumed[i - 1] && is_stamp(i - 1) {
            time_line[i] = Some(i - 1);
            consumed[i - 1] = true;
        }
    }
    for i in front_end..end {
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

    let mut doc = Document::default();

    // 5a. Front blocks and meta sources.
    let mut src = meta::Sources::default();
    // The title: the first line that is neither a stamp nor a header, if
    // it is short enough.
    let mut title_seen = false;
    for (i, l) in lines.iter().enumerate().take(front_end.min(end)) {
        if consumed[i] {
            continue;
        }
        let mut kind = front::kind(l.text, false);
        if !title_seen && matches!(kind, BlockKind::Heading | BlockKind::Paragraph) {
            title_seen = true;
            if crate::chars::count_upto(l.text, MAX_TITLE) <= MAX_TITLE {
                kind = BlockKind::Title;
                src.title = l.text;
            }
        }
        match kind {
            BlockKind::Stamp => src.stamps.extend(lines::timestamp(l.text)),
            BlockKind::Header => src.headers.extend(front::header(l.text)),
            BlockKind::Paragraph | BlockKind::Heading => src.intro.push(l.text),
            _ => {}
        }
        let id = format!("f{}", doc.front.len() + 1);
        doc.front
            .push(block(id, Parts::plain(kind, l.text), level_of(kind)));
    }

    // 5b. Turns.
    let mut outline = Outline::default();
    for i in front_end..end {
        if consumed[i] {
            continue;
        }
        if is_label[i] {
            let Some(c) = &cands[i] else { continue };
            let (speaker, participant, role) = reg.resolve(c);
            doc.turns.push(Turn {
                id: format!("t{}", doc.turns.len() + 1),
                speaker,
                participant,
                role,
                title: c.title.clone(),
                outlet: c.outlet.clone(),
                label: c.body.to_string(),
                time: time_line[i].map(|j| lines[j].text.to_string()),
                blocks: Vec::new(),
            });
            outline = Outline::default();
            if !c.rest.is_empty() {
                push_block(&mut doc, sections::classify(c.rest, &mut outline));
            }
        } else {
            push_block(&mut doc, sections::classify(lines[i].text, &mut outline));
        }
    }

    // 5c. Appendix: everything after the conference, as written.
    for l in lines.iter().skip(end) {
        let kind = match front::kind(l.text, false) {
            BlockKind::Header => BlockKind::Paragraph,
            k => k,
        };
        let id = format!("a{}", doc.appendix.len() + 1);
        doc.appendix
            .push(block(id, Parts::plain(kind, l.text), level_of(kind)));
    }

    doc.qa = qa::pair(&doc.turns);
    doc.meta = meta::build(&src, lines[..end].iter().map(|l| l.text));
    doc.participants = reg.into_vec();
    doc
}

/// Whether a label candidate is a label on this line.
fn accept(c: &Label<'_>, line: &Line<'_>, known: &dyn Fn(&str) -> bool) -> bool {
    match c.strength {
        Strength::Strong => true,
        Strength::Bare => {
            let name = c.name.as_deref().unwrap_or_default();
            known(name) || (line.indent == 0 && c.surname)
        }
    }
}

/// A label's role before speakers are resolved.
fn guess_role(c: &Label<'_>, reg: &Registry) -> Role {
    c.role
        .or_else(|| c.name.as_deref().and_then(|n| reg.role_of(n)))
        .unwrap_or(Role::Other)
}

fn level_of(kind: BlockKind) -> u8 {
    match kind {
        BlockKind::Heading => 1,
        _ => 0,
    }
}

fn block(id: String, p: Parts, level: u8) -> Block {
    Block {
        id,
        kind: p.kind,
        level: level.max(p.level),
        marker: p.marker,
        heading: p.heading,
        text: p.text,
        note: p.note,
        lead_unit: p.lead_unit,
    }
}

/// Adds a block to the last turn; a note alone on its line joins the block
/// before it when that has none.
fn push_block(doc: &mut Document, p: Parts) {
    let Some(turn) = doc.turns.last_mut() else {
        return;
    };
    if p.text.is_empty() && p.marker.is_none() && p.heading.is_none() && p.note.is_some() {
        if let Some(prev) = turn.blocks.last_mut().filter(|b| b.note.is_none()) {
            prev.note = p.note;
            prev.lead_unit = p.lead_unit;
            return;
        }
    }
    let id = format!("{}-b{}", turn.id, turn.blocks.len() + 1);
    turn.blocks.push(block(id, p, 0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_plain() {
        assert_eq!(structure("", None), Document::default());
        let d = structure("只有一行", None);
        assert_eq!(d.front.len(), 1);
        assert_eq!(d.meta.title, "只有一行");
    }

    #[test]
    fn small_transcript() {
        let d = structure(
            "标题\n主持人 王某:\n  各位好。\n李某:\n  谢谢。\n主持人 王某:\n发布会到此结束。\n广告\n",
            None,
        );
        assert_eq!(d.turns.len(), 3);
        assert_eq!(d.turns[0].speaker, "王某");
        assert_eq!(d.turns[0].role, Role::Host);
        assert_eq!(d.turns[1].speaker, "李某");
        assert_eq!(d.appendix.len(), 1);
        assert_eq!(d.appendix[0].text, "广告");
        assert_eq!(d.turns[2].blocks[0].id, "t3-b1");
    }
}
