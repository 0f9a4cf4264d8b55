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
use crate::msg::Text;
use crate::span::FileId;
use crate::syntax::ast;
use crate::syntax::ast::Modifier;
use chrono::NaiveDate;

pub(super) fn check(file: FileId, tree: &ast::File, out: &mut Vec<Diagnostic>) {
    for c in tree.circulars() {
        let Some((validity, valid_span)) = c.validity() else {
            continue;
        };
        // The days in force, as sorted disjoint runs; an invalid or reversed window is reported
        // elsewhere (`invalid-date`, `empty-period`) and leaves the circular unchecked here.
        let runs: Vec<(NaiveDate, Option<NaiveDate>)> = match validity {
            ast::Validity::From(from) => match from.node {
                Some(from) => vec![(from, None)],
                None => continue,
            },
            ast::Validity::Windows { windows, .. } => {
                let Some(days) = ast::Period::all_dates(windows) else {
                    continue;
                };
                ast::Period::merged(days)
                    .iter()
                    .map(|&(a, b)| (a, Some(b)))
                    .collect()
            }
        };
        let shown_validity = runs
            .iter()
            .map(|(a, b)| match b {
                Some(b) => crate::text!("period-to", from = a.to_string(), to = b.to_string()),
                None => crate::text!("period-from", from = a.to_string()),
            })
            .reduce(|list, next| crate::text!("comma-list", list = list, next = next))
            .unwrap_or(crate::text!("comma-list-empty"));
        for (rule, _) in c.rules() {
            for m in &rule.modifiers {
                let Modifier::During(windows) = &m.node else {
                    continue;
                };
                for w in windows {
                    let Some((a, b)) = w.node.dates() else {
                        continue;
                    };
                    if b < a {
                        continue; // `empty-period`
                    }
                    let Some(witness) = outside(&runs, a, b) else {
                        continue;
                    };
                    out.push(
                        Diagnostic::of(
                            Code::RuleOutsideValidity,
                            file,
                            // One period: the whole modifier; in a list, the period at fault.
                            if windows.len() == 1 { m.span } else { w.span },
                            crate::text!(
                                "rule-outside-validity",
                                rule = &rule.name.node,
                                circular = c.shown_text()
                            ),
                        )
                        .with_label_text(crate::text!(
                            "period-to",
                            from = a.to_string(),
                            to = b.to_string()
                        ))
                        .with_secondary_text(
                            file,
                            valid_span,
                            crate::text!(
                                "rule-outside-validity-valid",
                                runs = shown_validity.clone()
                            ),
                        )
                        .with_help_text(crate::text!("rule-outside-validity-help"))
                        .with_witness_text(witness),
                    );
                }
            }
        }
    }
}

/// Why `a..=b` is not inside the runs of days in force, or `None` when it is.
fn outside(runs: &[(NaiveDate, Option<NaiveDate>)], a: NaiveDate, b: NaiveDate) -> Option<Text> {
    if runs
        .iter()
        .any(|&(from, to)| from <= a && to.is_none_or(|to| b <= to))
    {
        return None;
    }
    let first = runs.first()?.0;
    if a < first {
        return Some(crate::text!(
            "outside-before",
            day = a.to_string(),
            first = first.to_string()
        ));
    }
    // The first day of the period that no run holds.
    for &(from, to) in runs {
        let Some(to) = to else { break };
        if from <= a && a <= to {
            let next = to.succ_opt()?;
            return Some(if runs.last().is_some_and(|l| l.1 == Some(to)) {
                crate::text!("outside-after", day = b.to_string(), last = to.to_string())
            } else {
                crate::text!("outside-between", day = next.to_string())
            });
        }
        if a < from {
            return Some(crate::text!("outside-between", day = a.to_string()));
        }
    }
    let last = runs.last()?.1?;
    Some(crate::text!(
        "outside-after",
        day = b.to_string(),
        last = last.to_string()
    ))
}
