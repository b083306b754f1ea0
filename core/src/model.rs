//! The document model: what a parsed press-conference transcript is.
//!
//! This is the single source of truth shared by the `shilu` binary (as JSON)
//! and the web app (which renders it). Field order matters: serializing a
//! [`Document`] yields the transcript's text in reading order, which is how the
//! lossless property is checked (see [`Document::content_text`]).

use serde::{Deserialize, Serialize};

/// A whole transcript, parsed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Facts about the conference, derived from the front matter.
    pub meta: Meta,
    /// Everyone who speaks, in order of first appearance (intro first).
    pub participants: Vec<Participant>,
    /// Front matter: title, publication stamp, headers, intro paragraph.
    pub front: Vec<Block>,
    /// The speeches, in order.
    pub turns: Vec<Turn>,
    /// Each journalist's question paired with the answers that follow.
    pub qa: Vec<QaPair>,
    /// Material after the conference ended (page residue); not part of it.
    pub appendix: Vec<Block>,
    /// Dated events mentioned in the transcript.
    pub events: Vec<Event>,
    /// Figures (numbers with units) given in the transcript.
    pub figures: Vec<Figure>,
    /// What else is known about each figure (one per figure, same order):
    /// where it is, its range, approximation, rate and parent total.
    #[serde(default)]
    pub figure_details: Vec<FigureDetail>,
    /// The figures checked against each other: sums, shares, growth,
    /// repeats and conflicts.
    #[serde(default)]
    pub checks: Vec<Check>,
    /// Every 《…》 title named, merged by title.
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
    /// Named programmes and slogans (`雨露计划`, `六个帮扶`).
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// Each lead unit (牵头单位) and the items it leads.
    #[serde(default)]
    pub lead_units: Vec<LeadUnit>,
}

/// Conference facts. Every field is optional: other transcripts omit them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The title as written (first title line).
    pub title: String,
    /// Publication stamp as ISO 8601 local date-time, e.g. `2017-10-13T14:57`.
    pub published: Option<String>,
    /// Conference date as ISO 8601, e.g. `2017-10-12`.
    pub date: Option<String>,
    /// The date phrase as written, e.g. `10月12日下午`.
    pub date_text: Option<String>,
    /// Who held the conference, e.g. `省政府新闻办`.
    pub organiser: Option<String>,
    /// Where, only as the text states it: a `地点：` header, `在…举行`, a
    /// dateline's place (`新华社北京3月5日电`), or the organiser's own
    /// province (`我省` with the province named, in the intro or the host's
    /// words). Never guessed from places the speeches discuss.
    pub place: Option<String>,
    /// The source the transcript names (`来源：新华网`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The document's language as a BCP 47 tag, decided from its text:
    /// `zh-Hans` (simplified characters), `zh-Hant` (traditional), `zh`
    /// (Chinese in characters both scripts share), `en`
    /// (Latin letters dominate); empty when the text shows no script.
    #[serde(default)]
    pub lang: String,
    /// Where each field above came from: in JSON, a map from the field's
    /// name (`title`, `date`, …) to its [`Origin`], for the fields that have
    /// a value.
    #[serde(default)]
    pub sources: Sources,
}

impl Meta {
    /// The language tag to state for the transcript's content: its own
    /// (`zh-Hans`, `zh-Hant`, `en`), `und` when the text shows none.
    pub fn lang_tag(&self) -> &str {
        if self.lang.is_empty() {
            "und"
        } else {
            &self.lang
        }
    }
}

/// Where each [`Meta`] value came from (`None`: the field has no value).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Origin>,
}

/// Where a [`Meta`] value was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Origin {
    /// The text itself: the first line, a `# …` heading, a stamp line.
    #[serde(rename = "text")]
    Text,
    /// A `key：value` header line (`时间：…`, `发布时间：…`, `来源：…`).
    #[serde(rename = "header")]
    Header,
    /// The intro paragraph (`10月12日下午，省政府新闻办举行…`).
    #[serde(rename = "intro")]
    Intro,
    /// The file name (`2024-05-08-….md`), when the text gives none.
    #[serde(rename = "file name")]
    FileName,
    /// A dateline near the top: `2024-11-20 10:00　来源：…`,
    /// `2019-06-18 10:00 中國網`, `新华社北京3月5日电`.
    #[serde(rename = "dateline")]
    Dateline,
    /// The host's own words, speaking for the organiser (`我省…山西省`).
    #[serde(rename = "host")]
    Host,
}

/// The part someone plays in the conference.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Host,
    Official,
    Journalist,
    #[default]
    Other,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Host, Role::Official, Role::Journalist, Role::Other];

    /// The role whose [`Role::as_str`] is `name`.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// The stable lowercase name used in JSON, CSS classes and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Host => "host",
            Role::Official => "official",
            Role::Journalist => "journalist",
            Role::Other => "other",
        }
    }
}

