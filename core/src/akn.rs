//! The transcript as an Akoma Ntoso 3.0 (OASIS LegalDocML) `debate`, the
//! XML that parliaments and SayIt publish debates in (`shilu akn`).
//!
//! ```text
//! akomaNtoso (namespace …/legaldocml/ns/akn/3.0)
//! └ debate name="pressConference"
//!   ├ meta
//!   │ ├ identification: FRBRWork, FRBRExpression, FRBRManifestation
//!   │ └ references: TLCOrganization (the organiser, shilu),
//!   │   TLCPerson per participant, TLCRole per role that speaks
//!   ├ preface: docTitle, docDate
//!   └ debateBody
//!     ├ debateSection "pressConference": heading (the title), the front
//!     │ matter as an `other` (AKN's `narrative` holds inline text only),
//!     │ a speech per turn (by="#p1" as="#host", from = the label, a p
//!     │ per block)
//!     └ debateSection "appendix", if the transcript has one
//! ```
//!
//! - **Identification.** The work is `/akn/{country}/debate/{date}/{name}`:
//!   `name` is given by the caller (the CLI passes the text's content key,
//!   the same as the explorer's `?doc=`), the date is the conference's
//!   (`meta.date`), else the publication's; a transcript with neither has
//!   `FRBRdate name="unknown"` on `0001-01-01`, as the schema requires a
//!   date. The country is not stated by the transcripts, so it is `xx`
//!   (a code ISO 3166 leaves to users, as the OASIS examples use it). The language is `zho`, or `eng` when Latin
//!   letters outnumber Han characters.
//! - **Text.** A block is one `p`: marker, heading, text and note as
//!   written. Characters XML 1.0 cannot hold (control characters) are left
//!   out; everything else is escaped by the writer (the `xml` crate).
//!
//! Native only (see `core/Cargo.toml`): the browser does not export it.

use crate::model::{Block, Document, Role, Turn};
use xml::writer::{EmitterConfig, EventWriter, XmlEvent};

/// The Akoma Ntoso 3.0 namespace, exactly (no `/CSD13` or `/WD17`).
pub const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The document as an Akoma Ntoso 3.0 `debate`. `name` names the work in
/// its FRBR URIs (no whitespace or `/`: the content key, for instance).
pub fn akn(doc: &Document, name: &str) -> String {
    let mut w = EmitterConfig::new()
        .perform_indent(true)
        .create_writer(Vec::new());
    // Writing to memory fails only on a mismatched end tag: a bug here.
    write_doc(&mut w, doc, name).expect("well-formed Akoma Ntoso");
    String::from_utf8(w.into_inner()).expect("the writer writes UTF-8")
}

type W = EventWriter<Vec<u8>>;
type R = xml::writer::Result<()>;

fn write_doc(w: &mut W, doc: &Document, name: &str) -> R {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == '/' {
                '-'
            } else {
                c
            }
        })
        .collect();
    w.write(XmlEvent::start_element("akomaNtoso").default_ns(NAMESPACE))?;
    w.write(XmlEvent::start_element("debate").attr("name", "pressConference"))?;
    meta(w, doc, &name)?;
    preface(w, doc)?;
    w.write(XmlEvent::start_element("debateBody"))?;
    w.write(
        XmlEvent::start_element("debateSection")
            .attr("name", "pressConference")
            .attr("eId", "dbsect_1"),
    )?;
    let title = clean(doc.meta.title.trim());
    if !title.is_empty() {
        text_element(w, "heading", &title)?;
    }
    let front: Vec<&Block> = doc
        .front
        .iter()
        .filter(|b| {
            b.kind != crate::model::BlockKind::Title || b.text.trim() != doc.meta.title.trim()
        })
        .collect();
    if !front.is_empty() {
        other(w, "dbsect_1__other_1", &front)?;
    }
    for (i, t) in doc.turns.iter().enumerate() {
        speech(w, doc, t, &format!("dbsect_1__spk_{}", i + 1))?;
    }
    if doc.turns.is_empty() && front.is_empty() {
        // A section holds something: an empty transcript says so.
        w.write(XmlEvent::start_element("p"))?;
        w.write(XmlEvent::end_element())?;
    }
    w.write(XmlEvent::end_element())?; // debateSection
    if !doc.appendix.is_empty() {
        w.write(
            XmlEvent::start_element("debateSection")
                .attr("name", "appendix")
                .attr("eId", "dbsect_2"),
        )?;
        let blocks: Vec<&Block> = doc.appendix.iter().collect();
        other(w, "dbsect_2__other_1", &blocks)?;
        w.write(XmlEvent::end_element())?;
    }
    w.write(XmlEvent::end_element())?; // debateBody
    w.write(XmlEvent::end_element())?; // debate
    w.write(XmlEvent::end_element()) // akomaNtoso
}

