//! The transcript as HTML: front matter, every turn with its sections, and
//! the appendix, in the defaults (every turn shown, nothing folded, no
//! marks). The pre-render writes it, so it reads without script; in the
//! browser the reader's view changes it in place (`super::shown`,
//! `super::folds`, `super::marks`), never by building it again, except for
//! a new document or language.
//!
//! Each element the view changes has an id from its block or turn (fold
//! `X`: its toggle `X-fold`, what it hides `X-body`, `X-section`, `X-text`),
//! so it is found at once, without a search of the page.

use super::acts::TranscriptAct;
use crate::components::block::actions_html;
use crate::components::quote_bar::bar_html;
use crate::i18n::{role_name, Texts};
use crate::speaker_pages::SpeakerPages;
use shilu_core::facts::title_block;
use shilu_core::outline::{outline, Node};
use shilu_core::search::Field;
use shilu_core::{Block, BlockKind, Document, Role, Turn};
use shilu_ui::html::{act, attr, Html};

/// The class of the element holding each field of a block.
pub fn field_class(field: Field) -> &'static str {
    match field {
        Field::Marker => "block__marker",
        Field::Heading => "block__heading",
        Field::Text => "block__text",
        Field::Note => "block__note",
    }
}

/// A field's value in `block`.
pub fn field_value(block: &Block, field: Field) -> Option<&str> {
    match field {
        Field::Marker => block.marker.as_deref(),
        Field::Heading => block.heading.as_deref(),
        Field::Text => Some(block.text.as_str()).filter(|t| !t.is_empty()),
        Field::Note => block.note.as_deref(),
    }
}

/// The ids of what fold `id` hides: a turn's body, a section's body, a
/// section block's own text.
pub fn fold_bodies(id: &str) -> [String; 3] {
    [
        format!("{id}-body"),
        format!("{id}-section"),
        format!("{id}-text"),
    ]
}

/// About how much markup the page takes in at once (see [`Parts`]).
pub const PART_BYTES: usize = 256 * 1024;

/// The transcript's content: everything inside the reading column but the
/// expand-all and collapse-all buttons, and last the quote bar
/// (`quote_bar`). The title block is left out: it is the page's heading
/// (`ConferenceHeader`).
pub fn document_html(doc: &Document, t: &Texts, pages: &SpeakerPages) -> Html {
    let mut h = Html::new();
    for part in Parts::new(doc, t, pages) {
        h.append(&part);
    }
    h
}

/// [`document_html`] in parts of about [`PART_BYTES`], each built when it
/// is asked for: the front matter and whole turns, then the appendix and
/// the quote bar. A long transcript is put into the page a part at a
/// time, the first screen at once (see `super::Transcript`).
pub struct Parts<'a> {
    doc: &'a Document,
    t: &'a Texts,
    pages: &'a SpeakerPages,
    /// The next turn's index; `None` before the front matter.
    next: Option<usize>,
    done: bool,
}

impl<'a> Parts<'a> {
    pub fn new(doc: &'a Document, t: &'a Texts, pages: &'a SpeakerPages) -> Parts<'a> {
        Parts {
            doc,
            t,
            pages,
            next: None,
            done: false,
        }
    }

    /// Whether every part has been given.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Where the next part starts, to go on from there later ([`Parts::from`]).
    pub fn position(&self) -> Option<usize> {
        self.next
    }

    /// The parts from `position` on (`None`: from the start).
    pub fn from(
        doc: &'a Document,
        t: &'a Texts,
        pages: &'a SpeakerPages,
        position: Option<usize>,
    ) -> Parts<'a> {
        Parts {
            next: position,
            ..Parts::new(doc, t, pages)
        }
    }
}

impl Iterator for Parts<'_> {
    type Item = Html;

    fn next(&mut self) -> Option<Html> {
        if self.done {
            return None;
        }
        let (doc, t) = (self.doc, self.t);
        let mut h = Html::new();
        let mut next = self.next.unwrap_or_else(|| {
            front_html(&mut h, doc, t);
            0
        });
        while let Some(turn) = doc
            .turns
            .get(next)
            .filter(|_| h.as_str().len() < PART_BYTES)
        {
            turn_html(&mut h, doc, turn, t, self.pages);
            next += 1;
        }
        self.next = Some(next);
        if next == doc.turns.len() && h.as_str().len() < PART_BYTES {
            appendix_html(&mut h, doc, t);
            bar_html(&mut h, t);
            self.done = true;
        }
        Some(h)
    }
}

