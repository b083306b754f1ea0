//! What a question asks, in a few words: its first clause once the
//! courtesies are left out (`谢谢主持人，我是彭博社记者，请问中方对…有何回应？`
//! → `中方对…有何回应`). The parser gives each Q&A pair its question's
//! ([`crate::model::QaPair::topic`]); the contents and speaker pages list
//! questions by it. Latin text is matched in ASCII lower case, so the
//! page's wasm carries no Unicode case tables for it.

use crate::model::Turn;

/// Clauses that only greet, thank or introduce the asker.
const COURTESY: &[&str] = &[
    "谢谢",
    "謝謝",
    "感谢",
    "感謝",
    "你好",
    "您好",
    "大家好",
    "各位好",
    "主持人",
    "发言人",
    "發言人",
    "我是",
    "我来自",
    "我來自",
    "记者",
    "記者",
];

/// The same in Latin script, at a clause's start.
const COURTESY_LATIN: &[&str] = &[
    "thank",
    "hello",
    "good morning",
    "good afternoon",
    "i am from",
    "i'm from",
    "i'm with",
    "hi ",
    "hi,",
];

/// Words a question opens with that say nothing of its subject.
const OPENERS: &[&str] = &[
    "我的问题是",
    "我的問題是",
    "我想问一下",
    "我想問一下",
    "我想请问",
    "我想請問",
    "想请问",
    "想請問",
    "我想问",
    "我想問",
    "请问一下",
    "請問一下",
    "请问",
    "請問",
    "第一个问题是",
    "第一個問題是",
    "my question is",
    "i'd like to ask",
    "i want to ask",
];

/// How a lead-in clause ends that only says where the news came from
/// (`据美联社报道`, `我们注意到`, `根据美国务院网站近日消息`).
const SOURCE_ENDS: &[&str] = &[
    "报道",
    "報道",
    "报导",
    "報導",
    "消息",
    "注意到",
    "了解",
    "称",
    "稱",
];

/// Characters of a clause that only dates the news (`昨天`, `4月14日`,
/// `当地时间13日`).
const WHEN: &str = "0123456789０１２３４５６７８９年月日号號时時分上下午晚早昨今明前天周週末近期当當地间間一二三四五六七八九十";

/// Clauses that only count or join questions.
const ORDERS: &[&str] = &[
    "首先",
    "其次",
    "另外",
    "此外",
    "还有",
    "還有",
    "最后",
    "最後",
    "另一个问题",
    "另一個問題",
];

/// Words that only answer, agree or fill a pause (`好的`, `對`, `嗯`,
/// `OK`): a clause made of nothing else asks nothing. Interviews' turns
/// often open with them.
const ACKNOWLEDGE: &[&str] = &[
    "好的", "是的", "对的", "對的", "没错", "沒錯", "没问题", "沒問題", "明白", "收到",
    "可以", "那个", "那個", "然后", "然後", "所以", "哈哈", "好", "是", "对", "對", "嗯",
    "喔", "哦", "噢", "欸", "诶", "誒", "唉", "行", "啊", "呀", "啦", "吧", "嘛", "呢",
    "okay", "ok", "yes", "yeah", "right", "sure", "great", "well", "so", "um", "uh",
];

/// Whether `clause` (ASCII lower case) is only acknowledgements and
/// fillers.
fn only_acknowledges(clause: &str) -> bool {
    let mut rest = clause.trim();
    while !rest.is_empty() {
        match ACKNOWLEDGE.iter().find(|w| rest.starts_with(*w)) {
            Some(w) => rest = rest[w.len()..].trim_start_matches([' ', '～', '~', '…', '.']),
            None => return false,
        }
    }
    true
}

/// Whether a short clause is only a lead-in: a date, a source, or an
/// order (`第二`, `首先`).
fn lead_in(clause: &str) -> bool {
    clause.chars().all(|c| WHEN.contains(c))
        || SOURCE_ENDS.iter().any(|e| clause.ends_with(e))
        || ORDERS.contains(&clause)
        || clause.strip_prefix('第').is_some_and(|n| {
            n.chars()
                .all(|c| WHEN.contains(c) || c == '个' || c == '個')
        })
}

/// The most characters a topic keeps.
pub const MAX_CHARS: usize = 40;

fn clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '？' | '！' | '；' | '：' | ',' | '?' | '!' | ';' | ':' | '\n'
    )
}

/// `text`'s clauses: cut after `，。？！；：` and their ASCII forms, and
/// after a full stop that ends a Latin sentence (`. `), not a number's.
fn clauses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, d)| d);
        if clause_end(c) || (c == '.' && next.is_none_or(char::is_whitespace)) {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out
}

