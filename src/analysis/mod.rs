//! The conflict and overlap analysis: where rules clash, within a circular and across circulars,
//! levels and time.
//!
//! Built on the same compiled regions as the evaluator ([`Engine`]): a rule *decides* at a point
//! exactly where the evaluator says it does. Each circular's applicability region is partitioned
//! into [`Piece`]s on which the set of deciding rules is constant (`partition.rs`); the findings
//! are read off the pieces (within a circular) and off intersecting pieces of two circulars
//! (across circulars: the date sweep of `sweep.rs`).
//!
//! Scale: circulars are compared only when their validity overlaps (a sweep over start dates)
//! and their scopes share a government, never all against all.
//!
//! One file per code, each opening with its code, severity and principle, what it finds, why it
//! matters, an example and the fix (`docs/lints.md` has a section on each, and `tests/lints.rs`
//! keeps them in step):
//!
//! - `conflict.rs`, `overlap.rs` (lex specialis): two rules of one circular decide together with
//!   disjoint, or different but compatible, shares, and no `overrides` says which one is the
//!   exception.
//! - `dead_rule.rs` (lex specialis): a rule that decides nowhere; `dead_exemption.rs`: an
//!   `except` or `exempt` that removes nobody.
//! - `antinomy.rs` (lex posterior): two circulars of one level clash, and lex posterior cannot
//!   decide; `implicit_revocation.rs` (lex posterior): the later one prevails without `revokes`.
//! - `violates_higher_norm.rs` (lex superior): a rule clashes with a circular of a higher level.
//! - `rule_on_days_off.rs`, `every_outside_validity.rs`: a validity, rule or window on days off
//!   only, and `every WEEKDAY` on dates without that weekday (the calendar of the workspace).
//!
//! Every finding is judged on working days only: a region with no working day has no witness
//! (`witness.rs`), and a finding without one is not reported.
//!
//! Shared by them: `finding.rs` (the identity of a finding, [`Key`]) and `witness.rs` (findings
//! in the user's words). `overlapping-sectors` is read off the text, in [`crate::lints`].

mod antinomy;
mod conflict;
mod dead_exemption;
mod dead_rule;
mod every_outside_validity;
mod finding;
mod group;
mod implicit_revocation;
mod overlap;
mod partition;
mod rule_on_days_off;
mod sweep;
mod too_many_combinations;
mod violates_higher_norm;
mod witness;

pub use finding::{About, Finding, Key};
pub use partition::{CircularAnalysis, Piece, analyze_circular};
pub use sweep::{Pieces, findings, findings_given, findings_with, of_circular};

use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::{CircularId, Rule, RuleId};
use crate::region::Region;
use crate::span::FileId;
use std::collections::BTreeMap;
use witness::witness as witness_of;

/// The diagnostics of every finding.
pub fn diagnostics(engine: &Engine<'_>) -> Vec<Diagnostic> {
    findings(engine).into_iter().map(|f| f.diagnostic).collect()
}

/// The findings that are clashes: `conflict`, `antinomy` and `violates-higher-norm` (the
/// `conflicts` question).
pub fn conflicts(engine: &Engine<'_>) -> Vec<Diagnostic> {
    let mut all = diagnostics(engine);
    all.retain(|d| {
        matches!(
            d.code,
            Code::Conflict | Code::Antinomy | Code::ViolatesHigherNorm
        )
    });
    crate::diagnostic::sort(&mut all);
    all
}

