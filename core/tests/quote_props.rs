//! Property tests of quote anchors: a quote's link reads back as the same
//! quote, finds its passage in the text it was made from, and nothing read
//! from a link panics.

use proptest::prelude::*;
use shilu_core::quote::Quote;
use shilu_core::search::Field;

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        Just(Field::Marker),
        Just(Field::Heading),
        Just(Field::Text),
        Just(Field::Note)
    ]
}

proptest! {
    #[test]
    fn a_quote_round_trips_and_finds_its_passage(
        text in "[ 　a-z光伏扶贫。，\u{1F600}]{0,40}",
        a in 0usize..45, b in 0usize..45,
        block in "[ft][0-9]{1,3}(-b[0-9]{1,3})?",
        field in field(),
    ) {
        let (start, end) = (a.min(b), a.max(b));
        let Some(q) = Quote::of(&block, field, &text, start..end) else {
            return Ok(());
        };
        prop_assert!(start <= q.chars.start && q.chars.end <= end && q.chars.start < q.chars.end);
        prop_assert_eq!(Quote::parse(&q.param()), Some(q.clone()));
        let range = q.in_text(&text).expect("finds its passage");
        let passage = &text[range];
        prop_assert!(!passage.is_empty());
        prop_assert_eq!(passage, passage.trim());
        let selected: String = text.chars().skip(start).take(end - start).collect();
        prop_assert_eq!(passage, selected.trim());
    }

    #[test]
    fn anything_read_from_a_link_is_safe(s in "\\PC{0,40}", text in "\\PC{0,20}") {
        if let Some(q) = Quote::parse(&s) {
            prop_assert!(q.chars.start < q.chars.end);
            let _ = q.in_text(&text);
        }
    }
}

#[test]
fn a_quote_is_found_in_its_document_and_not_in_an_edited_one() {
    let text = "主持人：\n各位记者朋友，大家好。\n刘志杰：\n今年全省安排扶贫资金21.6亿元。\n";
    let doc = shilu_core::structure(text, None);
    let block = doc
        .turns
        .iter()
        .find(|t| t.speaker == "刘志杰")
        .unwrap()
        .blocks[0]
        .clone();
    let q = Quote::of(&block.id, Field::Text, &block.text, 4..10).unwrap();
    let (field, range) = q.find(&doc).unwrap();
    assert_eq!(&field[range], "安排扶贫资金");
    let edited = shilu_core::structure(&text.replace("安排", "拿出"), None);
    assert_eq!(q.find(&edited), None);
    let elsewhere = Quote {
        block: "t99-b1".into(),
        ..q.clone()
    };
    assert_eq!(elsewhere.find(&doc), None);
    let other_field = Quote {
        field: Field::Note,
        ..q
    };
    assert_eq!(other_field.find(&doc), None);
}
