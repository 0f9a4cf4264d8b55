//! `antinomy` (error, lex posterior)
//!
//! **What it finds:** two circulars of the same level, both in force for some subject on some day,
//! whose requirements are disjoint, when no principle can decide between them: they were signed the
//! same day (lex posterior has nothing to compare), or the earlier one is the more special (its
//! deciding rules cover strictly fewer subjects than the later one's, so lex specialis favours the
//! earlier and lex posterior the later: a second-degree antinomy). The answer at such a point has the
//! status `conflict`. Reported at the later circular's rule (the one further down the workspace, when
//! both were signed the same day), with the earlier circular's rule labelled and a witness.
//!
//! **Why it matters:** staff bound by both circulars cannot obey both, and a reader cannot tell
//! which one prevails. It usually means a circular should have revoked another, or that two
//! offices issued overlapping circulars without coordinating.
//!
//! **Example:** two provincial circulars signed the same day, for the same government and the
//! same weeks, one with `wfo 50%` and the other with `wfo 100%` for the same staff.
//!
//! **Fix:** say which one prevails: the later-dated one `revokes` the other, or one is narrowed
//! so that they no longer meet.
//!
//! Found by the sweep ([`super::sweep`]) on two circulars of one level that clash.

use super::finding::{About, Finding, finding};
use super::sweep::SameLevel;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Workspace;
use crate::text;

/// The `antinomy` of two clashing circulars of one level: signed the same day (`same_day`), or
/// the earlier one the more special.
pub(super) fn finding_for(ws: &Workspace, clash: SameLevel<'_>, same_day: bool) -> Finding {
    let late_requires = clash.late_requires(ws, true);
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
    let (message, help) = if same_day {
        (
            text!("antinomy-same-day", late = lid, early = eid),
            text!(
                "antinomy-same-day-help",
                signed = l.signed.to_string(),
                late = lid,
                early = eid,
                revokes = revokes
            ),
        )
    } else {
        (
            text!("antinomy-special", late = lid, early = eid),
            text!(
                "antinomy-special-help",
                late = lid,
                early = eid,
                revokes = revokes,
                except = ws.keyword(l.file, "except")
            ),
        )
    };
    finding(
        About::Rules(early.circular, er.clone()),
        Some(About::Rules(late.circular, lr.clone())),
        Diagnostic::of(Code::Antinomy, l.file, lrule.arrangement_span, message)
            .with_label_text(late_requires)
            .with_secondary_text(e.file, erule.arrangement_span, earlier_label)
            .with_help_text(help)
            .with_witness_text(witness),
    )
}