/// The topic of `text`: its first clause that is not a courtesy, without
/// an opener, cut to [`MAX_CHARS`]; `None` when nothing is left.
pub fn of_text(text: &str) -> Option<String> {
    for clause in clauses(text) {
        let clause = clause.trim();
        if clause.is_empty() {
            continue;
        }
        let lower = clause.to_ascii_lowercase();
        let short = clause.chars().count() <= 24;
        let courtesy = COURTESY.iter().any(|w| lower.contains(w))
            || COURTESY_LATIN
                .iter()
                .any(|w| lower.starts_with(w) || (w.ends_with(' ') && lower == w.trim_end()));
        if short && (courtesy || lead_in(clause)) || only_acknowledges(&lower) {
            continue;
        }
        let mut rest = clause;
        for o in OPENERS {
            if lower.starts_with(o) {
                // ASCII lower case keeps every byte where it was.
                rest = clause[o.len()..].trim_start_matches(['，', ',', ' ']);
                break;
            }
        }
        if rest.is_empty() {
            continue;
        }
        let mut cut: String = rest.chars().take(MAX_CHARS).collect();
        if cut.len() < rest.len() {
            cut.push('…');
        }
        return Some(cut);
    }
    None
}

/// The topic of a turn, from its text: its first paragraph's, or the
/// next one's when that says only courtesies (a paragraph ends a clause).
pub fn of_turn(turn: &Turn) -> Option<String> {
    turn.blocks.iter().find_map(|b| of_text(&b.text))
}

#[cfg(test)]
mod tests {
    use super::of_text;

    #[test]
    fn courtesies_and_openers_are_left_out() {
        assert_eq!(
            of_text("谢谢主持人。我是彭博社记者。请问中方对美方的最新表态有何回应？").as_deref(),
            Some("中方对美方的最新表态有何回应")
        );
        assert_eq!(
            of_text("華春瑩您好，我的問題是關於疫苗合作，中方有什麼計劃？").as_deref(),
            Some("關於疫苗合作")
        );
        assert_eq!(
            of_text("Thank you. I'm from Reuters. My question is about the tariffs.").as_deref(),
            Some("about the tariffs")
        );
        // A long first clause is the topic, even with a courtesy word in it.
        let long = "我是想了解今年全省脱贫攻坚的总体进展和下一步重点工作安排情况";
        assert_eq!(of_text(long).as_deref(), Some(long));
    }

    #[test]
    fn an_answer_or_a_filler_is_no_topic() {
        assert_eq!(of_text("好的。").as_deref(), None);
        assert_eq!(of_text("好的，那個，嗯。").as_deref(), None);
        assert_eq!(of_text("對對對，OK。").as_deref(), None);
        assert_eq!(
            of_text("好，那我想請問數位部明年的預算？").as_deref(),
            Some("那我想請問數位部明年的預算")
        );
        assert_eq!(of_text("Okay. So what about the budget?").as_deref(), Some("So what about the budget"));
        // A clause that only starts with one is a question.
        assert_eq!(of_text("好不好推動這個政策？").as_deref(), Some("好不好推動這個政策"));
        assert_eq!(of_text("是否延長？").as_deref(), Some("是否延長"));
    }

    #[test]
    fn a_lead_in_that_dates_or_sources_the_news_is_left_out() {
        for (q, topic) in [
            (
                "昨天，法国外长会见中国驻法国大使。中方有何评论？",
                "法国外长会见中国驻法国大使",
            ),
            (
                "据美联社报道，美方将暂停资助世卫组织。",
                "美方将暂停资助世卫组织",
            ),
            ("我们注意到，4月14日，美方宣布新措施。", "美方宣布新措施"),
            ("根据美国务院网站近日消息，美方表示关切。", "美方表示关切"),
            // A question that ends on what was said is no lead-in.
            ("中方对此有何表示？", "中方对此有何表示"),
            ("第二，据了解，华为将受到新限制。", "华为将受到新限制"),
        ] {
            assert_eq!(of_text(q).as_deref(), Some(topic), "{q}");
        }
    }

    #[test]
    fn a_long_clause_is_cut_and_nothing_is_none() {
        let t = of_text(&"扶".repeat(60)).unwrap();
        assert_eq!(t.chars().count(), super::MAX_CHARS + 1);
        assert!(t.ends_with('…'));
        assert_eq!(of_text("谢谢！"), None);
        assert_eq!(of_text("  "), None);
    }
}
