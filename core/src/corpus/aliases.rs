//! One person under names the folding cannot join: `唐鳳` and `Audrey
//! Tang`. An editor's list (a text file, one person a line, the names
//! joined by `=`) says who is one; the corpus then counts them as the
//! first name's identity everywhere: the speaker pages, the speakers
//! list, the search's filters and "who says this the most". Nothing is
//! joined by guess. A build only *suggests* pairs, where a transcript
//! writes one name with the other in brackets (`唐鳳（Audrey Tang）`) and
//! both speak in the corpus: the editor decides.
//!
//! ```text
//! # speakers.aliases
//! 唐鳳 = Audrey Tang
//! 陳其邁 = Chen Chi-mai = Chen Chi-Mai
//! ```

use super::catalog::Record;
use super::folder::Entry;
use super::identity::{self, Identity, Kind};
use super::speakers::{Appearance, Speaker};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Who is one person: each name's folded key to the key of the first
/// name of its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    to: BTreeMap<String, String>,
}

impl Aliases {
    /// The list in `text`, or what is wrong with it (with its line).
    pub fn parse(text: &str) -> Result<Aliases, String> {
        let mut to = BTreeMap::new();
        let mut line_of: HashMap<String, usize> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let names: Vec<&str> = line.split(['=', '＝']).map(str::trim).collect();
            if names.len() < 2 || names.iter().any(|n| n.is_empty()) {
                return Err(format!(
                    "line {n}: `{line}`: write the names of one person joined by `=` (唐鳳 = Audrey Tang)"
                ));
            }
            let mut first = None;
            for name in names {
                let Some(id) = identity::person(name) else {
                    return Err(format!(
                        "line {n}: `{name}` is a role or a placeholder, not a person's name"
                    ));
                };
                if let Some(m) = line_of.get(&id.key) {
                    return Err(format!(
                        "line {n}: `{name}` is also on line {m}: one person, one line"
                    ));
                }
                line_of.insert(id.key.clone(), n);
                let canonical = first.get_or_insert_with(|| id.key.clone()).clone();
                if canonical != id.key {
                    to.insert(id.key, canonical);
                }
            }
        }
        Ok(Aliases { to })
    }

    pub fn is_empty(&self) -> bool {
        self.to.is_empty()
    }

    /// Names joined to another's, each with that other's key.
    pub fn len(&self) -> usize {
        self.to.len()
    }

    /// The list as one line per joined name, for a cache's key: the same
    /// list, the same text, however it was written.
    pub fn digest_text(&self) -> String {
        self.to.iter().map(|(a, b)| format!("{a}={b}\n")).collect()
    }

    /// Each joined name's key to its person's (the first name's): what
    /// the index keeps in its `meta.json` for the search's filters.
    pub fn joined(&self) -> &BTreeMap<String, String> {
        &self.to
    }

    /// Who `id` is counted as.
    pub fn resolve(&self, id: &Identity) -> Identity {
        resolve(&self.to, id)
    }

    /// The speaker pages the list moved: each name it joins to another
    /// that speaks in the corpus (one of `speakers`' written names), with
    /// the page it had alone (`s/p-audreytang/`) and the person it is now
    /// part of. A link cited before the list was given should still lead
    /// to them.
    pub fn moved(&self, speakers: &[Speaker]) -> Vec<Moved> {
        let mut out: BTreeMap<Identity, Moved> = BTreeMap::new();
        for (i, s) in speakers.iter().enumerate() {
            if s.identity.kind != Kind::Person {
                continue;
            }
            for (name, _) in &s.names {
                let Some(alone) = identity::person(name) else {
                    continue;
                };
                if alone != s.identity && self.to.get(&alone.key) == Some(&s.identity.key) {
                    out.entry(alone.clone()).or_insert_with(|| Moved {
                        from: alone,
                        name: name.clone(),
                        to: i,
                    });
                }
            }
        }
        out.into_values().collect()
    }

    /// The entries' speakers as who they are counted as: a transcript in
    /// which two of one person's names speak has one appearance of them.
    pub fn apply(&self, entries: &mut [Entry]) {
        if self.is_empty() {
            return;
        }
        for e in entries {
            self.apply_to_record(&mut e.record);
            e.appearances = self.merged(std::mem::take(&mut e.appearances));
        }
    }

    fn apply_to_record(&self, r: &mut Record) {
        for s in &mut r.speakers {
            if let Some(id) = &s.identity {
                s.identity = Some(self.resolve(id));
            }
        }
    }

    fn merged(&self, appearances: Vec<Appearance>) -> Vec<Appearance> {
        let mut out: Vec<Appearance> = Vec::with_capacity(appearances.len());
        for mut a in appearances {
            a.identity = self.resolve(&a.identity);
            match out.iter_mut().find(|o| o.identity == a.identity) {
                Some(o) => {
                    o.turns += a.turns;
                    o.chars += a.chars;
                    o.questions.extend(a.questions);
                    o.title = o.title.take().or(a.title);
                    o.outlet = o.outlet.take().or(a.outlet);
                }
                None => out.push(a),
            }
        }
        out
    }
}

