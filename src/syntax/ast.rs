//! The typed syntax tree of a `.se` file, of a query and of a `test` block.
//!
//! Every node keeps the byte span it was written at. Values that failed validation (a date that
//! does not exist, a percentage above 100%) are kept as `None` next to their span: the lowering has
//! already reported them, and later stages skip them without reporting again.
//!
//! Equality leaves spans out: a `Spanned<T>` compares its node only, and the few nodes that keep
//! a bare span (a block's, a keyword's) compare without it (`eq.rs`).

use crate::span::{Span, Spanned};
use chrono::NaiveDate;

mod arrangement;
mod calendar;
mod eq;
mod subject;
mod walk;

pub use arrangement::{Amount, Arrangement, Interval, Mode, Remote};
pub use calendar::{HolidayDef, WorkweekDef};
pub use subject::{Dimension, Subject, Time};

/// A string literal, unescaped.
pub type Str = Spanned<String>;
/// An identifier.
pub type Ident = Spanned<String>;
/// A date literal; `None` when the text is no real date (reported as `invalid-date`).
pub type DateLit = Spanned<Option<NaiveDate>>;
/// A percentage literal; `None` when out of range (reported as `invalid-percent`).
pub type PctLit = Spanned<Option<Pct>>;
/// A weekday name (`monday` ... `sunday`); `None` when the word is no weekday (reported as a
/// `syntax` error with "did you mean").
pub type WeekdayLit = Spanned<Option<chrono::Weekday>>;

/// A share of staff in hundredths of a percent: `33.33%` is `Pct(3333)`, `100%` is `Pct(10000)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pct(pub u16);

impl Pct {
    /// 0%.
    pub const ZERO: Pct = Pct(0);
    /// 100%.
    pub const FULL: Pct = Pct(10000);

    /// `100% - self`.
    pub fn complement(self) -> Pct {
        Pct(10000 - self.0.min(10000))
    }
}

impl std::fmt::Display for Pct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        if frac == 0 {
            write!(f, "{whole}%")
        } else if frac % 10 == 0 {
            write!(f, "{whole}.{}%", frac / 10)
        } else {
            write!(f, "{whole}.{frac:02}%")
        }
    }
}

/// A parsed file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct File {
    /// Top-level items in source order.
    pub items: Vec<Item>,
    /// Every comment of the file in source order, with its span (for the formatter).
    pub comments: Vec<Spanned<String>>,
    /// The language of its keywords: the first that says (`circular` or `surat_edaran`),
    /// English for a file without any.
    pub lang: crate::Lang,
}

/// A top-level item.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// `circular "ID" { ... }`
    Circular(Circular),
    /// `sector NAME = [...]` or `region NAME = [...]` shared by the file's circulars.
    Set(SetDef),
    /// `baseline wfo N%`
    Baseline(Spanned<PctLit>),
    /// `test "NAME" given ... { ... }`
    Test(TestBlock),
    /// `holiday DATE [to DATE] STRING`
    Holiday(Spanned<HolidayDef>),
    /// `workweek DAY to DAY`
    Workweek(Spanned<WorkweekDef>),
    /// `calendar none`, at this span.
    CalendarNone(Span),
}

/// One Surat Edaran.
#[derive(Clone, Debug)]
pub struct Circular {
    /// The whole block.
    pub span: Span,
    /// The span of the `circular` keyword (where "missing clause" points).
    pub keyword: Span,
    /// The circular's number, e.g. `"800/2928-BKD/2023"`.
    pub id: Option<Str>,
    /// Clauses in source order.
    pub clauses: Vec<Clause>,
}

/// A clause of a circular, with its span.
pub type Clause = Spanned<ClauseKind>;

