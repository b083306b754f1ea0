//! Property tests of distinctive terms: every term is written in the
//! speaker's own text, and the terms do not depend on the order the
//! speaker's texts or the corpus's come in.

use proptest::prelude::*;
use shilu_core::corpus::terms::{distinctive, Background, Term};

/// Texts from a few characters and words in both scripts, with
/// punctuation, digits, white space and Latin words in any case.
fn text() -> impl Strategy<Value = String> {
    "(脱贫|攻坚|數位|数位|轉型|转型|我们|的|是|，|。|Open|open|Data| |  |\n|2024|g0v|資料|资料|开源|開源|社群|AI|ＡＩ){1,24}"
}

/// White space runs as one space, as a term is given.
fn squeeze(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same(a: &[Term], b: &[Term]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.text == y.text
                && x.count == y.count
                && x.corpus == y.corpus
                && x.score.to_bits() == y.score.to_bits()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn terms_are_the_speaker_s_own_words_in_any_order(
        own in prop::collection::vec(text(), 1..6),
        others in prop::collection::vec(text(), 0..8),
        rotate in 0usize..8,
    ) {
        let all: Vec<&str> = own.iter().chain(&others).map(String::as_str).collect();
        let background = Background::new(all.iter().copied());
        let texts: Vec<&str> = own.iter().map(String::as_str).collect();
        let terms = distinctive(&background, &texts, 10);
        let written: Vec<String> = texts.iter().map(|t| squeeze(t)).collect();
        for t in &terms {
            prop_assert!(!t.text.is_empty());
            prop_assert!(written.iter().any(|w| w.contains(&t.text)), "{:?} not in {:?}", t.text, texts);
            prop_assert!(t.count >= 2 && t.count <= t.corpus);
        }
        // The speaker's texts, and the corpus's, in another order.
        let mut moved = texts.clone();
        let n = moved.len();
        moved.rotate_left(rotate % n);
        moved.reverse();
        let mut shuffled = all.clone();
        shuffled.reverse();
        let n = shuffled.len();
        shuffled.rotate_left(rotate % n);
        let again = distinctive(&Background::new(shuffled), &moved, 10);
        prop_assert!(same(&terms, &again), "{:?} vs {:?}", terms, again);
    }
}
