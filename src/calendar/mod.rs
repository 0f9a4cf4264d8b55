//! The calendar: which days are working days.
//!
//! Circulars regulate working days. A day is not a working day when its weekday is outside the
//! working week (Monday to Friday unless the workspace says otherwise) or when it is a holiday:
//! a libur nasional or a cuti bersama of the national calendar of Indonesia, which edaran ships
//! for 2020 to 2026 (`holidays-id.txt`, each year citing the decree that sets it), or a holiday
//! the workspace declares.
//!
//! ```
//! use chrono::NaiveDate;
//! use edaran::calendar::{Calendar, Kind};
//!
//! let calendar = Calendar::national();
//! let date = NaiveDate::from_ymd_opt(2026, 5, 14).unwrap();
//! let reason = calendar.day_off(date).unwrap();
//! assert_eq!(reason.to_string(), "Kenaikan Yesus Kristus");
//! assert_eq!(reason.holiday().unwrap().kind, Kind::Libur);
//! let monday = NaiveDate::from_ymd_opt(2026, 5, 11).unwrap();
//! let sunday = NaiveDate::from_ymd_opt(2026, 5, 17).unwrap();
//! assert_eq!(calendar.working_days(monday, sunday), 3);
//! ```
//!
//! The built-in list is parsed once, at its first use, and shared: [`Calendar::national`] costs
//! a pointer, and a question about one day is a binary search. A line of the list that does not
//! parse is left out (a unit test guarantees the shipped list has none), never a panic. The
//! file's format and its parsing are in `file.rs`; the tests, in `tests.rs`, check the list
//! against its decrees.
//!
//! Nothing in the language reads the calendar yet: the grammar has no clause that declares a
//! holiday or a working week, and a duration claim (`(1 month)`) counts calendar days. This is
//! the core that the working-day claims and calendar clauses of a later version stand on; until
//! then it is library API ([`Calendar::add`] and [`Calendar::with_workweek`] stand for what a
//! workspace will declare).

use chrono::{Datelike, NaiveDate, Weekday};
use file::{National, national};
use std::fmt;

mod file;
#[cfg(test)]
mod tests;
mod weekdays;

pub use weekdays::{WEEK, Weekdays};

/// What kind of day off a holiday is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A hari libur nasional (national holiday).
    Libur,
    /// A cuti bersama (collective leave day set with the national holidays).
    Cuti,
    /// A holiday the workspace declares (`holiday DATE [to DATE] STRING`).
    Declared,
}

impl Kind {
    /// How the kind is named to users: "libur nasional", "cuti bersama", "holiday".
    pub fn label(self) -> &'static str {
        match self {
            Kind::Libur => "libur nasional",
            Kind::Cuti => "cuti bersama",
            Kind::Declared => "holiday",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One holiday: a day or a run of days, its kind and its name as Indonesians write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (equal to `from` for a single day).
    pub to: NaiveDate,
    /// Libur nasional, cuti bersama or declared by the workspace.
    pub kind: Kind,
    /// The name, for example "Hari Raya Idul Fitri 1445 Hijriah".
    pub name: String,
}

impl Holiday {
    /// Whether `date` is one of its days.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// How many days it has.
    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(0)
    }

    /// Its days, from the first to the last (one line each in `edaran holidays`).
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.from.iter_days().take_while(|d| *d <= self.to)
    }
}

/// Where one year of the national calendar comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearInfo {
    /// The year.
    pub year: i32,
    /// The SKB that sets the year (as the file words it: numbers, date, what it set).
    pub decree: Vec<String>,
    /// The SKBs amending it, in order.
    pub amendments: Vec<String>,
    /// The Keputusan Presiden the list depends on (election days, cuti bersama of ASN).
    pub keppres: Vec<String>,
    /// The news reports the list was taken from: outlet, title, date.
    pub sources: Vec<String>,
    /// Anything a reader should know (what could not be confirmed, corrections of the sources).
    pub notes: Vec<String>,
}

