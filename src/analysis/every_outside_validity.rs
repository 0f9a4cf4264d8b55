//! `every-outside-validity` (warning)
//!
//! **What it finds:** a rule with `every WEEKDAY` whose dates (its circular's validity, or its
//! `during` windows within it) hold no day of those weekdays at all: `every friday` on a validity
//! from a Monday to a Wednesday. Reported at the `every`, naming the weekdays its dates do have.
//!
//! **Why it matters:** the rule never applies: on no date of the circular is it the weekday it
//! names. Usually the weekday or a date is mistyped.
//!
//! **Example:** `valid 2026-04-06 to 2026-04-08` with `rule friday: all => wfh 50% every
//! friday`.
//!
//! **Fix:** correct the weekday (`every wednesday`), or the dates so that they hold a Friday.
//!
//! Read off the circular's compiled validity and rules, by [`super::within`].

use super::finding::{About, Finding, finding};
use super::rule_on_days_off::rule_windows;
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::CircularId;
use crate::msg::Arg;
use crate::region::{self, Day, Weekdays};
use crate::text;

/// The `every-outside-validity` findings of circular `c`.
pub(super) fn check(engine: &Engine<'_>, c: CircularId, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let validity: Vec<(Day, Day)> = compiled.windows.iter().copied().collect();
    if !super::rule_on_days_off::valid_on_working_days(engine, c) {
        return; // `rule-on-days-off` of the validity
    }
    for (r, rule) in circular.rules.iter().enumerate() {
        let Some((days, span)) = rule.every else {
            continue;
        };
        let windows = rule_windows(&validity, compiled.rules[r].during.as_deref());
        if windows.is_empty()
            || windows
                .iter()
                .any(|&(a, b)| region::tighten(a, b, days).is_some())
        {
            continue;
        }
        // The weekdays its dates do have (at most six: the dates span less than a week).
        let present = windows.iter().fold(Weekdays::NONE, |acc, &(a, b)| {
            (a..=b.min(a + 6)).fold(acc, |acc, d| acc.union(Weekdays::of(region::weekday(d))))
        });
        let whose = if rule.during.is_some() {
            "during"
        } else {
            "validity"
        };
        let during = engine.ws.keyword(circular.file, "during");
        let days = Arg::each(|lang| days.name_in(lang));
        let name = engine.ws.rule_name(circular, rule);
        out.push(finding(
            About::Rules(c, vec![r]),
            None,
            Diagnostic::of(
                Code::EveryOutsideValidity,
                circular.file,
                span,
                text!(
                    "every-outside-validity",
                    rule = name,
                    days = days.clone(),
                    whose = whose,
                    during = during
                ),
            )
            .with_label_text(text!(
                "every-outside-validity-label",
                days = days,
                whose = whose,
                during = during
            ))
            .with_help_text(text!(
                "every-outside-validity-help",
                present = Arg::each(|lang| present.plural_in(lang)),
                whose = whose,
                during = during
            )),
        ));
    }
}
