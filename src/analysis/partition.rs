//! The shared partition: where each rule of one circular applies and decides, and the pieces
//! of its applicability on which the same rules decide. Every finding within a circular is read
//! off the pieces, and every finding across circulars off intersecting pieces of two circulars.
//!
//! Once a circular has more than 64 pieces, a rule is compared only with the
//! pieces that share a unit class with it (the unit-class index); below that, comparing with
//! every piece is cheaper than indexing.

use crate::eval::Engine;
use crate::model::{CircularId, Rule, RuleId};
use crate::region::Region;
use crate::syntax::ast::Interval;

/// A part of a circular's applicability region on which the same rules decide.
#[derive(Clone, Debug)]
pub struct Piece {
    /// Where.
    pub region: Region,
    /// The deciding rules (sorted).
    pub deciding: Vec<RuleId>,
    /// The intersection of their intervals; `None`: they conflict.
    pub constraint: Option<Interval>,
}

/// The analysis of one circular.
#[derive(Clone, Debug)]
pub struct CircularAnalysis {
    /// Per rule: where it applies (its conditions, within the circular's applicability; for
    /// `otherwise`, only where no other rule applies).
    pub applicable: Vec<Region>,
    /// Per rule: where it decides (applicable and not overridden).
    pub deciding: Vec<Region>,
    /// The partition of the deciding area by deciding rules.
    pub pieces: Vec<Piece>,
}

/// The most pieces the analysis of a circular of `rules` rules makes: a piece per rule and many
/// more, but not the `2^n` of `n` rules that each select a trait or a condition of their own
/// (every combination of them is a piece of its own, and each costs more than the last).
/// Past it the circular is not analysed: `too-many-combinations`.
pub fn max_pieces(rules: usize) -> usize {
    2048 + 64 * rules
}

/// A circular whose rules apply together in more ways than [`max_pieces`]: how many pieces the
/// analysis had made when it stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooManyPieces(pub usize);

/// Analyses one circular.
pub fn analyze_circular(
    engine: &Engine<'_>,
    c: CircularId,
) -> Result<CircularAnalysis, TooManyPieces> {
    analyze_circular_with(engine, c, UnitIndex::LINEAR)
}

/// [`analyze_circular`], indexing pieces once there are more than `linear` of them.
pub(super) fn analyze_circular_with(
    engine: &Engine<'_>,
    c: CircularId,
    linear: usize,
) -> Result<CircularAnalysis, TooManyPieces> {
    let rules = &engine.circular(c).rules;
    let applicable = applicable(engine, c);
    let deciding = deciding(rules, &applicable);
    let pieces = refine(&deciding, linear, max_pieces(rules.len()))?
        .into_iter()
        .filter(|(region, _)| !region.is_empty())
        .map(|(region, deciding)| {
            let constraint = deciding
                .iter()
                .try_fold(Interval::ANY, |acc, &r| acc.intersect(rules[r].wfo));
            Piece {
                region,
                deciding,
                constraint,
            }
        })
        .collect();
    Ok(CircularAnalysis {
        applicable,
        deciding,
        pieces,
    })
}

/// Per rule of circular `c`: where it applies (its conditions, within the circular's
/// applicability; for `otherwise`, only where no other rule applies).
fn applicable(engine: &Engine<'_>, c: CircularId) -> Vec<Region> {
    let compiled = engine.compiled(c);
    let applies = compiled.applies();
    let mut applicable: Vec<Region> = compiled
        .rules
        .iter()
        .map(|r| {
            if applies.is_empty() {
                Region::empty()
            } else {
                r.own().intersect(&applies)
            }
        })
        .collect();
    // An `otherwise` rule applies where no other rule does (computed only when there is one).
    if compiled.rules.iter().any(|r| r.selector.is_none()) {
        let mut ordinary = Region::empty();
        for (r, region) in compiled.rules.iter().zip(&applicable) {
            if r.selector.is_some() {
                ordinary = ordinary.union(region);
            }
        }
        for (r, region) in compiled.rules.iter().zip(applicable.iter_mut()) {
            if r.selector.is_none() {
                *region = region.subtract(&ordinary);
            }
        }
    }
    applicable
}

