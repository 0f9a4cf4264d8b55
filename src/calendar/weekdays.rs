//! A set of weekdays, as one byte: the weekdays of `every [wednesday, friday]`, of a working
//! week, and the weekday part of a block of the region algebra (a block's days are its date
//! interval and, of those dates, the ones whose weekday is in its set).

use super::weekday_name_in;
use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt;

/// A set of weekdays. Bit `i` is the weekday `i` days after Monday.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Weekdays(u8);

/// The weekdays from Monday, in order.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

impl Weekdays {
    /// Every day of the week.
    pub const ALL: Weekdays = Weekdays(0x7f);
    /// No day.
    pub const NONE: Weekdays = Weekdays(0);

    /// The set of one weekday.
    pub fn of(day: Weekday) -> Weekdays {
        Weekdays(1 << day.num_days_from_monday())
    }

    /// The set of some weekdays.
    pub fn from_days(days: impl IntoIterator<Item = Weekday>) -> Weekdays {
        days.into_iter()
            .fold(Weekdays::NONE, |acc, d| acc.union(Weekdays::of(d)))
    }

    /// The set of a bit pattern (bit 0 Monday); bits above Sunday are dropped.
    pub fn from_bits(bits: u8) -> Weekdays {
        Weekdays(bits & 0x7f)
    }

    /// The bit pattern (bit 0 Monday).
    pub fn bits(self) -> u8 {
        self.0
    }

    /// True when it holds every weekday.
    pub fn is_all(self) -> bool {
        self == Weekdays::ALL
    }

    /// True when it holds no weekday.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether `day` is in it.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// Whether the weekday of `date` is in it.
    pub fn holds(self, date: NaiveDate) -> bool {
        self.contains(date.weekday())
    }

    /// Both sets' weekdays.
    pub fn union(self, other: Weekdays) -> Weekdays {
        Weekdays(self.0 | other.0)
    }

    /// The weekdays in both.
    pub fn intersect(self, other: Weekdays) -> Weekdays {
        Weekdays(self.0 & other.0)
    }

    /// The weekdays of `self` not in `other`.
    pub fn difference(self, other: Weekdays) -> Weekdays {
        Weekdays(self.0 & !other.0)
    }

    /// The other weekdays.
    pub fn complement(self) -> Weekdays {
        Weekdays(!self.0 & 0x7f)
    }

    /// How many weekdays it holds.
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// Its weekdays, from Monday.
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        WEEK.into_iter().filter(move |d| self.contains(*d))
    }

    /// The first date from `from` to `to` (both included) whose weekday is in the set.
    pub fn first_in(self, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
        if self.is_empty() || from > to {
            return None;
        }
        let ahead = (0..7u32).find(|&k| self.contains(weekday_after(from.weekday(), k)))?;
        let first = from.checked_add_days(chrono::Days::new(u64::from(ahead)))?;
        (first <= to).then_some(first)
    }

    /// The last date from `from` to `to` (both included) whose weekday is in the set.
    pub fn last_in(self, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
        if self.is_empty() || from > to {
            return None;
        }
        let back = (0..7u32).find(|&k| self.contains(weekday_before(to.weekday(), k)))?;
        let last = to.checked_sub_days(chrono::Days::new(u64::from(back)))?;
        (last >= from).then_some(last)
    }

    /// How many dates from `from` to `to` (both included) have a weekday in the set.
    pub fn count_in(self, from: NaiveDate, to: NaiveDate) -> i64 {
        if from > to {
            return 0;
        }
        let total = (to - from).num_days() + 1;
        let mut count = total / 7 * i64::from(self.len());
        let mut day = from.weekday();
        for _ in 0..total % 7 {
            count += i64::from(self.contains(day));
            day = day.succ();
        }
        count
    }
}

fn weekday_after(day: Weekday, k: u32) -> Weekday {
    (0..k).fold(day, |d, _| d.succ())
}

fn weekday_before(day: Weekday, k: u32) -> Weekday {
    (0..k).fold(day, |d, _| d.pred())
}

/// "Monday", "Monday and Friday", "Monday, Wednesday and Friday"; "every day", "no day".
impl fmt::Display for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name_in(crate::Lang::En))
    }
}

impl fmt::Debug for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Weekdays({self})")
    }
}

impl Weekdays {
    /// The plural the answers use: "Fridays", "Wednesdays and Fridays", "Saturdays and
    /// Sundays"; a run of three or more from Monday on, "Mondays to Thursdays".
    pub fn plural(self) -> String {
        self.plural_in(crate::Lang::En)
    }

    /// The plural in `lang`: "Fridays" and "Mondays to Thursdays" in English, "Jumat" and
    /// "Senin sampai Kamis" in Indonesian (which has none).
    pub fn plural_in(self, lang: crate::Lang) -> String {
        if self.is_all() {
            return crate::text!("weekdays-every-day").render(lang);
        }
        let names: Vec<String> = self
            .days()
            .map(|d| crate::text!("weekday-plural", day = weekday_name_in(d, lang)).render(lang))
            .collect();
        let bits = u32::from(self.0);
        let run = bits >> bits.trailing_zeros();
        if names.len() >= 3 && run & (run + 1) == 0 {
            let (first, last) = (&names[0], &names[names.len() - 1]);
            return crate::text!("weekday-run", first = first, last = last).render(lang);
        }
        if names.is_empty() {
            return crate::text!("weekdays-none").render(lang);
        }
        crate::msg::all_of(&names, lang)
    }

    /// The days in `lang`: "Monday and Friday", "Senin dan Jumat"; "every day", "no day".
    pub fn name_in(self, lang: crate::Lang) -> String {
        if self.is_all() {
            return crate::text!("weekdays-every-day").render(lang);
        }
        let names: Vec<String> = self
            .days()
            .map(|d| weekday_name_in(d, lang).to_string())
            .collect();
        if names.is_empty() {
            return crate::text!("weekdays-none").render(lang);
        }
        crate::msg::all_of(&names, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn first_last_and_count_agree_with_a_walk() {
        let from = d(2026, 3, 1);
        for bits in 0..128u8 {
            let set = Weekdays::from_bits(bits);
            for len in 0..20u64 {
                let to = from + chrono::Days::new(len);
                let days: Vec<NaiveDate> = from
                    .iter_days()
                    .take_while(|x| *x <= to)
                    .filter(|x| set.holds(*x))
                    .collect();
                assert_eq!(set.first_in(from, to), days.first().copied());
                assert_eq!(set.last_in(from, to), days.last().copied());
                assert_eq!(set.count_in(from, to), days.len() as i64);
            }
        }
    }

    #[test]
    fn it_reads_as_answers_write_it() {
        let fri = Weekdays::of(Weekday::Fri);
        assert_eq!(fri.to_string(), "Friday");
        assert_eq!(fri.plural(), "Fridays");
        let weekend = Weekdays::from_days([Weekday::Sat, Weekday::Sun]);
        assert_eq!(weekend.plural(), "Saturdays and Sundays");
        assert_eq!(
            Weekdays::from_days([Weekday::Mon, Weekday::Wed, Weekday::Fri]).to_string(),
            "Monday, Wednesday and Friday"
        );
        assert_eq!(weekend.complement().len(), 5);
        assert_eq!(weekend.complement().plural(), "Mondays to Fridays");
        let mon_thu = Weekdays::from_days([Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu]);
        assert_eq!(mon_thu.plural(), "Mondays to Thursdays");
        let gaps = Weekdays::from_days([Weekday::Mon, Weekday::Wed, Weekday::Thu]);
        assert_eq!(gaps.plural(), "Mondays, Wednesdays and Thursdays");
    }
}
