//! Weighing a speaker's grams against the background, and writing the
//! best as terms.

use super::grams::*;
use super::{Background, Options, Term};
use crate::chars::is_han;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

// Scoring.

/// Dunning's G² for `a` of `n1` against `b` of `n2` (two cells, as
/// Rayson and Garside's keyness).
pub(super) fn g2(a: f64, n1: f64, b: f64, n2: f64) -> f64 {
    let e1 = n1 * (a + b) / (n1 + n2);
    let e2 = n2 * (a + b) / (n1 + n2);
    let term = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (term(a, e1) + term(b, e2))
}

/// A candidate term of a speaker.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) kind: Kind,
    pub(super) key: u64,
    /// Its units, folded: characters as `u16` for Han, word keys for Latin.
    pub(super) units: Vec<u64>,
    pub(super) count: u32,
    pub(super) corpus: u32,
    pub(super) score: f64,
}

/// Whether `small` is a contiguous run of `big`'s units.
pub(super) fn within(small: &[u64], big: &[u64]) -> bool {
    small.len() <= big.len() && big.windows(small.len()).any(|w| w == small)
}

/// Whether a Han gram is part of a name, holds it, or runs into it: ends
/// with its start (`期货局陈`, `局陈怡`) or starts with two or more of
/// its last characters (`怡秀报告`).
pub(super) fn touches_name<T: PartialEq>(gram: &[T], name: &[T]) -> bool {
    let within = |s: &[T], b: &[T]| s.len() <= b.len() && b.windows(s.len()).any(|w| w == s);
    within(gram, name)
        || within(name, gram)
        || (1..name.len().min(gram.len())).any(|m| gram[gram.len() - m..] == name[..m])
        || (2..name.len().min(gram.len())).any(|m| gram[..m] == name[name.len() - m..])
}

/// The longest overlap where one's end is the other's start.
pub(super) fn chain(a: &[u64], b: &[u64]) -> usize {
    let most = a.len().min(b.len()) - 1;
    (1..=most)
        .rev()
        .find(|&m| a[a.len() - m..] == b[..m] || b[b.len() - m..] == a[..m])
        .unwrap_or(0)
}

/// What one speaker says, counted: the grams said often enough to be
/// terms, and the totals of everything they say.
#[derive(Debug, Default)]
pub(super) struct Said {
    /// Kind, key, count; sorted.
    pub(super) grams: Vec<(Kind, u64, u32)>,
    /// A Latin gram's words' keys (the second 0 for one word).
    pub(super) latin_units: Map<[u64; 2]>,
    pub(super) totals: [u64; SLOTS],
}

impl Said {
    /// Counts `texts`, adding every count to `background` if given.
    pub(super) fn count(
        texts: &[&str],
        scanner: &mut Scanner,
        opts: &Options,
        background: Option<&mut Counts>,
    ) -> Said {
        let mut own = Counts::default();
        let mut latin_units: Map<[u64; 2]> = Map::default();
        for t in texts {
            scanner.scan(t, &mut |g| {
                own.add(g);
                if g.kind == Kind::Latin && g.term && g.units == 2 {
                    latin_units
                        .entry(g.key)
                        .or_insert_with(|| [word_key(g.words[0]), word_key(g.words[1])]);
                }
            });
        }
        if let Some(bg) = background {
            bg.merge(&own);
        }
        let units_said = units_of(&own.totals);
        let min_count = u64::from(opts.min_count)
            .max(units_said / opts.units_per_count.max(1))
            .min(u64::from(u32::MAX)) as u32;
        let mut grams: Vec<(Kind, u64, u32)> = own
            .han
            .iter()
            .map(|(&k, &c)| (Kind::Han, k, c))
            .chain(own.latin.iter().map(|(&k, &c)| (Kind::Latin, k, c)))
            .filter(|&(_, _, c)| c >= min_count)
            .collect();
        grams.sort_unstable_by_key(|&(kind, key, _)| (kind == Kind::Latin, key));
        latin_units.retain(|k, _| {
            grams
                .binary_search_by_key(&(true, *k), |g| (g.0 == Kind::Latin, g.1))
                .is_ok()
        });
        Said {
            grams,
            latin_units,
            totals: own.totals,
        }
    }

