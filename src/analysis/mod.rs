//! The conflict and overlap analysis: where rules clash, within a circular and across circulars,
//! levels and time.
//!
//! Built on the same compiled regions as the evaluator ([`Engine`]): a rule *decides* at a point
//! exactly where the evaluator says it does. Each circular's applicability region is partitioned
//! into [`Piece`]s on which the set of deciding rules is constant; the findings are read off the
//! pieces (within a circular) and off intersecting pieces of two circulars (across circulars).
//!
//! Scale: circulars are compared only when their validity overlaps (a sweep over start dates)
//! and their scopes share a government, never all against all.
//!
//! The codes it reports, with their severity and the principle each applies (`docs/lints.md` has
//! a section on each; `tests/lints.rs` checks this list against it):
//!
//! - `conflict` (error, lex specialis): two rules of one circular decide together with disjoint
//!   shares, and no `overrides` says which one is the exception.
//! - `antinomy` (error, lex posterior): two circulars of one level clash, and lex posterior
//!   cannot decide: they were signed the same day, or the earlier one is the more special (lex
//!   specialis disagrees).
//! - `violates-higher-norm` (error, lex superior): a rule clashes with a circular of a higher
//!   level, which prevails.
//! - `implicit-revocation` (warning, lex posterior): the later of two clashing circulars of one
//!   level prevails without `revokes`.
//! - `overlap` (warning, lex specialis): two rules of one circular decide together with different
//!   but compatible shares, and no `overrides` says which one is the exception.
//! - `dead-rule` (warning, lex specialis): a rule that decides nowhere, because the rules that
//!   override it cover all it applies to, or because it applies to nobody.
//! - `dead-exemption` (warning): an `except` or `exempt` that removes nobody.
//!
//! `overlapping-sectors` is read off the text, in [`crate::lints`].

use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::{Circular, CircularId, RuleId, Workspace};
use crate::region::{Block, Day, Dim, LAST_DAY, Region, date};
use crate::syntax::ast::Interval;
use std::collections::{BTreeMap, HashMap};

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

/// Analyses one circular.
pub fn analyze_circular(engine: &Engine<'_>, c: CircularId) -> CircularAnalysis {
    analyze_circular_with(engine, c, UnitIndex::LINEAR)
}

/// [`analyze_circular`], indexing pieces once there are more than `linear` of them.
fn analyze_circular_with(engine: &Engine<'_>, c: CircularId, linear: usize) -> CircularAnalysis {
    let compiled = engine.compiled(c);
    let rules = &engine.circular(c).rules;
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
    // Who overrides whom, inverted once: linear in the `overrides` edges.
    let mut overriders: Vec<Vec<RuleId>> = vec![Vec::new(); rules.len()];
    for (s, rule) in rules.iter().enumerate() {
        for &r in &rule.overrides_all {
            overriders[r].push(s);
        }
    }
    let deciding: Vec<Region> = (0..rules.len())
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
        .collect();
    // Refine a partition by each rule's deciding region. Once there are many pieces, they are
    // indexed by the unit classes they hold, so that a rule is compared only with the pieces
    // that share a unit with it (or hold units no circular names): near-linear for a large
    // circular whose rules cover different sectors.
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
        }
        if !rest.is_empty() {
            index.add(&rest, slots.len());
            slots.push(Some((rest, vec![r])));
        }
        index.grow(&slots);
    }
    let pieces: Vec<(Region, Vec<RuleId>)> = slots.into_iter().flatten().collect();
    let pieces = pieces
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
    CircularAnalysis {
        applicable,
        deciding,
        pieces,
    }
}

