//! Roles that no label or intro gives, read from what a speaker does: a
//! voice that answers the journalists' questions (the spokesperson of a
//! regular briefing, introduced nowhere) is an official.

use crate::model::{Document, Role};
use std::collections::BTreeSet;

/// Gives the official's role to speakers of unknown role who answer a
/// journalist's question: they speak after it, before the next one.
pub fn infer(doc: &mut Document) {
    let mut answering: BTreeSet<String> = BTreeSet::new();
    let mut asked = false;
    for t in &doc.turns {
        match t.role {
            Role::Journalist => asked = true,
            Role::Other if asked => {
                answering.insert(t.participant.clone());
            }
            _ => {}
        }
    }
    if answering.is_empty() {
        return;
    }
    for p in &mut doc.participants {
        if p.role == Role::Other && answering.contains(&p.id) {
            p.role = Role::Official;
        }
    }
    for t in &mut doc.turns {
        if t.role == Role::Other && answering.contains(&t.participant) {
            t.role = Role::Official;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, Turn};

    fn turn(p: &str, role: Role) -> Turn {
        Turn {
            participant: p.into(),
            role,
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
        ] {
            doc.participants.push(Participant {
                id: id.into(),
                name: id.into(),
                title: None,
                role,
                outlet: None,
            });
        }
        // p1 opens before any question; p3 answers.
        doc.turns = vec![
            turn("p1", Role::Other),
            turn("p2", Role::Journalist),
            turn("p3", Role::Other),
        ];
        infer(&mut doc);
        assert_eq!(doc.participants[0].role, Role::Other);
        assert_eq!(doc.participants[2].role, Role::Official);
        assert_eq!(doc.turns[2].role, Role::Official);
    }
}
