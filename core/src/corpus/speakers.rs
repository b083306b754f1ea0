//! Speakers across the corpus: who they are ([`super::identity`]), the
//! names, titles and outlets they appear under and when, their roles,
//! their appearances over time, and the questions they asked or
//! answered. What a speaker page and the speakers index show.

use super::catalog::Record;
use super::identity::{self, Identity};
use super::topics;
use crate::model::{Document, Role};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A question a speaker asked or answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The turn to link to: their question, or their answer.
    pub turn: String,
    /// What the question asks ([`topics`]).
    pub topic: Option<String>,
    /// Whether they asked it (else they answered it).
    pub asked: bool,
}

/// One speaker in one transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appearance {
    pub identity: Identity,
    pub name: String,
    pub role: Role,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub turns: u32,
    /// Characters of speech.
    pub chars: u32,
    pub questions: Vec<Question>,
}

/// The speakers of `doc` who have an identity, one appearance each.
pub fn appearances(doc: &Document) -> Vec<Appearance> {
    let mut out: Vec<Appearance> = Vec::new();
    let mut of_participant: HashMap<&str, usize> = HashMap::new();
    for p in &doc.participants {
        let Some(id) = identity::of(p) else { continue };
        let i = match out.iter().position(|a| a.identity == id) {
            Some(i) => i,
            None => {
                out.push(Appearance {
                    identity: id,
                    name: p.name.clone(),
                    role: p.role,
                    title: p.title.clone(),
                    outlet: p.outlet.clone(),
                    turns: 0,
                    chars: 0,
                    questions: Vec::new(),
                });
                out.len() - 1
            }
        };
        of_participant.insert(&p.id, i);
    }
    for t in &doc.turns {
        if let Some(&i) = of_participant.get(t.participant.as_str()) {
            out[i].turns += 1;
            out[i].chars += t
                .blocks
                .iter()
                .map(|b| b.text.chars().filter(|c| !c.is_whitespace()).count() as u32)
                .sum::<u32>();
        }
    }
    for qa in &doc.qa {
        let Some(q) = doc.turn(&qa.question) else {
            continue;
        };
        let topic = topics::of_turn(q);
        if let Some(&i) = of_participant.get(q.participant.as_str()) {
            out[i].questions.push(Question {
                turn: q.id.clone(),
                topic: topic.clone(),
                asked: true,
            });
        }
        let mut answered: Vec<usize> = Vec::new();
        for a in &qa.answers {
            let Some(t) = doc.turn(a) else { continue };
            match of_participant.get(t.participant.as_str()) {
                Some(&i) if !answered.contains(&i) => {
                    answered.push(i);
                    out[i].questions.push(Question {
                        turn: t.id.clone(),
                        topic: topic.clone(),
                        asked: false,
                    });
                }
                _ => {}
            }
        }
    }
    out
}

/// A title or outlet a speaker appeared under, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub text: String,
    pub first: Option<String>,
    pub last: Option<String>,
    /// Transcripts.
    pub count: usize,
}

/// A speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub identity: Identity,
    /// Their page's folder, relative to the site's root (`s/…/`).
    pub url: String,
    /// The name as most often written.
    pub name: String,
    /// Every written form, most frequent first, with its transcripts.
    pub names: Vec<(String, usize)>,
    /// Roles, most frequent first, with their transcripts.
    pub roles: Vec<(Role, usize)>,
    pub titles: Vec<Seen>,
    pub outlets: Vec<Seen>,
    /// The transcripts they speak in, oldest first.
    pub transcripts: Vec<u32>,
    pub turns: u64,
    pub chars: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    /// Transcripts per year.
    pub years: BTreeMap<String, usize>,
    /// Questions asked or answered, oldest first, with their transcript.
    pub questions: Vec<(u32, Question)>,
}

impl Speaker {
    /// The role they have most often.
    pub fn role(&self) -> Role {
        self.roles.first().map_or(Role::Other, |r| r.0)
    }
}

fn seen(list: &mut Vec<Seen>, text: &str, date: &Option<String>) {
    match list.iter_mut().find(|s| s.text == text) {
        Some(s) => {
            s.count += 1;
            if date.is_some() {
                s.first = s.first.clone().or_else(|| date.clone());
                s.last = date.clone();
            }
        }
        None => list.push(Seen {
            text: text.to_string(),
            first: date.clone(),
            last: date.clone(),
            count: 1,
        }),
    }
}

fn count<T: PartialEq + Clone>(list: &mut Vec<(T, usize)>, x: &T) {
    match list.iter_mut().find(|(y, _)| y == x) {
        Some(e) => e.1 += 1,
        None => list.push((x.clone(), 1)),
    }
}