/// Who `id` is counted as under `joined` ([`Aliases::joined`], or an
/// index's `meta.json`): a person by a joined name is the first name's.
pub fn resolve(joined: &BTreeMap<String, String>, id: &Identity) -> Identity {
    match (id.kind, joined.get(&id.key)) {
        (Kind::Person, Some(key)) => Identity {
            kind: Kind::Person,
            key: key.clone(),
        },
        _ => id.clone(),
    }
}

/// A name an editor's list joined to another's, whose page moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// Who the name was alone: their page was `from.url()`.
    pub from: Identity,
    /// The name as written most often.
    pub name: String,
    /// The person it is now part of (an index into the speakers).
    pub to: usize,
}

/// Two speakers of the corpus a transcript writes as one (`唐鳳（Audrey
/// Tang）`): maybe one person, for the editor to join.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The names as the text writes them, outside and inside the brackets.
    pub names: (String, String),
    /// Transcripts that write them so.
    pub transcripts: usize,
}

impl std::fmt::Display for Suggestion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (a, b) = &self.names;
        let n = self.transcripts;
        write!(
            f,
            "{a} = {b}   (written {a}（{b}） in {n} transcript{})",
            if n == 1 { "" } else { "s" }
        )
    }
}

/// The longest name a suggestion considers, in characters.
const LONGEST: usize = 40;

/// Pairs of speakers (`speakers`: each identity with the names it is
/// written as) that `texts` (each transcript's passages) write as a name
/// with another in brackets, not yet joined by `aliases`; most
/// transcripts first.
pub fn suggest<'a, Names: IntoIterator<Item = &'a str>>(
    texts: &[Vec<String>],
    speakers: impl IntoIterator<Item = (&'a Identity, Names)>,
    aliases: &Aliases,
) -> Vec<Suggestion> {
    let mut known: HashMap<String, Identity> = HashMap::new();
    for (id, names) in speakers {
        if id.kind == Kind::Person {
            for n in names {
                known.insert(identity::key(n), aliases.resolve(id));
            }
        }
    }
    // Each pair: the names as first written, and the transcripts.
    type Seen = ((String, String), HashSet<usize>);
    let mut seen: HashMap<(Identity, Identity), Seen> = HashMap::new();
    for (doc, passages) in texts.iter().enumerate() {
        for text in passages {
            for (run, inside) in bracketed(text) {
                // Most brackets hold no speaker's name: looked up first.
                let Some(b) = known.get(&identity::key(inside)) else {
                    continue;
                };
                for outside in starts(run) {
                    let Some(a) = known.get(&identity::key(outside)) else {
                        continue;
                    };
                    if a == b {
                        continue;
                    }
                    let e = seen.entry((a.clone(), b.clone())).or_insert_with(|| {
                        ((outside.to_string(), inside.to_string()), HashSet::new())
                    });
                    e.1.insert(doc);
                }
            }
        }
    }
    let mut out: Vec<Suggestion> = seen
        .into_values()
        .map(|(names, docs)| Suggestion {
            names,
            transcripts: docs.len(),
        })
        .collect();
    out.sort_by(|a, b| {
        b.transcripts
            .cmp(&a.transcripts)
            .then(a.names.cmp(&b.names))
    });
    out
}

/// Each `name（other）` or `name (other)` in `text`: the run of letters
/// (Han, or Latin words with spaces, dots and hyphens) right before an
/// opening bracket, and what the brackets hold, trimmed.
fn bracketed(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for (at, open) in text.match_indices(['（', '(']) {
        let after = &text[at + open.len()..];
        let Some(end) = after.find(['）', ')']) else {
            continue;
        };
        let inside = after[..end].trim();
        // A name: letters (and spaces, dots, hyphens), not a number or a
        // remark with punctuation.
        let n = inside.chars().count();
        if !(2..=LONGEST).contains(&n) || !inside.chars().all(is_name_char) {
            continue;
        }
        let before = text[..at].trim_end();
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(i, c)| is_name_char(c) && before.len() - i <= LONGEST * 4)
            .last()
            .map_or(before.len(), |(i, _)| i);
        if start < before.len() {
            out.push((&before[start..], inside));
        }
    }
    out
}

