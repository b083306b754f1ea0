//! Character classes and small string helpers shared by every pass of the
//! core: the parser, dates, figures (one home for `digit`, `is_han`, …).

/// A CJK ideograph (unified, extensions, compatibility) or `〇`.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{3007}')
}

/// ASCII or fullwidth colon (and the small-form colons).
pub fn is_colon(c: char) -> bool {
    matches!(c, ':' | '\u{FF1A}' | '︰' | '﹕')
}

/// Punctuation that ends a sentence.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '\u{FF01}' | '\u{FF1F}' | '｡')
}

/// Punctuation that never occurs inside a speaker label.
pub fn is_label_breaker(c: char) -> bool {
    is_sentence_end(c)
        || matches!(
            c,
            ',' | '\u{FF0C}'
                | ';'
                | '\u{FF1B}'
                | '“'
                | '”'
                | '"'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '<'
                | '>'
                | '「'
                | '」'
                | '『'
                | '』'
                | '…'
                | '【'
                | '】'
                | '['
                | ']'
                | '{'
                | '}'
                | '='
                | '|'
                | '\\'
                | '~'
                | '*'
                | '#'
                | '@'
                | '$'
                | '%'
                | '^'
                | '&'
                | '+'
                | '—'
                | '_'
                | '\''
        )
}

/// An ASCII or fullwidth decimal digit's value.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        _ => None,
    }
}

/// The characters of a Chinese numeral up to ninety-nine (一 … 九十九).
pub fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零' | '两'
    )
}

/// Whether any of `pats` occurs in the (short) string `hay`. Faster than
/// repeated `str::contains` on label-sized strings.
pub fn contains_any(hay: &str, pats: &[&str]) -> bool {
    find_any(hay, pats).is_some()
}

/// The first of `pats` that occurs in the (short) string `hay`, if any,
/// with its byte offset.
pub fn find_any<'p>(hay: &str, pats: &[&'p str]) -> Option<(usize, &'p str)> {
    let h = hay.as_bytes();
    for i in 0..h.len() {
        if !hay.is_char_boundary(i) {
            continue;
        }
        let rest = &h[i..];
        for p in pats {
            let pb = p.as_bytes();
            // Cheap two-byte check before the full comparison.
            if rest.len() >= pb.len()
                && rest.first() == pb.first()
                && rest.get(1) == pb.get(1)
                && rest[..pb.len()] == *pb
            {
                return Some((i, p));
            }
        }
    }
    None
}

/// Longest word that [`listed`] looks up, in bytes.
pub const MAX_LISTED: usize = 62;

/// Whether `w` is one of the words of `list`, a list in one string with
/// `|` between the words: one substring search for `|w|` (and a look at
/// both ends), not a comparison per word. Words longer than
/// [`MAX_LISTED`] bytes are never listed.
pub fn listed(list: &str, w: &str) -> bool {
    let n = w.len();
    if n == 0 || n > MAX_LISTED || w.contains('|') {
        return false;
    }
    let mut buf = [b'|'; MAX_LISTED + 2];
    buf[1..=n].copy_from_slice(w.as_bytes());
    // `w` is UTF-8 and `|` is ASCII.
    let Ok(bar_w_bar) = std::str::from_utf8(&buf[..n + 2]) else {
        return false;
    };
    list.contains(bar_w_bar)
        || list.starts_with(&bar_w_bar[1..])
        || list.ends_with(&bar_w_bar[..n + 1])
}

/// The length in bytes of the longest word of a `|`-separated list.
pub const fn longest_word(list: &str) -> usize {
    let b = list.as_bytes();
    let (mut longest, mut len, mut i) = (0, 0, 0);
    while i < b.len() {
        if b[i] == b'|' {
            len = 0;
        } else {
            len += 1;
            if len > longest {
                longest = len;
            }
        }
        i += 1;
    }
    longest
}

/// `s` without whitespace.
pub fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Number of characters, counting at most `limit + 1` (enough to compare).
pub fn count_upto(s: &str, limit: usize) -> usize {
    // A character is at most four bytes, so the first `limit + 1` end within
    // the first `4 × (limit + 1)` bytes: those are counted by the library's
    // word-at-a-time count, not decoded one by one.
    let mut end = s.len().min(limit.saturating_add(1).saturating_mul(4));
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].chars().count().min(limit.saturating_add(1))
}