/// The clauses of docs/language.md section 4.
#[derive(Clone, Debug, PartialEq)]
pub enum ClauseKind {
    /// `title STRING`
    Title(Str),
    /// `issuer STRING level LEVEL`
    Issuer {
        /// Who issued it.
        name: Str,
        /// Its rank; `None` when the `level` part is missing (or its word is unknown).
        level: Option<Spanned<Option<Level>>>,
    },
    /// `signed DATE by STRING`
    Signed {
        /// Signing date.
        date: DateLit,
        /// Signatory.
        by: Option<Str>,
    },
    /// `valid ...`
    Valid(Validity),
    /// `basis STRING, ...`
    Basis(Vec<Str>),
    /// `scope all` or `scope STRING, ...`
    Scope(Scope),
    /// `revokes STRING, ...`
    Revokes(Vec<Str>),
    /// `sector`/`region` definition.
    Set(SetDef),
    /// `exempt SELECTOR`
    Exempt(Selector),
    /// `rule NAME: SELECTOR => ARRANGEMENT MODIFIERS`
    Rule(Box<RuleDef>),
    /// `wfh priority N: SELECTOR`
    Priority {
        /// The rank (1 is first).
        rank: Spanned<u32>,
        /// Who it covers.
        selector: Selector,
    },
    /// `duty STRING`
    Duty(Str),
    /// `condition NAME STRING`: a situation the circular foresees.
    Condition {
        /// Its name, as `when` names it.
        name: Ident,
        /// What it means, in the circular's words.
        text: Str,
    },
}

/// The rank of an issuer, for lex superior.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// A regency or city.
    Local,
    /// A province.
    Provincial,
    /// The central government.
    National,
}

impl Level {
    /// Every level, highest first.
    pub const ALL: [Level; 3] = [Level::National, Level::Provincial, Level::Local];

    /// The keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Local => "local",
            Level::Provincial => "provincial",
            Level::National => "national",
        }
    }

    /// The word in `lang`: `nasional`, `provinsi`, `kabupaten_kota` in Indonesian.
    pub fn word(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::En => self.as_str(),
            crate::Lang::Id => match self {
                Level::Local => "kabupaten_kota",
                Level::Provincial => "provinsi",
                Level::National => "nasional",
            },
        }
    }

    /// Parses the word, in either language.
    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| crate::Lang::ALL.iter().any(|&lang| l.word(lang) == name))
    }

    /// The language of a level's word (`None` for no level's).
    pub fn language_of(name: &str) -> Option<crate::Lang> {
        crate::Lang::ALL
            .into_iter()
            .find(|&lang| Level::ALL.iter().any(|l| l.word(lang) == name))
    }
}

/// A validity period.
#[derive(Clone, Debug, PartialEq)]
pub enum Validity {
    /// `valid DATE to DATE [, DATE to DATE ...] [(N unit)]`: in force on the union of the
    /// windows, both ends of each inclusive.
    Windows {
        /// The windows, in the order written (at least one).
        windows: Vec<Spanned<Period>>,
        /// The optional duration claim, which counts the days of every window.
        claim: Option<Spanned<Duration>>,
    },
    /// `valid from DATE`: until revoked.
    From(DateLit),
}

/// `DATE to DATE`, both ends inclusive: a window of a validity or of a `during`.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    /// First day.
    pub from: DateLit,
    /// Last day (inclusive).
    pub to: DateLit,
}

impl Period {
    /// Both days, when both are real dates.
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.from.node?, self.to.node?))
    }

    /// The days of every window, when each is made of real dates in order (`None` otherwise:
    /// `invalid-date` or `empty-period` is reported).
    pub fn all_dates(windows: &[Spanned<Period>]) -> Option<Vec<(NaiveDate, NaiveDate)>> {
        windows
            .iter()
            .map(|w| w.node.dates().filter(|(a, b)| a <= b))
            .collect()
    }

    /// Some periods as a sorted list of disjoint runs of days, both ends inclusive: overlapping
    /// or adjacent periods are merged (`1 to 3, 4 to 6` is `1 to 6`). Periods that end before
    /// they start are left out (they are `empty-period`).
    pub fn merged(
        periods: impl IntoIterator<Item = (NaiveDate, NaiveDate)>,
    ) -> Vec<(NaiveDate, NaiveDate)> {
        let mut periods: Vec<(NaiveDate, NaiveDate)> =
            periods.into_iter().filter(|(a, b)| a <= b).collect();
        periods.sort_unstable();
        let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(periods.len());
        for (a, b) in periods {
            match runs.last_mut() {
                Some((_, end)) if end.succ_opt().is_none_or(|next| a <= next) => {
                    *end = (*end).max(b)
                }
                _ => runs.push((a, b)),
            }
        }
        runs
    }
}

/// A duration claim such as `(1 month)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duration {
    /// How many.
    pub count: u32,
    /// Of what.
    pub unit: DurationUnit,
}

/// The unit of a duration claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationUnit {
    /// Days.
    Day,
    /// Weeks of seven days.
    Week,
    /// Calendar months.
    Month,
    /// Working days: the days of the calendar that are not days off.
    WorkingDay,
}

