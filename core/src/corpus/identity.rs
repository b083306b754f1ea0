//! Who a speaker is across transcripts.
//!
//! The same name in two transcripts is one person once folded
//! (traditional and simplified, full and half width, case) with its
//! white space and name dots (`·`, `‧`, `•`) removed: `唐鳳` and `唐凤`,
//! `Audrey Tang` and `audrey  tang`. A name that is only a role word
//! (`问`, `記者`, `主持人`, `Moderator`) is a voice, not a person, and
//! has no identity. Nor has a placeholder, which stands for someone
//! else in every transcript: a label that keeps a speaker anonymous
//! (`A`, `B`, `1`, `甲`, `乙`, `佚名`, `匿名`) or names a crowd or a part
//! (`與會者`, `提問者`, `觀眾`, `Audience Member`, `Interviewer`), or a
//! part of a meeting's record that minutes label like a speaker
//! (`會議結論`, `臨時動議`). A
//! journalist labelled by outlet (`彭博社记者`) is counted under the outlet
//! (`彭博社`), not as a person.
//!
//! Where it fails: two people of the same name are one (namesakes); a
//! title used as a label (`行政長官`) is one "person" across every holder
//! of the office.

use super::fold::fold;
use crate::model::{Participant, Role};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

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
    (!key.is_empty() && !is_placeholder(&key)).then_some(Identity {
        kind: Kind::Person,
        key,
    })
}

/// Labels that stand for anyone, or for many: who they are changes from
/// one transcript to the next, so across transcripts they are no one.
const PLACEHOLDERS: &[&str] = &[
    "佚名", "匿名", "不具名", "無名氏", "某", "某人", "男", "女", "男聲", "女聲",
    "與會者", "與會人員", "出席者", "出席人員", "列席人員", "提問者", "提問人",
    "發問者", "發言者", "觀眾", "聽眾", "民眾", "來賓", "學員", "同學", "現場",
    "眾", "眾人", "大家", "全體", "其他", "不明",
    // Parts of a meeting's record that its minutes label like speakers.
    "結論", "會議結論", "工作會議結論", "會前會結論", "決議", "決定", "業務報告",
    "書面報告", "報告事項", "討論事項", "提案討論", "臨時動議", "辦理情形",
    "發言摘要", "意見摘要", "摘要", "紀錄確認", "待辦事項", "報告人", "說明",
    "補充說明", "附件", "備註",
    "audience", "audience member", "audience members", "attendee", "attendees",
    "participant", "participants", "interviewer", "interviewee", "questioner",
    "speaker", "unknown", "unknown speaker", "unidentified", "unidentified speaker",
    "anonymous", "voice", "crowd", "all", "other", "others",
];

/// Whether the folded `key` is a placeholder: one of [`PLACEHOLDERS`], a
/// number, a letter (with a number or not: `A`, `B2`), or one of the
/// stems and branches (`甲`, `乙`, `子`) that anonymise speakers in
/// Chinese.
fn is_placeholder(key: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| PLACEHOLDERS.iter().map(|w| self::key(w)).collect());
    let mut chars = key.chars();
    let first = chars.next();
    let rest = chars.as_str();
    words.contains(key)
        || key.chars().all(|c| c.is_ascii_digit())
        || first.is_some_and(|c| c.is_ascii_alphabetic()) && rest.chars().all(|c| c.is_ascii_digit())
        || rest.is_empty() && first.is_some_and(|c| "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥".contains(c))
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

    #[test]
    fn placeholders_are_no_one_across_transcripts() {
        for name in [
            "A", "b", "Ｃ", "B2", "1", "12", "甲", "乙", "戊", "佚名", "匿名", "與會者", "与会者",
            "出席人員", "提问者", "觀眾", "Audience Member", "audience  member", "Interviewer",
            "UNKNOWN", "會議結論", "会议结论", "臨時動議",
        ] {
            assert_eq!(of(&person(name, Role::Other, None)), None, "{name}");
        }
        // Names, however short, and nicknames are people.
        for name in ["Ghost", "Mark", "AB", "A-Lin", "甲斐", "王明", "唐鳳", "Peggy", "子維"] {
            assert!(of(&person(name, Role::Other, None)).is_some(), "{name}");
        }
    }
}
