//! Where the conference ends: after the host's closing remark
//! (`今天的新闻发布会到此结束,谢谢大家!`), the rest of the file is page
//! residue that goes to the appendix.

use super::lines::{is_strong_closing, is_thanks, Line};
use crate::model::Role;

/// The index of the first line after the conference, if lines follow it.
///
/// `turn_role[i]` is the role of the turn that line `i` belongs to (`None`
/// in the front matter); `is_label[i]` marks label lines.
pub fn start(lines: &[Line<'_>], turn_role: &[Option<Role>], is_label: &[bool]) -> Option<usize> {
    // The closing remark is in the last turn: a speaker who says 到此结束
    // of their own part and is followed by others has not closed anything.
    let last_label = is_label.iter().rposition(|&b| b)?;
    let closing = lines
        .iter()
        .enumerate()
        .skip(last_label)
        .rposition(|(i, l)| turn_role[i].is_some() && is_strong_closing(l.text))
        .map(|i| i + last_label)
        .or_else(|| {
            // No explicit closing: the host's last thanks, if the last
            // turn is the host's.
            if turn_role[last_label] != Some(Role::Host) {
                return None;
            }
            (last_label..lines.len())
                .rev()
                .find(|&i| is_thanks(lines[i].text))
        })?;
    // Short thanks right after the closing remark still belong to it.
    let mut end = closing + 1;
    while end < lines.len() && !is_label[end] && is_thanks(lines[end].text) {
        end += 1;
    }
    (end < lines.len()).then_some(end)
}