/// The governments a circular binds.
#[derive(Clone, Debug, PartialEq)]
pub enum Scope {
    /// `scope all`
    All,
    /// `scope "A", "B"`
    Govs(Vec<Str>),
}

/// Whether a set holds units, places or governments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetKind {
    /// `sector`: a set of units.
    Sector,
    /// `region`: a set of places.
    Region,
    /// `govs`: a set of governments.
    Govs,
}

impl SetKind {
    /// The keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            SetKind::Sector => "sector",
            SetKind::Region => "region",
            SetKind::Govs => "govs",
        }
    }

    /// What messages call a set of this kind.
    pub fn noun(self) -> &'static str {
        match self {
            SetKind::Sector => "sector",
            SetKind::Region => "region",
            SetKind::Govs => "set of governments",
        }
    }
}

/// `sector NAME = [...]`, `region NAME = [...]` or `govs NAME = [...]`.
#[derive(Clone, Debug)]
pub struct SetDef {
    /// The whole definition.
    pub span: Span,
    /// Sector or region.
    pub kind: SetKind,
    /// Its name.
    pub name: Ident,
    /// Its members.
    pub members: Vec<Str>,
}

/// A rule.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleDef {
    /// Its name.
    pub name: Ident,
    /// Whom it covers; `Otherwise` applies where no other rule of the circular does.
    pub selector: RuleSelector,
    /// What it requires.
    pub arrangement: Spanned<Arrangement>,
    /// `except`, `overrides`, `during`, in source order.
    pub modifiers: Vec<Spanned<Modifier>>,
}

/// The selector of a rule.
#[derive(Clone, Debug)]
pub enum RuleSelector {
    /// `otherwise`, at this span.
    Otherwise(Span),
    /// A selector.
    Selector(Selector),
}

/// A rule modifier.
#[derive(Clone, Debug, PartialEq)]
pub enum Modifier {
    /// `except SELECTOR`
    Except(Selector),
    /// `overrides NAME, ...`
    Overrides(Vec<Ident>),
    /// `during DATE to DATE [, DATE to DATE ...]`: the windows, in the order written (at least
    /// one).
    During(Vec<Spanned<Period>>),
    /// `every WEEKDAY` or `every [WEEKDAY, ...]`: the weekdays, in the order written.
    Every(Vec<WeekdayLit>),
    /// `when NAME` (`holds`) or `when not NAME`: a condition of the circular.
    When {
        /// False for `when not`.
        holds: bool,
        /// The condition.
        name: Ident,
    },
}

/// A selector with its span.
pub type Selector = Spanned<SelectorKind>;

/// Selectors of docs/language.md section 5.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectorKind {
    /// `all`
    All,
    /// `a or b or ...`
    Or(Vec<Selector>),
    /// `a and b and ...`
    And(Vec<Selector>),
    /// `not a`
    Not(Box<Selector>),
    /// A bare name: unit in that sector.
    Sector(Ident),
    /// `unit "A/B"` or `unit in SET`
    Unit(Values),
    /// `function f` or `function in [f, g]`
    Function(Vec<Ident>),
    /// `domicile "X"` or `domicile in SET`
    Domicile(Values),
    /// `office "X"` or `office in SET`
    Office(Values),
    /// `gov "X"`, `gov in [...]` or `gov in SET`
    Gov(Values),
    /// `trait t` or `trait in [t, u]`: staff with one of these personal circumstances.
    Trait(Vec<Ident>),
}

/// The values a selector names.
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    /// One string: `unit "RSUD"`.
    One(Str),
    /// A literal list: `unit in ["A", "B"]`.
    List(Vec<Str>),
    /// A named set: `unit in critical`.
    Named(Ident),
}

/// A `test` block.
#[derive(Clone, Debug)]
pub struct TestBlock {
    /// The whole block.
    pub span: Span,
    /// The `test` keyword.
    pub keyword: Span,
    /// Its name.
    pub name: Option<Str>,
    /// Dimensions that fill what an expectation leaves out.
    pub given: Vec<Spanned<Dimension>>,
    /// The expectations.
    pub expects: Vec<Expect>,
}

/// `expect QUERY = VALUE`.
#[derive(Clone, Debug)]
pub struct Expect {
    /// The whole line.
    pub span: Span,
    /// The question.
    pub query: Query,
    /// The expected answer.
    pub expected: Spanned<Expected>,
}

