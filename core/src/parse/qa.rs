//! Pairs each journalist's question with the turns that answer it.

use crate::model::{QaPair, Role, Turn};

/// A question is a journalist's turn; its answers are the officials' (and
/// others') turns that follow it, up to the next question. The host's turns
/// in between (`请…回答`) are neither.
pub fn pair(turns: &[Turn]) -> Vec<QaPair> {
    let mut out: Vec<QaPair> = Vec::new();
    for t in turns {
        match t.role {
            Role::Journalist => out.push(QaPair {
                question: t.id.clone(),
                answers: Vec::new(),
            }),
            Role::Host => {}
            Role::Official | Role::Other => {
                if let Some(q) = out.last_mut() {
                    q.answers.push(t.id.clone());
                }
            }
        }
    }
    out
}