/// Why a day is not a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason<'a> {
    /// Its weekday is outside the working week.
    Weekday(Weekday),
    /// It is a holiday. When a holiday falls on a weekend, the holiday is the reason.
    Holiday(&'a Holiday),
}

impl Reason<'_> {
    /// The holiday, when the reason is one.
    pub fn holiday(&self) -> Option<&Holiday> {
        match self {
            Reason::Holiday(h) => Some(h),
            Reason::Weekday(_) => None,
        }
    }
}

/// "Saturday"; the holiday's name; "cuti bersama NAME" for a cuti bersama (unless the name
/// already says so).
impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Weekday(day) => f.write_str(weekday_name(*day)),
            Reason::Holiday(h)
                if h.kind == Kind::Cuti && !h.name.to_lowercase().contains("cuti bersama") =>
            {
                write!(f, "cuti bersama {}", h.name)
            }
            Reason::Holiday(h) => f.write_str(&h.name),
        }
    }
}

/// The English name of a weekday, as answers print it: "Monday".
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The name of a weekday in `lang`, as answers print it: "Friday", "Jumat".
pub fn weekday_name_in(day: Weekday, lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::En => weekday_name(day),
        crate::Lang::Id => match day {
            Weekday::Mon => "Senin",
            Weekday::Tue => "Selasa",
            Weekday::Wed => "Rabu",
            Weekday::Thu => "Kamis",
            Weekday::Fri => "Jumat",
            Weekday::Sat => "Sabtu",
            Weekday::Sun => "Minggu",
        },
    }
}

/// A date with its weekday, as answers print dates: "Friday 2026-03-20".
pub fn with_weekday(date: NaiveDate) -> String {
    with_weekday_in(date, crate::Lang::En)
}

/// A date with its weekday in `lang`: "Friday 2026-03-20", "Jumat 2026-03-20".
pub fn with_weekday_in(date: NaiveDate, lang: crate::Lang) -> String {
    format!("{} {date}", weekday_name_in(date.weekday(), lang))
}

/// A weekday as a file in `lang` writes it: `friday`, `jumat`.
pub fn weekday_word(day: Weekday, lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::En => match day {
            Weekday::Mon => "monday",
            Weekday::Tue => "tuesday",
            Weekday::Wed => "wednesday",
            Weekday::Thu => "thursday",
            Weekday::Fri => "friday",
            Weekday::Sat => "saturday",
            Weekday::Sun => "sunday",
        },
        crate::Lang::Id => match day {
            Weekday::Mon => "senin",
            Weekday::Tue => "selasa",
            Weekday::Wed => "rabu",
            Weekday::Thu => "kamis",
            Weekday::Fri => "jumat",
            Weekday::Sat => "sabtu",
            Weekday::Sun => "minggu",
        },
    }
}

/// A weekday as the language writes it, in English or Indonesian (any case), with the
/// language of the word: `monday` ... `sunday`, `senin` ... `minggu`.
pub fn parse_weekday_in(word: &str) -> Option<(Weekday, crate::Lang)> {
    crate::Lang::ALL.into_iter().find_map(|lang| {
        WEEK.iter()
            .find(|d| weekday_word(**d, lang).eq_ignore_ascii_case(word))
            .map(|d| (*d, lang))
    })
}

/// A weekday as the language writes it: `monday` ... `sunday`, `senin` ... `minggu` (any case).
pub fn parse_weekday(word: &str) -> Option<Weekday> {
    parse_weekday_in(word).map(|(d, _)| d)
}

/// The working week: a range of weekdays, `monday to friday` by default (Perpres 21/2023).
///
/// A range runs forward from its first day and may wrap past Sunday: `sunday to thursday` is
/// Sunday, Monday, Tuesday, Wednesday and Thursday. A range from a day to itself is that day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Workweek {
    first: Weekday,
    last: Weekday,
}

