//! Short labels: one character standing for a full label the document
//! writes elsewhere (`謝：` for `謝振中：`, `記：` for `記者：`), as a
//! newspaper shortens them once the speakers are known, and a surname with
//! a title (`莊副署長：` for `莊定賢：`).

use super::label::{surname_title, Label, Shape};
use crate::chars::strip_ws;
use crate::model::Role;
use std::collections::BTreeMap;

/// Makes each one-character candidate from `from` on a label when its
/// character starts exactly one of the document's full labels (a name, or
/// the journalists' role word), and reads it as that label.
pub fn expand(cands: &mut [Option<Label<'_>>], is_label: &mut [bool], from: usize) {
    // The first character of each full label: its name and role, or
    // `None` when two labels start with it.
    let mut full: BTreeMap<char, Option<(String, Option<Role>)>> = BTreeMap::new();
    for (c, _) in cands.iter().zip(is_label.iter()).filter(|(_, &l)| l) {
        let Some(c) = c else { continue };
        let key = match (&c.name, c.shape, c.role) {
            (_, Shape::Initial, _) => continue,
            (Some(name), _, _) if surname_title(name).is_some() => continue,
            (Some(name), _, _) => name.clone(),
            (None, Shape::Role, Some(Role::Journalist)) => strip_ws(c.body),
            _ => continue,
        };
        let Some(first) = key.chars().next() else {
            continue;
        };
        match full.get(&first) {
            Some(Some((k, _))) if *k != key => {
                full.insert(first, None);
            }
            Some(_) => {}
            None => {
                full.insert(first, Some((key, c.role)));
            }
        }
    }
    for (c, l) in cands.iter_mut().zip(is_label.iter_mut()).skip(from) {
        // `莊副署長：` read as a label: the one speaker with that surname.
        if let Some(c) = c.as_mut().filter(|c| *l && c.shape == Shape::Name) {
            let short = c
                .name
                .as_deref()
                .is_some_and(|n| surname_title(n).is_some());
            let first = c.body.trim().chars().next();
            if let (true, Some(Some((key, None)))) = (short, first.and_then(|f| full.get(&f))) {
                c.name = Some(key.clone());
            }
            continue;
        }
        let Some(c) = c.as_mut().filter(|c| c.shape == Shape::Initial) else {
            continue;
        };
        let Some(first) = c.body.chars().next() else {
            continue;
        };
        if let Some(Some((key, role))) = full.get(&first) {
            c.shape = if role.is_some() {
                Shape::Role
            } else {
                Shape::Name
            };
            c.role = *role;
            c.name = Some(key.clone());
            c.surname = true;
            *l = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::label::candidate;
    use super::*;

    #[test]
    fn short_labels_stand_for_full_ones() {
        let lines = [
            "**記者：請問？**",
            "謝振中：答。",
            "記：再問？",
            "謝：再答。",
            "王：不知。",
        ];
        let mut cands: Vec<_> = lines.iter().map(|l| candidate(l)).collect();
        let mut is_label = vec![true, true, false, false, false];
        expand(&mut cands, &mut is_label, 0);
        assert_eq!(is_label, [true, true, true, true, false]);
        let c = cands[2].as_ref().unwrap();
        assert_eq!(
            (c.name.as_deref(), c.role),
            (Some("記者"), Some(Role::Journalist))
        );
        assert_eq!(cands[3].as_ref().unwrap().name.as_deref(), Some("謝振中"));
    }

    #[test]
    fn surname_and_title() {
        let lines = ["莊定賢：答。", "記者：問？", "莊副署長：再答。"];
        let mut cands: Vec<_> = lines.iter().map(|l| candidate(l)).collect();
        let mut is_label = vec![true, true, true];
        expand(&mut cands, &mut is_label, 0);
        let c = cands[2].as_ref().unwrap();
        assert_eq!(c.name.as_deref(), Some("莊定賢"));
        assert_eq!(
            (c.title.as_deref(), c.role),
            (Some("副署長"), Some(Role::Official))
        );
    }

    #[test]
    fn ambiguous_initials_stay_speech() {
        let lines = ["謝振中：答。", "謝明：也答。", "謝：再答。"];
        let mut cands: Vec<_> = lines.iter().map(|l| candidate(l)).collect();
        let mut is_label = vec![true, true, false];
        expand(&mut cands, &mut is_label, 0);
        assert!(!is_label[2]);
    }
}
