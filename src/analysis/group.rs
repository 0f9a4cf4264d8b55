//! Findings grouped by their cause: one `conflict` for many rules that clash for one reason,
//! instead of one per pair.
//!
//! One circular of 1,000 rules for the same unit, each requiring a different share, holds
//! 495,045 pairs that clash: listing them helps nobody, and finding them one by one took most
//! of a check's time and memory. Two causes are grouped, each once a rule clashes with more
//! than [`GROUP`] others (below that, pairs read best and the findings stay as they were):
//!
//! - **Rules that decide together** ([`cliques`]): a piece of the circular (a part of where it
//!   applies on which the same rules decide) where some rule clashes with more than [`GROUP`]
//!   others is one finding naming the rules that clash there. It is found from the piece's
//!   deciding rules and their intervals alone (sorted once), never pair by pair.
//! - **One rule against many** ([`stars`]): a general rule that clashes with many exceptions,
//!   each where it meets it, is one finding about that rule listing the others.
//!
//! A grouped finding's [`Key`](super::Key) stands for its pairs ([`super::Key::pairs`]), so the
//! oracle test still compares the exact set of clashing pairs.

use super::finding::{About, Finding, finding};
use super::witness::witness;
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::{CircularId, Rule, RuleId};
use crate::msg::{Arg, Text};
use crate::region::Region;
use crate::syntax::ast::Pct;
use crate::text;
use std::collections::BTreeMap;

/// A rule that clashes with more than this many others (where they decide together, or one by
/// one) is reported in one finding with them.
pub(super) const GROUP: usize = 3;

/// How many rules a grouped finding names and labels; the rest are counted.
const NAMED: usize = 3;

/// The rules of the grouped pieces: which group each rule is in, to leave out the pairs a
/// group already reports.
#[derive(Default)]
pub(super) struct Groups {
    /// Per rule, the groups it is in (increasing).
    of_rule: BTreeMap<RuleId, Vec<usize>>,
}

impl Groups {
    /// True when some group holds both rules: their clash is already reported.
    pub(super) fn together(&self, x: RuleId, y: RuleId) -> bool {
        match (self.of_rule.get(&x), self.of_rule.get(&y)) {
            (Some(gx), Some(gy)) => gx.iter().any(|g| gy.binary_search(g).is_ok()),
            _ => false,
        }
    }

    /// True when the rules of `deciding` (a piece where they conflict) that clash are all in
    /// one group: every pair the piece could report is already reported.
    pub(super) fn holds_piece(&self, rules: &[Rule], deciding: &[RuleId]) -> bool {
        if self.of_rule.is_empty() {
            return false;
        }
        let clashing: Vec<RuleId> = degrees(rules, deciding)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        self.covers(&clashing)
    }

    /// True when every rule of `rules` is in one group: a piece of them adds nothing.
    fn covers(&self, rules: &[RuleId]) -> bool {
        let Some((first, rest)) = rules.split_first() else {
            return true;
        };
        let Some(candidates) = self.of_rule.get(first) else {
            return false;
        };
        candidates.iter().any(|g| {
            rest.iter().all(|r| {
                self.of_rule
                    .get(r)
                    .is_some_and(|gs| gs.binary_search(g).is_ok())
            })
        })
    }

    fn add(&mut self, group: usize, rules: &[RuleId]) {
        for &r in rules {
            self.of_rule.entry(r).or_default().push(group);
        }
    }
}

/// Of `deciding` (rules deciding together), the ones whose interval is disjoint from at least
/// one other's, each with how many others it clashes with: found by sorting the bounds once,
/// so a piece of thousands of rules costs no more than its sort.
pub(super) fn degrees(rules: &[Rule], deciding: &[RuleId]) -> Vec<(RuleId, usize)> {
    let mut mins: Vec<Pct> = deciding.iter().map(|&r| rules[r].wfo.min).collect();
    let mut maxes: Vec<Pct> = deciding.iter().map(|&r| rules[r].wfo.max).collect();
    mins.sort_unstable();
    maxes.sort_unstable();
    deciding
        .iter()
        .filter_map(|&r| {
            let w = rules[r].wfo;
            // Disjoint from `w`: ends below its minimum, or starts above its maximum.
            let below = maxes.partition_point(|&m| m < w.min);
            let above = mins.len() - mins.partition_point(|&m| m <= w.max);
            let clashes = below + above;
            (clashes > 0).then_some((r, clashes))
        })
        .collect()
}

