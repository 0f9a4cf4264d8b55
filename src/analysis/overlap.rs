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
use crate::diagnostic::Code;
use crate::syntax::ast::Interval;
use crate::text;

/// The `overlap` of two rules deciding together with shares that combine to `both`.
pub(super) fn finding_for(p: RulePair<'_>, both: Interval) -> Finding {
    let (rx, ry, nx, ny) = (p.rx, p.ry, p.nx, p.ny);
    // Where the places differ, every interval names its place, home included.
    let places = rx.wfo.remote != ry.wfo.remote;
    let shown = |iv: Interval| {
        if places {
            iv.with_place_arg()
        } else {
            iv.arg()
        }
    };
    let (kx, ky, together) = (shown(rx.wfo), shown(ry.wfo), shown(both));
    let message = if places {
        text!(
            "overlap-places",
            x = nx,
            y = ny,
            px = rx.wfo.remote.as_str(),
            py = ry.wfo.remote.as_str(),
            both = together.clone()
        )
    } else {
        text!("overlap", x = nx, y = ny, both = both.arg())
    };
    let d = p.diagnostic(Code::Overlap, message, kx.clone(), ky.clone());
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
        d.with_help_text(text!(
            "overlap-help",
            specialis = specialis,
            apart = apart,
            both = together.clone()
        ))
        .with_witness_text(text!(
            "overlap-witness",
            point = point,
            x = nx,
            y = ny,
            kx = kx,
            ky = ky,
            both = together
        )),
    )
}