fn front_html(h: &mut Html, doc: &Document, t: &Texts) {
    let title = title_block(doc).map(|b| b.id.as_str());
    let front: Vec<&Block> = doc
        .front
        .iter()
        .filter(|b| Some(b.id.as_str()) != title)
        .collect();
    if !front.is_empty() {
        h.open(
            "section",
            &[attr("class", "front"), attr("aria-label", t.front_matter)],
        );
        for b in front {
            block_html(h, b, None, t);
        }
        h.close("section");
    }
}

fn appendix_html(h: &mut Html, doc: &Document, t: &Texts) {
    if !doc.appendix.is_empty() {
        h.open(
            "aside",
            &[
                attr("class", "appendix"),
                attr("aria-labelledby", "appendix-title"),
            ],
        )
        .el("h2", &[attr("id", "appendix-title")], t.appendix)
        .el("p", &[attr("class", "appendix__note")], t.appendix_note);
        for b in &doc.appendix {
            block_html(h, b, None, t);
        }
        h.close("aside");
    }
}

/// What a block says it is, as a CSS modifier.
fn kind_class(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Title => "title",
        BlockKind::Stamp => "stamp",
        BlockKind::Header => "header",
        BlockKind::Heading => "heading",
        BlockKind::Section => "section",
        BlockKind::Item => "item",
        BlockKind::Paragraph => "paragraph",
        BlockKind::Caption => "caption",
        BlockKind::Timestamp => "timestamp",
        BlockKind::Aside => "aside",
    }
}

/// An open fold's toggle (`aria-expanded`), around `inner`.
fn fold_button(h: &mut Html, id: &str, body: &str, t: &Texts, inner: impl FnOnce(&mut Html)) {
    let button_id = format!("{id}-fold");
    h.open(
        "button",
        &[
            attr("type", "button"),
            attr("class", "fold"),
            attr("id", &button_id),
            attr("aria-expanded", "true"),
            attr("aria-controls", body),
            attr("title", t.fold),
            act(&TranscriptAct::Fold(id.to_string())),
        ],
    )
    .el(
        "span",
        &[attr("class", "fold__icon"), attr("aria-hidden", "true")],
        "",
    );
    inner(h);
    h.close("button");
}

/// One field of a block, its text escaped (the marks come later).
fn field_html(h: &mut Html, block: &Block, field: Field, id: Option<&str>) {
    if let Some(v) = field_value(block, field) {
        let id_attr = id.map(|i| attr("id", i));
        let mut attrs = vec![attr("class", field_class(field))];
        attrs.extend(id_attr);
        h.el("span", &attrs, v);
    }
}

/// A block. `section_body` is set when the block heads a foldable section
/// (the id of the section's body): its own heading becomes the toggle. A
/// section block with a heading and text (`——聚焦攻坚重点。…`) folds its
/// own text too.
pub fn block_html(h: &mut Html, block: &Block, section_body: Option<&str>, t: &Texts) {
    let id = block.id.as_str();
    let class = format!(
        "block block--{} level-{}",
        kind_class(block.kind),
        block.level
    );
    let self_fold =
        block.kind == BlockKind::Section && block.heading.is_some() && !block.text.is_empty();
    let text_id = self_fold.then(|| format!("{id}-text"));
    let controls = section_body.map(str::to_string).or(text_id.clone());
    let lead = |h: &mut Html| {
        let fields = |h: &mut Html| {
            field_html(h, block, Field::Marker, None);
            field_html(h, block, Field::Heading, None);
        };
        match &controls {
            Some(body) => fold_button(h, id, body, t, fields),
            None => fields(h),
        }
    };
    let is_heading =
        matches!(block.kind, BlockKind::Heading | BlockKind::Section) || controls.is_some();
    let href = format!("#{id}");
    let actions = |h: &mut Html| {
        h.open("span", &[attr("class", "block__actions")])
            .append(&actions_html(&href, t))
            .close("span");
    };
    h.open(
        "div",
        &[
            attr("class", &class),
            attr("id", id),
            attr("data-block", ""),
        ],
    );
    if is_heading && block.text.is_empty() {
        let tag = match (block.level.max(1) + 2).min(6) {
            3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        };
        h.open(tag, &[attr("class", "block__lead")]);
        lead(h);
        field_html(h, block, Field::Note, None);
        h.close(tag);
        actions(h);
    } else if is_heading {
        h.open("h3", &[attr("class", "block__lead")]);
        lead(h);
        h.close("h3").open("p", &[]);
        field_html(h, block, Field::Text, text_id.as_deref());
        field_html(h, block, Field::Note, None);
        actions(h);
        h.close("p");
    } else {
        h.open("p", &[]);
        lead(h);
        field_html(h, block, Field::Text, None);
        field_html(h, block, Field::Note, None);
        actions(h);
        h.close("p");
    }
    h.close("div");
}

