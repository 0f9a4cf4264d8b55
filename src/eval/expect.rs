//! `test` blocks: every `expect` is asked as a question ([`Engine::ask`], for
//! [`Purpose::Check`]) and its answer compared.

use super::ask::{AnsweredCase, AskError, Asking, Cases, Purpose, Reply};
use super::query::Case;
use super::{Answer, Engine, Status};
use crate::model::CircularId;
use crate::region::Dim;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Amount, Arrangement, Dimension, Expected, Interval, Mode, TestBlock};
use std::collections::BTreeSet;

/// The result of one `test` block.
#[derive(Clone, Debug)]
pub struct TestOutcome {
    /// The file.
    pub file: FileId,
    /// The test's name.
    pub name: String,
    /// The `test` keyword's span.
    pub span: Span,
    /// How many expectations it has.
    pub expectations: usize,
    /// The expectations that failed.
    pub failures: Vec<Failure>,
}

impl Failure {
    /// "expected WFO 50%, got WFO 25%", or "expected WFO 50%, but the answer depends on ...".
    pub fn message(&self) -> String {
        if self.actual.starts_with("the answer depends on") || self.actual.starts_with("no answer")
        {
            format!("expected {}, but {}", self.expected, self.actual)
        } else {
            format!("expected {}, got {}", self.expected, self.actual)
        }
    }
}

