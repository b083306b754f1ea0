//! The calendar: proleptic Gregorian dates, their ISO and iCalendar forms,
//! and day arithmetic.

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses the date part of an ISO 8601 string: `2017-10-12`, `2017-10-13T14:57`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Exactly `YYYY-MM-DD`, a day that exists (`2017-02-31` is not one):
    /// the form a date takes in a URL or between the app's modules.
    pub fn from_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if !(digits(0..4) && digits(5..7) && digits(8..10)) {
            return None;
        }
        Date::parse_iso(s)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `YYYYMMDD`, as iCalendar's DATE value.
    pub fn basic(&self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// The last day of a month.
    pub fn last_of_month(year: i32, month: u32) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days since 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_iso_takes_exactly_a_day_that_exists() {
        assert_eq!(Date::from_iso("2017-10-17"), Date::new(2017, 10, 17));
        assert_eq!(Date::from_iso("2016-02-29"), Date::new(2016, 2, 29));
        for bad in [
            "2017-02-31",
            "2017-02-29",
            "2017-13-01",
            "2017-00-10",
            "2017-10-00",
            "2017-10-1",
            "2017-10-17T10:00",
            " 2017-10-17",
            "20x7-10-17",
            "2017-+1-17",
            "",
        ] {
            assert_eq!(Date::from_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Date::new(2017, 10, 17).unwrap();
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.add_days(5).iso(), "2017-10-22");
        assert_eq!(
            Date::new(2016, 12, 31).unwrap().add_days(1).iso(),
            "2017-01-01"
        );
        assert_eq!(
            Date::new(2016, 2, 28).unwrap().add_days(1).iso(),
            "2016-02-29"
        );
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert!(Date::new(2017, 2, 29).is_none());
        assert_eq!(
            Date::parse_iso("2017-10-13T14:57").unwrap().iso(),
            "2017-10-13"
        );
    }
}
