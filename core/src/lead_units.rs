//! Lead units: each unit named in a `(牵头单位:…)` note and the items it
//! leads. Several units in one note are split (`省委组织部、省金融办、省扶贫办`);
//! a block with two notes leads under both. `牵头部门` and `牵头` notes count too.

use crate::model::{Document, LeadUnit};
use std::collections::BTreeMap;

/// The lead units, in order of first mention.
pub fn extract(doc: &Document) -> Vec<LeadUnit> {
    let mut out: Vec<LeadUnit> = Vec::new();
    let mut by_unit: BTreeMap<String, usize> = BTreeMap::new();
    for b in doc.blocks() {
        for unit in units(&crate::dates::full_text(b)) {
            let i = *by_unit.entry(unit.clone()).or_insert_with(|| {
                out.push(LeadUnit {
                    unit,
                    items: Vec::new(),
                });
                out.len() - 1
            });
            if out[i].items.last() != Some(&b.id) {
                out[i].items.push(b.id.clone());
            }
        }
    }
    out
}

/// The units named by the lead-unit notes of a text, in order.
pub fn units(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Most texts have no note: one substring search (SIMD natively) tells.
    if !text.contains("牵头") {
        return out;
    }
    let mut rest = text;
    while let Some(i) = rest.find("牵头") {
        let mut after = &rest[i + "牵头".len()..];
        for w in ["单位", "部门"] {
            if let Some(r) = after.strip_prefix(w) {
                after = r;
                break;
            }
        }
        rest = after;
        let Some(c) = after.chars().next().filter(|&c| c == ':' || c == '：') else {
            continue;
        };
        after = &after[c.len_utf8()..];
        let end = after
            .find([')', '）', '\n', '。', ']', '】'])
            .unwrap_or(after.len());
        for u in after[..end].split(['、', '，', ',', '；', ';', '/', ' ', '\u{3000}']) {
            let u = u.trim().trim_start_matches('和').trim_start_matches('及');
            if !u.is_empty() && u.chars().count() <= 20 && !out.iter().any(|x| x == u) {
                out.push(u.to_string());
            }
        }
        rest = &after[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_split() {
        assert_eq!(
            units("召开座谈会。(牵头单位:省委组织部、省金融办、省扶贫办)"),
            vec!["省委组织部", "省金融办", "省扶贫办"]
        );
        assert_eq!(
            units("资助;（牵头单位：省教育厅）组织义诊。（牵头部门：省卫计委）"),
            vec!["省教育厅", "省卫计委"]
        );
        assert_eq!(units("由省扶贫办牵头,各部门配合"), Vec::<String>::new());
    }
}
