//! Pairs each journalist's question with the turns that answer it.

use crate::model::{QaPair, Role, Turn};

/// A question is a journalist's turn; its answers are the officials' (and
/// others') turns that follow it, up to the next question. The host's turns
/// in between (`请…回答`) are neither. The same journalist's turns right
/// after their question (one question over several labels) continue it.
pub fn pair(turns: &[Turn]) -> Vec<QaPair> {
    let mut out: Vec<QaPair> = Vec::new();
    let mut prev: Option<&Turn> = None;
    for t in turns {
        match t.role {
            Role::Journalist => {
                let continues = prev
                    .is_some_and(|p| p.role == Role::Journalist && p.participant == t.participant);
                match out.last_mut() {
                    Some(q) if continues && q.answers.is_empty() => q.continued.push(t.id.clone()),
                    _ => out.push(QaPair {
                        question: t.id.clone(),
                        continued: Vec::new(),
                        answers: Vec::new(),
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
