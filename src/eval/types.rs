//! The answer at a point and its derivation, as data: what the interpreter returns and the
//! renderers, `expect` and the analysis read.

use crate::model::{CircularId, RuleId};
use crate::region::Day;
use crate::syntax::ast::Interval;

/// The status of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Rules of applying circulars decide.
    Ruled,
    /// No rule applies, and a circular in force exempts the subject.
    Exempt,
    /// No rule applies: the workspace's baseline.
    Baseline,
    /// The rules contradict each other and no principle decides.
    Conflict,
    /// The day is not a working day (a weekend, a holiday): no rule applies.
    DayOff,
}

impl Status {
    /// The word used in output and in `expect`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ruled => "ruled",
            Status::Exempt => "exempt",
            Status::Baseline => "baseline",
            Status::Conflict => "conflict",
            Status::DayOff => "day_off",
        }
    }
}

/// A rule of a circular.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleRef {
    /// The circular.
    pub circular: CircularId,
    /// The rule in it.
    pub rule: RuleId,
}

/// The answer at one point.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Answer {
    /// How it was reached.
    pub status: Status,
    /// The WFO interval; `None` for a conflict.
    pub wfo: Option<Interval>,
    /// The WFH priority rank, if any.
    pub wfh_priority: Option<u32>,
    /// The rules that decided.
    pub decided_by: Vec<RuleRef>,
    /// What the user should know (principles applied, warnings), in either language.
    pub notes: Vec<crate::msg::Text>,
    /// Why the day is not a working day ("Saturday", "Hari Raya Idul Fitri 1447 Hijriah"), for
    /// [`Status::DayOff`].
    pub day_off: Option<String>,
}

impl Answer {
    /// The answer on a day off, with its reason.
    pub fn day_off(reason: String) -> Answer {
        Answer {
            status: Status::DayOff,
            wfo: None,
            wfh_priority: None,
            decided_by: Vec::new(),
            notes: Vec::new(),
            day_off: Some(reason),
        }
    }

    /// A one-line summary: "WFO 50%", "exempt, WFO 100%", "baseline, WFO 100%", "conflict",
    /// "day off (Saturday)".
    pub fn summary(&self) -> String {
        self.summary_in(crate::Lang::En)
    }

    /// [`Answer::summary`] in `lang`: "libur (Sabtu)", "dikecualikan, WFO 100%".
    pub fn summary_in(&self, lang: crate::Lang) -> String {
        use crate::text;
        if self.status == Status::DayOff {
            let reason = self.day_off.as_deref().map(|r| day_off_reason(r, lang));
            return match reason {
                Some(reason) => text!("summary-day-off-because", reason = reason),
                None => text!("summary-day-off"),
            }
            .render(lang);
        }
        match (self.status, self.wfo) {
            (Status::Conflict, _) | (_, None) => text!("summary-conflict").render(lang),
            (Status::Ruled, Some(iv)) => format!("WFO {}", iv.shown_in(lang)),
            (status, Some(iv)) => text!(
                "summary-status",
                status = status.as_str(),
                wfo = iv.shown_in(lang)
            )
            .render(lang),
        }
    }
}

/// Why a day is off, in `lang`: a weekday's name ("Saturday", "Sabtu"), a holiday's name as
/// the calendar writes it.
fn day_off_reason(reason: &str, lang: crate::Lang) -> String {
    crate::calendar::WEEK
        .iter()
        .find(|d| crate::calendar::weekday_name(**d) == reason)
        .map_or_else(
            || reason.to_string(),
            |d| crate::calendar::weekday_name_in(*d, lang).to_string(),
        )
}

/// Why a circular does or does not apply at a point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CircularOutcome {
    /// It applies.
    Applies,
    /// The date is outside its validity.
    OutsideValidity,
    /// A circular whose validity has started revokes it.
    RevokedBy(CircularId),
    /// The subject's government is not in its scope.
    OutOfScope,
    /// It exempts the subject.
    Exempt,
}

impl CircularOutcome {
    /// The outcome's name in output (JSON).
    pub fn as_str(&self) -> &'static str {
        match self {
            CircularOutcome::Applies => "applies",
            CircularOutcome::OutsideValidity => "outside_validity",
            CircularOutcome::RevokedBy(_) => "revoked",
            CircularOutcome::OutOfScope => "out_of_scope",
            CircularOutcome::Exempt => "exempt",
        }
    }
}

/// Why a rule does or does not decide at a point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleOutcome {
    /// It applies and decides (its interval is part of the circular's constraint).
    Decides,
    /// Its selector does not match the subject.
    NoMatch,
    /// Its `except` removes the subject.
    Excepted,
    /// The date is outside its `during` period.
    OutsideDuring,
    /// The date's weekday is not one of its `every`.
    OutsideEvery,
    /// Its `when` does not hold: the condition it names holds (for `when not`) or does not.
    OutsideWhen,
    /// It applies, but these applicable rules override it.
    OverriddenBy(Vec<RuleId>),
    /// An `otherwise` rule, not needed: another rule of the circular applies.
    OtherwiseNotNeeded,
}

