//! The top-level items of the calendar: `holiday DATE [to DATE] STRING` and `workweek DAY to
//! DAY` (`calendar none` is a bare span in [`super::Item`]).

use super::{DateLit, Str, WeekdayLit};
use chrono::NaiveDate;

/// `holiday DATE [to DATE] STRING`: a holiday of the workspace beside the national ones.
#[derive(Clone, Debug, PartialEq)]
pub struct HolidayDef {
    /// Its first day.
    pub from: DateLit,
    /// Its last day, when it has several.
    pub to: Option<DateLit>,
    /// Its name.
    pub name: Str,
}

impl HolidayDef {
    /// Its first and last days, when they are real dates.
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        let from = self.from.node?;
        let to = match &self.to {
            Some(to) => to.node?,
            None => from,
        };
        Some((from, to))
    }
}

/// `workweek DAY to DAY`: the working weekdays of the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkweekDef {
    /// The first working weekday.
    pub first: WeekdayLit,
    /// The last.
    pub last: WeekdayLit,
}
