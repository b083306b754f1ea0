//! The reader's state: the document plus the view choices made over it.
//!
//! Only choices are stored (query, speakers, folds…). Everything shown from
//! them — visible turns, search hits, what must unfold — is derived.

use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::filter::visible_turns;
use shilu_core::library::content_key;
use shilu_core::outline::{outline, Node};
use shilu_core::quote::Quote;
use shilu_core::search::{search, Hit, Matcher};
use shilu_core::{Block, BlockKind, Document, Role};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The main panels, one shown at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Transcript,
    Calendar,
    Insights,
}

impl Panel {
    pub const ALL: [Panel; 3] = [Panel::Transcript, Panel::Calendar, Panel::Insights];

    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Transcript => "transcript",
            Panel::Calendar => "calendar",
            Panel::Insights => "insights",
        }
    }

    pub fn from_name(s: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// Everything the reader has chosen, plus what is derived from it.
/// `Copy`: signals are handles, so components take it from context freely.
#[derive(Clone, Copy)]
pub struct Reader {
    /// The transcript's text (decoded).
    pub text: RwSignal<Arc<str>>,
    /// Derived: its structure (speakers, turns, sections; the events and
    /// figures are left to the panels, see `panels::host`), never parsed
    /// here: the page's wasm has no parser.
    pub doc: Memo<Arc<Document>>,
    /// The file the document came from, for citations and the header.
    pub source: RwSignal<Option<String>>,
    /// The text's structure as bytes (`shilu_core::wire`), as the reader's
    /// library parsed it off the page's thread (a file, pasted text, a kept
    /// transcript: see `panels/src/library/worker.rs`); `None` for the seed,
    /// whose structure came with the page (`crate::seed`). Set with the
    /// text, by [`Reader::load`].
    parsed: StoredValue<Option<Vec<u8>>>,
    /// Derived: the text's content key (`?doc=…` in links, the library's key).
    pub key: Memo<String>,
    pub query: RwSignal<String>,
    /// Names of the speakers shown; empty means everyone.
    pub speakers: RwSignal<BTreeSet<String>>,
    /// Keep each question together with its answers when filtering.
    pub keep_qa: RwSignal<bool>,
    pub panel: RwSignal<Panel>,
    /// Selected calendar day.
    pub day: RwSignal<Option<Date>>,
    /// Index into `hits` of the match the reader is on.
    pub active_hit: RwSignal<usize>,
    /// Ids of folded turns and sections.
    pub folded: RwSignal<BTreeSet<String>>,
    /// Turn the reader is at (from the scroll position).
    pub current_turn: RwSignal<Option<String>>,
    /// Counts the transcript's contents once each is in the page (the
    /// pre-rendered one first; then each new document or language): what
    /// works on the transcript's elements follows it, not the document.
    pub rendered: RwSignal<u32>,
    /// Derived: ids of turns shown by the speaker filter.
    pub visible_turns: Memo<BTreeSet<String>>,
    /// Derived: every match of the query in shown blocks, in reading order.
    pub hits: Memo<Vec<Hit>>,
    /// Derived: for each block id, the folds (turn, sections) that hold it.
    pub fold_path: Memo<BTreeMap<String, Vec<String>>>,
    /// The figures the transcript marks (a conflict's sides), as the
    /// panels' module last said (`shilu_ui::marks`); empty until it loads.
    pub marks: RwSignal<Arc<str>>,
    /// The passage the reader quoted, or a quote link named, as its
    /// `?quote=` parameter (`Quote::param`; empty for none: a signal of a
    /// type the wasm has already, see [`Reader::quoted`]). Marked in the
    /// transcript. A new quote replaces it; another document clears it.
    pub quote: RwSignal<Arc<str>>,
}

impl Reader {
    /// The reader over `text`, whose structure is `doc`, as the pre-render
    /// read it.
    pub fn new(text: &str, doc: Document) -> Reader {
        let seed = (Arc::<str>::from(text), Arc::new(doc));
        let text = RwSignal::new(Arc::clone(&seed.0));
        let source = RwSignal::new(None::<String>);
        let parsed = StoredValue::new(None::<Vec<u8>>);
        // A new text is always a new document: no comparison of documents.
        let doc = Memo::new_with_compare(
            move |_| text.with(|t| parsed.with_value(|p| structure_of(t, p.as_deref(), &seed))),
            |_, _| true,
        );
        let key = Memo::new(move |_| text.with(|t| content_key(t)));
        let speakers = RwSignal::new(BTreeSet::new());
        let keep_qa = RwSignal::new(true);
        let query = RwSignal::new(String::new());
        let visible_turns = Memo::new(move |_| {
            doc.with(|d| {
                speakers.with(|s| {
                    keep_qa.with(|k| set_of(visible_turns(d, s, *k).into_iter().map(String::from)))
                })
            })
        });
        let hits = Memo::new(move |_| {
            let Some(matcher) = query.with(|q| Matcher::new(q)) else {
                return Vec::new();
            };
            doc.with(|d| {
                let shown = shown_blocks(d, &visible_turns.read());
                search(d, &matcher)
                    .into_iter()
                    .filter(|h| shown.contains(h.block.as_str()))
                    .collect()
            })
        });
        let fold_path = Memo::new(move |_| doc.with(fold_paths));
        Reader {
            text,
            doc,
            source,
            parsed,
            key,
            query,
            speakers,
            keep_qa,
            panel: RwSignal::new(Panel::default()),
            day: RwSignal::new(None),
            active_hit: RwSignal::new(0),
            folded: RwSignal::new(BTreeSet::new()),
            current_turn: RwSignal::new(None),
            rendered: RwSignal::new(0),
            visible_turns,
            hits,
            fold_path,
            marks: RwSignal::new(Arc::from("")),
            quote: RwSignal::new(Arc::from("")),
        }
    }

    /// Replaces the document (a file the reader opened, text pasted, one
    /// from the library: `source` is its file name, if any; `parsed`, its
    /// structure as bytes, if it was parsed elsewhere); resets the view.
    pub fn load(&self, text: String, source: Option<String>, parsed: Option<Vec<u8>>) {
        // The name and structure first: the document is read when the text changes.
        self.source.set(source);
        self.parsed.set_value(parsed);
        self.text.set(text.into());
        self.speakers.set(BTreeSet::new());
        self.folded.set(BTreeSet::new());
        self.day.set(None);
        self.active_hit.set(0);
        self.current_turn.set(None);
        self.marks.set(Arc::from(""));
        self.quote.set(Arc::from(""));
    }

    /// The reader's quote (tracked).
    pub fn quoted(&self) -> Option<Quote> {
        self.quote.with(|q| Quote::parse(q))
    }

    /// Sets the query and unfolds every fold that holds a match.
    pub fn set_query(&self, q: String) {
        self.query.set(q);
        self.active_hit.set(0);
        self.reveal_hits();
    }

    /// Unfolds whatever hides a current match.
    pub fn reveal_hits(&self) {
        let blocks = self
            .hits
            .with(|h| set_of(h.iter().map(|h| h.block.clone())));
        self.reveal_blocks(blocks.iter().map(String::as_str));
    }

    /// Unfolds the turn and sections that hold these blocks.
    pub fn reveal_blocks<'a>(&self, blocks: impl Iterator<Item = &'a str>) {
        let paths = self.fold_path.read();
        let opens: Vec<&String> = blocks.filter_map(|b| paths.get(b)).flatten().collect();
        if opens.iter().any(|id| self.folded.with(|f| f.contains(*id))) {
            self.folded.update(|f| {
                for id in opens {
                    f.remove(id);
                }
            });
        }
    }

    /// Moves to the next (or previous) match, wrapping around.
    pub fn step_hit(&self, forward: bool) {
        let n = self.hits.with(Vec::len);
        if n == 0 {
            return;
        }
        let i = self.active_hit.get_untracked().min(n - 1);
        self.active_hit.set(if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        });
    }

    /// The active match index, kept within the current hits.
    pub fn active_index(&self) -> Option<usize> {
        let n = self.hits.with(Vec::len);
        (n > 0).then(|| self.active_hit.get().min(n - 1))
    }

    pub fn is_folded(&self, id: &str) -> bool {
        self.folded.with(|f| f.contains(id))
    }

    pub fn toggle_fold(&self, id: &str) {
        self.folded.update(|f| {
            if !f.remove(id) {
                f.insert(id.to_string());
            }
        });
    }

    /// Every fold id in the document (turns and sections).
    pub fn all_folds(&self) -> BTreeSet<String> {
        self.fold_path
            .with(|p| set_of(p.values().flatten().cloned()))
    }

    /// Shows only these speakers (empty: everyone).
    pub fn show_only(&self, names: impl IntoIterator<Item = String>) {
        self.speakers.set(set_of(names));
    }

    /// Names of the participants with this role.
    pub fn names_with_role(&self, role: Role) -> Vec<String> {
        self.doc.with(|d| {
            d.participants
                .iter()
                .filter(|p| p.role == role)
                .map(|p| p.name.clone())
                .collect()
        })
    }
}