impl RuleOutcome {
    /// The outcome's name in output (JSON).
    pub fn as_str(&self) -> &'static str {
        match self {
            RuleOutcome::Decides => "decides",
            RuleOutcome::NoMatch => "no_match",
            RuleOutcome::Excepted => "excepted",
            RuleOutcome::OutsideDuring => "outside_during",
            RuleOutcome::OutsideEvery => "outside_every",
            RuleOutcome::OutsideWhen => "outside_when",
            RuleOutcome::OverriddenBy(_) => "overridden",
            RuleOutcome::OtherwiseNotNeeded => "otherwise_not_needed",
        }
    }
}

/// The derivation of one circular at a point.
#[derive(Clone, Debug)]
pub struct CircularTrace {
    /// The circular.
    pub circular: CircularId,
    /// Whether it applies.
    pub outcome: CircularOutcome,
    /// Each rule, when the circular applies.
    pub rules: Vec<(RuleId, RuleOutcome)>,
    /// The intersection of its deciding rules, when any decide (`None` inside: a conflict).
    pub constraint: Option<Option<Interval>>,
}

/// How much of the workspace an explanation lists one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    /// Every circular of the workspace.
    Every,
    /// The circulars that concern the point: those in force on its date whose scope holds its
    /// government (they apply, or exempt the subject, or are revoked), and of the others whose
    /// scope holds it, the last to stop before the date (ended or revoked) and the next to start
    /// after it. The rest are counted by [`LeftOut`] group.
    Concerning,
}

/// A group of circulars an explanation counts instead of listing them (they do not apply, for
/// one reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeftOut {
    /// Their scope does not hold the subject's government.
    OtherGovernments,
    /// Their scope holds it, and their validity ended before the date.
    Ended,
    /// Their scope holds it, and they were revoked before the date (within their validity).
    Revoked,
    /// Their scope holds it, and their validity starts after the date.
    NotYetInForce,
}

impl LeftOut {
    /// Every group, in the order explanations give them.
    pub const ALL: [LeftOut; 4] = [
        LeftOut::OtherGovernments,
        LeftOut::Ended,
        LeftOut::Revoked,
        LeftOut::NotYetInForce,
    ];

    /// The group's name in output (JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            LeftOut::OtherGovernments => "other_governments",
            LeftOut::Ended => "ended",
            LeftOut::Revoked => "revoked",
            LeftOut::NotYetInForce => "not_yet_in_force",
        }
    }
}

/// An answer with its derivation.
#[derive(Clone, Debug)]
pub struct Explanation {
    /// The answer.
    pub answer: Answer,
    /// The date of the point explained.
    pub day: Day,
    /// The circulars listed one by one, in workspace order: every circular with
    /// [`Detail::Every`], those that concern the point with [`Detail::Concerning`].
    pub circulars: Vec<CircularTrace>,
    /// How many circulars of each group are not listed, in the order of [`LeftOut::ALL`],
    /// groups of none left out; empty with [`Detail::Every`]. With the listed ones, they are
    /// every circular of the workspace.
    pub left_out: Vec<(LeftOut, usize)>,
    /// The steps of the combination, in order: where circulars agreed, then the principles
    /// that had to decide (lex posterior, lex superior, antinomies, conflicts; these are also
    /// the answer's notes), then where the others work when a deciding rule says anywhere.
    pub principles: Vec<Step>,
    /// The duties of the circulars whose rules decided.
    pub duties: Vec<(CircularId, String)>,
}

/// What a step of an explanation's combination applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Principle {
    /// Circulars of one level agree: their shares meet.
    Agreement,
    /// The deciding rules of one circular require disjoint shares, and no `overrides` says
    /// which is the exception.
    Conflict,
    /// Lex posterior: of two clashing circulars of one level, the later-signed prevails.
    LexPosterior,
    /// Two circulars of one level clash and lex posterior cannot decide.
    Antinomy,
    /// Lex superior: a level's result holds within the higher norm, or the higher prevails.
    LexSuperior,
    /// Where the others work: from anywhere, or from home where a deciding rule says home
    /// (home is within anywhere). Only where a deciding rule says anywhere (`wfa`).
    Place,
}

impl Principle {
    /// The principle's name in output (JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Principle::Agreement => "agreement",
            Principle::Conflict => "conflict",
            Principle::LexPosterior => "lex_posterior",
            Principle::Antinomy => "antinomy",
            Principle::LexSuperior => "lex_superior",
            Principle::Place => "place",
        }
    }
}

/// One step of an explanation's combination: the principle, and the sentence that says what
/// it decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// What it applied.
    pub principle: Principle,
    /// What it decided, in words ("lex posterior: X (signed ...) prevails over ...").
    pub text: crate::msg::Text,
}
