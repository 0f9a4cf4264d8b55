//! `dead-exemption` (warning)
//!
//! **What it finds:** an `except` that removes nothing its rule would match, or an `exempt` that
//! removes nothing the circular's rules would match in its scope. Dates are ignored, and an `except`
//! is compared with its rule's selector alone (one that repeats another `except` of the same rule is
//! not reported). Reported at the `except` or the `exempt` clause. In a circular without rules an
//! `exempt` within its scope is not reported: `no-rule` says the circular sets no share, and those
//! it exempts are answered `exempt` rather than `baseline`.
//!
//! **Why it matters:** the exemption has no effect, so the subjects the drafter meant to exempt
//! are still bound, or the wrong subjects were named; either way the text and its effect differ.
//!
//! **Example:** `rule essential: essential => wfo 25% except unit "RSUD"`, where `"RSUD"` is not
//! in the sector `essential`: the `except` removes nobody.
//!
//! **Fix:** remove the exemption, or name the subjects that were meant.

use super::finding::{About, Finding, finding};
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::CircularId;
use crate::region::Region;
use crate::text;

/// The `dead-exemption` findings of circular `c`: its `except`s, then its `exempt`s.
pub(super) fn check(engine: &Engine<'_>, c: CircularId, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let u = &engine.universe;
    let everyone = Region::full();
    let kw = |english| engine.ws.keyword(circular.file, english);
    for (r, rule) in circular.rules.iter().enumerate() {
        let sel = compiled.rules[r].selector.as_deref().unwrap_or(&everyone);
        for (k, (except, span)) in rule.except.iter().enumerate() {
            if !sel.overlaps(&u.region(except)) {
                out.push(finding(
                    About::Except(c, r, k),
                    None,
                    Diagnostic::of(
                        Code::DeadExemption,
                        circular.file,
                        *span,
                        text!(
                            "dead-except",
                            rule = engine.ws.rule_name(circular, rule),
                            except = kw("except")
                        ),
                    )
                    .with_label_text(text!(
                        "dead-except-label",
                        rule = engine.ws.rule_name(circular, rule)
                    ))
                    .with_help_text(text!("dead-except-help")),
                ));
            }
        }
    }
    for (k, e) in circular.exempt.iter().enumerate() {
        let exempted = u.region(&e.selector);
        // Dead when no rule's selector meets it within the scope (no union of every rule).
        let in_scope = exempted.intersect(&compiled.scope);
        let meets_a_rule = compiled.rules.iter().any(|r| match &r.selector {
            Some(sel) => sel.overlaps(&in_scope),
            None => !in_scope.is_empty(),
        });
        if meets_a_rule {
            continue;
        }
        let in_the_scope = exempted.overlaps(&compiled.scope);
        if in_the_scope && compiled.rules.is_empty() {
            // A circular without rules: `no-rule` says so, and those it exempts are answered
            // `exempt` rather than `baseline`.
            continue;
        }
        let (why, help) = if in_the_scope {
            (
                text!("dead-exempt-no-rule", circular = &circular.id),
                text!("dead-exempt-no-rule-help"),
            )
        } else {
            (
                text!("dead-exempt-scope"),
                text!("dead-exempt-scope-help", gov = kw("gov")),
            )
        };
        out.push(finding(
            About::Exempt(c, k),
            None,
            Diagnostic::of(
                Code::DeadExemption,
                circular.file,
                e.span,
                text!("dead-exempt", why = why, exempt = kw("exempt")),
            )
            .with_label_text(text!("dead-exempt-label"))
            .with_help_text(help),
        ));
    }
}