/// The ISO 639-2 code of the transcript's language: the meta's
/// (`en` → `eng`, Chinese in either script → `zho`), or, when the meta
/// has none, which of Han characters and Latin letters there are more of.
fn language(doc: &Document) -> &'static str {
    match doc.meta.lang.as_str() {
        "en" => return "eng",
        l if l.starts_with("zh") => return "zho",
        _ => {}
    }
    let (mut han, mut latin) = (0usize, 0usize);
    let texts = doc
        .turns
        .iter()
        .flat_map(|t| t.blocks.iter())
        .chain(&doc.front)
        .map(|b| b.text.as_str());
    for c in texts.flat_map(str::chars).take(20_000) {
        if crate::chars::is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if latin > han {
        "eng"
    } else {
        "zho"
    }
}

/// The work's date (`YYYY-MM-DD`) and what it is the date of.
fn date(doc: &Document) -> (String, &'static str) {
    let iso = |s: &str| {
        let d = s.get(..10)?;
        let ok = d.len() == 10
            && d.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        ok.then(|| d.to_string())
    };
    if let Some(d) = doc.meta.date.as_deref().and_then(iso) {
        (d, "conference")
    } else if let Some(d) = doc.meta.published.as_deref().and_then(iso) {
        (d, "publication")
    } else {
        ("0001-01-01".to_string(), "unknown")
    }
}

fn meta(w: &mut W, doc: &Document, name: &str) -> R {
    let lang = language(doc);
    let (date, what) = date(doc);
    let work = format!("/akn/xx/debate/{date}/{name}");
    let expression = format!("{work}/{lang}@");
    let author = if doc.meta.organiser.is_some() {
        "#organiser"
    } else {
        "#shilu"
    };
    w.write(XmlEvent::start_element("meta"))?;
    w.write(XmlEvent::start_element("identification").attr("source", "#shilu"))?;
    let frbr = |w: &mut W, el: &str, this: &str, uri: &str, by: &str| -> R {
        w.write(XmlEvent::start_element(el))?;
        empty(w, "FRBRthis", &[("value", this)])?;
        empty(w, "FRBRuri", &[("value", uri)])?;
        empty(w, "FRBRdate", &[("date", &date), ("name", what)])?;
        empty(w, "FRBRauthor", &[("href", by)])
    };
    frbr(w, "FRBRWork", &format!("{work}/!main"), &work, author)?;
    empty(w, "FRBRcountry", &[("value", "xx")])?;
    w.write(XmlEvent::end_element())?;
    frbr(
        w,
        "FRBRExpression",
        &format!("{expression}/!main"),
        &expression,
        author,
    )?;
    empty(w, "FRBRlanguage", &[("language", lang)])?;
    w.write(XmlEvent::end_element())?;
    frbr(
        w,
        "FRBRManifestation",
        &format!("{expression}/!main.xml"),
        &format!("{expression}.akn"),
        "#shilu",
    )?;
    empty(w, "FRBRformat", &[("value", "application/akn+xml")])?;
    w.write(XmlEvent::end_element())?;
    w.write(XmlEvent::end_element())?; // identification

    w.write(XmlEvent::start_element("references").attr("source", "#shilu"))?;
    if let Some(org) = &doc.meta.organiser {
        empty(
            w,
            "TLCOrganization",
            &[
                ("eId", "organiser"),
                ("href", "/ontology/organization/organiser"),
                ("showAs", &clean(org)),
            ],
        )?;
    }
    empty(
        w,
        "TLCOrganization",
        &[
            ("eId", "shilu"),
            ("href", "/ontology/organization/shilu"),
            ("showAs", "shilu 实录"),
        ],
    )?;
    for p in &doc.participants {
        let show = match &p.title {
            Some(t) if !t.contains(&p.name) => format!("{t} {}", p.name),
            _ => p.name.clone(),
        };
        empty(
            w,
            "TLCPerson",
            &[
                ("eId", &eid(&p.id)),
                ("href", &format!("/ontology/person/{}", eid(&p.id))),
                ("showAs", &clean(&show)),
            ],
        )?;
    }
    for role in Role::ALL {
        if doc.turns.iter().any(|t| t.role == role) {
            empty(
                w,
                "TLCRole",
                &[
                    ("eId", role.as_str()),
                    ("href", &format!("/ontology/role/{}", role.as_str())),
                    ("showAs", role_name(role)),
                ],
            )?;
        }
    }
    w.write(XmlEvent::end_element())?; // references
    w.write(XmlEvent::end_element()) // meta
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Host => "主持人",
        Role::Official => "发布人",
        Role::Journalist => "记者",
        Role::Other => "其他",
    }
}

