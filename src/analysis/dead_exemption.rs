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

/// The `dead-exemption` findings of circular `c`: its `except`s, then its `exempt`s.
pub(super) fn check(engine: &Engine<'_>, c: CircularId, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let u = &engine.universe;
    let everyone = Region::full();
    for (r, rule) in circular.rules.iter().enumerate() {
        let sel = compiled.rules[r].selector.as_deref().unwrap_or(&everyone);
        for (k, (except, span)) in rule.except.iter().enumerate() {
            if !sel.overlaps(&u.region(except)) {
                out.push(finding(
                    About::Except(c, r, k),
                    None,
                    Diagnostic::new(
                        Code::DeadExemption,
                        circular.file,
                        *span,
                        format!(
                            "this `except` removes nobody: rule `{}` covers none of its subjects",
                            engine.ws.rule_name(circular, rule)
                        ),
                    )
                    .with_label(format!(
                        "not covered by `{}`",
                        engine.ws.rule_name(circular, rule)
                    ))
                    .with_help("remove it, or name subjects the rule covers"),
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
                format!("no rule of `{}` covers its subjects", circular.id),
                "remove it, or name subjects the circular's rules cover",
            )
        } else {
            (
                "it names only governments outside the circular's scope".to_string(),
                "remove it, or correct its `gov`",
            )
        };
        out.push(finding(
            About::Exempt(c, k),
            None,
            Diagnostic::new(
                Code::DeadExemption,
                circular.file,
                e.span,
                format!("this `exempt` removes nobody: {why}"),
            )
            .with_label("exempts nobody the circular binds")
            .with_help(help),
        ));
    }
}
