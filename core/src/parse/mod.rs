//! Text → [`Document`]: front matter, turns, Q&A pairs and the appendix.
//!
//! The parser makes a fixed number of passes over typed line records, so
//! its time grows linearly with the input:
//!
//! 1. split into non-blank lines ([`lines`]), read each line's written form
//!    ([`syntax`]: `### 唐鳳：`, `**王某：**`, `【主持人】`, `华春莹：…`) and
//!    what its speaker part says ([`label`]: a role, a title and name, an
//!    outlet, a name);
//! 2. weigh the evidence of the whole document ([`evidence`]): recurrence,
//!    role words, the layout its labels use;
//! 3. the front matter runs up to the first label; its header lines and
//!    intro paragraph introduce people ([`front`], [`names`]);
//! 4. decide which candidates are labels, attach timestamp lines to turns,
//!    find where the conference ends ([`appendix`]);
//! 5. build blocks ([`sections`], [`markup`]), resolve speakers
//!    ([`participants`]), infer the roles of speakers no label or intro
//!    names ([`roles`]), pair questions and answers ([`qa`]) and fill the
//!    meta ([`meta`]).
//!
//! Nothing is dropped: every non-whitespace character of the input lands in
//! a block, a turn's time, or (for speaker labels) a turn's label.

mod appendix;
mod evidence;
mod front;
mod held;
mod initials;
mod label;
mod date_year;
mod lines;
mod markup;
mod meta;
mod names;
mod participants;
mod phrase;
mod qa;
mod roles;
mod script;
mod sections;
mod syntax;
mod titles;

use crate::model::{Block, BlockKind, Document, Meta, Turn};
use evidence::Evidence;
use label::Label;
use participants::Registry;
use sections::{Outline, Parts};
use std::collections::BTreeSet;

/// Titles longer than this (in characters) are not taken as the title.
const MAX_TITLE: usize = 80;

/// Parses decoded transcript text. `name` is the file name, if known: the
/// meta falls back on it. Never fails: text that has no structure comes
/// back as front-matter paragraphs.
pub fn structure(text: &str, name: Option<&str>) -> Document {
    structure_then(text, name, |src, host| {
        let mut meta = meta::build(src, host);
        meta.lang = script::language(text).to_string();
        date_year::settle(&mut meta, src.title, src.file_name, text);
        meta
    })
}

