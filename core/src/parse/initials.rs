//! Short labels: one character standing for a full label the document
//! writes elsewhere (`謝：` for `謝振中：`, `記：` for `記者：`), as a
//! newspaper shortens them once the speakers are known, and a surname with
//! a title (`莊副署長：` for `莊定賢：`).

use super::label::{Label, Shape};
use super::titles::surname_title;
use crate::model::Role;
use std::collections::BTreeMap;

/// Makes each one-character candidate from `from` on a label when its
/// character starts exactly one of the document's full labels (a name, or
/// the journalists' role word), and reads it as that label.
///
/// A surname with a title (`莊副署長：`) is read as the one speaker with
/// that surname only when the document gives them that title (`title_of`:
/// the title the intro or header lines give a name): `唐院長` is not `唐鳳`.
pub fn expand(
    cands: &mut [Option<Label<'_>>],
    is_label: &mut [bool],
    from: usize,
    title_of: &dyn Fn(&str) -> Option<String>,
) {
    // What a full label is known by: its name, or the journalists' role word.
    fn key<'a>(c: &'a Label<'_>) -> Option<&'a str> {
        match (&c.name, c.shape, c.role) {
            (_, Shape::Initial, _) => None,
            (Some(name), _, _) if surname_title(name).is_some() => None,
            (Some(name), _, _) => Some(name),
            (None, Shape::Role, Some(Role::Journalist)) => Some(c.body),
            _ => None,
        }
    }
    // The first character of each full label: the candidate that has it,
    // or `None` when two labels start with it. Nothing is copied here:
    // most documents have no short labels.
    let mut full: BTreeMap<char, Option<usize>> = BTreeMap::new();
    let mut short = false;
    for (j, (c, _)) in cands
        .iter()
        .zip(is_label.iter())
        .enumerate()
        .filter(|(_, (_, &l))| l)
    {
        let Some(c) = c else { continue };
        short |= c.shape == Shape::Initial
            || c.name
                .as_deref()
                .is_some_and(|n| surname_title(n).is_some());
        let Some(k) = key(c) else { continue };
        let Some(first) = k.chars().next() else {
            continue;
        };
        match full.get(&first) {
            Some(Some(other)) if cands[*other].as_ref().and_then(key) != Some(k) => {
                full.insert(first, None);
            }
            Some(_) => {}
            None => {
                full.insert(first, Some(j));
            }
        }
    }
    if !short && !cands.iter().flatten().any(|c| c.shape == Shape::Initial) {
        return;
    }
    for i in from..cands.len() {
        let Some(c) = &cands[i] else { continue };
        // `莊副署長：` read as a label: the one speaker with that surname.
        let addressed = is_label[i]
            && c.shape == Shape::Name
            && c.name
                .as_deref()
                .is_some_and(|n| surname_title(n).is_some());
        if !addressed && c.shape != Shape::Initial {
            continue;
        }
        let Some(&Some(j)) = c.body.chars().next().and_then(|f| full.get(&f)) else {
            continue;
        };
        let Some(f) = &cands[j] else { continue };
        let (name, role) = (key(f).map(str::to_string), f.role);
        if addressed {
            // A name only (`莊` is no journalist), given that title.
            let title = c.title.as_deref().unwrap_or_default();
            let given = f
                .title
                .clone()
                .or_else(|| name.as_deref().and_then(title_of));
            let same = given.is_some_and(|t| !title.is_empty() && t.ends_with(title));
            if role.is_none() && same {
                if let Some(c) = cands[i].as_mut() {
                    c.name = name;
                }
            }
            continue;
        }
        let Some(c) = cands[i].as_mut() else { continue };
        c.shape = if role.is_some() {
            Shape::Role
        } else {
            Shape::Name
        };
        c.role = role;
        c.name = name;
        c.surname = true;
        is_label[i] = true;
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
        expand(&mut cands, &mut is_label, 0, &|_| None);
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
        let intro = |n: &str| (n == "莊定賢").then(|| "消防處副署長".to_string());
        expand(&mut cands, &mut is_label, 0, &intro);
        let c = cands[2].as_ref().unwrap();
        assert_eq!(c.name.as_deref(), Some("莊定賢"));
        assert_eq!(
            (c.title.as_deref(), c.role),
            (Some("副署長"), Some(Role::Official))
        );
        // A speaker the document does not give that title is someone else.
        let lines = ["唐鳳：答。", "唐院長：再答。"];
        let mut cands: Vec<_> = lines.iter().map(|l| candidate(l)).collect();
        expand(&mut cands, &mut [true, true], 0, &|_| None);
        assert_eq!(cands[1].as_ref().unwrap().name.as_deref(), Some("唐院長"));
    }

    #[test]
    fn ambiguous_initials_stay_speech() {
        let lines = ["謝振中：答。", "謝明：也答。", "謝：再答。"];
        let mut cands: Vec<_> = lines.iter().map(|l| candidate(l)).collect();
        let mut is_label = vec![true, true, false];
        expand(&mut cands, &mut is_label, 0, &|_| None);
        assert!(!is_label[2]);
    }
}