/// A person (or a labelled voice such as `山西日报记者`) who speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Stable id, e.g. `p1`.
    pub id: String,
    /// The name, or the label as written when the text gives no name.
    pub name: String,
    /// Title as given in the intro or label, e.g. `省扶贫办主任`.
    pub title: Option<String>,
    pub role: Role,
    /// A journalist's outlet, e.g. `山西日报`.
    pub outlet: Option<String>,
}

/// One speaker's uninterrupted speech.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// Stable id and anchor, e.g. `t3`.
    pub id: String,
    /// The person's name where the text gives one, else the label as written.
    pub speaker: String,
    /// Id of the [`Participant`] who speaks.
    pub participant: String,
    pub role: Role,
    /// The speaker's title, where the label or the intro gives one
    /// (`国家统计局局长`).
    #[serde(default)]
    pub title: Option<String>,
    /// A journalist's outlet(s), where the label gives them
    /// (`人民日报、人民网和人民日报客户端`).
    #[serde(default)]
    pub outlet: Option<String>,
    /// The speaker label exactly as written (without the colon).
    pub label: String,
    /// A timestamp line given for this turn, as written.
    pub time: Option<String>,
    pub blocks: Vec<Block>,
}

/// A unit of text: a paragraph, a heading, an outline item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Stable id and anchor, e.g. `t3-b2`, `f1`, `a1`.
    pub id: String,
    pub kind: BlockKind,
    /// Outline depth for headings and items (1 = top), 0 otherwise.
    pub level: u8,
    /// A marker as written: `——`, `一、`, `(一)`, `1、`, `一是`.
    pub marker: Option<String>,
    /// A heading or lead sentence, e.g. `聚焦攻坚重点。`, `政府主导。`.
    pub heading: Option<String>,
    /// The body text.
    pub text: String,
    /// A trailing note as written, e.g. `(牵头单位:省直工委)`.
    pub note: Option<String>,
    /// The lead unit named by the note, e.g. `省直工委`.
    pub lead_unit: Option<String>,
}

/// What kind of block this is, for rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The transcript's title.
    Title,
    /// Publication stamp such as `13.10.2017  14:57`.
    Stamp,
    /// A header line such as `发布人:…` (metadata, not speech).
    Header,
    /// A heading on its own line, e.g. `全程文字实录`, `一、活动宗旨`.
    Heading,
    /// A section that opens with a marker and lead sentence (`——聚焦攻坚重点。…`).
    Section,
    /// An outline or enumeration item (`(一)…`, `1、…`, `一是…`).
    Item,
    /// An ordinary paragraph.
    Paragraph,
    /// A photo caption.
    Caption,
    /// A timestamp line inside a turn.
    Timestamp,
    /// Not speech, kept as written: a stage direction (`（笑）`,
    /// `> （播放影片）`), HTML residue (`<figure>`), a rule (`---`).
    Aside,
}

/// A journalist's question and the turns that answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QaPair {
    /// Turn id of the question.
    pub question: String,
    /// Later turns of the same question: the same journalist's labels
    /// again before any answer (one speech split over several labels).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub continued: Vec<String>,
    /// Turn ids of the answers, in order.
    pub answers: Vec<String>,
    /// What the question asks, in a few words: its first clause once the
    /// courtesies are left out ([`crate::topics`]). The contents list a
    /// question by it, a speaker page a question asked or answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

/// How precisely an event's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A single day: `6月21日`.
    Day,
    /// Part of a day: `10月17日上午`, `10月17日晚`.
    PartOfDay,
    /// A whole month: `8月`.
    Month,
    /// A span: `9月4日至5日`, `9—10月份`.
    Range,
    /// Approximate or a deadline: `8月底`, `年初`, `10.17前`.
    Approximate,
}

/// Whether an event lies before or after the conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    Planned,
}

/// A dated event mentioned in the transcript.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id, e.g. `e1`.
    pub id: String,
    /// ISO date `YYYY-MM-DD`; absent for an activity with no date.
    pub start: Option<String>,
    /// ISO date of the last day, for ranges.
    pub end: Option<String>,
    pub precision: Option<Precision>,
    /// Part of day as written: `上午`, `下午`, `晚`.
    pub part_of_day: Option<String>,
    /// The date phrase as written.
    pub phrase: String,
    /// A short label from its sentence.
    pub label: String,
    pub speaker: Option<String>,
    pub lead_unit: Option<String>,
    /// The block it comes from.
    pub block: String,
    /// Done (before the conference) or planned (after it).
    pub status: Option<Status>,
    /// Part of the 扶贫日 (or other day's) activity plan.
    pub activity: bool,
}

/// A number with its unit, as given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Stable id, e.g. `n1`.
    pub id: String,
    /// As written, e.g. `11.76亿元`, `28.47万`, `30.5%`.
    pub text: String,
    /// The value in base units (`11.76亿元` → 1_176_000_000.0).
    pub value: f64,
    /// The unit, e.g. `元`, `人`, `个`, `%`.
    pub unit: String,
    /// What it counts, from the words around it.
    pub label: String,
    pub speaker: Option<String>,
    /// The block it comes from.
    pub block: String,
}

