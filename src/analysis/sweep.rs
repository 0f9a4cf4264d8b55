//! The date sweep across circulars: which circulars are compared, when their pieces are
//! dropped, and what the pairing of two circulars finds.
//!
//! A sweep over start dates, in chunks: each chunk's circulars are analysed on every core (their
//! own findings, and their pieces), then paired with the circulars still in force when they
//! start whose scopes share a government. A circular's pieces are dropped once the sweep has
//! passed its last day, or as soon as its chunk is paired when no later circular meets it, so
//! memory holds the circulars of one period, not of the whole corpus.
//!
//! Intersecting pieces of two circulars with disjoint constraints clash: across levels a
//! violation of the higher norm ([`super::violates_higher_norm`], reported once the sweep knows
//! where that norm stands), within one level an `antinomy` or an `implicit-revocation`.

use super::finding::Finding;
use super::partition::{Piece, analyze_circular};
use super::violates_higher_norm::{Violation, violations};
use super::witness::{rules_require, witness};
use super::{antinomy, implicit_revocation, within};
use crate::eval::Engine;
use crate::eval::principles::{self, Posterior};
use crate::model::{Circular, CircularId, RuleId};
use crate::region::Region;
use crate::syntax::ast::Interval;
use foldhash::HashMap;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One side of a clash: a circular, its rules that decide there, and their constraint.
pub(super) struct Side {
    /// The circular.
    pub(super) circular: CircularId,
    /// Its deciding rules (sorted).
    pub(super) rules: Vec<RuleId>,
    /// The intersection of their intervals.
    pub(super) wfo: Interval,
}

/// Two circulars of one level that clash, the earlier-signed first, with what both findings of
/// that level say about them.
pub(super) struct SameLevel<'a> {
    /// The earlier one (the first in the workspace when signed the same day).
    pub(super) early: &'a Side,
    /// The later one.
    pub(super) late: &'a Side,
    /// The earlier circular.
    pub(super) e: &'a Circular,
    /// The later circular.
    pub(super) l: &'a Circular,
    /// One subject and the days on which they clash, with both shares.
    pub(super) witness: crate::msg::Text,
    /// The label on the earlier circular's rule.
    pub(super) earlier_label: crate::msg::Text,
}

impl SameLevel<'_> {
    /// "rule `a` requires WFO 50%" of the later circular's deciding rules; with `of`, "rule `a`
    /// of `C` requires ...".
    pub(super) fn late_requires(&self, ws: &crate::model::Workspace, of: bool) -> crate::msg::Text {
        crate::text!(
            "requires-wfo",
            who = rules_require(ws, self.l, &self.late.rules, of),
            wfo = self.late.wfo.arg()
        )
    }
}

/// What the pairing of two circulars finds.
#[derive(Default)]
struct PairFindings {
    findings: Vec<Finding>,
    violations: Vec<Violation>,
    /// Where a circular is set aside by the other: lex superior (the lower one) or lex
    /// posterior (the earlier one).
    set_aside: Vec<(CircularId, Region)>,
}

/// Where two circulars clash, and the constraints of each there.
type Clash = (Region, Interval, Interval);

/// Circulars are analysed and paired this many at a time.
const CHUNK: usize = 256;

/// Every finding of the analysis: `conflict`, `overlap`, `dead-rule`, `dead-exemption`,
/// `antinomy`, `implicit-revocation`, `violates-higher-norm`.
pub fn findings(engine: &Engine<'_>) -> Vec<Finding> {
    findings_with(engine, &|c| of_circular(engine, c))
}

/// What circular `c` gives the sweep on its own: the findings within it, and its pieces.
/// A circular whose rules combine in too many ways gives `too-many-combinations` and no pieces:
/// it meets no other circular.
pub fn of_circular(engine: &Engine<'_>, c: CircularId) -> (Vec<Finding>, Pieces) {
    let a = match analyze_circular(engine, c) {
        Ok(a) => a,
        Err(too_many) => {
            let found = super::too_many_combinations::finding_of(engine, c, too_many);
            return (vec![found], Pieces::default());
        }
    };
    let mut found = Vec::new();
    within(engine, c, &a, &mut found);
    (found, Arc::new(a.pieces))
}

/// The pieces of a circular, shared: a caller that keeps them (`check::Session`) hands the
/// same ones to the next analysis without copying them.
pub type Pieces = Arc<Vec<Piece>>;

/// [`findings`], with `own(c)` in place of [`of_circular`]`(engine, c)`: a caller that kept what
/// a circular gave an earlier analysis (`check::Session`) hands it back instead of computing it
/// again. `own` must give exactly what [`of_circular`] would.
pub fn findings_with(
    engine: &Engine<'_>,
    own: &(dyn Fn(CircularId) -> (Vec<Finding>, Pieces) + Sync),
) -> Vec<Finding> {
    sweep(engine, Own::Compute(own))
}

