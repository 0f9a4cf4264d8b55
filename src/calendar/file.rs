//! The embedded national calendar (`holidays-id.txt`): its file format, read into holidays and
//! the sources of each year, and parsed once, at its first use, for every [`Calendar`].
//!
//! [`Calendar`]: super::Calendar

use super::{Holiday, Kind, Table, YearInfo};
use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;

/// The national calendar as shipped: see the header of the file for its format.
pub(super) const NATIONAL: &str = include_str!("holidays-id.txt");

/// The built-in national calendar, parsed.
#[derive(Debug)]
pub(super) struct National {
    pub(super) table: Table,
    pub(super) years: Vec<YearInfo>,
}

pub(super) fn national() -> &'static National {
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

/// A line of the calendar file that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ParseError {
    /// 1-based.
    pub(super) line: usize,
    pub(super) message: String,
}

#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub(super) years: Vec<YearInfo>,
    pub(super) holidays: Vec<Holiday>,
    pub(super) errors: Vec<ParseError>,
}

/// Reads the calendar file format (see the header of `holidays-id.txt`). Lines that do not
/// parse are reported and left out; the years come out sorted.
pub(super) fn parse(text: &str) -> Parsed {
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