/// More about a [`Figure`]: kept apart so that `Figure` values built
/// elsewhere stay valid. `figure` is the figure's id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FigureDetail {
    /// Id of the figure, e.g. `n1`.
    pub figure: String,
    /// Byte range `[start, end)` of the figure in its block's
    /// [`Block::full_text`].
    pub span: [usize; 2],
    /// Byte range of its sentence (to `。` or `；`) in the same text.
    pub sentence: [usize; 2],
    /// The value of the last digit written, in base units (`21.6亿` →
    /// 10 000 000, `22.6%` → 0.1): half of it is the rounding allowed.
    pub step: f64,
    /// The upper bound of a range (`15-20万元` → 200 000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// An approximation or bound as written: `多`, `余`, `以上`, `约`, `近`,
    /// `超过`, `不超过`, `突破`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<String>,
    /// A rate: the figure is per something (`人均`, `每亩`, `每100千瓦`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    /// Id of the total this figure is a part of (`其中…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// For a percentage: what it is a share of (`扶贫周转金的22.6%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// For a percentage: the change it measures (`增长`, `下降`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
}

/// What a [`Check`] compares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// Stated parts against their stated total.
    #[default]
    Sum,
    /// A percentage against an amount and the total it is a share of.
    Share,
    /// A growth rate against the two values.
    Growth,
    /// The same quantity of the same thing given in several places.
    Repeat,
    /// The same thing given with different values.
    Conflict,
}

/// Whether the figures of a [`Check`] agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    #[default]
    Consistent,
    Inconsistent,
}

/// Figures checked against each other.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// Stable id, e.g. `c1`.
    pub id: String,
    pub kind: CheckKind,
    pub status: CheckStatus,
    /// Ids of the figures involved (for a sum: the total first).
    pub figures: Vec<String>,
    /// The arithmetic, written out: `32.56亿 + 16.61亿元 = 49.17亿 ≠ 69.64亿元`.
    pub note: String,
    /// The blocks the figures come from, in reading order, each once.
    pub blocks: Vec<String>,
}

/// A document named by its 《title》.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The title inside 《》 as first written (nested `〈…〉` kept).
    pub title: String,
    /// Block ids where it is named, in reading order, each once.
    pub mentions: Vec<String>,
    /// Who names it, in order of first mention.
    pub speakers: Vec<String>,
}

/// A named programme or slogan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    /// The name as first written, without quotation marks.
    pub name: String,
    /// Block ids where it is named, in reading order, each once.
    pub mentions: Vec<String>,
}

/// A lead unit (牵头单位) and what it leads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadUnit {
    pub unit: String,
    /// Block ids of the items it leads, in reading order.
    pub items: Vec<String>,
}

impl Document {
    /// Iterates every block in reading order: front, turns, appendix.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.front
            .iter()
            .chain(self.turns.iter().flat_map(|t| t.blocks.iter()))
            .chain(self.appendix.iter())
    }

    /// The turn with this id.
    pub fn turn(&self, id: &str) -> Option<&Turn> {
        self.turns.iter().find(|t| t.id == id)
    }

    /// The participant with this id.
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// The turn that holds a block id, if any (front and appendix blocks have none).
    pub fn turn_of_block(&self, block_id: &str) -> Option<&Turn> {
        self.turns
            .iter()
            .find(|t| t.blocks.iter().any(|b| b.id == block_id))
    }

    /// How many turns each participant speaks, by participant id.
    pub fn turn_count(&self, participant_id: &str) -> usize {
        self.turns
            .iter()
            .filter(|t| t.participant == participant_id)
            .count()
    }

    /// All text the document holds from the input, in reading order, without
    /// whitespace. Speaker labels are not included (they are recoverable from
    /// `Turn::label`). Used to check that parsing loses nothing.
    pub fn content_text(&self) -> String {
        let mut out = String::new();
        let mut push = |s: &str| out.extend(s.chars().filter(|c| !c.is_whitespace()));
        let push_block = |b: &Block, push: &mut dyn FnMut(&str)| {
            for part in [&b.marker, &b.heading].into_iter().flatten() {
                push(part);
            }
            push(&b.text);
            if let Some(n) = &b.note {
                push(n);
            }
        };
        for b in &self.front {
            push_block(b, &mut push);
        }
        for t in &self.turns {
            if let Some(time) = &t.time {
                push(time);
            }
            for b in &t.blocks {
                push_block(b, &mut push);
            }
        }
        for b in &self.appendix {
            push_block(b, &mut push);
        }
        out
    }
}

impl Block {
    /// The block's full text as written: marker, heading, body and note.
    pub fn full_text(&self) -> String {
        let mut s = String::new();
        for part in [&self.marker, &self.heading].into_iter().flatten() {
            s.push_str(part);
        }
        s.push_str(&self.text);
        if let Some(n) = &self.note {
            s.push_str(n);
        }
        s
    }
}