fn preface(w: &mut W, doc: &Document) -> R {
    let title = clean(doc.meta.title.trim());
    let (date, what) = date(doc);
    if title.is_empty() && what == "unknown" {
        return Ok(());
    }
    w.write(XmlEvent::start_element("preface"))?;
    if !title.is_empty() {
        w.write(XmlEvent::start_element("p"))?;
        text_element(w, "docTitle", &title)?;
        w.write(XmlEvent::end_element())?;
    }
    if what != "unknown" {
        w.write(XmlEvent::start_element("p"))?;
        let shown = doc
            .meta
            .date_text
            .as_deref()
            .map(clean)
            .unwrap_or_else(|| date.clone());
        w.write(XmlEvent::start_element("docDate").attr("date", &date))?;
        w.write(XmlEvent::characters(&shown))?;
        w.write(XmlEvent::end_element())?;
        w.write(XmlEvent::end_element())?;
    }
    w.write(XmlEvent::end_element())
}

fn speech(w: &mut W, doc: &Document, t: &Turn, eid_: &str) -> R {
    let by = format!("#{}", eid(&t.participant));
    let known = doc.participant(&t.participant).is_some();
    let by = if known { by } else { "#shilu".to_string() };
    let role = format!("#{}", t.role.as_str());
    let mut start = XmlEvent::start_element("speech")
        .attr("by", &by)
        .attr("as", &role)
        .attr("eId", eid_);
    let time = t.time.as_deref().and_then(date_time);
    if let Some(time) = &time {
        start = start.attr("startTime", time);
    }
    w.write(start)?;
    let from = clean(
        t.label
            .trim_matches(|c: char| c.is_whitespace() || "#*【】[]:：︰﹕".contains(c)),
    );
    text_element(w, "from", if from.is_empty() { &t.speaker } else { &from })?;
    for b in &t.blocks {
        paragraph(w, b)?;
    }
    if t.blocks.is_empty() {
        // A speech holds at least one block.
        w.write(XmlEvent::start_element("p"))?;
        w.write(XmlEvent::end_element())?;
    }
    w.write(XmlEvent::end_element())
}

/// `2016-03-02 15:22:44` as an `xsd:dateTime`.
fn date_time(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let shape = "dddd-dd-dd dd:dd:dd";
    (b.len() == shape.len()
        && shape.bytes().zip(b).all(|(p, &c)| match p {
            b'd' => c.is_ascii_digit(),
            _ => c == p,
        }))
    .then(|| s.replacen(' ', "T", 1))
}

