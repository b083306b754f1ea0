//! Saving what is open: the document as JSON (the model `shilu parse`
//! prints), as Markdown in the SayIt layout, and its events as .ics. The
//! core writes each file; the browser offers it as a download.

use crate::host::PanelHost;
use crate::insights::section::open_section;
use crate::texts::PanelTexts;
use leptos::prelude::*;
use shilu_core::export::{file_name, json};
use shilu_core::ics::{calendar, IcsScope};
use shilu_core::markdown::markdown;
use shilu_core::Document;
use shilu_ui::dom::download;
use shilu_ui::html::{act, attr, Action, Html};

/// A click on an export button: save the document in this format.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ExportAct {
    Json,
    Markdown,
    Ics,
}

impl ExportAct {
    const ALL: [ExportAct; 3] = [ExportAct::Json, ExportAct::Markdown, ExportAct::Ics];

    /// The file extension, also the action's argument.
    fn ext(self) -> &'static str {
        match self {
            ExportAct::Json => "json",
            ExportAct::Markdown => "md",
            ExportAct::Ics => "ics",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            ExportAct::Json => "application/json;charset=utf-8",
            ExportAct::Markdown => "text/markdown;charset=utf-8",
            ExportAct::Ics => "text/calendar;charset=utf-8",
        }
    }
}

impl Action for ExportAct {
    fn write(&self) -> (&'static str, Option<String>) {
        ("export", Some(self.ext().into()))
    }
    fn read(name: &str, arg: Option<&str>) -> Option<ExportAct> {
        let arg = arg?;
        ExportAct::ALL
            .into_iter()
            .find(|w| name == "export" && w.ext() == arg)
    }
}

/// The file of `what` for `doc`: its name, type and contents.
pub fn export_file(doc: &Document, what: ExportAct) -> (String, &'static str, String) {
    let contents = match what {
        ExportAct::Json => json(doc),
        ExportAct::Markdown => markdown(doc),
        ExportAct::Ics => calendar(doc, IcsScope::All),
    };
    (file_name(doc, what.ext()), what.mime(), contents)
}

/// Offers the file of `what` as a download.
pub fn save(host: PanelHost, what: ExportAct) {
    host.doc.with_untracked(|doc| {
        let (name, mime, contents) = export_file(doc, what);
        download(&name, mime, &contents);
    });
}

/// The export buttons in their group, under a heading; the .ics one is
/// off when no event has a date.
pub fn exports_html(doc: &Document, t: &PanelTexts) -> Html {
    let mut h = Html::new();
    open_section(&mut h, "exports", "exports", t.exports_heading).open(
        "div",
        &[
            attr("class", "exports__buttons"),
            attr("role", "group"),
            attr("aria-label", t.exports_heading),
        ],
    );
    let dated = doc.events.iter().any(|e| e.start.is_some());
    for (what, label) in [
        (ExportAct::Json, t.export_json),
        (ExportAct::Markdown, t.export_markdown),
        (ExportAct::Ics, t.export_ics),
    ] {
        h.open(
            "button",
            &[
                attr("type", "button"),
                attr("class", "text-button"),
                shilu_ui::html::flag("disabled", what == ExportAct::Ics && !dated),
                act(&what),
            ],
        )
        .el("span", &[attr("aria-hidden", "true")], "⤓")
        .text(label)
        .close("button");
    }
    h.close("div").close("section");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;

    const SEED: &str =
        include_str!("../../../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt");

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn actions_write_what_they_read() {
        for what in ExportAct::ALL {
            let (name, arg) = what.write();
            assert_eq!(ExportAct::read(name, arg.as_deref()), Some(what));
        }
        assert_eq!(ExportAct::read("export", Some("pdf")), None);
        assert_eq!(ExportAct::read("ics", Some("json")), None);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_files_are_the_cores_exports_of_the_document() {
        let doc = shilu_core::analysed(SEED, None);
        let (name, mime, text) = export_file(&doc, ExportAct::Json);
        assert_eq!(name, "shilu-2017-10-12.json");
        assert!(mime.starts_with("application/json"));
        let back: Document = serde_json::from_str(&text).unwrap();
        assert_eq!(back.turns.len(), doc.turns.len());
        let (name, _, md) = export_file(&doc, ExportAct::Markdown);
        assert_eq!(name, "shilu-2017-10-12.md");
        assert!(md.contains("### 李武军："), "{}", &md[..200.min(md.len())]);
        let (name, _, ics) = export_file(&doc, ExportAct::Ics);
        assert_eq!(name, "shilu-2017-10-12.ics");
        assert!(ics.starts_with("BEGIN:VCALENDAR"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn three_buttons_and_ics_off_without_dated_events() {
        let doc = shilu_core::analysed(SEED, None);
        let html = exports_html(&doc, &PANEL_ZH).into_string();
        assert_eq!(html.matches("data-act=\"export\"").count(), 3);
        assert!(!html.contains("disabled"));
        let plain = shilu_core::analysed("主持人：开始。\n", None);
        let html = exports_html(&plain, &PANEL_ZH).into_string();
        assert_eq!(html.matches(" disabled").count(), 1, "{html}");
    }
}