/// The pieces of circular `c` where some rule clashes with more than [`GROUP`] others: one
/// `conflict` each, naming the rules that clash there (a piece whose clashing rules a group
/// already holds is left out). Returns the groups, so that the pairs are not reported again.
pub(super) fn cliques(
    engine: &Engine<'_>,
    c: CircularId,
    pieces: &[super::Piece],
    out: &mut Vec<Finding>,
) -> Groups {
    let circular = engine.circular(c);
    let rules = &circular.rules;
    let mut groups = Groups::default();
    let mut count = 0;
    // The widest pieces first, so that a piece of a subset of their rules adds nothing.
    let mut order: Vec<&super::Piece> = pieces
        .iter()
        .filter(|p| p.constraint.is_none() && p.deciding.len() > GROUP + 1)
        .collect();
    order.sort_by_key(|p| std::cmp::Reverse(p.deciding.len()));
    for piece in order {
        let clashing = degrees(rules, &piece.deciding);
        if clashing.iter().all(|&(_, d)| d <= GROUP) {
            continue;
        }
        let members: Vec<RuleId> = clashing.iter().map(|&(r, _)| r).collect();
        if groups.covers(&members) {
            continue;
        }
        let Some(point) = witness(engine, &piece.region) else {
            continue;
        };
        let pairs = clashing.iter().map(|&(_, d)| d).sum::<usize>() / 2;
        groups.add(count, &members);
        count += 1;
        out.push(clique(engine, c, &members, pairs, point));
    }
    groups
}

/// The `conflict` of `members`, rules of circular `c` that decide together at `point` and of
/// which `pairs` pairs clash.
fn clique(
    engine: &Engine<'_>,
    c: CircularId,
    members: &[RuleId],
    pairs: usize,
    point: Arg,
) -> Finding {
    let circular = engine.circular(c);
    let rules = &circular.rules;
    let name = |r: RuleId| engine.ws.rule_name(circular, &rules[r]);
    let last = members[members.len() - 1];
    let named = &members[..NAMED];
    let names = listed(named.iter().map(|&r| name(r)), members.len());
    let shares: Vec<Text> = named
        .iter()
        .enumerate()
        .map(|(k, &r)| {
            let (rule, wfo) = (name(r), rules[r].wfo.arg());
            if k == 0 {
                text!("rule-requires", rule = rule, wfo = wfo)
            } else {
                text!("rule-wfo", rule = rule, wfo = wfo)
            }
        })
        .collect();
    let mut diagnostic = Diagnostic::of(
        Code::Conflict,
        circular.file,
        rules[last].arrangement_span,
        text!(
            "conflict-group",
            n = members.len(),
            names = names,
            pairs = pairs
        ),
    )
    .with_label_text(text!(
        "rule-requires",
        rule = name(last),
        wfo = rules[last].wfo.arg()
    ));
    for &r in named {
        diagnostic = diagnostic.with_secondary_text(
            circular.file,
            rules[r].arrangement_span,
            text!("rule-requires", rule = name(r), wfo = rules[r].wfo.arg()),
        );
    }
    let kw = |english| engine.ws.keyword(circular.file, english);
    finding(
        About::Rules(c, members.to_vec()),
        None,
        diagnostic
            .with_help_text(text!(
                "conflict-group-help",
                overrides = kw("overrides"),
                except = kw("except")
            ))
            .with_witness_text(text!(
                "conflict-group-witness",
                point = point,
                shares = Arg::List(shares),
                more = members.len() - NAMED
            )),
    )
}

