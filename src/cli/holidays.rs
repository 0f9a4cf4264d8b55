//! `edaran holidays YEAR`: the national calendar of Indonesia that edaran ships
//! (`src/calendar/holidays-id.txt`), one year at a time, so that a drafter can see which days
//! edaran counts as libur nasional and cuti bersama, and check them against the decree it cites.
//!
//! The text lists one line per day (a holiday of several days gives one line for each), grouped
//! by month, then where the year's list comes from: the SKB that sets it, its amendments, the
//! Keputusan Presiden it depends on, the reports it was taken from and the notes of the data
//! file. The JSON holds the same as data. A year the calendar does not cover is a usage error
//! (exit 2) that says which years it covers.

use super::lang::Lang;
use super::{Format, OK, USAGE};
use chrono::{Datelike, NaiveDate};
use edaran::calendar::{Calendar, Holiday, Kind, YearInfo, weekday_name};
use serde_json::{Value, json};
use std::fmt::Write as _;

/// The width the source lines are wrapped to.
const WIDTH: usize = 100;

/// Runs `edaran holidays YEAR`.
pub fn run(year: i32, format: Format) -> i32 {
    let calendar = Calendar::national();
    let Some(info) = calendar.year_info(year) else {
        let message = |lang| {
            let years = covered(lang, &calendar.years());
            tr_in!(
                lang,
                "holidays-not-covered",
                year = year.to_string(),
                years = years
            )
        };
        eprintln!("{}", super::l10n::error(message(super::l10n::lang())));
        if format == Format::Json {
            super::print_input_errors(vec![json!({
                "code": "year-not-covered",
                "severity": "error",
                "message": message(Lang::En),
            })]);
        }
        return USAGE;
    };
    let holidays = calendar.holidays(year);
    let days = days(&holidays);
    let text = match format {
        Format::Human => text(year, info, &days),
        Format::Json => {
            serde_json::to_string_pretty(&document(year, info, &days)).expect("JSON") + "\n"
        }
    };
    if super::print(&text) { OK } else { USAGE }
}

/// The years covered, as a range when they follow each other: "2020 to 2026".
fn covered(lang: Lang, years: &[i32]) -> String {
    match years {
        [] => tr_in!(lang, "holidays-no-year"),
        [one] => one.to_string(),
        [first, .., last] if years.windows(2).all(|w| w[1] == w[0] + 1) => tr_in!(
            lang,
            "holidays-years",
            first = first.to_string(),
            last = last.to_string()
        ),
        _ => {
            let list: Vec<String> = years.iter().map(i32::to_string).collect();
            list.join(", ")
        }
    }
}

/// One day off of the list: a holiday of several days gives one for each of its days.
struct Day<'a> {
    date: NaiveDate,
    holiday: &'a Holiday,
}

/// Every day of the holidays, by date (the calendar's order within a day: libur nasional first).
fn days(holidays: &[Holiday]) -> Vec<Day<'_>> {
    let mut days: Vec<Day<'_>> = holidays
        .iter()
        .flat_map(|h| h.dates().map(move |date| Day { date, holiday: h }))
        .collect();
    // Stable: the days of one date keep the calendar's order.
    days.sort_by_key(|d| d.date);
    days
}

/// How many days of `kind` the list has.
fn count(days: &[Day<'_>], kind: Kind) -> usize {
    days.iter().filter(|d| d.holiday.kind == kind).count()
}

/// The human text: a heading with the counts, the days by month, then the sources.
fn text(year: i32, info: &YearInfo, days: &[Day<'_>]) -> String {
    let mut out = tr!(
        "holidays-heading",
        year = year.to_string(),
        libur = count(days, Kind::Libur),
        cuti = count(days, Kind::Cuti)
    ) + "\n";
    let mut month = None;
    for d in days {
        if month != Some(d.date.month()) {
            month = Some(d.date.month());
            let _ = writeln!(out, "\n{}", tr!("month", month = d.date.month()));
        }
        let _ = writeln!(
            out,
            "  {:<20}  {:<14}  {}",
            super::l10n::with_weekday(d.date),
            d.holiday.kind.label(),
            d.holiday.name
        );
    }
    let sections: [(String, &[String]); 5] = [
        (tr!("holidays-set-by"), &info.decree),
        (tr!("holidays-amended-by"), &info.amendments),
        (tr!("holidays-keppres"), &info.keppres),
        (tr!("holidays-taken-from"), &info.sources),
        (tr!("holidays-notes"), &info.notes),
    ];
    for (title, lines) in sections {
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}:");
        for line in lines {
            out.push_str(&wrapped(line));
        }
    }
    out
}

/// A line of the sources, wrapped at [`WIDTH`] with its continuation indented under it.
fn wrapped(line: &str) -> String {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent("  - ")
        .subsequent_indent("    ")
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    textwrap::fill(line, options) + "\n"
}

/// The JSON document: `{"year", "source": {"decree", "amendments", "keppres", "sources",
/// "notes"}, "counts": {"libur_nasional", "cuti_bersama"}, "days": [{"date", "weekday", "kind",
/// "name"}]}`.
fn document(year: i32, info: &YearInfo, days: &[Day<'_>]) -> Value {
    let list: Vec<Value> = days
        .iter()
        .map(|d| {
            json!({
                "date": d.date.to_string(),
                "weekday": weekday_name(d.date.weekday()),
                "kind": kind_json(d.holiday.kind),
                "name": d.holiday.name,
            })
        })
        .collect();
    json!({
        "year": year,
        "source": {
            "decree": info.decree,
            "amendments": info.amendments,
            "keppres": info.keppres,
            "sources": info.sources,
            "notes": info.notes,
        },
        "counts": {
            "libur_nasional": count(days, Kind::Libur),
            "cuti_bersama": count(days, Kind::Cuti),
        },
        "days": list,
    })
}

/// The kind as JSON writes it: `libur_nasional`, `cuti_bersama`.
fn kind_json(kind: Kind) -> &'static str {
    match kind {
        Kind::Libur => "libur_nasional",
        Kind::Cuti => "cuti_bersama",
        Kind::Declared => "holiday",
    }
}
