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
//! parse is left out (a unit test guarantees the shipped list has none), never a panic.

use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt;
use std::sync::OnceLock;

/// The national calendar as shipped: see the header of the file for its format.
const NATIONAL: &str = include_str!("holidays-id.txt");

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

/// A weekday as the language writes it: `monday` ... `sunday` (any case).
pub fn parse_weekday(word: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    DAYS.into_iter()
        .find(|d| weekday_name(*d).eq_ignore_ascii_case(word))
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
        if from > to {
            return 0;
        }
        let total = (to - from).num_days() + 1;
        let mut count = total / 7 * i64::from(self.day_count());
        let mut day = from.weekday();
        for _ in 0..total % 7 {
            count += i64::from(self.contains(day));
            day = day.succ();
        }
        count
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
        if self.first == self.last {
            f.write_str(weekday_name(self.first))
        } else {
            write!(
                f,
                "{} to {}",
                weekday_name(self.first),
                weekday_name(self.last)
            )
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

/// The built-in national calendar, parsed.
#[derive(Debug)]
struct National {
    table: Table,
    years: Vec<YearInfo>,
}

fn national() -> &'static National {
    static NATIONAL_CALENDAR: OnceLock<National> = OnceLock::new();
    NATIONAL_CALENDAR.get_or_init(|| {
        // Errors are checked by a unit test over the shipped file; at run time a bad line is
        // left out and the rest is used.
        let parsed = parse(NATIONAL);
        National {
            table: Table::new(parsed.holidays),
            years: parsed.years,
        }
    })
}

/// The days off of a workspace: the national calendar (or none) and its own holidays, with its
/// working week.
#[derive(Clone, Debug)]
pub struct Calendar {
    national: Option<&'static National>,
    declared: Table,
    workweek: Workweek,
}

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

/// A line of the calendar file that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ParseError {
    /// 1-based.
    line: usize,
    message: String,
}

#[derive(Debug, Default)]
struct Parsed {
    years: Vec<YearInfo>,
    holidays: Vec<Holiday>,
    errors: Vec<ParseError>,
}

/// Reads the calendar file format (see the header of `holidays-id.txt`). Lines that do not
/// parse are reported and left out; the years come out sorted.
fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    // The index in `out.years` of the year being read.
    let mut current: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut error = |message: String| {
            out.errors.push(ParseError {
                line: i + 1,
                message,
            })
        };
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim();
        match key {
            "year" => match rest.parse::<i32>() {
                Ok(year) if out.years.iter().any(|y| y.year == year) => {
                    error(format!("year {year} is given twice"));
                    current = None;
                }
                Ok(year) => {
                    out.years.push(YearInfo {
                        year,
                        ..YearInfo::default()
                    });
                    current = Some(out.years.len() - 1);
                }
                Err(_) => {
                    error(format!("expected a year such as `2024`, found `{rest}`"));
                    current = None;
                }
            },
            "decree" | "amendment" | "keppres" | "source" | "note" => {
                let Some(y) = current else {
                    error(format!("`{key}` before any `year`"));
                    continue;
                };
                if rest.is_empty() {
                    error(format!("`{key}` without text"));
                    continue;
                }
                let info = &mut out.years[y];
                let list = match key {
                    "decree" => &mut info.decree,
                    "amendment" => &mut info.amendments,
                    "keppres" => &mut info.keppres,
                    "source" => &mut info.sources,
                    _ => &mut info.notes,
                };
                list.push(rest.to_string());
            }
            _ => match entry(line, current.map(|y| out.years[y].year)) {
                Ok(h) => out.holidays.push(h),
                Err(message) => error(message),
            },
        }
    }
    for y in &out.years {
        for (what, list) in [("decree", &y.decree), ("source", &y.sources)] {
            if list.is_empty() {
                out.errors.push(ParseError {
                    line: 0,
                    message: format!("year {} has no `{what}`", y.year),
                });
            }
        }
    }
    out.years.sort_by_key(|y| y.year);
    out
}

