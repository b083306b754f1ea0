//! Pairs each journalist's question with the turns that answer it.

use crate::model::{QaPair, Role, Turn};
use crate::topics;

/// A question is a journalist's turn; its answers are the officials' (and
/// others') turns that follow it, up to the next question. The host's turns
/// in between (`请…回答`) are neither. The same journalist's turns right
/// after their question (one question over several labels) continue it.
/// Its topic is its first turn's, or the first continuing turn's when the
/// first says only courtesies (`谢谢主持人。`).
pub fn pair(turns: &[Turn]) -> Vec<QaPair> {
    let mut out: Vec<QaPair> = Vec::new();
    let mut prev: Option<&Turn> = None;
    for t in turns {
        match t.role {
            Role::Journalist => {
                let continues = prev
                    .is_some_and(|p| p.role == Role::Journalist && p.participant == t.participant);
                match out.last_mut() {
                    Some(q) if continues && q.answers.is_empty() => {
                        q.continued.push(t.id.clone());
                        if q.topic.is_none() {
                            q.topic = topics::of_turn(t);
                        }
                    }
                    _ => out.push(QaPair {
                        question: t.id.clone(),
                        continued: Vec::new(),
                        answers: Vec::new(),
                        topic: topics::of_turn(t),
                    }),
                }
            }
            Role::Host => {}
            Role::Official | Role::Other => {
                if let Some(q) = out.last_mut() {
                    q.answers.push(t.id.clone());
                }
            }
        }
        prev = Some(t);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_question_has_its_topic_from_its_first_turn_with_one() {
        let doc = crate::structure(
            "主持人：下面请提问。\n\n彭博社记者：谢谢主持人。\n\n彭博社记者：请问中方对美方的最新表态有何回应？\n\n华春莹：我们已经多次表明立场。\n\n总台央视记者：我的问题是关于疫苗合作，中方有什么计划？\n\n华春莹：中方愿同各方合作。\n",
            None,
        );
        let topics: Vec<_> = doc
            .qa
            .iter()
            .map(|q| (q.continued.len(), q.topic.as_deref()))
            .collect();
        // The first question's thanks are continued by what it asks.
        assert_eq!(
            topics,
            [
                (1, Some("中方对美方的最新表态有何回应")),
                (0, Some("关于疫苗合作"))
            ]
        );
    }
}
