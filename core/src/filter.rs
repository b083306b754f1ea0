//! Which turns a speaker filter shows.
//!
//! The reader chooses the speakers shown (none chosen: everyone). With
//! "questions and answers together", a shown question brings its answers
//! and a shown answer brings its question, so an exchange reads whole.
//!
//! Grouping never brings back a speaker the reader hid. A speaker counts as
//! hidden when someone of the same role is shown and they are not: hiding
//! 李武军 while the other officials stay shown is a choice about 李武军, and
//! his answers stay hidden. Showing only the officials says nothing about
//! the journalists (no journalist is shown), so their questions come back
//! with the answers they led to.

use crate::model::{Document, Role};
use std::collections::BTreeSet;

/// Ids of the turns shown for the `shown` speakers (empty: all), in the
/// document's order; with `keep_qa`, each shown turn brings its Q&A
/// partners (the question, its continuations, the answers), except those
/// by hidden speakers (see the module text).
pub fn visible_turns<'a>(
    doc: &'a Document,
    shown: &BTreeSet<String>,
    keep_qa: bool,
) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    let is_shown = |speaker: &str| shown.is_empty() || shown.contains(speaker);
    for turn in &doc.turns {
        if is_shown(&turn.speaker) {
            out.insert(turn.id.as_str());
        }
    }
    if !keep_qa || shown.is_empty() {
        return out;
    }
    // The roles of which the reader shows someone: within them, whoever is
    // not shown was hidden on purpose.
    let mut chosen_roles: Vec<Role> = Vec::new();
    for turn in &doc.turns {
        if shown.contains(&turn.speaker) && !chosen_roles.contains(&turn.role) {
            chosen_roles.push(turn.role);
        }
    }
    let mut hidden = BTreeSet::new();
    for turn in &doc.turns {
        if !shown.contains(&turn.speaker) && chosen_roles.contains(&turn.role) {
            hidden.insert(turn.id.as_str());
        }
    }
    for pair in &doc.qa {
        let ids = || {
            std::iter::once(&pair.question)
                .chain(&pair.continued)
                .chain(&pair.answers)
                .map(String::as_str)
        };
        if ids().any(|id| out.contains(id)) {
            for id in ids() {
                if !hidden.contains(id) {
                    out.insert(id);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{QaPair, Turn};

    fn turn(id: &str, speaker: &str, role: Role) -> Turn {
        Turn {
            id: id.into(),
            speaker: speaker.into(),
            role,
            ..Turn::default()
        }
    }

    /// A host, a question by a journalist answered by two officials, and a
    /// second question answered by the first official.
    fn doc() -> Document {
        let mut d = Document::default();
        d.turns = vec![
            turn("t1", "主持人", Role::Host),
            turn("t2", "记者甲", Role::Journalist),
            turn("t3", "李武军", Role::Official),
            turn("t4", "高耀东", Role::Official),
            turn("t5", "记者乙", Role::Journalist),
            turn("t6", "高耀东", Role::Official),
        ];
        d.qa = vec![
            QaPair {
                question: "t2".into(),
                answers: vec!["t3".into(), "t4".into()],
                continued: vec![],
                topic: None,
            },
            QaPair {
                question: "t5".into(),
                answers: vec!["t6".into()],
                continued: vec![],
                topic: None,
            },
        ];
        d
    }

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    fn ids(v: BTreeSet<&str>) -> Vec<&str> {
        v.into_iter().collect()
    }

    #[test]
    fn nobody_chosen_shows_everyone() {
        let d = doc();
        assert_eq!(ids(visible_turns(&d, &set(&[]), true)).len(), 6);
    }

    #[test]
    fn hiding_one_official_hides_his_answers_even_with_grouping() {
        let d = doc();
        let shown = set(&["主持人", "记者甲", "记者乙", "高耀东"]);
        let v = ids(visible_turns(&d, &shown, true));
        assert!(!v.contains(&"t3"), "李武军 was hidden: {v:?}");
        assert_eq!(v, ["t1", "t2", "t4", "t5", "t6"]);
    }

    #[test]
    fn showing_only_officials_brings_the_questions_they_answered() {
        let d = doc();
        let v = ids(visible_turns(&d, &set(&["李武军", "高耀东"]), true));
        assert_eq!(v, ["t2", "t3", "t4", "t5", "t6"]);
        let v = ids(visible_turns(&d, &set(&["李武军", "高耀东"]), false));
        assert_eq!(v, ["t3", "t4", "t6"]);
    }

    #[test]
    fn only_one_official_brings_his_questions_but_not_the_other_officials() {
        let d = doc();
        let v = ids(visible_turns(&d, &set(&["李武军"]), true));
        assert_eq!(
            v,
            ["t2", "t3"],
            "高耀东's answer to the same question stays hidden"
        );
    }

    #[test]
    fn only_journalists_brings_every_answer() {
        let d = doc();
        let v = ids(visible_turns(&d, &set(&["记者甲", "记者乙"]), true));
        assert_eq!(v, ["t2", "t3", "t4", "t5", "t6"]);
    }
}