impl Workweek {
    /// Monday to Friday.
    pub const MONDAY_TO_FRIDAY: Workweek = Workweek {
        first: Weekday::Mon,
        last: Weekday::Fri,
    };

    /// The weekdays from `first` to `last`.
    pub fn new(first: Weekday, last: Weekday) -> Workweek {
        Workweek { first, last }
    }

    /// The first working weekday.
    pub fn first(self) -> Weekday {
        self.first
    }

    /// The last working weekday.
    pub fn last(self) -> Weekday {
        self.last
    }

    /// How many weekdays are working days (1 to 7).
    pub fn day_count(self) -> u32 {
        offset(self.first, self.last) + 1
    }

    /// The working weekdays as a set.
    pub fn weekdays(self) -> Weekdays {
        Weekdays::from_days(self.days())
    }

    /// Whether `day` is a working weekday.
    pub fn contains(self, day: Weekday) -> bool {
        offset(self.first, day) <= offset(self.first, self.last)
    }

    /// The working weekdays, from the first.
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        let mut day = self.first;
        (0..self.day_count()).map(move |_| {
            let d = day;
            day = day.succ();
            d
        })
    }

    /// How many days from `from` to `to` (both included) fall on working weekdays.
    fn count(self, from: NaiveDate, to: NaiveDate) -> i64 {
        self.weekdays().count_in(from, to)
    }
}

impl Default for Workweek {
    fn default() -> Workweek {
        Workweek::MONDAY_TO_FRIDAY
    }
}

/// "Monday to Friday".
impl fmt::Display for Workweek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name_in(crate::Lang::En))
    }
}

impl Workweek {
    /// The week in `lang`: "Monday to Friday", "Senin sampai Jumat".
    pub fn name_in(&self, lang: crate::Lang) -> String {
        let (first, last) = (
            weekday_name_in(self.first, lang),
            weekday_name_in(self.last, lang),
        );
        if self.first == self.last {
            first.to_string()
        } else {
            crate::text!("weekday-run", first = first, last = last).render(lang)
        }
    }
}

/// Days from `from` forward to `to`, 0 to 6.
fn offset(from: Weekday, to: Weekday) -> u32 {
    (to.num_days_from_monday() + 7 - from.num_days_from_monday()) % 7
}

/// Holidays sorted by first day, with the latest last day reached so far, so that the holidays
/// on a date are found by a binary search and a short walk back.
#[derive(Clone, Debug, Default)]
struct Table {
    holidays: Vec<Holiday>,
    /// `reach[i]` is the latest `to` of `holidays[..=i]`.
    reach: Vec<NaiveDate>,
}

impl Table {
    fn new(mut holidays: Vec<Holiday>) -> Table {
        holidays
            .sort_by(|a, b| (a.from, a.kind, a.to, &a.name).cmp(&(b.from, b.kind, b.to, &b.name)));
        let mut reach = Vec::with_capacity(holidays.len());
        for h in &holidays {
            let last = reach.last().copied().unwrap_or(h.to);
            reach.push(last.max(h.to));
        }
        Table { holidays, reach }
    }

    /// The holidays with a day in `from..=to`, in the table's order.
    fn overlapping(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Holiday> {
        let end = self.holidays.partition_point(|h| h.from <= to);
        let start = self.reach[..end].partition_point(|&r| r < from);
        self.holidays[start..end]
            .iter()
            .filter(move |h| h.to >= from)
    }
}

/// The days off of a workspace: the national calendar (or none) and its own holidays, with its
/// working week. Two calendars are equal when they give the same days off: both use the national
/// list or neither, with the same declared holidays and working week.
#[derive(Clone, Debug)]
pub struct Calendar {
    national: Option<&'static National>,
    declared: Table,
    workweek: Workweek,
}

impl PartialEq for Calendar {
    fn eq(&self, other: &Calendar) -> bool {
        self.national.is_some() == other.national.is_some()
            && self.workweek == other.workweek
            && self.declared.holidays == other.declared.holidays
    }
}

impl Eq for Calendar {}

impl Default for Calendar {
    /// The national calendar, Monday to Friday.
    fn default() -> Calendar {
        Calendar::national()
    }
}

impl Calendar {
    /// The national calendar of Indonesia (libur nasional and cuti bersama, 2020 to 2026),
    /// Monday to Friday.
    pub fn national() -> Calendar {
        Calendar {
            national: Some(national()),
            declared: Table::default(),
            workweek: Workweek::default(),
        }
    }