/// [`findings`], with `own[c]` given in place of [`of_circular`]`(engine, c)`, for a caller
/// that has what every circular gives on its own at hand (`check::Session`, which keeps it):
/// the sweep then takes each as it comes instead of computing them a chunk at a time on every
/// core. `own` holds one entry per circular.
pub fn findings_given(engine: &Engine<'_>, own: Vec<(Vec<Finding>, Pieces)>) -> Vec<Finding> {
    debug_assert_eq!(own.len(), engine.ws.circulars.len());
    sweep(engine, Own::Given(own))
}

/// What each circular gives the sweep on its own.
enum Own<'a> {
    /// Computed as the sweep reaches it.
    Compute(&'a (dyn Fn(CircularId) -> (Vec<Finding>, Pieces) + Sync)),
    /// Given, by circular.
    Given(Vec<(Vec<Finding>, Pieces)>),
}

fn sweep(engine: &Engine<'_>, mut own: Own<'_>) -> Vec<Finding> {
    let n = engine.ws.circulars.len();
    let mut order: Vec<CircularId> = (0..n).collect();
    order.sort_by_key(|&c| (engine.compiled(c).from, c));
    let (mut earlier, met_later) = earlier_in_force(engine, &order);
    let mut out: Vec<Finding> = Vec::new();
    let mut violations_found: Vec<Violation> = Vec::new();
    let mut set_aside: HashMap<CircularId, Region> = HashMap::default();
    let mut active: Vec<(CircularId, Pieces)> = Vec::new();
    // Where each circular is in `active` (`usize::MAX`: not there).
    let mut slot: Vec<usize> = vec![usize::MAX; n];
    for chunk in order.chunks(CHUNK) {
        let start = engine.compiled(chunk[0]).from;
        active.retain(|(a, _)| {
            let in_force = engine.compiled(*a).to >= start;
            if !in_force {
                slot[*a] = usize::MAX;
            }
            in_force
        });
        let analysed: Vec<(Vec<Finding>, Pieces)> = match &mut own {
            Own::Compute(own) => crate::par::map(chunk.len(), |k| own(chunk[k])),
            Own::Given(given) => chunk
                .iter()
                .map(|&c| std::mem::take(&mut given[c]))
                .collect(),
        };
        let before = active.len();
        for (&c, (found, pieces)) in chunk.iter().zip(analysed) {
            out.extend(found);
            active.push((c, pieces));
        }
        for (j, (a, _)) in active.iter().enumerate() {
            slot[*a] = j;
        }
        let pairs = pairs_of_chunk(engine, &active, before, &mut earlier, &slot);
        let held = &active;
        let paired = crate::par::map(pairs.len(), |p| {
            let (j, k) = pairs[p];
            // The lower circular number first, as the keys expect.
            let (x, y) = if held[j].0 < held[k].0 {
                (j, k)
            } else {
                (k, j)
            };
            let mut found = PairFindings::default();
            across_pair(
                engine,
                (held[x].0, &held[x].1),
                (held[y].0, &held[y].1),
                &mut found,
            );
            found
        });
        for found in paired {
            out.extend(found.findings);
            violations_found.extend(found.violations);
            for (c, region) in found.set_aside {
                let entry = set_aside.entry(c).or_insert_with(Region::empty);
                *entry = entry.union(&region);
            }
        }
        active.retain(|(a, _)| {
            if !met_later[*a] {
                slot[*a] = usize::MAX;
            }
            met_later[*a]
        });
    }
    violations(engine, violations_found, &set_aside, &mut out);
    out
}

/// For each circular, the earlier ones in the sweep (`order`) that may share a government with
/// it (from the engine's index by government, not every circular in force: a national corpus
/// has thousands in force at once) and are still in force when it starts: the pairs to test.
/// And per circular, whether a later one meets it: the pieces of a circular no later one meets
/// are dropped once its own chunk is paired, so circulars that follow each other without
/// overlapping (a government's quarterly circulars) are never held past their chunk.
fn earlier_in_force(
    engine: &Engine<'_>,
    order: &[CircularId],
) -> (Vec<Vec<CircularId>>, Vec<bool>) {
    let n = order.len();
    let mut at = vec![0; n];
    for (i, &c) in order.iter().enumerate() {
        at[c] = i;
    }
    let mut earlier: Vec<Vec<CircularId>> = vec![Vec::new(); n];
    let mut met_later = vec![false; n];
    for (c, list) in earlier.iter_mut().enumerate() {
        let from = engine.compiled(c).from;
        for a in engine.same_scope_candidates(c) {
            if at[a] < at[c] && engine.compiled(a).to >= from {
                list.push(a);
                met_later[a] = true;
            }
        }
        // The candidates are sorted, with repeats.
        list.dedup();
    }
    (earlier, met_later)
}

