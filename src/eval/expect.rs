//! `test` blocks: every `expect` is asked as a question ([`Engine::ask`], for
//! [`Purpose::Check`]) and its answer compared.

use super::ask::{AnsweredCase, AskError, Asking, Cases, Purpose, Reply};
use super::query::Case;
use super::{Answer, Engine, Status};
use crate::lang::Lang;
use crate::model::CircularId;
use crate::msg::{Arg, Text};
use crate::region::{Dim, describe_days_in};
use crate::span::{FileId, Span};
use crate::syntax::ast::{Amount, Arrangement, Dimension, Expected, Interval, Mode, TestBlock};
use crate::text;
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
        self.message_in(Lang::En)
    }

    /// [`Failure::message`] in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        let (expected, actual) = (self.expected_text.clone(), self.actual_text.clone());
        if self.no_answer {
            text!("test-expected-but", expected = expected, actual = actual)
        } else {
            text!("test-expected-got", expected = expected, actual = actual)
        }
        .render(lang)
    }

    /// What was expected, in English.
    pub fn expected(&self) -> String {
        self.expected_in(Lang::En)
    }

    /// What was expected, in `lang`.
    pub fn expected_in(&self, lang: Lang) -> String {
        self.expected_text.render(lang)
    }

    /// What the answer was (or why there is none), in English.
    pub fn actual(&self) -> String {
        self.actual_in(Lang::En)
    }

    /// What the answer was (or why there is none), in `lang`.
    pub fn actual_in(&self, lang: Lang) -> String {
        self.actual_text.render(lang)
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
    /// What was expected, in either language ([`Failure::expected`] in English).
    expected_text: Text,
    /// What the answer was, in either language ([`Failure::actual`] in English).
    actual_text: Arg,
    /// Whether there is no answer to compare ("expected ..., but the answer depends on ...").
    no_answer: bool,
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
                let kw = |english| engine.ws.keyword(file, english);
                Err(Outcome::Other(text!(
                    "test-conflicts-in-expect",
                    conflicts = kw("conflicts"),
                    expect = kw("expect")
                )))
            }
            Err(AskError::InvalidDate) => Err(Outcome::NoAnswer(text!("test-date-invalid"))),
            Err(AskError::NoPeriod) => Err(Outcome::NoAnswer(text!("test-date-missing"))),
            Err(AskError::TooBroad(e)) => Err(Outcome::NoAnswer(e.text())),
        };
        if let Err(actual) = result {
            let expected = describe_expected(&e.expected.node);
            let (actual, no_answer) = match actual {
                Outcome::NoAnswer(t) => (Arg::from(t), true),
                Outcome::Other(t) => (Arg::from(t), false),
                Outcome::Shown(a) => (a, false),
            };
            failures.push(Failure {
                span: e.span,
                expected_text: expected,
                actual_text: actual,
                no_answer,
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

/// Why an expectation failed: no answer to compare (`NoAnswer`, "expected ..., but the date is
/// invalid"), an answer of another kind (`Other`), or the answer as shown (`Shown`).
enum Outcome {
    NoAnswer(Text),
    Other(Text),
    Shown(Arg),
}

type Check = Result<(), Outcome>;

/// The answer as shown: `text` in each language.
fn shown(text: Text) -> Outcome {
    Outcome::Shown(text.into())
}

/// An `in force` expectation: the same set of circulars.
fn check_in_force(engine: &Engine<'_>, expected: &Expected, in_force: Vec<CircularId>) -> Check {
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
                Err(Outcome::Shown(list_text(&ids).into()))
            }
        }
        _ => Err(Outcome::Other(text!(
            "test-in-force-kind",
            list = list_text(&ids)
        ))),
    }
}

/// A `wfo`, `explain` or `wfh priority` expectation: one case, with the expected answer.
///
/// Over a period, the days off are left out unless `day-off` is expected: a share expected
/// from Monday to Sunday is the share of its working days (docs/language.md, "Tests").
fn check_cases(engine: &Engine<'_>, expected: &Expected, cases: &Cases) -> Check {
    let is_off = |c: &AnsweredCase| c.case.answer.status == Status::DayOff;
    if *expected == Expected::DayOff && cases.asking != Asking::Priority {
        return match cases.cases.iter().find(|c| !is_off(c)) {
            None => Ok(()),
            Some(c) if cases.cases.len() == 1 => Err(summary(&c.case.answer)),
            Some(c) => {
                let (answer, case) = (&c.case.answer, &c.case);
                Err(shown(text!(
                    "test-answer-on",
                    answer = Arg::each(|lang| answer.summary_in(lang)),
                    days = Arg::each(|lang| describe_days_in(case.from, case.to, case.days, lang))
                )))
            }
        };
    }
    let working = Cases {
        cases: cases.cases.iter().filter(|c| !is_off(c)).cloned().collect(),
        ..cases.clone()
    };
    if working.cases.is_empty() {
        let all = &cases.cases;
        return Err(Outcome::Shown(Arg::each(|lang| {
            let reasons: Vec<String> = all.iter().map(|c| c.case.answer.summary_in(lang)).collect();
            reasons.join("; ")
        })));
    }
    let cases = &working;
    let case = single_case(engine, cases)?;
    if cases.asking == Asking::Priority {
        return check_priority(expected, case.answer.wfh_priority);
    }
    check_wfo(expected, &case.answer).map_err(|got| {
        // A share is expected of a rule: say why none applied.
        let (Expected::Amount { .. }, true, Outcome::Shown(got)) =
            (expected, super::names::unruled(case.answer.status), &got)
        else {
            return got;
        };
        let spec = &cases.spec;
        let gov = spec.values[Dim::Gov.index()].as_deref();
        let first = engine.why_no_rule(&case.point, gov);
        let first_en = first.render(Lang::En);
        // The names a circular spells differently (a likely typo), unless the reason already
        // names them.
        let typos = engine.name_notes(spec).into_iter().filter(|n| {
            n.id == "note-unnamed-did-you-mean"
                && n.args.iter().all(|(name, value)| match (name, value) {
                    (&"value", Arg::Text(v)) => !first_en.contains(&format!("`{v}`")),
                    _ => true,
                })
        });
        let why: Vec<Text> = std::iter::once(first).chain(typos).collect();
        shown(text!(
            "test-no-rule-applies",
            got = got.clone(),
            why = Arg::each(|lang| {
                let shown: Vec<String> = why.iter().map(|t| t.render(lang)).collect();
                shown.join("; ")
            })
        ))
    })
}