/// Per rule: where it decides (it applies, and no rule that overrides it applies).
fn deciding(rules: &[Rule], applicable: &[Region]) -> Vec<Region> {
    // Who overrides whom, inverted once: linear in the `overrides` edges.
    let mut overriders: Vec<Vec<RuleId>> = vec![Vec::new(); rules.len()];
    for (s, rule) in rules.iter().enumerate() {
        for &r in &rule.overrides_all {
            overriders[r].push(s);
        }
    }
    (0..rules.len())
        .map(|r| {
            let mut region = applicable[r].clone();
            for &s in &overriders[r] {
                if region.is_empty() {
                    break;
                }
                region = region.subtract(&applicable[s]);
            }
            region
        })
        .collect()
}

/// The partition of the deciding area by the rules that decide, refined by each rule's
/// deciding region in turn (some parts may be empty).
fn refine(
    deciding: &[Region],
    linear: usize,
    budget: usize,
) -> Result<Vec<(Region, Vec<RuleId>)>, TooManyPieces> {
    // Once there are many pieces, they are indexed by the unit classes they hold, so that a
    // rule is compared only with the pieces that share a unit with it (or hold units no
    // circular names): near-linear for a large circular whose rules cover different sectors.
    let mut index = UnitIndex {
        linear,
        ..UnitIndex::default()
    };
    let mut slots: Vec<Option<(Region, Vec<RuleId>)>> = Vec::new();
    for (r, d) in deciding.iter().enumerate() {
        if d.is_empty() {
            continue;
        }
        let mut rest = d.clone();
        for k in index.candidates(d, slots.len()) {
            if rest.is_empty() {
                break;
            }
            let Some((region, _)) = &slots[k] else {
                continue;
            };
            if !region.overlaps(&rest) {
                continue;
            }
            let (region, rs) = slots[k].take().expect("checked above");
            let inside = region.intersect(&rest);
            let outside = region.subtract(&rest);
            rest = rest.subtract(&region);
            let mut with = rs.clone();
            with.push(r);
            index.add(&inside, slots.len());
            slots.push(Some((inside, with)));
            if !outside.is_empty() {
                index.add(&outside, slots.len());
                slots.push(Some((outside, rs)));
            }
            if slots.len() > budget {
                return Err(TooManyPieces(slots.len()));
            }
        }
        if !rest.is_empty() {
            index.add(&rest, slots.len());
            slots.push(Some((rest, vec![r])));
        }
        index.grow(&slots);
    }
    Ok(slots.into_iter().flatten().collect())
}

/// Pieces by the unit classes they hold.
///
/// For a circular of a few rules (the usual one: a rule per sector and some exceptions) the
/// index costs more than it saves: each piece holds a sector's worth of unit classes, each a
/// hash map entry. So it only indexes once there are more than `linear` pieces
/// ([`UnitIndex::LINEAR`]); below that every piece is a candidate.
#[derive(Default)]
struct UnitIndex {
    by_unit: foldhash::HashMap<u32, Vec<usize>>,
    /// Pieces that hold co-finitely many unit classes: candidates for every rule.
    wide: Vec<usize>,
    /// True once there are enough pieces to index.
    on: bool,
    /// Up to this many pieces, every piece is a candidate.
    linear: usize,
}

impl UnitIndex {
    /// Up to this many pieces, every piece is a candidate (measured: below it, the index costs
    /// more than the comparisons it saves).
    const LINEAR: usize = 64;

    /// Records the piece in `slot` (a no-op while the index is off).
    fn add(&mut self, region: &Region, slot: usize) {
        if self.on {
            self.index(region, slot);
        }
    }

