//! The question dispatcher: every question (`wfo`, `explain`, `wfh priority`, with a point or a
//! period and with dimensions left out, `in force on`, `in force from`, `conflicts`) is answered here, for the
//! command line, the REPL and `expect` alike. The answer is data ([`Reply`]): the command line
//! renders it as text or JSON, `expect` compares it with what a test expects.

use super::query::{Case, Focus, QueryError, Spec};
use super::{Detail, Engine, Explanation, InForcePeriod, Status};
use crate::diagnostic::Diagnostic;
use crate::model::CircularId;
use crate::region;
use crate::syntax::ast::{Dimension, QueryKind, Subject};

/// The conflict analysis, as `conflicts` asks it. The analysis is built on the engine, so the
/// engine does not call it itself: who asks hands it over (`analysis::conflicts`).
pub type Conflicts = fn(&Engine<'_>) -> Vec<Diagnostic>;

/// What a question is asked for.
#[derive(Clone, Copy)]
pub enum Purpose {
    /// To be shown: `wfo` cases carry the WFH priority where it is the same throughout,
    /// `explain` explains each case listing the circulars `detail` says, the question's own
    /// notes are gathered, and `conflicts` is answered by `conflicts`.
    Show {
        /// Which circulars an explanation lists.
        detail: Detail,
        /// The analysis that answers `conflicts`.
        conflicts: Conflicts,
    },
    /// To be compared by `expect`: `wfo` and `explain` are split only by the status and the
    /// share, without explanations or notes; `conflicts` is refused.
    Check,
}

/// Which answer a question with cases asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asking {
    /// `wfo`: the share and how it was reached.
    Wfo,
    /// `explain`: the share with its derivation.
    Explain,
    /// `wfh priority`: the rank only.
    Priority,
}

/// The answer to a question.
#[derive(Clone, Debug)]
pub enum Reply {
    /// `in force on DATE`: the circulars in force that day, in workspace order.
    InForce(Vec<CircularId>),
    /// `in force from DATE to DATE`: the circulars in force on some day of the period, each
    /// with its days in force there, by first day.
    InForcePeriod(InForcePeriod),
    /// `conflicts`: the findings `conflict`, `antinomy` and `violates-higher-norm`.
    Conflicts(Vec<Diagnostic>),
    /// `wfo`, `explain`, `wfh priority`: the answer in cases.
    Cases(Cases),
}

impl Reply {
    /// True when the answer is (or holds) a conflict, or lists an error finding.
    pub fn is_conflict(&self) -> bool {
        match self {
            Reply::InForce(_) | Reply::InForcePeriod(_) => false,
            Reply::Conflicts(findings) => findings.iter().any(Diagnostic::is_error),
            Reply::Cases(c) => c
                .cases
                .iter()
                .any(|c| c.case.answer.status == Status::Conflict),
        }
    }
}

/// The answer to a question about a subject, in cases.
#[derive(Clone, Debug)]
pub struct Cases {
    /// What the question asks.
    pub asking: Asking,
    /// The subject and period asked about, with the `given` dimensions filled in.
    pub spec: Spec,
    /// The question's own notes, shown once before its cases: names with invisible
    /// characters, values no circular names (empty under [`Purpose::Check`]).
    pub notes: Vec<crate::msg::Text>,
    /// The cases, each with the condition under which it holds.
    pub cases: Vec<AnsweredCase>,
}

/// One case of an answer.
#[derive(Clone, Debug)]
pub struct AnsweredCase {
    /// The case: its condition, days and answer.
    pub case: Case,
    /// Its derivation (`explain` shown).
    pub explanation: Option<Explanation>,
}

/// Why a question gets no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AskError {
    /// `in force on` (or `in force from`) a date that is not one, or a period that ends before
    /// it starts (the parser reports it).
    InvalidDate,
    /// A subject without a usable day or period: missing, not a date, or ending before it
    /// starts (the parser reports it).
    NoPeriod,
    /// The question leaves too much open.
    TooBroad(QueryError),
    /// `conflicts` asked by `expect`.
    ConflictsInExpect,
}

