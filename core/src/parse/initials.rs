//! Short labels: one character standing for a full label the document
//! writes elsewhere (`謝：` for `謝振中：`, `記：` for `記者：`), as a
//! newspaper shortens them once the speakers are known.

use super::label::{Label, Shape};
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
    fn ambiguous_initials_stay_speech() {
        let lines = ["謝振中：答。", "謝明：也答。", "謝：再答。"];
        let mut cands: Vec<_> = lines.iter().map(|l| candidate(l)).collect();
        let mut is_label = vec![true, true, false];
        expand(&mut cands, &mut is_label, 0);
        assert!(!is_label[2]);
    }
}
