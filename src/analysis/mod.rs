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

use crate::diagnostic::{Code, Diagnostic};
use crate::eval::Engine;
use crate::model::{CircularId, RuleId};
use crate::region::{Block, Region};
use crate::syntax::ast::Interval;
use std::collections::BTreeMap;

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
    let deciding: Vec<Region> = (0..rules.len())
        .map(|r| {
            let mut region = applicable[r].clone();
            for (s, rule) in rules.iter().enumerate() {
                if region.is_empty() {
                    break;
                }
                if rule.overrides_all.binary_search(&r).is_ok() {
                    region = region.subtract(&applicable[s]);
                }
            }
            region
        })
        .collect();
    // Refine a partition by each rule's deciding region.
    let mut pieces: Vec<(Region, Vec<RuleId>)> = Vec::new();
    for (r, d) in deciding.iter().enumerate() {
        if d.is_empty() {
            continue;
        }
        let mut next = Vec::with_capacity(pieces.len() + 1);
        let mut rest = d.clone();
        for (region, rs) in pieces {
            if !rest.is_empty() && region.overlaps(&rest) {
                let inside = region.intersect(&rest);
                let outside = region.subtract(&rest);
                rest = rest.subtract(&region);
                let mut with = rs.clone();
                with.push(r);
                next.push((inside, with));
                if !outside.is_empty() {
                    next.push((outside, rs));
                }
            } else {
                next.push((region, rs));
            }
        }
        if !rest.is_empty() {
            next.push((rest, vec![r]));
        }
        pieces = next;
    }
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

/// The analysis of a whole workspace.
pub struct Analysis {
    /// Per circular.
    pub circulars: Vec<CircularAnalysis>,
}