    /// No holidays at all (`calendar none`): only the weekdays, and what the workspace declares.
    pub fn none() -> Calendar {
        Calendar {
            national: None,
            declared: Table::default(),
            workweek: Workweek::default(),
        }
    }

    /// Declares a holiday from `from` to `to` (`holiday DATE [to DATE] STRING`). A range written
    /// backwards is taken from its earlier date to its later one; reporting it is the caller's.
    pub fn add(&mut self, from: NaiveDate, to: NaiveDate, name: impl Into<String>) {
        let mut holidays = std::mem::take(&mut self.declared.holidays);
        holidays.push(Holiday {
            from: from.min(to),
            to: from.max(to),
            kind: Kind::Declared,
            name: name.into(),
        });
        self.declared = Table::new(holidays);
    }

    /// The calendar with these holidays declared besides its own (`holiday DATE [to DATE]
    /// STRING`, each as first day, last day and name), sorted once. A range written backwards
    /// is taken from its earlier date to its later one.
    pub fn with_holidays(
        mut self,
        holidays: impl IntoIterator<Item = (NaiveDate, NaiveDate, String)>,
    ) -> Calendar {
        let mut all = std::mem::take(&mut self.declared.holidays);
        all.extend(holidays.into_iter().map(|(from, to, name)| Holiday {
            from: from.min(to),
            to: from.max(to),
            kind: Kind::Declared,
            name,
        }));
        self.declared = Table::new(all);
        self
    }

    /// The calendar with another working week.
    pub fn with_workweek(mut self, workweek: Workweek) -> Calendar {
        self.workweek = workweek;
        self
    }

    /// Changes the working week (`workweek monday to saturday`).
    pub fn set_workweek(&mut self, workweek: Workweek) {
        self.workweek = workweek;
    }

    /// The working week.
    pub fn workweek(&self) -> Workweek {
        self.workweek
    }

    /// Whether the national calendar is used (false after `calendar none`).
    pub fn uses_national(&self) -> bool {
        self.national.is_some()
    }

    /// The years the national calendar covers, ascending (none after `calendar none`).
    pub fn years(&self) -> Vec<i32> {
        self.national
            .map(|n| n.years.iter().map(|y| y.year).collect())
            .unwrap_or_default()
    }

    /// Whether the national calendar has `year`. A date of a year it lacks has no national
    /// holidays: answers about it should say so rather than count every weekday as working.
    pub fn covers(&self, year: i32) -> bool {
        self.year_info(year).is_some()
    }

    /// Where the national calendar of `year` comes from: its decrees and sources.
    pub fn year_info(&self, year: i32) -> Option<&YearInfo> {
        let years = &self.national?.years;
        years
            .binary_search_by_key(&year, |y| y.year)
            .ok()
            .map(|i| &years[i])
    }

    /// Every holiday on `date`: libur nasional first, then cuti bersama, then declared ones.
    pub fn holidays_on(&self, date: NaiveDate) -> Vec<&Holiday> {
        let mut found: Vec<&Holiday> = self
            .tables()
            .flat_map(|t| t.overlapping(date, date))
            .collect();
        found.sort_by_key(|h| h.kind);
        found
    }

