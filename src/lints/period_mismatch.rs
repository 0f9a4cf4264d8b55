//! `period-mismatch` (warning)
//!
//! **What it finds:** a validity whose duration claim, such as `(1 month)`, disagrees with its
//! dates. Both ends of a validity count: N days from S end on S + N - 1; N weeks on S + 7N - 1; N
//! months end on the day before the same day of the month N months later, or on the last day of
//! that month where that day does not exist (one month from 31 January ends on 28 February, or
//! 29 in a leap year). N working days are the days of the validity that are working days: its
//! weekdays of the working week that are no holiday of the workspace's calendar. The witness
//! names the days on which the two disagree.
//!
//! **Why it matters:** readers of a circular trust one of the two, and they end on different days:
//! staff do not know whether the last day is a WFH day.
//!
//! **Example:** `valid 2023-08-28 to 2023-09-28 (1 month)` (one month from 28 August ends on
//! 27 September).
//!
//! **Fix:** `valid 2023-08-28 to 2023-09-27 (1 month)`, or state the real length: `(32 days)`.

use crate::calendar::{Calendar, Weekdays, with_weekday_in};
use crate::diagnostic::{Code, Diagnostic};
use crate::msg::Arg;
use crate::span::{FileId, Span, Spanned};
use crate::syntax::ast;
use crate::syntax::ast::{Duration, DurationUnit, Validity};
use crate::text;
use chrono::{Datelike, Days, Months, NaiveDate};

/// The last day of a duration of `claim` starting on `from`, as drafters count: N months from S
/// end on the day before the same day of the month N months later; where that day does not
/// exist (31 April, 29 February of a common year), on the last day of that month.
/// A claim in working days has no end without a calendar: `None`.
pub fn claimed_end(from: NaiveDate, claim: Duration) -> Option<NaiveDate> {
    let n = claim.count;
    match claim.unit {
        DurationUnit::WorkingDay => None,
        DurationUnit::Day => from.checked_add_days(Days::new(n as u64))?.pred_opt(),
        DurationUnit::Week => from.checked_add_days(Days::new(7 * n as u64))?.pred_opt(),
        DurationUnit::Month => {
            // chrono clamps a day the month does not have to the month's last day.
            let later = from.checked_add_months(Months::new(n))?;
            if later.day() == from.day() {
                later.pred_opt()
            } else {
                Some(later)
            }
        }
    }
}

/// A count as people write it: `1 day`, `2 days`.
fn plural(n: i64, unit: DurationUnit) -> Arg {
    let unit = match unit {
        DurationUnit::Day => "day",
        DurationUnit::Week => "week",
        DurationUnit::Month => "month",
        DurationUnit::WorkingDay => "working-day",
    };
    text!("duration", n = n, unit = unit).into()
}

/// A claim in working days, `(5 working days)`: checked once every file is read
/// ([`check_working_days`]), since any file may declare a holiday or the working week.
#[derive(Clone, Debug)]
pub(super) struct WorkingDayClaim {
    file: FileId,
    claim: Spanned<Duration>,
    /// The windows of the validity, merged.
    windows: Vec<(NaiveDate, NaiveDate)>,
    /// Where the validity's last date is written.
    last: Span,
}

pub(super) fn check(
    file: FileId,
    tree: &ast::File,
    out: &mut Vec<Diagnostic>,
    claims: &mut Vec<WorkingDayClaim>,
) {
    for c in tree.circulars() {
        let Some((
            Validity::Windows {
                windows,
                claim: Some(claim),
            },
            _,
        )) = c.validity()
        else {
            continue;
        };
        if claim.node.unit == DurationUnit::WorkingDay {
            if let (Some(days), Some(last)) = (ast::Period::all_dates(windows), windows.last()) {
                claims.push(WorkingDayClaim {
                    file,
                    claim: claim.clone(),
                    windows: ast::Period::merged(days),
                    last: last.node.to.span,
                });
            }
            continue;
        }
        let [window] = windows.as_slice() else {
            several_windows(file, windows, claim, out);
            continue;
        };
        let (from, to) = (&window.node.from, &window.node.to);
        let (Some(from_d), Some(to_d)) = (from.node, to.node) else {
            continue;
        };
        if to_d < from_d {
            continue;
        }
        // `(0 days)` ends before it starts: it fits no validity, and has no end to compare.
        let end = claimed_end(from_d, claim.node).filter(|&end| end >= from_d);
        if end == Some(to_d) {
            continue;
        }
        let length = (to_d - from_d).num_days() + 1;
        let said = plural(i64::from(claim.count), claim.unit);
        let days = plural(length, DurationUnit::Day);
        let (from_s, to_s) = (from_d.to_string(), to_d.to_string());
        let message = match end {
            Some(end) => text!(
                "period-ends",
                said = said.clone(),
                from = from_s,
                end = end.to_string(),
                to = to_s
            ),
            None => text!(
                "period-does-not-fit",
                said = said.clone(),
                from = from_s,
                to = to_s,
                days = days.clone()
            ),
        };
        let mut d = Diagnostic::of(Code::PeriodMismatch, file, claim.span, message)
            .with_label_text(text!("period-claims", said = said.clone()))
            .with_secondary_text(
                file,
                to.span,
                text!("period-dates-give", days = days.clone()),
            );
        d.set_help_text(match end {
            Some(end) => text!("period-end-on-help", end = end.to_string(), days = days),
            None => text!("period-write-help", days = days),
        });
        if let Some(end) = end {
            // The days on which the two disagree: after the earlier end, up to the later one.
            let (a, b) = if end < to_d { (end, to_d) } else { (to_d, end) };
            let which: Arg = match a.succ_opt() {
                Some(first) if first < b => text!(
                    "period-dates-are",
                    from = first.to_string(),
                    to = b.to_string()
                ),
                _ => text!("period-date-is", day = b.to_string()),
            }
            .into();
            d = d.with_witness_text(if end < to_d {
                text!("period-after-claim", which = which, said = said)
            } else {
                text!("period-after-validity", which = which, said = said)
            });
        }
        out.push(d);
    }
}

