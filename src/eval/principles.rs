//! The legal principles that settle clashing norms (docs/language.md section 8), each written
//! once: the evaluator applies them at a point, and the analysis applies the same functions to
//! regions to say where circulars clash, so the two cannot disagree on who prevails.
//!
//! - [`overrides`], lex specialis within a circular: a rule that overrides another prevails.
//! - [`more_special`], lex specialis across circulars: which circular is the more special.
//! - [`lex_superior`]: the norm of the higher level prevails.
//! - [`signed_order`] and [`lex_posterior`]: of one level, the later-signed prevails, unless they
//!   were signed the same day or the earlier is the more special (an antinomy).

use super::Engine;
use crate::model::{CircularId, Rule, RuleId, Workspace};
use crate::syntax::ast::Level;
use std::cmp::Ordering;

/// Lex specialis within a circular: `by` overrides `rule` (written `overrides`, directly or
/// through other rules), so where both apply, `rule` drops out and `by` decides.
pub fn overrides(by: &Rule, rule: RuleId) -> bool {
    by.overrides_all.binary_search(&rule).is_ok()
}

/// Lex specialis across circulars: circular `a`'s rules `a_rules` are strictly more special
/// than circular `b`'s `b_rules`: they cover a strict subset of the subjects (selectors minus
/// `except`, on every date, ignoring scopes and exemptions).
pub fn more_special(
    engine: &Engine<'_>,
    (a, a_rules): (CircularId, &[RuleId]),
    (b, b_rules): (CircularId, &[RuleId]),
) -> bool {
    let a = engine.cover(a, a_rules);
    let b = engine.cover(b, b_rules);
    a.is_subset(&b) && !b.is_subset(&a)
}

/// Lex superior: the norm of the higher level prevails where norms of two levels clash. Orders
/// two levels superior first: `Less` when `a` is above `b`, `Equal` for one level (lex
/// superior does not decide), `Greater` when `b` is above `a`.
pub fn lex_superior(a: Level, b: Level) -> Ordering {
    b.cmp(&a)
}

/// The order lex posterior reads circulars of one level in: by the day they were signed, the
/// earlier first; circulars signed the same day in workspace order (lex posterior cannot decide
/// between those, see [`lex_posterior`]).
pub fn signed_order(ws: &Workspace, a: CircularId, b: CircularId) -> Ordering {
    (ws.circulars[a].signed, a).cmp(&(ws.circulars[b].signed, b))
}

/// How a clash of two circulars of one level is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Posterior {
    /// Lex posterior: the later-signed prevails.
    LaterPrevails,
    /// An antinomy: they were signed the same day, so lex posterior cannot decide.
    SignedSameDay,
    /// An antinomy: the earlier is the more special ([`more_special`]), so lex specialis and
    /// lex posterior disagree.
    EarlierMoreSpecial,
}

/// Lex posterior, weighed against lex specialis: how the clash of `earlier`'s deciding rules
/// with `later`'s (circulars of one level, `earlier` first by [`signed_order`]) is settled.
pub fn lex_posterior(
    engine: &Engine<'_>,
    earlier: (CircularId, &[RuleId]),
    later: (CircularId, &[RuleId]),
) -> Posterior {
    let ws = engine.ws;
    if ws.circulars[earlier.0].signed == ws.circulars[later.0].signed {
        Posterior::SignedSameDay
    } else if more_special(engine, earlier, later) {
        Posterior::EarlierMoreSpecial
    } else {
        Posterior::LaterPrevails
    }
}
