//! `overlap` (warning, lex specialis)
//!
//! **What it finds:** two rules of one circular, neither overriding the other, that apply to common
//! subjects on common days with different but compatible intervals (in shares, or in where the
//! others work: from home and from anywhere). The result there is their intersection. Reported
//! at the later rule's arrangement, with the earlier one labelled; the witness names one subject
//! and the days on which they meet.
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
//! Places meet the same way: a rule that lets the others work from anywhere (`wfa`) and one that
//! says from home (`wfo`, `wfh`) give "from home" together (home is within anywhere), an overlap
//! when they are of one circular, never a conflict; the message then names both places.
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
    // Where the places differ, every interval names its place, home included.
    let places = rx.wfo.remote != ry.wfo.remote;
    let shown = |iv: Interval| {
        if places {
            iv.with_place().to_string()
        } else {
            iv.to_string()
        }
    };
    let (kx, ky, both_shown) = (shown(rx.wfo), shown(ry.wfo), shown(both));
    let message = if places {
        format!(
            "where rules `{nx}` and `{ny}` both apply, `{nx}` says the others work {} and `{ny}` {}: together WFO {both_shown}",
            rx.wfo.remote, ry.wfo.remote
        )
    } else {
        format!("where rules `{nx}` and `{ny}` both apply, their shares combine to WFO {both}")
    };
    finding(
        about,
        None,
        Diagnostic::new(Code::Overlap, file, ry.arrangement_span, message)
            .with_label(format!("`{ny}` requires WFO {ky}"))
            .with_secondary(
                file,
                rx.arrangement_span,
                format!("`{nx}` requires WFO {kx}"),
            )
            .with_help(format!(
                "{specialis}; or {apart}; if WFO {both_shown} is meant, say it in one rule"
            ))
            .with_witness(format!(
                "{point}: `{nx}` requires WFO {kx}, `{ny}` WFO {ky}, together WFO {both_shown}"
            )),
    )
}