    /// A gram's units: characters for Han, word keys for Latin.
    pub(super) fn units(&self, kind: Kind, key: u64) -> Vec<u64> {
        match kind {
            Kind::Han => unpack(key).into_iter().map(u64::from).collect(),
            Kind::Latin => match self.latin_units.get(&key) {
                Some(&u) => u.to_vec(),
                None => vec![key],
            },
        }
    }

    /// The best `k` candidates against `background`, pieces and overlaps
    /// of better ones left out.
    pub(super) fn best(
        &self,
        background: &Background,
        k: usize,
        opts: &Options,
        names: &[&str],
    ) -> Vec<Candidate> {
        let bg = &background.counts;
        let table = fold_table();
        let name_chars: Vec<Vec<u64>> = names
            .iter()
            .map(|n| {
                n.chars()
                    .filter_map(|c| fold(table, c))
                    .filter(|&c| is_han(c) && (c as u32) <= 0xFFFF)
                    .map(|c| c as u64)
                    .collect::<Vec<u64>>()
            })
            .filter(|n| n.len() >= 2)
            .collect();
        let name_words: Vec<u64> = names
            .iter()
            .flat_map(|n| n.split(|c: char| !c.is_alphanumeric() || is_han(c)))
            .filter(|w| !w.is_empty())
            .map(|w| word_key(&w.chars().filter_map(|c| fold(table, c)).collect::<String>()))
            .collect();
        let a_name = |kind: Kind, units: &[u64]| match kind {
            Kind::Han => name_chars.iter().any(|n| touches_name(units, n)),
            Kind::Latin => units.iter().any(|u| name_words.contains(u)),
        };
        // The pieces one unit shorter of each gram (as their own keys: a
        // Han gram less its first or last character, a pair's words), and
        // the most any such gram covers of each.
        let mut covered: HashMap<(bool, u64), u32, BuildHasherDefault<Mix>> = HashMap::default();
        for &(kind, key, c) in &self.grams {
            if !names.is_empty() && a_name(kind, &self.units(kind, key)) {
                continue;
            }
            let pieces = match kind {
                Kind::Han => {
                    // Characters, from the highest 16 bits in use.
                    let n = (64 - key.leading_zeros() as usize).div_ceil(16);
                    if n < 3 {
                        continue;
                    }
                    [key >> 16, key & ((1u64 << (16 * (n - 1))) - 1)]
                }
                Kind::Latin => match self.latin_units.get(&key) {
                    Some(&[a, b]) => [a, b],
                    None => continue,
                },
            };
            for piece in pieces {
                let e = covered.entry((kind == Kind::Latin, piece)).or_insert(0);
                *e = (*e).max(c);
            }
        }
        let mut candidates: Vec<Candidate> = Vec::new();
        for &(kind, key, a) in &self.grams {
            let cover = covered
                .get(&(kind == Kind::Latin, key))
                .copied()
                .unwrap_or(0);
            if f64::from(cover) >= opts.cover * f64::from(a) {
                continue;
            }
            let units = self.units(kind, key);
            if a_name(kind, &units) {
                continue;
            }
            let corpus = bg.get(kind, key).max(a);
            let b = f64::from(corpus - a);
            // Among grams of the same kind and length: a Chinese speaker's
            // English words weigh against the corpus's English. A rest of
            // the corpus with (almost) none of this kind counts as if it
            // had one in a hundred of its units.
            let sl = slot(kind, units.len());
            let n1 = self.totals[sl].max(1) as f64;
            let rest = bg.totals[sl].saturating_sub(self.totals[sl]);
            let floor = units_of(&bg.totals).saturating_sub(units_of(&self.totals)) / 100;
            let n2 = rest.max(floor).max(1) as f64;
            let a = f64::from(a);
            if (a / n1) < opts.min_ratio * ((b + 0.5) / n2) {
                continue;
            }
            candidates.push(Candidate {
                kind,
                key,
                units,
                count: a as u32,
                corpus,
                score: g2(a, n1, b, n2),
            });
        }
        candidates.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then_with(|| (x.kind == Kind::Latin).cmp(&(y.kind == Kind::Latin)))
                .then_with(|| x.key.cmp(&y.key))
        });
        let mut kept: Vec<Candidate> = Vec::new();
        for c in candidates {
            if kept.len() == k {
                break;
            }
            let redundant = kept.iter().any(|t| {
                t.kind == c.kind
                    && (within(&c.units, &t.units)
                        || within(&t.units, &c.units)
                        || (chain(&c.units, &t.units) > 0 && {
                            let (lo, hi) = (c.count.min(t.count), c.count.max(t.count));
                            f64::from(lo) >= 0.6 * f64::from(hi)
                        }))
            });
            if !redundant {
                kept.push(c);
            }
        }
        kept
    }
}

