//! `implicit-revocation` (warning, lex posterior)
//!
//! **What it finds:** two circulars of the same level, both in force for some subject on some day,
//! with disjoint requirements, where the later-signed one prevails (lex posterior) although it does
//! not `revoke` the earlier one. Reported at the later circular's number, with both rules labelled
//! and a witness; the help gives the `revokes` clause to add.
//!
//! **Why it matters:** the outcome is decided, but only by a principle the text leaves implicit:
//! a reader of the earlier circular does not learn that it no longer holds, and if the dates
//! were mistyped the wrong circular wins. Saying `revokes` makes the intent explicit.
//!
//! **Example:** a new circular changes the share while the previous one is still in force.
//!
//! **Fix:** `revokes` the earlier circular (it stops applying from the later one's first valid
//! day).
//!
//! Found by the sweep ([`super::sweep`]), which also records that the earlier circular is set
//! aside where they clash (for `violates-higher-norm`).

use super::finding::{About, Finding, finding};
use super::sweep::SameLevel;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Workspace;
use crate::text;

/// The `implicit-revocation` of the earlier of two clashing circulars of one level by the later.
pub(super) fn finding_for(ws: &Workspace, clash: SameLevel<'_>) -> Finding {
    let late_requires = clash.late_requires(ws, false);
    let SameLevel {
        early,
        late,
        e,
        l,
        witness,
        earlier_label,
    } = clash;
    let (er, lr) = (&early.rules, &late.rules);
    let lrule = &l.rules[lr[0]];
    let erule = &e.rules[er[0]];
    let (eid, lid) = (&e.id, &l.id);
    let revokes = ws.keyword(l.file, "revokes");
    let help = match e.valid_to {
        Some(end) if end >= l.valid_from => text!(
            "implicit-revocation-help-later",
            late = lid,
            early = eid,
            revokes = revokes,
            end = end.to_string()
        ),
        _ => text!(
            "implicit-revocation-help",
            late = lid,
            early = eid,
            revokes = revokes
        ),
    };
    finding(
        About::Rules(early.circular, er.clone()),
        Some(About::Rules(late.circular, lr.clone())),
        Diagnostic::of(
            Code::ImplicitRevocation,
            l.file,
            l.id_span,
            text!("implicit-revocation", late = lid, early = eid),
        )
        .with_label_text(text!(
            "implicit-revocation-label",
            signed = l.signed.to_string()
        ))
        .with_secondary_text(l.file, lrule.arrangement_span, late_requires)
        .with_secondary_text(e.file, erule.arrangement_span, earlier_label)
        .with_help_text(help)
        .with_witness_text(witness),
    )
}
