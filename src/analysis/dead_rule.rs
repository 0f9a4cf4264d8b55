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
use crate::msg::Text;
use crate::region::{Region, date};
use crate::text;

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
        let (why, help) = never_applies(engine, c, 0, true);
        out.push(finding(
            About::Rules(c, (0..rules.len()).collect()),
            None,
            Diagnostic::of(
                Code::DeadRule,
                file,
                circular.id_span,
                text!("dead-circular", circular = &circular.id, why = why),
            )
            .with_label_text(text!("dead-circular-label"))
            .with_help_text(help),
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
            let (why, help) = never_applies(engine, c, r, false);
            (
                text!("dead-rule-never-applies", rule = name, why = why),
                text!("dead-rule-nobody"),
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
            let overrides = engine.ws.keyword(file, "overrides");
            let help = match by.as_slice() {
                // The overriding rule covers more: `overrides` is written the wrong way round.
                &[s] if narrower(engine, c, r, s) == Some(r) => text!(
                    "dead-rule-wrong-way-help",
                    by = names[0],
                    rule = name,
                    overrides = overrides
                ),
                _ => text!("dead-rule-overridden-help"),
            };
            (
                text!(
                    "dead-rule-overridden",
                    rule = name,
                    by = and_list(&names),
                    n = by.len()
                ),
                text!("dead-rule-overridden-label"),
                help,
            )
        };
        out.push(finding(
            About::Rules(c, vec![r]),
            None,
            Diagnostic::of(Code::DeadRule, file, rule.name_span, message)
                .with_label_text(label)
                .with_help_text(help),
        ));
    }
}

/// Why rule `r` of circular `c`, which applies nowhere, applies nowhere, and what to do about it;
/// with `whole`, said of the whole circular (which never applies).
fn never_applies(engine: &Engine<'_>, c: CircularId, r: RuleId, whole: bool) -> (Text, Text) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let rule = &compiled.rules[r];
    let kw = |english| engine.ws.keyword(circular.file, english);
    let whole = if whole { "yes" } else { "no" };
    if circular.rules[r].is_otherwise() {
        return (text!("never-otherwise"), text!("never-otherwise-help"));
    }
    if compiled.applies().is_empty() {
        return match compiled.revoked {
            Some((from, by)) if from <= compiled.from => (
                text!(
                    "never-revoked",
                    by = &engine.circular(by).id,
                    from = date(from).to_string(),
                    whole = whole
                ),
                text!("never-revoked-help"),
            ),
            _ => (
                text!("never-exempt", whole = whole, exempt = kw("exempt")),
                text!("never-exempt-help", exempt = kw("exempt")),
            ),
        };
    }
    let matched = rule.matched();
    if rule.selector.as_deref().is_some_and(Region::is_empty) {
        (text!("never-selector"), text!("never-selector-help"))
    } else if matched.is_empty() {
        (
            text!("never-except", except = kw("except")),
            text!("never-except-help", except = kw("except")),
        )
    } else if !matched.overlaps(&compiled.scope) {
        (
            text!("never-scope"),
            text!("never-scope-help", gov = kw("gov"), scope = kw("scope")),
        )
    } else if !matched
        .intersect(&compiled.scope)
        .overlaps(&compiled.exempt.complement())
    {
        (
            text!("never-exempted"),
            text!("never-exempted-help", exempt = kw("exempt")),
        )
    } else if let (Some(_), Some((from, by))) = (&rule.during, compiled.revoked) {
        (
            text!(
                "never-revoked-during",
                by = &engine.circular(by).id,
                from = date(from).to_string(),
                whole = whole,
                during = kw("during")
            ),
            text!("never-revoked-during-help", during = kw("during")),
        )
    } else {
        (
            text!("never-matches"),
            text!("never-matches-help", during = kw("during")),
        )
    }
}
