//! The date forms: years (`2017年`, `明年`), parts of years (`年底`,
//! `上半年`), months and month ranges, days and day ranges (`9月4日至5日`),
//! `10.17`, named days and `…后N日内`. Each reads a [`Match`] at a position.

use super::calendar::Date;
use super::context::DateContext;
use super::scan::*;
use crate::chars::{digit, is_han};

impl Scan<'_> {
    /// Tries every form at `i`.
    pub(super) fn at(&self, i: usize, ctx: &DateContext) -> Option<Match> {
        let c = self.c(i)?;
        if digit(c).is_some() {
            if self.digit_before(i) {
                return None;
            }
            return self
                .year_form(i)
                .or_else(|| self.md_form(i))
                .or_else(|| self.month_form(i, Year::Implied, i, false));
        }
        // Cheap dispatch on the first character: this runs at every position.
        if matches!(c, '今' | '明' | '去') {
            if let Some(m) = self.relative_year(i) {
                return Some(m);
            }
        }
        if matches!(c, '年' | '上' | '下') {
            if let Some(m) = self.bare_year_part(i) {
                return Some(m);
            }
        }
        if ctx.first_chars.contains(&c) {
            if let Some(m) = self.named_relative(i, ctx) {
                return Some(m);
            }
        }
        if cn_digit(c).is_some() || c == '十' {
            if i > 0
                && self
                    .c(i - 1)
                    .is_some_and(|p| cn_digit(p).is_some() || p == '第')
            {
                return None;
            }
            return self
                .cn_year(i)
                .or_else(|| self.month_form(i, Year::Implied, i, true));
        }
        None
    }

    /// `2017年…`, `2017 年`, `2017—2019年`.
    pub(super) fn year_form(&self, i: usize) -> Option<Match> {
        let (y, n, k) = self.arabic(i, 4)?;
        if n != 4 || !(1900..=2100).contains(&y) {
            return None;
        }
        // A span of years: 2017—2019年.
        if let Some(d) = self.c(k).filter(|c| DASHES.contains(c)) {
            let _ = d;
            if let Some((y2, 4, k2)) = self.arabic(k + 1, 4) {
                let j = self.skip_spaces(k2, 2);
                if self.c(j) == Some('年') && y2 > y && y2 <= 2100 {
                    return Some(Match {
                        start: i,
                        end: j + 1,
                        what: What::Years(Year::Explicit(y as i32), Some(y2 as i32)),
                    });
                }
            }
        }
        let j = self.skip_spaces(k, 2);
        if self.c(j) != Some('年') {
            return None;
        }
        Some(self.after_year(i, j + 1, Year::Explicit(y as i32)))
    }

    /// `二〇一七年`.
    pub(super) fn cn_year(&self, i: usize) -> Option<Match> {
        let mut y = 0u32;
        for k in 0..4 {
            let c = self.c(i + k)?;
            if c == '两' {
                return None;
            }
            y = y * 10 + cn_digit(c)?;
        }
        if self.c(i + 4) != Some('年') || !(1900..=2100).contains(&y) {
            return None;
        }
        Some(self.after_year(i, i + 5, Year::Explicit(y as i32)))
    }

    /// `今年`, `明年`, `去年` (and what follows).
    pub(super) fn relative_year(&self, i: usize) -> Option<Match> {
        let (w, _) = self.one_of(i, &["今年", "明年", "去年"])?;
        let off = match w {
            "今年" => 0,
            "明年" => 1,
            _ => -1,
        };
        Some(self.after_year(i, i + 2, Year::Relative(off)))
    }

    /// What may follow a year: 初, 底(前), 上半年, a month…; else the whole year.
    pub(super) fn after_year(&self, start: usize, j: usize, year: Year) -> Match {
        if let Some(m) = self.year_part_at(start, j, year) {
            return m;
        }
        if let Some(m) = self.month_form(j, year, start, true) {
            return m;
        }
        Match {
            start,
            end: j,
            what: What::Years(year, None),
        }
    }

    /// `初`, `底`, `底前`, `末`, `上半年`, `下半年`, `第一季度` at `j` (after 年).
    pub(super) fn year_part_at(&self, start: usize, j: usize, year: Year) -> Option<Match> {
        let (w, n) = self.one_of(
            j,
            &[
                "底前",
                "末前",
                "初",
                "底",
                "末",
                "上半年",
                "下半年",
                "第一季度",
                "第二季度",
                "第三季度",
                "第四季度",
                "一季度",
                "二季度",
                "三季度",
                "四季度",
            ],
        )?;
        let kind = match w {
            "初" => YearPart::Early,
            "底前" | "末前" | "底" | "末" => YearPart::End,
            "上半年" => YearPart::FirstHalf,
            "下半年" => YearPart::SecondHalf,
            q => {
                let d = q.chars().find_map(cn_digit).unwrap_or(1);
                YearPart::Quarter(d)
            }
        };
        // 年末 in 年末考核 is fine; 年初 in 年初步 is not a date.
        if kind == YearPart::Early && self.c(j + 1) == Some('步') {
            return None;
        }
        Some(Match {
            start,
            end: j + n,
            what: What::YearPart { year, kind },
        })
    }

    /// `年初`, `年底(前)`, `上半年` written without a year: the reference year.
    pub(super) fn bare_year_part(&self, i: usize) -> Option<Match> {
        if let Some(p) = i.checked_sub(1).and_then(|p| self.c(p)) {
            if digit(p).is_some()
                || cn_digit(p).is_some()
                || "青少成老童周新百千万多近每往历当同全翌隔晚中早几十今明去前后本".contains(p)
            {
                return None;
            }
        }
        if self.is(i, "年") {
            let m = self.year_part_at(i, i + 1, Year::Implied)?;
            // Only the parts that read as a time of the year.
            if let What::YearPart { kind, .. } = m.what {
                if matches!(
                    kind,
                    YearPart::Quarter(_) | YearPart::FirstHalf | YearPart::SecondHalf
                ) {
                    return None;
                }
            }
            return Some(m);
        }
        let (w, n) = self.one_of(i, &["上半年", "下半年"])?;
        Some(Match {
            start: i,
            end: i + n,
            what: What::YearPart {
                year: Year::Implied,
                kind: if w == "上半年" {
                    YearPart::FirstHalf
                } else {
                    YearPart::SecondHalf
                },
            },
        })
    }

    /// `10.17前`, `“10·17”扶贫日`, `10.17全国扶贫日`: month.day only with a
    /// context that makes it a date (a deadline, 起, or a named day after it),
    /// so that `11.76亿元`, `30.5%` and `4.3亿` stay numbers.
    pub(super) fn md_form(&self, i: usize) -> Option<Match> {
        let (m, _, k) = self.arabic(i, 2)?;
        let sep = self.c(k)?;
        if !MD_SEPS.contains(&sep) {
            return None;
        }
        let (d, _, k2) = self.arabic(k + 1, 2)?;
        if self.c(k2).is_some_and(|c| MD_SEPS.contains(&c)) {
            return None;
        }
        Date::new(2000, m, d)?;
        let quoted = i > 0 && self.c(i - 1).is_some_and(|c| OPEN_QUOTES.contains(&c));
        let mut j = k2;
        if quoted && self.c(j).is_some_and(|c| CLOSE_QUOTES.contains(&c)) {
            j += 1;
        }
        let day = |deadline, forward, named| What::Day {
            year: Year::Implied,
            month: m,
            day: d,
            to: None,
            part: None,
            deadline,
            forward,
            named,
            after: None,
        };
        if let Some((_, n)) = self.one_of(k2, &["以前", "之前", "前"]) {
            return Some(Match {
                start: i,
                end: k2 + n,
                what: day(true, true, None),
            });
        }
        if self.is(k2, "起") {
            return Some(Match {
                start: i,
                end: k2 + 1,
                what: day(false, true, None),
            });
        }
        let name = self.day_name(j)?;
        Some(Match {
            start: i,
            end: k2,
            what: day(false, false, Some(name)),
        })
    }

    /// A named day written at `j`: up to 6 CJK chars ending in 日 or 节
    /// (`全国扶贫日`, `扶贫日`).
    pub(super) fn day_name(&self, j: usize) -> Option<String> {
        let mut best = None;
        for len in 2..=6 {
            let Some(c) = self.c(j + len - 1) else { break };
            if !is_han(c) {
                break;
            }
            if c == '日' || c == '节' {
                best = Some(len);
                break;
            }
        }
        best.map(|len| self.chars[j..j + len].iter().collect())
    }

    /// Month forms at `i`: `6月21日`, `10月17日晚`, `9月4日至5日`, `9—10月份`,
    /// `8月底`, `3月底前`, `12月1日起`, `8月份`.
    pub(super) fn month_form(
        &self,
        i: usize,
        year: Year,
        start: usize,
        allow_cn: bool,
    ) -> Option<Match> {
        let (m, k, cn) = self.small_num(i, allow_cn)?;
        if !(1..=12).contains(&m) {
            return None;
        }
        // 9—10月份
        if let Some(dash) = self.c(k).filter(|c| DASHES.contains(c)) {
            let _ = dash;
            if let Some((m2, k2, _)) = self.small_num(k + 1, cn) {
                if self.c(k2) == Some('月') && m2 > m && m2 <= 12 {
                    let end = if self.c(k2 + 1) == Some('份') {
                        k2 + 2
                    } else {
                        k2 + 1
                    };
                    return Some(Match {
                        start,
                        end,
                        what: What::Month {
                            year,
                            month: m,
                            to_month: Some(m2),
                            sub: MonthSub::Whole,
                            forward: false,
                        },
                    });
                }
            }
            return None;
        }
        if self.c(k) != Some('月') {
            return None;
        }
        let k = k + 1;
        // A day?
        if let Some((d, kd, _)) = self.small_num(k, cn || allow_cn && year != Year::Implied) {
            if let Some(c) = self.c(kd).filter(|&c| c == '日' || c == '号') {
                let _ = c;
                return self.day_rest(start, year, m, d, kd + 1, cn);
            }
            if cn {
                return None;
            }
        }
        // A Chinese month needs a day or a written year: 一月一次 is no date.
        if cn && year == Year::Implied {
            return None;
        }
        let month = |sub, end, forward, to_month| Match {
            start,
            end,
            what: What::Month {
                year,
                month: m,
                to_month,
                sub,
                forward,
            },
        };
        if let Some((w, n)) = self.one_of(
            k,
            &[
                "底前", "末前", "底", "末", "初", "上旬", "中旬", "下旬", "份",
            ],
        ) {
            let sub = match w {
                "底前" | "末前" => return Some(month(MonthSub::End, k + n, true, None)),
                "底" | "末" => MonthSub::End,
                "初" => MonthSub::Early,
                "上旬" => MonthSub::Dekad(1),
                "中旬" => MonthSub::Dekad(2),
                "下旬" => MonthSub::Dekad(3),
                _ => MonthSub::Whole,
            };
            let mut end = k + n;
            // 9月份至10月份, 9月—10月
            if sub == MonthSub::Whole {
                if let Some(m) = self.month_range_tail(end, m, cn) {
                    return Some(month(MonthSub::Whole, m.1, false, Some(m.0)));
                }
            }
            if sub == MonthSub::End && self.is(end, "前") {
                end += 1;
                return Some(month(sub, end, true, None));
            }
            return Some(month(sub, end, false, None));
        }
        if let Some((m2, end)) = self.month_range_tail(k, m, cn) {
            return Some(month(MonthSub::Whole, end, false, Some(m2)));
        }
        Some(month(MonthSub::Whole, k, false, None))
    }

    /// `—10月(份)` after a month.
    pub(super) fn month_range_tail(&self, k: usize, m: u32, cn: bool) -> Option<(u32, usize)> {
        let dash = self.c(k).filter(|c| DASHES.contains(c))?;
        let _ = dash;
        let (m2, k2, _) = self.small_num(k + 1, cn)?;
        if self.c(k2) != Some('月') || m2 <= m || m2 > 12 {
            return None;
        }
        // Not 9月—10月17日: that is a day range, handled by the day form.
        if self.small_num(k2 + 1, cn).is_some() {
            return None;
        }
        let end = if self.c(k2 + 1) == Some('份') {
            k2 + 2
        } else {
            k2 + 1
        };
        Some((m2, end))
    }

    /// After `M月D日`: part of day, `至5日`, `至10月2日`, `前`, `起`, `是…日`,
    /// `…后5日内`.
    pub(super) fn day_rest(
        &self,
        start: usize,
        year: Year,
        m: u32,
        d: u32,
        k: usize,
        cn: bool,
    ) -> Option<Match> {
        let mut end = k;
        let mut part = None;
        let mut to = None;
        let mut deadline = false;
        let mut forward = false;
        let mut named = None;
        let mut after = None;
        if let Some((w, n)) = self.one_of(k, PARTS_OF_DAY) {
            // 10月17日晚 but not 晚会 / 晚报.
            let tail = self.c(k + n);
            if !(w == "晚" && tail.is_some_and(|c| "会宴报餐饭".contains(c))) {
                part = Some(w.to_string());
                end = k + n;
            }
        }
        if part.is_none() {
            if let Some(dash) = self.c(k).filter(|c| DASHES.contains(c)) {
                let _ = dash;
                if let Some((a, ka, _)) = self.small_num(k + 1, cn) {
                    if self.c(ka) == Some('日') || self.c(ka) == Some('号') {
                        if a > d {
                            to = Some((m, a));
                            end = ka + 1;
                        }
                    } else if self.c(ka) == Some('月') {
                        if let Some((b, kb, _)) = self.small_num(ka + 1, cn) {
                            if (self.c(kb) == Some('日') || self.c(kb) == Some('号')) && a > m {
                                to = Some((a, b));
                                end = kb + 1;
                            }
                        }
                    }
                }
            }
        }
        if let Some((_, n)) = self.one_of(end, &["以前", "之前", "前"]) {
            // …前后 is "around", not a deadline.
            if !self.is(end, "前后") {
                deadline = true;
                forward = true;
                end += n;
            }
        } else if let Some((_, n)) = self.one_of(end, &["起", "开始"]) {
            forward = true;
            end += n;
        }
        if to.is_none() && part.is_none() && !deadline {
            if self.is(end, "是") {
                named = self.day_name(end + 1);
            }
            if let Some((e, days, within)) = self.after_days(end) {
                after = Some((days, within));
                end = e;
            }
        }
        Date::new(2000, m, d)?;
        if let Some((tm, td)) = to {
            Date::new(2000, tm, td)?;
        }
        Some(Match {
            start,
            end,
            what: What::Day {
                year,
                month: m,
                day: d,
                to,
                part,
                deadline,
                forward,
                named,
                after,
            },
        })
    }

    /// `活动结束后5日内` at `k`: a filler of up to 8 CJK chars, 后, a number,
    /// 日/天, and 内 (within) or not. Returns (end, days, within).
    pub(super) fn after_days(&self, k: usize) -> Option<(usize, i64, bool)> {
        let mut j = k;
        while j - k <= 8 {
            let c = self.c(j)?;
            if c == '后' {
                let n = j + 1;
                let (days, kn) = match self.arabic(n, 3) {
                    Some((v, _, kn)) => (v, kn),
                    None => self.cn_small(n)?,
                };
                let (_, u) = self.one_of(kn, &["个自然日", "日", "天"])?;
                let ku = kn + u;
                let within = self.is(ku, "内") || self.is(ku, "之内") || self.is(ku, "以内");
                let end = if self.is(ku, "内") {
                    ku + 1
                } else if within {
                    ku + 2
                } else {
                    ku
                };
                if days == 0 {
                    return None;
                }
                return Some((end, i64::from(days), within));
            }
            if !is_han(c) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// `扶贫日活动结束后5日内`: a named day followed by `…后N日内`.
    pub(super) fn named_relative(&self, i: usize, ctx: &DateContext) -> Option<Match> {
        let (len, month, day) = ctx.named_day_at(&self.chars, i)?;
        let (end, days, within) = self.after_days(i + len)?;
        Some(Match {
            start: i,
            end,
            what: What::NamedRelative {
                month,
                day,
                days,
                within,
            },
        })
    }

    /// Includes a leading `到` / `截至` in the phrase (`到9月底`).
    pub(super) fn extend_prefix(&self, start: usize) -> usize {
        for p in ["截止到", "截至", "截止", "到"] {
            let n = p.chars().count();
            if start >= n && self.is(start - n, p) {
                return start - n;
            }
        }
        start
    }
}
