//! Properties of the interpreter and the conflict analysis, on random workspaces.
//!
//! Every workspace is generated as `.se` TEXT ([`support::generate`]) and loaded through the whole
//! pipeline (parse, resolve, lint, compile); questions are written as query text and parsed too.
//!
//! - Answers: for a random question with dimensions left out (on a date or over a short period),
//!   the cases of [`Engine::cases`] partition the question's points (each point in exactly one
//!   case), and the answer at every point equals its case's answer. A given value is classed like
//!   the same value written in a circular (trimmed).
//! - Conflict analysis: the findings of [`findings`] (codes conflict, overlap, dead-rule,
//!   antinomy, implicit-revocation, violates-higher-norm) equal those of a slow exhaustive oracle
//!   that explains every elementary cell (one class per dimension, including "other", times every
//!   boundary date) and reads the findings off the per-circular traces. Each trace is first
//!   checked against a reference interpreter of section 5 ([`support::reference`]), and an answer
//!   is `conflict` only where a conflict or an antinomy holds at that very cell.
//! - Regressions: the bugs these properties found, written out by hand.
//!
//! On failure the generated `.se` text is printed, to be reproduced with `edaran check`. To hunt
//! with many more cases: `PROPTEST_CASES=20000 cargo test --release --test properties`.

mod support;

use edaran::Code;
use edaran::analysis::{About, Key, findings};
use edaran::check::load;
use edaran::eval::query::Spec;
use edaran::eval::{CircularOutcome, Engine, RuleOutcome, Status};
use edaran::model::{CircularId, GovScope, RuleId, Sel, Source, Workspace};
use edaran::region::{self, Day, Dim, Kind, Point};
use edaran::syntax::ast::Interval;
use proptest::prelude::*;
use std::collections::BTreeSet;
use support::generate::config;
use support::generate::{self, GenWorkspace};
use support::reference::Reference;

/// The codes the oracle computes.
const ORACLE_CODES: &[Code] = &[
    Code::Conflict,
    Code::Overlap,
    Code::DeadRule,
    Code::Antinomy,
    Code::ImplicitRevocation,
    Code::ViolatesHigherNorm,
    Code::RuleOnDaysOff,
    Code::EveryOutsideValidity,
];

/// Loads one hand-written file, asserting that it parses and resolves.
fn load_text(text: &str) -> Workspace {
    let ws = load(vec![Source {
        name: "regression.se".into(),
        text: text.into(),
    }]);
    let errors: Vec<String> = ws
        .diagnostics
        .iter()
        .filter(|d| generate::GENERATOR_BUGS.contains(&d.code))
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    ws
}

// ---------------------------------------------------------------------------------------------
// The exhaustive oracle of the conflict analysis