/// The parse, with `meta` making the meta of the front matter's sources
/// and the host's words.
fn structure_then<'t>(
    text: &'t str,
    name: Option<&'t str>,
    meta: impl FnOnce(&meta::Sources<'t>, &mut dyn Iterator<Item = &str>) -> Meta,
) -> Document {
    // 1. Lines and their label candidates.
    let lines = lines::split(text);
    let n = lines.len();
    // Page furniture (running headers, page numbers) is never a label.
    let furniture = lines::page_furniture(&lines);
    let mut cands: Vec<Option<Label<'_>>> = lines
        .iter()
        .zip(&furniture)
        .map(|(l, &f)| if f { None } else { label::candidate(l.text) })
        .collect();
    // 2. The document's evidence.
    let ev = Evidence::of(&cands);
    let mut reg = Registry::default();

    // 3. Front matter: up to the first label.
    let mut front_end = n;
    for i in 0..n {
        if let Some(h) = front::header(lines[i].text) {
            h.register(&mut reg);
            continue;
        }
        if cands[i]
            .as_ref()
            .is_some_and(|c| ev.accept(c, &lines[i], &|n| reg.knows(n)))
        {
            front_end = i;
            break;
        }
        if i > 0
            && matches!(
                front::kind(lines[i].text, false),
                BlockKind::Paragraph | BlockKind::Heading
            )
        {
            front::register_intro(lines[i].text, &mut reg);
        }
    }
    // A host's first turn that introduces the speakers
    // (`今天我们请市交通运输局局长周文和…介绍`) introduces them as an intro
    // paragraph does.
    if let Some(c) = cands.get(front_end).and_then(Option::as_ref) {
        if reg.guess_role(c) == crate::model::Role::Host {
            front::register_intro(c.rest, &mut reg);
            for i in front_end + 1..n {
                let accepted = cands[i]
                    .as_ref()
                    .is_some_and(|c| ev.accept(c, &lines[i], &|n| reg.knows(n)));
                if accepted {
                    break;
                }
                front::register_intro(lines[i].text, &mut reg);
            }
        }
    }
    reg.end_front();

    // 4. Labels after the front matter. Names that a strong label gives
    // make the same name a label elsewhere, indented or not.
    // Built by insertion: `collect` into a B-tree links a sort per type.
    let mut known = BTreeSet::new();
    known.extend(reg.names().map(str::to_string));
    for c in cands[front_end.min(n)..].iter().flatten() {
        if let (true, Some(name)) = (c.shape.is_strong(), &c.name) {
            known.insert(name.clone());
        }
    }
    // A short line that ends in a colon right after a hard-wrapped line
    // (`政府可否告知` / `本會：`) ends that sentence: it is no label unless
    // its words make one.
    let wrapped = |i: usize, c: &Label<'_>| {
        i > front_end
            && c.form == syntax::Form::Plain
            && c.rest.is_empty()
            && !c.shape.is_strong()
            && !c.name.as_deref().is_some_and(|n| known.contains(n))
            && !names_a_speaker(c, &ev)
            && lines::ends_wrapped(lines[i - 1].text)
    };
    let mut is_label: Vec<bool> = (0..n)
        .map(|i| {
            i >= front_end
                && cands[i].as_ref().is_some_and(|c| {
                    !wrapped(i, c) && ev.accept(c, &lines[i], &|n| known.contains(n))
                })
        })
        .collect();

    initials::expand(&mut cands, &mut is_label, front_end, &|n| reg.title_of(n));

    // Where the conference ends.
    let mut turn_role = vec![None; n];
    let mut role = None;
    for i in front_end..n {
        if is_label[i] {
            role = cands[i].as_ref().map(|c| reg.guess_role(c));
        }
        turn_role[i] = role;
    }
    let end = appendix::start(&lines, &turn_role, &is_label).unwrap_or(n);
    let (time_line, consumed) = lines::turn_times(&lines, &is_label, &cands, front_end, end);

    let mut doc = Document::default();

    // 5a. Front blocks and meta sources.
    let mut src = meta::Sources {
        file_name: name,
        ..meta::Sources::default()
    };
    // The title: the first line that is neither a stamp nor a header, if
    // it is short enough.
    let mut title_seen = false;
    for (i, l) in lines.iter().enumerate().take(front_end.min(end)) {
        if consumed[i] {
            continue;
        }
        let mut p = if furniture[i] {
            Parts::plain(BlockKind::Aside, l.text)
        } else {
            front_parts(l.text)
        };
        // A dateline (`2024-11-20 10:00　来源：…`) is the page's stamp.
        if matches!(p.kind, BlockKind::Heading | BlockKind::Paragraph) {
            if let Some(d) = held::dateline(l.text) {
                p.kind = BlockKind::Stamp;
                src.datelines.push(d);
            }
        }
        if !title_seen && matches!(p.kind, BlockKind::Heading | BlockKind::Paragraph) {
            title_seen = true;
            // `# 2024-05-08 标题`: the date does not count.
            let (_, title) = meta::leading_iso_date(markup::heading_text(l.text));
            if crate::chars::count_upto(title, MAX_TITLE) <= MAX_TITLE {
                p.kind = BlockKind::Title;
                src.title = markup::heading_text(l.text);
            }
        }
        match p.kind {
            BlockKind::Stamp => src.stamps.extend(lines::timestamp(l.text)),
            BlockKind::Header => src.headers.extend(front::header(l.text)),
            BlockKind::Paragraph | BlockKind::Heading => src.intro.push(l.text),
            _ => {}
        }
        let id = format!("f{}", doc.front.len() + 1);
        doc.front.push(block(id, p));
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
                label: c.label.to_string(),
                time: time_line[i].map(|j| lines[j].text.to_string()),
                blocks: Vec::new(),
            });
            outline = Outline::default();
            if !c.rest.is_empty() {
                push_block(&mut doc, speech_parts(c.rest, &mut outline));
            }
        } else if furniture[i] {
            push_block(&mut doc, Parts::plain(BlockKind::Aside, lines[i].text));
        } else {
            push_block(&mut doc, speech_parts(lines[i].text, &mut outline));
        }
    }

    // 5c. Appendix: everything after the conference, as written.
    for (l, &f) in lines.iter().zip(&furniture).skip(end) {
        let mut p = if f {
            Parts::plain(BlockKind::Aside, l.text)
        } else {
            front_parts(l.text)
        };
        if p.kind == BlockKind::Header {
            p.kind = BlockKind::Paragraph;
        }
        let id = format!("a{}", doc.appendix.len() + 1);
        doc.appendix.push(block(id, p));
    }

    doc.participants = reg.into_vec();
    roles::addressed(&mut doc);
    roles::infer(&mut doc);
    doc.qa = qa::pair(&doc.turns);
    let mut host = doc
        .turns
        .iter()
        .filter(|t| t.role == crate::model::Role::Host)
        .flat_map(|t| &t.blocks)
        .map(|b| b.text.as_str());
    doc.meta = meta(&src, &mut host);
    doc
}