/// The findings within circular `c`, read off its analysis `a`: `conflict` and `overlap` for
/// each pair of rules deciding together, then `dead-rule` and `dead-exemption`.
fn within(engine: &Engine<'_>, c: CircularId, a: &CircularAnalysis, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let rules = &circular.rules;
    // Many rules that clash for one cause are one finding (`group.rs`); the rest pair by pair.
    let groups = group::cliques(engine, c, &a.pieces, out);
    let pairs = group::stars(engine, c, deciding_together(rules, a, &groups), out);
    for ((x, y), region) in pairs {
        let (rx, ry) = (&rules[x], &rules[y]);
        let Some(point) = witness_of(engine, &region) else {
            continue;
        };
        let name = |rule| engine.ws.rule_name(circular, rule);
        let (nx, ny) = (name(rx), name(ry));
        // Lex specialis, stated: on the narrower rule when one is narrower.
        let kw = |english| engine.ws.keyword(circular.file, english);
        let overrides = kw("overrides");
        let specialis = match narrower(engine, c, x, y) {
            Some(n) => {
                let (special, general) = if n == x { (nx, ny) } else { (ny, nx) };
                crate::text!(
                    "specialis-narrower",
                    special = special,
                    general = general,
                    overrides = overrides
                )
            }
            None => crate::text!("specialis-either", x = nx, y = ny, overrides = overrides),
        };
        let apart = if rx.during.is_some() || ry.during.is_some() {
            crate::text!("apart-during", except = kw("except"), during = kw("during"))
        } else {
            crate::text!("apart", except = kw("except"))
        };
        let pair = RulePair {
            about: About::Rules(c, vec![x, y]),
            file: circular.file,
            rx,
            ry,
            nx,
            ny,
            point,
            specialis,
            apart,
        };
        out.push(match rx.wfo.intersect(ry.wfo) {
            None => conflict::finding_for(pair),
            Some(both) => overlap::finding_for(pair, both),
        });
    }
    dead_rule::check(engine, c, a, out);
    dead_exemption::check(engine, c, out);
    rule_on_days_off::check(engine, c, out);
    every_outside_validity::check(engine, c, out);
}

/// Pairs of rules deciding together with different shares, and where: disjoint intervals
/// conflict, different ones overlap. An overlap is kept only where the circular's rules do not
/// conflict: inside a conflict, the conflict is the finding. The pairs of a group (`groups`) are
/// left out: a piece whose conflicts a group holds is not visited pair by pair.
fn deciding_together(
    rules: &[Rule],
    a: &CircularAnalysis,
    groups: &group::Groups,
) -> BTreeMap<(RuleId, RuleId), Region> {
    let mut pairs: BTreeMap<(RuleId, RuleId), Region> = BTreeMap::new();
    for piece in &a.pieces {
        if piece.constraint.is_none() && groups.holds_piece(rules, &piece.deciding) {
            continue;
        }
        for (k, &x) in piece.deciding.iter().enumerate() {
            for &y in &piece.deciding[k + 1..] {
                let disjoint = rules[x].wfo.intersect(rules[y].wfo).is_none();
                if disjoint && groups.together(x, y) {
                    continue;
                }
                if rules[x].wfo != rules[y].wfo && (disjoint || piece.constraint.is_some()) {
                    let entry = pairs.entry((x, y)).or_default();
                    *entry = entry.union(&piece.region);
                }
            }
        }
    }
    pairs
}

/// Two rules of one circular that decide together with different shares, and what the
/// `conflict` or `overlap` between them says.
struct RulePair<'a> {
    about: About,
    file: FileId,
    /// The earlier rule and the later one.
    rx: &'a Rule,
    ry: &'a Rule,
    /// Their names.
    nx: &'a str,
    ny: &'a str,
    /// One subject and the days on which they meet.
    point: crate::msg::Arg,
    /// The help that states lex specialis.
    specialis: crate::msg::Text,
    /// The help that keeps them apart.
    apart: crate::msg::Text,
}

impl RulePair<'_> {
    /// The finding's diagnostic, at the later rule's arrangement, each rule labelled with what
    /// it requires: `ky` the later's share, `kx` the earlier's.
    fn diagnostic(
        &self,
        code: Code,
        message: crate::msg::Text,
        kx: crate::msg::Arg,
        ky: crate::msg::Arg,
    ) -> Diagnostic {
        let (file, rx, ry) = (self.file, self.rx, self.ry);
        Diagnostic::of(code, file, ry.arrangement_span, message)
            .with_label_text(crate::text!("rule-requires", rule = self.ny, wfo = ky))
            .with_secondary_text(
                file,
                rx.arrangement_span,
                crate::text!("rule-requires", rule = self.nx, wfo = kx),
            )
    }
}

/// Of two rules of one circular, the one that covers strictly fewer subjects (selector minus
/// `except`, ignoring dates), if either does: the likely exception.
fn narrower(engine: &Engine<'_>, c: CircularId, x: RuleId, y: RuleId) -> Option<RuleId> {
    let (cx, cy) = (engine.cover(c, &[x]), engine.cover(c, &[y]));
    match (cx.is_subset(&cy), cy.is_subset(&cx)) {
        (true, false) => Some(x),
        (false, true) => Some(y),
        _ => None,
    }
}