/// `DATE [to DATE] KIND NAME`, in `year`.
fn entry(line: &str, year: Option<i32>) -> Result<Holiday, String> {
    let date = |word: &str| {
        NaiveDate::parse_from_str(word, "%Y-%m-%d")
            .map_err(|_| format!("expected a date such as `2024-04-10`, found `{word}`"))
    };
    let mut words = line.splitn(2, ' ');
    let from = date(words.next().unwrap_or(""))?;
    let mut rest = words.next().unwrap_or("").trim_start();
    let mut to = from;
    if let Some(after) = rest.strip_prefix("to ") {
        let (word, tail) = after.trim_start().split_once(' ').unwrap_or((after, ""));
        to = date(word)?;
        rest = tail.trim_start();
    }
    let (kind, name) = rest.split_once(' ').unwrap_or((rest, ""));
    let kind = match kind {
        "libur" => Kind::Libur,
        "cuti" => Kind::Cuti,
        other => return Err(format!("expected `libur` or `cuti`, found `{other}`")),
    };
    let name = name.trim();
    if name.is_empty() {
        return Err("a holiday without a name".to_string());
    }
    let Some(year) = year else {
        return Err("a holiday before any `year`".to_string());
    };
    if from.year() != year || to.year() != year {
        return Err(format!("a holiday outside its year {year}"));
    }
    if to < from {
        return Err("the range ends before it starts".to_string());
    }
    Ok(Holiday {
        from,
        to,
        kind,
        name: name.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The holiday of `kind` on a date, by name.
    fn named(c: &Calendar, date: NaiveDate, kind: Kind) -> Vec<String> {
        c.holidays_on(date)
            .into_iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.name.clone())
            .collect()
    }

    #[test]
    fn the_shipped_file_parses() {
        let parsed = parse(NATIONAL);
        assert_eq!(parsed.errors, Vec::new());
        assert!(parsed.holidays.len() > 150, "{}", parsed.holidays.len());
    }

    #[test]
    fn every_year_from_2020_to_2026_cites_its_decree_and_sources() {
        let c = Calendar::national();
        assert_eq!(c.years(), (2020..=2026).collect::<Vec<_>>());
        for year in 2020..=2026 {
            let info = c.year_info(year).unwrap();
            assert_eq!(info.decree.len(), 1, "{year}");
            assert!(info.decree[0].starts_with("SKB Menteri Agama"), "{year}");
            assert!(info.decree[0].contains(&format!("Tahun {year}")), "{year}");
            assert!(!info.sources.is_empty(), "{year}");
            assert!(!c.holidays(year).is_empty(), "{year}");
        }
        assert!(!c.covers(2019) && !c.covers(2027));
        assert!(Calendar::none().years().is_empty() && !Calendar::none().covers(2024));
    }

    #[test]
    fn the_amendments_are_recorded() {
        let c = Calendar::national();
        let count = |y| c.year_info(y).unwrap().amendments.len();
        assert_eq!(
            [2020, 2021, 2022, 2023, 2024, 2025, 2026].map(count),
            [4, 2, 1, 2, 0, 1, 0]
        );
    }

    #[test]
    fn fixed_national_days() {
        let c = Calendar::national();
        for year in 2020..=2026 {
            let kemerdekaan = named(&c, d(year, 8, 17), Kind::Libur);
            assert!(
                kemerdekaan == ["Hari Kemerdekaan Republik Indonesia"]
                    || kemerdekaan == ["Proklamasi Kemerdekaan"],
                "{year}: {kemerdekaan:?}"
            );
            assert_eq!(
                named(&c, d(year, 1, 1), Kind::Libur),
                [format!("Tahun Baru {year} Masehi")]
            );
            let natal = named(&c, d(year, 12, 25), Kind::Libur);
            assert!(
                natal == ["Hari Raya Natal"] || natal == ["Kelahiran Yesus Kristus"],
                "{year}: {natal:?}"
            );
            assert_eq!(
                named(&c, d(year, 6, 1), Kind::Libur),
                ["Hari Lahir Pancasila"]
            );
            assert_eq!(
                named(&c, d(year, 5, 1), Kind::Libur),
                ["Hari Buruh Internasional"]
            );
        }
    }

    #[test]
    fn lebaran_2024() {
        let c = Calendar::national();
        for day in [10, 11] {
            assert_eq!(
                named(&c, d(2024, 4, day), Kind::Libur),
                ["Hari Raya Idul Fitri 1445 Hijriah"]
            );
        }
        for day in [8, 9, 12, 15] {
            assert_eq!(
                named(&c, d(2024, 4, day), Kind::Cuti),
                ["Hari Raya Idul Fitri 1445 Hijriah"],
                "{day}"
            );
        }
        // The weekend between is a day off for its weekday; the Tuesday after is a working day.
        assert_eq!(
            c.day_off(d(2024, 4, 13)),
            Some(Reason::Weekday(Weekday::Sat))
        );
        assert!(c.is_working_day(d(2024, 4, 16)));
        assert!(c.is_working_day(d(2024, 4, 5)));
        // Monday 8 to Friday 19 April: ten weekdays, six of them off.
        assert_eq!(c.working_days(d(2024, 4, 8), d(2024, 4, 19)), 4);
    }

    #[test]
    fn kenaikan_2026_as_in_the_contract() {
        let c = Calendar::national();
        let reason = c.day_off(d(2026, 5, 14)).unwrap();
        assert_eq!(reason.to_string(), "Kenaikan Yesus Kristus");
        assert_eq!(reason.holiday().unwrap().kind, Kind::Libur);
        let cuti = c.day_off(d(2026, 5, 15)).unwrap();
        assert_eq!(cuti.to_string(), "cuti bersama Kenaikan Yesus Kristus");
        // Monday 11 to Sunday 17 May 2026: Thursday and Friday are off.
        assert_eq!(c.working_days(d(2026, 5, 11), d(2026, 5, 17)), 3);
    }

    #[test]
    fn dates_the_amendments_moved() {
        let c = Calendar::national();
        // 2020: the cuti bersama of Idul Fitri went to December, then three of those days went.
        assert!(c.is_working_day(d(2020, 5, 22)));
        assert!(c.is_working_day(d(2020, 5, 26)));
        for day in [28, 29, 30] {
            assert!(c.is_working_day(d(2020, 12, day)), "{day}");
        }
        assert_eq!(
            c.day_off(d(2020, 12, 31)).unwrap().to_string(),
            "Pengganti Cuti Bersama Hari Raya Idul Fitri 1441 Hijriah"
        );
        assert_eq!(
            c.day_off(d(2020, 12, 9)).unwrap().holiday().unwrap().kind,
            Kind::Libur
        );
        // 2021: Tahun Baru Islam and Maulid Nabi moved a day later, cuti bersama cut.
        assert!(c.is_working_day(d(2021, 8, 10)));
        assert_eq!(
            named(&c, d(2021, 8, 11), Kind::Libur),
            ["Tahun Baru Islam 1443 Hijriah"]
        );
        assert!(c.is_working_day(d(2021, 10, 19)));
        assert!(!c.is_working_day(d(2021, 10, 20)));
        for date in [
            d(2021, 3, 12),
            d(2021, 5, 17),
            d(2021, 12, 24),
            d(2021, 12, 27),
        ] {
            assert!(c.is_working_day(date), "{date}");
        }
        assert!(!c.is_working_day(d(2021, 5, 12)));
        // 2022: the cuti bersama of Lebaran, none at Christmas.
        assert!(!c.is_working_day(d(2022, 4, 29)));
        assert!(c.is_working_day(d(2022, 12, 26)));
        // 2023: the Lebaran cuti bersama moved earlier; Idul Adha got two.
        assert!(!c.is_working_day(d(2023, 4, 19)));
        assert!(c.is_working_day(d(2023, 4, 26)));
        assert!(!c.is_working_day(d(2023, 6, 28)) && !c.is_working_day(d(2023, 6, 30)));
        // 2025: 18 August added.
        assert_eq!(
            c.day_off(d(2025, 8, 18)).unwrap().holiday().unwrap().kind,
            Kind::Cuti
        );
    }

    #[test]
    fn days_per_kind_match_the_decrees() {
        // Days of libur nasional and of cuti bersama each year, as the reports count them after
        // every amendment (election days of a Keppres included).
        let c = Calendar::national();
        let days = |year, kind| -> u32 {
            c.holidays(year)
                .iter()
                .filter(|h| h.kind == kind)
                .map(Holiday::days)
                .sum()
        };
        let expected = [
            (2020, 16 + 1, 5),
            (2021, 16, 1),
            (2022, 16, 4),
            (2023, 16, 11),
            (2024, 17 + 2, 10),
            (2025, 17, 11),
            (2026, 17, 8),
        ];
        for (year, libur, cuti) in expected {
            assert_eq!(
                (days(year, Kind::Libur), days(year, Kind::Cuti)),
                (libur, cuti),
                "{year}"
            );
        }
    }

    #[test]
    fn no_day_has_two_names_unless_the_decree_says_so() {
        // 13 May 2021 is Kenaikan Isa Almasih and the first day of Idul Fitri 1442 Hijriah.
        let shared = [d(2021, 5, 13)];
        let parsed = parse(NATIONAL);
        let mut days: Vec<(NaiveDate, Kind, &str)> = Vec::new();
        for h in &parsed.holidays {
            let mut day = h.from;
            while day <= h.to {
                days.push((day, h.kind, &h.name));
                day = day.succ_opt().unwrap();
            }
        }
        days.sort();
        for pair in days.windows(2) {
            let ((a, ka, na), (b, kb, nb)) = (pair[0], pair[1]);
            if a == b {
                assert!(
                    shared.contains(&a) && (ka, na) != (kb, nb),
                    "{a} is listed twice: {ka} {na}, {kb} {nb}"
                );
            }
        }
        // A libur and a cuti bersama never share a day.
        for pair in days.windows(2) {
            if pair[0].0 == pair[1].0 {
                assert_eq!(pair[0].1, pair[1].1, "{}", pair[0].0);
            }
        }
    }

    #[test]
    fn the_file_lists_each_year_in_date_order() {
        let parsed = parse(NATIONAL);
        for pair in parsed.holidays.windows(2) {
            assert!(
                pair[0].from <= pair[1].from,
                "{} after {}",
                pair[1].from,
                pair[0].from
            );
        }
    }

    #[test]
    fn weekends_and_the_working_week() {
        let c = Calendar::national();
        let saturday = d(2024, 4, 20);
        let sunday = d(2024, 4, 21);
        assert_eq!(c.day_off(saturday), Some(Reason::Weekday(Weekday::Sat)));
        assert_eq!(c.day_off(saturday).unwrap().to_string(), "Saturday");
        assert_eq!(c.day_off(sunday).unwrap().to_string(), "Sunday");
        assert!(c.is_working_day(d(2024, 4, 19)));

        let six = c
            .clone()
            .with_workweek(Workweek::new(Weekday::Mon, Weekday::Sat));
        assert!(six.is_working_day(saturday));
        assert_eq!(six.day_off(sunday), Some(Reason::Weekday(Weekday::Sun)));
        // A holiday on a Saturday is still off.
        assert!(!six.is_working_day(d(2024, 2, 10)));
        // Monday 15 to Sunday 21 April 2024: the Monday is cuti bersama.
        assert_eq!(c.working_days(d(2024, 4, 15), sunday), 4);
        assert_eq!(six.working_days(d(2024, 4, 15), sunday), 5);
        // A holiday on a weekend is the reason given for it.
        assert_eq!(
            c.day_off(d(2024, 2, 10)).unwrap().to_string(),
            "Tahun Baru Imlek 2575 Kongzili"
        );
    }

    #[test]
    fn workweeks() {
        let default = Workweek::default();
        assert_eq!(default.to_string(), "Monday to Friday");
        assert_eq!(default.day_count(), 5);
        assert!(default.contains(Weekday::Fri) && !default.contains(Weekday::Sat));
        let wrap = Workweek::new(Weekday::Sun, Weekday::Thu);
        assert_eq!(wrap.day_count(), 5);
        assert!(wrap.contains(Weekday::Sun) && wrap.contains(Weekday::Thu));
        assert!(!wrap.contains(Weekday::Fri) && !wrap.contains(Weekday::Sat));
        assert_eq!(
            wrap.days().collect::<Vec<_>>(),
            [
                Weekday::Sun,
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu
            ]
        );
        let one = Workweek::new(Weekday::Wed, Weekday::Wed);
        assert_eq!(
            (one.day_count(), one.to_string()),
            (1, "Wednesday".to_string())
        );
        assert_eq!(Workweek::new(Weekday::Tue, Weekday::Mon).day_count(), 7);
        assert_eq!(parse_weekday("saturday"), Some(Weekday::Sat));
        assert_eq!(parse_weekday("Monday"), Some(Weekday::Mon));
        assert_eq!(parse_weekday("sabtu"), None);
    }

    #[test]
    fn working_days_edges() {
        let c = Calendar::national();
        let wednesday = d(2024, 4, 17);
        assert_eq!(c.working_days(wednesday, wednesday), 1);
        assert_eq!(c.working_days(d(2024, 4, 10), d(2024, 4, 10)), 0);
        assert_eq!(c.working_days(wednesday, d(2024, 4, 16)), 0);
        // A whole year: 262 weekdays in 2024, less the holidays on weekdays.
        let off_weekdays = (0..366)
            .map(|i| d(2024, 1, 1) + chrono::Days::new(i))
            .filter(|&x| x.weekday().num_days_from_monday() < 5 && !c.is_working_day(x))
            .count() as u32;
        assert_eq!(
            c.working_days(d(2024, 1, 1), d(2024, 12, 31)),
            262 - off_weekdays
        );
        let brute = |cal: &Calendar, a: NaiveDate, b: NaiveDate| {
            let mut n = 0;
            let mut x = a;
            while x <= b {
                n += u32::from(cal.is_working_day(x));
                x = x.succ_opt().unwrap();
            }
            n
        };
        let mut local = c
            .clone()
            .with_workweek(Workweek::new(Weekday::Sun, Weekday::Thu));
        local.add(d(2024, 4, 9), d(2024, 4, 23), "Libur daerah");
        for (a, b) in [
            (d(2024, 1, 1), d(2024, 12, 31)),
            (d(2023, 12, 20), d(2024, 1, 10)),
            (d(2024, 4, 1), d(2024, 4, 30)),
            (d(2024, 4, 12), d(2024, 4, 14)),
        ] {
            assert_eq!(c.working_days(a, b), brute(&c, a, b), "{a} {b}");
            assert_eq!(local.working_days(a, b), brute(&local, a, b), "{a} {b}");
        }
    }

    #[test]
    fn declared_holidays_and_calendar_none() {
        let mut none = Calendar::none();
        assert!(!none.uses_national());
        // Idul Fitri 1445 is a Wednesday like any other without the national calendar.
        assert!(none.is_working_day(d(2024, 4, 10)));
        assert_eq!(
            none.day_off(d(2024, 4, 13)),
            Some(Reason::Weekday(Weekday::Sat))
        );
        none.add(d(2024, 4, 12), d(2024, 4, 10), "Libur Lebaran kantor");
        let reason = none.day_off(d(2024, 4, 11)).unwrap();
        assert_eq!(reason.to_string(), "Libur Lebaran kantor");
        assert_eq!(reason.holiday().unwrap().kind, Kind::Declared);
        assert_eq!(reason.holiday().unwrap().from, d(2024, 4, 10));
        assert_eq!(none.working_days(d(2024, 4, 8), d(2024, 4, 12)), 2);
        assert_eq!(none.holidays(2024).len(), 1);
        assert!(none.holidays(2025).is_empty());

        // Declared on top of the national calendar: both are listed, the national one first,
        // and a shared day is off once.
        let mut c = Calendar::national();
        c.add(d(2024, 4, 15), d(2024, 4, 16), "Hari Jadi Kota");
        let names: Vec<_> = c
            .holidays_on(d(2024, 4, 15))
            .iter()
            .map(|h| h.kind)
            .collect();
        assert_eq!(names, [Kind::Cuti, Kind::Declared]);
        assert_eq!(
            c.day_off(d(2024, 4, 15)).unwrap().holiday().unwrap().kind,
            Kind::Cuti
        );
        assert_eq!(c.working_days(d(2024, 4, 15), d(2024, 4, 19)), 3);
        let year = c.holidays(2024);
        assert!(
            year.windows(2)
                .all(|w| (w[0].from, w[0].kind) <= (w[1].from, w[1].kind))
        );
        assert_eq!(year.iter().filter(|h| h.kind == Kind::Declared).count(), 1);
        // The national calendar itself is unchanged.
        assert_eq!(Calendar::national().holidays_on(d(2024, 4, 16)).len(), 0);
    }

    #[test]
    fn the_national_list_is_shared() {
        let (a, b) = (Calendar::national(), Calendar::national());
        assert!(std::ptr::eq(a.national.unwrap(), b.national.unwrap()));
    }

    #[test]
    fn holidays_of_a_year_are_sorted_and_complete() {
        let c = Calendar::national();
        let h = c.holidays(2024);
        assert!(h.windows(2).all(|w| w[0].from <= w[1].from));
        assert_eq!(h.first().unwrap().name, "Tahun Baru 2024 Masehi");
        assert_eq!(h.last().unwrap().from, d(2024, 12, 26));
        assert!(c.holidays(2019).is_empty());
    }

    #[test]
    fn a_malformed_file_gives_what_parses() {
        let text = "\
2024-01-01 libur before any year
year 2024
decree SKB test
source a report
2024-01-01 libur Tahun Baru 2024 Masehi
2024-13-01 libur Bulan Ketiga Belas
2024-02-01 holiday Salah Jenis
2024-03-01 libur
2025-01-01 libur Tahun Lain
2024-05-02 to 2024-05-01 libur Terbalik
2024-06-01 to 2024-06-02 cuti Dua Hari
bogus line
year 2023
year 2024
year twenty
";
        let parsed = parse(text);
        assert_eq!(
            parsed
                .holidays
                .iter()
                .map(|h| (h.name.as_str(), h.days()))
                .collect::<Vec<_>>(),
            [("Tahun Baru 2024 Masehi", 1), ("Dua Hari", 2)]
        );
        let lines: Vec<usize> = parsed.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 6, 7, 8, 9, 10, 12, 14, 15, 0, 0]);
        assert!(parsed.errors[1].message.contains("`2024-13-01`"));
        assert!(parsed.errors[2].message.contains("`libur` or `cuti`"));
        assert!(
            parsed.errors[9]
                .message
                .contains("year 2023 has no `decree`")
        );
        assert_eq!(
            parsed.years.iter().map(|y| y.year).collect::<Vec<_>>(),
            [2023, 2024]
        );
    }
}