    /// Why `date` is not a working day, or `None` when it is one. A holiday is the reason even
    /// on a weekend (the libur nasional first, when a day has several).
    pub fn day_off(&self, date: NaiveDate) -> Option<Reason<'_>> {
        if let Some(h) = self
            .tables()
            .flat_map(|t| t.overlapping(date, date))
            .min_by_key(|h| h.kind)
        {
            return Some(Reason::Holiday(h));
        }
        let day = date.weekday();
        (!self.workweek.contains(day)).then_some(Reason::Weekday(day))
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.day_off(date).is_none()
    }

    /// The first working day from `from` to `to` (both included) whose weekday is in `days`.
    /// Each step skips a whole holiday or a run of weekdays, so it costs the holidays in the
    /// range, not its days.
    pub fn first_working_day(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        days: Weekdays,
    ) -> Option<NaiveDate> {
        let days = days.intersect(self.workweek.weekdays());
        let mut start = from;
        loop {
            let candidate = days.first_in(start, to)?;
            match self.holidays_around(candidate) {
                None => return Some(candidate),
                Some((_, end)) => start = end.succ_opt()?,
            }
        }
    }

    /// The last working day from `from` to `to` (both included) whose weekday is in `days`.
    pub fn last_working_day(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        days: Weekdays,
    ) -> Option<NaiveDate> {
        let days = days.intersect(self.workweek.weekdays());
        let mut end = to;
        loop {
            let candidate = days.last_in(from, end)?;
            match self.holidays_around(candidate) {
                None => return Some(candidate),
                Some((start, _)) => end = start.pred_opt()?,
            }
        }
    }

    /// The earliest first day and the latest last day of the holidays on `date`, if any: the
    /// days a search for a working day can skip at once.
    fn holidays_around(&self, date: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        self.tables()
            .flat_map(|t| t.overlapping(date, date))
            .map(|h| (h.from, h.to))
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    /// The holidays with a day from `from` to `to`, national and declared, sorted by date.
    pub fn holidays_within(&self, from: NaiveDate, to: NaiveDate) -> Vec<&Holiday> {
        let mut found: Vec<&Holiday> = self
            .tables()
            .flat_map(|t| t.overlapping(from, to))
            .collect();
        found.sort_by(|a, b| (a.from, a.kind, a.to, &a.name).cmp(&(b.from, b.kind, b.to, &b.name)));
        found
    }

    /// How many working days there are from `from` to `to`, both included (0 when `to` is
    /// before `from`): the count a claim `(5 working days)` is checked against.
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if from > to {
            return 0;
        }
        // The holidays in the range, clipped to it and merged, so that a day two holidays share
        // is taken off once.
        let mut runs: Vec<(NaiveDate, NaiveDate)> = self
            .tables()
            .flat_map(|t| t.overlapping(from, to))
            .map(|h| (h.from.max(from), h.to.min(to)))
            .collect();
        runs.sort_unstable();
        let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(runs.len());
        for (a, b) in runs {
            match merged.last_mut() {
                Some(last) if a <= last.1 || last.1.succ_opt() == Some(a) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let off: i64 = merged.iter().map(|&(a, b)| self.workweek.count(a, b)).sum();
        u32::try_from(self.workweek.count(from, to) - off).unwrap_or(u32::MAX)
    }

    /// The holidays with a day in `year`, national and declared, sorted by date (then libur
    /// nasional before cuti bersama before declared ones).
    pub fn holidays(&self, year: i32) -> Vec<Holiday> {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Vec::new();
        };
        let mut found: Vec<Holiday> = self
            .tables()
            .flat_map(|t| t.overlapping(first, last))
            .cloned()
            .collect();
        found.sort_by(|a, b| (a.from, a.kind, a.to, &a.name).cmp(&(b.from, b.kind, b.to, &b.name)));
        found
    }

    fn tables(&self) -> impl Iterator<Item = &Table> {
        self.national
            .map(|n| &n.table)
            .into_iter()
            .chain(std::iter::once(&self.declared))
    }
}