/// Analyses every circular.
pub fn analyze(engine: &Engine<'_>) -> Analysis {
    Analysis {
        circulars: (0..engine.ws.circulars.len())
            .map(|c| analyze_circular(engine, c))
            .collect(),
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

fn finding(code: Code, first: About, second: Option<About>, diagnostic: Diagnostic) -> Finding {
    Finding {
        key: Key {
            code,
            first,
            second,
        },
        diagnostic,
    }
}

/// Every finding of the analysis: `conflict`, `overlap`, `dead-rule`, `dead-exemption`,
/// `antinomy`, `implicit-revocation`, `violates-higher-norm`.
pub fn findings(engine: &Engine<'_>) -> Vec<Finding> {
    let analysis = analyze(engine);
    let mut out = Vec::new();
    for c in 0..engine.ws.circulars.len() {
        within(engine, c, &analysis.circulars[c], &mut out);
    }
    across(engine, &analysis, &mut out);
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

fn witness(engine: &Engine<'_>, region: &Region) -> Option<(String, String)> {
    let block: &Block = region.blocks().first()?;
    let u = &engine.universe;
    let i = &engine.ws.interner;
    Some((u.witness(block, i)?, u.describe_block(block, i)))
}

fn within(engine: &Engine<'_>, c: CircularId, a: &CircularAnalysis, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let rules = &circular.rules;
    let file = circular.file;
    // Pairs of rules deciding together: disjoint intervals conflict, different ones overlap.
    let mut pairs: BTreeMap<(RuleId, RuleId), Region> = BTreeMap::new();
    for piece in &a.pieces {
        for (k, &x) in piece.deciding.iter().enumerate() {
            for &y in &piece.deciding[k + 1..] {
                if rules[x].wfo != rules[y].wfo {
                    let entry = pairs.entry((x, y)).or_default();
                    *entry = entry.union(&piece.region);
                }
            }
        }
    }
    for ((x, y), region) in pairs {
        let (rx, ry) = (&rules[x], &rules[y]);
        let Some((point, area)) = witness(engine, &region) else {
            continue;
        };
        let about = About::Rules(c, vec![x, y]);
        match rx.wfo.intersect(ry.wfo) {
            None => out.push(finding(
                Code::Conflict,
                about,
                None,
                Diagnostic::new(
                    Code::Conflict,
                    file,
                    ry.arrangement_span,
                    format!(
                        "rules `{}` and `{}` both apply and require disjoint shares (WFO {} and WFO {})",
                        rx.name, ry.name, rx.wfo, ry.wfo
                    ),
                )
                .with_label(format!("`{}` requires WFO {}", ry.name, ry.wfo))
                .with_secondary(file, rx.arrangement_span, format!("`{}` requires WFO {}", rx.name, rx.wfo))
                .with_help(format!(
                    "say which rule is the more special (lex specialis): add `overrides {}` to `{}` (or the reverse), or narrow one of them with `except`",
                    rx.name, ry.name
                ))
                .with_witness(format!(
                    "{point} gets WFO {} from `{}` and WFO {} from `{}` (they clash on {area})",
                    rx.wfo, rx.name, ry.wfo, ry.name
                )),
            )),
            Some(both) => out.push(finding(
                Code::Overlap,
                about,
                None,
                Diagnostic::new(
                    Code::Overlap,
                    file,
                    ry.arrangement_span,
                    format!(
                        "rules `{}` and `{}` both apply with different shares (WFO {} and WFO {}): the result is WFO {both}",
                        rx.name, ry.name, rx.wfo, ry.wfo
                    ),
                )
                .with_label(format!("`{}` requires WFO {}", ry.name, ry.wfo))
                .with_secondary(file, rx.arrangement_span, format!("`{}` requires WFO {}", rx.name, rx.wfo))
                .with_help(format!(
                    "if one is an exception to the other, add `overrides {}` to `{}` (or the reverse); if WFO {both} is meant, write it in one rule",
                    rx.name, ry.name
                ))
                .with_witness(format!("{point} (they overlap on {area})")),
            )),
        }
    }
    // Rules that never decide.
    for (r, rule) in rules.iter().enumerate() {
        // A rule in an override cycle, or with a `during` outside the validity, is reported
        // as `override-cycle` or `rule-outside-validity` already.
        let outside = rule.during.is_some_and(|(from, to, _)| {
            from < circular.valid_from || circular.valid_to.is_some_and(|end| to > end)
        });
        if !a.deciding[r].is_empty() || rule.overrides_all.binary_search(&r).is_ok() || outside {
            continue;
        }
        let (message, help) = if a.applicable[r].is_empty() {
            let why = if rule.is_otherwise() {
                "other rules cover every subject it could apply to"
            } else {
                "it matches no subject on a day the circular applies"
            };
            (
                format!("rule `{}` never applies: {why}", rule.name),
                "remove it, or correct its selector or its `during` period".to_string(),
            )
        } else {
            let by: Vec<String> = rules
                .iter()
                .enumerate()
                .filter(|(s, o)| {
                    *s != r
                        && o.overrides_all.binary_search(&r).is_ok()
                        && a.applicable[*s].overlaps(&a.applicable[r])
                })
                .map(|(_, o)| format!("`{}`", o.name))
                .collect();
            (
                format!(
                    "rule `{}` never decides: wherever it applies, {} override{} it",
                    rule.name,
                    by.join(", "),
                    if by.len() == 1 { "s" } else { "" }
                ),
                "remove it, or narrow the rules that override it".to_string(),
            )
        };
        out.push(finding(
            Code::DeadRule,
            About::Rules(c, vec![r]),
            None,
            Diagnostic::new(Code::DeadRule, file, rule.name_span, message)
                .with_label("never decides")
                .with_help(help),
        ));
    }
    dead_exemptions(engine, c, out);
}

fn dead_exemptions(engine: &Engine<'_>, c: CircularId, out: &mut Vec<Finding>) {
    let circular = engine.circular(c);
    let compiled = engine.compiled(c);
    let u = &engine.universe;
    for (r, rule) in circular.rules.iter().enumerate() {
        let sel = compiled.rules[r]
            .selector
            .clone()
            .unwrap_or_else(Region::full);
        for (k, (except, span)) in rule.except.iter().enumerate() {
            if !sel.overlaps(&u.region(except)) {
                out.push(finding(
                    Code::DeadExemption,
                    About::Except(c, r, k),
                    None,
                    Diagnostic::new(
                        Code::DeadExemption,
                        circular.file,
                        *span,
                        format!("this `except` removes nothing rule `{}` covers", rule.name),
                    )
                    .with_label("matches none of the rule's subjects")
                    .with_help("remove it, or correct its selector"),
                ));
            }
        }
    }
    let mut covered = Region::empty();
    for r in &compiled.rules {
        covered = covered.union(r.selector.as_ref().unwrap_or(&Region::full()));
    }
    let covered = covered.intersect(&compiled.scope);
    for (k, e) in circular.exempt.iter().enumerate() {
        if !covered.overlaps(&u.region(&e.selector)) {
            out.push(finding(
                Code::DeadExemption,
                About::Exempt(c, k),
                None,
                Diagnostic::new(
                    Code::DeadExemption,
                    circular.file,
                    e.span,
                    format!(
                        "this `exempt` removes nothing circular `{}` regulates",
                        circular.id
                    ),
                )
                .with_label("matches none of the circular's subjects")
                .with_help("remove it, or correct its selector"),
            ));
        }
    }
}

/// Pairs of circulars whose validity overlaps (a sweep over start dates).
fn overlapping_pairs(engine: &Engine<'_>) -> Vec<(CircularId, CircularId)> {
    let n = engine.ws.circulars.len();
    let mut order: Vec<CircularId> = (0..n).collect();
    order.sort_by_key(|&c| engine.compiled(c).from);
    let mut pairs = Vec::new();
    let mut active: Vec<CircularId> = Vec::new();
    for &c in &order {
        let from = engine.compiled(c).from;
        active.retain(|&a| engine.compiled(a).to >= from);
        for &a in &active {
            if engine.compiled(a).scope.overlaps(&engine.compiled(c).scope) {
                pairs.push((a.min(c), a.max(c)));
            }
        }
        active.push(c);
    }
    pairs.sort_unstable();
    pairs
}

/// Where two circulars clash, and their constraints there.
type Clash = (Region, Interval, Interval);

fn across(engine: &Engine<'_>, analysis: &Analysis, out: &mut Vec<Finding>) {
    let ws = engine.ws;
    for (a, b) in overlapping_pairs(engine) {
        let (ca, cb) = (&ws.circulars[a], &ws.circulars[b]);
        // Group clashes by the deciding rule sets, so one finding names its rules.
        let mut clashes: BTreeMap<(Vec<RuleId>, Vec<RuleId>), Clash> = BTreeMap::new();
        for pa in &analysis.circulars[a].pieces {
            let Some(ka) = pa.constraint else { continue };
            for pb in &analysis.circulars[b].pieces {
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
            let Some((point, area)) = witness(engine, &region) else {
                continue;
            };
            let names = |c: CircularId, rs: &[RuleId]| -> String {
                let list: Vec<String> = rs
                    .iter()
                    .map(|&r| format!("`{}`", ws.circulars[c].rules[r].name))
                    .collect();
                list.join(", ")
            };
            if ca.level != cb.level {
                // Lex superior: the lower rules violate the higher norm.
                let (hi, hr, hk, lo, lr, lk) = if ca.level > cb.level {
                    (a, &ra, ka, b, &rb, kb)
                } else {
                    (b, &rb, kb, a, &ra, ka)
                };
                let (high, low) = (&ws.circulars[hi], &ws.circulars[lo]);
                let lrule = &low.rules[lr[0]];
                let hrule = &high.rules[hr[0]];
                out.push(finding(
                    Code::ViolatesHigherNorm,
                    About::Rules(lo, lr.clone()),
                    Some(About::Rules(hi, hr.clone())),
                    Diagnostic::new(
                        Code::ViolatesHigherNorm,
                        low.file,
                        lrule.arrangement_span,
                        format!(
                            "rule {} of {} ({}) requires WFO {lk}, outside the WFO {hk} of the {} circular {}",
                            names(lo, lr),
                            low.id,
                            low.level.as_str(),
                            high.level.as_str(),
                            high.id
                        ),
                    )
                    .with_label(format!("WFO {lk}"))
                    .with_secondary(high.file, hrule.arrangement_span, format!("the higher norm: WFO {hk}"))
                    .with_help(format!(
                        "lex superior: the higher norm prevails; bring the rule within WFO {hk}, or narrow it with `except`"
                    ))
                    .with_witness(format!("{point} (they clash on {area})")),
                ));
                continue;
            }
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
            if same_day || earlier_special {
                let why = if same_day {
                    format!(
                        "both were signed on {}, so lex posterior cannot decide",
                        l.signed
                    )
                } else {
                    format!(
                        "{} is later (lex posterior) but {} is more special (lex specialis)",
                        l.id, e.id
                    )
                };
                out.push(finding(
                    Code::Antinomy,
                    About::Rules(early, er.clone()),
                    Some(About::Rules(late, lr.clone())),
                    Diagnostic::new(
                        Code::Antinomy,
                        l.file,
                        lrule.arrangement_span,
                        format!(
                            "circulars {} and {} require disjoint shares (WFO {ek} and WFO {lk}) and no principle decides: {why}",
                            e.id, l.id
                        ),
                    )
                    .with_label(format!("rule {} requires WFO {lk}", names(late, lr)))
                    .with_secondary(e.file, erule.arrangement_span, format!("rule {} of {} requires WFO {ek}", names(early, er), e.id))
                    .with_help(format!(
                        "revoke one of them (`revokes \"{}\"` in {}), or make their rules agree",
                        e.id, l.id
                    ))
                    .with_witness(format!("{point} (they clash on {area})")),
                ));
            } else {
                out.push(finding(
                    Code::ImplicitRevocation,
                    About::Rules(early, er.clone()),
                    Some(About::Rules(late, lr.clone())),
                    Diagnostic::new(
                        Code::ImplicitRevocation,
                        l.file,
                        l.id_span,
                        format!(
                            "circular {} contradicts the earlier {} without revoking it (WFO {lk} against WFO {ek}); lex posterior makes {} prevail",
                            l.id, e.id, l.id
                        ),
                    )
                    .with_label("the later circular")
                    .with_secondary(e.file, erule.arrangement_span, format!("rule {} of {} requires WFO {ek}", names(early, er), e.id))
                    .with_help(format!("say so: add `revokes \"{}\"` to {}", e.id, l.id))
                    .with_witness(format!("{point} (they clash on {area})")),
                ));
            }
        }
    }
}
