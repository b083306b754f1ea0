//! The document's language, from its own text: Latin letters against Han
//! characters, then, among the Han, characters written differently in
//! the simplified and the traditional script.

use crate::chars::is_han;

/// Frequent characters of the simplified script whose traditional forms
/// differ (and are not themselves traditional characters).
const SIMPLIFIED: &str = "们个这来时会说对国为发经与过还开关问电长动现样点进业实学间题体区务应当协议记员门让认请谢话该计设产万机构报组织统济资领导众东级场传总网数证无从创际环规见车广";
/// Their traditional forms.
const TRADITIONAL: &str = "們個這來時會說對國為發經與過還開關問電長動現樣點進業實學間題體區務應當協議記員門讓認請謝話該計設產萬機構報組織統濟資領導眾東級場傳總網數證無從創際環規見車廣";

/// Enough script-marked characters to decide.
const ENOUGH: usize = 120;
/// At most this many characters are read.
const SAMPLE: usize = 20_000;

/// The BCP 47 tag of `text`'s language: `en` when Latin letters dominate
/// (an English word is about five letters, a Chinese one one or two
/// characters), else `zh-Hant` when traditional forms outnumber
/// simplified ones, `zh-Hans` when fewer, `zh` when the text has none of
/// them; empty when the text has neither letters nor Han characters.
pub fn language(text: &str) -> &'static str {
    let (mut latin, mut han, mut simp, mut trad) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(SAMPLE) {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_han(c) {
            han += 1;
            if SIMPLIFIED.contains(c) {
                simp += 1;
            } else if TRADITIONAL.contains(c) {
                trad += 1;
            }
            if simp + trad >= ENOUGH && latin < han {
                break;
            }
        }
    }
    if latin > 3 * han {
        "en"
    } else if han == 0 {
        if latin > 0 {
            "en"
        } else {
            ""
        }
    } else if trad > simp {
        "zh-Hant"
    } else if simp > trad {
        "zh-Hans"
    } else {
        // Chinese, in characters both scripts write alike.
        "zh"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_tables_pair_up_and_do_not_overlap() {
        assert_eq!(SIMPLIFIED.chars().count(), TRADITIONAL.chars().count());
        assert!(SIMPLIFIED.chars().all(|c| !TRADITIONAL.contains(c)));
    }

    #[test]
    fn scripts_and_english() {
        assert_eq!(language("各位记者朋友们，大家下午好！"), "zh-Hans");
        assert_eq!(language("各位記者朋友們，大家下午好！"), "zh-Hant");
        assert_eq!(
            language("Moderator: Good afternoon. Li Jianmin (李建民): Thank you."),
            "en"
        );
        // A Chinese text quoting English names stays Chinese.
        assert_eq!(
            language("彭博社记者：Bloomberg报道说，中方对此有何评论？"),
            "zh-Hans"
        );
        assert_eq!(language("# 2017-11-08 中心第一次"), "zh");
        assert_eq!(language("2024-05-08 10:00"), "");
        assert_eq!(language(""), "");
    }
}
