//! What a reader types into corpus search: words, all required;
//! `"quoted phrases"`, where a space is part of the phrase; `-word` or
//! `-"a phrase"` to leave out passages that contain it. Each term is
//! folded as the text is ([`super::fold`]).

use super::fold::fold_text;
use std::fmt;

/// The longest term searched, in folded characters.
pub const MAX_TERM: usize = 1000;

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As typed, quotes and minus left out.
    pub written: String,
    /// As folded.
    pub folded: Vec<char>,
    /// `-term`: passages that contain it are left out.
    pub exclude: bool,
}

/// A parsed query: at least one required term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    pub fn required(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.exclude)
    }

    pub fn excluded(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| t.exclude)
    }
}

/// A query that cannot be searched, with what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing but white space.
    Empty,
    /// Only `-terms`: nothing to find.
    OnlyExclusions,
    /// A term longer than [`MAX_TERM`] characters.
    TooLong,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            QueryError::Empty => "type a word or phrase to search for",
            QueryError::OnlyExclusions => {
                "add a word to find: a word after a minus only leaves out passages that contain it"
            }
            QueryError::TooLong => "a search term can be at most 1,000 characters long",
        })
    }
}

impl std::error::Error for QueryError {}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '＂')
}

/// Parses `q`.
pub fn parse(q: &str) -> Result<Query, QueryError> {
    let chars: Vec<char> = q.chars().collect();
    let mut terms = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let exclude =
            matches!(chars[i], '-' | '－') && chars.get(i + 1).is_some_and(|c| !c.is_whitespace());
        if exclude {
            i += 1;
        }
        let written: String = if is_quote(chars[i]) {
            let start = i + 1;
            let end = (start..chars.len())
                .find(|&j| is_quote(chars[j]))
                .unwrap_or(chars.len());
            i = end + 1;
            chars[start..end].iter().collect()
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            chars[start..i].iter().collect()
        };
        let folded = fold_text(&written).chars;
        if folded.is_empty() {
            continue;
        }
        if folded.len() > MAX_TERM {
            return Err(QueryError::TooLong);
        }
        if !terms
            .iter()
            .any(|t: &Term| t.folded == folded && t.exclude == exclude)
        {
            terms.push(Term {
                written,
                folded,
                exclude,
            });
        }
    }
    if terms.is_empty() {
        return Err(QueryError::Empty);
    }
    if terms.iter().all(|t| t.exclude) {
        return Err(QueryError::OnlyExclusions);
    }
    Ok(Query { terms })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<(String, bool)> {
        parse(q)
            .unwrap()
            .terms
            .into_iter()
            .map(|t| (t.folded.into_iter().collect(), t.exclude))
            .collect()
    }

    #[test]
    fn words_phrases_and_exclusions() {
        assert_eq!(
            terms(r#"AI 治理 "open  data" -區塊鏈 -"smart city""#),
            [
                ("ai".into(), false),
                ("治理".into(), false),
                ("open data".into(), false),
                ("区块链".into(), true),
                ("smart city".into(), true),
            ]
        );
        assert_eq!(
            terms("COVID-19 2020年"),
            [("covid-19".into(), false), ("2020年".into(), false)]
        );
        // A minus alone, or inside a word, is a character to find.
        assert_eq!(terms("- a-b"), [("-".into(), false), ("a-b".into(), false)]);
        // An unclosed quote runs to the end.
        assert_eq!(terms("\"數位 發展"), [("数位 发展".into(), false)]);
    }

    #[test]
    fn queries_that_cannot_be_searched_say_why() {
        assert_eq!(parse("   \u{3000} "), Err(QueryError::Empty));
        assert_eq!(parse("\"\""), Err(QueryError::Empty));
        assert_eq!(parse("-数位"), Err(QueryError::OnlyExclusions));
        assert_eq!(parse(&"字".repeat(1001)), Err(QueryError::TooLong));
        assert!(parse(&"字".repeat(500)).is_ok());
        // Punctuation alone is text to find.
        assert_eq!(terms("。，"), [("。,".into(), false)]);
    }
}