/// Whether a label alone on its line names a speaker by its own words,
/// even after a wrapped line: an office (`教育局局長：`, not `局長：`), or a
/// name with a surname that the document uses again as a label, or in a
/// document whose labels stand alone on their lines.
fn names_a_speaker(c: &Label<'_>, ev: &Evidence) -> bool {
    let office = c.shape == label::Shape::TitleOnly
        && c.role.is_some()
        && c.title.as_deref().is_some_and(|t| t.chars().count() >= 4);
    office || (c.surname && (ev.recurs(c) || ev.same_layout(c)))
}

/// How many lines read as a speaker label by their form and words alone,
/// before the document's evidence is weighed.
pub fn speaker_like_lines(text: &str) -> usize {
    lines::split(text)
        .iter()
        .filter_map(|l| label::candidate(l.text))
        .filter(|c| match c.form {
            syntax::Form::Plain => {
                c.shape.is_strong() || (c.shape == label::Shape::Name && c.surname)
            }
            _ => c.shape != label::Shape::Other || c.form == syntax::Form::Heading,
        })
        .count()
}

/// Whether a speaker's name is a role word and nothing more (`问`,
/// `記者`, `主持人`, `Moderator`): a voice, not a person.
pub fn is_role_only(name: &str) -> bool {
    label::candidate(&format!("{name}："))
        .is_some_and(|l| l.shape == label::Shape::Role && l.name.is_none())
}

/// A front-matter or appendix line's parts.
fn front_parts(text: &str) -> Parts {
    if let Some(p) = markup::parts(text) {
        return p;
    }
    let kind = front::kind(text, false);
    let mut p = Parts::plain(kind, text);
    if kind == BlockKind::Heading {
        p.level = 1;
    }
    p
}

/// A speech line's parts.
fn speech_parts(text: &str, outline: &mut Outline) -> Parts {
    markup::parts(text).unwrap_or_else(|| sections::classify(text, outline))
}

fn block(id: String, p: Parts) -> Block {
    Block {
        id,
        kind: p.kind,
        level: p.level,
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
    turn.blocks.push(block(id, p));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

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
        assert_eq!(d.turns[0].label, "主持人 王某:");
        assert_eq!(d.turns[1].speaker, "李某");
        assert_eq!(d.appendix.len(), 1);
        assert_eq!(d.appendix[0].text, "广告");
        assert_eq!(d.turns[2].blocks[0].id, "t3-b1");
    }

    #[test]
    fn markdown_transcript() {
        let d = structure(
            "# 2016-10-01 萌典松前記者會\n\n### 唐鳳：\n大家好。\n\n> （播放影片）\n\n### 問：\n請問？\n\n### 唐鳳：\n好。\n",
            None,
        );
        assert_eq!(d.meta.title, "萌典松前記者會");
        assert_eq!(d.meta.date.as_deref(), Some("2016-10-01"));
        let speakers: Vec<&str> = d.turns.iter().map(|t| t.speaker.as_str()).collect();
        assert_eq!(speakers, ["唐鳳", "問", "唐鳳"]);
        assert_eq!(d.turns[0].blocks[1].kind, BlockKind::Aside);
        assert_eq!(d.turns[0].blocks[1].text, "（播放影片）");
        assert_eq!(d.turns[2].role, Role::Official, "answers the question");
        assert_eq!(d.qa.len(), 1);
    }

    #[test]
    fn heading_label_with_speech_on_its_line() {
        // Found by the fuzzer: a heading that starts like a label and goes
        // on is a label with inline speech, so the text stays where it is.
        let text = "### Audrey Tang：\nHello.\n### Kolas Yotaka：\nHi.\n### Audrey Tang：If you talk about isolation.\n";
        let d = structure(text, None);
        assert_eq!(d.turns.len(), 3);
        assert_eq!(d.turns[2].label, "### Audrey Tang：");
        assert_eq!(d.turns[2].blocks[0].text, "If you talk about isolation.");
        assert!(crate::lossless::is_lossless(text, &d));
    }
}