/// Every combination of one class per dimension (including each dimension's "other" class).
fn cells(engine: &Engine<'_>) -> Vec<[u32; Dim::COUNT]> {
    let mut out = vec![[0u32; Dim::COUNT]];
    for dim in Dim::ALL {
        let n = engine.universe.named(dim);
        out = out
            .into_iter()
            .flat_map(|cell| {
                (0..=n).map(move |c| {
                    let mut next = cell;
                    next[dim.index()] = c;
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
fn oracle_days(engine: &Engine<'_>) -> Vec<Day> {
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
fn oracle(engine: &Engine<'_>) -> Result<BTreeSet<Key>, String> {
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
        for &classes in &cells {
            let point = Point { day, classes };
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
                let code = match wx.intersect(wy) {
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
            if ka.intersect(*kb).is_some() {
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
        if *g == hi || kg.intersect(kh).is_some() {
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
fn fast(engine: &Engine<'_>) -> BTreeSet<Key> {
    // A grouped conflict stands for its pairs, as the oracle finds them.
    findings(engine)
        .into_iter()
        .flat_map(|f| f.key.pairs(engine.ws))
        .filter(|k| ORACLE_CODES.contains(&k.code))
        .collect()
}

/// Compares the analysis with the oracle; `Err` describes the difference.
fn compare_analysis(engine: &Engine<'_>) -> Result<(), String> {
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

fn check_analysis(g: &GenWorkspace) -> Result<(), TestCaseError> {
    let ws = g.load();
    let engine = Engine::new(&ws);
    compare_analysis(&engine)
        .map_err(|e| TestCaseError::fail(format!("{e}\nworkspace:\n{}", g.text())))
}

// ---------------------------------------------------------------------------------------------
// Questions and their cases

/// Values of each dimension a question may give: the generator's, the same with stray spaces
/// (a circular's values are trimmed, so a question's must be too), and values no circular names.
fn value_pool(dim: Dim) -> Vec<&'static str> {
    let (named, unnamed): (&[&str], &[&str]) = match dim {
        Dim::Gov => (&generate::GOVS, &[" Pemprov A", "Pemkab Z"]),
        Dim::Unit => (&generate::UNITS, &["A/B/Q", "C/Sub", "Other", "A/ B/D "]),
        Dim::Function => (&generate::FUNCTIONS, &["teaching"]),
        Dim::Domicile | Dim::Office => (&generate::PLACES, &[" X ", "Y ", "W"]),
    };
    named.iter().chain(unnamed).copied().collect()
}

/// A question: which dimensions are left out, the values of the others, and the period.
#[derive(Clone, Debug)]
struct Question {
    /// Left out (by [`Dim::index`]).
    open: [bool; Dim::COUNT],
    /// Value indices into [`value_pool`] of the given dimensions.
    values: [u8; Dim::COUNT],
    /// First day, as an offset from 2023-12-28.
    from: u8,
    /// Days after the first (0: a question on one date).
    len: u8,
    /// Where the time goes among the dimensions, and their order, in the query text.
    shuffle: u8,
}

fn question() -> impl Strategy<Value = Question> {
    (
        // The dimensions a question may leave out besides the unit.
        proptest::sample::subsequence(
            Dim::ALL
                .into_iter()
                .filter(|d| !d.info().required)
                .map(Dim::index)
                .collect::<Vec<_>>(),
            1..=3,
        ),
        proptest::option::weighted(0.15, Just(())),
        any::<[u8; Dim::COUNT]>(),
        0u8..100,
        prop_oneof![Just(0u8), 0u8..10],
        any::<u8>(),
    )
        .prop_map(|(dims, unit_open, values, from, len, shuffle)| {
            let mut open = [false; Dim::COUNT];
            for d in dims.iter().take(if unit_open.is_some() { 2 } else { 3 }) {
                open[*d] = true;
            }
            open[Dim::Unit.index()] = unit_open.is_some();
            Question {
                open,
                values,
                from,
                len,
                shuffle,
            }
        })
}

impl Question {
    fn value(&self, dim: Dim) -> Option<&'static str> {
        (!self.open[dim.index()]).then(|| {
            let pool = value_pool(dim);
            pool[self.values[dim.index()] as usize % pool.len()]
        })
    }

    fn days(&self) -> (Day, Day) {
        let from = region::day(generate::base()) - 4 + self.from as Day;
        (from, from + self.len as Day)
    }

    /// The spec, built directly.
    fn spec(&self) -> Spec {
        let (from, to) = self.days();
        Spec {
            values: std::array::from_fn(|d| self.value(Dim::ALL[d]).map(str::to_string)),
            from,
            to,
        }
    }

    /// The question as query text, `None` when it leaves the unit out (a query always gives
    /// it): `wfo "UNIT" function f domicile "X" on 2024-01-05` with the dimensions and the
    /// time in a shuffled order.
    fn text(&self) -> Option<String> {
        let unit = self.value(Dim::Unit)?;
        let mut parts: Vec<String> = Dim::subject_first()
            .filter(|d| !d.info().required)
            .filter_map(|d| {
                let v = self.value(d)?;
                Some(if d.info().string {
                    format!("{} \"{v}\"", d.keyword())
                } else {
                    format!("{} {v}", d.keyword())
                })
            })
            .collect();
        let (from, to) = self.days();
        let time = if from == to {
            format!("on {}", region::date(from))
        } else {
            format!("from {} to {}", region::date(from), region::date(to))
        };
        if !parts.is_empty() {
            let n = parts.len();
            parts.rotate_left(self.shuffle as usize % n);
        }
        parts.insert((self.shuffle as usize / 4) % (parts.len() + 1), time);
        Some(format!("wfo \"{unit}\" {}", parts.join(" ")))
    }
}

/// The spec of a question, through its query text when it has one (so that the query parser is
/// exercised too); the text must give the same spec as the direct construction.
fn question_spec(q: &Question) -> Result<Spec, String> {
    let direct = q.spec();
    let Some(text) = q.text() else {
        return Ok(direct);
    };
    let (query, diagnostics) = edaran::syntax::parse_query(edaran::FileId(0), &text);
    let Some(query) = query else {
        return Err(format!(
            "the query `{text}` does not parse: {diagnostics:?}"
        ));
    };
    let edaran::syntax::ast::QueryKind::Wfo(subject) = &query.kind else {
        return Err(format!("the query `{text}` is not a wfo question"));
    };
    let parsed = Spec::new(subject, &[]).ok_or(format!("the query `{text}` has no spec"))?;
    if parsed != direct {
        return Err(format!(
            "the query `{text}` gives {parsed:?}, not {direct:?}"
        ));
    }
    Ok(parsed)
}

/// The class of a given value by the rule the circulars' own values follow: units normalised
/// (segments trimmed) and resolved to their deepest named ancestor-or-self, other values trimmed.
fn reference_class(engine: &Engine<'_>, dim: Dim, value: &str) -> u32 {
    let u = &engine.universe;
    let i = &engine.ws.interner;
    let lookup = |v: &str| i.get(v).and_then(|s| u.class_of(dim, s));
    if dim.kind() != Kind::Hierarchical {
        return lookup(value.trim()).unwrap_or(u.named(dim));
    }
    let segments: Vec<&str> = value
        .split('/')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (1..=segments.len())
        .rev()
        .find_map(|n| lookup(&segments[..n].join("/")))
        .unwrap_or(u.named(dim))
}

/// The classes a left-out dimension ranges over: every class, but for a closed one (`gov`) only
/// the governments the workspace names (section 10.1: in a scope, in a selector or in a `govs`
/// set; and "other" when it names none or a circular binds every government with `scope all`).
/// Read from the resolved circulars, not from the universe.
fn open_classes(engine: &Engine<'_>, dim: Dim) -> Vec<u32> {
    let named = engine.universe.named(dim);
    if dim.kind() != Kind::Closed {
        return (0..=named).collect();
    }
    assert_eq!(
        dim,
        Dim::Gov,
        "the governments are the one closed dimension"
    );
    fn govs_in(sel: &Sel, out: &mut Vec<edaran::model::Sym>) {
        match sel {
            Sel::In(Dim::Gov, v) => out.extend(v.iter().copied()),
            Sel::And(parts) | Sel::Or(parts) => parts.iter().for_each(|p| govs_in(p, out)),
            Sel::Not(inner) => govs_in(inner, out),
            _ => {}
        }
    }
    let mut syms = engine.ws.set_govs.clone();
    for c in &engine.ws.circulars {
        if let GovScope::Govs(list) = &c.scope {
            syms.extend(list.iter().copied());
        }
        c.exempt
            .iter()
            .for_each(|e| govs_in(&e.selector, &mut syms));
        c.priorities
            .iter()
            .for_each(|p| govs_in(&p.selector, &mut syms));
        for r in &c.rules {
            if let Some(sel) = &r.selector {
                govs_in(sel, &mut syms);
            }
            r.except.iter().for_each(|(s, _)| govs_in(s, &mut syms));
        }
    }
    let mut listed: Vec<u32> = syms
        .iter()
        .map(|&g| reference_class(engine, Dim::Gov, engine.ws.interner.resolve(g)))
        .collect();
    listed.sort_unstable();
    listed.dedup();
    // `scope all` binds the governments no circular names too.
    let scope_all = engine.ws.circulars.iter().any(|c| c.scope == GovScope::All);
    if listed.is_empty() || scope_all {
        listed.push(named);
    }
    listed
}

fn check_cases(engine: &Engine<'_>, spec: &Spec) -> Result<(), String> {
    let cases = engine
        .cases(spec)
        .map_err(|e| format!("the question was refused: {e}"))?;
    let open: Vec<Dim> = Dim::ALL
        .into_iter()
        .filter(|d| spec.values[d.index()].is_none())
        .collect();
    for (k, case) in cases.iter().enumerate() {
        if case.from > case.to || case.from < spec.from || case.to > spec.to {
            return Err(format!(
                "case {k} has dates {}..{} outside the question's {}..{}",
                case.from, case.to, spec.from, spec.to
            ));
        }
        let dims: BTreeSet<Dim> = case.when.iter().map(|(d, _)| *d).collect();
        if dims.len() != case.when.len() || !dims.iter().all(|d| open.contains(d)) {
            return Err(format!(
                "case {k} has a condition on given or repeated dimensions: {:?}",
                case.when
            ));
        }
    }
    // Section 10.2, read directly: a day is off when its weekday is outside the working week or
    // it is a holiday. A case that is not a day off holds on the working days of its dates and
    // weekdays; the days off are cases of their own: the weekdays outside the working week that
    // are no holiday, and each holiday.
    let calendar = &engine.ws.calendar;
    let holiday = |d: Day| !calendar.holidays_on(region::date(d)).is_empty();
    let working = |d: Day| calendar.workweek().contains(region::weekday(d)) && !holiday(d);
    let contains = |case: &edaran::eval::query::Case, p: &Point| {
        let on_its_days = case.from <= p.day
            && p.day <= case.to
            && case.days.contains(region::weekday(p.day))
            && case
                .when
                .iter()
                .all(|(d, s)| s.contains(p.classes[d.index()]));
        let kind = match case.answer.status {
            _ if !on_its_days => false,
            Status::DayOff if case.days.is_all() => holiday(p.day),
            Status::DayOff => !working(p.day) && !holiday(p.day),
            _ => working(p.day),
        };
        on_its_days && kind
    };
    // The answer a case gives at a point: a day off gives its own reason at a point ("Saturday")
    // and the plural in a case of several ("Saturdays and Sundays").
    let agrees = |answer: &edaran::eval::Answer, case: &edaran::eval::query::Case| {
        if case.answer.status == Status::DayOff && !case.days.is_all() {
            answer.status == Status::DayOff
        } else {
            *answer == case.answer
        }
    };
    let mut base = [0u32; Dim::COUNT];
    for dim in Dim::ALL {
        let Some(v) = spec.values[dim.index()].as_deref() else {
            continue;
        };
        let class = engine.universe.classify(dim, v, &engine.ws.interner);
        let expected = reference_class(engine, dim, v);
        if class != expected {
            return Err(format!(
                "the {} {v:?} is in class {class}, not {expected} (the class of the same value in a circular)",
                dim.keyword()
            ));
        }
        base[dim.index()] = class;
    }
    let mut points = vec![base];
    for &dim in &open {
        let choices = open_classes(engine, dim);
        points = points
            .into_iter()
            .flat_map(|p| {
                choices.iter().map(move |&c| {
                    let mut next = p;
                    next[dim.index()] = c;
                    next
                })
            })
            .collect();
    }
    let mut hits = vec![0usize; cases.len()];
    for day in spec.from..=spec.to {
        for &classes in &points {
            let p = Point { day, classes };
            let inside: Vec<usize> = (0..cases.len())
                .filter(|&k| contains(&cases[k], &p))
                .collect();
            let [k] = inside[..] else {
                return Err(format!(
                    "the point {p:?} ({}) is in {} cases ({inside:?}), not exactly one",
                    region::date(day),
                    inside.len()
                ));
            };
            hits[k] += 1;
            let answer = engine.answer(&p);
            if !agrees(&answer, &cases[k]) {
                return Err(format!(
                    "at {p:?} ({}) the answer is {answer:#?}\nbut its case {k} ({:?}, {}..{}) says {:#?}",
                    region::date(day),
                    cases[k].when,
                    region::date(cases[k].from),
                    region::date(cases[k].to),
                    cases[k].answer
                ));
            }
        }
    }
    if let Some(k) = hits.iter().position(|&h| h == 0) {
        return Err(format!("case {k} holds no point of the question"));
    }
    for (k, case) in cases.iter().enumerate() {
        if !contains(case, &case.point) || !agrees(&engine.answer(&case.point), case) {
            return Err(format!("the point of case {k} is not one of its points"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(config(1200))]

    /// Issue: answers. Every point of a question is in exactly one case, with its case's answer.
    #[test]
    fn cases_partition_the_question_and_agree_with_points(
        g in generate::workspace(4, 5),
        questions in proptest::collection::vec(question(), 1..=3),
    ) {
        let ws = g.load();
        let engine = Engine::new(&ws);
        for q in &questions {
            let spec = question_spec(q).map_err(TestCaseError::fail)?;
            if let Err(e) = check_cases(&engine, &spec) {
                return Err(TestCaseError::fail(format!(
                    "{e}\nquestion: {spec:?}\nworkspace:\n{}", g.text()
                )));
            }
        }
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// Issue: conflict analysis. Small workspaces, many of them.
    #[test]
    fn analysis_agrees_with_exhaustive_oracle_small(g in generate::workspace(3, 3)) {
        check_analysis(&g)?;
    }
}

proptest! {
    #![proptest_config(config(600))]

    /// Issue: conflict analysis. Larger workspaces: up to 4 circulars of up to 5 rules.
    #[test]
    fn analysis_agrees_with_exhaustive_oracle_large(g in generate::workspace(4, 5)) {
        check_analysis(&g)?;
    }
}

proptest! {
    #![proptest_config(config(150))]

    /// Issue 17: findings grouped by their cause. Two circulars of up to 12 rules, so that a
    /// rule often clashes with more than three others: the groups stand for exactly the pairs
    /// the oracle finds.
    #[test]
    fn grouped_conflicts_stand_for_the_oracles_pairs(g in generate::workspace(2, 12)) {
        check_analysis(&g)?;
    }
}

/// The workspaces of [`grouped_conflicts_stand_for_the_oracles_pairs`] reach both kinds of
/// group: rules that decide together, and one rule against many.
#[test]
fn generated_workspaces_reach_both_kinds_of_group() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = generate::workspace(2, 12);
    let (mut together, mut one_against_many) = (0, 0);
    for _ in 0..150 {
        let g = strategy
            .new_tree(&mut runner)
            .expect("a workspace")
            .current();
        let ws = g.load();
        let engine = Engine::new(&ws);
        for f in findings(&engine) {
            match (&f.key.first, &f.key.second) {
                (About::Rules(_, r), None) if f.key.code == Code::Conflict && r.len() > 2 => {
                    together += 1
                }
                (About::Rules(_, _), Some(_)) if f.key.code == Code::Conflict => {
                    one_against_many += 1
                }
                _ => {}
            }
        }
    }
    assert!(
        together > 0 && one_against_many > 0,
        "{together} {one_against_many}"
    );
}

/// The generator reaches what the properties are about: every finding the oracle computes,
/// every status, and every reason a circular or a rule does not decide (so that the properties
/// are not vacuous). Deterministic: the same workspaces on every run.
#[test]
fn generated_workspaces_reach_every_finding_and_outcome() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = generate::workspace(4, 5);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for _ in 0..150 {
        let g = strategy
            .new_tree(&mut runner)
            .expect("a workspace")
            .current();
        let ws = g.load();
        let engine = Engine::new(&ws);
        seen.extend(fast(&engine).into_iter().map(|k| k.code.to_string()));
        for day in oracle_days(&engine) {
            for classes in cells(&engine).into_iter().step_by(5) {
                let e = engine.explain(&Point { day, classes });
                seen.insert(format!("status {:?}", e.answer.status));
                for t in &e.circulars {
                    let outcome = format!("{:?}", t.outcome);
                    seen.insert(format!(
                        "circular {}",
                        outcome.split('(').next().unwrap_or_default()
                    ));
                    for (_, o) in &t.rules {
                        let o = format!("{o:?}");
                        seen.insert(format!("rule {}", o.split('(').next().unwrap_or_default()));
                    }
                }
            }
        }
    }
    let wanted = [
        "conflict",
        "overlap",
        "dead-rule",
        "antinomy",
        "implicit-revocation",
        "violates-higher-norm",
        "rule-on-days-off",
        "every-outside-validity",
        "status Ruled",
        "status DayOff",
        "status Exempt",
        "status Baseline",
        "status Conflict",
        "circular Applies",
        "circular OutsideValidity",
        "circular RevokedBy",
        "circular OutOfScope",
        "circular Exempt",
        "rule NoMatch",
        "rule Excepted",
        "rule OutsideDuring",
        "rule OutsideEvery",
        "rule OverriddenBy",
        "rule OtherwiseNotNeeded",
        "rule Decides",
    ];
    let missing: Vec<&str> = wanted.into_iter().filter(|w| !seen.contains(*w)).collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}

// ---------------------------------------------------------------------------------------------
// Regressions

/// A value of a question is trimmed like the same value in a circular: `domicile " X "` and
/// `gov " Pemprov A"` are `"X"` and `"Pemprov A"` (they were "any other" place and an unnamed
/// government, so the answer fell back to the baseline).
#[test]
fn question_values_are_trimmed_like_circular_values() {
    let ws = load_text(
        r#"
circular "SE-1" {
  issuer "I" level provincial
  signed 2024-01-01
  valid 2024-01-01 to 2024-01-31
  scope " Pemprov A "
  rule near: domicile " X " and office "Y" => wfo 25%
}
"#,
    );
    let engine = Engine::new(&ws);
    let day = region::day(generate::base()) + 4;
    let padded = engine.point(
        day,
        [
            Some(" Pemprov A"),
            Some("U"),
            Some("admin"),
            Some(" X "),
            Some("Y "),
        ],
    );
    let plain = engine.point(
        day,
        [
            Some("Pemprov A"),
            Some("U"),
            Some("admin"),
            Some("X"),
            Some("Y"),
        ],
    );
    assert_eq!(padded, plain);
    let answer = engine.answer(&padded);
    assert_eq!(answer.status, Status::Ruled);
    assert!(answer.notes.is_empty(), "{:?}", answer.notes);
    let spec = Spec {
        values: [
            Some(" Pemprov A".into()),
            Some("U".into()),
            None,
            Some(" X ".into()),
            Some("Y ".into()),
        ],
        from: day,
        to: day,
    };
    check_cases(&engine, &spec).unwrap();
    compare_analysis(&engine).unwrap();
}

/// Three circulars of one level: lex posterior is weighed against the earlier circulars the
/// later one clashes with. `C` agrees with `A` (both 0%) and clashes only with `B` (100%), which
/// is not more special: `C` prevails. The evaluator called it an antinomy because `A`, which it
/// does not contradict, is more special than `C`; the analysis (rightly) found none, so the
/// answer was `conflict` with no diagnostic to say why.
#[test]
fn antinomy_needs_a_clashing_earlier_circular() {
    let ws = load_text(
        r#"
circular "A" {
  issuer "I" level provincial
  signed 2024-01-01
  valid 2024-01-10 to 2024-01-31
  scope all
  rule a: unit "C" => wfo 0%
}
circular "B" {
  issuer "I" level provincial
  signed 2024-01-03
  valid 2024-01-10 to 2024-01-31
  scope all
  rule b: function service => wfo 100%
}
circular "C" {
  issuer "I" level provincial
  signed 2024-01-05
  valid 2024-01-10 to 2024-01-31
  scope all
  rule c: unit "C" or function admin => wfo 0%
}
"#,
    );
    let engine = Engine::new(&ws);
    let day = region::day(generate::base()) + 14;
    let p = engine.point(day, [None, Some("C"), Some("service"), None, None]);
    let answer = engine.answer(&p);
    assert_eq!(answer.status, Status::Ruled, "{:?}", answer.notes);
    assert_eq!(answer.wfo.map(|i| (i.min.0, i.max.0)), Some((0, 0)));
    assert!(
        fast(&engine).iter().all(|k| k.code != Code::Antinomy),
        "no antinomy between clashing circulars"
    );
    compare_analysis(&engine).unwrap();
}

/// The same bug as the generator found it: `SE-2` (a unit) is more special than `SE-3` (all)
/// but agrees with it; `SE-3` clashes only with `SE-1`, which is not more special and was signed
/// on another day, so lex posterior decides: WFO at least 50%.
#[test]
fn a_more_special_but_agreeing_earlier_circular_is_no_antinomy() {
    let ws = load_text(
        r#"
circular "SE-1" {
  issuer "I" level national
  signed 2024-01-01
  valid from 2024-01-15
  scope all
  rule r0: otherwise => wfo 25%
}
circular "SE-2" {
  issuer "I" level national
  signed 2024-01-01
  valid from 2024-01-01
  scope all
  rule r0: unit "A" => wfh at most 100%
}
circular "SE-3" {
  issuer "I" level national
  signed 2024-01-03
  valid from 2024-01-15
  scope all
  rule r0: otherwise => wfo at least 50%
}
"#,
    );
    let engine = Engine::new(&ws);
    let day = region::day(generate::base()) + 14;
    let answer = engine.answer(&engine.point(day, [None, Some("A"), None, None, None]));
    assert_eq!(answer.status, Status::Ruled, "{:?}", answer.notes);
    assert_eq!(answer.wfo.map(|i| (i.min.0, i.max.0)), Some((5000, 10000)));
    compare_analysis(&engine).unwrap();
}
