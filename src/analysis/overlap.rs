//! `overlap` (warning, lex specialis)
//!
//! **What it finds:** two rules of one circular, neither overriding the other, that apply to common
//! subjects on common days with different but compatible intervals. The result there is their
//! intersection. Reported at the later rule's arrangement, with the earlier one labelled; the
//! witness names one subject and the days on which they meet.
//!
//! **Why it matters:** the intersection is rarely what the drafter meant: `at most 50%` for
//! everyone and `at least 25%` for the critical sector give the critical sector `25%..50%`,
//! which neither rule says. Usually one rule was meant as the exception to the other (lex
//! specialis).
//!
//! **Example:** `rule ceiling: all => wfo at most 50%` and
//! `rule floor: critical => wfo at least 25%`: they meet on the critical sector.
//!
//! **Fix:** mark the exception with `overrides`, or, if the intersection is meant, write it in
//! one rule.
//!
//! An overlap is reported only where the circular's rules do not conflict: inside a conflict,
//! the conflict is the finding ([`super::within`]).

use super::RulePair;
use super::finding::{Finding, finding};
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::ast::Interval;

/// The `overlap` of two rules deciding together with shares that combine to `both`.
pub(super) fn finding_for(p: RulePair<'_>, both: Interval) -> Finding {
    let RulePair {
        about,
        file,
        rx,
        ry,
        nx,
        ny,
        point,
        specialis,
        apart,
    } = p;
    let (kx, ky) = (rx.wfo, ry.wfo);
    finding(
        about,
        None,
        Diagnostic::new(
            Code::Overlap,
            file,
            ry.arrangement_span,
            format!("where rules `{nx}` and `{ny}` both apply, their shares combine to WFO {both}"),
        )
        .with_label(format!("`{ny}` requires WFO {ky}"))
        .with_secondary(
            file,
            rx.arrangement_span,
            format!("`{nx}` requires WFO {kx}"),
        )
        .with_help(format!(
            "{specialis}; or {apart}; if WFO {both} is meant, say it in one rule"
        ))
        .with_witness(format!(
            "{point}: `{nx}` requires WFO {kx}, `{ny}` WFO {ky}, together WFO {both}"
        )),
    )
}