/// Every speaker of the corpus, from each transcript's record and
/// appearances (in the corpus's order, oldest first): most transcripts
/// first, then by name.
pub fn aggregate(records: &[Record], appearances: &[Vec<Appearance>]) -> Vec<Speaker> {
    let mut by_id: HashMap<Identity, Speaker> = HashMap::new();
    for (doc, (r, apps)) in records.iter().zip(appearances).enumerate() {
        for a in apps {
            let s = by_id.entry(a.identity.clone()).or_insert_with(|| Speaker {
                identity: a.identity.clone(),
                url: a.identity.url(),
                name: a.name.clone(),
                names: Vec::new(),
                roles: Vec::new(),
                titles: Vec::new(),
                outlets: Vec::new(),
                transcripts: Vec::new(),
                turns: 0,
                chars: 0,
                first: None,
                last: None,
                years: BTreeMap::new(),
                questions: Vec::new(),
            });
            count(&mut s.names, &a.name);
            count(&mut s.roles, &a.role);
            if let Some(t) = &a.title {
                seen(&mut s.titles, t, &r.date);
            }
            if let Some(o) = &a.outlet {
                seen(&mut s.outlets, o, &r.date);
            }
            s.transcripts.push(doc as u32);
            s.turns += u64::from(a.turns);
            s.chars += u64::from(a.chars);
            if let Some(d) = &r.date {
                s.first = s.first.clone().or_else(|| Some(d.clone()));
                s.last = Some(d.clone());
                if let Some(y) = d.get(..4) {
                    *s.years.entry(y.to_string()).or_default() += 1;
                }
            }
            s.questions
                .extend(a.questions.iter().map(|q| (doc as u32, q.clone())));
        }
    }
    let mut out: Vec<Speaker> = by_id.into_values().collect();
    for s in &mut out {
        s.names
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        s.roles
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.as_str().cmp(b.0.as_str())));
        s.name = s.names[0].0.clone();
    }
    out.sort_by(|a, b| {
        b.transcripts
            .len()
            .cmp(&a.transcripts.len())
            .then_with(|| a.identity.cmp(&b.identity))
    });
    out
}

/// One line of the speakers index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub name: String,
    pub kind: identity::Kind,
    pub url: String,
    pub role: Role,
    pub transcripts: usize,
    pub turns: u64,
    pub chars: u64,
    pub first: Option<String>,
    pub last: Option<String>,
}

impl From<&Speaker> for Summary {
    fn from(s: &Speaker) -> Summary {
        Summary {
            name: s.name.clone(),
            kind: s.identity.kind,
            url: s.url.clone(),
            role: s.role(),
            transcripts: s.transcripts.len(),
            turns: s.turns,
            chars: s.chars,
            first: s.first.clone(),
            last: s.last.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::catalog;
    use crate::corpus::load::Transcript;

    fn transcript(source: &str, text: &str) -> (Record, Vec<Appearance>) {
        let t = Transcript {
            source: source.into(),
            bytes: text.len(),
            doc: crate::structure(text, Some(source)),
        };
        let passages = crate::corpus::passages::of(&t.doc);
        (
            catalog::record(&t, String::new(), &passages),
            appearances(&t.doc),
        )
    }

    #[test]
    fn one_person_across_scripts_with_titles_dates_and_questions() {
        let a = transcript(
            "2019-03-01-a.txt",
            "# 2019-03-01 記者會\n\n主持人：各位好。\n\n彭博社記者：謝謝。請問數位身分證何時上路？\n\n唐鳳：明年上路。\n",
        );
        let b = transcript(
            "2020-05-02-b.txt",
            "# 2020-05-02 记者会\n\n主持人：各位好。\n\n彭博社记者：请问口罩地图的数据从哪里来？\n\n唐凤：来自健保署。\n\n唐凤：补充一点。\n",
        );
        let records = [a.0, b.0];
        let all = aggregate(&records, &[a.1, b.1]);
        let tang = all
            .iter()
            .find(|s| s.identity.key == "唐凤")
            .expect("one 唐凤");
        assert_eq!(tang.transcripts, [0, 1]);
        assert_eq!(tang.turns, 3);
        assert_eq!(
            (tang.first.as_deref(), tang.last.as_deref()),
            (Some("2019-03-01"), Some("2020-05-02"))
        );
        assert_eq!(tang.years.len(), 2);
        let answered: Vec<_> = tang
            .questions
            .iter()
            .map(|(d, q)| (*d, q.asked, q.topic.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            answered,
            [
                (0, false, "數位身分證何時上路".into()),
                (1, false, "口罩地图的数据从哪里来".into())
            ]
        );
        let outlet = all
            .iter()
            .find(|s| s.identity.kind == identity::Kind::Outlet)
            .expect("the outlet");
        assert_eq!(outlet.transcripts.len(), 2);
        assert!(outlet.questions.iter().all(|(_, q)| q.asked));
        // The host is a role word: no one.
        assert!(all.iter().all(|s| s.name != "主持人"));
    }
}
