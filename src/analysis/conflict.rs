//! `conflict` (error, lex specialis)
//!
//! **What it finds:** within one circular, two rules that both apply to some subject on some day,
//! require disjoint WFO intervals, and neither overrides the other. Rules are compared by what they
//! cover, not by their names: two sectors that share a unit, or a sector and a sub-unit of one of its
//! units, meet there. Reported at the later rule's arrangement, with the earlier one labelled; the
//! witness names one subject and the days on which they clash.
//!
//! **Why it matters:** the circular asks for two incompatible things at once (`at most 25%` and
//! `50%`): there is no share a unit head could choose. Usually one rule is the exception to the
//! other, and lex specialis decides, but a program can only apply it when the text says which
//! rule is the more special.
//!
//! **Example:** `rule essential: essential => wfo at most 25%` and
//! `rule uptd: unit "Bapenda/UPTD" and function service => wfo 50%`, where `"Bapenda"` is in the
//! sector `essential`.
//!
//! **Fix:** state lex specialis with `overrides` on the more specific rule, or narrow one rule
//! with `except`.
//!
//! Read off the pieces of one circular ([`super::partition`]), with `overlap`, by
//! [`super::within`]: each pair of rules deciding together is one or the other.

use super::RulePair;
use super::finding::{Finding, finding};
use crate::diagnostic::Code;
use crate::text;

/// The `conflict` of two rules deciding together with disjoint shares.
pub(super) fn finding_for(p: RulePair<'_>) -> Finding {
    let (kx, ky) = (p.rx.wfo.arg(), p.ry.wfo.arg());
    let (nx, ny) = (p.nx, p.ny);
    let message = text!("conflict", x = nx, y = ny, kx = kx.clone(), ky = ky.clone());
    let d = p.diagnostic(Code::Conflict, message, kx.clone(), ky.clone());
    let RulePair {
        about,
        point,
        specialis,
        apart,
        ..
    } = p;
    finding(
        about,
        None,
        d.with_help_text(text!("conflict-help", specialis = specialis, apart = apart))
            .with_witness_text(text!(
                "conflict-witness",
                point = point,
                x = nx,
                y = ny,
                kx = kx,
                ky = ky
            )),
    )
}