impl Engine<'_> {
    /// Answers a parsed question; `given` fills the dimensions its subject leaves out.
    pub fn ask(
        &self,
        kind: &QueryKind,
        given: &[Dimension],
        purpose: Purpose,
    ) -> Result<Reply, AskError> {
        let (asking, subject) = match kind {
            QueryKind::InForce(date) => {
                let day = date.node.ok_or(AskError::InvalidDate)?;
                return Ok(Reply::InForce(self.in_force(region::day(day))));
            }
            QueryKind::InForcePeriod(from, to) => {
                let (Some(from), Some(to)) = (from.node, to.node) else {
                    return Err(AskError::InvalidDate);
                };
                if to < from {
                    return Err(AskError::InvalidDate);
                }
                let period = self.in_force_during(region::day(from), region::day(to));
                return Ok(Reply::InForcePeriod(period));
            }
            QueryKind::Conflicts => {
                return match purpose {
                    Purpose::Show { conflicts, .. } => Ok(Reply::Conflicts(conflicts(self))),
                    Purpose::Check => Err(AskError::ConflictsInExpect),
                };
            }
            QueryKind::Wfo(subject) => (Asking::Wfo, subject),
            QueryKind::Explain(subject) => (Asking::Explain, subject),
            QueryKind::Priority(subject) => (Asking::Priority, subject),
        };
        let spec = Spec::new(subject, given).ok_or(AskError::NoPeriod)?;
        let Purpose::Show { detail, .. } = purpose else {
            let focus = match asking {
                Asking::Priority => Focus::Priority,
                Asking::Wfo | Asking::Explain => Focus::Share,
            };
            let cases = self.cases_with(&spec, focus).map_err(AskError::TooBroad)?;
            return Ok(Reply::Cases(Cases {
                asking,
                spec,
                notes: Vec::new(),
                cases: cases
                    .into_iter()
                    .map(|case| AnsweredCase {
                        case,
                        explanation: None,
                    })
                    .collect(),
            }));
        };
        let focus = match asking {
            Asking::Wfo => Focus::Wfo,
            Asking::Explain => Focus::All,
            Asking::Priority => Focus::Priority,
        };
        // A `wfo` question of one point keeps its point's WFH priority (everything but the
        // priority is what `wfo` shows); otherwise the priority is added from the question
        // split by priority.
        let one_point_focus = match focus {
            Focus::Wfo => Focus::All,
            other => other,
        };
        let (mut cases, one_point) = self
            .cases_of(&spec, focus, one_point_focus)
            .map_err(AskError::TooBroad)?;
        if asking == Asking::Wfo && !one_point {
            self.add_priorities(&spec, &mut cases);
        }
        // A name of the question with an invisible character is answered for the name without
        // it (or with it, for a control character), and the answer says so. So does a value no
        // circular names (with the closest one a circular does name).
        let mut notes = question_notes(subject, given);
        notes.extend(self.name_notes(&spec));
        notes.extend(self.calendar_note(spec.from, spec.to));
        let cases = cases
            .into_iter()
            .map(|case| AnsweredCase {
                explanation: (asking == Asking::Explain)
                    .then(|| self.explain_with(&case.point, detail)),
                case,
            })
            .collect();
        Ok(Reply::Cases(Cases {
            asking,
            spec,
            notes,
            cases,
        }))
    }

    /// A `wfo` question is not split by the WFH priority, which its focus leaves out; a case
    /// still carries it where it is the same throughout its days (for every subject of the
    /// question: one case of the question split by priority alone meets the case).
    ///
    /// The question is split by priority once, not once per case: a question over 200,000
    /// governments has as many cases. The cases of working days come first, by first day (the
    /// last days of those of one stretch of days differ with their weekdays); the days off
    /// after them, few (a case for the weekend, one per holiday).
    fn add_priorities(&self, spec: &Spec, cases: &mut [Case]) {
        let Ok(by_priority) = self.cases_with(spec, Focus::Priority) else {
            return;
        };
        let off = by_priority.partition_point(|p| p.answer.status != Status::DayOff);
        let (working, days_off) = by_priority.split_at(off);
        // The latest last day so far: the cases before the first that reaches a day all end
        // before it.
        let reach: Vec<region::Day> = working
            .iter()
            .scan(region::Day::MIN, |latest, p| {
                *latest = (*latest).max(p.to);
                Some(*latest)
            })
            .collect();
        for case in cases {
            let candidates = if case.answer.status == Status::DayOff {
                days_off
            } else {
                let first = reach.partition_point(|&to| to < case.from);
                let last = working.partition_point(|p| p.from <= case.to).max(first);
                &working[first..last]
            };
            let mut meeting = candidates.iter().filter(|p| meet(p, case)).take(2);
            if let (Some(one), None) = (meeting.next(), meeting.next()) {
                case.answer.wfh_priority = one.answer.wfh_priority;
            }
        }
    }
}

/// Whether two cases of one question may hold at one point: both of working days or both of
/// days off, a date of both on a weekday of both, and no condition of one that excludes the
/// other's. (A working day of both may still be a holiday; such cases are taken to meet, which
/// at worst leaves a priority out.)
fn meet(a: &Case, b: &Case) -> bool {
    (a.answer.status == Status::DayOff) == (b.answer.status == Status::DayOff)
        && region::tighten(a.from.max(b.from), a.to.min(b.to), a.days.intersect(b.days)).is_some()
        && a.when.iter().all(|(axis, set)| {
            b.when
                .iter()
                .filter(|(other, _)| other == axis)
                .all(|(_, other)| set.meets(other))
        })
}

/// The notes of a question whose names hold invisible characters: the answer is given for the
/// name without the zero-width ones, and says so.
pub fn question_notes(subject: &Subject, given: &[Dimension]) -> Vec<crate::msg::Text> {
    let mut notes: Vec<crate::msg::Text> = crate::lints::question_note("unit", &subject.unit.node)
        .into_iter()
        .collect();
    for d in given.iter().chain(subject.dims.iter().map(|d| &d.node)) {
        // Identifiers (functions) cannot hold invisible characters.
        let (dim, value, _) = super::query::dimension(d);
        if dim.info().string {
            notes.extend(crate::lints::question_note(dim.info().term, value));
        }
    }
    notes
}
