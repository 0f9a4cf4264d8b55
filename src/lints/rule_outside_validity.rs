//! `rule-outside-validity` (error)
//!
//! **What it finds:** a rule whose `during` period is not inside its circular's validity. The
//! witness names a day of the period outside the validity.
//!
//! **Why it matters:** a circular cannot regulate days on which it is not in force: the part of the
//! period outside the validity is silently ignored, and the dates were probably mistyped.
//!
//! **Example:** `valid 2021-07-12 to 2021-07-20` with `rule r: all => wfo 25% during 2021-07-01 to
//! 2021-07-15`.
//!
//! **Fix:** move the `during` period inside the validity, or extend the validity.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use crate::syntax::ast;
use crate::syntax::ast::Modifier;

pub(super) fn check(file: FileId, tree: &ast::File, out: &mut Vec<Diagnostic>) {
    for c in tree.circulars() {
        // The first day must be real; an invalid last day leaves the period open at that end.
        let (Some(Some(from)), Some((_, valid_span))) =
            (c.valid_from().map(|d| d.node), c.validity())
        else {
            continue;
        };
        let to = c.valid_to().and_then(|d| d.node);
        if to.is_some_and(|to| to < from) {
            continue; // `empty-period`
        }
        for (rule, _) in c.rules() {
            for m in &rule.modifiers {
                let Modifier::During(a, b) = &m.node else {
                    continue;
                };
                let (Some(a), Some(b)) = (a.node, b.node) else {
                    continue;
                };
                if b < a {
                    continue; // `empty-period`
                }
                let outside = if a < from {
                    Some(format!("{a} is before the validity starts on {from}"))
                } else {
                    to.filter(|&to| b > to)
                        .map(|to| format!("{b} is after the validity ends on {to}"))
                };
                let Some(witness) = outside else { continue };
                let validity = match to {
                    Some(to) => format!("{from} to {to}"),
                    None => format!("from {from}"),
                };
                out.push(
                    Diagnostic::new(
                        Code::RuleOutsideValidity,
                        file,
                        m.span,
                        format!(
                            "the `during` period of rule `{}` is not inside the validity of {}",
                            rule.name.node,
                            c.shown()
                        ),
                    )
                    .with_label(format!("{a} to {b}"))
                    .with_secondary(file, valid_span, format!("valid {validity}"))
                    .with_help("move the period inside the validity, or extend the validity")
                    .with_witness(witness),
                );
            }
        }
    }
}
