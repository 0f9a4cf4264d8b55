//! The exhaustive oracle of the conflict analysis: the findings read off `explain` at every
//! elementary cell of a workspace (one class per dimension, including "other", on one working
//! day of each class of weekdays between every two boundaries), each explanation first checked
//! against the reference interpreter ([`super::reference`]). `tests/properties.rs` compares it
//! with the fast analysis on random workspaces, and so does the fuzz target `workspace`.

use super::reference::{Reference, meet};
use edaran::Code;
use edaran::analysis::{About, Key, findings};
use edaran::eval::{CircularOutcome, Engine, RuleOutcome, Status};
use edaran::model::{CircularId, RuleId};
use edaran::region::{self, Day, Dim, Point};
use edaran::syntax::ast::Interval;
use std::collections::BTreeSet;

/// The codes the oracle computes.
pub const ORACLE_CODES: &[Code] = &[
    Code::Conflict,
    Code::Overlap,
    Code::DeadRule,
    Code::Antinomy,
    Code::ImplicitRevocation,
    Code::ViolatesHigherNorm,
    Code::RuleOnDaysOff,
    Code::EveryOutsideValidity,
];

/// Every combination of one class per dimension (including each dimension's "other" class).
pub fn cells(engine: &Engine<'_>) -> Vec<Point> {
    let mut out = vec![Point::new(0, [0u32; Dim::CLASSES])];
    for dim in Dim::CLASSED {
        let n = engine.universe.named(dim);
        out = out
            .into_iter()
            .flat_map(|cell| {
                (0..=n).map(move |c| {
                    let mut next = cell;
                    next.classes[dim.index()] = c;
                    next
                })
            })
            .collect();
    }
    // Every set of the named flags of each yes/no dimension (conditions, traits).
    for dim in Dim::FLAGGED {
        let n = engine.universe.named(dim);
        out = out
            .into_iter()
            .flat_map(|cell| {
                (0..1u64 << n).map(move |bits| {
                    let mut next = cell;
                    next.flags[dim.flag_index()] = bits;
                    next
                })
            })
            .collect();
    }
    out
}

/// The days on which the answers can differ: between two boundaries (and before the first),
/// the first working day of each class of weekdays, and the first day of the range whatever it
/// is (a day off must show nothing). Two weekdays are of one class when the working week and
/// every rule's `every` treat them alike, read off the model here. The working days are found
/// by walking the days one by one (not the calendar's search the analysis uses), up to a bound
/// far above the holidays of any range. (Not the day after the last day the region algebra
/// holds, the end of open-ended validities.)
pub fn oracle_days(engine: &Engine<'_>) -> Vec<Day> {
    let ws = engine.ws;
    let week = ws.calendar.workweek();
    let signature = |day: chrono::Weekday| -> Vec<bool> {
        let mut s = vec![week.contains(day)];
        for c in &ws.circulars {
            s.extend(
                c.rules
                    .iter()
                    .filter_map(|r| r.every.map(|(d, _)| d.contains(day))),
            );
        }
        s
    };
    let mut classes: Vec<(Vec<bool>, edaran::region::Weekdays)> = Vec::new();
    for day in edaran::calendar::WEEK {
        let s = signature(day);
        let one = edaran::region::Weekdays::of(day);
        match classes.iter_mut().find(|(t, _)| *t == s) {
            Some((_, set)) => *set = set.union(one),
            None => classes.push((s, one)),
        }
    }
    let mut bounds = engine.boundaries();
    bounds.retain(|&d| d <= region::LAST_DAY);
    let Some(&first) = bounds.first() else {
        return Vec::new();
    };
    bounds.insert(0, first - 30);
    let mut days = Vec::new();
    for (k, &from) in bounds.iter().enumerate() {
        let to = bounds.get(k + 1).map_or(region::LAST_DAY, |&b| b - 1);
        days.push(from);
        for (_, class) in &classes {
            let found = (from..=to.min(from + 2000))
                .find(|&d| class.contains(region::weekday(d)) && engine.is_working_day(d));
            days.extend(found);
        }
    }
    days.sort_unstable();
    days.dedup();
    days
}

