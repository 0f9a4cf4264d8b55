//! `retroactive` (warning)
//!
//! **What it finds:** a circular signed after its first valid day. A circular signed on its first
//! valid day, or before it, is not reported.
//!
//! **Why it matters:** a circular binds from its signing; days before it were worked under the
//! previous arrangement, and a retroactive start usually means a typo in one of the dates.
//!
//! **Example:** `signed 2023-08-29` with `valid 2023-08-28 to 2023-09-27`.
//!
//! **Fix:** correct the signing date, or start the validity on or after it.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use crate::syntax::ast;

pub(super) fn check(file: FileId, tree: &ast::File, out: &mut Vec<Diagnostic>) {
    for c in tree.circulars() {
        // Only the first valid day matters: an invalid last day does not hide this.
        let (Some(signed), Some(first)) = (c.signed(), c.valid_from()) else {
            continue;
        };
        let (Some(signed_on), Some(from)) = (signed.node, first.node) else {
            continue;
        };
        if signed_on <= from {
            continue;
        }
        let from_span = first.span;
        let days = (signed_on - from).num_days();
        out.push(
            Diagnostic::of(
                Code::Retroactive,
                file,
                signed.span,
                crate::text!(
                    "retroactive",
                    circular = c.shown_text(),
                    signed = signed_on.to_string(),
                    days = days,
                    from = from.to_string()
                ),
            )
            .with_label_text(crate::text!("retroactive-label"))
            .with_secondary_text(file, from_span, crate::text!("retroactive-first-day"))
            .with_help_text(crate::text!(
                "retroactive-help",
                signed = signed_on.to_string()
            ))
            .with_witness_text(crate::text!(
                "retroactive-witness",
                signed = signed_on.to_string(),
                from = from.to_string()
            )),
        );
    }
}
