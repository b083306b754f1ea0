//! The questions asked, each with its outlet, its answerers and links.

use crate::i18n::use_texts;
use crate::panels::BlockLink;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::Document;

/// Characters of a question shown before it is cut with `…`.
const EXCERPT: usize = 70;

/// A question and its answers, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QaRow {
    pub question: String,
    /// Who asked: the journalist's outlet, else their name.
    pub asker: String,
    pub excerpt: String,
    /// (turn id, speaker) of each answer.
    pub answers: Vec<(String, String)>,
}

pub fn qa_rows(doc: &Document) -> Vec<QaRow> {
    doc.qa
        .iter()
        .filter_map(|pair| {
            let q = doc.turn(&pair.question)?;
            let asker = doc
                .participant(&q.participant)
                .and_then(|p| p.outlet.clone())
                .unwrap_or_else(|| q.speaker.clone());
            let text: String = q
                .blocks
                .iter()
                .map(|b| b.full_text())
                .collect::<Vec<_>>()
                .join(" ");
            let mut excerpt: String = text.chars().take(EXCERPT).collect();
            if text.chars().count() > EXCERPT {
                excerpt.push('…');
            }
            let answers = pair
                .answers
                .iter()
                .filter_map(|a| doc.turn(a).map(|t| (t.id.clone(), t.speaker.clone())))
                .collect();
            Some(QaRow {
                question: q.id.clone(),
                asker,
                excerpt,
                answers,
            })
        })
        .collect()
}

#[component]
pub fn QaList() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let t = use_texts();
    let rows = Memo::new(move |_| reader.doc.with(|d| qa_rows(d)));
    let items = move || {
        let t = t();
        rows.with(|rows| {
            if rows.is_empty() {
                return view! { <p class="insights__empty">{t.no_qa}</p> }.into_any();
            }
            let items = rows
                .iter()
                .map(|r| {
                    let answers = r
                        .answers
                        .iter()
                        .map(|(id, who)| {
                            let who = who.clone();
                            view! { <li><BlockLink block=id.clone()>{who}</BlockLink></li> }
                        })
                        .collect_view();
                    let excerpt = r.excerpt.clone();
                    view! {
                        <li class="qa__item">
                            <p class="qa__asker"><span class="qa__outlet">{r.asker.clone()}</span>" "{t.question}</p>
                            <p class="qa__question"><BlockLink block=r.question.clone()>{excerpt}</BlockLink></p>
                            <div class="qa__answers">
                                <span class="qa__answered-by">{t.answered_by}</span>
                                <ul class="qa__answerers">{answers}</ul>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="qa__list">{items}</ol> }.into_any()
        })
    };
    view! {
        <section class="insights__section qa" aria-labelledby="qa-title">
            <h3 class="insights__title" id="qa-title">{move || t().qa_heading}</h3>
            {items}
        </section>
    }
}