fn rules_about(c: CircularId, rules: &[RuleId]) -> About {
    About::Rules(c, rules.to_vec())
}

/// What the oracle has seen of each circular so far: whether it applied somewhere, and which of
/// its rules decided somewhere.
struct Seen {
    applied: Vec<bool>,
    decides: Vec<Vec<bool>>,
}

/// An applying circular whose rules agree at a cell: its constraint and its deciding rules.
type Constrained = (CircularId, Interval, Vec<RuleId>);

/// The findings, by brute force from `explain` at every elementary cell. Each explanation is
/// first checked against the reference interpreter of section 5 (`Err`: they differ).
pub fn oracle(engine: &Engine<'_>) -> Result<BTreeSet<Key>, String> {
    let reference = Reference::new(engine);
    let ws = engine.ws;
    let mut keys = BTreeSet::new();
    let mut seen = Seen {
        applied: vec![false; ws.circulars.len()],
        decides: ws
            .circulars
            .iter()
            .map(|c| vec![false; c.rules.len()])
            .collect(),
    };
    let cells = cells(engine);
    for day in oracle_days(engine) {
        for &cell in &cells {
            let point = Point { day, ..cell };
            let explanation = engine.explain(&point);
            reference.check(&point, &explanation, &cells)?;
            // Whether a conflict or an antinomy (the errors that make an answer `conflict`) is
            // found at this cell, and whether a circular's own rules conflict here.
            let (conflict_within, constrained) =
                oracle_within(engine, &explanation, &mut seen, &mut keys);
            let antinomy = oracle_across(engine, &constrained, &mut keys);
            let clash_here = conflict_within || antinomy;
            // An answer is `conflict` only where a finding says why: a conflict within a
            // circular, or an antinomy between two circulars that clash at this very cell; and
            // always where a circular's own rules conflict. (That an antinomy makes the answer
            // `conflict` is checked by the reference where at most two circulars of a level
            // decide: with more, lex posterior is folded in signing order, and an earlier
            // circular another one has already overruled takes no further part.)
            let status = explanation.answer.status;
            if (status == Status::Conflict && !clash_here)
                || (conflict_within && status != Status::Conflict)
            {
                return Err(format!(
                    "at {point:?} ({}) the answer is {status:?}, but the findings at this point {}",
                    region::date(day),
                    if conflict_within {
                        "include a conflict within a circular"
                    } else {
                        "include no conflict and no antinomy"
                    }
                ));
            }
        }
    }
    let dated = oracle_calendar(engine, &mut keys);
    oracle_dead_rules(&seen, &dated, &mut keys);
    Ok(keys)
}

/// The days of some windows (each cut at a bound: a longer window has working days), on
/// `days`, walked one by one.
fn window_days(
    windows: &[(Day, Day)],
    days: edaran::region::Weekdays,
) -> impl Iterator<Item = Day> + '_ {
    windows
        .iter()
        .flat_map(|&(a, b)| a..=b.min(a + 400))
        .filter(move |&d| days.contains(region::weekday(d)))
}

