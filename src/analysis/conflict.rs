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
use crate::diagnostic::{Code, Diagnostic};
use crate::text;

/// The `conflict` of two rules deciding together with disjoint shares.
pub(super) fn finding_for(p: RulePair<'_>) -> Finding {
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
    let (kx, ky) = (rx.wfo.arg(), ry.wfo.arg());
    finding(
        about,
        None,
        Diagnostic::of(
            Code::Conflict,
            file,
            ry.arrangement_span,
            text!("conflict", x = nx, y = ny, kx = kx.clone(), ky = ky.clone()),
        )
        .with_label_text(text!("rule-requires", rule = ny, wfo = ky.clone()))
        .with_secondary_text(
            file,
            rx.arrangement_span,
            text!("rule-requires", rule = nx, wfo = kx.clone()),
        )
        .with_help_text(text!("conflict-help", specialis = specialis, apart = apart))
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