/// A claim on a validity of several windows counts the days of all of them (section 10.1):
/// `valid 2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27 (5 days)`. A claim in months has
/// no count of days, so it is compared with the span from the first day to the last.
fn several_windows(
    file: FileId,
    windows: &[crate::span::Spanned<ast::Period>],
    claim: &crate::span::Spanned<Duration>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(days) = ast::Period::all_dates(windows) else {
        return; // `invalid-date`, `empty-period`
    };
    let runs = ast::Period::merged(days);
    let (Some(&(first, _)), Some(&(_, last))) = (runs.first(), runs.last()) else {
        return;
    };
    let total: i64 = runs.iter().map(|(a, b)| (*b - *a).num_days() + 1).sum();
    let said = plural(i64::from(claim.count), claim.unit);
    let counted = plural(total, DurationUnit::Day);
    let claimed_days = match claim.node.unit {
        // Checked against the calendar: `check_working_days`.
        DurationUnit::WorkingDay => return,
        DurationUnit::Day => i64::from(claim.count),
        DurationUnit::Week => 7 * i64::from(claim.count),
        DurationUnit::Month => {
            let end = claimed_end(first, claim.node);
            if end == Some(last) {
                return;
            }
            let span = plural((last - first).num_days() + 1, DurationUnit::Day);
            let (first, last) = (first.to_string(), last.to_string());
            out.push(
                Diagnostic::of(
                    Code::PeriodMismatch,
                    file,
                    claim.span,
                    match end {
                        Some(end) => text!(
                            "windows-end",
                            said = said.clone(),
                            first = first,
                            end = end.to_string(),
                            last = last
                        ),
                        None => text!(
                            "windows-do-not-fit",
                            said = said.clone(),
                            first = first,
                            last = last
                        ),
                    },
                )
                .with_label_text(text!("period-claims", said = said))
                .with_help_text(match end {
                    Some(end) => text!(
                        "windows-end-help",
                        end = end.to_string(),
                        counted = counted,
                        span = span
                    ),
                    None => text!("windows-count-help", counted = counted, span = span),
                }),
            );
            return;
        }
    };
    if claimed_days == total {
        return;
    }
    let shown: Vec<String> = runs
        .iter()
        .map(|(a, b)| ((*b - *a).num_days() + 1).to_string())
        .collect();
    out.push(
        Diagnostic::of(
            Code::PeriodMismatch,
            file,
            claim.span,
            text!(
                "windows-do-not-match",
                said = said.clone(),
                counted = counted.clone()
            ),
        )
        .with_label_text(text!("period-claims", said = said))
        .with_help_text(text!(
            "windows-sum-help",
            sum = shown.join(" + "),
            counted = counted
        )),
    );
}

