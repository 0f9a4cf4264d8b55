//! Properties of the interpreter and the conflict analysis, on random workspaces.
//!
//! Every workspace is generated as `.se` TEXT ([`support::generate`]) and loaded through the whole
//! pipeline (parse, resolve, lint, compile); questions are written as query text and parsed too.
//!
//! - Answers: for a random question with dimensions left out (on a date or over a short period),
//!   and for the same question with every dimension given, the cases of [`Engine::cases`]
//!   partition the question's points (each point in exactly one case), and the answer at every
//!   point equals its case's answer. A given value is classed like
//!   the same value written in a circular (trimmed). A `wfo` answer carries the WFH priority of
//!   the one case of the question split by priority that meets it, none where several do, for
//!   questions of one subject on one day too (whose split is skipped).
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

use support::oracle::{cells, compare_analysis, fast, oracle_days};

use edaran::Code;
use edaran::analysis::{About, findings};
use edaran::check::load;
use edaran::eval::ask::{Purpose, Reply};
use edaran::eval::query::{Axis, Case, Focus, Spec};
use edaran::eval::{Detail, Engine, RuleOutcome, Status};
use edaran::model::{GovScope, Sel, Source, Workspace};
use edaran::region::{self, Day, Dim, Kind, Point};
use edaran::syntax::ast::Remote;
use proptest::prelude::*;
use std::collections::BTreeSet;
use support::generate::config;
use support::generate::{self, GenWorkspace};

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
        Dim::Condition => (&generate::CONDITIONS, &["flood"]),
        Dim::Trait => (&generate::TRAITS, &["comorbid"]),
    };
    named.iter().chain(unnamed).copied().collect()
}

