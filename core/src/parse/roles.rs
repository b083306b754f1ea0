//! Roles that no label or intro gives, read from what a speaker does: a
//! voice that answers the journalists' questions (the spokesperson of a
//! regular briefing, introduced nowhere) is an official.

use super::label::official_title;
use super::names::address_title;
use crate::chars::{has_surname, is_han};
use crate::model::{Document, Role, Turn};
use std::collections::BTreeMap;

/// How many bytes at each end of a turn are read for an address (16
/// characters of Chinese).
const EDGE: usize = 48;

/// Gives a speaker no label or intro gives a title the title the others
/// address them by (`莊副署長` for `莊定賢`), and the role it implies,
/// when their surname is no other speaker's.
pub fn addressed(doc: &mut Document) {
    // Surname → the one untitled speaker with it (`None`: several).
    let mut by_surname: BTreeMap<char, Option<usize>> = BTreeMap::new();
    for (i, p) in doc.participants.iter().enumerate() {
        let n = p.name.chars().count();
        let Some(first) = p.name.chars().next() else {
            continue;
        };
        let person = (2..=3).contains(&n) && p.name.chars().all(is_han) && has_surname(&p.name);
        if !person {
            continue;
        }
        let untitled = p.title.is_none();
        match by_surname.get(&first) {
            None if untitled => {
                by_surname.insert(first, Some(i));
            }
            None => {}
            Some(_) => {
                by_surname.insert(first, None);
            }
        }
        if !untitled {
            // A titled speaker with the surname makes it ambiguous.
            by_surname.insert(first, None);
        }
    }
    by_surname.retain(|_, v| v.is_some());
    if by_surname.is_empty() {
        return;
    }
    // The titles each is addressed by, as first found; `None` when two differ.
    let mut found: BTreeMap<usize, Option<&str>> = BTreeMap::new();
    // The others address a speaker in the turns next to theirs, at the
    // start or the end (`莊副署長，請問…`, `多謝莊副署長。`): the first and
    // last paragraph of each neighbouring turn are read, once.
    // Built by insertion: `collect` into a B-tree links a sort per type.
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, p) in doc.participants.iter().enumerate() {
        index.insert(p.id.as_str(), i);
    }
    // Per turn, its speaker's surname and index, if they are one of those.
    let mut person: Vec<Option<(char, usize)>> = Vec::with_capacity(doc.turns.len());
    for t in &doc.turns {
        person.push(index.get(t.participant.as_str()).and_then(|&i| {
            let c = doc.participants[i].name.chars().next()?;
            (by_surname.get(&c) == Some(&Some(i))).then_some((c, i))
        }));
    }
    for (j, t) in doc.turns.iter().enumerate() {
        let own = index.get(t.participant.as_str()).copied();
        let near = |k: Option<usize>| {
            let p = (*person.get(k?)?)?;
            (Some(p.1) != own).then_some(p)
        };
        let people = [near(j.checked_sub(1)), near(Some(j + 1))];
        let people = people.iter().flatten();
        if people.clone().next().is_none() {
            continue;
        }
        // The first and last characters of the turn: where a speaker is
        // addressed or handed over to.
        let (Some(first), Some(last)) = (t.blocks.first(), t.blocks.last()) else {
            continue;
        };
        let mut head = first.text.len().min(EDGE);
        while !first.text.is_char_boundary(head) {
            head -= 1;
        }
        let mut tail = last.text.len().saturating_sub(EDGE);
        while !last.text.is_char_boundary(tail) {
            tail += 1;
        }
        // Each window searched for each neighbour's surname by its bytes.
        let windows = [(&first.text, 0, head), (&last.text, tail, last.text.len())];
        let hits = windows.into_iter().flat_map(|(text, from, to)| {
            people.clone().flat_map(move |&(c, i)| {
                text[from..to]
                    .match_indices(c)
                    .map(move |(at, _)| (i, &text[from + at + c.len_utf8()..]))
            })
        });
        for (i, after) in hits {
            let Some(title) = address_title(after) else {
                continue;
            };
            match found.get(&i) {
                Some(Some(t)) if *t != title => {
                    found.insert(i, None);
                }
                Some(_) => {}
                None => {
                    found.insert(i, Some(title));
                }
            }
        }
    }
    let found: Vec<(usize, String)> = found
        .into_iter()
        .filter_map(|(i, t)| Some((i, t?.to_string())))
        .collect();
    for (i, title) in found {
        let p = &mut doc.participants[i];
        if p.role == Role::Other && official_title(&title) {
            p.role = Role::Official;
            let (id, role) = (p.id.clone(), p.role);
            for t in doc.turns.iter_mut().filter(|t| t.participant == id) {
                if t.role == Role::Other {
                    t.role = role;
                }
            }
        }
        doc.participants[i].title = Some(title);
    }
}

