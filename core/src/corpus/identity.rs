//! Who a speaker is across transcripts.
//!
//! The same name in two transcripts is one person once folded
//! (traditional and simplified, full and half width, case) with its
//! white space and name dots (`·`, `‧`, `•`) removed: `唐鳳` and `唐凤`,
//! `Audrey Tang` and `audrey  tang`. A name that is only a role word
//! (`问`, `記者`, `主持人`, `Moderator`) is a voice, not a person, and
//! has no identity. A journalist labelled by outlet (`彭博社记者`) is
//! counted under the outlet (`彭博社`), not as a person.
//!
//! Where it fails: two people of the same name are one (namesakes); a
//! title used as a label (`行政長官`) is one "person" across every holder
//! of the office.

use super::fold::fold;
use crate::model::{Participant, Role};
use serde::{Deserialize, Serialize};

/// What an identity stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person, by name (or by the title they are labelled with).
    Person,
    /// A news outlet, for the journalists labelled by it.
    Outlet,
}

/// A speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Identity {
    pub kind: Kind,
    /// The folded name: equal keys are one speaker.
    pub key: String,
}

impl Identity {
    /// A stable, URL-safe slug: the kind's letter and the key.
    pub fn slug(&self) -> String {
        let k = match self.kind {
            Kind::Person => 'p',
            Kind::Outlet => 'o',
        };
        format!("{k}-{}", self.key.replace([' ', '/', '?', '#', '%'], "_"))
    }

    /// Their page's folder, relative to the site's root (`s/…/`).
    pub fn url(&self) -> String {
        format!("s/{}/", self.slug())
    }
}

/// The folded key of a name: see the module's notes.
pub fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '·' | '‧' | '•' | '・' | '.' | '．'))
        .filter_map(fold)
        .collect()
}

/// The identity of a transcript's participant; `None` for a role word
/// alone.
pub fn of(p: &Participant) -> Option<Identity> {
    if p.role == Role::Journalist {
        if let Some(outlet) = p.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
            return Some(Identity {
                kind: Kind::Outlet,
                key: key(outlet),
            });
        }
    }
    if crate::is_role_only(p.name.trim()) {
        return None;
    }
    let key = key(&p.name);
    (!key.is_empty()).then_some(Identity {
        kind: Kind::Person,
        key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, role: Role, outlet: Option<&str>) -> Participant {
        Participant {
            id: "p1".into(),
            name: name.into(),
            title: None,
            role,
            outlet: outlet.map(Into::into),
        }
    }

    #[test]
    fn one_name_in_either_script_width_or_spacing_is_one_person() {
        let a = of(&person("唐鳳", Role::Official, None)).unwrap();
        let b = of(&person("唐凤", Role::Official, None)).unwrap();
        let c = of(&person("唐 鳳", Role::Other, None)).unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(
            of(&person("Audrey  Tang", Role::Official, None)),
            of(&person("ａｕｄｒｅｙ tang", Role::Official, None))
        );
        assert_eq!(
            of(&person("穆罕默德·阿里", Role::Other, None)),
            of(&person("穆罕默德阿里", Role::Other, None))
        );
    }

    #[test]
    fn role_words_alone_are_not_people() {
        for w in ["问", "答", "記者", "记者", "主持人", "Moderator", "問"] {
            assert_eq!(of(&person(w, Role::Journalist, None)), None, "{w}");
        }
    }

    #[test]
    fn journalists_labelled_by_outlet_are_the_outlet() {
        let a = of(&person("彭博社记者", Role::Journalist, Some("彭博社"))).unwrap();
        let b = of(&person("彭博社記者", Role::Journalist, Some("彭博社"))).unwrap();
        assert_eq!(a.kind, Kind::Outlet);
        assert_eq!(a, b);
        assert_eq!(a.slug(), "o-彭博社");
    }
}