/// An answer's summary, as shown.
fn summary(answer: &Answer) -> Outcome {
    Outcome::Shown(Arg::each(|lang| answer.summary_in(lang)))
}

fn list_text(ids: &BTreeSet<&str>) -> String {
    let quoted: Vec<String> = ids.iter().map(|i| format!("\"{i}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The one case of an expectation's answer; several: the answer depends on what the
/// expectation leaves out.
fn single_case<'c>(engine: &Engine<'_>, cases: &'c Cases) -> Result<&'c Case, Outcome> {
    if let [one] = cases.cases.as_slice() {
        return Ok(&one.case);
    }
    let many = &cases.cases;
    let dims = |lang: Lang| {
        let mut dims: Vec<String> = many
            .iter()
            .flat_map(|c| {
                c.case
                    .when
                    .iter()
                    .map(|(axis, _)| engine.axis_name_in(*axis, lang))
            })
            .collect();
        dims.sort_unstable();
        dims.dedup();
        dims
    };
    let parts = Arg::each(|lang| {
        let parts: Vec<String> = many
            .iter()
            .map(|c| {
                let answer = match cases.asking {
                    Asking::Priority => match c.case.answer.wfh_priority {
                        None => text!("test-no-priority"),
                        Some(n) => text!("test-priority", rank = n),
                    }
                    .render(lang),
                    Asking::Wfo | Asking::Explain => c.case.answer.summary_in(lang),
                };
                format!(
                    "{}: {answer}",
                    super::render_case_condition_in(engine, &c.case, lang)
                )
            })
            .collect();
        parts.join("; ")
    });
    let on = dims(Lang::En);
    let what = if on.is_empty() { "date" } else { "dimension" };
    let on = Arg::each(|lang| {
        let on = dims(lang);
        if on.is_empty() {
            text!("test-the-date").render(lang)
        } else {
            on.join(&format!(" {} ", crate::syntax::keywords::word("and", lang)))
        }
    });
    Err(Outcome::NoAnswer(text!(
        "test-depends-on",
        on = on,
        parts = parts,
        what = what
    )))
}

fn check_wfo(expected: &Expected, answer: &Answer) -> Check {
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
            return Err(Outcome::Other(text!(
                "test-wfo-kind",
                answer = Arg::each(|lang| answer.summary_in(lang))
            )));
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
        ) => Err(Outcome::Shown(Arg::each(|lang| {
            format!("WFO {}", iv.with_place_in(lang))
        }))),
        _ => Err(summary(answer)),
    }
}

fn check_priority(expected: &Expected, actual: Option<u32>) -> Check {
    let shown = match actual {
        Some(n) => Arg::Text(n.to_string()),
        None => Arg::each(|lang| crate::syntax::keywords::word("none", lang).to_string()),
    };
    match expected {
        Expected::Rank(n) if actual == Some(*n) => Ok(()),
        Expected::NoPriority if actual.is_none() => Ok(()),
        Expected::Rank(_) | Expected::NoPriority => Err(Outcome::Shown(shown)),
        _ => Err(Outcome::Other(text!("test-priority-kind", answer = shown))),
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

/// The expected value as written, in either language.
pub fn describe_expected(e: &Expected) -> Text {
    let word = |english: &'static str| {
        text!(
            "arg",
            arg = Arg::each(|lang| crate::syntax::keywords::word(english, lang).to_string())
        )
    };
    match e {
        Expected::Amount { mode, amount } => match expected_interval(*mode, amount) {
            None => text!("test-invalid-share"),
            Some(iv) => text!(
                "test-share",
                wfo = match mode {
                    None | Some(Mode::Wfo) => iv.shares_arg(),
                    Some(Mode::Wfh | Mode::Wfa) => iv.with_place_arg(),
                }
            ),
        },
        Expected::Baseline => word("baseline"),
        Expected::Exempt => word("exempt"),
        Expected::Conflict => word("conflict"),
        Expected::DayOff => text!("test-day-off"),
        Expected::NoPriority => word("none"),
        Expected::Rank(n) => text!("arg", arg = n.to_string()),
        Expected::Circulars(list) => {
            let ids: BTreeSet<&str> = list.iter().map(|s| s.node.as_str()).collect();
            text!("arg", arg = list_text(&ids))
        }
    }
}
