//! A year typed wrong: the title's date and the file name's agree on the
//! month and day but not the year (`# 2025-11-07 課發會第十二次會議紀錄` in
//! `2015-11-07-….md`). One of them is a slip of the keyboard; the years the
//! text itself mentions (`2015年`, or the Republic of China's `104年`)
//! decide which. When the text names only the file name's year, the page
//! states the file name's date; otherwise the title's stands.

use super::meta::{iso_date_in, leading_iso_date};
use crate::chars::digit;
use crate::model::{Meta, Origin};

/// Replaces a title's date by the file name's when they differ only in the
/// year and the text mentions the file name's year but not the title's.
pub fn settle(meta: &mut Meta, title: &str, file_name: Option<&str>, text: &str) {
    let (Some(title_date), Some(name_date)) =
        (leading_iso_date(title).0, file_name.and_then(iso_date_in))
    else {
        return;
    };
    if meta.date.as_deref() != Some(title_date.as_str())
        || title_date.get(4..) != name_date.get(4..)
        || title_date == name_date
    {
        return;
    }
    let (Some(title_year), Some(name_year)) = (year_of(&title_date), year_of(&name_date)) else {
        return;
    };
    let years = years_named(text);
    if years.contains(&name_year) && !years.contains(&title_year) {
        meta.date = Some(name_date);
        meta.date_text = None;
        meta.sources.date = Some(Origin::FileName);
        meta.sources.date_text = None;
    }
}

fn year_of(iso: &str) -> Option<u32> {
    iso.get(..4)?.parse().ok()
}

/// The years a text names before `年`: four digits (1900–2099) as they are, three
/// digits from 60 to 199 as years of the Republic of China (1911 + n:
/// `104年` is 2015), as Taiwanese government texts count them.
fn years_named(text: &str) -> Vec<u32> {
    let mut years = Vec::new();
    for (i, _) in text.match_indices('年') {
        let digits: Vec<u32> = text[..i].chars().rev().map_while(digit).collect();
        let n = digits.iter().rev().fold(0, |a, d| a * 10 + d);
        let year = match digits.len() {
            4 if (1900..2100).contains(&n) => n,
            3 if (60..200).contains(&n) => n + 1911,
            _ => continue,
        };
        if !years.contains(&year) {
            years.push(year);
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(date: &str) -> Meta {
        Meta {
            date: Some(date.to_string()),
            sources: crate::model::Sources {
                date: Some(Origin::Text),
                ..Default::default()
            },
            ..Meta::default()
        }
    }

    #[test]
    fn the_years_a_text_names_decide_a_year_typed_wrong() {
        let title = "2025-11-07 課發會第十二次會議紀錄";
        let name = Some("2015-11-07-課發會第十二次會議紀錄.md");
        let mut meta = titled("2025-11-07");
        settle(&mut meta, title, name, "依104年的決議，第二群組的提案。");
        assert_eq!(meta.date.as_deref(), Some("2015-11-07"));
        assert_eq!(meta.sources.date, Some(Origin::FileName));

        let mut meta = titled("2025-11-07");
        settle(&mut meta, title, name, "2015年與2025年的課綱");
        assert_eq!(meta.date.as_deref(), Some("2025-11-07"), "both named: the title stands");

        let mut meta = titled("2025-11-07");
        settle(&mut meta, title, name, "沒有年份的紀錄");
        assert_eq!(meta.date.as_deref(), Some("2025-11-07"), "no evidence: the title stands");

        let mut meta = titled("2025-11-07");
        settle(&mut meta, title, name, "114年度預算");
        assert_eq!(meta.date.as_deref(), Some("2025-11-07"), "the text backs the title");
    }

    #[test]
    fn other_days_are_other_events_not_typos() {
        // Recorded on the 26th, aired on the 28th: both may be right.
        let mut meta = titled("2025-12-28");
        settle(&mut meta, "2025-12-28 專訪", Some("2025-12-26-專訪.md"), "2025年底");
        assert_eq!(meta.date.as_deref(), Some("2025-12-28"));
        // A date that did not come from the title is not touched.
        let mut meta = titled("2015-11-07");
        settle(&mut meta, "2025-11-07 會議", Some("2014-11-07-會議.md"), "2014年");
        assert_eq!(meta.date.as_deref(), Some("2015-11-07"));
    }

    #[test]
    fn years_are_four_digits_or_the_republic_s() {
        assert_eq!(years_named("２０１７年與104年、12年國教、1000年"), [2017, 2015]);
    }
}