/// Where a turn stands in the Q&A: a question, or an answer to one.
fn qa_note(doc: &Document, turn: &Turn) -> Option<(bool, String)> {
    doc.qa.iter().find_map(|pair| {
        if pair.question == turn.id {
            pair.answers.first().map(|a| (true, a.clone()))
        } else if pair.answers.contains(&turn.id) {
            Some((false, pair.question.clone()))
        } else {
            None
        }
    })
}

/// What a turn's heading says after the speaker's name.
pub struct TurnMeta {
    pub role: Role,
    /// The speaker's title or outlet.
    pub title: Option<String>,
    /// When the turn began, if the transcript says.
    pub time: Option<String>,
    /// A question (`true`, with its first answer) or an answer (with its question).
    pub qa: Option<(bool, String)>,
    /// The speaker's page on a corpus site.
    pub page: Option<String>,
}

/// The role, title, time and Q&A link of a turn's heading.
pub fn turn_meta_html(h: &mut Html, m: &TurnMeta, t: &Texts) {
    h.el(
        "span",
        &[attr("class", "turn__role")],
        role_name(t.common, m.role),
    );
    if let Some(x) = &m.title {
        h.el("span", &[attr("class", "turn__title")], x);
    }
    if let Some(x) = &m.time {
        h.el("time", &[attr("class", "turn__time")], x);
    }
    if let Some((is_question, other)) = &m.qa {
        let href = format!("#{other}");
        let label = if *is_question {
            t.common.question
        } else {
            t.answer_to
        };
        h.el(
            "a",
            &[attr("class", "turn__qa"), attr("href", &href)],
            label,
        );
    }
    if let Some(href) = &m.page {
        h.el(
            "a",
            &[attr("class", "turn__page"), attr("href", href)],
            t.speaker_page,
        );
    }
}

/// One speaker's turn: a foldable heading with the speaker's name and
/// role, and the one-line placeholder the speaker filter shows instead
/// (hidden until then).
fn turn_html(h: &mut Html, doc: &Document, turn: &Turn, t: &Texts, pages: &SpeakerPages) {
    let id = turn.id.as_str();
    let meta = TurnMeta {
        role: turn.role,
        title: doc
            .participant(&turn.participant)
            .and_then(|p| p.title.clone().or(p.outlet.clone())),
        time: turn.time.clone(),
        qa: qa_note(doc, turn),
        page: pages.href(&turn.participant).map(String::from),
    };
    let class = format!("turn turn--{}", turn.role.as_str());
    let heading_id = format!("{id}-heading");
    let body_id = format!("{id}-body");
    let placeholder = (t.hidden_turn)(&turn.speaker, turn.blocks.len());
    h.open(
        "section",
        &[
            attr("class", &class),
            attr("id", id),
            attr("data-turn", ""),
            attr("aria-labelledby", &heading_id),
        ],
    )
    .open("p", &[attr("class", "turn__hidden"), attr("hidden", "")])
    .el("span", &[attr("class", "turn__hidden-name")], &placeholder)
    .el(
        "button",
        &[
            attr("type", "button"),
            attr("class", "text-button"),
            act(&TranscriptAct::Reveal(turn.speaker.clone())),
        ],
        t.show_turn,
    )
    .close("p")
    .open("div", &[attr("class", "turn__shown")])
    .open("header", &[attr("class", "turn__head")])
    .open(
        "h2",
        &[
            attr("class", "turn__speaker"),
            attr("id", &heading_id),
            attr("tabindex", "-1"),
        ],
    );
    fold_button(h, id, &body_id, t, |h| {
        h.el("span", &[attr("class", "turn__name")], &turn.speaker);
    });
    h.close("h2").open("span", &[attr("class", "turn__meta")]);
    turn_meta_html(h, &meta, t);
    h.close("span")
        .close("header")
        .open("div", &[attr("class", "turn__body"), attr("id", &body_id)]);
    nodes_html(h, &turn.blocks, &outline(&turn.blocks), t);
    h.close("div").close("div").close("section");
}

