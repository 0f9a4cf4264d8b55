//! `violates-higher-norm` (error, lex superior)
//!
//! **What it finds:** a rule of a lower-level circular (local below provincial below national) whose
//! requirement is disjoint from that of a higher-level circular in force for the same subject on the
//! same day. The higher one prevails (lex superior); the lower rule is reported at its arrangement,
//! with the higher rule labelled and a witness.
//!
//! **Why it matters:** a regional circular cannot depart from a national instruction it
//! implements: where they disagree, the regional figure is void, and the agencies following it
//! are out of line with the higher norm.
//!
//! **Example:** the national frame caps office attendance at `wfo at most 50%`, the province asks
//! for `wfo 75%`.
//!
//! **Fix:** bring the lower rule within the higher one's interval.
//!
//! The sweep ([`super::sweep`]) records each clash across levels as a [`Violation`]; it is
//! reported once the whole sweep has said where its higher norm is itself set aside, so `check`
//! folds the levels as the answers do.

use super::finding::{About, Finding, finding};
use super::sweep::Side;
use super::witness::{rules_contradict, rules_require, witness};
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::CircularId;
use crate::region::Region;
use crate::text;
use foldhash::HashMap;

/// A lower circular's rules that clash with a higher norm, where they meet: reported once the
/// whole sweep has said where that norm is itself set aside (section 10.1: levels fold as the
/// answers do, so a provincial rule that the national level sets aside is no measure for a local
/// rule at those points).
pub(super) struct Violation {
    /// The higher norm.
    pub(super) high: Side,
    /// The lower rules.
    pub(super) low: Side,
    /// Where they clash.
    pub(super) region: Region,
}

/// The `violates-higher-norm` findings, each where its higher norm stands: not where that norm
/// is set aside by a norm above it or by a later one of its level.
pub(super) fn violations(
    engine: &Engine<'_>,
    violations: Vec<Violation>,
    set_aside: &HashMap<CircularId, Region>,
    out: &mut Vec<Finding>,
) {
    let ws = engine.ws;
    for v in violations {
        let Side {
            circular: hi,
            rules: hr,
            wfo: hk,
        } = v.high;
        let Side {
            circular: lo,
            rules: lr,
            wfo: lk,
        } = v.low;
        let region = match set_aside.get(&hi) {
            Some(aside) => v.region.subtract(aside),
            None => v.region,
        };
        let Some(point) = witness(engine, &region) else {
            continue;
        };
        let (high, low) = (&ws.circulars[hi], &ws.circulars[lo]);
        let lrule = &low.rules[lr[0]];
        let hrule = &high.rules[hr[0]];
        let level = high.level.as_str();
        let kw = |english| ws.keyword(low.file, english);
        out.push(finding(
            About::Rules(lo, lr.clone()),
            Some(About::Rules(hi, hr.clone())),
            Diagnostic::of(
                Code::ViolatesHigherNorm,
                low.file,
                lrule.arrangement_span,
                text!(
                    "violates-higher-norm",
                    who = rules_contradict(ws, low, &lr),
                    level = level,
                    high = &high.id,
                    low_wfo = lk.arg(),
                    high_wfo = hk.arg()
                ),
            )
            .with_label_text(text!(
                "requires-wfo",
                who = rules_require(ws, low, &lr, false),
                wfo = lk.arg()
            ))
            .with_secondary_text(
                high.file,
                hrule.arrangement_span,
                text!(
                    "violates-higher-norm-high",
                    who = rules_require(ws, high, &hr, true),
                    wfo = hk.arg()
                ),
            )
            .with_help_text(text!(
                "violates-higher-norm-help",
                level = level,
                wfo = hk.arg(),
                except = kw("except"),
                during = kw("during")
            ))
            .with_witness_text(text!(
                "clash-witness",
                point = point,
                x = &high.id,
                y = &low.id,
                kx = hk.arg(),
                ky = lk.arg()
            )),
        ));
    }
}
