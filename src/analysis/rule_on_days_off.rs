//! `rule-on-days-off` (warning)
//!
//! **What it finds:** a validity, a rule or a `during` window that covers no working day: every
//! day it names is a Saturday, a Sunday (or another weekday outside the `workweek`), a holiday of
//! the national calendar or one the workspace declares. Reported at the validity, at the
//! rule's `every` when its weekdays are the cause, or at its `during`; the message lists the
//! days off and why each is one.
//!
//! **Why it matters:** circulars regulate working days: on a day off nobody works, from the
//! office or from home, so the rule says nothing. Usually a date is a day off, or the weekday
//! is wrong (`every saturday` for `every friday`).
//!
//! **Example:** `rule lebaran: all => wfh 100% during 2026-03-20 to 2026-03-24` (Idul Fitri and
//! its cuti bersama, then a weekend).
//!
//! **Fix:** move the window to the working days around the holidays (`during 2026-03-16 to
//! 2026-03-18, 2026-03-25 to 2026-03-27`), or correct the weekday.
//!
//! Read off the circular's compiled validity and rules, with the calendar of the workspace
//! ([`Engine::working_part`]), by [`super::within`]. A rule whose weekdays never fall in its
//! dates at all is `every-outside-validity` instead.

use super::finding::{About, Finding, finding};
use crate::calendar::with_weekday_in;
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::CircularId;
use crate::msg::{Arg, Text};
use crate::region::{self, Block, Day, LAST_DAY, Weekdays, date};
use crate::span::Span;
use crate::text;

/// The most days off a message lists one by one.
const LISTED: usize = 6;

/// The `rule-on-days-off` findings of circular `c`: its validity, or else each rule and each
/// of its `during` windows.
pub(super) fn check(engine: &Engine<'_>, c: CircularId, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let file = circular.file;
    let validity: Vec<(Day, Day)> = compiled.windows.iter().copied().collect();
    if !any_working_day(engine, &validity, Weekdays::ALL) {
        out.push(finding(
            About::Rules(c, Vec::new()),
            None,
            Diagnostic::of(
                Code::RuleOnDaysOff,
                file,
                circular.valid_span,
                text!(
                    "days-off-validity",
                    circular = &circular.id,
                    days = days_off(engine, &validity, Weekdays::ALL)
                ),
            )
            .with_label_text(text!("no-working-day"))
            .with_help_text(text!("days-off-validity-help")),
        ));
        return;
    }
    for (r, rule) in circular.rules.iter().enumerate() {
        let cr = &compiled.rules[r];
        let windows = rule_windows(&validity, cr.during.as_deref());
        // No date of its weekdays at all: `every-outside-validity`.
        if windows
            .iter()
            .all(|&(a, b)| region::tighten(a, b, cr.days).is_none())
        {
            continue;
        }
        let name = engine.ws.rule_name(circular, rule);
        if !any_working_day(engine, &windows, cr.days) {
            // Its weekdays are the cause when its dates have working days on other weekdays.
            let (span, what) = match (rule.every, rule.during.as_ref()) {
                (Some((_, every)), _) if any_working_day(engine, &windows, Weekdays::ALL) => {
                    (every, "weekdays")
                }
                (_, Some((_, during))) => (*during, "during"),
                _ => (rule.name_span, "dates"),
            };
            let during = engine.ws.keyword(file, "during");
            let week = engine.ws.calendar.workweek();
            let message = if cr.days.intersect(week.weekdays()).is_empty() {
                text!(
                    "days-off-weekdays",
                    rule = name,
                    days = Arg::each(|lang| cr.days.plural_in(lang)),
                    week = Arg::each(|lang| week.name_in(lang))
                )
            } else {
                text!(
                    "days-off-rule",
                    rule = name,
                    what = what,
                    during = during,
                    days = days_off(engine, &windows, cr.days)
                )
            };
            out.push(on_days_off(About::Rules(c, vec![r]), file, span, message));
            continue;
        }
        // A `during` window of its own with no working day, beside others that have some.
        let (Some(during), Some((_, span))) = (cr.during.as_deref(), rule.during.as_ref()) else {
            continue;
        };
        for &(a, b) in during {
            let window = rule_windows(&validity, Some(&[(a, b)]));
            if window.is_empty() || any_working_day(engine, &window, cr.days) {
                continue;
            }
            out.push(on_days_off(
                About::Rules(c, vec![r]),
                file,
                *span,
                text!(
                    "days-off-window",
                    from = date(a).to_string(),
                    to = date(b).to_string(),
                    rule = name,
                    during = engine.ws.keyword(file, "during"),
                    days = days_off(engine, &window, cr.days)
                ),
            ));
        }
    }
}