/// The pairs (by place in `active`) of each circular of the new chunk (from `before` on) with
/// the earlier ones listed in `earlier` whose scopes overlap its own. Every one of them is
/// still held: it meets a later circular, and is in force when that one starts, so on or after
/// this chunk's start.
fn pairs_of_chunk(
    engine: &Engine<'_>,
    active: &[(CircularId, Pieces)],
    before: usize,
    earlier: &mut [Vec<CircularId>],
    slot: &[usize],
) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for k in before..active.len() {
        let c = active[k].0;
        let mut js: Vec<usize> = std::mem::take(&mut earlier[c])
            .into_iter()
            .map(|a| slot[a])
            .collect();
        debug_assert!(js.iter().all(|&j| j < k), "an earlier circular was dropped");
        js.sort_unstable();
        for j in js {
            let a = active[j].0;
            if engine.compiled(a).scope.overlaps(&engine.compiled(c).scope) {
                pairs.push((j, k));
            }
        }
    }
    pairs
}

/// Where two circulars clash, grouped by the deciding rule sets (so that one finding names its
/// rules): the region, and the constraints of each side there.
fn clashes(pieces_a: &[Piece], pieces_b: &[Piece]) -> BTreeMap<(Vec<RuleId>, Vec<RuleId>), Clash> {
    let mut clashes: BTreeMap<(Vec<RuleId>, Vec<RuleId>), Clash> = BTreeMap::new();
    for pa in pieces_a {
        let Some(ka) = pa.constraint else { continue };
        for pb in pieces_b {
            let Some(kb) = pb.constraint else { continue };
            if ka.intersect(kb).is_some() || !pa.region.overlaps(&pb.region) {
                continue;
            }
            let common = pa.region.intersect(&pb.region);
            let entry = clashes
                .entry((pa.deciding.clone(), pb.deciding.clone()))
                .or_insert((Region::empty(), ka, kb));
            entry.0 = entry.0.union(&common);
        }
    }
    clashes
}

fn across_pair(
    engine: &Engine<'_>,
    (a, pieces_a): (CircularId, &[Piece]),
    (b, pieces_b): (CircularId, &[Piece]),
    found: &mut PairFindings,
) {
    let ws = engine.ws;
    let (ca, cb) = (&ws.circulars[a], &ws.circulars[b]);
    for ((ra, rb), (region, ka, kb)) in clashes(pieces_a, pieces_b) {
        let side_a = Side {
            circular: a,
            rules: ra,
            wfo: ka,
        };
        let side_b = Side {
            circular: b,
            rules: rb,
            wfo: kb,
        };
        let superior = principles::lex_superior(ca.level, cb.level);
        if superior != Ordering::Equal {
            // Lex superior: the lower rules violate the higher norm (reported once the
            // sweep knows where that norm stands), and are set aside there.
            let (high, low) = if superior == Ordering::Less {
                (side_a, side_b)
            } else {
                (side_b, side_a)
            };
            if region.is_empty() {
                continue;
            }
            // Its witness is found where the higher norm stands: in `violations`.
            found.set_aside.push((low.circular, region.clone()));
            found.violations.push(Violation { high, low, region });
            continue;
        }
        let Some(point) = witness(engine, &region) else {
            continue;
        };
        // Same level: the later-signed prevails, unless signed the same day or the earlier
        // is the more special.
        let (early, late) = if principles::signed_order(engine.ws, a, b).is_le() {
            (&side_a, &side_b)
        } else {
            (&side_b, &side_a)
        };
        same_level(engine, early, late, region, point, found);
    }
}

/// The finding of two clashing circulars of one level, `early` signed first: `antinomy` when
/// lex posterior cannot decide, `implicit-revocation` when it does.
fn same_level(
    engine: &Engine<'_>,
    early: &Side,
    late: &Side,
    region: Region,
    point: crate::msg::Arg,
    found: &mut PairFindings,
) {
    let ws = engine.ws;
    let (er, ek, lr, lk) = (&early.rules, early.wfo, &late.rules, late.wfo);
    let (e, l) = (&ws.circulars[early.circular], &ws.circulars[late.circular]);
    let posterior = principles::lex_posterior(engine, (early.circular, er), (late.circular, lr));
    let same_day = posterior == Posterior::SignedSameDay;
    let earlier_special = posterior == Posterior::EarlierMoreSpecial;
    let (eid, lid) = (&e.id, &l.id);
    let clash = SameLevel {
        early,
        late,
        e,
        l,
        witness: crate::text!(
            "clash-witness",
            point = point,
            x = eid,
            y = lid,
            kx = ek.arg(),
            ky = lk.arg()
        ),
        earlier_label: crate::text!(
            "requires-wfo",
            who = rules_require(ws, e, er, true),
            wfo = ek.arg()
        ),
    };
    if same_day || earlier_special {
        found
            .findings
            .push(antinomy::finding_for(ws, clash, same_day));
    } else {
        found.set_aside.push((early.circular, region));
        found
            .findings
            .push(implicit_revocation::finding_for(ws, clash));
    }
}
