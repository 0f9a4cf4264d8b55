//! `dead-rule` (warning, lex specialis)
//!
//! **What it finds:** a rule that never decides anything: wherever it applies, another rule
//! overrides it, or it applies to no subject on any day the circular is in force. Reported at the
//! rule's name; the message names the rules that override it, or says why it applies to nobody (its
//! selector, its `except`, the scope, an `exempt`, or a revocation). A circular that never applies at
//! all (revoked before it starts, or exempting everyone it binds) is one finding at its number, not
//! one per rule.
//!
//! **Why it matters:** the rule has no effect, yet readers take it at its word. Usually an
//! `overrides` is written the wrong way round (the general rule overriding the special one), or
//! a selector or `during` is wrong.
//!
//! **Example:** `rule hospitals: unit "RSUD" => wfo 100%` and
//! `rule sector: health => wfo 50% overrides hospitals`, where `"RSUD"` is in `health`.
//!
//! **Fix:** put `overrides` on the more specific rule (or remove the dead one).

use super::finding::{About, Finding, finding};
use super::narrower;
use super::partition::CircularAnalysis;
use super::witness::and_list;
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::eval::principles;
use crate::model::{CircularId, RuleId};
use crate::region::{Region, date};

/// The `dead-rule` findings of circular `c`: one for the circular when it never applies,
/// otherwise one per rule that never decides.
pub(super) fn check(
    engine: &Engine<'_>,
    c: CircularId,
    a: &CircularAnalysis,
    out: &mut Vec<Finding>,
) {
    let circular = engine.circular(c);
    let rules = &circular.rules;
    let file = circular.file;
    // A circular that never applies: one finding for the circular, not one per rule. (One
    // whose validity has no working day is `rule-on-days-off`.)
    let applies = engine.compiled(c).applies();
    if !engine.has_working_day(&applies) && !rules.is_empty() {
        if !super::rule_on_days_off::valid_on_working_days(engine, c) {
            return;
        }
        let (why, help) = never_applies(engine, c, 0);
        let why = why
            .replace("its circular's", "its")
            .replace("its circular", "it");
        out.push(finding(
            About::Rules(c, (0..rules.len()).collect()),
            None,
            Diagnostic::new(
                Code::DeadRule,
                file,
                circular.id_span,
                format!(
                    "circular `{}` never applies, so none of its rules decides: {why}",
                    circular.id
                ),
            )
            .with_label("never applies")
            .with_help(help),
        ));
        return;
    }
    // Rules that never decide.
    for (r, rule) in rules.iter().enumerate() {
        // A rule in an override cycle, or with a `during` outside the validity, is reported
        // as `override-cycle` or `rule-outside-validity` already.
        let outside = rule.during.as_ref().is_some_and(|(windows, _)| {
            windows
                .iter()
                .any(|&(from, to)| !circular.valid_throughout(from, to))
        });
        if engine.has_working_day(&a.deciding[r]) || principles::overrides(rule, r) || outside {
            continue;
        }
        // A rule whose own dates hold no working day is `rule-on-days-off` or
        // `every-outside-validity`.
        if !super::rule_on_days_off::rule_has_working_day(engine, c, r) {
            continue;
        }
        let name = engine.ws.rule_name(circular, rule);
        let (message, label, help) = if a.applicable[r].is_empty() {
            let (why, help) = never_applies(engine, c, r);
            (
                format!("rule `{name}` never applies: {why}"),
                "applies to nobody",
                help,
            )
        } else {
            let by: Vec<RuleId> = rules
                .iter()
                .enumerate()
                .filter(|(s, o)| {
                    *s != r
                        && principles::overrides(o, r)
                        && a.applicable[*s].overlaps(&a.applicable[r])
                })
                .map(|(s, _)| s)
                .collect();
            let names: Vec<&str> = by
                .iter()
                .map(|&s| engine.ws.rule_name(circular, &rules[s]))
                .collect();
            let help = match by.as_slice() {
                // The overriding rule covers more: `overrides` is written the wrong way round.
                &[s] if narrower(engine, c, r, s) == Some(r) => format!(
                    "`{}` covers more staff than `{name}`, so `overrides` is probably the wrong way round: remove `overrides {name}` from `{}` and add `overrides {}` to `{name}`",
                    names[0], names[0], names[0]
                ),
                _ => "remove it, or narrow the rules that override it".to_string(),
            };
            (
                format!(
                    "rule `{name}` never decides: {} override{} it wherever it applies",
                    and_list(&names),
                    if by.len() == 1 { "s" } else { "" }
                ),
                "always overridden",
                help,
            )
        };
        out.push(finding(
            About::Rules(c, vec![r]),
            None,
            Diagnostic::new(Code::DeadRule, file, rule.name_span, message)
                .with_label(label)
                .with_help(help),
        ));
    }
}

/// Why rule `r` of circular `c`, which applies nowhere, applies nowhere, and what to do about it.
fn never_applies(engine: &Engine<'_>, c: CircularId, r: RuleId) -> (String, String) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let rule = &compiled.rules[r];
    let say = |why: &str, help: &str| (why.to_string(), help.to_string());
    if circular.rules[r].is_otherwise() {
        return say(
            "the other rules cover every subject",
            "remove it, or narrow the other rules",
        );
    }
    if compiled.applies().is_empty() {
        return match compiled.revoked {
            Some((from, by)) if from <= compiled.from => (
                format!(
                    "`{}` revokes its circular from {}, before the circular starts",
                    engine.circular(by).id,
                    date(from)
                ),
                "check the dates of the two circulars, or remove the revoked one".to_string(),
            ),
            _ => say(
                "its circular's `exempt` clauses cover everyone the circular binds",
                "narrow the `exempt` clauses",
            ),
        };
    }
    let matched = rule.matched();
    if rule.selector.as_deref().is_some_and(Region::is_empty) {
        say(
            "no subject matches its selector",
            "correct its selector: a subject has one value of each dimension",
        )
    } else if matched.is_empty() {
        say(
            "its `except` removes every subject its selector matches",
            "remove the rule, or correct its `except`",
        )
    } else if !matched.overlaps(&compiled.scope) {
        say(
            "it matches only governments outside the circular's scope",
            "correct its `gov`, or the circular's `scope`",
        )
    } else if !matched
        .intersect(&compiled.scope)
        .overlaps(&compiled.exempt.complement())
    {
        say(
            "the circular exempts every subject it matches",
            "remove the rule, or narrow the `exempt`",
        )
    } else if let (Some(_), Some((from, by))) = (&rule.during, compiled.revoked) {
        (
            format!(
                "`{}` revokes its circular from {}, before its `during` period",
                engine.circular(by).id,
                date(from)
            ),
            "correct its `during` period, or the dates of the circulars".to_string(),
        )
    } else {
        say(
            "it matches no subject on a day the circular applies",
            "correct its selector or its `during` period",
        )
    }
}