/// The structure of `text`: read from `parsed` (`shilu_core::wire`) where
/// given, else the `seed`'s if it is the seed's text (the library shows
/// the seed again without bytes). A text with neither (bytes of another
/// build: it never should) shows as paragraphs, one per line, rather than
/// not at all.
fn structure_of(
    text: &str,
    parsed: Option<&[u8]>,
    seed: &(Arc<str>, Arc<Document>),
) -> Arc<Document> {
    if let Some(doc) = parsed.and_then(|p| shilu_core::wire::read(p, text)) {
        return Arc::new(doc);
    }
    if *seed.0 == *text {
        return Arc::clone(&seed.1);
    }
    let mut doc = Document::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        doc.front.push(Block {
            id: format!("f{}", doc.front.len() + 1),
            kind: BlockKind::Paragraph,
            level: 0,
            marker: None,
            heading: None,
            text: line.into(),
            note: None,
            lead_unit: None,
        });
    }
    Arc::new(doc)
}

/// Ids of the blocks a reader can see: front matter, appendix and shown turns.
fn shown_blocks<'a>(doc: &'a Document, turns: &BTreeSet<String>) -> BTreeSet<&'a str> {
    let front = doc.front.iter().chain(&doc.appendix);
    let in_turns = doc
        .turns
        .iter()
        .filter(|t| turns.contains(&t.id))
        .flat_map(|t| &t.blocks);
    set_of(front.chain(in_turns).map(|b| b.id.as_str()))
}

/// A set of `items`, inserted one by one. (`collect()` into a `BTreeSet`
/// sorts a `Vec` first, and that sort is more wasm for each element type.)
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// For each block in a turn: the turn id, then each foldable section head
/// above it (a block with a heading folds its own body too).
fn fold_paths(doc: &Arc<Document>) -> BTreeMap<String, Vec<String>> {
    fn walk(
        blocks: &[shilu_core::Block],
        nodes: &[Node],
        path: &mut Vec<String>,
        out: &mut BTreeMap<String, Vec<String>>,
    ) {
        for node in nodes {
            let head = &blocks[node.head()];
            path.push(head.id.clone());
            out.insert(head.id.clone(), path.clone());
            if let Node::Section { body, .. } = node {
                walk(blocks, body, path, out);
            }
            path.pop();
        }
    }
    let mut out = BTreeMap::new();
    for turn in &doc.turns {
        let mut path = vec![turn.id.clone()];
        walk(&turn.blocks, &outline(&turn.blocks), &mut path, &mut out);
    }
    out
}