/// A question: which dimensions are left out, the values of the others, and the period.
#[derive(Clone, Debug)]
struct Question {
    /// Left out (by [`Dim::index`]).
    open: [bool; Dim::CLASSES],
    /// Value indices into [`value_pool`] of the given dimensions.
    values: [u8; Dim::CLASSES],
    /// The flags it gives: a condition or a trait (by [`Dim::flag_index`]), a value index into
    /// [`value_pool`], and whether it holds (`when not urgent`, `not trait pregnant`).
    flags: Vec<(u8, u8, bool)>,
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
            Dim::CLASSED
                .into_iter()
                .filter(|d| !d.info().required)
                .map(Dim::index)
                .collect::<Vec<_>>(),
            1..=3,
        ),
        proptest::option::weighted(0.15, Just(())),
        any::<[u8; Dim::CLASSES]>(),
        0u8..100,
        prop_oneof![Just(0u8), 0u8..10],
        any::<u8>(),
        proptest::collection::vec((0u8..Dim::FLAGS as u8, any::<u8>(), any::<bool>()), 0..=2),
    )
        .prop_map(|(dims, unit_open, values, from, len, shuffle, mut flags)| {
            // Each flag at most once (a question gives a name once).
            let key = |&(d, v, _): &(u8, u8, bool)| {
                let dim = Dim::FLAGGED[d as usize];
                (d, v as usize % value_pool(dim).len())
            };
            let mut seen = Vec::new();
            flags.retain(|f| {
                let k = key(f);
                !seen.contains(&k) && {
                    seen.push(k);
                    true
                }
            });
            let mut open = [false; Dim::CLASSES];
            for d in dims.iter().take(if unit_open.is_some() { 2 } else { 3 }) {
                open[*d] = true;
            }
            open[Dim::Unit.index()] = unit_open.is_some();
            Question {
                open,
                values,
                flags,
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

    /// The flags it gives: dimension, name, whether it holds.
    fn flag_values(&self) -> Vec<(Dim, &'static str, bool)> {
        self.flags
            .iter()
            .map(|&(d, v, holds)| {
                let dim = Dim::FLAGGED[d as usize];
                let pool = value_pool(dim);
                (dim, pool[v as usize % pool.len()], holds)
            })
            .collect()
    }

    /// The spec, built directly.
    fn spec(&self) -> Spec {
        let (from, to) = self.days();
        Spec {
            values: std::array::from_fn(|d| self.value(Dim::CLASSED[d]).map(str::to_string)),
            flags: {
                let mut flags: Vec<(Dim, String, bool)> = self
                    .flag_values()
                    .into_iter()
                    .map(|(d, v, holds)| (d, v.to_string(), holds))
                    .collect();
                flags.sort();
                flags
            },
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
        for (dim, v, holds) in self.flag_values() {
            parts.push(match (dim, holds) {
                (Dim::Condition, true) => format!("when {v}"),
                (Dim::Condition, false) => format!("when not {v}"),
                (_, true) => format!("trait {v}"),
                (_, false) => format!("not trait {v}"),
            });
        }
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
    let open: Vec<Dim> = Dim::CLASSED
        .into_iter()
        .filter(|d| spec.values[d.index()].is_none())
        .collect();
    // The flags the question fixes, read directly: a name a circular names, holding or not.
    let mut fixed_flags = [(0u64, 0u64); Dim::FLAGS];
    for (dim, name, holds) in &spec.flags {
        let u = &engine.universe;
        if let Some(bit) = engine
            .ws
            .interner
            .get(name.trim())
            .and_then(|s| u.class_of(*dim, s))
        {
            let f = &mut fixed_flags[dim.flag_index()];
            if *holds {
                f.0 |= 1 << bit;
            } else {
                f.1 |= 1 << bit;
            }
        }
    }
    for (k, case) in cases.iter().enumerate() {
        if case.from > case.to || case.from < spec.from || case.to > spec.to {
            return Err(format!(
                "case {k} has dates {}..{} outside the question's {}..{}",
                case.from, case.to, spec.from, spec.to
            ));
        }
        let axes: BTreeSet<Axis> = case.when.iter().map(|(a, _)| *a).collect();
        let left_out = |a: &Axis| match *a {
            Axis::Classes(d) => open.contains(&d),
            Axis::Flag(d, bit) => {
                let (yes, no) = fixed_flags[d.flag_index()];
                (yes | no) & (1 << bit) == 0
            }
        };
        if axes.len() != case.when.len() || !axes.iter().all(left_out) {
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
            && case.when.iter().all(|(a, s)| match *a {
                Axis::Classes(d) => s.contains(p.classes[d.index()]),
                Axis::Flag(d, bit) => {
                    s.contains(u32::from(p.flags[d.flag_index()] & (1 << bit) != 0))
                }
            });
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
    let mut base = [0u32; Dim::CLASSES];
    for dim in Dim::CLASSED {
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
    let mut points = vec![Point::new(0, base)];
    for &dim in &open {
        let choices = open_classes(engine, dim);
        points = points
            .into_iter()
            .flat_map(|p| {
                choices.iter().map(move |&c| {
                    let mut next = p;
                    next.classes[dim.index()] = c;
                    next
                })
            })
            .collect();
    }
    // Every combination of the flags the question leaves out, whether or not the engine
    // chose to split on them: where it did not, the answer must not depend on them.
    for dim in Dim::FLAGGED {
        let n = engine.universe.named(dim);
        let (yes, no) = fixed_flags[dim.flag_index()];
        points = points
            .into_iter()
            .flat_map(|p| {
                (0..1u64 << n)
                    .filter(move |bits| bits & yes == yes && bits & no == 0)
                    .map(move |bits| {
                        let mut next = p;
                        next.flags[dim.flag_index()] = bits;
                        next
                    })
            })
            .collect();
    }
    let mut hits = vec![0usize; cases.len()];
    for day in spec.from..=spec.to {
        for &cell in &points {
            let p = Point { day, ..cell };
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

/// The WFH priority a `wfo` answer carries, read from the question split by priority: that of
/// the one priority case over the answer's days, none where the priority changes within them
/// (docs/language.md, "Questions").
fn check_wfo_priorities(engine: &Engine<'_>, q: &Question) -> Result<(), String> {
    let Some(text) = q.text() else {
        return Ok(());
    };
    let (query, diagnostics) = edaran::syntax::parse_query(edaran::FileId(0), &text);
    let query = query.ok_or(format!("`{text}` does not parse: {diagnostics:?}"))?;
    let purpose = Purpose::Show {
        detail: Detail::Concerning,
        conflicts: edaran::analysis::conflicts,
    };
    let Ok(Reply::Cases(answer)) = engine.ask(&query.kind, &[], purpose) else {
        return Ok(()); // refused as too broad: nothing to compare
    };
    let by_priority = engine
        .cases_with(&answer.spec, Focus::Priority)
        .map_err(|e| format!("`{text}` split by priority was refused: {e}"))?;
    // Two cases meet where both may hold: both of working days or both of days off, on a date
    // of both whose weekday both hold on, under conditions that do not exclude each other.
    let meet = |a: &Case, b: &Case| {
        let off = |c: &Case| c.answer.status == Status::DayOff;
        off(a) == off(b)
            && (a.from.max(b.from)..=a.to.min(b.to)).any(|day| {
                let weekday = chrono::Datelike::weekday(&region::date(day));
                a.days.contains(weekday) && b.days.contains(weekday)
            })
            && a.when.iter().all(|(axis, set)| {
                b.when
                    .iter()
                    .all(|(other, other_set)| other != axis || set.meets(other_set))
            })
    };
    for c in &answer.cases {
        let meeting: Vec<_> = by_priority.iter().filter(|p| meet(p, &c.case)).collect();
        let expected = match meeting.as_slice() {
            [one] => one.answer.wfh_priority,
            _ => None,
        };
        if c.case.answer.wfh_priority != expected {
            return Err(format!(
                "`{text}`, {}..{}: priority {:?}, the split by priority says {expected:?}",
                c.case.from, c.case.to, c.case.answer.wfh_priority
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(600))]

    /// A `wfo` answer's WFH priority is the priority split's, both for a question of one
    /// subject on one day (whose split is not computed: the point is asked again) and for
    /// others.
    #[test]
    fn wfo_answers_carry_the_priority_of_their_days(
        g in generate::workspace(4, 5),
        questions in proptest::collection::vec(question(), 1..=3),
    ) {
        let ws = g.load();
        let engine = Engine::new(&ws);
        for q in &questions {
            let point = Question { open: [false; Dim::CLASSES], len: 0, ..q.clone() };
            for q in [q, &point] {
                if let Err(e) = check_wfo_priorities(&engine, q) {
                    return Err(TestCaseError::fail(format!("{e}\nworkspace:\n{}", g.text())));
                }
            }
        }
    }
}

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
            // And the same question with every dimension given (one subject).
            let given = Question { open: [false; Dim::CLASSES], ..q.clone() };
            for q in [q, &given] {
                let spec = question_spec(q).map_err(TestCaseError::fail)?;
                if let Err(e) = check_cases(&engine, &spec) {
                    return Err(TestCaseError::fail(format!(
                        "{e}\nquestion: {spec:?}\nworkspace:\n{}", g.text()
                    )));
                }
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
            for cell in cells(&engine).into_iter().step_by(5) {
                let e = engine.explain(&Point { day, ..cell });
                seen.insert(format!("status {:?}", e.answer.status));
                // Where the others work: from anywhere, or from home within a rule's anywhere.
                let remote =
                    |r: &edaran::eval::RuleRef| ws.circulars[r.circular].rules[r.rule].wfo.remote;
                if let Some(iv) = e.answer.wfo.filter(|_| e.answer.status == Status::Ruled) {
                    let anywhere = e
                        .answer
                        .decided_by
                        .iter()
                        .any(|r| remote(r) == Remote::Anywhere);
                    match iv.remote {
                        Remote::Anywhere => seen.insert("place anywhere".into()),
                        Remote::Home if anywhere => {
                            seen.insert("place home within anywhere".into())
                        }
                        Remote::Home => false,
                    };
                }
                for t in &e.circulars {
                    let rules = &ws.circulars[t.circular].rules;
                    let deciding: Vec<usize> = t
                        .rules
                        .iter()
                        .filter(|(_, o)| *o == RuleOutcome::Decides)
                        .map(|(r, _)| *r)
                        .collect();
                    for &x in &deciding {
                        for &y in &deciding {
                            let (wx, wy) = (rules[x].wfo, rules[y].wfo);
                            if wx.same_shares(wy) && wx.remote != wy.remote {
                                seen.insert("rules differing in place only".into());
                            }
                        }
                    }
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
        "place anywhere",
        "place home within anywhere",
        "rules differing in place only",
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
        flags: Vec::new(),
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

/// The bug `wfo_answers_carry_the_priority_of_their_days` found: a `wfo` answer over a period
/// with a day off in it lost its WFH priority, because the days off of the priority split (listed
/// after the working days) were taken to meet the working days' case.
#[test]
fn a_day_off_in_the_period_keeps_the_wfh_priority() {
    let ws = load_text(
        r#"
holiday 2024-02-15 "Libur 0"

circular "SE-1/2024" {
  issuer "Issuer 0" level national
  signed 2024-01-01
  valid from 2024-01-01
  scope all
  sector sec_0 = ["A"]
  rule r0: otherwise => wfo 0%
  wfh priority 1: all
}
"#,
    );
    let engine = Engine::new(&ws);
    let purpose = Purpose::Show {
        detail: Detail::Concerning,
        conflicts: edaran::analysis::conflicts,
    };
    // A weekend before the working day; a holiday (and election day) inside the week.
    for (period, working) in [
        ("from 2024-01-20 to 2024-01-22", 1),
        ("from 2024-02-12 to 2024-02-16", 1),
    ] {
        let text = format!(r#"wfo "A" {period} domicile "X" office "X" gov "Pemprov A""#);
        let (query, _) = edaran::syntax::parse_query(edaran::FileId(0), &text);
        let Ok(Reply::Cases(answer)) = engine.ask(&query.expect("a question").kind, &[], purpose)
        else {
            panic!("`{text}` is answered");
        };
        let priorities: Vec<_> = answer
            .cases
            .iter()
            .filter(|c| c.case.answer.status != Status::DayOff)
            .map(|c| c.case.answer.wfh_priority)
            .collect();
        assert_eq!(priorities, vec![Some(1); working], "{text}");
    }
}