/// An outline: sections become a heading block with a foldable body.
fn nodes_html(h: &mut Html, blocks: &[Block], nodes: &[Node], t: &Texts) {
    for node in nodes {
        match node {
            Node::Leaf(i) => block_html(h, &blocks[*i], None, t),
            Node::Section { head, body } => {
                let head = &blocks[*head];
                let class = format!("section level-{}", head.level);
                let body_id = format!("{}-section", head.id);
                h.open("div", &[attr("class", &class)]);
                block_html(h, head, Some(&body_id), t);
                h.open(
                    "div",
                    &[attr("class", "section__body"), attr("id", &body_id)],
                );
                nodes_html(h, blocks, body, t);
                h.close("div").close("div");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static NONE: SpeakerPages = SpeakerPages::none();
    use crate::i18n::ZH;
    use expect_test::expect;

    fn seed() -> Document {
        shilu_core::structure(crate::app::SEED, None)
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn every_turn_and_block_has_its_anchor_and_every_fold_its_parts() {
        let doc = seed();
        let html = document_html(&doc, &ZH, &NONE).into_string();
        for turn in &doc.turns {
            assert!(
                html.contains(&format!("id=\"{}\" data-turn", turn.id)),
                "{}",
                turn.id
            );
            assert!(html.contains(&format!("id=\"{}-body\"", turn.id)));
            assert!(html.contains(&format!("id=\"{}-fold\"", turn.id)));
            for b in &turn.blocks {
                assert!(
                    html.contains(&format!("id=\"{}\" data-block", b.id)),
                    "{}",
                    b.id
                );
            }
        }
        // Every toggle controls an element that is there.
        for (at, _) in html.match_indices("aria-controls=\"") {
            let rest = &html[at + 15..];
            let body = &rest[..rest.find('"').unwrap()];
            assert!(html.contains(&format!("id=\"{body}\"")), "{body}");
        }
        // The title block is the page's heading, not the transcript's.
        let title = title_block(&doc).unwrap();
        assert!(!html.contains(&format!("id=\"{}\"", title.id)));
        // Placeholders start hidden; nothing is marked.
        assert_eq!(
            html.matches("class=\"turn__hidden\" hidden").count(),
            doc.turns.len()
        );
        assert!(!html.contains("<mark"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_long_transcript_comes_in_parts_of_whole_turns() {
        // The seed fits in one part.
        let doc = seed();
        let mut parts = Parts::new(&doc, &ZH, &NONE);
        assert!(parts.next().is_some() && parts.is_done());
        // Twenty copies do not.
        let text = vec![crate::app::SEED; 20].join("\n\n");
        let doc = shilu_core::structure(&text, None);
        let parts: Vec<String> = Parts::new(&doc, &ZH, &NONE)
            .map(Html::into_string)
            .collect();
        assert!(parts.len() > 2, "{} parts", parts.len());
        assert_eq!(
            parts.concat(),
            document_html(&doc, &ZH, &NONE).into_string()
        );
        let whole = parts.concat();
        assert_eq!(whole.matches("data-turn").count(), doc.turns.len());
        // Going on from where one stopped gives the same parts.
        let mut first = Parts::new(&doc, &ZH, &NONE);
        first.next();
        let rest: Vec<String> = Parts::from(&doc, &ZH, &NONE, first.position())
            .map(Html::into_string)
            .collect();
        assert_eq!(rest, parts[1..]);
        for (i, part) in parts.iter().enumerate() {
            // Whole elements, at least a part's worth but the last, under two.
            if i + 1 < parts.len() {
                assert!(
                    part.len() >= PART_BYTES && part.len() < 2 * PART_BYTES,
                    "{}",
                    part.len()
                );
            }
            if i + 1 < parts.len() || parts.len() == 1 {
                assert!(part.starts_with("<section"), "part {i}");
            }
            assert_eq!(
                part.matches("<section").count(),
                part.matches("</section>").count(),
                "part {i}"
            );
        }
        assert!(
            parts.last().unwrap().contains("quote-bar"),
            "the quote bar comes last"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_block_is_its_fields_escaped_and_its_actions() {
        let block = Block {
            id: "t1-b2".into(),
            kind: BlockKind::Paragraph,
            level: 0,
            marker: None,
            heading: None,
            text: "<b>光伏</b>".into(),
            note: None,
            lead_unit: None,
        };
        let mut h = Html::new();
        block_html(&mut h, &block, None, &ZH);
        expect![[r##"<div class="block block--paragraph level-0" id="t1-b2" data-block=""><p><span class="block__text">&lt;b&gt;光伏&lt;/b&gt;</span><span class="block__actions"><a class="icon-button" href="#t1-b2" data-act="permalink" aria-label="复制段落链接" title="复制段落链接"><span aria-hidden="true">¶</span></a><button type="button" class="icon-button" data-act="cite" aria-label="复制引用" title="复制引用"><span aria-hidden="true">❝</span></button></span></p></div>"##]].assert_eq(h.as_str());
    }
}