fn on_days_off(about: About, file: crate::span::FileId, span: Span, message: Text) -> Finding {
    finding(
        about,
        None,
        Diagnostic::of(Code::RuleOnDaysOff, file, span, message)
            .with_label_text(text!("no-working-day"))
            .with_help_text(text!("days-off-help")),
    )
}

/// The days of a rule: its `during` windows within the validity's, or the validity's.
pub(super) fn rule_windows(
    validity: &[(Day, Day)],
    during: Option<&[(Day, Day)]>,
) -> Vec<(Day, Day)> {
    let Some(during) = during else {
        return validity.to_vec();
    };
    let mut out = Vec::new();
    for &(a, b) in during {
        for &(c, d) in validity {
            let (from, to) = (a.max(c), b.min(d));
            if from <= to {
                out.push((from, to));
            }
        }
    }
    out
}

/// Whether some day of the validity of `c` is a working day (where none is, only the validity
/// is reported: not its rules, by this check, `every-outside-validity` or `dead-rule`).
pub(super) fn valid_on_working_days(engine: &Engine<'_>, c: CircularId) -> bool {
    let validity: Vec<(Day, Day)> = engine.compiled(c).windows.iter().copied().collect();
    any_working_day(engine, &validity, Weekdays::ALL)
}

/// Whether rule `r` of circular `c` has a working day among its dates (its `during` within the
/// validity, on the weekdays of its `every`): when it has none, this check or
/// `every-outside-validity` says so, and `dead-rule` does not.
pub(super) fn rule_has_working_day(engine: &Engine<'_>, c: CircularId, r: usize) -> bool {
    let compiled = engine.compiled(c);
    let validity: Vec<(Day, Day)> = compiled.windows.iter().copied().collect();
    let rule = &compiled.rules[r];
    any_working_day(
        engine,
        &rule_windows(&validity, rule.during.as_deref()),
        rule.days,
    )
}

/// Whether some day of the windows, on one of `days`, is a working day.
fn any_working_day(engine: &Engine<'_>, windows: &[(Day, Day)], days: Weekdays) -> bool {
    windows.iter().any(|&(from, to)| {
        engine
            .working_part(&Block {
                from,
                to,
                days,
                ..Block::full()
            })
            .is_some()
    })
}

/// The days off of the windows on `days`, in words of each language: "Saturday 2026-03-21
/// and Sunday 2026-03-22 are days off", "Friday 2026-03-20 is a day off (Hari Raya Idul Fitri
/// ...)".
fn days_off(engine: &Engine<'_>, windows: &[(Day, Day)], days: Weekdays) -> Arg {
    let mut listed: Vec<(Day, Option<String>)> = Vec::new();
    let mut count = 0usize;
    for &(from, to) in windows {
        let Some((from, to)) = region::tighten(from, to.min(LAST_DAY), days) else {
            continue;
        };
        let mut d = from;
        while d <= to && count <= 400 {
            if days.contains(region::weekday(d)) {
                count += 1;
                if listed.len() < LISTED {
                    let reason = engine.day_off(d).unwrap_or_default();
                    // A weekend day goes without saying; a holiday says its name.
                    let named = reason != crate::calendar::weekday_name(region::weekday(d));
                    listed.push((d, named.then_some(reason)));
                }
            }
            d += 1;
        }
    }
    let more = count.saturating_sub(listed.len());
    Arg::each(|lang| {
        let shown: Vec<String> = listed
            .iter()
            .map(|(d, reason)| {
                let day = with_weekday_in(date(*d), lang);
                match reason {
                    Some(r) => format!("{day} ({r})"),
                    None => day,
                }
            })
            .collect();
        let and = text!("and").render(lang);
        match shown.split_last() {
            None => text!("no-day"),
            Some((last, [])) if more == 0 => text!("day-off-one", day = last),
            Some((last, rest)) if more == 0 => {
                let list = format!("{} {and} {last}", rest.join(", "));
                text!("days-off", list = list)
            }
            Some(_) => {
                let list = text!("and-more", names = shown.join(", "), more = more).render(lang);
                text!("days-off", list = list)
            }
        }
        .render(lang)
    })
}