fn other(w: &mut W, id: &str, blocks: &[&Block]) -> R {
    w.write(XmlEvent::start_element("other").attr("eId", id))?;
    for b in blocks {
        paragraph(w, b)?;
    }
    w.write(XmlEvent::end_element())
}

fn paragraph(w: &mut W, b: &Block) -> R {
    let mut line = String::new();
    for part in [&b.marker, &b.heading].into_iter().flatten() {
        line.push_str(part);
    }
    line.push_str(&b.text);
    if let Some(n) = &b.note {
        line.push_str(n);
    }
    text_element(w, "p", line.trim())
}

fn text_element(w: &mut W, el: &str, text: &str) -> R {
    w.write(XmlEvent::start_element(el))?;
    let text = clean(text);
    if !text.is_empty() {
        w.write(XmlEvent::characters(&text))?;
    }
    w.write(XmlEvent::end_element())
}

fn empty(w: &mut W, el: &str, attrs: &[(&str, &str)]) -> R {
    let mut e = XmlEvent::start_element(el);
    for &(k, v) in attrs {
        e = e.attr(k, v);
    }
    w.write(e)?;
    w.write(XmlEvent::end_element())
}

/// An id as an `eId`: no whitespace, `#` or `/`.
fn eid(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_whitespace() || c == '#' || c == '/' {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// The text without the characters XML 1.0 cannot hold.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || ('\u{20}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}'
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::structure(text, None)
    }

    #[test]
    fn speeches_point_at_their_people() {
        let d = doc("发布会\n10月12日下午，省政府新闻办举行新闻发布会。\n主持人 王某:\n各位好。\n李某:\n谢谢 <&> 大家。\n");
        let x = akn(&d, "k1");
        assert!(
            x.contains(&format!("<akomaNtoso xmlns=\"{NAMESPACE}\">")),
            "{x}"
        );
        for p in &d.participants {
            assert!(x.contains(&format!("<TLCPerson eId=\"{}\"", p.id)), "{x}");
        }
        let host = &d.turns[0];
        assert!(
            x.contains(&format!(
                "<speech by=\"#{}\" as=\"#host\"",
                host.participant
            )),
            "{x}"
        );
        assert!(x.contains("<from>主持人 王某</from>"), "{x}");
        assert!(
            x.contains("<p>谢谢 &lt;&amp;> 大家。</p>")
                || x.contains("<p>谢谢 &lt;&amp;&gt; 大家。</p>"),
            "{x}"
        );
        assert!(x.contains("<TLCRole eId=\"host\""), "{x}");
        assert!(!x.contains("<TLCRole eId=\"journalist\""), "{x}");
    }

    #[test]
    fn dates_and_language() {
        let d = doc("2024-05-08 Press briefing\nModerator:\nGood morning, everyone.\nQuestion:\nThank you.\n");
        let x = akn(&d, "k2");
        assert!(
            x.contains("<FRBRlanguage language=\"eng\" />")
                || x.contains("<FRBRlanguage language=\"eng\"/>"),
            "{x}"
        );
        assert!(x.contains("/akn/xx/debate/2024-05-08/k2/eng@/!main"), "{x}");
        let d = doc("无题\n主持人:\n好。\n");
        let x = akn(&d, "k 3");
        assert!(x.contains("date=\"0001-01-01\" name=\"unknown\""), "{x}");
        assert!(x.contains("/akn/xx/debate/0001-01-01/k-3/zho@"), "{x}");
    }

    #[test]
    fn control_characters_are_left_out() {
        assert_eq!(clean("a\u{0}b\u{c}c\td"), "abc\td");
        assert_eq!(
            date_time(" 2016-03-02 15:22:44 ").as_deref(),
            Some("2016-03-02T15:22:44")
        );
        assert_eq!(date_time("15:22:44"), None);
    }
}