/// Pieces by the unit classes they hold.
///
/// For a circular of a few rules (the usual one: a rule per sector and some exceptions) the
/// index costs more than it saves: each piece holds a sector's worth of unit classes, each a
/// hash map entry. So it only indexes once there are more than `linear` pieces
/// ([`UnitIndex::LINEAR`]); below that every piece is a candidate.
#[derive(Default)]
struct UnitIndex {
    by_unit: std::collections::HashMap<u32, Vec<usize>>,
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

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum About {
    /// Rules of a circular (sorted).
    Rules(CircularId, Vec<RuleId>),
    /// The `except` number `k` (in source order) of a rule.
    Except(CircularId, RuleId, usize),
    /// The `exempt` clause number `k` of a circular.
    Exempt(CircularId, usize),
}

/// The identity of a finding: its code and what it is about (for two circulars: the earlier or
/// lower first).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The code.
    pub code: Code,
    /// The first place.
    pub first: About,
    /// The second place, for findings across circulars.
    pub second: Option<About>,
}

/// A finding: its identity and its diagnostic.
#[derive(Clone, Debug)]
pub struct Finding {
    /// What it is.
    pub key: Key,
    /// How it is reported.
    pub diagnostic: Diagnostic,
}

/// A finding of `diagnostic`'s code about `first` (and `second`).
fn finding(first: About, second: Option<About>, diagnostic: Diagnostic) -> Finding {
    Finding {
        key: Key {
            code: diagnostic.code,
            first,
            second,
        },
        diagnostic,
    }
}