/// `rule-on-days-off` and `every-outside-validity`, read directly off the dates: the validity,
/// each rule's dates (its `during` within the validity, on its `every`) and each of its `during`
/// windows, walked day by day. Returns, per circular, whether its validity has a working day
/// and, per rule, whether its dates have one (where they do not, `dead-rule` is not reported).
fn oracle_calendar(engine: &Engine<'_>, keys: &mut BTreeSet<Key>) -> Vec<(bool, Vec<bool>)> {
    let ws = engine.ws;
    let working =
        |windows: &[(Day, Day)], days| window_days(windows, days).any(|d| engine.is_working_day(d));
    let all = edaran::region::Weekdays::ALL;
    let mut dated = Vec::new();
    for (c, circular) in ws.circulars.iter().enumerate() {
        let compiled = engine.compiled(c);
        let validity: Vec<(Day, Day)> = compiled.windows.iter().copied().collect();
        let key = |code, rules: Vec<RuleId>| Key {
            code,
            first: About::Rules(c, rules),
            second: None,
        };
        if !working(&validity, all) {
            keys.insert(key(Code::RuleOnDaysOff, Vec::new()));
            dated.push((false, vec![false; circular.rules.len()]));
            continue;
        }
        let mut rules = Vec::new();
        for (r, rule) in compiled.rules.iter().enumerate() {
            let within = |during: &[(Day, Day)]| -> Vec<(Day, Day)> {
                during
                    .iter()
                    .flat_map(|&(a, b)| {
                        validity
                            .iter()
                            .map(move |&(c, d)| (a.max(c), b.min(d)))
                            .filter(|(x, y)| x <= y)
                    })
                    .collect()
            };
            let windows = match &rule.during {
                Some(during) => within(during),
                None => validity.clone(),
            };
            let has = working(&windows, rule.days);
            rules.push(has);
            if window_days(&windows, rule.days).next().is_none() {
                if !rule.days.is_all() && !windows.is_empty() {
                    keys.insert(key(Code::EveryOutsideValidity, vec![r]));
                }
                continue;
            }
            if !has {
                keys.insert(key(Code::RuleOnDaysOff, vec![r]));
                continue;
            }
            for &w in rule.during.iter().flatten() {
                let window = within(&[w]);
                if !window.is_empty() && !working(&window, rule.days) {
                    keys.insert(key(Code::RuleOnDaysOff, vec![r]));
                }
            }
        }
        dated.push((true, rules));
    }
    dated
}

/// The findings within each circular that applies at one cell (`conflict`, `overlap`), what it
/// shows of dead rules, whether some circular's own rules conflict here, and the circulars whose
/// rules agree, with their constraint.
fn oracle_within(
    engine: &Engine<'_>,
    explanation: &edaran::eval::Explanation,
    seen: &mut Seen,
    keys: &mut BTreeSet<Key>,
) -> (bool, Vec<Constrained>) {
    let ws = engine.ws;
    let mut conflict_within = false;
    let mut constrained = Vec::new();
    for t in &explanation.circulars {
        if t.outcome != CircularOutcome::Applies {
            continue;
        }
        let c = t.circular;
        seen.applied[c] = true;
        let deciding: Vec<RuleId> = t
            .rules
            .iter()
            .filter(|(_, o)| *o == RuleOutcome::Decides)
            .map(|(r, _)| *r)
            .collect();
        let rules = &ws.circulars[c].rules;
        for (k, &x) in deciding.iter().enumerate() {
            seen.decides[c][x] = true;
            for &y in &deciding[k + 1..] {
                let (wx, wy) = (rules[x].wfo, rules[y].wfo);
                // Rules that differ in shares or only in where the others work (`wfa` and
                // `wfh`: from home together) overlap; only disjoint shares conflict.
                let code = match meet(wx, wy) {
                    None => {
                        conflict_within = true;
                        Code::Conflict
                    }
                    // Inside a conflict, the conflict is the finding.
                    Some(_) if wx != wy && t.constraint != Some(None) => Code::Overlap,
                    Some(_) => continue,
                };
                keys.insert(Key {
                    code,
                    first: rules_about(c, &[x, y]),
                    second: None,
                });
            }
        }
        if let Some(Some(k)) = t.constraint {
            constrained.push((c, k, deciding));
        }
    }
    (conflict_within, constrained)
}