/// Whether `s` (whitespace removed) is a plausible personal name:
/// two to four ideographs, or a transliterated name with `·`/`•` (up to 12).
pub fn is_name_like(s: &str) -> bool {
    let mut n = 0usize;
    let mut dots = 0usize;
    for c in s.chars() {
        if c.is_whitespace() {
            continue;
        }
        if is_han(c) {
            n += 1;
        } else if matches!(c, '·' | '•' | '・' | '‧') {
            dots += 1;
        } else {
            return false;
        }
        if n > 12 {
            return false;
        }
    }
    if dots > 0 {
        (3..=12).contains(&n) && dots <= 2
    } else {
        (2..=4).contains(&n)
    }
}

/// Common Chinese surnames (simplified and traditional), compound first:
/// two characters each, `|` between them.
const COMPOUND_SURNAMES: &str = "欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|东方|東方|皇甫|令狐|慕容|尉迟|尉遲|公孙|公孫|夏侯|宇文|长孙|長孫|司徒|端木|轩辕|軒轅|澹台|呼延|独孤|獨孤|南宫|南宮|西门|西門";

const SURNAMES: &str = "寿壽王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蓝蔺藺楼樓臧满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由";

/// Whether `name` (whitespace removed) starts with a common surname and has
/// at least one character after it.
pub fn has_surname(name: &str) -> bool {
    let name = name.trim();
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let Some(second) = chars.next() else {
        return false;
    };
    // Compound surnames are two characters: the first two are looked up.
    let two = first.len_utf8() + second.len_utf8();
    // The compound surnames' first characters, checked before the list.
    let compound = matches!(
        first,
        '欧' | '歐'
            | '司'
            | '上'
            | '诸'
            | '諸'
            | '东'
            | '東'
            | '皇'
            | '令'
            | '慕'
            | '尉'
            | '公'
            | '夏'
            | '宇'
            | '长'
            | '長'
            | '端'
            | '轩'
            | '軒'
            | '澹'
            | '呼'
            | '独'
            | '獨'
            | '南'
            | '西'
    );
    if compound && listed(COMPOUND_SURNAMES, &name[..two]) {
        return two < name.len();
    }
    is_surname(first)
}

/// Whether a character is one of [`SURNAMES`]: a bit per character of the
/// CJK Unified Ideographs block, set once (a search of the list for each
/// name was the parser's costliest check).
fn is_surname(c: char) -> bool {
    const FROM: u32 = 0x4E00;
    const TO: u32 = 0xA000;
    static BITS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let bits = BITS.get_or_init(|| {
        let mut bits = vec![0u64; ((TO - FROM) as usize).div_ceil(64)];
        for c in SURNAMES.chars().map(u32::from) {
            if (FROM..TO).contains(&c) {
                let i = (c - FROM) as usize;
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    });
    let code = u32::from(c);
    if (FROM..TO).contains(&code) {
        let i = (code - FROM) as usize;
        return bits[i / 64] & (1 << (i % 64)) != 0;
    }
    // A substring search for the character's bytes: a lead byte never
    // occurs inside another character, so a match is the character.
    let mut buf = [0; 4];
    SURNAMES.contains(&*c.encode_utf8(&mut buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_by_bit_and_by_search() {
        // Every listed surname is found; others are not.
        for c in SURNAMES.chars() {
            assert!(is_surname(c), "{c}");
        }
        for c in ['的', '是', '在', 'a', '新', '各'] {
            assert_eq!(is_surname(c), SURNAMES.contains(c), "{c}");
        }
        assert!(has_surname("刘志杰") && !has_surname("新闻"));
        // Every compound surname's first character is checked for.
        for w in COMPOUND_SURNAMES.split('|') {
            assert!(has_surname(&format!("{w}某")), "{w}");
        }
    }

    #[test]
    fn names() {
        assert!(is_name_like("刘志杰"));
        assert!(is_name_like("王某"));
        assert!(is_name_like("董 晓林"));
        assert!(!is_name_like("王"));
        assert!(!is_name_like("新闻界的各位朋友"));
        assert!(is_name_like("阿不都·热合曼"));
        assert!(has_surname("刘志杰"));
        assert!(has_surname("歐陽修"));
        assert!(!has_surname("的话"));
        assert!(!has_surname("刘"));
    }

    #[test]
    fn classes() {
        assert!(is_han('中'));
        assert!(!is_han('a'));
        assert!(is_colon(':') && is_colon(':'));
        assert_eq!(digit('７'), Some(7));
    }
}