/// Every finding of the analysis: `conflict`, `overlap`, `dead-rule`, `dead-exemption`,
/// `antinomy`, `implicit-revocation`, `violates-higher-norm`.
pub fn findings(engine: &Engine<'_>) -> Vec<Finding> {
    // A sweep over start dates, in chunks: each chunk's circulars are analysed on every core
    // (their own findings, and their pieces), then paired with the circulars still in force
    // when they start. A circular's pieces are dropped once the sweep has passed its last day,
    // so memory holds the circulars of one period, not of the whole corpus.
    const CHUNK: usize = 256;
    let n = engine.ws.circulars.len();
    let mut order: Vec<CircularId> = (0..n).collect();
    order.sort_by_key(|&c| (engine.compiled(c).from, c));
    // For each circular, the earlier ones in the sweep that may share a government with it
    // (from the engine's index by government, not every circular in force: a national corpus
    // has thousands in force at once) and are still in force when it starts: the pairs to
    // test. The pieces of a circular no later one meets are dropped once its own chunk is
    // paired, so circulars that follow each other without overlapping (a government's
    // quarterly circulars) are never held past their chunk.
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
    let mut out: Vec<Finding> = Vec::new();
    let mut violations_found: Vec<Violation> = Vec::new();
    let mut set_aside: HashMap<CircularId, Region> = HashMap::new();
    let mut active: Vec<(CircularId, Vec<Piece>)> = Vec::new();
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
        let analysed: Vec<(Vec<Finding>, Vec<Piece>)> = crate::par::map(chunk.len(), |k| {
            let a = analyze_circular(engine, chunk[k]);
            let mut found = Vec::new();
            within(engine, chunk[k], &a, &mut found);
            (found, a.pieces)
        });
        let before = active.len();
        for (&c, (found, pieces)) in chunk.iter().zip(analysed) {
            out.extend(found);
            active.push((c, pieces));
        }
        // Pairs: each new circular with the earlier ones listed above whose scopes overlap its
        // own. Every one of them is still held: it meets a later circular, and is in force when
        // that one starts, so on or after this chunk's start.
        for (j, (a, _)) in active.iter().enumerate() {
            slot[*a] = j;
        }
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

/// A concrete witness of `region`, in the user's words: one subject and the days on which the
/// finding holds for it ("unit `Dishub`, function admin, from 2024-03-04 to 2024-03-22"). It is
/// taken from the block of the region that restricts the fewest dimensions; a dimension that
/// block does not restrict is left out, except the unit ("any unit"); so is the government when
/// the workspace names only one.
fn witness(engine: &Engine<'_>, region: &Region) -> Option<String> {
    let block: &Block = region
        .blocks()
        .iter()
        .min_by_key(|b| (b.sets.iter().filter(|s| !s.is_full()).count(), b.from))?;
    if block.from > block.to {
        return None;
    }
    let u = &engine.universe;
    let interner = &engine.ws.interner;
    let mut parts = Vec::new();
    for dim in [
        Dim::Unit,
        Dim::Function,
        Dim::Domicile,
        Dim::Office,
        Dim::Gov,
    ] {
        let set = &block.sets[dim.index()];
        if set.is_full() {
            if dim == Dim::Unit {
                parts.push("any unit".to_string());
            }
            continue;
        }
        let class = set.pick(u.named(dim))?;
        if dim == Dim::Gov && u.named(Dim::Gov) == 1 && class == 0 {
            continue;
        }
        let value = u.witness_value(dim, class, interner);
        parts.push(match u.value(dim, class) {
            Some(_) => format!("{} {value}", dim.keyword()),
            None => value, // "a function no circular names"
        });
    }
    parts.push(days(block.from, block.to));
    Some(parts.join(", "))
}

/// "on 2024-03-04", "from 2024-03-04 to 2024-03-22", "from 2024-03-04 onwards".
fn days(from: Day, to: Day) -> String {
    if from == to {
        format!("on {}", date(from))
    } else if to >= LAST_DAY {
        format!("from {} onwards", date(from))
    } else {
        format!("from {} to {}", date(from), date(to))
    }
}

/// "`a`", "`a` and `b`", "`a`, `b` and `c`".
fn and_list<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "rule `a` requires" or "rules `a` and `b` require", for rules of one circular; with `of`,
/// "rule `a` of `C` requires".
fn rules_require(ws: &Workspace, circular: &Circular, rules: &[RuleId], of: bool) -> String {
    let names: Vec<&str> = rules
        .iter()
        .map(|&r| ws.rule_name(circular, &circular.rules[r]))
        .collect();
    let (noun, verb) = if names.len() == 1 {
        ("rule", "requires")
    } else {
        ("rules", "require")
    };
    let of = if of {
        format!(" of `{}`", circular.id)
    } else {
        String::new()
    };
    format!("{noun} {}{of} {verb}", and_list(&names))
}

/// "rule `a` contradicts" or "rules `a` and `b` contradict".
fn rules_contradict(ws: &Workspace, circular: &Circular, rules: &[RuleId]) -> String {
    let names: Vec<&str> = rules
        .iter()
        .map(|&r| ws.rule_name(circular, &circular.rules[r]))
        .collect();
    if names.len() == 1 {
        format!("rule {} contradicts", and_list(&names))
    } else {
        format!("rules {} contradict", and_list(&names))
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

fn within(engine: &Engine<'_>, c: CircularId, a: &CircularAnalysis, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let rules = &circular.rules;
    let file = circular.file;
    // Pairs of rules deciding together: disjoint intervals conflict, different ones overlap.
    // An overlap is reported only where the circular's rules do not conflict: inside a conflict,
    // the conflict is the finding.
    let mut pairs: BTreeMap<(RuleId, RuleId), Region> = BTreeMap::new();
    for piece in &a.pieces {
        for (k, &x) in piece.deciding.iter().enumerate() {
            for &y in &piece.deciding[k + 1..] {
                let disjoint = rules[x].wfo.intersect(rules[y].wfo).is_none();
                if rules[x].wfo != rules[y].wfo && (disjoint || piece.constraint.is_some()) {
                    let entry = pairs.entry((x, y)).or_default();
                    *entry = entry.union(&piece.region);
                }
            }
        }
    }
    for ((x, y), region) in pairs {
        let (rx, ry) = (&rules[x], &rules[y]);
        let Some(point) = witness(engine, &region) else {
            continue;
        };
        let about = About::Rules(c, vec![x, y]);
        let name = |rule| engine.ws.rule_name(circular, rule);
        let (nx, ny, kx, ky) = (name(rx), name(ry), rx.wfo, ry.wfo);
        // Lex specialis, stated: on the narrower rule when one is narrower.
        let specialis = match narrower(engine, c, x, y) {
            Some(n) => {
                let (special, general) = if n == x { (nx, ny) } else { (ny, nx) };
                format!(
                    "if `{special}` (the narrower rule) is the exception, add `overrides {general}` to it (lex specialis)"
                )
            }
            None => format!(
                "say which rule prevails where they meet: add `overrides {nx}` to `{ny}`, or `overrides {ny}` to `{nx}` (lex specialis)"
            ),
        };
        let apart = if rx.during.is_some() || ry.during.is_some() {
            "keep them apart with `except`, or by moving a `during` period"
        } else {
            "keep them apart with `except`"
        };
        match kx.intersect(ky) {
            None => {
                out.push(finding(
                    about,
                    None,
                    Diagnostic::new(
                        Code::Conflict,
                        file,
                        ry.arrangement_span,
                        format!(
                            "rules `{nx}` and `{ny}` clash where both apply: WFO {kx} against WFO {ky}"
                        ),
                    )
                    .with_label(format!("`{ny}` requires WFO {ky}"))
                    .with_secondary(file, rx.arrangement_span, format!("`{nx}` requires WFO {kx}"))
                    .with_help(format!("{specialis}; or {apart}"))
                    .with_witness(format!(
                        "{point}: `{nx}` requires WFO {kx}, `{ny}` WFO {ky}"
                    )),
                ));
            }
            Some(both) => out.push(finding(
                about,
                None,
                Diagnostic::new(
                    Code::Overlap,
                    file,
                    ry.arrangement_span,
                    format!(
                        "where rules `{nx}` and `{ny}` both apply, their shares combine to WFO {both}"
                    ),
                )
                .with_label(format!("`{ny}` requires WFO {ky}"))
                .with_secondary(file, rx.arrangement_span, format!("`{nx}` requires WFO {kx}"))
                .with_help(format!(
                    "{specialis}; or {apart}; if WFO {both} is meant, say it in one rule"
                ))
                .with_witness(format!(
                    "{point}: `{nx}` requires WFO {kx}, `{ny}` WFO {ky}, together WFO {both}"
                )),
            )),
        }
    }
    // A circular that never applies: one finding for the circular, not one per rule.
    if engine.compiled(c).applies().is_empty() && !rules.is_empty() {
        let (why, help) = never_applies(engine, c, 0);
        let why = why
            .replace("its circular's", "its")
            .replace("its circular", "it");
        out.push(finding(
            About::Rules(c, (0..rules.len()).collect()),
            None,
            Diagnostic::new(
                Code::DeadRule,
                file,
                circular.id_span,
                format!(
                    "circular `{}` never applies, so none of its rules decides: {why}",
                    circular.id
                ),
            )
            .with_label("never applies")
            .with_help(help),
        ));
        dead_exemptions(engine, c, out);
        return;
    }
    // Rules that never decide.
    for (r, rule) in rules.iter().enumerate() {
        // A rule in an override cycle, or with a `during` outside the validity, is reported
        // as `override-cycle` or `rule-outside-validity` already.
        let outside = rule.during.as_ref().is_some_and(|(windows, _)| {
            windows
                .iter()
                .any(|&(from, to)| !circular.valid_throughout(from, to))
        });
        if !a.deciding[r].is_empty() || rule.overrides_all.binary_search(&r).is_ok() || outside {
            continue;
        }
        let name = engine.ws.rule_name(circular, rule);
        let (message, label, help) = if a.applicable[r].is_empty() {
            let (why, help) = never_applies(engine, c, r);
            (
                format!("rule `{name}` never applies: {why}"),
                "applies to nobody",
                help,
            )
        } else {
            let by: Vec<RuleId> = rules
                .iter()
                .enumerate()
                .filter(|(s, o)| {
                    *s != r
                        && o.overrides_all.binary_search(&r).is_ok()
                        && a.applicable[*s].overlaps(&a.applicable[r])
                })
                .map(|(s, _)| s)
                .collect();
            let names: Vec<&str> = by
                .iter()
                .map(|&s| engine.ws.rule_name(circular, &rules[s]))
                .collect();
            let help = match by.as_slice() {
                // The overriding rule covers more: `overrides` is written the wrong way round.
                &[s] if narrower(engine, c, r, s) == Some(r) => format!(
                    "`{}` covers more staff than `{name}`, so `overrides` is probably the wrong way round: remove `overrides {name}` from `{}` and add `overrides {}` to `{name}`",
                    names[0], names[0], names[0]
                ),
                _ => "remove it, or narrow the rules that override it".to_string(),
            };
            (
                format!(
                    "rule `{name}` never decides: {} override{} it wherever it applies",
                    and_list(&names),
                    if by.len() == 1 { "s" } else { "" }
                ),
                "always overridden",
                help,
            )
        };
        out.push(finding(
            About::Rules(c, vec![r]),
            None,
            Diagnostic::new(Code::DeadRule, file, rule.name_span, message)
                .with_label(label)
                .with_help(help),
        ));
    }
    dead_exemptions(engine, c, out);
}

/// Why rule `r` of circular `c`, which applies nowhere, applies nowhere, and what to do about it.
fn never_applies(engine: &Engine<'_>, c: CircularId, r: RuleId) -> (String, String) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let rule = &compiled.rules[r];
    let say = |why: &str, help: &str| (why.to_string(), help.to_string());
    if circular.rules[r].is_otherwise() {
        return say(
            "the other rules cover every subject",
            "remove it, or narrow the other rules",
        );
    }
    if compiled.applies().is_empty() {
        return match compiled.revoked {
            Some((from, by)) if from <= compiled.from => (
                format!(
                    "`{}` revokes its circular from {}, before the circular starts",
                    engine.circular(by).id,
                    date(from)
                ),
                "check the dates of the two circulars, or remove the revoked one".to_string(),
            ),
            _ => say(
                "its circular's `exempt` clauses cover everyone the circular binds",
                "narrow the `exempt` clauses",
            ),
        };
    }
    let matched = rule.matched();
    if rule.selector.as_deref().is_some_and(Region::is_empty) {
        say(
            "no subject matches its selector",
            "correct its selector: a subject has one value of each dimension",
        )
    } else if matched.is_empty() {
        say(
            "its `except` removes every subject its selector matches",
            "remove the rule, or correct its `except`",
        )
    } else if !matched.overlaps(&compiled.scope) {
        say(
            "it matches only governments outside the circular's scope",
            "correct its `gov`, or the circular's `scope`",
        )
    } else if !matched
        .intersect(&compiled.scope)
        .overlaps(&compiled.exempt.complement())
    {
        say(
            "the circular exempts every subject it matches",
            "remove the rule, or narrow the `exempt`",
        )
    } else if let (Some(_), Some((from, by))) = (&rule.during, compiled.revoked) {
        (
            format!(
                "`{}` revokes its circular from {}, before its `during` period",
                engine.circular(by).id,
                date(from)
            ),
            "correct its `during` period, or the dates of the circulars".to_string(),
        )
    } else {
        say(
            "it matches no subject on a day the circular applies",
            "correct its selector or its `during` period",
        )
    }
}

fn dead_exemptions(engine: &Engine<'_>, c: CircularId, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let u = &engine.universe;
    let everyone = Region::full();
    for (r, rule) in circular.rules.iter().enumerate() {
        let sel = compiled.rules[r].selector.as_deref().unwrap_or(&everyone);
        for (k, (except, span)) in rule.except.iter().enumerate() {
            if !sel.overlaps(&u.region(except)) {
                out.push(finding(
                    About::Except(c, r, k),
                    None,
                    Diagnostic::new(
                        Code::DeadExemption,
                        circular.file,
                        *span,
                        format!(
                            "this `except` removes nobody: rule `{}` covers none of its subjects",
                            engine.ws.rule_name(circular, rule)
                        ),
                    )
                    .with_label(format!(
                        "not covered by `{}`",
                        engine.ws.rule_name(circular, rule)
                    ))
                    .with_help("remove it, or name subjects the rule covers"),
                ));
            }
        }
    }
    for (k, e) in circular.exempt.iter().enumerate() {
        let exempted = u.region(&e.selector);
        // Dead when no rule's selector meets it within the scope (no union of every rule).
        let in_scope = exempted.intersect(&compiled.scope);
        let meets_a_rule = compiled.rules.iter().any(|r| match &r.selector {
            Some(sel) => sel.overlaps(&in_scope),
            None => !in_scope.is_empty(),
        });
        if meets_a_rule {
            continue;
        }
        let in_the_scope = exempted.overlaps(&compiled.scope);
        if in_the_scope && compiled.rules.is_empty() {
            // A circular without rules: `no-rule` says so, and those it exempts are answered
            // `exempt` rather than `baseline`.
            continue;
        }
        let (why, help) = if in_the_scope {
            (
                format!("no rule of `{}` covers its subjects", circular.id),
                "remove it, or name subjects the circular's rules cover",
            )
        } else {
            (
                "it names only governments outside the circular's scope".to_string(),
                "remove it, or correct its `gov`",
            )
        };
        out.push(finding(
            About::Exempt(c, k),
            None,
            Diagnostic::new(
                Code::DeadExemption,
                circular.file,
                e.span,
                format!("this `exempt` removes nobody: {why}"),
            )
            .with_label("exempts nobody the circular binds")
            .with_help(help),
        ));
    }
}

/// Where two circulars clash, and their constraints there.
type Clash = (Region, Interval, Interval);

/// A lower circular's rules that clash with a higher norm, where they meet: reported once the
/// whole sweep has said where that norm is itself set aside (section 10.1: levels fold as the
/// answers do, so a provincial rule that the national level sets aside is no measure for a local
/// rule at those points).
struct Violation {
    high: (CircularId, Vec<RuleId>, Interval),
    low: (CircularId, Vec<RuleId>, Interval),
    region: Region,
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

/// The `violates-higher-norm` findings, each where its higher norm stands: not where that norm
/// is set aside by a norm above it or by a later one of its level.
fn violations(
    engine: &Engine<'_>,
    violations: Vec<Violation>,
    set_aside: &HashMap<CircularId, Region>,
    out: &mut Vec<Finding>,
) {
    let ws = engine.ws;
    for v in violations {
        let (hi, hr, hk) = v.high;
        let (lo, lr, lk) = v.low;
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
        out.push(finding(
            About::Rules(lo, lr.clone()),
            Some(About::Rules(hi, hr.clone())),
            Diagnostic::new(
                Code::ViolatesHigherNorm,
                low.file,
                lrule.arrangement_span,
                format!(
                    "{} the {level} circular `{}`: WFO {lk} against WFO {hk}",
                    rules_contradict(ws, low, &lr),
                    high.id
                ),
            )
            .with_label(format!("{} WFO {lk}", rules_require(ws, low, &lr, false)))
            .with_secondary(
                high.file,
                hrule.arrangement_span,
                format!(
                    "the higher norm: {} WFO {hk}",
                    rules_require(ws, high, &hr, true)
                ),
            )
            .with_help(format!(
                "lex superior: where they meet, the {level} circular prevails and this share does not hold; change it to fit WFO {hk}, or narrow the rule with `except` or `during`"
            ))
            .with_witness(format!(
                "{point}: `{}` requires WFO {hk}, `{}` WFO {lk}",
                high.id, low.id
            )),
        ));
    }
}

fn across_pair(
    engine: &Engine<'_>,
    (a, pieces_a): (CircularId, &[Piece]),
    (b, pieces_b): (CircularId, &[Piece]),
    found: &mut PairFindings,
) {
    let ws = engine.ws;
    let out = &mut found.findings;
    {
        let (ca, cb) = (&ws.circulars[a], &ws.circulars[b]);
        // Group clashes by the deciding rule sets, so one finding names its rules.
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
        for ((ra, rb), (region, ka, kb)) in clashes {
            if ca.level != cb.level {
                // Lex superior: the lower rules violate the higher norm (reported once the
                // sweep knows where that norm stands), and are set aside there.
                let (high, low) = if ca.level > cb.level {
                    ((a, ra, ka), (b, rb, kb))
                } else {
                    ((b, rb, kb), (a, ra, ka))
                };
                if region.is_empty() {
                    continue;
                }
                // Its witness is found where the higher norm stands: in `violations`.
                found.set_aside.push((low.0, region.clone()));
                found.violations.push(Violation { high, low, region });
                continue;
            }
            let Some(point) = witness(engine, &region) else {
                continue;
            };
            // Same level: the later-signed prevails, unless signed the same day or the earlier
            // is the more special.
            let (early, er, ek, late, lr, lk) = if (ca.signed, a) <= (cb.signed, b) {
                (a, &ra, ka, b, &rb, kb)
            } else {
                (b, &rb, kb, a, &ra, ka)
            };
            let (e, l) = (&ws.circulars[early], &ws.circulars[late]);
            let same_day = e.signed == l.signed;
            let cover_e = engine.cover(early, er);
            let cover_l = engine.cover(late, lr);
            let earlier_special = cover_e.is_subset(&cover_l) && !cover_l.is_subset(&cover_e);
            let lrule = &l.rules[lr[0]];
            let erule = &e.rules[er[0]];
            let (eid, lid) = (&e.id, &l.id);
            let witness = format!("{point}: `{eid}` requires WFO {ek}, `{lid}` WFO {lk}");
            let earlier_label = format!("{} WFO {ek}", rules_require(ws, e, er, true));
            if same_day || earlier_special {
                let (message, help) = if same_day {
                    (
                        format!("circular `{lid}` clashes with `{eid}`, signed the same day"),
                        format!(
                            "both were signed on {}, so lex posterior cannot decide: add `revokes \"{eid}\"` to `{lid}` (or the reverse), or narrow one so that they do not meet",
                            l.signed
                        ),
                    )
                } else {
                    (
                        format!(
                            "circular `{lid}` clashes with the earlier but more special `{eid}`"
                        ),
                        format!(
                            "lex posterior favours `{lid}`, lex specialis `{eid}`: if `{lid}` replaces `{eid}`, add `revokes \"{eid}\"` to it; if the special case is to stay, leave it out of `{lid}` with `except`"
                        ),
                    )
                };
                out.push(finding(
                    About::Rules(early, er.clone()),
                    Some(About::Rules(late, lr.clone())),
                    Diagnostic::new(Code::Antinomy, l.file, lrule.arrangement_span, message)
                        .with_label(format!("{} WFO {lk}", rules_require(ws, l, lr, true)))
                        .with_secondary(e.file, erule.arrangement_span, earlier_label)
                        .with_help(help)
                        .with_witness(witness),
                ));
            } else {
                found.set_aside.push((early, region.clone()));
                let later = match e.valid_to {
                    Some(end) if end >= l.valid_from => {
                        format!("; or start it after {end}, when `{eid}` ends")
                    }
                    _ => String::new(),
                };
                out.push(finding(
                    About::Rules(early, er.clone()),
                    Some(About::Rules(late, lr.clone())),
                    Diagnostic::new(
                        Code::ImplicitRevocation,
                        l.file,
                        l.id_span,
                        format!(
                            "circular `{lid}` contradicts the earlier `{eid}` without revoking it"
                        ),
                    )
                    .with_label(format!("signed later, on {}: it prevails (lex posterior)", l.signed))
                    .with_secondary(
                        l.file,
                        lrule.arrangement_span,
                        format!("{} WFO {lk}", rules_require(ws, l, lr, false)),
                    )
                    .with_secondary(e.file, erule.arrangement_span, earlier_label)
                    .with_help(format!(
                        "if `{lid}` replaces the earlier circular, add `revokes \"{eid}\"` to it{later}"
                    ))
                    .with_witness(witness),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::load;
    use crate::model::Source;

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
        let ws = load(vec![Source {
            name: "big.se".into(),
            text,
        }]);
        assert_eq!(ws.circulars.len(), 1, "{:?}", ws.diagnostics);
        let engine = Engine::new(&ws);
        let shown = |a: &CircularAnalysis| {
            a.pieces
                .iter()
                .map(|p| format!("{:?} {:?} {:?}", p.region, p.deciding, p.constraint))
                .collect::<Vec<_>>()
        };
        let indexed = analyze_circular_with(&engine, 0, 4);
        let linear = analyze_circular_with(&engine, 0, usize::MAX);
        assert!(indexed.pieces.len() > 4 * 10, "{}", indexed.pieces.len());
        assert_eq!(shown(&indexed), shown(&linear));
    }
}