/// Checks each claim in working days against the workspace's calendar: the count of working
/// days in its windows must be the claimed one.
pub(super) fn check_working_days(
    claims: &[WorkingDayClaim],
    calendar: &Calendar,
    out: &mut Vec<Diagnostic>,
) {
    for c in claims {
        let counted: u32 = c
            .windows
            .iter()
            .map(|&(a, b)| calendar.working_days(a, b))
            .sum();
        if counted == c.claim.node.count {
            continue;
        }
        let said = plural(i64::from(c.claim.node.count), DurationUnit::WorkingDay);
        let got = plural(i64::from(counted), DurationUnit::WorkingDay);
        let (Some(&(first, _)), Some(&(_, last))) = (c.windows.first(), c.windows.last()) else {
            continue;
        };
        let mut d = Diagnostic::of(
            Code::PeriodMismatch,
            c.file,
            c.claim.span,
            text!(
                "working-days-do-not-match",
                said = said.clone(),
                first = first.to_string(),
                last = last.to_string(),
                got = got.clone()
            ),
        )
        .with_label_text(text!("period-claims", said = said))
        .with_secondary_text(
            c.file,
            c.last,
            text!("period-dates-give", days = got.clone()),
        );
        let off = days_off(&c.windows, calendar);
        d.set_help_text(if off.is_empty() {
            text!("working-days-help", got = got)
        } else {
            text!(
                "working-days-off-help",
                got = got,
                off = Arg::each(|lang| {
                    let shown: Vec<String> = off
                        .iter()
                        .map(|(day, name)| format!("{} ({name})", with_weekday_in(*day, lang)))
                        .collect();
                    shown.join(", ")
                })
            )
        });
        let years: Vec<i32> = (first.year()..=last.year())
            .filter(|&y| calendar.uses_national() && !calendar.covers(y))
            .collect();
        if let Some(y) = years.first() {
            d = d.with_witness_text(text!("working-days-no-calendar", year = y.to_string()));
        }
        out.push(d);
    }
}

/// The holidays of the windows that fall on a weekday of the working week, in words:
/// "Friday 2026-03-20 (Hari Raya Idul Fitri 1447 Hijriah)".
fn days_off(windows: &[(NaiveDate, NaiveDate)], calendar: &Calendar) -> Vec<(NaiveDate, String)> {
    let week: Weekdays = calendar.workweek().weekdays();
    let mut out = Vec::new();
    for &(a, b) in windows {
        for h in calendar.holidays_within(a, b) {
            for day in h.dates().filter(|d| a <= *d && *d <= b && week.holds(*d)) {
                let shown = (day, h.name.clone());
                if !out.contains(&shown) {
                    out.push(shown);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The claimed end of `claim` from `from`, as written.
    fn ends(from: &str, claim: Duration) -> String {
        claimed_end(date(from), claim).expect("an end").to_string()
    }

    #[test]
    fn one_month_from_the_28th_ends_on_the_27th() {
        let claim = Duration {
            count: 1,
            unit: DurationUnit::Month,
        };
        assert_eq!(ends("2023-08-28", claim), "2023-09-27");
    }

    #[test]
    fn two_weeks_are_fourteen_days() {
        let claim = Duration {
            count: 2,
            unit: DurationUnit::Week,
        };
        assert_eq!(ends("2020-03-16", claim), "2020-03-29");
    }

    fn months(n: u32) -> Duration {
        Duration {
            count: n,
            unit: DurationUnit::Month,
        }
    }

    #[test]
    fn months_end_on_the_day_before_the_same_day() {
        assert_eq!(ends("2023-01-15", months(1)), "2023-02-14");
        assert_eq!(ends("2023-01-01", months(2)), "2023-02-28");
        assert_eq!(ends("2023-02-28", months(1)), "2023-03-27");
        // 29 February exists in 2024: the day before it.
        assert_eq!(ends("2024-01-29", months(1)), "2024-02-28");
    }

    #[test]
    fn months_end_on_the_last_day_where_the_same_day_does_not_exist() {
        assert_eq!(ends("2023-01-31", months(1)), "2023-02-28");
        assert_eq!(ends("2023-03-31", months(1)), "2023-04-30");
        assert_eq!(ends("2023-01-29", months(1)), "2023-02-28");
        assert_eq!(ends("2023-01-30", months(1)), "2023-02-28");
        assert_eq!(ends("2024-01-31", months(1)), "2024-02-29");
        assert_eq!(ends("2023-05-31", months(4)), "2023-09-30");
    }

    #[test]
    fn twelve_months_across_a_leap_day() {
        // From 29 February, the next year has no 29 February: its last day of February.
        assert_eq!(ends("2024-02-29", months(12)), "2025-02-28");
        // From 28 February, 28 February exists the next year: the day before.
        assert_eq!(ends("2024-02-28", months(12)), "2025-02-27");
        // A year from 1 March 2023 ends on 29 February 2024.
        assert_eq!(ends("2023-03-01", months(12)), "2024-02-29");
        assert_eq!(ends("2023-01-01", months(12)), "2023-12-31");
        // Four years from a leap day land on a leap day again: the day before it.
        assert_eq!(ends("2024-02-29", months(48)), "2028-02-28");
    }

    #[test]
    fn no_months_end_before_they_start() {
        assert_eq!(ends("2023-03-31", months(0)), "2023-03-30");
    }

    #[test]
    fn counts_read_as_people_write_them() {
        for (n, unit, shown) in [
            (1, DurationUnit::Day, "1 day"),
            (2, DurationUnit::Day, "2 days"),
            (1, DurationUnit::Week, "1 week"),
            (3, DurationUnit::Week, "3 weeks"),
            (1, DurationUnit::Month, "1 month"),
            (0, DurationUnit::Month, "0 months"),
        ] {
            assert_eq!(plural(n, unit).render(crate::Lang::En), shown);
        }
    }
}
