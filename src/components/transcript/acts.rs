//! What a click in the transcript asks for, as an `Action`.

use shilu_ui::html::Action;

/// What a click in the transcript asks for, besides a block's own actions
/// (`block::BlockAct`) and a marked figure (`highlight::ShowCheck`).
#[derive(Clone, Debug, PartialEq)]
pub enum TranscriptAct {
    /// Fold or unfold the turn or section with this id.
    Fold(String),
    /// Show this speaker again (a hidden turn's placeholder).
    Reveal(String),
    /// Copy a link to the selected passage (`quote_bar`).
    Quote,
}

impl Action for TranscriptAct {
    fn write(&self) -> (&'static str, Option<String>) {
        match self {
            TranscriptAct::Fold(id) => ("fold", Some(id.clone())),
            TranscriptAct::Reveal(name) => ("reveal", Some(name.clone())),
            TranscriptAct::Quote => ("quote", None),
        }
    }
    fn read(name: &str, arg: Option<&str>) -> Option<TranscriptAct> {
        match (name, arg) {
            ("fold", Some(id)) => Some(TranscriptAct::Fold(id.into())),
            ("reveal", Some(name)) => Some(TranscriptAct::Reveal(name.into())),
            ("quote", _) => Some(TranscriptAct::Quote),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn actions_write_what_they_read() {
        for a in [
            TranscriptAct::Fold("t3".into()),
            TranscriptAct::Reveal("李武军".into()),
            TranscriptAct::Quote,
        ] {
            let (name, arg) = a.write();
            assert_eq!(TranscriptAct::read(name, arg.as_deref()), Some(a));
        }
        assert_eq!(TranscriptAct::read("fold", None), None);
    }
}