/// The expected answer of an `expect`.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// A WFO share or interval, compared with the answer's interval: `= at most 25%` and
    /// `= wfo at most 25%` compare the shares only; `= wfh ...` and `= wfa ...` say where the
    /// others work too, and compare the place as well.
    Amount {
        /// The mode written before the amount, if any.
        mode: Option<Mode>,
        /// The amount.
        amount: Amount,
    },
    /// Status `baseline`.
    Baseline,
    /// Status `exempt`.
    Exempt,
    /// Status `conflict`.
    Conflict,
    /// Status `day-off`.
    DayOff,
    /// No WFH priority.
    NoPriority,
    /// A WFH priority rank.
    Rank(u32),
    /// The circulars in force.
    Circulars(Vec<Str>),
}

/// A question (docs/language.md section 9).
#[derive(Clone, Debug)]
pub struct Query {
    /// The whole query.
    pub span: Span,
    /// What is asked.
    pub kind: QueryKind,
}

/// The kinds of question.
#[derive(Clone, Debug, PartialEq)]
pub enum QueryKind {
    /// `wfo SUBJECT on DATE` or `... from DATE to DATE`
    Wfo(Subject),
    /// `explain SUBJECT on DATE`
    Explain(Subject),
    /// `wfh priority SUBJECT on DATE`
    Priority(Subject),
    /// `in force on DATE`
    InForce(DateLit),
    /// `in force from DATE to DATE`: the circulars in force on some day of the period
    InForcePeriod(DateLit, DateLit),
    /// `conflicts`
    Conflicts,
}

impl Circular {
    /// The first clause of a kind, picked by `f`.
    pub fn find<'a, T>(&'a self, f: impl Fn(&'a ClauseKind) -> Option<T>) -> Option<(T, Span)> {
        self.clauses
            .iter()
            .find_map(|c| f(&c.node).map(|t| (t, c.span)))
    }

    /// The first `valid` clause.
    pub fn validity(&self) -> Option<(&Validity, Span)> {
        self.find(|c| match c {
            ClauseKind::Valid(v) => Some(v),
            _ => None,
        })
    }

    /// The validity's first and last day, when both are real dates (`None` last day: open-ended).
    /// For several windows, the first day of the earliest and the last day of the latest.
    pub fn period(&self) -> Option<(NaiveDate, Option<NaiveDate>)> {
        match self.validity()?.0 {
            Validity::Windows { windows, .. } => {
                let mut from: Option<NaiveDate> = None;
                let mut to: Option<NaiveDate> = None;
                for w in windows {
                    let (a, b) = w.node.dates()?;
                    from = Some(from.map_or(a, |f| f.min(a)));
                    to = Some(to.map_or(b, |t| t.max(b)));
                }
                Some((from?, Some(to?)))
            }
            Validity::From(from) => Some((from.node?, None)),
        }
    }

    /// The first day of the validity, as written (of its first window).
    pub fn valid_from(&self) -> Option<&DateLit> {
        match self.validity()?.0 {
            Validity::Windows { windows, .. } => windows.first().map(|w| &w.node.from),
            Validity::From(from) => Some(from),
        }
    }

    /// The last day of the validity, as written (of its last window; `None` when open-ended or
    /// missing).
    pub fn valid_to(&self) -> Option<&DateLit> {
        match self.validity()?.0 {
            Validity::Windows { windows, .. } => windows.last().map(|w| &w.node.to),
            Validity::From(_) => None,
        }
    }

    /// The first `signed` date.
    pub fn signed(&self) -> Option<&DateLit> {
        self.find(|c| match c {
            ClauseKind::Signed { date, .. } => Some(date),
            _ => None,
        })
        .map(|(d, _)| d)
    }

    /// The rules with the span of their clause.
    pub fn rules(&self) -> impl Iterator<Item = (&RuleDef, Span)> {
        self.clauses.iter().filter_map(|c| match &c.node {
            ClauseKind::Rule(r) => Some((&**r, c.span)),
            _ => None,
        })
    }

    /// The circular's number for messages: `circular \`ID\`` or `this circular`.
    pub fn shown(&self) -> String {
        match &self.id {
            Some(id) => format!("circular `{}`", id.node),
            None => "this circular".to_string(),
        }
    }

    /// [`Circular::shown`] as a message of `locales/`, in either language.
    pub fn shown_text(&self) -> crate::msg::Text {
        match &self.id {
            Some(id) => crate::text!("circular-named", name = &id.node),
            None => crate::text!("this-circular"),
        }
    }
}

#[cfg(test)]
mod tests;