    /// Turns the index on, indexing every live piece, once there are more than `linear` slots.
    fn grow(&mut self, slots: &[Option<(Region, Vec<RuleId>)>]) {
        if self.on || slots.len() <= self.linear {
            return;
        }
        self.on = true;
        for (k, slot) in slots.iter().enumerate() {
            if let Some((region, _)) = slot {
                self.index(region, k);
            }
        }
    }

    fn index(&mut self, region: &Region, slot: usize) {
        let unit = crate::region::Dim::Unit.index();
        if region.blocks().iter().any(|b| b.sets[unit].is_negated()) {
            self.wide.push(slot);
            return;
        }
        let mut classes: Vec<u32> = region
            .blocks()
            .iter()
            .flat_map(|b| b.sets[unit].items().iter().copied())
            .collect();
        classes.sort_unstable();
        classes.dedup();
        for c in classes {
            self.by_unit.entry(c).or_default().push(slot);
        }
    }

    /// The slots that may overlap `region`, in increasing order (some may be stale).
    fn candidates(&self, region: &Region, slots: usize) -> Vec<usize> {
        let unit = crate::region::Dim::Unit.index();
        if !self.on || region.blocks().iter().any(|b| b.sets[unit].is_negated()) {
            return (0..slots).collect();
        }
        let mut out = self.wide.clone();
        for b in region.blocks() {
            for c in b.sets[unit].items() {
                if let Some(v) = self.by_unit.get(c) {
                    out.extend(v);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Engine;
    use crate::model::{Resolver, Source};
    use crate::span::FileId;

    /// A circular of many overlapping rules, so that the unit index turns on early: the pieces
    /// are those found when every piece is a candidate.
    #[test]
    fn the_unit_index_changes_no_piece() {
        let mut text = String::from(
            "circular \"BIG/1/2024\" {\n  issuer \"Gubernur\" level provincial\n  \
             signed 2024-01-01 by \"Gubernur\"\n  valid 2024-01-01 to 2024-12-31\n  \
             scope \"Pemprov Banten\"\n  sector east = [\"U1\", \"U2\", \"U3\"]\n",
        );
        for k in 0..90 {
            let who = match k % 4 {
                0 => format!("unit \"U{}\"", k % 13),
                1 => format!("unit \"U{}/Sub{}\" and function f{}", k % 13, k % 3, k % 2),
                2 => "east and not function f0".to_string(),
                _ => format!("unit \"U{}\" or office \"O{}\"", k % 7, k % 5),
            };
            let wfo = (k % 5) * 25;
            let overrides = if k % 9 == 8 {
                format!(" overrides r{}", k - 8)
            } else {
                String::new()
            };
            text.push_str(&format!("  rule r{k}: {who} => wfo {wfo}%{overrides}\n"));
        }
        text.push_str("  rule rest: otherwise => wfo 50%\n}\n");
        // Resolved without the checks (the analysis sits below the wing that drives them).
        let (tree, parsing) = crate::syntax::parse_file(FileId(0), &text);
        let mut resolver = Resolver::new();
        resolver.file(FileId(0), &text, &tree, &parsing);
        let source = Source {
            name: "big.se".into(),
            text,
        };
        let ws = resolver.finish(vec![source], Vec::new(), Vec::new());
        assert_eq!(ws.circulars.len(), 1, "{:?}", ws.diagnostics);
        let engine = Engine::new(&ws);
        let shown = |a: &CircularAnalysis| {
            a.pieces
                .iter()
                .map(|p| format!("{:?} {:?} {:?}", p.region, p.deciding, p.constraint))
                .collect::<Vec<_>>()
        };
        let indexed = analyze_circular_with(&engine, 0, 4).expect("within the budget");
        let linear = analyze_circular_with(&engine, 0, usize::MAX).expect("within the budget");
        assert!(indexed.pieces.len() > 4 * 10, "{}", indexed.pieces.len());
        assert_eq!(shown(&indexed), shown(&linear));
    }
}