/// Where the name before a bracket starts in its run is not known
/// (`請到唐鳳（…）`): each start, shortest first, two characters at least,
/// at a letter.
fn starts(run: &str) -> impl Iterator<Item = &str> {
    run.char_indices()
        .rev()
        .filter(|&(_, c)| !c.is_whitespace())
        .map(move |(i, _)| &run[i..])
        .filter(|s| s.chars().count() >= 2)
}

fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '·' | '‧' | '・')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn id(name: &str) -> Identity {
        identity::person(name).unwrap()
    }

    fn appearance(name: &str, turns: u32) -> Appearance {
        Appearance {
            identity: id(name),
            name: name.into(),
            role: Role::Official,
            title: None,
            outlet: None,
            turns,
            chars: turns * 10,
            questions: Vec::new(),
        }
    }

    #[test]
    fn a_line_joins_its_names_to_the_first_in_either_script_and_case() {
        let a = Aliases::parse("# who is one\n唐鳳 = Audrey Tang\n\n陳其邁＝Chen Chi-mai = chen chimai # two spellings\n").unwrap();
        assert_eq!(a.resolve(&id("audrey  TANG")), id("唐凤"));
        assert_eq!(a.resolve(&id("唐凤")), id("唐鳳"));
        assert_eq!(a.resolve(&id("Chen Chi-mai")), id("陳其邁"));
        assert_eq!(a.resolve(&id("王明")), id("王明"));
        let outlet = Identity {
            kind: Kind::Outlet,
            key: id("Audrey Tang").key,
        };
        assert_eq!(a.resolve(&outlet), outlet, "outlets are not people");
        assert_eq!(a.len(), 3);
        assert_eq!(
            a.digest_text(),
            Aliases::parse("唐凤=audrey tang\n陈其迈 = CHEN CHI-MAI = Chen ChiMai")
                .unwrap()
                .digest_text(),
            "the same joins, the same text, however the list spells them"
        );
    }

    #[test]
    fn a_bad_list_says_which_line_and_why() {
        for (text, says) in [
            ("唐鳳\n", "line 1"),
            ("唐鳳 = \n", "line 1"),
            (
                "唐鳳 = Audrey Tang\n主持人 = 唐鳳2\n",
                "line 2: `主持人` is a role",
            ),
            (
                "唐鳳 = Audrey Tang\nAudrey Tang = 唐凤\n",
                "line 2: `Audrey Tang` is also on line 1",
            ),
            ("A = 王明\n", "placeholder"),
        ] {
            let e = Aliases::parse(text).unwrap_err();
            assert!(e.contains(says), "{text:?}: {e}");
        }
        assert!(Aliases::parse("").unwrap().is_empty());
    }

    #[test]
    fn two_names_of_one_person_in_one_transcript_are_one_appearance() {
        let a = Aliases::parse("唐鳳 = Audrey Tang").unwrap();
        let merged = a.merged(vec![
            appearance("唐鳳", 2),
            appearance("王明", 1),
            appearance("Audrey Tang", 3),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!(
            (merged[0].identity.clone(), merged[0].turns, merged[0].chars),
            (id("唐鳳"), 5, 50)
        );
        assert_eq!(merged[0].name, "唐鳳", "the first name written stays");
    }

    #[test]
    fn names_in_brackets_of_two_speakers_are_suggested_once_per_transcript() {
        let texts = vec![
            vec![
                "今天請到唐鳳（Audrey Tang）來談。".to_string(),
                "再說一次：唐鳳 (Audrey Tang)。".to_string(),
            ],
            vec!["數位部長唐鳳（Audrey Tang）說".to_string()],
            // Not both speakers: no suggestion.
            vec![
                "王明（Wang Ming）".to_string(),
                "唐鳳（數位部）".to_string(),
            ],
        ];
        let tang = (id("唐鳳"), vec!["唐鳳".to_string()]);
        let audrey = (id("Audrey Tang"), vec!["Audrey Tang".to_string()]);
        let wang = (id("王明"), vec!["王明".to_string()]);
        let speakers = [&tang, &audrey, &wang].map(|(i, n)| (i, n.iter().map(String::as_str)));
        let got = suggest(&texts, speakers.clone(), &Aliases::default());
        assert_eq!(
            got,
            vec![Suggestion {
                names: ("唐鳳".into(), "Audrey Tang".into()),
                transcripts: 2
            }]
        );
        assert_eq!(
            got[0].to_string(),
            "唐鳳 = Audrey Tang   (written 唐鳳（Audrey Tang） in 2 transcripts)"
        );
        // Joined already: nothing to suggest.
        let joined = Aliases::parse("唐鳳 = Audrey Tang").unwrap();
        assert!(suggest(&texts, speakers, &joined).is_empty());
    }
}