/// The `conflict` pairs left after the groups of the pieces (`pairs`, each with where it holds),
/// grouped by rule: a rule that clashes with more than [`GROUP`] of them, one by one, is one
/// finding listing the others (taken in rule order: the first such rule takes its pairs, and
/// so on). Returns the pairs left to report one by one.
pub(super) fn stars(
    engine: &Engine<'_>,
    c: CircularId,
    pairs: BTreeMap<(RuleId, RuleId), Region>,
    out: &mut Vec<Finding>,
) -> BTreeMap<(RuleId, RuleId), Region> {
    let rules = &engine.circular(c).rules;
    // No finding on a day off: a pair that meets on days off only is no partner.
    let mut pairs = pairs;
    pairs.retain(|_, region| engine.has_working_day(region));
    let conflict = |(x, y): (RuleId, RuleId)| rules[x].wfo.intersect(rules[y].wfo).is_none();
    let mut partners: BTreeMap<RuleId, Vec<RuleId>> = BTreeMap::new();
    for &(x, y) in pairs.keys() {
        if conflict((x, y)) {
            partners.entry(x).or_default().push(y);
            partners.entry(y).or_default().push(x);
        }
    }
    if partners.values().all(|p| p.len() <= GROUP) {
        return pairs;
    }
    for (&x, others) in &partners {
        let key = |y: RuleId| (x.min(y), x.max(y));
        let left: Vec<RuleId> = others
            .iter()
            .copied()
            .filter(|&y| pairs.contains_key(&key(y)))
            .collect();
        if left.len() <= GROUP {
            continue;
        }
        let regions: Vec<Region> = left.iter().filter_map(|&y| pairs.remove(&key(y))).collect();
        if let Some(f) = star(engine, c, x, &left, &regions) {
            out.push(f);
        }
    }
    pairs
}

/// The `conflict` of rule `x` of circular `c` with each of `others`, where `regions` (one per
/// other rule) say.
fn star(
    engine: &Engine<'_>,
    c: CircularId,
    x: RuleId,
    others: &[RuleId],
    regions: &[Region],
) -> Option<Finding> {
    let circular = engine.circular(c);
    let rules = &circular.rules;
    let name = |r: RuleId| engine.ws.rule_name(circular, &rules[r]);
    // One witness: where `x` meets the first of them.
    let point = witness(engine, regions.first()?)?;
    let (nx, kx) = (name(x), rules[x].wfo);
    let named = &others[..NAMED];
    let names = listed(named.iter().map(|&r| name(r)), others.len());
    let mut diagnostic = Diagnostic::of(
        Code::Conflict,
        circular.file,
        rules[x].arrangement_span,
        text!("conflict-star", x = nx, n = others.len(), names = names),
    )
    .with_label_text(text!("rule-requires", rule = nx, wfo = kx.arg()));
    for &r in named {
        diagnostic = diagnostic.with_secondary_text(
            circular.file,
            rules[r].arrangement_span,
            text!("rule-requires", rule = name(r), wfo = rules[r].wfo.arg()),
        );
    }
    let first = others[0];
    let kw = |english| engine.ws.keyword(circular.file, english);
    Some(finding(
        About::Rules(c, vec![x]),
        Some(About::Rules(c, others.to_vec())),
        diagnostic
            .with_help_text(text!(
                "conflict-star-help",
                x = nx,
                overrides = kw("overrides"),
                except = kw("except")
            ))
            .with_witness_text(text!(
                "conflict-witness",
                point = point,
                x = nx,
                y = name(first),
                kx = kx.arg(),
                ky = rules[first].wfo.arg()
            )),
    ))
}

/// "`a`, `b`, `c` and 997 more": the first names of a longer list of `total`.
fn listed<'a>(names: impl Iterator<Item = &'a str>, total: usize) -> Text {
    let quoted: Vec<String> = names.map(|n| format!("`{n}`")).collect();
    text!(
        "and-more",
        names = quoted.join(", "),
        more = total - quoted.len()
    )
}