impl TestOutcome {
    /// True when every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// A failed expectation.
#[derive(Clone, Debug)]
pub struct Failure {
    /// The `expect` line.
    pub span: Span,
    /// What was expected.
    pub expected: String,
    /// What the answer was (or why there is none).
    pub actual: String,
}

/// Runs every `test` block of the workspace.
pub fn run(engine: &Engine<'_>) -> Vec<TestOutcome> {
    let mut out = Vec::new();
    for (file, t) in &engine.ws.tests {
        out.push(run_one(engine, *file, t));
    }
    out
}

fn run_one(engine: &Engine<'_>, file: FileId, test: &TestBlock) -> TestOutcome {
    let given: Vec<Dimension> = test.given.iter().map(|d| d.node.clone()).collect();
    let mut failures = Vec::new();
    for e in &test.expects {
        let result = match engine.ask(&e.query.kind, &given, Purpose::Check) {
            Ok(Reply::InForce(ids)) => check_in_force(engine, &e.expected.node, ids),
            Ok(Reply::InForcePeriod(period)) => check_in_force(
                engine,
                &e.expected.node,
                period.circulars.iter().map(|c| c.circular).collect(),
            ),
            Ok(Reply::Cases(cases)) => check_cases(engine, &e.expected.node, &cases),
            // Refused under `Purpose::Check`; never an answer here.
            Ok(Reply::Conflicts(_)) | Err(AskError::ConflictsInExpect) => {
                Err("`conflicts` cannot be used in `expect`".into())
            }
            Err(AskError::InvalidDate) => Err("no answer: the date is invalid".into()),
            Err(AskError::NoPeriod) => Err("no answer: the date is missing or invalid".into()),
            Err(AskError::TooBroad(e)) => Err(e.to_string()),
        };
        if let Err(actual) = result {
            failures.push(Failure {
                span: e.span,
                expected: describe_expected(&e.expected.node),
                actual,
            });
        }
    }
    TestOutcome {
        file,
        name: test
            .name
            .as_ref()
            .map(|n| n.node.clone())
            .unwrap_or_default(),
        span: test.keyword,
        expectations: test.expects.len(),
        failures,
    }
}

/// An `in force` expectation: the same set of circulars.
fn check_in_force(
    engine: &Engine<'_>,
    expected: &Expected,
    in_force: Vec<CircularId>,
) -> Result<(), String> {
    let ids: BTreeSet<&str> = in_force
        .into_iter()
        .map(|c| engine.circular(c).id.as_str())
        .collect();
    match expected {
        Expected::Circulars(list) => {
            let want: BTreeSet<&str> = list.iter().map(|s| s.node.as_str()).collect();
            if want == ids {
                Ok(())
            } else {
                Err(list_text(&ids))
            }
        }
        _ => Err(format!(
            "{} (an `in force` question is answered with a list of circulars)",
            list_text(&ids)
        )),
    }
}

/// A `wfo`, `explain` or `wfh priority` expectation: one case, with the expected answer.
///
/// Over a period, the days off are left out unless `day-off` is expected: a share expected
/// from Monday to Sunday is the share of its working days (docs/language.md, "Tests").
fn check_cases(engine: &Engine<'_>, expected: &Expected, cases: &Cases) -> Result<(), String> {
    let is_off = |c: &AnsweredCase| c.case.answer.status == Status::DayOff;
    if *expected == Expected::DayOff && cases.asking != Asking::Priority {
        return match cases.cases.iter().find(|c| !is_off(c)) {
            None => Ok(()),
            Some(c) if cases.cases.len() == 1 => Err(c.case.answer.summary()),
            Some(c) => Err(format!(
                "{} on {}",
                c.case.answer.summary(),
                crate::region::describe_days(c.case.from, c.case.to, c.case.days)
            )),
        };
    }
    let working = Cases {
        cases: cases.cases.iter().filter(|c| !is_off(c)).cloned().collect(),
        ..cases.clone()
    };
    if working.cases.is_empty() {
        let reasons: Vec<String> = cases
            .cases
            .iter()
            .map(|c| c.case.answer.summary())
            .collect();
        return Err(reasons.join("; "));
    }
    let cases = &working;
    let case = single_case(engine, cases)?;
    if cases.asking == Asking::Priority {
        return check_priority(expected, case.answer.wfh_priority);
    }
    check_wfo(expected, &case.answer).map_err(|got| {
        // A share is expected of a rule: say why none applied.
        if matches!(expected, Expected::Amount { .. }) && super::names::unruled(case.answer.status)
        {
            let spec = &cases.spec;
            let gov = spec.values[Dim::Gov.index()].as_deref();
            let first = engine.why_no_rule(&case.point, gov);
            // The names a circular spells differently (a likely typo), unless the reason
            // already names them.
            let typos: Vec<String> = engine
                .name_notes(spec)
                .into_iter()
                .filter(|n| {
                    n.contains("did you mean")
                        && n.split('`')
                            .nth(1)
                            .is_none_or(|name| !first.contains(&format!("`{name}`")))
                })
                .collect();
            let mut why = vec![first];
            why.extend(typos);
            format!("{got}: no rule applies ({})", why.join("; "))
        } else {
            got
        }
    })
}

fn list_text(ids: &BTreeSet<&str>) -> String {
    let quoted: Vec<String> = ids.iter().map(|i| format!("\"{i}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The one case of an expectation's answer; several: the answer depends on what the
/// expectation leaves out.
fn single_case<'c>(engine: &Engine<'_>, cases: &'c Cases) -> Result<&'c Case, String> {
    if let [one] = cases.cases.as_slice() {
        return Ok(&one.case);
    }
    let many = &cases.cases;
    let mut dims: Vec<String> = many
        .iter()
        .flat_map(|c| c.case.when.iter().map(|(axis, _)| engine.axis_name(*axis)))
        .collect();
    dims.sort_unstable();
    dims.dedup();
    let parts: Vec<String> = many
        .iter()
        .map(|c| {
            let answer = match cases.asking {
                Asking::Priority => c
                    .case
                    .answer
                    .wfh_priority
                    .map_or("no priority".to_string(), |n| format!("priority {n}")),
                Asking::Wfo | Asking::Explain => c.case.answer.summary(),
            };
            super::render_case_condition(engine, &c.case) + ": " + &answer
        })
        .collect();
    let on = if dims.is_empty() {
        "the date".to_string()
    } else {
        dims.join(" and ")
    };
    Err(format!(
        "the answer depends on {on}: {}; give the {} in the expectation or in `given`",
        parts.join("; "),
        if dims.is_empty() { "date" } else { "dimension" }
    ))
}

fn check_wfo(expected: &Expected, answer: &Answer) -> Result<(), String> {
    let ok = match expected {
        Expected::Amount { mode, amount } => {
            // Section 10.1: a share is the share of a rule, not the baseline's.
            answer.status == Status::Ruled
                && expected_interval(*mode, amount)
                    .zip(answer.wfo)
                    .is_some_and(|(want, got)| match mode {
                        // `wfo` says nothing of where the others work.
                        None | Some(Mode::Wfo) => want.same_shares(got),
                        Some(Mode::Wfh | Mode::Wfa) => want == got,
                    })
        }
        Expected::Baseline => answer.status == Status::Baseline,
        Expected::Exempt => answer.status == Status::Exempt,
        Expected::Conflict => answer.status == Status::Conflict,
        Expected::DayOff => answer.status == Status::DayOff,
        _ => {
            return Err(format!(
                "{} (a `wfo` question is answered with a share or a status)",
                answer.summary()
            ));
        }
    };
    if ok {
        return Ok(());
    }
    // An expectation that names a place gets the answer's place too, home included.
    match (expected, answer.status, answer.wfo) {
        (
            Expected::Amount {
                mode: Some(Mode::Wfh | Mode::Wfa),
                ..
            },
            Status::Ruled,
            Some(iv),
        ) => Err(format!("WFO {}", iv.with_place())),
        _ => Err(answer.summary()),
    }
}

fn check_priority(expected: &Expected, actual: Option<u32>) -> Result<(), String> {
    let shown = actual.map_or("none".to_string(), |n| n.to_string());
    match expected {
        Expected::Rank(n) if actual == Some(*n) => Ok(()),
        Expected::NoPriority if actual.is_none() => Ok(()),
        Expected::Rank(_) | Expected::NoPriority => Err(shown),
        _ => Err(format!(
            "{shown} (a `wfh priority` question is answered with a rank or `none`)"
        )),
    }
}

/// The interval an expected share stands for (a bare amount is a `wfo` one).
fn expected_interval(mode: Option<Mode>, amount: &Amount) -> Option<Interval> {
    Arrangement {
        mode: mode.unwrap_or(Mode::Wfo),
        amount: amount.clone(),
    }
    .wfo_interval()
}

/// The expected value as written.
pub fn describe_expected(e: &Expected) -> String {
    match e {
        Expected::Amount { mode, amount } => {
            expected_interval(*mode, amount).map_or("an invalid share".to_string(), |iv| match mode
            {
                None | Some(Mode::Wfo) => format!("WFO {}", iv.shares()),
                Some(Mode::Wfh | Mode::Wfa) => format!("WFO {}", iv.with_place()),
            })
        }
        Expected::Baseline => "baseline".into(),
        Expected::Exempt => "exempt".into(),
        Expected::Conflict => "conflict".into(),
        Expected::DayOff => "day-off".into(),
        Expected::NoPriority => "none".into(),
        Expected::Rank(n) => n.to_string(),
        Expected::Circulars(list) => {
            let ids: BTreeSet<&str> = list.iter().map(|s| s.node.as_str()).collect();
            list_text(&ids)
        }
    }
}