/// Gives roles to speakers of unknown role, once the document has
/// journalists' questions: a voice that speaks after a question, before
/// the next, mostly answering is an official (`华春莹`, `唐鳳`); one that
/// mostly asks (`请问…？`) is a journalist (`iThome`).
pub fn infer(doc: &mut Document) {
    // Per participant (by position): turns that ask, turns that answer.
    // Built by insertion: `collect` into a B-tree links a sort per type.
    let mut index = BTreeMap::new();
    for (i, p) in doc.participants.iter().enumerate() {
        index.insert(p.id.clone(), i);
    }
    let mut tally = vec![(0usize, 0usize); doc.participants.len()];
    let mut asked = false;
    for t in &doc.turns {
        match t.role {
            Role::Journalist => asked = true,
            Role::Other if asked => {
                let Some(&i) = index.get(&t.participant) else {
                    continue;
                };
                if asks(t) {
                    tally[i].0 += 1;
                } else {
                    tally[i].1 += 1;
                }
            }
            _ => {}
        }
    }
    let role_of = |id: &str| {
        let &(asks, answers) = tally.get(*index.get(id)?)?;
        match asks.cmp(&answers) {
            std::cmp::Ordering::Less => Some(Role::Official),
            std::cmp::Ordering::Greater => Some(Role::Journalist),
            std::cmp::Ordering::Equal => None,
        }
    };
    for p in &mut doc.participants {
        if p.role == Role::Other {
            p.role = role_of(&p.id).unwrap_or(Role::Other);
        }
    }
    for t in &mut doc.turns {
        if t.role == Role::Other {
            t.role = role_of(&t.participant).unwrap_or(Role::Other);
        }
    }
}

/// Whether a turn asks: it ends on a question mark, or says 请问.
fn asks(t: &Turn) -> bool {
    let Some(last) = t.blocks.iter().rev().find(|b| !b.text.is_empty()) else {
        return false;
    };
    let end = last
        .text
        .trim_end_matches(|c: char| c.is_whitespace() || "」』”’\"）)谢謝。.".contains(c));
    let says = |b: &str| b.contains("请问") || b.contains("請問");
    // A hard-wrapped `请` / `问` is one word.
    let across = t
        .blocks
        .windows(2)
        .any(|w| w[0].text.ends_with(['请', '請']) && w[1].text.starts_with(['问', '問']));
    end.ends_with(['？', '?']) || across || t.blocks.iter().any(|b| says(&b.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Participant};

    fn turn(p: &str, role: Role, text: &str) -> Turn {
        Turn {
            participant: p.into(),
            role,
            blocks: vec![Block {
                id: String::new(),
                kind: crate::model::BlockKind::Paragraph,
                level: 0,
                marker: None,
                heading: None,
                text: text.into(),
                note: None,
                lead_unit: None,
            }],
            ..Turn::default()
        }
    }

    #[test]
    fn answerers_are_officials() {
        let mut doc = Document::default();
        for (id, role) in [
            ("p1", Role::Other),
            ("p2", Role::Journalist),
            ("p3", Role::Other),
            ("p4", Role::Other),
        ] {
            doc.participants.push(Participant {
                id: id.into(),
                name: id.into(),
                title: None,
                role,
                outlet: None,
            });
        }
        // p1 opens before any question; p3 answers; p4 asks.
        doc.turns = vec![
            turn("p1", Role::Other, "大家好。"),
            turn("p2", Role::Journalist, "请问进展如何？"),
            turn("p3", Role::Other, "进展顺利。"),
            turn("p4", Role::Other, "還想追問一下，時程呢？"),
            turn("p3", Role::Other, "年底前完成。"),
        ];
        infer(&mut doc);
        assert_eq!(doc.participants[0].role, Role::Other);
        assert_eq!(doc.participants[2].role, Role::Official);
        assert_eq!(doc.turns[2].role, Role::Official);
        assert_eq!(doc.participants[3].role, Role::Journalist);
    }
}
