//! Which label candidates are labels, decided from the whole document the
//! way a reader does: a speaker part that recurs, that names a role, a
//! title or an outlet, that the intro introduced, or that is written the
//! way the document writes its other labels, is a label; a name that
//! occurs once, indented, in a document whose labels look otherwise, is
//! speech.

use super::label::{is_open_bold, Label, Shape};
use super::lines::Line;
use super::syntax::Form;
use std::collections::BTreeMap;

/// What the document's candidates say about its layout.
#[derive(Debug, Default)]
pub struct Evidence {
    /// How often each speaker key occurs as a candidate.
    count: BTreeMap<String, usize>,
    /// Candidates in marked form (`### …：`, `**…：**`, `【…】`) whose
    /// reading is a speaker.
    marked: usize,
    /// Candidates in `### …：` form, alone on their line.
    headings: usize,
    /// Strong plain labels followed by speech on the same line, and alone
    /// on their line.
    inline: usize,
    own_line: usize,
}

impl Evidence {
    /// Gathers the evidence of every candidate of the document.
    pub fn of(cands: &[Option<Label<'_>>]) -> Evidence {
        let mut ev = Evidence::default();
        for c in cands.iter().flatten() {
            // get_mut/insert, as the registry does: no entry API code.
            let key = c.key();
            match ev.count.get_mut(&key) {
                Some(n) => *n += 1,
                None => {
                    ev.count.insert(key, 1);
                }
            }
            // Markup that closes at the label sets labels off; a heading
            // that quotes a speaker (`### 謝振中：有遮陣…`) or a paragraph
            // all in bold (`**記者：…？**`) does not.
            let closed = match c.form {
                Form::Heading => c.rest.is_empty(),
                Form::Bold => !is_open_bold(c.form, c.rest),
                _ => true,
            };
            let speaker = c.shape != Shape::Other && c.shape != Shape::Initial;
            if c.form.is_marked() && closed && (speaker || c.form == Form::Heading) {
                ev.marked += 1;
            }
            if c.form == Form::Heading && closed {
                ev.headings += 1;
            }
            if c.form == Form::Plain && c.shape.is_strong() {
                if c.rest.is_empty() {
                    ev.own_line += 1;
                } else {
                    ev.inline += 1;
                }
            }
        }
        ev
    }

    /// Whether the document marks its labels with markup: then a plain
    /// `名字：` inside a speech is speech, unless it names a role.
    pub fn marked_layout(&self) -> bool {
        self.marked >= 2
    }

    pub fn recurs(&self, c: &Label<'_>) -> bool {
        self.count.get(&c.key()).copied().unwrap_or(0) >= 2
    }

    /// Whether the candidate on `line` is a label. `known` says whether a
    /// name was introduced (intro, header lines, another label).
    pub fn accept(&self, c: &Label<'_>, line: &Line<'_>, known: &dyn Fn(&str) -> bool) -> bool {
        match c.form {
            // `### X：` is a label where the document has several; a lone
            // one must read as a speaker.
            // `### 謝振中：有遮陣、對抗` is a heading that quotes a speaker,
            // unless the document's labels are headings.
            Form::Heading if !c.rest.is_empty() && self.headings < 2 => false,
            Form::Heading => {
                self.headings >= 2
                    || c.shape.is_strong()
                    || c.shape == Shape::Latin
                    || (c.shape == Shape::Name && c.surname)
            }
            // Bold and brackets also set off emphasis (`**勝任力**：`) and
            // notes (`【開始記錄】`): they need a speaker's words, or recur.
            // `**記：…？**`: only as the short form of a full label.
            Form::Bold if c.shape == Shape::Initial && is_open_bold(c.form, c.rest) => false,
            Form::Bold | Form::Bracket => {
                c.shape.is_strong()
                    || (c.shape == Shape::Name && c.surname)
                    || (c.shape == Shape::Latin && c.body.contains(' '))
                    || self.recurs(c)
            }
            Form::Plain if self.marked_layout() => c.shape == Shape::Role,
            Form::Plain => self.accept_plain(c, line, known),
        }
    }

    fn accept_plain(&self, c: &Label<'_>, line: &Line<'_>, known: &dyn Fn(&str) -> bool) -> bool {
        let is_known = c.name.as_deref().is_some_and(known);
        match c.shape {
            Shape::Role | Shape::Titled | Shape::Outlet => true,
            Shape::Name => {
                is_known
                    || (c.surname && (self.recurs(c) || line.indent == 0 || self.same_layout(c)))
                    || (self.recurs_often(c) && self.has_strong())
            }
            Shape::Latin => is_known || self.recurs(c),
            // An office holder's title at the start of a line, written as
            // the document writes its other labels (`發展局局長：主席，…`).
            Shape::TitleOnly => {
                self.recurs(c)
                    || (line.indent == 0 && c.rest.is_empty())
                    || (line.indent == 0 && c.role.is_some() && self.same_layout(c))
            }
            Shape::Other | Shape::Initial => false,
        }
    }

    /// Whether the document writes its strong labels as this one is
    /// written: inline, or alone on a line.
    pub fn same_layout(&self, c: &Label<'_>) -> bool {
        if c.rest.is_empty() {
            self.own_line > 0
        } else {
            self.inline > 0
        }
    }

    fn has_strong(&self) -> bool {
        self.inline + self.own_line > 0
    }

    /// A name without a common surname needs more: three occurrences.
    fn recurs_often(&self, c: &Label<'_>) -> bool {
        self.count.get(&c.key()).copied().unwrap_or(0) >= 3
    }
}

#[cfg(test)]
mod tests {
    use super::super::{label, lines};
    use super::*;

    fn decide(text: &str) -> Vec<bool> {
        let lines = lines::split(text);
        let cands: Vec<_> = lines.iter().map(|l| label::candidate(l.text)).collect();
        let ev = Evidence::of(&cands);
        cands
            .iter()
            .zip(&lines)
            .map(|(c, l)| c.as_ref().is_some_and(|c| ev.accept(c, l, &|_| false)))
            .collect()
    }

    #[test]
    fn recurring_indented_names() {
        let got = decide(
            "　　彭博社记者：请问？\n　　华春莹：我们注意到。\n　　路透社记者：还有？\n　　华春莹：是的。\n",
        );
        assert_eq!(got, [true, true, true, true]);
        // Once, indented deeper than the labels, in a layout no strong
        // label shares: speech.
        assert_eq!(decide("刘志杰:\n　　王某：我们注意到。\n"), [true, false]);
    }

    #[test]
    fn marked_layout() {
        let got = decide("### 唐鳳：\n大家好。\n王某：我说过\n### cheers：\n（笑）\n### 問：\n");
        assert_eq!(got, [true, false, false, true, false, true]);
        // A lone heading with a colon that reads as no speaker: a heading.
        assert_eq!(decide("### 附錄一：\n正文。\n"), [false, false]);
    }
}
