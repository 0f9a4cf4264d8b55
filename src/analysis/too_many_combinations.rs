//! `too-many-combinations` (warning)
//!
//! **What it finds:** a circular whose rules apply together in more combinations than edaran
//! checks: more than 2,048 pieces, and 64 more for each rule, where the same rules decide. Rules
//! about units, functions and places make a piece or a few each; rules that each select a trait
//! or a condition of their own make one for every combination of them (twelve such rules: 4,096).
//! Reported at the circular's number, with the rules counted.
//!
//! **Why it matters:** such a circular is not checked: not for `conflict`, `overlap`,
//! `dead-rule` or `dead-exemption` within it, nor against other circulars (`antinomy`,
//! `implicit-revocation`, `violates-higher-norm`). Its answers are exact all the same, but a
//! mistake in it would not be found, and saying nothing would read as "no mistakes".

use super::finding::{About, Finding, finding};
use super::partition::{TooManyPieces, max_pieces};
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::CircularId;

/// The finding of circular `c`, whose analysis stopped at `pieces`.
pub(super) fn finding_of(engine: &Engine<'_>, c: CircularId, pieces: TooManyPieces) -> Finding {
    let circular = engine.circular(c);
    let n = circular.rules.len();
    finding(
        About::Rules(c, (0..n).collect()),
        None,
        Diagnostic::of(
            Code::TooManyCombinations,
            circular.file,
            circular.id_span,
            crate::text!(
                "too-many-combinations",
                n = n,
                circular = &circular.id,
                max = max_pieces(n)
            ),
        )
        .with_label_text(crate::text!(
            "too-many-combinations-label",
            pieces = pieces.0
        ))
        .with_help_text(crate::text!("too-many-combinations-help")),
    )
}