/// The findings between the circulars whose constraints clash at one cell
/// (`violates-higher-norm`, `antinomy`, `implicit-revocation`); true when one is an antinomy.
fn oracle_across(
    engine: &Engine<'_>,
    constrained: &[Constrained],
    keys: &mut BTreeSet<Key>,
) -> bool {
    let ws = engine.ws;
    let mut antinomy = false;
    for (i, (a, ka, da)) in constrained.iter().enumerate() {
        for (b, kb, db) in &constrained[i + 1..] {
            if meet(*ka, *kb).is_some() {
                continue;
            }
            let (ca, cb) = (&ws.circulars[*a], &ws.circulars[*b]);
            if ca.level != cb.level {
                let ((lo, dlo), (hi, dhi)) = if ca.level < cb.level {
                    ((*a, da), (*b, db))
                } else {
                    ((*b, db), (*a, da))
                };
                let kh = if hi == *a { *ka } else { *kb };
                if !set_aside(engine, constrained, (hi, kh, dhi)) {
                    keys.insert(Key {
                        code: Code::ViolatesHigherNorm,
                        first: rules_about(lo, dlo),
                        second: Some(rules_about(hi, dhi)),
                    });
                }
                continue;
            }
            let ((e, de), (l, dl)) = if (ca.signed, *a) <= (cb.signed, *b) {
                ((*a, da), (*b, db))
            } else {
                ((*b, db), (*a, da))
            };
            let same_day = ws.circulars[e].signed == ws.circulars[l].signed;
            let (cover_e, cover_l) = (engine.cover(e, de), engine.cover(l, dl));
            let earlier_special = cover_e.is_subset(&cover_l) && !cover_l.is_subset(&cover_e);
            let code = if same_day || earlier_special {
                antinomy = true;
                Code::Antinomy
            } else {
                Code::ImplicitRevocation
            };
            keys.insert(Key {
                code,
                first: rules_about(e, de),
                second: Some(rules_about(l, dl)),
            });
        }
    }
    antinomy
}

/// Section 10.1: no violation of a higher norm where that norm is itself set aside at the cell,
/// by a norm above it or a later one of its level that is not an antinomy with it.
fn set_aside(
    engine: &Engine<'_>,
    constrained: &[Constrained],
    (hi, kh, dhi): (CircularId, Interval, &[RuleId]),
) -> bool {
    let ws = engine.ws;
    let h = &ws.circulars[hi];
    constrained.iter().any(|(g, kg, dg)| {
        let gc = &ws.circulars[*g];
        if *g == hi || meet(*kg, kh).is_some() {
            return false;
        }
        if gc.level > h.level {
            return true;
        }
        if gc.level < h.level || (gc.signed, *g) < (h.signed, hi) {
            return false;
        }
        let (cover_h, cover_g) = (engine.cover(hi, dhi), engine.cover(*g, dg));
        let special = cover_h.is_subset(&cover_g) && !cover_g.is_subset(&cover_h);
        gc.signed != h.signed && !special
    })
}

/// `dead-rule`: a circular that applies nowhere is one finding about all its rules; otherwise
/// each rule that decides nowhere is one.
fn oracle_dead_rules(seen: &Seen, dated: &[(bool, Vec<bool>)], keys: &mut BTreeSet<Key>) {
    for (c, rules) in seen.decides.iter().enumerate() {
        // A validity or rule on days off only is `rule-on-days-off` (or
        // `every-outside-validity`), not `dead-rule`.
        let (valid_on_working_days, rules_dated) = &dated[c];
        if !valid_on_working_days {
            continue;
        }
        if !seen.applied[c] && !rules.is_empty() {
            keys.insert(Key {
                code: Code::DeadRule,
                first: rules_about(c, &(0..rules.len()).collect::<Vec<_>>()),
                second: None,
            });
            continue;
        }
        for (r, &d) in rules.iter().enumerate() {
            if !d && rules_dated[r] {
                keys.insert(Key {
                    code: Code::DeadRule,
                    first: rules_about(c, &[r]),
                    second: None,
                });
            }
        }
    }
}

/// The keys of the fast analysis, restricted to the codes the oracle computes, each grouped
/// conflict as its pairs.
pub fn fast(engine: &Engine<'_>) -> BTreeSet<Key> {
    // A grouped conflict stands for its pairs, as the oracle finds them.
    findings(engine)
        .into_iter()
        .flat_map(|f| f.key.pairs(engine.ws))
        .filter(|k| ORACLE_CODES.contains(&k.code))
        .collect()
}

/// Compares the analysis with the oracle; `Err` describes the difference.
pub fn compare_analysis(engine: &Engine<'_>) -> Result<(), String> {
    let (fast, slow) = (fast(engine), oracle(engine)?);
    if fast == slow {
        return Ok(());
    }
    let only_fast: Vec<&Key> = fast.difference(&slow).collect();
    let only_oracle: Vec<&Key> = slow.difference(&fast).collect();
    Err(format!(
        "the analysis and the oracle disagree\nonly in the analysis: {only_fast:#?}\nonly in the oracle: {only_oracle:#?}"
    ))
}