/// The most characters a Han term is extended to.
pub const MAX_EXTENDED: usize = 8;

/// Where a term is said: a text's number and the term's bytes in it.
pub(super) type Place = (usize, usize, usize);

/// Extends a Han term's `places` one character at a time while most of
/// them (`cover`) go on with the same one, on either side: a gram at
/// [`super::MAX_HAN`] characters may be a piece of a longer term
/// (`法规草案预` of `法规草案预告`). Gives the places left.
pub(super) fn extend(texts: &[&str], mut places: Vec<Place>, cover: f64) -> Vec<Place> {
    let table = fold_table();
    let flags = &stops().flags;
    let han_of = |c: Option<char>| -> Option<u16> {
        let f = fold(table, c?)?;
        (is_han(f) && (f as u32) <= 0xFFFF).then_some(f as u16)
    };
    let mut chars = places
        .first()
        .map_or(0, |&(i, a, b)| texts[i][a..b].chars().count());
    while chars < MAX_EXTENDED && !places.is_empty() {
        let mut grew = false;
        for right in [true, false] {
            let next = |&(i, a, b): &Place| -> Option<(u16, usize)> {
                let c = if right {
                    texts[i][b..].chars().next()
                } else {
                    texts[i][..a].chars().next_back()
                };
                Some((han_of(c)?, c?.len_utf8()))
            };
            let mut tally: Vec<u16> = places.iter().filter_map(|p| next(p).map(|n| n.0)).collect();
            tally.sort_unstable();
            let best = tally
                .chunk_by(|a, b| a == b)
                .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| b[0].cmp(&a[0])));
            let Some(best) = best else { continue };
            let (u, n) = (best[0], best.len());
            let edge = if right { F_NOT_LAST } else { F_NOT_FIRST };
            if (n as f64) < cover * places.len() as f64 || flags[u as usize] & (edge | F_NEVER) != 0
            {
                continue;
            }
            places = places
                .into_iter()
                .filter_map(|p| {
                    let (v, len) = next(&p)?;
                    (v == u).then_some(if right {
                        (p.0, p.1, p.2 + len)
                    } else {
                        (p.0, p.1 - len, p.2)
                    })
                })
                .collect();
            chars += 1;
            grew = true;
            if chars == MAX_EXTENDED {
                break;
            }
        }
        if !grew {
            break;
        }
    }
    places
}

/// What a candidate comes to as a term, from the speaker's text alone
/// (not the corpus's counts): its folded form (to leave out one within
/// another), as written, and how often said; `None` when it is not a
/// term after all (the speaker's name).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Outcome {
    pub(super) folded: String,
    pub(super) text: String,
    pub(super) count: u32,
}

/// Where each of `wanted` (kind, key) is said in `texts`.
pub(super) fn places_of(
    texts: &[&str],
    wanted: &[(Kind, u64)],
    scanner: &mut Scanner,
) -> Vec<Vec<Place>> {
    let mut places: Vec<Vec<Place>> = vec![Vec::new(); wanted.len()];
    let at: HashMap<(bool, u64), usize, BuildHasherDefault<Mix>> = wanted
        .iter()
        .enumerate()
        .map(|(i, &(kind, key))| ((kind == Kind::Latin, key), i))
        .collect();
    if !at.is_empty() {
        for (n, &t) in texts.iter().enumerate() {
            scanner.scan(t, &mut |g| {
                if g.term {
                    if let Some(&i) = at.get(&(g.kind == Kind::Latin, g.key)) {
                        places[i].push((n, g.from, g.to));
                    }
                }
            });
        }
    }
    places
}

