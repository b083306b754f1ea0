//! Roles that no label or intro gives, read from what a speaker does: a
//! voice that answers the journalists' questions (the spokesperson of a
//! regular briefing, introduced nowhere) is an official.

use crate::model::{Document, Role};
use std::collections::BTreeMap;

/// Gives the official's role to speakers of unknown role who answer
/// questions: they speak right after a journalist at least once, and for
/// at least a third of the questions asked.
pub fn infer(doc: &mut Document) {
    let questions = doc
        .turns
        .iter()
        .filter(|t| t.role == Role::Journalist)
        .count();
    if questions == 0 {
        return;
    }
    let mut answers: BTreeMap<&str, usize> = BTreeMap::new();
    for pair in doc.turns.windows(2) {
        let (q, a) = (&pair[0], &pair[1]);
        if q.role == Role::Journalist && a.role == Role::Other {
            *answers.entry(a.participant.as_str()).or_default() += 1;
        }
    }
    let officials: Vec<String> = answers
        .into_iter()
        .filter(|&(_, n)| n * 3 >= questions)
        .map(|(p, _)| p.to_string())
        .collect();
    if officials.is_empty() {
        return;
    }
    for p in &mut doc.participants {
        if p.role == Role::Other && officials.contains(&p.id) {
            p.role = Role::Official;
        }
    }
    for t in &mut doc.turns {
        if t.role == Role::Other && officials.contains(&t.participant) {
            t.role = Role::Official;
        }
    }
}
