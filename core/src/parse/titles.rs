//! What a label's speaker part may hold besides a title before a name
//! (see [`super::names`]): a name then the title it is addressed by
//! (`黃毓民議員`), a surname and a title (`莊副署長`), an office then a name
//! (`省人民政府新闻办公室李静`).

use super::names::address_title;
use crate::chars::{has_surname, is_han};

/// Whether `s` ends with an office's name (`…办公室`, `…局`).
fn ends_office(s: &str) -> bool {
    OFFICE_ENDS.iter().any(|w| s.ends_with(w))
}

/// `黃毓民議員` → (`黃毓民`, `議員`): a name of two or three characters
/// with a common surname, then a title a person is addressed by.
pub fn split_name_title(s: &str) -> Option<(&str, &str)> {
    // A name and a title take four characters.
    s.chars().nth(3)?;
    for (i, _) in s.char_indices().skip(2).take(2) {
        let (name, title) = s.split_at(i);
        // `蔡政務委員` is 蔡, 政務委員: a name does not end with the start of
        // a title.
        let title_start = [
            "政務", "政务", "常務", "常务", "專門", "专门", "執行", "执行", "首席",
        ]
        .iter()
        .any(|w| name.ends_with(w));
        if address_title(title) == Some(title)
            && !title_start
            && name.chars().all(is_han)
            && has_surname(name)
        {
            return Some((name, title));
        }
    }
    None
}

/// `莊副署長` → `副署長`: one surname character, then an address title.
pub fn surname_title(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    let rest = &s[first.len_utf8()..];
    if address_title(rest) != Some(rest) {
        return None;
    }
    has_surname(&s[..first.len_utf8() + rest.chars().next()?.len_utf8()]).then_some(rest)
}

/// Endings of an office's name: `…新闻办公室`, `…局`, `…厅`.
const OFFICE_ENDS: &[&str] = &[
    "办公室",
    "辦公室",
    "局",
    "厅",
    "廳",
    "部",
    "委",
    "委员会",
    "委員會",
    "办",
    "辦",
    "政府",
    "中心",
    "院",
    "署",
    "处",
    "處",
    "司",
    "所",
    "组",
    "組",
];

/// The last characters of [`OFFICE_ENDS`].
const OFFICE_LAST: &[char] = &[
    '室', '局', '厅', '廳', '部', '委', '会', '會', '办', '辦', '府', '心', '院', '署', '处', '處',
    '司', '所', '组', '組',
];

/// `省人民政府新闻办公室李静` → (`省人民政府新闻办公室`, `李静`).
pub fn split_office_name(s: &str) -> Option<(&str, &str)> {
    // From the end: the name's two or three characters, and the office's
    // last character before them, checked first (most labels end otherwise).
    let mut rev = s.char_indices().rev();
    let (_, c1, c2, c3) = (rev.next()?, rev.next()?, rev.next()?, rev.next()?);
    // Labels are mostly short names: an office and a name take five.
    rev.next()?;
    for ((i, _), (_, last)) in [(c2, c3), (c1, c2)] {
        let office_end = OFFICE_LAST.contains(&last);
        let (office, name) = s.split_at(i);
        if office_end
            && office.chars().nth(2).is_some()
            && s.chars().all(is_han)
            && ends_office(office)
            // `…國會辦公室` is an office, not `公室`.
            && !ends_office(s)
            && has_surname(name)
        {
            return Some((office, name));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_titles() {
        assert_eq!(split_name_title("黃毓民議員"), Some(("黃毓民", "議員")));
        assert_eq!(split_name_title("方剛議員"), Some(("方剛", "議員")));
        assert_eq!(split_name_title("蔡政務委員"), None);
        assert_eq!(surname_title("莊副署長"), Some("副署長"));
        assert_eq!(surname_title("刘志杰"), None);
        assert_eq!(
            split_office_name("省人民政府新闻办公室李静"),
            Some(("省人民政府新闻办公室", "李静"))
        );
        assert_eq!(split_office_name("立委陳椒華國會辦公室"), None);
        assert_eq!(split_office_name("刘志杰"), None);
    }
}