/// The speaker's names, folded.
pub(super) fn folded_names(names: &[&str]) -> Vec<Vec<char>> {
    let table = fold_table();
    names
        .iter()
        .map(|n| n.chars().filter_map(|c| fold(table, c)).collect())
        .collect()
}

/// What a candidate of `kind` said at `ps` in `texts` comes to: in the
/// form written most often, a Han term extended ([`extend`]).
pub(super) fn outcome(
    texts: &[&str],
    kind: Kind,
    mut ps: Vec<Place>,
    opts: &Options,
    names: &[Vec<char>],
) -> Option<Outcome> {
    let table = fold_table();
    // The form written most often, and its folded characters.
    let form_of = |ps: &[Place]| -> Option<(&str, Vec<char>)> {
        let mut forms: HashMap<&str, u32> = HashMap::new();
        for &(i, a, b) in ps {
            *forms.entry(&texts[i][a..b]).or_insert(0) += 1;
        }
        let (form, _) = forms
            .into_iter()
            .max_by(|x, y| x.1.cmp(&y.1).then_with(|| y.0.cmp(x.0)))?;
        Some((
            form,
            form.chars().filter_map(|ch| fold(table, ch)).collect(),
        ))
    };
    let named = |chars: &[char]| {
        kind == Kind::Han && names.iter().any(|n| n.len() >= 2 && touches_name(chars, n))
    };
    if kind == Kind::Han {
        // Extended, it may run into the speaker's name (`期貨局陳怡秀`):
        // then it stays as it was.
        let longer = extend(texts, ps.clone(), opts.cover);
        if form_of(&longer).is_some_and(|(_, chars)| !named(&chars)) {
            ps = longer;
        }
    }
    let (form, chars) = form_of(&ps)?;
    if named(&chars) {
        return None;
    }
    Some(Outcome {
        folded: chars.into_iter().collect(),
        text: as_written(form),
        count: ps.len() as u32,
    })
}

/// `kept` as (at most `k`) terms, from their outcomes (in the same
/// order); one that is part of, or holds, a better one is left out.
pub(super) fn assemble(kept: &[Candidate], outcomes: &[Option<&Outcome>], k: usize) -> Vec<Term> {
    let mut out: Vec<(&str, Term)> = Vec::new();
    for (c, o) in kept.iter().zip(outcomes) {
        if out.len() == k {
            break;
        }
        let Some(o) = o else { continue };
        let folded = o.folded.as_str();
        if out
            .iter()
            .any(|(f, _)| f.contains(folded) || folded.contains(f))
        {
            continue;
        }
        out.push((
            folded,
            Term {
                text: o.text.clone(),
                count: o.count,
                corpus: c.corpus.max(o.count),
                score: c.score,
            },
        ));
    }
    out.into_iter().map(|(_, t)| t).collect()
}

/// `kept` as (at most `k`) terms, each in the form `texts` write it most
/// often, Han terms extended ([`extend`]); one that is then part of, or
/// holds, a better one is left out.
pub(super) fn as_terms(
    texts: &[&str],
    kept: Vec<Candidate>,
    k: usize,
    opts: &Options,
    names: &[&str],
    scanner: &mut Scanner,
) -> Vec<Term> {
    let wanted: Vec<(Kind, u64)> = kept.iter().map(|c| (c.kind, c.key)).collect();
    let places = places_of(texts, &wanted, scanner);
    let names = folded_names(names);
    let outcomes: Vec<Option<Outcome>> = kept
        .iter()
        .zip(places)
        .map(|(c, ps)| outcome(texts, c.kind, ps, opts, &names))
        .collect();
    let refs: Vec<Option<&Outcome>> = outcomes.iter().map(Option::as_ref).collect();
    assemble(&kept, &refs, k)
}

/// A form as written, its white space runs (between two words) as one
/// space.
pub(super) fn as_written(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}
