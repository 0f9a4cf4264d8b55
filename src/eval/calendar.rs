//! The working days of the engine's workspace (docs/language.md, "The calendar"): which days
//! are days off and why, the working days of a block of the region algebra, and the classes of
//! weekdays a period question must tell apart.
//!
//! No rule applies on a day off, and no finding is reported on one: the evaluator answers a day
//! off before walking any circular, and the analysis reports a region only where it holds a
//! working day, with a witness on working days (`working_part`).

use super::Engine;
use crate::region::{self, Block, Day, Region, Weekdays};
use chrono::Datelike;

impl Engine<'_> {
    /// Why `day` is not a working day ("Saturday", a holiday's name), or `None` when it is one.
    pub fn day_off(&self, day: Day) -> Option<String> {
        self.ws
            .calendar
            .day_off(region::date(day))
            .map(|r| r.to_string())
    }

    /// Whether `day` is a working day.
    pub fn is_working_day(&self, day: Day) -> bool {
        self.ws.calendar.is_working_day(region::date(day))
    }

    /// The first and last working days of a block (of its weekdays), `None` when it holds
    /// none: the days a finding on it may name.
    pub fn working_part(&self, block: &Block) -> Option<(Day, Day)> {
        let calendar = &self.ws.calendar;
        let (from, to) = (
            region::date(block.from.max(region::FIRST_DAY + 1)),
            region::date(block.to),
        );
        let first = calendar.first_working_day(from, to, block.days)?;
        let last = calendar.last_working_day(first, to, block.days)?;
        Some((region::day(first), region::day(last)))
    }

    /// Whether a region holds a working day.
    pub fn has_working_day(&self, region: &Region) -> bool {
        region
            .blocks()
            .iter()
            .any(|b| self.working_part(b).is_some())
    }

    /// The weekdays a question over a period must tell apart: two weekdays are in one class
    /// when the working week and every rule's `every` treat them alike, so one date of each
    /// class answers for the class (between two boundary days, away from holidays). Without
    /// `every`, a Monday-to-Friday week has two classes: the working weekdays and the weekend.
    pub fn weekday_classes(&self) -> &[Weekdays] {
        &self.weekday_classes
    }

    /// What a question over `from..=to` should know of the calendar: that the national list
    /// shipped with edaran has no holidays for some of its years (only weekends and the
    /// workspace's own holidays are days off there). `None` when it covers them, or after
    /// `calendar none`.
    pub fn calendar_note(&self, from: Day, to: Day) -> Option<crate::msg::Text> {
        let calendar = &self.ws.calendar;
        if !calendar.uses_national() {
            return None;
        }
        let years: Vec<i32> = (region::date(from).year()..=region::date(to).year())
            .filter(|&y| !calendar.covers(y))
            .collect();
        let (first, last) = (*years.first()?, *years.last()?);
        Some(if first == last {
            crate::text!("note-calendar-year", year = first.to_string())
        } else {
            crate::text!(
                "note-calendar-years",
                first = first.to_string(),
                last = last.to_string()
            )
        })
    }

    /// The days within `from < d <= to` on which a holiday starts, or the day after one ends:
    /// within a period, answers change there too.
    pub(crate) fn holiday_boundaries(&self, from: Day, to: Day) -> Vec<Day> {
        let (a, b) = (region::date(from), region::date(to));
        let mut days: Vec<Day> = self
            .ws
            .calendar
            .holidays_within(a, b)
            .into_iter()
            .flat_map(|h| [region::day(h.from), region::day(h.to) + 1])
            .filter(|&d| from < d && d <= to)
            .collect();
        days.sort_unstable();
        days.dedup();
        days
    }
}

/// The classes of [`Engine::weekday_classes`]: weekdays split by the working week and by each
/// distinct `every`.
pub(super) fn weekday_classes(workweek: Weekdays, masks: &[Weekdays]) -> Vec<Weekdays> {
    let mut classes: Vec<Weekdays> = vec![workweek, workweek.complement()];
    for &m in masks {
        classes = classes
            .into_iter()
            .flat_map(|c| [c.intersect(m), c.difference(m)])
            .collect();
    }
    classes.retain(|c| !c.is_empty());
    classes.sort_unstable();
    classes.dedup();
    classes
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    #[test]
    fn weekday_classes_split_by_the_week_and_every_every() {
        let week = Weekdays::from_days([
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]);
        assert_eq!(weekday_classes(week, &[]).len(), 2);
        let fri = Weekdays::of(Weekday::Fri);
        let classes = weekday_classes(week, &[fri, fri]);
        assert_eq!(classes.len(), 3);
        assert!(classes.contains(&fri));
        let all = classes.iter().fold(Weekdays::NONE, |a, c| a.union(*c));
        assert!(all.is_all());
    }
}
