//! `period-mismatch` (warning)
//!
//! **What it finds:** a validity whose duration claim, such as `(1 month)`, disagrees with its
//! dates. Both ends of a validity count: N days from S end on S + N - 1; N weeks on S + 7N - 1; N
//! months on S + N months - 1 day. The witness names the days on which the two disagree.
//!
//! **Why it matters:** readers of a circular trust one of the two, and they end on different days:
//! staff do not know whether the last day is a WFH day.
//!
//! **Example:** `valid 2023-08-28 to 2023-09-28 (1 month)` (one month from 28 August ends on
//! 27 September).
//!
//! **Fix:** `valid 2023-08-28 to 2023-09-27 (1 month)`, or state the real length: `(32 days)`.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use crate::syntax::ast;
use crate::syntax::ast::{Duration, DurationUnit, Validity};
use chrono::{Days, Months, NaiveDate};

/// The last day of a duration of `claim` starting on `from`.
pub fn claimed_end(from: NaiveDate, claim: Duration) -> Option<NaiveDate> {
    let n = claim.count;
    let after = match claim.unit {
        DurationUnit::Day => from.checked_add_days(Days::new(n as u64))?,
        DurationUnit::Week => from.checked_add_days(Days::new(7 * n as u64))?,
        DurationUnit::Month => from.checked_add_months(Months::new(n))?,
    };
    after.pred_opt()
}

fn plural(n: u32, unit: DurationUnit) -> String {
    let word = match unit {
        DurationUnit::Day => "day",
        DurationUnit::Week => "week",
        DurationUnit::Month => "month",
    };
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

pub(super) fn check(file: FileId, tree: &ast::File, out: &mut Vec<Diagnostic>) {
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
        let [window] = windows.as_slice() else {
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
        let said = plural(claim.count, claim.unit);
        let message = match end {
            Some(end) => {
                format!("`({said})` from {from_d} ends on {end}, but the validity ends on {to_d}")
            }
            None => format!(
                "`({said})` does not fit the validity {from_d} to {to_d}, which has {length} days"
            ),
        };
        let mut d = Diagnostic::new(Code::PeriodMismatch, file, claim.span, message)
            .with_label(format!("claims {said}"))
            .with_secondary(file, to.span, format!("the dates give {length} days"));
        d.help = Some(match end {
            Some(end) => format!("end the validity on {end}, or write `({length} days)`"),
            None => format!("write `({length} days)`"),
        });
        if let Some(end) = end {
            // The days on which the two disagree: after the earlier end, up to the later one.
            let (a, b) = if end < to_d { (end, to_d) } else { (to_d, end) };
            let days = match a.succ_opt() {
                Some(first) if first < b => format!("{first} to {b} are"),
                _ => format!("{b} is"),
            };
            d.witness = Some(if end < to_d {
                format!("{days} in the validity but after the claimed {said}")
            } else {
                format!("{days} in the claimed {said} but after the validity")
            });
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn one_month_from_the_28th_ends_on_the_27th() {
        let claim = Duration {
            count: 1,
            unit: DurationUnit::Month,
        };
        assert_eq!(
            claimed_end(date("2023-08-28"), claim),
            Some(date("2023-09-27"))
        );
    }

    #[test]
    fn two_weeks_are_fourteen_days() {
        let claim = Duration {
            count: 2,
            unit: DurationUnit::Week,
        };
        assert_eq!(
            claimed_end(date("2020-03-16"), claim),
            Some(date("2020-03-29"))
        );
    }

    #[test]
    fn one_month_from_january_31_ends_on_the_last_of_february_minus_one() {
        let claim = Duration {
            count: 1,
            unit: DurationUnit::Month,
        };
        // chrono clamps 31 January + 1 month to 28 February (2022 is no leap year).
        assert_eq!(
            claimed_end(date("2022-01-31"), claim),
            Some(date("2022-02-27"))
        );
    }
}
